"""The tables of a fitted topic model: top terms, unit-topic shares, typical passages.

Each function takes a :class:`~discourse.topics.model.TopicFit` and returns a tidy
table carrying the model, k and seed of the fit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse import provenance
from discourse.topics.model import TopicFit, top_term_indices

__all__ = ["topic_terms", "document_topics", "representative_passages"]


def _provenance(fit: TopicFit) -> dict:
    return {"model": fit.model, "k": fit.k, "seed": fit.seed}


@provenance.tracked
def topic_terms(fit: TopicFit, n: int = 10) -> pd.DataFrame:
    """Return the ``topic terms`` table: the top ``n`` terms of each topic.

    Only terms of non-zero weight are listed
    (:func:`~discourse.topics.model.top_term_indices`), so a narrow NMF topic can have
    fewer than ``n`` rows (an all-zero topic none).

    Returns
    -------
    pandas.DataFrame
        ``topic, rank, term, weight, model, k, seed``; ``weight`` is the term's share
        of the topic's normalised term distribution (rows of H for NMF, of the
        variational topic-word parameters for LDA, scaled to sum to 1), always > 0.
    """
    rows = []
    for t, idx in enumerate(top_term_indices(fit.topic_term, n, fit.dtm.terms), start=1):
        for r, j in enumerate(idx, start=1):
            rows.append((t, r, fit.dtm.terms[j], float(fit.topic_term[t - 1, j])))
    out = pd.DataFrame(rows, columns=["topic", "rank", "term", "weight"])
    return out.assign(**_provenance(fit))


@provenance.tracked
def document_topics(fit: TopicFit) -> pd.DataFrame:
    """Return the ``unit topics`` table: each unit's share of each topic (long form).

    Returns
    -------
    pandas.DataFrame
        ``unit_id, doc_id, year, position, role, topic, weight, model, k, seed``,
        sorted by corpus order, then topic; weights of a unit sum to 1.
    """
    u = fit.dtm.units
    k = fit.k
    out = pd.DataFrame({
        "unit_id": np.repeat(u["unit_id"].to_numpy(), k),
        "doc_id": np.repeat(u["doc_id"].to_numpy(), k),
        "year": np.repeat(u["year"].to_numpy(), k),
        "position": np.repeat(u["position"].to_numpy(), k),
        "role": np.repeat(u["role"].to_numpy(), k),
        "topic": np.tile(np.arange(1, k + 1), len(u)),
        "weight": fit.doc_topic.ravel(),
    })
    return out.assign(**_provenance(fit))


@provenance.tracked
def representative_passages(fit: TopicFit, n: int = 3, *, min_terms: int = 5
                            ) -> pd.DataFrame:
    """Return the ``n`` units with the highest share of each topic.

    Parameters
    ----------
    fit : TopicFit
    n : int
        Passages per topic.
    min_terms : int
        Only units with at least this many vocabulary terms are eligible, so that a
        three-word question with a share of 1.0 does not stand for a topic.

    Returns
    -------
    pandas.DataFrame
        ``topic, rank, unit_id, doc_id, year, role, weight, n_terms, text, model, k,
        seed``; ties in weight are broken by unit id.
    """
    n_terms = np.asarray(fit.dtm.counts.sum(axis=1)).ravel()
    u = fit.dtm.units.assign(n_terms=n_terms)
    rows = []
    for t in range(fit.k):
        cand = u.assign(weight=fit.doc_topic[:, t])[u["n_terms"].to_numpy() >= min_terms]
        cand = cand.assign(_w=cand["weight"].round(12)).sort_values(
            ["_w", "unit_id"], ascending=[False, True], kind="stable").head(n)
        for r, row in enumerate(cand.itertuples(index=False), start=1):
            rows.append((t + 1, r, row.unit_id, row.doc_id, row.year, row.role,
                         float(row.weight), int(row.n_terms), row.text.replace("\n", " ")))
    out = pd.DataFrame(rows, columns=["topic", "rank", "unit_id", "doc_id", "year", "role",
                                      "weight", "n_terms", "text"])
    return out.assign(**_provenance(fit))
