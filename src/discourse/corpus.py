"""Read ``corpus/`` into a ``docs`` table; give the chapters its ``sentences`` table.

A corpus directory holds ``metadata.csv`` (one row per document), the text files it
names, and optionally ``corrections.csv`` (documented edits applied in the *cleaned*
layer; the *raw* layer is the text exactly as published). Adding a document is a text
file plus a metadata row: nothing here names a document or a year.

* **Checksums**: every text's sha256 is verified against ``metadata.csv`` on every
  load; the ``docs`` table records one checksum over all corpus files (its provenance,
  :mod:`discourse.provenance`), which every table made from it carries on.
* **Layers**: corrections never add or remove lines, so paragraph numbers are the
  same in both layers. The cleaned layer also drops, after the corrections, the
  characters that print as nothing (:data:`INVISIBLE`: soft hyphens, zero-width spaces,
  word joiners, byte-order marks inside the text), so that a word a web page broke with
  one ("infra\u00adstructure") is the word a reader sees, one term for keyness and
  topics.
* **Metadata**: ``metadata.csv`` and ``corrections.csv`` are read and validated by
  :mod:`discourse.metadata`, whose names are available here too.
* **Segmentation** (paragraphs, sentences, roles, ids) is :mod:`discourse.segmentation`;
  its names are available here too (``corpus.segment``, ``corpus.describe`` ...).
  :func:`load_sentences` gives the chapters the ``sentences`` table written once per
  run instead of segmenting again.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import namedtuple
from pathlib import Path
from typing import Iterator

import pandas as pd

from discourse import __version__, paths, provenance
from discourse import results as registry
from discourse.checks import check_choice
from discourse.io import file_sha256, read_table
from discourse.metadata import (METADATA_FIELDS, REQUIRED_FIELDS, CorpusError, apply_corrections,
                                load_corrections, load_metadata)
from discourse.segmentation import (INTERVIEW_GENRES, ROLES, SENTENCE_COLUMNS, SENTENCE_DTYPES,
                                    describe, iter_sentences, paragraphs, segment)
from discourse.text import EXTRA_ABBREVIATIONS, join_sentences, sentence_spans, split_sentences

__all__ = [
    "CorpusError",
    "METADATA_FIELDS",
    "REQUIRED_FIELDS",
    "LAYERS",
    "INVISIBLE",
    "load_metadata",
    "load_corrections",
    "apply_corrections",
    "load_docs",
    "stream_docs",
    "corpus_checksums",
    "load_sentences",
    # segmentation, as before (see discourse.segmentation and discourse.text)
    "ROLES",
    "SENTENCE_COLUMNS",
    "INTERVIEW_GENRES",
    "EXTRA_ABBREVIATIONS",
    "paragraphs",
    "segment",
    "iter_sentences",
    "describe",
    "split_sentences",
    "sentence_spans",
    "join_sentences",
]

#: Characters that print as nothing and that the cleaned layer drops: the soft hyphen
#: (U+00AD), the zero-width space (U+200B), the word joiner (U+2060) and the byte-order
#: mark (U+FEFF). The zero-width (non-)joiners (U+200C, U+200D) are kept: in Persian, the
#: Indic scripts and emoji they change how letters join, and so what a word is.
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")

#: Text layers: ``raw`` is the file as published; ``cleaned`` applies corrections.csv and
#: drops the characters of :data:`INVISIBLE`.
LAYERS = ("raw", "cleaned")

_LINE = re.compile(r"[^\r\n]+")
_group = re.Match.group
_DOC_COLUMNS = ["doc_id", "year", "date", "speaker", "genre", "title", "venue",
                "publisher", "language", "file", "sha256", "layer", "text"]
#: A row of the ``docs`` table (:func:`stream_docs`).
_Doc = namedtuple("Doc", _DOC_COLUMNS)
_SEGMENT = f"{segment.__module__}.{segment.__qualname__}"   # what made a sentences table


# ---------------------------------------------------------------------------------
# documents (metadata.csv and corrections.csv: discourse.metadata)
# ---------------------------------------------------------------------------------

def _read_text(path: Path, expected_sha256: str) -> str:
    if not path.is_file():
        raise CorpusError(f"{path}: file not found (named in metadata.csv)")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected_sha256:
        raise CorpusError(f"{path}: checksum mismatch: sha256 is {digest}, metadata.csv "
                          f"says {expected_sha256} (was the file edited? the raw corpus "
                          "must stay as published; record edits in corrections.csv)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not valid UTF-8 (invalid byte at offset "
                          f"{exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise CorpusError(f"{path}: empty document (no text)")
    # at least two non-blank lines (a line: a run between "\r\n", "\r" or "\n");
    # stops at the second instead of splitting the whole text
    if sum(1 for _ in zip(range(2), filter(str.strip, map(_group, _LINE.finditer(text))))) < 2:
        raise CorpusError(f"{path}: no paragraph breaks (a title line and at least one "
                          "paragraph, separated by line breaks, are required)")
    return text


def load_docs(corpus: str | os.PathLike | None = None, *, layer: str = "cleaned"
              ) -> pd.DataFrame:
    """Read every document of the corpus, verifying its checksum.

    Parameters
    ----------
    corpus : path-like, optional
        The corpus directory (default: :func:`discourse.paths.corpus_dir`).
    layer : {"cleaned", "raw"}
        ``raw`` is the text exactly as published; ``cleaned`` applies
        ``corrections.csv``. Every table derived from ``docs`` carries this choice in
        its provenance.

    Returns
    -------
    pandas.DataFrame
        ``docs``: ``doc_id, year, date, speaker, genre, title, venue, publisher,
        language, file, sha256, layer, text``, one row per document, sorted by date.

    Raises
    ------
    CorpusError
        For any problem in :func:`load_metadata`, and for a missing file, a checksum
        mismatch, non-UTF-8 bytes, an empty document, a document without paragraph
        breaks, or a correction that no longer applies. The message names the file.

    Examples
    --------
    >>> docs = load_docs()                                   # doctest: +SKIP
    >>> docs[["doc_id", "year", "layer"]]                    # doctest: +SKIP
    """
    root, meta, by_doc = _documents(corpus, layer)
    docs = pd.DataFrame([{**rec, "text": text} for rec, text in
                         zip(_records(meta, layer), _texts(root, meta, by_doc))],
                        columns=_DOC_COLUMNS)
    return provenance.attach(docs, "discourse.corpus.load_docs",
                             {"corpus": root, "layer": layer},
                             corpus=_signature(root, layer))


def stream_docs(corpus: str | os.PathLike | None = None, *, layer: str = "cleaned",
                docs: pd.DataFrame | None = None) -> tuple[pd.DataFrame, Iterator]:
    """The ``docs`` table without its texts, and its rows with their texts read one
    document at a time: for corpora whose texts need not all be in memory at once.

    The table is :func:`load_docs`'s without the ``text`` column (the same provenance);
    every checksum is verified against ``metadata.csv`` before this returns, and each
    text again as the stream reads it (with every check of :func:`load_docs`).

    Parameters
    ----------
    corpus : path-like, optional
        The corpus directory (default: :func:`discourse.paths.corpus_dir`).
    layer : {"cleaned", "raw"}
        As in :func:`load_docs`.
    docs : pandas.DataFrame, optional
        Rows of a table this function returned for the same corpus and layer (any of
        them, in any order: e.g. the partition of a worker process,
        :func:`discourse.parallel.count_documents`). Only these documents are streamed,
        in the order of ``docs``, which is the table returned (unchanged).
        ``metadata.csv`` and ``corrections.csv`` are read and checked again and each
        row must still match its metadata row (``file`` and ``sha256``); the corpus is
        not hashed again (every checksum was verified when the table was made), and
        each text is verified, with every check of :func:`load_docs`, when the stream
        reads it.

    Returns
    -------
    (pandas.DataFrame, iterator)
        The table, and an iterator of its rows in order (named tuples of its columns
        and ``text``), each text read, verified and corrected when the row is reached:
        one text in memory at a time.

    Raises
    ------
    CorpusError
        As :func:`load_docs` (before this returns; with ``docs``, a text's problems
        when the stream reaches it), and with ``docs`` if a row no longer matches
        ``metadata.csv``.

    Examples
    --------
    >>> docs, rows = stream_docs()                            # doctest: +SKIP
    >>> part, rows = stream_docs(docs=docs.iloc[:1])          # doctest: +SKIP
    >>> [row.doc_id for row in rows] == list(part.doc_id)     # doctest: +SKIP
    True
    """
    root, meta, by_doc = _documents(corpus, layer)
    if docs is not None:
        _check_rows(root, meta, docs, layer)
        return docs, _stream(root, docs, by_doc)
    docs = pd.DataFrame(_records(meta, layer), columns=_DOC_COLUMNS[:-1])   # no text
    checksums = corpus_checksums(root)
    for row in meta.itertuples(index=False):           # fail early, as load_docs does
        if checksums.get(row.file) != row.sha256:
            _read_text(root / row.file, row.sha256)    # raises the error it finds
    docs = provenance.attach(docs, "discourse.corpus.load_docs",
                             {"corpus": root, "layer": layer},
                             corpus=provenance.corpus_signature(root, checksums, layer))
    return docs, _stream(root, docs, by_doc)


def _stream(root: Path, docs: pd.DataFrame, by_doc: dict | None) -> Iterator:
    """The rows of ``docs`` (no ``text`` column) with their texts, one at a time."""
    for row, text in zip(docs.itertuples(index=False), _texts(root, docs, by_doc)):
        yield _Doc(*row, text)


def _check_rows(root: Path, meta: pd.DataFrame, docs: pd.DataFrame, layer: str) -> None:
    """Check that ``docs`` holds rows of a table of :func:`stream_docs` of this corpus
    and layer, each naming the file and checksum ``metadata.csv`` names now."""
    if list(docs.columns) != _DOC_COLUMNS[:-1]:
        raise ValueError(f"docs has the columns {list(docs.columns)}, not those of a table "
                         f"of stream_docs: {_DOC_COLUMNS[:-1]}")
    other = sorted(set(docs["layer"]) - {layer})
    if other:
        raise ValueError(f"docs holds rows of the layer(s) {other}, not of layer={layer!r}")
    now = {row.doc_id: (row.file, row.sha256) for row in meta.itertuples(index=False)}
    changed = [d for d, f, s in zip(docs["doc_id"], docs["file"], docs["sha256"])
               if now.get(d) != (f, s)]
    if changed:
        raise CorpusError(f"{root / 'metadata.csv'}: no longer names the file and sha256 "
                          f"of the docs table for {', '.join(map(str, changed[:5]))}"
                          f"{' ...' if len(changed) > 5 else ''} (changed since the table "
                          "was made)")


def _documents(corpus, layer: str) -> tuple:
    """(corpus directory, metadata, {doc_id: its corrections}) of a corpus layer."""
    check_choice("layer", layer, LAYERS)
    root = paths.corpus_dir(corpus)
    meta = load_metadata(root)
    corrections = load_corrections(root) if layer == "cleaned" else None
    if corrections is not None:
        unknown = sorted(set(corrections["doc_id"]) - set(meta["doc_id"]))
        if unknown:
            raise CorpusError(f"{root / 'corrections.csv'}: unknown doc_id(s) "
                              f"{', '.join(unknown)}")
    # each document's corrections in file order, selected once (not per document); None:
    # the raw layer, as published
    by_doc = None if corrections is None else dict(iter(corrections.groupby("doc_id",
                                                                            sort=False)))
    return root, meta, by_doc


def _records(meta: pd.DataFrame, layer: str) -> list[dict]:
    """Each document's row of the ``docs`` table without its text (the metadata
    columns, which come before ``layer`` and ``text`` in ``_DOC_COLUMNS``)."""
    return [{**{c: getattr(row, c) for c in _DOC_COLUMNS[:-2]}, "layer": layer}
            for row in meta.itertuples(index=False)]


def _texts(root: Path, meta: pd.DataFrame, by_doc: dict | None) -> Iterator[str]:
    """Each document's text, read and verified, in the order of ``meta`` (a table with
    ``doc_id``, ``file`` and ``sha256``: the metadata or a ``docs`` table); with
    ``by_doc`` (the cleaned layer) corrected, then without :data:`INVISIBLE`."""
    for row in meta.itertuples(index=False):
        text = _read_text(root / row.file, row.sha256)
        if by_doc is not None:
            if row.doc_id in by_doc:
                text = apply_corrections(text, by_doc[row.doc_id],
                                         source=str(root / "corrections.csv"))
            if not text.isascii():
                text = INVISIBLE.sub("", text)
        yield text


def _signature(root: Path, layer: str) -> dict:
    return provenance.corpus_signature(root, corpus_checksums(root), layer)


def corpus_checksums(corpus: str | os.PathLike | None = None) -> dict[str, str]:
    """Return ``{file: sha256}`` for metadata.csv, corrections.csv and every text."""
    root = paths.corpus_dir(corpus)
    out = {}
    names = ["metadata.csv", "corrections.csv"] + list(load_metadata(root)["file"])
    for name in names:
        p = root / name
        if p.is_file():
            out[name] = file_sha256(p)
    return dict(sorted(out.items()))


def load_sentences(corpus: str | os.PathLike | None = None, *, layer: str = "cleaned",
                   results: str | os.PathLike | None = None) -> pd.DataFrame:
    """The ``sentences`` table of a corpus, segmented once per run and then shared.

    ``discourse reproduce`` writes ``results/sentences.csv`` (``sentences-raw.csv`` for
    the raw layer) before the chapters run; each chapter then reads that file instead
    of segmenting the corpus again, provided its provenance sidecar shows that it was
    made by this version of the package from exactly this corpus (same checksum over
    every corpus file) and layer, and the file is unchanged since and has the columns of
    :data:`SENTENCE_COLUMNS` (one written before ``date`` was added has not). Otherwise the
    corpus is loaded and segmented now (:func:`load_docs`, :func:`segment`). Either
    way the table is the same.

    Parameters
    ----------
    corpus : path-like, optional
        The corpus directory (default: :func:`discourse.paths.corpus_dir`).
    layer : {"cleaned", "raw"}
    results : path-like, optional
        The results directory where the table may have been written (default:
        :func:`discourse.paths.results_dir`).

    Returns
    -------
    pandas.DataFrame
        ``sentences`` (see :func:`segment`), with its provenance in ``attrs``.
    """
    check_choice("layer", layer, LAYERS)
    root = paths.corpus_dir(corpus)
    path = registry.sentences_of(layer).path(results)
    record = provenance.read_sidecar(path) if path.is_file() else None
    if record is not None and record.get("version") == __version__ \
            and record.get("function") == _SEGMENT \
            and record.get("sha256") == file_sha256(path):
        wanted = _signature(root, layer)
        got = record.get("corpus") or {}
        if (got.get("sha256"), got.get("layer")) == (wanted["sha256"], layer):
            table = read_table(path, dtype=SENTENCE_DTYPES)
            if list(table.columns) == SENTENCE_COLUMNS:
                return table
    return segment(load_docs(root, layer=layer))
