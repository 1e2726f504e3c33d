"""The summary's sentences on the coder's shares corrected for its errors (Rogan and
Gladen) and on whether its sensitivity and specificity differ between years: a year
without hand-coded sentences is named as such, not quoted as a share of none."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from discourse import results as R
from discourse.summary.coverage import year_label, years_without_hand
from discourse.summary.format import join_words, pct, pct0, pp, pp0, read

__all__ = ["corrected_findings"]


def corrected_findings(root: Path):
    """The corrected shares and the coder's accuracy by year: ``(section, finding,
    source)`` tuples (nothing without their tables)."""
    corr = read(root, R.FRAMING_SHARES_CORRECTED)
    if corr is None or corr.empty:
        return
    everything = bool((corr.n_hand == corr.n_sentences).all())
    none = years_without_hand(root)
    cells = []
    for frame, part in corr.groupby("frame", sort=False):
        cells.append(f"{frame} " + ", ".join(
            f"{int(r.year)} {pct(r.share_corrected)} (95% CI {pct0(r.ci_low)} to "
            f"{pct0(r.ci_high)}; "
            + (f"no hand codes in {int(r.year)}" if not r.n_hand > 0 else
               f"hand codes {pct(r.share_hand)} of {int(r.n_hand)}")
            + (f"; {r.flag}" if isinstance(r.flag, str) and r.flag else "") + ")"
            for r in part.sort_values("year").itertuples()))
    lead = ("Every sentence of the corpus is hand-coded, so the hand codes are the primary "
            "estimate (the shares above are the lexicon coder's); the coder's shares "
            "corrected for its errors, with its sensitivity and specificity measured on "
            "the same sentences the lexicon was developed on (in-sample: optimistic, and "
            "not what a researcher without hand coding would have)" if everything else
            "Coder shares corrected for the coder's errors")
    hand = _hand_differences(root) if everything else ""
    n_hand = int(pd.to_numeric(corr.drop_duplicates("year").n_hand, errors="coerce").sum())
    yield ("Framing",
           f"{lead} (Rogan and Gladen 1978, sensitivity and specificity from "
           f"{n_hand} hand-coded sentences"
           + (f", none of them from {join_words(none, 'or')}, whose corrected shares apply the "
              "sensitivity and specificity measured in the other years to text not coded "
              "by hand" if none else "") + ", "
           + ("bootstrap CIs with the hand-coded sentences drawn in the same replicates as "
              "the corpus" if "in the same replicate" in str(corr.method.iloc[0]) else
              "bootstrap CIs of the corpus and, independently, the hand-coded set")
           + "): "
           + "; ".join(cells) + "." + hand, R.FRAMING_SHARES_CORRECTED.ref
           + (f"; {R.FRAMING_SENSITIVITY.ref}" if hand else ""))
    yield from _accuracy_by_year(root, none)


def _accuracy_by_year(root: Path, none: list[str]):
    """Whether the coder's sensitivity and specificity differ between the years that
    have hand codes, naming those years where others have none."""
    acc = read(root, R.FRAMING_ACCURACY_BY_YEAR)
    if acc is None or "differs" not in acc:
        return
    differ = acc[acc.differs == "yes"]
    compared = sorted({year_label(y) for y in acc.year if year_label(y) != "all"}
                      | ({year_label(y) for y in acc.reference} if "reference" in acc
                         else set()))
    between = (f"between {join_words(compared)}, the years with hand codes" if none
               else "between years")
    others = (f" {join_words(none)} {'has' if len(none) == 1 else 'have'} no hand-coded "
              "sentence, so the coder's errors there are not measured." if none else "")
    text = ("The coder's sensitivity and specificity "
            + (f"differ {between}{',' if none else ''} for: " + "; ".join(
                f"{r.frame} {r.measure} ({r.year} minus {r.reference}: "
                f"{pp(r.difference)} points, 95% CI {pp0(r.difference_low)} to "
                f"{pp0(r.difference_high)}"
                + ("; borderline: the interval nearly touches 0"
                   if min(abs(r.difference_low), abs(r.difference_high)) < 0.005 else "")
                + ")" for r in differ.itertuples())
               + ". Part of a difference between the years' coder shares may then be a "
               "difference in the coder's errors; compare the years on hand codes."
               if len(differ) else
               f"do not differ detectably {between} (the CIs of the differences, "
               "cluster bootstrap widened where narrower to Newcombe's from Wilson's "
               "intervals at the effective sample sizes, include 0).")) + others
    yield ("Framing", text, R.FRAMING_ACCURACY_BY_YEAR.ref)


def _hand_differences(root: Path) -> str:
    """" The hand codes' own year differences ...": the sensitivity table's rows of the
    hand codes of every sentence, with their intervals ("" without such rows)."""
    sens = read(root, R.FRAMING_SENSITIVITY)
    if sens is None or not {"variant", "target", "reference", "difference", "ci_low",
                            "ci_high"} <= set(sens):
        return ""
    rows = sens[sens.variant == "hand codes, all"]
    if rows.empty:
        return ""
    return (" The hand codes' own year differences, with the coder's kind of interval (cluster "
            "bootstrap widened to Newcombe's from the effective Wilson intervals): "
            + "; ".join(f"{r.frame} {year_label(r.target)} minus {year_label(r.reference)} "
                        f"{pp(r.difference)} "
                        f"points (95% CI {pp0(r.ci_low)} to {pp0(r.ci_high)})"
                        for r in rows.itertuples()) + ".")
