"""Choosing and trusting a topic model: coherence, stability across seeds, choice of k.

* **Coherence** (:func:`npmi_coherence`, :func:`umass_coherence`): computed on this
  corpus with units as the documents; see the functions for the formulas.
* **Stability** (:func:`align_topics`, :func:`seed_stability`): the runs with seeds
  ``seed + 1, ..., seed + n_seeds - 1`` are aligned to the reference run (``seed``)
  with the Hungarian algorithm maximising the Jaccard overlap of top-10 term sets
  (:func:`discourse.stats.hungarian_match`; Greene, O'Callaghan and Cunningham 2014;
  they resample documents, which ``subsample`` offers, and average Jaccard over list
  depths, which we do not).
* **Top terms** are the terms of non-zero weight only
  (:func:`~discourse.topics.model.top_term_indices`): a narrow NMF topic can have fewer
  than 10, and its coherence and stability are computed on those it has, never on
  zero-weight filler; the tables count such *short* topics (``n_top_terms``,
  ``n_short_topics``), and a topic with fewer than 2 terms has no coherence (NaN).
* **Choice of k** (:func:`select_model`): the evidence on a grid of models and k,
  with stability across seeds and across refits on 80% of the units; the rule that
  uses both is :func:`discourse.topics.stability.suggest_k`.

References
----------
Bouma, G. (2009). Normalized (pointwise) mutual information in collocation
extraction. *Proceedings of GSCL*, 31-40.

Greene, D., O'Callaghan, D. and Cunningham, P. (2014). How many topics? Stability
analysis for topic models. *ECML PKDD 2014*, LNCS 8724, 498-513.

Mimno, D., Wallach, H. M., Talley, E., Leenders, M. and McCallum, A. (2011).
Optimizing semantic coherence in topic models. *Proceedings of EMNLP*, 262-272.

Röder, M., Both, A. and Hinneburg, A. (2015). Exploring the space of topic coherence
measures. *Proceedings of WSDM*, 399-408.
"""

from __future__ import annotations

from statistics import fmean, stdev
from typing import Sequence

import numpy as np
import pandas as pd

from discourse import provenance, stats
from discourse.checks import check_choice
from discourse.stats import jaccard
from discourse.topics.model import (DEFAULT_K, DEFAULT_KS, DEFAULT_MODEL, DEFAULT_SEED,
                                    LDA_MAX_ITER, MODELS, NMF_MAX_ITER,
                                    DocumentTermMatrix, check_k, fit_matrices,
                                    top_term_indices)

__all__ = [
    "npmi_coherence",
    "umass_coherence",
    "jaccard",
    "align_topics",
    "seed_stability",
    "select_model",
    "RESAMPLE_FRACTION",
]

#: Fraction of the units each resampling run is fitted on (Greene et al. 2014).
RESAMPLE_FRACTION = 0.8


def _cooccurrence(topics: Sequence[Sequence[str]], X, terms: np.ndarray):
    index = {t: i for i, t in enumerate(terms)}
    B = (X > 0).astype(np.int64).tocsc() if hasattr(X, "tocsc") else \
        (np.asarray(X) > 0).astype(np.int64)
    for topic in topics:
        missing = [w for w in topic if w not in index]
        if missing:
            raise ValueError(f"term(s) {missing!r} are not in the vocabulary")
        cols = [index[w] for w in topic]
        sub = B[:, cols]
        sub = sub.toarray() if hasattr(sub, "toarray") else sub
        yield sub.T @ sub   # [i, j] = units containing both; diagonal = D(w_i)


def npmi_coherence(topics: Sequence[Sequence[str]], X, terms: Sequence[str]) -> np.ndarray:
    """Mean NPMI of all pairs of each topic's terms, over unit co-occurrence.

    For terms w_i, w_j with D(w) the number of units containing w, D(w_i, w_j) the
    number containing both and N the number of units, P(w) = D(w) / N and

        NPMI(w_i, w_j) = log(P(w_i, w_j) / (P(w_i) P(w_j))) / -log P(w_i, w_j)

    (Bouma 2009), which runs from -1 (never together) through 0 (independent) to 1
    (always together). A topic's coherence is the arithmetic mean over its
    n(n-1)/2 pairs: Röder et al.'s (2015) C_NPMI with one-one segmentation and the
    boolean-document estimate (units as documents) instead of their sliding window.
    **Zero co-occurrence** scores -1, the limit of NPMI as P(w_i, w_j) -> 0 (Bouma),
    not Röder et al.'s epsilon smoothing (with epsilon = 1e-12 that gives nearly -1
    too). Two terms in every unit score 1.

    Parameters
    ----------
    topics : sequence of sequences of str
        The top terms of each topic (e.g. :func:`top_terms`).
    X : array or sparse matrix
        Units x terms counts (only the presence pattern is used).
    terms : sequence of str
        The column names of ``X``.

    Returns
    -------
    numpy.ndarray
        One coherence per topic.

    Examples
    --------
    >>> X = np.array([[1, 1], [1, 1], [1, 0], [0, 0]])   # log(4/3) / log(2)
    >>> npmi_coherence([["a", "b"]], X, ["a", "b"]).round(4).tolist()
    [0.415]
    """
    terms = np.asarray(terms)
    n_units = X.shape[0]
    out = []
    for co in _cooccurrence(topics, X, terms):
        d = np.diag(co).astype(float)
        vals = []
        for i in range(len(d)):
            for j in range(i + 1, len(d)):
                joint = co[i, j] / n_units
                if joint == 0:
                    vals.append(-1.0)
                elif joint == 1:
                    vals.append(1.0)
                else:
                    pmi = np.log(joint / ((d[i] / n_units) * (d[j] / n_units)))
                    vals.append(pmi / -np.log(joint))
        out.append(float(np.mean(vals)) if vals else float("nan"))
    return np.array(out)


def umass_coherence(topics: Sequence[Sequence[str]], X, terms: Sequence[str]) -> np.ndarray:
    """Mean UMass coherence of each topic's ranked terms (Mimno et al. 2011).

    With the terms in rank order v_1 (top), ..., v_M, D(v) the number of units
    containing v and D(v, v') the number containing both:

        C = sum_{m=2..M} sum_{l=1..m-1} log((D(v_m, v_l) + 1) / D(v_l))

    (the +1 avoids log 0). We report C divided by the number of pairs M(M-1)/2, as
    Röder et al. (2015) and gensim do, so that values for different M compare;
    multiply by M(M-1)/2 for Mimno et al.'s sum. Values are <= log(1 + 1/D) and
    usually negative; closer to 0 is more coherent. Natural logarithms.

    Parameters and returns as in :func:`npmi_coherence`.

    Examples
    --------
    >>> X = np.array([[1, 1], [1, 1], [1, 0], [0, 0]])   # log((2 + 1) / 3)
    >>> umass_coherence([["a", "b"]], X, ["a", "b"]).round(4).tolist()
    [0.0]
    >>> umass_coherence([["b", "a"]], X, ["a", "b"]).round(4).tolist()  # log(3 / 2)
    [0.4055]
    """
    terms = np.asarray(terms)
    out = []
    for co in _cooccurrence(topics, X, terms):
        d = np.diag(co).astype(float)
        vals = [np.log((co[m, k] + 1) / d[k]) for m in range(1, len(d)) for k in range(m)]
        out.append(float(np.mean(vals)) if vals else float("nan"))
    return np.array(out)


def align_topics(reference: Sequence[Sequence[str]], other: Sequence[Sequence[str]]
                 ) -> pd.DataFrame:
    """Match each reference topic to one topic of another run (Hungarian algorithm).

    The one-to-one matching maximises the total Jaccard overlap of the topics' term
    sets (``scipy.optimize.linear_sum_assignment``, Kuhn 1955), as in Greene,
    O'Callaghan and Cunningham (2014).

    Parameters
    ----------
    reference, other : sequence of sequences of str
        Top terms per topic of the two runs (topic 1 first), with the same number
        of topics.

    Returns
    -------
    pandas.DataFrame
        ``topic, matched_topic, jaccard``: for each reference topic (from 1), the
        other run's topic it is matched to and their overlap.

    Examples
    --------
    >>> align_topics([["a", "b"], ["c", "d"]], [["c", "d"], ["a", "x"]])
       topic  matched_topic   jaccard
    0      1              2  0.333333
    1      2              1  1.000000
    """
    if len(reference) != len(other):
        raise ValueError(f"the runs have {len(reference)} and {len(other)} topics; "
                         "alignment needs the same number")
    rows, cols, overlap = stats.hungarian_match(stats.jaccard_matrix(reference, other))
    return pd.DataFrame({"topic": rows + 1, "matched_topic": cols + 1, "jaccard": overlap})


def _run_seeds(dtm: DocumentTermMatrix, model: str, k: int, seed: int, n_seeds: int,
               n_top: int, subsample: float | None, start: int = 0):
    """Fit the reference and the other seeds; return per-run top terms and measures.

    Run ``i`` uses seed ``seed + i``; with ``subsample``, runs ``i > 0`` are fitted on
    a random ``subsample`` of the units drawn with the same seed. ``start=1`` skips
    the reference run (to reuse one already fitted).
    """
    n_units = dtm.counts.shape[0]
    runs = []
    for i in range(start, n_seeds):
        s = seed + i
        rows = None
        if subsample is not None and i > 0:
            rng = np.random.default_rng(s)
            rows = np.sort(rng.choice(n_units, size=max(k, round(subsample * n_units)),
                                      replace=False))
        W, H, err, perp, n_iter = fit_matrices(dtm, model, k, s, rows, full=(i == 0))
        runs.append({"seed": s, "top": [list(dtm.terms[idx]) for idx in
                                        top_term_indices(H, n_top, dtm.terms)],
                     "err": err, "perp": perp,
                     "at_max": n_iter >= (NMF_MAX_ITER if model == "nmf" else LDA_MAX_ITER)})
    return runs


def _check_seeds(n_seeds, subsample) -> None:
    if isinstance(n_seeds, bool) or not isinstance(n_seeds, (int, np.integer)) \
            or n_seeds < 2:
        raise ValueError(f"n_seeds={n_seeds!r} must be an integer >= 2")
    if subsample is not None and not 0 < subsample <= 1:
        raise ValueError(f"subsample={subsample!r} must be None or in (0, 1]")


def _mean_defined(values) -> float:
    """Exact mean (:func:`statistics.fmean`) of the values that are not NaN; NaN if none
    (a topic with fewer than two terms has no coherence)."""
    values = [float(v) for v in values if not np.isnan(v)]
    return fmean(values) if values else np.nan


def _sd(values: list[float]) -> float:
    """Sample standard deviation (n - 1), computed exactly by :func:`statistics.stdev`
    (equal values give 0, not rounding noise); NaN for one value."""
    values = [v for v in values if not np.isnan(v)]
    return stdev(values) if len(values) > 1 else np.nan


def _stability_from_runs(runs) -> np.ndarray:
    """Return a (runs - 1) x k matrix of matched Jaccard overlaps."""
    ref = runs[0]["top"]
    return np.array([align_topics(ref, r["top"])["jaccard"].to_numpy() for r in runs[1:]])


@provenance.tracked
def seed_stability(dtm: DocumentTermMatrix, *, model: str = DEFAULT_MODEL,
                   k: int = DEFAULT_K, seed: int = DEFAULT_SEED, n_seeds: int = 10,
                   n_top: int = 10, subsample: float | None = None) -> pd.DataFrame:
    """Per-topic stability of a model across random seeds.

    The reference run uses ``seed`` (it is the run :func:`fit_topics` gives with the
    same arguments); runs with ``seed + 1, ..., seed + n_seeds - 1`` are each aligned
    to it with :func:`align_topics` on their top-``n_top`` term sets, which hold only
    terms of non-zero weight: a topic with fewer is compared on the terms it has (a
    one-term topic can only score 0 or 1), and ``n_top_terms`` says so.

    Parameters
    ----------
    dtm : DocumentTermMatrix
    model, k, seed : see :func:`fit_topics`
    n_seeds : int
        Runs including the reference (at least 2; 10 or more for a report).
    n_top : int
        Top terms compared (10 in Greene et al. 2014).
    subsample : float, optional
        If given, each non-reference run is fitted on this random fraction of the
        units (Greene et al.'s document resampling, e.g. 0.8); default: all units,
        so only the random start varies.

    Returns
    -------
    pandas.DataFrame
        ``topic, stability, sd, min, n_runs, model, k, seed, n_top, n_top_terms,
        subsample``: ``stability`` is the mean matched Jaccard overlap of the reference
        topic over the ``n_seeds - 1`` other runs (1 = the same top terms every time),
        ``sd`` its standard deviation (ddof=1), ``min`` the worst run and
        ``n_top_terms`` the number of the reference topic's top terms, ``n_top`` unless
        the topic has fewer terms of non-zero weight.
    """
    check_choice("model", model, MODELS)
    check_k(k, dtm)
    _check_seeds(n_seeds, subsample)
    runs = _run_seeds(dtm, model, int(k), int(seed), int(n_seeds), n_top, subsample)
    J = _stability_from_runs(runs)
    return pd.DataFrame({
        "topic": np.arange(1, k + 1), "stability": J.mean(axis=0),
        "sd": J.std(axis=0, ddof=1) if len(J) > 1 else np.full(k, np.nan),
        "min": J.min(axis=0), "n_runs": len(J), "model": model, "k": int(k),
        "seed": int(seed), "n_top": n_top,
        "n_top_terms": [len(t) for t in runs[0]["top"]],
        "subsample": np.nan if subsample is None else float(subsample)})


@provenance.tracked
def select_model(dtm: DocumentTermMatrix, *, models: Sequence[str] = MODELS,
                 ks: Sequence[int] = DEFAULT_KS, seed: int = DEFAULT_SEED,
                 n_seeds: int = 10, n_top: int = 10, subsample: float | None = None,
                 resample: float | None = RESAMPLE_FRACTION, progress: bool = True,
                 n_jobs: int = 1) -> pd.DataFrame:
    """Evidence for choosing the model and k: coherence, fit and stability on a grid.

    For each model and k, ``n_seeds`` runs are fitted (seeds ``seed, seed + 1, ...``;
    the first is the reference, see :func:`seed_stability`). Coherence is computed
    for every run's top-``n_top`` terms (of non-zero weight) and averaged over the
    topics that have at least two, then over runs.

    Parameters
    ----------
    dtm : DocumentTermMatrix
    models : sequence of {"nmf", "lda"}
    ks : sequence of int
        The grid (default 2..12). Every k must be in range for ``dtm``.
    seed, n_seeds, n_top, subsample : see :func:`seed_stability`
    resample : float or None
        Fraction of the units each resampling run is fitted on (default
        :data:`RESAMPLE_FRACTION`, 0.8, as in Greene et al. 2014); ``None`` leaves out
        the resampling columns.
    progress : bool
        Show a tqdm progress bar on standard error (turn off in notebooks, whose
        saved outputs must not change between runs).
    n_jobs : int
        Grid cells (model x k) are independent and seeded; with ``n_jobs > 1``
        (``-1``: all cores) :class:`joblib.Parallel` fits them in worker processes,
        each limited to one BLAS thread. The table is the same as with
        ``n_jobs=1`` (a test checks it to the printed precision).

    Returns
    -------
    pandas.DataFrame
        ``model_selection``: one row per model x k with ``model, k, seed, n_seeds,
        n_top, n_units, n_terms, npmi, npmi_sd, umass, umass_sd,
        reconstruction_error, perplexity, stability, stability_sd, stability_min,
        n_short_topics, n_at_max_iter`` (and the resampling columns below).
        ``npmi``/``umass``: mean over runs of the mean topic coherence, ``*_sd``
        their standard deviation over runs; ``reconstruction_error`` (NMF) and
        ``perplexity`` (LDA, in-sample) of the reference run, NaN for the other
        model; ``stability``: mean matched Jaccard over all topics and non-reference
        runs, ``stability_sd`` the SD of the per-run means, ``stability_min`` the
        least stable topic's mean; ``stability_resample``, ``stability_resample_sd``,
        ``stability_resample_min``: the same for the ``n_seeds - 1`` runs each
        fitted on a random ``resample_fraction`` of the units (seed and units vary;
        aligned to the reference run on all units); ``n_short_topics``: topics with
        fewer than ``n_top`` terms of non-zero weight, summed over the ``n_seeds`` runs
        on all units (their coherence and stability are computed on the terms they
        have, see the module docstring); ``n_at_max_iter``: runs that stopped at the
        iteration limit (:data:`NMF_MAX_ITER`; every LDA run, by design, see
        :data:`LDA_MAX_ITER`).

    References
    ----------
    See the module docstring (Bouma 2009; Mimno et al. 2011; Röder et al. 2015;
    Greene, O'Callaghan and Cunningham 2014).
    """
    from tqdm import tqdm

    for m in models:
        check_choice("model", m, MODELS)
    ks = [int(k) for k in ks]
    for k in ks:
        check_k(k, dtm)
    _check_seeds(n_seeds, subsample)
    _check_seeds(n_seeds, resample)
    grid = [(m, k) for m in models for k in ks]
    args = (int(seed), int(n_seeds), n_top, subsample, resample)
    cells = tqdm(grid, desc="topic models", unit="model", disable=not progress)
    if n_jobs == 1:
        rows = [_grid_row(dtm, m, k, *args) for m, k in cells]
    else:
        from joblib import Parallel, delayed

        rows = Parallel(n_jobs=n_jobs, inner_max_num_threads=1)(
            delayed(_grid_row)(dtm, m, k, *args) for m, k in cells)
    return pd.DataFrame(rows)


def _grid_row(dtm: DocumentTermMatrix, m: str, k: int, seed: int, n_seeds: int,
              n_top: int, subsample: float | None, resample: float | None = None) -> dict:
    runs = _run_seeds(dtm, m, k, seed, n_seeds, n_top, subsample)
    extra = {}
    if resample is not None:
        R = _stability_from_runs([runs[0]] + _run_seeds(dtm, m, k, seed, n_seeds, n_top,
                                                        resample, start=1))
        extra = {"stability_resample": float(R.mean()),
                 "stability_resample_sd": float(R.mean(axis=1).std(ddof=1))
                 if len(R) > 1 else np.nan,
                 "stability_resample_min": float(R.mean(axis=0).min()),
                 "resample_fraction": float(resample)}
    # fmean sums exactly (math.fsum): seeds that find the same topics in another order
    # get the same mean, and an sd of 0 rather than rounding noise (1.5e-17)
    # (topics with fewer than two terms have none and are left out)
    npmi = [_mean_defined(npmi_coherence(r["top"], dtm.counts, dtm.terms)) for r in runs]
    umass = [_mean_defined(umass_coherence(r["top"], dtm.counts, dtm.terms)) for r in runs]
    J = _stability_from_runs(runs)
    return {
        "model": m, "k": k, "seed": seed, "n_seeds": n_seeds,
        "n_top": n_top, "n_units": dtm.counts.shape[0], "n_terms": len(dtm.terms),
        "npmi": _mean_defined(npmi), "npmi_sd": _sd(npmi),
        "umass": _mean_defined(umass), "umass_sd": _sd(umass),
        "reconstruction_error": runs[0]["err"], "perplexity": runs[0]["perp"],
        "stability": float(J.mean()),
        "stability_sd": float(J.mean(axis=1).std(ddof=1)) if len(J) > 1 else np.nan,
        "stability_min": float(J.mean(axis=0).min()),
        **extra,
        "n_short_topics": int(sum(len(t) < n_top for r in runs for t in r["top"])),
        "n_at_max_iter": int(sum(r["at_max"] for r in runs))}
