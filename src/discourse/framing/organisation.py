"""Texts of another organisation: a warning before coding them.

The frame lexicon is written for one organisation, its inside: ``bodies.prefixes`` of
``frames.yaml`` names it (the SCO), its own bodies carry no frame by themselves
(decision rule 2), and ``states.csv`` gives its members by date. The name of every other
organisation, and relations with every state that is not a member, count for
multilateralism. Statements of another organisation (ASEAN, the African Union) coded
with it are miscoded without an error: their own name and bodies count as outside, and
their member states as non-members. :func:`warn_if_other_organisation` warns, once per
table, when the sentences to code never name the lexicon's organisation; the codes are
still written. README: "Texts of another organisation" says how to adapt the lexicon.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

__all__ = ["OrganisationWarning", "names_organisation", "warn_if_other_organisation"]

#: The test needs at least this many texts (a table of a few sentences need not name it).
MIN_TEXTS = 5


class OrganisationWarning(UserWarning):
    """The sentences to code never name the organisation the lexicon is written for."""


def names_organisation(texts: Iterable[str], prefixes: Iterable[str]) -> bool | None:
    """Whether any of ``texts`` names the organisation abbreviated ``prefixes`` (as a
    word, in any letter case, so that lower-cased text is read too: "SCO", "SCO's",
    "SCO-wide", "sco"; not "disco"); ``None`` with fewer than :data:`MIN_TEXTS` texts or
    no prefixes (nothing to tell).

    Examples
    --------
    >>> names_organisation(["ASEAN met.", "The ASEAN Charter."] * 3, ["SCO"])
    False
    >>> names_organisation(["ASEAN met."] * 4 + ["The SCO's summit."], ["SCO"])
    True
    >>> names_organisation(["the sco met in disco halls."] * 5, ["SCO"])
    True
    >>> names_organisation(["They met in disco halls."] * 5, ["SCO"])
    False
    >>> names_organisation(["ASEAN met."] * 4, ["SCO"]) is None
    True
    """
    words = sorted(p for p in prefixes if p)
    texts = [t for t in texts if isinstance(t, str)]
    if not words or len(texts) < MIN_TEXTS:
        return None
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)",
                         re.IGNORECASE)
    return any(pattern.search(t) for t in texts)


def warn_if_other_organisation(texts: Iterable[str], lexicon, source: str, *,
                               stacklevel: int = 3) -> None:
    """Warn (:class:`OrganisationWarning`) if ``texts`` never name the organisation of
    ``lexicon`` (a :class:`~discourse.framing.lexicon.Lexicon`; its ``bodies.prefixes``).

    ``source`` names what is coded (a file, "the sentences table") in the message;
    ``stacklevel`` is that of :func:`warnings.warn` counted from here.
    """
    prefixes = sorted(lexicon.settings.get("body_prefixes", ()))
    if names_organisation(texts, prefixes) is not False:
        return
    name = "/".join(prefixes)
    warnings.warn(
        f"{source}: no sentence names the {name}, the organisation the frame lexicon "
        f"{lexicon.path} is written for: its own bodies are the inside and its states "
        f"file lists the {name}'s members, so in texts of another organisation that "
        "organisation's own name and bodies count as external (multilateralism) and its "
        "member states as non-members. If these are texts of another organisation, adapt "
        "a copy of the lexicon first (README: 'Texts of another organisation') and check "
        "the codes on a hand-coded sample (discourse sample, discourse validate).",
        OrganisationWarning, stacklevel=stacklevel)
