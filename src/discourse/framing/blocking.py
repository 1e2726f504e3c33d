"""Rules that decide which matched words are not evidence: each blocks matches in a span.

Every function takes the tokens, the content matches ``content`` (``(start, end,
entry id)``) and the dict ``blocked`` (match -> why), and adds to ``blocked`` the
matches its rule removes, with the reason that the ``evidence`` column shows. They are
applied by :func:`discourse.framing.rules.analyse`; the codebook clause of each is in
the lexicon file beside the section that configures it.
"""

from __future__ import annotations


from discourse.framing.sections import FRAMES
from discourse.text import only_verb, printed, word_classes

__all__ = ["block_span", "longest_match", "list_span", "forward_span", "backward_span",
           "apposition_spans", "quoted", "reads_as_verb",
           "field_of_cooperation", "title_case", "HEADLINE_CAPITALS", "capitalised",
           "capital_run", "MONTHS"]

#: Sections whose entries block the frame words they cover, even of the same length.
_NAMES = frozenset({"name", "body", "neutral"})

_CLOSE = frozenset({",", ";", ":", ".", "(", ")", "!", "?"})
#: English month names and their abbreviations, written out: ``calendar.month_name`` follows
#: the process's locale, and a date in English must be read the same under any locale.
MONTHS = frozenset("January February March April May June July August September October "
                   "November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov "
                   "Dec".split())
#: A date before a comma ("Today, 21 September, the world marks ...", "On Monday, the
#: ministers ...") is not a name, and what follows it is the main clause, not a description;
#: nor is an ordinal that opens a point of a list ("Fourth, the expansion of settlements in
#: national currencies, a question to which ...").
_NOT_NAMES = MONTHS | frozenset("Monday Tuesday Wednesday Thursday Friday Saturday "
                                "Sunday First Second Third Fourth Fifth Sixth Seventh "
                                "Eighth Ninth Tenth Firstly Secondly Thirdly Fourthly "
                                "Fifthly Finally Lastly".split())
#: Longest description attached to a name, in tokens.
_APPOSITION_MAX = 10
#: A description running to the end of the sentence: a relative pronoun this many tokens
#: after its noun's article or closer ("a coastal city that ...", "a city which ...").
_RELATIVE = frozenset({"that", "which", "where", "whose"})
_RELATIVE_NEAR = 4
#: Auxiliaries that make a phrase after a comma a clause, not a description ("On the
#: margins of the Forum, a session was held ..."), unless a relative pronoun, a
#: capitalised word or a verb of saying comes first ("a city Chinese investors have
#: turned into ...", "a country experts say is ...": a description with its own subject).
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would",
                     "shall", "should", "can", "could", "may", "might", "must", "do",
                     "does", "did"})
_SAYING = frozenset({"say", "says", "said", "believe", "believes", "consider", "considers"})
#: Words after which "that" is a determiner, not a relative pronoun ("a meeting of that
#: structure was held").
_NOT_NOUN = frozenset({"of", "in", "on", "at", "for", "to", "with", "by", "from", "and",
                       "or", "than", "about", "into", "like"})
#: Prepositions, articles and conjunctions: written with a capital inside a sentence only
#: in headline style ("Secretariat Holds Round Table On ..."), never inside a body's name.
_FUNCTION_WORDS = frozenset({
    "a", "about", "after", "against", "among", "an", "and", "as", "at", "before",
    "between", "by", "during", "for", "from", "in", "into", "of", "on", "over", "the",
    "to", "under", "upon", "via", "with", "within"})


#: :data:`_FUNCTION_WORDS` with a capital ("On") or in capitals ("ON"): inside a sentence,
#: the mark of a headline in title case, never part of a body's name.
HEADLINE_CAPITALS = frozenset({w.capitalize() for w in _FUNCTION_WORDS}
                              | {w.upper() for w in _FUNCTION_WORDS})


def capitalised(tok: str) -> bool:
    """Whether ``tok`` has a capital that can mark a name: not a function word written
    with one (:data:`HEADLINE_CAPITALS`, the mark of a headline in title case)."""
    return tok[:1].isupper() and tok not in HEADLINE_CAPITALS


def capital_run(toks, i: int, joins, *, step: int = 1, most: int | None = None) -> int:
    """Where a run of capitalised words (:func:`capitalised`) and the ``joins`` between
    them ends, walking from token ``i`` forward (``step=1``: the end, exclusive) or back
    (``step=-1``: ``i`` is the end, the start is returned), over at most ``most`` tokens.

    >>> capital_run("the Voice of Asia broadcast".split(), 1, {"of"})
    4
    >>> capital_run("to the Economic Daily newspaper".split(), 4, {"of"}, step=-1)
    2
    >>> capital_run("a Bb Cc Dd Ee Ff".split(), 6, set(), step=-1, most=4)
    2
    """
    n, start = len(toks), i
    if step == 1:
        while i < n and (most is None or i - start < most) and (capitalised(toks[i]) or (
                toks[i] in joins and i + 1 < n and capitalised(toks[i + 1]))):
            i += 1
        return i
    while i > 0 and (most is None or start - i < most) and (capitalised(toks[i - 1]) or (
            toks[i - 1] in joins and i > 1 and capitalised(toks[i - 2]))):
        i -= 1
    return i


#: Fewest words other than function words (:data:`_MINOR`) that make a sentence whose
#: every such word is capitalised a headline in title case (:func:`title_case`).
_TITLE_WORDS = 3
#: The words a headline in title case may leave in lower case: the function words and
#: the short conjunctions ("... Seminar on Drug Trafficking", "Peace and Security").
_MINOR = _FUNCTION_WORDS | {"or", "nor", "but", "per", "vs"}


def title_case(toks) -> bool:
    """Whether a sentence is a headline in title case, where capitals do not mark names.

    Either two different capitalised function words after its first word ("SCO
    Secretariat Holds Round Table On Women's Entrepreneurship"), or at least
    :data:`_TITLE_WORDS` words other than function words and short conjunctions, every
    one of them capitalised (the style that leaves those in lower case: "SCO Secretariat
    Hosts Seminar on Drug Trafficking"). Only words that begin with a letter count.

    Examples
    --------
    >>> title_case("SCO Secretariat Hosts Seminar on Drug Trafficking".split())
    True
    >>> title_case("SCO Secretariat hosts seminar on drug trafficking".split())
    False
    >>> title_case("The SCO Energy Club met".split())
    False
    """
    if len(HEADLINE_CAPITALS.intersection(toks[1:])) >= 2:
        return True
    words = [t for t in toks if t[:1].isalpha() and t.lower() not in _MINOR]
    return len(words) >= _TITLE_WORDS and all(t[:1].isupper() for t in words)


#: Marks a quoted span does not begin or end with.
_EDGE_MARKS = frozenset({",", ";", ":"})


def quoted(toks, lo: int, hi: int) -> str:
    """The tokens ``toks[lo:hi]`` as a blocked match's note quotes them: as printed
    (:func:`discourse.text.printed`), without a comma, semicolon or colon at either end
    (a list's span may begin at the comma before its first item)."""
    while lo < hi and toks[lo] in _EDGE_MARKS:
        lo += 1
    while hi > lo and toks[hi - 1] in _EDGE_MARKS:
        hi -= 1
    return printed(toks[lo:hi])


def block_span(entries, content, blocked, lo: int, hi: int, why: str, *, frames=FRAMES,
               keep=("name",), kinds=None, spare=None) -> None:
    """Block the frame matches lying in tokens ``lo:hi``.

    Parameters
    ----------
    why : str or callable
        The reason the evidence shows, or a function of no arguments that returns it
        (called once, and only if a match is blocked: most spans block nothing).
    frames : tuple of str
        Frames whose matches are blocked.
    keep : tuple of str
        Sections never blocked here (names of external organisations by default).
        Entries of kind ``explicit`` ("multilateral") are never blocked here either:
        the codebook says they always count.
    kinds : tuple of str, optional
        For multilateralism, block only entries of these kinds (e.g. ``("role",)``).
    spare : tuple of int, optional
        ``(start, end)`` of the word that opened the span (a list's head): a match that
        contains it is an entry written with that word, a subject and not a member of
        the span ("the plan of cooperation between the defence ministries"), and is not
        blocked.
    """
    for m in content:
        e = entries[m[2]]
        if m in blocked or e.frame not in frames or e.section in keep or e.kind == "explicit":
            continue
        if kinds is not None and e.frame == "multilateralism" and e.kind not in kinds:
            continue
        if spare is not None and m[0] <= spare[0] and spare[1] <= m[1]:
            continue
        if lo <= m[0] and m[1] <= hi:
            if not isinstance(why, str):
                why = why()
            blocked[m] = why


def longest_match(toks, entries, content, blocked, body: str = "an own body") -> None:
    """Longest match: block a content match inside a strictly longer one of any section
    ("security" in "UN Security Council"), and a frame word that is not itself a name
    inside a name, the name of one of the organisation's bodies (``body``, as evidence
    calls it: "an SCO body") or a neutral entry of the same length; where both are of
    one section the reason is ``None`` (counted once, as the longer entry)."""
    if len(content) < 2:
        return
    long = [o for o in content if o[1] - o[0] > 1 or entries[o[2]].section in _NAMES]
    for m in content if long else ():
        for o in long:
            if o == m or not (o[0] <= m[0] and m[1] <= o[1]):
                continue
            longer = o[1] - o[0] > m[1] - m[0]
            if longer or (entries[o[2]].section in _NAMES and entries[m[2]].frame is not None
                          and entries[m[2]].section not in _NAMES):
                outer, inner = entries[o[2]], entries[m[2]]
                if outer.section == inner.section:
                    blocked[m] = None          # counted once, as the longer entry
                else:
                    what = {"name": "name", "body": f"name of {body}",
                            "neutral": "neutral"}.get(outer.section, outer.section)
                    blocked[m] = f"inside {what} '{quoted(toks, o[0], o[1])}'"
                break


def list_span(toks, head, covered, joiners, *, after_of: bool, stops=frozenset()):
    """The span of a list around ``head``: ``(lo, hi)``.

    Backwards from the head over matched words (``covered``) and ``joiners``; forwards
    the same way, or (``after_of``, lists of ministries) after an "of"/"for" that
    follows the head, over every word up to a word in ``stops``, the list's predicate
    (:func:`_predicate`: "ministers of the interior | condemned terrorism") or
    punctuation that closes a clause ("ministers of culture, education and agriculture
    | held ...").
    """
    n = len(toks)
    lo = head[0]
    while lo > 0 and (lo - 1 in covered or toks[lo - 1].lower() in joiners):
        lo -= 1
    hi = head[1]
    if not after_of:
        while hi < n and (hi in covered or toks[hi].lower() in joiners):
            hi += 1
    elif hi < n and toks[hi].lower() in ("of", "for"):
        hi += 1
        while hi < n and toks[hi] not in _CLOSE - {","} and toks[hi].lower() not in stops \
                and not _predicate(toks, hi):
            hi += 1
        while hi > head[1] and toks[hi - 1] in (",", "and"):
            hi -= 1
    return lo, hi


#: Participles that, after a comma and before "by", name who held or attended the
#: meeting (", chaired by the head of the National Energy Administration"): the list of
#: participants goes on.
MEETING_PARTICIPLES = frozenset({"chaired", "headed", "hosted", "attended", "led",
                                 "organised", "organized", "presided", "accompanied",
                                 "joined", "represented"})
#: Words known only as verbs that name a field in a ministry's name ("specialised
#: secondary education").
_NAME_WORDS = frozenset({"specialised", "specialized"})
#: Tokens after which a field, not a predicate, follows ("ministers of | mining",
#: "responsible for combating | organised crime").
_BEFORE_FIELD = frozenset({"of", "for", "and", "the", "&", "/", "or"})


def reads_as_verb(word: str) -> bool:
    """Whether the lower-case ``word`` reads as a verb where a clause may begin: known only
    as a verb (:func:`discourse.text.only_verb`: "condemned", "discuss") or a past form in
    -ed with a verb reading ("considered", "opposed"; not "red" nor "hundred").

    >>> [reads_as_verb(w) for w in ["agreed", "considered", "discuss", "trade", "red"]]
    [True, True, True, False, False]
    """
    return only_verb(word) or (word.endswith("ed") and "VERB" in word_classes(word))


def _predicate(toks, i: int) -> bool:
    """Whether token ``i`` begins the predicate after a list of ministries.

    A word after a word of the list (not right after a joiner, "of", "and" or a gerund:
    "of | organised crime"), in lower case, title case (a headline) or capitals, not a
    gerund ("mining", "combating") nor a word of a ministry's name (:data:`_NAME_WORDS`),
    that reads as a verb (:func:`reads_as_verb`: known only as a verb,
    "condemned", "Condemn", or a past form in -ed with a verb reading, "considered"),
    unless a comma before it and "by" after it make it a participle naming who held or
    attended the meeting (:data:`MEETING_PARTICIPLES`). Present forms that are also
    nouns ("exchange", "target") end the list through the lexicon's stop words: whether
    such a word is a verb or the head of a compound ("foreign trade | activities") is not
    decided here."""
    tok = toks[i]
    word = tok.lower()
    if not tok.isalpha() or not (tok.islower() or tok[1:].islower() or tok.isupper()) \
            or word.endswith("ing") or word in _NAME_WORDS \
            or not reads_as_verb(word):
        return False
    before = toks[i - 1].lower()
    if before in _BEFORE_FIELD or before.endswith("ing"):
        return False
    after = toks[i + 1].lower() if i + 1 < len(toks) else "."
    return not (before == "," and word in MEETING_PARTICIPLES and after == "by")


def clause_end(toks, start: int, end: int) -> int:
    """``end``, or the first comma in ``[start, end)`` after which the sentence's
    predicate comes (:func:`_predicate`: "attended by the ministers of energy and
    transport, | focused on investment"; ", joined by business leaders, | signed")."""
    for j in range(start, end - 1):
        if toks[j] == "," and _predicate(toks, j + 1):
            return j
    return end


def forward_span(toks, start: int, stops) -> int:
    """End of the span from ``start`` to the first token in ``stops`` (or the end)."""
    hi = start
    while hi < len(toks) and toks[hi].lower() not in stops:
        hi += 1
    return hi


def backward_span(toks, end: int, stops, most: int) -> int:
    """Start of the span of at most ``most`` tokens before ``end``, not reaching back
    past a token in ``stops`` (or the start)."""
    lo = end
    while lo > 0 and end - lo < most and toks[lo - 1].lower() not in stops:
        lo -= 1
    return lo


def apposition_spans(toks) -> list[tuple[int, int]]:
    """Descriptions attached to a name: ", a/an/one ..." or ", the" and a word in lower
    case ("the main body ...") after a capitalised word,
    closed by a second comma, at most ten tokens ("China, a leading global economy, ...").
    A date is not a name ("Today, 21 September, the world marks ...": the main clause), nor
    is an ordinal that opens a point ("Fourth, the expansion of trade, a question ...").
    A phrase that runs to the end of the sentence is not taken for one: after a fronted
    phrase ending in a name ("According to UNESCAP, the region ...") it is the main
    clause; unless it is "a/an" and a noun that a relative clause describes ("in Qingdao,
    a coastal city that has grown into a centre of trade.").

    Examples
    --------
    >>> apposition_spans("China , a leading economy , hosted".split())
    [(2, 5)]
    >>> apposition_spans("They met in Qingdao , a city that grew on trade .".split())
    [(5, 11)]
    >>> apposition_spans("According to UNESCAP , a quarter of trade grew .".split())
    []
    >>> apposition_spans("With the Secretariat , a meeting of that body was held .".split())
    []
    >>> apposition_spans("At the Forum , a session was held , at which ...".split())
    []
    >>> apposition_spans("Today , 21 September , the world marks the Day , set by the UN .".split())
    []
    >>> apposition_spans("Fourth , the expansion of trade , a question to which we return".split())
    []
    """
    out = []
    n = len(toks)
    c = 0
    for _ in range(toks.count(",") - (toks[:1] == [","])):    # the commas after the first token
        c = toks.index(",", c + 1)
        if c >= n - 1 or not toks[c - 1][:1].isupper() \
                or toks[c - 1].rstrip(".").title() in _NOT_NAMES:
            continue
        nxt = toks[c + 1].lower()
        if nxt in ("a", "an", "one") or (nxt == "the" and c + 2 < n
                                         and toks[c + 2][:1].islower()):
            end = c + 1
            while end < n and toks[end] not in _CLOSE:
                end += 1
            if end < n and toks[end] == "," and end - c - 1 <= _APPOSITION_MAX:
                if not _clause(toks, c + 1, end):
                    out.append((c + 1, end))
            elif nxt != "the" and (end == n or toks[end] == ".") and any(
                    toks[k] in _RELATIVE and toks[k - 1].isalpha()
                    and toks[k - 1].lower() not in _NOT_NOUN
                    for k in range(c + 3, min(c + 3 + _RELATIVE_NEAR, end))):
                out.append((c + 1, end))
    return out


def _clause(toks, lo: int, hi: int) -> bool:
    """Whether ``toks[lo:hi]`` (an article first) has an auxiliary before any relative
    pronoun, capitalised word or verb of saying: a clause ("a session was held"), not a
    description ("a city that has grown", "the port China has built")."""
    for k in range(lo, hi):
        t = toks[k]
        low = t.lower()
        if low in _RELATIVE or low == "who" or low in _SAYING or (
                k > lo + 1 and t[:1].isupper()):
            return False
        if low in _FINITE:
            return True
    return False


#: Words that name a field: "cooperation in the field of agriculture" names agriculture as
#: a field of cooperation (rule 4) as "cooperation in agriculture" does.
_FIELDS = frozenset({"field", "fields", "area", "areas", "sphere", "spheres", "sector",
                     "sectors", "domain"})


#: "cooperation", "cooperate" ... and their older British spellings ("co-operation").
_COOPERAT = ("cooperat", "co-operat")


def field_of_cooperation(toks, at: int) -> bool:
    """Whether the word at ``at`` is named as a field of cooperation: "cooperation" up to
    three tokens before it ("cooperation in agriculture"), or "cooperation in the field
    of" (or area, sphere, sector) just before it; not the domain word of an "X security"
    it opens ("cooperation in energy security" names security as the field)."""
    if at + 1 < len(toks) and toks[at + 1].lower() in ("security", "insecurity"):
        return False
    if any(t.lower().startswith(_COOPERAT) for t in toks[max(0, at - 3):at]):
        return True
    return at >= 5 and toks[at - 5].lower().startswith(_COOPERAT) \
        and toks[at - 4].lower() == "in" and toks[at - 3].lower() == "the" \
        and toks[at - 2].lower() in _FIELDS and toks[at - 1].lower() == "of"
