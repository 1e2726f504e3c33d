"""Resampling written once: the moving block bootstrap of runs of units within documents.

Adjacent paragraphs of a speech are not independent draws: their topic weights
correlate at about 0.6-0.7 on the project corpus, so an interval that resamples single
paragraphs is too narrow. :func:`block_bootstrap` resamples *runs* of consecutive
units instead (the moving block bootstrap of Künsch 1989; Lahiri 2003): within each
document, ``ceil(n / L)`` blocks of ``L`` consecutive units are drawn with replacement
from the ``n - L + 1`` possible starts, laid end to end and cut to ``n`` units, so
every replicate keeps each document's number of units and the dependence within a
block. Documents are resampled independently (never mixed); the documents themselves
are not resampled (with one text per year there is nothing to resample).

The block length defaults to ``round(n ** (1/3))`` per document (at least 1), the
order that minimises the error of the bootstrap variance (Hall, Horowitz and Jing
1995); ``L = 1`` is the ordinary bootstrap of units. Replicates come as counts
(replicate x unit: how many times each unit is drawn), in chunks of :data:`CHUNK`
replicates so that memory stays bounded; the draws depend only on the seed, the
lengths and ``n_boot``. Intervals from the replicates are percentile intervals
(:func:`discourse.stats.percentile_interval`).

References
----------
Künsch, H. R. (1989). The jackknife and the bootstrap for general stationary
observations. *Annals of Statistics* 17(3), 1217-1241.
Lahiri, S. N. (2003). *Resampling Methods for Dependent Data*. Springer.
Hall, P., Horowitz, J. L. and Jing, B.-Y. (1995). On blocking rules for the bootstrap
with dependent data. *Biometrika* 82(3), 561-574.
"""

from __future__ import annotations

import math
from typing import Iterator, Sequence

import numpy as np

from discourse.checks import check_positive_int

__all__ = ["CHUNK", "block_length", "block_bootstrap"]

#: Replicates generated at a time by :func:`block_bootstrap`.
CHUNK = 250


def block_length(n: int) -> int:
    """The default block length for a run of ``n`` units: ``round(n ** (1/3))``, >= 1.

    Examples
    --------
    >>> [block_length(n) for n in (1, 8, 36, 64, 1000)]
    [1, 2, 3, 4, 10]
    """
    return max(1, int(round(n ** (1 / 3))))


def block_bootstrap(lengths: Sequence[int], *, n_boot: int, seed: int,
                    block: int | None = None) -> Iterator[np.ndarray]:
    """Yield moving-block bootstrap counts for consecutive documents of given lengths.

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
        Chunks of at most :data:`CHUNK` rows (replicates) x ``sum(lengths)`` columns:
        how many times each unit is drawn. Each row sums to ``lengths[d]`` over the
        columns of document ``d``.

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
        b = min(CHUNK, n_boot - done)
        counts = np.zeros((b, total), dtype=np.int64)
        for d, n in enumerate(lengths):
            L = min(n, block if block is not None else block_length(n))
            n_blocks = math.ceil(n / L)
            starts = rng.integers(0, n - L + 1, size=(b, n_blocks))
            idx = (starts[:, :, None] + np.arange(L)).reshape(b, -1)[:, :n]
            flat = (idx + n * np.arange(b)[:, None]).ravel()
            counts[:, offsets[d]:offsets[d + 1]] = np.bincount(
                flat, minlength=b * n).reshape(b, n)
        yield counts
        done += b
