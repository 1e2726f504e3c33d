"""Evidence strings read back, and the sentence marked up: which entries made a frame.

:func:`discourse.framing.code_sentences` writes its reasons as one ``evidence`` string
per sentence (``frame: entry, entry | context: ... via 'ref' | not counted: ...``).
:func:`evidence_entries` and :func:`context_references` read the entries and the
context references back; :func:`highlight` marks them in the sentence as HTML.
"""

from __future__ import annotations

import html
import re

from discourse.framing.lexicon import FRAMES
from discourse.text import normalise

__all__ = ["evidence_entries", "context_references", "highlight"]


def evidence_entries(evidence: str) -> dict[str, list[str]]:
    """The matched lexicon entries of each frame in an ``evidence`` string.

    The evidence written by :func:`discourse.framing.code_sentences` reads
    ``frame: entry, entry | ... | context: ... | not counted: ...``; the rule's note
    after an entry (`` (name)``, `` (non-member in 2019)``) is dropped here.

    Examples
    --------
    >>> evidence_entries("security: terrorism | multilateralism: UN (name), "
    ...                  "Belarus (non-member in 2019) | not counted: security 'x' in y")
    {'security': ['terrorism'], 'economy': [], 'multilateralism': ['UN', 'Belarus']}
    """
    found: dict[str, list[str]] = {f: [] for f in FRAMES}
    for part in str(evidence or "").split(" | "):
        frame, sep, rest = part.partition(": ")
        if sep and frame in found:
            found[frame] = [_NOTE.sub("", e) for e in rest.split(", ") if e]
    return found


def context_references(evidence: str) -> list[str]:
    """The references through which a sentence inherited frames (``context: ... via 'x'``).

    Examples
    --------
    >>> context_references("economy: trade | context: security from s1 via 'this area', "
    ...                    "'the Forum' | not counted: x")
    ['this area', 'the Forum']
    """
    found: list[str] = []
    for part in str(evidence or "").split(" | "):
        if part.startswith("context: ") and " via '" in part:
            found += [r for r in re.findall(r"'([^']*)'", part.split(" via ", 1)[1])
                      if r not in found]
    return found


_NOTE = re.compile(r" \([a-z][a-z0-9 -]*\)$")     # " (name)", not a token "( RATS )"


def _entry_pattern(entry: str) -> str:
    pattern = r"\s*".join(re.escape(p) for p in entry.split())
    if re.match(r"\w", entry):
        pattern = r"(?<!\w)" + pattern
    if re.search(r"\w$", entry):
        pattern += r"(?!\w)"
    return pattern


def highlight(text: str, entries: dict[str, list[str]]) -> str:
    """The sentence as HTML with each matched entry in ``<mark class="f-KIND">``.

    ``entries`` maps a kind (a frame, or ``"context"`` for context references) to the
    entries to mark.

    Entries are the surface text of the matched tokens (as in the evidence), found
    again in the sentence as whole words (in its plain form, :func:`discourse.text.
    normalise`, as the coder read it: "People's" marks "People’s"); where two
    overlap the longer one is marked. The text is escaped (``&``, ``<``, ``>``).

    Examples
    --------
    >>> highlight("Trade & terrorism: trade grew.", {"economy": ["Trade", "trade"],
    ...                                              "security": ["terrorism"]})
    '<mark class="f-economy" title="economy">Trade</mark> &amp; <mark class="f-security" \
title="security">terrorism</mark>: <mark class="f-economy" title="economy">trade</mark> grew.'
    """
    plain = normalise(text)
    if len(plain) != len(text):          # NFC changed the length: offsets would not hold
        plain = text
    spans = []
    for frame, found in entries.items():
        for entry in found:
            if entry.strip():
                spans += [(m.start(), m.end(), frame)
                          for m in re.finditer(_entry_pattern(entry), plain)]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0]), s[2]))
    out, pos = [], 0
    for start, end, frame in spans:
        if start < pos:
            continue
        out.append(html.escape(text[pos:start], quote=False))
        out.append(f'<mark class="f-{frame}" title="{frame}">'
                   f"{html.escape(text[start:end], quote=False)}</mark>")
        pos = end
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)
