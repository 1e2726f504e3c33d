"""Partitions of documents: counted in worker processes and combined, identical results.

The per-document steps (segmentation, term counts) are independent per document, so
a corpus can be cut into contiguous partitions of documents (:func:`partitions`), each
partition processed on its own and the results combined in order
(:func:`discourse.counts.combine`). :func:`count_documents` does this with
:class:`joblib.Parallel` worker processes on one machine; :mod:`discourse.distributed`
does the same on a Dask cluster. Either way the counts equal a single-process run.
"""

from __future__ import annotations

import dataclasses
from typing import Mapping

import numpy as np
import pandas as pd

from discourse.checks import check_choice
from discourse.counts import LEVELS, TermCounts, combine, count_terms
from discourse.lexicons import Lexicons, load_lexicons
from discourse.terms import TermOptions, as_options

__all__ = ["partitions", "count_documents"]


def partitions(n_items: int, n_parts: int, *, weights=None) -> list[tuple[int, int]]:
    """Contiguous ``(start, stop)`` ranges splitting ``n_items`` into at most ``n_parts``
    near-equal parts (none empty).

    Parameters
    ----------
    n_items, n_parts : int
    weights : array-like, optional
        One non-negative weight per item (e.g. the length of each document's text):
        the parts then have near-equal sums of weights instead of near-equal numbers
        of items (each cut where the running sum is nearest its share).

    Examples
    --------
    >>> partitions(7, 3)
    [(0, 2), (2, 5), (5, 7)]
    >>> partitions(4, 2, weights=[9, 1, 1, 1])
    [(0, 1), (1, 4)]
    """
    n_parts = max(1, min(int(n_parts), n_items))
    if weights is None:
        bounds = np.linspace(0, n_items, n_parts + 1).round().astype(int)
    else:
        cum = np.cumsum(np.asarray(weights, dtype=np.float64))
        if len(cum) != n_items:
            raise ValueError(f"weights has {len(cum)} items, not n_items={n_items}")
        share = cum[-1] * np.arange(1, n_parts) / n_parts if n_items else []
        # the cut after item i (bound i + 1) whose running sum is nearest each share
        i = np.searchsorted(cum, share).clip(0, max(n_items - 1, 0))
        below = (i > 0) & (share - cum[i - 1] < cum[i] - share)
        bounds = np.concatenate([[0], i + 1 - below, [n_items]]).astype(int)
        bounds = np.maximum.accumulate(bounds.clip(0, n_items))
    return [(int(a), int(b)) for a, b in zip(bounds[:-1], bounds[1:]) if b > a]


def _count_part(docs: pd.DataFrame, options: TermOptions, level: str,
                lexicons: Lexicons) -> TermCounts:
    # a worker process counts as ``discourse keyness`` does in one: the cyclic collector
    # paused (its passes over the memos: about a fifth of the counting's CPU time) and NLTK's two
    # tokenizer modules imported without nltk/__init__ (scipy.stats, scikit-learn)
    from discourse.lean_start import counting_session
    from discourse.segmentation import iter_sentences

    with counting_session():
        return count_terms(iter_sentences(docs), options, level=level, lexicons=lexicons)


def count_documents(docs: pd.DataFrame, options: TermOptions | Mapping = TermOptions(), *,
                    level: str = "year", lexicons: Lexicons | None = None,
                    n_jobs: int = 1, progress: bool = False, rows=None) -> TermCounts:
    """Segment and count a ``docs`` table, one document at a time (never a sentences
    table in memory).

    Parameters
    ----------
    docs : pandas.DataFrame
        A ``docs`` table (:func:`discourse.corpus.load_docs`).
    options, level, lexicons
        As in :func:`count_terms` (default level: one row per year).
    n_jobs : int
        With ``n_jobs > 1`` (``-1``: all cores) contiguous partitions of the documents,
        one per process and of near-equal text (:func:`partitions` weighted by the
        length of each text), are counted in :class:`joblib.Parallel` worker processes,
        each as ``discourse keyness`` counts in one (the cyclic garbage collector
        paused, :func:`discourse.lean_start.counting_session`), and combined
        (:func:`combine`); the counts are identical whatever ``n_jobs`` is.
    progress : bool
        A tqdm progress bar (documents, or partitions with ``n_jobs > 1``).
    rows : iterable, optional
        With ``n_jobs == 1``: the rows of ``docs`` with their texts, in order, instead
        of ``docs.itertuples()``; the stream of :func:`discourse.corpus.stream_docs`
        holds one text at a time (``docs`` then needs no ``text`` column).

    Returns
    -------
    TermCounts
    """
    from tqdm import tqdm

    from discourse import provenance

    check_choice("level", level, LEVELS)
    opts = as_options(options)
    lexicons = load_lexicons() if lexicons is None else lexicons
    source = provenance.of(docs) or {}
    if rows is not None and n_jobs != 1:
        raise ValueError("rows (a stream of documents) needs n_jobs=1")
    if n_jobs == 1 or len(docs) < 2:
        from discourse.segmentation import iter_sentences

        rows = tqdm(docs.itertuples(index=False) if rows is None else rows,
                    total=len(docs), desc="documents",
                    unit="doc", disable=not progress, mininterval=1.0)
        stream = iter_sentences(rows)          # the rows as they are: no frame per document
        out = count_terms(stream, opts, level=level, lexicons=lexicons)
    else:
        import os

        from joblib import Parallel, delayed

        workers = (os.cpu_count() or 1) if n_jobs < 0 else int(n_jobs)
        # parts of near-equal text, so that no worker is left counting alone
        parts = partitions(len(docs), workers, weights=docs["text"].str.len())
        counted = Parallel(n_jobs=n_jobs)(
            delayed(_count_part)(docs.iloc[a:b], opts, level, lexicons)
            for a, b in tqdm(parts, desc="partitions", unit="part", disable=not progress))
        out = combine(counted)
    return dataclasses.replace(out, source=source)
