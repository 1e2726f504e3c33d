"""The summary's caution for texts of another organisation.

The frame coder warns (:class:`discourse.framing.OrganisationWarning`) when the
sentences it codes rarely name the organisation its lexicon is written for: in texts of
another organisation, that organisation's own name and bodies count as external
(multilateralism) and its member states as non-members, so the shares are miscoded
without an error. The warning reaches the chapter and the run's standard error; this
puts it beside the frame shares of the summary, the sentences a reader cites. The check
is the coder's own (:func:`discourse.framing.organisation.organisation_share`) on the
run's sentences table of the text layer the codes were made from (their provenance;
cleaned if it records none), for the organisation of the lexicon the codes were made
with: the one their provenance names (``organisation``: the lexicon's
``bodies.prefixes``), or, in a record made before it named them, that of the lexicon the
package reads now if its sha256 is the recorded one (else nothing is said: the lexicon
used is not at hand).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from discourse import provenance
from discourse import results as R
from discourse.framing.lexicon import LexiconError, load_lexicon
from discourse.framing.organisation import organisation_share, rarely_named
from discourse.summary.format import read, sentences_of_codes

__all__ = ["organisation_caution"]


def organisation_caution(root: Path, record: dict) -> Iterator[tuple]:
    """A ``("Framing", finding, source)`` caution when the sentences of the run at
    ``root`` name the lexicon's organisation in fewer than
    :data:`~discourse.framing.organisation.MIN_SHARE` of them (the coder's warning);
    nothing when they name it, when the tables are absent, or when the organisation of
    the lexicon the codes were made with is not known. ``record`` is the codes table's
    provenance (:func:`discourse.provenance.read_sidecar`; ``{}`` without one)."""
    used = (record.get("inputs") or {}).get("lexicon")
    table = sentences_of_codes(record)          # the text the coder was given
    if table is None:
        return
    sentences = read(root, table)
    if not isinstance(used, dict) or not used.get("sha256") or sentences is None \
            or "text" not in sentences:
        return
    prefixes = used.get("organisation")
    if prefixes is None:                        # a record made before it named them
        try:
            lexicon = load_lexicon()
        except (OSError, LexiconError):
            return
        if lexicon.sha256 != used["sha256"]:
            return
        prefixes = sorted(lexicon.settings.get("body_prefixes", ()))
    share = organisation_share(sentences["text"].astype(str), prefixes)
    if not rarely_named(share):                 # the coder's own test
        return
    name = "/".join(prefixes)
    named = "none" if not share[0] else f"only {share[0]}"
    yield ("Framing",
           f"**Caution: texts of another organisation?** {named.capitalize()} of the "
           f"{share[1]} sentences of this corpus name the {name}, the organisation the "
           f"frame lexicon `{used.get('path')}` is written for (the frame coder warned: "
           "OrganisationWarning). In texts of another organisation its own name and "
           "bodies count as external and its member states as non-members, so the frame "
           "shares below, multilateralism above all, are likely overstated. Adapt a copy "
           "of the lexicon first (README: \"Texts of another organisation\") and check the "
           "codes on a hand-coded sample (`discourse sample`, `discourse validate`) before "
           "citing them.",
           f"{table.ref}; "
           f"{provenance.sidecar_path(R.FRAMING_CODES.ref).as_posix()}")
