"""discourse.bootstrap: the moving block bootstrap against known answers."""

from __future__ import annotations

import numpy as np
import pytest

from discourse import bootstrap


def test_expected_draws_of_each_unit_known_answer():
    """n = 4 units, blocks of L = 2, two blocks per replicate, starts uniform on
    {0, 1, 2}: an edge unit is covered by one start (1/3 per block), an inner unit by
    two (2/3), so the expected counts are [2/3, 4/3, 4/3, 2/3] (Künsch 1989: the
    moving block bootstrap under-weights the ends)."""
    counts = np.vstack(list(bootstrap.block_bootstrap([4], n_boot=40000, seed=2, block=2)))
    assert (counts.sum(axis=1) == 4).all()
    assert counts.mean(axis=0) == pytest.approx([2 / 3, 4 / 3, 4 / 3, 2 / 3], abs=0.02)


def test_block_of_the_whole_document_is_the_document_and_block_one_is_iid():
    one = np.vstack(list(bootstrap.block_bootstrap([5, 3], n_boot=600, seed=1, block=5)))
    # the first document has one possible block (itself); the second is capped at 3
    assert (one == 1).all()
    iid = np.vstack(list(bootstrap.block_bootstrap([5], n_boot=20000, seed=1, block=1)))
    # blocks of one unit: counts multinomial(5, 1/5): mean 1, variance 5 * 1/5 * 4/5
    assert iid.mean(axis=0) == pytest.approx([1] * 5, abs=0.03)
    assert iid.var(axis=0) == pytest.approx([0.8] * 5, abs=0.05)


def test_seeded_chunks_and_errors():
    a = np.vstack(list(bootstrap.block_bootstrap([7, 4], n_boot=600, seed=3)))
    b = np.vstack(list(bootstrap.block_bootstrap([7, 4], n_boot=600, seed=3)))
    assert np.array_equal(a, b) and a.shape == (600, 11)
    assert max(len(c) for c in bootstrap.block_bootstrap([3], n_boot=600, seed=0)) \
        == bootstrap.CHUNK
    with pytest.raises(ValueError, match="n_boot=0"):
        list(bootstrap.block_bootstrap([3], n_boot=0, seed=0))
    with pytest.raises(ValueError, match="at least one unit"):
        list(bootstrap.block_bootstrap([3, 0], n_boot=5, seed=0))
