"""Figures of chapter 04 (framing): shares, validation, co-occurrence, trajectory, roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discourse.plots.figure import new_figure, source_note

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["plot_frame_shares", "plot_validation", "plot_cooccurrence", "plot_trajectory",
           "plot_roles"]

_FRAME_COLOURS = {"security": "#b2182b", "economy": "#2166ac", "multilateralism": "#1b7837"}


def _interval(table) -> tuple[str, str]:
    """(short name, full description) of the interval a table's ci_low/ci_high hold."""
    if "interval" not in table or not len(table):
        return "Wilson", "Wilson score"
    full = str(table["interval"].iloc[0])
    return full.split(" (")[0], full


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
    ax.set_title(f"Frame shares by {by} (95% CI: {short})")
    ax.legend(title=by, frameon=False)
    source_note(fig, source or f"Source: discourse.framing.frame_shares; interval: {full}")
    return fig


def plot_validation(validation, *, source: str = "") -> Figure:
    """Dot plot of a framing ``validation`` table: each metric per frame with its 95%
    CI (Wilson for precision and recall, cluster bootstrap with Jeffreys pseudo-counts
    for the others); dashed lines at the targets F1 0.85 and kappa 0.80."""
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
    ax.axhline(0.85, ls="--", lw=0.8, color="0.5")
    ax.axhline(0.80, ls=":", lw=0.8, color="0.5")
    ax.set_xticks(x, metrics)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("agreement measure (lexicon vs hand coding)")
    ax.set_ylabel("value (95% CI)")
    ax.set_title("Validation of the frame lexicon against hand coding")
    ax.legend(frameon=False, loc="lower left")
    source_note(fig, source or "Source: discourse.framing.validate; 95% CI: Wilson for "
                "precision and recall, paragraph-cluster bootstrap (Jeffreys pseudo-counts) "
                "for F1, kappa, alpha; dashed 0.85, dotted 0.80")
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
    ax.set_title(f"Sentences carrying both frames (year: {year})")
    fig.colorbar(im, ax=ax, label="sentences")
    source_note(fig, source or "Source: discourse.framing.cooccurrence")
    return fig


def plot_trajectory(traj, *, source: str = "") -> Figure:
    """Line chart of a framing ``trajectory`` table: rolling frame share along each
    text (one panel per document)."""
    docs = list(dict.fromkeys(traj["doc_id"]))
    fig, axes = new_figure(figsize=(8.0, 2.2 + 1.8 * len(docs)), nrows=len(docs),
                           sharex=True, squeeze=False)
    for ax, doc in zip(axes[:, 0], docs):
        part = traj[traj["doc_id"] == doc]
        for f, g in part.groupby("frame", sort=False):
            ax.plot(g["relative_position"], g["rolling_share"], label=f,
                    color=_FRAME_COLOURS.get(f))
        ax.set_ylim(0, 1)
        ax.set_ylabel("rolling share")
        ax.set_title(f"{doc} ({part['year'].iloc[0]})", fontsize=9)
    axes[-1, 0].set_xlabel("relative position in the text (0 = start, 1 = end)")
    axes[0, 0].legend(frameon=False, fontsize=8, ncol=3)
    fig.suptitle(f"Frames along each text (centred window of {int(traj['window'].iloc[0])} "
                 "sentences)")
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
    ax.set_yticks(y, [f"{l} (n={n})" for l, n in zip(labels, t.drop_duplicates(
        ["year", "role"])["n_sentences"])])
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"share of sentences with the frame (95% CI: {_interval(by_role)[0]})")
    ax.set_ylabel("year and speaker role")
    ax.set_title("Frames by speaker role")
    ax.legend(frameon=False)
    source_note(fig, source or "Source: discourse.framing.frames_by_role")
    return fig
