"""discourse.bootstrap: a lone document's paragraphs are drawn in circular blocks of
consecutive paragraphs, in their order in the text (Politis and Romano 1992)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from discourse import blocks, bootstrap


def _doc(labels, year=1, doc="a", sentences=1):
    """One document: ``sentences`` rows per paragraph label, rows in the given order."""
    return pd.DataFrame([{"year": year, "doc_id": doc, "paragraph": p}
                         for p in labels for _ in range(sentences)])


def _by_hand(seed, n_boot, lengths):
    """The counts the design should give, from the same stream: per chunk of
    ``bootstrap.BLOCK`` replicates, per stratum in order, ``ceil(P / L)`` starts drawn
    with ``integers(0, P)``, the units of blocks ``start .. start + L - 1`` (mod P)
    counted over the first P drawn (written out here, not with blocks.block_counts)."""
    rng = np.random.default_rng(seed)
    out, done = [], 0
    while done < n_boot:
        size = min(bootstrap.BLOCK, n_boot - done)
        parts = []
        for P, L in lengths:
            starts = rng.integers(0, P, size=(size, math.ceil(P / L)))
            c = np.zeros((size, P), dtype=np.int64)
            for r in range(size):
                drawn = [(s + k) % P for s in starts[r] for k in range(L)][:P]
                for u in drawn:
                    c[r, u] += 1
            parts.append(c)
        out.append(np.hstack(parts))
        done += size
    return np.vstack(out)


def test_lone_documents_draw_circular_blocks_from_the_seeded_stream():
    """Two years of one document each (12 and 30 paragraphs: L = 2 and 3 by default);
    more than one chunk of replicates."""
    t = pd.concat([_doc(range(1, 13), year=1, sentences=2), _doc(range(1, 31), year=2)],
                  ignore_index=True)
    n = bootstrap.BLOCK + 23
    boot = bootstrap.cluster_bootstrap(t, n_boot=n, seed=17)
    assert boot.block_lengths() == (2, 3)
    counts = boot.counts()
    np.testing.assert_array_equal(counts, _by_hand(17, n, [(12, 2), (30, 3)]))
    # and the same as blocks.block_counts of those starts
    rng = np.random.default_rng(17)
    first = [blocks.block_counts(rng.integers(0, P, size=(bootstrap.BLOCK, math.ceil(P / L))),
                                 P, L) for P, L in [(12, 2), (30, 3)]]
    np.testing.assert_array_equal(counts[:bootstrap.BLOCK], np.hstack(first))
    # every replicate keeps each year's paragraphs and sentences
    assert (counts[:, :12].sum(axis=1) == 12).all() and (counts[:, 12:].sum(axis=1) == 30).all()
    assert (boot.sums((t.year == 1).astype(float)) == 24).all()


def test_paragraphs_are_in_numeric_order_not_string_order():
    """Paragraph numbers 1..12 (given as strings, rows shuffled): the clusters run
    1, 2, ..., 12, so "2" sits between "1" and "3", not after "10"-"12"; with L = 3 a
    paragraph is never drawn without a neighbour in the text (every block of three
    holding it holds one), circularly (12 next to 1)."""
    labels = [str(p) for p in np.random.default_rng(3).permutation(np.arange(1, 13))]
    boot = bootstrap.cluster_bootstrap(_doc(labels), n_boot=2000, seed=5, block=3)
    assert boot.clusters["paragraph"].tolist() == [str(p) for p in range(1, 13)]
    c = boot.counts()
    assert (c <= np.roll(c, 1, axis=1) + np.roll(c, -1, axis=1)).all()
    np.testing.assert_array_equal(c, _by_hand(5, 2000, [(12, 3)]))
    # row codes follow the labels, wherever the rows are
    got = boot.clusters["paragraph"].to_numpy()[boot.row_cluster]
    assert got.tolist() == labels


def test_labels_that_are_not_numbers_keep_their_first_appearance():
    labels = ["intro", "b", "b", "a", "z", "c", "intro"]      # rows in text order
    boot = bootstrap.cluster_bootstrap(_doc(labels), n_boot=600, seed=2, block=2)
    assert boot.clusters["paragraph"].tolist() == ["intro", "b", "a", "z", "c"]
    assert boot.clusters["n_rows"].tolist() == [2, 2, 1, 1, 1]
    np.testing.assert_array_equal(boot.counts(), _by_hand(2, 600, [(5, 2)]))
    assert blocks.text_order(["d"] * 3, [3, 10, 2]).tolist() == [3.0, 10.0, 2.0]


def test_block_one_is_the_multinomial_of_independent_paragraphs():
    t = pd.concat([_doc(range(1, 11), year=1), _doc(range(1, 5), year=2, doc="b")],
                  ignore_index=True)
    n = bootstrap.BLOCK + 9
    boot = bootstrap.cluster_bootstrap(t, n_boot=n, seed=8, block=1)
    rng = np.random.default_rng(8)
    want = []
    for size in (bootstrap.BLOCK, 9):
        want.append(np.hstack([rng.multinomial(np.full(size, P), np.full(P, 1 / P))
                               for P in (10, 4)]))
    np.testing.assert_array_equal(boot.counts(), np.vstack(want))
    assert boot.block_lengths() == (1, 1)


def test_the_design_says_what_was_resampled():
    one = _doc(range(1, 33))                                   # 32 paragraphs: L = 3
    two = pd.concat([one, _doc(range(1, 64), year=2, doc="b")], ignore_index=True)
    assert bootstrap.cluster_bootstrap(one, n_boot=2).design == (
        "blocks of consecutive paragraphs resampled within documents "
        "(circular block bootstrap, L = 3)")
    boot = bootstrap.cluster_bootstrap(two, n_boot=2)
    assert boot.design == ("blocks of consecutive paragraphs resampled within documents "
                           "(circular block bootstrap, L = 3-4)")
    assert boot.label.startswith("cluster bootstrap percentile (blocks of consecutive")
    assert bootstrap.cluster_bootstrap(two, n_boot=2, block=1).design == (
        "paragraphs resampled within documents, independently")
    mixed = pd.concat([two, _doc(range(1, 33), year=2, doc="c")], ignore_index=True)
    assert bootstrap.cluster_bootstrap(mixed, n_boot=2, block=5).design == (
        "documents resampled within year, blocks of consecutive paragraphs within the "
        "document where a year has one (circular block bootstrap, L = 5)")


def test_the_kept_counts_are_keyed_on_the_block_lengths(monkeypatch):
    monkeypatch.setattr(bootstrap, "_MEMO", type(bootstrap._MEMO)())
    t = _doc(range(1, 28))                                     # 27 paragraphs: L = 3
    default = bootstrap.cluster_bootstrap(t, n_boot=300, seed=4).counts()
    independent = bootstrap.cluster_bootstrap(t, n_boot=300, seed=4, block=1).counts()
    assert len(bootstrap._MEMO) == 2
    assert not np.array_equal(default, independent)
    np.testing.assert_array_equal(independent, _multinomial(4, 300, 27))
    same = bootstrap.cluster_bootstrap(t, n_boot=300, seed=4, block=3).counts()
    assert len(bootstrap._MEMO) == 2                           # L = 3 either way
    np.testing.assert_array_equal(same, default)
    assert sorted(k[-1] for k in bootstrap._MEMO) == [(1,), (3,)]
    np.testing.assert_array_equal(
        bootstrap.cluster_bootstrap(t, n_boot=300, seed=4, block=1).counts(), independent)


def _multinomial(seed, n, P):
    return np.random.default_rng(seed).multinomial(np.full(n, P), np.full(P, 1 / P))


def test_without_paragraphs_rows_stay_independent_unless_blocked():
    t = pd.DataFrame({"doc_id": "a", "x": range(8)})
    boot = bootstrap.cluster_bootstrap(t, n_boot=50, seed=1, stratum=None, paragraph=None)
    assert boot.block_lengths() == (1,)
    np.testing.assert_array_equal(boot.counts(), _multinomial(1, 50, 8))
    blocked = bootstrap.cluster_bootstrap(t, n_boot=50, seed=1, stratum=None,
                                          paragraph=None, block=2)
    np.testing.assert_array_equal(blocked.counts(), _by_hand(1, 50, [(8, 2)]))
    with pytest.raises(ValueError, match="block=0"):
        bootstrap.cluster_bootstrap(t, block=0)


def test_the_order_is_decided_per_document_and_a_missing_label_is_an_error():
    # document a numbered (as strings), document b not: a keeps 1, 2, 3, 10 in its order
    t = pd.DataFrame({"year": [1] * 4 + [2] * 2, "doc_id": ["a"] * 4 + ["b"] * 2,
                      "paragraph": ["1", "10", "2", "3", "intro", "body"]})
    boot = bootstrap.cluster_bootstrap(t, n_boot=5, seed=1)
    assert boot.clusters.paragraph.tolist() == ["1", "2", "3", "10", "intro", "body"]
    assert blocks.text_order(["a"] * 3, ["d.p010", "d.p002", "d.p010"]).tolist() == \
        [10.0, 2.0, 10.0]
    with pytest.raises(ValueError, match="1 row.s. have no paragraph label"):
        bootstrap.cluster_bootstrap(t.assign(paragraph=[1, 2, None, 3, 4, 5]), n_boot=5)


def test_only_a_run_of_consecutive_paragraphs_is_drawn_in_blocks():
    """A sample of a text's paragraphs (gaps between them) or passages without a
    document are not consecutive text: drawn independently unless a block is asked for."""
    run = pd.DataFrame({"year": 1, "doc_id": "a", "paragraph": range(2, 30)})
    sample = run[run.paragraph % 3 == 0]                     # every third paragraph
    assert bootstrap.cluster_bootstrap(run, n_boot=5).block_lengths() == (3,)
    # a paragraph without rows here and there (no counted word) keeps the run
    holes = run[~run.paragraph.isin([5, 17])]
    assert bootstrap.cluster_bootstrap(holes, n_boot=5).block_lengths() == (3,)
    assert bootstrap.cluster_bootstrap(sample, n_boot=5).block_lengths() == (1,)
    assert bootstrap.cluster_bootstrap(sample, n_boot=5).design == \
        "paragraphs resampled within documents, independently"
    assert bootstrap.cluster_bootstrap(sample, n_boot=5, block=2).block_lengths() == (2,)
    assert bootstrap.cluster_bootstrap(run.iloc[::2], n_boot=5).block_lengths() == (1,)
    passages = pd.DataFrame({"year": 1, "paragraph": [f"h{i:02d}" for i in range(27)]})
    loose = bootstrap.cluster_bootstrap(passages, n_boot=5, document=None)
    assert loose.block_lengths() == (1,)
    labelled = run.assign(paragraph="a.p" + run.paragraph.astype(str).str.zfill(3))
    assert bootstrap.cluster_bootstrap(labelled, n_boot=5).block_lengths() == (3,)
