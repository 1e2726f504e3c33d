"""Coverage of the frame-share intervals of :func:`discourse.framing.frame_shares` when a
year has one document of many paragraphs, or several documents.

Each data set is one year of ``D`` documents of ``P`` paragraphs of ``m`` sentences.
Document ``d`` has a frame probability drawn from a beta distribution with mean ``mu``
and correlation ``rho_doc``; each of its paragraphs one drawn around it with
correlation ``rho_par`` (the same parameterisation as ``proportion_coverage.py``); each
sentence carries the frame with its paragraph's probability. With several documents the
true share is ``mu``, the mean over the population of documents the year's documents
stand for (the bootstrap resamples documents); with one document it is that document's
own probability (paragraphs are resampled: the interval is about the text, which is why
the package says a year of one text is a difference between texts).

**Autocorrelated paragraphs** (``--persistence LAMBDA``): instead, each document's
paragraphs follow a stationary two-state Markov chain (:func:`markov_probs`): a paragraph
is "on the frame" (probability 0.85 for each of its sentences) or "off" (0.05), with the
share of "on" paragraphs set so that the mean is ``mu``, and the state kept from one
paragraph to the next with lag-1 correlation ``LAMBDA``; the paragraph shares of two
sentences then correlate at lag 1 by about 0.8 ``LAMBDA`` (printed: the mean over the
data sets), as the study's texts do at 0.4-0.64. The truth is ``mu``, the mean of the
process the text is drawn from (rho_doc and rho_par are not used).

The three frame columns of one call are three independent data sets. Intervals checked
(share of data sets whose 95% interval contains the truth, and the mean width of the
package's), each under both designs of a lone document's paragraphs, side by side on the
same data sets and seeds: ``L=1`` independent paragraphs (``block=1``, the design before
2026-12-05) and ``blocks`` circular blocks of ``round(P ** (1/3))`` consecutive
paragraphs (the default):

* ``Wilson``: Wilson's interval for independent sentences (the table's
  ``wilson_*_independent`` columns);
* ``bootstrap``: the cluster bootstrap's percentile interval alone (recomputed from
  :func:`discourse.bootstrap.cluster_bootstrap` with the same seed: documents resampled
  when there are several, else paragraphs or blocks of them);
* ``package``: the table's ``ci_low, ci_high`` (the bootstrap widened to contain Wilson's
  interval at the effective sample size, :mod:`discourse.clustered_ci`).

**Floors for serially correlated paragraphs** (``--serial``; one-document designs only,
a measurement for planning: the package does not compute them). The package's floor,
Wilson's interval at ``n_eff = n / deff * (z / t_df)^2``
(:func:`discourse.clustered_ci.effective_wilson_interval` with the strata and units of
:func:`discourse.clustered_ci.design_units` of the blocks design's bootstrap, on all the
year's sentences, as ``frame_shares`` calls it), takes the paragraphs as independent.
Each candidate below is Wilson's interval of the same share ``p = k / n`` at a smaller
effective sample size, alone (``floor``) and as the envelope of it and the package's
interval of the blocks design (``package + ...``, as :func:`discourse.bootstrap.no_narrower`
widens the bootstrap to the package's floor), on the same data sets and seeds; a second
table gives their coverage and the mean width of each ``package + ...``:

* ``AR1``: ``n_eff (1 - r) / (1 + r)``, ``r = max(0, r_hat)``, ``r_hat`` the lag-1
  autocorrelation of the document's paragraph shares ``x_t`` in paragraph order,
  ``sum (x_t - xbar)(x_{t+1} - xbar) / sum (x_t - xbar)^2`` (0 where the shares do not
  vary); ``(1 + r) / (1 - r)`` is the ratio of the long-run variance of an AR(1) series
  to its variance, i.e. the variance of a mean of ``P`` AR(1) values over that of ``P``
  independent ones for large ``P``;
* ``AR1c``: the same with ``r_c = r_hat + (1 + 3 r_hat) / P`` clipped to [0, 0.95],
  removing Kendall's (1954) first-order bias of the lag-1 autocorrelation of an AR(1)
  series of length ``P``, ``E(r_hat) - rho = -(1 + 3 rho) / P``;
* ``NW(L)``, ``NW(2L)``: ``n_eff S_0 / S_b``, ``S_b`` the Newey-West (1987) long-run
  variance of the paragraph residual sums ``e_t = sum over the sentences of paragraph t
  of (y_i - p)`` with the Bartlett kernel and bandwidth ``b``,
  ``S_b = sum_t e_t^2 + 2 sum_{j=1..b} (1 - j / (b + 1)) sum_t e_t e_{t+j}``, and
  ``S_0 = sum_t e_t^2`` (the sum the package's design effect is made of); the ratio is
  taken as at least 1 (never narrower than the package's floor); ``b`` is ``L =
  round(P ** (1/3))``, the package's block length, or ``2L``.

A third table (added 2026-12-05, afternoon) gives floors meant to carry the uncertainty
of the serial correlation, each as a factor on the same ``n_eff`` (``r_k = r_hat + (1 + 3
r_hat) / P``, Kendall-corrected and not clipped; ``t_df`` the package's t quantile, ``df``
= paragraphs minus 1; ``z_q`` the normal quantile):

* ``AR1ct``: ``AR1c`` with Student's t at ``nu = P (1 - r_c^2) / 2`` degrees of freedom
  (``n_eff`` times ``(t_df / t_nu)^2``): by the delta method ``var log((1 + r) / (1 -
  r)) ~ 4 / (P (1 - r^2))``, the variance of the log of a chi-square's ``2 / nu``;
* ``AR1u80``, ``AR1u90``: the AR(1) factor at an upper confidence bound of the lag-1
  correlation, ``r_u = r_k + z_q sqrt((1 - r_k^2) / P)`` (q = 0.8, 0.9; Bartlett's
  variance of a lag-1 autocorrelation), clipped to [0, 0.95];
* ``ARMA``: the factor of an AR(1) signal seen through independent sentence noise (an
  ARMA(1, 1) series, as the paragraph shares of the Markov chain are), ``V = 1 + 2 rho_1
  / (1 - phi)``, ``rho_1 = r_c``, ``phi = min(0.95, rho_1 / c)``, ``c = 1 - w / s^2`` the
  share of the paragraph shares' variance ``s^2`` (ddof 1) that is not sentence noise,
  ``w`` the mean over paragraphs of the within-paragraph variance of the sentence codes
  (ddof 1) over ``m``; ``ARMAu80``: the same at ``rho_1 = r_u`` (q = 0.8); ``ARMAb``: at
  ``rho_1`` solving ``rho_1 = r_hat + ((1 - rho_1) V(rho_1) + 2 rho_1) / P`` (fixed point,
  clipped to [0, 0.95]): the first-order bias of ``r_hat`` from the estimated mean for
  the series' own ``V``, which is Kendall's ``(1 + 3 rho) / P`` for an AR(1);
* ``BC(L)``: the truncated (rectangular-kernel) long-run variance of the residual sums
  ``e_t`` at ``L`` lags over ``S_0``, times ``(P - 1) / (P - 2L - 1)``: the sum of the
  autocovariances at lags ``|j| <= K`` of a demeaned series is low by about ``(2K + 1)``
  times the variance of the mean; at least 1;
* ``NWfb``: the Newey-West variance with Bartlett weights ``1 - j / S``, ``S =
  round(1.3 sqrt(P))``, and Kiefer and Vogelsang's (2005) fixed-b critical value at ``b
  = S / P`` in place of ``t_df`` (the rule of Lazarus, Lewis, Stock and Watson 2018), not
  floored at 1;
* ``EWC``: the equal-weighted cosine variance of ``e_t`` with ``nu = round(0.4 P^(2/3))``
  cosines and Student's t with ``nu`` degrees of freedom (Lazarus, Lewis, Stock and
  Watson 2018; exact for independent normal ``e_t``), not floored at 1; ``EWC2``: ``2
  nu`` cosines.

``AR1u80p``, ``AR1u90p``, ``ARMAu80p``: ``AR1u80``, ``AR1u90``, ``ARMAu80`` with ``r_k``
from the mean ``r_bar`` of the lag-1 correlations of the call's three frames (``r_bar +
(1 + 3 r_bar) / P``) and the standard error ``sqrt((1 - r_k^2) / (3 P))`` of a mean of
three series (here the frames are independent data sets of one dependence model, the
case most favourable to pooling; ``ARMA``'s ``c`` stays the frame's own).

**Topic runs** (``--runs R``, a second dependence model that is not a Markov chain,
:func:`run_probs`): each document's paragraphs come in runs of a length uniform on
1..R, each run with its own frame probability drawn from the beta distribution with
mean ``mu`` and correlation ``rho_par``; the probabilities ``k`` paragraphs apart
correlate by ``E (len - k)+ / E len`` (with R = 5: 2/3, 0.4, 0.2, 0.07, then 0), a
decay neither geometric nor long. The truth is ``mu``.

The Monte Carlo standard error of a coverage near 0.95 is printed,
``sqrt(0.95 * 0.05 / sims)``.

Run from the repository root, one process::

    nice -n 19 .venv/bin/python benchmarks/share_coverage.py              # ~1 min
    nice -n 19 .venv/bin/python benchmarks/share_coverage.py --sims 300 --designs 1x36x2
    nice -n 19 .venv/bin/python benchmarks/share_coverage.py --persistence 0.65 \
        --designs 1x30x2,1x36x2,1x60x2
    nice -n 19 .venv/bin/python benchmarks/share_coverage.py --persistence 0.65 --serial \
        --designs 1x30x2,1x36x2,1x60x2
    nice -n 19 .venv/bin/python benchmarks/share_coverage.py --runs 5 --rho-par 0.5 \
        --serial --designs 1x30x2,1x36x2,1x60x2

References
----------
Cameron, A. C., Gelbach, J. B. and Miller, D. L. (2008). Bootstrap-based improvements for
inference with clustered errors. *Review of Economics and Statistics* 90(3), 414-427.
Korn, E. L. and Graubard, B. I. (1998). Confidence intervals for proportions with small
expected number of positive counts estimated from survey data. *Survey Methodology*
24(2), 193-201.
Kendall, M. G. (1954). Note on bias in the estimation of autocorrelation. *Biometrika*
41(3/4), 403-404.
Kiefer, N. M. and Vogelsang, T. J. (2005). A new asymptotic theory for
heteroskedasticity-autocorrelation robust tests. *Econometric Theory* 21(6), 1130-1164.
Lazarus, E., Lewis, D. J., Stock, J. H. and Watson, M. W. (2018). HAR inference:
recommendations for practice. *Journal of Business & Economic Statistics* 36(4),
541-559.
Newey, W. K. and West, K. D. (1987). A simple, positive semi-definite, heteroskedasticity
and autocorrelation consistent covariance matrix. *Econometrica* 55(3), 703-708.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

FRAMES = ("security", "economy", "multilateralism")


def beta_draws(rng, mean, rho, size):
    """``size`` probabilities from the beta distribution with mean ``mean`` and
    intra-class correlation ``rho`` (all ``mean`` when ``rho`` is 0); also used by
    ``difference_coverage.py``."""
    if rho <= 0:
        return np.broadcast_to(mean, size).astype(float).copy()
    a, b = mean * (1 - rho) / rho, (1 - mean) * (1 - rho) / rho
    return rng.beta(np.maximum(a, 1e-3), np.maximum(b, 1e-3), size=size)


def markov_probs(rng, mu, persistence, paragraphs, high=0.85, low=0.05) -> np.ndarray:
    """Frame probabilities of ``paragraphs`` consecutive paragraphs from a stationary
    two-state Markov chain: ``high`` in the "on" state, ``low`` in the "off", the "on"
    state with stationary probability ``(mu - low) / (high - low)`` (so the mean is
    ``mu``) and lag-1 autocorrelation ``persistence`` (the chain's second eigenvalue);
    also used by ``difference_coverage.py``."""
    pi = (mu - low) / (high - low)
    if not 0 < pi < 1 or not 0 <= persistence < 1:
        raise SystemExit(f"mu={mu} must lie in ({low}, {high}), persistence in [0, 1)")
    to_on, to_off = (1 - persistence) * pi, (1 - persistence) * (1 - pi)
    u = rng.random(paragraphs)
    state = np.empty(paragraphs, dtype=bool)
    state[0] = u[0] < pi
    for t in range(1, paragraphs):
        state[t] = u[t] >= to_off if state[t - 1] else u[t] < to_on
    return np.where(state, high, low)


def run_probs(rng, mu, rho, longest, paragraphs) -> np.ndarray:
    """Frame probabilities of ``paragraphs`` consecutive paragraphs in "topic runs": runs
    of a length uniform on 1..``longest``, each run's probability drawn independently from
    the beta distribution with mean ``mu`` and correlation ``rho`` (:func:`beta_draws`),
    read from paragraph ``3 * longest`` of the sequence on (near-stationary). Not a Markov
    chain: the probabilities of paragraphs ``k`` apart correlate by ``rho_s(k) = E (len -
    k)+ / E len`` (a triangle-like decay, zero from lag ``longest`` on), not geometrically;
    also used by ``difference_coverage.py``."""
    start = 3 * longest
    lengths = rng.integers(1, longest + 1, size=start + paragraphs)
    cum = np.cumsum(lengths)
    runs = int(np.searchsorted(cum, start + paragraphs)) + 1
    probs = np.repeat(beta_draws(rng, mu, rho, runs), lengths[:runs])
    return probs[start:start + paragraphs]


def paragraph_probs(rng, mu, rho_doc, rho_par, docs, paragraphs, persistence, runs=None):
    """Each paragraph's frame probability, documents one after another, and the truth
    (``mu`` with several documents or under the Markov chain or the topic runs, else the
    document's)."""
    if runs is not None:
        return np.concatenate([run_probs(rng, mu, rho_par, runs, paragraphs)
                               for _ in range(docs)]), mu
    if persistence is not None:
        return np.concatenate([markov_probs(rng, mu, persistence, paragraphs)
                               for _ in range(docs)]), mu
    p_doc = beta_draws(rng, mu, rho_doc, docs)
    p_par = np.concatenate([beta_draws(rng, p, rho_par, paragraphs) for p in p_doc])
    return p_par, (mu if docs > 1 else float(p_doc[0]))


def lag1(codes, paragraphs, m) -> float:
    """Mean over documents of the lag-1 correlation of the paragraph shares, as the
    package measures a corpus's texts (:func:`discourse.blocks.lag1_correlation`; NaN
    where no document's shares vary)."""
    from discourse.blocks import lag1_correlation

    n = len(codes)
    r = lag1_correlation(codes, np.arange(n) // (paragraphs * m), np.arange(n) // m)
    found = [v for v in r.values() if np.isfinite(v)]
    return float(np.mean(found)) if found else np.nan


SERIAL = ("AR1", "AR1c", "NW(L)", "NW(2L)")
#: the floors added 2026-12-05 (afternoon), printed in a third table
CANDIDATES = ("AR1ct", "AR1u80", "AR1u90", "ARMA", "ARMAb", "ARMAu80", "BC(L)", "NWfb",
              "EWC", "EWC2")
#: the same upper bounds from the lag-1 correlation pooled over the frames of one text
#: (``share_coverage.py`` only: its frames share one dependence model)
POOLED = ("AR1u80p", "AR1u90p", "ARMAu80p")


def acf1(x) -> float:
    """Lag-1 autocorrelation of a series in order, ``sum (x_t - xbar)(x_{t+1} - xbar) /
    sum (x_t - xbar)^2`` (the estimator whose bias Kendall 1954 gives; 0 where ``x`` is
    constant)."""
    d = np.asarray(x, dtype=float) - np.mean(x)
    ss = (d ** 2).sum()
    return float((d[:-1] * d[1:]).sum() / ss) if ss > 0 else 0.0


def newey_west_ratio(e, bandwidth, floor=True) -> float:
    """The Newey-West (1987) long-run variance of the series ``e`` (Bartlett kernel,
    ``bandwidth`` lags) over ``sum e_t^2``, at least 1 unless ``floor`` is false (1
    where ``e`` is all 0)."""
    e = np.asarray(e, dtype=float)
    s0 = (e ** 2).sum()
    if s0 <= 0:
        return 1.0
    s = s0 + 2 * sum((1 - j / (bandwidth + 1)) * (e[:-j] * e[j:]).sum()
                     for j in range(1, min(bandwidth, len(e) - 1) + 1))
    return max(1.0, s / s0) if floor else s / s0


def truncated_ratio(e, lags) -> float:
    """The truncated (rectangular-kernel) long-run variance of the residual series
    ``e`` (mean 0) over ``sum e_t^2``, each divided by its first-order bias from the
    estimated mean: ``E sum_{|j|<=K} gamma_hat_j ~ LRV (1 - (2K + 1) / P)``, against
    ``(1 - 1 / P)`` for ``gamma_hat_0`` alone; at least 1 (1 where ``e`` is all 0 or
    ``2K + 1 >= P``)."""
    e = np.asarray(e, dtype=float)
    big_p, s0 = len(e), (e ** 2).sum()
    if s0 <= 0 or 2 * lags + 1 >= big_p:
        return 1.0
    s = s0 + 2 * sum((e[:-j] * e[j:]).sum() for j in range(1, lags + 1))
    return max(1.0, s / s0 * (big_p - 1) / (big_p - 2 * lags - 1))


def ewc_ratio(e, nu) -> float:
    """The equal-weighted cosine (EWC) long-run variance of the series ``e``,
    ``(1 / nu) sum_{j=1..nu} Lambda_j^2``, ``Lambda_j = sqrt(2 / P) sum_t cos(pi j (t -
    1/2) / P) e_t`` (Lazarus, Lewis, Stock and Watson 2018), over ``sum e_t^2 / P``
    (1 where ``e`` is all 0); with independent ``e`` it is ``chi2_nu / nu``."""
    e = np.asarray(e, dtype=float)
    big_p, s0 = len(e), (e ** 2).sum()
    if s0 <= 0:
        return 1.0
    t = np.arange(big_p) + 0.5
    lam = np.array([np.sqrt(2 / big_p) * (np.cos(np.pi * j * t / big_p) * e).sum()
                    for j in range(1, nu + 1)])
    return float((lam ** 2).mean() / (s0 / big_p))


def fixed_b_value(b) -> float:
    """Kiefer and Vogelsang's (2005) fixed-b 0.975 quantile of the t statistic with a
    Bartlett-kernel Newey-West variance of bandwidth ``b P``: ``1.96 + 2.9694 b + 0.4160
    b^2 - 0.5324 b^3`` (their polynomial fit)."""
    return 1.96 + 2.9694 * b + 0.4160 * b ** 2 - 0.5324 * b ** 3


def serial_floors(y, floor, paragraphs, m, level=0.95, pooled=None) -> dict:
    """Wilson's interval of ``mean(y)`` (one document of ``paragraphs`` paragraphs of
    ``m`` sentences, in order) at the package's effective sample size ``floor.n_eff``
    shrunk for the serial correlation of the paragraphs: each of :data:`SERIAL` and
    :data:`CANDIDATES` (the module's docstring), with ``r_hat`` and ``r_c``, and each
    one's effective sample size (``key + " n"``); with ``pooled = (r_bar, J)``, the mean
    lag-1 correlation of ``J`` series of the same text, also each of :data:`POOLED`."""
    from scipy import stats as sps

    from discourse import stats
    from discourse.blocks import block_length
    from discourse.clustered_ci import t_value

    y = np.asarray(y, dtype=float)
    big_p = paragraphs
    p = y.mean()
    x = y.reshape(big_p, m).mean(axis=1)
    t_df = t_value(level, floor.df) if floor.df else stats.z_value(level)
    r_hat = acf1(x)
    r_k = r_hat + (1 + 3 * r_hat) / big_p            # Kendall-corrected, unclipped
    r_c = float(np.clip(r_k, 0, 0.95))
    r = max(0.0, r_hat)

    def upper(q, r_k=r_k, series=1):
        return float(np.clip(r_k + sps.norm.ppf(q) * np.sqrt(max(0.0, 1 - min(r_k, 1) ** 2)
                                                             / (series * big_p)), 0, 0.95))

    g0 = x.var(ddof=1) if big_p > 1 else 0.0
    noise = (y.reshape(big_p, m).var(axis=1, ddof=1) / m).mean() if m > 1 else 0.0
    c = max(1e-9, 1 - noise / g0) if g0 > 0 else 1.0

    def arma(rho1):
        # AR(1) signal plus independent sentence noise: rho_k = rho1 phi^(k-1), phi =
        # rho1 / c, c the share of the paragraph shares' variance that is signal
        if g0 <= 0 or rho1 <= 0:
            return 1.0
        phi = min(0.95, rho1 / c)
        return 1 + 2 * rho1 / (1 - phi)

    # r_hat corrected for its first-order bias under the ARMA(1, 1) factor V:
    # E r_hat ~ rho - ((1 - rho) V(rho) + 2 rho) / P (Kendall's 1954 for an AR(1))
    rho_b = float(np.clip(r_hat, 0, 0.95))
    for _ in range(50):
        rho_b = float(np.clip(r_hat + ((1 - rho_b) * arma(rho_b) + 2 * rho_b) / big_p,
                              0, 0.95))

    def t_ratio(rho1):
        # (t_df / t_nu)^2, nu = P (1 - rho^2) / 2: var log((1 + r) / (1 - r)) ~ 4 /
        # (P (1 - r^2)) by the delta method, nu = 2 / that (a chi-square's)
        return (t_df / t_value(level, max(1.0, big_p * (1 - rho1 ** 2) / 2))) ** 2

    e = (y - p).reshape(big_p, m).sum(axis=1)
    L = block_length(big_p)
    nu = max(1, round(0.4 * big_p ** (2 / 3)))
    s_nw = max(2, round(1.3 * np.sqrt(big_p)))        # Bartlett weights 1 - j / s_nw
    shrink = {"AR1": (1 - r) / (1 + r), "AR1c": (1 - r_c) / (1 + r_c),
              "NW(L)": 1 / newey_west_ratio(e, L), "NW(2L)": 1 / newey_west_ratio(e, 2 * L),
              "AR1u80": (1 - upper(0.8)) / (1 + upper(0.8)),
              "AR1u90": (1 - upper(0.9)) / (1 + upper(0.9)),
              "ARMA": 1 / arma(r_c),
              "EWC": (t_df / t_value(level, nu)) ** 2 / ewc_ratio(e, nu),
              "EWC2": (t_df / t_value(level, 2 * nu)) ** 2 / ewc_ratio(e, 2 * nu),
              "NWfb": (t_df / fixed_b_value(s_nw / big_p)) ** 2
              / max(1e-9, newey_west_ratio(e, s_nw - 1, floor=False)),
              "BC(L)": 1 / truncated_ratio(e, L),
              "AR1ct": (1 - r_c) / (1 + r_c) * t_ratio(r_c), "ARMAb": 1 / arma(rho_b),
              "ARMAu80": 1 / arma(upper(0.8))}
    if pooled is not None:
        r_bar, series = pooled
        r_pk = r_bar + (1 + 3 * r_bar) / big_p
        u80, u90 = (upper(q, r_pk, series) for q in (0.8, 0.9))
        shrink.update({"AR1u80p": (1 - u80) / (1 + u80), "AR1u90p": (1 - u90) / (1 + u90),
                       "ARMAu80p": 1 / arma(u80)})
    out = {"r_hat": r_hat, "r_c": r_c}
    for key, f in shrink.items():
        n_eff = floor.n_eff * f
        out[key] = stats.wilson_interval(p * n_eff, n_eff, level)
        out[f"{key} n"] = n_eff
    return out


def run(mu, rho_doc, rho_par, docs, paragraphs, m, sims, n_boot, seed,
        persistence=None, serial=False, runs=None) -> dict:
    from discourse import framing, stats
    from discourse.bootstrap import cluster_bootstrap
    from discourse.clustered_ci import design_units

    if serial and docs != 1:
        raise SystemExit("--serial: one-document designs only (1xPxm)")

    rng = np.random.default_rng(seed)
    n = docs * paragraphs * m
    doc = np.arange(n) // (paragraphs * m)
    par = np.arange(n) // m
    sentences = pd.DataFrame({"sentence_id": [f"s{i}" for i in range(n)], "year": 2021,
                              "doc_id": [f"d{d}" for d in doc], "paragraph": par % paragraphs,
                              "text": "x"})
    designs = {"1": 1, "blocks": None}            # block=1: independent paragraphs
    hits = {"wilson": 0, **{f"{k}{d}": 0 for k in ("bootstrap", "package")
                            for d in designs}}
    width = dict.fromkeys(designs, 0.0)
    r1 = []
    ser = {"r_hat": 0.0, "r_c": 0.0, **{f"{k}{x}": 0.0 for k in SERIAL + CANDIDATES + POOLED
                                        for x in ("floor", "hit", "width")}}
    done = 0
    while done < sims:
        codes, truth = {"sentence_id": sentences.sentence_id}, {}
        for f in FRAMES:
            p_par, truth[f] = paragraph_probs(rng, mu, rho_doc, rho_par, docs, paragraphs,
                                              persistence, runs)
            codes[f] = (rng.random(n) < p_par[par]).astype(int)
            r1.append(lag1(codes[f], paragraphs, m))
        seed_call = int(rng.integers(2 ** 31))
        for d, block in designs.items():
            table = framing.frame_shares(pd.DataFrame(codes), sentences, n_boot=n_boot,
                                         seed=seed_call, block=block).set_index("frame")
            boot = cluster_bootstrap(sentences, n_boot=n_boot, seed=seed_call, block=block)
            total = boot.sums(np.ones(n))
            r_bar = (np.mean([acf1(codes[f].reshape(paragraphs, m).mean(axis=1))
                              for f in FRAMES]) if serial else None)
            for f in FRAMES:
                row, t = table.loc[f], truth[f]
                if d == "1":
                    hits["wilson"] += int(row.wilson_low_independent <= t
                                          <= row.wilson_high_independent)
                lo, hi = stats.percentile_interval(boot.sums(codes[f].astype(float)) / total)
                hits[f"bootstrap{d}"] += int(lo <= t <= hi)
                hits[f"package{d}"] += int(row.ci_low <= t <= row.ci_high)
                width[d] += row.ci_high - row.ci_low
                if serial and d == "blocks":
                    # the package's floor as frame_shares makes it (one year: all rows)
                    floor = design_units(boot).wilson(codes[f], np.ones(n, dtype=bool))
                    cand = serial_floors(codes[f], floor, paragraphs, m,
                                         pooled=(r_bar, len(FRAMES)))
                    ser["r_hat"] += cand["r_hat"]
                    ser["r_c"] += cand["r_c"]
                    for k in SERIAL + CANDIDATES + POOLED:
                        flo, fhi = cand[k]
                        lo, hi = min(row.ci_low, flo), max(row.ci_high, fhi)
                        ser[f"{k}floor"] += int(flo <= t <= fhi)
                        ser[f"{k}hit"] += int(lo <= t <= hi)
                        ser[f"{k}width"] += hi - lo
        done += len(FRAMES)
    return {**{key: h / done for key, h in hits.items()},
            **{f"width{d}": w / done for d, w in width.items()}, "lag1": np.nanmean(r1),
            **({f"serial_{k}": v / done for k, v in ser.items()} if serial else {})}


DESIGNS = {   # name: (documents, paragraphs per document, sentences per paragraph)
    "1x30x2": (1, 30, 2), "1x36x2": (1, 36, 2), "1x60x2": (1, 60, 2), "2x20x3": (2, 20, 3),
    "3x20x3": (3, 20, 3), "5x10x3": (5, 10, 3), "10x10x3": (10, 10, 3),
}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mu", type=float, default=0.3, help="true share")
    parser.add_argument("--rho-doc", type=float, default=0.1)
    parser.add_argument("--rho-par", type=float, default=0.3)
    parser.add_argument("--persistence", type=float, default=None,
                        help="paragraphs from a two-state Markov chain with this lag-1 "
                        "correlation (default: independent paragraphs around the document)")
    parser.add_argument("--runs", type=int, default=None,
                        help="paragraphs in topic runs of a length uniform on 1..RUNS, each "
                        "run's probability from the beta with mean mu and correlation "
                        "rho_par (a second dependence model, not a Markov chain)")
    parser.add_argument("--designs", default=",".join(d for d in DESIGNS if d != "1x30x2"))
    parser.add_argument("--sims", type=int, default=600, help="data sets per design")
    parser.add_argument("--b", type=int, default=1000, help="bootstrap replicates")
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--serial", action="store_true",
                        help="also the floors for serially correlated paragraphs (AR(1), "
                        "Newey-West; one-document designs), in a second table")
    args = parser.parse_args(argv)
    if args.runs is not None and args.persistence is not None:
        raise SystemExit("--runs and --persistence are two models: give one")
    model = (f"Markov paragraphs, persistence={args.persistence}"
             if args.persistence is not None else
             f"topic runs of 1..{args.runs} paragraphs, rho_par={args.rho_par}"
             if args.runs is not None else
             f"rho_doc={args.rho_doc}, rho_par={args.rho_par}")
    print(f"mu={args.mu}, {model}, sims={args.sims}, B={args.b}, seed={args.seed}; share of "
          "data sets whose 95% interval contains the truth; mean width of the package's "
          "interval; L=1: independent paragraphs, blocks: circular blocks (the default)")
    print("| documents x paragraphs x sentences | lag-1 r | Wilson | bootstrap L=1 | "
          "bootstrap blocks | package L=1 | package blocks | width L=1 | width blocks |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    start = time.perf_counter()
    serial_rows, package_cells = [], []
    candidate_rows = {k: [] for k in CANDIDATES + POOLED}
    for i, name in enumerate(args.designs.split(",")):
        out = run(args.mu, args.rho_doc, args.rho_par, *DESIGNS[name], args.sims, args.b,
                  (args.seed, i), args.persistence, args.serial, args.runs)
        print(f"| {name} | {out['lag1']:.2f} | {out['wilson']:.3f} | {out['bootstrap1']:.3f} "
              f"| {out['bootstrapblocks']:.3f} | {out['package1']:.3f} | "
              f"{out['packageblocks']:.3f} | {out['width1']:.2f} | {out['widthblocks']:.2f} |",
              flush=True)
        if args.serial:
            serial_rows.append(
                f"| {name} | {out['lag1']:.2f} | {out['serial_r_hat']:.2f} | "
                f"{out['serial_r_c']:.2f} | {out['packageblocks']:.3f} | "
                f"{out['widthblocks']:.3f} | "
                + " | ".join(f"{out[f'serial_{k}floor']:.3f} | {out[f'serial_{k}hit']:.3f} | "
                             f"{out[f'serial_{k}width']:.3f}" for k in SERIAL) + " |")
            package_cells.append(f"{out['packageblocks']:.3f}, width "
                                 f"{out['widthblocks']:.3f}")
            for k in CANDIDATES + POOLED:
                candidate_rows[k].append(
                    f"{out[f'serial_{k}floor']:.3f} | {out[f'serial_{k}hit']:.3f} | "
                    f"{out[f'serial_{k}width']:.3f} ("
                    f"{out[f'serial_{k}width'] / out['widthblocks']:.2f})")
    print(f"{time.perf_counter() - start:.0f} s")
    if args.serial:
        sims = -(-args.sims // len(FRAMES)) * len(FRAMES)
        print(f"\nFloors for serially correlated paragraphs (same data sets and seeds; blocks "
              f"design): coverage of each floor alone and of the package's interval widened "
              f"to contain it, and the mean width of the latter; {sims} data sets per design, "
              f"Monte Carlo standard error near 0.95: {np.sqrt(0.95 * 0.05 / sims):.3f}")
        columns = " | ".join(f"{k} floor | package + {k} | width" for k in SERIAL)
        print("| documents x paragraphs x sentences | lag-1 r | mean r_hat | mean r_c | "
              f"package | width | {columns} |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | "
              + " | ".join(["---: | ---: | ---:"] * len(SERIAL)) + " |")
        print("\n".join(serial_rows))
        names = args.designs.split(",")
        print("\nThe floors added 2026-12-05, afternoon (same data sets; the module's "
              "docstring): coverage of each floor alone and of the package's interval "
              "widened to contain it, the mean width of the latter and (in brackets) its "
              "ratio to the package's mean width; package: "
              + "; ".join(f"{n} {c}" for n, c in zip(names, package_cells)))
        print("| floor | " + " | ".join(f"{n} floor | {n} package + | {n} width"
                                        for n in names) + " |")
        print("| --- | " + " | ".join(["---: | ---: | ---:"] * len(names)) + " |")
        for k in CANDIDATES + POOLED:
            print(f"| {k} | " + " | ".join(candidate_rows[k]) + " |")


if __name__ == "__main__":
    main()
