"""Figures of chapter 01 (corpus)."""

from __future__ import annotations

from discourse import results
from discourse.plots.figure import new_figure, source_note

__all__ = ["corpus_structure"]


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
    source_note(fig, f"Source: discourse.corpus.describe ({results.CORPUS_SUMMARY.ref})")
    return fig
