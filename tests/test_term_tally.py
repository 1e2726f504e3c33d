"""The running counts of the term analysis (:class:`discourse.term_tally.Tally`): the
paragraphs of a block added together (:meth:`Tally.add_block`, the path of
``discourse keyness``) count what adding them one at a time (:meth:`Tally.add`) counts."""

from __future__ import annotations

import random

import numpy as np
import pytest

from discourse.term_tally import DENSE_BYTES, Tally, YearTally


def _paragraphs(seed: int, n: int = 400) -> list[tuple]:
    """``(key, terms)`` of paragraphs of documents and years that come back (a year or a
    document met again after another), with empty paragraphs, also first in a group."""
    rng = random.Random(seed)
    out, doc, year = [], 0, 2030
    for p in range(n):
        if rng.random() < 0.1:
            doc = rng.randint(0, 6)
            year = 2030 + doc % 3
        k = rng.choice([0, 0, 1, 2, 5, 9])
        found = [rng.choice("abcdefghij") * rng.randint(1, 2) for _ in range(k)]
        out.append(((f"d{doc}", year, p), found))
    return out


def _same(a: tuple, b: tuple) -> None:
    rows, terms, matrix, presence, n_par = a
    assert rows.equals(b[0]) and list(terms) == list(b[1])
    for x, y in ((matrix, b[2]), (presence, b[3])):
        assert x.shape == y.shape and (x != y).nnz == 0
        assert np.array_equal(x.indptr, y.indptr) and np.array_equal(x.indices, y.indices)
    assert np.array_equal(n_par, b[4])


@pytest.mark.parametrize("level", ["paragraph", "doc_id", "year"])
@pytest.mark.parametrize("seed", range(4))
def test_a_block_added_together_counts_as_its_paragraphs_one_by_one(level, seed):
    paragraphs = _paragraphs(seed)
    one, blocks = Tally(level), Tally(level)
    for key, found in paragraphs:
        one.add(key, found)
    rng, at = random.Random(seed), 0
    while at < len(paragraphs):                # blocks of 0 to 40 paragraphs
        k = rng.randint(0, 40)
        part = paragraphs[at:at + k]
        blocks.add_block([key for key, _ in part], [found for _, found in part])
        at += k
    assert blocks.keys == one.keys
    if level != "paragraph":
        assert blocks.counts == one.counts and blocks.presence == one.presence
        assert blocks.paragraphs == one.paragraphs
    _same(blocks.assemble(), one.assemble())


def test_a_block_without_terms_counts_nothing():
    t = Tally("year")
    t.add_block([("d", 2031, 1), ("d", 2031, 2)], [[], []])
    t.add_block([], [])
    assert t.keys == [] and not t.counts and not t.paragraphs
    rows, terms, matrix, presence, n_par = t.assemble()
    assert len(rows) == 0 and len(terms) == 0 and matrix.shape == (0, 0)


@pytest.mark.parametrize("level", ["paragraph", "year"])
def test_the_assembled_columns_are_the_sorted_terms(level):
    # each cell holds the count of its row's group and its column's term
    from collections import Counter

    paragraphs = _paragraphs(7)
    t = Tally(level)
    want: dict = {}
    for key, found in paragraphs:
        t.add(key, found)
        if found:
            g = key if level == "paragraph" else (key[1],)
            want.setdefault(g, Counter()).update(found)
    rows, terms, matrix, presence, n_par = t.assemble()
    assert list(terms) == sorted({x for _, found in paragraphs for x in found})
    dense = matrix.toarray()
    for i, g in enumerate(map(tuple, rows.itertuples(index=False))):
        assert {terms[j]: dense[i, j] for j in np.flatnonzero(dense[i])} == want[g]


@pytest.mark.parametrize("level", ["paragraph", "doc_id", "year"])
def test_a_block_of_keys_and_terms_of_other_lengths_is_refused(level):
    t = Tally(level)
    with pytest.raises(ValueError, match="2 paragraph keys but 1 lists of terms"):
        t.add_block([("d", 2031, 1), ("d", 2031, 2)], [["x"]])
    assert t.keys == [] and not t.counts and not t.paragraphs


@pytest.mark.parametrize("dense_bytes", [DENSE_BYTES, 0, 400])
@pytest.mark.parametrize("seed", range(4))
def test_year_ids_count_as_a_tally_of_years(seed, dense_bytes):
    # the path of discourse keyness: blocks of term ids per year (numpy) count what a
    # Tally at the level of a year counts of the same terms; ids of terms no paragraph
    # has are left out, and blocks without terms or paragraphs count nothing. The same
    # with the sums sparse from the start (0 bytes dense) and from a few blocks on (400)
    paragraphs = _paragraphs(seed)
    names = list("zabcdefghij") + [c * 2 for c in "zabcdefghij"]
    ids_of = {t: i for i, t in enumerate(names)}
    one, blocks = Tally("year"), YearTally(dense_bytes)
    for key, found in paragraphs:
        one.add(key, found)
    rng, at = random.Random(seed), 0
    while at < len(paragraphs):                # blocks of 0 to 40 paragraphs
        part = paragraphs[at:at + rng.randint(0, 40)]
        ids = np.array([ids_of[t] for _, found in part for t in found], dtype="=i4")
        bounds = np.cumsum([0] + [len(found) for _, found in part])
        blocks.add_block([key[1] for key, _ in part], ids, bounds)
        at += len(part)
    assert (blocks.sums is None) == (dense_bytes == DENSE_BYTES)
    _same(blocks.assemble(names), one.assemble())


def test_year_ids_refuse_bounds_of_another_length():
    with pytest.raises(ValueError, match="bounds"):
        YearTally().add_block([2031, 2032], np.array([0], dtype="=i4"), np.array([0, 1]))
