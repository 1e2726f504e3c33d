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

__all__ = ["ROW_COLUMNS", "Tally", "YearTally"]

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


class YearTally:
    """The counts of a :class:`Tally` of level ``"year"``, of term ids: paragraphs come a
    block at a time as :func:`discourse.terms.paragraph_ids` gives them, and each
    year's counts and presence are rows of numpy arrays (the years times the ids met).

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

    def __init__(self):
        self.rows: dict = {}                      # year: its row, in order of first terms
        self.counts = np.zeros((0, 0), dtype=np.int64)
        self.presence = np.zeros((0, 0), dtype=np.int64)
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
        self._grow(len(rows), int(ids.max()) + 1)
        row = np.fromiter((rows.get(y, -1) for y in years), np.int64, len(years))
        np.add.at(self.counts, (np.repeat(row, sizes), ids), 1)
        width = self.counts.shape[1]
        pairs = np.sort(np.repeat(np.arange(len(years)), sizes) * width + ids)
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]   # each once
        np.add.at(self.presence, (row[pairs // width], pairs % width), 1)
        np.add.at(self.paragraphs, row[sizes > 0], 1)

    def _grow(self, n_rows: int, n_ids: int) -> None:
        """Room for ``n_rows`` years and ids below ``n_ids`` (twice the ids needed, as
        new ones keep coming; the years as they come)."""
        have_rows, have_ids = self.counts.shape
        if n_rows <= have_rows and n_ids <= have_ids:
            return
        shape = (max(n_rows, have_rows), have_ids if n_ids <= have_ids
                 else max(n_ids, 2 * have_ids))
        for name in ("counts", "presence"):
            old, new = getattr(self, name), np.zeros(shape, dtype=np.int64)
            new[:have_rows, :have_ids] = old
            setattr(self, name, new)
        paragraphs = np.zeros(shape[0], dtype=np.int64)
        paragraphs[:have_rows] = self.paragraphs
        self.paragraphs = paragraphs

    def assemble(self, names: list) -> tuple:
        """:meth:`Tally.assemble` of these counts, ``names`` the term of each id."""
        from scipy import sparse

        years = sorted(self.rows)
        order = [self.rows[y] for y in years]
        counts = self.counts[order]
        used = np.flatnonzero(counts.any(axis=0)) if counts.size else np.zeros(0, np.int64)
        found = list(map(names.__getitem__, used.tolist()))
        by_name = sorted(range(len(found)), key=found.__getitem__)
        terms = np.array([found[i] for i in by_name], dtype=object)
        cols = used[by_name]
        matrix = sparse.csr_matrix(counts[:, cols], shape=(len(years), len(cols)))
        presence = sparse.csr_matrix(self.presence[order][:, cols],
                                     shape=(len(years), len(cols)))
        rows = pd.DataFrame([(y,) for y in years], columns=ROW_COLUMNS["year"])
        rows["year"] = rows["year"].astype(int)
        return rows, terms, matrix, presence, self.paragraphs[order]
