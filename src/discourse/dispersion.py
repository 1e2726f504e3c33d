"""Dispersion: how evenly terms spread over the parts of a text, and where they occur.

Dispersion and keyness with dispersion work from paragraph-level term counts
(:func:`discourse.counts.count_terms`) or a ``tokens`` table; lexical dispersion needs
the tokens table (positions).

* **Dispersion** (:func:`dispersion`): parts are paragraphs. Gries's (2008) DP and its
  normalised form DP_norm (Lijffijt and Gries 2012).
* **Keyness with dispersion** (:func:`keyness_dispersion`): a keyness table with the
  paragraph dispersion of each term in every document beside it.
* **Lexical dispersion** (:func:`lexical_dispersion`): the positions of chosen terms
  along the running text of each document.

References
----------
Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora.
*International Journal of Corpus Linguistics* 13(4), 403-437.
Lijffijt, J. and Gries, S. Th. (2012). Correction to Stefan Th. Gries' "Dispersions
and adjusted frequencies in corpora". *International Journal of Corpus Linguistics*
17(1), 147-149.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse import provenance
from discourse.checks import check_choice, check_columns
from discourse.keyness import GROUPINGS

__all__ = ["dispersion", "keyness_dispersion", "lexical_dispersion"]


@provenance.tracked
def dispersion(data, terms=None, *, by: str = "doc_id") -> pd.DataFrame:
    """Paragraph dispersion of terms in each document (or year): counts and Gries's DP.

    Parameters
    ----------
    data : TermCounts or pandas.DataFrame
        Paragraph-level term counts (:func:`discourse.counts.count_terms`) or a
        ``tokens`` table (needs ``doc_id, year, paragraph, term``).
    terms : list of str, optional
        Terms to report (default: all).
    by : {"doc_id", "year"}
        The unit whose parts are paragraphs (with ``"year"``, the paragraphs of all
        documents of that year).

    Returns
    -------
    pandas.DataFrame
        ``dispersion``: ``term, {by}, count, paragraphs, paragraphs_total, dp,
        dp_norm``. ``paragraphs`` is the number of paragraphs containing the term,
        ``paragraphs_total`` the number of paragraphs with at least one token.
        ``dp`` is Gries's (2008) deviation of proportions,
        ``DP = 0.5 * sum_i |v_i - s_i|`` over paragraphs i, with ``s_i`` the
        paragraph's share of the unit's tokens and ``v_i`` its share of the term's
        occurrences: 0 = spread exactly in proportion to paragraph size, near 1 =
        concentrated in one small paragraph. ``dp_norm = dp / (1 - min_i s_i)``
        (Lijffijt and Gries 2012), in [0, 1]: DP divided by its largest possible
        value in that unit. A unit of one paragraph has DP = 0 and a largest value
        of 0 (a term cannot be spread unevenly over one part), so its ``dp_norm`` is
        undefined and given as NaN (without a warning). Rows only where ``count >
        0``; sorted by term then unit.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["d"] * 4, "year": [1] * 4,
    ...                   "paragraph": [1, 1, 2, 2], "term": ["a", "b", "a", "b"]})
    >>> dispersion(t)[["term", "paragraphs", "dp"]].values.tolist()
    [['a', 2, 0.0], ['b', 2, 0.0]]
    """
    check_choice("by", by, GROUPINGS)
    counts = _paragraph_counts(data)
    M = counts.matrix.tocsr()
    if terms is not None:
        wanted = set(map(str, terms))
        keep_cols = np.array([str(t) in wanted for t in counts.terms])
    else:
        keep_cols = np.ones(len(counts.terms), dtype=bool)
    units = counts.rows[by].to_numpy()
    sizes = np.asarray(M.sum(axis=1)).ravel().astype(float)
    frames = []
    for unit in sorted(set(units)):
        rows = np.flatnonzero(units == unit)
        sub = M[rows].tocoo()
        s = sizes[rows] / sizes[rows].sum()
        ok = keep_cols[sub.col]
        r, c, n = sub.row[ok], sub.col[ok], sub.data[ok].astype(float)
        if not len(c):
            continue
        count = np.bincount(c, weights=n, minlength=M.shape[1])
        v = n / count[c]
        dev = np.bincount(c, weights=np.abs(v - s[r]), minlength=M.shape[1])
        s_present = np.bincount(c, weights=s[r], minlength=M.shape[1])
        npar = np.bincount(c, minlength=M.shape[1])
        cols = np.flatnonzero(count > 0)
        dp = np.clip(0.5 * (dev[cols] + 1 - s_present[cols]), 0, None).round(12)
        frames.append(pd.DataFrame({
            "term": np.asarray(counts.terms)[cols].astype(str), by: unit,
            "count": count[cols].astype(int), "paragraphs": npar[cols].astype(int),
            "paragraphs_total": len(rows), "dp": dp,
            "dp_norm": (dp / (1 - s.min())).round(12) if s.min() < 1 else np.nan}))
    cols = ["term", by, "count", "paragraphs", "paragraphs_total", "dp", "dp_norm"]
    if not frames:
        return pd.DataFrame(columns=cols)
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["term", by], kind="stable").reset_index(drop=True)[cols]


def _paragraph_counts(data):
    from discourse.counts import TermCounts, from_tokens

    if isinstance(data, TermCounts):
        if data.level != "paragraph":
            raise ValueError(f"dispersion needs paragraph-level counts, not {data.level!r}")
        return data
    check_columns(data, ("doc_id", "year", "paragraph", "term"), "tokens table")
    return from_tokens(data)


@provenance.tracked
def keyness_dispersion(keyness_table: pd.DataFrame, data) -> pd.DataFrame:
    """Put paragraph dispersion per document beside each term of a keyness table.

    Parameters
    ----------
    keyness_table : pandas.DataFrame
        A ``keyness`` table.
    data : TermCounts or pandas.DataFrame
        Paragraph-level term counts or a ``tokens`` table.

    Returns
    -------
    pandas.DataFrame
        The keyness table plus, for every document ``D`` in ``data`` (in corpus
        order), the columns ``paragraphs_D`` (paragraphs of D containing the
        term), ``paragraphs_total_D`` (paragraphs of D with at least one token) and
        ``dp_D`` (Gries's DP within D, see :func:`dispersion`; empty if the term
        does not occur in D). Row order as in ``keyness_table``.
    """
    counts = _paragraph_counts(data)
    disp = dispersion(counts, keyness_table["term"], by="doc_id")
    out = keyness_table.copy()
    docs = counts.rows["doc_id"]
    for doc in docs.drop_duplicates():
        d = disp[disp["doc_id"] == doc].set_index("term")
        total = int((docs == doc).sum())
        out[f"paragraphs_{doc}"] = out["term"].map(d["paragraphs"]).fillna(0).astype(int)
        out[f"paragraphs_total_{doc}"] = total
        out[f"dp_{doc}"] = out["term"].map(d["dp"])
    return out


@provenance.tracked
def lexical_dispersion(tokens: pd.DataFrame, terms) -> pd.DataFrame:
    """Where chosen terms occur along the running text of each document.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table; ``position`` numbers the terms of each document from 0.
        Build it with ``stopwords=False`` to measure positions in (nearly) all words.
    terms : list of str
        Terms as they appear in ``tokens`` (e.g. ``"member state"``).

    Returns
    -------
    pandas.DataFrame
        ``lexical_dispersion``: ``doc_id, year, term, position, doc_length,
        relative_position`` (position / doc_length, in [0, 1)), one row per
        occurrence, in document then position order. ``doc_length`` is the
        document's number of tokens.
    """
    check_columns(tokens, ("doc_id", "year", "position", "term"), "tokens table")
    terms = [terms] if isinstance(terms, str) else list(terms)
    if not terms:
        raise ValueError("terms is empty: name at least one term")
    length = tokens.groupby("doc_id", sort=False)["position"].max() + 1
    hit = tokens[tokens["term"].isin(terms)]
    out = pd.DataFrame({"doc_id": hit["doc_id"], "year": hit["year"], "term": hit["term"],
                        "position": hit["position"]})
    out["doc_length"] = out["doc_id"].map(length).astype(int)
    out["relative_position"] = out["position"] / out["doc_length"]
    order = {d: i for i, d in enumerate(tokens["doc_id"].drop_duplicates())}
    out = out.assign(_o=out["doc_id"].map(order)).sort_values(
        ["_o", "position"], kind="stable").drop(columns="_o")
    return out.reset_index(drop=True)
