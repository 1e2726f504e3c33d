"""Which topics to cite and which k to choose: stability across seeds and across resamples.

A topic is worth citing only if it comes back when the model is refitted: with another
random start (*seed stability*) and with part of the texts left out (*resampling
stability*; Greene, O'Callaghan and Cunningham 2014, who refit on 80% of the
documents). :func:`topic_stability` reports both for each topic of the reference fit
(seed ``seed``, all units): runs ``seed + 1 ... seed + n_seeds - 1`` are fitted once on
all units and once on a random :data:`~discourse.topics.evaluation.RESAMPLE_FRACTION`
of them (drawn with the run's seed), and each run's topics are matched to the
reference topics with the Hungarian algorithm on the Jaccard overlap of their top
terms (:func:`discourse.topics.align_topics`). ``citable`` marks the topics whose
resampling stability reaches ``min_resample_stability`` (and seed stability
``min_stability``) and which have a full list of ``n_top`` terms of non-zero weight:
the summary cites only those.

A *short* topic (``n_top_terms < n_top``: a narrow NMF topic whose other weights are
zero) is never citable, whatever its stability. Its overlaps are computed on the
terms it has, not on zero-weight filler, but the thresholds were set for lists of
``n_top`` terms: over fewer terms Jaccard moves in coarse steps (a one-term topic
scores 0 or 1), so a high value says little, and a topic of one or two words is a
word, not a theme.

References
----------
Greene, D., O'Callaghan, D. and Cunningham, P. (2014). How many topics? Stability
analysis for topic models. *ECML PKDD 2014*, LNCS 8724, 498-513.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse import provenance
from discourse.checks import check_choice
from discourse.topics.evaluation import RESAMPLE_FRACTION, seed_stability
from discourse.topics.model import (DEFAULT_K, DEFAULT_MODEL, DEFAULT_SEED, MODELS,
                                    DocumentTermMatrix)

__all__ = ["MIN_STABILITY", "MIN_RESAMPLE_STABILITY", "STABILITY_COLUMNS",
           "topic_stability", "suggest_k"]

#: Thresholds of the rule for k (:func:`suggest_k`) and of a citable topic.
MIN_STABILITY = 0.8
MIN_RESAMPLE_STABILITY = 0.7
#: Columns of the ``topic stability`` table.
STABILITY_COLUMNS = ["topic", "stability", "sd", "min", "stability_resample",
                     "resample_sd", "resample_min", "citable", "n_runs", "model", "k",
                     "seed", "n_top", "n_top_terms", "resample_fraction", "min_stability",
                     "min_resample_stability"]


@provenance.tracked
def topic_stability(dtm: DocumentTermMatrix, *, model: str = DEFAULT_MODEL,
                    k: int = DEFAULT_K, seed: int = DEFAULT_SEED, n_seeds: int = 10,
                    n_top: int = 10, resample: float = RESAMPLE_FRACTION,
                    min_stability: float = MIN_STABILITY,
                    min_resample_stability: float = MIN_RESAMPLE_STABILITY
                    ) -> pd.DataFrame:
    """Seed and resampling stability of each topic of the reference fit.

    Parameters
    ----------
    dtm : DocumentTermMatrix
    model, k, seed : see :func:`discourse.topics.fit_topics`
    n_seeds : int
        Runs including the reference (at least 2; 10 or more for a report).
    n_top : int
        Top terms compared (10 in Greene et al. 2014).
    resample : float
        Fraction of the units each resampling run is fitted on (default 0.8).
    min_stability, min_resample_stability : float
        Thresholds of ``citable`` (the same as the rule for k,
        :func:`discourse.topics.suggest_k`).

    Returns
    -------
    pandas.DataFrame
        ``topic stability`` with :data:`STABILITY_COLUMNS`: ``stability, sd, min``
        across seeds (as :func:`discourse.topics.seed_stability`),
        ``stability_resample, resample_sd, resample_min`` across resamples,
        ``n_top_terms``: the topic's top terms of non-zero weight (at most ``n_top``),
        and ``citable``: both means reach their thresholds and ``n_top_terms`` is
        ``n_top`` (see the module docstring).

    Examples
    --------
    >>> topic_stability(dtm, k=5, n_seeds=10)          # doctest: +SKIP
    """
    check_choice("model", model, MODELS)
    kw = {"model": model, "k": k, "seed": seed, "n_seeds": n_seeds, "n_top": n_top}
    seeds = seed_stability(dtm, **kw)
    res = seed_stability(dtm, subsample=resample, **kw)
    out = seeds.drop(columns=["subsample"]).assign(
        stability_resample=res["stability"].to_numpy(), resample_sd=res["sd"].to_numpy(),
        resample_min=res["min"].to_numpy(), resample_fraction=float(resample),
        min_stability=float(min_stability),
        min_resample_stability=float(min_resample_stability))
    out["citable"] = (out["stability"] >= min_stability) & \
        (out["stability_resample"] >= min_resample_stability) & \
        (out["n_top_terms"] >= n_top)
    return out[STABILITY_COLUMNS].reset_index(drop=True)


def suggest_k(selection: pd.DataFrame, *, model: str = DEFAULT_MODEL,
              min_stability: float = MIN_STABILITY,
              min_resample_stability: float = MIN_RESAMPLE_STABILITY) -> int:
    """Suggest k: the most coherent k that is stable across seeds *and* resamples.

    The rule, stated once: among the rows of ``selection`` for ``model`` whose mean
    seed stability is at least ``min_stability`` (0.8) and whose mean resampling
    stability (``stability_resample``, refits on 80% of the units) is at least
    ``min_resample_stability`` (0.7: a topic that keeps 7 of its top 10 terms
    when a fifth of the texts is left out has overlap 7/13 = 0.54 per topic at
    worst, so 0.7 on average is a clear majority of shared terms), the k with
    the highest mean NPMI (ties: the smaller k). If no k passes both, the k whose
    smaller of the two stabilities is largest. A selection table without
    resampling columns is judged on seed stability alone.

    Parameters
    ----------
    selection : pandas.DataFrame
        A ``model_selection`` table from :func:`select_model`.
    model : {"nmf", "lda"}
    min_stability, min_resample_stability : float
        Thresholds on mean matched Jaccard overlap.

    Returns
    -------
    int
    """
    rows, resample, ok = _rule(selection, model, min_stability, min_resample_stability)
    if ok.empty:
        worst = np.minimum(rows["stability"], resample)
        best = rows.assign(_w=worst).sort_values(["_w", "k"], ascending=[False, True],
                                                 kind="stable")
    else:
        best = ok.sort_values(["npmi", "k"], ascending=[False, True], kind="stable")
    return int(best["k"].iloc[0])


def passing_ks(selection: pd.DataFrame, *, model: str = DEFAULT_MODEL,
               min_stability: float = MIN_STABILITY,
               min_resample_stability: float = MIN_RESAMPLE_STABILITY) -> list[int]:
    """The k of ``selection`` that meet both thresholds of :func:`suggest_k` (sorted);
    empty when its suggestion is the fallback (no k stable enough).

    Examples
    --------
    >>> sel = pd.DataFrame({"model": "nmf", "k": [2, 3], "npmi": [0.1, 0.2],
    ...                     "stability": [0.9, 0.9], "stability_resample": [0.75, 0.5]})
    >>> passing_ks(sel), suggest_k(sel)
    ([2], 2)
    >>> passing_ks(sel.assign(stability_resample=[0.5, 0.6])), suggest_k(
    ...     sel.assign(stability_resample=[0.5, 0.6]))
    ([], 3)
    """
    return sorted(int(k) for k in _rule(selection, model, min_stability,
                                        min_resample_stability)[2]["k"])


def _rule(selection, model, min_stability, min_resample_stability):
    """(rows of ``model``, their resampling stability, the rows meeting both thresholds)."""
    check_choice("model", model, MODELS)
    rows = selection[selection["model"] == model]
    if rows.empty:
        raise ValueError(f"model={model!r} is not in the selection table "
                         f"(it has {sorted(selection['model'].unique())})")
    resample = rows["stability_resample"] if "stability_resample" in rows else \
        rows["stability"]
    ok = rows[(rows["stability"] >= min_stability) & (resample >= min_resample_stability)]
    return rows, resample, ok
