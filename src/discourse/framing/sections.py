"""The sections of a lexicon file, validated and turned into entries and rule settings.

Each function reads one section of ``frames.yaml`` and calls ``add(section, frame,
term, clause, kind)`` for every entry it defines (entries are matched by the trie of
:mod:`discourse.framing.matcher`); it returns the settings the rules need. A problem
raises :class:`~discourse.framing.lexicon.LexiconError` through ``fail``, naming the
section and the problem. The meaning of each section, with the codebook clause it
implements, is in the header of the project's ``frames.yaml`` and in
:mod:`discourse.framing.rules`.
"""

from __future__ import annotations

from discourse.framing.offices import office_heads

__all__ = ["FRAMES", "SECTIONS", "KINDS", "parse"]

#: The three frames of the codebook, in order.
FRAMES = ("security", "economy", "multilateralism")
#: Sections a lexicon file may have.
SECTIONS = ("version", "codebook", "spelling", "frames", "names", "bodies", "neutral",
            "money", "lists", "attendance", "offices", "actors", "event_lists", "measures",
            "citations", "backdrop", "hazards", "conflicts", "history", "public_technology",
            "x_security", "manner", "internal_standing", "context", "events", "states",
            "changelog")
#: Kinds a group of frame entries may declare (``kind:``), used by the rules.
KINDS = ("", "threat", "threat_field", "principle", "role", "explicit", "size", "place",
         "exposed", "standing", "alone", "situation")


def _strings(value, where, fail, *, allow_empty=False) -> list[str]:
    if not isinstance(value, list) or (not value and not allow_empty) or \
            not all(isinstance(v, str) and v.strip() for v in value):
        fail(f"{where} must be a non-empty list of non-empty strings")
    return value


def _clause(block, where, fail) -> str:
    c = block.get("clause") if isinstance(block, dict) else None
    if not isinstance(c, str) or not c.strip():
        fail(f"{where} needs a 'clause' quoting the codebook")
    return " ".join(c.split())


def _frames(data, add, fail) -> None:
    frames = data.get("frames")
    if not isinstance(frames, dict) or not frames:
        fail(f"needs a 'frames' mapping with entries for {', '.join(FRAMES)}")
    bad = sorted(set(map(str, frames)) - set(FRAMES))
    if bad:
        fail(f"unknown frame name(s) {', '.join(bad)}; allowed: {', '.join(FRAMES)}")
    for frame, groups in frames.items():
        if not isinstance(groups, list) or not groups:
            fail(f"frame {frame!r} must be a list of groups with 'clause' and 'terms'")
        for i, group in enumerate(groups):
            where = f"frames.{frame}[{i}]"
            clause = _clause(group, where, fail)
            kind = group.get("kind", "")
            if kind not in KINDS:
                fail(f"{where}.kind {kind!r} is not one of {', '.join(k for k in KINDS if k)}")
            for term in _strings(group.get("terms"), f"{where}.terms", fail):
                if "," in term:           # the evidence column separates entries by ", "
                    fail(f"{where}: entry {term!r} of {frame} has a comma, which would "
                         "read as two entries in the evidence")
                add(frame, frame, term, clause, kind)


def _named(data, key, section, add, fail, *, frame_default=None) -> None:
    block = data.get(key)
    if block is None:
        return
    clause = _clause(block, key, fail)
    frame = block.get("frame", frame_default)
    if frame is not None and frame not in FRAMES:
        fail(f"{key}.frame {frame!r} is not one of {', '.join(FRAMES)}")
    for term in _strings(block.get("terms"), f"{key}.terms", fail):
        add(section, frame, term, clause, "")


def _heads(block, key, section, add, fail, field="heads") -> str:
    clause = _clause(block, key, fail)
    for term in _strings(block.get(field), f"{key}.{field}", fail):
        add(section, None, term, clause, "")
    return clause


def _whole_number(value, where, least, fail) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        fail(f"{where} must be a whole number >= {least}, not {value!r}")
    return value


def _lower_set(block, key, field, fail, *, optional=False) -> frozenset:
    """The words of ``block[field]`` in lower case; with ``optional``, none where the
    field is missing or empty."""
    return frozenset(w.lower() for w in _strings(
        block.get(field, []) if optional else block.get(field), f"{key}.{field}", fail,
        allow_empty=optional))


def body_label(prefixes) -> str:
    """How evidence names the organisation's own bodies: "SCO body" for the prefix
    "SCO" (an ASEAN lexicon's "ASEAN body"), "own body" with no prefix.

    >>> body_label({"SCO"}), body_label({"ASEAN", "AMS"}), body_label(())
    ('an SCO body', 'an AMS/ASEAN body', 'an own body')
    >>> body_label({"UN"})
    'a UN body'
    """
    name = "/".join(sorted(prefixes)) or "own"
    # the article as an initialism is read: "an SCO", "an EU", "a UN", "a CIS"
    return f"{'an' if name[0].upper() in 'AEFHILMNORSX' else 'a'} {name} body"


def parse(data: dict, add, fail, term_keys) -> dict:
    """Read every section of ``data``; return the rule settings.

    Parameters
    ----------
    data : dict
        The parsed YAML file.
    add : callable
        ``add(section, frame, term, clause, kind)`` registers one entry.
    fail : callable
        ``fail(problem)`` raises the lexicon error.
    term_keys : callable
        ``term_keys(term)``: the matching keys of an entry's words.

    Returns
    -------
    dict
        Keyword arguments for :class:`~discourse.framing.lexicon.Lexicon`.
    """
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        fail(f"unknown section(s) {', '.join(map(str, unknown))}; allowed: "
             f"{', '.join(SECTIONS)}")
    _frames(data, add, fail)
    _named(data, "names", "name", add, fail, frame_default="multilateralism")
    settings: dict = {}
    if isinstance(data.get("names"), dict) and "outlets" in data["names"]:
        settings["outlet_nouns"] = _lower_set(data["names"], "names", "outlets", fail)
    if isinstance(data.get("names"), dict) and "enterprises" in data["names"]:
        settings["enterprise_heads"] = frozenset(_strings(data["names"]["enterprises"],
                                                          "names.enterprises", fail))
    bodies = data.get("bodies") or {}
    if bodies:
        _clause(bodies, "bodies", fail)
        for term in _strings(bodies.get("terms"), "bodies.terms", fail):
            add("body", None, term, _clause(bodies, "bodies", fail), "")
        settings["body_heads"] = frozenset(_strings(bodies.get("heads", []), "bodies.heads",
                                                    fail, allow_empty=True))
        settings["body_prefixes"] = frozenset(_strings(bodies.get("prefixes", []),
                                                       "bodies.prefixes", fail,
                                                       allow_empty=True))
        settings["body_label"] = body_label(settings["body_prefixes"])
        for term in bodies.get("starters", []):
            add("body_start", None, term, _clause(bodies, "bodies", fail), "")
    for i, group in enumerate(data.get("neutral") or []):
        clause = _clause(group, f"neutral[{i}]", fail)
        for term in _strings(group.get("terms"), f"neutral[{i}].terms", fail):
            add("neutral", None, term, clause, "")
    money = data.get("money") or {}
    if money:
        _clause(money, "money", fail)
        settings["money_keys"] = frozenset(
            term_keys(t) for t in _strings(money.get("terms"), "money.terms", fail))
        settings["money_purposes"] = frozenset(
            term_keys(t) for t in _strings(money.get("purposes", []), "money.purposes",
                                           fail, allow_empty=True))
        for term in money.get("purposes", []):
            add("money_purpose", None, term, _clause(money, "money", fail), "")
    lists = data.get("lists") or {}
    if lists:
        _heads(lists, "lists", "list_head", add, fail)
        settings["joiners"] = _lower_set(lists, "lists", "joiners", fail)
        settings["list_stops"] = frozenset(w.lower() for w in lists.get("stops", []))
    attendance = data.get("attendance") or {}
    if attendance:
        _heads(attendance, "attendance", "attend_after", add, fail, "after")
        _heads(attendance, "attendance", "attend_before", add, fail, "before")
        settings["attend_stops"] = _lower_set(attendance, "attendance", "stops", fail)
    actors = data.get("actors") or {}
    if actors:
        _clause(actors, "actors", fail)
        settings["actor_words"] = _lower_set(actors, "actors", "economic", fail)
        settings["actor_others"] = _lower_set(actors, "actors", "others", fail)
    offices = data.get("offices") or {}
    if offices:
        _clause(offices, "offices", fail)
        settings["office_heads"] = office_heads(_strings(offices.get("heads"), "offices.heads",
                                                         fail))
    event_lists = data.get("event_lists") or {}
    if event_lists:
        _clause(event_lists, "event_lists", fail)
        settings["event_list_nouns"] = _lower_set(event_lists, "event_lists", "nouns", fail)
    measures = data.get("measures") or {}
    if measures:
        _heads(measures, "measures", "measure_head", add, fail)
        frame = measures.get("frame", "economy")
        if frame not in FRAMES:
            fail(f"measures.frame {frame!r} is not one of {', '.join(FRAMES)}")
        settings["measure_frame"] = frame
        settings["measure_joiners"] = _lower_set(measures, "measures", "joiners", fail)
        settings["measure_people"] = _lower_set(measures, "measures", "people", fail,
                                                optional=True)
        settings["measure_sizes"] = frozenset(
            term_keys(t) for t in _strings(measures.get("sizes", []), "measures.sizes", fail,
                                           allow_empty=True))
    cites = data.get("citations") or {}
    if cites:
        _heads(cites, "citations", "cite_open", add, fail, "openers")
        settings["source_nouns"] = frozenset(
            k for w in _strings(cites.get("source_nouns"), "citations.source_nouns", fail)
            for k in term_keys(w))
        settings["stops"] = _lower_set(cites, "citations", "stops", fail)
        settings["source_verbs"] = frozenset(
            k for w in _strings(cites.get("source_verbs"), "citations.source_verbs", fail)
            for k in term_keys(w))
    backdrop = data.get("backdrop") or {}
    if backdrop:
        _heads(backdrop, "backdrop", "backdrop_open", add, fail, "openers")
        frames = _strings(backdrop.get("frames"), "backdrop.frames", fail)
        bad = sorted(set(frames) - set(FRAMES))
        if bad:
            fail(f"backdrop.frames: unknown frame(s) {', '.join(bad)}")
        settings["backdrop_frames"] = frozenset(frames)
        if "anywhere" in backdrop:            # openers that need not open the sentence
            settings["backdrop_anywhere"] = _lower_set(backdrop, "backdrop", "anywhere", fail)
    hazards = data.get("hazards") or {}
    if hazards:
        _heads(hazards, "hazards", "hazard", add, fail, "terms")
        if "global" in hazards:      # scopes that keep "no country can ... alone" a call
            settings["hazard_global"] = _lower_set(hazards, "hazards", "global", fail)
        if "recovery" in hazards:    # words that give a disaster's economic consequences
            settings["hazard_recovery"] = _lower_set(hazards, "hazards", "recovery", fail)
    conflicts = data.get("conflicts") or {}
    if conflicts:      # where the words of a situation (kind situation) are a conflict's
        _clause(conflicts, "conflicts", fail)
        settings["conflict_places"] = _lower_set(conflicts, "conflicts", "places", fail)
        settings["conflict_not_after"] = _lower_set(conflicts, "conflicts", "not_after", fail,
                                                    optional=True)
    history = data.get("history") or {}
    if history:
        _heads(history, "history", "history", add, fail, "markers")
        settings["history_blocks"] = frozenset(
            term_keys(t) for t in _strings(history.get("blocks"), "history.blocks", fail))
    public = data.get("public_technology") or {}
    if public:
        _heads(public, "public_technology", "public_domain", add, fail, "domains")
        settings["public_technology"] = frozenset(term_keys(t) for t in _strings(
            public.get("technology"), "public_technology.technology", fail))
    xsec = data.get("x_security") or {}
    if xsec:
        clause = _clause(xsec, "x_security", fail)
        pairs = {}        # the phrase's keys: the phrase and {a word's keys: the word}
        for i, item in enumerate(xsec.get("pairs") or []):
            if not isinstance(item, dict) or "phrase" not in item:
                fail(f"x_security.pairs[{i}] needs 'phrase' and 'economy'")
            add("xsec", None, item["phrase"], clause, "")
            pairs[term_keys(item["phrase"])] = (item["phrase"], {term_keys(t): t for t in _strings(
                item.get("economy"), f"x_security.pairs[{i}].economy", fail)})
        settings["xsec_pairs"] = pairs
        settings["xsec_economic"] = frozenset(
            term_keys(t) for t in _strings(xsec.get("economic"), "x_security.economic",
                                           fail))
    manner = data.get("manner") or {}
    if manner:
        _heads(manner, "manner", "manner_open", add, fail, "openers")
        _heads(manner, "manner", "commitment", add, fail, "commitments")
    internal = data.get("internal_standing") or {}
    if internal:
        _heads(internal, "internal_standing", "internal_open", add, fail, "markers")
        settings["internal_window"] = _whole_number(internal.get("window", 6),
                                                    "internal_standing.window", 1, fail)
    context = data.get("context") or {}
    if context:
        clause = _clause(context, "context", fail)
        mode = context.get("mode", "union")
        if mode not in ("union", "fill"):
            fail(f"context.mode {mode!r} is not one of union, fill")
        settings["context_mode"] = mode
        for term in _strings(context.get("phrases"), "context.phrases", fail):
            add("context", None, term, clause, "")
        dets = _strings(context.get("determiners"), "context.determiners", fail)
        settings["context_determiners"] = frozenset(d.lower() for d in dets)
        for noun in _strings(context.get("nouns"), "context.nouns", fail):
            add("context_noun", None, noun, clause, "")
        settings["answer_max_words"] = _whole_number(context.get("answer_max_words", 0),
                                                     "context.answer_max_words", 0, fail)
        for key in ("questions_follow", "questions_refer"):
            value = context.get(key, False)
            if not isinstance(value, bool):
                fail(f"context.{key} must be true or false, not {value!r}")
            settings[key] = value
        settings["answer_not"] = _lower_set(context, "context", "answer_not", fail,
                                            optional=True)
        settings["context_name_links"] = _lower_set(context, "context", "name_links", fail,
                                                    optional=True)
    events = data.get("events") or {}
    if events:
        clause = _clause(events, "events", fail)
        kinds = events.get("kinds")
        if not isinstance(kinds, dict) or not kinds:
            fail("events.kinds must map an event kind to its 'triggers' and 'references'")
        dets = _strings(events.get("determiners"), "events.determiners", fail)
        carried = {}
        for kind, spec in kinds.items():
            frames = spec.get("frames", list(FRAMES))
            bad = sorted(set(frames) - set(FRAMES)) if isinstance(frames, list) else [frames]
            if bad:
                fail(f"events.kinds.{kind}.frames: unknown frame(s) {', '.join(map(str, bad))}")
            carried[str(kind)] = tuple(f in frames for f in FRAMES)
            for term in _strings(spec.get("triggers"), f"events.kinds.{kind}.triggers", fail):
                add("event_trigger", None, term, clause,
                    f"{kind}^" if spec.get("opens") is True else str(kind))
            for noun in _strings(spec.get("references"), f"events.kinds.{kind}.references",
                                 fail):
                add("event_ref", None, noun, clause, str(kind))
            for term in spec.get("phrases", []):
                add("event_ref", None, term, clause, f"{kind}!")
        settings["event_blockers"] = _lower_set(events, "events", "not_before", fail)
        settings["event_determiners"] = frozenset(d.lower() for d in dets)
        settings["event_frames"] = carried
        settings["opening_kinds"] = frozenset(str(k) for k, spec in kinds.items()
                                              if spec.get("opens") is True)
        after_document = _strings(events.get("after_document", []), "events.after_document",
                                  fail, allow_empty=True)
        unknown = sorted(set(after_document) - set(map(str, kinds)))
        if unknown:
            fail(f"events.after_document: unknown event kind(s) {', '.join(unknown)}")
        settings["lead_skips"] = frozenset(after_document)
        after = events.get("subject_after")
        if after:                             # optional: "Meeting of ... on <subject>"
            if not isinstance(after, dict) or after.get("kind") not in kinds:
                fail("events.subject_after needs 'kind', one of events.kinds, 'nouns', "
                     "'window' and 'stops'")
            settings["subject_window"] = _whole_number(after.get("window"),
                                                       "events.subject_after.window", 1, fail)
            settings["subject_kind"] = str(after["kind"])
            settings["subject_nouns"] = _lower_set(after, "events.subject_after", "nouns", fail)
            settings["subject_stops"] = _lower_set(after, "events.subject_after", "stops", fail)
            settings["subject_not_after"] = _lower_set(after, "events.subject_after",
                                                       "not_after", fail, optional=True)
        if "salutations" in events:           # optional: "dear", "distinguished"
            settings["salutations"] = _lower_set(events, "events", "salutations", fail)
        if "not_references" in events:        # optional: "next meeting"
            pairs = _lower_set(events, "events", "not_references", fail)
            if any(len(p.split()) != 2 for p in pairs):
                fail("events.not_references must be phrases of two words ('next meeting')")
            settings["event_others"] = frozenset(tuple(p.split()) for p in pairs)
    states = data.get("states") or {}
    if states:
        clause = _clause(states, "states", fail)
        for term in _strings(states.get("relations"), "states.relations", fail):
            add("relation", None, term, clause, "")
        settings["states_file"] = states.get("file", "states.csv")
        settings["state_actors"] = _lower_set(states, "states", "actors", fail)
    changelog = data.get("changelog") or []
    if not isinstance(changelog, list):
        fail("'changelog' must be a list")
    for i, item in enumerate(changelog):
        if not isinstance(item, dict) or "clause" not in item or "change" not in item:
            fail(f"changelog[{i}] needs 'change' and 'clause'")
    settings["changelog"] = tuple(changelog)
    return settings
