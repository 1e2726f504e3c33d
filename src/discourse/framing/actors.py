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

__all__ = ["coordinated_with_others", "in_list_of_event_names"]

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
#: The fewest event names of a bare list of event names.
EVENT_LIST = 3
#: Tokens that join the names of a list of events, articles before a name, and words
#: inside a name ("Women's Forum").
_LIST_JOINS = frozenset({",", "and", "&"})
_ARTICLES = frozenset({"the", "a", "an"})
_NAME_JOINS = frozenset({"'s", "\u2019s", "of", "-"})
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


def in_list_of_event_names(toks: list, lo: int, hi: int, nouns) -> bool:
    """Whether ``toks[lo:hi]`` begins the name of an event (the word after it is a
    capitalised word of ``nouns``: "Business Forum") in a list of at least
    :data:`EVENT_LIST` event names joined directly by commas and "and" ("the Media
    Forum, Women's Forum, Business Forum and the SCO Marathon"). A bare list of event
    names names events, not what they are about (decision rule 2). Two events side by
    side are more often the sentence's subject ("Trade Fair and Investment Forum open in
    Urumqi"); a name reached over other words ("the Investment Forum, held alongside the
    Summit") is no item of a list; nouns in lower case are kinds of event, not names
    ("trade fairs and exhibitions").

    Parameters
    ----------
    toks : list of str
        The sentence's tokens.
    lo, hi : int
        The span of the frame word.
    nouns : set of str
        Lower-case nouns of events ("forum", "festival", "marathon").

    Returns
    -------
    bool

    Examples
    --------
    >>> toks = "the Media Forum , Business Forum and the Marathon".split()
    >>> in_list_of_event_names(toks, 4, 5, {"forum", "marathon"})
    True
    >>> in_list_of_event_names("the Business Forum and the Marathon".split(), 1, 2,
    ...                        {"forum", "marathon"})
    False
    >>> in_list_of_event_names("trade fairs and exhibitions".split(), 0, 1,
    ...                        {"fairs", "exhibitions"})
    False
    """
    def noun(i):
        return 0 <= i < len(toks) and toks[i][:1].isupper() and toks[i].lower() in nouns

    if not noun(hi):
        return False
    found = 1
    i = hi + 1                     # to the right: ", the SCO Marathon", "and Women's Forum"
    while i < len(toks) and toks[i] in _LIST_JOINS:
        i += 1
        if i < len(toks) and toks[i].lower() in _ARTICLES:
            i += 1
        j = i
        while j < len(toks) and (toks[j][:1].isupper() or toks[j] in _NAME_JOINS) \
                and not noun(j):
            j += 1
        if not noun(j):
            break
        found, i = found + 1, j + 1
    i = lo - 1                     # to the left: "the Media Forum, " before the name
    if i >= 0 and toks[i].lower() in _ARTICLES:
        i -= 1
    while i >= 1 and toks[i] in _LIST_JOINS and noun(i - 1):
        found += 1
        i -= 2
        while i >= 0 and (toks[i][:1].isupper() or toks[i] in _NAME_JOINS) and not noun(i):
            i -= 1
        if i >= 0 and toks[i].lower() in _ARTICLES:
            i -= 1
    return found >= EVENT_LIST
