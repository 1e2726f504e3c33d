"""Term counts per group (a year or a document), as keyness reads them.

:func:`group_counts` turns what :func:`discourse.keyness.keyness` accepts (a
:class:`discourse.counts.TermCounts`, a ``tokens`` table or a ``frequencies`` table) into
the counts of each group: dense arrays for a caller's use, or, for keyness itself, sparse
matrices of which it reads one group's row and the sum of other groups' rows
(:func:`sum_rows`), so that a corpus of many groups and a large vocabulary never holds the
groups x terms array.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from discourse.checks import check_choice, check_columns

__all__ = ["GROUPINGS", "group_counts", "sparse_group_counts", "sum_rows"]

#: Columns a ``tokens`` table can be grouped by (here and in the other keyword steps).
GROUPINGS = ("year", "doc_id")


def group_counts(data, by: str = "year") -> dict:
    """Counts per group of ``data`` (TermCounts, tokens or frequencies table).

    Returns
    -------
    dict
        ``terms`` (sorted), ``groups`` (sorted), ``matrix`` (groups x terms, dense
        float), ``totals``, and when paragraphs are known ``presence`` (paragraphs
        containing each term, groups x terms), ``n_paragraphs`` (per group) and
        ``paragraphs`` (the paragraph-level :class:`~discourse.counts.TermCounts`,
        for the permutation test); else those are ``None``.
    """
    counts = sparse_group_counts(data, by)
    for key in ("matrix", "presence"):
        if counts[key] is not None:
            counts[key] = counts[key].toarray().astype(float)
    return counts


def sparse_group_counts(data, by: str = "year") -> dict:
    """:func:`group_counts` with ``matrix`` and ``presence`` as sparse CSR matrices of
    counts: keyness reads a group's row and the sum of other groups' rows
    (:func:`sum_rows`), never the dense groups x terms array (for 10 million words of
    prose over 75 years the two dense arrays and their conversion to floats peaked at
    282 MB: ``benchmarks/README.md``).

    Parameters
    ----------
    data : TermCounts or pandas.DataFrame
        As :func:`group_counts` takes it.
    by : {"year", "doc_id"}

    Returns
    -------
    dict
        The keys of :func:`group_counts`; ``matrix`` and ``presence`` (where known) are
        ``scipy.sparse.csr_matrix`` of the same values.
    """
    from scipy import sparse

    from discourse import counts as C

    check_choice("by", by, GROUPINGS)
    paragraph = None
    if isinstance(data, C.TermCounts):
        tc = data
    elif {"count", "total", "term", by} <= set(data.columns) and "sentence_id" not in data:
        table = data.pivot_table(index="term", columns=by, values="count",
                                 aggfunc="sum", fill_value=0)
        totals = data.groupby(by)["total"].first()
        return {"terms": _strings(table.index),
                "groups": list(table.columns),
                "matrix": sparse.csr_matrix(table.to_numpy(dtype=float).T),
                "totals": totals.reindex(table.columns).to_numpy(dtype=float),
                "presence": None, "n_paragraphs": None, "paragraphs": None}
    else:
        check_columns(data, (by, "term"), "tokens table")
        has_par = {"doc_id", "paragraph"} <= set(data.columns)
        tc = C.from_tokens(data, level="paragraph" if has_par else by)
        if not has_par:
            tc = dataclasses.replace(tc, presence=None, n_paragraphs=None)
    if tc.level == "paragraph":
        paragraph = tc
    grouped = tc.by(by) if tc.presence is not None else tc
    return {"terms": _strings(grouped.terms),
            "groups": [g.item() if hasattr(g, "item") else g for g in grouped.rows[by]],
            "matrix": sparse.csr_matrix(grouped.matrix),
            "totals": grouped.totals.astype(float),
            "presence": None if grouped.presence is None else
            sparse.csr_matrix(grouped.presence),
            "n_paragraphs": None if grouped.n_paragraphs is None else
            np.asarray(grouped.n_paragraphs, dtype=float),
            "paragraphs": paragraph}


def sum_rows(m, rows: list) -> np.ndarray:
    """The sum of the ``rows`` of a sparse matrix ``m``, as a dense float vector (the
    counts are integers: the sum is exact, as the dense sum it replaces was).

    Examples
    --------
    >>> from scipy import sparse
    >>> sum_rows(sparse.csr_matrix([[1, 0, 2], [0, 3, 0], [4, 0, 0]]), [0, 2]).tolist()
    [5.0, 0.0, 2.0]
    """
    return np.asarray(m[rows].sum(axis=0), dtype=float).ravel()


def _strings(terms) -> np.ndarray:
    """``terms`` as an object array of ``str``: not ``astype(str)``, whose fixed-width
    array holds every term at the length of the longest (4 bytes a character; on
    real text one long chunk makes it hundreds of MB)."""
    return np.array([str(t) for t in terms], dtype=object)
