"""discourse.framing.shares: shares, differences, sensitivity, roles, trajectory (and
co-occurrence, with the same inputs); words counted once."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import bootstrap, corpus, framing, stats
from discourse.clustered_ci import effective_newcombe_interval, effective_wilson_interval

from conftest import MULTI

F = framing.FRAMES


def _mini():
    sents = pd.DataFrame({
        "sentence_id": [f"s{i}" for i in range(8)], "doc_id": ["a"] * 4 + ["b"] * 4,
        "year": [2001] * 4 + [2002] * 4, "paragraph": range(8),
        "role": ["speech"] * 3 + ["question"] + ["speech"] * 4,
        "text": ["one two"] * 8})
    c = pd.DataFrame({"sentence_id": sents.sentence_id, "security": [1, 1, 1, 0, 0, 0, 0, 1],
                      "economy": [0] * 8, "multilateralism": [0, 0, 0, 0, 1, 1, 1, 1]})
    return sents, c


def test_shares_and_differences():
    from scipy.stats import fisher_exact

    sents, c = _mini()
    sh = framing.frame_shares(c, sents)
    row = sh[(sh.year == 2001) & (sh.frame == "security")].iloc[0]
    assert (row.n_frame, row.n_sentences, row.share) == (3, 4, 0.75)
    assert row.per_1000_words == pytest.approx(1000 * 3 / 8)
    assert (row.wilson_low_independent, row.wilson_high_independent) == pytest.approx(
        stats.wilson_interval(3, 4))
    d = framing.frame_differences(c, sents).set_index("frame")
    assert d.loc["security", "difference"] == pytest.approx(0.25 - 0.75)
    assert d.loc["security", "p_value_independent"] == pytest.approx(
        fisher_exact([[1, 3], [3, 1]])[1])
    assert (d.loc["security", ["newcombe_low_independent", "newcombe_high_independent"]]
            .tolist() == pytest.approx(stats.newcombe_interval(1, 4, 3, 4)))
    # every sentence is its own paragraph and each year has one document: the
    # multilateralism share is 0 in 2001 and 1 in 2002 in every replicate, a point
    # interval [1, 1] widened to Newcombe's from Wilson's at the effective sample sizes:
    # shares of 0 and 1 show no variance (design effect 1), 4 paragraphs give t with 3
    # df, so each year counts as n_eff = 4 (z / t_3)^2 sentences, by hand
    from scipy.stats import t as student

    n_eff = 4 * (stats.z_value(0.95) / student.ppf(0.975, 3)) ** 2
    nlo, nhi = stats.newcombe_interval(n_eff, n_eff, 0, n_eff)
    assert d.loc["multilateralism", ["ci_low", "ci_high"]].tolist() == pytest.approx(
        [nlo, 1.0])
    assert nlo < stats.newcombe_interval(4, 4, 0, 4)[0] < 0.6
    assert "widened to Newcombe's interval from Wilson's at the effective sample sizes " \
        "(target: design effect 1.00, t with 3 df; reference: design effect 1.00, t with " \
        "3 df; Korn and Graubard 1998)" in d.loc["multilateralism", "interval"]
    assert d.loc["security", "interval"].startswith("cluster bootstrap percentile")
    one = c[sents.year == 2001]
    with pytest.raises(ValueError, match="at least two"):
        framing.frame_differences(one, sents[sents.year == 2001])
    with pytest.raises(ValueError, match="target=1999 is not in the data"):
        framing.frame_differences(c, sents, target=1999)


def test_sensitivity_cooccurrence_roles_trajectory():
    sents, c = _mini()
    s = framing.sensitivity(c, sents, hand=c)
    assert set(s.variant) == {"lexicon codes, all", "hand codes, all",
                              "lexicon codes, without questions, titles, leads",
                              "hand codes, without questions, titles, leads"}
    assert s[s.variant == "hand codes, all"].holds.all()
    assert (s.kind == "main").sum() == len(F) and set(s[s.kind == "main"].variant) == {
        "lexicon codes, all"}
    body = s[(s.variant == "lexicon codes, without questions, titles, leads")]
    assert body.n_reference.iloc[0] == 3
    co = framing.cooccurrence(c, sents).set_index(["year", "frame_a", "frame_b"])
    assert co.loc[("all", "security", "multilateralism"), "n_both"] == 1
    assert co.loc[("all", "multilateralism", "security"), "share_of_a"] == 0.25
    defined = (co.n_a > 0) & (co.index.get_level_values("frame_a")
                              != co.index.get_level_values("frame_b"))
    assert all(i.startswith("cluster bootstrap percentile") for i in co.interval[defined])
    assert set(co.interval[co.n_a == 0]) == {"none: no sentence in the denominator"}
    assert set(co.interval[~defined & (co.n_a > 0)]) == {
        "none: a frame with itself, 1 by definition"}
    assert not defined.all()                                # economy: no sentence
    r = framing.frames_by_role(c, sents)
    assert r[(r.role == "question") & (r.frame == "security")].share.iloc[0] == 0
    t = framing.trajectory(c, sents, window=3)
    first = t[(t.doc_id == "a") & (t.frame == "security")]
    assert first.rolling_share.tolist() == pytest.approx([1, 1, 2 / 3, 0.5])
    for bad in (0, 2.5, True):
        with pytest.raises(ValueError, match=r"window=.* must be a positive integer"):
            framing.trajectory(c, sents, window=bad)


def test_rates_per_1000_words_use_the_corpus_word_count(frame_lexicon):
    """One definition of a word: frame shares' n_words equals corpus.describe's words."""
    sents = corpus.segment(corpus.load_docs(MULTI))
    shares = framing.frame_shares(framing.code_sentences(sents, frame_lexicon), sents)
    described = corpus.describe(sents)
    per_year = described[described.role == "all"].groupby("year").words.sum()
    got = shares.drop_duplicates("year").set_index("year").n_words
    assert got.to_dict() == per_year.to_dict()


def test_differences_with_other_references():
    sents, c = _mini()
    third = sents.assign(year=2003, sentence_id=sents.sentence_id + "x")
    sents3 = pd.concat([sents, third], ignore_index=True)
    c3 = pd.concat([c, c.assign(sentence_id=c.sentence_id + "x")], ignore_index=True)
    prev = framing.frame_differences(c3, sents3, reference="previous", n_boot=200)
    assert sorted(set(zip(prev.target, prev.reference))) == [(2002, 2001), (2003, 2002)]
    rest = framing.frame_differences(c3, sents3, 2002, "rest", n_boot=200).set_index("frame")
    # security: 2002 has 1 of 4; the rest (2001 and 2003 pooled) 3 + 4 of 4 + 8
    assert rest.loc["security", "reference"] == "rest"
    assert rest.loc["security", "share_reference"] == pytest.approx(7 / 12)
    assert rest.loc["security", "share_target"] == pytest.approx(1 / 4)


@pytest.mark.slow
def test_words_are_counted_once_per_table(monkeypatch):
    sents, c = _mini()
    calls = []
    # the globals the functions run with: with --import-mode=importlib a doctest run may
    # have imported shares.py a second time, so the module object can differ
    scope = getattr(framing.add_word_counts, "__wrapped__", framing.add_word_counts).__globals__
    assert all(getattr(f, "__wrapped__", f).__globals__ is scope
               for f in (framing.sensitivity, framing.frame_shares, framing.frames_by_role,
                         framing.trajectory))
    real = scope["count_words"]
    monkeypatch.setitem(scope, "count_words", lambda t: calls.append(t) or real(t))
    framing.sensitivity(c, sents, hand=c)
    assert len(calls) == len(sents)
    calls.clear()
    counted = framing.add_word_counts(sents)
    assert len(calls) == len(sents) and counted.n_words.tolist() == [2] * 8
    calls.clear()
    framing.frame_shares(c, counted)
    framing.frames_by_role(c, counted)
    framing.sensitivity(c, counted, hand=c)
    framing.cooccurrence(c, counted)
    framing.trajectory(c, counted)
    assert calls == []


def _paragraphs():
    """One year, one document, four paragraphs of two sentences: security in 2, 1, 0 and
    1 of them; economy in 1 of 2 everywhere."""
    n = 8
    sents = pd.DataFrame({"sentence_id": [f"s{i}" for i in range(n)], "doc_id": "d",
                          "year": 2020, "paragraph": [1, 1, 2, 2, 3, 3, 4, 4],
                          "role": "speech", "text": "one two"})
    c = pd.DataFrame({"sentence_id": sents.sentence_id,
                      "security": [1, 1, 1, 0, 0, 0, 1, 0], "economy": [1, 0] * 4,
                      "multilateralism": 0})
    return sents, c


def test_share_interval_is_the_cluster_bootstrap_of_paragraphs():
    """The interval is the percentile interval of the share over paragraph resamples,
    recomputed here with the resampler; economy (1 of 2 in every paragraph) would
    collapse to a point, so it is widened to Wilson's at the effective sample size (the
    four paragraphs show no variance: design effect 1, t with 3 df), and says so."""
    sents, c = _paragraphs()
    sh = framing.frame_shares(c, sents, n_boot=3000, seed=4).set_index("frame")
    boot = bootstrap.cluster_bootstrap(sents, n_boot=3000, seed=4)
    reps = boot.sums(c.security) / boot.sums(np.ones(8))
    lo, hi = stats.percentile_interval(reps)
    # security varies between paragraphs (2, 1, 0, 1 of 2): design effect 4/3 (unit
    # residuals 1, 0, -1, 0: 4/3 * 2 / 64 over 0.25 / 8) and t with 3 df, so the floor
    # reaches beyond the percentile interval at both ends
    sec = effective_wilson_interval(c.security.to_numpy(float), np.zeros(8), sents.paragraph)
    assert sec.deff == pytest.approx(4 / 3) and sec.low < lo and sec.high > hi
    assert (sh.loc["security", "ci_low"], sh.loc["security", "ci_high"]) == pytest.approx(
        sec[:2])
    floor = effective_wilson_interval(c.economy.to_numpy(float), np.zeros(8),
                                      sents.paragraph)
    assert (floor.deff, floor.df) == (1.0, 3)
    assert (sh.loc["economy", "ci_low"], sh.loc["economy", "ci_high"]) == pytest.approx(
        floor[:2])
    wlo, whi = stats.wilson_interval(4, 8)
    assert sh.loc["economy", "ci_low"] < wlo and sh.loc["economy", "ci_high"] > whi
    assert sh.loc["economy", "interval"].endswith(
        "widened to the Wilson score interval of 4/8 at the effective sample size (design "
        "effect 1.00, t with 3 df; Korn and Graubard 1998) where narrower")
    assert sh.loc["security", "interval"] == (
        "cluster bootstrap percentile (blocks of consecutive paragraphs resampled within "
        "documents (circular block bootstrap, L = 2); B=3000, seed=4), widened to the "
        "Wilson score interval of 4/8 at the effective "
        "sample size (design effect 1.33, t with 3 df; Korn and Graubard 1998) where "
        "narrower")
    assert (sh.n_boot == 3000).all() and (sh.seed == 4).all()
    with pytest.raises(ValueError, match="lacks column.*paragraph"):
        framing.frame_shares(c, sents.drop(columns="paragraph"))


def test_difference_interval_from_the_same_replicates():
    sents, c = _paragraphs()
    other = sents.assign(year=2021, doc_id="e", sentence_id=sents.sentence_id + "x")
    both = pd.concat([sents, other], ignore_index=True)
    c2 = pd.concat([c, c.assign(sentence_id=c.sentence_id + "x", security=1 - c.security)],
                   ignore_index=True)
    d = framing.frame_differences(c2, both, n_boot=2000, seed=9).set_index("frame")
    boot = bootstrap.cluster_bootstrap(both, n_boot=2000, seed=9)
    is21 = (both.year == 2021).to_numpy(float)
    diff = (boot.sums(c2.security * is21) / boot.sums(is21)
            - boot.sums(c2.security * (1 - is21)) / boot.sums(1 - is21))
    lo, hi = stats.percentile_interval(diff)
    # widened where narrower to Newcombe's from each year's Wilson interval at the
    # effective sample size (paragraphs as units, years as strata)
    x = c2.security.to_numpy(float)
    units = both.year * 10 + both.paragraph
    flo, fhi, name = effective_newcombe_interval(
        *((x[m], both.year[m], units[m]) for m in (is21 == 1, is21 == 0)))
    assert (d.loc["security", "ci_low"], d.loc["security", "ci_high"]) == pytest.approx(
        (min(lo, flo), max(hi, fhi)))
    assert flo < lo and fhi > hi and name in d.loc["security", "interval"]
    assert d.loc["security", "difference"] == 0.0      # 4 of 8 in both years


def test_replicates_without_a_group_are_left_out_and_counted_in_the_label():
    """The one question paragraph of 2001 (1 of 4 paragraphs of its document) is
    missing from a replicate with probability (1/2)^2 = 1/4: a replicate is two
    circular blocks of L = round(4 ** (1/3)) = 2 consecutive paragraphs, and a block
    holds it from 2 of its 4 starts. Its share is undefined there, left out of the
    interval, and the label says how many replicates remain."""
    sents, c = _mini()
    sh = framing.frame_shares(c, sents, by="role", n_boot=4000, seed=2).set_index(
        ["role", "frame"])
    boot = bootstrap.cluster_bootstrap(sents, n_boot=4000, seed=2)
    n_q = boot.sums((sents.role == "question").to_numpy(float))
    kept = int((n_q > 0).sum())
    assert kept / 4000 == pytest.approx(1 - 0.5 ** 2, abs=0.03)
    # one paragraph: every defined replicate gives the same share, widened to Wilson's
    # (one unit: no design effect to estimate)
    assert sh.loc[("question", "security"), "interval"] == (
        boot.label + ", widened to the Wilson score interval of 0/1 (one unit per "
        "stratum: no design effect to estimate; assumes independent sentences) where "
        "narrower; "
        f"{kept} of the 4000 replicates define the share of role question "
        "(the others left out)")
    speech = sh.loc[("speech", "security"), "interval"]             # always present
    assert speech.startswith(boot.label) and "replicates define" not in speech


def test_codes_other_than_0_1_or_repeated_ids_are_errors_naming_them():
    """A code 2 counted a sentence twice (a share of 6 of 11 from 5 sentences in a
    walkthrough), a missing code gave a float conversion error and a repeated id a
    pandas MergeError: each is now a message saying what to fix."""
    sents, c = _mini()
    for bad, message in ((c.assign(security=[2, 1, 1, 0, 0, 0, 0, 1]), r"security hold "
                          r"values other than 0 and 1 \(e.g. 2\)"),
                         (c.assign(economy=[None, 0, 0, 0, 0, 0, 0, 0]), r"economy hold "
                          r"values other than 0 and 1 \(e.g. nan\)"),
                         (pd.concat([c, c.iloc[[0]]]), r"duplicate sentence_id\(s\) 's0'")):
        for f in (framing.frame_shares, framing.frame_differences, framing.cooccurrence):
            with pytest.raises(ValueError, match=r"frame codes: (column\(s\) )?" + message):
                f(bad, sents)


def test_trajectory_and_tokens_refuse_rows_out_of_reading_order():
    """Positions along a text are the rows' order: a shuffled table gave another
    trajectory (and other token positions) silently; now an error says how to sort."""
    from discourse import preprocess

    sents, c = _mini()
    sents = sents.assign(sentence=1)
    shuffled = sents.iloc[[1, 0, 2, 3, 4, 5, 6, 7]]
    with pytest.raises(ValueError, match=r"the rows of document 'a' are not in reading "
                                         r"order \(paragraph 0, sentence 1 after paragraph "
                                         r"1, sentence 1\); sort it by doc_id"):
        framing.trajectory(c, shuffled)
    with pytest.raises(ValueError, match="not in reading order"):
        preprocess.tokens(shuffled)
    assert len(framing.trajectory(c, sents)) == 8 * 3


def _three_years():
    """Three years, one document each, 6 paragraphs of 3 sentences; security in whole
    paragraphs: 2, 4 and 1 of the 6."""
    year = np.repeat([2001, 2002, 2003], 18)
    par = np.tile(np.arange(18) // 3, 3)
    sents = pd.DataFrame({"sentence_id": [f"s{i:02d}" for i in range(54)], "year": year,
                          "doc_id": [f"d{y}" for y in year], "paragraph": par,
                          "role": "speech", "text": "one two"})
    sec = ((year == 2001) & (par < 2)) | ((year == 2002) & (par < 4)) | \
        ((year == 2003) & (par < 1))
    c = sents[["sentence_id"]].assign(security=sec.astype(int), economy=0,
                                      multilateralism=0)
    return sents, c


@pytest.mark.parametrize("reference, pairs", [
    ("previous", [(2002, (2001,)), (2003, (2002,))]),
    ("rest", [(2001, (2002, 2003)), (2002, (2001, 2003)), (2003, (2001, 2002))]),
    (2001, [(2002, (2001,)), (2003, (2001,))])])
def test_the_difference_floor_uses_the_compared_years_only(reference, pairs):
    """Each difference is floored at Newcombe's interval from the target year's and the
    reference years' own effective Wilson intervals (paragraphs as units, years as
    strata), and its bootstrap part is the replicates' difference of those years'
    shares: both recomputed here for every comparison."""
    sents, c = _three_years()
    d = framing.frame_differences(c, sents, reference=reference, n_boot=400, seed=5)
    d = d[d.frame == "security"].set_index("target")
    boot = bootstrap.cluster_bootstrap(sents, n_boot=400, seed=5)
    x = c.security.to_numpy(float)
    units = (sents.year * 10 + sents.paragraph).to_numpy()
    for target, groups in pairs:
        one, other = (sents.year == target).to_numpy(), sents.year.isin(groups).to_numpy()
        rep = (boot.sums(x * one) / boot.sums(one * 1.0)
               - boot.sums(x * other) / boot.sums(other * 1.0))
        lo, hi = stats.percentile_interval(rep)
        flo, fhi, name = effective_newcombe_interval((x[one], sents.year[one], units[one]),
                                                     (x[other], sents.year[other],
                                                      units[other]))
        row = d.loc[target]
        assert (row.ci_low, row.ci_high) == pytest.approx((min(lo, flo), max(hi, fhi)))
        assert row.difference == pytest.approx(x[one].mean() - x[other].mean())
