"""The codebook's rules applied to the matches of one sentence: what counts as evidence.

:func:`analyse` turns the matches of a tokenised sentence into its own codes (without
context), applying the rules of the lexicon file in this order (the codebook clause of
each is quoted in the lexicon file beside its section; decision rules are those of
codebook version 2):

1. **Longest match**: an entry inside a strictly longer content match of any section
   is dropped: "UN Security Council" (a name) blocks "security"; "sustainable
   development" (neutral) blocks "development". Names of external organisations count
   for multilateralism; names of the SCO's own bodies (``bodies``, and "SCO" + a
   capitalised name ending in a head such as "Council" or "Club") carry no frame
   (rule 2).
2. **Lists** of ministries and **attendance** lists ("was attended by ...",
   "... took part") do not carry the frames of their members (Names and lists);
   names of external organisations in them still count. **Size measures** listed as
   evidence of weight do not carry economy (rule 12).
3. **Citations** of an organisation as a source are not multilateralism.
4. **Backdrop** clauses opening a sentence ("Amid political and economic upheavals,
   ...") and descriptions attached to a name (", a leading global economy,") carry
   no frame of the ``backdrop.frames`` (rules 3, 4, 13).
5. **Principles cited in passing** ("in line with the Shanghai spirit") are not
   multilateralism unless the sentence commits to them (rule 14); the SCO's
   **standing among the peoples of its own member states** (``internal_standing``) is
   not its standing facing the outside world (rule 9).
6. **Threats without security**: generic threat words ("threat", "challenge") in a
   sentence about an epidemic or a disaster are not security (rule 6).
7. **X security**: "food security" does not make its domain's words economy unless
   the sentence also speaks of trade, investment, supply or markets (rule 5).
8. **Money** that serves security, humanitarian aid or the SCO's own budget is not
   economy.
9. **Non-member states**: a state that is not an SCO member at the date of the text,
   named together with a word of relations (ambassador, talks, cooperation ...), is
   multilateralism (MULTILATERALISM: "... and with non-member states"), except as a
   participant in a list of participants that also names members (the words "member
   states" or a member state), where it is one guest in a list (Names and lists).

Rules 6-8, the size of the SCO as its weight or as an economic indicator (rule 12), an
economic actor coordinated with actors of other kinds (:mod:`discourse.framing.actors`)
and the words of a conflict's situation ("a source of concern"), security only where the
sentence names its place ("Afghanistan"), weigh the kept matches of the sentence together
(:mod:`discourse.framing.whole_sentence`).
Context references are collected here and resolved by
:func:`discourse.framing.coder.iter_codes`.
"""

from __future__ import annotations

from typing import NamedTuple

from discourse.framing.address import is_address
from discourse.framing.backdrop import backdrop_span, trailing_backdrop
from discourse.framing.blocking import (apposition_spans, backward_span, block_span,
                                        clause_end, forward_span, list_span, longest_match,
                                        quoted)
from discourse.framing.bodies import sco_body_spans, starter_end
from discourse.framing.enterprises import enterprise_spans
from discourse.framing.lexicon import CONTENT_SECTIONS, Lexicon
from discourse.framing.matcher import Caches, find_matches
from discourse.framing.offices import office_spans
from discourse.framing.outlets import outlet_spans
from discourse.framing.sections import FRAMES
from discourse.framing.states import non_member_relations
from discourse.framing.titles import subject_follows
from discourse.framing.whole_sentence import conflict_place, whole_sentence_rules
from discourse.text import printed

__all__ = ["CONTENT_SECTIONS", "Analysis", "analyse", "span"]

_NO_RULES, _new = ((), (), (), frozenset()), tuple.__new__   # Analysis made without __new__
_EMPTY = ((0, 0, 0), ([], [], []), [], [], (), (), False, (0, 0, 0))
#: Sections of words that refer back; such a word inside a longer entry (an organisation's
#: name) is part of that entry ("the Parties" in "Conference of the Parties").
_REFERENCES = frozenset({"context", "context_noun", "event_ref"})


class Analysis(NamedTuple):
    """The own coding of one sentence.

    ``frames`` 0/1 in :data:`FRAMES` order; ``labels`` the evidence per frame;
    ``notes`` the matches a rule blocked, with the rule; ``refs`` the paragraph
    references ("in this context"); ``event_refs`` the ``(kind, text)`` of references
    to the document's event ("the sides"); ``triggers`` the event kinds the sentence
    introduces ("meets" -> meeting); ``money_only`` whether all its economy evidence
    is money words (the coder drops it when security comes from context);
    ``substantive`` the frames without those that rest only on an explicit word such as
    "multilateral" (what an event carries to later references).
    """

    frames: tuple
    labels: tuple
    notes: list
    refs: list
    event_refs: tuple
    triggers: tuple
    money_only: bool = False
    substantive: tuple = (0, 0, 0)


def _body(settings) -> str:
    """How evidence names the organisation's bodies (``bodies.prefixes``: "an SCO body")."""
    return settings.get("body_label", "an own body")


def span(toks, m) -> str:
    """The text of match ``m`` as printed (:func:`discourse.text.printed`)."""
    return printed(toks[m[0]:m[1]])


def _covered(entries, content, blocked) -> set:
    out = set()
    for m in content:
        if entries[m[2]].frame is not None and m not in blocked:
            out.update(range(m[0], m[1]))
    return out


def _inside(r, matches) -> bool:
    """Whether match ``r`` lies inside a strictly longer one of ``matches``."""
    for m in matches:
        if m[0] <= r[0] and r[1] <= m[1] and m[1] - m[0] > r[1] - r[0]:
            return True
    return False


def _event_ref(toks, r, kind, s):
    """``(kind, text)`` if match ``r`` refers back to an event: a noun after a
    determiner, at most one lower-case word between ("this timely conference"), not
    followed by a word that names another event ("the meeting of the Council") and not
    a phrase that does ("the next meeting")."""
    n = len(toks)
    if r[1] < n and toks[r[1]].lower() in s.get("event_blockers", ()):
        return None
    if r[0] and (toks[r[0] - 1].lower(), toks[r[0]].lower()) in s.get("event_others", ()):
        return None                           # "the next meeting": another event
    if kind.endswith("!"):                    # a phrase that refers by itself
        return kind[:-1], span(toks, r)
    dets = s.get("event_determiners", ())
    i = r[0]
    if i >= 1 and toks[i - 1].lower() in dets:
        return kind, printed(toks[i - 1:r[1]])
    if i >= 2 and toks[i - 2].lower() in dets and toks[i - 1].isalpha() \
            and toks[i - 1].islower():
        return kind, printed(toks[i - 2:r[1]])
    if i >= 3 and toks[i - 3].lower() in dets and toks[i - 1] in ("'s", "\u2019s") \
            and toks[i - 2].islower():          # not "the Ambassador's statement"
        return kind, printed(toks[i - 3:r[1]])      # "this year's forum"
    if i >= 2 and toks[i - 2].lower() in dets and toks[i - 1] in ("'s", "\u2019s"):
        return kind, printed(toks[i - 2:r[1]])      # "today's forum"
    return None


def _apply_rules(lex, toks, caches, content, rules, blocked, s, *, context=True,
                 events=True, want_refs=True) -> tuple:
    """Apply the span rules; return (paragraph refs, event refs, triggers, flags)."""
    entries = lex.entries
    n = len(toks)
    refs, event_refs, triggers, flags, long = [], [], [], set(), None
    for r in rules:
        e = entries[r[2]]
        sec = e.section
        if sec in _REFERENCES:
            # not looked for, or a noun with no determiner before it ("this" cooperation):
            # the branch below would add nothing (tested first: no test has side effects)
            if not (want_refs if sec == "event_ref" else context) or sec == "context_noun" and (
                    r[0] < 1 or toks[r[0] - 1].lower() not in s.get("context_determiners", ())):
                continue
            if long is None:
                long = [m for m in content if m[1] - m[0] > 1]
            if long and _inside(r, long):
                continue              # "the Parties" in "Conference of the Parties"
        if sec == "context":
            # "the Centre for Countering Transnational Organised Crime": a name begins
            if not (r[1] + 1 < n and toks[r[1]].lower() in s.get("context_name_links", ())
                    and toks[r[1] + 1][:1].isupper()):
                refs.append(span(toks, r))
        elif sec == "context_noun":
            refs.append(printed(toks[r[0] - 1:r[1]]))
        elif sec == "event_ref":
            ref = _event_ref(toks, r, e.kind, s)
            if ref is not None:
                event_refs.append(ref)
        elif sec == "event_trigger":
            # "meeting on": a subject follows in lower case, not a date ("on 14 June")
            kind = e.kind
            if kind.endswith("^"):            # a kind that only a title's head introduces
                kind = kind[:-1] if r[0] == 0 or r[0] == 1 and toks[0][:1].isupper() else ""
            if kind and events and (not e.term.endswith(" on")
                                    or r[1] < n and toks[r[1]][:1].islower()):
                triggers.append(kind)
                # "Meeting of heads of ... on information security": a subject after them
                if e.term in s.get("subject_nouns", ()) and subject_follows(
                        toks, r[1], s["subject_window"], s["subject_stops"],
                        s["subject_not_after"]):
                    triggers.append(s["subject_kind"])
        elif sec in ("hazard", "money_purpose", "xsec", "history"):
            flags.add(sec)
        elif sec == "public_domain":          # where: technology applied to it nearby
            flags.add((sec, r[0], r[1]))
        elif sec == "body_start":
            hi = starter_end(toks, r[0], r[1], s.get("list_stops", frozenset()),
                             s.get("body_heads", frozenset()))
            block_span(entries, content, blocked, r[0], hi,
                       lambda: f"inside name of {_body(s)} '{quoted(toks, r[0], hi)}'")
        elif sec == "relation":
            flags.add(("relation", r[0]))
        elif sec == "list_head":
            lo, hi = list_span(toks, r, _covered(entries, content, blocked),
                               s.get("joiners", ()), after_of=True,
                               stops=s.get("list_stops", frozenset()))
            block_span(entries, content, blocked, lo, hi,
                       lambda: f"in list '{quoted(toks, lo, hi)}'", frames=FRAMES[:2],
                       spare=r[:2])
        elif sec == "measure_head":
            lo, hi = list_span(toks, r, _covered(entries, content, blocked),
                               s.get("measure_joiners", ()), after_of=False)
            sizes = s.get("measure_sizes", frozenset())
            others = [m for m in content if lo <= m[0] and m[1] <= hi
                      and s["entry_keys"][m[2]] in sizes]
            if others or any(entries[x[2]].section == "measure_head" and x != r
                             and lo <= x[0] < hi for x in rules):
                block_span(entries, content, blocked, lo, hi,
                           lambda: f"in list of size measures '{quoted(toks, lo, hi)}'",
                           frames=(s.get("measure_frame"),))
        elif sec in ("attend_after", "attend_before"):
            if sec == "attend_after":
                lo, hi = r[1], clause_end(toks, r[1], forward_span(
                    toks, r[1], s.get("attend_stops", {"."})))
                # ", with the participation of X, ...": a parenthesis, not a relative
                # clause that lists them (", who came from A, B and C")
                if r[0] and toks[r[0] - 1] == "," and toks[r[0]].lower() != "who":
                    hi = min(hi, forward_span(toks, r[1], {","}))
            else:
                lo, hi = 0, r[0]
            # roles (observers, dialogue partners, guests) in a list of who attended are
            # participants too, whether or not the list also names the member states
            mixed = any(toks[i].lower() == "member" and toks[i + 1].lower().startswith("state")
                        for i in range(lo, min(hi, n) - 1))
            block_span(entries, content, blocked, lo, hi,
                       lambda: f"in list of participants '{quoted(toks, lo, hi)}'",
                       kinds=("role",))
            flags.add(("attendance", lo, hi, mixed))
        elif sec == "cite_open":
            hi = forward_span(toks, r[1], s.get("stops", ()))
            block_span(entries, content, blocked, r[0], hi,
                       lambda: f"source cited '{quoted(toks, r[0], hi)}'",
                       frames=("multilateralism",), keep=())
        elif sec == "backdrop_open":
            got = backdrop_span(toks, r)
            if got is None and e.term.lower() in s.get("backdrop_anywhere", ()):
                got = trailing_backdrop(toks, r)        # "held amid economic difficulties"
            if got:
                block_span(entries, content, blocked, got[0], got[1],
                           lambda: f"backdrop '{quoted(toks, got[0], got[1])}'",
                           frames=tuple(s.get("backdrop_frames", ())))
        elif sec == "internal_open":
            # decision rule 9: the SCO's standing "among the peoples of the member states"
            # is internal; the standing words just before the marker, within the clause
            lo = backward_span(toks, r[0], {",", ";", ":", "."}, s["internal_window"])
            block_span(entries, content, blocked, lo, r[0],
                       lambda: f"standing inside the member states '{printed(toks[r[0]:r[1]])}'",
                       frames=("multilateralism",), kinds=("standing",))
        elif sec == "manner_open":
            flags.add(("manner", r[0], forward_span(toks, r[1], {",", ";", "."})))
            for c in find_matches(toks, caches.commitments):
                flags.add(("commitment", c[0], c[1]))
    return refs, event_refs, triggers, flags


def analyse(lex: Lexicon, toks: list[str], caches: Caches, date=None, *,
            events: bool = False, refs: bool = False, context: bool = False) -> Analysis:
    """Own (non-context) coding of one tokenised sentence (see the module docstring).

    Parameters
    ----------
    lex : Lexicon
    toks : list of str
    caches : Caches
        The per-token look-ups of the lexicon's tries (shared across sentences).
    date : str, optional
        Date of the text (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), for membership.
    events : bool
        Look for event words (the coder asks in a document's title and lead).
    refs : bool
        Look for references to an event (where the document's event has frames).
    context : bool
        Look for paragraph references (where an earlier sentence of the paragraph has
        a frame to carry).

    Returns
    -------
    Analysis
    """
    if not toks:
        return _new(Analysis, _EMPTY)
    main = caches.main
    # the lexicon's entries, states and settings as the cache keeps them (read faster than
    # the lexicon's attributes; the settings a plain dict, read many times a sentence)
    entries, st, s = (main.entries, main.states, main.settings) if main.lex is lex else \
        (lex.entries, lex.states, lex.settings)
    if toks[-1] in ("!", ",") and is_address(toks, s.get("salutations")):    # "Dear ...!"
        return _new(Analysis, _EMPTY)
    matches = find_matches(toks, main)
    frame_of, frame_index, is_name = main.frame, main.frame_index, main.is_name
    is_content, has_frame = main.is_content, main.has_frame
    content = [m for m in matches if is_content[m[2]]]
    framed = False
    for m in content:
        if has_frame[m[2]]:
            framed = True
            break
    # find() returns [] for a sentence without a token that can name a state, which the
    # trie's cache has told of every token looked up above (one pass in C)
    mentions = st.find(toks) if st is not None and (
        st is not main.states or not main.state_tokens.isdisjoint(toks)) else []
    # the span rules matter where there is a frame, a reference to resolve or a state (a
    # list of participants holds its states: rule 9); references looked for only (is_rule)
    # a context noun without a determiner before it is dropped here, as _apply_rules would
    # (its test has no side effects; no other rule looks at context nouns)
    wanted, nouns = main.is_rule[not not context, not not refs], main.after_determiner
    dets = s.get("context_determiners", ())
    rules = [m for m in matches if wanted[m[2]] and (
        not nouns[m[2]] or m[0] and toks[m[0] - 1].lower() in dets)] \
        if (framed or context or events or refs or mentions) and len(content) < len(matches) \
        else []
    if mentions:
        rules += find_matches(toks, caches.relations)
    if not content and not rules:
        return _new(Analysis, _EMPTY)
    blocked: dict = {}
    longest_match(toks, entries, content, blocked, _body(s))
    # (the token list is scanned: a set of it costs more than it saves)
    # (the heads first: fewer sentences name one than a prefix)
    if framed and s.get("body_prefixes") and not s.get("body_heads", frozenset()).isdisjoint(
            toks) and not s["body_prefixes"].isdisjoint(toks):          # a name has a head
        for lo, hi in sco_body_spans(toks, s["body_prefixes"], s.get("body_heads", ())):
            block_span(entries, content, blocked, lo, hi,
                       lambda: f"inside name of {_body(s)} '{quoted(toks, lo, hi)}'")
    outlets = s.get("outlet_nouns") if framed else None
    if outlets and any(t.lower() in outlets for t in toks):
        for lo, hi in outlet_spans(toks, outlets):
            block_span(entries, content, blocked, lo, hi,
                       lambda: f"inside name of a media outlet '{quoted(toks, lo, hi)}'")
    refs_, event_refs, triggers, flags = _apply_rules(
        lex, toks, caches, content, rules, blocked, s, context=context, events=events,
        want_refs=refs) if rules else _NO_RULES
    nouns = s.get("source_nouns") if framed else None
    if nouns:                       # "UNESCAP experts estimate ...": a source, cited
        verbs, n = s.get("source_verbs", frozenset()), len(toks)
        for m in content:
            if m[1] < n and frame_of[m[2]] == "multilateralism" and m not in blocked \
                    and main.kind[m[2]] != "explicit" \
                    and not nouns.isdisjoint(main[toks[m[1]]]) \
                    and any(not verbs.isdisjoint(main[t]) for t in toks[m[1] + 1:m[1] + 4]):
                blocked[m] = f"source cited '{quoted(toks, m[0], m[1] + 1)}'"
    # its spans begin after a comma: none can hold a match that starts before the first
    if framed and s.get("backdrop_frames") and "," in toks and content[-1][0] > toks.index(","):
        for lo, hi in apposition_spans(toks):
            block_span(entries, content, blocked, lo, hi,
                       lambda: f"description attached to a name '{quoted(toks, lo, hi)}'",
                       frames=tuple(s["backdrop_frames"]) + ("security",))
    offices = s.get("office_heads") if framed else None
    if offices and not offices.keys().isdisjoint(toks):    # "chaired by Vice President of"
        for lo, hi in office_spans(toks, offices):
            block_span(entries, content, blocked, lo, hi,
                       lambda: f"office of a person '{quoted(toks, lo, hi)}'",
                       frames=("security", "economy"))
    firms = s.get("enterprise_heads") if framed else None
    if firms and not firms.isdisjoint(toks):
        for lo, hi in enterprise_spans(toks, firms, s.get("body_prefixes", frozenset())):
            block_span(entries, content, blocked, lo, hi,
                       lambda: f"inside name of an enterprise '{quoted(toks, lo, hi)}'",
                       frames=("economy",))
    # widest opener first ("under the motto" before "motto"): the first rule to block a
    # match names it, and a set's order changes with the process's string hashes
    manners = sorted((f for f in flags if isinstance(f, tuple) and f[0] == "manner"),
                     key=lambda f: (f[1], -f[2])) if flags else ()
    commits = [f for f in flags if isinstance(f, tuple) and f[0] == "commitment"] \
        if manners else ()
    for f in manners:
        if not any(not (f[1] <= c[1] and c[2] <= f[2]) for c in commits):
            block_span(entries, content, blocked, f[1], f[2],
                       lambda: f"principle cited in passing '{quoted(toks, f[1], f[2])}'",
                       frames=("multilateralism",), kinds=("principle",))
    kept = ([], [], [])
    for m in sorted(content) if len(content) > 1 else content:
        k = frame_index[m[2]]
        if k is not None and m not in blocked:
            kept[k].append(m)
    # (each of those rules needs a security or an economy match, or a multilateralism match
    # beside a hazard: no call without one)
    money_only = whole_sentence_rules(lex, toks, kept, blocked, flags, rules, main,
                                      entries, s) if kept[0] or kept[1] or (
        kept[2] and "hazard" in flags) else False
    labels, place = ([], [], []), None          # place: of a conflict's situation, once
    for ms, got in zip(kept, labels):
        for m in ms:
            label = toks[m[0]] if m[1] - m[0] == 1 else span(toks, m)
            if is_name[m[2]]:
                label += " (name)"
            elif main.kind[m[2]] == "situation":      # "situation (Afghanistan)"
                place = place or conflict_place(toks, s.get("conflict_places", ()))
                if place not in label:
                    label += f" ({place})"
            if label not in got:
                got.append(label)
    states = []
    if mentions and non_member_relations(lex, toks, mentions, flags, date, states):
        labels[2].extend(x for x in states if x not in labels[2])
    notes = sorted({f"{frame_of[m[2]]} '{span(toks, m)}' {why}"
                    for m, why in blocked.items()
                    if why and frame_of[m[2]] is not None}) if blocked else []
    frames = (1 if labels[0] else 0, 1 if labels[1] else 0, 1 if labels[2] else 0)
    # the frames an event carries: not those of an explicit word in passing ("the SCO
    # Forum, the multilateral ... mechanism": decision rule 1)
    substantive = 1 if states else 0
    for m in kept[2]:
        if main.kind[m[2]] != "explicit":
            substantive = 1
            break
    substantive = (frames[0], frames[1], substantive)
    return _new(Analysis, (frames, labels, notes, sorted(set(refs_)) if refs_ else [],
                           tuple(event_refs), tuple(sorted(set(triggers))) if triggers else (),
                           money_only, substantive))
