"""Backdrop clauses: the state of the world or background conditions that only set the
scene carry no frame of the lexicon's ``backdrop.frames`` (decision rules 3 and 4).

:func:`backdrop_span` finds a clause that opens the sentence ("Amid profound political and
economic upheavals, the members agreed ..."); :func:`trailing_backdrop` one that follows
the main clause ("The election was held amid the economic difficulties caused by the
pandemic, yet ..."), for the openers of ``backdrop.anywhere``. The rules block the frame
words inside (:func:`discourse.framing.rules.analyse`).
"""

from __future__ import annotations

from discourse.framing.blocking import reads_as_verb

__all__ = ["backdrop_span", "trailing_backdrop"]

#: Tokens before a trailing opener that show it does not follow a main clause ("that
#: amid the crisis the SCO must ...", "and amid ..."): there the clause needs its comma.
_NOT_AFTER = frozenset({"that", ",", ";", ":", "and", "but", "or", "while", "because"})
#: Tokens that end a trailing backdrop: punctuation, and conjunctions that begin another
#: clause ("met amid rising tensions and agreed to ...": "and" before a verb).
_ENDS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "-", "\u2013", "\u2014", "but",
                   "while", "whereas", "yet"})
#: Words after "and" that begin a clause besides a verb
#: (:func:`~discourse.framing.blocking.reads_as_verb`).
_CLAUSE_AFTER_AND = frozenset({"will", "would", "must", "should", "can", "could", "shall",
                               "may", "also", "then"})


def backdrop_span(toks, opener) -> tuple[int, int] | None:
    """The backdrop clause an ``opener`` match begins, if it opens the sentence (after
    at most a connective and a comma): up to the first comma. ``None`` otherwise.

    Examples
    --------
    >>> backdrop_span("Amid economic upheavals , the members agreed".split(), (0, 1, 0))
    (0, 3)
    >>> backdrop_span("They met amid upheavals".split(), (2, 3, 0)) is None
    True
    """
    start = opener[0]
    lead = toks[:start]
    if lead and not (len(lead) <= 3 and lead[-1] == ","):
        return None
    try:
        comma = toks.index(",", opener[1])
    except ValueError:
        return None
    if comma >= len(toks) - 3:
        return None
    return start, comma


def trailing_backdrop(toks, opener) -> tuple[int, int] | None:
    """The backdrop an ``opener`` match begins after a main clause: up to the next
    punctuation, "but", "while", "whereas", "yet", or "and" before a verb. ``None`` where
    the opener opens the sentence or follows "that", a comma or a conjunction (only a
    comma after the clause makes it a backdrop there: :func:`backdrop_span`).

    Examples
    --------
    >>> trailing_backdrop("It was held amid economic difficulties , yet turnout rose".split(),
    ...                   (3, 4, 0))
    (3, 6)
    >>> trailing_backdrop("They met amid tensions and agreed to expand trade".split(), (2, 3, 0))
    (2, 4)
    >>> trailing_backdrop("They met amid political and economic upheavals".split(), (2, 3, 0))
    (2, 7)
    >>> trailing_backdrop("He said that amid the crisis trade fell".split(), (3, 4, 0)) is None
    True
    """
    start = opener[0]
    if start == 0 or toks[start - 1].lower() in _NOT_AFTER:
        return None
    hi, n = opener[1], len(toks)
    while hi < n and toks[hi].lower() not in _ENDS and not (
            toks[hi] == "and" and hi + 1 < n and (toks[hi + 1] in _CLAUSE_AFTER_AND
                                                  or reads_as_verb(toks[hi + 1]))):
        hi += 1
    return start, hi
