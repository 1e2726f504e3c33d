"""Topic models: the document-term matrix, seeded NMF / LDA fits, and their tables.

scikit-learn does the maths (``CountVectorizer``, ``TfidfTransformer``, ``NMF``,
``LatentDirichletAllocation``); this module records every seed.

* **Terms** (:func:`document_term_matrix`): the canonical terms of each sentence from
  :func:`discourse.preprocess.analyzer` (lemmas, harmonised variants, multiword
  expressions, stop words removed; each line of a unit is one sentence of the
  ``sentences`` table, not split again), counted per unit; terms must occur in at least
  ``min_df`` units (default 2). Units left without any term are dropped and counted.
* **Models** (:func:`fit_topics`): NMF (Lee and Seung 1999; coordinate descent,
  Frobenius loss, ``init="random"`` so that the seed matters) on TF-IDF weights
  (scikit-learn's ``TfidfTransformer`` defaults: smoothed idf, l2-normalised rows;
  identical to ``TfidfVectorizer``), and LDA (Blei, Ng and Jordan 2003; batch
  variational Bayes, priors 1/k) on raw counts. Topic-term weights are normalised to
  sum to 1 per topic; unit-topic weights to sum to 1 per unit (a unit's share of
  each topic; an NMF unit whose row of W is zero gets weight 0 everywhere). Topics
  are numbered from 1 in order of decreasing mean share.
* **Algorithms** (``algorithm``): ``"batch"`` (default, as above) or ``"online"`` for
  large corpora: scikit-learn's ``MiniBatchNMF`` (Cichocki and Phan 2009; batches of
  :data:`ONLINE_BATCH_SIZE` units, same loss and initialisation) and LDA with
  ``learning_method="online"`` (Hoffman, Blei and Bach 2010). They give the same
  tables (an approximation of the batch solution, not the same numbers); the
  algorithm is recorded in each table's provenance.

References
----------
Blei, D. M., Ng, A. Y. and Jordan, M. I. (2003). Latent Dirichlet allocation.
*Journal of Machine Learning Research* 3, 993-1022.

Cichocki, A. and Phan, A.-H. (2009). Fast local algorithms for large scale nonnegative
matrix and tensor factorizations. *IEICE Transactions on Fundamentals* E92-A(3),
708-721.

Hoffman, M. D., Blei, D. M. and Bach, F. (2010). Online learning for latent Dirichlet
allocation. *Advances in Neural Information Processing Systems* 23, 856-864.

Lee, D. D. and Seung, H. S. (1999). Learning the parts of objects by non-negative
matrix factorization. *Nature* 401, 788-791.
"""

from __future__ import annotations

import dataclasses
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from discourse import preprocess, provenance
from discourse.checks import check_choice

__all__ = [
    "MODELS",
    "ALGORITHMS",
    "ONLINE_BATCH_SIZE",
    "ONLINE_MAX_ITER",
    "DEFAULT_MODEL",
    "DEFAULT_K",
    "DEFAULT_SEED",
    "DEFAULT_KS",
    "NMF_MAX_ITER",
    "LDA_MAX_ITER",
    "LDA_MAX_DOC_UPDATE_ITER",
    "ZERO_WEIGHT_RTOL",
    "DocumentTermMatrix",
    "TopicFit",
    "document_term_matrix",
    "check_k",
    "feasible_ks",
    "fit_matrices",
    "fit_topics",
    "top_term_indices",
    "top_terms",
]

MODELS = ("nmf", "lda")
#: Fitting algorithms (see the module docstring).
ALGORITHMS = ("batch", "online")
#: Units per mini-batch of the online algorithms.
ONLINE_BATCH_SIZE = 2048
#: Passes over the data of ``MiniBatchNMF`` (its stopping rule rarely fires on
#: TF-IDF; 20 passes reached a reconstruction error within 0.5% of the batch fit on
#: a recombined corpus of 0.5 million words, see ``benchmarks/README.md``).
ONLINE_MAX_ITER = 20
#: Default model and number of topics, chosen on the project corpus (paragraph units,
#: questions kept, seed 12345, 10 seeds) from ``results/topics-model-selection.csv``:
#: NMF, k = 5 is the most coherent k whose seed stability is at least 0.8 (NPMI 0.17;
#: stability 0.89, least stable topic 0.82). Refits on 80% of the units (resampling
#: stability, added later) are below 0.7 at every k on these two short texts (0.49 at
#: k = 5, 0.63 at k = 2), so the rule of :func:`~discourse.topics.suggest_k`, which uses
#: both, falls back to k = 2; k = 5 stays the default as a description, and
#: ``topics-stability.csv`` marks none of its topics citable. LDA was unstable at every
#: k (mean matched Jaccard <= 0.46) with NPMI near 0.
DEFAULT_MODEL = "nmf"
DEFAULT_K = 5
#: Default seed of every random start and bootstrap.
DEFAULT_SEED = 12345
#: Default grid of k for :func:`select_model`.
DEFAULT_KS = tuple(range(2, 13))
#: Iteration limits. NMF: 1000 (scikit-learn's default of 200 stopped 1-7 of 10 runs
#: early for k >= 4 on the project corpus, 4-7 but at k = 5; with 1000 every run
#: converged, ``n_at_max_iter`` 0 in results/topics-model-selection.csv, at +10% time).
#: LDA: 5 batch EM iterations (scikit-learn's default is 10) and at most 20 (not 100)
#: inner E-step updates per unit, because the E-step is a Python loop over units and
#: the default grid (2 models x 11 k x 10 seeds = 220 fits) must stay near 25 s on
#: two cores (measured CPU per LDA fit, k = 6: 0.24 s with 10/100, 0.12 s with 5/20).
#: Not run to convergence; a check on the project corpus with 50 iterations and 100
#: inner updates (k = 3, 5, 8; 10 seeds) gave the same picture: stability 0.36,
#: 0.33, 0.30 (against 0.38, 0.30, 0.26 here) and NPMI near 0 in both.
NMF_MAX_ITER = 1000
LDA_MAX_ITER = 5
LDA_MAX_DOC_UPDATE_ITER = 20
#: A topic's term weight at most this fraction of the topic's largest weight counts as
#: zero (:func:`top_term_indices`): far above round-off (machine epsilon 2.2e-16) and the
#: noise NMF leaves, far below any weight a reader could see (in every fit of the
#: study's grid the 10th term of a topic weighs at least 0.07 of its first).
ZERO_WEIGHT_RTOL = 1e-12


@dataclasses.dataclass(frozen=True)
class DocumentTermMatrix:
    """Unit-term counts and TF-IDF weights over one vocabulary (kind ``dtm``).

    Attributes
    ----------
    units : pandas.DataFrame
        The ``units`` rows that kept at least one term, in the matrix's row order.
    terms : numpy.ndarray
        The vocabulary (``get_feature_names_out()``), sorted.
    counts : scipy.sparse.csr_matrix
        Term counts per unit (LDA's input; coherence uses its binary pattern).
    tfidf : scipy.sparse.csr_matrix
        TF-IDF weights (NMF's input).
    n_dropped : int
        Units dropped because none of their terms is in the vocabulary.
    options : dict
        ``min_df``, ``max_df`` and the analyzer options, for provenance.
    """

    units: pd.DataFrame
    terms: np.ndarray
    counts: object
    tfidf: object
    n_dropped: int
    options: dict

    def provenance(self) -> dict:
        """The record of how the matrix was made (see :mod:`discourse.provenance`)."""
        units = provenance.of(self.units) or {}
        return {"function": "discourse.topics.model.document_term_matrix",
                "parameters": provenance.describe(self.options),
                "inputs": {"unit_table": {k: v for k, v in units.items() if k != "corpus"}},
                "corpus": units.get("corpus")}


def document_term_matrix(unit_table: pd.DataFrame, *, min_df: int | float = 2,
                         max_df: int | float = 1.0,
                         analyzer_options: preprocess.TermOptions | Mapping | None = None,
                         progress: bool = False) -> DocumentTermMatrix:
    """Count the canonical terms of each unit (CountVectorizer + TfidfTransformer).

    Parameters
    ----------
    unit_table : pandas.DataFrame
        A ``units`` table from :func:`units`.
    min_df, max_df : int or float
        Passed to ``sklearn.feature_extraction.text.CountVectorizer`` (an int is a
        number of units, a float a proportion). Default: a term must occur in at
        least 2 units (a term seen in one unit cannot co-occur, so it adds nothing to
        coherence and only noise to topics).
    analyzer_options : TermOptions or mapping, optional
        Options of :func:`discourse.preprocess.analyzer` (default: its defaults).
    progress : bool
        A tqdm progress bar over the units on standard error (for large corpora).

    Returns
    -------
    DocumentTermMatrix
        Counts, TF-IDF weights (``TfidfTransformer()`` defaults, the same as
        ``TfidfVectorizer``), the sorted vocabulary and the units kept.
    """
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    options = preprocess.TermOptions() if analyzer_options is None else \
        preprocess.TermOptions.from_mapping(analyzer_options) \
        if not isinstance(analyzer_options, preprocess.TermOptions) else analyzer_options
    if len(unit_table) == 0:
        raise ValueError("no units: the units table is empty (check the roles kept)")
    # units hold one sentence per line (discourse.topics.units): not split again
    vec = CountVectorizer(analyzer=preprocess.analyzer(options, split="lines"),
                          min_df=min_df, max_df=max_df)
    from tqdm import tqdm

    texts = tqdm(list(unit_table["text"]), desc="document-term matrix", unit="unit",
                 disable=not progress, mininterval=1.0)
    try:
        counts = vec.fit_transform(texts)
    except ValueError as exc:   # sklearn: empty vocabulary / min_df > max_df
        raise ValueError(f"cannot build a vocabulary with min_df={min_df!r}, "
                         f"max_df={max_df!r}: {exc}") from None
    keep = np.asarray(counts.sum(axis=1)).ravel() > 0
    counts = counts[keep].tocsr()
    counts.sort_indices()
    tfidf = TfidfTransformer().fit_transform(counts).tocsr()
    return DocumentTermMatrix(
        units=unit_table[keep].reset_index(drop=True), terms=vec.get_feature_names_out(),
        counts=counts, tfidf=tfidf, n_dropped=int((~keep).sum()),
        options={"min_df": min_df, "max_df": max_df, **options.changed()})


# ---------------------------------------------------------------------------------
# fitting
# ---------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class TopicFit:
    """One fitted topic model (kind ``topic fit``); tables come from its functions.

    Attributes
    ----------
    model, k, seed : str, int, int
        What was fitted, with which random seed.
    dtm : DocumentTermMatrix
        The data it was fitted on.
    topic_term : numpy.ndarray
        ``k x n_terms``, rows sum to 1 (topic 1 first).
    doc_topic : numpy.ndarray
        ``n_units x k``, rows sum to 1 (or 0 for an NMF unit with a zero row).
    reconstruction_error : float
        NMF's Frobenius reconstruction error on the TF-IDF matrix (NaN for LDA).
    perplexity : float
        LDA's perplexity on the training counts (NaN for NMF; in-sample, so it
        compares k only loosely and favours larger k).
    n_iter : int
        Iterations used.
    algorithm : str
        ``"batch"`` or ``"online"`` (:data:`ALGORITHMS`).
    """

    model: str
    k: int
    seed: int
    dtm: DocumentTermMatrix
    topic_term: np.ndarray
    doc_topic: np.ndarray
    reconstruction_error: float
    perplexity: float
    n_iter: int
    algorithm: str = "batch"

    def provenance(self) -> dict:
        """The record of how the model was fitted (see :mod:`discourse.provenance`)."""
        dtm = self.dtm.provenance()
        return {"function": "discourse.topics.model.fit_topics",
                "parameters": {"model": self.model, "k": self.k, "seed": self.seed,
                               "algorithm": self.algorithm},
                "inputs": {"dtm": {k: v for k, v in dtm.items() if k != "corpus"}},
                "corpus": dtm.get("corpus")}


def check_k(k, dtm: DocumentTermMatrix) -> None:
    """Raise ``ValueError`` unless ``2 <= k <= min(units, terms)`` of ``dtm``."""
    n_units, n_terms = dtm.counts.shape
    upper = min(n_units, n_terms)
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 2 <= k <= upper:
        raise ValueError(f"k={k!r} is out of range: k must be an integer from 2 to "
                         f"{upper} (the smaller of {n_units} units and {n_terms} terms)")


def feasible_ks(dtm: DocumentTermMatrix, ks: Sequence[int] = DEFAULT_KS) -> list[int]:
    """Return the values of ``ks`` that can be fitted on ``dtm`` (2 <= k <= min(units,
    terms)), so a notebook run on a small corpus narrows the grid instead of failing.

    Examples
    --------
    >>> from scipy import sparse
    >>> d = DocumentTermMatrix(pd.DataFrame(), np.array(list("abcd")),
    ...                        sparse.csr_matrix(np.ones((3, 4))), None, 0, {})
    >>> feasible_ks(d, range(1, 6))
    [2, 3]
    """
    upper = min(dtm.counts.shape)
    return [int(k) for k in ks if 2 <= int(k) <= upper]


def _normalise_rows(m: np.ndarray) -> np.ndarray:
    sums = m.sum(axis=1, keepdims=True)
    return np.divide(m, sums, out=np.zeros_like(m, dtype=float), where=sums > 0)


def fit_matrices(dtm: DocumentTermMatrix, model: str, k: int, seed: int,
                 rows: np.ndarray | None = None, *, full: bool = True,
                 algorithm: str = "batch"):
    """Fit one model; return ``(W, H, reconstruction error, perplexity, iterations)``.

    ``W`` (units x k) and ``H`` (k x terms) are row-normalised, topics in order of
    decreasing mean share. ``rows`` fits on those units only (``W`` then has those
    rows); ``full=False`` skips what only the reference run needs (LDA's unit-topic
    E-step and perplexity). The arguments are not checked (see :func:`fit_topics`).
    """
    import warnings

    from sklearn.decomposition import NMF, LatentDirichletAllocation, MiniBatchNMF
    from sklearn.exceptions import ConvergenceWarning

    X = dtm.tfidf if model == "nmf" else dtm.counts
    if rows is not None:
        X = X[rows]
    if model == "nmf":
        if algorithm == "online":
            est = MiniBatchNMF(n_components=k, init="random", random_state=seed,
                               batch_size=ONLINE_BATCH_SIZE, max_iter=ONLINE_MAX_ITER,
                               beta_loss="frobenius")
        else:
            est = NMF(n_components=k, init="random", random_state=seed,
                      max_iter=NMF_MAX_ITER, solver="cd", beta_loss="frobenius")
        with warnings.catch_warnings():   # recorded as n_at_max_iter instead
            warnings.simplefilter("ignore", ConvergenceWarning)
            W = est.fit_transform(X)
        H = est.components_
        err, perp = float(est.reconstruction_err_), float("nan")
    else:
        online = ({"learning_method": "online", "batch_size": ONLINE_BATCH_SIZE,
                   "total_samples": X.shape[0]} if algorithm == "online"
                  else {"learning_method": "batch"})
        est = LatentDirichletAllocation(n_components=k, random_state=seed,
                                        max_iter=LDA_MAX_ITER,
                                        max_doc_update_iter=LDA_MAX_DOC_UPDATE_ITER, **online)
        est.fit(X)
        H = est.components_
        # the unit-topic weights need one more E-step; stability runs skip it
        W = est.transform(X) if full else np.ones((X.shape[0], k))
        err = float("nan")
        # bound_ is scikit-learn's perplexity of the training data, computed by fit
        # (identical to est.perplexity(X), without a second E-step)
        perp = float(est.bound_) if full else float("nan")
    W = _normalise_rows(np.asarray(W, dtype=float))
    H = _normalise_rows(np.asarray(H, dtype=float))
    # topics numbered by decreasing mean share (ties: sklearn's order)
    order = np.lexsort((np.arange(k), -np.round(W.mean(axis=0), 12)))
    return W[:, order], H[order], err, perp, int(est.n_iter_)


def fit_topics(dtm: DocumentTermMatrix, *, model: str = DEFAULT_MODEL, k: int = DEFAULT_K,
               seed: int = DEFAULT_SEED, algorithm: str = "batch") -> TopicFit:
    """Fit NMF (on TF-IDF) or LDA (on counts) with a fixed seed.

    Parameters
    ----------
    dtm : DocumentTermMatrix
        From :func:`document_term_matrix`.
    model : {"nmf", "lda"}
        See the module docstring for the settings of each.
    k : int
        Number of topics, from 2 to min(units, terms).
    seed : int
        ``random_state`` of the estimator; recorded in every table.
    algorithm : {"batch", "online"}
        ``"online"``: ``MiniBatchNMF`` / online LDA for large corpora (see the module
        docstring).

    Returns
    -------
    TopicFit

    Raises
    ------
    ValueError
        For an unknown model or a k out of range (the message names the value).

    Examples
    --------
    >>> fit = fit_topics(dtm, model="nmf", k=6, seed=1)         # doctest: +SKIP
    >>> topic_terms(fit, n=10).head()                           # doctest: +SKIP
    """
    check_choice("model", model, MODELS)
    check_choice("algorithm", algorithm, ALGORITHMS)
    check_k(k, dtm)
    W, H, err, perp, n_iter = fit_matrices(dtm, model, int(k), int(seed),
                                           algorithm=algorithm)
    return TopicFit(model=model, k=int(k), seed=int(seed), dtm=dtm, topic_term=H,
                    doc_topic=W, reconstruction_error=err, perplexity=perp, n_iter=n_iter,
                    algorithm=algorithm)


def top_term_indices(H: np.ndarray, n: int, terms: np.ndarray) -> list[np.ndarray]:
    """Column indices of the ``n`` heaviest terms of each row of ``H`` that have weight.

    Terms are ranked by decreasing weight (rounded to 12 decimals), ties broken by the
    term (deterministic). Only terms whose weight exceeds :data:`ZERO_WEIGHT_RTOL`
    times the row's largest weight count: NMF sets most weights of a narrow topic to
    exactly 0 and leaves others at numerical noise (7e-67 was seen), and ranking those
    would fill the list with terms in alphabetical order. A row with fewer such terms
    than ``n`` gives fewer (an all-zero row none). LDA weights include the Dirichlet
    prior (1/k), so LDA topics keep all their terms in practice.

    Returns
    -------
    list of numpy.ndarray
        One array of column indices per row of ``H``, at most ``n`` long.
    """
    H = np.asarray(H, dtype=float)
    out = []
    for row in H:
        idx = np.lexsort((terms, -np.round(row, 12)))
        out.append(idx[row[idx] > ZERO_WEIGHT_RTOL * row.max()][:n])   # all-zero: none
    return out


def top_terms(fit: TopicFit, n: int = 10) -> list[list[str]]:
    """Return the ``n`` highest-weighted terms of each topic (topic 1 first), only terms
    of non-zero weight (see :func:`top_term_indices`)."""
    return [list(fit.dtm.terms[idx]) for idx in top_term_indices(fit.topic_term, n, fit.dtm.terms)]
