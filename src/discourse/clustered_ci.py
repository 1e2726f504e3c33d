"""The interval of a proportion whose sentences come in paragraphs: Wilson's score interval
at the effective sample size.

Wilson's (1927) interval assumes independent sentences. Sentences of one paragraph (or
document) are not: where a coder's errors cluster, the proportion varies more than
``p (1 - p) / n`` says. The design effect (Kish 1965) is the ratio of the proportion's
variance under the sampling design to that of ``n`` independent sentences; here it is
estimated from the totals of the units the package's cluster bootstrap resamples
(:func:`discourse.bootstrap.cluster_bootstrap`: paragraphs within a stratum's one
document, taken here as independent units although the bootstrap draws them in blocks
of consecutive ones, whole documents within a stratum that has several) by the linearisation
(with-replacement, "ultimate cluster") variance of a ratio, taken as at least 1 so
that the interval is never narrower than Wilson's. The effective sample size ``n /
deff`` replaces ``n`` in Wilson's formula and, with few units, is shrunk further by
``(z / t_df)^2``, ``df`` = units minus strata (Korn and Graubard 1998, who make the same
two adjustments to the Clopper-Pearson interval; Dean and Pagano 2015 compare such
intervals for clustered surveys). The package uses it as the floor of the bootstrap
interval of every share of sentences (:func:`discourse.bootstrap.no_narrower`): frame
shares, corrected shares (through the Rogan-Gladen correction), precision, recall,
percent agreement, a coder's sensitivity and specificity, and co-occurrence; and, through
Newcombe's (1998) hybrid interval of the two (:func:`effective_newcombe_interval`), of
every difference of two shares.

In simulations of one document of 10-180 paragraphs whose sentences share a hit
probability (intra-paragraph correlation 0-0.5, design effect 1-3.5), the paragraph
bootstrap of :func:`discourse.framing.agreement.agreement_intervals` widened to this
interval covered a recall of 0.85 in 90-99% of data sets, for a nominal 95%, Wilson's
interval alone in 71-96% (at a recall of 0.95: 89-99% and 68-97%;
``benchmarks/proportion_coverage.py``, benchmarks/README.md). The frame shares of a
year of 2-10 documents (documents as the units), whose bootstrap alone covered 0.51-0.91,
were covered in 95-100% of data sets, and of one document of 36-60 paragraphs in 96-98%
(``benchmarks/share_coverage.py``); with 2-3 documents at the price of wide intervals
(the benchmark reports their mean width). Year differences floored at
:func:`effective_newcombe_interval` covered 0.95-0.97 with one document a year and
0.96-1.00 with 2-10 (the bootstrap alone 0.92-0.95 and 0.65-0.93;
``benchmarks/difference_coverage.py``), again at the price of wide intervals with 2-3
documents a year.

References
----------
Dean, N. and Pagano, M. (2015). Evaluating confidence interval methods for binomial
proportions in clustered surveys. *Journal of Survey Statistics and Methodology* 3(4),
484-503.
Kish, L. (1965). *Survey Sampling*. Wiley.
Korn, E. L. and Graubard, B. I. (1998). Confidence intervals for proportions with small
expected number of positive counts estimated from survey data. *Survey Methodology*
24(2), 193-201.
Newcombe, R. G. (1998). Interval estimation for the difference between independent
proportions: comparison of eleven methods. *Statistics in Medicine* 17, 873-890.
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
inference. *JASA* 22, 209-212.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from discourse import stats
from discourse.few_documents import several_documents

__all__ = ["EffectiveInterval", "Design", "design_units", "design_effect", "t_value",
           "effective_wilson_interval", "effective_newcombe_interval", "UNDEFINED"]

#: The ``interval`` of a proportion without sentences in its denominator (no interval).
UNDEFINED = "none: no sentence in the denominator"


class EffectiveInterval(NamedTuple):
    """``low, high``; the design effect, degrees of freedom and effective sample size
    used; and ``name``, the interval in words for an ``interval`` label."""

    low: float
    high: float
    deff: float
    df: int
    name: str
    n_eff: float = np.nan


class Design(NamedTuple):
    """The stratum and unit code of each row of a table (:func:`design_units`), and the
    floors of the proportions of its rows."""

    strata: np.ndarray
    units: np.ndarray

    def wilson(self, y, rows, level: float = 0.95) -> EffectiveInterval:
        """:func:`effective_wilson_interval` of ``y`` (0/1 per row of the table) on the
        rows where ``rows`` is true (the proportion's denominator)."""
        rows = np.asarray(rows, dtype=bool)
        return effective_wilson_interval(np.asarray(y)[rows], self.strata[rows],
                                         self.units[rows], level)

    def newcombe(self, y, target, reference, level: float = 0.95) -> tuple:
        """:func:`effective_newcombe_interval` of ``y`` on the ``target`` rows minus
        ``y`` on the ``reference`` rows (boolean masks over the table's rows)."""
        groups = [np.asarray(r, dtype=bool) for r in (target, reference)]
        return effective_newcombe_interval(*((np.asarray(y)[r], self.strata[r],
                                              self.units[r]) for r in groups), level=level)


def design_units(boot) -> Design:
    """The stratum and unit codes of each row of a cluster bootstrap: the units it
    resamples (whole documents in a stratum with several, else paragraphs, or rows
    where it has no paragraphs).

    Examples
    --------
    >>> import pandas as pd
    >>> from discourse.bootstrap import cluster_bootstrap
    >>> rows = pd.DataFrame({"year": [1, 1, 1, 2, 2], "doc_id": ["a", "a", "b", "c", "c"],
    ...                      "paragraph": [1, 2, 1, 1, 2]})
    >>> [u.tolist() for u in design_units(cluster_bootstrap(rows, n_boot=10))]
    [[0, 0, 0, 1, 1], [0, 0, 1, 2, 3]]
    """
    clusters = boot.clusters.reset_index(drop=True)
    stratum = clusters.groupby("stratum", sort=True).ngroup().to_numpy()
    document = clusters.groupby(["stratum", "document"], sort=True).ngroup().to_numpy()
    several = clusters["stratum"].isin(
        several_documents(clusters["stratum"], clusters["document"])).to_numpy()
    # the document where its stratum has several, else the cluster itself (numbered
    # after the documents)
    unit = np.where(several, document, document.max() + 1 + np.arange(len(clusters)))
    unit = np.unique(unit, return_inverse=True)[1]
    return Design(stratum[boot.row_cluster], unit[boot.row_cluster])


def design_effect(y, strata, units) -> tuple[float, int]:
    """Kish's design effect of the mean of ``y`` and its degrees of freedom.

    The linearisation (with-replacement, "ultimate cluster") variance of the ratio mean
    from the unit totals of ``y_i - mean`` within each stratum, over the variance of
    the mean of independent values (``var(y) / n``, ddof 0), at least 1; ``df`` =
    units minus strata, over strata with two units or more. ``(1.0, df)`` where the
    values do not vary (nothing to estimate) and ``(1.0, 0)`` without a stratum of two
    units.

    Examples
    --------
    >>> deff, df = design_effect([1, 1, 0, 0, 1, 1, 0, 0], [0] * 8, [0, 0, 1, 1, 2, 2, 3, 3])
    >>> round(deff, 4), df        # unit totals +-1: (4/3) 4 / 8^2 over 0.25 / 8 = 8/3
    (2.6667, 3)
    """
    y = np.asarray(y, dtype=float)
    strata, units = np.asarray(strata), np.asarray(units)
    n = len(y)
    mean = y.mean() if n else np.nan
    variance, df = 0.0, 0
    for h in np.unique(strata):
        inside = strata == h
        codes, idx = np.unique(units[inside], return_inverse=True)
        if len(codes) < 2:
            continue
        e = np.bincount(idx, weights=y[inside] - mean)    # y_i - mean m_i per unit
        variance += len(codes) / (len(codes) - 1) * ((e - e.mean()) ** 2).sum() / n ** 2
        df += len(codes) - 1
    independent = y.var() / n if n else 0.0
    return (float(max(1.0, variance / independent)) if independent > 0 and df else 1.0), df


def t_value(level: float, df: int) -> float:
    """The two-sided Student's t quantile of ``level`` with ``df`` degrees of freedom
    (the few-units counterpart of :func:`discourse.stats.z_value`).

    >>> round(t_value(0.95, 4), 4)
    2.7764
    """
    from scipy.stats import t

    return float(t.ppf(0.5 + stats.check_level(level) / 2, df))


def effective_wilson_interval(y, strata, units, level: float = 0.95) -> EffectiveInterval:
    """Wilson's interval of ``mean(y)`` at the effective sample size of a clustered design.

    Parameters
    ----------
    y : array-like
        0/1 per sentence of the proportion's denominator (e.g. the hand-coded positives,
        1 where the coder found them: recall).
    strata, units : array-like
        The stratum and the resampled unit of each sentence (:func:`design_units`).
    level : float
        Confidence level.

    Returns
    -------
    EffectiveInterval
        NaN bounds without sentences. The design effect is 1 where it cannot be
        estimated (a proportion of 0 or 1, no stratum with two units) and ``df`` is 0
        where there is no stratum with two units (then no t adjustment).

    Examples
    --------
    >>> y = [1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1]            # the misses in one paragraph
    >>> r = effective_wilson_interval(y, [0] * 12, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    >>> round(float(r.deff), 3), r.df, [round(float(x), 3) for x in r[:2]]
    (2.4, 5, [0.304, 0.983])
    >>> [round(x, 3) for x in stats.wilson_interval(10, 12)]   # independent sentences
    [0.552, 0.953]
    """
    stats.check_level(level)
    y = np.asarray(y, dtype=float)
    strata, units = np.asarray(strata), np.asarray(units)
    if y.ndim != 1 or strata.shape != y.shape or units.shape != y.shape:
        raise ValueError(f"y, strata and units must be 1-d and of one length; got shapes "
                         f"{y.shape}, {strata.shape}, {units.shape}")
    if not np.isin(y, (0.0, 1.0)).all():
        bad = y[~np.isin(y, (0.0, 1.0))][0]
        raise ValueError(f"y must hold 0 or 1 (one per sentence); it holds {bad!r}")
    if pd.isna(strata).any() or pd.isna(units).any():
        raise ValueError("strata and units must not be missing (NaN or None)")
    n = len(y)
    if not n:
        return EffectiveInterval(np.nan, np.nan, np.nan, 0, "no sentences", 0.0)
    p = y.sum() / n
    deff, df = design_effect(y, strata, units)
    n_eff = n / deff
    if df:
        n_eff *= (stats.z_value(level) / t_value(level, df)) ** 2
    low, high = stats.wilson_interval(p * n_eff, n_eff, level)
    effect = (f"design effect {deff:.2f}" if 0 < p < 1 else
              "design effect not estimable at a proportion of 0 or 1, taken as 1")
    name = (f"the Wilson score interval of {int(y.sum())}/{n} at the effective sample size "
            f"({effect}, t with {df} df; Korn and Graubard 1998)" if df else
            f"the Wilson score interval of {int(y.sum())}/{n} (one unit per stratum: no "
            "design effect to estimate; assumes independent sentences)")
    return EffectiveInterval(low, high, deff, df, name, float(n_eff))


def effective_newcombe_interval(target, reference, level: float = 0.95) -> tuple:
    """Newcombe's (1998, method 10) hybrid interval of a difference of two proportions,
    target minus reference, from Wilson's intervals at their effective sample sizes.

    Parameters
    ----------
    target, reference : tuple
        ``(y, strata, units)`` of each proportion, as for
        :func:`effective_wilson_interval`.
    level : float
        Confidence level.

    Returns
    -------
    tuple
        ``(low, high, name)``; NaN bounds when either group has no sentence. Newcombe's
        formula uses only each proportion and its Wilson limits, so it is
        :func:`discourse.stats.newcombe_interval` of the effective counts ``p n_eff``
        of ``n_eff``.

    Examples
    --------
    >>> one = ([1, 1, 0, 0, 1, 1], [0] * 6, [0, 0, 1, 1, 2, 2])
    >>> low, high, name = effective_newcombe_interval(one, ([0] * 6, [0] * 6, [0] * 6))
    >>> round(low, 3), round(high, 3)
    (-0.068, 0.989)
    """
    a, b = (effective_wilson_interval(*group, level=level) for group in (target, reference))
    parts = [f"{who}: design effect {e.deff:.2f}, t with {e.df} df" if e.df else
             f"{who}: one unit per stratum, Wilson's for independent sentences"
             for who, e in (("target", a), ("reference", b))]
    name = ("Newcombe's interval from Wilson's at the effective sample sizes ("
            + "; ".join(parts) + "; Korn and Graubard 1998)")
    if not (a.n_eff and b.n_eff):
        return np.nan, np.nan, name
    p, q = (float(np.mean(g[0])) for g in (target, reference))
    low, high = stats.newcombe_interval(p * a.n_eff, a.n_eff, q * b.n_eff, b.n_eff, level)
    return low, high, name
