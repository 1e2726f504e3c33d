"""Figures of chapter 02 (keywords): keyness, log-odds, term families, lexical dispersion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discourse.plots.figure import new_figure, source_note

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["plot_keyness", "plot_logodds", "plot_term_families", "plot_lexical_dispersion"]

_KEY_SOURCE = "Source: discourse.keywords; terms from discourse.preprocess.terms"


def plot_keyness(keyness, *, n: int = 15, alpha: float = 0.05, target=None,
                 reference=None, source: str = _KEY_SOURCE) -> Figure:
    """Bar chart of Log Ratio for the top ``n`` terms each way of a ``keyness`` table.

    Terms are the ``n`` largest and ``n`` smallest by signed G2, with the terms tied
    at the cut (:func:`discourse.keywords.key_rows`); bars show Hardie's
    Log Ratio; filled bars have ``p_adjusted < alpha``, hatched bars do not. Each bar
    is annotated with the counts ``target/reference``.
    """
    from discourse.keywords import key_rows

    pos, neg = key_rows(keyness, n)
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
    ties = len(pos) > n or len(neg) > n
    ax.set_title(f"Key terms: {t} vs {ref}, top {n} each way by signed G2"
                 + (" (and the terms tied at the cut)" if ties else "")
                 + f"\nfilled = FDR-adjusted p < {alpha}", fontsize=10)
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
    table = keyness.assign(_f=freq)
    order = table.sort_values(["logodds_z", "term"], kind="stable")
    chosen = pd.concat([order.head(n_labels), order.tail(n_labels)])
    # terms with identical counts share a point: its label names every term there (in
    # the whole table, not only those among the extremes), the first few by name
    at = table.groupby(["_f", "logodds_z"], sort=True)["term"].agg(sorted)
    for f, zz in sorted(set(zip(chosen["_f"], chosen["logodds_z"]))):
        ax.annotate(_point_label(at[(f, zz)]), (f, zz), fontsize=7,
                    xytext=(3, 0), textcoords="offset points", va="center")
    t = "target" if target is None else str(target)
    ref = "reference" if reference is None else str(reference)
    ax.set_xlabel("frequency in target + reference (log scale)")
    prior = str(keyness["logodds_prior"].iloc[0]) if "logodds_prior" in keyness \
        and len(keyness) else "not recorded"
    ax.set_ylabel(f"log-odds z-score ({t} vs {ref})")
    ax.set_title(f"Weighted log-odds with informative Dirichlet prior: {t} vs {ref}\n"
                 f"prior: {prior}", fontsize=10)
    source_note(fig, source + "; Monroe, Colaresi and Quinn (2008)")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def _point_label(terms: list, shown: int = 4) -> str:
    """The label of a point that ``terms`` share: every name, or ``shown`` names and how
    many more terms have the same counts when that saves words (two or more).

    Examples
    --------
    >>> _point_label(list("abcde")), _point_label(list("abcdef"))
    ('a, b, c, d, e', 'a, b, c, d and 2 more with the same counts')
    """
    if len(terms) <= shown + 1:
        return ", ".join(terms)
    return f"{', '.join(terms[:shown])} and {len(terms) - shown} more with the same counts"


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
