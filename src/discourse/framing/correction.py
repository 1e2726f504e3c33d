"""Frame shares corrected for the coder's errors.

An automatic coder with sensitivity Se < 1 or specificity Sp < 1 biases a share: the
coded share estimates ``p* = Se p + (1 - Sp)(1 - p)``, not the true share ``p``.

* **Rogan-Gladen** (:func:`rogan_gladen`; Rogan and Gladen 1978): ``p = (p* + Sp - 1) /
  (Se + Sp - 1)``, clipped to [0, 1]. Unstable when the Youden index ``J = Se + Sp -
  1`` is small (its variance grows as 1/J^2): rows with ``J <`` :data:`MIN_YOUDEN` are
  flagged. :func:`corrected_shares` estimates Se and Sp from hand-coded sentences
  (pooled over years) and gives a bootstrap interval: in each replicate the corpus is
  resampled (:func:`discourse.bootstrap.cluster_bootstrap`) and Se and Sp come from the
  hand-coded sentences of the paragraphs drawn (hand codes of corpus sentences), or
  the hand-coded set is resampled on its own (a coding sheet, ``hand_clusters``), with
  Jeffreys pseudo-counts (0.5 per cell) in Se and Sp so that an error-free validation
  set still carries its sampling uncertainty (cf. Lang and Reiczigel 2014 on
  intervals for corrected prevalence); never narrower than the corrected Wilson
  interval of the coder share at the effective sample size (:mod:`discourse.clustered_ci`).
* **Se and Sp by year** (:func:`coder_accuracy`): if the coder errs more in one year
  than another, a correction with pooled Se and Sp, and any uncorrected comparison of
  years, is biased; the table says whether they differ.
* **Prediction-powered (difference) estimator** (:func:`prediction_powered_shares`,
  defined in :mod:`discourse.framing.prediction_powered` and available here).

References
----------
Lang, Z. and Reiczigel, J. (2014). Confidence limits for prevalence of disease adjusted
for estimated sensitivity and specificity. *Preventive Veterinary Medicine* 113(1),
13-22.
Rogan, W. J. and Gladen, B. (1978). Estimating prevalence from the results of a
screening test. *American Journal of Epidemiology* 107(1), 71-76.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse import provenance, stats
from discourse.bootstrap import (DEFAULT_N_BOOT, DEFAULT_SEED, cluster_bootstrap,
                                 floored_percentile, no_narrower, percentile_columns, ratio)
from discourse.checks import check_columns
from discourse.clustered_ci import design_units
from discourse.framing.agreement import resampler
from discourse.framing.lexicon import FRAMES
from discourse.framing.prediction_powered import prediction_powered_shares

__all__ = [
    "MIN_YOUDEN",
    "rogan_gladen",
    "coder_accuracy",
    "corrected_shares",
    "prediction_powered_shares",
]

#: Rows whose Youden index Se + Sp - 1 is below this are flagged as unstable.
MIN_YOUDEN = 0.5


def rogan_gladen(share, sensitivity, specificity, *, clip: bool = True) -> np.ndarray:
    """Rogan and Gladen's (1978) corrected share, clipped to [0, 1].

    Parameters
    ----------
    share : array-like
        The coded (apparent) share p*.
    sensitivity, specificity : array-like
        Se and Sp of the coder (broadcast against ``share``).
    clip : bool
        ``False`` gives the value before clipping (to tell whether it was clipped).

    Returns
    -------
    numpy.ndarray
        ``clip((p* + Sp - 1) / (Se + Sp - 1), 0, 1)``, NaN where ``Se + Sp - 1 <= 0``
        (the coder is no better than chance); always an array (0-d for scalars).

    Examples
    --------
    >>> round(float(rogan_gladen(0.30, 0.90, 0.95)), 4)      # (0.30 + 0.95 - 1) / 0.85
    0.2941
    >>> rogan_gladen([0.02, 0.99], 0.9, 0.95).tolist()   # clipped
    [0.0, 1.0]
    >>> rogan_gladen([0.02, 0.99], 0.9, 0.95, clip=False).round(4).tolist()
    [-0.0353, 1.1059]
    """
    p, se, sp = (np.asarray(x, dtype=float) for x in (share, sensitivity, specificity))
    j = se + sp - 1
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(j > 0, (p + sp - 1) / np.where(j > 0, j, 1), np.nan)
    return np.clip(out, 0.0, 1.0) if clip else out


def _hand_rows(codes, hand, clusters, id_col):
    check_columns(hand, (id_col, *FRAMES), "hand table")
    check_columns(codes, (id_col, *FRAMES), "codes table")
    j = hand[[id_col, *FRAMES]].merge(codes[[id_col, *FRAMES]], on=id_col, how="left",
                                      suffixes=("_hand", "_coder"), validate="one_to_one")
    if j[[f"{f}_coder" for f in FRAMES]].isna().any().any():
        raise ValueError("some hand-coded sentences have no coder code")
    if clusters is not None:
        extra = [c for c in ("year", "doc_id", "paragraph") if c in clusters]
        j = j.merge(clusters[[id_col, *extra]], on=id_col, how="left", validate="one_to_one")
    return j.reset_index(drop=True)


def _se_sp_cells(j: pd.DataFrame) -> np.ndarray:
    """rows x (frames x 4) indicators: tp, fn (hand 1), tn, fp (hand 0) per frame."""
    cols = []
    for f in FRAMES:
        h, c = j[f"{f}_hand"].to_numpy(int), j[f"{f}_coder"].to_numpy(int)
        cols += [(h == 1) & (c == 1), (h == 1) & (c == 0), (h == 0) & (c == 0),
                 (h == 0) & (c == 1)]
    return np.column_stack(cols).astype(float)


def _rate_interval(inside, hits, design, replicates: np.ndarray, level: float) -> tuple:
    """The interval of a rate (the share of ``hits`` among the rows ``inside``, a boolean
    mask): the percentile interval of its bootstrap ``replicates`` (NaN where a replicate
    has no sentence of the class, left out), widened to contain the estimate and Wilson's
    score interval at the effective sample size (``design``, the bootstrap's
    :class:`~discourse.clustered_ci.Design`); NaN without sentences."""
    if not inside.any():
        return np.nan, np.nan
    value = hits[inside].mean()
    return floored_percentile(replicates, value, design.wilson(hits, inside, level)[:2],
                              level=level)[:2]


@provenance.tracked
def coder_accuracy(codes: pd.DataFrame, hand: pd.DataFrame, sentences: pd.DataFrame, *,
                   target=None, reference=None,
                   n_boot: int = DEFAULT_N_BOOT, seed: int = DEFAULT_SEED,
                   id_col: str = "sentence_id", level: float = 0.95) -> pd.DataFrame:
    """Sensitivity and specificity of the coder by year, and whether they differ.

    Parameters
    ----------
    codes, hand : DataFrame
        Coder and hand codes (``id_col`` and the frames); every hand-coded sentence
        must be coded.
    sentences : DataFrame
        ``id_col, year, doc_id, paragraph`` of the hand-coded sentences.
    target, reference
        The years compared, resolved by :func:`discourse.stats.comparisons` as the
        frame differences are (default: every later year against the earliest).
    n_boot, seed, level
        The cluster bootstrap of the rates and their differences (blocks of consecutive
        paragraphs within documents, years kept apart) and the confidence level.

    Returns
    -------
    DataFrame
        ``frame, measure`` (sensitivity: share of hand-coded 1 the coder codes 1;
        specificity: share of hand-coded 0 it codes 0), ``year`` ("all" for the
        pooled row), ``k, n, value, ci_low, ci_high`` (the cluster bootstrap's
        percentile interval of the rate, widened to contain the estimate and Wilson's
        score interval at the effective sample size, :mod:`discourse.clustered_ci`),
        ``reference`` (the year compared with, ``"rest"`` for
        the other years pooled; on rows that are no target, the reference every
        comparison shares, else empty), ``difference`` (this year minus the reference),
        ``difference_low, difference_high`` (cluster
        bootstrap percentile interval of the difference of the two rates, replicates
        in which a year has no sentence of the class left out, widened to contain the
        estimate and Newcombe's hybrid score interval from Wilson's at the two years'
        effective sample sizes), ``differs`` ("yes" when that
        interval excludes 0, "no", or "" on the reference and pooled rows),
        ``interval, n_boot, seed``. No pseudo-counts here: they shrink a rate of 1
        towards 1/2 more in the smaller year, so two error-free years would seem to
        differ. The pooled row's rates are the recall (sensitivity) of
        :func:`~discourse.framing.validation.validate` on the same sentences, whose
        interval adds 0.5 to each cell of the 2x2 table (Jeffreys) and so can end
        below 1 where this one reaches it (e.g. 63/64: 0.997 there, 1 here); both
        share the floor, Wilson's interval at the effective sample size. Where the
        coder makes few errors of the kind, the bootstrap's replicates take few values
        (none at all, every replicate 0, where it makes no error in either year), so
        the interval is never narrower than Newcombe's
        (1998, method 10, which keeps its coverage at rates of 0 and 1; here from
        Wilson's intervals at the effective sample sizes,
        :func:`discourse.clustered_ci.effective_newcombe_interval`): it does not
        collapse to a point.

    References
    ----------
    Newcombe, R. G. (1998). Interval estimation for the difference between
    independent proportions: comparison of eleven methods. *Statistics in Medicine*
    17, 873-890.
    """
    j = _hand_rows(codes, hand, sentences, id_col)
    check_columns(j, ("year", "doc_id", "paragraph"), "sentences of the hand codes")
    years = sorted(j["year"].unique().tolist())
    compared = {c.target: c for c in stats.comparisons(years, target, reference, name="year")} \
        if len(years) > 1 or target is not None or reference is not None else {}
    shared = {c.reference for c in compared.values()}
    boot = cluster_bootstrap(j, n_boot=n_boot, seed=seed)
    design = design_units(boot)
    cells = _se_sp_cells(j)
    member = [(j["year"] == y).to_numpy(float) for y in years]
    reps = boot.sums(np.column_stack([cells * m[:, None] for m in member]))
    width = cells.shape[1]
    rows = []
    for fi, f in enumerate(FRAMES):
        for measure, (hit, miss) in (("sensitivity", (0, 1)), ("specificity", (2, 3))):
            def counts(mask):
                k = int((cells[:, 4 * fi + hit] * mask).sum())
                return k, k + int((cells[:, 4 * fi + miss] * mask).sum())

            def rate_rep(group):   # bootstrap rate in these years; NaN without the class
                c = sum(reps[:, years.index(y) * width + 4 * fi:
                             years.index(y) * width + 4 * fi + 4] for y in group)
                return ratio(c[:, hit], c[:, hit] + c[:, miss])

            hits = cells[:, 4 * fi + hit]
            klass = (hits + cells[:, 4 * fi + miss]) == 1      # the measure's sentences
            for label, mask in [("all", np.ones(len(j)))] + list(zip(years, member)):
                k, n = counts(mask)
                lo, hi = _rate_interval(klass & (mask == 1), hits, design,
                                        rate_rep(years if label == "all" else [label]), level)
                comp = compared.get(label) if label != "all" else None
                row = {"frame": f, "measure": measure, "year": label, "k": k, "n": n,
                       "value": k / n if n else np.nan, "ci_low": lo, "ci_high": hi,
                       "reference": comp.reference if comp is not None else
                       (next(iter(shared)) if len(shared) == 1 else ""),
                       "difference": np.nan, "difference_low": np.nan,
                       "difference_high": np.nan, "differs": ""}
                if comp is not None:
                    ref = sum(member[years.index(y)] for y in comp.groups)
                    k0, n0 = counts(ref)
                    d = rate_rep([label]) - rate_rep(comp.groups)
                    d = d[~np.isnan(d)]
                    diff = (k / n if n else np.nan) - (k0 / n0 if n0 else np.nan)
                    if len(d) and not np.isnan(diff):
                        # never narrower than Newcombe's interval (from Wilson's at the
                        # effective sample sizes): with few errors (none, in both years)
                        # resampling paragraphs cannot show the uncertainty, and a point
                        # [0, 0] would claim certainty
                        nlo, nhi, _ = design.newcombe(hits, klass & (mask == 1),
                                                      klass & (ref == 1), level)
                        dlo, dhi, _ = floored_percentile(d, diff, (nlo, nhi), level=level)
                        differs = "yes" if dlo > 0 or dhi < 0 else "no"
                    else:
                        dlo = dhi = np.nan
                        differs = ""
                    row.update(difference=diff, difference_low=dlo, difference_high=dhi,
                               differs=differs)
                rows.append(row)
    out = pd.DataFrame(rows)
    out["interval"] = (f"value and difference: {boot.label}, replicates without the class "
                       "left out, widened to contain the estimate and, the value, Wilson's "
                       "score interval at the effective sample size (Korn and Graubard "
                       "1998), the difference, Newcombe's hybrid score interval from "
                       "Wilson's at the effective sample sizes")
    out["n_boot"], out["seed"] = n_boot, seed
    return out


@provenance.tracked
def corrected_shares(codes: pd.DataFrame, sentences: pd.DataFrame, hand: pd.DataFrame, *,
                     hand_clusters: pd.DataFrame | None = None,
                     n_boot: int = DEFAULT_N_BOOT, seed: int = DEFAULT_SEED,
                     id_col: str = "sentence_id", level: float = 0.95) -> pd.DataFrame:
    """Frame shares by year corrected for coder error (Rogan and Gladen 1978).

    Parameters
    ----------
    codes, sentences : DataFrame
        The coder's codes of every sentence and the sentences table (``year, doc_id,
        paragraph``), as in :func:`discourse.framing.frame_shares`.
    hand : DataFrame
        Hand codes of some or all sentences (``id_col`` and the frames): Se and Sp
        are estimated from them, pooled over years.
    hand_clusters : DataFrame, optional
        ``id_col, doc_id, paragraph`` of the hand-coded sentences when they are a
        sample of their own (for instance a coding sheet, ``id_col`` alone: sentences
        resampled one by one), resampled independently of the corpus. Default: the
        hand-coded sentences are sentences of the corpus, resampled with it.
    n_boot, seed : int
        Bootstrap replicates. Without ``hand_clusters`` one resample of the corpus's
        paragraphs (``seed``) gives in each replicate both the coder's shares and the
        Se and Sp of the hand-coded sentences it drew: the two are estimated from the
        same sentences (on a fully hand-coded corpus, the very same ones), so they
        are resampled together. With ``hand_clusters`` the hand-coded set is resampled
        independently with ``seed + 1``.
    level : float
        Confidence level.

    Returns
    -------
    DataFrame
        ``year, frame, n_sentences, share_coder, n_hand, share_hand`` (share of the
        hand-coded sentences of that year with the frame; NaN if none),
        ``sensitivity, specificity, youden`` (Se + Sp - 1), ``share_corrected``,
        ``clipped`` (the raw correction fell outside [0, 1]), ``flag`` (non-empty
        when the Youden index is below :data:`MIN_YOUDEN`), ``ci_low, ci_high,
        method, n_boot, seed``. An interval is never narrower than the Rogan-Gladen
        correction of Wilson's interval of the coder share at the effective sample size
        (:mod:`discourse.clustered_ci`; a year of two documents, resampled as
        documents, has little to vary); ``method`` says where it was widened.
    """
    stats.check_level(level)
    check_columns(sentences, (id_col, "year", "doc_id", "paragraph"), "sentences table")
    m = sentences[[id_col, "year", "doc_id", "paragraph"]].merge(
        codes[[id_col, *FRAMES]], on=id_col, how="inner", validate="one_to_one")
    j = _hand_rows(codes, hand, None, id_col)
    years = sorted(m["year"].unique().tolist())
    # the coded corpus: per year, sentences and frame sentences, observed and resampled
    corpus_boot = cluster_bootstrap(m, n_boot=n_boot, seed=seed)
    corpus_design = design_units(corpus_boot)
    member = np.column_stack([(m["year"] == y).to_numpy(float) for y in years])
    x = m[list(FRAMES)].to_numpy(float)
    values = np.column_stack([member] + [member * x[:, [fi]] for fi in range(len(FRAMES))])
    reps = corpus_boot.sums(values)
    n_rep = reps[:, :len(years)]
    # the hand-coded set: Se and Sp, observed and resampled (Jeffreys pseudo-counts)
    cells = _se_sp_cells(j)
    obs = cells.sum(axis=0)
    if hand_clusters is None:       # sentences of the corpus: drawn with their paragraphs
        outside = int((~j[id_col].isin(m[id_col])).sum())
        if outside:
            raise ValueError(f"{outside} hand-coded sentence(s) are not in the sentences "
                             "table; pass hand_clusters to resample the hand-coded set on "
                             "its own")
        at = pd.Index(j[id_col]).get_indexer(m[id_col])     # -1: not hand-coded
        placed = np.where((at >= 0)[:, None], cells[at], 0.0)
        hreps = corpus_boot.sums(placed) + 0.5
        design = (f"the corpus ({corpus_boot.design}) with its hand-coded sentences in "
                  "the same replicate (Se and Sp from the hand-coded sentences drawn)")
    else:
        hand_boot = resampler(j, hand_clusters, id_col=id_col, n_boot=n_boot, seed=seed + 1)
        hreps = hand_boot.sums(cells) + 0.5
        design = (f"the corpus ({corpus_boot.design}) and, independently, the hand-coded "
                  f"set ({hand_boot.design}; seed {seed + 1})")
    hand_year = j[[id_col]].merge(sentences[[id_col, "year"]], on=id_col, how="left")["year"]
    method = (f"Rogan-Gladen (1978), Se and Sp from {len(j)} hand-coded sentences pooled "
              f"over years; {level:.0%} percentile interval of {n_boot} bootstrap "
              f"replicates (seed {seed}): {design}, Jeffreys pseudo-counts (0.5 per cell) "
              "in Se and Sp; corrected shares clipped to [0, 1]")
    rows = []
    for fi, f in enumerate(FRAMES):
        tp, fn, tn, fp = obs[4 * fi:4 * fi + 4]
        se = tp / (tp + fn) if tp + fn else np.nan
        sp = tn / (tn + fp) if tn + fp else np.nan
        h = hreps[:, 4 * fi:4 * fi + 4]
        se_rep, sp_rep = h[:, 0] / (h[:, 0] + h[:, 1]), h[:, 2] / (h[:, 2] + h[:, 3])
        for yi, y in enumerate(years):
            n = int(member[:, yi].sum())
            k = int((member[:, yi] * x[:, fi]).sum())
            p = k / n
            p_rep = reps[:, len(years) * (fi + 1) + yi] / n_rep[:, yi]
            lo, hi = percentile_columns(rogan_gladen(p_rep, se_rep, sp_rep), level)
            lo, hi = float(lo[0]), float(hi[0])
            youden = se + sp - 1
            how = method
            if np.isnan(youden):                        # Se or Sp undefined
                lo, hi = np.nan, np.nan
            elif youden > 0 and not np.isnan(lo):
                # never narrower than the coder share's own sampling error: a year of
                # few documents (or one paragraph) gives the resampling little to vary
                share = corpus_design.wilson(x[:, fi], member[:, yi] == 1, level)
                floor = tuple(float(rogan_gladen(b, se, sp)) for b in share[:2])
                lo, hi, how = no_narrower(lo, hi, floor, method, "the Rogan-Gladen "
                                          f"correction of {share.name} (the coder share; "
                                          "Se and Sp taken as known)")
            raw = float(rogan_gladen(p, se, sp, clip=False))
            in_year = (hand_year == y).to_numpy()
            n_hand = int(in_year.sum())
            rows.append({
                "year": y, "frame": f, "n_sentences": n, "share_coder": p,
                "n_hand": n_hand,
                "share_hand": j.loc[in_year, f"{f}_hand"].mean() if n_hand else np.nan,
                "sensitivity": se, "specificity": sp, "youden": youden,
                "share_corrected": float(np.clip(raw, 0.0, 1.0)),
                "clipped": bool(not np.isnan(raw) and not 0 <= raw <= 1),
                "flag": "" if youden >= MIN_YOUDEN else
                "Se or Sp undefined (no hand-coded sentence of one class)"
                if np.isnan(youden) else
                f"Se + Sp - 1 = {youden:.2f} < {MIN_YOUDEN}: the correction is unstable",
                "ci_low": lo, "ci_high": hi, "method": how,
                "n_boot": n_boot, "seed": seed})
    return pd.DataFrame(rows)
