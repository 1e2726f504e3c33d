"""Where the name of one of the SCO's own bodies begins and ends (decision rule 2).

A body's name carries no frame by itself ("the SCO Business Council", "the Working Group
on ensuring security of major events"): :func:`discourse.framing.rules.analyse` blocks the
frame words inside the spans found here. Which words begin a name, which are its heads and
its prefixes is configured in the lexicon's ``bodies`` section.
"""

from __future__ import annotations

from itertools import compress, count

from discourse.framing.blocking import HEADLINE_CAPITALS, title_case

__all__ = ["sco_body_spans", "starter_end"]

_COMPLEMENT = frozenset({"of", "for", "on"})
_JOIN_NAME = frozenset({"of", "for", "on", "and", "the", "&", "'s", "\u2019s", "-"})
#: The joiners that, in a headline in title case, end a name that has no head yet: the
#: SCO's bodies are named head first before these ("Council of Heads of State").
_BEFORE_HEAD = frozenset({"of", "for", "on", "the"})
#: The words that join a starter ("Working Group") to the rest of its name.
_STARTER_JOIN = frozenset({"on", "of", "for"})


def sco_body_spans(toks, prefixes, heads) -> list[tuple[int, int]]:
    """Names of the SCO's own bodies: a prefix ("SCO"), then capitalised words and
    name joiners, containing a head ("Council", "Club", ...), e.g. "SCO Business
    Council", "SCO Consortium of Economic Think Tanks".

    A capitalised preposition, article or conjunction ends the name: in a headline
    written in title case ("SCO Secretariat Holds Round Table On Women's
    Entrepreneurship") every word has a capital, and the name is only what comes before
    the first such word. In a headline in title case (:func:`title_case`, whether it
    leaves short function words in lower case or not) the name also ends at its last head
    ("... Executive Committee Meets UNODC Representative For ...", "SCO Secretariat
    Statement on Terrorism"), and a preposition or article before its first head ends the
    walk without a name ("SCO Secretary-General Meets Executive Director of CICA
    Secretariat").

    Examples
    --------
    >>> sco_body_spans("the SCO Energy Club met".split(), {"SCO"}, {"Club"})
    [(1, 4)]
    >>> sco_body_spans("the SCO Energy Ministers met".split(), {"SCO"}, {"Club"})
    []
    >>> sco_body_spans("SCO Energy Club Meets On Trade".split(), {"SCO"}, {"Club"})
    [(0, 3)]
    >>> sco_body_spans("SCO Energy Club Report on Oil Markets".split(), {"SCO"}, {"Club"})
    [(0, 3)]
    """
    out = []
    n = len(toks)
    # title case (:func:`title_case`), looked at only where it can change the result: once
    # a name has a head, or at a preposition or article before its head
    headline = None
    for i in compress(count(), map(prefixes.__contains__, toks)):    # the prefixes
        j, last_head, end = i + 1, None, None
        while j < n and (toks[j][:1].isupper()
                         or (toks[j] in _JOIN_NAME and j + 1 < n and toks[j + 1][:1].isupper())):
            if toks[j] in HEADLINE_CAPITALS:
                break                 # headline capitals: "... Club Meets On Trade"
            if last_head is not None and toks[j] in _JOIN_NAME and \
                    toks[j] not in _COMPLEMENT and toks[j - 1] in heads:
                break                 # "SCO Secretariat and CICA Secretariat": two names
            if toks[j] in heads:
                last_head = j
            elif last_head is None and toks[j] in _BEFORE_HEAD:
                if headline is None:
                    headline = title_case(toks)
                if headline:
                    break             # "SCO Secretary-General Meets Director of CICA ..."
            if last_head is not None and toks[j][:1].isupper():
                if headline is None:
                    headline = title_case(toks)
                if not headline or toks[j] in heads:
                    end = j + 1       # in a headline the name ends at its last head
            j += 1
        if last_head is not None:
            out.append((i, end))
    return out


def starter_end(toks, start: int, hi: int, stops, heads=frozenset()) -> int:
    """End of a name that begins with a starter ("Working Group") at ``start:hi``.

    The name goes on through "on", "of" or "for" and words with capitals, "of the"
    included ("Working Group of the SCO Member States on Modern Information and
    Communication Technologies"); after "on", through a subject in lower case up to the
    clause's next word of ``stops`` (a verb, a preposition such as "in", "at", "during")
    or punctuation ("Working Group on ensuring security of major international events"),
    if the starter has a capital or follows "meeting of the (SCO)": "a working group on
    e-commerce" to be set up is a subject of the sentence, not yet a name, but "a meeting
    of the expert group on energy security" is one of a group that exists.
    A capitalised preposition or article (a headline in title case) ends it.

    Parameters
    ----------
    toks : list of str
    start, hi : int
        Start and end (exclusive) of the starter's match.
    stops : collection of str
        Lower-case words that end a subject in lower case (the lexicon's list stops).
    heads : collection of str
        The head words of the SCO's bodies (``bodies.heads``): a starter in lower case
        right after one ("the SCO Business Council working group on energy") is that
        body's group, which exists, as one after "meeting of the" is.

    Returns
    -------
    int
        End (exclusive) of the name.

    Examples
    --------
    >>> toks = "the Working Group on ensuring security of major events was held".split()
    >>> toks[1:starter_end(toks, 1, 3, {"was", "held"})]
    ['Working', 'Group', 'on', 'ensuring', 'security', 'of', 'major', 'events']
    >>> toks = "the Working Group of the SCO Member States on Startups met".split()
    >>> toks[1:starter_end(toks, 1, 3, {"met"})]
    ['Working', 'Group', 'of', 'the', 'SCO', 'Member', 'States', 'on', 'Startups']
    >>> toks = "the Working Group on trade , set up in May".split()
    >>> toks[1:starter_end(toks, 1, 3, {"in"})]
    ['Working', 'Group', 'on', 'trade']
    >>> toks = "a meeting of the expert group on energy security was held".split()
    >>> toks[4:starter_end(toks, 4, 6, {"was"})]
    ['expert', 'group', 'on', 'energy', 'security']
    >>> toks = "to set up an expert group on energy security".split()
    >>> toks[4:starter_end(toks, 4, 6, set())]
    ['expert', 'group']
    >>> toks = "the Business Council working group on energy met".split()
    >>> toks[3:starter_end(toks, 3, 5, {"met"}, {"Council"})]
    ['working', 'group', 'on', 'energy']
    """
    n = len(toks)
    held = _held(toks, start, heads)
    capital = toks[start][:1].isupper() or held
    while hi + 1 < n and toks[hi].lower() in _STARTER_JOIN:
        j = hi + 1
        if toks[j] == "the" and j + 1 < n and toks[j + 1][:1].isupper():
            j += 1
        # the subject of a group that meets runs to the clause's stop, in a headline in
        # title case as in sentence case
        if toks[j][:1].isupper() and not (held and toks[hi].lower() == "on"):
            hi = j + 1
            while hi < n and toks[hi] not in HEADLINE_CAPITALS and (
                    toks[hi][:1].isupper() or (
                        toks[hi] in ("and", "of", "&") and hi + 1 < n
                        and toks[hi + 1][:1].isupper())):
                hi += 1
        elif toks[hi].lower() == "on" and _sets_up(toks, j):
            break             # "the expert group on the establishment of the Bank": a task
        elif toks[hi].lower() == "on" and capital and toks[j][:1].isalnum() \
                and toks[j] not in stops:
            hi = j
            while hi < n and toks[hi][:1].isalnum() and toks[hi].lower() not in stops:
                hi += 1
            break
        else:
            break
    return hi


#: Nouns before "of the" that make a group, not one that exists ("the establishment of the
#: expert group on ...": the sentence is about setting it up).
_NOT_YET = frozenset({"establishment", "creation", "formation", "establishing", "creating",
                      "forming", "setting"})


def _sets_up(toks, j: int) -> bool:
    """Whether the subject that begins at ``j`` (after "on") is the setting up of something
    ("the establishment of the SCO Development Bank"): a group for that task is named for
    its subject, which the sentence is about (decision rule 2: a title that states its
    subject), not a standing body whose name carries no frame."""
    if j < len(toks) and toks[j].lower() == "the":
        j += 1
    return j < len(toks) and toks[j].lower() in _NOT_YET


def _held(toks, start: int, heads) -> bool:
    """Whether the starter at ``start`` names a group that exists, as its capitalised form
    does: it follows "the" (and "SCO") after a noun and "of" ("the meeting of the", "the
    plan of work of the", a group in lower case that meets or has a plan), unless the
    noun makes the group (:data:`_NOT_YET`), or one of the body head words ``heads``
    ("the Business Council working group"), or "SCO" at the start of the sentence, after
    "the" ("SCO working group on e-commerce holds a meeting", "The SCO expert group on ...
    met"; not "an SCO expert group" to be set up) or after a noun and "of" as a headline
    drops its articles ("Meeting of SCO expert group on customs cooperation held")."""
    if start > 0 and toks[start - 1] in heads:
        return True
    sco = start > 0 and toks[start - 1] == "SCO"
    if sco and (start == 1 or (toks[start - 2].lower() == "the" and not (
            start >= 4 and toks[start - 3].lower() == "of"
            and toks[start - 4].lower() in _NOT_YET))):
        return True           # "SCO working group on e-commerce holds a meeting"
    if sco and _of_a_noun(toks, start - 2):
        return True           # "Meeting of SCO expert group on customs cooperation held"
    i = start - 1 - sco
    return i >= 2 and toks[i].lower() == "the" and _of_a_noun(toks, i - 1)


def _of_a_noun(toks, i: int) -> bool:
    """Whether ``toks[i]`` is "of" after a word that does not make the group (not one
    of :data:`_NOT_YET`): "the meeting of", "the plan of work of"."""
    return i >= 1 and toks[i].lower() == "of" and toks[i - 1][:1].isalpha() \
        and toks[i - 1].lower() not in _NOT_YET
