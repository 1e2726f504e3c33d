"""The running counts of :func:`discourse.counts.count_terms`: paragraphs in, sparse pieces out.

:class:`Tally` takes the terms of one paragraph at a time (:meth:`Tally.add`) and keeps
what the level needs: at paragraph level the pieces of a CSR matrix (one row per
paragraph with at least one term), at the level of a document or a year a ``Counter``
of terms per group, one of the paragraphs containing each term, and the number of
paragraphs. :meth:`Tally.assemble` turns them into the rows, the sorted vocabulary and
the matrices of a :class:`discourse.counts.TermCounts`. Both
:func:`discourse.counts.count_terms` (sentence rows) and
:func:`discourse.counts.count_paragraphs` (paragraphs with their sentences) count
through it, so the two give the same counts of the same text; at the level of a year
:func:`~discourse.counts.count_paragraphs` counts through :class:`YearTally` instead, the
terms as ids (:func:`discourse.terms.paragraph_ids`) added up in numpy, to the same counts.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain, compress, groupby

import numpy as np
import pandas as pd

__all__ = ["DENSE_BYTES", "ROW_COLUMNS", "Tally", "YearTally", "ParagraphKeys"]

#: The columns of the rows of each level.
ROW_COLUMNS = {"paragraph": ["doc_id", "year", "paragraph"], "doc_id": ["doc_id", "year"],
               "year": ["year"]}


class Tally:
    """Counts of terms per paragraph, document or year (see the module docstring).

    Parameters
    ----------
    level : {"paragraph", "doc_id", "year"}

    Examples
    --------
    >>> t = Tally("year")
    >>> t.add(("d", 2021, 1), ["trade", "grow", "trade"])
    >>> t.add(("d", 2021, 2), [])                      # no term: not counted
    >>> rows, terms, matrix, presence, n_par = t.assemble()
    >>> list(terms), matrix.toarray().tolist(), presence.toarray().tolist(), n_par.tolist()
    (['grow', 'trade'], [[1, 2]], [[1, 1]], [1])
    """

    def __init__(self, level: str):
        self.level = level
        self.vocab: dict[str, int] = {}
        self.keys: list[tuple] = []               # one per output row
        # paragraph level: CSR pieces; group level: a Counter of terms per group
        self.indptr, self.indices, self.values = [0], [], []
        self.counts: dict = {}
        self.presence: dict = {}
        self.paragraphs: Counter = Counter()

    def add(self, key: tuple, found: list) -> None:
        """Count the terms ``found`` in the paragraph ``key`` (``(doc_id, year,
        paragraph)``, each paragraph once); a paragraph without terms is no row."""
        if not found:
            return
        if self.level == "paragraph":
            vocab = self.vocab
            bag = Counter(found)
            ids = []
            for term in bag:
                j = vocab.get(term)
                if j is None:
                    j = vocab[term] = len(vocab)
                ids.append(j)
            self.keys.append(key)
            self.indices.extend(ids)
            self.values.extend(bag.values())
            self.indptr.append(len(self.indices))
            return
        g = key[0] if self.level == "doc_id" else key[1]
        counts = self.counts.get(g)
        if counts is None:
            counts = self.counts[g] = Counter()
            self.presence[g] = Counter()
            self.keys.append((key[0], key[1]) if self.level == "doc_id" else (key[1],))
        # terms as keys, ids at the end; counted in C (Counter.update of a list or a
        # set), in any order: the matrices are built from sorted terms
        counts.update(found)
        self.presence[g].update(set(found))
        self.paragraphs[g] += 1

    def add_block(self, keys: list, founds: list) -> None:
        """:meth:`add` of each paragraph of ``keys`` with its terms ``founds``, in order.

        At the level of a document or a year, the paragraphs of a group that follow one
        another are counted together (one update of the group's counts and presence),
        which gives the same counts as adding them one by one.

        Parameters
        ----------
        keys : list of tuple
            One key per paragraph, as :meth:`add` takes it.
        founds : list of list of str
            The terms of each paragraph, in the order of ``keys``.

        Raises
        ------
        ValueError
            If ``keys`` and ``founds`` differ in length.
        """
        if len(keys) != len(founds):
            raise ValueError(f"add_block: {len(keys)} paragraph keys but {len(founds)} "
                             "lists of terms")
        if self.level == "paragraph":
            for key, found in zip(keys, founds):
                self.add(key, found)
            return
        groups = [key[0] for key in keys] if self.level == "doc_id" else \
            [key[1] for key in keys]
        at = 0
        for g, run in groupby(groups):
            n = sum(1 for _ in run)
            found = list(filter(None, founds[at:at + n]))
            if found:
                counts = self.counts.get(g)
                if counts is None:
                    key = keys[next(i for i in range(at, at + n) if founds[i])]
                    self.add(key, found[0])
                    found = found[1:]
                    counts = self.counts[g]
                counts.update(chain.from_iterable(found))
                self.presence[g].update(chain.from_iterable(map(set, found)))
                self.paragraphs[g] += len(found)
            at += n

    def assemble(self) -> tuple:
        """``(rows, terms, matrix, presence, n_paragraphs)`` of the counts so far (see
        :class:`discourse.counts.TermCounts`)."""
        from scipy import sparse

        vocab, keys, level = self.vocab, self.keys, self.level
        for table in self.counts.values():          # group level: terms counted by name
            for term in table:
                if term not in vocab:
                    vocab[term] = len(vocab)
        terms = np.array(sorted(vocab), dtype=object)
        n_terms = len(terms)
        old_to_new = np.empty(n_terms, dtype=np.int64)
        old_to_new[np.fromiter(map(vocab.__getitem__, terms), dtype=np.int64,
                               count=n_terms)] = np.arange(n_terms)
        if level == "paragraph":
            indices = self.indices
            matrix = sparse.csr_matrix(
                (np.asarray(self.values, dtype=np.int64),
                 old_to_new[np.asarray(indices, dtype=np.int64)]
                 if indices else np.zeros(0, dtype=np.int64), np.asarray(self.indptr)),
                shape=(len(keys), n_terms))
            matrix.sort_indices()
            presence = matrix.copy()
            presence.data = np.ones_like(presence.data)
            n_par = np.ones(len(keys), dtype=np.int64)
        else:
            keys = [keys[i] for i in sorted(range(len(keys)), key=lambda i: keys[i][0])]
            groups = [k[0] for k in keys]

            def build(table):
                r, c, v = [], [], []
                for i, g in enumerate(groups):
                    cnt = table[g]
                    r.extend([i] * len(cnt))
                    c.extend(map(vocab.__getitem__, cnt))
                    v.extend(cnt.values())
                m = sparse.csr_matrix((np.asarray(v, dtype=np.int64),
                                       (np.asarray(r, dtype=np.int64),
                                        old_to_new[np.asarray(c, dtype=np.int64)]
                                        if c else np.zeros(0, dtype=np.int64))),
                                      shape=(len(groups), n_terms))
                m.sort_indices()
                return m

            matrix, presence = build(self.counts), build(self.presence)
            n_par = np.array([self.paragraphs[g] for g in groups], dtype=np.int64)
        rows = pd.DataFrame(keys, columns=ROW_COLUMNS[level])
        rows["year"] = rows["year"].astype(int)
        return rows, terms, matrix, presence, n_par


#: Bytes the dense per-year arrays of a :class:`YearTally` may take (counts and presence
#: together) before it keeps its sums as sparse matrices instead: the dense arrays hold the
#: years times the ids met, which grow with a corpus's span as well as its vocabulary
#: (10 million words of prose spread over 75 years peaked at 965 MB dense, against 381 MB
#: over 5 years; ``benchmarks/README.md``).
DENSE_BYTES = 32 * 2 ** 20


class YearTally:
    """The counts of a :class:`Tally` of level ``"year"``, of term ids: paragraphs come a
    block at a time as :func:`discourse.terms.paragraph_ids` gives them, and each
    year's counts and presence are rows of numpy arrays (the years times the ids met)
    while those take at most ``dense_bytes``; past that, sums of sparse matrices
    (:class:`_SparseSum`), whose size grows with the distinct pairs of a year and a term.
    The counts are the same either way.

    Parameters
    ----------
    dense_bytes : int, default :data:`DENSE_BYTES`

    Examples
    --------
    >>> t = YearTally()
    >>> t.add_block([2021, 2021, 2020], np.array([1, 0, 1, 1]), np.array([0, 3, 3, 4]))
    >>> rows, terms, matrix, presence, n_par = t.assemble(["grow", "trade"])
    >>> rows["year"].tolist(), list(terms), matrix.toarray().tolist()
    ([2020, 2021], ['grow', 'trade'], [[0, 1], [1, 2]])
    >>> presence.toarray().tolist(), n_par.tolist()
    ([[0, 1], [1, 1]], [1, 1])
    """

    def __init__(self, dense_bytes: int = DENSE_BYTES):
        self.rows: dict = {}                      # year: its row, in order of first terms
        self.dense_bytes = dense_bytes
        self.counts = np.zeros((0, 0), dtype=np.int64)      # None once the sums are sparse
        self.presence = np.zeros((0, 0), dtype=np.int64)
        self.sums: tuple | None = None            # (counts, presence) as _SparseSum
        self.paragraphs = np.zeros(0, dtype=np.int64)

    def add_block(self, years: list, ids: np.ndarray, bounds: np.ndarray) -> None:
        """Count the terms of a block of paragraphs (a paragraph without terms is not
        counted, as in :meth:`Tally.add`).

        Parameters
        ----------
        years : list of int
            The year of each paragraph.
        ids : numpy.ndarray
            The ids of the terms of every paragraph, in order (int64).
        bounds : numpy.ndarray
            Where each paragraph's ids begin in ``ids``, and where the last one's end.

        Raises
        ------
        ValueError
            If ``bounds`` does not have one more element than ``years``.
        """
        if len(bounds) != len(years) + 1:
            raise ValueError(f"add_block: {len(years)} paragraph years but {len(bounds)} "
                             "bounds")
        sizes = np.diff(bounds)
        if not ids.size:
            return
        rows = self.rows
        for year in dict.fromkeys(compress(years, sizes.tolist())):
            rows.setdefault(year, len(rows))
        n_ids = int(ids.max()) + 1
        if self.sums is None and not self._grow(len(rows), n_ids):
            self._to_sparse()
        if len(self.paragraphs) < len(rows):
            self.paragraphs = np.concatenate(
                (self.paragraphs, np.zeros(len(rows) - len(self.paragraphs), np.int64)))
        row = np.fromiter((rows.get(y, -1) for y in years), np.int64, len(years))
        width = n_ids if self.sums is not None else self.counts.shape[1]
        pairs = np.sort(np.repeat(np.arange(len(years)), sizes) * width + ids)
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]   # each once
        if self.sums is None:
            np.add.at(self.counts, (np.repeat(row, sizes), ids), 1)
            np.add.at(self.presence, (row[pairs // width], pairs % width), 1)
        else:
            shape = (len(rows), n_ids)
            self.sums[0].add(_ones(np.repeat(row, sizes), ids, shape))
            self.sums[1].add(_ones(row[pairs // width], pairs % width, shape))
        np.add.at(self.paragraphs, row[sizes > 0], 1)

    def _grow(self, n_rows: int, n_ids: int) -> bool:
        """Room for ``n_rows`` years and ids below ``n_ids`` (twice the ids needed, as
        new ones keep coming; the years as they come); ``False``, and nothing grown,
        where that would take more than ``dense_bytes``."""
        have_rows, have_ids = self.counts.shape
        if n_rows <= have_rows and n_ids <= have_ids:
            return True
        shape = (max(n_rows, have_rows), have_ids if n_ids <= have_ids
                 else max(n_ids, 2 * have_ids))
        if 2 * 8 * shape[0] * shape[1] > self.dense_bytes:
            return False
        for name in ("counts", "presence"):
            old, new = getattr(self, name), np.zeros(shape, dtype=np.int64)
            new[:have_rows, :have_ids] = old
            setattr(self, name, new)
        return True

    def _to_sparse(self) -> None:
        """Keep the sums as sparse matrices from now on, starting from the dense ones."""
        from scipy import sparse

        self.sums = (_SparseSum(), _SparseSum())
        for total, dense in zip(self.sums, (self.counts, self.presence)):
            total.add(sparse.csr_matrix(dense))
        self.counts = self.presence = None

    def assemble(self, names: list) -> tuple:
        """:meth:`Tally.assemble` of these counts, ``names`` the term of each id."""
        from scipy import sparse

        years = sorted(self.rows)
        order = [self.rows[y] for y in years]
        if self.sums is None:
            counts = self.counts[order]
            used = (np.flatnonzero(counts.any(axis=0)) if counts.size
                    else np.zeros(0, np.int64))
        else:
            counts = self.sums[0].total()[order]
            used = np.flatnonzero(counts.getnnz(axis=0))
        found = list(map(names.__getitem__, used.tolist()))
        by_name = sorted(range(len(found)), key=found.__getitem__)
        terms = np.array([found[i] for i in by_name], dtype=object)
        cols = used[by_name]
        shape = (len(years), len(cols))
        if self.sums is None:
            matrix = sparse.csr_matrix(counts[:, cols], shape=shape)
            presence = sparse.csr_matrix(self.presence[order][:, cols], shape=shape)
        else:
            present = self.sums[1].total()
            present.resize(counts.shape)
            matrix, presence = counts[:, cols], present[order][:, cols]
            for m in (matrix, presence):
                m.sum_duplicates()      # indices sorted, as from a dense array
        rows = pd.DataFrame([(y,) for y in years], columns=ROW_COLUMNS["year"])
        rows["year"] = rows["year"].astype(int)
        return rows, terms, matrix, presence, self.paragraphs[order]


class _SparseSum:
    """A running sum of sparse matrices, kept as partial sums of 1, 2, 4, ... added
    matrices (a binary counter): adding ``n`` matrices costs about ``log n`` additions
    of each one's entries, in scipy's C code, and the partial sums hold each pair of a
    row and a column at most once each."""

    def __init__(self):
        self.levels: list = []

    def add(self, m) -> None:
        for i, have in enumerate(self.levels):
            if have is None:
                self.levels[i] = m
                return
            m, self.levels[i] = _plus(have, m), None
        self.levels.append(m)

    def total(self):
        """The sum of every matrix added (CSR, as wide and tall as the widest and tallest)."""
        out = None
        for m in self.levels:
            if m is not None:
                out = m if out is None else _plus(out, m)
        self.levels = [out]
        return out.copy()


def _ones(rows: np.ndarray, cols: np.ndarray, shape: tuple):
    """A CSR matrix of ``shape`` counting each ``(row, col)`` pair given."""
    from scipy import sparse

    return sparse.csr_matrix((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=shape)


def _plus(a, b):
    """``a + b`` of two CSR matrices, each first widened (in place) to the larger shape."""
    shape = (max(a.shape[0], b.shape[0]), max(a.shape[1], b.shape[1]))
    for m in (a, b):
        if m.shape != shape:
            m.resize(shape)
    return a + b


class ParagraphKeys:
    """The paragraph keys ``(doc_id, year, paragraph)`` met so far, to tell a paragraph
    met twice (:meth:`add` is ``False`` for a key met before; ``key in keys`` as in a
    set of the keys).

    Per document and year, the paragraph numbers met are held as a range while they
    come one after another (as :func:`discourse.segmentation.iter_paragraphs` gives
    them), as a set otherwise: the memory grows with the documents, not with the
    paragraphs (a set of every key held about 13 MB per 150,000 paragraphs: half of
    10 million words of prose, ``benchmarks/README.md``).

    Examples
    --------
    >>> keys = ParagraphKeys()
    >>> [keys.add(("d", 2021, p)) for p in (1, 2, 3, 7, 2)]
    [True, True, True, True, False]
    >>> ("d", 2021, 3) in keys, ("d", 2021, 5) in keys, ("e", 2021, 1) in keys
    (True, False, False)
    >>> keys.groups
    {('d', 2021): {1, 2, 3, 7}}
    """

    def __init__(self):
        self.groups: dict = {}        # (doc_id, year): [first, last] or a set

    def _set(self, group: tuple) -> set:
        have = self.groups[group]
        if type(have) is list:
            have = self.groups[group] = set(range(have[0], have[1] + 1))
        return have

    def __contains__(self, key: tuple) -> bool:
        have = self.groups.get(key[:2])
        if have is None:
            return False
        if type(have) is list and type(key[2]) is int:
            return have[0] <= key[2] <= have[1]
        return key[2] in self._set(key[:2])

    def add(self, key: tuple) -> bool:
        """Note ``key``; ``False`` if it was met before (and nothing changes)."""
        group, p = key[:2], key[2]
        have = self.groups.get(group)
        if have is None:
            self.groups[group] = [p, p] if type(p) is int else {p}
            return True
        if type(have) is list and type(p) is int and p == have[1] + 1:
            have[1] = p
            return True
        if key in self:
            return False
        self._set(group).add(p)
        return True
