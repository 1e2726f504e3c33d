"""The frame coder's reading loop: rows in, one code per sentence out, in context.

:func:`code_stream` reads rows in order, tokenises each sentence (as a reader reads it:
:func:`discourse.framing.reading.reading_tokens`), codes it with
:func:`discourse.framing.rules.analyse` and applies the context it remembers: the
current paragraph's last framed sentence (paragraph references, "in this context"; a
question that asks about it, "Do you agree?"), the question just asked (a short answer,
"Yes.", continues it) and the current document's event, read from its title and lead
(references to the event, "the sides"), all decision rule 1. Only that is held in
memory (and a bounded memo of sentences analysed before, :class:`AnalysisMemo`), so
inputs of any length stream through. :func:`discourse.framing.coder.iter_codes`
is its public face (and :mod:`discourse.framing.pool` runs it in worker processes).
"""

from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple

from discourse.framing.blocking import MONTHS, title_case
from discourse.framing.lexicon import FRAMES, Lexicon
from discourse.framing.matcher import Caches
from discourse.framing.reading import reading_tokens
from discourse.framing.rules import analyse
from discourse.framing.titles import of_a_meeting

__all__ = ["SentenceCode", "AnalysisMemo", "MEMO_SIZE", "MEMO_CHARS", "code_stream"]


class SentenceCode(NamedTuple):
    """One coded sentence: its id, the three frames (0/1) and the evidence string."""

    id: object
    security: int
    economy: int
    multilateralism: int
    evidence: str


def _named(frames) -> str:
    """The names of the frames that are 1, joined: "security, multilateralism"."""
    return ", ".join(f for f, a in zip(FRAMES, frames) if a)


def _evidence_string(labels, notes, inherited) -> str:
    """The evidence column: "security: terrorism | economy: trade, investment | context:
    ... | not counted: ..." (the frames' labels in :data:`FRAMES` order, what context
    carried, the matches a rule blocked)."""
    a, b, c = labels
    if not (notes or inherited) and not (a and b or a and c or b and c):
        # one frame or none, nothing else (most sentences): the same string, built at once
        return _ALONE[0] + ", ".join(a) if a else _ALONE[1] + ", ".join(b) if b else \
            _ALONE[2] + ", ".join(c) if c else ""
    parts = [f"{f}: " + ", ".join(x) for f, x in zip(FRAMES, labels) if x]
    parts += inherited
    if notes:
        parts.append("not counted: " + "; ".join(notes))
    return " | ".join(parts)


_ALONE = tuple(f"{f}: " for f in FRAMES)
#: ``SentenceCode``'s tuple made directly (its ``__new__`` is a Python function).
_new_code = tuple.__new__


#: Sentence analyses :func:`code_stream` keeps (:class:`AnalysisMemo`; cleared when full).
MEMO_SIZE = 1 << 14
#: Texts longer than this many characters are never memoised (nor remembered as seen), so
#: the memo's memory is bounded in characters too: a failed sentence split can give
#: "sentences" of whole pages, which do not repeat as boilerplate does.
MEMO_CHARS = 1000
#: The memo's value for a text whose analysis depends on the date (it names a state).
_DATED = object()


class AnalysisMemo(dict):
    """The tokens, analysis and evidence of sentence texts seen before.

    Keyed on all that :func:`~discourse.framing.rules.analyse` reads besides the
    lexicon: ``(text, events, refs, context)``, and the date too for a text with a token
    that could name a state (membership depends on the date; the key without the date
    then holds a marker, and a date other than a string or None is not kept). A sentence
    repeated in the same situation (a text's boilerplate, a recombined corpus) is
    tokenised and analysed twice at most: looked for, and kept, only once its text has
    been seen before (in :attr:`once`), so text that never repeats costs one set look-up
    and fills no memo. Texts longer than :data:`MEMO_CHARS` are left out, so that the
    memory it holds is bounded (at most ``size`` texts of at most that many characters,
    with their tokens and analyses). The codes and evidence are those of coding it afresh.

    Parameters
    ----------
    size : int, optional
        At most this many keys (and as many texts in :attr:`once`), cleared when full, so
        memory stays bounded; ``0`` keeps none. Default :data:`MEMO_SIZE`, read when the
        memo is made.
    """

    __slots__ = ("size", "once")

    def __init__(self, size: int | None = None):
        super().__init__()
        self.size = MEMO_SIZE if size is None else size
        #: the texts seen before (at most ``size``; cleared when full)
        self.once: set = set()

    def keep(self, key, date, toks, got, undated) -> None:
        """Remember ``(toks, got, evidence)`` under ``key`` (and ``date`` unless
        ``undated``)."""
        if len(self) >= self.size - 1:
            self.clear()
            if self.size < 2:
                return
        if undated:
            self[key] = (toks, got, _evidence_string(got[1], got[2], ()))
        elif date is None or type(date) is str:       # equal keys, equal dates
            self[key] = _DATED
            self[(*key, date)] = (toks, got, _evidence_string(got[1], got[2], ()))


#: Tokens that may close a sentence after its "?": quotes (as either tokenizer writes them)
#: and brackets, as in '"Do you agree?"' or "(Is it so?)".
_CLOSERS = frozenset({'"', "'", "''", "\N{RIGHT SINGLE QUOTATION MARK}",
                      "\N{RIGHT DOUBLE QUOTATION MARK}",
                      "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}", ")", "]", "}"})
#: At most this many tokens in a parenthesised source after a question: "(Xinhua)",
#: "(Photo: Xinhua)", "(Xinhua, 12 June 2023)".
_SOURCE_TOKENS = 8
#: Up to this many tokens any words (the source "(Photo: Xinhua)"); beyond it, only a
#: source's capitalised words, numbers and marks ("(Xinhua, 12 June 2023)").
_SHORT_SOURCE = 4
_SOURCE_JOINERS = frozenset({"of", "the", "and", "for", "on", "via", "by"})
#: Marks that end a sentence: a parenthesis holding one is no source.
_ENDS = frozenset({".", "?", "!"})
#: Speaker labels before an answer ("A: Yes."), not counted as its words.
_LABELS = frozenset({"a", "answer", "q", "question"})


def _is_question(toks) -> bool:
    """True if the last token other than closing quotes and brackets is "?", also before
    a short source in parentheses: '"Do you agree?"', "(Is it so?)", "Is it so? (Xinhua)"."""
    if _ends_in_question_mark(toks, len(toks)):
        return True
    start = _source_start(toks)
    return start is not None and _ends_in_question_mark(toks, start)


def _source_start(toks) -> int | None:
    """The index of the "(" of a short source in parentheses that ends ``toks``
    ("(Xinhua)", "(Photo: Xinhua)", "(Xinhua, 12 June 2023)"), or None."""
    if not toks or toks[-1] != ")" or "(" not in toks:
        return None
    start = len(toks) - 1 - toks[::-1].index("(")
    inner = toks[start + 1:-1]
    if 0 < len(inner) <= _SOURCE_TOKENS and inner[0][:1].isalnum() \
            and not _ENDS.intersection(inner) \
            and (len(inner) <= _SHORT_SOURCE or not any(map(_lower_word, inner))):
        return start
    return None


def _lower_word(token: str) -> bool:
    """A word in lower case other than a short function word ("of", "the")."""
    return token[:1].islower() and token not in _SOURCE_JOINERS


def _ends_in_question_mark(toks, end) -> bool:
    """True if ``toks[:end]`` ends in "?", closing quotes and brackets aside."""
    while end and toks[end - 1] in _CLOSERS:
        end -= 1
    return bool(end) and toks[end - 1] == "?"


def _answer_words(toks) -> list:
    """The word tokens of an answer, without a leading speaker label ("A:", "Answer:")
    and a source in parentheses after its last full stop ("Yes. (Xinhua)")."""
    start = _source_start(toks)
    if start is not None and start and toks[start - 1] in _ENDS:
        toks = toks[:start]
    words = [t for t in toks if t[:1].isalnum()]
    if len(toks) > 1 and words and toks[0].lower() in _LABELS and toks[1] == ":":
        return words[1:]
    return words


#: Sentences of a document read for its event (the title, then the lead).
_LEAD_MIN_WORDS = 6
#: A dateline has at most this many words ("Tashkent, 14 November 2023 - press release
#: of the SCO Secretariat": 10); a longer sentence that begins like one is a lead.
_DATELINE_MAX_WORDS = 12


def dateline(toks: list[str]) -> bool:
    """Whether tokens are a dateline: a capitalised place and a comma within the first
    five tokens, a month's name and a number within the six tokens from the comma, and
    at most :data:`_DATELINE_MAX_WORDS` words ("Tashkent, 14 November 2023 - SCO press
    service"; "BEIJING, June 12 (Xinhua)").

    Examples
    --------
    >>> dateline("Tashkent , 14 November 2023 – SCO press service".split())
    True
    >>> dateline("TASHKENT , NOVEMBER 14th – SCO press service".split())
    True
    >>> dateline("Tashkent , 14 November 2023 – The SCO Secretariat hosted a round table "
    ...          "on trade with experts of the member states .".split())
    False
    >>> dateline("Trade , investment and transport were discussed on 14 November .".split())
    False
    """
    if not toks or not toks[0][:1].isupper() or "," not in toks[:5]:
        return False
    if sum(1 for t in toks if t[:1].isalnum()) > _DATELINE_MAX_WORDS:
        return False
    rest = toks[toks.index(","):][:7]
    return any(t.rstrip(".").title() in MONTHS for t in rest) \
        and any(t[:1].isdigit() for t in rest)


class _Document:
    """What the coder remembers of the current document: its event's frames and kinds,
    set by the title and the lead (the first sentence of at least six words after it,
    not written in title case as a dateline or byline is, and not a dateline without a
    frame of its own: :func:`dateline`).
    """

    __slots__ = ("key", "seen", "frames", "kinds", "source")

    def __init__(self, key):
        self.key = key
        self.seen = 0           # title and lead read so far (0, 1 or 2)
        self.frames = (0, 0, 0)
        self.kinds = frozenset()
        self.source = None

    def read(self, sid, got, n_words, opening=frozenset(), skips=frozenset(),
             meeting=False) -> None:
        if self.seen >= 2 or (self.seen == 1 and n_words < _LEAD_MIN_WORDS):
            return
        self.frames = tuple(a or b for a, b in zip(self.frames, got.substantive))
        # a title that opens with a document's name (a declaration, a statement: a kind of
        # ``opening``) names the document, not the meeting its lead reports: the council's
        # meeting is a body's (decision rule 2), so the lead adds no kind of ``skips`` for
        # the title's subject to pass on ("the meeting was chaired by ..."); "this
        # Declaration" still takes it. A title that names the document as that of the
        # meeting (``meeting``: "Declaration of the Meeting of the Council ...") names
        # that meeting itself, which is the council's as well.
        triggers = set(got.triggers)
        if self.kinds & opening if self.seen else meeting and triggers & opening:
            triggers -= skips
        self.kinds = self.kinds | triggers
        if self.source is None and any(got.substantive):
            self.source = sid
        self.seen += 1


def code_stream(rows: Iterable[tuple], lex: Lexicon, tokenizer: str = "fast",
                caches: Caches | None = None) -> Iterator[SentenceCode]:
    """:func:`iter_codes` in this process, with a compiled lexicon and, optionally,
    per-token look-ups kept from earlier calls (``caches``, e.g. in a worker)."""
    caches = Caches(lex) if caches is None else caches
    union = lex.context_mode == "union"
    fast = tokenizer == "fast"
    words = caches.words
    # (the caches of another lexicon, which analyse accepts, keep their memo to themselves)
    memo = caches.analyses.get(tokenizer) if caches.lex is lex else AnalysisMemo()
    if memo is None:
        memo = caches.analyses[tokenizer] = AnalysisMemo()
    once = memo.once
    limit = MEMO_CHARS
    short = lex.settings.get("answer_max_words", 0)
    openers = lex.settings.get("answer_not", frozenset())
    follows = lex.settings.get("questions_follow", False)
    refers = lex.settings.get("questions_refer", False)
    current = object()
    doc = _Document(object())
    last = None            # (id, frames) of the last sentence with a frame in the paragraph
    framed = None          # (first framed id, union of frames) of the paragraph so far
    asked = False          # the paragraph's last sentence so far is a question
    question = None        # (id, frames) of the question paragraph just before this one
    answer = None          # (id, frames) of the last framed sentence of the paragraph before,
    #                        if it asked nothing, for a question that opens this one
    for row in rows:
        if len(row) == 5:
            sid, text, para, document, date = row
        elif len(row) == 3:
            (sid, text, para), document, date = row, None, None
        else:
            raise ValueError(f"a row must be (id, text, paragraph) or (id, text, "
                             f"paragraph, document, date), not {row!r}")
        if type(document) is float and document != document:
            document = None                   # a missing value of a table's column (NaN)
        new_doc = document is None or document != doc.key
        # a new document starts a new paragraph, also one whose label repeats ("p1")
        if para is None or para != current or (new_doc and document is not None):
            question = framed if asked and para is not None else None
            answer = last if refers and not asked and para is not None else None
            last = framed = None
            asked = False
            current = para if para is not None else object()
        else:
            question = answer = None          # only a paragraph's first sentence
        if new_doc:
            doc = _Document(document if document is not None else object())
            question = answer = None          # no answer to another text's question
        ev = document is not None and doc.seen < 2
        rf = document is not None and doc.seen >= 1 and any(doc.frames)
        cx = last is not None
        hit = key = None
        if type(text) is str and len(text) <= limit:
            if text in once:            # seen before: perhaps analysed in this situation
                key = (text, ev, rf, cx)
                hit = memo.get(key)
                if hit is _DATED:
                    hit = memo.get((*key, date)) if date is None or type(date) is str else None
            elif len(once) < memo.size:
                once.add(text)          # (most text never repeats: nothing more kept)
            else:
                once.clear()
        if hit is not None:
            toks, got, evidence = hit
        else:
            toks = reading_tokens(text, fast, words) if isinstance(text, str) else []
            got = analyse(lex, toks, caches, date, events=ev, refs=rf, context=cx)
            evidence = None
            if key is not None:
                main = caches.main
                memo.keep(key, date, toks, got, not toks or main.lex is lex and (
                    # no state named (what find_matches marked, as analyse reads it)
                    main.states is None or main.state_tokens.isdisjoint(toks)))
        # (most sentences end in "." or "?": no call for them)
        is_question = bool(toks) and (toks[-1] == "?" or toks[-1] != "." and _is_question(toks))
        # (unpacked once: a named tuple's fields are read slower than local names)
        own, labels, notes, para_refs, event_refs, _, money_only, _ = got
        frames = own
        inherited = []
        if document is not None:
            if event_refs and any(doc.frames):
                refs = [(k, t) for k, t in event_refs if k in doc.kinds]
                allowed = [any(lex.event_frames[k][i] for k, _ in refs) for i in range(3)]
                carried = tuple(int(a and ok) for a, ok in zip(doc.frames, allowed))
                new = [f for f, a, b in zip(FRAMES, carried, frames) if a and not b]
                refs = [t for _, t in refs]
                if refs and new:
                    frames = tuple(a or b for a, b in zip(carried, frames))
                    inherited.append("context: " + ", ".join(new) + f" from the event of "
                                     f"{doc.source} via '" + "', '".join(refs) + "'")
            if doc.seen < 2:
                # a dateline or byline in capitals ("Tashkent, 14 November 2023 (SCO
                # Secretariat)") or with a date ("Tashkent, 14 November 2023 - SCO press
                # service") is no lead: it is read as a sentence without words (one with
                # a frame of its own is the lead all the same: "Beijing, June 12: SCO
                # experts discussed terrorism")
                byline = doc.seen == 1 and (title_case(toks) or dateline(toks)
                                            and not any(got.substantive))
                doc.read(sid, got, 0 if byline else sum(1 for t in toks if t[:1].isalnum()),
                         lex.settings.get("opening_kinds", frozenset()),
                         lex.settings.get("lead_skips", frozenset()),
                         doc.seen == 0 and of_a_meeting(toks))
        if para_refs and last is not None and (union or not any(frames)):
            prev = last[1]
            new = [f for f, a, b in zip(FRAMES, prev, frames) if a and not b]
            if new:
                frames = tuple(a or b for a, b in zip(prev, frames))
                inherited.append("context: " + ", ".join(new) + f" from {last[0]} via '"
                                 + "', '".join(para_refs) + "'")
        if answer is not None and is_question and (
                new := [f for f, a, b in zip(FRAMES, answer[1], frames) if a and not b]):
            # a question that opens a paragraph and refers to the answer before it ("What
            # role does Kazakhstan play in this work?"); its references are looked for only
            # here, where the answer has a frame to add (a paragraph's first sentence is
            # otherwise analysed without them)
            refs = analyse(lex, toks, caches, date, events=ev, refs=rf, context=True).refs
            if refs:
                frames = tuple(a or b for a, b in zip(answer[1], frames))
                inherited.append("context: " + ", ".join(new) + f" from {answer[0]}, the "
                                 "answer this question refers to via '" + "', '".join(refs)
                                 + "'")
        if follows and is_question and last is not None and not any(frames):
            frames = last[1]
            inherited.append(f"context: {_named(frames)} from {last[0]}, the statement this "
                             "question follows")
        if question is not None and short and toks and not is_question and not any(frames) \
                and len(answer := _answer_words(toks)) <= short \
                and (not answer or answer[0].lower() not in openers):
            frames = question[1]
            inherited.append(f"context: {_named(frames)} from {question[0]}, the question "
                             "this answers")
        if money_only and frames[0] and frames[1] and not own[0]:
            frames = (frames[0], 0, frames[2])        # money serving a security matter
            inherited.append("not counted: economy (money serving security, from context)")
        if any(frames):
            last = (sid, frames)
            framed = (sid, (framed[1][0] or frames[0], framed[1][1] or frames[1],
                            framed[1][2] or frames[2])) if framed is not None else (sid, frames)
        asked = is_question
        yield _new_code(SentenceCode, (sid, *frames, evidence if evidence is not None and not
                                       inherited else _evidence_string(labels, notes, inherited)))
