"""Figures of chapter 03 (topics): model selection, top terms, prevalence, topic flow."""

from __future__ import annotations

from discourse import results
from discourse.plots.figure import new_figure, pyplot, source_note

__all__ = ["plot_topic_model_selection", "plot_topic_terms", "plot_topic_prevalence",
           "plot_topic_flow"]


def _topic_source(table, what: str) -> str:
    bits = [f"{c}={table[c].iloc[0]}" for c in ("model", "k", "seed")
            if c in table.columns and len(table)]
    return f"Source: discourse.topics.{what}" + (f" ({', '.join(bits)})" if bits else "")


#: How a topic below the stability thresholds is marked in a figure.
NOT_CITABLE = " [unstable: not citable]"
#: How a topic with fewer than ``n_top`` terms of non-zero weight is marked instead.
SHORT_TOPIC = " [{n} of {n_top} terms: not citable]"


def _topic_titles(topics_: list[int], labels, width: int = 0,
                  stability=None) -> dict[int, str]:
    """Panel titles: 'Topic t: label'; a stale label is not shown, the title says so;
    with the ``stability`` table, topics whose ``citable`` is false marked
    :data:`NOT_CITABLE`, or :data:`SHORT_TOPIC` if they have fewer than ``n_top`` terms
    of non-zero weight (``n_top_terms``; never citable, whatever their stability).

    With ``width`` > 0 the titles are wrapped at that many characters.
    """
    import textwrap

    out = {t: f"Topic {t}" for t in topics_}
    for row in (labels.itertuples(index=False) if labels is not None else ()):
        if row.topic in out and row.status == "ok" and row.label:
            out[row.topic] = f"Topic {row.topic}: {row.label}"
        elif row.topic in out and row.status == "stale" and row.label:
            # the stored label was written for another model's topic of this number:
            # not shown as this topic's name (a walkthrough after changing K)
            out[row.topic] = f"Topic {row.topic} [stored label stale, not shown]"
    if stability is not None:
        counted = {"n_top_terms", "n_top"} <= set(stability.columns)
        for r in stability.itertuples(index=False):
            if int(r.topic) in out and counted and r.n_top_terms < r.n_top:
                out[int(r.topic)] += SHORT_TOPIC.format(n=int(r.n_top_terms),
                                                        n_top=int(r.n_top))
            elif int(r.topic) in out and not bool(r.citable):
                out[int(r.topic)] += NOT_CITABLE
    if width:
        out = {t: "\n".join(textwrap.wrap(v, width)) for t, v in out.items()}
    return out


def _stability_note(stability) -> str:
    """The source note's account of the citable topics (empty without the table)."""
    if stability is None:
        return ""
    n, k = int(stability["citable"].astype(bool).sum()), len(stability)
    return (f"; {n} of {k} topics stable enough to cite "
            f"({results.TOPICS_STABILITY.ref}, column citable)")


def plot_topic_model_selection(selection):
    """Coherence (NPMI, UMass) and stability against k, one line per model.

    The stability panel shows both stabilities the rule for k and the citable topics
    use (:func:`discourse.topics.suggest_k`): across seeds (solid) and across refits
    on resampled units (dashed, where the table has ``stability_resample``), with
    their thresholds (dotted, :data:`discourse.topics.stability.MIN_STABILITY` and
    ``MIN_RESAMPLE_STABILITY``).

    Parameters
    ----------
    selection : pandas.DataFrame
        The ``model_selection`` table of :func:`discourse.topics.select_model`.
        Error bars: +/- one standard deviation over seeds (stabilities: cut at 0 and 1,
        the range of a Jaccard overlap).
    """
    from discourse.topics.stability import MIN_RESAMPLE_STABILITY, MIN_STABILITY

    fig, axes = new_figure(figsize=(11.0, 4.2), ncols=3)
    panels = (("npmi", "npmi_sd", "NPMI coherence (mean over topics)"),
              ("umass", "umass_sd", "UMass coherence (mean over pairs)"),
              ("stability", "stability_sd", "stability (mean matched Jaccard, top 10)"))
    styles = {"nmf": ("#1f77b4", "o"), "lda": ("#d62728", "s")}
    resample = "stability_resample" in selection and \
        selection["stability_resample"].notna().any()
    for ax, (col, sd, label) in zip(axes, panels):
        lines = [(col, sd, "", "-")]
        if col == "stability" and resample:
            lines.append(("stability_resample", "stability_resample_sd", ", resampled",
                          "--"))
        for model, g in selection.groupby("model", sort=True):
            g = g.sort_values("k")
            color, marker = styles.get(model, ("0.3", "^"))
            for c, s, suffix, ls in lines:
                err = g[s].fillna(0)
                if c.startswith("stability"):           # a Jaccard overlap lies in [0, 1]
                    err = [err.clip(upper=g[c]), err.clip(upper=1 - g[c])]
                ax.errorbar(g["k"], g[c], yerr=err, color=color, marker=marker,
                            markersize=4, capsize=2, linewidth=1.2, linestyle=ls,
                            label=model.upper() + suffix)
        ax.set_xlabel("number of topics k")
        ax.set_ylabel(label, fontsize=8)
        ax.set_xticks(sorted(selection["k"].unique()))
    axes[2].set_ylim(0, 1.05)
    for level in (MIN_STABILITY, MIN_RESAMPLE_STABILITY) if resample else (MIN_STABILITY,):
        axes[2].axhline(level, color="0.5", linewidth=0.8, linestyle=":")
    axes[0].legend(fontsize=8, frameon=False)
    if resample:
        axes[2].legend(fontsize=7, frameon=False, loc="lower left")
    n = int(selection["n_seeds"].iloc[0]) if len(selection) else 0
    fig.suptitle(f"Choosing k: coherence and stability over {n} seeds"
                 + (" and resampled refits" if resample else "") + " (bars: +/- 1 SD)")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    source_note(fig, "Source: discourse.topics.select_model "
                     f"({results.TOPICS_MODEL_SELECTION.ref})")
    return fig


def plot_topic_terms(terms, labels=None, stability=None):
    """Top terms of each topic as horizontal bars of their weight.

    Parameters
    ----------
    terms : pandas.DataFrame
        The ``topic terms`` table of :func:`discourse.topics.topic_terms`.
    labels : pandas.DataFrame, optional
        The table of :func:`discourse.topics.check_labels`; a stale label is not
        shown (the title says ``[stored label stale, not shown]``).
    stability : pandas.DataFrame, optional
        The table of :func:`discourse.topics.topic_stability`: topics that are not
        ``citable`` are marked ``[unstable: not citable]`` (or ``[n of 10 terms: not
        citable]`` when fewer than 10 terms have non-zero weight: fewer bars).
    """
    topics_ = sorted(int(t) for t in terms["topic"].unique())
    ncols = min(3, max(len(topics_), 1))
    nrows = -(-len(topics_) // ncols) if topics_ else 1
    fig, axes = new_figure(figsize=(4.0 * ncols, 0.6 + 2.6 * nrows), nrows=nrows,
                           ncols=ncols, squeeze=False)
    titles = _topic_titles(topics_, labels, width=42, stability=stability)
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
    source_note(fig, _topic_source(terms, "topic_terms") + f" ({results.TOPICS_TERMS.ref})"
                + _stability_note(stability))
    return fig


def plot_topic_prevalence(prevalence, labels=None, stability=None):
    """Mean topic share per year with bootstrap intervals.

    Parameters
    ----------
    prevalence : pandas.DataFrame
        The table of :func:`discourse.topics.prevalence_table` (its ``mean`` rows are
        drawn) or of :func:`discourse.topics.prevalence_by_year`.
    labels : pandas.DataFrame, optional
        The table of :func:`discourse.topics.check_labels`.
    stability : pandas.DataFrame, optional
        As in :func:`plot_topic_terms`.
    """
    p = prevalence
    if "measure" in p.columns:
        p = p[p["measure"] == "mean"].rename(columns={"estimate": "mean"})
    topics_ = sorted(int(t) for t in p["topic"].unique())
    years = sorted(int(y) for y in p["year"].unique())
    fig, ax = new_figure(figsize=(8.0, 1.2 + 0.55 * len(topics_) * max(1, len(years)) ** 0.5))
    # tab10's colours, each legible on white (viridis ended in a pale yellow)
    cmap = pyplot().get_cmap("tab10")
    step = 0.7 / max(len(years), 1)
    for i, year in enumerate(years):
        g = p[p["year"] == year].set_index("topic").loc[topics_]
        y = [topics_.index(t) + (i - (len(years) - 1) / 2) * step for t in topics_]
        color = cmap(i % 10) if len(years) > 1 else "#1f77b4"
        ax.errorbar(g["mean"], y, xerr=[g["mean"] - g["ci_low"], g["ci_high"] - g["mean"]],
                    fmt="o", color=color, capsize=2, markersize=4,
                    label=f"{year} (n = {int(g['n_units'].iloc[0])})")
    titles = _topic_titles(topics_, labels, width=34, stability=stability)
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
                + f" ({results.TOPICS_PREVALENCE.ref})" + _intervals(p)
                + _stability_note(stability))
    return fig


def _intervals(table) -> str:
    """How the intervals of ``table`` were made, from its ``interval`` column: the one
    design, or each year's where they differ (a block length per document); "" without
    the column."""
    if "interval" not in table.columns or not len(table):
        return ""
    years = table.drop_duplicates(["year", "interval"]).sort_values("year", kind="stable")
    kinds = list(dict.fromkeys(years["interval"].astype(str)))
    if len(kinds) == 1:
        return f"; intervals: {kinds[0]}"
    return "; intervals: " + "; ".join(f"{r.year}: {r.interval}" for r in years.itertuples())


def plot_topic_flow(unit_topics, labels=None, stability=None):
    """Topic shares along the running text of each document (one heat map per document).

    Parameters
    ----------
    unit_topics : pandas.DataFrame
        The ``unit topics`` table of :func:`discourse.topics.document_topics`.
    labels : pandas.DataFrame, optional
        The table of :func:`discourse.topics.check_labels`.
    stability : pandas.DataFrame, optional
        As in :func:`plot_topic_terms`.
    """
    import numpy as np

    docs = list(dict.fromkeys(unit_topics["doc_id"]))
    topics_ = sorted(int(t) for t in unit_topics["topic"].unique())
    fig, axes = new_figure(figsize=(10.0, 0.8 + (0.9 + 0.3 * len(topics_)) * len(docs)),
                           nrows=len(docs), squeeze=False)
    fig.subplots_adjust(left=0.25, right=0.95, hspace=0.5, bottom=0.12)
    titles = _topic_titles(topics_, labels, width=34, stability=stability)
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
                + f" ({results.TOPICS_DOCUMENTS.ref})" + _stability_note(stability))
    return fig
