"""Multiple comparisons: p-values adjusted over a family of tests.

:func:`adjust_pvalues`: Benjamini and Hochberg's (1995) false discovery rate or Holm's
(1979) step-down family-wise correction. A NaN p-value (a test not made) is left out of
the family: it stays NaN and does not count in ``m``, for both methods. Also available
as :func:`discourse.stats.adjust_pvalues`.

References
----------
Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their Application*.
Cambridge University Press.
Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate. *Journal
of the Royal Statistical Society B* 57(1), 289-300.
Holm, S. (1979). A simple sequentially rejective multiple test procedure.
*Scandinavian Journal of Statistics* 6(2), 65-70.
"""

from __future__ import annotations

import numpy as np

from discourse.checks import check_choice

__all__ = ["CORRECTIONS", "adjust_pvalues", "adjusted_pvalue_se"]

#: Multiple-comparison corrections of :func:`adjust_pvalues`.
CORRECTIONS = ("fdr_bh", "holm")


def adjust_pvalues(p, method: str = "fdr_bh") -> np.ndarray:
    """Adjust p-values for multiple comparisons.

    Parameters
    ----------
    p : array-like
        Unadjusted p-values, in [0, 1]; NaN marks a test that was not made.
    method : {"fdr_bh", "holm"}
        ``fdr_bh``: Benjamini and Hochberg (1995) q-values (``scipy.stats.
        false_discovery_control``); ``holm``: Holm's (1979) step-down adjusted p,
        ``max_{j <= i} (m - j + 1) p_(j)``, capped at 1.

    Returns
    -------
    numpy.ndarray
        The adjusted p-values, in the order of ``p``. NaN p-values are left out of
        the family: they stay NaN and ``m`` is the number of non-NaN p-values, for
        both methods (as ``statsmodels.stats.multitest.multipletests`` applied to the
        non-NaN subset).

    Raises
    ------
    ValueError
        For an unknown method or a (non-NaN) p-value outside [0, 1].

    Examples
    --------
    >>> adjust_pvalues([0.01, 0.04, 0.03], "holm").round(2).tolist()
    [0.03, 0.06, 0.06]
    >>> adjust_pvalues([0.01, float("nan"), 0.03], "holm").round(2).tolist()  # m = 2
    [0.02, nan, 0.03]
    """
    check_choice("correction", method, CORRECTIONS)
    p = np.asarray(p, dtype=float)
    out = np.full(p.shape, np.nan)
    tested = ~np.isnan(p)
    if not tested.any():
        return out
    q = p[tested]
    if (q < 0).any() or (q > 1).any():
        bad = q[(q < 0) | (q > 1)]
        raise ValueError(f"p-values must lie in [0, 1]; got {bad[:3].tolist()}")
    if method == "fdr_bh":
        from scipy.stats import false_discovery_control

        out[tested] = false_discovery_control(q, method="bh")
        return out
    order = np.argsort(q, kind="stable")
    m = len(q)
    adj = np.empty(m)
    adj[order] = np.minimum(np.maximum.accumulate((m - np.arange(m)) * q[order]), 1.0)
    out[tested] = adj
    return out


def adjusted_pvalue_se(p, n: int, method: str = "fdr_bh") -> np.ndarray:
    """Monte Carlo standard error of :func:`adjust_pvalues` of permutation p-values.

    Each adjusted p-value is one raw p-value times a factor: for Benjamini-Hochberg the
    smallest ``m p_(k) / k`` over ``k >= i`` (ranks in increasing order), for Holm the
    largest ``(m - k + 1) p_(k)`` over ``k <= i``. The raw p-value that governs it,
    estimated from ``n`` permutations, has standard error ``sqrt(p (1 - p) / n)``; the
    adjusted one has that times its factor (terms tied at one adjusted p share one
    governing p; the factor, fixed by the ranks, is treated as a constant). Capped
    values (1) and NaN p-values get NaN. The binomial standard error of a Monte Carlo
    p-value is that of Davison and Hinkley (1997, ch. 4, Monte Carlo tests).

    Parameters
    ----------
    p : array-like
        Unadjusted permutation p-values (NaN: not tested).
    n : int
        Permutations each p-value was estimated from.
    method : {"fdr_bh", "holm"}

    Returns
    -------
    numpy.ndarray
        The standard errors, in the order of ``p``.

    Examples
    --------
    >>> adjusted_pvalue_se([0.01, 0.04, 0.03], 10_000, "holm").round(4).tolist()
    [0.003, 0.0034, 0.0034]
    """
    check_choice("correction", method, CORRECTIONS)
    p = np.asarray(p, dtype=float)
    out = np.full(p.shape, np.nan)
    tested = np.flatnonzero(~np.isnan(p))
    if not len(tested):
        return out
    q = p[tested]
    order = np.argsort(q, kind="stable")
    m, rank = len(q), np.arange(1, len(q) + 1)
    factor = m / rank if method == "fdr_bh" else m - rank + 1
    scaled = factor * q[order]
    if method == "fdr_bh":        # the governing k: argmin of scaled over k >= i
        gov = np.empty(m, dtype=int)
        best = m - 1
        for i in range(m - 1, -1, -1):
            if scaled[i] <= scaled[best]:
                best = i
            gov[i] = best
    else:                         # argmax over k <= i
        gov = np.zeros(m, dtype=int)
        for i in range(1, m):
            gov[i] = i if scaled[i] >= scaled[gov[i - 1]] else gov[i - 1]
    g = q[order][gov]
    se = factor[gov] * np.sqrt(g * (1 - g) / n)
    se[scaled[gov] >= 1] = np.nan
    out[tested[order]] = se
    return out
