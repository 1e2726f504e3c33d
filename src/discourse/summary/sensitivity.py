"""The summary's sentence on the sensitivity of the year differences' conclusions:
how many checks hold, and which differences each kind of check covers (hand codes
exist only for the years that are hand-coded)."""

from __future__ import annotations

from pathlib import Path

from discourse import results as R
from discourse.summary.coverage import year_label, years_without_hand
from discourse.summary.format import join_words, pp, pp0, read

__all__ = ["sensitivity_findings"]


def sensitivity_findings(root: Path):
    """The sensitivity sentence: ``(section, finding, source)`` tuples (nothing without
    the table or its ``holds`` column)."""
    sens = read(root, R.FRAMING_SENSITIVITY)
    if sens is None or "holds" not in sens:
        return
    checks = sens[sens.kind == "check"] if "kind" in sens else \
        sens[sens.variant != "lexicon codes, all"]
    holds = checks.holds.astype(str).str.lower() == "true"
    broken = checks[~holds]
    text = (f"Sensitivity: the conclusion about each year difference holds in "
            f"{int(holds.sum())} of {len(checks)} checks "
            f"({_variants(sens, checks, years_without_hand(root))}).")
    if len(broken):
        pair = "target" in broken and "reference" in broken
        text += " It changes for: " + "; ".join(
            f"{r.frame}" + (f" {r.target} minus {r.reference}" if pair else "")
            + f" ({r.variant}: {r.conclusion}, {pp(r.difference)} points, "
            f"95% CI {pp0(r.ci_low)} to {pp0(r.ci_high)})"
            for r in broken.itertuples()) + "."
    if "conclusion" in sens and sens.conclusion.eq("no clear change").all():
        # what holds is a null result: say so, with how wide the intervals are
        narrow = sens.loc[(sens.ci_high - sens.ci_low).idxmin()]
        text += (" What holds is a null result: in every variant no difference is "
                 "clear (each 95% interval includes 0); the narrowest interval, "
                 f"{narrow.frame} in '{narrow.variant}', runs from "
                 f"{pp0(narrow.ci_low)} to {pp0(narrow.ci_high)} points.")
    yield ("Framing", text, R.FRAMING_SENSITIVITY.ref)


def _pairs(rows) -> list[tuple[str, str]]:
    """The (target, reference) year pairs of some rows of the table, in order."""
    return list(dict.fromkeys(zip(map(year_label, rows.target),
                                  map(year_label, rows.reference))))


def _variants(sens, checks, none: list[str]) -> str:
    """What the sensitivity checks vary, from the table itself (a corpus without hand
    coding has no hand-code checks), and, where a kind of check covers only some of the
    main result's year differences (hand codes exist only for hand-coded years), which."""
    kinds = [(s.replace(", leads", " and leads"), checks["sentences"].astype(str) == s)
             for s in dict.fromkeys(checks["sentences"].astype(str)) if s != "all"] \
        if "sentences" in checks else []
    if "codes" in checks and (checks["codes"].astype(str) == "hand").any():
        kinds.append(("hand codes instead of lexicon codes",
                      checks["codes"].astype(str) == "hand"))
    parts = [name for name, _ in kinds]
    if {"target", "reference"} <= set(sens) and kinds:
        main = sens[sens.kind == "main"] if "kind" in sens else \
            sens[sens.variant == "lexicon codes, all"]
        every = _pairs(main)
        covered = [_pairs(checks[which]) for _, which in kinds]
        if any(set(every) - set(c) for c in covered):
            why = (f", as {join_words(none)} {'has' if len(none) == 1 else 'have'} no hand "
                   "codes" if none else "")
            parts = [name + (": every difference" if not set(every) - set(c) else
                             ": " + join_words(f"{t} minus {r}" for t, r in c) + " only"
                             + (why if name.startswith("hand codes") else ""))
                     for (name, _), c in zip(kinds, covered)]
    return "; ".join(parts + ["the main result itself is not counted"])
