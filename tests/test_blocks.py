"""discourse.blocks: the circular block bootstrap against known answers (every unit drawn
once in expectation, by enumeration and by simulation)."""

from __future__ import annotations

import numpy as np
import pytest

from discourse import blocks, bootstrap


@pytest.mark.parametrize("n, block", [(4, 2), (7, 3), (5, 5), (6, 4)])
def test_every_unit_is_drawn_once_in_expectation_by_enumeration(n, block):
    """All n ** ceil(n / L) equally likely sets of block starts: every unit's mean
    count is exactly 1 (Politis and Romano 1992), where the moving block bootstrap
    (Künsch 1989) gives the first unit ceil(n / L) / (n - L + 1)."""
    n_blocks = -(-n // block)
    starts = np.array(np.meshgrid(*[np.arange(n)] * n_blocks, indexing="ij"))
    counts = blocks.block_counts(starts.reshape(n_blocks, -1).T, n, block)
    assert (counts.sum(axis=1) == n).all()
    np.testing.assert_array_equal(counts.sum(axis=0), [n ** n_blocks] * n)


def test_expected_draws_by_simulation_and_blocks_wrap():
    counts = np.vstack(list(blocks.block_bootstrap([4], n_boot=40000, seed=2, block=2)))
    assert (counts.sum(axis=1) == 4).all()
    assert counts.mean(axis=0) == pytest.approx([1, 1, 1, 1], abs=0.02)
    # a block starting at the last unit goes on from the first
    assert blocks.block_counts([[3]], 4, 2).tolist() == [[1, 0, 0, 1]]


def test_bootstrap_mean_of_a_unit_mean_is_the_estimate():
    """27 units, a topic only in units 1-3 (estimate 3/27 = 0.111; blocks of 3): the
    moving block bootstrap's mean was 0.080 (units 1-3 drawn 0.36, 0.72, 1.08 times);
    the circular one's is the estimate within Monte Carlo error."""
    w = np.zeros(27)
    w[:3] = 1.0
    b = 20000
    draws = blocks.block_bootstrap([27], n_boot=b, seed=5)
    means = np.vstack([c @ w for c in draws]).ravel() / 27
    assert blocks.block_length(27) == 3
    assert abs(means.mean() - 3 / 27) < 4 * means.std() / np.sqrt(b)
    counts = np.vstack(list(blocks.block_bootstrap([27], n_boot=b, seed=5)))
    assert counts[:, :3].mean(axis=0) == pytest.approx([1, 1, 1], abs=0.03)


def test_block_of_the_whole_document_is_the_document_and_block_one_is_iid():
    one = np.vstack(list(blocks.block_bootstrap([5, 3], n_boot=600, seed=1, block=5)))
    # a block of a whole document is a rotation of it (every unit once); the second
    # document's block is capped at its 3 units
    assert (one == 1).all()
    iid = np.vstack(list(blocks.block_bootstrap([5], n_boot=20000, seed=1, block=1)))
    # blocks of one unit: counts multinomial(5, 1/5): mean 1, variance 5 * 1/5 * 4/5
    assert iid.mean(axis=0) == pytest.approx([1] * 5, abs=0.03)
    assert iid.var(axis=0) == pytest.approx([0.8] * 5, abs=0.05)


def test_seeded_chunks_and_errors():
    a = np.vstack(list(blocks.block_bootstrap([7, 4], n_boot=600, seed=3)))
    b = np.vstack(list(blocks.block_bootstrap([7, 4], n_boot=600, seed=3)))
    assert np.array_equal(a, b) and a.shape == (600, 11)
    assert max(len(c) for c in blocks.block_bootstrap([3], n_boot=600, seed=0)) \
        == bootstrap.BLOCK
    with pytest.raises(ValueError, match="n_boot=0"):
        list(blocks.block_bootstrap([3], n_boot=0, seed=0))
    with pytest.raises(ValueError, match="at least one unit"):
        list(blocks.block_bootstrap([3, 0], n_boot=5, seed=0))


def test_lag1_correlation_is_pearsons_of_neighbouring_unit_means_in_text_order():
    """By hand: unit means 1, 0, 0.5, 1, 0 give pairs (1, 0), (0, 0.5), (0.5, 1),
    (1, 0): deviations from 0.625 and 0.375, products summing to -0.4375 over sums of
    squares 0.6875 each, r = -7/11. Rows in any order and labels as strings ("p10"
    after "p9") give the same; each document is its own series; short or constant
    series are NaN."""
    y = [1, 1, 0, 0, 1, 0, 1, 1, 0, 0]
    units = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert blocks.lag1_correlation(y, ["a"] * 10, units) == {"a": pytest.approx(-7 / 11)}
    order = np.random.default_rng(3).permutation(10)
    shuffled = blocks.lag1_correlation(np.array(y)[order], ["a"] * 10,
                                       [f"p{8 + u}" for u in np.array(units)[order]])
    assert shuffled == {"a": pytest.approx(-7 / 11)}
    means = np.array([0.2, 0.4, 0.4, 0.9, 0.7, 0.1, 0.3])
    rows = np.repeat(np.arange(7), 10)
    ys = (np.arange(70) % 10 < np.repeat(means * 10, 10)).astype(int)   # exact means
    two = blocks.lag1_correlation(np.r_[ys, y], ["b"] * 70 + ["a"] * 10,
                                  np.r_[rows, units])
    assert list(two) == ["a", "b"]
    assert two["b"] == pytest.approx(np.corrcoef(means[:-1], means[1:])[0, 1])
    got = blocks.lag1_correlation([1, 0, 1, 0, 0, 0, 1, 1], list("ccddeeff"),
                                  [1, 2, 1, 2, 1, 2, 1, 2])
    assert all(np.isnan(v) for v in got.values())          # two units each
    assert np.isnan(blocks.lag1_correlation([1] * 6, ["a"] * 6, [1, 2, 3, 4, 5, 6])["a"])
    with pytest.raises(ValueError, match="5 values for 6 rows"):
        blocks.lag1_correlation([1] * 5, ["a"] * 6, [1, 2, 3, 4, 5, 6])
