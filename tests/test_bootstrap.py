"""discourse.bootstrap: the cluster bootstrap against exact bootstrap distributions and a
simulation of its standard error."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import bootstrap, stats


def _table(paragraph_codes, doc="a", year=2020):
    """One row per sentence; ``paragraph_codes`` is a list of lists of 0/1."""
    rows = []
    for p, codes in enumerate(paragraph_codes, start=1):
        rows += [{"year": year, "doc_id": doc, "paragraph": p, "x": c} for c in codes]
    return pd.DataFrame(rows)


def _shares(boot, table):
    return boot.sums(table["x"]) / boot.sums(np.ones(len(table)))


def test_two_equal_paragraphs_give_the_exact_bootstrap_distribution():
    """Two paragraphs of 3 sentences with shares a = 2/3 and b = 0. Drawing two
    paragraphs with replacement gives a share of a, (a + b) / 2 or b with probabilities
    1/4, 1/2, 1/4: mean (a + b) / 2 = 1/3, variance (a - b)^2 / 8 = 1/18."""
    t = _table([[1, 1, 0], [0, 0, 0]])
    b = 20000
    shares = _shares(bootstrap.cluster_bootstrap(t, n_boot=b, seed=7), t)
    assert set(np.round(shares, 10)) == {round(2 / 3, 10), round(1 / 3, 10), 0.0}
    exact_mean, exact_var = 1 / 3, 1 / 18
    assert abs(shares.mean() - exact_mean) < 4 * np.sqrt(exact_var / b)
    # the variance of a variance estimate: (mu4 - var^2) / B with mu4 = (1/4)(1/3)^4 * 2
    mu4 = 2 * 0.25 * (1 / 3) ** 4
    assert abs(shares.var() - exact_var) < 4 * np.sqrt((mu4 - exact_var ** 2) / b)
    assert np.mean(np.isclose(shares, 1 / 3)) == pytest.approx(0.5, abs=4 * np.sqrt(0.25 / b))


def test_identical_paragraph_shares_collapse_the_interval_to_the_point():
    t = _table([[1, 0], [0, 1], [1, 0], [1, 0]])
    shares = _shares(bootstrap.cluster_bootstrap(t, n_boot=500, seed=1), t)
    assert stats.percentile_interval(shares) == (0.5, 0.5)


def test_several_documents_are_resampled_whole():
    """A year with two documents of 2 and 3 paragraphs (one sentence each): drawing two
    documents gives 4, 5 or 6 paragraphs with probabilities 1/4, 1/2, 1/4, and each
    drawn document brings its paragraphs once each (Davison and Hinkley 1997, sec. 3.8,
    strategy 1), so the share is 1 (d1 twice), 2/5 (both) or 0 (d2 twice); a year with
    one document always keeps its number of paragraphs."""
    t = pd.concat([_table([[1], [1]], doc="d1"), _table([[0], [0], [0]], doc="d2"),
                   _table([[1], [0]], doc="e", year=2021)], ignore_index=True)
    boot = bootstrap.cluster_bootstrap(t, n_boot=8000, seed=3)
    # the year of one document of 2 paragraphs: blocks of round(2 ** (1/3)) = 1
    assert boot.design == ("documents resampled within year, paragraphs within the "
                           "document where a year has one, independently")
    in_2020 = boot.sums((t.year == 2020).astype(float))
    in_2021 = boot.sums((t.year == 2021).astype(float))
    assert set(in_2021) == {2.0}
    freq = pd.Series(in_2020).value_counts(normalize=True).sort_index()
    assert freq.index.tolist() == [4.0, 5.0, 6.0]
    assert freq.to_numpy() == pytest.approx([0.25, 0.5, 0.25], abs=0.03)
    share = boot.sums(t.x * (t.year == 2020)) / in_2020
    assert set(np.round(share, 12)) == {0.0, 0.4, 1.0}
    counts = boot.counts()
    d1, d2 = counts[:, [0, 1]], counts[:, [2, 3, 4]]         # clusters in table order
    assert (d1 == d1[:, [0]]).all() and (d2 == d2[:, [0]]).all()
    assert ((d1[:, 0] + d2[:, 0]) == 2).all()
    only_docs = bootstrap.cluster_bootstrap(t[t.year == 2020], n_boot=5, seed=3)
    assert only_docs.design == "documents resampled within year"


def _two_stage_counts(n_docs, n_par, n_boot, rng):
    """The former design, for comparison: documents drawn, then the paragraphs of each
    drawn copy (a multinomial of size copies x paragraphs per document)."""
    copies = rng.multinomial(n_docs, np.full(n_docs, 1 / n_docs), size=n_boot)
    return np.hstack([rng.multinomial(copies[:, j] * n_par, np.full(n_par, 1 / n_par))
                      for j in range(n_docs)])


# a simulation of 150 corpora
@pytest.mark.slow
def test_bootstrap_se_of_a_share_with_several_documents_is_close_to_the_true_se():
    """10 documents x 20 one-sentence paragraphs, sentences iid Bernoulli(0.3): the true
    SE of the share is sqrt(0.3 * 0.7 / 200) = 0.0324. Resampling documents gives a
    bootstrap variance (a - 1) / a = 0.9 of it on average (SE ratio about 0.95);
    resampling paragraphs within the drawn documents as well counts their variation
    twice (variance about 1.9 times: SE ratio about 1.35; Field and Welsh 2007). Root
    mean bootstrap variance over 150 simulated corpora, B = 400 each."""
    n_docs, n_par, p = 10, 20, 0.3
    true_se = np.sqrt(p * (1 - p) / (n_docs * n_par))
    rng = np.random.default_rng(20240601)
    var_new, var_old = [], []
    for _ in range(150):
        x = rng.binomial(1, p, size=n_docs * n_par)
        t = pd.DataFrame({"year": 2020, "doc_id": np.repeat(np.arange(n_docs), n_par),
                          "paragraph": np.tile(np.arange(n_par), n_docs), "x": x})
        boot = bootstrap.cluster_bootstrap(t, n_boot=400, seed=int(rng.integers(2**31)))
        var_new.append(np.var(boot.sums(t.x) / len(t), ddof=1))
        old = _two_stage_counts(n_docs, n_par, 400, rng)      # clusters = rows here
        var_old.append(np.var(old @ x / len(t), ddof=1))
    ratio_new = np.sqrt(np.mean(var_new)) / true_se
    ratio_old = np.sqrt(np.mean(var_old)) / true_se
    assert ratio_new == pytest.approx(1, abs=0.15)
    assert ratio_new == pytest.approx(np.sqrt(0.9), abs=0.05)
    assert ratio_old > 1.25                                    # the former design


def test_independent_paragraphs_draw_as_before():
    """With one document per year and ``block=1``, paragraphs are resampled within it
    independently with the same draws as the two-stage code gave (counts recorded from
    it for this seed): the design before blocks of consecutive paragraphs is kept."""
    rows = []
    for year, doc, sizes in [(2020, "a", [2, 1, 3]), (2021, "b", [1, 2, 1, 1])]:
        for par, n in enumerate(sizes, start=1):
            rows += [{"year": year, "doc_id": doc, "paragraph": par}] * n
    boot = bootstrap.cluster_bootstrap(pd.DataFrame(rows), n_boot=6, seed=42, block=1)
    assert boot.design == "paragraphs resampled within documents, independently"
    assert boot.counts().tolist() == [
        [2, 0, 1, 1, 2, 0, 1], [2, 1, 0, 0, 1, 0, 3], [0, 3, 0, 2, 1, 1, 0],
        [2, 1, 0, 1, 3, 0, 0], [0, 1, 2, 2, 1, 0, 1], [1, 2, 0, 1, 0, 1, 2]]


def test_seeded_blocked_and_weights_agree():
    t = _table([[1, 0, 1], [0], [1, 1], [0, 0, 0, 1]])
    n = bootstrap.BLOCK + 37
    a = bootstrap.cluster_bootstrap(t, n_boot=n, seed=11)
    w = a.row_weights()
    assert w.shape == (n, len(t))
    assert (w.sum(axis=1) == a.counts() @ a.clusters["n_rows"].to_numpy()).all()
    assert (a.counts().sum(axis=1) == 4).all()             # always 4 paragraphs
    np.testing.assert_array_equal(w @ t.x.to_numpy(), a.sums(t.x))
    np.testing.assert_array_equal(a.counts(),
                                  bootstrap.cluster_bootstrap(t, n_boot=n, seed=11).counts())
    assert not np.array_equal(a.counts(), bootstrap.cluster_bootstrap(t, n_boot=n, seed=12)
                              .counts())
    two = a.sums(np.column_stack([t.x, np.ones(len(t))]))
    np.testing.assert_array_equal(two[:, 0], a.sums(t.x))


def test_without_paragraphs_rows_are_independent():
    """paragraph=None: rows resampled one by one, so the share's bootstrap variance is
    p(1 - p)/n."""
    t = pd.DataFrame({"x": [1] * 3 + [0] * 7})
    boot = bootstrap.cluster_bootstrap(t, n_boot=20000, seed=5, stratum=None, document=None,
                                       paragraph=None)
    assert boot.design == "sentences resampled"
    shares = boot.sums(t.x) / 10
    assert shares.var() == pytest.approx(0.3 * 0.7 / 10, rel=0.05)


def test_undefined_replicates_are_counted_and_named():
    draws = np.array([[0.1, np.nan], [0.2, 0.5], [np.nan, np.nan], [0.3, 0.7]])
    assert bootstrap.n_defined(draws).tolist() == [3, 2]
    low, high = bootstrap.percentile_columns(draws, 0.5)
    assert low.tolist() == pytest.approx([0.15, 0.55]) and high.tolist() == \
        pytest.approx([0.25, 0.65])
    assert bootstrap.defined_label("x", 4, 4) == "x"
    assert bootstrap.defined_label("x", 2, 4, "the share") == \
        "x; 2 of the 4 replicates define the share (the others left out)"


def test_bad_input():
    t = _table([[1]])
    with pytest.raises(ValueError, match="table to resample lacks column"):
        bootstrap.cluster_bootstrap(t.drop(columns="doc_id"))
    with pytest.raises(ValueError, match="empty"):
        bootstrap.cluster_bootstrap(t.iloc[:0])
    with pytest.raises(ValueError, match="n_boot=0"):
        bootstrap.cluster_bootstrap(t, n_boot=0)
    with pytest.raises(ValueError, match="seed=-1"):
        bootstrap.cluster_bootstrap(t, seed=-1)
    with pytest.raises(ValueError, match="values have 2 rows"):
        bootstrap.cluster_bootstrap(t, n_boot=3).sums([1, 2])


def test_a_design_drawn_again_yields_the_same_fresh_blocks(monkeypatch):
    """A counts matrix kept for reuse (bootstrap.MEMO_BYTES) is yielded as the draws
    themselves, in fresh arrays; one over the limit is drawn again each time."""
    monkeypatch.setattr(bootstrap, "_MEMO", type(bootstrap._MEMO)())
    t = _table([[1, 0, 1], [0], [1, 1], [0, 0, 0, 1]] * 5)
    n = bootstrap.BLOCK + 37
    first = list(bootstrap.cluster_bootstrap(t, n_boot=n, seed=11).blocks())
    assert len(bootstrap._MEMO) == 1
    kept = next(iter(bootstrap._MEMO.values()))
    assert kept[0].dtype == np.uint8 and not kept[0].flags.writeable
    first[0][:] = 99                                    # the caller's copy only
    again = list(bootstrap.cluster_bootstrap(t, n_boot=n, seed=11).blocks())
    fresh = bootstrap.cluster_bootstrap(t, n_boot=n, seed=11)
    monkeypatch.setattr(bootstrap, "_MEMO", type(bootstrap._MEMO)())
    monkeypatch.setattr(bootstrap, "MEMO_BYTES", 1000)
    drawn = list(fresh.blocks())
    assert len(bootstrap._MEMO) == 0                    # over the limit: not kept
    assert [b.shape for b in again] == [(bootstrap.BLOCK, 20), (37, 20)]
    for a, b in zip(again, drawn):
        assert a.dtype == np.int64 and a.flags.writeable
        np.testing.assert_array_equal(a, b)
    # another seed, or another plan (one paragraph fewer), is another matrix
    monkeypatch.setattr(bootstrap, "MEMO_BYTES", 64 * 2**20)
    other = bootstrap.cluster_bootstrap(t, n_boot=n, seed=12).counts()
    fewer = bootstrap.cluster_bootstrap(t[t.paragraph < 20], n_boot=n, seed=11).counts()
    assert len(bootstrap._MEMO) == 2
    assert not np.array_equal(other, np.vstack(drawn))
    assert fewer.shape == (n, 19) and (fewer.sum(axis=1) == 19).all()


def test_kept_counts_above_255_and_another_block_size(monkeypatch):
    """Counts that may reach 300 (one document of 300 paragraphs) are kept as uint16 and
    come back exact; a changed BLOCK is another design of blocks, not the kept one."""
    monkeypatch.setattr(bootstrap, "_MEMO", type(bootstrap._MEMO)())
    t = _table([[1]] * 300)
    boot = bootstrap.cluster_bootstrap(t, n_boot=40, seed=3)
    first = boot.counts()
    kept = next(iter(bootstrap._MEMO.values()))
    assert kept[0].dtype == np.uint16
    np.testing.assert_array_equal(boot.counts(), first)
    monkeypatch.setattr(bootstrap, "BLOCK", 7)
    blocks = list(boot.blocks())
    assert [len(b) for b in blocks] == [7] * 5 + [5] and len(bootstrap._MEMO) == 2
    assert (np.vstack(blocks).sum(axis=1) == 300).all()


def test_no_narrower_keeps_an_interval_that_contains_the_floor_and_widens_one_that_does_not():
    assert bootstrap.no_narrower(0.1, 0.9, (0.2, 0.8), "b", "W") == (0.1, 0.9, "b")
    assert bootstrap.no_narrower(0.3, 0.9, (0.2, 0.8), "b", "W", "; why") == (
        0.2, 0.9, "b, widened to W where narrower; why")
    assert bootstrap.no_narrower(0.1, 0.7, (0.2, 0.8), "b", "W")[:2] == (0.1, 0.8)


def test_floored_percentile_is_the_percentile_of_the_defined_replicates_then_the_floors():
    draws = np.array([0.1, np.nan, 0.3, 0.5, 0.7, np.nan])
    # the percentile interval of the four defined replicates, by hand: 2.5% and 97.5%
    # points by linear interpolation between order statistics (numpy's default)
    lo = 0.1 + 0.025 * 3 * 0.2
    hi = 0.5 + (0.975 * 3 - 2) * 0.2
    got = bootstrap.floored_percentile(draws, 0.4, (0.35, 0.45), "b", "W")
    assert got[0] == pytest.approx(lo) and got[1] == pytest.approx(hi) and got[2] == "b"
    # widened to the estimate (outside the replicates' interval), then to the floor
    assert bootstrap.floored_percentile(draws, 0.05, (0.0, 0.2), "b", "W")[:2] == \
        pytest.approx((0.0, hi))
    assert bootstrap.floored_percentile(draws, 0.4, (0.12, 0.9), "b", "W") == \
        pytest.approx((lo, 0.9, "b, widened to W where narrower"))
    # no replicate defined: the point estimate, then the floor
    assert bootstrap.floored_percentile([np.nan, np.nan], 0.4, (0.2, 0.6), "b", "W") == (
        0.2, 0.6, "b, widened to W where narrower")
    assert bootstrap.floored_percentile([np.nan], 0.4, (0.4, 0.4), "b", "W") == (
        0.4, 0.4, "b")
