"""The codebook's rules applied to the matches of one sentence: what counts as evidence.

:func:`analyse` turns the matches of a tokenised sentence into its own codes (without
context), applying the rules of the lexicon file in order:

1. **Longest match**: an entry lying inside a strictly longer content match of any
   section is dropped (reported as *blocked*): "UN Security Council" (a name,
   multilateralism) blocks "security"; "sustainable development" blocks "development".
2. **Lists** (``lists``): frame words in a list of ministries or participants around a
   head ("ministers of defence, economy and transport") carry no frame;
   **size measures** (``measures``): ``measures.frame`` words in a chain of size
   measures ("population, territory, natural resources and GDP") carry none either.
   One function, :func:`block_in_list`, applies both.
3. **Citations** (``citations``): an organisation cited as a source ("according to
   experts of UNESCAP", "UNESCAP experts note") is not multilateralism.
4. **Money** (``money``): money words that serve a security matter (terrorist
   financing) are security, not economy.
5. **Context** references ("in this context") are collected here and resolved by
   :func:`discourse.framing.coder.iter_codes`.
"""

from __future__ import annotations

from discourse.framing.lexicon import FRAMES, Lexicon
from discourse.framing.matcher import KeyCache, find_matches

__all__ = ["CONTENT_SECTIONS", "analyse", "block_in_list", "span"]

#: Sections whose entries are content (frame words, names, neutral words), not rules.
CONTENT_SECTIONS = frozenset(FRAMES) | {"name", "neutral"}
_FRAME_INDEX = {f: i for i, f in enumerate(FRAMES)}


def span(toks, m) -> str:
    """The text of match ``m`` (its tokens joined by spaces)."""
    return " ".join(toks[m[0]:m[1]])


def block_in_list(lex: Lexicon, toks, head, content, blocked, *, joiners, sections,
                  label: str, after_of: bool = False) -> None:
    """Block the matches of ``sections`` that lie in a list around the match ``head``.

    The list runs backwards from the head over matched frame words and ``joiners``,
    and forwards the same way; with ``after_of`` (lists of ministries), forwards only
    after an "of"/"for" that follows the head, and over capitalised words as well
    ("ministers of Defence, Economy and Transport"). Each blocked match is recorded in
    ``blocked`` as ``"{label} '{the list}'"``.
    """
    entries = lex.entries
    covered = set()
    for m in content:
        if entries[m[2]].frame is not None and m not in blocked:
            covered.update(range(m[0], m[1]))
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
        while hi < n and (hi in covered or toks[hi].lower() in joiners
                          or toks[hi][:1].isupper()):
            hi += 1
    for m in content:
        if m not in blocked and entries[m[2]].section in sections and lo <= m[0] \
                and m[1] <= hi:
            blocked[m] = f"{label} '{' '.join(toks[lo:hi])}'"


def analyse(lex: Lexicon, toks: list[str], cache: KeyCache):
    """Own (non-context) coding of one tokenised sentence.

    Returns None when nothing matched, else ``(frames, evidence, notes, refs)``:
    frames a 0/1 tuple in :data:`FRAMES` order, evidence a list of ``(frame, labels)``
    for the frames with evidence, notes the sorted blocked-match notes, refs the
    sorted context references.
    """
    matches = find_matches(toks, cache)
    if not matches:
        return None
    section = cache.section
    frame_of = cache.frame
    content = [m for m in matches if section[m[2]] in CONTENT_SECTIONS]
    blocked: dict = {}
    context: list = []
    rules = [m for m in matches if section[m[2]] not in CONTENT_SECTIONS] \
        if len(content) < len(matches) else ()
    # 1. longest match: drop entries inside a strictly longer content match
    long = [o for o in content if o[1] - o[0] > 1]
    if long:
        for m in content:
            for o in long:
                if o[1] - o[0] > m[1] - m[0] and o[0] <= m[0] \
                        and m[1] <= o[1]:
                    blocked[m] = f"inside {section[o[2]]} '{span(toks, o)}'"
                    break
    if rules:
        for r in rules:
            sec = section[r[2]]
            if sec == "context":
                context.append(span(toks, r))
            elif sec == "list_head":
                block_in_list(lex, toks, r, content, blocked, joiners=lex.joiners,
                              sections=FRAMES, label="in list", after_of=True)
            elif sec == "measure_head":
                block_in_list(lex, toks, r, content, blocked,
                              joiners=lex.measure_joiners, sections=(lex.measure_frame,),
                              label="in list of size measures")
            elif sec == "cite_open":
                hi = r[1]
                while hi < len(toks) and toks[hi].lower() not in lex.stops:
                    hi += 1
                for m in content:
                    if m not in blocked and frame_of[m[2]] == "multilateralism" \
                            and r[0] <= m[0] and m[1] <= hi:
                        blocked[m] = f"source cited '{' '.join(toks[r[0]:hi])}'"
    if lex.source_nouns:
        nouns = lex.source_nouns
        n = len(toks)
        for m in content:
            if m[1] < n and frame_of[m[2]] == "multilateralism" and m not in blocked \
                    and not nouns.isdisjoint(cache[toks[m[1]]]):
                blocked[m] = f"source cited '{' '.join(toks[m[0]:m[1] + 1])}'"
    # tally
    kept = ([], [], [])
    labels = ([], [], [])
    index = _FRAME_INDEX
    for m in sorted(content) if len(content) > 1 else content:
        f = frame_of[m[2]]
        if f is None or m in blocked:
            continue
        k = index[f]
        kept[k].append(m)
        label = toks[m[0]] if m[1] - m[0] == 1 else span(toks, m)
        if section[m[2]] == "name":
            label += " (name)"
        if label not in labels[k]:
            labels[k].append(label)
    # money serving a security matter
    if kept[0] and kept[1] and all(m[2] in lex.money for m in kept[1]):
        for m in kept[1]:
            blocked[m] = "money serving security"
        kept[1].clear()
        labels[1].clear()
    notes = sorted({f"{frame_of[m[2]]} '{span(toks, m)}' {why}"
                    for m, why in blocked.items() if frame_of[m[2]] is not None}) \
        if blocked else []
    return ((int(bool(kept[0])), int(bool(kept[1])), int(bool(kept[2]))), labels, notes,
            sorted(set(context)) if context else [])


