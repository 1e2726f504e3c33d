"""Partitions of documents: counted in worker processes and combined, identical results.

The per-document steps (segmentation, term counts) are independent per document, so
a corpus can be cut into contiguous partitions of documents (:func:`partitions`), each
partition processed on its own and the results combined in order
(:func:`discourse.counts.combine`). :func:`count_documents` does this with worker
processes on one machine (each reads its own documents' texts where the ``docs`` table
has none: :func:`discourse.corpus.stream_docs` with ``docs``); :mod:`discourse.distributed`
does the same on a Dask cluster. Either way the counts equal a single-process run.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Mapping

import numpy as np
import pandas as pd

from discourse.checks import check_choice, check_n_jobs, resolve_jobs, usable_cores
from discourse.counts import LEVELS, TermCounts, combine, count_paragraphs
from discourse.lexicons import Lexicons, load_lexicons
from discourse.terms import TermOptions, as_options

__all__ = ["partitions", "count_documents", "auto_jobs", "text_bytes", "WORKER_MEMO_SIZE",
           "AUTO_MIN_BYTES", "AUTO_MAX_JOBS"]

#: Entries of a generation of a worker process's chunk memos
#: (:data:`discourse.term_chunks.MEMO_SIZE` in one process): half, so that two workers'
#: memos hold as many entries as one process's. Measured at 10 million words with two
#: forked workers (``benchmarks/README.md``, "Two processes"): about 30 MB less memory a
#: worker than with the full size, and no more CPU time measurable under load; a
#: quarter took 12-14% more CPU time in the same runs.
WORKER_MEMO_SIZE = 1 << 16


#: ``--n-jobs auto`` (the command line's default) counts in one process below this much
#: text (bytes of the texts' files: about half a million words, at 6.2 bytes a word of
#: English prose), and in worker processes from it. Measured on the project's 2-core
#: machine (``benchmarks/scale_counts.py``, ``benchmarks/README.md``, stop 59): two
#: processes finished sooner than one at every size from 0.5 to 10 million words,
#: 0.5 million the smallest measured; below it a worker's start (a fixed cost) is not
#: known to pay, so one process counts.
AUTO_MIN_BYTES = 3_000_000

#: ``--n-jobs auto`` starts at most this many worker processes, however many cores the
#: machine has: each holds its own word lists, memos and counts (at 10 million words on
#: 2 cores about 130-165 MB a worker, ``benchmarks/README.md``), so that the whole tree
#: stays within a few times one process's memory; only 1 and 2 were measured.
AUTO_MAX_JOBS = 4


def auto_jobs(n_bytes: int, cores: int | None = None) -> int:
    """Number of processes ``--n-jobs auto`` counts ``n_bytes`` of text with: one below
    :data:`AUTO_MIN_BYTES`, else one per core this process may run on, at most
    :data:`AUTO_MAX_JOBS` (the counts are the same for any number).

    Parameters
    ----------
    n_bytes : int
        Size of the corpus's texts (:func:`text_bytes`).
    cores : int, optional
        Cores available (default: those this process may run on,
        :func:`~discourse.checks.usable_cores`, as ``n_jobs=-1`` counts them).

    Examples
    --------
    >>> auto_jobs(1_000, cores=8)
    1
    >>> auto_jobs(AUTO_MIN_BYTES, cores=2)
    2
    >>> auto_jobs(AUTO_MIN_BYTES, cores=64) == AUTO_MAX_JOBS
    True
    >>> auto_jobs(AUTO_MIN_BYTES, cores=1)
    1
    """
    if cores is None:
        cores = usable_cores()
    if n_bytes < AUTO_MIN_BYTES:
        return 1
    return max(1, min(int(cores), AUTO_MAX_JOBS))


def text_bytes(docs: pd.DataFrame, corpus: str | os.PathLike | None = None) -> int:
    """Size of the texts of a ``docs`` table: the length of its ``text`` column where it
    has one, else the sizes of its texts' files in ``corpus`` (default:
    :func:`discourse.paths.corpus_dir`; a missing file counts 0, the step that reads it
    names it).

    Examples
    --------
    >>> text_bytes(pd.DataFrame({"text": ["ab", "cde"]}))
    5
    """
    from discourse import paths

    root = None if "text" in docs.columns else paths.corpus_dir(corpus)
    return int(sum(_text_sizes(docs, root)))


def _text_sizes(docs: pd.DataFrame, root: Path | None) -> list[int]:
    """Each document's size: the length of its text where ``docs`` has texts, else the
    size of its file under ``root``."""
    if "text" in docs.columns:
        return docs["text"].str.len().tolist()
    return [_size(root / f) for f in docs["file"]]


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


def _count_part(docs, options: TermOptions, level: str, lexicons: Lexicons) -> TermCounts:
    # a worker process counts as ``discourse keyness`` does in one: the cyclic collector
    # paused (its passes over the memos: about a fifth of the counting's CPU time) and NLTK's two
    # tokenizer modules imported without nltk/__init__ (scipy.stats, scikit-learn); its
    # chunk memos are made with generations of WORKER_MEMO_SIZE entries, and dropped when
    # its last paragraph is analysed (forget), before its counts are assembled
    from discourse import term_chunks
    from discourse.lean_start import counting_session
    from discourse.segmentation import iter_paragraphs

    before, term_chunks.MEMO_SIZE = term_chunks.MEMO_SIZE, WORKER_MEMO_SIZE
    try:
        with counting_session():
            return count_paragraphs(iter_paragraphs(docs), options, level=level,
                                    lexicons=lexicons, forget=True)
    finally:
        term_chunks.MEMO_SIZE = before


def _count_streamed(root: Path, layer: str, docs: pd.DataFrame, options: TermOptions,
                    level: str, lexicons: Lexicons) -> TermCounts:
    # a worker reads, verifies and corrects its own documents, one at a time
    from discourse.corpus import stream_docs

    return _count_part(stream_docs(root, layer=layer, docs=docs)[1], options, level, lexicons)


def _layer(docs: pd.DataFrame) -> str:
    """The one layer of a ``docs`` table without texts (no rows: nothing is read)."""
    if "layer" not in docs.columns:
        raise ValueError("a docs table without texts needs its 'layer' column "
                         "(discourse.corpus.stream_docs)")
    layers = list(docs["layer"].unique())
    if len(layers) > 1:
        raise ValueError(f"a docs table without texts needs one layer, not {layers}")
    return str(layers[0]) if layers else "cleaned"


def _size(path: Path) -> int:
    # a missing file weighs nothing here: its worker raises the error that names it
    return path.stat().st_size if path.is_file() else 0


def count_documents(docs: pd.DataFrame, options: TermOptions | Mapping = TermOptions(), *,
                    level: str = "year", lexicons: Lexicons | None = None,
                    n_jobs: int = 1, progress: bool = False, rows=None,
                    corpus: str | os.PathLike | None = None) -> TermCounts:
    """Segment and count a ``docs`` table, one document at a time (never a sentences
    table in memory).

    Parameters
    ----------
    docs : pandas.DataFrame
        A ``docs`` table (:func:`discourse.corpus.load_docs`), or one without its
        ``text`` column (:func:`discourse.corpus.stream_docs`, or any of its rows): the
        texts are then read from ``corpus`` one document at a time, verified against
        their checksums and corrected as the table's ``layer`` says (in the worker
        processes with ``n_jobs > 1``, each its own documents).
    options, level, lexicons
        As in :func:`discourse.counts.count_terms` (default level: one row per year).
    n_jobs : int
        With ``n_jobs > 1`` (``-1``: all cores) contiguous partitions of the documents,
        one per process and of near-equal text (:func:`partitions` weighted by the
        length of each text, or by the size of each text's file where ``docs`` has no
        texts), are counted in worker processes (one per partition, ended when the
        counting ends: forked from this one where that is safe, loky's elsewhere,
        :mod:`discourse.workers`), each as ``discourse keyness`` counts in one (the
        cyclic garbage collector paused, :func:`discourse.lean_start.counting_session`;
        its chunk memos of :data:`WORKER_MEMO_SIZE` entries a generation, dropped before
        its counts are assembled), and combined (:func:`combine`); the counts are
        identical whatever ``n_jobs`` is.
    progress : bool
        A tqdm progress bar (documents, or partitions with ``n_jobs > 1``).
    rows : iterable, optional
        With ``n_jobs == 1``: the rows of ``docs`` with their texts, in order, instead
        of ``docs.itertuples()``; the stream of :func:`discourse.corpus.stream_docs`
        holds one text at a time (``docs`` then needs no ``text`` column).
    corpus : path-like, optional
        The corpus directory a ``docs`` table without texts (and without ``rows``)
        comes from (default: :func:`discourse.paths.corpus_dir`); not used otherwise.

    Returns
    -------
    TermCounts

    Notes
    -----
    What is held in memory: with a ``text`` column, the whole table (and with
    ``n_jobs > 1`` and workers started by loky, a pickled copy of each partition's texts
    on its way to a worker, and the partition in that worker; a forked worker shares
    this process's). Without it (``rows``, or the texts read from
    ``corpus``), one document's text and sentences at a time per process: this
    process holds only the table without texts, and each worker its own partition's
    rows without texts, one text at a time. Every process holds its own word lists
    (a forked worker shares this process's imported modules, but the pages of the word
    lists it reads become its own), their memos (bounded: :mod:`discourse.term_chunks`),
    the lemmas of lemminflect's table, one per word (about 4 MB, read when it first
    looks one up: :mod:`discourse.lemma_table`), and its counts (the vocabulary times
    the rows of ``level``, sparse).

    Raises
    ------
    discourse.corpus.CorpusError
        Where ``docs`` has no texts: as :func:`discourse.corpus.stream_docs` with its
        ``docs``, e.g. a text whose checksum no longer matches (from the worker that
        reads it).

    Examples
    --------
    >>> from discourse import corpus                          # doctest: +SKIP
    >>> docs, _ = corpus.stream_docs()                        # doctest: +SKIP
    >>> counts = count_documents(docs, n_jobs=2)              # doctest: +SKIP
    """
    from tqdm import tqdm

    from discourse import paths, provenance

    check_choice("level", level, LEVELS)
    check_n_jobs("n_jobs", n_jobs)
    opts = as_options(options)
    lexicons = load_lexicons() if lexicons is None else lexicons
    source = provenance.of(docs) or {}
    if rows is not None and n_jobs != 1:
        raise ValueError("rows (a stream of documents) needs n_jobs=1")
    streamed = rows is None and "text" not in docs.columns
    if streamed:
        root, layer = paths.corpus_dir(corpus), _layer(docs)
    if n_jobs == 1 or len(docs) < 2:
        from discourse.corpus import stream_docs
        from discourse.segmentation import iter_paragraphs

        if streamed:
            rows = stream_docs(root, layer=layer, docs=docs)[1]
        rows = tqdm(docs.itertuples(index=False) if rows is None else rows,
                    total=len(docs), desc="documents",
                    unit="doc", disable=not progress, mininterval=1.0)
        stream = iter_paragraphs(rows)         # the rows as they are: no frame per document
        out = count_paragraphs(stream, opts, level=level, lexicons=lexicons)
    else:
        workers = resolve_jobs(n_jobs)
        # parts of near-equal text, so that no worker is left counting alone
        weights = _text_sizes(docs, root if streamed else None)
        parts = [docs.iloc[a:b] for a, b in partitions(len(docs), workers, weights=weights)]
        tasks = [(_count_streamed, root, layer, d, opts, level, lexicons) if streamed
                 else (_count_part, d, opts, level, lexicons) for d in parts]
        out = combine(_run(tasks, progress))
    return dataclasses.replace(out, source=source)


def _run(tasks: list[tuple], progress: bool) -> list:
    """``function(*arguments)`` of each ``(function, *arguments)``, in order, each in a
    worker process of its own, started for these tasks and ended before this returns
    (:func:`discourse.workers.run`: forked where that is safe, loky's elsewhere).
    joblib's pool (:class:`joblib.Parallel`) would keep its workers for its next call,
    and with them their word lists, memos and counts (at 10 million words about 230 MB
    each beside this process's keyness table, ``benchmarks/README.md``). The first error
    in task order is raised, the other workers stopped."""
    from discourse import workers

    return workers.run(tasks, progress)
