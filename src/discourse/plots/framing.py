"""Figures of chapter 04 (framing): shares, validation, co-occurrence, trajectory, roles."""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

from discourse.plots.figure import new_figure, source_note, wrap_to

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["PROBES_PER_ROW", "plot_frame_shares", "plot_validation", "plot_agreement_ceiling",
           "plot_probes",
           "plot_cooccurrence", "plot_trajectory", "plot_roles"]

_FRAME_COLOURS = {"security": "#b2182b", "economy": "#2166ac", "multilateralism": "#1b7837"}


def _interval(table) -> tuple[str, str]:
    """(short name, full description) of the interval a table's ci_low/ci_high hold."""
    if "interval" not in table or not len(table):
        return "Wilson", "Wilson score"
    full = str(table["interval"].iloc[0]).split(", widened")[0]
    short = full.split(" (")[0]
    widened = table["interval"].astype(str).str.contains(", widened to", regex=False)
    if widened.any():       # rows floored at Wilson's at the effective sample size
        short += ", widened to Wilson's at the effective sample size where narrower"
        # in the table's own words, without each row's counts and design effect: why it
        # was widened differs between corpora
        reasons = dict.fromkeys(_generic(str(t).split(", widened", 1)[1])
                                for t in table["interval"][widened])
        full += "; widened" + "; or widened".join(reasons)
    return short, full


def _generic(reason: str) -> str:
    """A row's floor without its counts ("of 27/77") and design effect, so that rows
    floored the same way are named once.

    >>> _generic(" to the Wilson score interval of 27/77 at the effective sample size "
    ...          "(design effect 2.60, t with 35 df; Korn and Graubard 1998)")
    ' to the Wilson score interval at the effective sample size (Korn and Graubard 1998)'
    """
    reason = re.sub(r" of \d+/\d+", "", reason)
    return re.sub(r"\(design effects? [^;]*; ", "(", reason)


def _legend_beside(ax, **kwargs) -> None:
    """The legend to the right of the plotting area, where no bar or interval can lie
    under it (a walkthrough found it over the intervals of small groups)."""
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0,
              **kwargs)


def _title_within_axes(ax, text: str) -> None:
    """``text`` as the title of ``ax``, wrapped until it is no wider than the axes it is
    centred on (a legend beside them narrows them: a long group label pushed a title
    wrapped to the figure's width off its left edge)."""
    # extents measured with the figure's own renderer (any backend: not only Agg's)
    limit, width = ax.get_window_extent().width, len(text)
    ax.set_title(text)
    while ax.title.get_window_extent().width > limit and width > 20:
        width -= 4
        ax.set_title("\n".join(textwrap.wrap(text, width)))


def plot_frame_shares(shares, *, by: str = "year", source: str = "") -> Figure:
    """Bar chart of a framing ``shares`` table: share of sentences per frame and group,
    with its 95% CI (``ci_low``, ``ci_high``) as error bars; the title and the source
    line name the interval (the table's ``interval`` column; Wilson if it has none)."""
    import numpy as np

    fig, ax = new_figure()
    groups = sorted(shares[by].unique().tolist())
    frames = list(dict.fromkeys(shares["frame"]))
    width = 0.8 / max(len(groups), 1)
    x = np.arange(len(frames))
    for i, g in enumerate(groups):
        part = shares[shares[by] == g].set_index("frame").loc[frames]
        ax.bar(x + (i - (len(groups) - 1) / 2) * width, part["share"], width,
               yerr=[part["share"] - part["ci_low"], part["ci_high"] - part["share"]],
               capsize=3, label=f"{g} (n={int(part['n_sentences'].iloc[0])})",
               color=str(0.25 + 0.5 * i / max(len(groups) - 1, 1)))
    ax.set_xticks(x, frames)
    ax.set_ylabel("share of sentences with the frame")
    ax.set_xlabel("frame")
    ax.set_ylim(0, 1)
    short, full = _interval(shares)
    _legend_beside(ax, title=by)
    fig.tight_layout(rect=(0, 0.04, 1, 1))     # long labels inside the figure
    _title_within_axes(ax, f"Frame shares by {by} (95% CI: {short})")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    source_note(fig, source or f"Source: discourse.framing.frame_shares; interval: {full}")
    return fig


def plot_validation(validation, *, source: str = "") -> Figure:
    """Dot plot of a framing ``validation`` table: each metric per frame with its 95%
    CI (cluster bootstrap with Jeffreys pseudo-counts widened to an analytic interval
    where narrower: Wilson's at the effective sample size for precision and recall);
    lines at the project's targets for text the coder has never seen (README: macro-F1
    0.90, dashed; Cohen's kappa 0.85 for every frame, dotted), named in the legend."""
    import numpy as np

    fig, ax = new_figure()
    metrics = list(dict.fromkeys(validation["metric"]))
    frames = list(dict.fromkeys(validation["frame"]))
    x = np.arange(len(metrics))
    for i, f in enumerate(frames):
        part = validation[validation["frame"] == f].set_index("metric").loc[metrics]
        off = (i - (len(frames) - 1) / 2) * 0.22
        ax.errorbar(x + off, part["value"], yerr=[part["value"] - part["ci_low"],
                                                  part["ci_high"] - part["value"]],
                    fmt="o", capsize=3, label=f, color=_FRAME_COLOURS.get(f))
    ax.axhline(_TARGETS["f1"][0], ls="--", lw=0.8, color="0.5",
               label=f"target: {_TARGETS['f1'][1]}")
    ax.axhline(_TARGETS["kappa"][0], ls=":", lw=0.8, color="0.5",
               label=f"target: {_TARGETS['kappa'][1]}")
    ax.set_xticks(x, metrics)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("agreement measure (lexicon vs hand coding)")
    ax.set_ylabel("value (95% CI)")
    ax.set_title("Validation of the frame lexicon against hand coding")
    ax.legend(frameon=False, loc="lower left")
    fig.tight_layout(rect=(0, 0.06, 1, 1))     # room for the two-line source note
    source_note(fig, source or "Source: discourse.framing.validate; 95% CI: "
                "paragraph-cluster bootstrap (Jeffreys pseudo-counts), no narrower than an "
                "analytic interval (Wilson's at the effective sample size for precision "
                "and recall); lines: the project's targets on text never seen (macro-F1 "
                "0.90, kappa 0.85 per frame)")
    return fig


def plot_agreement_ceiling(ceiling, *, metric: str = "kappa", source: str = "") -> Figure:
    """The automatic coder beside two hand coders, per hand-coded set and frame.

    Parameters
    ----------
    ceiling : pandas.DataFrame
        A table of :func:`discourse.framing.ceiling` (``set, kind,
        used_for_development, frame, metric, coder, coder_low, coder_high, two_coders,
        two_coders_low, two_coders_high``).
    metric : str
        The agreement measure shown (default Cohen's kappa).

    One panel per set, labelled with what it was measured on (``measured_on``: real or
    synthetic text, used or not used to build the lexicon, scored again or not); in
    each, per frame, the two hand coders' agreement with each other before adjudication
    (the ceiling; hollow marker) and the automatic coder's agreement with the
    adjudicated coding (filled), each with its 95% interval.
    """
    import numpy as np

    part = ceiling[ceiling["metric"] == metric]
    sets = list(dict.fromkeys(part["set"]))
    # at most three panels a row, so that a page shows them legibly
    ncols = min(max(len(sets), 1), 3)
    nrows = -(-max(len(sets), 1) // ncols)
    fig, axes = new_figure(figsize=(3.4 * ncols + 1.0, 4.4 * nrows + 0.4), nrows=nrows,
                           ncols=ncols, sharey=True, squeeze=False)
    for ax in axes.flat[len(sets):]:
        ax.set_visible(False)
    frames = list(dict.fromkeys(part["frame"]))
    x = np.arange(len(frames))
    for ax, name in zip(axes.flat, sets):
        rows = part[part["set"] == name].set_index("frame").loc[frames]
        for off, col, marker, label in ((-0.12, "two_coders", "o",
                                         "two hand coders, one against the other"),
                                        (0.12, "coder", "s",
                                         "automatic coder against the adjudicated coding")):
            lo, hi = rows[f"{col}_low"], rows[f"{col}_high"]
            ax.errorbar(x + off, rows[col], yerr=[rows[col] - lo, hi - rows[col]],
                        fmt=marker, capsize=3, label=label, color="0.15",
                        mfc="white" if col == "two_coders" else "0.15")
        r = rows.iloc[0]
        used = {"yes": "used to build", "no": "never used to build"}.get(
            r["used_for_development"], "not recorded whether used to build")
        label = str(r.get("measured_on") or "") or f"{r['kind']} text; {used} the lexicon"
        ax.set_title(name + "\n" + textwrap.fill(f"({label})", 48), fontsize=8)
        ax.set_xticks(x, frames, rotation=20)
        ax.set_ylim(0.5, 1.02)
        if metric in _TARGETS:
            ax.axhline(_TARGETS[metric][0], ls=":", lw=0.8, color="0.5",
                       label=f"target: {_TARGETS[metric][1]}")
    for row in axes:
        row[0].set_ylabel(f"{metric} (95% interval)")
    axes[0][0].legend(frameon=False, loc="lower left", fontsize=8)
    fig.suptitle(wrap_to(fig, f"Agreement ({metric}): the automatic coder against the "
                         "adjudicated hand coding, beside the two hand coders against each "
                         "other (the ceiling)", 10))
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    from discourse import results

    source_note(fig, source or f"Source: discourse.framing.ceiling (results/"
                               f"{results.FRAMING_CEILING.file}); 95% intervals as made for "
                               f"each row of results/{results.FRAMING_GENERALISATION.file} "
                               f"and results/{results.FRAMING_INTERCODER.file} (their "
                               "interval column)" + (
                                   f"; dotted line: the project's target on text never "
                                   f"seen, {_TARGETS[metric][1]}" if metric in _TARGETS
                                   else ""))
    return fig


#: The project's targets for text the coder has never seen (README), by metric:
#: (value, label).
_TARGETS = {"kappa": (0.85, "kappa 0.85 per frame"), "f1": (0.90, "macro-F1 0.90")}


#: Probes per row of the probes figure: beyond it the figure wraps into more rows, so that
#: it stays readable at any number of probes (one row of 168 probes was 73 inches wide).
PROBES_PER_ROW = 40


def plot_probes(overview, *, source: str = "") -> Figure:
    """Macro-F1 on each probe: the coder's first score, the coder now, two hand coders.

    One point per probe and series, in the table's order: the two hand coders, one
    against the other (hollow circle); the automatic coder's first score, recorded before
    anyone read the probe's errors (filled square); the coder now (cross: in sample
    where the probe's errors were read, which the tick labels mark with "read"). Macro-F1
    is the mean of the three frames' F1; point estimates (the table has the intervals of
    each frame). More than :data:`PROBES_PER_ROW` probes wrap into rows of that many,
    with the same scale.

    Parameters
    ----------
    overview : pandas.DataFrame
        :func:`discourse.framing.probe_overview` of a
        :func:`~discourse.framing.probe_agreement` table (``probe, errors_read,
        first_macro_f1, coder_macro_f1, coders_macro_f1``).
    source : str, optional
        The source note (default: the table and the registry).

    Returns
    -------
    matplotlib.figure.Figure
    """
    import numpy as np

    n = len(overview)
    rows = max(1, -(-n // PROBES_PER_ROW))
    per_row = min(max(n, 1), PROBES_PER_ROW)
    fig, axes = new_figure(figsize=(max(6.0, 0.42 * per_row + 2.0), 4.4 + 3.6 * (rows - 1)),
                           nrows=rows, squeeze=False)
    lowest = np.nanmin(overview[["coders_macro_f1", "first_macro_f1",
                                 "coder_macro_f1"]].to_numpy(dtype=float), initial=1.0)
    for row, ax in enumerate(axes[:, 0]):
        part = overview.iloc[row * PROBES_PER_ROW:(row + 1) * PROBES_PER_ROW]
        x = np.arange(len(part))
        for off, col, marker, face, label in (
                (0.0, "coders_macro_f1", "o", "white", "two hand coders, one against the "
                                                       "other"),
                (-0.15, "first_macro_f1", "s", "0.15", "automatic coder, first score (before "
                                                       "anyone read its errors)"),
                (0.15, "coder_macro_f1", "x", "0.15", "automatic coder now (in sample where "
                                                      "read)")):
            ax.plot(x + off, part[col], marker, color="0.15", mfc=face, label=label,
                    ls="none")
        ax.axhline(_TARGETS["f1"][0], ls="--", lw=0.8, color="0.5",
                   label=f"target: {_TARGETS['f1'][1]}")
        ax.set_xticks(x, [f"{p}" + ("\n(read)" if r == "yes" else "\n(never read)")
                          for p, r in zip(part["probe"], part["errors_read"])],
                      rotation=90, fontsize=7)
        ax.set_xlim(-0.6, per_row - 0.4)           # every row on the same scale
        ax.set_ylim(min(0.5, lowest - 0.02), 1.02)     # no probe below the axis
        ax.set_ylabel("macro-F1 (mean of the three frames' F1)")
    axes[0, 0].legend(frameon=False, loc="lower left", fontsize=8)
    axes[0, 0].set_title(wrap_to(fig, "The frame coder on invented texts of genres new to "
                                      "the lexicon (the probes), beside two hand coders", 10),
                         fontsize=10)
    fig.tight_layout(rect=(0, 0.05 / rows, 1, 1))
    from discourse import results

    source_note(fig, source or "Source: discourse.framing.probe_agreement (results/"
                               f"{results.FRAMING_PROBES.file}); first scores as recorded "
                               "in docs/coding/probes.csv with the coder of their time; "
                               "dashed line: the project's target on text never seen, "
                               f"{_TARGETS['f1'][1]}")
    return fig


def plot_cooccurrence(cooc, *, year: str = "all", source: str = "") -> Figure:
    """Heat map of a framing ``cooccurrence`` table: sentences carrying both frames."""
    import numpy as np

    part = cooc[cooc["year"].astype(str) == str(year)]
    frames = list(dict.fromkeys(part["frame_a"]))
    mat = part.pivot(index="frame_a", columns="frame_b", values="n_both").loc[frames, frames]
    fig, ax = new_figure(figsize=(6.5, 5.0))
    im = ax.imshow(mat.to_numpy(), cmap="Greys")
    for (i, j), v in np.ndenumerate(mat.to_numpy()):
        ax.text(j, i, str(int(v)), ha="center", va="center",
                color="white" if v > mat.to_numpy().max() / 2 else "black")
    ax.set_xticks(range(len(frames)), frames)
    ax.set_yticks(range(len(frames)), frames)
    ax.set_xlabel("frame b")
    ax.set_ylabel("frame a")
    ax.set_title(f"Sentences carrying both frames (year: {year}; diagonal: sentences "
                 "with the frame)", fontsize=10)
    fig.colorbar(im, ax=ax, label="sentences")
    fig.tight_layout(rect=(0, 0.04, 1, 1))     # long labels inside the figure
    source_note(fig, source or "Source: discourse.framing.cooccurrence")
    return fig


def plot_trajectory(traj, *, source: str = "") -> Figure:
    """Line chart of a framing ``trajectory`` table: rolling frame share along each
    text (one panel per document)."""
    docs = list(dict.fromkeys(traj["doc_id"]))
    window = int(traj["window"].iloc[0])
    fig, axes = new_figure(figsize=(8.0, 2.2 + 1.8 * len(docs)), nrows=len(docs),
                           sharex=True, squeeze=False)
    styles = dict(zip(dict.fromkeys(traj["frame"]), ("-", "--", ":")))
    for ax, doc in zip(axes[:, 0], docs):
        part = traj[traj["doc_id"] == doc]
        for f, g in part.groupby("frame", sort=False):
            # line styles as well as colours: frames with equal shares stay visible
            ax.plot(g["relative_position"], g["rolling_share"], label=f,
                    color=_FRAME_COLOURS.get(f), linestyle=styles.get(f, "-"))
        ax.set_ylim(0, 1)
        ax.set_ylabel("rolling share")
        n = int(part["position"].max())
        short = (f"; {n} sentences, no more than the window: each point averages most of "
                 "the text" if n <= window else "")
        ax.set_title(f"{doc} ({part['year'].iloc[0]}{short})", fontsize=9)
    axes[-1, 0].set_xlabel("relative position in the text (0 = start, 1 = end)")
    fig.suptitle(f"Frames along each text (centred window of {window} sentences)")
    # the legend between the title and the panels, over no line
    fig.legend(*axes[0, 0].get_legend_handles_labels(), loc="upper center", ncol=3,
               frameon=False, fontsize=8, bbox_to_anchor=(0.5, 0.955))
    fig.tight_layout(rect=(0, 0.04, 1, 0.93))  # long labels inside, title and legend above
    source_note(fig, source or "Source: discourse.framing.trajectory")
    return fig


def plot_roles(by_role, *, source: str = "") -> Figure:
    """Horizontal bars of a framing ``by role`` table: share per role, year and frame
    with 95% CIs (the interval named on the axis)."""
    import numpy as np

    fig, ax = new_figure(figsize=(8.0, 6.0))
    t = by_role.sort_values(["year", "role", "frame"])
    labels = [f"{y} {r}" for y, r in dict.fromkeys(zip(t["year"], t["role"]))]
    frames = list(dict.fromkeys(by_role["frame"]))
    y = np.arange(len(labels))
    h = 0.8 / len(frames)
    for i, f in enumerate(frames):
        part = t[t["frame"] == f]
        ax.barh(y + (i - (len(frames) - 1) / 2) * h, part["share"], h,
                xerr=[part["share"] - part["ci_low"], part["ci_high"] - part["share"]],
                capsize=2, label=f, color=_FRAME_COLOURS.get(f))
    ax.set_yticks(y, [f"{lab} (n={n})" for lab, n in zip(labels, t.drop_duplicates(
        ["year", "role"])["n_sentences"])])
    ax.set_xlim(0, 1)
    ax.set_xlabel(wrap_to(fig, "share of sentences with the frame (95% CI: "
                          f"{_interval(by_role)[0]})", 11))
    ax.set_ylabel("year and speaker role")
    ax.set_title("Frames by speaker role")
    _legend_beside(ax)
    fig.tight_layout(rect=(0, 0.04, 1, 1))     # long labels inside the figure
    source_note(fig, source or "Source: discourse.framing.frames_by_role")
    return fig
