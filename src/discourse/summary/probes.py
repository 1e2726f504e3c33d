"""The probes in the Framing section of the summary: the coder on invented texts of
genres new to the lexicon (``results/framing-probes.csv``,
:func:`discourse.framing.probe_agreement`)."""

from __future__ import annotations

from pathlib import Path

from discourse import results as R
from discourse.framing.lexicon import FRAMES
from discourse.framing.probes import PAIRS, PROBES_FILE, UNREAD_POOLED, probe_overview
from discourse.summary.format import agreement, read

__all__ = ["probe_findings"]


def _range(values) -> str:
    return f"{values.min():.2f}-{values.max():.2f}"


def probe_findings(root: Path):
    """The probes' finding: ``(section, finding, source)``, nothing without the table."""
    t = read(root, R.FRAMING_PROBES)
    if t is None or t.empty:
        return
    over = probe_overview(t)
    unread = over[over.errors_read == "no"]
    coder = t[(t.pair == PAIRS[1]) & (t.probe != UNREAD_POOLED)]
    sizes = coder.groupby("probe").n.first()
    low = over.loc[over.first_macro_f1.idxmin()]
    kappas = ", ".join(f"{f} {_range(over[f'first_kappa_{f}'])}"
                       for f in FRAMES)
    text = (f"The coder on invented texts of genres of SCO texts that no hand-coded set had "
            f"(the {len(over)} probes of docs/coding/{PROBES_FILE}, of "
            f"{int(sizes.min())}-{int(sizes.max())} sentences each, written by helper "
            "sessions that read only the codebook, each coded by two helper sessions blind "
            "to each other and to the lexicon, and adjudicated): its first score on each, "
            "taken before anyone read the probe's errors, with the coder of that time, "
            f"macro-F1 {_range(over.first_macro_f1)} (median "
            f"{over.first_macro_f1.median():.2f}; the lowest {low.first_macro_f1:.2f}, "
            f"{low.probe}), Cohen's kappa {kappas}; the two hand coders reached macro-F1 "
            f"{_range(over.coders_macro_f1)} on the same probes. ")
    pooled = t[(t.probe == UNREAD_POOLED) & (t.pair == PAIRS[1])]
    if len(pooled):
        names = ", ".join(unread.probe)
        text += (f"With the coder as it is now, on the {len(unread)} probes whose errors "
                 f"nobody has read ({names}; {int(pooled.n.iloc[0])} sentences pooled, each "
                 "probe resampled whole, so that the interval includes how much the probes, "
                 f"each one writer's, differ): {agreement(pooled)}. ")
    elif len(unread) == 1:
        one = coder[coder.probe == unread.probe.iloc[0]]
        text += (f"With the coder as it is now, on the one probe whose errors nobody has "
                 f"read ({unread.probe.iloc[0]}, {int(one.n.iloc[0])} sentences, its texts "
                 f"resampled): {agreement(one)}. ")
    read_ = over[over.errors_read == "yes"]
    if len(read_):
        text += (("The other probes'" if len(unread) else "The probes'") + " errors were "
                 "read (development data since), so the coder's scores on them now are in "
                 "sample. ")
    text += "All are synthetic, so real text may differ."
    yield ("Framing", text, R.FRAMING_PROBES.ref)
