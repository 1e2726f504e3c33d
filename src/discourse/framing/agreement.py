"""Agreement of two 0/1 codings with intervals that never collapse; inter-coder reliability.

* **Intervals** (:func:`agreement_intervals`): every metric gets a percentile interval
  from a paragraph-cluster bootstrap of the 2x2 table
  (:func:`discourse.bootstrap.cluster_bootstrap`) with 0.5 added to each cell of each
  replicate (the pseudo-counts of Jeffreys' (1946) prior; cf. Agresti and Coull 1998 on
  adding pseudo-counts), so that a perfect coder (no false positive or negative) still
  gets an interval below 1; it is widened to contain the estimate where the
  pseudo-counts pull every replicate below it, and to contain an analytic interval
  where narrower: for precision, recall and percent agreement, which are proportions,
  Wilson's (1927) score interval at the effective sample size (the sentences divided by
  the design effect estimated from the resampled paragraphs, with Korn and Graubard's
  1998 adjustment for few of them: :mod:`discourse.clustered_ci`); for Cohen's
  (1960) kappa Donner and Eliasziw's (1992) goodness-of-fit interval (mapped to alpha's
  scale for Krippendorff's (2004) alpha); for F1 Wilson's interval of the Jaccard index
  mapped to F1 (:mod:`discourse.agreement_ci`; these three assume independent
  sentences). The proportions had Wilson's interval alone until 2026-12-04; sentences
  of one paragraph are not independent draws, so it was too narrow wherever a coder's
  errors cluster in paragraphs (``benchmarks/proportion_coverage.py``). In simulations
  of 30-50 independent sentences the bootstrap alone covered kappa in 89-94% of data
  sets at kappa 0.6-0.8 and 48-89% at kappa 0.95, for a nominal 95%; the widened
  interval in 93.7-97.2% (``benchmarks/agreement_coverage.py``, benchmarks/README.md).
  The bootstrap part keeps what the analytic ones for kappa, alpha and F1 ignore, the
  dependence of a paragraph's sentences. The ``interval`` column says which interval
  each row has.
* **Inter-coder reliability** (:func:`intercoder_reliability`,
  :func:`intercoder_disagreements`): two hand codings of the same sentences, per
  frame: percent agreement, kappa and alpha with those intervals, and the list of
  sentence-frames to adjudicate.

References
----------
Agresti, A. and Coull, B. A. (1998). Approximate is better than "exact" for interval
estimation of binomial proportions. *The American Statistician* 52(2), 119-126.
Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational and
Psychological Measurement* 20(1), 37-46.
Donner, A. and Eliasziw, M. (1992). A goodness-of-fit approach to inference procedures
for the kappa statistic: confidence interval construction, significance-testing and
sample size estimation. *Statistics in Medicine* 11(11), 1511-1519.
Hand, D. J., Christen, P. and Kirielle, N. (2021). F*: an interpretable transformation
of the F-measure. *Machine Learning* 110, 451-456.
Jeffreys, H. (1946). An invariant form for the prior probability in estimation
problems. *Proceedings of the Royal Society A* 186, 453-461.
Korn, E. L. and Graubard, B. I. (1998). Confidence intervals for proportions with small
expected number of positive counts estimated from survey data. *Survey Methodology*
24(2), 193-201.
Krippendorff, K. (2004). *Content Analysis: An Introduction to Its Methodology*, 2nd ed.
Sage. (alpha, ch. 11.)
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
inference. *JASA* 22, 209-212.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse import agreement_ci, provenance, stats
from discourse.bootstrap import (ClusterBootstrap, DEFAULT_SEED, cluster_bootstrap,
                                 floored_percentile, percentile_columns)
from discourse.checks import check_codes, check_columns
from discourse.clustered_ci import UNDEFINED, design_units
from discourse.framing.lexicon import FRAMES

__all__ = [
    "AGREEMENT_N_BOOT",
    "DOCUMENTS_RESAMPLED_FROM",
    "PROPORTIONS",
    "UNDEFINED",
    "ANALYTIC",
    "resampler",
    "agreement_intervals",
    "difference_intervals",
    "intercoder_reliability",
    "intercoder_disagreements",
]

#: Default replicates of the agreement bootstraps: endpoints move by at most about
#: 0.003 between seeds, below the two decimals printed (benchmarks/bootstrap_stability.py).
AGREEMENT_N_BOOT = 10000


#: Metrics that are proportions (widened to Wilson's interval at the effective sample size
#: where narrower).
PROPORTIONS = ("precision", "recall", "percent_agreement")
_BOOTSTRAPPED = ("f1", "kappa", "alpha")
#: The analytic interval each bootstrap interval is widened to where narrower, and its name.
ANALYTIC = {
    "f1": (agreement_ci.f1_interval, "the Wilson interval of the Jaccard index mapped to F1 "
           "(assumes independent sentences)"),
    "kappa": (agreement_ci.kappa_interval, "the Donner-Eliasziw interval (assumes "
              "independent sentences)"),
    "alpha": (agreement_ci.alpha_interval, "the Donner-Eliasziw interval mapped to alpha "
              "(assumes independent sentences)"),
}


#: A hand-coded set of at least this many documents has its documents resampled
#: (:func:`resampler`): its interval is about new texts of the kind. With fewer, the
#: percentile interval over so few clusters undercovers (Cameron, Gelbach and Miller
#: 2008; two documents give three distinct resamples), so their paragraphs are resampled
#: within each and the interval is about these texts (the summary says so).
DOCUMENTS_RESAMPLED_FROM = 10


def resampler(rows: pd.DataFrame, clusters: pd.DataFrame | None = None, *,
              id_col: str = "sentence_id", n_boot: int = AGREEMENT_N_BOOT,
              seed: int = DEFAULT_SEED, documents: bool | None = None) -> ClusterBootstrap:
    """The cluster bootstrap of hand-coded sentences (rows in their order).

    Paragraphs are found in ``rows`` or, by ``id_col``, in ``clusters`` (e.g. the
    sentences table). With ``doc_id``: a set of at least
    :data:`DOCUMENTS_RESAMPLED_FROM` documents has its documents resampled, each with
    all its paragraphs (its texts stand for texts of their kind, and their agreement
    varies from text to text: the interval is about new texts of the kind); a set of
    fewer (the study's two texts) has blocks of its consecutive paragraphs resampled
    within each document (:func:`discourse.bootstrap.cluster_bootstrap`), documents
    kept (the interval is about these texts). ``paragraph`` alone:
    paragraphs resampled; neither: sentences resampled one by one. The label says which.
    ``documents=True`` resamples the documents however few they are (e.g. writing
    sessions pooled, each as a ``doc_id``); ``False`` never.
    """
    info = rows[[id_col]]
    if clusters is not None:
        check_columns(clusters, (id_col,), "clusters table")
        keep = [c for c in ("doc_id", "paragraph") if c in clusters]
        info = info.merge(clusters[[id_col, *keep]], on=id_col, how="left",
                          validate="one_to_one")
    else:
        keep = [c for c in ("doc_id", "paragraph") if c in rows]
        info = rows[[id_col, *keep]]
    has_doc = "doc_id" in info and info["doc_id"].notna().all()
    has_par = "paragraph" in info and info["paragraph"].notna().all()
    few = has_doc and (info["doc_id"].nunique() < DOCUMENTS_RESAMPLED_FROM
                       if documents is None else not documents)
    return cluster_bootstrap(info.reset_index(drop=True), n_boot=n_boot, seed=seed,
                             stratum="doc_id" if few else None,
                             document="doc_id" if has_doc else None,
                             paragraph="paragraph" if has_par else None)


def _cells(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """rows x 4 indicators of the cells (tp, fp, fn, tn) with ``a`` as the coder."""
    return np.column_stack([(a == 1) & (b == 1), (a == 1) & (b == 0),
                            (a == 0) & (b == 1), (a == 0) & (b == 0)]).astype(float)


def agreement_intervals(coder: pd.DataFrame, reference: pd.DataFrame, boot: ClusterBootstrap,
                        *, metrics=("precision", "recall", "f1", "kappa", "alpha"),
                        frames=FRAMES, level: float = 0.95) -> pd.DataFrame:
    """Agreement of ``coder`` with ``reference`` per frame, with non-collapsing intervals.

    Parameters
    ----------
    coder, reference : DataFrame
        0/1 columns ``frames``, aligned row by row (the rows ``boot`` resamples).
    boot : ClusterBootstrap
        The resampler of those rows (:func:`resampler`).
    metrics : sequence of str
        From ``precision, recall, percent_agreement, f1, kappa, alpha``, each with the
        bootstrap interval (0.5 per cell) widened to the estimate and to an analytic
        interval where narrower: Wilson's at the effective sample size for the
        proportions (``precision, recall, percent_agreement``;
        :func:`discourse.clustered_ci.effective_wilson_interval`), those of
        :data:`ANALYTIC` for the others. Precision and
        recall take ``coder`` as the prediction and ``reference`` as the truth.
    level : float
        Confidence level.

    Returns
    -------
    DataFrame
        ``frame, metric, value, ci_low, ci_high, interval, n, n_boot, seed``.

    Examples
    --------
    >>> a = pd.DataFrame({"security": [1, 1, 0, 0]})
    >>> boot = resampler(pd.DataFrame({"sentence_id": list("wxyz")}), n_boot=500, seed=1)
    >>> t = agreement_intervals(a, a, boot, metrics=("recall", "f1"), frames=["security"])
    >>> t[["metric", "value"]].values.tolist()
    [['recall', 1.0], ['f1', 1.0]]
    >>> bool((t.ci_low < 1).all())      # a perfect coder is not certain to be perfect
    True
    """
    stats.check_level(level)
    unknown = [m for m in metrics if m not in PROPORTIONS + _BOOTSTRAPPED]
    if unknown:
        raise ValueError(f"metric(s) {unknown} are not among {PROPORTIONS + _BOOTSTRAPPED}")
    if len(coder) != len(reference) or len(coder) != len(boot.row_cluster):
        raise ValueError("coder, reference and the resampler must have the same rows")
    check_codes(coder, frames, "coder")
    check_codes(reference, frames, "reference")
    cells = {f: _cells(np.asarray(coder[f], dtype=int), np.asarray(reference[f], dtype=int))
             for f in frames}
    reps = boot.sums(np.column_stack([cells[f] for f in frames])) + 0.5
    design = design_units(boot)
    label = (f"{boot.label} of the 2x2 table, Jeffreys pseudo-counts (0.5 per cell), "
             "widened to contain the estimate")
    rows = []
    for j, f in enumerate(frames):
        tp, fp, fn, tn = (int(x) for x in cells[f].sum(axis=0))
        n = tp + fp + fn + tn
        point = stats.agreement_scores(tp, fp, fn, tn)
        point["percent_agreement"] = (tp + tn) / n
        cell_reps = reps[:, 4 * j:4 * j + 4]
        draws = stats.agreement_scores(*cell_reps.T)
        draws["percent_agreement"] = (cell_reps[:, 0] + cell_reps[:, 3]) / cell_reps.sum(axis=1)
        for m in metrics:
            value = float(point[m])
            if np.isnan(value):         # undefined: the bootstrap's interval as it is
                lo, hi = (float(x[0]) for x in percentile_columns(draws[m], level))
                how = label
                if m in PROPORTIONS:        # (a proportion without a denominator: none)
                    lo = hi = np.nan
                    how = UNDEFINED
            elif m in PROPORTIONS:
                c = cells[f]                 # the proportion's sentences, and its hits
                rows_of, hit = {"precision": (c[:, 0] + c[:, 1], c[:, 0]),
                                "recall": (c[:, 0] + c[:, 2], c[:, 0]),
                                "percent_agreement": (np.ones(n), c[:, 0] + c[:, 3])}[m]
                floor = design.wilson(hit, rows_of == 1, level)
                lo, hi, how = floored_percentile(draws[m], value, floor[:2], label,
                                                 floor.name, level)
            else:
                interval, name = ANALYTIC[m]
                lo, hi, how = floored_percentile(draws[m], value,
                                                 interval(tp, fp, fn, tn, level), label,
                                                 name, level)
            rows.append({"frame": f, "metric": m, "value": value, "ci_low": float(lo),
                         "ci_high": float(hi), "interval": how, "n": n,
                         "n_boot": boot.n_boot, "seed": boot.seed})
    return pd.DataFrame(rows)


def difference_intervals(coder_a: pd.DataFrame, coder_b: pd.DataFrame,
                         reference: pd.DataFrame, boot: ClusterBootstrap, *,
                         metrics=("f1", "kappa"), frames=FRAMES,
                         level: float = 0.95) -> pd.DataFrame:
    """How much better ``coder_a`` agrees with ``reference`` than ``coder_b`` does.

    A paired comparison: both coders' 2x2 tables with the reference are summed over the
    same resamples (``boot``, with 0.5 added to each cell as in
    :func:`agreement_intervals`), so the interval keeps what the two coders share (the
    same hard sentences, the same paragraphs and texts) instead of treating their
    scores as independent. The interval is the percentile interval of the replicates'
    differences, widened to contain the estimate; there is no analytic floor. Where the
    two coders give the same codes to every sentence, no resample can vary the
    difference (0) and the label says so.

    Parameters
    ----------
    coder_a, coder_b, reference : DataFrame
        0/1 columns ``frames``, aligned row by row (the rows ``boot`` resamples).
    metrics : sequence of str
        From ``precision, recall, f1, kappa, alpha``.

    Returns
    -------
    DataFrame
        ``frame, metric, value`` (``coder_a``'s minus ``coder_b``'s), ``ci_low, ci_high,
        interval, n, n_boot, seed``.

    Examples
    --------
    >>> ref = pd.DataFrame({"security": [1, 1, 0, 0, 1, 0]})
    >>> a, b = ref.copy(), pd.DataFrame({"security": [1, 0, 1, 0, 1, 0]})  # kappa 1, 1/3
    >>> boot = resampler(pd.DataFrame({"sentence_id": list("uvwxyz")}), n_boot=400, seed=1)
    >>> t = difference_intervals(a, b, ref, boot, metrics=("kappa",), frames=["security"])
    >>> round(float(t.value[0]), 3), bool(t.ci_low[0] < t.value[0] <= t.ci_high[0])
    (0.667, True)
    """
    stats.check_level(level)
    unknown = [m for m in metrics if m not in stats.AGREEMENT_METRICS]
    if unknown:
        raise ValueError(f"metric(s) {unknown} are not among {stats.AGREEMENT_METRICS}")
    if not len(coder_a) == len(coder_b) == len(reference) == len(boot.row_cluster):
        raise ValueError("the coders, the reference and the resampler must have the same "
                         "rows")
    for table, name in ((coder_a, "coder_a"), (coder_b, "coder_b"),
                        (reference, "reference")):
        check_codes(table, frames, name)
    label = (f"{boot.label}, paired (both coders' 2x2 tables on the same resamples, "
             "Jeffreys pseudo-counts 0.5 per cell), percentile interval of the "
             "difference, widened to contain the estimate (no analytic floor; its coverage "
             "is not measured)")
    rows = []
    for f in frames:
        ref = np.asarray(reference[f], dtype=int)
        cells = [_cells(np.asarray(c[f], dtype=int), ref) for c in (coder_a, coder_b)]
        reps = boot.sums(np.column_stack(cells)) + 0.5
        point = [stats.agreement_scores(*(int(x) for x in c.sum(axis=0))) for c in cells]
        draws = [stats.agreement_scores(*reps[:, k:k + 4].T) for k in (0, 4)]
        same = bool((np.asarray(coder_a[f]) == np.asarray(coder_b[f])).all())
        for m in metrics:
            value = float(point[0][m] - point[1][m])
            diff = np.asarray(draws[0][m] - draws[1][m], dtype=float)
            how = label + ("; the two coders give the same codes to every sentence, so no "
                           "resample varies the difference" if same else "")
            if np.isnan(value):
                lo, hi = (float(x[0]) for x in percentile_columns(diff[:, None], level))
            else:
                lo, hi, how = floored_percentile(diff, value, (value, value), how, "", level)
            rows.append({"frame": f, "metric": m, "value": value, "ci_low": float(lo),
                         "ci_high": float(hi), "interval": how, "n": len(ref),
                         "n_boot": boot.n_boot, "seed": boot.seed})
    return pd.DataFrame(rows)


def _pair(coder_a, coder_b, id_col, frames):
    for name, t in (("coder_a", coder_a), ("coder_b", coder_b)):
        check_columns(t, (id_col, *frames), f"{name} table")
        if t[id_col].duplicated().any():
            raise ValueError(f"{name} table: repeated {id_col} "
                             f"{t[id_col][t[id_col].duplicated()].iloc[0]!r}")
    only_a = sorted(set(coder_a[id_col]) - set(coder_b[id_col]))
    only_b = sorted(set(coder_b[id_col]) - set(coder_a[id_col]))
    if only_a or only_b:
        raise ValueError("the two codings must cover the same sentences; "
                         f"only in coder_a: {only_a[:5]}, only in coder_b: {only_b[:5]}")
    b = coder_b.set_index(id_col).loc[coder_a[id_col]].reset_index()
    return coder_a.reset_index(drop=True), b


@provenance.tracked
def intercoder_reliability(coder_a: pd.DataFrame, coder_b: pd.DataFrame,
                           clusters: pd.DataFrame | None = None, *,
                           id_col: str = "sentence_id", n_boot: int = AGREEMENT_N_BOOT,
                           seed: int = DEFAULT_SEED, level: float = 0.95,
                           metrics=("percent_agreement", "kappa", "alpha")) -> pd.DataFrame:
    """Agreement between two coders of the same sentences, per frame.

    Parameters
    ----------
    coder_a, coder_b : DataFrame
        ``id_col`` and the three frame columns (0/1), the same ids in both.
    clusters : DataFrame, optional
        ``id_col, doc_id, paragraph`` of the sentences (e.g. the sentences table), for
        the paragraph-cluster bootstrap; default: those columns of ``coder_a`` if it
        has them, else sentences are resampled one by one.
    n_boot, seed, level
        Bootstrap replicates, seed, confidence level.
    metrics : sequence of str
        Among those of :func:`agreement_intervals`; F1 is symmetric in the two coders,
        precision and recall take ``coder_a`` as the prediction.

    Returns
    -------
    DataFrame
        ``frame, metric`` (``percent_agreement``, ``kappa`` (Cohen) and ``alpha``
        (Krippendorff, nominal), each with the interval of :func:`agreement_intervals`:
        bootstrap, widened to an analytic interval where narrower, Wilson's at the
        effective sample size for percent agreement), ``value, ci_low, ci_high,
        interval, n, n_boot, seed``.
    """
    a, b = _pair(coder_a, coder_b, id_col, FRAMES)
    boot = resampler(a, clusters, id_col=id_col, n_boot=n_boot, seed=seed)
    return agreement_intervals(a, b, boot, metrics=metrics, level=level)


@provenance.tracked
def intercoder_disagreements(coder_a: pd.DataFrame, coder_b: pd.DataFrame, *,
                             id_col: str = "sentence_id") -> pd.DataFrame:
    """Every sentence-frame the two coders coded differently, to adjudicate.

    Returns
    -------
    DataFrame
        ``id, frame, coder_a, coder_b, text`` (the text from ``coder_a``, else
        ``coder_b``, else empty), sorted by id and frame.

    Examples
    --------
    >>> a = pd.DataFrame({"sentence_id": ["x", "y"], "security": [1, 0], "economy": 0,
    ...                   "multilateralism": 0, "text": ["War.", "Trade."]})
    >>> intercoder_disagreements(a, a.assign(security=[1, 1])).values.tolist()
    [['y', 'security', 0, 1, 'Trade.']]
    """
    a, b = _pair(coder_a, coder_b, id_col, FRAMES)
    text = a["text"] if "text" in a else b["text"] if "text" in b else pd.Series("", a.index)
    rows = [{"id": a.at[i, id_col], "frame": f, "coder_a": int(a.at[i, f]),
             "coder_b": int(b.at[i, f]), "text": text[i]}
            for f in FRAMES for i in a.index if int(a.at[i, f]) != int(b.at[i, f])]
    cols = ["id", "frame", "coder_a", "coder_b", "text"]
    return pd.DataFrame(rows, columns=cols).sort_values(["id", "frame"], ignore_index=True)
