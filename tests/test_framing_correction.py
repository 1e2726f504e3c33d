"""discourse.framing.correction: Rogan-Gladen, Se and Sp by year, and the
prediction-powered estimator, each against a hand computation."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from discourse import bootstrap, framing, stats
from discourse.clustered_ci import effective_newcombe_interval, effective_wilson_interval

F = framing.FRAMES


def test_rogan_gladen_by_hand():
    # (p + Sp - 1) / (Se + Sp - 1) = (0.30 + 0.95 - 1) / (0.90 + 0.95 - 1) = 0.25 / 0.85
    assert float(framing.rogan_gladen(0.30, 0.90, 0.95)) == pytest.approx(0.25 / 0.85)
    assert framing.rogan_gladen([0.01, 0.5, 0.99], 0.8, 0.9).tolist() == pytest.approx(
        [0.0, 0.4 / 0.7, 1.0])                              # clipped at both ends
    assert math.isnan(float(framing.rogan_gladen(0.4, 0.5, 0.5)))   # no better than chance
    assert float(framing.rogan_gladen(0.3, 1.0, 1.0)) == pytest.approx(0.3)       # a perfect coder


def _corpus():
    """Two years, one document each, paragraphs of two sentences. Coder vs hand for
    security: 2019 hand 1,1,1,0,0,0,0,0 coder 1,1,0,0,0,0,0,1; 2020 hand 1,1,0,0,0,0
    coder 1,1,0,0,1,0. Pooled: Se = 4/5 (tp 4, fn 1), Sp = 7/9 (tn 7, fp 2)."""
    years = [2019] * 8 + [2020] * 6
    s = pd.DataFrame({"sentence_id": [f"s{i:02d}" for i in range(14)], "year": years,
                      "doc_id": [f"d{y}" for y in years],
                      "paragraph": [1, 1, 2, 2, 3, 3, 4, 4, 1, 1, 2, 2, 3, 3], "text": "x"})
    hand = s[["sentence_id"]].assign(security=[1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0],
                                     economy=0, multilateralism=[1, 0] * 7)
    codes = s[["sentence_id"]].assign(security=[1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0],
                                      economy=0, multilateralism=[1, 0] * 7)
    return s, codes, hand


def test_corrected_shares_by_hand():
    s, codes, hand = _corpus()
    t = framing.corrected_shares(codes, s, hand, n_boot=2000, seed=5)
    sec = t[t.frame == "security"].set_index("year")
    se, sp = 4 / 5, 7 / 9
    assert sec.sensitivity.tolist() == pytest.approx([se, se])
    assert sec.specificity.tolist() == pytest.approx([sp, sp])
    # 2019: coder 3 of 8; corrected (3/8 + 7/9 - 1) / (4/5 + 7/9 - 1)
    assert sec.loc[2019, "share_coder"] == 3 / 8
    assert sec.loc[2019, "share_corrected"] == pytest.approx((3 / 8 + sp - 1) / (se + sp - 1))
    assert sec.loc[2019, "share_hand"] == 3 / 8 and sec.loc[2020, "share_hand"] == 2 / 6
    assert sec.loc[2019, "youden"] == pytest.approx(se + sp - 1)
    assert (sec.flag == "").all() and not sec.clipped.any()
    for r in t[t.frame != "economy"].itertuples():
        assert r.ci_low <= r.share_corrected + 1e-12 and r.share_corrected <= r.ci_high + 1e-12
    assert t.method.iloc[0].startswith("Rogan-Gladen (1978), Se and Sp from 14 hand-coded")
    assert "in the same replicate" in t.method.iloc[0] and "Jeffreys" in t.method.iloc[0]
    assert "independently" not in t.method.iloc[0]
    # multilateralism is coded without error: the corrected share is the coded one,
    # but its interval still carries the uncertainty of Se and Sp
    mul = t[t.frame == "multilateralism"]
    assert (mul.share_corrected == mul.share_coder).all()
    # economy: nothing coded, Se undefined -> no correction
    eco = t[t.frame == "economy"]
    assert eco.share_corrected.isna().all() and eco.ci_low.isna().all()


def test_hand_codes_of_the_corpus_are_resampled_with_it():
    # every sentence hand-coded: each replicate's Se and Sp come from the sentences
    # that replicate drew, so the interval is the percentile interval of Rogan-Gladen
    # applied to one set of draws (here rebuilt from the same cluster bootstrap)
    import numpy as np

    from discourse.bootstrap import cluster_bootstrap, percentile_columns

    s, codes, hand = _corpus()
    t = framing.corrected_shares(codes, s, hand, n_boot=500, seed=9)
    boot = cluster_bootstrap(s, n_boot=500, seed=9)
    h, c = hand.security.to_numpy(), codes.security.to_numpy()
    first = (s.year == 2019).to_numpy(float)
    reps = boot.sums(np.column_stack([first, first * c, h * c, h * (1 - c),
                                      (1 - h) * (1 - c), (1 - h) * c]))
    se = (reps[:, 2] + 0.5) / (reps[:, 2] + reps[:, 3] + 1)
    sp = (reps[:, 4] + 0.5) / (reps[:, 4] + reps[:, 5] + 1)
    lo, hi = percentile_columns(framing.rogan_gladen(reps[:, 1] / reps[:, 0], se, sp))
    row = t[(t.frame == "security") & (t.year == 2019)].iloc[0]
    # never narrower than the corrected floor: Wilson's interval of the coder share at
    # the effective sample size of 2019's four paragraphs (t with 3 df)
    in19 = (s.year == 2019).to_numpy()
    share = effective_wilson_interval(c[in19], np.zeros(8), s.paragraph[in19])
    floor = framing.rogan_gladen(np.array(share[:2]), row.sensitivity, row.specificity)
    assert (row.ci_low, row.ci_high) == pytest.approx((min(lo[0], floor[0]),
                                                       max(hi[0], floor[1])))
    assert floor[1] > hi[0]                       # the floor reaches beyond it here
    # some sentences hand-coded, given in another order, the codes shuffled too: each
    # hand code is placed at its own sentence (a review: the identity order passed)
    part = hand.iloc[[9, 2, 13, 0, 5, 11, 7, 3]]
    t2 = framing.corrected_shares(codes.sample(frac=1, random_state=4), s, part,
                                  n_boot=500, seed=9)
    h = pd.Series(part.security.to_numpy(), index=part.sentence_id).reindex(s.sentence_id)
    coded = h.notna().to_numpy(float)
    h = h.fillna(0).to_numpy()
    reps = boot.sums(np.column_stack([first, first * c, coded * h * c, coded * h * (1 - c),
                                      coded * (1 - h) * (1 - c), coded * (1 - h) * c]))
    se = (reps[:, 2] + 0.5) / (reps[:, 2] + reps[:, 3] + 1)
    sp = (reps[:, 4] + 0.5) / (reps[:, 4] + reps[:, 5] + 1)
    lo, hi = percentile_columns(framing.rogan_gladen(reps[:, 1] / reps[:, 0], se, sp))
    row = t2[(t2.frame == "security") & (t2.year == 2019)].iloc[0]
    floor = framing.rogan_gladen(np.array(share[:2]), row.sensitivity, row.specificity)
    assert (row.ci_low, row.ci_high) == pytest.approx((min(lo[0], floor[0]),
                                                       max(hi[0], floor[1])))
    # a hand-coded sentence outside the sentences table: a clear error, not another design
    stray = pd.concat([part, part.iloc[:1].assign(sentence_id="elsewhere")])
    with pytest.raises(ValueError, match="1 hand-coded sentence"):
        framing.corrected_shares(pd.concat([codes, codes.iloc[:1].assign(
            sentence_id="elsewhere")]), s, stray, n_boot=50, seed=9)
    # a separate sample of hand-coded sentences (a coding sheet) is drawn on its own;
    # on six copies of each paragraph in a row (24 paragraphs a year, so that the floor
    # does not cover both intervals; copies laid end to end would repeat every fourth
    # paragraph, which blocks of three vary less than the floor) the interval differs
    # from the joint resampling's
    copies = range(6)
    s6 = pd.concat([s.assign(sentence_id=s.sentence_id + f"-{k}", paragraph=s.paragraph
                             * 10 + k) for k in copies], ignore_index=True)
    c6, h6 = (pd.concat([x.assign(sentence_id=x.sentence_id + f"-{k}") for k in copies],
                        ignore_index=True) for x in (codes, hand))
    joint = framing.corrected_shares(c6, s6, h6, n_boot=500, seed=9)
    own = framing.corrected_shares(c6, s6, h6, hand_clusters=h6[["sentence_id"]],
                                   n_boot=500, seed=9)
    assert "independently, the hand-coded set (sentences resampled" in own.method.iloc[0]
    assert own.ci_high.iloc[0] != pytest.approx(joint.ci_high.iloc[0])


def test_a_corrected_share_is_never_surer_than_the_coder_share():
    # two documents a year with the same share: resampling documents varies nothing,
    # so the interval is floored by Wilson's interval of the coder share at the
    # effective sample size, corrected (here a coder without errors: Se = Sp = 1, the
    # correction is the identity). Two documents: design effect 1 (they do not differ),
    # t with 1 df, so the floor is far wider than Wilson's for 8 independent sentences.
    s = pd.DataFrame({"sentence_id": [f"s{i:02d}" for i in range(16)],
                      "year": [2021] * 8 + [2022] * 8,
                      "doc_id": ["a"] * 4 + ["b"] * 4 + ["c"] * 4 + ["d"] * 4,
                      "paragraph": list(range(16)), "text": "x"})
    codes = s[["sentence_id"]].assign(security=[1, 0, 0, 0] * 4, economy=[1, 1, 0, 0] * 4,
                                      multilateralism=[0, 0, 0, 1] * 4)
    t = framing.corrected_shares(codes, s, codes.copy(), n_boot=300, seed=3)
    for r in t.itertuples():
        rows = (s.year == r.year).to_numpy()
        floor = effective_wilson_interval(codes[r.frame].to_numpy(float)[rows],
                                          np.zeros(8), s.doc_id[rows])
        assert (floor.deff, floor.df) == (1.0, 1)
        assert (r.ci_low, r.ci_high) == pytest.approx(floor[:2])
        k = round(r.share_coder * 8)
        wlo, whi = framing.wilson_interval(k, 8)
        assert r.ci_low < wlo and r.ci_high > whi
        assert r.method.endswith(
            f"widened to the Rogan-Gladen correction of {floor.name} (the coder share; "
            "Se and Sp taken as known) where narrower")
        assert "t with 1 df" in floor.name


def test_small_youden_is_flagged():
    s, codes, hand = _corpus()
    bad = codes.assign(security=[1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0])
    t = framing.corrected_shares(bad, s, hand, n_boot=200, seed=5)
    row = t[t.frame == "security"].iloc[0]
    assert row.youden < framing.correction.MIN_YOUDEN
    assert row.flag.startswith(f"Se + Sp - 1 = {row.youden:.2f} < 0.5")


def test_coder_accuracy_by_year():
    s, codes, hand = _corpus()
    t = framing.coder_accuracy(codes, hand, s, n_boot=1000, seed=2)
    sec = t[t.frame == "security"].set_index(["measure", "year"])
    # 2019: hand 1 at 3 sentences, coder finds 2 -> Se 2/3; 2020: 2/2
    assert (sec.loc[("sensitivity", 2019), ["k", "n"]].tolist()) == [2, 3]
    assert sec.loc[("sensitivity", 2020), "value"] == 1.0
    assert sec.loc[("sensitivity", "all"), "value"] == pytest.approx(4 / 5)
    assert sec.loc[("specificity", 2019), "value"] == pytest.approx(4 / 5)
    assert sec.loc[("specificity", 2020), "value"] == pytest.approx(3 / 4)
    # the rate's interval: the paragraph bootstrap's, never narrower than Wilson's
    lo, hi = framing.wilson_interval(2, 3)
    got = sec.loc[("sensitivity", 2019), ["ci_low", "ci_high"]].tolist()
    assert got[0] <= lo and got[1] >= hi and got[0] <= 2 / 3 <= got[1]
    row = sec.loc[("sensitivity", 2020)]
    assert row.difference == pytest.approx(1 - 2 / 3)
    assert row.difference_low <= row.difference <= row.difference_high + 1e-9
    assert row.differs in ("yes", "no")
    assert sec.loc[("sensitivity", 2019), "differs"] == ""
    # multilateralism: no error in either year: the years do not differ, whatever their
    # sizes (pseudo-counts would make them seem to), and every replicate's difference
    # is 0, so the interval is Newcombe's from Wilson's at the effective sample sizes,
    # not the point [0, 0]
    mul = t[t.frame == "multilateralism"].set_index(["measure", "year"])
    for measure in ("sensitivity", "specificity"):
        r = mul.loc[(measure, 2020)]
        k0, n0 = mul.loc[(measure, 2019), ["k", "n"]]
        assert r.k == r.n and k0 == n0
        assert (r.difference, r.differs) == (0.0, "no")
        rows = {y: ((s.year == y) & (hand.multilateralism == (measure == "sensitivity")))
                .to_numpy() for y in (2020, 2019)}
        flo, fhi, _ = effective_newcombe_interval(
            *((np.ones(rows[y].sum()), s.year[rows[y]], s.paragraph[rows[y]])
              for y in (2020, 2019)))
        assert (r.difference_low, r.difference_high) == pytest.approx((flo, fhi))
        assert flo < framing.newcombe_interval(r.k, r.n, k0, n0)[0]
        assert r.difference_low < -0.2 and r.difference_high > 0.2
    assert "Newcombe's hybrid score interval from Wilson's at the effective sample sizes" \
        in t.interval.iloc[0]
    assert set(t.reference) == {2019}              # every comparison is against 2019

    # economy: no hand-coded 1 at all, so no sensitivity and no difference to test
    eco = t[t.frame == "economy"].set_index(["measure", "year"]).loc[("sensitivity", 2020)]
    assert eco.n == 0 and eco.differs == "" and math.isnan(eco.difference_low)


def test_coder_accuracy_rates_have_the_paragraph_bootstraps_interval():
    """One year, one document, 10 paragraphs of 4 sentences, all hand-coded security;
    the coder finds them in the first 6 paragraphs only: sensitivity 24/40. Its interval
    is the percentile interval of the rate in each replicate of the paragraph bootstrap,
    recomputed here, widened to Wilson's at the effective sample size of the 10
    paragraphs; both are about twice as wide as Wilson's (which counts 40 independent
    sentences where there are 10 paragraphs)."""
    par = np.arange(40) // 4
    s = pd.DataFrame({"sentence_id": [f"s{i:02d}" for i in range(40)], "year": 2021,
                      "doc_id": "d", "paragraph": par, "text": "x"})
    hand = s[["sentence_id"]].assign(security=1, economy=0, multilateralism=0)
    codes = s[["sentence_id"]].assign(security=(par < 6).astype(int), economy=0,
                                      multilateralism=0)
    t = framing.coder_accuracy(codes, hand, s, n_boot=2000, seed=3)
    row = t[(t.frame == "security") & (t.measure == "sensitivity") & (t.year == 2021)]
    boot = bootstrap.cluster_bootstrap(s, n_boot=2000, seed=3)
    rates = boot.sums((par < 6).astype(float)) / boot.sums(np.ones(40))
    lo, hi = np.quantile(rates, [0.025, 0.975])
    floor = effective_wilson_interval((par < 6).astype(float), np.zeros(40), par)
    assert row[["ci_low", "ci_high"]].values[0].tolist() == pytest.approx(
        [min(lo, floor.low), max(hi, floor.high)])
    wlo, whi = framing.wilson_interval(24, 40)
    assert hi - lo > 1.6 * (whi - wlo) and floor.high - floor.low > 1.6 * (whi - wlo)
    assert t.interval.iloc[0].startswith("value and difference: cluster bootstrap")


def test_coder_accuracy_floors_each_rate_on_its_class_and_records_provenance():
    """Sensitivity's floor is computed on the hand-coded 1 (24 sentences in 6
    paragraphs), specificity's on the hand-coded 0 (36 in 9, false positives in 3 of
    them); with B = 1 each interval is the envelope of the estimate, the one replicate
    (recomputed here) and the floor. The table records the function that made it (a
    decorator on the wrong function once left it without provenance)."""
    from discourse import provenance

    par = np.arange(60) // 4
    s = pd.DataFrame({"sentence_id": [f"s{i:02d}" for i in range(60)], "year": 2021,
                      "doc_id": "d", "paragraph": par, "text": "x"})
    truth = (par < 6).astype(int)
    coded = truth.copy()
    coded[np.isin(par, [1, 4])] = 0                      # misses in 2 paragraphs
    coded[np.isin(par, [7, 9, 11])] = 1                  # false positives in 3
    hand = s[["sentence_id"]].assign(security=truth, economy=0, multilateralism=0)
    codes = s[["sentence_id"]].assign(security=coded, economy=0, multilateralism=0)
    t = framing.coder_accuracy(codes, hand, s, n_boot=1, seed=4)
    sec = t[(t.frame == "security") & (t.year == 2021)].set_index("measure")
    boot = bootstrap.cluster_bootstrap(s, n_boot=1, seed=4)
    for measure, rows, hits in (("sensitivity", truth == 1, coded == 1),
                                ("specificity", truth == 0, coded == 0)):
        floor = effective_wilson_interval(hits[rows].astype(float), np.zeros(rows.sum()),
                                          par[rows])
        value = hits[rows].mean()
        rep = float(boot.sums((hits & rows).astype(float))[0] / boot.sums(rows * 1.0)[0])
        assert sec.loc[measure, ["ci_low", "ci_high"]].tolist() == pytest.approx(
            [min(rep, value, floor.low), max(rep, value, floor.high)])
        assert floor.deff > 2
    assert provenance.of(t)["function"] == "discourse.framing.correction.coder_accuracy"


def test_coder_accuracy_compares_the_years_the_shares_compare():
    """The target and reference are resolved as frame_differences resolves them (stats.
    comparisons): 2019 against 2020 gives the opposite difference, and the reference
    row is 2020's."""
    s, codes, hand = _corpus()
    default = framing.coder_accuracy(codes, hand, s, n_boot=1000, seed=2)
    back = framing.coder_accuracy(codes, hand, s, target=2019, n_boot=1000, seed=2)
    d = default[default.frame == "security"].set_index(["measure", "year"])
    b = back[back.frame == "security"].set_index(["measure", "year"])
    assert b.loc[("sensitivity", 2019), "reference"] == 2020
    assert b.loc[("sensitivity", 2019), "difference"] == pytest.approx(
        -d.loc[("sensitivity", 2020), "difference"])
    assert b.loc[("sensitivity", 2020), "differs"] == ""
    diffs = framing.frame_differences(codes, s, target=2019, n_boot=50)
    assert set(zip(diffs.target, diffs.reference)) == {(2019, 2020)}


def _ppi_tables(security, ids, hand, stratum=None):
    coded = pd.DataFrame({"id": list(range(len(security))), "stratum": stratum or "s",
                          "security": security, "economy": 0, "multilateralism": 0})
    sample = pd.DataFrame({"id": ids, "security": hand, "economy": 0, "multilateralism": 0})
    return coded, sample


def test_prediction_powered_estimator_by_hand():
    """Strata A (N = 4, coder 1,1,0,0) and B (N = 6, coder 1,0,0,0,0,0). Sample: A
    a0 (hand 1), a2 (hand 1): hand - coder = 0, +1; B b0 (0), b1 (0), b2 (1): -1, 0, +1.
    theta_A = 1/2 + 1/2 = 1, theta_B = 1/6 + 0. Variances: var_N(coder)/N plus the
    rectifier's with 0.5 added to each cell (Agresti and Min 2005), u = (missed + 0.5)
    / (n + 2), l = (wrong + 0.5) / (n + 2), (u + l - (u - l)^2) / (n + 2):
    A: (1/3)/4 + (1.5/4 + 0.5/4 - (1/4)^2)/4 = 1/12 + 7/64;
    B: (1/6)/6 + (0.6 - 0)/5 = 1/36 + 0.12;
    overall with W = 0.4, 0.6: theta = 0.4 + 0.1 = 0.5, se^2 = 0.16 se_A^2 + 0.36 se_B^2."""
    coded = pd.DataFrame({"id": [f"a{i}" for i in range(4)] + [f"b{i}" for i in range(6)],
                          "stratum": ["A"] * 4 + ["B"] * 6,
                          "security": [1, 1, 0, 0, 1, 0, 0, 0, 0, 0], "economy": 0,
                          "multilateralism": 0})
    sample = pd.DataFrame({"id": ["a0", "a2", "b0", "b1", "b2"],
                           "security": [1, 1, 0, 0, 1], "economy": 0, "multilateralism": 0})
    t = framing.prediction_powered_shares(coded, sample)
    sec = t[t.frame == "security"].set_index("stratum")
    var_a, var_b = 1 / 12 + 7 / 64, 1 / 36 + 0.12
    assert sec.loc["A", "estimate"] == pytest.approx(1.0)
    assert sec.loc["A", "se"] == pytest.approx(math.sqrt(var_a))
    assert sec.loc["B", "estimate"] == pytest.approx(1 / 6)
    assert sec.loc["B", "se"] == pytest.approx(math.sqrt(var_b))
    assert sec.loc["all", "estimate"] == pytest.approx(0.5)
    assert sec.loc["all", "se"] == pytest.approx(math.sqrt(0.16 * var_a + 0.36 * var_b))
    assert sec.loc["all", ["N", "n"]].tolist() == [10, 5]
    assert not sec.clipped.any()
    z = 1.959963984540054
    assert sec.loc["all", "ci_low"] == pytest.approx(max(0, 0.5 - z * sec.loc["all", "se"]))
    assert sec.loc["A", "ci_high"] == 1.0                     # clipped
    # economy: no error anywhere, so only the pseudo-counts' 1/(n + 2)^2 remains
    eco = t[t.frame == "economy"].set_index("stratum")
    assert eco.loc["A", "se"] == pytest.approx(1 / 4) and eco.loc["B", "se"] == \
        pytest.approx(1 / 5)
    assert "assumes independent sentences" in t.method.iloc[0]
    with pytest.raises(ValueError, match="not among the coded sentences"):
        framing.prediction_powered_shares(coded, sample.assign(id=["a0", "a1", "b0", "b1", "zz"]))
    with pytest.raises(ValueError, match=r"sample table: column\(s\) security hold values "
                                         r"other than 0 and 1 \(e.g. 2\)"):
        framing.prediction_powered_shares(coded, sample.assign(security=[1, 2, 0, 0, 1]))


def test_prediction_powered_with_paragraphs_by_hand():
    """The same strata with paragraphs: A's coder codes 1,1,0,0 in paragraphs p, p, q,
    q (unit totals of coder - 1/2: +1, -1; linearisation variance (2/1) 2 / 4^2 = 1/4
    over the independent 0.25/4: design effect 4), B's 1,0,0,0,0,0 in paragraphs of two
    (totals 1 - 2/6, -2/6, -2/6: variance (3/2)(2/3) / 36 = 1/36 over (5/36)/6: 1.2).
    The coder term is multiplied by them; the rectifier is not; the whole's interval is
    Student's t with (2 - 1) + (3 - 1) = 3 df, each stratum's with its own."""
    from scipy.stats import t as student

    coded = pd.DataFrame({"id": [f"a{i}" for i in range(4)] + [f"b{i}" for i in range(6)],
                          "stratum": ["A"] * 4 + ["B"] * 6,
                          "paragraph": ["p", "p", "q", "q", "r", "r", "s", "s", "u", "u"],
                          "security": [1, 1, 0, 0, 1, 0, 0, 0, 0, 0], "economy": 0,
                          "multilateralism": 0})
    sample = pd.DataFrame({"id": ["a0", "a2", "b0", "b1", "b2"],
                           "security": [1, 1, 0, 0, 1], "economy": 0, "multilateralism": 0})
    t = framing.prediction_powered_shares(coded, sample, unit="paragraph")
    sec = t[t.frame == "security"].set_index("stratum")
    var_a, var_b = 4 * (1 / 12) + 7 / 64, 1.2 * (1 / 36) + 0.12
    assert sec.loc["A", "se"] == pytest.approx(math.sqrt(var_a))
    assert sec.loc["B", "se"] == pytest.approx(math.sqrt(var_b))
    se = math.sqrt(0.16 * var_a + 0.36 * var_b)
    assert sec.loc["all", "se"] == pytest.approx(se)
    assert sec.loc["all", "ci_low"] == pytest.approx(max(0, 0.5 - student.ppf(0.975, 3) * se))
    # a stratum's own row: its own paragraphs minus one (A: 1 df, B: 2 df)
    assert sec.loc["B", "ci_low"] == pytest.approx(
        max(0, 1 / 6 - student.ppf(0.975, 2) * math.sqrt(var_b)))
    assert sec.loc["A", "ci_low"] == pytest.approx(
        max(0, 1.0 - student.ppf(0.975, 1) * math.sqrt(var_a)))
    assert sec.loc["all", "estimate"] == pytest.approx(0.5)       # the estimate as before
    assert ("Student's t 95% interval with the units minus one as df (the whole: units "
            "minus strata)") in t.method.iloc[0]
    assert "Kish's design effect of the units (paragraph" in t.method.iloc[0]
    with pytest.raises(ValueError, match="paragraph"):
        framing.prediction_powered_shares(coded.drop(columns="paragraph"), sample,
                                          unit="paragraph")
    # a stratum of one paragraph cannot show its own variance: no interval (not z's)
    one = framing.prediction_powered_shares(coded.assign(paragraph="p"), sample,
                                            unit="paragraph")
    one = one[one.frame == "security"].set_index("stratum")
    assert np.isnan(one.loc["A", "ci_low"]) and np.isnan(one.loc["B", "ci_high"])
    assert np.isnan(one.loc["all", "ci_low"])          # no stratum has two units


def test_prediction_powered_resamples_documents_where_a_stratum_has_several():
    """A walkthrough's years of two documents got a PPI interval of paragraphs taken as
    independent (11% to 83%) beside the chapter's of documents resampled (0% to 100%).
    With ``document``, stratum A's two documents d (coder 1,1,1,0) and e (0,0,0,1) are
    its units: totals of coder - 1/2 +1 and -1, linearisation variance (2/1) 2 / 8^2 =
    1/16 over the independent 0.25/8: design effect 2, 1 df (its paragraphs, two per
    document, gave totals +1, 0, -1, 0: (4/3) 2 / 64 over 1/32, 4/3, 3 df). The coder
    term is 2 var(coder) / N = 2 (2/7) / 8 = 1/14; the rectifier of two sentences the
    coder got right (1/8, 1/8 after the 0.5 per cell) (1/4) / 4 = 1/16. B, one document,
    keeps its paragraphs (1,0 and 1,0: totals 0, design effect 1, 1 df): 1/12 + 1/16.
    At level 0.5, Student's t with 1 df is 1."""
    from scipy.stats import t as student

    coded = pd.DataFrame({
        "id": [f"a{i}" for i in range(8)] + [f"b{i}" for i in range(4)],
        "stratum": ["A"] * 8 + ["B"] * 4,
        "doc": list("ddddeeee") + ["f"] * 4,
        "paragraph": ["d1", "d1", "d2", "d2", "e1", "e1", "e2", "e2",
                      "f1", "f1", "f2", "f2"],
        "security": [1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0], "economy": 0,
        "multilateralism": 0})
    sample = pd.DataFrame({"id": ["a0", "a4", "b0", "b1"], "security": [1, 0, 1, 0],
                           "economy": 0, "multilateralism": 0})
    t = framing.prediction_powered_shares(coded, sample, unit="paragraph", document="doc",
                                          level=0.5)
    sec = t[t.frame == "security"].set_index("stratum")
    var_a, var_b = 1 / 14 + 1 / 16, 1 / 12 + 1 / 16
    assert sec.loc["A", "se"] == pytest.approx(math.sqrt(var_a))
    assert (sec.loc["A", "ci_low"], sec.loc["A", "ci_high"]) == pytest.approx(
        (0.5 - math.sqrt(var_a), 0.5 + math.sqrt(var_a)))
    assert sec.loc["B", "se"] == pytest.approx(math.sqrt(var_b))
    se = math.sqrt((8 / 12) ** 2 * var_a + (4 / 12) ** 2 * var_b)
    assert sec.loc["all", "se"] == pytest.approx(se)
    assert sec.loc["all", "ci_low"] == pytest.approx(0.5 - student.ppf(0.75, 2) * se)
    assert ("Kish's design effect of the units (doc: the documents where a stratum has "
            "several, else paragraph; at least 1)") in t.method.iloc[0]
    # without ``document``, A's paragraphs: design effect 4/3 and 3 df, as before
    old = framing.prediction_powered_shares(coded, sample, unit="paragraph", level=0.5)
    old = old[old.frame == "security"].set_index("stratum")
    assert old.loc["A", "se"] == pytest.approx(math.sqrt(4 / 3 * (2 / 7) / 8 + 1 / 16))
    assert "Kish's design effect of the units (paragraph; at least 1)" in old.method.iloc[0]
    # one document per stratum: the paragraphs, and the label, as without ``document``
    one = framing.prediction_powered_shares(coded.assign(doc=coded.stratum), sample,
                                            unit="paragraph", document="doc", level=0.5)
    pd.testing.assert_frame_equal(one, framing.prediction_powered_shares(
        coded, sample, unit="paragraph", level=0.5))


def test_prediction_powered_estimate_stays_in_its_interval():
    """N = 10, the coder codes 9 sentences 1; of a sample of two, one the coder coded 0
    is 1 by hand and one coded 1 is 1: coder mean 0.9, rectifier (1 + 0) / 2 = 0.5, raw
    estimate 1.4. se^2 = 0.1/10 + (1.5/4 + 0.5/4 - (1/4)^2)/4 = 0.01 + 0.109375. The
    estimate is clipped to 1 and lies in its interval [1.4 - z se, 1]."""
    coded, sample = _ppi_tables([1] * 9 + [0], [9, 0], [1, 1])
    row = framing.prediction_powered_shares(coded, sample).iloc[0]
    se = math.sqrt(0.01 + 0.109375)
    assert (row.coder_mean, row.rectifier) == pytest.approx((0.9, 0.5))
    assert row.estimate == 1.0 and row.clipped
    assert row.se == pytest.approx(se)
    assert row.ci_low == pytest.approx(1.4 - 1.959963984540054 * se)
    assert row.ci_low <= row.estimate <= row.ci_high == 1.0
    assert "estimate and interval clipped to [0, 1]" in row.method


def test_prediction_powered_error_free_sample_size_matters():
    """N = 100, coded share 0.30, a sample without a coder error: the SE is not the
    coder's binomial SE alone (sqrt(0.3 * 0.7 / 99 ... )), but grows as the sample
    shrinks: se^2 = var_N(coder)/100 + 1/(n + 2)^2."""
    var_coder = 0.3 * 0.7 * 100 / 99 / 100
    se = {}
    for n in (2, 50):
        ids = list(range(0, 100, 100 // n))[:n]
        coded, sample = _ppi_tables([1] * 30 + [0] * 70, ids,
                                    [1 if i < 30 else 0 for i in ids])
        row = framing.prediction_powered_shares(coded, sample).iloc[0]
        assert row.rectifier == 0 and row.estimate == pytest.approx(0.3)
        assert row.se == pytest.approx(math.sqrt(var_coder + 1 / (n + 2) ** 2))
        se[n] = (row.se, row.ci_high - row.ci_low)
    assert se[2][0] > 5 * se[50][0] and se[2][1] > se[50][1] > 0


@pytest.mark.parametrize("reference, pairs", [
    ("rest", [(2001, (2002, 2003)), (2002, (2001, 2003)), (2003, (2001, 2002))]),
    (2001, [(2002, (2001,)), (2003, (2001,))]),
    ("previous", [(2002, (2001,)), (2003, (2002,))])])
def test_se_sp_differences_are_floored_on_the_compared_years(reference, pairs):
    """Three years (one document each, 6 paragraphs of 3 sentences, every sentence hand
    coded, security in the first 3 paragraphs): the coder misses a paragraph in 2002
    only. The floor of each difference is Newcombe's from the target year's and the
    reference years' effective Wilson intervals, and its bootstrap part the replicates'
    difference of those years' rates (NaN replicates left out): both recomputed here."""
    year = np.repeat([2001, 2002, 2003], 18)
    par = np.tile(np.arange(18) // 3, 3)
    s = pd.DataFrame({"sentence_id": [f"s{i:02d}" for i in range(54)], "year": year,
                      "doc_id": [f"d{y}" for y in year], "paragraph": par, "text": "x"})
    truth = (par < 3).astype(int)
    coded = truth.copy()
    coded[(year == 2002) & (par == 0)] = 0
    hand = s[["sentence_id"]].assign(security=truth, economy=0, multilateralism=0)
    codes = s[["sentence_id"]].assign(security=coded, economy=0, multilateralism=0)
    t = framing.coder_accuracy(codes, hand, s, reference=reference, n_boot=400, seed=6)
    sec = t[(t.frame == "security") & (t.measure == "sensitivity")].set_index("year")
    boot = bootstrap.cluster_bootstrap(s, n_boot=400, seed=6)
    hit, klass = (coded == 1) & (truth == 1), truth == 1
    units = year * 10 + par
    for y, groups in pairs:
        mine, theirs = klass & (year == y), klass & np.isin(year, groups)

        def rate(rows):
            with np.errstate(invalid="ignore", divide="ignore"):
                return boot.sums((hit & rows) * 1.0) / boot.sums(rows * 1.0)

        d = rate(mine) - rate(theirs)
        lo, hi = stats.percentile_interval(d[~np.isnan(d)])
        flo, fhi, _ = effective_newcombe_interval(
            *((np.ones(r.sum()) * hit[r], year[r], units[r]) for r in (mine, theirs)))
        diff = hit[mine].mean() - hit[theirs].mean()
        row = sec.loc[y]
        assert row.difference == pytest.approx(diff)
        assert (row.difference_low, row.difference_high) == pytest.approx(
            (min(lo, diff, flo), max(hi, diff, fhi)))
