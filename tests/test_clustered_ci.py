"""discourse.clustered_ci: Wilson's interval at the effective sample size, by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import t

from discourse import stats
from discourse.bootstrap import cluster_bootstrap
from discourse.clustered_ci import design_units, effective_wilson_interval

Z = 1.959963984540054


def _wilson(p, n):
    """Wilson's formula with a real-valued n (Wilson 1927)."""
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * np.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return centre - half, centre + half


def test_six_paragraphs_by_hand():
    """Six paragraphs of two sentences, the two misses in one: p = 10/12. Unit residuals
    y_j - p m_j: five of 2 - 5/3 = 1/3 and one of -5/3 (mean 0); linearisation variance
    6/5 (5/9 + 25/9) / 144 = 1/36; independent p (1 - p) / 12 = 5/432; design effect
    2.4; n_eff = 12 / 2.4 (z / t_5)^2."""
    y = [1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1]
    r = effective_wilson_interval(y, [0] * 12, np.arange(12) // 2)
    assert r.deff == pytest.approx((1 / 36) / (5 / 432))
    assert r.deff == pytest.approx(2.4) and r.df == 5
    n_eff = 12 / 2.4 * (Z / t.ppf(0.975, 5)) ** 2
    assert (r.low, r.high) == pytest.approx(_wilson(10 / 12, n_eff))
    assert r.name == ("the Wilson score interval of 10/12 at the effective sample size "
                      "(design effect 2.40, t with 5 df; Korn and Graubard 1998)")
    wlo, whi = stats.wilson_interval(10, 12)
    assert r.low < wlo - 0.2 and r.high > whi                 # much wider than Wilson's


def test_strata_add_their_variances_and_their_degrees_of_freedom():
    """Two strata of three units: the variance is the sum of each stratum's
    n_h / (n_h - 1) times the squared deviations of its unit residuals from their mean,
    over n^2; df = 6 units - 2 strata."""
    y = np.array([1, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 0], float)
    strata = np.repeat([0, 1], 6)
    units = np.repeat(np.arange(6), 2)
    p = y.mean()
    variance = 0.0
    for h in (0, 1):
        e = np.array([y[units == u].sum() - 2 * p for u in range(3 * h, 3 * h + 3)])
        variance += 3 / 2 * ((e - e.mean()) ** 2).sum() / 144
    r = effective_wilson_interval(y, strata, units)
    deff = max(1.0, variance / (p * (1 - p) / 12))
    assert r.deff == pytest.approx(deff) and r.df == 4
    n_eff = 12 / deff * (Z / t.ppf(0.975, 4)) ** 2
    assert (r.low, r.high) == pytest.approx(_wilson(p, n_eff))


def test_independent_sentences_widen_only_by_the_small_sample_terms():
    """Every sentence its own unit: the design effect is n / (n - 1) and df n - 1, so the
    interval is a little wider than Wilson's and tends to it as n grows."""
    rng = np.random.default_rng(1)
    for n in (20, 400):
        y = (rng.random(n) < 0.3).astype(float)
        r = effective_wilson_interval(y, np.zeros(n), np.arange(n))
        assert r.deff == pytest.approx(n / (n - 1)) and r.df == n - 1
        wlo, whi = stats.wilson_interval(int(y.sum()), n)
        assert r.low <= wlo and r.high >= whi
    assert (r.high - r.low) / (whi - wlo) < 1.01


def test_where_the_design_effect_cannot_be_estimated():
    """A proportion of 1 (no variance to see), or one unit per stratum (no df): design
    effect 1; without df there is no t adjustment, so the interval is Wilson's."""
    one = effective_wilson_interval([1] * 8, [0] * 8, np.arange(8) // 2)
    assert one.deff == 1.0 and one.df == 3
    n_eff = 8 * (Z / t.ppf(0.975, 3)) ** 2
    assert (one.low, one.high) == pytest.approx(_wilson(1.0, n_eff))
    assert one.name == ("the Wilson score interval of 8/8 at the effective sample size "
                        "(design effect not estimable at a proportion of 0 or 1, taken as "
                        "1, t with 3 df; Korn and Graubard 1998)")
    alone = effective_wilson_interval([1, 0, 1, 1], [0, 0, 1, 1], [0, 0, 1, 1])
    assert (alone.deff, alone.df) == (1.0, 0)
    assert (alone.low, alone.high) == pytest.approx(stats.wilson_interval(3, 4))
    empty = effective_wilson_interval([], [], [])
    assert np.isnan(empty.low) and np.isnan(empty.high)
    with pytest.raises(ValueError, match="level"):
        effective_wilson_interval([1, 0], [0, 0], [0, 1], level=1.5)


def test_units_are_those_the_bootstrap_resamples():
    """Documents where a stratum has several, else paragraphs; rows without paragraphs."""
    rows = pd.DataFrame({"year": [1, 1, 1, 1, 2, 2, 2], "doc_id": list("aabbccc"),
                         "paragraph": [1, 2, 1, 1, 1, 2, 2]})
    strata, units = design_units(cluster_bootstrap(rows, n_boot=5))
    assert strata.tolist() == [0, 0, 0, 0, 1, 1, 1]
    assert units.tolist() == [0, 0, 1, 1, 2, 3, 3]     # 1: documents a, b; 2: paragraphs
    flat = cluster_bootstrap(rows, n_boot=5, stratum=None, document=None, paragraph=None)
    assert design_units(flat)[1].tolist() == list(range(7))


def test_bad_inputs_are_named():
    with pytest.raises(ValueError, match="must hold 0 or 1.*2.0"):
        effective_wilson_interval([2, 0, 1], [0, 0, 0], [0, 1, 2])
    with pytest.raises(ValueError, match="must hold 0 or 1.*nan"):
        effective_wilson_interval([np.nan, 0, 1], [0, 0, 0], [0, 1, 2])
    with pytest.raises(ValueError, match="one length"):
        effective_wilson_interval([1, 0, 1], [0, 0], [0, 1, 2])
    with pytest.raises(ValueError, match="must not be missing"):
        effective_wilson_interval([1, 0, 1], [0, np.nan, 0], [0, 1, 2])


def test_newcombe_from_the_effective_sample_sizes_by_hand():
    """Newcombe's hybrid interval (method 10) from each proportion and its Wilson limits
    at the effective sample size: d - sqrt((p1 - l1)^2 + (u0 - p0)^2), d + sqrt((u1 -
    p1)^2 + (p0 - l0)^2), recomputed here from the two effective intervals."""
    from discourse.clustered_ci import effective_newcombe_interval

    one = (np.array([1, 1, 0, 0, 1, 1, 1, 1.0]), np.zeros(8), np.arange(8) // 2)
    two = (np.array([0, 0, 1, 0, 0, 0.0]), np.zeros(6), np.arange(6) // 2)
    a, b = effective_wilson_interval(*one), effective_wilson_interval(*two)
    p1, p0 = 6 / 8, 1 / 6
    d = p1 - p0
    low, high, name = effective_newcombe_interval(one, two)
    assert (low, high) == pytest.approx((d - np.hypot(p1 - a.low, b.high - p0),
                                         d + np.hypot(a.high - p1, p0 - b.low)))
    assert name == (f"Newcombe's interval from Wilson's at the effective sample sizes "
                    f"(target: design effect {a.deff:.2f}, t with 3 df; reference: design "
                    f"effect {b.deff:.2f}, t with 2 df; Korn and Graubard 1998)")
    alone = effective_newcombe_interval(one, ([0, 1, 0], [0] * 3, [0] * 3))[2]
    assert "reference: one unit per stratum, Wilson's for independent sentences" in alone
    nlo, nhi = stats.newcombe_interval(6, 8, 1, 6)
    assert low < nlo and high > nhi
    empty = effective_newcombe_interval(one, ([], [], []))
    assert np.isnan(empty[0]) and np.isnan(empty[1])
