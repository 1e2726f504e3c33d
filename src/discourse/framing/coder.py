"""Coding sentences: each gets 0/1 per frame with the evidence, in context.

* **Unit**: one sentence; each frame is coded 1/0 independently.
* **Tokens**: :func:`discourse.text.fast_tokens` (a regular expression that splits
  like NLTK's word tokenizer on word tokens, about 15 times faster), or
  ``tokenizer="nltk"`` for :func:`discourse.text.tokenize` itself. Words are matched
  on their lemma or their lower-cased form; upper-case entries (``UN``, ``WHO``)
  match only the upper-case token; parts of hyphenated tokens are tried as well
  ("SCO-ASEAN" contains "ASEAN") (:mod:`discourse.framing.matcher`).
* **Rules** (:mod:`discourse.framing.rules`): longest match, names, lists, money,
  citations.
* **Context**: a sentence with a ``context`` reference ("in this context") inherits
  the frames of the nearest preceding sentence of the same paragraph that has a frame
  (not a phrase that begins a full name, "the Forum of Heads of Regions":
  ``name_links``); so does a question with no frame of its own ("Do you agree?",
  ``questions_follow``), a short first sentence of an answer takes the frames of the
  question paragraph before it ("Yes.", ``answer_max_words``), and a question that opens
  a paragraph with a reference ("What role does Kazakhstan play in this work?") takes
  those of the last framed sentence of the answer before it (``questions_refer``)
  (decision rule 1).

:func:`iter_codes` streams (the reading loop is :mod:`discourse.framing.stream`; only
the current paragraph's last framed sentence, the question just asked, the answer
just given and the document's event are held in memory, with a bounded memo of repeated sentences,
:class:`~discourse.framing.stream.AnalysisMemo`, so inputs of any length pass through in
bounded memory), in this process or in worker processes (:mod:`discourse.framing.pool`).
"""

from __future__ import annotations

import threading
from typing import Iterable, Iterator

import pandas as pd

from discourse import provenance
from discourse.checks import check_choice, check_columns
from discourse.framing.letter_case import warn_if_single_case
from discourse.framing.organisation import warn_if_other_organisation
from discourse.framing.lexicon import FRAMES, Lexicon, as_lexicon
from discourse.framing.matcher import Caches
from discourse.framing.pool import code_in_workers
from discourse.framing.rules import analyse
from discourse.framing.reading import reading_tokens
from discourse.framing.stream import SentenceCode, code_stream

__all__ = ["TOKENIZERS", "SentenceCode", "tokens", "explain", "iter_codes", "code_stream",
           "code_sentences"]

#: Tokenizers of the coder.
TOKENIZERS = ("fast", "nltk")


def tokens(text: str, tokenizer: str = "fast") -> list[str]:
    """Split one sentence into tokens for matching (of the text as a reader sees it,
    the SCO's full name read as "SCO": :func:`discourse.framing.reading.reading_tokens`).

    Parameters
    ----------
    text : str
    tokenizer : {"fast", "nltk"}
        ``"fast"``: :func:`discourse.text.fast_tokens`; ``"nltk"``:
        :func:`discourse.text.tokenize`.

    Examples
    --------
    >>> tokens("The SCO's anti-drug trade grew by 6.3%.")
    ['The', 'SCO', "'s", 'anti-drug', 'trade', 'grew', 'by', '6.3', '%', '.']
    """
    check_choice("tokenizer", tokenizer, TOKENIZERS)
    return reading_tokens(text, tokenizer == "fast")


def _code_one(lex: Lexicon, toks: list[str], caches: Caches, date=None) -> dict:
    """Own (non-context) coding of one tokenised sentence, with provenance."""
    got = analyse(lex, toks, caches, date, events=True, refs=True, context=True)
    return {"frames": dict(zip(FRAMES, got.frames)),
            "evidence": {f: list(x) for f, x in zip(FRAMES, got.labels)},
            "blocked": got.notes, "context_refs": got.refs,
            "event_refs": [t for _, t in got.event_refs]}


def explain(text: str, lexicon=None, *, tokenizer: str = "fast", date=None) -> dict:
    """Code one sentence on its own (no context) and show why.

    Parameters
    ----------
    text : str
    lexicon : Lexicon or path-like, optional
        Default: the project's lexicon.
    tokenizer : {"fast", "nltk"}
    date : str, optional
        Date of the text (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``): which states were
        SCO members (default: today's members).

    Returns
    -------
    dict
        ``frames`` ({frame: 0/1}), ``evidence`` ({frame: [matched text]}),
        ``blocked`` (matches dropped by a rule, with the rule), ``context_refs``
        (paragraph references found), ``event_refs`` (references to a document's
        event found).

    Examples
    --------
    >>> explain("In 2019 the SCO took part in the UN Security Council meeting.")["frames"]
    {'security': 0, 'economy': 0, 'multilateralism': 1}
    >>> explain("The Secretary-General met the Ambassador of Belarus.", date="2019")["frames"]
    {'security': 0, 'economy': 0, 'multilateralism': 1}
    >>> explain("The Secretary-General met the Ambassador of Belarus.", date="2025")["frames"]
    {'security': 0, 'economy': 0, 'multilateralism': 0}
    """
    lex = as_lexicon(lexicon)
    return _code_one(lex, tokens(text, tokenizer), _caches(lex), date)


def _caches(lex: Lexicon) -> Caches:
    """The matcher's caches of ``lex`` in this thread, kept on the lexicon object between
    calls (they fill as they look tokens up; they live and die with the object): memos of
    what each token's keys are and of the sentences analysed, so codes do not depend on
    what was coded or explained before (tested); they grow with the distinct tokens met,
    as those of a coded corpus do. Shared by :func:`explain` and :func:`iter_codes`, so
    that many small sets coded with one lexicon (the probes, the held-out sets) look each
    token up once."""
    return lex.memo(f"caches-{threading.get_ident()}", Caches, lex)


def iter_codes(rows: Iterable[tuple], lexicon=None, *, tokenizer: str = "fast",
               n_jobs: int = 1, chunk_size: int = 5000) -> Iterator[SentenceCode]:
    """Code an iterable of rows lazily, one sentence at a time, in reading order.

    Each row is ``(id, text, paragraph)`` or ``(id, text, paragraph, document, date)``.
    Rows whose ``paragraph`` equals that of the previous row belong to the same
    paragraph: a paragraph reference ("in this context") takes the frames of the
    nearest preceding sentence of the paragraph that has a frame (``paragraph=None``
    makes every sentence its own paragraph). Rows whose ``document`` equals that of
    the previous row belong to the same document: its first sentence is read as the
    title and the next sentence of six words or more as the lead; the frames of
    their event ("SCO Secretary-General meets the Ambassador of Belarus") are carried
    by later references to that event of a matching kind ("the sides", "the
    exercise"), across paragraphs (decision rule 1). In a paragraph, a question (its last
    character but closing quotes and brackets, and a short source in parentheses such as
    "(Xinhua)", is "?") with no frame of its own takes the frames of the nearest
    preceding framed sentence; the first sentence of the paragraph after a question
    paragraph, if short (the lexicon's ``context.answer_max_words``, a leading speaker
    label such as "A:" not counted), takes the question's frames. ``date`` (``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD``) tells which states were SCO members.

    Only the current paragraph's last framed sentence, the question just asked and the
    current document's event are held in memory, with a bounded memo of the analyses
    of repeated sentences (:class:`~discourse.framing.stream.AnalysisMemo`: at most
    ``MEMO_SIZE`` texts of at most ``MEMO_CHARS`` characters), so inputs of any length
    stream through.

    With ``n_jobs`` other than 1 (``-1``: one per core) the rows are cut into chunks
    of about ``chunk_size`` sentences where both the document and the paragraph
    change, coded in worker processes and yielded in order
    (:func:`discourse.framing.pool.code_in_workers`): the same codes and evidence as
    one process, at the cost of starting the workers, of sending each chunk and its codes
    between processes and of each worker's own look-ups: on the project's 2-core machine
    two workers took 6.0 s against one process's 7.2 s for 300,871 sentences of prose at
    stop 59 and 5.4 s against 4.8 s at stop 60, and were slower on 60,000 and 150,000
    sentences (``benchmarks/README.md``), so one process is the default. In one process
    the matcher's caches are kept on the lexicon object, one set per thread, from call to
    call (as :func:`explain` keeps them): a lexicon object that codes many small sets looks
    each token up once; the codes do not depend on what was coded before.

    Returns
    -------
    iterator of SentenceCode
        One per row, in input order.
    """
    lex = as_lexicon(lexicon)
    check_choice("tokenizer", tokenizer, TOKENIZERS)
    if n_jobs != 1:
        return code_in_workers(rows, lex, tokenizer=tokenizer, n_jobs=n_jobs,
                               chunk_size=chunk_size)
    return code_stream(rows, lex, tokenizer, _caches(lex))


@provenance.tracked
def code_sentences(sentences: pd.DataFrame, lexicon=None, *, id_col: str = "sentence_id",
                   text_col: str = "text",
                   paragraph_cols: tuple[str, ...] | None = ("doc_id", "paragraph"),
                   document_col: str | None = "doc_id", date_col: str | None = None,
                   tokenizer: str = "fast", n_jobs: int = 1) -> pd.DataFrame:
    """Code a sentences table; return the ``frame codes`` table.

    Parameters
    ----------
    sentences : DataFrame
        Rows in reading order, with ``id_col`` and ``text_col`` (and the paragraph
        columns, if given).
    lexicon : Lexicon or path-like, optional
    id_col, text_col : str
    paragraph_cols : tuple of str or None
        Columns that identify a paragraph (default ``("doc_id", "paragraph")``);
        ``None`` codes every sentence without context.
    document_col : str or None
        Column that identifies a document (default ``"doc_id"``; ignored if absent):
        references to a document's event carry its frames (see :func:`iter_codes`).
    date_col : str or None
        Column with the date or year of each sentence's text, for SCO membership
        (default: ``"date"`` if present, else ``"year"`` if present, else none).
    tokenizer : {"fast", "nltk"}
    n_jobs : int
        Worker processes (see :func:`iter_codes`); the codes do not depend on it.

    Returns
    -------
    DataFrame
        ``sentence_id`` (named after ``id_col``), ``security``, ``economy``,
        ``multilateralism`` (0/1), ``evidence``; one row per input row, same order.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a", "b"], "doc_id": "d", "paragraph": 1,
    ...                   "text": ["Terrorism is a threat.", "In this context we met."]})
    >>> code_sentences(s)[["sentence_id", "security"]].values.tolist()
    [['a', 1], ['b', 1]]
    """
    check_columns(sentences, (id_col, text_col, *(paragraph_cols or ())), "sentences table")
    ids = sentences[id_col].tolist()
    texts = sentences[text_col].tolist()
    warn_if_single_case(texts, "the sentences table", stacklevel=4)  # past @tracked
    lexicon = as_lexicon(lexicon)
    warn_if_other_organisation(texts, lexicon, "the sentences table", stacklevel=4)
    if paragraph_cols:
        paras = list(zip(*(sentences[c].tolist() for c in paragraph_cols)))
    else:
        paras = [None] * len(ids)
    if date_col is None:
        date_col = next((c for c in ("date", "year") if c in sentences), None)
    n = len(ids)
    docs = sentences[document_col].tolist() if document_col in sentences else [None] * n
    dates = [None if pd.isna(x) else str(x) for x in sentences[date_col]] \
        if date_col is not None else [None] * n
    out = list(iter_codes(zip(ids, texts, paras, docs, dates), lexicon,
                          tokenizer=tokenizer, n_jobs=n_jobs))
    table = pd.DataFrame(out, columns=["id", *FRAMES, "evidence"])
    return table.rename(columns={"id": id_col})
