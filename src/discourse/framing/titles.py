"""What an event's name states: "Meeting of heads of competent authorities of the member
states on information security" is a meeting whose subject is information security.

By the codebook's decision rule 2 a meeting named for its participants (a format: "the
meeting of the ministers of transport") states no subject, and references to it carry
only the relations it is with; an event whose title states its subject takes that
subject's frame. A meeting's name states a subject when, after the participants, it has
"on" and a word in lower case ("... of the member states on information security"), not
a date ("on 14 June") and not after a verb or a preposition that ends the name ("held in
Tashkent on ..."). :func:`subject_follows` finds that "on"; the rules then give the title
the kind ``subject_meeting`` of the lexicon's events (:mod:`discourse.framing.rules`).
"""

from __future__ import annotations

__all__ = ["subject_follows"]


def subject_follows(toks: list, at: int, window: int, stops, not_after=()) -> bool:
    """Whether "on" and a word in lower case follow ``toks[at:]`` within ``window``
    tokens, before any token of ``stops`` (lower-case words and punctuation that end the
    event's name), and the word (or the word after "the") is none of ``not_after``
    ("on the sidelines of", "on the eve of": a setting, not a subject).

    Examples
    --------
    >>> toks = ("Meeting of heads of competent authorities of SCO member states on "
    ...         "information security held in Tianjin").split()
    >>> subject_follows(toks, 1, 12, {"held", "in"})
    True
    >>> subject_follows("Meeting of transport ministers held in Tashkent on 5 May".split(), 1,
    ...                 12, {"held", "in"})
    False
    >>> subject_follows("Meeting of ministers on 5 May".split(), 1, 12, {"held"})
    False
    >>> subject_follows("meeting of experts on e-commerce".split(), 1, 12, {"held"})
    True
    >>> subject_follows("meeting of experts on the sidelines of the summit".split(), 1, 12,
    ...                 {"held"}, {"sidelines"})
    False
    """
    for i in range(at, min(len(toks) - 1, at + window)):
        word = toks[i].lower()
        if word in stops:
            return False
        if word == "on":
            nxt = toks[i + 1]
            then = toks[i + 2].lower() if nxt.lower() == "the" and i + 2 < len(toks) else nxt
            return nxt[:1].islower() and nxt.replace("-", "").isalpha() \
                and then.lower() not in not_after
    return False
