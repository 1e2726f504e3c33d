"""Analytic confidence intervals for the agreement of two 0/1 codings, written once.

The companions of :func:`discourse.stats.agreement_scores` (which gives the
estimates): intervals computed from the 2x2 table alone, assuming independent
sentences (a multinomial sample of the four cells). They keep their coverage at the
small samples (30-50 sentences) where a percentile bootstrap does not
(``benchmarks/agreement_coverage.py``).

* **Kappa** (:func:`kappa_interval`): Donner and Eliasziw's (1992) goodness-of-fit
  interval. Under the common correlation model of Bloch and Kraemer (1989) the
  numbers of sentences coded 1 by both, by one and by neither coder are multinomial
  with probabilities ``pi^2 + pi(1 - pi)k``, ``2 pi(1 - pi)(1 - k)`` and ``(1 - pi)^2 +
  pi(1 - pi)k``; the limits are the values ``k`` at which Pearson's chi-square of
  that fit (``pi`` estimated, 1 degree of freedom) equals its ``level`` quantile.
  The statistic is convex in ``k`` with its minimum 0 at the estimate, so each limit
  is the one root on its side (found numerically here; Donner and Eliasziw give the
  roots of the cubic in closed form). The model has one prevalence for both coders:
  its estimate is Scott's (1955) pi, which equals Cohen's kappa when the two
  codings have the same prevalence and is below it otherwise.
* **Alpha** (:func:`alpha_interval`): Krippendorff's alpha for two coders, a 0/1
  code and no missing values is ``1 - (2n - 1)/(2n) (1 - pi)``, an increasing
  function of Scott's pi, so its limits are those of :func:`kappa_interval` mapped.
* **F1** (:func:`f1_interval`): ``F1 = 2J/(1 + J)`` with ``J = tp/(tp + fp + fn)``
  the Jaccard index (Hand, Christen and Kirielle 2021). Given the ``d = tp + fp + fn``
  sentences that either coding marks, ``tp`` is binomial with ``d`` trials, so
  Wilson's (1927) interval for ``J`` mapped by ``2J/(1 + J)`` is an interval for F1.
  (Wilson's interval for ``2tp`` out of ``2tp + fp + fn`` counts each true positive
  twice and is too narrow.)

Every function takes the four counts (scalars) and returns a pair of floats, NaN when
the coefficient is undefined.

References
----------
Bloch, D. A. and Kraemer, H. C. (1989). 2 x 2 kappa coefficients: measures of
agreement or association. *Biometrics* 45(1), 269-287.
Donner, A. and Eliasziw, M. (1992). A goodness-of-fit approach to inference procedures
for the kappa statistic: confidence interval construction, significance-testing and
sample size estimation. *Statistics in Medicine* 11(11), 1511-1519.
Hand, D. J., Christen, P. and Kirielle, N. (2021). F*: an interpretable transformation
of the F-measure. *Machine Learning* 110, 451-456.
Scott, W. A. (1955). Reliability of content analysis: the case of nominal scale
coding. *Public Opinion Quarterly* 19(3), 321-325.
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
inference. *JASA* 22, 209-212.
"""

from __future__ import annotations

import math

from discourse.stats import wilson_interval, z_value

__all__ = ["kappa_interval", "alpha_interval", "f1_interval"]

_NAN = (math.nan, math.nan)


def _counts(tp, fp, fn, tn) -> tuple[int, int, int, int]:
    counts = tuple(int(x) for x in (tp, fp, fn, tn))
    if min(counts) < 0 or any(int(x) != x for x in (tp, fp, fn, tn)):
        raise ValueError(f"counts {(tp, fp, fn, tn)} must be non-negative integers")
    return counts


def kappa_interval(tp, fp, fn, tn, level: float = 0.95) -> tuple[float, float]:
    """Donner and Eliasziw's (1992) goodness-of-fit interval for kappa (two coders, 0/1).

    Parameters
    ----------
    tp, fp, fn, tn : int
        The 2x2 table: both coders 1; the first 1, the second 0; the first 0, the
        second 1; both 0.
    level : float
        Confidence level.

    Returns
    -------
    tuple of float
        ``(low, high)``: the values of kappa that Pearson's chi-square test of the
        common correlation model (Bloch and Kraemer 1989; see the module docstring)
        does not reject at ``1 - level``; ``high`` is 1 when the coders never
        disagree. NaN when neither coder or both coders mark every sentence (kappa
        undefined).

    References
    ----------
    Donner, A. and Eliasziw, M. (1992). *Statistics in Medicine* 11(11), 1511-1519.

    Examples
    --------
    >>> [round(x, 4) for x in kappa_interval(20, 5, 5, 70)]
    [0.5457, 0.8518]
    >>> kappa_interval(0, 0, 0, 30)
    (nan, nan)
    """
    from scipy.optimize import brentq

    tp, fp, fn, tn = _counts(tp, fp, fn, tn)
    n = tp + fp + fn + tn
    observed = (tp, fp + fn, tn)
    pi = (2 * tp + fp + fn) / (2 * n) if n else 0.0
    if pi <= 0 or pi >= 1:
        return _NAN
    q = pi * (1 - pi)
    estimate = 1 - (fp + fn) / (2 * n * q)
    chi2 = z_value(level) ** 2

    def excess(k):
        cells = (pi * pi + q * k, 2 * q * (1 - k), (1 - pi) ** 2 + q * k)
        total = 0.0
        for o, p in zip(observed, cells):
            if p <= 0:
                if o:
                    return math.inf
                continue
            total += (o - n * p) ** 2 / (n * p)
        return total - chi2

    # kappa's range under the model: every cell probability non-negative
    bounds = (max(-pi / (1 - pi), -(1 - pi) / pi), 1.0)
    limits = []
    for bound in bounds:
        if excess(bound) <= 0:                # the whole side is not rejected
            limits.append(bound)
            continue
        inner = bound + (estimate - bound) * 1e-12
        if excess(inner) <= 0:                # the root lies within 1e-12 of the bound
            limits.append(bound)
            continue
        limits.append(brentq(excess, min(estimate, inner), max(estimate, inner), xtol=1e-12))
    low, high = min(limits[0], estimate), max(limits[1], estimate)
    return float(low), float(high)


def alpha_interval(tp, fp, fn, tn, level: float = 0.95) -> tuple[float, float]:
    """Krippendorff's alpha (two coders, 0/1, nominal): :func:`kappa_interval` mapped.

    Alpha is ``1 - (2n - 1)/(2n) (1 - pi)`` with ``pi`` Scott's pi, the estimate of the
    model behind Donner and Eliasziw's (1992) interval, so the interval's limits are
    mapped the same way (Krippendorff 2004, ch. 11, for alpha).

    References
    ----------
    Krippendorff, K. (2004). *Content Analysis: An Introduction to Its Methodology*,
    2nd ed. Sage. (Alpha, ch. 11.)

    Examples
    --------
    >>> [round(x, 4) for x in alpha_interval(20, 5, 5, 70)]
    [0.548, 0.8525]
    """
    n = sum(_counts(tp, fp, fn, tn))
    low, high = kappa_interval(tp, fp, fn, tn, level)
    if math.isnan(low):
        return _NAN
    shrink = (2 * n - 1) / (2 * n)
    return float(1 - shrink * (1 - low)), float(1 - shrink * (1 - high))


def f1_interval(tp, fp, fn, tn=0, level: float = 0.95) -> tuple[float, float]:
    """Interval for F1 from Wilson's (1927) interval for the Jaccard index.

    ``J = tp/(tp + fp + fn)`` has, given ``d = tp + fp + fn``, a binomial numerator;
    Wilson's interval for it is mapped by ``F1 = 2J/(1 + J)`` (increasing; Hand,
    Christen and Kirielle 2021). ``tn`` does not enter (F1 ignores it); it is taken so
    that the four counts can be passed as for the other intervals.

    Returns
    -------
    tuple of float
        ``(low, high)``; NaN when neither coding marks a sentence (F1 undefined).

    References
    ----------
    Hand, D. J., Christen, P. and Kirielle, N. (2021). *Machine Learning* 110, 451-456.
    Wilson, E. B. (1927). *JASA* 22, 209-212.

    Examples
    --------
    >>> [round(x, 4) for x in f1_interval(20, 5, 5, 70)]   # F1 = 0.8
    [0.6557, 0.8936]
    """
    tp, fp, fn, _ = _counts(tp, fp, fn, tn)
    d = tp + fp + fn
    if d == 0:
        return _NAN
    low, high = wilson_interval(tp, d, level)
    return float(2 * low / (1 + low)), float(2 * high / (1 + high))
