"""What a state's name in a sentence names when it is not the state as a party: part of the
name of a sea, an institution or a currency, or the place of a situation
(:mod:`discourse.framing.states` skips such a mention)."""

from __future__ import annotations

__all__ = ["institution", "water", "situation_of", "currency", "names_other"]


#: Bodies of water named after a state: "the Sea of Japan", "the Gulf of Oman", "the
#: South China Sea" are places, not the state (a walkthrough).
_WATER_BEFORE = frozenset({"Sea", "Gulf", "Strait", "Straits", "Bay"})
_WATER_AFTER = frozenset({"Sea"})


#: Heads of names of institutions named after a state or its capital ("the Cairo Centre for
#: Strategic Studies"): an institution, not the state (Names and lists).
_INSTITUTION_AFTER = frozenset({"Centre", "Center", "Institute", "University", "Academy",
                                "Foundation", "Club", "School", "Museum", "Library"})


def institution(toks: list[str], hi: int) -> bool:
    """Whether the state's name ending at ``toks[hi]`` begins the name of an institution
    (also in capitals: "CAIRO UNIVERSITY"); not before "Day" ("Saudi Arabia Foundation
    Day" is the state's day) or a capitalised "On" (a headline in title case: "Talks
    Between SCO and Egypt Center On Energy").

    >>> institution("a delegation of the Cairo Centre for Strategic Studies".split(), 5)
    True
    >>> institution("the Egyptian centre of trade".split(), 2)
    False
    >>> institution("on Saudi Arabia Foundation Day".split(), 3)
    False
    """
    if hi >= len(toks):
        return False
    word = toks[hi]
    head = word in _INSTITUTION_AFTER or word.isupper() and word.title() in _INSTITUTION_AFTER
    return head and (hi + 1 == len(toks) or toks[hi + 1] not in ("Day", "On", "DAY", "ON"))


#: Words after a state's name that make it the name of a currency ("140 billion US
#: dollars" is money, not the United States as a party).
_CURRENCY_AFTER = frozenset({"dollar", "dollars", "$"})


def currency(toks: list[str], hi: int) -> bool:
    """Whether the state's name ending at ``toks[hi]`` names a currency ("US dollars", "US$",
    also "US DOLLARS" and "US Dollars").

    >>> currency("exceeded 140 billion US dollars".split(), 4)
    True
    >>> currency("trade with the US grew".split(), 4)
    False
    """
    return hi < len(toks) and toks[hi].lower() in _CURRENCY_AFTER


def water(toks: list[str], lo: int, hi: int) -> bool:
    """Whether the state's name at ``toks[lo:hi]`` is part of the name of a sea or gulf
    (also in capitals: "THE SEA OF JAPAN")."""
    if lo >= 2 and toks[lo - 1] in ("of", "OF"):
        word = toks[lo - 2]
        if word in _WATER_BEFORE or word.isupper() and word.title() in _WATER_BEFORE:
            return True
    if hi < len(toks):
        word = toks[hi]
        return word in _WATER_AFTER or word.isupper() and word.title() in _WATER_AFTER
    return False


def names_other(toks: list[str], lo: int, hi: int) -> bool:
    """Whether the state's name at ``toks[lo:hi]`` is part of the name of something else:
    a sea (:func:`water`), an institution (:func:`institution`) or a currency
    (:func:`currency`).

    >>> names_other("the Sea of Japan".split(), 3, 4), names_other("US dollars".split(), 0, 1)
    (True, True)
    >>> names_other("talks with Japan".split(), 2, 3)
    False
    """
    return water(toks, lo, hi) or institution(toks, hi) or currency(toks, hi)


#: The words before a state's name that make it the place of a situation ("the situation
#: in Afghanistan", "in and around Afghanistan"): a subject, not a party to relations.
_SITUATION_BEFORE = (("situation", "in"), ("situation", "around"),
                     ("situation", "in", "and", "around"))


def situation_of(toks: list[str], lo: int) -> bool:
    """Whether the state's name at ``toks[lo]`` follows "situation in" (or "around", "in
    and around"): the place of a situation, which no word of relations makes a partner
    ("submit their considerations on the situation in Afghanistan to the meeting").

    >>> situation_of("the situation in Afghanistan".split(), 3)
    True
    >>> situation_of("the situation in and around Afghanistan".split(), 5)
    True
    >>> situation_of("talks with Afghanistan".split(), 2)
    False
    """
    words = tuple(t.lower() for t in toks[max(0, lo - 4):lo])
    return any(words[-len(b):] == b for b in _SITUATION_BEFORE)
