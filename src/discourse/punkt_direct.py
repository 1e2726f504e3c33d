"""Punkt's sentence spans computed directly: NLTK's decisions without its token pipeline.

NLTK's ``PunktSentenceTokenizer.span_tokenize`` finds the candidate ends of a text
(a ``.``, ``?`` or ``!`` followed by punctuation or by white space and a token), takes
for each the *context* (the word before the mark, the mark and what follows it), decides
whether the context holds a sentence break, and realigns closing quotes and brackets
onto the sentence before. The decision is made by a chain of generators over
``PunktToken`` objects (word tokens, a first pass by type, a second pass over pairs of
tokens with the collocation, abbreviation, orthographic, sentence-starter and initial
heuristics), one chain per candidate: on prose most of Punkt's time.

:class:`DirectPunkt` computes the same spans with the same compiled patterns (NLTK's,
from :func:`discourse.nltk_plain.punkt_parts`) and the same trained parameters, in one
pass per text: the candidates and their contexts as
``PunktSentenceTokenizer._match_potential_end_contexts`` forms them (the word before a
mark found from the last ASCII white space, and a context dropped when it overlaps the
next one), each context's decision by :meth:`DirectPunkt.breaks` (NLTK's first and
second pass written out for the context's tokens, on strings) remembered per context,
and the realignment (the pattern tried only where a sentence begins with a character it
can match). ``tests/test_punkt_direct.py`` checks the spans against NLTK's on every
paragraph of the corpus and the fixture, on constructed hard cases and on random strings
of marks, quotes, white space, initials, numbers and abbreviations, and each decision
against NLTK's ``text_contains_sentbreak``.
"""

from __future__ import annotations

import re

__all__ = ["DirectPunkt"]

#: ASCII white space: NLTK's ``_get_last_whitespace_index`` looks for these only.
_ASCII_SPACE = " \t\n\r\x0b\x0c"
_OTHER_SPACE = _ASCII_SPACE[1:]


class DirectPunkt:
    """Punkt's sentence spans with ``params`` (see the module docstring).

    Parameters
    ----------
    params : nltk.tokenize.punkt.PunktParameters
        The trained parameters (only read: an unseen word's orthographic context is 0,
        and no entry is added for it).
    memo_size : int
        Most contexts whose decision is kept; the memo is cleared when it is full. A
        new context costs about 2 us (most are "word. Next"), so a small memo is
        enough: on 10 million words of prose 4,096 entries take 1.77 s of CPU for all
        spans, 65,536 (7 MB) 1.73 s, none 1.79 s.
    """

    def __init__(self, params, memo_size: int = 1 << 12):
        from discourse.nltk_plain import punkt_parts

        parts = punkt_parts()
        self.params = params
        self._candidates = parts["candidates"]
        self._words = parts["words"].findall
        self._realign = parts["realignment"].match
        self._numeric = parts["numeric"].sub
        self._initial = parts["initial"].match
        self._ellipsis = parts["ellipsis"].match
        self._ends = parts["sent_end_chars"]
        self._punctuation = parts["punctuation"]
        self._lc, self._uc = parts["ortho_lc"], parts["ortho_uc"]
        self._mid_uc, self._beg_lc = parts["ortho_mid_uc"], parts["ortho_beg_lc"]
        # a realignment match begins with one of the characters of its first class
        self._openers = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")
        self._abbrevs = params.abbrev_types
        self._collocations = params.collocations
        self._starters = params.sent_starters
        self._ortho = params.ortho_context.get
        self._other_space = re.compile("[" + _OTHER_SPACE + "]").search
        # a word before "." that may be no break: an abbreviation or a collocation's first
        self._plain_stops = frozenset(params.abbrev_types) | frozenset(
            first for first, _ in params.collocations)
        self._memo: dict[str, bool] = {}
        self._memo_size = memo_size

    # -- the decision for one context ------------------------------------------------

    def _type(self, tok: str) -> str:
        return self._numeric("##number##", tok.lower())

    def _is_abbrev(self, tok: str) -> bool:
        stem = tok[:-1].lower()
        return stem in self._abbrevs or stem.split("-")[-1] in self._abbrevs

    def _ortho_heuristic(self, tok: str, typ: str):
        """NLTK's ``_ortho_heuristic`` of the token ``tok`` whose type (without a
        sentence-final period) is ``typ``: True, False or ``"unknown"``."""
        if tok in self._punctuation:
            return False
        context = self._ortho(typ, 0)
        if tok[0].isupper() and context & self._lc and not context & self._mid_uc:
            return True
        if tok[0].islower() and (context & self._uc or not context & self._beg_lc):
            return False
        return "unknown"

    def _period_break(self, tok: str, nxt: str) -> bool:
        """Whether the period-final token ``tok`` followed by ``nxt`` is a sentence
        break after NLTK's first and second passes."""
        # first pass of tok: (sentbreak, abbr or ellipsis)
        if tok in self._ends:
            brk, abbr = True, False
        elif self._ellipsis(tok):
            brk, abbr = None, True
        elif not tok.endswith(".."):
            abbr = self._is_abbrev(tok)
            brk = not abbr
        else:
            brk, abbr = None, False
        # the next token as the second pass sees it (its first pass only)
        next_type = self._type(nxt)
        if nxt in self._ends or (nxt[-1] == "." and not nxt.endswith("..")
                                 and not self._is_abbrev(nxt)):
            if len(next_type) > 1 and next_type[-1] == ".":
                next_type = next_type[:-1]
        typ = self._type(tok)
        if len(typ) > 1 and typ[-1] == ".":
            typ = typ[:-1]
        initial = self._initial(tok)
        if (typ, next_type) in self._collocations:
            return False
        if abbr and not initial:
            if self._ortho_heuristic(nxt, next_type) is True:
                return True
            if nxt[0].isupper() and next_type in self._starters:
                return True
        if initial or typ == "##number##":
            starter = self._ortho_heuristic(nxt, next_type)
            if starter is False:
                return False
            if (starter == "unknown" and initial and nxt[0].isupper()
                    and not self._ortho(next_type, 0) & self._lc):
                return False
        return bool(brk)

    def breaks(self, context: str) -> bool:
        """Whether ``context`` holds a sentence break before its last token: NLTK's
        ``PunktSentenceTokenizer.text_contains_sentbreak``, remembered per context."""
        memo = self._memo
        try:
            return memo[context]
        except KeyError:
            pass
        if len(memo) >= self._memo_size:
            memo.clear()
        found = memo[context] = self._decide(context)
        return found

    def _decide(self, context: str) -> bool:
        cut = context.find(" ")
        if cut > 1 and context[cut - 1] in self._ends:
            # "word. Next", "word? Next": one word of letters before the mark
            word, right = context[:cut - 1], context[cut + 1:]
            if (word.isalpha() and right and " " not in right and right.isprintable()
                    and (context[cut - 1] != "." or len(word) > 1
                         and word.lower() not in self._plain_stops)):
                return True
        if "\n" in context:
            toks = [t for line in context.split("\n") if line.strip()
                    for t in self._words(line)]
        else:
            toks = self._words(context) if context.strip() else []
        for i in range(len(toks) - 1):
            tok = toks[i]
            if tok[-1] == ".":
                if self._period_break(tok, toks[i + 1]):
                    return True
            elif tok in self._ends:             # "?" or "!": a break, kept
                return True
        return False

    # -- the spans of a text ---------------------------------------------------------

    def _breaks_of(self, text: str) -> list[tuple[int, int]]:
        """``(end, next start)`` of each candidate end that is a break, in order (NLTK's
        ``_match_potential_end_contexts`` and ``_slices_from_text``)."""
        found = []
        memo, decide = self._memo, self.breaks
        # ASCII white space other than the space is not printable
        other = not text.isprintable() and self._other_space(text) is not None
        prev, prev_start, prev_stop = None, 0, 0
        for m in self._candidates.finditer(text):
            at = m.start()
            if other:
                space = max(text.rfind(c, prev_stop, at) for c in _ASCII_SPACE)
            else:
                space = text.rfind(" ", prev_stop, at)
            start = space + 1 if space > prev_stop else prev_start
            if prev is not None and prev_stop <= start:
                (_, stop), (_, context_end), (next_start, _) = prev.regs
                context = text[prev_start:context_end]     # word, mark, after_tok
                brk = memo.get(context)
                if brk or brk is None and decide(context):
                    found.append((stop, next_start if next_start >= 0 else stop))
            prev, prev_start, prev_stop = m, start, at
        if prev is not None:
            (_, stop), (_, context_end), (next_start, _) = prev.regs
            if decide(text[prev_start:context_end]):
                found.append((stop, next_start if next_start >= 0 else stop))
        return found

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each sentence of ``text``: equal to
        ``list(PunktSentenceTokenizer(params).span_tokenize(text))``.

        Examples
        --------
        >>> from nltk.tokenize.punkt import PunktParameters
        >>> DirectPunkt(PunktParameters()).spans("One. Two (three.) Four? ")
        [(0, 4), (5, 17), (18, 23)]
        """
        end = len(text.rstrip())
        marks = text.count(".") + text.count("?") + text.count("!")
        if marks == 0 or (marks == 1 and text[-1] in self._ends):
            # no candidate end: a candidate is a mark with something after it
            return [(0, end)] if end > 0 else []
        cuts = self._breaks_of(text)
        if not cuts:
            return [(0, end)] if end > 0 else []
        out, start, openers = [], 0, self._openers
        for k, (stop, nxt) in enumerate(cuts):
            nxt_stop = cuts[k + 1][0] if k + 1 < len(cuts) else end
            m = None
            if nxt < nxt_stop and text[nxt] in openers:
                m = self._realign(text[nxt:nxt_stop])
            if m:
                out.append((start, nxt + len(m.group(0).rstrip())))
                start = nxt + m.end()
            else:
                if start < stop:
                    out.append((start, stop))
                start = nxt
        if start < end:
            out.append((start, end))
        return out
