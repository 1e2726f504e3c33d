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
  documents with the same share give a point). The intervals of a stratum of few
  documents are floored by the within-document design (:mod:`discourse.few_documents`).
* **One document: blocks of consecutive paragraphs.** With one document in a stratum
  there is nothing to draw at the first stage, and its paragraphs are resampled within
  it (the second stage alone), the only variation the data can show. Adjacent
  paragraphs share their content (lag-1 autocorrelation of paragraph frame shares
  0.40-0.67 in the study's two texts), so they are drawn in runs: the circular block
  bootstrap (Politis and Romano 1992) of :func:`discourse.blocks.draw_within`, with
  ``ceil(P / L)`` blocks of ``L`` consecutive paragraphs (default ``round(P ** (1/3))``,
  Hall, Horowitz and Jing 1995) cut to ``P``. Independent paragraphs (``block=1``, one
  multinomial of size ``P``) gave a year's frame share a standard error 1.25-1.44
  times too small. Paragraphs are put in text order (:func:`discourse.blocks.
  text_order`: by number where every paragraph label is a number, else by first
  appearance in the table).
* **Clusters** are ``(document, paragraph)`` pairs; every row (sentence) of a drawn
  paragraph comes along. Without a paragraph column each row is its own cluster,
  resampled independently unless ``block`` is given (rows in table order).

The replicates are held as a counts matrix (replicate x cluster), generated stratum by
stratum (the documents of a stratum of ``a`` documents are one multinomial of size
``a``, every paragraph of a document taking the document's count), in fixed blocks of
:data:`BLOCK` replicates so that memory stays bounded and the draws depend only on
the seed and ``n_boot``. Callers usually want weighted sums of row values per
replicate (:meth:`ClusterBootstrap.sums`); :meth:`ClusterBootstrap.row_weights`
gives the replicate x row weights themselves. Intervals are percentile intervals
(:func:`discourse.stats.percentile_interval`; :func:`percentile_columns` for a
matrix of replicates, ignoring undefined ones, :func:`n_defined` counting those kept;
these and the floors :func:`no_narrower`, :func:`floored_percentile` live in
:mod:`discourse.replicates` and are re-exported here).

References
----------
Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their Application*.
Cambridge University Press. (Sec. 3.8, multistage sampling.)
Field, C. A. and Welsh, A. H. (2007). Bootstrapping clustered data. *Journal of the
Royal Statistical Society B* 69(3), 369-390.
Hall, P., Horowitz, J. L. and Jing, B.-Y. (1995). On blocking rules for the bootstrap
with dependent data. *Biometrika* 82(3), 561-574.
Politis, D. N. and Romano, J. P. (1992). A circular block-resampling procedure for
stationary data. In *Exploring the Limits of Bootstrap*, 263-270. Wiley.
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
from typing import Iterator

import numpy as np
import pandas as pd

from discourse import blocks as runs
from discourse.blocks import BLOCK
from discourse.checks import check_columns, check_positive_int
from discourse.replicates import (defined_label, floored_percentile, n_defined, no_narrower,
                                  percentile_columns, ratio)

__all__ = ["BLOCK", "MEMO_BYTES", "DEFAULT_N_BOOT", "DEFAULT_SEED", "ClusterBootstrap",
           "cluster_bootstrap", "percentile_columns", "ratio", "n_defined", "defined_label",
           "no_narrower", "floored_percentile"]

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
    stratum, its documents are resampled when it has several, blocks of its consecutive
    paragraphs when it has one (see the module docstring).

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
    block : int or None
        Block length of a lone document's paragraphs (``None``: per document,
        :func:`discourse.blocks.block_length`; ``1``: independent paragraphs).
    consecutive : tuple of bool
        Per stratum (sorted): whether its lone document's paragraphs are consecutive
        text (:func:`discourse.blocks.consecutive`); by default
        (``block=None``) only such a run is drawn in blocks, other paragraphs (a sample
        of them, labels that are not numbers) independently. Empty: every stratum is.
    """

    n_boot: int
    seed: int
    row_cluster: np.ndarray
    clusters: pd.DataFrame
    design: str
    block: int | None = None
    consecutive: tuple = ()

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
        :data:`BLOCK`, the clusters' plan and the block lengths of lone documents, which
        key it, so what is yielded is the same either way. The kept matrices live as
        long as the process (a notebook's kernel: at most :data:`MEMO_BYTES`, briefly
        twice that while one is added).
        """
        plan = _plan(self.clusters)
        lengths = self._lengths(plan)
        key = (self.seed, self.n_boot, BLOCK, _plan_key(plan), lengths)
        if key in _MEMO:
            _MEMO.move_to_end(key)
            for kept in _MEMO[key]:
                yield kept.astype(np.int64)
            return
        most = max(len(docs) if len(docs) > 1 else len(docs[0]) for docs in plan)
        dtype = np.min_scalar_type(most)
        keep = [] if self.n_boot * len(self.clusters) * dtype.itemsize <= MEMO_BYTES else None
        for counts in self._draw(plan, lengths):
            if keep is not None:
                keep.append(counts.astype(dtype))
                keep[-1].setflags(write=False)
            yield counts
        if keep is not None:
            _MEMO[key] = tuple(keep)
            while sum(b.nbytes for blocks in _MEMO.values() for b in blocks) > MEMO_BYTES:
                _MEMO.popitem(last=False)

    def block_lengths(self) -> tuple[int, ...]:
        """Per stratum (sorted): the block length of its lone document's paragraphs
        (``min(P, block)``; by default :func:`discourse.blocks.block_length` of ``P``
        where the paragraphs are consecutive text, :func:`discourse.blocks.consecutive`,
        else 1), 0 for a stratum whose documents are resampled."""
        return self._lengths(_plan(self.clusters))

    def _lengths(self, plan) -> tuple[int, ...]:
        run = self.consecutive or (True,) * len(plan)
        return tuple(0 if len(docs) > 1 else min(len(docs[0]), self.block or (
            runs.block_length(len(docs[0])) if ok else 1)) for docs, ok in zip(plan, run))

    def _draw(self, plan, lengths) -> Iterator[np.ndarray]:
        rng = np.random.default_rng(self.seed)
        n_clusters = len(self.clusters)
        done = 0
        while done < self.n_boot:
            size = min(BLOCK, self.n_boot - done)
            counts = np.zeros((size, n_clusters), dtype=np.int64)
            for docs, L in zip(plan, lengths):      # one stratum: its documents
                if len(docs) > 1:                    # documents only (first stage)
                    copies = rng.multinomial(len(docs), np.full(len(docs), 1 / len(docs)),
                                             size=size)
                    for j, idx in enumerate(docs):   # idx: cluster indices of a document
                        counts[:, idx] = copies[:, [j]]
                    continue
                idx = docs[0]                        # one document: runs of paragraphs
                counts[:, idx] = runs.draw_within(rng, size, len(idx), L)
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
    """Per stratum, per document: the cluster indices (in text order)."""
    plan: list = []
    index = clusters.index.to_numpy()
    last = object()
    # one grouping, its groups in the order of (stratum, document), each group's rows in
    # their order: as a grouping by stratum and then by document gives them
    for (stratum, _), rows in clusters.groupby(["stratum", "document"], sort=True).indices \
            .items():
        if not plan or stratum != last:
            plan.append([])
            last = stratum
        plan[-1].append(index[rows])
    return plan


def cluster_bootstrap(rows: pd.DataFrame, *, n_boot: int = DEFAULT_N_BOOT,
                      seed: int = DEFAULT_SEED, stratum: str | None = "year",
                      document: str | None = "doc_id", paragraph: str | None = "paragraph",
                      block: int | None = None) -> ClusterBootstrap:
    """Set up a cluster bootstrap of the rows of ``rows`` (see the module docstring).

    In each stratum with several documents the documents are resampled (each with all
    its paragraphs: strategy 1 of Davison and Hinkley 1997, sec. 3.8; Field and Welsh
    2007); in a stratum with one document, circular blocks of its consecutive
    paragraphs are (Politis and Romano 1992), in text order
    (:func:`discourse.blocks.text_order`), where its paragraph labels are numbers
    and mostly adjacent (:func:`discourse.blocks.consecutive`); a sample of a text's
    paragraphs, or passages labelled otherwise, are drawn independently unless
    ``block`` is given. The ``design`` (and ``label``) says which.

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
        ``None``: every row is its own cluster (independent rows unless ``block``).
    block : int, optional
        Block length of a lone document's paragraphs (capped at its ``P``); default
        ``round(P ** (1/3))`` per document (:func:`discourse.blocks.block_length`; Hall,
        Horowitz and Jing 1995) where the paragraphs are consecutive text
        (:func:`discourse.blocks.consecutive`),
        else 1; ``1``: independent paragraphs (one multinomial draw of size ``P``, the
        design before blocks, though with other draws than before for a document of 10
        or more paragraphs, whose clusters were then sorted as strings).

    Returns
    -------
    ClusterBootstrap

    References
    ----------
    Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their
    Application*, sec. 3.8. Cambridge University Press.
    Field, C. A. and Welsh, A. H. (2007). Bootstrapping clustered data. *Journal of
    the Royal Statistical Society B* 69(3), 369-390.
    Hall, P., Horowitz, J. L. and Jing, B.-Y. (1995). *Biometrika* 82(3), 561-574.
    Politis, D. N. and Romano, J. P. (1992). In *Exploring the Limits of Bootstrap*,
    263-270. Wiley.

    Raises
    ------
    ValueError
        If a named column is missing, the table is empty, or ``n_boot`` or ``block``
        is not a positive integer.

    Examples
    --------
    >>> t = pd.DataFrame({"year": 2020, "doc_id": "a", "paragraph": [1, 1, 2],
    ...                   "x": [1, 1, 0]})
    >>> boot = cluster_bootstrap(t, n_boot=4, seed=1, block=1)
    >>> boot.clusters["n_rows"].tolist(), boot.row_cluster.tolist()
    ([2, 1], [0, 0, 1])
    >>> boot.sums(np.ones(3)).tolist()          # 2 draws of paragraphs of 2 or 1 rows
    [3.0, 4.0, 2.0, 4.0]
    >>> boot.design
    'paragraphs resampled within documents, independently'
    """
    check_positive_int("n_boot", n_boot)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed={seed!r} must be a non-negative integer")
    if block is not None:
        check_positive_int("block", block)
    named = [c for c in (stratum, document, paragraph) if c is not None]
    check_columns(rows, named, "table to resample")
    if len(rows) == 0:
        raise ValueError("cannot bootstrap an empty table")
    doc = rows[document].astype(str).to_numpy() if document else np.full(len(rows), "")
    par = rows[paragraph].to_numpy() if paragraph else np.arange(len(rows))
    order, run = runs.order_and_runs(doc, par)
    keys = pd.DataFrame({"stratum": rows[stratum].to_numpy() if stratum else 0,
                         "document": doc, "order": order,
                         "paragraph": par.astype(str)}, index=range(len(rows)))
    grouped = keys.groupby(["stratum", "document", "order", "paragraph"], sort=True)
    codes = grouped.ngroup().to_numpy()
    clusters = grouped.size().rename("n_rows").reset_index().drop(columns="order")
    # without a document column the rows have no text order (separate passages)
    if not document:
        run = {"": False}
    lone = clusters.groupby("stratum", sort=True)["document"].unique()
    boot = ClusterBootstrap(int(n_boot), int(seed), codes.astype(np.int64), clusters, "",
                            block if block is not None or paragraph else 1,
                            tuple(len(d) > 1 or run[d[0]] for d in lone))
    design = _design(boot.block_lengths(), stratum, document, paragraph)
    return dataclasses.replace(boot, design=design)


def _design(lengths, stratum, document, paragraph) -> str:
    """What is resampled, in words: documents, or (blocks of consecutive) paragraphs."""
    several = pd.Series([L == 0 for L in lengths], dtype=bool)
    unit = "paragraphs" if paragraph else "sentences"
    within = f" within {stratum}" if stratum else ""
    one = f" where a {stratum} has one" if stratum else ""
    ls = sorted({L for L in lengths if L})
    span = ("" if not ls or (ls == [1] and not paragraph)   # rows: independent as ever
            else ", independently" if ls == [1] else
            f" (circular block bootstrap, L = {ls[0]}"
            + (f"-{ls[-1]}" if len(ls) > 1 else "") + ")")
    what = f"{unit}" if ls == [1] else f"blocks of consecutive {unit}"
    return (f"documents resampled{within}" if several.all()
            else f"documents resampled{within}, {what} within the document{one}{span}"
            if several.any()
            else f"{what} resampled within documents{span}" if document
            else f"{what} resampled{within}{span}")
