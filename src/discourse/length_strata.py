"""Strata of paragraph length for the paragraph permutation test of keyness.

:func:`discourse.keyness_resampling.permutation_pvalues` reassigns whole paragraphs
between target and reference. That is exact under the null that the paragraphs of the
two sides are exchangeable, their lengths included. Where the target's paragraphs are
shorter, a reassignment gives the target longer paragraphs than it has: its observed
relative frequency varies more than the reassigned ones, and the test rejects too often
although every token carries the term with the same probability on both sides (the
difference of relative frequencies has variance about ``pi / c + pi / d`` for ``c``
and ``d`` tokens, and the reassignments do not keep ``c``). Measured under that null
(``benchmarks/permutation_null.py``, 40 or 100 paragraphs a side, rare and common
terms): 8.4-12.3% rejections at 0.05 where the target's paragraphs are a quarter as
long, 5.8-7.4% at half, 6.2-7.2% at twice, 5.1-6.0% at 0.8, 4.4-5.3% at the same
length. Reassigning paragraphs only within strata of similar length (a stratified
permutation test; exact where a paragraph's counts depend on its side only through its
stratum: Good 2005, sec. 3.5; Rosenbaum 2002, sec. 2.4), strata of about
:data:`STRATUM_SIZE` paragraphs, brings every one of these to 4.1-6.0%. Five strata were
too coarse (up to 9.3% at a quarter), and a studentized statistic (Janssen 1997; Chung
and Romano 2013) left rare terms at up to 13.5%. Not stratifying where the means are
within a factor :data:`LENGTH_FACTOR` keeps the unstratified test, and its draws, where
it holds its level.

References
----------
Chung, E. and Romano, J. P. (2013). Exact and asymptotically robust permutation tests.
*The Annals of Statistics* 41(2), 484-507.
Good, P. I. (2005). *Permutation, Parametric, and Bootstrap Tests of Hypotheses*, 3rd
ed. Springer.
Janssen, A. (1997). Studentized permutation tests for non-i.i.d. hypotheses and the
generalized Behrens-Fisher problem. *Statistics & Probability Letters* 36(1), 9-21.
Rosenbaum, P. R. (2002). *Observational Studies*, 2nd ed. Springer.
"""

from __future__ import annotations

import numpy as np

from discourse.checks import check_positive_int

__all__ = ["LENGTH_FACTOR", "STRATUM_SIZE", "stratify", "length_strata"]

#: Mean paragraph lengths (terms) of the two sides differing by more than this factor
#: make the permutation test stratify by length (unstratified, its rejections under the
#: null are 5.1-6.0% at a ratio of 0.8, a little above 5%, against 8.4-12.3% at a
#: quarter: ``benchmarks/README.md``).
LENGTH_FACTOR = 1.25
#: Paragraphs per length stratum, about (strata cut at quantiles of the pooled lengths).
STRATUM_SIZE = 10


def stratify(mean_target: float, mean_reference: float) -> bool:
    """Whether mean paragraph lengths this far apart make the test stratify.

    Parameters
    ----------
    mean_target, mean_reference : float
        Mean terms per paragraph of target and reference.

    Returns
    -------
    bool
        True where they differ by more than :data:`LENGTH_FACTOR`.

    Examples
    --------
    >>> stratify(11.4, 25.6), stratify(30.3, 28.5)
    (True, False)
    """
    ratio = mean_target / mean_reference
    return not 1 / LENGTH_FACTOR <= ratio <= LENGTH_FACTOR


def length_strata(sizes, is_target, strata="auto") -> np.ndarray:
    """Stratum of each paragraph (0, 1, ...) for the permutation test.

    ``"auto"``: one stratum (no stratification) unless :func:`stratify` says so; then
    ``P // STRATUM_SIZE`` strata (at least 2) for ``P`` paragraphs, as that integer
    would give. An integer ``k``: ``k`` strata cut at the quantiles of the pooled
    lengths (tied lengths stay together, so there may be fewer).

    Parameters
    ----------
    sizes : array-like
        Terms per paragraph.
    is_target : array-like of bool
        Whether each paragraph is the target's.
    strata : "auto" or int

    Returns
    -------
    numpy.ndarray
        Stratum per paragraph, numbered from 0 by length.

    Examples
    --------
    >>> length_strata([10, 12, 30, 28], [True, True, False, False], 2).tolist()
    [0, 0, 1, 1]
    >>> length_strata([10, 12, 30, 28], [True, True, False, False]).tolist()
    [0, 0, 1, 1]
    >>> length_strata([10, 12, 11, 9], [True, True, False, False]).tolist()
    [0, 0, 0, 0]
    """
    sizes = np.asarray(sizes, dtype=float)
    is_t = np.asarray(is_target, dtype=bool)
    if isinstance(strata, str):
        if strata != "auto":
            raise ValueError(f"strata={strata!r} must be 'auto' or a positive integer")
        strata = max(2, len(sizes) // STRATUM_SIZE) if stratify(
            sizes[is_t].mean(), sizes[~is_t].mean()) else 1
    check_positive_int("strata", strata)
    edges = np.quantile(sizes, np.linspace(0, 1, strata + 1)[1:-1])
    return np.unique(np.searchsorted(edges, sizes, side="right"), return_inverse=True)[1]
