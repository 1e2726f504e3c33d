"""discourse.stats: each statistic against a hand computation or a reference library."""

from __future__ import annotations

import math

import numpy as np
import pytest

from discourse import stats


# --- confidence level ----------------------------------------------------------------

@pytest.mark.parametrize("bad", [0, 1, 95, -0.5])
def test_check_level(bad):
    assert stats.check_level(0.9) == 0.9
    with pytest.raises(ValueError, match=f"level={bad!r} must be between 0 and 1"):
        stats.check_level(bad)
    with pytest.raises(ValueError, match=f"alpha={bad!r} must be between 0 and 1"):
        stats.check_level(bad, "alpha")


def test_z_value_against_scipy():
    from scipy.stats import norm

    assert stats.z_value(0.95) == pytest.approx(norm.ppf(0.975), abs=1e-15)
    assert stats.z_value(0.9) == pytest.approx(1.6448536269514722, rel=1e-12)


# --- intervals for proportions -----------------------------------------------------------

def test_wilson_known_values_and_return_convention():
    lo, hi = stats.wilson_interval(0, 10)
    assert lo == 0 and hi == pytest.approx(0.2775, abs=5e-5)
    assert stats.wilson_interval(81, 263) == pytest.approx((0.2553, 0.3662), abs=5e-4)
    # by hand: p = 0.3, n = 10, z = 1.96: centre (0.3 + z^2/20) / (1 + z^2/10)
    z = stats.z_value()
    centre = (0.3 + z * z / 20) / (1 + z * z / 10)
    half = z * math.sqrt(0.3 * 0.7 / 10 + z * z / 400) / (1 + z * z / 10)
    assert stats.wilson_interval(3, 10) == pytest.approx((centre - half, centre + half),
                                                         rel=1e-12)
    assert all(type(x) is float for x in stats.wilson_interval(np.int64(3), np.int64(10)))
    with pytest.raises(ValueError, match="one count"):
        stats.wilson_interval([1, 2], [10, 10])


def test_newcombe_known_value():
    # Newcombe (1998), Table II, example (a): 56/70 - 48/80, method 10
    assert stats.newcombe_interval(56, 70, 48, 80) == pytest.approx((0.0524, 0.3339),
                                                                    abs=5e-5)
    assert all(type(x) is float for x in stats.newcombe_interval(1, 4, 3, 4))


@pytest.mark.parametrize("k,n", [(5, 3), (-1, 4), (0, -2), (float("nan"), 4)])
def test_wilson_and_newcombe_reject_counts_that_are_not_a_proportion(k, n):
    with pytest.raises(ValueError, match=rf"k={k:g} and n={n:g} must satisfy 0 <= k <= n"):
        stats.wilson_interval(k, n)
    with pytest.raises(ValueError, match="must satisfy 0 <= k <= n"):
        stats.newcombe_interval(1, 4, k, n)


def test_empty_groups_give_nan_intervals():
    assert all(math.isnan(x) for x in stats.wilson_interval(0, 0))
    for args in [(3, 10, 0, 0), (0, 0, 3, 10), (0, 0, 0, 0)]:
        lo, hi = stats.newcombe_interval(*args)
        assert math.isnan(lo) and math.isnan(hi) and type(lo) is float


# --- bootstrap intervals -------------------------------------------------------------------

def test_percentile_interval_by_hand():
    # 101 values 0..100: the 5th and 95th percentiles are 5 and 95 (up to the rounding
    # of (1 - 0.9) / 2)
    assert stats.percentile_interval(np.arange(101), 0.9) == pytest.approx((5.0, 95.0))
    # linear interpolation: 4 values, level 0.5 -> quantiles 0.25 and 0.75 of [1, 2, 4, 8]
    # positions 0.75 and 2.25: 1 + 0.75 * 1 = 1.75, 4 + 0.25 * 4 = 5
    assert stats.percentile_interval([8, 1, 4, 2], 0.5) == (1.75, 5.0)
    draws = np.random.default_rng(0).normal(size=(500, 3))
    lo, hi = stats.percentile_interval(draws, 0.95)
    assert np.allclose(lo, np.percentile(draws, 2.5, axis=0), rtol=0, atol=1e-15)
    assert np.allclose(hi, np.percentile(draws, 97.5, axis=0), rtol=0, atol=1e-15)
    with pytest.raises(ValueError, match="level=2"):
        stats.percentile_interval(draws, 2)


# --- multiple comparisons --------------------------------------------------------------------

def test_benjamini_hochberg_and_holm_by_hand():
    p = np.array([0.01, 0.04, 0.03, 0.005, 0.2])
    order = np.argsort(p)
    m = len(p)
    # BH: q_(i) = min_{j >= i} p_(j) m / j
    bh = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    expected = np.empty(m)
    expected[order] = np.minimum(bh, 1)
    assert np.allclose(stats.adjust_pvalues(p), expected)
    # Holm: max_{j <= i} (m - j + 1) p_(j), capped at 1
    holm = np.minimum(np.maximum.accumulate((m - np.arange(m)) * p[order]), 1)
    expected[order] = holm
    assert np.allclose(stats.adjust_pvalues(p, "holm"), expected)
    assert len(stats.adjust_pvalues([])) == 0
    with pytest.raises(ValueError, match="correction='bonf' is not one of"):
        stats.adjust_pvalues(p, "bonf")
    with pytest.raises(ValueError, match=r"p-values must lie in \[0, 1\]; got \[1.5\]"):
        stats.adjust_pvalues([0.1, 1.5], "holm")


@pytest.mark.parametrize("method", ["fdr_bh", "holm"])
def test_adjust_pvalues_leaves_nan_out_of_the_family(method):
    """NaN stays NaN and m counts the other p-values only: the same as adjusting the
    non-NaN subset. By hand, p = (0.01, 0.04, 0.03) with m = 3: BH q = (0.03, 0.04,
    0.04); Holm (0.03, 0.06, 0.06)."""
    nan = float("nan")
    out = stats.adjust_pvalues([0.01, nan, 0.04, 0.03, nan], method)
    expected = {"fdr_bh": [0.03, 0.04, 0.04], "holm": [0.03, 0.06, 0.06]}[method]
    assert np.isnan(out[[1, 4]]).all()
    assert out[[0, 2, 3]] == pytest.approx(expected, rel=1e-12)
    assert np.isnan(stats.adjust_pvalues([nan, nan], method)).all()


# --- agreement ---------------------------------------------------------------------------------

CODER = [1, 1, 1, 0, 0, 0, 0, 0, 1, 0]
HAND = [1, 1, 0, 0, 0, 0, 0, 1, 1, 0]


def test_binary_agreement_by_hand():
    # tp=3 fp=1 fn=1 tn=5: P = R = F1 = 3/4; p_o = .8, p_e = (4*4 + 6*6)/100 = .52,
    # kappa = .28/.48; alpha = 1 - 19 * 2 / (12 * 8)
    r = stats.binary_agreement(CODER, HAND)
    assert (r["tp"], r["fp"], r["fn"], r["tn"]) == (3, 1, 1, 5)
    assert r["precision"] == 0.75 and r["recall"] == 0.75 and r["f1"] == 0.75
    assert r["kappa"] == pytest.approx(0.28 / 0.48)
    assert r["alpha"] == pytest.approx(1 - 38 / 96)
    with pytest.raises(ValueError, match="0 or 1"):
        stats.binary_agreement([0, 2], [0, 1])


def test_alpha_and_kappa_agree_with_reference_libraries():
    import krippendorff
    from sklearn.metrics import cohen_kappa_score

    rng = np.random.default_rng(1)
    a, b = rng.integers(0, 2, 60), rng.integers(0, 2, 60)
    r = stats.binary_agreement(a, b)
    assert r["alpha"] == pytest.approx(krippendorff.alpha(
        reliability_data=[a, b], level_of_measurement="nominal"))
    assert r["kappa"] == pytest.approx(cohen_kappa_score(a, b))


def test_agreement_scores_vectorised_equal_one_at_a_time():
    counts = np.array([[3, 1, 1, 5], [0, 0, 2, 8], [4, 0, 0, 6]])
    table = stats.agreement_scores(*counts.T)
    for i, row in enumerate(counts):
        one = stats.agreement_scores(*row)
        for metric in stats.AGREEMENT_METRICS:
            assert np.allclose(table[metric][i], one[metric], equal_nan=True), metric
    assert np.isnan(table["precision"][1])          # no positive codes: undefined


# --- set overlap and alignment -------------------------------------------------------------

def test_jaccard_and_hungarian_alignment_by_hand():
    assert stats.jaccard([], []) == 0.0 and stats.jaccard("ab", "bc") == pytest.approx(1 / 3)
    # a topic with no terms in two runs is not a stable topic (a final review: 1.0 made
    # a k whose runs leave dead topics look stable)
    from discourse.topics.evaluation import align_topics

    aligned = align_topics([["a"], []], [[], ["a"]])
    assert sorted(aligned.jaccard.tolist()) == [0.0, 1.0]
    ref = [["a", "b", "c"], ["d", "e", "f"]]
    other = [["d", "e", "x"], ["a", "b", "c"]]
    J = stats.jaccard_matrix(ref, other)
    assert J.tolist() == [[0.0, 1.0], [0.5, 0.0]]
    rows, cols, values = stats.hungarian_match(J)
    assert rows.tolist() == [0, 1] and cols.tolist() == [1, 0]
    assert values.tolist() == [1.0, 0.5]


# --- target and reference --------------------------------------------------------------------

def _pairs(found):
    return [(c.target, c.reference, c.groups) for c in found]


def test_comparisons_default_is_every_later_group_against_the_first():
    assert stats.DEFAULT_REFERENCE == "first"
    years = [2023, 2021, 2022, 2021]
    assert _pairs(stats.comparisons(years)) == [(2022, 2021, (2021,)), (2023, 2021, (2021,))]
    assert _pairs(stats.comparisons(years, reference="first")) == \
        _pairs(stats.comparisons(years))
    assert _pairs(stats.comparisons(years, 2023)) == [(2023, 2021, (2021,))]


def test_comparisons_other_references():
    years = np.array([2021, 2022, 2023])
    assert _pairs(stats.comparisons(years, reference="previous")) == \
        [(2022, 2021, (2021,)), (2023, 2022, (2022,))]
    assert _pairs(stats.comparisons(years, 2023, "rest")) == [(2023, "rest", (2021, 2022))]
    assert [c.target for c in stats.comparisons(years, reference="rest")] == [2021, 2022, 2023]
    assert _pairs(stats.comparisons(years, reference=2022)) == \
        [(2021, 2022, (2022,)), (2023, 2022, (2022,))]
    assert _pairs(stats.comparisons(["b", "a"], "b", "a")) == [("b", "a", ("a",))]
    assert all(type(c.target) is int for c in stats.comparisons(years))


def test_the_default_reference_of_the_first_group_is_the_earliest_other():
    """A walkthrough: TARGET set to the earliest year alone (REFERENCE left at None) made
    chapters 03 and 04 compare the year with itself and fail; the default reference of
    the first group is the earliest other group, and "first" named explicitly still
    refuses."""
    assert _pairs(stats.comparisons([2021, 2022, 2023], 2021)) == [(2021, 2022, (2022,))]
    assert _pairs(stats.comparisons([2021, 2022, 2023], 2023)) == [(2023, 2021, (2021,))]
    with pytest.raises(ValueError, match="target and reference are both 2021"):
        stats.comparisons([2021, 2022], 2021, "first")


@pytest.mark.parametrize("kwargs,message", [
    ({"groups": [2021]}, r"at least two values of 'year'; the data has only \[2021\]"),
    ({"target": 1999}, r"target=1999 is not in the data; available: \[2021, 2022\]"),
    ({"reference": 1999}, r"reference=1999 is not in the data; available: \[2021, 2022\] "
                          r"or one of 'first', 'previous', 'rest'"),
    ({"target": 2021, "reference": 2021}, "target and reference are both 2021"),
    ({"target": 2021, "reference": "first"}, "target and reference are both 2021"),
    ({"target": 2021, "reference": "previous"}, "target=2021 is the first value"),
    ({"target": "2022"}, r"target='2022' is not in the data \(a string: give the number\)"),
    ({"reference": "2021"}, r"reference='2021' is not in the data \(a string: give the "),
])
def test_comparison_errors_name_the_value(kwargs, message):
    groups = kwargs.pop("groups", [2021, 2022])
    with pytest.raises(ValueError, match=message):
        stats.comparisons(groups, name="year", **kwargs)


@pytest.mark.parametrize("method", ["fdr_bh", "holm"])
def test_monte_carlo_error_of_adjusted_pvalues_follows_the_governing_pvalue(method):
    """Each adjusted p is factor x raw p of one governing test (BH: the argmin of
    m p_(k) / k over k >= i; Holm: the argmax of (m - k + 1) p_(k) over k <= i): the
    product reproduces adjust_pvalues (scipy for BH), and the standard error is the
    factor times sqrt(p (1 - p) / n) of that governing p, found here by brute force."""
    from discourse.multiplicity import adjust_pvalues, adjusted_pvalue_se

    rng = np.random.default_rng(7)
    p = np.concatenate([rng.uniform(0, 0.002, 12), rng.uniform(0, 1, 30), [np.nan]])
    n = 99_999
    se = adjusted_pvalue_se(p, n, method)
    adj = adjust_pvalues(p, method)
    tested = ~np.isnan(p)
    q = np.sort(p[tested])
    m = len(q)
    factor = [m / (k + 1) if method == "fdr_bh" else m - k for k in range(m)]
    scaled = np.array(factor) * q
    for i, pi in zip(np.flatnonzero(tested), p[tested]):
        r = int(np.flatnonzero(q == pi)[0])
        ks = range(r, m) if method == "fdr_bh" else range(0, r + 1)
        g = (min if method == "fdr_bh" else max)(ks, key=lambda k: scaled[k])
        assert adj[i] == pytest.approx(min(scaled[g], 1.0))
        want = factor[g] * np.sqrt(q[g] * (1 - q[g]) / n) if scaled[g] < 1 else np.nan
        assert se[i] == pytest.approx(want, nan_ok=True)
    assert np.isnan(se[-1])
