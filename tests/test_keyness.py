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
        xlnx = lambda v: sum(x * math.log(x) for x in np.atleast_1d(v) if x > 0)  # noqa: E731
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


def test_keyness_from_frequencies_equals_from_tokens(tok, years):
    a = kn.keyness(tok, years[-1], years[0])
    b = kn.keyness(kw.frequencies(tok), years[-1], years[0])
    pd.testing.assert_frame_equal(a, b)


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


def test_bootstrap(tok, years):
    b = kn.bootstrap_keyness(tok, years[-1], years[0], terms=["pandemic", "sco", "the"],
                             n_boot=50, seed=3)
    assert list(b.columns) == ["term", "g2", "log_ratio", "share_same_sign_significant",
                               "share_same_sign", "log_ratio_low", "log_ratio_high",
                               "n_boot", "seed"]
    b = b.set_index("term")
    k = kn.keyness(tok, years[-1], years[0], min_count=1).set_index("term")
    assert b.loc["pandemic", "g2"] == pytest.approx(k.loc["pandemic", "g2"])
    # a term absent from the reference can never change sign: always same sign
    assert b.loc["pandemic", "share_same_sign"] == 1.0
    assert b.loc["pandemic", "log_ratio_low"] <= b.loc["pandemic", "log_ratio"] \
        <= b.loc["pandemic", "log_ratio_high"]
    assert b.loc["the", "g2"] == 0 and b.loc["the", "share_same_sign_significant"] == 0
    again = kn.bootstrap_keyness(tok, years[-1], years[0], terms=["pandemic", "sco", "the"],
                                 n_boot=50, seed=3).set_index("term")
    pd.testing.assert_frame_equal(b, again)          # seeded
    with pytest.raises(ValueError, match="n_boot=0"):
        kn.bootstrap_keyness(tok, years[-1], years[0], n_boot=0)


def test_bootstrap_interval_recomputed_by_hand():
    """Paragraphs resampled within each document with the same generator calls; the
    Log Ratio of 'x' (0.5 for a zero count) and its 2.5/97.5 percentiles by hand."""
    paras = {("A", 1): ["x", "y"], ("A", 2): ["x"], ("B", 1): ["y", "y"],
             ("B", 2): ["x", "y", "y"]}
    year = {"A": 1, "B": 2}
    t = pd.DataFrame([(d, year[d], p, w) for (d, p), ws in paras.items() for w in ws],
                     columns=["doc_id", "year", "paragraph", "term"])
    b = kn.bootstrap_keyness(t, 1, 2, terms=["x"], n_boot=200, seed=7, level=0.9)
    rng = np.random.default_rng(7)
    keys = sorted(paras)
    ratios = []
    for _ in range(200):
        weight = [0] * len(keys)
        for members in ([0, 1], [2, 3]):
            for i in rng.choice(members, size=2, replace=True):
                weight[i] += 1
        a = sum(w * paras[k].count("x") for w, k in zip(weight, keys) if k[0] == "A")
        c = sum(w * len(paras[k]) for w, k in zip(weight, keys) if k[0] == "A")
        bb = sum(w * paras[k].count("x") for w, k in zip(weight, keys) if k[0] == "B")
        d = sum(w * len(paras[k]) for w, k in zip(weight, keys) if k[0] == "B")
        ratios.append(math.log2(((a or 0.5) / c) / ((bb or 0.5) / d)))
    lo, hi = np.quantile(ratios, [0.05, 0.95])
    row = b.iloc[0]
    assert row.log_ratio == pytest.approx(math.log2((2 / 3) / (1 / 5)))
    assert (row.log_ratio_low, row.log_ratio_high) == pytest.approx((lo, hi), rel=1e-12)
    with pytest.raises(ValueError, match="level=95"):
        kn.bootstrap_keyness(t, 1, 2, level=95)
    with pytest.raises(ValueError, match="one target with one reference"):
        kn.bootstrap_keyness(t.assign(year=t.year.where(t.doc_id == "A", 3)).pipe(
            lambda x: pd.concat([x, x.assign(doc_id="C", year=2)])), reference="first")


def test_keyness_default_compares_every_later_year_with_the_first(real_tokens):
    three = pd.concat([real_tokens, real_tokens[real_tokens.year == 2020].assign(year=2021)])
    k = kn.keyness(three)
    assert list(dict.fromkeys(zip(k.target, k.reference))) == [("2020", "2019"),
                                                                 ("2021", "2019")]
    one = kn.keyness(three, 2021, 2019)
    pd.testing.assert_frame_equal(k[k.target == "2021"].reset_index(drop=True), one)
