"""discourse.topics.evaluation: coherence by hand, alignment, stability, the grid."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from discourse import topics

import topic_data as td


# coherence by hand
# ---------------------------------------------------------------------------------

# Four units over terms a, b, c, d:     a b c d
#   u1                                  1 1 0 0
#   u2                                  1 1 1 0
#   u3                                  1 0 0 0
#   u4                                  0 0 1 1
# N = 4; D(a) = 3, D(b) = 2, D(c) = 2, D(d) = 1; D(a,b) = 2, D(a,c) = 1, D(b,c) = 1,
# D(b,d) = 0.
HAND = np.array([[1, 1, 0, 0], [2, 3, 1, 0], [1, 0, 0, 0], [0, 0, 5, 1]])  # counts: only
TERMS = ["a", "b", "c", "d"]                                              # presence counts


def test_npmi_hand_computed():
    # NPMI(a,b) = log(0.5 / (0.75 * 0.5)) / -log(0.5) = log(4/3) / log(2) = 0.4150375
    # NPMI(a,c) = log(0.25 / (0.75 * 0.5)) / -log(0.25) = log(2/3) / log(4) = -0.2924813
    # NPMI(b,c) = log(0.25 / (0.5 * 0.5)) / -log(0.25) = 0
    # topic [a, b, c]: mean of the three = 0.0408521
    # topic [b, d]: never together -> -1 (the limit; our stated convention)
    got = topics.npmi_coherence([["a", "b", "c"], ["b", "d"]], HAND, TERMS)
    ab = math.log(4 / 3) / math.log(2)
    ac = math.log(2 / 3) / math.log(4)
    assert got[0] == pytest.approx((ab + ac + 0.0) / 3, abs=1e-12)
    assert got[0] == pytest.approx(0.0408521, abs=1e-7)
    assert got[1] == -1.0
    # sparse input gives the same numbers; two terms present in every unit score 1
    assert topics.npmi_coherence([["a", "b", "c"]], sparse.csr_matrix(HAND), TERMS)[0] == \
        pytest.approx(got[0], abs=1e-15)
    assert topics.npmi_coherence([["x", "y"]], np.ones((3, 2)), ["x", "y"])[0] == 1.0


def test_umass_hand_computed():
    # ranked a, b, c: pairs (m, l) = (b, a), (c, a), (c, b)
    # log((D(a,b)+1)/D(a)) = log(3/3) = 0
    # log((D(a,c)+1)/D(a)) = log(2/3) = -0.4054651
    # log((D(b,c)+1)/D(b)) = log(2/2) = 0
    # mean over 3 pairs = -0.1351550 (Mimno's sum = -0.4054651)
    got = topics.umass_coherence([["a", "b", "c"], ["b", "d"]], HAND, TERMS)
    assert got[0] == pytest.approx(math.log(2 / 3) / 3, abs=1e-12)
    # [b, d]: log((0 + 1) / D(b)) = log(1/2): the +1 smoothing of zero co-occurrence
    assert got[1] == pytest.approx(math.log(0.5), abs=1e-12)
    # order matters: ranked c, a conditions on D(c) = 2: log((1 + 1)/2) = 0
    assert topics.umass_coherence([["c", "a"]], HAND, TERMS)[0] == pytest.approx(0.0)


def test_coherence_unknown_term_raises():
    with pytest.raises(ValueError, match="zzz"):
        topics.npmi_coherence([["a", "zzz"]], HAND, TERMS)


def test_permuted_model_aligns_back_with_stability_one(real_dtm):
    fit = topics.fit_topics(real_dtm, model="nmf", k=5, seed=3)
    perm = np.array([3, 0, 4, 1, 2])                 # new topic j is old topic perm[j]
    permuted = dataclasses.replace(fit, topic_term=fit.topic_term[perm],
                                   doc_topic=fit.doc_topic[:, perm])
    ref, other = topics.top_terms(fit), topics.top_terms(permuted)
    assert other[0] == ref[3]                        # the copy really is reordered
    aligned = topics.align_topics(ref, other)
    assert aligned["jaccard"].tolist() == [1.0] * 5
    assert aligned["jaccard"].mean() == 1.0
    # reference topic i must be matched to the position where perm holds i - 1
    expected = [int(np.where(perm == i)[0][0]) + 1 for i in range(5)]
    assert aligned["matched_topic"].tolist() == expected == [2, 4, 5, 1, 3]


def test_align_topics_partial_overlap_by_hand():
    ref = [["a", "b", "c"], ["d", "e", "f"]]
    other = [["d", "e", "x"], ["a", "b", "c"]]
    out = topics.align_topics(ref, other)
    assert out["matched_topic"].tolist() == [2, 1]
    assert out["jaccard"].tolist() == [1.0, 0.5]          # {d,e,f} vs {d,e,x}: 2/4
    with pytest.raises(ValueError, match="same number"):
        topics.align_topics(ref, other[:1])


def test_seed_stability_is_one_on_disjoint_blocks():
    dtm, blocks = td.block_dtm()
    st = topics.seed_stability(dtm, model="nmf", k=3, seed=7, n_seeds=5, n_top=4)
    assert st["stability"].tolist() == [1.0, 1.0, 1.0]
    assert st["n_runs"].iloc[0] == 4 and st["seed"].iloc[0] == 7
    fit = topics.fit_topics(dtm, model="nmf", k=3, seed=7)
    assert sorted(map(sorted, topics.top_terms(fit, n=4))) == sorted(map(sorted, blocks))


@pytest.mark.slow
def test_select_model_grid_and_suggest_k():
    dtm, _ = td.block_dtm()
    sel = topics.select_model(dtm, models=("nmf", "lda"), ks=(3, 4), seed=1, n_seeds=3,
                              n_top=4, progress=False)
    assert list(zip(sel.model, sel.k)) == [("nmf", 3), ("nmf", 4), ("lda", 3), ("lda", 4)]
    assert sel["seed"].eq(1).all() and sel["n_seeds"].eq(3).all()
    nmf3 = sel[(sel.model == "nmf") & (sel.k == 3)].iloc[0]
    # three disjoint blocks, k = 3: the blocks every time (stability 1); the four terms
    # of a block occur together in its 10 of 30 units: NPMI = 1 for every pair, and
    # UMass = log((10 + 1) / 10) = 0.0953102 for every pair
    assert nmf3.stability == 1.0 and nmf3.npmi == pytest.approx(1.0)
    assert nmf3.umass == pytest.approx(math.log(1.1), abs=1e-12)
    assert np.isnan(nmf3.perplexity) and nmf3.reconstruction_error >= 0
    assert nmf3.n_short_topics == 0
    # k = 4: a fourth topic splits a block; seed 1's fourth topic has three terms of
    # non-zero weight (the fourth was 2.6e-42), found in no other run (overlap 0), and
    # the NPMI of its terms, which occur together in the block's units, is still 1 (it
    # was below 1 when zero-weight filler from other blocks completed the list)
    nmf4 = sel[(sel.model == "nmf") & (sel.k == 4)].iloc[0]
    assert nmf4.n_short_topics == 2 and nmf4.npmi == pytest.approx(1.0)
    assert nmf4.stability == pytest.approx(0.75) and nmf4.stability_min == 0.0
    lda = sel[sel.model == "lda"]
    assert lda["reconstruction_error"].isna().all() and (lda["perplexity"] > 0).all()
    assert topics.suggest_k(sel, model="nmf", min_stability=0.99) == 3
    with pytest.raises(ValueError, match="'lda'"):
        topics.suggest_k(sel[sel.model == "nmf"], model="lda")


def test_seeds_that_find_the_same_topics_have_coherence_sd_zero(real_dtm):
    """The study's k = 3: every seed finds the same three topics (stability 1), in
    another order; their mean coherence is the same number, and its SD over seeds 0
    (it was 1.5e-17 when the mean summed the topics in each run's order)."""
    sel = topics.select_model(real_dtm, models=("nmf",), ks=(3,), seed=12345, n_seeds=10,
                              n_top=10, resample=None, progress=False).iloc[0]
    assert (sel.n_units, sel.n_terms, sel.stability) == (95, 460, 1.0)
    assert sel.npmi_sd == 0.0 and sel.npmi == pytest.approx(0.10686, abs=5e-6)


@pytest.mark.slow
def test_parallel_grid_gives_the_same_table(multi_sentences):
    dtm = topics.document_term_matrix(topics.units(multi_sentences))
    serial = topics.select_model(dtm, ks=[2, 3], n_seeds=3, progress=False)
    parallel = topics.select_model(dtm, ks=[2, 3], n_seeds=3, progress=False, n_jobs=2)
    pd.testing.assert_frame_equal(serial, parallel)
