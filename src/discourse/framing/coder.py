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
  the frames of the nearest preceding sentence of the same paragraph that has a frame.

:func:`iter_codes` streams: only the current paragraph's last framed sentence is held
in memory, so inputs of any length pass through in constant memory.
"""

from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple

import pandas as pd

from discourse import provenance
from discourse.checks import check_choice, check_columns
from discourse.framing.lexicon import FRAMES, Lexicon, as_lexicon
from discourse.framing.matcher import KeyCache
from discourse.framing.rules import analyse
from discourse.text import TOKEN_RE, fast_tokens, tokenize

__all__ = ["TOKENIZERS", "SentenceCode", "tokens", "explain", "iter_codes",
           "code_sentences"]

#: Tokenizers of the coder.
TOKENIZERS = ("fast", "nltk")


def tokens(text: str, tokenizer: str = "fast") -> list[str]:
    """Split one sentence into tokens for matching.

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
    return fast_tokens(text) if tokenizer == "fast" else tokenize(text)


def _code_one(lex: Lexicon, toks: list[str], cache: KeyCache) -> dict:
    """Own (non-context) coding of one tokenised sentence, with provenance."""
    got = analyse(lex, toks, cache)
    if got is None:
        return {"frames": dict.fromkeys(FRAMES, 0), "evidence": {f: [] for f in FRAMES},
                "blocked": [], "context_refs": []}
    frames, labels, notes, refs = got
    return {"frames": dict(zip(FRAMES, frames)),
            "evidence": {f: list(x) for f, x in zip(FRAMES, labels)},
            "blocked": notes, "context_refs": refs}


def explain(text: str, lexicon=None, *, tokenizer: str = "fast") -> dict:
    """Code one sentence on its own (no context) and show why.

    Parameters
    ----------
    text : str
    lexicon : Lexicon or path-like, optional
        Default: the project's lexicon.
    tokenizer : {"fast", "nltk"}

    Returns
    -------
    dict
        ``frames`` ({frame: 0/1}), ``evidence`` ({frame: [matched text]}),
        ``blocked`` (matches dropped by a rule, with the rule), ``context_refs``
        (reference expressions found).

    Examples
    --------
    >>> explain("In 2019 the SCO took part in the UN Security Council meeting.")["frames"]
    {'security': 0, 'economy': 0, 'multilateralism': 1}
    """
    lex = as_lexicon(lexicon)
    return _code_one(lex, tokens(text, tokenizer), KeyCache(lex))


class SentenceCode(NamedTuple):
    """One coded sentence: its id, the three frames (0/1) and the evidence string."""

    id: object
    security: int
    economy: int
    multilateralism: int
    evidence: str


def _evidence_string(labels, notes, refs, inherited, source) -> str:
    parts = [f"{f}: " + ", ".join(x) for f, x in zip(FRAMES, labels) if x] if labels else []
    if inherited:
        parts.append("context: " + ", ".join(inherited) + f" from {source} via '"
                     + "', '".join(refs) + "'")
    if notes:
        parts.append("blocked: " + "; ".join(notes))
    return " | ".join(parts)


def iter_codes(rows: Iterable[tuple], lexicon=None, *, tokenizer: str = "fast"
               ) -> Iterator[SentenceCode]:
    """Code an iterable of ``(id, text, paragraph)`` rows lazily, one sentence at a time.

    Rows whose ``paragraph`` equals that of the previous row belong to the same
    paragraph (the context rule applies within it); ``paragraph=None`` makes every
    sentence its own paragraph. Only the current paragraph's last framed sentence is
    held in memory, so inputs of any length stream through; the per-word look-up
    cache grows with the number of distinct words, not of sentences.

    Yields
    ------
    SentenceCode
    """
    lex = as_lexicon(lexicon)
    check_choice("tokenizer", tokenizer, TOKENIZERS)
    cache = KeyCache(lex)
    split = fast_tokens if tokenizer == "fast" else tokenize
    union = lex.context_mode == "union"
    fast = tokenizer == "fast"
    findall = TOKEN_RE.findall
    current = object()
    last = None            # (id, frames) of the last sentence with a frame in the paragraph
    for sid, text, para in rows:
        if para is None or para != current:
            last = None
            current = para if para is not None else object()
        if isinstance(text, str):
            toks = findall(text) if fast and text.isascii() else split(text)
        else:
            toks = []
        got = analyse(lex, toks, cache)
        if got is None:
            yield SentenceCode(sid, 0, 0, 0, "")
            continue
        frames, labels, notes, refs = got
        inherited = ()
        if refs and last is not None and (union or not any(frames)):
            prev = last[1]
            inherited = [f for f, a, b in zip(FRAMES, prev, frames) if a and not b]
            if inherited:
                frames = tuple(a or b for a, b in zip(prev, frames))
        source = last[0] if inherited else None
        if any(frames):
            last = (sid, frames)
        yield SentenceCode(sid, *frames, _evidence_string(labels, notes, refs, inherited,
                                                          source))


@provenance.tracked
def code_sentences(sentences: pd.DataFrame, lexicon=None, *, id_col: str = "sentence_id",
                   text_col: str = "text",
                   paragraph_cols: tuple[str, ...] | None = ("doc_id", "paragraph"),
                   tokenizer: str = "fast") -> pd.DataFrame:
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
    tokenizer : {"fast", "nltk"}

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
    if paragraph_cols:
        paras = list(zip(*(sentences[c].tolist() for c in paragraph_cols)))
    else:
        paras = [None] * len(ids)
    out = list(iter_codes(zip(ids, texts, paras), lexicon, tokenizer=tokenizer))
    table = pd.DataFrame(out, columns=["id", *FRAMES, "evidence"])
    return table.rename(columns={"id": id_col})
