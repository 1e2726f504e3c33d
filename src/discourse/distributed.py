"""Dask: segmentation, frame coding and term counts of partitions of documents on a cluster.

An optional extra (``pip install discourse[dask]``). The per-sentence steps are
independent per document (a paragraph never crosses a document, and the frame coder's
context rule stays within a paragraph), so the ``docs`` table is cut into contiguous
partitions of documents (:func:`discourse.parallel.partitions`), each partition is
processed by a worker of a Dask ``distributed`` cluster with the package's own
functions, and the pieces are put back together in corpus order:

* :func:`segment`: :func:`discourse.corpus.segment` per partition, concatenated;
* :func:`code_frames`: segmentation and :func:`discourse.framing.code_sentences` per
  partition (the public API of the coder), concatenated;
* :func:`count_terms`: segmentation and :func:`discourse.counts.count_terms` per
  partition, combined with :func:`discourse.counts.combine`.

The results are identical to the single-process functions (the tests compare them on a
``LocalCluster``). Pass a ``distributed.Client``; the cluster (local processes, or
machines reached by a scheduler address) is the caller's to start and stop. What one
machine handles, and from what corpus size a cluster pays, is measured in
``benchmarks/README.md``.

References
----------
Rocklin, M. (2015). Dask: parallel computation with blocked algorithms and task
scheduling. *Proceedings of the 14th Python in Science Conference*, 130-136.
"""

from __future__ import annotations

from typing import Mapping

import pandas as pd

from discourse.counts import LEVELS, TermCounts, combine
from discourse.counts import count_terms as _count
from discourse.parallel import partitions
from discourse.terms import TermOptions, as_options

__all__ = ["segment", "code_frames", "count_terms", "default_partitions"]


def default_partitions(client, n_docs: int) -> int:
    """Two partitions per worker thread of ``client`` (at most one per document)."""
    threads = sum(client.nthreads().values()) if hasattr(client, "nthreads") else 1
    return max(1, min(n_docs, 2 * threads))


def _map(client, func, docs: pd.DataFrame, npartitions: int | None, *args) -> list:
    """Run ``func(partition, *args)`` for each partition on the cluster, in order."""
    if len(docs) == 0:
        raise ValueError("the docs table is empty")
    n = default_partitions(client, len(docs)) if npartitions is None else int(npartitions)
    if n < 1:
        raise ValueError(f"npartitions={npartitions!r} must be a positive integer")
    parts = [docs.iloc[a:b].reset_index(drop=True) for a, b in partitions(len(docs), n)]
    # the texts go to the workers as data (scatter), not inside the task graph, under
    # keys of their own: hashed keys are the same for the same partitions, and a call
    # right after another on the same docs could ask for data the first one's release
    # was removing ("lost dependencies")
    data = client.scatter(parts, hash=False)
    futures = client.map(func, data, *[[a] * len(parts) for a in args], pure=False)
    return client.gather(futures)


def _segment_part(docs: pd.DataFrame) -> pd.DataFrame:
    from discourse.segmentation import segment as _segment

    return _segment(docs)


def _code_part(docs: pd.DataFrame, lexicon) -> pd.DataFrame:
    from discourse.framing import code_sentences
    from discourse.segmentation import segment as _segment

    return code_sentences(_segment(docs), lexicon)


def _count_part(docs: pd.DataFrame, options: TermOptions, level: str) -> TermCounts:
    # counted as in one process (the collector paused, NLTK's tokenizers alone); the
    # worker's threads may share the session (discourse.lean_start)
    from discourse.lean_start import counting_session
    from discourse.segmentation import iter_sentences

    with counting_session():
        return _count(iter_sentences(docs), options, level=level)


def segment(docs: pd.DataFrame, client, *, npartitions: int | None = None) -> pd.DataFrame:
    """The ``sentences`` table of ``docs``, segmented on a Dask cluster.

    Parameters
    ----------
    docs : pandas.DataFrame
        A ``docs`` table (:func:`discourse.corpus.load_docs`).
    client : distributed.Client
        A client of a running cluster.
    npartitions : int, optional
        Partitions of documents (default :func:`default_partitions`).

    Returns
    -------
    pandas.DataFrame
        Equal to ``discourse.corpus.segment(docs)``.
    """
    return pd.concat(_map(client, _segment_part, docs, npartitions), ignore_index=True)


def code_frames(docs: pd.DataFrame, client, *, lexicon=None,
                npartitions: int | None = None) -> pd.DataFrame:
    """Frame codes of every sentence of ``docs``, segmented and coded on a cluster.

    Parameters
    ----------
    docs : pandas.DataFrame
    client : distributed.Client
    lexicon : Lexicon or path-like, optional
        As in :func:`discourse.framing.code_sentences` (default: the project's).
    npartitions : int, optional

    Returns
    -------
    pandas.DataFrame
        Equal to ``framing.code_sentences(corpus.segment(docs), lexicon)``.
    """
    return pd.concat(_map(client, _code_part, docs, npartitions, lexicon),
                     ignore_index=True)


def count_terms(docs: pd.DataFrame, client, options: TermOptions | Mapping = TermOptions(),
                *, level: str = "year", npartitions: int | None = None) -> TermCounts:
    """Term counts of ``docs`` (:class:`discourse.counts.TermCounts`) made on a cluster.

    Parameters
    ----------
    docs : pandas.DataFrame
    client : distributed.Client
    options : TermOptions or mapping
    level : {"paragraph", "doc_id", "year"}
    npartitions : int, optional

    Returns
    -------
    TermCounts
        Equal to ``discourse.parallel.count_documents(docs, options, level=level)``.
    """
    import dataclasses

    from discourse import provenance
    from discourse.checks import check_choice

    check_choice("level", level, LEVELS)
    out = combine(_map(client, _count_part, docs, npartitions, as_options(options), level))
    return dataclasses.replace(out, source=provenance.of(docs) or {})
