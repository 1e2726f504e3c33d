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
#: Words after which a list goes no further: punctuation but the comma, prepositions
#: and relative words, and the verbs "be", "have", "do" and the modals, which begin a
#: new clause ("foreign investors are returning, and citizens feel ...").
STOPS = frozenset({".", ";", ":", "(", ")", "?", "!", "with", "for", "to", "by", "from",
                   "on", "at", "that", "which", "who", "whose", "between", "among",
                   "amongst", "across", "about", "than", "as", "is", "are", "was", "were",
                   "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
                   "would", "shall", "should", "can", "could", "may", "might", "must"})
#: A list that one of these opens names the two sides of a relation ("dialogue between
#: governments and business"), which the sentence is about: not participants.
SIDES = frozenset({"between"})
#: How many words from the actor word a list's neighbouring item may end or begin.
WINDOW = 5


def coordinated_with_others(toks: list, lo: int, hi: int, others) -> bool:
    """Whether ``toks[lo:hi]`` is an item of a list that also names an actor of another
    kind: a word of ``others`` (lower case) reached from it across a coordinator (``,``,
    "and", "or") within :data:`WINDOW` words, without a word of :data:`STOPS` between,
    in a list not opened by a word of :data:`SIDES` in the two words before its first item.

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
    >>> coordinated_with_others("dialogue between experts and business".split(), 4, 5,
    ...                         {"experts"})
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
                first = min(i, lo)
                return SIDES.isdisjoint(t.lower() for t in toks[max(0, first - 2):first])
            i += step
    return False
