"""Keyness measures of one term: signed G2, Log Ratio, the log-odds z-score and its priors.

Leaf functions on counts (scalars or arrays), used by :mod:`discourse.keyness` (the
table) and :mod:`discourse.keyness_resampling` (permutations and bootstrap). The
conventions and references are in :mod:`discourse.keyness`.

References
----------
Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
*Computational Linguistics* 19(1), 61-74.
Rayson, P. and Garside, R. (2000). Comparing corpora using frequency profiling.
*Proceedings of the Workshop on Comparing Corpora*, ACL, 1-6.
Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus
Approaches to Social Science (CASS), Lancaster University.
Monroe, B. L., Colaresi, M. P. and Quinn, K. M. (2008). Fightin' words: lexical
feature selection and evaluation for identifying the content of political conflict.
*Political Analysis* 16(4), 372-403.
Speer, R. (2022). wordfreq (version 3.0). Zenodo. https://doi.org/10.5281/zenodo.7199437
Fisher, R. A. (1935). The logic of inductive inference. *Journal of the Royal
Statistical Society* 98(1), 39-82.
Agresti, A. (2002). *Categorical Data Analysis*, 2nd ed. Wiley. (Section 3.5.)
"""

from __future__ import annotations

import numpy as np

from discourse.checks import check_choice

__all__ = ["G2_FORMS", "ZERO", "g2", "g2_pvalue", "fisher_pvalues", "log_ratio",
           "logodds_z", "background_frequencies"]

#: Forms of the log-likelihood statistic.
G2_FORMS = ("2-cell", "4-cell")
#: Added in place of a zero count in Log Ratio and %DIFF (Hardie 2014).
ZERO = 0.5


def _xlogy(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(x > 0, x * np.log(np.where(x > 0, x, 1) / np.where(y > 0, y, 1)), 0.0)
    return out


def g2(a, b, c, d, *, form: str = "2-cell"):
    """Signed log-likelihood G2 of a term's frequency in two corpora.

    Parameters
    ----------
    a, b : int or array
        Frequency of the term in the target and the reference corpus.
    c, d : int or array
        Size (tokens) of the target and the reference corpus.
    form : {"2-cell", "4-cell"}
        ``"2-cell"``: the UCREL log-likelihood calculator (Rayson and Garside 2000),
        ``G2 = 2 (a ln(a/E1) + b ln(b/E2))`` with ``E1 = c (a+b)/(c+d)`` and
        ``E2 = d (a+b)/(c+d)``. ``"4-cell"``: Dunning's (1993) statistic on the full
        2x2 table (term / other tokens x target / reference),
        ``G2 = 2 sum O ln(O/E)`` over the four cells. The 4-cell value is slightly
        larger; both are referred to chi-square with 1 degree of freedom.

    Returns
    -------
    float or numpy.ndarray
        G2, positive if the term is relatively more frequent in the target
        (``a/c > b/d``), negative if less, 0 if equal. Terms ``0 ln 0`` are 0.

    Examples
    --------
    >>> round(float(g2(25, 5, 10_000, 12_000)), 4)
    18.4506
    """
    check_choice("form", form, G2_FORMS)
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = c + d
    e1 = c * (a + b) / n
    e2 = d * (a + b) / n
    stat = 2 * (_xlogy(a, e1) + _xlogy(b, e2))
    if form == "4-cell":
        rest = (c - a) + (d - b)
        stat = stat + 2 * (_xlogy(c - a, c * rest / n) + _xlogy(d - b, d * rest / n))
    stat = np.maximum(stat, 0.0)
    sign = np.sign(a * d - b * c)
    out = sign * stat
    return float(out) if out.ndim == 0 else out


def g2_pvalue(stat):
    """The p-value of a (signed) G2: the chi-square distribution with one degree of
    freedom at ``|stat|`` (Dunning 1993), as an array.

    Examples
    --------
    >>> g2_pvalue([3.841459, -3.841459]).round(4).tolist()
    [0.05, 0.05]
    """
    from scipy.stats import chi2

    return chi2.sf(np.abs(np.atleast_1d(np.asarray(stat, dtype=float))), 1)


def fisher_pvalues(a, b, c, d):
    """Two-sided p of Fisher's exact test of the 2x2 tables ``[[a, c - a], [b, d - b]]``
    (``a`` of ``c`` units against ``b`` of ``d``), as an array.

    The test conditions on the margins and sums the hypergeometric probabilities of
    every table no more probable than the one observed (``scipy.stats.fisher_exact``;
    Fisher 1935, Agresti 2002 sec. 3.5). It is exact where the chi-square reading of G2
    is not: with few units or a zero cell (a term in 15 of 64 paragraphs against 0 of
    35). Each distinct table is computed once, all of them together: the steps of
    ``fisher_exact``'s two-sided test, branch for branch, on arrays, with the same
    ``scipy.stats.hypergeom`` functions (vectorised) wherever a probability enters the
    p-value, and its comparisons of probabilities settled by a log-gamma bound where
    that suffices (:func:`_two_sided`), so every p is the float ``fisher_exact`` gives:
    the steps are those of scipy 1.17 (pinned in requirements.txt), and the tests
    compare the bits with the scipy installed, so a scipy whose test differs is caught
    there.

    Examples
    --------
    >>> fisher_pvalues([15, 3], [0, 3], 64, 35).round(5).tolist()
    [0.00092, 0.66262]
    """
    raw = np.broadcast_arrays(*(np.atleast_1d(np.asarray(x, dtype=float))
                                for x in (a, b, c, d)))
    if any((x != np.round(x)).any() or (x < 0).any() for x in raw) \
            or (raw[0] > raw[2]).any() or (raw[1] > raw[3]).any():
        raise ValueError("Fisher's exact test needs whole counts with 0 <= a <= c and "
                         "0 <= b <= d")
    a, b, c, d = (x.astype(np.int64) for x in raw)
    tables = np.column_stack([a, c, b, d])
    unique, back = np.unique(tables, axis=0, return_inverse=True)
    return _two_sided(*unique.T)[np.asarray(back).ravel()]


def _two_sided(x, n1, y, n2):
    """``fisher_exact([[x, n1 - x], [y, n2 - y]]).pvalue`` of each element (int64
    arrays): its two-sided branch (scipy 1.17) with every scalar step done on arrays.

    Every probability that enters a p-value is scipy's (``hypergeom.pmf``, ``cdf`` and
    ``sf``: Boost's exact algorithms, whose cost grows with the number of units, about
    0.1 ms a probability at 75,000 paragraphs). The steps that only compare two
    probabilities (is the table at the mode as probable as the one observed; is the far
    end more probable than it; each step of the binary search) first read the sign from
    a log-gamma approximation with a bound on its error (:func:`_signs`); scipy's
    probability is computed where the bound cannot tell. The comparisons come out as
    scipy's would, so the p-values are the same floats, from a fraction of the calls."""
    from scipy.stats import hypergeom

    p = np.ones(len(x))
    n = x + y
    live = np.flatnonzero((n1 > 0) & (n2 > 0) & (n > 0) & (n1 + n2 - n > 0))  # else 1
    x, n1, n, tot = x[live], n1[live], n[live], n1[live] + n2[live]

    def pmf(k, i):
        return hypergeom.pmf(k, tot[i], n1[i], n[i])

    def signs(k, i, other):
        """The sign of ``pmf(k, i) - other`` as scipy's pmf gives it."""
        return _signs(_log_pmf(k, tot[i], n1[i], n[i]), other, lambda j: pmf(k[j], i[j]))

    everyone = np.arange(len(live))
    mode = ((n + 1) * (n1 + 1) / (tot + 2)).astype(np.int64)      # int(): truncation
    pexact = pmf(x, everyone)
    same = _as_probable(pexact, _log_pmf(mode, tot, n1, n), lambda j: pmf(mode[j], j))
    gamma = 1 + 1e-14
    out = np.ones(len(live))
    below = ~same & (x < mode)
    above = ~same & ~(x < mode)
    for lower in (True, False):
        i = np.flatnonzero(below if lower else above)
        if lower:                                 # plower, pupper
            near = hypergeom.cdf(x[i], tot[i], n1[i], n[i])
        else:
            near = hypergeom.sf(x[i] - 1, tot[i], n1[i], n[i])
        cut = pexact[i] * gamma
        done = signs(n[i] if lower else 0 * i, i, cut) > 0
        out[i[done]] = near[done]
        i, near, cut = i[~done], near[~done], cut[~done]
        if not len(i):
            continue
        if lower:          # scipy searches -pmf against -cut: the signs turned round
            guess = _search(lambda k, j: -signs(k, i[j], cut[j]), mode[i], n[i])
            far = hypergeom.sf(guess, tot[i], n1[i], n[i])
        else:
            guess = _search(lambda k, j: signs(k, i[j], cut[j]), 0 * i, mode[i])
            far = hypergeom.cdf(guess, tot[i], n1[i], n[i])
        out[i] = np.minimum(near + far, 1.0)
    p[live] = out
    return p


#: Below this log-probability (exp(-300) is about 5e-131) a comparison is always made
#: on scipy's probabilities. Above 104,729 units Boost's pmf (a Lanczos product)
#: underflows part-way and returns 0, or loses digits, for probabilities as large as
#: exp(-623) (1,450,939 units, 2,621 marked, 1,138,791 drawn, k = 2,619; the largest of
#: a reviewer's search of 2.5 million points, an empirical limit, not a proven one): the
#: floor keeps over 300 nats from it and costs nothing on keyness tables, whose
#: comparisons of probabilities this small are few (the same exact calls at 2.5 and 10
#: million words of prose with -500, -300 and -200).
FLOOR = -300.0


def _log_pmf(k, tot, good, n):
    """The hypergeometric log-probability of ``k`` (``tot`` units, ``good`` of them
    marked, ``n`` drawn) from log-gamma functions, and a bound on its error.

    ``log C(good, k) + log C(tot - good, n - k) - log C(tot, n)`` as nine terms of
    ``scipy.special.gammaln``. Each term is within a few units in the last place of its
    value and the sum adds nine roundings, so the error is below 16 machine epsilons
    (2.2e-16) times the sum of the terms' magnitudes; the bound allows 1e-12 times that
    sum (over 250 times more), plus 1e-9 for the error of scipy's own probability (its
    relative error is of the order of 1e-13). ``k`` outside the support gives a value
    that is not finite, which :func:`_signs` sends to scipy."""
    from scipy.special import gammaln

    with np.errstate(invalid="ignore"):
        g = gammaln(np.stack([good + 1, k + 1, good - k + 1, tot - good + 1, n - k + 1,
                              tot - good - n + k + 1, tot + 1, n + 1,
                              tot - n + 1]).astype(float))
        value = g[0] - g[1] - g[2] + g[3] - g[4] - g[5] - g[6] + g[7] + g[8]
        return value, 1e-12 * np.abs(g).sum(axis=0) + 1e-9


def _signs(approximate, other, exact):
    """The sign of each ``probability - other`` (-1, 0, 1; nan where scipy's probability
    is nan), read from ``approximate`` (:func:`_log_pmf`: values and error bounds) where
    the bound tells it, else from ``exact(j)``, scipy's probabilities of the elements
    ``j``. The side read from the bound is trusted only for a larger number above
    :data:`FLOOR` (a tiny probability, perhaps wrongly 0 or inexact in scipy, stays
    below a larger one); an approximation that is not finite goes to scipy."""
    value, error = approximate
    with np.errstate(divide="ignore", invalid="ignore"):
        level = np.log(other)
        finite = np.isfinite(value)
        up = finite & (value - error > level) & (value > FLOOR)
        down = finite & (value + error < level) & (level > FLOOR)
    out = np.where(up, 1.0, -1.0)
    sure = up | down
    ask = np.flatnonzero(~sure)
    if len(ask):
        out[ask] = np.sign(exact(ask) - other[ask])
    return out


def _as_probable(pexact, approximate, exact):
    """scipy's test ``|pexact - pmode| / max(pexact, pmode) <= 1e-14`` of each element
    (is the observed table as probable as the one at the mode), with ``pmode`` from
    ``approximate`` (:func:`_log_pmf`) where it is surely more than 1e-9 away in
    relative terms (so not the same), else from ``exact(j)``, scipy's ``pmode``."""
    value, error = approximate
    with np.errstate(divide="ignore", invalid="ignore"):
        level = np.log(pexact)
        apart = np.abs(value - level) > error + 1e-9
        sure = apart & np.isfinite(value) & (value > FLOOR) & (level > FLOOR)
    same = np.zeros(len(pexact), dtype=bool)
    ask = np.flatnonzero(~sure)
    if len(ask):
        pmode, observed = exact(ask), pexact[ask]
        with np.errstate(divide="ignore", invalid="ignore"):
            same[ask] = np.abs(observed - pmode) / np.maximum(observed, pmode) <= 1e-14
    return same


def _search(sign, lo, hi):
    """scipy's ``_binary_search_for_binom_tst(f, d, lo, hi)`` of each element at once:
    the ``i`` between ``lo`` and ``hi`` with ``f(i) <= d < f(i + 1)``, from
    ``sign(k, j)``, the sign of ``f(k) - d`` of the elements ``j`` at ``k`` (nan where
    ``f(k)`` is nan: then, as in scipy, neither below nor above)."""
    lo, hi = lo.copy(), hi.copy()
    found = np.full(len(lo), -1, dtype=np.int64)
    going = np.flatnonzero(lo < hi)
    while len(going):
        mid = lo[going] + (hi[going] - lo[going]) // 2
        s = sign(mid, going)
        less, more = s < 0, s > 0
        lo[going[less]] = mid[less] + 1
        hi[going[more]] = mid[more] - 1
        hit = ~less & ~more
        found[going[hit]] = mid[hit]
        going = going[~hit]
        going = going[lo[going] < hi[going]]
    rest = np.flatnonzero(found < 0)
    if len(rest):
        found[rest] = np.where(sign(lo[rest], rest) <= 0, lo[rest], lo[rest] - 1)
    return found


def log_ratio(a, b, c, d):
    """Hardie's (2014) Log Ratio: ``log2((a/c) / (b/d))``, with 0.5 for a zero count.

    A zero frequency in either corpus is replaced by 0.5 (Hardie's suggestion), so
    the value is finite; each unit is a doubling of the relative frequency.

    Examples
    --------
    >>> round(float(log_ratio(25, 5, 10_000, 12_000)), 5)
    2.58496
    >>> float(log_ratio(4, 0, 100, 100))        # 0 -> 0.5: log2(4 / 0.5) = 3
    3.0
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    a = np.where(a == 0, ZERO, a)
    b = np.where(b == 0, ZERO, b)
    out = np.log2((a / c) / (b / d))
    return float(out) if out.ndim == 0 else out


def logodds_z(a, b, c, d, prior, alpha0: float):
    """Monroe, Colaresi and Quinn's (2008) z-score of the weighted log-odds ratio.

    ``delta = ln((a+α)/(c+α0-a-α)) - ln((b+α)/(d+α0-b-α))``, ``var = 1/(a+α) + 1/(b+α)``,
    ``z = delta / sqrt(var)`` (their eq. 22), with ``α = alpha0 * prior`` for a prior
    that sums to 1 over the vocabulary.

    Examples
    --------
    >>> round(float(logodds_z(3, 1, 4, 4, 0.5, 8.0)[0]), 6)     # alpha = 4, alpha0 = 8
    1.149271
    """
    a, b, prior = (np.atleast_1d(np.asarray(x, dtype=float)) for x in (a, b, prior))
    alpha = alpha0 * prior
    delta = (np.log((a + alpha) / (c + alpha0 - a - alpha))
             - np.log((b + alpha) / (d + alpha0 - b - alpha)))
    return delta / np.sqrt(1 / (a + alpha) + 1 / (b + alpha))


def background_frequencies(terms, *, floor: float = 1e-8) -> np.ndarray:
    """English word frequencies of ``terms`` from ``wordfreq`` (Speer 2022), as shares.

    ``wordfreq.word_frequency(term, "en")`` (a multiword term is the frequency of the
    phrase that wordfreq estimates from its words); terms it does not know get
    ``floor``. The values are divided by their sum, so they form a prior over
    ``terms``. The data ship with the package: nothing is downloaded.

    Examples
    --------
    >>> f = background_frequencies(["the", "trade", "rats"])
    >>> bool(f[0] > f[1] > f[2]), round(float(f.sum()), 12)
    (True, 1.0)
    """
    from wordfreq import word_frequency

    f = np.array([max(word_frequency(str(t), "en"), floor) for t in terms], dtype=float)
    return f / f.sum()
