"""Figures: one function per result table, each returning a matplotlib ``Figure``.

:func:`save_figure` writes a figure whole (temporary file, then rename) as PNG and
SVG with a stable name and no timestamps, so that two runs give identical bytes
(matplotlib and FreeType are pinned in requirements.txt). Plot functions never save;
notebooks call :func:`save_figure`.
"""

from __future__ import annotations

import os
from pathlib import Path

from typing import TYPE_CHECKING

from discourse.io import atomic_path

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure


def _pyplot():
    """Import pyplot on first use, so that importing this module does nothing
    (matplotlib builds its font cache on first import; headless machines get Agg)."""
    import matplotlib.pyplot as plt

    return plt

__all__ = ["save_figure", "new_figure", "FIGSIZE", "DPI", "FORMATS", "source_note"]

#: Default figure size in inches (width, height) and PNG resolution.
FIGSIZE = (8.0, 5.0)
DPI = 150
#: Formats written for every figure: a raster for reading and a vector for print.
FORMATS = ("png", "svg")

_RC = {
    "svg.hashsalt": "discourse",      # stable ids inside SVG files
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
}
_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
             "pdf": {"CreationDate": None, "Producer": None, "Creator": None}}


def new_figure(figsize: tuple[float, float] = FIGSIZE, **subplots_kw):
    """Return ``(fig, ax)`` created with the package's fixed style and size."""
    plt = _pyplot()
    with plt.rc_context(_RC):
        fig, ax = plt.subplots(figsize=figsize, **subplots_kw)
    return fig, ax


def source_note(fig: Figure, text: str) -> None:
    """Write a small source line at the bottom left of ``fig``."""
    fig.text(0.01, 0.005, text, fontsize=7, color="0.35", ha="left", va="bottom")


def save_figure(fig: Figure, name: str, figures: str | os.PathLike | None = None, *,
                formats: tuple[str, ...] = FORMATS, close: bool = True) -> list[Path]:
    """Write ``fig`` as ``{figures}/{name}.{png,svg}``, deterministically and whole.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    name : str
        Stable file stem, e.g. ``"04-frame-shares-by-year"``.
    figures : path-like, optional
        Output directory (default: :func:`discourse.paths.figures_dir`).
    formats : tuple of str
        Any of ``"png"``, ``"svg"``, ``"pdf"``.
    close : bool
        Close the figure after writing (default True).

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    from discourse import paths

    plt = _pyplot()
    out_dir = paths.figures_dir(figures)
    written = []
    with plt.rc_context(_RC):
        for fmt in formats:
            if fmt not in _METADATA:
                raise ValueError(f"format {fmt!r} is not one of {sorted(_METADATA)}")
            target = out_dir / f"{name}.{fmt}"
            with atomic_path(target) as tmp:
                fig.savefig(tmp, format=fmt, dpi=DPI, metadata=_METADATA[fmt],
                            bbox_inches=None)
            written.append(target)
    if close:
        plt.close(fig)
    return written


def corpus_structure(summary):
    """Bar chart of sentences per document by speaker role.

    Parameters
    ----------
    summary : pandas.DataFrame
        The table of :func:`discourse.corpus.describe`.
    """
    from discourse.corpus import ROLES

    table = summary[summary.role != "all"].pivot_table(
        index="doc_id", columns="role", values="sentences", aggfunc="sum", fill_value=0)
    table = table[[r for r in ROLES if r in table.columns]]
    labels = [f"{d}" for d in table.index]
    fig, ax = new_figure(figsize=(8.0, 1.2 + 0.7 * len(table)))
    left = [0] * len(table)
    colors = {"title": "0.2", "lead": "0.55", "question": "#d62728", "answer": "#1f77b4",
              "speech": "#2ca02c"}
    for role in table.columns:
        values = table[role].tolist()
        ax.barh(labels, values, left=left, label=role, color=colors.get(role))
        left = [a + b for a, b in zip(left, values)]
    ax.set_xlabel("sentences")
    ax.set_title("Sentences per document by speaker role")
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False,
              title="role", title_fontsize=8)
    ax.invert_yaxis()
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    source_note(fig, "Source: discourse.corpus.describe (results/corpus-summary.csv)")
    return fig


__all__ += ["corpus_structure"]

# --- keywords -------------------------------------------------------------------

_KEY_SOURCE = "Source: discourse.keywords; terms from discourse.preprocess.terms"


def plot_keyness(keyness, *, n: int = 15, alpha: float = 0.05, target=None,
                 reference=None, source: str = _KEY_SOURCE) -> Figure:
    """Bar chart of Log Ratio for the top ``n`` terms each way of a ``keyness`` table.

    Terms are the ``n`` largest and ``n`` smallest by signed G2; bars show Hardie's
    Log Ratio; filled bars have ``p_adjusted < alpha``, hatched bars do not. Each bar
    is annotated with the counts ``target/reference``.
    """
    top = keyness.sort_values("g2", ascending=False, kind="stable")
    pos = top[top["g2"] > 0].head(n)
    neg = top[top["g2"] < 0].tail(n)
    rows = pos.iloc[::-1].to_dict("records") + neg.iloc[::-1].to_dict("records")
    height = max(3.0, 0.22 * len(rows) + 1.5)
    fig, ax = new_figure(figsize=(8.0, height))
    for i, r in enumerate(rows):
        sig = r["p_adjusted"] < alpha
        color = "#b2182b" if r["log_ratio"] > 0 else "#2166ac"
        ax.barh(i, r["log_ratio"], color=color if sig else "white", edgecolor=color,
                hatch=None if sig else "///", height=0.75)
        ax.text(r["log_ratio"], i, f" {r['count_target']}/{r['count_reference']} ",
                va="center", ha="left" if r["log_ratio"] > 0 else "right", fontsize=7)
    ax.set_yticks(range(len(rows)), [r["term"] for r in rows], fontsize=8)
    ax.axvline(0, color="0.3", lw=0.8)
    t = "target" if target is None else str(target)
    ref = "reference" if reference is None else str(reference)
    ax.set_xlabel(f"Log Ratio (log2 of relative frequency {t} / {ref}; 0.5 for a zero count)")
    ax.set_ylabel("term")
    ax.set_title(f"Key terms: {t} vs {ref} (top {n} each way by signed G2; "
                 f"filled = FDR-adjusted p < {alpha})", fontsize=10)
    source_note(fig, source + "; labels: count target/reference")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def plot_logodds(keyness, *, n_labels: int = 10, target=None, reference=None,
                 source: str = _KEY_SOURCE) -> Figure:
    """Monroe et al. (2008)-style plot: log-odds z-score against total frequency.

    x: pooled count (target + reference, log scale); y: ``logodds_z``. The
    ``n_labels`` terms with the largest and smallest z are labelled; dashed lines at
    z = +/-1.96.
    """
    import numpy as np
    import pandas as pd

    freq = keyness["count_target"] + keyness["count_reference"]
    z = keyness["logodds_z"]
    fig, ax = new_figure()
    ax.scatter(freq, z, s=8, c=np.where(z > 0, "#b2182b", "#2166ac"), alpha=0.5,
               linewidths=0)
    ax.set_xscale("log")
    for v in (1.96, -1.96):
        ax.axhline(v, color="0.5", ls="--", lw=0.7)
    order = keyness.assign(_f=freq).sort_values(["logodds_z", "term"], kind="stable")
    chosen = pd.concat([order.head(n_labels), order.tail(n_labels)]).drop_duplicates("term")
    # terms with identical counts share a point: one label listing them all
    for (f, zz), g in chosen.groupby(["_f", "logodds_z"], sort=True):
        ax.annotate(", ".join(sorted(g["term"])), (f, zz), fontsize=7,
                    xytext=(3, 0), textcoords="offset points", va="center")
    t = "target" if target is None else str(target)
    ref = "reference" if reference is None else str(reference)
    ax.set_xlabel("frequency in target + reference (log scale)")
    ax.set_ylabel(f"log-odds z-score ({t} vs {ref}; prior: pooled counts)")
    ax.set_title(f"Weighted log-odds with informative Dirichlet prior: {t} vs {ref}",
                 fontsize=10)
    source_note(fig, source + "; Monroe, Colaresi and Quinn (2008)")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def plot_term_families(rates, *, source: str = _KEY_SOURCE) -> Figure:
    """Lines of each term family's rate per 10,000 tokens by year (any number of years).

    Takes the ``term_families`` table of :func:`discourse.keywords.term_family_rates`.
    """
    fig, ax = new_figure()
    years = sorted(rates["year"].unique())
    for fam, g in rates.groupby("family", sort=True):
        g = g.set_index("year").reindex(years)
        ax.plot(range(len(years)), g["per10k"], marker="o", label=fam)
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    ax.set_xlabel("year")
    ax.set_ylabel("rate per 10,000 terms")
    ax.set_title("Term families by year", fontsize=10)
    ax.legend(fontsize=7, frameon=False, loc="center left", bbox_to_anchor=(1.0, 0.5))
    source_note(fig, source + "; families: corpus/lexicons/term_families.yaml")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def plot_lexical_dispersion(dispersion, *, terms=None,
                            source: str = _KEY_SOURCE) -> Figure:
    """Lexical dispersion plot: where each term occurs along each document.

    Takes the ``lexical_dispersion`` table of
    :func:`discourse.keywords.lexical_dispersion`; one panel per document, x = relative
    position in the document's running text, one row per term.
    """
    docs = list(dispersion["doc_id"].drop_duplicates())
    terms = list(dispersion["term"].drop_duplicates()) if terms is None else list(terms)
    if not docs:
        raise ValueError("the lexical_dispersion table is empty: none of the terms occurs")
    fig, axes = new_figure(figsize=(8.0, 1.0 + 0.35 * len(terms) * len(docs) + 0.6 * len(docs)),
                           nrows=len(docs), squeeze=False, sharex=True)
    for ax, doc in zip(axes[:, 0], docs):
        d = dispersion[dispersion["doc_id"] == doc]
        for i, term in enumerate(terms):
            x = d.loc[d["term"] == term, "relative_position"]
            ax.plot(x, [i] * len(x), "|", color="#333333", markersize=10)
        ax.set_yticks(range(len(terms)), terms, fontsize=8)
        ax.set_ylim(-0.7, len(terms) - 0.3)
        year = d["year"].iloc[0] if len(d) else ""
        ax.set_title(f"{doc} ({year})", fontsize=8, loc="left")
        ax.set_ylabel("term", fontsize=8)
    axes[-1, 0].set_xlim(0, 1)
    axes[-1, 0].set_xlabel("relative position in the document's running text")
    fig.suptitle("Lexical dispersion", fontsize=10)
    source_note(fig, source)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


__all__ += ["plot_keyness", "plot_logodds", "plot_term_families",
            "plot_lexical_dispersion"]

# --- keywords (issue 4): plot functions above this line; extend __all__ here ---

def _topic_source(table, what: str) -> str:
    bits = [f"{c}={table[c].iloc[0]}" for c in ("model", "k", "seed")
            if c in table.columns and len(table)]
    return f"Source: discourse.topics.{what}" + (f" ({', '.join(bits)})" if bits else "")


def _topic_titles(topics_: list[int], labels, width: int = 0) -> dict[int, str]:
    """Panel titles: 'Topic t: label', stale labels marked as such, never silently.

    With ``width`` > 0 the titles are wrapped at that many characters.
    """
    import textwrap

    out = {t: f"Topic {t}" for t in topics_}
    if labels is None:
        return out
    for row in labels.itertuples(index=False):
        if row.topic in out and row.status in ("ok", "stale") and row.label:
            mark = "" if row.status == "ok" else " [STALE label]"
            out[row.topic] = f"Topic {row.topic}: {row.label}{mark}"
    if width:
        out = {t: "\n".join(textwrap.wrap(v, width)) for t, v in out.items()}
    return out


def plot_topic_model_selection(selection):
    """Coherence (NPMI, UMass) and seed stability against k, one line per model.

    Parameters
    ----------
    selection : pandas.DataFrame
        The ``model_selection`` table of :func:`discourse.topics.select_model`.
        Error bars: +/- one standard deviation over seeds.
    """
    fig, axes = new_figure(figsize=(11.0, 4.2), ncols=3)
    panels = (("npmi", "npmi_sd", "NPMI coherence (mean over topics)"),
              ("umass", "umass_sd", "UMass coherence (mean over pairs)"),
              ("stability", "stability_sd", "stability (mean matched Jaccard, top 10)"))
    styles = {"nmf": ("#1f77b4", "o"), "lda": ("#d62728", "s")}
    for ax, (col, sd, label) in zip(axes, panels):
        for model, g in selection.groupby("model", sort=True):
            g = g.sort_values("k")
            color, marker = styles.get(model, ("0.3", "^"))
            ax.errorbar(g["k"], g[col], yerr=g[sd], color=color, marker=marker,
                        markersize=4, capsize=2, linewidth=1.2, label=model.upper())
        ax.set_xlabel("number of topics k")
        ax.set_ylabel(label, fontsize=8)
        ax.set_xticks(sorted(selection["k"].unique()))
    axes[2].set_ylim(0, 1.05)
    axes[0].legend(fontsize=8, frameon=False)
    n = int(selection["n_seeds"].iloc[0]) if len(selection) else 0
    fig.suptitle(f"Choosing k: coherence and stability over {n} seeds (bars: +/- 1 SD)")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    source_note(fig, "Source: discourse.topics.select_model "
                     "(results/topics-model-selection.csv)")
    return fig


def plot_topic_terms(terms, labels=None):
    """Top terms of each topic as horizontal bars of their weight.

    Parameters
    ----------
    terms : pandas.DataFrame
        The ``topic terms`` table of :func:`discourse.topics.topic_terms`.
    labels : pandas.DataFrame, optional
        The table of :func:`discourse.topics.check_labels`; stale labels are shown
        marked ``[STALE label]``.
    """
    topics_ = sorted(int(t) for t in terms["topic"].unique())
    ncols = min(3, max(len(topics_), 1))
    nrows = -(-len(topics_) // ncols) if topics_ else 1
    fig, axes = new_figure(figsize=(4.0 * ncols, 0.6 + 2.6 * nrows), nrows=nrows,
                           ncols=ncols, squeeze=False)
    titles = _topic_titles(topics_, labels, width=42)
    for ax, t in zip(axes.ravel(), topics_):
        g = terms[terms["topic"] == t].sort_values("rank")
        ax.barh(g["term"], g["weight"], color="#1f77b4")
        ax.invert_yaxis()
        ax.set_title(titles[t], fontsize=8)
        ax.tick_params(labelsize=7)
        ax.set_xlabel("weight in topic", fontsize=7)
    for ax in axes.ravel()[len(topics_):]:
        ax.set_visible(False)
    fig.suptitle("Top terms per topic")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    source_note(fig, _topic_source(terms, "topic_terms") + " (results/topics-terms.csv)")
    return fig


def plot_topic_prevalence(prevalence, labels=None):
    """Mean topic share per year with bootstrap intervals.

    Parameters
    ----------
    prevalence : pandas.DataFrame
        The table of :func:`discourse.topics.prevalence_table` (its ``mean`` rows are
        drawn) or of :func:`discourse.topics.prevalence_by_year`.
    labels : pandas.DataFrame, optional
        The table of :func:`discourse.topics.check_labels`.
    """
    p = prevalence
    if "measure" in p.columns:
        p = p[p["measure"] == "mean"].rename(columns={"estimate": "mean"})
    topics_ = sorted(int(t) for t in p["topic"].unique())
    years = sorted(int(y) for y in p["year"].unique())
    fig, ax = new_figure(figsize=(8.0, 1.2 + 0.55 * len(topics_) * max(1, len(years)) ** 0.5))
    cmap = _pyplot().get_cmap("viridis")
    step = 0.7 / max(len(years), 1)
    for i, year in enumerate(years):
        g = p[p["year"] == year].set_index("topic").loc[topics_]
        y = [topics_.index(t) + (i - (len(years) - 1) / 2) * step for t in topics_]
        color = cmap(i / max(len(years) - 1, 1)) if len(years) > 1 else "#1f77b4"
        ax.errorbar(g["mean"], y, xerr=[g["mean"] - g["ci_low"], g["ci_high"] - g["mean"]],
                    fmt="o", color=color, capsize=2, markersize=4,
                    label=f"{year} (n = {int(g['n_units'].iloc[0])})")
    titles = _topic_titles(topics_, labels, width=34)
    ax.set_yticks(range(len(topics_)), [titles[t] for t in topics_], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(left=0)
    level = float(p["level"].iloc[0]) if len(p) else 0.95
    ax.set_xlabel(f"mean topic share of units ({level:.0%} bootstrap interval)")
    ax.set_ylabel("topic")
    ax.set_title("Topic prevalence by year")
    ax.legend(fontsize=8, frameon=False, title="year", title_fontsize=8)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    source_note(fig, _topic_source(p, "prevalence_by_year")
                + " (results/topics-prevalence-by-year.csv)")
    return fig


def plot_topic_flow(unit_topics, labels=None):
    """Topic shares along the running text of each document (one heat map per document).

    Parameters
    ----------
    unit_topics : pandas.DataFrame
        The ``unit topics`` table of :func:`discourse.topics.document_topics`.
    labels : pandas.DataFrame, optional
        The table of :func:`discourse.topics.check_labels`.
    """
    import numpy as np

    docs = list(dict.fromkeys(unit_topics["doc_id"]))
    topics_ = sorted(int(t) for t in unit_topics["topic"].unique())
    fig, axes = new_figure(figsize=(10.0, 0.8 + (0.9 + 0.3 * len(topics_)) * len(docs)),
                           nrows=len(docs), squeeze=False)
    fig.subplots_adjust(left=0.25, right=0.95, hspace=0.5, bottom=0.12)
    titles = _topic_titles(topics_, labels, width=34)
    image = None
    for ax, doc in zip(axes[:, 0], docs):
        g = unit_topics[unit_topics["doc_id"] == doc]
        wide = g.pivot_table(index="topic", columns="position", values="weight",
                             aggfunc="first").reindex(topics_)
        image = ax.imshow(wide.to_numpy(dtype=float), aspect="auto", cmap="Blues",
                          vmin=0, vmax=1, interpolation="nearest",
                          extent=(wide.columns.min() - 0.5, wide.columns.max() + 0.5,
                                  len(topics_) - 0.5, -0.5))
        ax.set_yticks(np.arange(len(topics_)), [titles[t] for t in topics_], fontsize=6)
        ax.set_title(f"{doc} ({int(g['year'].iloc[0])})", fontsize=8)
        ax.set_ylabel("topic", fontsize=7)
        ax.tick_params(axis="x", labelsize=7)
    axes[-1, 0].set_xlabel("unit position in the document (reading order)")
    if image is not None:
        fig.colorbar(image, ax=axes[:, 0].tolist(), shrink=0.8, label="topic share",
                     pad=0.02)
    fig.suptitle("Topic weight along the running text")
    source_note(fig, _topic_source(unit_topics, "document_topics")
                + " (results/topics-documents.csv)")
    return fig


__all__ += ["plot_topic_model_selection", "plot_topic_terms", "plot_topic_prevalence",
            "plot_topic_flow"]

# --- topics (issue 5): plot functions above this line; extend __all__ here ---

_FRAME_COLOURS = {"security": "#b2182b", "economy": "#2166ac", "multilateralism": "#1b7837"}


def plot_frame_shares(shares, *, by: str = "year", source: str = "") -> Figure:
    """Bar chart of a framing ``shares`` table: share of sentences per frame and group,
    with the Wilson 95% CI as error bars."""
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
    ax.set_title(f"Frame shares by {by} (Wilson 95% CI)")
    ax.legend(title=by, frameon=False)
    source_note(fig, source or "Source: discourse.framing.frame_shares")
    return fig


def plot_validation(validation, *, source: str = "") -> Figure:
    """Dot plot of a framing ``validation`` table: each metric per frame with its
    bootstrap 95% CI; dashed lines at the targets F1 0.85 and kappa 0.80."""
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
    ax.set_ylabel("value (bootstrap 95% CI)")
    ax.set_title("Validation of the frame lexicon against hand coding")
    ax.legend(frameon=False, loc="lower left")
    source_note(fig, source or "Source: discourse.framing.validate; dashed 0.85, dotted 0.80")
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
    with Wilson 95% CIs."""
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
    ax.set_xlabel("share of sentences with the frame (Wilson 95% CI)")
    ax.set_ylabel("year and speaker role")
    ax.set_title("Frames by speaker role")
    ax.legend(frameon=False)
    source_note(fig, source or "Source: discourse.framing.frames_by_role")
    return fig


__all__ += ["plot_frame_shares", "plot_validation", "plot_cooccurrence", "plot_trajectory",
            "plot_roles"]

# --- framing (issue 6): plot functions above this line; extend __all__ here ---
