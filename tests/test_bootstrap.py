"""discourse.bootstrap: the cluster bootstrap against exact bootstrap distributions, and the
moving block bootstrap against known answers."""

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


def test_two_stage_draws_documents_then_paragraphs():
    """A year with two documents of 2 and 3 paragraphs (one sentence each): drawing two
    documents gives 4, 5 or 6 paragraphs with probabilities 1/4, 1/2, 1/4; a year with
    one document always keeps its number of paragraphs."""
    t = pd.concat([_table([[1], [1]], doc="d1"), _table([[0], [0], [0]], doc="d2"),
                   _table([[1], [0]], doc="e", year=2021)], ignore_index=True)
    boot = bootstrap.cluster_bootstrap(t, n_boot=8000, seed=3)
    assert "documents resampled within year" in boot.label
    in_2020 = boot.sums((t.year == 2020).astype(float))
    in_2021 = boot.sums((t.year == 2021).astype(float))
    assert set(in_2021) == {2.0}
    freq = pd.Series(in_2020).value_counts(normalize=True).sort_index()
    assert freq.index.tolist() == [4.0, 5.0, 6.0]
    assert freq.to_numpy() == pytest.approx([0.25, 0.5, 0.25], abs=0.03)
    # a drawn document brings all its paragraphs' draws: d1 alone gives a share of 1
    share = boot.sums(t.x * (t.year == 2020)) / in_2020
    assert share.max() == 1.0 and share.min() == 0.0


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


# --- the moving block bootstrap ---------------------------------------------------

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
        == bootstrap.BLOCK
    with pytest.raises(ValueError, match="n_boot=0"):
        list(bootstrap.block_bootstrap([3], n_boot=0, seed=0))
    with pytest.raises(ValueError, match="at least one unit"):
        list(bootstrap.block_bootstrap([3, 0], n_boot=5, seed=0))
