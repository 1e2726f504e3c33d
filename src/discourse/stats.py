"""Statistics written once and used by every chapter.

* **Confidence level** (:func:`check_level`, :func:`z_value`): one check, one argument
  name, ``level``, everywhere.
* **Intervals for proportions**: Wilson's (1927) score interval for k/n and Newcombe's
  (1998) hybrid score interval (his method 10) for a difference of two proportions.
  Both take counts (scalars) and always return a pair of Python floats.
* **Percentile bootstrap interval** (:func:`percentile_interval`; Efron and Tibshirani
  1993): the ``(1 - level) / 2`` and ``(1 + level) / 2`` quantiles of the replicates
  (numpy's default linear interpolation).
* **Multiple comparisons** (:func:`adjust_pvalues`, defined in
  :mod:`discourse.multiplicity`): Benjamini and Hochberg's (1995) false discovery rate
  or Holm's (1979) step-down correction; NaN p-values are left out of the family.
* **Agreement of two 0/1 coders** (:func:`agreement_scores`, :func:`binary_agreement`):
  precision, recall, F1 (positive class 1), Cohen's (1960) kappa and Krippendorff's
  (2004) alpha (nominal, two coders, no missing values).
* **Set overlap** (:func:`jaccard`, :func:`jaccard_matrix`, :func:`hungarian_match`):
  the one-to-one matching of two lists of sets that maximises the total Jaccard
  overlap (Kuhn 1955), as in Greene, O'Callaghan and Cunningham (2014).
* **Target and reference** (:func:`comparisons`): the one resolver of "what is compared
  with what", used by keyness, frame-share differences and topic-prevalence
  differences. The default, :data:`DEFAULT_REFERENCE` = ``"first"``, compares every
  later group with the first (earliest) one.

References
----------
Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate. *Journal
of the Royal Statistical Society B* 57(1), 289-300.
Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational and
Psychological Measurement* 20(1), 37-46.
Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
Greene, D., O'Callaghan, D. and Cunningham, P. (2014). How many topics? Stability
analysis for topic models. *ECML PKDD 2014*, LNCS 8724, 498-513.
Holm, S. (1979). A simple sequentially rejective multiple test procedure.
*Scandinavian Journal of Statistics* 6(2), 65-70.
Krippendorff, K. (2004). *Content Analysis: An Introduction to Its Methodology*, 2nd ed.
Sage. (alpha, ch. 11.)
Kuhn, H. W. (1955). The Hungarian method for the assignment problem. *Naval Research
Logistics Quarterly* 2, 83-97.
Newcombe, R. G. (1998). Interval estimation for the difference between independent
proportions: comparison of eleven methods. *Statistics in Medicine* 17, 873-890.
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
inference. *JASA* 22, 209-212.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Iterable, Sequence

import numpy as np

from discourse.multiplicity import CORRECTIONS, adjust_pvalues

__all__ = [
    "CORRECTIONS",
    "AGREEMENT_METRICS",
    "REFERENCES",
    "DEFAULT_REFERENCE",
    "Comparison",
    "check_level",
    "z_value",
    "wilson_interval",
    "newcombe_interval",
    "percentile_interval",
    "adjust_pvalues",
    "agreement_scores",
    "binary_agreement",
    "jaccard",
    "jaccard_matrix",
    "hungarian_match",
    "comparisons",
]

#: The measures of :func:`agreement_scores`, in order.
AGREEMENT_METRICS = ("precision", "recall", "f1", "kappa", "alpha")
#: Reference keywords of :func:`comparisons` (besides a value of the grouping column).
REFERENCES = ("first", "previous", "rest")
#: The one default reference: every later group is compared with the first group.
DEFAULT_REFERENCE = "first"
_Z95 = 1.959963984540054


def check_level(level, name: str = "level") -> float:
    """Return ``level`` as a float if it lies strictly between 0 and 1, else raise.

    Examples
    --------
    >>> check_level(0.95)
    0.95
    >>> check_level(95)
    Traceback (most recent call last):
    ValueError: level=95 must be between 0 and 1
    """
    if not 0 < level < 1:
        raise ValueError(f"{name}={level!r} must be between 0 and 1")
    return float(level)


def z_value(level: float = 0.95) -> float:
    """The two-sided standard normal quantile of ``level`` (1.959964 for 0.95)."""
    from scipy.stats import norm

    level = check_level(level)
    return _Z95 if level == 0.95 else float(norm.ppf((1 + level) / 2))


def wilson_interval(k, n, level: float = 0.95) -> tuple[float, float]:
    """Wilson (1927) score interval for a proportion ``k / n``.

    Parameters
    ----------
    k, n : int
        Count and total (one proportion; use a loop for many).
    level : float
        Confidence level.

    Returns
    -------
    tuple of float
        ``(low, high)``, clipped to [0, 1] and containing ``k / n``; NaN for ``n == 0``
        (an empty group has no proportion).

    Raises
    ------
    ValueError
        Unless ``0 <= k <= n`` (a negative count or total, or more successes than
        trials, is not a proportion).

    Examples
    --------
    >>> [round(x, 4) for x in wilson_interval(0, 10)]
    [0.0, 0.2775]
    >>> wilson_interval(0, 0)
    (nan, nan)
    """
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    if k.ndim or n.ndim:
        raise ValueError("wilson_interval takes one count k and one total n")
    if not 0 <= k <= n:
        raise ValueError(f"wilson_interval: k={float(k):g} and n={float(n):g} must satisfy "
                         "0 <= k <= n")
    z = z_value(level)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    low = np.clip(np.minimum(centre - half, p), 0.0, 1.0)
    high = np.clip(np.maximum(centre + half, p), 0.0, 1.0)
    return float(low), float(high)


def newcombe_interval(k1, n1, k0, n0, level: float = 0.95) -> tuple[float, float]:
    """Newcombe (1998, method 10) hybrid score interval for ``k1/n1 - k0/n0``.

    Returns ``(low, high)``, floats; ``(nan, nan)`` when either group is empty (``n1
    == 0`` or ``n0 == 0``), as :func:`wilson_interval` gives for one empty group.
    Counts are checked as in :func:`wilson_interval` (``0 <= k <= n``, else
    ValueError).

    Examples
    --------
    >>> [round(x, 4) for x in newcombe_interval(56, 70, 48, 80)]  # Newcombe's example
    [0.0524, 0.3339]
    >>> newcombe_interval(3, 10, 0, 0)
    (nan, nan)
    """
    l1, u1 = wilson_interval(k1, n1, level)
    l0, u0 = wilson_interval(k0, n0, level)
    if n1 == 0 or n0 == 0:
        return math.nan, math.nan
    p1, p0 = k1 / n1, k0 / n0
    d = p1 - p0
    return (float(d - math.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2)),
            float(d + math.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)))


def percentile_interval(draws, level: float = 0.95, *, axis: int = 0):
    """Percentile bootstrap interval (Efron and Tibshirani 1993) of replicates.

    Parameters
    ----------
    draws : array-like
        Bootstrap replicates, one per row (``axis=0``).
    level : float
        Coverage: the ``(1 - level) / 2`` and ``(1 + level) / 2`` quantiles are
        returned.

    Returns
    -------
    tuple
        ``(low, high)``: arrays over the other axes (floats for 1-d ``draws``).

    Examples
    --------
    >>> percentile_interval([8, 1, 4, 2], 0.5)    # quantiles 0.25 and 0.75
    (1.75, 5.0)
    """
    a = (1 - check_level(level)) / 2
    low, high = np.quantile(np.asarray(draws, dtype=float), [a, 1 - a], axis=axis)
    return (float(low), float(high)) if np.ndim(low) == 0 else (low, high)


def agreement_scores(tp, fp, fn, tn) -> dict:
    """Precision, recall, F1, Cohen's kappa and Krippendorff's alpha from 2x2 counts.

    Vectorised: the counts may be arrays (e.g. bootstrap replicates). Values are NaN
    where undefined.

    Returns
    -------
    dict
        ``{metric: value or array}`` for :data:`AGREEMENT_METRICS`: precision =
        tp/(tp+fp), recall = tp/(tp+fn), F1 = 2tp/(2tp+fp+fn), kappa = (p_o - p_e)/(1 -
        p_e), alpha (nominal, two coders) = 1 - (2n - 1)(fp + fn)/(n_0 n_1) with n_0,
        n_1 the value counts pooled over both coders.
    """
    tp, fp, fn, tn = (np.asarray(x, dtype=float) for x in (tp, fp, fn, tn))
    n = tp + fp + fn + tn
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), np.nan)
        recall = np.where(tp + fn > 0, tp / (tp + fn), np.nan)
        f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), np.nan)
        po = (tp + tn) / n
        pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / n ** 2
        kappa = np.where(pe < 1, (po - pe) / (1 - pe), np.nan)
        v = 2 * n
        n1 = 2 * tp + fp + fn
        n0 = 2 * tn + fp + fn
        alpha = np.where(n0 * n1 > 0, 1 - (v - 1) * (fp + fn) / (n0 * n1), np.nan)
    return {"precision": precision, "recall": recall, "f1": f1, "kappa": kappa,
            "alpha": alpha}


def binary_agreement(coder, reference) -> dict:
    """Agreement of a 0/1 coder with a 0/1 reference (e.g. the hand codes).

    Returns
    -------
    dict
        ``n, tp, fp, fn, tn`` and the floats of :func:`agreement_scores`.

    Examples
    --------
    >>> r = binary_agreement([1, 1, 0, 0], [1, 0, 0, 0])
    >>> r["precision"], r["recall"], round(r["kappa"], 3)
    (0.5, 1.0, 0.5)
    """
    a = np.asarray(coder, dtype=int)
    b = np.asarray(reference, dtype=int)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError("coder and reference must be 1-d sequences of the same length")
    if not set(np.unique(np.concatenate([a, b]))) <= {0, 1}:
        raise ValueError("codes must be 0 or 1")
    tp = int(((a == 1) & (b == 1)).sum())
    fp = int(((a == 1) & (b == 0)).sum())
    fn = int(((a == 0) & (b == 1)).sum())
    tn = int(((a == 0) & (b == 0)).sum())
    out = {"n": len(a), "tp": tp, "fp": fp, "fn": fn, "tn": tn}
    out.update({k: float(v) for k, v in agreement_scores(tp, fp, fn, tn).items()})
    return out


def jaccard(a: Iterable, b: Iterable) -> float:
    """Jaccard overlap |A & B| / |A | B| of two sets; 0.0 for two empty sets (they share
    nothing: a topic without a term of non-zero weight matches no topic, so a model
    whose runs leave such topics does not look stable for them).

    Examples
    --------
    >>> jaccard(["d", "e", "f"], ["d", "e", "x"])
    0.5
    >>> jaccard([], [])
    0.0
    """
    a, b = set(a), set(b)
    return 0.0 if not (a | b) else len(a & b) / len(a | b)


def jaccard_matrix(rows: Sequence[Iterable], cols: Sequence[Iterable]) -> np.ndarray:
    """``J[i, j] = jaccard(rows[i], cols[j])``, a float array."""
    return np.array([[jaccard(a, b) for b in cols] for a in rows], dtype=float)


def hungarian_match(scores) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The one-to-one matching of rows to columns that maximises the total score.

    ``scipy.optimize.linear_sum_assignment`` (Kuhn 1955) on a score matrix such as
    :func:`jaccard_matrix`.

    Returns
    -------
    tuple of numpy.ndarray
        ``(rows, cols, values)``: row ``rows[i]`` is matched to column ``cols[i]`` with
        score ``values[i]``; rows in ascending order.

    Examples
    --------
    >>> rows, cols, values = hungarian_match(jaccard_matrix([["a", "b"], ["c", "d"]],
    ...                                                     [["c", "d"], ["a", "x"]]))
    >>> cols.tolist(), values.round(3).tolist()
    ([1, 0], [0.333, 1.0])
    """
    from scipy.optimize import linear_sum_assignment

    scores = np.asarray(scores, dtype=float)
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return rows, cols, scores[rows, cols]


@dataclasses.dataclass(frozen=True)
class Comparison:
    """One comparison of a target group with a reference (see :func:`comparisons`).

    Attributes
    ----------
    target : object
        The target group (a year, a document ...).
    reference : object
        The reference as tables record it: a group, or ``"rest"``.
    groups : tuple
        The groups pooled as the reference (one group unless ``reference == "rest"``).
    """

    target: object
    reference: object
    groups: tuple


def comparisons(groups: Iterable, target=None, reference=None, *,
                name: str = "group") -> list[Comparison]:
    """Resolve "target against reference" into the list of comparisons to make.

    Parameters
    ----------
    groups : iterable
        The values of the grouping column present in the data (e.g. the years).
    target : optional
        One group; ``None`` compares every group that has a reference (see below).
    reference : optional
        A group, or one of :data:`REFERENCES`: ``"first"`` (the first group in sorted
        order, e.g. the earliest year), ``"previous"`` (the group just before each
        target), ``"rest"`` (all groups but the target, pooled). ``None`` means the
        default, :data:`DEFAULT_REFERENCE`; for a target that is itself the first group,
        the earliest other group (so that setting only the target never compares a group
        with itself).
    name : str
        Name of the grouping column, for error messages.

    Returns
    -------
    list of Comparison
        In the order of the targets. Without a target: every group after the first
        (``"first"``, ``"previous"``), every group but the reference (a group), or
        every group (``"rest"``).

    Raises
    ------
    ValueError
        With fewer than two groups, a target or reference not in the data, a target
        equal to its reference, or a first target with ``"previous"``; the message
        names the value and the groups.

    Examples
    --------
    >>> [(c.target, c.reference) for c in comparisons([2021, 2022, 2023])]
    [(2022, 2021), (2023, 2021)]
    >>> [(c.target, c.reference) for c in comparisons([2021, 2022, 2023], reference="previous")]
    [(2022, 2021), (2023, 2022)]
    >>> [(c.target, c.reference) for c in comparisons([2021, 2022, 2023], 2021)]
    [(2021, 2022)]
    >>> c = comparisons([2021, 2022, 2023], 2023, "rest")[0]
    >>> c.reference, c.groups
    ('rest', (2021, 2022))
    """
    groups = sorted({g.item() if hasattr(g, "item") else g for g in groups})
    if len(groups) < 2:
        raise ValueError(f"a comparison needs at least two values of {name!r}; the data "
                         f"has only {groups}")
    if reference is None:
        reference = DEFAULT_REFERENCE
        if reference == "first" and target == groups[0]:
            reference = groups[1]    # for the first group: the earliest other one
    keyword = isinstance(reference, str) and reference in REFERENCES

    def hint(v) -> str:          # "2023" for the year 2023
        return " (a string: give the number)" if isinstance(v, str) and \
            any(str(g) == v for g in groups) else ""

    if target is not None and target not in groups:
        raise ValueError(f"target={target!r} is not in the data{hint(target)}; available: "
                         f"{groups}")
    if not keyword and reference not in groups:
        raise ValueError(f"reference={reference!r} is not in the data{hint(reference)}; "
                         f"available: {groups} or one of {', '.join(map(repr, REFERENCES))}")
    if target is not None:
        targets = [target]
    elif reference in ("first", "previous"):
        targets = groups[1:]
    elif reference == "rest":
        targets = list(groups)
    else:
        targets = [g for g in groups if g != reference]
    out = []
    for t in targets:
        index = groups.index(t)
        if reference == "first":
            pooled = (groups[0],)
        elif reference == "previous":
            if index == 0:
                raise ValueError(f"target={t!r} is the first value of {name!r}: it has "
                                 "no previous one")
            pooled = (groups[index - 1],)
        elif reference == "rest":
            pooled = tuple(g for g in groups if g != t)
        else:
            pooled = (reference,)
        if pooled == (t,):
            raise ValueError(f"target and reference are both {t!r}; compare two "
                             "different groups")
        out.append(Comparison(t, "rest" if reference == "rest" else pooled[0], pooled))
    return out
