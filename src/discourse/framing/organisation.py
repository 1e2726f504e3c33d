"""Texts of another organisation: a warning before coding them.

The frame lexicon is written for one organisation, its inside: ``bodies.prefixes`` of
``frames.yaml`` names it (the SCO), its own bodies carry no frame by themselves
(decision rule 2), and ``states.csv`` gives its members by date. The name of every other
organisation, and relations with every state that is not a member, count for
multilateralism. Statements of another organisation (ASEAN, the African Union) coded
with it are miscoded without an error: their own name and bodies count as outside, and
their member states as non-members. :func:`warn_if_other_organisation` warns, once per
table, when the sentences to code never name the lexicon's organisation, or name it in
fewer than one in twenty (a list of organisations in passing); the codes are still
written. README: "Texts of another organisation" says how to adapt the lexicon.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

__all__ = ["OrganisationWarning", "organisation_share", "rarely_named",
           "warn_if_other_organisation"]

#: The test needs at least this many texts (a table of a few sentences need not name it).
MIN_TEXTS = 5
#: Texts of the organisation name it in a good share of their sentences (the study's
#: two texts in 60% and 63%, the SCO-style hand-coded sets in 23-44%, their texts with
#: the fewest in 7-11%); texts of another organisation that mention it in a list
#: ("the CSTO, the SCO and the CIS") do so rarely. Fewer than this share warn.
MIN_SHARE = 0.05
#: Small words inside a spelled-out name ("Association of ... Nations").
_INNER = {"of", "and", "for", "the", "on", "in"}


class OrganisationWarning(UserWarning):
    """The sentences to code never (or rarely) name the organisation the lexicon is
    written for."""


def _spelled_out(text: str, prefixes: set[str]) -> bool:
    """Whether ``text`` spells out one of ``prefixes`` as a name whose capitalised words
    have those initials ("Shanghai Cooperation Organisation" for SCO)."""
    words = re.findall(r"[\w'-]+", text)
    for i, w in enumerate(words):
        if not w[:1].isupper():
            continue
        initials = ""
        for v in words[i:]:
            if v[:1].isupper():
                initials += v[0]
            elif v not in _INNER:
                break
            if initials in prefixes:
                return True
            if not any(p.startswith(initials) for p in prefixes):
                break
    return False


def organisation_share(texts: Iterable[str], prefixes: Iterable[str]) -> tuple | None:
    """``(named, n)``: how many of the ``n`` texts name the organisation abbreviated
    ``prefixes``, as a word in any letter case ("SCO", "SCO's", "sco"; not "disco") or
    spelled out ("Shanghai Cooperation Organisation"); ``None`` with fewer than
    :data:`MIN_TEXTS` texts or no prefixes (nothing to tell).

    Examples
    --------
    >>> organisation_share(["ASEAN met.", "The ASEAN Charter."] * 3, ["SCO"])
    (0, 6)
    >>> organisation_share(["ASEAN met."] * 4 + ["The SCO's summit."], ["SCO"])
    (1, 5)
    >>> organisation_share(["the sco met in disco halls."] * 5, ["SCO"])
    (5, 5)
    >>> organisation_share(["The Shanghai Cooperation Organisation met."] * 5, ["SCO"])
    (5, 5)
    >>> organisation_share(["ASEAN met."] * 4, ["SCO"]) is None
    True
    """
    words = {p for p in prefixes if p}
    texts = [t for t in texts if isinstance(t, str)]
    if not words or len(texts) < MIN_TEXTS:
        return None
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words))) + r")(?!\w)",
                         re.IGNORECASE)
    return sum(bool(pattern.search(t)) or _spelled_out(t, words) for t in texts), len(texts)


def rarely_named(share: tuple | None) -> bool:
    """Whether ``share``, ``(named, n)`` of :func:`organisation_share`, is one the coder
    warns of: fewer than :data:`MIN_SHARE` of the texts name the organisation (``None``,
    too few texts: no).

    Examples
    --------
    >>> rarely_named((0, 6)), rarely_named((1, 20)), rarely_named((1, 21)), rarely_named(None)
    (True, False, True, False)
    """
    return share is not None and share[0] < MIN_SHARE * share[1]


def warn_if_other_organisation(texts: Iterable[str], lexicon, source: str, *,
                               stacklevel: int = 3) -> None:
    """Warn (:class:`OrganisationWarning`) if fewer than :data:`MIN_SHARE` of ``texts``
    name the organisation of ``lexicon`` (a :class:`~discourse.framing.lexicon.Lexicon`;
    its ``bodies.prefixes``).

    ``source`` names what is coded (a file, "the sentences table") in the message;
    ``stacklevel`` is that of :func:`warnings.warn` counted from here.
    """
    prefixes = sorted(lexicon.settings.get("body_prefixes", ()))
    share = organisation_share(texts, prefixes)
    if not rarely_named(share):
        return
    name = "/".join(prefixes)
    named = "no sentence names" if not share[0] else \
        f"only {share[0]} of its {share[1]} sentences name"
    warnings.warn(
        f"{source}: {named} the {name}, the organisation the frame lexicon "
        f"{lexicon.path} is written for: its own bodies are the inside and its states "
        f"file lists the {name}'s members, so in texts of another organisation that "
        "organisation's own name and bodies count as external (multilateralism) and its "
        "member states as non-members. If these are texts of another organisation, adapt "
        "a copy of the lexicon first (README: 'Texts of another organisation') and check "
        "the codes on a hand-coded sample (discourse sample, discourse validate).",
        OrganisationWarning, stacklevel=stacklevel)
