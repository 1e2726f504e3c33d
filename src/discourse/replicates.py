"""Percentile intervals of bootstrap replicates, undefined replicates, and floors.

Written for :mod:`discourse.bootstrap` (which re-exports every name): the percentile
interval of each column of a replicates matrix ignoring undefined (NaN) replicates,
how many replicates define it, and the widening of an interval to a floor (a score
interval, or the within-document interval of :mod:`discourse.few_documents`).

References
----------
Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
"""

from __future__ import annotations

import numpy as np

from discourse import stats

__all__ = ["percentile_columns", "ratio", "n_defined", "defined_label", "no_narrower",
           "floored_percentile"]


def percentile_columns(draws, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of each column of a replicates matrix, ignoring NaN.

    Parameters
    ----------
    draws : array-like
        ``n_boot`` x k replicates (NaN where a replicate leaves the statistic
        undefined, e.g. a ratio with a zero denominator).
    level : float
        Coverage.

    Returns
    -------
    tuple of numpy.ndarray
        ``(low, high)``, each of length k, from :func:`discourse.stats.
        percentile_interval` on the defined replicates of each column (NaN where
        none is defined).

    Examples
    --------
    >>> low, high = percentile_columns([[0.0, np.nan], [1.0, 2.0], [2.0, np.nan]], 0.5)
    >>> low.tolist(), high.tolist()
    ([0.5, 2.0], [1.5, 2.0])
    """
    d = np.asarray(draws, dtype=float)
    d = d.reshape(len(d), -1)
    low = np.full(d.shape[1], np.nan)
    high = np.full(d.shape[1], np.nan)
    for j in range(d.shape[1]):
        col = d[:, j][~np.isnan(d[:, j])]
        if len(col):
            low[j], high[j] = stats.percentile_interval(col, level)
    return low, high


def ratio(k, n) -> np.ndarray:
    """``k / n`` elementwise, NaN where ``n`` is 0 (a replicate without the denominator).

    >>> ratio(np.array([1.0, 0.0]), np.array([2.0, 0.0])).tolist()
    [0.5, nan]
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(n > 0, k / np.where(n > 0, n, 1), np.nan)


def n_defined(draws) -> np.ndarray:
    """Replicates that define each column of a replicates matrix (not NaN).

    :func:`percentile_columns` leaves the others out, so an interval made from fewer
    than ``n_boot`` replicates should say so (:func:`defined_label`).

    Examples
    --------
    >>> n_defined([[0.0, np.nan], [1.0, 2.0], [2.0, np.nan]]).tolist()
    [3, 1]
    """
    d = np.asarray(draws, dtype=float)
    return (~np.isnan(d.reshape(len(d), -1))).sum(axis=0)


def defined_label(label: str, n: int, n_boot: int, what: str = "the statistic") -> str:
    """``label``, plus how many replicates defined the interval when some did not.

    Examples
    --------
    >>> defined_label("bootstrap", 20, 20)
    'bootstrap'
    >>> defined_label("bootstrap", 18, 20, "the share")
    'bootstrap; 18 of the 20 replicates define the share (the others left out)'
    """
    if n >= n_boot:
        return label
    return f"{label}; {int(n)} of the {n_boot} replicates define {what} (the others left out)"


def no_narrower(low: float, high: float, floor: tuple[float, float], label: str,
                name: str, why: str = "") -> tuple[float, float, str]:
    """A percentile interval widened to ``floor`` where it is narrower, and its label.

    Where resampling has little to vary (a group in one paragraph, a coder without
    errors) the percentile interval shrinks to a point, and with a few dozen paragraphs
    it is narrow; the score interval ``floor`` (Wilson's at the effective sample size,
    or Newcombe's from those: :mod:`discourse.clustered_ci`) bounds it from inside, as
    a stratum's within-document interval does (:mod:`discourse.few_documents`).

    Returns
    -------
    (low, high, label)
        The envelope of the two intervals, and ``label`` with ", widened to {name}
        where narrower{why}" appended when ``floor`` reaches beyond it.

    Examples
    --------
    >>> no_narrower(0.5, 0.5, (0.2, 0.8), "bootstrap", "Wilson's")
    (0.2, 0.8, "bootstrap, widened to Wilson's where narrower")
    >>> no_narrower(0.1, 0.9, (0.2, 0.8), "bootstrap", "Wilson's")
    (0.1, 0.9, 'bootstrap')
    """
    flo, fhi = floor
    if flo >= low and fhi <= high:
        return low, high, label
    return min(low, flo), max(high, fhi), f"{label}, widened to {name} where narrower{why}"


def floored_percentile(draws, value: float, floor: tuple[float, float], label: str = "",
                       name: str = "", level: float = 0.95) -> tuple[float, float, str]:
    """The percentile interval of the defined replicates ``draws`` (NaN left out; the
    point ``value`` if none is defined) widened to contain the estimate ``value``, then
    to ``floor`` where narrower (:func:`no_narrower`, which gives the label).

    Examples
    --------
    >>> floored_percentile([0.4, np.nan, 0.6], 0.7, (0.3, 0.65), "bootstrap", "Wilson's", 0.5)
    (0.3, 0.7, "bootstrap, widened to Wilson's where narrower")
    """
    d = np.asarray(draws, dtype=float).ravel()
    d = d[~np.isnan(d)]
    lo, hi = ((float(x[0]) for x in percentile_columns(d[:, None], level)) if len(d)
              else (value, value))
    return no_narrower(min(lo, value), max(hi, value), floor, label, name)
