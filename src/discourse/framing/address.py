"""Forms of address: "Distinguished Mr. Chairman, dear participants of the Forum, ladies
and gentlemen!" is about nothing.

A sentence that only addresses the audience names its addressees, not a subject: by the
codebook's decision rule 1 it continues no subject, whatever event it names ("dear
participants of the Forum"), and by Unit and form its words carry no frame. The rules
code such a sentence as none of the three frames (:func:`discourse.framing.rules.analyse`).
A sentence that goes on to say something after the address ("Dear friends, we must
continue this work!") is no bare address and is coded as any other.
"""

from __future__ import annotations

__all__ = ["is_address"]

#: Words that begin a clause, not a vocative, after the comma of an address ("Dear
#: friends, we must ...", "Distinguished guests, welcome to ...").
_CLAUSE_OPENERS = frozenset({"we", "i", "you", "it", "this", "that", "these", "those", "our",
                             "the", "a", "an", "let", "there", "he", "she", "they", "my",
                             "what", "how", "today", "now", "welcome", "thank", "please",
                             "allow", "may", "as", "in", "on", "at", "with"})
#: Most words of a vocative that does not begin with a salutation ("participants of the
#: Forum").
_VOCATIVE_MAX = 5


def is_address(toks: list, openers) -> bool:
    """Whether the sentence is only a form of address ("Distinguished Mr. Chairman, dear
    participants of the Forum, ladies and gentlemen!"): it ends with "!" or ",", begins
    with one of ``events.salutations``, and each part after a comma begins with one too
    or is a short vocative (at most five words, not a clause: "we must ...", "the
    exercise has ..."). ``openers`` are the salutations, phrases in lower case.

    Examples
    --------
    >>> openers = {"dear", "distinguished", "ladies and gentlemen"}
    >>> is_address("Dear participants of the Forum , ladies and gentlemen !".split(),
    ...            openers)
    True
    >>> is_address("Dear friends , we must continue this work !".split(), openers)
    False
    >>> is_address("Dear friends , trade has grown .".split(), openers)
    False
    """
    if not openers or toks[-1] not in ("!", ","):
        return False
    parts = [p.split() for p in " ".join(toks[:-1]).lower().split(" , ")]
    return bool(parts[0]) and _salutes(parts[0], openers) and all(
        _salutes(p, openers) or len(p) <= _VOCATIVE_MAX and p[0] not in _CLAUSE_OPENERS
        for p in parts[1:] if p)


def _salutes(words, openers) -> bool:
    """Whether ``words`` begin with one of ``openers`` (phrases in lower case)."""
    return any(" ".join(words[:len(o.split())]) == o for o in openers)
