"""Keywords: term frequencies and term families by year or document; the keyword steps.

Every function takes a table and returns a new table of a named kind. The input is
usually the ``tokens`` table of :func:`discourse.preprocess.tokens` (one row per
analysis term). This module counts; the other keyword steps live in their own
modules and are re-exported here under their old names:

* :mod:`discourse.keyness`: :func:`g2`, :func:`log_ratio`, :func:`keyness`,
  :func:`bootstrap_keyness`;
* :mod:`discourse.dispersion`: :func:`dispersion`, :func:`keyness_dispersion`,
  :func:`lexical_dispersion`;
* :mod:`discourse.concordance`: :func:`kwic`, :func:`collocations`.

Conventions: a *token* (the denominator of every rate) is one row of the ``tokens``
table, i.e. one analysis term; ``per10k = 10,000 * count / total``, comparable only
between tables built with the same options.
"""

from __future__ import annotations

import os
from typing import Mapping

import pandas as pd

from discourse import lexicons, paths, provenance
from discourse.checks import check_choice, check_columns
from discourse.concordance import collocations, kwic
from discourse.dispersion import dispersion, keyness_dispersion, lexical_dispersion
from discourse.keyness import (CORRECTIONS, G2_FORMS, GROUPINGS, KEYNESS_COLUMNS,
                               bootstrap_keyness, g2, keyness, log_ratio)

__all__ = [
    "frequencies",
    "load_term_families",
    "term_family_rates",
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


@provenance.tracked
def frequencies(tokens: pd.DataFrame, *, by: str = "year") -> pd.DataFrame:
    """Count each term by year or by document, with its rate per 10,000 tokens.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table (:func:`discourse.preprocess.tokens`).
    by : {"year", "doc_id"}
        The grouping; any number of years or documents.

    Returns
    -------
    pandas.DataFrame
        ``frequencies``: ``{by}, term, count, total, per10k`` where ``total`` is the
        number of tokens (rows of ``tokens``) in the group and
        ``per10k = 10,000 * count / total``. Sorted by group, count descending, term.
        Terms absent from a group have no row.

    Examples
    --------
    >>> t = pd.DataFrame({"year": [2001, 2001, 2001, 2002], "term": ["a", "a", "b", "a"]})
    >>> frequencies(t).values.tolist()
    [[2001, 'a', 2, 3, 6666.666666666667], [2001, 'b', 1, 3, 3333.3333333333335], \
[2002, 'a', 1, 1, 10000.0]]
    """
    check_choice("by", by, GROUPINGS)
    check_columns(tokens, (by, "term"), "tokens table")
    counts = tokens.groupby([by, "term"]).size().rename("count").reset_index()
    totals = tokens.groupby(by).size().rename("total")
    out = counts.join(totals, on=by)
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
def term_family_rates(tokens: pd.DataFrame, families: Mapping | None = None, *,
                      by: str = "year") -> pd.DataFrame:
    """Combined count and rate per 10,000 tokens of each term family, by group.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table.
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
    check_columns(tokens, (by, "term"), "tokens table")
    families = load_term_families() if families is None else families
    groups = sorted(tokens[by].unique())
    totals = tokens.groupby(by).size()
    counts = tokens.groupby([by, "term"]).size()
    rows = []
    for fam in sorted(families):
        entry = families[fam]
        members = entry["terms"] if isinstance(entry, Mapping) else list(entry)
        for g in groups:
            found = {t: int(counts.get((g, t), 0)) for t in sorted(set(members))}
            found = {t: n for t, n in found.items() if n}
            n = sum(found.values())
            rows.append((fam, g, n, int(totals[g]), 1e4 * n / totals[g],
                         "; ".join(f"{t}:{k}" for t, k in found.items())))
    return pd.DataFrame(rows, columns=["family", by, "count", "total", "per10k",
                                       "terms_found"])
