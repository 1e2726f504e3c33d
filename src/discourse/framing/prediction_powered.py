"""Frame shares by the prediction-powered (difference) estimator, stratified.

:func:`prediction_powered_shares` (Angelopoulos et al. 2023): the coder's mean over all
sentences plus the mean of (hand - coder) over a random sample of hand-coded sentences,
stratified by the sampling strata, with a standard error whose rectifier term has 0.5
added to each cell of the sample's hand x coder table (Agresti and Min 2005), so that a
sample without coder errors still carries its sampling uncertainty; estimate and interval
clipped to [0, 1]. With the sentences' paragraphs (``unit``) the coder term's variance is
multiplied by Kish's design effect of the paragraphs (of the documents, given
``document``, in a stratum of several) and the interval uses Student's t with those units
minus one as degrees of freedom in a stratum's row, the units minus the strata in the
whole's (as :mod:`discourse.clustered_ci`);
without, a normal interval that assumes independent sentences. Also available from
:mod:`discourse.framing.correction`.

References
----------
Agresti, A. and Min, Y. (2005). Simple improved confidence intervals for comparing
matched proportions. *Statistics in Medicine* 24(5), 729-740.
Angelopoulos, A. N., Bates, S., Fannjiang, C., Jordan, M. I. and Zrnic, T. (2023).
Prediction-powered inference. *Science* 382(6671), 669-674.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse import provenance, stats
from discourse.checks import check_codes, check_columns
from discourse.clustered_ci import design_effect, t_value
from discourse.few_documents import several_documents
from discourse.framing.lexicon import FRAMES

__all__ = ["prediction_powered_shares"]


def _stratum_terms(coder: np.ndarray, hand: np.ndarray, coder_sample: np.ndarray,
                   deff: float = 1.0):
    """(coder mean, rectifier, variance of theta_h) of one stratum; see the docstring."""
    big_n, n = len(coder), len(hand)
    var_coder = deff * coder.var(ddof=1) / big_n if big_n > 1 else 0.0
    if not n:
        return float(coder.mean()), np.nan, np.nan
    missed = float(((hand == 1) & (coder_sample == 0)).sum())       # hand - coder = +1
    extra = float(((hand == 0) & (coder_sample == 1)).sum())        # hand - coder = -1
    up, down = (missed + 0.5) / (n + 2), (extra + 0.5) / (n + 2)    # Agresti and Min
    var_delta = up + down - (up - down) ** 2
    return (float(coder.mean()), float((hand - coder_sample).mean()),
            float(var_coder + var_delta / (n + 2)))


@provenance.tracked
def prediction_powered_shares(coded: pd.DataFrame, sample: pd.DataFrame, *,
                              stratum: str = "stratum", id_col: str = "id",
                              unit: str | None = None, document: str | None = None,
                              level: float = 0.95) -> pd.DataFrame:
    """Frame shares by the prediction-powered (difference) estimator, stratified.

    In stratum h with N_h coded sentences and a simple random sample of n_h of them
    coded by hand, with ``d = hand - coder`` on the sample (+1 where the coder missed
    the frame, -1 where it coded it wrongly, else 0):

    * estimate: ``theta_h = mean_N(coder) + mean_n(d)`` (Angelopoulos et al. 2023,
      the mean estimator; the ``rectifier`` is ``mean_n(d)``);
    * variance: ``se_h^2 = var_N(coder) / N_h + v_h``, the superpopulation form of
      Angelopoulos et al. (2023) (sample variance, ddof 1, of the coder over the N_h
      sentences). ``v_h`` is the variance of ``mean_n(d)`` by Agresti and Min's
      (2005) adjusted Wald interval for matched proportions: 0.5 added to each cell
      of the sample's hand x coder table, ``u = (missed + 0.5) / (n_h + 2)``, ``l =
      (wrong + 0.5) / (n_h + 2)``, ``v_h = (u + l - (u - l)^2) / (n_h + 2)``. The
      plain sample variance of ``d`` is 0 when the sample holds no coder error,
      which would treat the coder as perfect however few sentences were checked;
      with the pseudo-counts a sample of 2 error-free sentences gives ``v = 1/16``,
      one of 50 gives ``1/52^2``. (Jeffreys-type, as the package's agreement
      intervals add 0.5 per cell; :mod:`discourse.framing.agreement`.)

    Over strata, with ``W_h = N_h / N``: ``theta = sum W_h theta_h`` and ``se^2 = sum
    W_h^2 se_h^2``. Without ``unit`` the interval is ``theta +- z se``; it treats
    sentences as independent draws (sentences of one paragraph are not), so it is too
    narrow where codes cluster. With ``unit`` (the paragraph of each coded sentence)
    ``var_N(coder)`` is multiplied by Kish's (1965) design effect of the coder's codes
    over those units in the stratum (:func:`discourse.clustered_ci.design_effect`, at
    least 1) and the interval is ``theta +- t_df se``, ``df`` = the stratum's units
    minus one for its row, units minus strata for the whole (Korn and Graubard 1998 make
    the same adjustment; a stratum of one unit gets no interval, NaN). With ``document``
    too, a stratum of several documents has its documents as the units (paragraphs of
    one text are not independent draws of text: as the chapters' intervals resample
    whole documents where a year has several, :func:`discourse.clustered_ci.design_units`),
    a stratum of one document its paragraphs; the rectifier's
    sentences, a random sample of sentences, stay
    independent draws. The formula is written for a hand-coded
    set drawn independently of the N coded sentences; here the sample is part of
    them, which adds ``2 cov(coder, d) / N_h`` to the variance of ``theta_h``, a
    term never positive for 0/1 codes (``cov(coder, d) = var(coder) (P(hand = 1 |
    coder = 1) - P(hand = 1 | coder = 0) - 1) <= 0``): the SE errs on the wide side.
    For the share of these very N sentences (a finite population, the coder's mean
    known exactly) only the ``d`` term would remain, times ``1 - n_h / N_h``.

    Estimate and interval are reported in [0, 1]: both are clipped, the estimate as
    ``clip(theta, 0, 1)`` (``clipped`` says where the raw ``coder_mean +
    rectifier`` fell outside), the interval as ``clip(theta +- z se, 0, 1)``, so the
    estimate always lies in its interval. The "all" row combines the unclipped
    stratum estimates.

    Parameters
    ----------
    coded : DataFrame
        The coder's codes of every sentence: ``id_col, stratum`` and the frames.
    sample : DataFrame
        The hand-coded sample: ``id_col``, the frames (hand codes); the coder's codes
        and strata are taken from ``coded`` by id. Codes must be 0 or 1.
    stratum : str
        The stratum column of ``coded`` (e.g. ``"year"``).
    unit : str, optional
        A column of ``coded`` naming each sentence's cluster (its paragraph, unique
        across documents); default: none, sentences independent.
    document : str, optional
        A column of ``coded`` naming each sentence's document; with ``unit``, the units
        of a stratum of several documents are its documents. Default: none, the
        ``unit`` everywhere.
    level : float
        Confidence level.

    Returns
    -------
    DataFrame
        ``stratum`` (each stratum, then "all"; a single stratum is the whole, so only
        "all"), ``frame, N, n, coder_mean, rectifier``
        (mean of hand - coder), ``estimate`` (clipped to [0, 1]), ``clipped``, ``se``
        (of the unclipped estimate), ``ci_low, ci_high, method``. A stratum with no
        hand-coded sentence has NaN rectifier, estimate, SE and interval (and so has
        "all").

    References
    ----------
    Agresti, A. and Min, Y. (2005). Simple improved confidence intervals for
    comparing matched proportions. *Statistics in Medicine* 24(5), 729-740.
    Angelopoulos, A. N., Bates, S., Fannjiang, C., Jordan, M. I. and Zrnic, T. (2023).
    Prediction-powered inference. *Science* 382(6671), 669-674.

    Examples
    --------
    >>> coded = pd.DataFrame({"id": list("abcd"), "stratum": "s", "security": [1, 1, 0, 0],
    ...                       "economy": 0, "multilateralism": 0})
    >>> sample = pd.DataFrame({"id": ["a", "c"], "security": [1, 1], "economy": 0,
    ...                        "multilateralism": 0})
    >>> t = prediction_powered_shares(coded, sample)
    >>> t.loc[0, ["coder_mean", "rectifier", "estimate"]].tolist()   # 0.5 + (0 + 1) / 2
    [0.5, 0.5, 1.0]
    """
    z = stats.z_value(level)
    document = document if unit else None
    check_columns(coded, (id_col, stratum, *FRAMES, *([unit] if unit else []),
                          *([document] if document else [])), "coded table")
    # the units of each stratum: its documents where it has several, else ``unit``
    several = coded[stratum].isin(several_documents(coded[stratum], coded[document])) \
        if document else pd.Series(False, index=coded.index)
    units = None if not unit else coded[unit] if not document else \
        coded[document].where(several, coded[unit])
    check_columns(sample, (id_col, *FRAMES), "sample table")
    check_codes(coded, FRAMES, "coded table")
    check_codes(sample, FRAMES, "sample table")
    s = sample[[id_col, *FRAMES]].merge(coded[[id_col, stratum, *FRAMES]], on=id_col,
                                        how="left", suffixes=("_hand", ""),
                                        validate="one_to_one")
    if s[stratum].isna().any():
        raise ValueError("some sampled ids are not among the coded sentences")
    total = len(coded)
    rows = []
    for f in FRAMES:
        parts = []
        for h, part in coded.groupby(stratum, sort=True):
            sp = s[s[stratum] == h]
            deff, df = design_effect(part[f], np.zeros(len(part)), units.loc[part.index]) \
                if unit else (1.0, 0)
            terms = _stratum_terms(part[f].to_numpy(float), sp[f"{f}_hand"].to_numpy(float),
                                   sp[f].to_numpy(float), deff)
            parts.append((h, len(part), len(sp), *terms, df))
        # a stratum's row: its own units minus one as df; the whole: their sum
        for h, big_n, n, cm, rect, var, df in parts if len(parts) > 1 else ():
            rows.append((h, f, big_n, n, cm, rect, cm + rect, np.sqrt(var),
                         _quantile(level, df, unit, z)))
        w = np.array([p[1] for p in parts]) / total
        cm = float(sum(wi * p[3] for wi, p in zip(w, parts)))
        rect = float(sum(wi * p[4] for wi, p in zip(w, parts)))
        var = float(sum(wi ** 2 * p[5] for wi, p in zip(w, parts)))
        dfs = sum(p[6] for p in parts)
        rows.append(("all", f, total, len(s), cm, rect, cm + rect, np.sqrt(var),
                     _quantile(level, dfs, unit, z)))
    out = pd.DataFrame(rows, columns=[stratum, "frame", "N", "n", "coder_mean", "rectifier",
                                      "raw", "se", "q"])
    out.insert(6, "estimate", np.clip(out.raw, 0, 1))
    out.insert(7, "clipped", (out.raw < 0) | (out.raw > 1))
    q = out.pop("q")
    out["ci_low"] = np.clip(out.raw - q * out.se, 0, 1)
    out["ci_high"] = np.clip(out.raw + q * out.se, 0, 1)
    how = (f"Student's t {level:.0%} interval with the units minus one as df (the whole: "
           "units minus strata), "
           f"var_N(coder) multiplied by Kish's design effect of the units ("
           + (f"{document}: the documents where a {stratum} has several, else {unit}"
              if several.any() else unit)
           + "; at least 1), the sampled sentences independent" if unit else
           f"normal {level:.0%} interval (assumes independent sentences)")
    out["method"] = (f"prediction-powered difference estimator (Angelopoulos et al. 2023), "
                     f"stratified by {stratum}; {how}, se^2 = var_N(coder)/N + var(hand - "
                     "coder)/(n + 2) with 0.5 added to each cell of the sample's hand x "
                     "coder table (Agresti and Min 2005), the superpopulation form "
                     "(conservative as the sample is part of the N); estimate and "
                     "interval clipped to [0, 1]")
    return out.drop(columns="raw")


def _quantile(level: float, df: int, unit, z: float) -> float:
    """Student's t quantile with ``df`` where units are given (NaN, so no interval,
    for a single unit: it cannot show its own variance), else the normal ``z``."""
    return z if not unit else t_value(level, df) if df else np.nan
