"""Kinds of actor named side by side: who takes part, not what a sentence is about.

"Dialogue among government agencies, business and research centres", "experts and
representatives of business", "research institutes and technology companies": a word
for an economic actor (business, companies, entrepreneurs, farmers) coordinated in one
list with actors of other kinds (government agencies, experts, the media, citizens)
names one kind of participant among several. By the codebook's Unit and form ("code what
the sentence is about, not single words in passing; a word in a list of meeting
participants does not by itself carry the frame of its meaning"), it carries no economy
by itself: the sentence is economy when something else in it is (trade, investment).
"""

from __future__ import annotations

__all__ = ["coordinated_with_others"]

#: Words that join the items of a list.
COORDINATORS = frozenset({",", "and", "or", "&"})
#: Words after which a list goes no further.
STOPS = frozenset({".", ";", ":", "(", ")", "?", "!", "with", "for", "to", "by", "from",
                   "on", "at", "that", "which", "who", "whose", "between", "among",
                   "amongst", "across", "about", "than", "as"})
#: How many words from the actor word a list's neighbouring item may end or begin.
WINDOW = 5


def coordinated_with_others(toks: list, lo: int, hi: int, others) -> bool:
    """Whether ``toks[lo:hi]`` is an item of a list that also names an actor of another
    kind: a word of ``others`` (lower case) reached from it across a coordinator (``,``,
    "and", "or") within :data:`WINDOW` words, without a word of :data:`STOPS` between.

    Parameters
    ----------
    toks : list of str
        The sentence's tokens.
    lo, hi : int
        The span of the actor word.
    others : set of str
        Lower-case words for actors of other kinds ("agencies", "experts", "media").

    Returns
    -------
    bool

    Examples
    --------
    >>> toks = "experts and representatives of business".split()
    >>> coordinated_with_others(toks, 4, 5, {"experts"})
    True
    >>> coordinated_with_others("cooperation with business".split(), 2, 3, {"experts"})
    False
    """
    for step, start in ((-1, lo - 1), (1, hi)):
        joined = False
        i = start
        for _ in range(WINDOW):
            if not 0 <= i < len(toks):
                break
            word = toks[i].lower()
            if word in COORDINATORS:
                joined = True
            elif word in STOPS:
                break
            elif joined and word in others:
                return True
            i += step
    return False
