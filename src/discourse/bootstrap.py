"""Resampling written once: the cluster bootstrap of rows of text.

Sentences of one paragraph are not independent draws (adjacent sentences share their
frames; the context rule even copies codes between them), so intervals that treat
them as independent are too narrow. :class:`ClusterBootstrap` resamples whole
paragraphs instead, respecting how the corpus was made (Davison and Hinkley 1997,
sec. 3.8; Field and Welsh 2007):

* **Strata** (default ``year``) are never mixed: every replicate keeps each stratum.
* **Documents, else paragraphs**: when a stratum has several documents, the documents
  are drawn with replacement within the stratum, each bringing all its paragraphs
  unchanged (the first stage only: strategy 1 of Davison and Hinkley 1997, sec. 3.8).
  Resampling the paragraphs of each drawn document as well would count the variation
  between paragraphs of a document twice, once inside the variation between documents
  and once more on its own, so the intervals would be too wide (Davison and Hinkley
  1997, sec. 3.8; Field and Welsh 2007): with 6 documents of 20 independent
  sentences, a two-stage standard error of a share is about 40% above the true one.
  With a stratum of ``a`` documents the bootstrap variance of a mean is about
  ``(a - 1) / a`` times the usual estimate, so with two or three documents the interval
  is too narrow (with two, half the variance) and takes few distinct values (two
  documents with the same share give a point). With **one** document in a stratum
  there is nothing to draw at the first stage, and its paragraphs are resampled within
  it instead (the second stage alone), the only variation the data can show. The
  intervals of a stratum of few documents are floored by that within-document design
  (:mod:`discourse.few_documents`: two documents give only three distinct replicates).
* **Clusters** are ``(document, paragraph)`` pairs; every row (sentence) of a drawn
  paragraph comes along. Without a paragraph column each row is its own cluster.

The replicates are held as a counts matrix (replicate x cluster: how often each
cluster was drawn), generated stratum by stratum with multinomial draws (the documents
of a stratum of ``a`` documents are one multinomial of size ``a``, every paragraph of a
document taking the document's count; the paragraphs of a stratum's only document of
``P`` paragraphs one multinomial of size ``P``), in fixed blocks of
:data:`BLOCK` replicates so that memory stays bounded and the draws depend only on
the seed and ``n_boot``. Callers usually want weighted sums of row values per
replicate (:meth:`ClusterBootstrap.sums`); :meth:`ClusterBootstrap.row_weights`
gives the replicate x row weights themselves. Intervals are percentile intervals
(:func:`discourse.stats.percentile_interval`; :func:`percentile_columns` for a
matrix of replicates, ignoring undefined ones, :func:`n_defined` counting those kept).

**Runs of units**, where adjacent units share their content (the topic weights of
consecutive paragraphs), are resampled by the circular block bootstrap of
:mod:`discourse.blocks` (which uses the same :data:`BLOCK`).

References
----------
Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their Application*.
Cambridge University Press. (Sec. 3.8, multistage sampling.)
Field, C. A. and Welsh, A. H. (2007). Bootstrapping clustered data. *Journal of the
Royal Statistical Society B* 69(3), 369-390.
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
from typing import Iterator

import numpy as np
import pandas as pd

from discourse import stats
from discourse.checks import check_columns, check_positive_int

__all__ = ["BLOCK", "MEMO_BYTES", "DEFAULT_N_BOOT", "DEFAULT_SEED", "ClusterBootstrap",
           "cluster_bootstrap", "percentile_columns", "ratio", "n_defined", "defined_label",
           "no_narrower", "floored_percentile"]

#: Replicates generated at a time (fixed: the draws depend only on seed and n_boot).
BLOCK = 500
#: Largest counts matrix (bytes, in its smallest integer type) kept for reuse by
#: :meth:`ClusterBootstrap.blocks`, all kept matrices together (the oldest go first).
MEMO_BYTES = 64 * 2**20
_MEMO: collections.OrderedDict = collections.OrderedDict()
#: Default number of replicates of the framing shares and differences: their endpoints
#: move by about 0.2 percentage points (RMS; at most about 0.5) between seeds, below
#: the whole points the summary prints (benchmarks/bootstrap_stability.py).
DEFAULT_N_BOOT = 20000
#: Default seed of the framing bootstraps.
DEFAULT_SEED = 20240601


@dataclasses.dataclass(frozen=True)
class ClusterBootstrap:
    """A seeded cluster bootstrap of the rows of a table.

    Make one with :func:`cluster_bootstrap`. Attributes are read-only. Within each
    stratum, its documents are resampled when it has several, its paragraphs when it
    has one (see the module docstring: Davison and Hinkley 1997, sec. 3.8, strategy 1).

    Attributes
    ----------
    n_boot, seed : int
        Number of replicates and the seed of ``numpy.random.default_rng``.
    row_cluster : numpy.ndarray
        For each row of the table (in its order), the index of its cluster.
    clusters : pandas.DataFrame
        One row per cluster: ``stratum, document, paragraph, n_rows``.
    design : str
        What is resampled, in words (for the ``interval`` column of tables).
    """

    n_boot: int
    seed: int
    row_cluster: np.ndarray
    clusters: pd.DataFrame
    design: str

    @property
    def label(self) -> str:
        """``"cluster bootstrap (DESIGN; B=..., seed=...)"``: how an interval was made."""
        return f"cluster bootstrap percentile ({self.design}; B={self.n_boot}, seed={self.seed})"

    def blocks(self) -> Iterator[np.ndarray]:
        """Yield the counts matrix in blocks of :data:`BLOCK` replicates.

        Each block is a fresh int64 array (replicates x clusters): how many times each
        cluster is drawn in each replicate. The same seed gives the same blocks. A
        counts matrix of at most :data:`MEMO_BYTES` (in the smallest integer type that
        holds its counts) is kept once drawn, so that the several statistics computed
        from one resampling design (the agreement of several coders with one hand
        coding) do not draw it again: the draws depend only on the seed, ``n_boot``,
        :data:`BLOCK` and the clusters' plan, which key it, so what is yielded is the
        same either way. The kept matrices live as long as the process (a notebook's
        kernel: at most :data:`MEMO_BYTES`, briefly twice that while one is added).
        """
        plan = _plan(self.clusters)
        key = (self.seed, self.n_boot, BLOCK, _plan_key(plan))
        if key in _MEMO:
            _MEMO.move_to_end(key)
            for kept in _MEMO[key]:
                yield kept.astype(np.int64)
            return
        most = max(len(docs) if len(docs) > 1 else len(docs[0]) for docs in plan)
        dtype = np.min_scalar_type(most)
        keep = [] if self.n_boot * len(self.clusters) * dtype.itemsize <= MEMO_BYTES else None
        for counts in self._draw(plan):
            if keep is not None:
                keep.append(counts.astype(dtype))
                keep[-1].setflags(write=False)
            yield counts
        if keep is not None:
            _MEMO[key] = tuple(keep)
            while sum(b.nbytes for blocks in _MEMO.values() for b in blocks) > MEMO_BYTES:
                _MEMO.popitem(last=False)

    def _draw(self, plan) -> Iterator[np.ndarray]:
        rng = np.random.default_rng(self.seed)
        n_clusters = len(self.clusters)
        done = 0
        while done < self.n_boot:
            size = min(BLOCK, self.n_boot - done)
            counts = np.zeros((size, n_clusters), dtype=np.int64)
            for docs in plan:                       # one stratum: its documents
                if len(docs) > 1:                    # documents only (first stage)
                    copies = rng.multinomial(len(docs), np.full(len(docs), 1 / len(docs)),
                                             size=size)
                    for j, idx in enumerate(docs):   # idx: cluster indices of a document
                        counts[:, idx] = copies[:, [j]]
                    continue
                idx = docs[0]                        # one document: its paragraphs
                p = len(idx)
                if p == 1:
                    counts[:, idx[0]] = 1
                else:
                    counts[:, idx] = rng.multinomial(np.full(size, p), np.full(p, 1 / p))
            yield counts
            done += size

    def counts(self) -> np.ndarray:
        """The whole counts matrix (``n_boot`` x clusters)."""
        return np.vstack(list(self.blocks()))

    def row_weights(self) -> np.ndarray:
        """Replicate x row weights: how many times each row is in each replicate."""
        return self.counts()[:, self.row_cluster]

    def sums(self, values) -> np.ndarray:
        """Sum of ``values`` over the rows of each replicate.

        Parameters
        ----------
        values : array-like
            One value per row (1-d), or a rows x k matrix.

        Returns
        -------
        numpy.ndarray
            ``n_boot`` (1-d input) or ``n_boot x k``: row ``b`` is
            ``sum_i w[b, i] * values[i]`` with the weights of :meth:`row_weights`.
        """
        v = np.asarray(values, dtype=float)
        flat = v.ndim == 1
        v = v.reshape(len(v), -1)
        if len(v) != len(self.row_cluster):
            raise ValueError(f"values have {len(v)} rows; the table has "
                             f"{len(self.row_cluster)}")
        per_cluster = np.zeros((len(self.clusters), v.shape[1]))
        np.add.at(per_cluster, self.row_cluster, v)
        out = np.vstack([c @ per_cluster for c in self.blocks()])
        return out[:, 0] if flat else out


def _plan_key(plan) -> str:
    """A digest of a plan: the number of strata, of documents and of clusters, and the
    cluster indices, in order (what the draws depend on besides seed and ``n_boot``)."""
    parts = [np.array([len(plan)])]
    for docs in plan:
        parts.append(np.array([len(docs), *map(len, docs)]))
        parts.extend(docs)
    return hashlib.sha256(np.concatenate(parts).astype(np.int64).tobytes()).hexdigest()


def _plan(clusters: pd.DataFrame) -> list[list[np.ndarray]]:
    """Per stratum, per document: the cluster indices (in table order)."""
    plan = []
    for _, part in clusters.groupby("stratum", sort=True):
        plan.append([g.index.to_numpy() for _, g in part.groupby("document", sort=True)])
    return plan


def cluster_bootstrap(rows: pd.DataFrame, *, n_boot: int = DEFAULT_N_BOOT,
                      seed: int = DEFAULT_SEED, stratum: str | None = "year",
                      document: str | None = "doc_id",
                      paragraph: str | None = "paragraph") -> ClusterBootstrap:
    """Set up a cluster bootstrap of the rows of ``rows`` (see the module docstring).

    In each stratum with several documents the documents are resampled (each with all
    its paragraphs: strategy 1 of Davison and Hinkley 1997, sec. 3.8, which avoids the
    over-wide intervals of resampling paragraphs within the drawn documents as well;
    Field and Welsh 2007); in a stratum with one document its paragraphs are.
    The ``design`` (and ``label``) of the result says which.

    Parameters
    ----------
    rows : pandas.DataFrame
        One row per unit (e.g. a sentence), with the columns named below.
    n_boot : int
        Number of replicates.
    seed : int
        Seed of ``numpy.random.default_rng``.
    stratum : str or None
        Column whose values are kept apart (default ``"year"``); ``None``: one stratum.
    document : str or None
        Column of the document (default ``"doc_id"``); ``None``: one document per
        stratum.
    paragraph : str or None
        Column of the paragraph within the document (default ``"paragraph"``);
        ``None``: every row is its own cluster (independent rows).

    Returns
    -------
    ClusterBootstrap

    References
    ----------
    Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their
    Application*, sec. 3.8. Cambridge University Press.
    Field, C. A. and Welsh, A. H. (2007). Bootstrapping clustered data. *Journal of
    the Royal Statistical Society B* 69(3), 369-390.

    Raises
    ------
    ValueError
        If a named column is missing, the table is empty, or ``n_boot`` is not a
        positive integer.

    Examples
    --------
    >>> t = pd.DataFrame({"year": 2020, "doc_id": "a", "paragraph": [1, 1, 2],
    ...                   "x": [1, 1, 0]})
    >>> boot = cluster_bootstrap(t, n_boot=4, seed=1)
    >>> boot.clusters["n_rows"].tolist(), boot.row_cluster.tolist()
    ([2, 1], [0, 0, 1])
    >>> boot.sums(np.ones(3)).tolist()          # 2 draws of paragraphs of 2 or 1 rows
    [3.0, 4.0, 2.0, 4.0]
    """
    check_positive_int("n_boot", n_boot)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed={seed!r} must be a non-negative integer")
    named = [c for c in (stratum, document, paragraph) if c is not None]
    check_columns(rows, named, "table to resample")
    if len(rows) == 0:
        raise ValueError("cannot bootstrap an empty table")
    keys = pd.DataFrame({
        "stratum": rows[stratum].to_numpy() if stratum else 0,
        "document": rows[document].astype(str).to_numpy() if document else "",
        "paragraph": rows[paragraph].astype(str).to_numpy() if paragraph
        else np.arange(len(rows)).astype(str)}, index=range(len(rows)))
    grouped = keys.groupby(["stratum", "document", "paragraph"], sort=True)
    codes = grouped.ngroup().to_numpy()
    clusters = grouped.size().rename("n_rows").reset_index()
    several = clusters.groupby("stratum")["document"].nunique().gt(1)
    unit = "paragraphs" if paragraph else "sentences"
    within = f" within {stratum}" if stratum else ""
    one = f" where a {stratum} has one" if stratum else ""
    design = (f"documents resampled{within}" if several.all()
              else f"documents resampled{within}, {unit} within the document{one}"
              if several.any()
              else f"{unit} resampled within documents" if document
              else f"{unit} resampled{within}")
    return ClusterBootstrap(int(n_boot), int(seed), codes.astype(np.int64), clusters, design)


def percentile_columns(draws, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of each column of a replicates matrix, ignoring NaN.

    Parameters
    ----------
    draws : array-like
        ``n_boot`` x k replicates (NaN where a replicate leaves the statistic
        undefined, e.g. a ratio with a zero denominator).
    level : float
        Coverage.

    Returns
    -------
    tuple of numpy.ndarray
        ``(low, high)``, each of length k, from :func:`discourse.stats.
        percentile_interval` on the defined replicates of each column (NaN where
        none is defined).

    Examples
    --------
    >>> low, high = percentile_columns([[0.0, np.nan], [1.0, 2.0], [2.0, np.nan]], 0.5)
    >>> low.tolist(), high.tolist()
    ([0.5, 2.0], [1.5, 2.0])
    """
    d = np.asarray(draws, dtype=float)
    d = d.reshape(len(d), -1)
    low = np.full(d.shape[1], np.nan)
    high = np.full(d.shape[1], np.nan)
    for j in range(d.shape[1]):
        col = d[:, j][~np.isnan(d[:, j])]
        if len(col):
            low[j], high[j] = stats.percentile_interval(col, level)
    return low, high


def ratio(k, n) -> np.ndarray:
    """``k / n`` elementwise, NaN where ``n`` is 0 (a replicate without the denominator).

    >>> ratio(np.array([1.0, 0.0]), np.array([2.0, 0.0])).tolist()
    [0.5, nan]
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(n > 0, k / np.where(n > 0, n, 1), np.nan)


def n_defined(draws) -> np.ndarray:
    """Replicates that define each column of a replicates matrix (not NaN).

    :func:`percentile_columns` leaves the others out, so an interval made from fewer
    than ``n_boot`` replicates should say so (:func:`defined_label`).

    Examples
    --------
    >>> n_defined([[0.0, np.nan], [1.0, 2.0], [2.0, np.nan]]).tolist()
    [3, 1]
    """
    d = np.asarray(draws, dtype=float)
    return (~np.isnan(d.reshape(len(d), -1))).sum(axis=0)


def defined_label(label: str, n: int, n_boot: int, what: str = "the statistic") -> str:
    """``label``, plus how many replicates defined the interval when some did not.

    Examples
    --------
    >>> defined_label("bootstrap", 20, 20)
    'bootstrap'
    >>> defined_label("bootstrap", 18, 20, "the share")
    'bootstrap; 18 of the 20 replicates define the share (the others left out)'
    """
    if n >= n_boot:
        return label
    return f"{label}; {int(n)} of the {n_boot} replicates define {what} (the others left out)"


def no_narrower(low: float, high: float, floor: tuple[float, float], label: str,
                name: str, why: str = "") -> tuple[float, float, str]:
    """A percentile interval widened to ``floor`` where it is narrower, and its label.

    Where resampling has little to vary (a group in one paragraph, a coder without
    errors) the percentile interval shrinks to a point, and with a few dozen paragraphs
    it is narrow; the score interval ``floor`` (Wilson's at the effective sample size,
    or Newcombe's from those: :mod:`discourse.clustered_ci`) bounds it from inside, as
    a stratum's within-document interval does (:mod:`discourse.few_documents`).

    Returns
    -------
    (low, high, label)
        The envelope of the two intervals, and ``label`` with ", widened to {name}
        where narrower{why}" appended when ``floor`` reaches beyond it.

    Examples
    --------
    >>> no_narrower(0.5, 0.5, (0.2, 0.8), "bootstrap", "Wilson's")
    (0.2, 0.8, "bootstrap, widened to Wilson's where narrower")
    >>> no_narrower(0.1, 0.9, (0.2, 0.8), "bootstrap", "Wilson's")
    (0.1, 0.9, 'bootstrap')
    """
    flo, fhi = floor
    if flo >= low and fhi <= high:
        return low, high, label
    return min(low, flo), max(high, fhi), f"{label}, widened to {name} where narrower{why}"


def floored_percentile(draws, value: float, floor: tuple[float, float], label: str = "",
                       name: str = "", level: float = 0.95) -> tuple[float, float, str]:
    """The percentile interval of the defined replicates ``draws`` (NaN left out; the
    point ``value`` if none is defined) widened to contain the estimate ``value``, then
    to ``floor`` where narrower (:func:`no_narrower`, which gives the label).

    Examples
    --------
    >>> floored_percentile([0.4, np.nan, 0.6], 0.7, (0.3, 0.65), "bootstrap", "Wilson's", 0.5)
    (0.3, 0.7, "bootstrap, widened to Wilson's where narrower")
    """
    d = np.asarray(draws, dtype=float).ravel()
    d = d[~np.isnan(d)]
    lo, hi = ((float(x[0]) for x in percentile_columns(d[:, None], level)) if len(d)
              else (value, value))
    return no_narrower(min(lo, value), max(hi, value), floor, label, name)
