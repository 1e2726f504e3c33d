"""The rules that weigh the kept matches of a sentence together (after the span rules of
:mod:`discourse.framing.rules`): the words of a situation as a conflict's only where the
sentence names its place, an economic actor named beside actors of other kinds
(:mod:`discourse.framing.actors`), an event's name in a bare list of event names
(:mod:`discourse.framing.titles`), technology as a tool of public administration,
no country alone against a hazard, threats without security (rule 6), a port or an airport
as the place of an attack or a disaster, roads, crops and farmers a disaster strikes, the
size of the SCO as its weight or as an economic indicator (rule 12), a war of the past
commemorated, X security without economic content (rule 5), and money serving security,
aid or the SCO's own budget.
"""

from __future__ import annotations

from operator import itemgetter

from discourse.framing.actors import coordinated_with_others
from discourse.framing.blocking import field_of_cooperation
from discourse.framing.titles import in_list_of_event_names
from discourse.text import printed

__all__ = ["applied_to", "conflict_place", "other_situation", "whole_sentence_rules"]

_ID = itemgetter(2)               # a match's entry id


def whole_sentence_rules(lex, toks, kept, blocked, flags, rules, main, entries, s) -> bool:
    """Apply the rules above to ``kept`` (the sentence's unblocked matches per frame:
    security, economy, multilateralism), removing what they block from it and recording
    why in ``blocked``; ``flags`` and ``rules`` are those the span rules collected,
    ``main`` the lexicon's :class:`~discourse.framing.matcher.KeyCache`, ``entries`` and
    ``s`` the lexicon's entries and settings.

    Returns
    -------
    bool
        Whether the sentence's economy is money words only (and kept: not money that
        serves security, aid or the SCO's budget).
    """
    # the words of a situation (kind situation: "the situation", "a source of concern", "a
    # peaceful, stable state") are security only in a sentence that names the place of a
    # conflict (SECURITY: "Afghanistan as a conflict or source of threats"), and not where
    # it speaks of a situation of another kind ("concern that the humanitarian situation in
    # Afghanistan remains difficult", "the economic situation in Afghanistan")
    situations = [m for m in kept[0] if main.kind[m[2]] == "situation"] if kept[0] else ()
    if situations:
        named = conflict_place(toks, s.get("conflict_places", frozenset()))
        other = other_situation(toks, s.get("conflict_not_after", ())) if named else None
        if not named or other:
            for m in situations:               # no place named: not a conflict's words
                blocked[m] = f"a situation of another kind ('{other}')" if other else ""
                kept[0].remove(m)
    # a kind of economic actor beside actors of other kinds ("experts and representatives
    # of business") names who takes part, not what the sentence is about (Unit and form)
    others = s.get("actor_others")
    if kept[1] and others:
        words = s["actor_words"]
        for m in [m for m in kept[1] if m[1] - m[0] == 1 and toks[m[0]].lower() in words
                  and coordinated_with_others(toks, m[0], m[1], others)]:
            blocked[m] = "one kind of actor among others"
            kept[1].remove(m)
    # a bare list of event names ("the Media Forum, Women's Forum, Business Forum and the
    # SCO Marathon") names events, not their subjects (decision rule 2)
    nouns = s.get("event_list_nouns")
    if nouns and (kept[0] or kept[1]):
        for ms in (kept[0], kept[1]):
            for m in [m for m in ms if in_list_of_event_names(toks, m[0], m[1], nouns)]:
                blocked[m] = "inside one of a list of event names"
                ms.remove(m)
    # that no country can face an epidemic, a disaster or a pest alone argues for the
    # cooperation of neighbours against a hazard (rule 6), not for the international
    # community's, unless the sentence names a global scope ("global challenges")
    if kept[2] and "hazard" in flags and s.get("hazard_global") is not None \
            and s["hazard_global"].isdisjoint(t.lower() for t in toks):
        for m in [m for m in kept[2] if main.kind[m[2]] == "alone"]:
            blocked[m] = "no country alone against a hazard, no global scope"
            kept[2].remove(m)
    # technology as a tool of courts, audit or public administration ("the digitalisation
    # of judicial proceedings") is not economic activity, when it is the only economy
    domains = [f for f in flags if type(f) is tuple and f[0] == "public_domain"] \
        if kept[1] and s.get("public_technology") else ()
    if domains and all(s["entry_keys"][m[2]] in s["public_technology"]
                       and applied_to(toks, m, domains) for m in kept[1]):
        for m in kept[1]:
            blocked[m] = "technology of public administration"
        kept[1].clear()
    # threats without security (rule 6): generic threat words about an epidemic, a
    # disaster or the economy are not security
    # (countering threats named as a field, kind threat_field, is blocked by a hazard only)
    if kept[0] and ("hazard" in flags or kept[1]) and all(
            main.kind[m[2]] == "threat" or (main.kind[m[2]] == "threat_field"
                                            and "hazard" in flags) for m in kept[0]):
        why = "threat without an appeal to security" + (
            " (hazard)" if "hazard" in flags else " (to the economy)")
        for m in kept[0]:
            blocked[m] = why
        kept[0].clear()
    # a port or an airport named as the place of an attack or a disaster is a place; roads,
    # crops and farmers a disaster strikes (kind exposed) are what it hits, unless the
    # sentence gives its economic consequences ("the reconstruction of roads")
    struck = bool(kept[1]) and "hazard" in flags and s.get(
        "hazard_recovery", frozenset()).isdisjoint(t.lower() for t in toks)
    if kept[1] and (kept[0] or "hazard" in flags) and all(
            main.kind[m[2]] == "place" or (main.kind[m[2]] == "exposed" and struck)
            for m in kept[1]):
        for m in kept[1]:
            blocked[m] = "place of an attack or a disaster" if main.kind[m[2]] == "place" \
                else "what a disaster strikes"
        kept[1].clear()
    # the size of the SCO given as an economic indicator is economy, not its weight
    # in the world (decision rule 12); given beside its weight in the world (another
    # multilateralism match) or beside its population, with no economy but size words
    # ("GDP") in the clause of a size match, it is that weight (round 104: "40 per cent
    # of the world's population and around a quarter of global gross domestic product")
    if kept[1] and kept[2] and any(main.kind[m[2]] == "size" for m in kept[2]):
        if any(main.kind[m[2]] != "size" or _counts_people(m, toks, s) for m in kept[2]) and all(
                _size_word_of(m, toks, kept[2], main.kind, s) for m in kept[1]):
            for m in kept[1]:
                blocked[m] = "size given as evidence of weight"
            kept[1].clear()
        else:
            for m in [m for m in kept[2] if main.kind[m[2]] == "size"]:
                blocked[m] = "size given as an economic indicator"
                kept[2].remove(m)
    # a war of the past commemorated is not security today
    if "history" in flags and kept[0] and \
            all(m[2] in s.get("history_blocks", ()) for m in kept[0]):
        for m in kept[0]:
            blocked[m] = "a war of the past, commemorated"
        kept[0].clear()
    # X security (rule 5): the domain's words are not economy without economic content,
    # unless named as a field of cooperation ("cooperation in agriculture", "cooperation
    # in the field of agriculture": rule 4)
    if "xsec" in flags and kept[1]:
        domain = set()
        for r in rules:
            if entries[r[2]].section == "xsec":
                domain |= s["xsec_pairs"].get(s["entry_keys"][r[2]], frozenset())
        if not any(m[2] in s.get("xsec_economic", ()) for m in kept[1]):
            for m in [m for m in kept[1] if m[2] in domain
                      and not field_of_cooperation(toks, m[0])]:
                blocked[m] = "X security without economic content"
                kept[1].remove(m)
    # money serving security, humanitarian aid or the SCO's own budget
    money_only = bool(kept[1]) and lex.money.issuperset(map(_ID, kept[1]))
    if money_only and (kept[0] or "money_purpose" in flags):
        why = "money serving security" if kept[0] else "money serving aid or the SCO budget"
        for m in kept[1]:
            blocked[m] = why
        kept[1].clear()
        money_only = False
    return money_only


def conflict_place(toks, places) -> str | None:
    """The first token of ``toks`` (or part of a hyphenated token) that is one of
    ``places`` (lower case), as written; None if there is none.

    >>> conflict_place(["The", "Tajik-Afghan", "border"], {"afghan"})
    'Afghan'
    >>> conflict_place(["The", "situation", "in", "Syria"], {"afghanistan"}) is None
    True
    """
    for t in toks:
        for part in t.split("-") if "-" in t else (t,):
            if part.lower() in places:
                return part
    return None


def other_situation(toks, kinds) -> str | None:
    """The first "<kind> situation" of ``toks`` whose kind is one of ``kinds`` (lower case),
    as written; None if there is none.

    >>> other_situation("the humanitarian situation remains grave".split(), {"humanitarian"})
    'humanitarian situation'
    """
    for i in range(1, len(toks)):
        if toks[i].lower() in ("situation", "situations") and toks[i - 1].lower() in kinds:
            return printed(toks[i - 1:i + 1])
    return None


#: How far after (before) a technology word the public domain it is applied to may begin
#: (end), with no comma, colon or semicolon between: "the digitalisation of judicial
#: proceedings", "digital technologies and big-data analysis in audit work", "court
#: digitalisation"; not "education, health care, innovation and tourism".
AFTER, BEFORE = 6, 3


def applied_to(toks, m, domains) -> bool:
    """Whether the technology match ``m`` is applied to one of ``domains`` (``(_, lo,
    hi)`` of public-sector words): one begins at most :data:`AFTER` tokens after it or
    ends at most :data:`BEFORE` tokens before it, with no ``,;:`` between.

    Examples
    --------
    >>> toks = "the digitalisation of judicial proceedings".split()
    >>> applied_to(toks, (1, 2, 0), [("public_domain", 3, 4)])
    True
    >>> toks = "in education , health care , innovation and tourism".split()
    >>> applied_to(toks, (6, 7, 0), [("public_domain", 1, 2), ("public_domain", 3, 5)])
    False
    """
    stops = (",", ";", ":")
    return any(m[1] <= d[1] <= m[1] + AFTER and not any(t in stops for t in toks[m[1]:d[1]])
               or m[0] - BEFORE <= d[2] <= m[0]
               and not any(t in stops for t in toks[d[2]:m[0]]) for d in domains)


def _counts_people(m, toks, s) -> bool:
    """Whether the match ``m`` measures the SCO in people ("the world's population", "half
    of humanity": a word of the lexicon's ``measures.people``): a size in people is its
    weight, never an economic indicator (rule 12)."""
    return not s.get("measure_people", frozenset()).isdisjoint(
        t.lower() for t in toks[m[0]:m[1]])


def _size_word_of(m, toks, frames_m, kind, s) -> bool:
    """Whether the economy match ``m`` is a size word ("GDP", "natural resources") in
    the clause of a size match (no ``,;:.`` between them), as in "the combined GDP of the
    member states accounts for a quarter of the world economy" (decision rule 12)."""
    if s["entry_keys"][m[2]] not in s.get("measure_sizes", frozenset()):
        return False
    return any(kind[x[2]] == "size" and not {",", ";", ":", "."}.intersection(
        toks[min(m[1], x[1]):max(m[0], x[0])]) for x in frames_m)
