"""discourse.topics.prevalence: year means, differences and their bootstrap intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import corpus, topics

import topic_data as td
from conftest import write_corpus


def test_prevalence_bootstrap_contains_mean_and_is_reproducible():
    ut = td.unit_topics()
    a = topics.prevalence_by_year(ut, n_boot=500, seed=3)
    b = topics.prevalence_by_year(ut, n_boot=500, seed=3)
    pd.testing.assert_frame_equal(a, b)
    assert set(a.interval) == {"circular block bootstrap of consecutive units within each "
                               "document (block length 1)", "circular block bootstrap of "
                               "consecutive units within each document (block length 2)"}
    u3 = topics.prevalence_by_year(ut, n_boot=500, seed=3, design="units")
    u4 = topics.prevalence_by_year(ut, n_boot=500, seed=4, design="units")
    assert not u3["ci_low"].equals(u4["ci_low"]) or not u3["ci_high"].equals(u4["ci_high"])
    t1 = a[a.topic == 1].set_index("year")
    assert t1.loc[2001, "mean"] == pytest.approx(0.25)
    assert t1.loc[2003, "mean"] == pytest.approx(0.6)
    assert t1.loc[2001, "n_units"] == 4 and t1.loc[2003, "n_units"] == 3
    assert ((a["ci_low"] <= a["mean"]) & (a["mean"] <= a["ci_high"])).all()
    assert (a["ci_low"] < a["ci_high"]).all()
    # units are resampled within their year: a year's interval stays inside its data
    assert 0.1 <= t1.loc[2001, "ci_low"] and t1.loc[2001, "ci_high"] <= 0.4
    assert 0.5 <= t1.loc[2003, "ci_low"] and t1.loc[2003, "ci_high"] <= 0.7


def test_prevalence_difference_target_minus_reference():
    ut = td.unit_topics()
    d = topics.prevalence_difference(ut, n_boot=500, seed=3)
    t1 = d[d.topic == 1].iloc[0]
    assert (t1.target, t1.reference) == (2003, 2001)
    assert t1.difference == pytest.approx(0.35)
    assert t1.ci_low <= 0.35 <= t1.ci_high
    assert 0.1 <= t1.ci_low and t1.ci_high <= 0.6           # (0.5 - 0.4) .. (0.7 - 0.1)
    rev = topics.prevalence_difference(ut, target=2001, reference=2003, n_boot=500, seed=3)
    assert rev[rev.topic == 1].difference.iloc[0] == pytest.approx(-0.35)
    with pytest.raises(ValueError, match="1999"):
        topics.prevalence_difference(ut, target=1999, reference=2001)


def test_prevalence_pairs_with_three_years():
    ut = td.unit_topics()
    extra = ut[ut.unit_id == "u6"].assign(unit_id="u7", year=2005)
    ut = pd.concat([ut, extra], ignore_index=True)
    first = topics.prevalence_difference(ut, reference="first", n_boot=50)
    adjacent = topics.prevalence_difference(ut, reference="previous", n_boot=50)
    assert sorted(set(zip(first.target, first.reference))) == [(2003, 2001), (2005, 2001)]
    assert sorted(set(zip(adjacent.target, adjacent.reference))) == \
        [(2003, 2001), (2005, 2003)]
    with pytest.raises(ValueError, match="'median'"):
        topics.prevalence_difference(ut, reference="median")


def test_single_year_fit_works_but_difference_raises(tmp_path):
    paragraphs = [
        "Trade and investment grew among the member states this year.",
        "Security and the fight against terrorism remain a priority for the member states.",
        "Trade, investment and transport links connect the region.",
        "Terrorism and extremism threaten security in the region.",
        "New trade and investment projects were agreed.",
        "The security services shared information on terrorism.",
    ]
    text = "A single-year speech\n\n" + "\n\n".join(paragraphs) + "\n"
    root = write_corpus(tmp_path / "one", {"solo-2031-speech": text})
    sents = corpus.segment(corpus.load_docs(root))
    dtm = topics.document_term_matrix(topics.units(sents))
    fit = topics.fit_topics(dtm, model="nmf", k=2, seed=1)
    ut = topics.document_topics(fit)
    prev = topics.prevalence_by_year(ut, n_boot=100)
    assert prev["year"].unique().tolist() == [2031] and len(prev) == 2
    table = topics.prevalence_table(ut, n_boot=100)
    assert table["measure"].unique().tolist() == ["mean"]
    with pytest.raises(ValueError, match="at least two values of 'year'.*2031"):
        topics.prevalence_difference(ut)


def test_bootstrap_recomputed_by_hand():
    """Units resampled within each year (years ascending, one generator), percentile
    interval of the mean and of the difference of means."""
    ut = td.unit_topics()
    prev = topics.prevalence_by_year(ut, n_boot=300, seed=5, level=0.9, design="units")
    diff = topics.prevalence_difference(ut, n_boot=300, seed=5, level=0.9, design="units")
    w = {2001: np.array([0.1, 0.2, 0.3, 0.4]), 2003: np.array([0.5, 0.6, 0.7])}
    rng = np.random.default_rng(5)
    means = {y: w[y][rng.integers(0, len(w[y]), size=(300, len(w[y])))].mean(axis=1)
             for y in (2001, 2003)}
    t1 = prev[prev.topic == 1].set_index("year")
    for y in (2001, 2003):
        assert (t1.loc[y, "ci_low"], t1.loc[y, "ci_high"]) == pytest.approx(
            tuple(np.quantile(means[y], [0.05, 0.95])), rel=1e-12)
    d1 = diff[diff.topic == 1].iloc[0]
    assert (d1.ci_low, d1.ci_high) == pytest.approx(
        tuple(np.quantile(means[2003] - means[2001], [0.05, 0.95])), rel=1e-12)


def test_rest_reference_pools_the_other_years():
    ut = td.unit_topics()
    extra = ut[ut.unit_id == "u6"].assign(unit_id="u7", year=2005)
    ut = pd.concat([ut, extra], ignore_index=True)
    d = topics.prevalence_difference(ut, target=2005, reference="rest", n_boot=50)
    t1 = d[d.topic == 1].iloc[0]
    # topic-1 weights: 2005 has 0.7; the rest: 0.1 .. 0.7 (7 units), mean 0.4
    assert (t1.reference, t1.n_reference) == ("rest", 7)
    assert t1.difference == pytest.approx(0.7 - 0.4)
    table = topics.prevalence_table(ut, target=2005, reference="rest", n_boot=50)
    assert set(table.reference.dropna()) == {"rest"}


def test_block_bootstrap_prevalence_recomputed_with_the_resampler():
    """The block design: each year's units in reading order are resampled by
    discourse.blocks.block_bootstrap (seed + i for the i-th year); the interval is
    the percentile interval of the resampled means."""
    from discourse import blocks

    ut = td.unit_topics()
    prev = topics.prevalence_by_year(ut, n_boot=300, seed=5, level=0.9)
    w = {2001: np.array([0.1, 0.2, 0.3, 0.4]), 2003: np.array([0.5, 0.6, 0.7])}
    t1 = prev[prev.topic == 1].set_index("year")
    for i, y in enumerate((2001, 2003)):
        counts = np.vstack(list(blocks.block_bootstrap([len(w[y])], n_boot=300,
                                                       seed=5 + i)))
        means = counts @ w[y] / len(w[y])
        assert (t1.loc[y, "ci_low"], t1.loc[y, "ci_high"]) == pytest.approx(
            tuple(np.quantile(means, [0.05, 0.95])), rel=1e-12)


def test_blocks_follow_the_units_reading_order_past_999_units():
    # ids "d.p1" ... "d.p1200": as text "d.p1000" sorts before "d.p101"; the blocks of
    # consecutive units must follow the units' numbers, as with zero-padded ids
    n = 1200
    rng = np.random.default_rng(7)
    weight = np.repeat(rng.random(n // 40), 40)           # runs of 40 similar units

    def table(ids):
        return pd.DataFrame({"unit_id": ids, "year": 2020, "topic": 1, "weight": weight})

    plain = topics.prevalence_by_year(table([f"d.p{i}" for i in range(1, n + 1)]),
                                      n_boot=300, seed=2)
    padded = topics.prevalence_by_year(table([f"d.p{i:04d}" for i in range(1, n + 1)]),
                                       n_boot=300, seed=2)
    pd.testing.assert_frame_equal(plain, padded)
    assert plain["ci_high"].iloc[0] - plain["ci_low"].iloc[0] > 0.02


def test_a_year_of_several_documents_resamples_its_documents():
    """As frame shares and key terms: a year of three documents draws documents (each
    with all its units), so the spread between documents is in the interval; blocks of
    units stay for a year of one document. Three documents of two units each, with topic
    weights 0, 0.5 and 1 throughout: every replicate mean is a multiple of 1/6, and the
    90% interval is wide (block resampling within each document kept every document
    in, and gave a point: 0.5 in every replicate)."""
    ut = pd.DataFrame({"unit_id": ["a.p1", "a.p2", "b.p1", "b.p2", "c.p1", "c.p2",
                                   "d.p1", "d.p2", "d.p3"],
                       "doc_id": list("aabbccddd"), "year": [2001] * 6 + [2002] * 3,
                       "topic": 1, "weight": [0, 0, 0.5, 0.5, 1, 1, 0.2, 0.4, 0.6]})
    prev = topics.prevalence_by_year(ut, n_boot=2000, seed=3, level=0.9).set_index("year")
    several, one = prev.loc[2001], prev.loc[2002]
    assert several.interval == ("cluster bootstrap of documents within year (each with "
                                "all its units)")
    assert one.interval.startswith("circular block bootstrap")
    assert several["mean"] == pytest.approx(0.5)
    assert (several.ci_low, several.ci_high) == pytest.approx((1 / 6, 5 / 6))
    diff = topics.prevalence_difference(ut, n_boot=200, seed=3)
    assert "; " in diff.interval.iloc[0] and "documents within year" in diff.interval.iloc[0]


def _two_documents_in_a_year():
    """2001: documents a and b of 12 paragraphs each, topic-1 weights 0.05-0.95 in
    runs (SD about 0.3 within each) but means 0.5 and 0.51; 2002: one document c."""
    a = np.array([0.9, 0.8, 0.95, 0.1, 0.05, 0.2, 0.85, 0.9, 0.1, 0.15, 0.05, 0.95])
    b = a[::-1] + 0.01
    c = np.array([0.3, 0.4, 0.9, 0.8, 0.2, 0.1, 0.6, 0.5, 0.7])
    docs = [("a", 2001, a), ("b", 2001, b), ("c", 2002, c)]
    return pd.DataFrame([(f"{d}.p{i + 1}", d, y, 1, w) for d, y, ws in docs
                         for i, w in enumerate(ws)],
                        columns=["unit_id", "doc_id", "year", "topic", "weight"]), a, b, c


def _hand_draws(ut, year, i, seed, n_boot=2000):
    """(documents draws, within-document block draws) of a year, with the resamplers."""
    from discourse import blocks
    from discourse.bootstrap import cluster_bootstrap

    part = ut[ut.year == year]
    w = part.weight.to_numpy()
    lengths = part.groupby("doc_id", sort=True).size().tolist()
    within = np.vstack(list(blocks.block_bootstrap(lengths, n_boot=n_boot,
                                                   seed=seed + i))) @ w / len(w)
    if len(lengths) == 1:
        return None, within
    boot = cluster_bootstrap(part[["doc_id"]], n_boot=n_boot, seed=seed + i, stratum=None,
                             paragraph=None)
    return boot.sums(w) / boot.sums(np.ones(len(w))), within


def test_a_year_of_two_documents_is_widened_to_the_within_document_interval():
    """The defect: two documents give three distinct replicates ((a, a), (a, b),
    (b, b)), so the documents-only interval of 2001 was 0.50-0.51 although paragraphs
    vary from 0.05 to 0.95 within each. The reported interval is the union with the
    block interval within the documents (discourse.few_documents), the label says so;
    the year of one document is unchanged (its block interval, plain label)."""
    ut, a, b, c = _two_documents_in_a_year()
    prev = topics.prevalence_by_year(ut, n_boot=2000, seed=3).set_index("year")
    docs, within = _hand_draws(ut, 2001, 0, 3)
    dlo, dhi = np.quantile(docs, [0.025, 0.975])
    wlo, whi = np.quantile(within, [0.025, 0.975])
    two = prev.loc[2001]
    assert two["mean"] == pytest.approx((a.mean() + b.mean()) / 2)
    assert (dlo, dhi) == pytest.approx((a.mean(), b.mean()))     # the defect: 0.50-0.51
    assert (two.ci_low, two.ci_high) == pytest.approx((min(dlo, wlo), max(dhi, whi)),
                                                      rel=1e-12)
    eps = 1e-12                                      # summation order of the two ways
    assert two.ci_low <= min(dlo, wlo) + eps and two.ci_high >= max(dhi, whi) - eps
    assert two.ci_high - two.ci_low > 0.2 > 10 * (dhi - dlo)             # strictly wider
    assert two.interval == ("cluster bootstrap of documents within year (each with all "
                            "its units), widened to the blocks-of-units-within-documents "
                            "interval where narrower (a year with few documents)")
    one = prev.loc[2002]
    _, only = _hand_draws(ut, 2002, 1, 3)
    assert (one.ci_low, one.ci_high) == pytest.approx(tuple(np.quantile(only, [0.025, 0.975])),
                                                      rel=1e-12)
    assert one.interval == ("circular block bootstrap of consecutive units within each "
                            "document (block length 2)")
    # a table with one document per year: the within-document design, nothing widened
    solo = topics.prevalence_by_year(ut[ut.doc_id != "b"], n_boot=2000, seed=3)
    assert not solo.interval.str.contains("widened").any()
    assert solo.set_index("year").loc[2002, "ci_low"] == one.ci_low


def test_difference_with_a_year_of_two_documents_is_widened_too():
    """2002 minus 2001: the union of the differences of the documents draws and of the
    within-document draws (years independent, the same seeds as the year means)."""
    ut, *_ = _two_documents_in_a_year()
    diff = topics.prevalence_difference(ut, n_boot=2000, seed=3).iloc[0]
    docs, within = _hand_draws(ut, 2001, 0, 3)
    _, only = _hand_draws(ut, 2002, 1, 3)
    dlo, dhi = np.quantile(only - docs, [0.025, 0.975])
    wlo, whi = np.quantile(only - within, [0.025, 0.975])
    assert (diff.ci_low, diff.ci_high) == pytest.approx((min(dlo, wlo), max(dhi, whi)),
                                                        rel=1e-12)
    assert diff.ci_high - diff.ci_low > dhi - dlo
    assert diff.interval.endswith(", widened to the blocks-of-units-within-documents "
                                  "interval where narrower (a year with few documents)")
    table = topics.prevalence_table(ut, n_boot=2000, seed=3)
    assert table.interval.str.contains("widened").sum() == 2      # 2001's mean, the difference
