"""Frame coding in worker processes: the same codes, in the same order, on several cores.

The coder remembers nothing across a document, and nothing across a paragraph
(:func:`discourse.framing.stream.code_stream`), so a stream of rows can be cut where
both the document and the paragraph change and the pieces coded independently:

* :func:`chunks` cuts the rows into lists of about ``chunk_size`` rows at such
  boundaries (a row without document or paragraph is a boundary on its own);
* :func:`code_in_workers` codes the chunks in worker processes started for the call,
  each given the compiled lexicon once (forked from this process where that is safe,
  :func:`discourse.workers.start_method`, so that the lexicon is not even pickled;
  loky's executor elsewhere, which needs no ``if __name__ == "__main__"`` guard in
  scripts and works in notebooks), and each keeping its look-ups and memo of analysed
  sentences (:class:`~discourse.framing.matcher.Caches`) from chunk to chunk, as one
  process keeps them from sentence to sentence. It yields the codes in input order
  while later chunks are still being read: at most two chunks per worker are in flight,
  so memory stays bounded however long the input.

Until stop 59 each chunk went to a joblib worker with the pickled lexicon and fresh
caches: on 300,871 sentences of prose two workers took 9.4 s against one process's
6.5 s. With one lexicon and one set of caches per worker, two forked workers took 6.0 s
against one process's 7.2 s (medians of three rounds side by side; the workers' CPU time
together is about 1.7 times one process's, so on the project's 2-core machine they gain
little; ``benchmarks/README.md``, stop 59); at stop 60 they took 5.4 s against 4.8 s on
the same sentences, 4.2 s against 3.6 s on the first 150,000 and 2.2 s against 1.1 s on
the first 60,000: on 2 cores they do not pay.

The output equals that of one process, sentence for sentence (tested).
"""

from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

from discourse.checks import resolve_jobs
from discourse.framing.lexicon import Lexicon
from discourse.framing.matcher import Caches
from discourse.framing.stream import SentenceCode, code_stream

__all__ = ["chunks", "code_in_workers"]


def _boundary_keys(row: tuple) -> tuple:
    """``(document, paragraph)`` of a row (``None`` where the row has none)."""
    return (row[3] if len(row) == 5 else None), row[2]


def chunks(rows: Iterable[tuple], chunk_size: int) -> Iterator[list]:
    """Cut rows into lists of at least ``chunk_size`` rows (except the last), each ending
    where the next row starts a new document and a new paragraph.

    A row whose paragraph is ``None`` is a paragraph of its own; rows without a
    document (three-tuples, or ``None``) never tie a chunk to the next one by their
    document.

    Examples
    --------
    >>> rows = [(1, "a", "p1", "d1", None), (2, "b", "p1", "d1", None),
    ...         (3, "c", "p2", "d2", None), (4, "d", "p3", "d2", None)]
    >>> [[r[0] for r in c] for c in chunks(rows, 1)]
    [[1, 2], [3, 4]]
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size={chunk_size!r} must be a positive integer")
    chunk: list = []
    prev = None
    for row in rows:
        doc, para = _boundary_keys(row)
        if len(chunk) >= chunk_size and prev is not None:
            pdoc, ppara = prev
            same_doc = doc is not None and doc == pdoc
            same_para = para is not None and para == ppara
            if not same_doc and not same_para:
                yield chunk
                chunk = []
        chunk.append(row)
        prev = (doc, para)
    if chunk:
        yield chunk


#: In a worker process of :func:`code_in_workers`: the lexicon, tokenizer and caches it
#: codes every chunk with, set once when the worker starts (:func:`_start_worker`);
#: empty in any other process.
_WORKER: dict = {}


def _start_worker(lex: Lexicon, tokenizer: str) -> None:
    _WORKER.update(lex=lex, tokenizer=tokenizer, caches=Caches(lex))


def _code_chunk(rows: list) -> list[tuple]:
    w = _WORKER
    return [tuple(c) for c in code_stream(rows, w["lex"], w["tokenizer"], w["caches"])]


def code_in_workers(rows: Iterable[tuple], lex: Lexicon, *, tokenizer: str = "fast",
                    n_jobs: int = -1, chunk_size: int = 5000) -> Iterator[SentenceCode]:
    """Code rows as :func:`~discourse.framing.coder.iter_codes` does, in worker processes.

    Parameters
    ----------
    rows : iterable of tuple
        As for :func:`~discourse.framing.coder.iter_codes`.
    lex : Lexicon
    tokenizer : {"fast", "nltk"}
    n_jobs : int
        Worker processes (``-1``: one per core).
    chunk_size : int
        Rows per task, at least (chunks end at a document and paragraph boundary).

    Returns
    -------
    iterator of SentenceCode
        In input order; identical to one process.
    """
    workers = resolve_jobs(n_jobs)
    if chunk_size < 1:
        raise ValueError(f"chunk_size={chunk_size!r} must be a positive integer")
    return _stream(rows, lex, tokenizer, workers, chunk_size)


def _executor(workers: int, lex: Lexicon, tokenizer: str):
    """A pool of ``workers`` processes, each started with the lexicon (:func:`_start_worker`):
    forked where :func:`discourse.workers.start_method` says that is safe (Python's
    executor starts them all before its manager thread), loky's elsewhere."""
    from discourse.workers import start_method

    if start_method() == "fork":
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_start_worker, initargs=(lex, tokenizer))
    from joblib.externals.loky import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(lex, tokenizer))


def _stream(rows, lex, tokenizer, workers, chunk_size) -> Iterator[SentenceCode]:
    pool = _executor(workers, lex, tokenizer)
    pending: deque = deque()
    try:
        for chunk in chunks(rows, chunk_size):
            pending.append(pool.submit(_code_chunk, chunk))
            if len(pending) >= 2 * workers:          # at most two chunks a worker
                yield from map(SentenceCode._make, pending.popleft().result())
        while pending:
            yield from map(SentenceCode._make, pending.popleft().result())
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True)
