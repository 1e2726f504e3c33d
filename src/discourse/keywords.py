"""Keywords: term frequencies and term families by year or document; the keyword steps.

Every function takes a table (or term counts) and returns a new table of a named kind.
The input is term counts (:func:`discourse.counts.count_terms`, the fast path) or the
``tokens`` table of :func:`discourse.preprocess.tokens` (one row per analysis term);
both give the same numbers. This module counts; the other keyword steps live in their
own modules and are re-exported here under their old names:

* :mod:`discourse.keyness`: :func:`g2`, :func:`log_ratio`, :func:`keyness`;
  :mod:`discourse.keyness_resampling`: :func:`bootstrap_keyness`;
* :mod:`discourse.dispersion`: :func:`dispersion`, :func:`keyness_dispersion`,
  :func:`lexical_dispersion`;
* :mod:`discourse.concordance`: :func:`kwic`, :func:`collocations`.

Conventions: a *token* (the denominator of every rate) is one row of the ``tokens``
table, i.e. one analysis term (the row sums of term counts);
``per10k = 10,000 * count / total``, comparable only between tables built with the same
options.
"""

from __future__ import annotations

import os
from typing import Mapping

import numpy as np
import pandas as pd

from discourse import lexicons, paths, provenance
from discourse.checks import check_choice, check_columns, check_positive_int
from discourse.concordance import collocations, kwic
from discourse.dispersion import dispersion, keyness_dispersion, lexical_dispersion
from discourse.keyness import (CORRECTIONS, G2_FORMS, GROUPINGS, KEYNESS_COLUMNS, g2,
                               keyness, log_ratio)
from discourse.keyness_resampling import bootstrap_keyness

__all__ = [
    "frequencies",
    "load_term_families",
    "term_family_rates",
    "key_rows",
    "key_terms",
    # re-exported from discourse.keyness, discourse.dispersion, discourse.concordance
    "KEYNESS_COLUMNS",
    "G2_FORMS",
    "CORRECTIONS",
    "GROUPINGS",
    "g2",
    "log_ratio",
    "keyness",
    "dispersion",
    "keyness_dispersion",
    "bootstrap_keyness",
    "kwic",
    "collocations",
    "lexical_dispersion",
]


def key_rows(keyness: pd.DataFrame, n: int = 15) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows of the ``n`` terms most key each way in a ``keyness`` table.

    The target's key terms are the ``n`` largest positive signed G2 (largest first),
    the reference's the ``n`` most negative (least negative first, as at the foot of
    the table sorted by signed G2); a term with G2 = 0 is neither. The two sets never
    overlap, so a table with fewer than ``2 n`` terms gives each term once (taking the
    first and last ``n`` rows of the table would list some twice). Terms tied with the
    ``n``-th at the cut are all kept, so a side can have more than ``n`` terms (which
    of several equally key terms is shown would otherwise depend on the table's
    order); tied terms keep the table's order (stable sort). Figure ``02-keyness``,
    the keyword bootstrap and the explorer's key terms all use this selection.

    Examples
    --------
    >>> k = pd.DataFrame({"term": ["a", "b", "c", "d"], "g2": [5.0, -1.0, 2.0, -4.0]})
    >>> [list(part.term) for part in key_rows(k, n=3)]
    [['a', 'c'], ['b', 'd']]
    >>> tied = pd.DataFrame({"term": list("abcd"), "g2": [5.0, 2.0, 2.0, 1.0]})
    >>> list(key_rows(tied, n=2)[0].term)
    ['a', 'b', 'c']
    """
    check_positive_int("n", n)
    top = keyness.sort_values("g2", ascending=False, kind="stable")
    pos, neg = top[top["g2"] > 0], top[top["g2"] < 0]
    if len(pos) > n:
        pos = pos[pos["g2"] >= pos["g2"].iloc[n - 1]]
    if len(neg) > n:
        neg = neg[neg["g2"] <= neg["g2"].iloc[-n]]
    return pos, neg


def key_terms(keyness: pd.DataFrame, *, n: int = 15) -> list[str]:
    """The terms of :func:`key_rows`: the target's (largest G2 first), then the
    reference's (most negative G2 first), each term once.

    Examples
    --------
    >>> k = pd.DataFrame({"term": ["a", "b", "c", "d"], "g2": [5.0, -1.0, 2.0, -4.0]})
    >>> key_terms(k, n=1)
    ['a', 'd']
    >>> key_terms(k, n=5)
    ['a', 'c', 'd', 'b']
    """
    pos, neg = key_rows(keyness, n)
    return [*pos["term"], *neg["term"].iloc[::-1]]


def _by_group(data, by: str):
    """(groups, terms, groups x terms count matrix, totals) of counts or a tokens table."""
    from discourse.counts import TermCounts, from_tokens

    if isinstance(data, TermCounts):
        counts = data.by(by)
    else:
        check_columns(data, (by, "term"), "tokens table")
        counts = from_tokens(data, level="paragraph" if {"doc_id", "paragraph"} <=
                             set(data.columns) else by)
        counts = counts.by(by) if counts.level != by else counts
    groups = [g.item() if hasattr(g, "item") else g for g in counts.rows[by]]
    return groups, np.asarray(counts.terms).astype(str), counts.matrix.tocsr(), counts.totals


@provenance.tracked
def frequencies(data, *, by: str = "year") -> pd.DataFrame:
    """Count each term by year or by document, with its rate per 10,000 tokens.

    Parameters
    ----------
    data : TermCounts or pandas.DataFrame
        Term counts (:func:`discourse.counts.count_terms`) or a ``tokens`` table
        (:func:`discourse.preprocess.tokens`).
    by : {"year", "doc_id"}
        The grouping; any number of years or documents.

    Returns
    -------
    pandas.DataFrame
        ``frequencies``: ``{by}, term, count, total, per10k`` where ``total`` is the
        number of tokens in the group and ``per10k = 10,000 * count / total``.
        Sorted by group, count descending, term. Terms absent from a group have no
        row.

    Examples
    --------
    >>> t = pd.DataFrame({"year": [2001, 2001, 2001, 2002], "term": ["a", "a", "b", "a"]})
    >>> frequencies(t).values.tolist()
    [[2001, 'a', 2, 3, 6666.666666666667], [2001, 'b', 1, 3, 3333.3333333333335], \
[2002, 'a', 1, 1, 10000.0]]
    """
    check_choice("by", by, GROUPINGS)
    groups, terms, M, totals = _by_group(data, by)
    coo = M.tocoo()
    out = pd.DataFrame({by: np.asarray(groups, dtype=object)[coo.row]
                        if by == "doc_id" else np.asarray(groups)[coo.row],
                        "term": terms[coo.col], "count": coo.data.astype(np.int64),
                        "total": totals[coo.row].astype(np.int64)})
    out = out[out["count"] > 0]
    out["per10k"] = 1e4 * out["count"] / out["total"]
    out = out.sort_values([by, "count", "term"], ascending=[True, False, True],
                          kind="stable")
    return out.reset_index(drop=True)[[by, "term", "count", "total", "per10k"]]


def load_term_families(path: str | os.PathLike | None = None) -> Mapping[str, Mapping]:
    """Read ``term_families.yaml``: ``{family: {"why": str, "terms": (str, ...)}}``.

    Reads the file when called (default: ``term_families.yaml`` of
    :func:`discourse.paths.lexicon_dir`) and returns an immutable mapping; see
    :func:`discourse.lexicons.read_term_families` for the errors.
    """
    return lexicons.read_term_families(paths.lexicon_path("term_families.yaml", path))


@provenance.tracked
def term_family_rates(data, families: Mapping | None = None, *,
                      by: str = "year") -> pd.DataFrame:
    """Combined count and rate per 10,000 tokens of each term family, by group.

    Parameters
    ----------
    data : TermCounts or pandas.DataFrame
        Term counts or a ``tokens`` table. A family of pronouns (``we_collective``)
        counts only in data made with ``keep_pronouns=True``; the rates then use
        the tokens of that analysis (pronouns included) as denominator.
    families : mapping, optional
        ``{family: {"terms": [...]}}`` or ``{family: [...]}`` (default:
        :func:`load_term_families`, read now).
    by : {"year", "doc_id"}

    Returns
    -------
    pandas.DataFrame
        ``term_families``: ``family, {by}, count, total, per10k, terms_found`` with
        one row per family and group (zero counts included); ``terms_found`` lists
        the family's terms that occur in the group with their counts
        (``"rats:3; terrorism:5"``). Sorted by family then group.
    """
    check_choice("by", by, GROUPINGS)
    families = load_term_families() if families is None else families
    groups, terms, M, totals = _by_group(data, by)
    index = {t: j for j, t in enumerate(terms)}
    order = sorted(range(len(groups)), key=lambda i: groups[i])
    rows = []
    for fam in sorted(families):
        entry = families[fam]
        members = entry["terms"] if isinstance(entry, Mapping) else list(entry)
        for i in order:
            g = groups[i]
            found = {t: int(M[i, index[t]]) if t in index else 0
                     for t in sorted(set(members))}
            found = {t: n for t, n in found.items() if n}
            n = sum(found.values())
            rows.append((fam, g, n, int(totals[i]), 1e4 * n / totals[i],
                         "; ".join(f"{t}:{k}" for t, k in found.items())))
    return pd.DataFrame(rows, columns=["family", by, "count", "total", "per10k",
                                       "terms_found"])
