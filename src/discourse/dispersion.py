"""Dispersion: how evenly terms spread over the parts of a text, and where they occur.

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

import pandas as pd

from discourse import provenance
from discourse.checks import check_choice, check_columns
from discourse.keyness import GROUPINGS

__all__ = ["dispersion", "keyness_dispersion", "lexical_dispersion"]


@provenance.tracked
def dispersion(tokens: pd.DataFrame, terms=None, *, by: str = "doc_id") -> pd.DataFrame:
    """Paragraph dispersion of terms in each document (or year): counts and Gries's DP.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table (needs ``doc_id, year, paragraph, term``).
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
        (Lijffijt and Gries 2012), in [0, 1]. Rows only where ``count > 0``;
        sorted by term then unit.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["d"] * 4, "year": [1] * 4,
    ...                   "paragraph": [1, 1, 2, 2], "term": ["a", "b", "a", "b"]})
    >>> dispersion(t)[["term", "paragraphs", "dp"]].values.tolist()
    [['a', 2, 0.0], ['b', 2, 0.0]]
    """
    check_choice("by", by, GROUPINGS)
    check_columns(tokens, ("doc_id", "year", "paragraph", "term"), "tokens table")
    part = tokens["doc_id"].astype(str) + "\x1f" + tokens["paragraph"].astype(str)
    t = pd.DataFrame({"unit": tokens[by], "part": part, "term": tokens["term"]})
    sizes = t.groupby(["unit", "part"]).size().rename("size").reset_index()
    unit_tot = sizes.groupby("unit")["size"].transform("sum")
    sizes["s"] = sizes["size"] / unit_tot
    min_s = sizes.groupby("unit")["s"].min()
    n_parts = sizes.groupby("unit").size()
    sel = t if terms is None else t[t["term"].isin(list(terms))]
    c = sel.groupby(["unit", "term", "part"]).size().rename("n").reset_index()
    c = c.merge(sizes[["unit", "part", "s"]], on=["unit", "part"])
    tot = c.groupby(["unit", "term"])["n"].transform("sum")
    c["v"] = c["n"] / tot
    # parts where the term is absent contribute s_i each: sum over all parts of
    # |v - s| = sum over present parts |v - s| + (1 - sum over present parts s)
    g = c.assign(dev=(c["v"] - c["s"]).abs()).groupby(["unit", "term"])
    out = pd.DataFrame({"count": g["n"].sum(), "paragraphs": g.size(),
                        "dev": g["dev"].sum(), "s_present": g["s"].sum()}).reset_index()
    out["dp"] = 0.5 * (out["dev"] + 1 - out["s_present"])
    out["dp"] = out["dp"].clip(lower=0).round(12)
    out["paragraphs_total"] = out["unit"].map(n_parts).astype(int)
    out["dp_norm"] = (out["dp"] / (1 - out["unit"].map(min_s))).round(12)
    out = out.rename(columns={"unit": by})
    out = out.sort_values(["term", by], kind="stable").reset_index(drop=True)
    return out[["term", by, "count", "paragraphs", "paragraphs_total", "dp", "dp_norm"]]


@provenance.tracked
def keyness_dispersion(keyness_table: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """Put paragraph dispersion per document beside each term of a keyness table.

    Returns
    -------
    pandas.DataFrame
        The keyness table plus, for every document ``D`` in ``tokens`` (in corpus
        order), the columns ``paragraphs_D`` (paragraphs of D containing the
        term), ``paragraphs_total_D`` (paragraphs of D with at least one token) and
        ``dp_D`` (Gries's DP within D, see :func:`dispersion`; empty if the term
        does not occur in D). Row order as in ``keyness_table``.
    """
    disp = dispersion(tokens, keyness_table["term"], by="doc_id")
    out = keyness_table.copy()
    for doc in tokens["doc_id"].drop_duplicates():
        d = disp[disp["doc_id"] == doc].set_index("term")
        total = int(tokens[tokens["doc_id"] == doc]["paragraph"].nunique())
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
