"""Frame coding in worker processes: the same codes, in the same order, on several cores.

The coder remembers nothing across a document, and nothing across a paragraph
(:func:`discourse.framing.stream.code_stream`), so a stream of rows can be cut where
both the document and the paragraph change and the pieces coded independently:

* :func:`chunks` cuts the rows into lists of about ``chunk_size`` rows at such
  boundaries (a row without document or paragraph is a boundary on its own);
* :func:`code_in_workers` codes the chunks in worker processes (:class:`joblib.
  Parallel` with its default ``loky`` backend, which needs no ``if __name__ ==
  "__main__"`` guard in scripts and works in notebooks; the compiled lexicon, 0.2 MB
  pickled, goes with each chunk) and yields the codes in input order while later
  chunks are still being read: at most two chunks per worker are in flight, so memory
  stays bounded however long the input.

The output equals that of one process, sentence for sentence (tested).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from discourse.checks import resolve_jobs
from discourse.framing.stream import SentenceCode, code_stream
from discourse.framing.lexicon import Lexicon

__all__ = ["chunks", "code_in_workers", "resolve_jobs"]   # resolve_jobs: discourse.checks


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


def _code_chunk(rows: list, lex: Lexicon, tokenizer: str) -> list[tuple]:
    return [tuple(c) for c in code_stream(rows, lex, tokenizer)]


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


def _stream(rows, lex, tokenizer, workers, chunk_size) -> Iterator[SentenceCode]:
    from joblib import Parallel, delayed

    tasks = (delayed(_code_chunk)(chunk, lex, tokenizer) for chunk in chunks(rows, chunk_size))
    run = Parallel(n_jobs=workers, return_as="generator", pre_dispatch="2*n_jobs",
                   batch_size=1)
    for coded in run(tasks):
        yield from (SentenceCode(*c) for c in coded)
