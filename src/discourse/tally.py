"""Term counts per group accumulated in compact arrays (:func:`discourse.counts.count_terms`).

Counting a large corpus per year or per document with one ``Counter`` of term strings
per group holds a dictionary entry per (group, term) pair, and keeps every counted
string alive, scattered over the heap. :class:`Tally` gives each term an integer id
once (the ``vocab`` dictionary shared with the caller) and appends the ids of each
paragraph's terms, and of its distinct terms, to two arrays of 32-bit integers with
the group's number beside them; every :data:`FOLD` ids the arrays are folded into
sorted ``(group, id)`` keys with their counts (numpy). Memory grows with the number
of distinct (group, term) pairs, at 16 bytes a pair, not with the number of words.
The counts are those of the ``Counter`` s, exactly (integers throughout).
"""

from __future__ import annotations

from array import array

import numpy as np

__all__ = ["FOLD", "Tally"]

#: Ids buffered before they are folded into the sorted counts.
FOLD = 1 << 20


class _Counts:
    """Sorted ``(group << 32 | id)`` keys with their counts, and ids still to fold."""

    __slots__ = ("keys", "counts", "groups", "ids")

    def __init__(self):
        self.keys = np.zeros(0, dtype=np.int64)
        self.counts = np.zeros(0, dtype=np.int64)
        self.groups, self.ids = array("i"), array("i")

    def add(self, group: int, ids) -> None:
        self.ids.extend(ids)
        self.groups.extend([group] * (len(self.ids) - len(self.groups)))
        if len(self.ids) >= FOLD:
            self.fold()

    def fold(self) -> None:
        if not self.ids:
            return
        new = (np.frombuffer(self.groups, dtype=np.int32).astype(np.int64) << 32) \
            | np.frombuffer(self.ids, dtype=np.int32).astype(np.int64)
        self.groups, self.ids = array("i"), array("i")
        keys, counts = np.unique(new, return_counts=True)
        if len(self.keys):
            keys = np.concatenate([self.keys, keys])
            counts = np.concatenate([self.counts, counts])
            keys, inverse = np.unique(keys, return_inverse=True)
            summed = np.zeros(len(keys), dtype=np.int64)
            np.add.at(summed, inverse, counts)
            counts = summed
        self.keys, self.counts = keys, counts.astype(np.int64)

    def triples(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(group, id, count) of every pair counted."""
        self.fold()
        return self.keys >> 32, self.keys & 0xFFFFFFFF, self.counts


class Tally:
    """Term counts and paragraph presence per group (see the module docstring).

    Parameters
    ----------
    vocab : dict
        ``{term: id}``, extended with each new term (ids 0, 1, 2, ... in order).

    Examples
    --------
    >>> t = Tally({})
    >>> t.add("2021", ["trade", "grow", "trade"]); t.add("2022", ["trade"])
    >>> t.add("2021", ["member state"])
    >>> sorted(t.vocab.items(), key=lambda kv: kv[1]), t.paragraphs
    ([('trade', 0), ('grow', 1), ('member state', 2)], [2, 1])
    >>> [a.tolist() for a in t.counts.triples()]
    [[0, 0, 0, 1], [0, 1, 2, 0], [2, 1, 1, 1]]
    """

    def __init__(self, vocab: dict):
        self.vocab = vocab
        self.groups: dict = {}                 # group -> its number, in order seen
        self.paragraphs: list[int] = []        # paragraphs counted per group number
        self.counts, self.presence = _Counts(), _Counts()

    def add(self, group, terms: list[str]) -> None:
        """Count one paragraph's ``terms`` (not empty) for ``group``."""
        g = self.groups.get(group)
        if g is None:
            g = self.groups[group] = len(self.groups)
            self.paragraphs.append(0)
        vocab = self.vocab
        ids = list(map(vocab.get, terms))
        if None in ids:
            ids = [vocab.setdefault(t, len(vocab)) if i is None else i
                   for t, i in zip(terms, ids)]
        self.counts.add(g, ids)
        self.presence.add(g, set(ids))
        self.paragraphs[g] += 1

    def matrix(self, which: str, order: list, old_to_new: np.ndarray, n_terms: int):
        """The ``which`` (``"counts"`` or ``"presence"``) matrix, one row per group of
        ``order``, columns ``old_to_new[id]`` (CSR, int64, sorted indices)."""
        from scipy import sparse

        g, ids, v = getattr(self, which).triples()
        row_of = np.empty(max(len(self.groups), 1), dtype=np.int64)
        for i, group in enumerate(order):
            row_of[self.groups[group]] = i
        m = sparse.csr_matrix((v, (row_of[g], old_to_new[ids])), shape=(len(order), n_terms))
        m.sort_indices()
        return m
