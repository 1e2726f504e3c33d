"""The running counts of :func:`discourse.counts.count_terms`: paragraphs in, sparse pieces out.

:class:`Tally` takes the terms of one paragraph at a time (:meth:`Tally.add`) and keeps
what the level needs: at paragraph level the pieces of a CSR matrix (one row per
paragraph with at least one term), at the level of a document or a year a ``Counter``
of terms per group, one of the paragraphs containing each term, and the number of
paragraphs. :meth:`Tally.assemble` turns them into the rows, the sorted vocabulary and
the matrices of a :class:`discourse.counts.TermCounts`. Both
:func:`discourse.counts.count_terms` (sentence rows) and
:func:`discourse.counts.count_paragraphs` (paragraphs with their sentences) count
through it, so the two give the same counts of the same text.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain, groupby

import numpy as np
import pandas as pd

__all__ = ["ROW_COLUMNS", "Tally"]

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
