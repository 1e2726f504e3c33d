"""discourse.keyness: G2 and Log Ratio known answers (Dunning 1993), keyness tables by
hand, the bootstrap, on toy tables, the real corpus and three years."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from discourse import keyness as kn, keywords as kw


def test_two_cell_g2_and_log_ratio_known_answer():
    """a = 25, b = 5 in corpora of 10,000 and 12,000 tokens (issue 4): 2-cell G2 18.4506
    and Log Ratio log2((25/10000)/(5/12000)) = log2(6) = 2.58496."""
    assert kn.g2(25, 5, 10_000, 12_000) == pytest.approx(18.4506, abs=5e-5)
    assert kn.log_ratio(25, 5, 10_000, 12_000) == pytest.approx(2.58496, abs=5e-6)
    assert kn.log_ratio(25, 5, 10_000, 12_000) == pytest.approx(math.log2(6), abs=1e-12)
    # hand computation of the 2-cell form: E1 = 10000*30/22000, E2 = 12000*30/22000
    e1, e2 = 10_000 * 30 / 22_000, 12_000 * 30 / 22_000
    assert kn.g2(25, 5, 10_000, 12_000) == pytest.approx(
        2 * (25 * math.log(25 / e1) + 5 * math.log(5 / e2)), rel=1e-12)
    # signed: swapping target and reference flips the sign
    assert kn.g2(5, 25, 12_000, 10_000) == pytest.approx(-18.4506, abs=5e-5)


def test_four_cell_g2_independent_checks():
    """Dunning's (1993) 4-cell G2.

    The published values of Dunning's table are tested in
    test_dunning_1993_bigram_table. Here the 4-cell formula is also checked against three
    independent computations: (1) scipy's G-test (chi2_contingency with
    lambda_="log-likelihood", no continuity correction); (2) Dunning's own entropy
    formulation written out by hand, G2 = 2 [sum k ln k - sum rows ln rows
    - sum cols ln cols + N ln N]; (3) NLTK's BigramAssocMeasures.likelihood_ratio on the
    table k11 = 110, k12 = 2442, k21 = 111, k22 = 29114 (270.72 in Dunning's table)."""
    from nltk.collocations import BigramAssocMeasures
    from scipy.stats import chi2_contingency

    for a, b, c, d in [(25, 5, 10_000, 12_000), (110, 111, 2552, 29225), (7, 0, 50, 80)]:
        table = np.array([[a, b], [c - a, d - b]])
        ref, *_ = chi2_contingency(table, correction=False, lambda_="log-likelihood")
        ours = kn.g2(a, b, c, d, form="4-cell")
        assert abs(ours) == pytest.approx(ref, rel=1e-10)
        k = table.ravel().astype(float)

        def xlnx(v):
            return sum(x * math.log(x) for x in np.atleast_1d(v) if x > 0)
        n = k.sum()
        entropy_form = 2 * (xlnx(k) - xlnx(table.sum(axis=1)) - xlnx(table.sum(axis=0))
                            + xlnx([n]))
        assert abs(ours) == pytest.approx(entropy_form, rel=1e-10)
    # (3) k11 = 110 (A and B), k12 = 2442, k21 = 111, k22 = 29114
    g = kn.g2(110, 111, 110 + 2442, 111 + 29114, form="4-cell")
    nltk_value = BigramAssocMeasures.likelihood_ratio(110, (110 + 2442, 110 + 111),
                                                      110 + 2442 + 111 + 29114)
    assert g == pytest.approx(nltk_value, rel=1e-10)
    assert g == pytest.approx(270.72, abs=0.005)
    # the 4-cell value exceeds the 2-cell value (the "other tokens" cells add to it)
    assert kn.g2(25, 5, 10_000, 12_000, form="4-cell") > kn.g2(25, 5, 10_000, 12_000)


@pytest.mark.parametrize("k11,k12,k21,k22,published", [
    (10, 0, 3, 31764, 167.23),      # the row the issue cites
    (110, 2442, 111, 29114, 270.72),
    (29, 13, 123, 31612, 263.90),
    (31, 23, 139, 31584, 256.84),
])
def test_dunning_1993_bigram_table(k11, k12, k21, k22, published):
    """Known answers: rows of Dunning's (1993) table of bigram -2 log lambda values.

    Dunning (1993), "Accurate methods for the statistics of surprise and coincidence",
    Computational Linguistics 19(1), lists for each bigram AB the cells k(AB), k(A ~B),
    k(~A B), k(~A ~B) and -2 log lambda to two decimals. As a keyness table: the term
    occurs k11 times in a "target" of k11 + k12 tokens and k21 times in a "reference"
    of k21 + k22 tokens; the 4-cell G2 must reproduce the published value.
    """
    g = kn.g2(k11, k21, k11 + k12, k21 + k22, form="4-cell")
    assert abs(g) == pytest.approx(published, abs=0.005)


def test_logodds_z_hand_computed():
    """Monroe, Colaresi and Quinn (2008) with alpha_w = pooled counts.

    Target {a: 3, b: 1}, reference {a: 1, b: 3}: pooled a = 4, b = 4, so alpha_a = 4,
    alpha_0 = 8, n_i = n_j = 4. delta_a = ln(7/5) - ln(5/7) = 0.672944;
    var = 1/7 + 1/5 = 0.342857; z = 0.6729445 / 0.5855400 = 1.149271.
    """
    t = pd.DataFrame({"year": [1] * 4 + [2] * 4, "term": list("aaab") + list("abbb")})
    k = kn.keyness(t, target=1, reference=2, min_count=1).set_index("term")
    delta = math.log(7 / 5) - math.log(5 / 7)
    z = delta / math.sqrt(1 / 7 + 1 / 5)
    assert z == pytest.approx(1.149271, abs=1e-6)
    assert k.loc["a", "logodds_z"] == pytest.approx(z, rel=1e-12)
    assert k.loc["b", "logodds_z"] == pytest.approx(-z, rel=1e-12)
    # with prior_scale = 2: alpha_a = 2 * 4/8 = 1; delta = ln((3+1)/(4+2-3-1))
    # - ln((1+1)/(4+2-1-1)) = ln 2 - ln 0.5; var = 1/4 + 1/2; z = 1.386294/0.866025
    k2 = kn.keyness(t, target=1, reference=2, min_count=1, prior_scale=2).set_index("term")
    assert k2.loc["a", "logodds_z"] == pytest.approx(1.600755, abs=1e-6)
    assert k2.loc["a", "logodds_z"] == pytest.approx(
        (math.log(2) - math.log(0.5)) / math.sqrt(0.75), rel=1e-12)


def test_keyness_columns_and_hand_values():
    # target: a 4 of 6, b 2 of 6; reference: a 1 of 6, b 5 of 6
    t = pd.DataFrame({"year": [1] * 6 + [2] * 6, "term": list("aaaabb") + list("abbbbb")})
    k = kn.keyness(t, target=1, reference=2, min_count=1)
    assert list(k.columns) == kn.KEYNESS_COLUMNS
    row = k.set_index("term").loc["a"]
    assert (row.count_target, row.count_reference, row.total_target,
            row.total_reference) == (4, 1, 6, 6)
    assert row.per10k_target == pytest.approx(1e4 * 4 / 6)
    e = 6 * 5 / 12
    g = 2 * (4 * math.log(4 / e) + 1 * math.log(1 / e))
    assert row.g2 == pytest.approx(g)
    from scipy.stats import chi2
    assert row.p == pytest.approx(chi2.sf(g, 1))
    assert row.log_ratio == pytest.approx(2.0)               # log2((4/6)/(1/6))
    assert row.pct_diff == pytest.approx(300.0)               # 100 (4/6 - 1/6)/(1/6)
    assert row.bic == pytest.approx(g - math.log(12))
    assert list(k.g2) == sorted(k.g2, reverse=True)


def test_zero_rules_and_p_adjusted():
    t = pd.DataFrame({"year": [1] * 10 + [2] * 10,
                      "term": list("aaaabbbccd") + list("bbbcccdddd")})
    k = kn.keyness(t, target=1, reference=2, min_count=1).set_index("term")
    # a: 4 vs 0 -> 0.5 replaces 0: log2((4/10)/(0.5/10)) = 3; %DIFF = 100 (0.4-0.05)/0.05
    assert k.loc["a", "log_ratio"] == pytest.approx(3.0)
    assert k.loc["a", "pct_diff"] == pytest.approx(700.0)
    # Benjamini-Hochberg by hand: q_(i) = min_{j >= i} p_(j) m / j
    p = k["p"].sort_values()
    m = len(p)
    q = np.minimum.accumulate((p.to_numpy() * m / np.arange(1, m + 1))[::-1])[::-1]
    assert np.allclose(k.loc[p.index, "p_adjusted"], np.minimum(q, 1))
    # Holm by hand: max_{j <= i} (m - j + 1) p_(j)
    h = kn.keyness(t, target=1, reference=2, min_count=1, correction="holm").set_index("term")
    holm = np.minimum(np.maximum.accumulate((m - np.arange(m)) * p.to_numpy()), 1)
    assert np.allclose(h.loc[p.index, "p_adjusted"], holm)


def test_keyness_min_count_and_errors():
    t = pd.DataFrame({"year": [1, 1, 1, 2, 2], "term": ["a", "a", "b", "a", "c"]})
    assert list(kn.keyness(t, 1, 2, min_count=2).term) == ["a"]
    with pytest.raises(ValueError, match="target and reference are both 1"):
        kn.keyness(t, 1, 1)
    with pytest.raises(ValueError, match=r"target=1999 is not in the data; available: \[1, 2\]"):
        kn.keyness(t, 1999, 1)
    with pytest.raises(ValueError, match="reference=3 is not in the data"):
        kn.keyness(t, 1, 3)
    with pytest.raises(ValueError, match=r"at least two values of 'year'; the data has only "
                                         r"\[1\]"):
        kn.keyness(t[t.year == 1], 1, "rest")
    with pytest.raises(ValueError, match="g2_form='3-cell' is not one of"):
        kn.keyness(t, 1, 2, g2_form="3-cell")
    with pytest.raises(ValueError, match="correction='bonf' is not one of"):
        kn.keyness(t, 1, 2, correction="bonf")
    with pytest.raises(ValueError, match="by='speaker' is not one of"):
        kn.keyness(t, 1, 2, by="speaker")


_PARAGRAPH_COLUMNS = ["paragraphs_target", "paragraphs_reference", "n_paragraphs_target",
                      "n_paragraphs_reference", "g2_dispersion", "p_dispersion",
                      "p_dispersion_adjusted"]


def test_keyness_from_frequencies_equals_from_tokens(tok, years):
    a = kn.keyness(tok, years[-1], years[0])
    b = kn.keyness(kw.frequencies(tok), years[-1], years[0])
    pd.testing.assert_frame_equal(a.drop(columns=_PARAGRAPH_COLUMNS),
                                  b.drop(columns=_PARAGRAPH_COLUMNS))
    assert b["g2_dispersion"].isna().all() and a["g2_dispersion"].notna().all()


def test_keyness_from_counts_equals_from_tokens(sents, tok, years):
    from discourse.counts import count_terms

    counts = count_terms(sents)
    for data in (counts, counts.by("year")):
        pd.testing.assert_frame_equal(kn.keyness(data, years[-1], "rest"),
                                      kn.keyness(tok, years[-1], "rest"))


def test_text_dispersion_keyness_by_hand():
    """Egbert and Biber (2019): G2 on paragraphs containing the term. Target: 3
    paragraphs, 'a' in 2; reference: 4 paragraphs, 'a' in 1. The 4-cell G2 of the
    table [[2, 1], [1, 3]] is scipy's G-test; its p is Fisher's exact test, by hand:
    with 3 paragraphs of 7 holding 'a', P(k of them in the target) = C(3,k) C(4,3-k) /
    35 = 4, 18, 12, 1 (/35) for k = 0..3; observed k = 2 (12/35), and the tables no
    more probable are k = 0, 2, 3: p = 17/35."""
    from scipy.stats import chi2_contingency, fisher_exact

    rows = [("T", 1, 1, "a"), ("T", 1, 1, "a"), ("T", 1, 2, "a"), ("T", 1, 3, "b"),
            ("R", 2, 1, "a"), ("R", 2, 2, "b"), ("R", 2, 3, "b"), ("R", 2, 4, "b")]
    t = pd.DataFrame(rows, columns=["doc_id", "year", "paragraph", "term"])
    k = kn.keyness(t, 1, 2, min_count=1).set_index("term")
    row = k.loc["a"]
    assert (row.paragraphs_target, row.paragraphs_reference) == (2, 1)
    assert (row.n_paragraphs_target, row.n_paragraphs_reference) == (3, 4)
    ref, *_ = chi2_contingency([[2, 1], [1, 3]], correction=False,
                               lambda_="log-likelihood")
    assert row.g2_dispersion == pytest.approx(ref, rel=1e-10)     # more in the target: +
    assert row.p_dispersion == pytest.approx(17 / 35, rel=1e-12)
    assert row.p_dispersion == pytest.approx(fisher_exact([[2, 1], [1, 3]]).pvalue)
    assert k.loc["b", "g2_dispersion"] < 0
    assert set(k.correction) == {"Benjamini-Hochberg FDR"}


def test_pct_diff_zero_reference_flag_reference_groups_and_correction_name():
    t = pd.DataFrame({"year": [1] * 5 + [2] * 3 + [3] * 2,
                      "term": list("aaabb") + list("bbc") + list("bc")})
    k = kn.keyness(t, 1, "rest", min_count=1, correction="holm").set_index("term")
    # 'a' never occurs in the reference: %DIFF uses 0.5 for it and is flagged
    assert bool(k.loc["a", "pct_diff_zero_reference"])
    assert k.loc["a", "pct_diff"] == pytest.approx(100 * (3 / 5 - 0.5 / 5) / (0.5 / 5))
    assert not k.loc["b", "pct_diff_zero_reference"]
    assert set(k.reference) == {"rest"} and set(k.reference_groups) == {"2;3"}
    assert set(k.correction) == {"Holm FWER"}
    assert k["p_permutation"].isna().all() and set(k.n_permutations) == {0}


@pytest.mark.slow
def test_logodds_background_prior_by_hand():
    """Monroe et al. (2008) with alpha_w = alpha_0 * wordfreq share of w among the
    terms tested (before min_count), alpha_0 = n = 8 here."""
    from wordfreq import word_frequency

    t = pd.DataFrame({"year": [1] * 4 + [2] * 4,
                      "term": ["peace"] * 3 + ["trade"] + ["peace"] + ["trade"] * 3})
    k = kn.keyness(t, 1, 2, min_count=1, prior="background").set_index("term")
    f = np.array([word_frequency("peace", "en"), word_frequency("trade", "en")])
    share = f / f.sum()
    alpha = 8 * share[0]
    delta = (math.log((3 + alpha) / (4 + 8 - 3 - alpha))
             - math.log((1 + alpha) / (4 + 8 - 1 - alpha)))
    z = delta / math.sqrt(1 / (3 + alpha) + 1 / (1 + alpha))
    assert k.loc["peace", "logodds_z"] == pytest.approx(z, rel=1e-12)
    assert set(k.logodds_prior) == {"background (alpha0 = n tokens compared)"}
    pooled = kn.keyness(t, 1, 2, min_count=1, prior_scale=4)
    assert set(pooled.logodds_prior) == {"pooled (alpha0 = 4.0)"}
    with pytest.raises(ValueError, match="prior='flat' is not one of"):
        kn.keyness(t, 1, 2, prior="flat")
    with pytest.raises(ValueError, match="needs paragraphs"):
        kn.keyness(t, 1, 2, n_permutations=10)


def test_keyness_real_corpus(tok, years):
    latest, previous = years[-1], years[-2]
    k = kn.keyness(tok, latest, previous)
    pandemic = k.set_index("term").loc["pandemic"]
    # 'pandemic' occurs only in the later text: 10 times alone (3 more in
    # 'covid-19 pandemic'), never in the earlier
    assert (pandemic.count_target, pandemic.count_reference) == (10, 0)
    assert pandemic.g2 > 0 and pandemic.log_ratio > 3
    assert k.total_target.iloc[0] == (tok.year == latest).sum()
    assert k.total_reference.iloc[0] == (tok.year == previous).sum()
    # with two years, "rest" is the previous year
    rest = kn.keyness(tok, latest, "rest")
    pd.testing.assert_frame_equal(k.drop(columns="reference"), rest.drop(columns="reference"))
    assert set(k.reference) == {str(previous)} and set(rest.reference) == {"rest"}
    assert set(k.target) == {str(latest)}
    # sign symmetry: swapping target and reference negates g2, log_ratio, logodds_z
    r = kn.keyness(tok, previous, latest).set_index("term").loc[k.term]
    assert np.allclose(r.g2, -k.g2) and np.allclose(r.log_ratio, -k.log_ratio)
    assert np.allclose(r.logodds_z, -k.logodds_z)


def test_keyness_default_compares_every_later_year_with_the_first(real_tokens):
    three = pd.concat([real_tokens, real_tokens[real_tokens.year == 2020].assign(year=2021)])
    k = kn.keyness(three)
    assert list(dict.fromkeys(zip(k.target, k.reference))) == [
        ("2020", "2019"), ("2021", "2019")]
    one = kn.keyness(three, 2021, 2019)
    pd.testing.assert_frame_equal(k[k.target == "2021"].reset_index(drop=True), one)


def test_fisher_pvalues_are_scipys_table_by_table():
    """Each distinct table is computed once and mapped back: every p equals scipy's
    fisher_exact of its own table, repeated tables included."""
    from discourse.keyness_measures import fisher_pvalues

    rng = np.random.default_rng(3)
    a = rng.integers(0, 12, 200)
    b = rng.integers(0, 8, 200)
    got = fisher_pvalues(a, b, 12, 8)
    want = _scipys_fisher(a, b, np.full(200, 12), np.full(200, 8)).tolist()
    assert got.tolist() == pytest.approx(want, rel=1e-12)
    assert len(set(zip(a.tolist(), b.tolist()))) < 200          # repeats were there


def _scipys_fisher(x, y, n1, n2):
    from scipy.stats import fisher_exact

    return np.array([fisher_exact([[a, c - a], [b, d - b]]).pvalue
                     for a, b, c, d in zip(x, y, n1, n2)], dtype=float)


def _same_bits(got, want):
    """The same float64 bits, element by element (not approximately equal)."""
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    return got.shape == want.shape and bool((got.view(np.int64) == want.view(np.int64)).all())


@pytest.mark.parametrize("largest", [6, pytest.param(13, marks=pytest.mark.slow)])
def test_fisher_pvalues_are_scipys_bits_on_every_small_table(largest):
    """Every 2x2 table with both row sums at most ``largest`` (zero rows and columns,
    zero cells, tables at the mode, ties of probability on both sides): the vectorised
    two-sided test gives the very float of scipy's fisher_exact."""
    from discourse.keyness_measures import fisher_pvalues

    rows = np.array([(x, y, n1, n2) for n1 in range(largest + 1) for n2 in range(largest + 1)
                     for x in range(n1 + 1) for y in range(n2 + 1)])
    got = fisher_pvalues(*rows.T)
    assert _same_bits(got, _scipys_fisher(*rows.T))
    assert (got == 1).any() and (got < 0.01).any()


@pytest.mark.parametrize("scale", [60, pytest.param(5_000, marks=pytest.mark.slow),
                                   pytest.param(10 ** 7, marks=pytest.mark.slow)])
def test_fisher_pvalues_are_scipys_bits_on_random_large_tables(scale):
    """Random tables with margins up to ``scale``: half with independent cells (mostly
    far in a tail, zero cells included), half near independence (the binary search on
    the other side of the mode), each p bit for bit scipy's."""
    from discourse.keyness_measures import fisher_pvalues

    rng = np.random.default_rng(scale)
    n1, n2 = rng.integers(1, scale, 600), rng.integers(1, scale, 600)
    far = rng.random(600) < 0.5
    x = np.where(far, (rng.random(600) * (n1 + 1)).astype(int), rng.binomial(n1, 0.2))
    y = np.where(far, (rng.random(600) * (n2 + 1)).astype(int),
                 np.minimum(n2, rng.binomial(n2, 0.2) + rng.integers(0, 3, 600)))
    x[:20], y[20:40] = 0, 0                                         # zero cells
    x[40:60], y[60:80] = n1[40:60], n2[60:80]
    got = fisher_pvalues(x, y, n1, n2)
    want = _scipys_fisher(x, y, n1, n2)
    assert _same_bits(got, want)
    assert (want[~far] > 0.05).mean() > 0.5                         # near the mode indeed


#: (x, y, n1, n2) of tables whose p is subnormal (found by a reviewer's random search):
#: an off-by-one in the binary search, or ">=" for ">" before it, changes only these bits.
SUBNORMAL = [(0, 9209, 76106, 39018), (0, 6700, 391795, 310321),
             (0, 5942, 959957, 309852), (13581, 356082, 26778, 910820)]


def test_fisher_pvalues_are_scipys_bits_where_p_is_subnormal():
    from discourse.keyness_measures import fisher_pvalues

    x, y, n1, n2 = np.array(SUBNORMAL).T
    want = _scipys_fisher(x, y, n1, n2)
    assert (want < np.finfo(float).tiny).all()          # subnormal (one is 0 < p)
    assert _same_bits(fisher_pvalues(x, y, n1, n2), want)


#: (x, y, n1, n2) of tables whose two-sided test compares probabilities below exp(-600)
#: that scipy (Boost's Lanczos product, above 104,729 units) underflows to 0: a
#: comparison read from the log-gamma bound there doubles p or sets it to 0.
UNDERFLOW = [(669394, 1176, 1559246, 1266), (43078, 86157, 95343, 163127),
             (58488, 49384, 108385, 107359)]


def test_fisher_pvalues_are_scipys_bits_where_scipys_probabilities_underflow():
    from scipy.stats import hypergeom

    from discourse.keyness_measures import fisher_pvalues

    assert hypergeom.pmf(2619, 1450939, 2621, 1138791) == 0     # exp(-623.1) in truth
    x, y, n1, n2 = np.array(UNDERFLOW).T
    assert _same_bits(fisher_pvalues(x, y, n1, n2), _scipys_fisher(x, y, n1, n2))


def _ties(rng, size):
    """Tables with ties of probability: equal margins (pmf(k) == pmf(n - k)), and k at
    the mode and next to it, where two probabilities can be equal or a hair apart."""
    n1 = rng.integers(2, size, 300)
    tot = np.where(rng.random(300) < 0.5, 2 * n1, n1 + rng.integers(1, size, 300))
    n = np.maximum(1, (tot * rng.random(300)).astype(np.int64))
    mode = ((n + 1) * (n1 + 1) / (tot + 2)).astype(np.int64)
    k = np.clip(mode + rng.integers(-2, 3, 300), np.maximum(0, n - (tot - n1)),
                np.minimum(n, n1))
    return k, tot, n1, n, mode


@pytest.mark.parametrize("size", [40, 5_000, 300_000])
def test_comparisons_read_from_the_bound_are_scipys(size):
    """The two comparisons the two-sided test settles from the log-gamma bound give
    scipy's answer on tables full of ties: the sign of pmf(k) minus a cut just below,
    at and just above another probability (pmf(n - k), the observed table's, times 1
    +- 1e-14 as scipy's cut is), and "as probable as the mode" (scipy's relative test
    at 1e-14), at every size of Boost's algorithms."""
    from scipy.stats import hypergeom

    from discourse.keyness_measures import _as_probable, _log_pmf, _signs

    rng = np.random.default_rng(size)
    k, tot, n1, n, mode = _ties(rng, size)
    pk = hypergeom.pmf(k, tot, n1, n)
    pmode = hypergeom.pmf(mode, tot, n1, n)
    mirror = hypergeom.pmf(n - k, tot, n1, n)
    approx = _log_pmf(k, tot, n1, n)
    cuts = (mirror, mirror * (1 + 1e-14), mirror * (1 - 1e-14), pk, pk * (1 + 1e-14))
    asked = []
    for other in cuts:
        want = np.sign(pk - other)
        got = _signs(approx, other, lambda j: (asked.append(len(j)), pk[j])[1])
        assert np.array_equal(got, want)
    assert sum(asked) < len(cuts) * len(k)           # the bound settles some of them
    with np.errstate(divide="ignore", invalid="ignore"):
        want = np.abs(pk - pmode) / np.maximum(pk, pmode) <= 1e-14
    got = _as_probable(pk, _log_pmf(mode, tot, n1, n), lambda j: pmode[j])
    assert np.array_equal(got, want) and want.any() and not want.all()


@pytest.mark.parametrize("units", [150, 75_000, 10 ** 8])
def test_the_log_gamma_bound_holds_against_scipys_probabilities(units):
    """The approximation that decides the comparisons of the two-sided test is within
    its error bound of the log of scipy's probability (Boost's exact algorithm for each
    size: a table of factorials up to 170 units, prime factors up to about 100,000,
    Lanczos sums beyond), over the whole support and past its ends (not finite there,
    so never trusted); far from the bound, so the bound is not vacuous either."""
    from scipy.stats import hypergeom

    from discourse.keyness_measures import FLOOR, _log_pmf

    rng = np.random.default_rng(units)
    tot = rng.integers(2, units, 400)
    good, n = rng.integers(1, tot), rng.integers(1, tot)
    share = good / tot                                  # around the mode, tails, past the ends
    spread = np.sqrt(n * share * (1 - share) * (tot - n) / np.maximum(tot - 1, 1)) + 1
    k = np.round(n * share + rng.normal(0, 3, 400) * spread).astype(np.int64)
    k[:40] = np.where(rng.random(40) < 0.5, -1 - rng.integers(0, 3, 40),
                      np.minimum(n, good)[:40] + 1 + rng.integers(0, 3, 40))
    value, error = _log_pmf(k, tot, good, n)
    with np.errstate(divide="ignore"):
        scipys = np.log(hypergeom.pmf(k, tot, good, n))
    inside = (k >= np.maximum(0, n - (tot - good))) & (k <= np.minimum(n, good))
    assert inside.sum() > 150 and (~inside).sum() >= 40
    assert not np.isfinite(value[~inside]).any()
    normal = inside & (value > FLOOR)                  # where the code trusts it
    assert normal.sum() > 150
    gap = np.abs(value[normal] - scipys[normal])
    assert (gap <= error[normal]).all()
    assert (gap <= error[normal] / 1000).all()                  # a margin to spare
    assert (error[normal] < 1e-2).all()                         # and a useful bound


def test_fisher_pvalues_bits_in_the_keyness_table(multi_sentences):
    """The keyness tables' p_dispersion (the multi-year fixture, every later year
    against the first) is scipy's fisher_exact of each term's paragraph table, to the
    bit."""
    from discourse.counts import count_terms

    k = kn.keyness(count_terms(multi_sentences, level="year"))
    assert len(k) > 10
    want = _scipys_fisher(k.paragraphs_target, k.paragraphs_reference,
                          k.n_paragraphs_target, k.n_paragraphs_reference)
    assert _same_bits(k.p_dispersion, want)


def test_fisher_pvalues_refuse_counts_that_are_no_table():
    from discourse.keyness_measures import fisher_pvalues

    assert fisher_pvalues(2, [1, 3], 3, 4).tolist() == pytest.approx(     # broadcast
        [17 / 35, fisher_pvalues([2], [3], 3, 4)[0]])
    for args in (([1.7], [1], 3, 4), ([4], [1], 3, 4), ([-1], [1], 3, 4), ([1], [5], 3, 4)):
        with pytest.raises(ValueError, match="whole counts with 0 <= a <= c"):
            fisher_pvalues(*args)
