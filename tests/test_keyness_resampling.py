"""discourse.keyness_resampling: the paragraph permutation test against an exact
enumeration, and the paragraph bootstrap recomputed by hand."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from discourse import keyness as kn, keyness_resampling as kr, length_strata as ls, stats
from discourse.counts import from_tokens


def _toy():
    paras = {("A", 1): ["x", "y"], ("A", 2): ["x", "x", "y"], ("A", 3): ["x"],
             ("B", 1): ["y", "y"], ("B", 2): ["x", "y", "y"], ("B", 3): ["y"]}
    year = {"A": 1, "B": 2}
    t = pd.DataFrame([(d, year[d], p, w) for (d, p), ws in paras.items() for w in ws],
                     columns=["doc_id", "year", "paragraph", "term"])
    return paras, t


def test_permutation_p_matches_exact_enumeration():
    """All C(6, 3) = 20 ways of giving 3 of the 6 paragraphs to the target: the exact
    two-sided p of |a/c - b/d| for 'x'; the Monte Carlo p with B = 20000 is within
    4 standard errors of it (and (1 + count)/(B + 1) is never 0)."""
    paras, t = _toy()
    keys = sorted(paras)
    n_x = [paras[k].count("x") for k in keys]
    size = [len(paras[k]) for k in keys]

    def d(target):
        a = sum(n_x[i] for i in target)
        c = sum(size[i] for i in target)
        return a / c - (sum(n_x) - a) / (sum(size) - c)

    observed = abs(d([0, 1, 2]))
    perms = [abs(d(list(s))) for s in itertools.combinations(range(6), 3)]
    exact = np.mean([p >= observed - 1e-12 for p in perms])
    c = stats.comparisons([1, 2], 1, 2)[0]
    p = kr.permutation_pvalues(from_tokens(t), c, ["x", "y"], n_permutations=20000,
                               seed=5)
    se = math.sqrt(exact * (1 - exact) / 20000)
    assert abs(p[0] - exact) < 4 * se + 1e-4
    again = kr.permutation_pvalues(from_tokens(t), c, ["x", "y"], n_permutations=20000,
                                   seed=5)
    assert np.array_equal(p, again)                    # seeded
    assert (p > 0).all()


def test_keyness_table_carries_permutation_columns(tok, years):
    k = kn.keyness(tok, years[-1], years[0], n_permutations=199, seed=1)
    assert set(k.n_permutations) == {199} and set(k.permutation_seed) == {1}
    # the study's two texts have paragraphs of alike length (30.3 and 28.5 terms): one
    # stratum, the unstratified test; without permutations the column is empty
    assert set(k.permutation_strata) == {1}
    assert kn.keyness(tok, years[-1], years[0]).permutation_strata.isna().all()
    assert ((k.p_permutation >= 1 / 200) & (k.p_permutation <= 1)).all()
    assert (k.p_permutation_adjusted >= k.p_permutation - 1e-12).all()
    # 'pandemic' (10 vs 0, in 6 paragraphs of the later text) is among the smallest
    row = k.set_index("term").loc["pandemic"]
    assert row.p_permutation < 0.05


def test_bootstrap(tok, years):
    b = kr.bootstrap_keyness(tok, years[-1], years[0], terms=["pandemic", "sco"],
                             n_boot=50, seed=3)
    assert list(b.columns) == ["term", "g2", "log_ratio", "share_same_sign_significant",
                               "share_same_sign", "log_ratio_low", "log_ratio_high",
                               "share_zero_target", "share_zero_reference",
                               "log_ratio_end_on_zero", "n_boot", "seed", "level",
                               "design"]
    b = b.set_index("term")
    k = kn.keyness(tok, years[-1], years[0], min_count=1).set_index("term")
    assert b.loc["pandemic", "g2"] == pytest.approx(k.loc["pandemic", "g2"])
    # a term absent from the reference can never change sign: always same sign
    assert b.loc["pandemic", "share_same_sign"] == 1.0
    assert b.loc["pandemic", "log_ratio_low"] <= b.loc["pandemic", "log_ratio"] \
        <= b.loc["pandemic", "log_ratio_high"]
    again = kr.bootstrap_keyness(tok, years[-1], years[0], terms=["pandemic", "sco"],
                                 n_boot=50, seed=3).set_index("term")
    pd.testing.assert_frame_equal(b, again)          # seeded
    # a term that does not occur ("the" is a stop word; "Trade" is not lower-cased) has
    # no keyness to assess: an error, not a Log Ratio of 0/0 that looks stable
    with pytest.raises(ValueError, match=r"term\(s\) \['Trade', 'the'\] do not occur"):
        kr.bootstrap_keyness(tok, years[-1], years[0], terms=["pandemic", "the", "Trade"],
                             n_boot=50, seed=3)
    with pytest.raises(ValueError, match="n_boot=0"):
        kr.bootstrap_keyness(tok, years[-1], years[0], n_boot=0)


def test_bootstrap_from_counts_equals_from_tokens(sents, tok, years):
    from discourse.counts import count_terms

    a = kr.bootstrap_keyness(count_terms(sents), years[-1], years[0], n_boot=300, seed=2)
    b = kr.bootstrap_keyness(tok, years[-1], years[0], n_boot=300, seed=2)
    pd.testing.assert_frame_equal(a, b)


def test_bootstrap_interval_recomputed_by_hand():
    """Paragraphs resampled within each document with the same generator calls (one
    multinomial per document and block of replicates); the Log Ratio of 'x' (0.5 for
    a zero count) and its 5/95 percentiles by hand."""
    paras, t = _toy()
    b = kr.bootstrap_keyness(t, 1, 2, terms=["x"], n_boot=200, seed=7, level=0.9)
    rng = np.random.default_rng(7)
    keys = sorted(paras)
    ratios = []
    done = 0
    while done < 200:
        size = min(kr.BLOCK, 200 - done)
        w = np.zeros((size, 6))
        w[:, 0:3] = rng.multinomial(3, [1 / 3] * 3, size=size)
        w[:, 3:6] = rng.multinomial(3, [1 / 3] * 3, size=size)
        for weight in w:
            a = sum(wi * paras[k].count("x") for wi, k in zip(weight, keys) if k[0] == "A")
            c = sum(wi * len(paras[k]) for wi, k in zip(weight, keys) if k[0] == "A")
            bb = sum(wi * paras[k].count("x") for wi, k in zip(weight, keys) if k[0] == "B")
            d = sum(wi * len(paras[k]) for wi, k in zip(weight, keys) if k[0] == "B")
            ratios.append(math.log2(((a or 0.5) / c) / ((bb or 0.5) / d)))
        done += size
    lo, hi = np.quantile(ratios, [0.05, 0.95])
    row = b.iloc[0]
    assert row.log_ratio == pytest.approx(math.log2((4 / 6) / (1 / 6)))
    assert (row.log_ratio_low, row.log_ratio_high) == pytest.approx((lo, hi), rel=1e-12)
    with pytest.raises(ValueError, match="level=95"):
        kr.bootstrap_keyness(t, 1, 2, level=95)
    with pytest.raises(ValueError, match="one target with one reference"):
        kr.bootstrap_keyness(t.assign(year=t.year.where(t.doc_id == "A", 3)).pipe(
            lambda x: pd.concat([x, x.assign(doc_id="C", year=2)])), reference="first")


def test_shares_of_resamples_with_a_zero_count_and_the_ends_they_set():
    """The defect: only terms with an observed zero were said to rest on Log Ratio's 0.5,
    but a resample can lose a term on either side. Year 1 (document A): 'x' in all 3
    paragraphs, 'y' in 2 of 3, 'z' in all 3; year 2 (B): 'x' in 1 of 3, 'y' in all 3,
    'z' in none. Paragraphs drawn 3 of 3 with replacement: no 'x' in year 2 in (2/3)^3
    = 8/27 of the resamples, no 'y' in year 1 in (1/3)^3 = 1/27 = 3.7%, no 'z' in year 2
    ever; recomputed exactly from the resampler's counts of each paragraph."""
    from discourse.bootstrap import cluster_bootstrap

    paras = {("A", 1): ["x", "y", "z"], ("A", 2): ["x", "x", "y", "z"], ("A", 3): ["x", "z"],
             ("B", 1): ["y", "y"], ("B", 2): ["x", "y", "y"], ("B", 3): ["y"]}
    t = pd.DataFrame([(d, 1 if d == "A" else 2, p, w) for (d, p), ws in paras.items()
                      for w in ws], columns=["doc_id", "year", "paragraph", "term"])
    counts = from_tokens(t)
    b = kr.bootstrap_keyness(counts, 1, 2, terms=["x", "y", "z"], n_boot=4000,
                             seed=11).set_index("term")
    w = cluster_bootstrap(counts.rows.assign(paragraph=np.arange(6)), n_boot=4000, seed=11,
                          stratum="year").row_weights()
    year1 = (counts.rows.year == 1).to_numpy()
    for term in ("x", "y", "z"):
        n = counts.matrix[:, list(counts.terms).index(term)].toarray().ravel()
        assert b.loc[term, "share_zero_target"] == np.mean(w[:, year1] @ n[year1] == 0)
        assert b.loc[term, "share_zero_reference"] == np.mean(w[:, ~year1] @ n[~year1] == 0)
    assert b.loc["x", "share_zero_reference"] == pytest.approx(8 / 27, abs=0.03)
    assert b.loc["y", "share_zero_target"] == pytest.approx(1 / 27, abs=0.01)
    assert b.loc["x", "share_zero_target"] == b.loc["y", "share_zero_reference"] == 0
    assert (b.loc["z", "share_zero_target"], b.loc["z", "share_zero_reference"]) == (0, 1)
    # x: zeros in the reference beyond 2.5% push the upper end; y: zeros in the target
    # (3.7% > 2.5%) the lower; z: absent from the reference in every resample, beyond
    # 97.5%, so both ends are the 0.5's though its target count is never 0
    assert b.log_ratio_end_on_zero.to_dict() == {"x": "high", "y": "low", "z": "both"}
    # a 90% interval has 5% beyond each end: y's 3.7% no longer reaches its lower end
    ninety = kr.bootstrap_keyness(counts, 1, 2, terms=["x", "y", "z"], n_boot=4000, seed=11,
                                  level=0.9).set_index("term")
    assert ninety.log_ratio_end_on_zero.to_dict() == {"x": "high", "y": "none", "z": "both"}
    pd.testing.assert_series_equal(ninety.share_zero_target, b.share_zero_target)


def test_which_end_zeros_reach():
    """A share of zeros equal to the tail (25 of 1000 resamples for a 95% interval) is
    not above it; one more resample is. Zeros on one side reach the far end only beyond
    1 - tail."""
    tail, more = 25 / 1000, 26 / 1000
    got = kr.ends_on_zero([tail, more, 0, 0, 975 / 1000, 976 / 1000, 0, more],
                          [0, 0, tail, more, 0, 0, 976 / 1000, more])
    assert got.tolist() == ["none", "low", "none", "high", "low", "both", "both", "both"]
    assert kr.ends_on_zero([0.06], [0.04], level=0.9).tolist() == ["low"]
    # 1 - 0.9 is 0.0999...98 in floating point: a share of exactly 5% is not above it
    assert kr.ends_on_zero([0.05, 0.0501, 0.95, 0.9501], [0] * 4, level=0.9).tolist() == [
        "none", "low", "low", "both"]
    with pytest.raises(ValueError, match="level"):
        kr.ends_on_zero([0.1], [0.1], level=95)


@pytest.mark.slow
def test_cli_keyness_with_permutations_and_background_prior(tmp_path, real_tokens,
                                                            study_corpus):
    from discourse import cli

    out = tmp_path / "k.csv"
    assert cli.main(["keyness", "--target", "2020", "--reference", "rest", "--prior",
                     "background", "--permutations", "99", "--seed", "4", "--quiet",
                     "--corpus", str(study_corpus), "-o", str(out)]) == 0
    got = pd.read_csv(out)
    ref = kn.keyness(real_tokens, 2020, "rest", prior="background", n_permutations=99,
                     seed=4)
    assert got.term.tolist() == ref.term.tolist()
    assert np.allclose(got.p_permutation, ref.p_permutation)
    assert np.allclose(got.logodds_z, ref.logodds_z, rtol=1e-5)
    assert set(got.reference_groups.astype(str)) == {"2019"}


def test_bootstrap_resamples_documents_where_a_year_has_several():
    """The design of frame shares (discourse.bootstrap): in a year of several documents
    whole documents are drawn, so a term found in one document of three gets the
    between-document spread; paragraphs are drawn only within a lone document. Before,
    paragraphs were drawn within each document, and a year's documents were all always
    in (a walkthrough found the keyword and framing intervals on different designs)."""
    from discourse.bootstrap import cluster_bootstrap
    from discourse.counts import from_tokens

    rows = []
    for doc, year, words in (("a", 1, "x y y y"), ("b", 1, "y y y y"), ("c", 1, "y y y y"),
                             ("d", 2, "y y y y")):
        for par in (1, 2):
            rows += [dict(doc_id=doc, year=year, paragraph=par, term=w) for w in words.split()]
    counts = from_tokens(pd.DataFrame(rows))
    b = kr.bootstrap_keyness(counts, 1, 2, terms=["x"], n_boot=2000, seed=1)
    # year 2's one document of 2 paragraphs: blocks of round(2 ** (1/3)) = 1
    assert b.design.iloc[0] == ("documents resampled within year, paragraphs within the "
                                "document where a year has one, independently")
    # x is in document a only: the replicates without a (8/27 of them: (2/3)^3) have no x
    assert b.share_same_sign.iloc[0] == pytest.approx(1 - (2 / 3) ** 3, abs=0.03)
    # ... and no x in year 1 at all; within documents, a is always drawn and x never
    # lost: the table keeps the larger share of the two designs
    x = counts.matrix[:, list(counts.terms).index("x")].toarray().ravel()
    year1 = (counts.rows.year == 1).to_numpy()
    shares = []
    for stratum in ("year", "doc_id"):
        w = cluster_bootstrap(counts.rows.assign(paragraph=np.arange(len(x))), n_boot=2000,
                              seed=1, stratum=stratum).row_weights()
        shares.append(np.mean(w[:, year1] @ x[year1] == 0))
    assert shares[1] == 0 and shares[0] == pytest.approx((2 / 3) ** 3, abs=0.03)
    assert b.share_zero_target.iloc[0] == shares[0]
    assert b.share_zero_reference.iloc[0] == 1 and b.log_ratio_end_on_zero.iloc[0] == "both"


def test_zeros_of_the_within_document_design_count_where_they_are_more():
    """Year 1: documents a and b, 'x' in one of the three paragraphs of each; year 2:
    document c, 'x' in each of its three. Drawing documents never loses 'x' from year 1,
    drawing paragraphs within each document does in (2/3)^3 (2/3)^3 = 8.8% of the
    resamples: the interval is the union of the two designs', so its lower end rests on
    the 0.5 if either's does, and the table gives the larger share."""
    from discourse.bootstrap import cluster_bootstrap

    docs = (("a", 1, ("x y", "y y", "y y")), ("b", 1, ("y y", "x y", "y y")),
            ("c", 2, ("x y", "x y", "x y")))
    rows = [dict(doc_id=doc, year=year, paragraph=par, term=w) for doc, year, pars in docs
            for par, words in enumerate(pars, 1) for w in words.split()]
    counts = from_tokens(pd.DataFrame(rows))
    b = kr.bootstrap_keyness(counts, 1, 2, terms=["x"], n_boot=2000, seed=6).iloc[0]
    x = counts.matrix[:, list(counts.terms).index("x")].toarray().ravel()
    year1 = (counts.rows.year == 1).to_numpy()
    shares = [np.mean(cluster_bootstrap(counts.rows.assign(paragraph=np.arange(9)),
                                        n_boot=2000, seed=6, stratum=stratum)
                      .row_weights()[:, year1] @ x[year1] == 0)
              for stratum in ("year", "doc_id")]
    assert shares[0] == 0 and shares[1] == pytest.approx((2 / 3) ** 6, abs=0.02)
    assert (b.share_zero_target, b.share_zero_reference) == (shares[1], 0)
    assert b.log_ratio_end_on_zero == "low"


def _two_documents_in_a_year():
    """Year 1: documents a and b of 10 paragraphs of 10 tokens, 'x' 5 times in a
    paragraph or not at all (20 and 25 in all); year 2: document c, 'x' once in each
    of its 10 paragraphs."""
    def doc(name, year, xs):
        return [dict(doc_id=name, year=year, paragraph=p + 1, term=w) for p, k in
                enumerate(xs) for w in ["x"] * k + ["y"] * (10 - k)]
    rows = (doc("a", 1, [5, 5, 0, 0, 0, 5, 0, 0, 5, 0])
            + doc("b", 1, [0, 5, 0, 5, 0, 0, 5, 0, 5, 5]) + doc("c", 2, [1] * 10))
    return pd.DataFrame(rows)


def _log_ratio_interval(counts, stratum, n_boot=2000, seed=4):
    """Percentile interval of the Log Ratio of 'x' (year 1 against 2) by hand, with the
    package's cluster bootstrap: ``stratum="year"`` draws documents within a year,
    ``"doc_id"`` paragraphs within each document."""
    from discourse.bootstrap import cluster_bootstrap
    from discourse.keyness_measures import log_ratio

    rows = counts.rows
    x = counts.matrix[:, list(counts.terms).index("x")].toarray().ravel()
    size = np.asarray(counts.matrix.sum(axis=1)).ravel()
    w = cluster_bootstrap(rows.assign(paragraph=np.arange(len(rows))), n_boot=n_boot,
                          seed=seed, stratum=stratum).row_weights()
    t = (rows.year == 1).to_numpy()
    lr = log_ratio(w[:, t] @ x[t], w[:, ~t] @ x[~t], w[:, t] @ size[t], w[:, ~t] @ size[~t])
    return np.quantile(lr, [0.025, 0.975])


def test_bootstrap_of_two_documents_in_a_year_is_widened_to_paragraphs_within():
    """The defect of two documents: drawing documents gives three distinct replicates
    of year 1 (a a, a b, b b: 20 to 25 'x' in 100 tokens), so the documents-only interval
    of Log Ratio is narrow although 'x' comes 5 at a time in 4 or 5 of 10 paragraphs.
    The interval reported is the union with paragraphs resampled within every document
    (discourse.few_documents), the design says so; with one document per year nothing
    changes."""
    tokens = _two_documents_in_a_year()
    counts = from_tokens(tokens)
    b = kr.bootstrap_keyness(counts, 1, 2, terms=["x"], n_boot=2000, seed=4).iloc[0]
    dlo, dhi = _log_ratio_interval(counts, "year")
    wlo, whi = _log_ratio_interval(counts, "doc_id")
    assert (b.log_ratio_low, b.log_ratio_high) == pytest.approx((min(dlo, wlo),
                                                                 max(dhi, whi)), rel=1e-12)
    eps = 1e-12
    assert b.log_ratio_low <= min(dlo, wlo) + eps and b.log_ratio_high >= max(dhi, whi) - eps
    assert b.log_ratio_high - b.log_ratio_low > 2 * (dhi - dlo)           # strictly wider
    # documents of 10 paragraphs: blocks of round(10 ** (1/3)) = 2
    assert b.design == ("documents resampled within year, blocks of consecutive paragraphs "
                        "within the document where a year has one (circular block "
                        "bootstrap, L = 2), widened to the blocks-of-paragraphs-within-"
                        "documents interval where narrower (a year with few documents)")
    assert 0 <= b.share_same_sign_significant <= b.share_same_sign <= 1
    # one document per year: blocks of paragraphs within documents, nothing widened
    solo = from_tokens(tokens[tokens.doc_id != "b"])
    s = kr.bootstrap_keyness(solo, 1, 2, terms=["x"], n_boot=2000, seed=4).iloc[0]
    assert s.design == ("blocks of consecutive paragraphs resampled within documents "
                        "(circular block bootstrap, L = 2)")
    assert (s.log_ratio_low, s.log_ratio_high) == pytest.approx(
        tuple(_log_ratio_interval(solo, "year")), rel=1e-12)


def _counts_of(counts, sizes, is_target):
    """Paragraph-level TermCounts: terms t0, t1, ... with ``counts`` (P x J) and a filler
    making each paragraph ``sizes`` terms long; the target is year 2."""
    rows = []
    for i, (n, row) in enumerate(zip(sizes, counts)):
        words = [f"t{j}" for j, k in enumerate(row) for _ in range(int(k))]
        words += ["~filler"] * (int(n) - len(words))
        rows += [("d2" if is_target[i] else "d1", 2 if is_target[i] else 1, i, w)
                 for w in words]
    return from_tokens(pd.DataFrame(rows, columns=["doc_id", "year", "paragraph", "term"]))


def test_length_strata():
    short, long_ = [10] * 20, list(range(20, 40))
    is_t = [True] * 20 + [False] * 20
    # 40 // 10 = 4 strata at the quartiles; the 20 tied 10s fill the first two: 3
    assert ls.length_strata(short + long_, is_t).tolist() == [0] * 20 + [1] * 10 + [2] * 10
    assert set(ls.length_strata(long_ + long_, is_t)) == {0}             # same lengths
    assert set(ls.length_strata([24] * 20 + [30] * 20, is_t)) == {0}     # 1.25: not more
    assert set(ls.length_strata([23] * 20 + [30] * 20, is_t)) == {0, 1}
    assert set(ls.length_strata(short + long_, is_t, 1)) == {0}
    for bad in (0, "all", 2.5):
        with pytest.raises(ValueError):
            ls.length_strata(short + long_, is_t, bad)


def test_permutation_stratifies_where_the_target_paragraphs_are_shorter():
    """A walkthrough: 2023's 17 paragraphs averaged 11.4 terms, the other years' 127
    25.6; *two*, in 2 of 2023's paragraphs and 5 others, had permutation p 0.00175
    (G2's 0.054, a hypergeometric count of paragraphs about 0.2): shuffled paragraphs
    gave the target longer ones than it has. Reassigned within strata of length, p is
    no longer far below G2's; with lengths alike the draws are those of before. The
    lengths overlap, as the walkthrough's did (lengths that do not overlap leave no
    reassignment within strata: the test below)."""
    rng = np.random.default_rng(3)
    sizes = np.r_[rng.integers(6, 18, 17), rng.integers(12, 40, 127)]
    is_t = np.r_[np.ones(17, bool), np.zeros(127, bool)]
    stratum = ls.length_strata(sizes, is_t)
    assert sum(0 < is_t[stratum == s].sum() < (stratum == s).sum()
               for s in set(stratum)) == 3                   # strata of both sides
    two = np.zeros((len(sizes), 1), int)
    two[[0, 1, 17, 18, 19, 20, 21]] = 1
    tc = _counts_of(two, sizes, is_t)
    c = stats.comparisons([1, 2], 2, 1)[0]
    before = kr.permutation_pvalues(tc, c, ["t0"], n_permutations=9999, seed=1, strata=1)
    now = kr.permutation_pvalues(tc, c, ["t0"], n_permutations=9999, seed=1)
    assert before[0] < 0.01 and now[0] > 0.05
    # the number of strata comes back on request (the keyness table's permutation_strata)
    p, k = kr.permutation_pvalues(tc, c, ["t0"], n_permutations=9999, seed=1,
                                  with_strata=True)
    assert np.array_equal(p, now) and k == stratum.max() + 1 == len(sizes) // 10
    assert kr.permutation_pvalues(tc, c, ["t0"], n_permutations=99, seed=1, strata=1,
                                  with_strata=True)[1] == 1
    alike = _counts_of(two, np.r_[sizes[17:34], sizes[17:]], is_t)
    assert np.array_equal(kr.permutation_pvalues(alike, c, ["t0"], n_permutations=999,
                                                 seed=1),
                          kr.permutation_pvalues(alike, c, ["t0"], n_permutations=999,
                                                 seed=1, strata=1))


def test_permutation_holds_its_level_where_paragraph_lengths_differ():
    """Under the null (every token carries each term with the same probability on both
    sides), target paragraphs a quarter as long as the reference's: the unstratified
    test rejects about twice as often as 5% (benchmarks/permutation_null.py), the
    stratified one about 5% (here 12 data sets of 40 + 40 paragraphs, 30 terms each)."""
    rng = np.random.default_rng(11)
    c = stats.comparisons([1, 2], 2, 1)[0]
    terms = [f"t{j}" for j in range(30)]
    rates = {1: [], "auto": []}
    for _ in range(12):
        sizes = np.r_[1 + rng.negative_binomial(3, 3 / 8.25, 40),
                      1 + rng.negative_binomial(3, 3 / 27, 40)]
        pi = 20 / sizes.sum()
        counts = rng.binomial(sizes[:, None], pi, size=(80, 30))
        tc = _counts_of(counts, sizes, np.r_[np.ones(40, bool), np.zeros(40, bool)])
        for strata in rates:
            p = kr.permutation_pvalues(tc, c, terms, n_permutations=499, seed=2,
                                       strata=strata)
            rates[strata].append(np.mean(p <= 0.05))
    assert np.mean(rates[1]) > 0.08 and np.mean(rates["auto"]) < 0.065


def test_permutation_has_no_test_where_every_length_stratum_is_one_sided():
    """Target paragraphs of 6 terms, reference paragraphs of 30: every length stratum
    holds paragraphs of one side only, so no reassignment differs from the observed one.
    A term in every target paragraph and in no reference one then got p = 1 (no
    evidence at all) from the stratified test, against 1/1000 unstratified; there is no
    test, so p is NaN, in the keyness table too."""
    counts = np.r_[np.full((20, 1), 3), np.zeros((20, 1), int)]
    sizes = np.r_[np.full(20, 6), np.full(20, 30)]
    is_t = np.r_[np.ones(20, bool), np.zeros(20, bool)]
    assert set(ls.length_strata(sizes, is_t)) == {0, 1}
    tc = _counts_of(counts, sizes, is_t)
    c = stats.comparisons([1, 2], 2, 1)[0]
    p = kr.permutation_pvalues(tc, c, ["t0", "~filler"], n_permutations=999, seed=1)
    assert np.isnan(p).all()
    alone = kr.permutation_pvalues(tc, c, ["t0"], n_permutations=999, seed=1, strata=1)
    assert alone[0] == pytest.approx(1 / 1000)
    table = kn.keyness(tc, 2, 1, n_permutations=999, seed=1)
    assert table.p_permutation.isna().all() and table.p_permutation_adjusted.isna().all()
    assert set(table.n_permutations) == {999}
