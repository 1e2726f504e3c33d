"""The circular block bootstrap of runs of units within documents.

Where units are ordered and adjacent ones share their content (the topic weights of
consecutive paragraphs correlate at lag 1 by 0.6-0.7 for four of the five topics in one
text of the project corpus, 0.04-0.45 in the other: :mod:`discourse.topics.prevalence`),
runs of consecutive units are resampled: the circular block bootstrap (Politis and Romano
1992; Lahiri 2003). Within each document of ``n`` units, ``ceil(n / L)`` blocks of
``L`` consecutive units are drawn with replacement from the ``n`` possible starts, a
block running past the last unit continuing from the first (the units wrapped on a
circle), laid end to end and cut to ``n`` units, so every replicate keeps each
document's number of units and the dependence within a block; documents are resampled
independently and never mixed.

Every unit is drawn once per replicate in expectation, so the bootstrap mean of a mean
of units is the estimate itself. The moving block bootstrap (Künsch 1989), whose blocks
stop at the ends, draws the first and last ``L - 1`` units less often (the first unit
``ceil(n / L) / (n - L + 1)`` times instead of once: 0.36 for 27 units in blocks of 3),
which pulls the interval away from a topic placed at the start or end of a text.

The block length defaults to ``round(n ** (1/3))`` per document (:func:`block_length`),
the order that minimises the error of the bootstrap variance (Hall, Horowitz and Jing
1995); ``L = 1`` is the ordinary bootstrap of units. Replicates come as counts
(replicate x unit), :data:`BLOCK` replicates at a time.

The cluster bootstrap of :mod:`discourse.bootstrap` draws the paragraphs of a lone
document (a year with one text; every document in the within-document design of
:mod:`discourse.few_documents`) the same way (:func:`draw_within`), in their order in
the text (:func:`text_order`): the paragraph frame shares of the study's two texts have
a lag-1 autocorrelation of 0.40-0.67, and with independent paragraphs the standard error
of a year's frame share came out 1.25-1.44 times too small against the circular block
bootstrap's.

References
----------
Hall, P., Horowitz, J. L. and Jing, B.-Y. (1995). On blocking rules for the bootstrap
with dependent data. *Biometrika* 82(3), 561-574.
Künsch, H. R. (1989). The jackknife and the bootstrap for general stationary
observations. *Annals of Statistics* 17(3), 1217-1241.
Lahiri, S. N. (2003). *Resampling Methods for Dependent Data*. Springer.
Politis, D. N. and Romano, J. P. (1992). A circular block-resampling procedure for
stationary data. In R. LePage and L. Billard (eds.), *Exploring the Limits of
Bootstrap*, 263-270. Wiley.
"""

from __future__ import annotations

import math
from typing import Iterator, Sequence

import numpy as np

import pandas as pd

from discourse.checks import check_positive_int

__all__ = ["BLOCK", "block_length", "block_counts", "block_bootstrap", "draw_within",
           "text_order", "consecutive", "order_and_runs", "lag1_correlation"]

#: Replicates generated at a time (fixed: the draws depend only on seed and n_boot);
#: :mod:`discourse.bootstrap` re-exports it.
BLOCK = 500


def block_length(n: int) -> int:
    """The default block length for a run of ``n`` units: ``round(n ** (1/3))``, >= 1.

    Examples
    --------
    >>> [block_length(n) for n in (1, 8, 36, 64, 1000)]
    [1, 2, 3, 4, 10]
    """
    return max(1, int(round(n ** (1 / 3))))


def block_counts(starts, n: int, block: int) -> np.ndarray:
    """Counts of the units of a circular block bootstrap replicate, from its block starts.

    Parameters
    ----------
    starts : array-like of int
        Replicates x blocks: the first unit (0 to ``n - 1``) of each block.
    n : int
        Units in the document.
    block : int
        Block length ``L`` (at most ``n``).

    Returns
    -------
    numpy.ndarray
        Replicates x ``n``: how many times each unit is drawn when the blocks
        ``start, start + 1, ..., start + L - 1`` (modulo ``n``: a block running past
        the last unit goes on from the first; Politis and Romano 1992) are laid end to
        end and cut to ``n`` units.

    Examples
    --------
    >>> block_counts([[3, 0], [1, 1]], n=4, block=2).tolist()
    [[2, 1, 0, 1], [0, 2, 2, 0]]
    """
    starts = np.asarray(starts, dtype=np.int64)
    starts = starts.reshape(len(starts), -1)
    b = len(starts)
    idx = ((starts[:, :, None] + np.arange(block)) % n).reshape(b, -1)[:, :n]
    flat = (idx + n * np.arange(b)[:, None]).ravel()
    return np.bincount(flat, minlength=b * n).reshape(b, n)


def block_bootstrap(lengths: Sequence[int], *, n_boot: int, seed: int,
                    block: int | None = None) -> Iterator[np.ndarray]:
    """Yield circular block bootstrap counts for consecutive documents of given lengths.

    Within each document of ``n`` units, ``ceil(n / L)`` block starts are drawn
    uniformly from the ``n`` units and the blocks wrap around the end of the document
    (:func:`block_counts`; Politis and Romano 1992), so that every unit is drawn once
    per replicate in expectation and the bootstrap mean of a mean of units is the
    estimate (the moving block bootstrap of Künsch 1989 under-draws the ends).

    Parameters
    ----------
    lengths : sequence of int
        Units of each document, in the order of the columns (document 1's units
        first, in reading order).
    n_boot : int
        Replicates in all.
    seed : int
        Seed of ``numpy.random.default_rng``.
    block : int, optional
        Block length for every document (capped at its length); default
        :func:`block_length` of each document's length.

    Yields
    ------
    numpy.ndarray
        Chunks of at most :data:`BLOCK` rows (replicates) x ``sum(lengths)`` columns:
        how many times each unit is drawn. Each row sums to ``lengths[d]`` over the
        columns of document ``d``.

    References
    ----------
    Künsch, H. R. (1989). The jackknife and the bootstrap for general stationary
    observations. *Annals of Statistics* 17(3), 1217-1241.
    Politis, D. N. and Romano, J. P. (1992). A circular block-resampling procedure
    for stationary data. In *Exploring the Limits of Bootstrap*, 263-270. Wiley.

    Examples
    --------
    >>> counts = np.vstack(list(block_bootstrap([4, 2], n_boot=3, seed=1, block=2)))
    >>> counts.shape, counts[:, :4].sum(axis=1).tolist(), counts[:, 4:].sum(axis=1).tolist()
    ((3, 6), [4, 4, 4], [2, 2, 2])
    """
    check_positive_int("n_boot", n_boot)
    lengths = [int(n) for n in lengths]
    if any(n < 1 for n in lengths):
        raise ValueError(f"lengths={lengths!r}: every document needs at least one unit")
    if block is not None:
        check_positive_int("block", block)
    rng = np.random.default_rng(seed)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    total = int(offsets[-1])
    done = 0
    while done < n_boot:
        b = min(BLOCK, n_boot - done)
        counts = np.zeros((b, total), dtype=np.int64)
        for d, n in enumerate(lengths):
            L = min(n, block if block is not None else block_length(n))
            counts[:, offsets[d]:offsets[d + 1]] = _circular(rng, b, n, L)
        yield counts
        done += b


def draw_within(rng: np.random.Generator, size: int, n: int,
                block: int | None = None) -> np.ndarray:
    """Counts of ``size`` replicates of one document's ``n`` units (in text order).

    Circular blocks of ``L = min(n, block)`` consecutive units (default
    :func:`block_length`, Hall, Horowitz and Jing 1995): ``ceil(n / L)`` starts drawn
    uniformly from the ``n`` units with ``rng.integers`` (:func:`block_counts`; Politis
    and Romano 1992). With ``L = 1`` the units are independent: one multinomial draw of
    size ``n`` per replicate (``rng.multinomial``, the ordinary bootstrap of units); a
    document of one unit keeps it and draws nothing from ``rng``.

    Parameters
    ----------
    rng : numpy.random.Generator
        The stream to draw from.
    size : int
        Replicates.
    n : int
        Units of the document.
    block : int, optional
        Block length (default :func:`block_length` of ``n``); ``1``: independent units.

    Returns
    -------
    numpy.ndarray
        ``size`` x ``n`` int64 counts, each row summing to ``n``.

    References
    ----------
    Hall, P., Horowitz, J. L. and Jing, B.-Y. (1995). On blocking rules for the
    bootstrap with dependent data. *Biometrika* 82(3), 561-574.
    Politis, D. N. and Romano, J. P. (1992). A circular block-resampling procedure
    for stationary data. In *Exploring the Limits of Bootstrap*, 263-270. Wiley.

    Examples
    --------
    >>> c = draw_within(np.random.default_rng(0), 3, 5, block=2)
    >>> c.shape, c.sum(axis=1).tolist()
    ((3, 5), [5, 5, 5])
    """
    if n == 1:
        return np.ones((size, 1), dtype=np.int64)
    L = min(n, block if block is not None else block_length(n))
    if L == 1:
        return rng.multinomial(np.full(size, n), np.full(n, 1 / n)).astype(np.int64)
    return _circular(rng, size, n, L)


def _circular(rng, size, n, L):
    """``size`` replicates of ``n`` units in circular blocks of ``L`` (``L`` > 1 in
    :func:`draw_within`): ``ceil(n / L)`` starts drawn uniformly (Politis and Romano
    1992)."""
    return block_counts(rng.integers(0, n, size=(size, math.ceil(n / L))), n, L)


def text_order(documents, units) -> np.ndarray:
    """The position of each row's unit (paragraph) in its document's text.

    Decided document by document: where every unit label of a document is a number or
    ends in one (integers, strings such as ``"10"`` or ``"doc.p010"``), the position is
    that number, so paragraph 2 comes before paragraph 10 (a sort of the labels as
    strings would put ``"10"`` first); otherwise it is the order in which the
    document's units first appear in the rows, which must then be in text order
    (:func:`consecutive` then says no run).

    Raises
    ------
    ValueError
        If a unit label is missing (None or NaN): its place in the text is unknown.

    Examples
    --------
    >>> text_order(["a"] * 3, ["10", "2", "2"]).tolist()
    [10.0, 2.0, 2.0]
    >>> text_order(["a"] * 4 + ["b"], ["p10", "p2", "p10", "p3", "7"]).tolist()
    [10.0, 2.0, 10.0, 3.0, 7.0]
    >>> text_order(["a"] * 3, ["intro", "body", "intro"]).tolist()
    [0.0, 1.0, 0.0]
    """
    return _text_order(*_labels(documents, units))


def _text_order(docs, number, labels):
    out = number.to_numpy(dtype=float).copy()
    for idx in _not_numbered(docs, number):
        out[idx] = pd.factorize(labels.iloc[idx])[0]
    return out


def order_and_runs(documents, units) -> tuple[np.ndarray, dict]:
    """``(text_order(documents, units), consecutive(documents, units))``, the labels
    parsed once (:func:`discourse.bootstrap.cluster_bootstrap` needs both).

    Examples
    --------
    >>> order, runs = order_and_runs(["a"] * 3, ["p2", "p1", "p3"])
    >>> order.tolist(), runs
    ([2.0, 1.0, 3.0], {'a': True})
    """
    parsed = _labels(documents, units)
    return _text_order(*parsed), _consecutive(*parsed[:2])


def consecutive(documents, units) -> dict:
    """``{document: bool}``: whether a document's units are consecutive text, as blocks
    need: every label a whole number, and neighbouring labels mostly adjacent (the
    median step between the sorted distinct labels is 1, so a unit missing here and
    there, a paragraph without a counted word, keeps the run). A sample of a text's
    paragraphs (most steps larger than 1), or labels that are not numbers, are not.

    Examples
    --------
    >>> consecutive(["a"] * 4 + ["b"] * 3 + ["c", "d", "d"],
    ...             [1, 2, 3, 5, 1, 4, 9, "x", "d.p1", "d/2"])
    {'a': True, 'b': False, 'c': False, 'd': True}
    """
    return _consecutive(*_labels(documents, units)[:2])


def _consecutive(docs, number):
    out = {}
    values = number.to_numpy(dtype=float)
    for doc, rows in sorted(docs.groupby(docs, sort=False).indices.items()):
        v = values[rows]                     # a document's labels, as numbers (NaN: not)
        if not (v == np.round(v)).all():     # (NaN is never equal)
            out[doc] = False
            continue
        steps = np.diff(np.unique(v))
        out[doc] = bool(len(steps) == 0 or np.median(steps) == 1)
    return out


def lag1_correlation(y, documents, units) -> dict:
    """``{document: r}``: the lag-1 correlation of a document's unit means in text order.

    The mean of ``y`` in each unit (paragraph) of a document, its units in their order in
    the text (:func:`text_order`), and Pearson's correlation of each unit's mean with the
    next one's, over the document's consecutive pairs (the sample lag-1 correlation of a
    short series, as ``benchmarks/share_coverage.py`` measures its simulated texts; it is
    biased towards 0 in short series, by about ``-(1 + 3 r) / n`` for an AR(1) series of
    ``n`` units: Kendall 1954). NaN for a document of fewer than three units or whose
    unit means do not vary. A correlation near 0 means neighbouring paragraphs are as
    unlike as any two; the frame shares of the study's paragraphs correlate at about
    0.4-0.7, which is why their intervals resample blocks of paragraphs.

    Parameters
    ----------
    y : array-like
        A value per row (sentence), e.g. 0/1 for a frame.
    documents, units : array-like
        The document and the unit (paragraph label) of each row.

    Returns
    -------
    dict
        ``{document: float}``, documents as str, sorted.

    References
    ----------
    Kendall, M. G. (1954). Note on bias in the estimation of autocorrelation.
    *Biometrika* 41(3/4), 403-404.

    Examples
    --------
    >>> r = lag1_correlation([1, 1, 0, 0, 1, 0, 1, 1, 0, 0],
    ...                      ["a"] * 10, [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    >>> round(r["a"], 4)                     # unit means 1, 0, 0.5, 1, 0
    -0.6364
    """
    values = pd.Series(np.asarray(y, dtype=float))
    docs, number, labels = _labels(documents, units)
    if len(values) != len(docs):
        raise ValueError(f"y has {len(values)} values for {len(docs)} rows")
    order = _text_order(docs, number, labels)
    means = values.groupby([docs.to_numpy(), order], sort=True).mean()
    out = {}
    for doc in sorted(set(docs)):
        m = means.loc[doc].to_numpy()
        ok = len(m) >= 3 and np.ptp(m[:-1]) > 0 and np.ptp(m[1:]) > 0
        out[doc] = float(np.corrcoef(m[:-1], m[1:])[0, 1]) if ok else float("nan")
    return out


def _labels(documents, units) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Documents as str, the unit labels as numbers (NaN where not a number), and the
    labels as given; a label that ends in digits (``"p012"``, ``"doc-3.p012"``,
    ``"doc/12"``: a paragraph numbered within its document and made unique by a prefix,
    as the hand-coded sets' tables do) is the number they make (12)."""
    labels = pd.Series(np.asarray(units, dtype=object))
    if labels.isna().any():
        raise ValueError(f"{int(labels.isna().sum())} row(s) have no paragraph label: "
                         "their place in the text is unknown")
    docs = pd.Series(np.asarray(documents).astype(str), dtype=object)
    number = pd.to_numeric(labels, errors="coerce")
    tail = labels.astype(str).str.extract(r"(\d+)$", expand=False)
    return docs, number.fillna(pd.to_numeric(tail, errors="coerce")), labels


def _not_numbered(docs: pd.Series, number: pd.Series):
    """Row positions of each document with a unit label that is not a number."""
    missing = number.isna().to_numpy()
    for _, idx in docs.groupby(docs, sort=False).indices.items():
        if missing[idx].any():
            yield idx
