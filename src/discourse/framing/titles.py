"""What an event's name states: "Meeting of heads of competent authorities of the member
states on information security" is a meeting whose subject is information security, and
"the Media Forum, Women's Forum, Business Forum and the SCO Marathon" a bare list of
events, which states none.

By the codebook's decision rule 2 a meeting named for its participants (a format: "the
meeting of the ministers of transport") states no subject, and references to it carry
only the relations it is with; an event whose title states its subject takes that
subject's frame. A meeting's name states a subject when, after the participants, it has
"on" and a word in lower case ("... of the member states on information security"), not
a date ("on 14 June") and not after a verb or a preposition that ends the name ("held in
Tashkent on ..."). :func:`subject_follows` finds that "on"; the rules then give the title
the kind ``subject_meeting`` of the lexicon's events (:mod:`discourse.framing.rules`).
A bare list of event names names events, not what they are about (rule 2):
:func:`in_list_of_event_names` finds a frame word that begins an event's name in one, and
the rules block it (:mod:`discourse.framing.whole_sentence`). A title that names its
document as that of a meeting ("Declaration of the Meeting of the Council ...") names the
council's meeting, a body's (:func:`of_a_meeting`; :mod:`discourse.framing.stream`).
"""

from __future__ import annotations

__all__ = ["in_list_of_event_names", "of_a_meeting", "subject_follows"]

#: The fewest event names of a bare list of event names.
EVENT_LIST = 3
#: Tokens that join the names of a list of events, articles before a name, and words
#: inside a name ("Women's Forum").
_LIST_JOINS = frozenset({",", "and", "&"})
_ARTICLES = frozenset({"the", "a", "an"})
_NAME_JOINS = frozenset({"'s", "\u2019s", "of", "-"})


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


#: The words that make a title's document that of a meeting: "Declaration of the Meeting of
#: the Council of Ministers of Foreign Affairs ...", "Joint Communique following the
#: meeting of ...", "Press communique on the informal meeting of ...".
_OF_A_MEETING = frozenset({"meeting", "session", "sitting"})
_OF_A_MEETING_BEFORE = frozenset({"of", "following", "on"})


def of_a_meeting(toks: list[str]) -> bool:
    """Whether a title names its document as that of a meeting: "of (following, on) the
    [one word] meeting" (or session) within its first eight words, as in "Declaration of
    the Meeting of the Council ..." (not "Statement by the Secretary-General at the Sixth
    Meeting of ...").

    >>> of_a_meeting("Declaration of the Meeting of the Council of Ministers".split())
    True
    >>> of_a_meeting("Press communique on the informal meeting of the Council".split())
    True
    >>> of_a_meeting("Statement by the Secretary-General at the Sixth Meeting of CICA".split())
    False
    """
    head = [t.lower() for t in toks[:8]]
    for i in range(len(head) - 2):
        if head[i] in _OF_A_MEETING_BEFORE and head[i + 1] == "the" and (
                head[i + 2] in _OF_A_MEETING
                or i + 3 < len(head) and head[i + 3] in _OF_A_MEETING):
            return True
    return False
