"""Topic models a reviewer can check: units, NMF / LDA, choice of k, stability, prevalence.

One step of the pipeline: ``sentences`` -> ``units`` -> a document-term matrix ->
a fitted topic model -> tidy result tables. scikit-learn does the maths
(``CountVectorizer``, ``TfidfTransformer``, ``NMF``, ``LatentDirichletAllocation``);
this module chooses the units, records every seed and measures how much a topic owes
to one random start.

Conventions (name them when citing numbers):

* **Units** (:func:`units`): paragraphs by default (``doc_id.p012``); speaker turns,
  i.e. runs of consecutive paragraphs with the same role (``doc_id.t003``); or fixed
  windows of ``window`` consecutive sentences within a document (``doc_id.w003``; the
  last window of a document may be shorter). Titles and interview leads are left out
  by default; interview questions are kept by default (``include_questions``).
* **Terms** (:func:`document_term_matrix`): the canonical terms of each sentence from
  :func:`discourse.preprocess.analyzer` (lemmas, harmonised variants, multiword
  expressions, stop words removed), counted per unit; terms must occur in at least
  ``min_df`` units (default 2). Units left without any term are dropped and counted.
* **Models** (:func:`fit_topics`): NMF (Lee and Seung 1999; coordinate descent,
  Frobenius loss, ``init="random"`` so that the seed matters) on TF-IDF weights
  (scikit-learn's ``TfidfTransformer`` defaults: smoothed idf, l2-normalised rows;
  identical to ``TfidfVectorizer``), and LDA (Blei, Ng and Jordan 2003; batch
  variational Bayes, priors 1/k) on raw counts. Topic-term weights are normalised to
  sum to 1 per topic; unit-topic weights to sum to 1 per unit (a unit's share of
  each topic; an NMF unit whose row of W is zero gets weight 0 everywhere). Topics
  are numbered from 1 in order of decreasing mean share.
* **Coherence** (:func:`npmi_coherence`, :func:`umass_coherence`): computed on this
  corpus with units as the documents; see the functions for the formulas.
* **Stability** (:func:`align_topics`, :func:`seed_stability`): the runs with seeds
  ``seed + 1, ..., seed + n_seeds - 1`` are aligned to the reference run (``seed``)
  with the Hungarian algorithm maximising the Jaccard overlap of top-10 term sets
  (Greene, O'Callaghan and Cunningham 2014; they resample documents, which
  ``subsample`` offers, and average Jaccard over list depths, which we do not).
* **Prevalence** (:func:`prevalence_by_year`, :func:`prevalence_difference`): mean
  unit-topic weight per year (every unit counts equally, whatever its length), with
  percentile bootstrap intervals resampling units within each year (Efron and
  Tibshirani 1993).

References
----------
Blei, D. M., Ng, A. Y. and Jordan, M. I. (2003). Latent Dirichlet allocation.
*Journal of Machine Learning Research* 3, 993-1022.

Bouma, G. (2009). Normalized (pointwise) mutual information in collocation
extraction. *Proceedings of GSCL*, 31-40.

Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman &
Hall.

Greene, D., O'Callaghan, D. and Cunningham, P. (2014). How many topics? Stability
analysis for topic models. *ECML PKDD 2014*, LNCS 8724, 498-513.

Lee, D. D. and Seung, H. S. (1999). Learning the parts of objects by non-negative
matrix factorization. *Nature* 401, 788-791.

Mimno, D., Wallach, H. M., Talley, E., Leenders, M. and McCallum, A. (2011).
Optimizing semantic coherence in topic models. *Proceedings of EMNLP*, 262-272.

Röder, M., Both, A. and Hinneburg, A. (2015). Exploring the space of topic coherence
measures. *Proceedings of WSDM*, 399-408.
"""

from __future__ import annotations

import csv
import dataclasses
import os
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

__all__ = [
    "MODELS",
    "UNITS",
    "DEFAULT_MODEL",
    "DEFAULT_K",
    "DEFAULT_SEED",
    "DEFAULT_KS",
    "NMF_MAX_ITER",
    "LDA_MAX_ITER",
    "LDA_MAX_DOC_UPDATE_ITER",
    "DocumentTermMatrix",
    "TopicFit",
    "units",
    "document_term_matrix",
    "feasible_ks",
    "fit_topics",
    "topic_terms",
    "document_topics",
    "top_terms",
    "npmi_coherence",
    "umass_coherence",
    "jaccard",
    "align_topics",
    "seed_stability",
    "select_model",
    "suggest_k",
    "representative_passages",
    "prevalence_by_year",
    "prevalence_difference",
    "prevalence_table",
    "load_labels",
    "labels_for",
    "check_labels",
    "write_labels",
]

#: Topic models offered: NMF on TF-IDF, LDA on counts.
MODELS = ("nmf", "lda")
#: Kinds of unit (see :func:`units`).
UNITS = ("paragraphs", "turns", "windows")
#: Default model and number of topics, chosen on the project corpus (paragraph units,
#: questions kept, seed 12345, 10 seeds) from ``results/topics-model-selection.csv``:
#: NMF, k = 5 is the most coherent k whose stability is at least 0.8 (NPMI 0.17;
#: stability 0.89, least stable topic 0.82), the rule of :func:`suggest_k`. k = 2 and 3
#: are perfectly stable but coarse and less coherent; k >= 6 is less stable. LDA was
#: unstable at every k (mean matched Jaccard <= 0.46) with NPMI near 0.
DEFAULT_MODEL = "nmf"
DEFAULT_K = 5
#: Default seed of every random start and bootstrap.
DEFAULT_SEED = 12345
#: Default grid of k for :func:`select_model`.
DEFAULT_KS = tuple(range(2, 13))
#: Iteration limits. NMF: 1000 (scikit-learn's default of 200 stopped 4-7 of 10 runs
#: early for k >= 4 on the project corpus; with 1000 every run converged, at +10% time).
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

_UNIT_PREFIX = {"paragraphs": "p", "turns": "t", "windows": "w"}
_FRONT_ROLES = ("title", "lead")
_UNIT_COLUMNS = ["unit_id", "doc_id", "year", "unit", "position", "role",
                 "first_paragraph", "last_paragraph", "n_sentences", "text"]


def _check_choice(name: str, value, allowed) -> None:
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not one of {tuple(allowed)}")


# ---------------------------------------------------------------------------------
# units and the document-term matrix
# ---------------------------------------------------------------------------------

def units(sentences: pd.DataFrame, *, unit: str = "paragraphs", window: int = 5,
          include_questions: bool = True, include_titles: bool = False) -> pd.DataFrame:
    """Group the ``sentences`` table into the units a topic model sees.

    Parameters
    ----------
    sentences : pandas.DataFrame
        The ``sentences`` table (``sentence_id, doc_id, year, paragraph, sentence,
        role, text``) from :func:`discourse.corpus.segment`.
    unit : {"paragraphs", "turns", "windows"}
        ``paragraphs``: one unit per paragraph (id ``doc_id.p012``, the paragraph
        number). ``turns``: runs of consecutive paragraphs with the same role, a
        question or an answer run (id ``doc_id.t003``, numbered over the whole
        document before any role is left out; a speech body is one turn).
        ``windows``: ``window`` consecutive sentences of the kept roles within a
        document (id ``doc_id.w003``; the last window may be shorter).
    window : int
        Sentences per window (only for ``unit="windows"``), at least 1.
    include_questions : bool
        Keep interview questions (the journalist's words). Default True.
    include_titles : bool
        Keep titles and interview leads (dateline, introduction). Default False.

    Returns
    -------
    pandas.DataFrame
        ``units``: ``unit_id, doc_id, year, unit, position, role, first_paragraph,
        last_paragraph, n_sentences, text``; ``position`` counts the kept units of a
        document from 1 in reading order; ``role`` is ``mixed`` for a window that
        spans roles; ``text`` joins the unit's sentences with newlines (one sentence
        per line; the analyzer splits lines and sentences, so a multiword term never
        crosses a sentence boundary).

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["d.p001.s01", "d.p002.s01", "d.p003.s01",
    ...     "d.p003.s02"], "doc_id": "d", "year": 2001, "paragraph": [1, 2, 3, 3],
    ...     "sentence": [1, 1, 1, 2], "role": ["title", "question", "answer", "answer"],
    ...     "text": ["T", "Why?", "Peace.", "Trade."]})
    >>> units(s)[["unit_id", "role", "text"]].values.tolist()
    [['d.p002', 'question', 'Why?'], ['d.p003', 'answer', 'Peace.\\nTrade.']]
    >>> units(s, unit="windows", window=2, include_questions=False).unit_id.tolist()
    ['d.w001']
    """
    _check_choice("unit", unit, UNITS)
    if unit == "windows" and (not isinstance(window, (int, np.integer)) or window < 1):
        raise ValueError(f"window={window!r} must be a positive integer")
    s = sentences.sort_values(["doc_id", "paragraph", "sentence"], kind="stable")
    order = {d: i for i, d in enumerate(pd.unique(sentences["doc_id"]))}
    s = s.assign(_order=s["doc_id"].map(order)).sort_values(
        ["_order", "paragraph", "sentence"], kind="stable")
    # turn numbers are assigned on the full paragraph sequence, before filtering
    para = s.drop_duplicates(["doc_id", "paragraph"])[["doc_id", "paragraph", "role"]]
    new_turn = (para["role"] != para.groupby("doc_id")["role"].shift()).astype(int)
    para = para.assign(turn=new_turn.groupby(para["doc_id"]).cumsum())
    s = s.merge(para[["doc_id", "paragraph", "turn"]], on=["doc_id", "paragraph"],
                how="left", sort=False)
    drop = set()
    if not include_questions:
        drop.add("question")
    if not include_titles:
        drop.update(_FRONT_ROLES)
    s = s[~s["role"].isin(drop)].reset_index(drop=True)
    if unit == "paragraphs":
        key = s["paragraph"]
    elif unit == "turns":
        key = s["turn"]
    else:
        key = s.groupby("doc_id").cumcount() // window + 1
    s = s.assign(_key=key.to_numpy())
    records = []
    for (doc_id, k), g in s.groupby(["doc_id", "_key"], sort=False):
        roles = pd.unique(g["role"])
        records.append({
            "unit_id": f"{doc_id}.{_UNIT_PREFIX[unit]}{int(k):03d}",
            "doc_id": doc_id, "year": int(g["year"].iloc[0]), "unit": unit,
            "role": roles[0] if len(roles) == 1 else "mixed",
            "first_paragraph": int(g["paragraph"].min()),
            "last_paragraph": int(g["paragraph"].max()),
            "n_sentences": len(g), "text": "\n".join(g["text"]),
            "_order": g["_order"].iloc[0], "_key": int(k)})
    out = pd.DataFrame(records, columns=_UNIT_COLUMNS + ["_order", "_key"])
    out = out.sort_values(["_order", "_key"], kind="stable").reset_index(drop=True)
    out["position"] = out.groupby("doc_id").cumcount() + 1
    return out[_UNIT_COLUMNS]


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


def document_term_matrix(unit_table: pd.DataFrame, *, min_df: int | float = 2,
                         max_df: int | float = 1.0,
                         analyzer_options: dict | None = None) -> DocumentTermMatrix:
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
    analyzer_options : dict, optional
        Keyword options for :func:`discourse.preprocess.analyzer`.

    Returns
    -------
    DocumentTermMatrix
        Counts, TF-IDF weights (``TfidfTransformer()`` defaults, the same as
        ``TfidfVectorizer``), the sorted vocabulary and the units kept.
    """
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    options = dict(analyzer_options or {})
    if len(unit_table) == 0:
        raise ValueError("no units: the units table is empty (check the roles kept)")
    from discourse import preprocess

    vec = CountVectorizer(analyzer=preprocess.analyzer(**options), min_df=min_df,
                          max_df=max_df)
    try:
        counts = vec.fit_transform(list(unit_table["text"]))
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
        options={"min_df": min_df, "max_df": max_df, **options})


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


def _check_k(k, dtm: DocumentTermMatrix) -> None:
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


def _fit_arrays(dtm: DocumentTermMatrix, model: str, k: int, seed: int,
                rows: np.ndarray | None = None, *, full: bool = True):
    from sklearn.decomposition import NMF, LatentDirichletAllocation

    X = dtm.tfidf if model == "nmf" else dtm.counts
    if rows is not None:
        X = X[rows]
    if model == "nmf":
        import warnings

        from sklearn.exceptions import ConvergenceWarning

        est = NMF(n_components=k, init="random", random_state=seed, max_iter=NMF_MAX_ITER,
                  solver="cd", beta_loss="frobenius")
        with warnings.catch_warnings():   # recorded as n_at_max_iter instead
            warnings.simplefilter("ignore", ConvergenceWarning)
            W = est.fit_transform(X)
        H = est.components_
        err, perp = float(est.reconstruction_err_), float("nan")
    else:
        est = LatentDirichletAllocation(n_components=k, random_state=seed,
                                        learning_method="batch", max_iter=LDA_MAX_ITER,
                                        max_doc_update_iter=LDA_MAX_DOC_UPDATE_ITER)
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
               seed: int = DEFAULT_SEED) -> TopicFit:
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
    _check_choice("model", model, MODELS)
    _check_k(k, dtm)
    W, H, err, perp, n_iter = _fit_arrays(dtm, model, int(k), int(seed))
    return TopicFit(model=model, k=int(k), seed=int(seed), dtm=dtm, topic_term=H,
                    doc_topic=W, reconstruction_error=err, perplexity=perp, n_iter=n_iter)


def _top_indices(H: np.ndarray, n: int, terms: np.ndarray) -> list[np.ndarray]:
    # by decreasing weight, ties broken by the term (deterministic)
    return [np.lexsort((terms, -np.round(row, 12)))[:n] for row in H]


def top_terms(fit: TopicFit, n: int = 10) -> list[list[str]]:
    """Return the ``n`` highest-weighted terms of each topic (topic 1 first)."""
    return [list(fit.dtm.terms[idx]) for idx in _top_indices(fit.topic_term, n, fit.dtm.terms)]


def _provenance(fit: TopicFit) -> dict:
    return {"model": fit.model, "k": fit.k, "seed": fit.seed}


def topic_terms(fit: TopicFit, n: int = 10) -> pd.DataFrame:
    """Return the ``topic terms`` table: the top ``n`` terms of each topic.

    Returns
    -------
    pandas.DataFrame
        ``topic, rank, term, weight, model, k, seed``; ``weight`` is the term's share
        of the topic's normalised term distribution (rows of H for NMF, of the
        variational topic-word parameters for LDA, scaled to sum to 1).
    """
    rows = []
    for t, idx in enumerate(_top_indices(fit.topic_term, n, fit.dtm.terms), start=1):
        for r, j in enumerate(idx, start=1):
            rows.append((t, r, fit.dtm.terms[j], float(fit.topic_term[t - 1, j])))
    out = pd.DataFrame(rows, columns=["topic", "rank", "term", "weight"])
    return out.assign(**_provenance(fit))


def document_topics(fit: TopicFit) -> pd.DataFrame:
    """Return the ``unit topics`` table: each unit's share of each topic (long form).

    Returns
    -------
    pandas.DataFrame
        ``unit_id, doc_id, year, position, role, topic, weight, model, k, seed``,
        sorted by corpus order, then topic; weights of a unit sum to 1.
    """
    u = fit.dtm.units
    k = fit.k
    out = pd.DataFrame({
        "unit_id": np.repeat(u["unit_id"].to_numpy(), k),
        "doc_id": np.repeat(u["doc_id"].to_numpy(), k),
        "year": np.repeat(u["year"].to_numpy(), k),
        "position": np.repeat(u["position"].to_numpy(), k),
        "role": np.repeat(u["role"].to_numpy(), k),
        "topic": np.tile(np.arange(1, k + 1), len(u)),
        "weight": fit.doc_topic.ravel(),
    })
    return out.assign(**_provenance(fit))


def representative_passages(fit: TopicFit, n: int = 3, *, min_terms: int = 5
                            ) -> pd.DataFrame:
    """Return the ``n`` units with the highest share of each topic.

    Parameters
    ----------
    fit : TopicFit
    n : int
        Passages per topic.
    min_terms : int
        Only units with at least this many vocabulary terms are eligible, so that a
        three-word question with a share of 1.0 does not stand for a topic.

    Returns
    -------
    pandas.DataFrame
        ``topic, rank, unit_id, doc_id, year, role, weight, n_terms, text, model, k,
        seed``; ties in weight are broken by unit id.
    """
    n_terms = np.asarray(fit.dtm.counts.sum(axis=1)).ravel()
    u = fit.dtm.units.assign(n_terms=n_terms)
    rows = []
    for t in range(fit.k):
        cand = u.assign(weight=fit.doc_topic[:, t])[u["n_terms"].to_numpy() >= min_terms]
        cand = cand.assign(_w=cand["weight"].round(12)).sort_values(
            ["_w", "unit_id"], ascending=[False, True], kind="stable").head(n)
        for r, row in enumerate(cand.itertuples(index=False), start=1):
            rows.append((t + 1, r, row.unit_id, row.doc_id, row.year, row.role,
                         float(row.weight), int(row.n_terms), row.text.replace("\n", " ")))
    out = pd.DataFrame(rows, columns=["topic", "rank", "unit_id", "doc_id", "year", "role",
                                      "weight", "n_terms", "text"])
    return out.assign(**_provenance(fit))


# ---------------------------------------------------------------------------------
# coherence
# ---------------------------------------------------------------------------------

def _cooccurrence(topics: Sequence[Sequence[str]], X, terms: np.ndarray):
    index = {t: i for i, t in enumerate(terms)}
    B = (X > 0).astype(np.int64).tocsc() if hasattr(X, "tocsc") else \
        (np.asarray(X) > 0).astype(np.int64)
    for topic in topics:
        missing = [w for w in topic if w not in index]
        if missing:
            raise ValueError(f"term(s) {missing!r} are not in the vocabulary")
        cols = [index[w] for w in topic]
        sub = B[:, cols]
        sub = sub.toarray() if hasattr(sub, "toarray") else sub
        yield sub.T @ sub   # [i, j] = units containing both; diagonal = D(w_i)


def npmi_coherence(topics: Sequence[Sequence[str]], X, terms: Sequence[str]) -> np.ndarray:
    """Mean NPMI of all pairs of each topic's terms, over unit co-occurrence.

    For terms w_i, w_j with D(w) the number of units containing w, D(w_i, w_j) the
    number containing both and N the number of units, P(w) = D(w) / N and

        NPMI(w_i, w_j) = log(P(w_i, w_j) / (P(w_i) P(w_j))) / -log P(w_i, w_j)

    (Bouma 2009), which runs from -1 (never together) through 0 (independent) to 1
    (always together). A topic's coherence is the arithmetic mean over its
    n(n-1)/2 pairs: Röder et al.'s (2015) C_NPMI with one-one segmentation and the
    boolean-document estimate (units as documents) instead of their sliding window.
    **Zero co-occurrence** scores -1, the limit of NPMI as P(w_i, w_j) -> 0 (Bouma),
    not Röder et al.'s epsilon smoothing (with epsilon = 1e-12 that gives nearly -1
    too). Two terms in every unit score 1.

    Parameters
    ----------
    topics : sequence of sequences of str
        The top terms of each topic (e.g. :func:`top_terms`).
    X : array or sparse matrix
        Units x terms counts (only the presence pattern is used).
    terms : sequence of str
        The column names of ``X``.

    Returns
    -------
    numpy.ndarray
        One coherence per topic.

    Examples
    --------
    >>> X = np.array([[1, 1], [1, 1], [1, 0], [0, 0]])   # log(4/3) / log(2)
    >>> npmi_coherence([["a", "b"]], X, ["a", "b"]).round(4).tolist()
    [0.415]
    """
    terms = np.asarray(terms)
    n_units = X.shape[0]
    out = []
    for co in _cooccurrence(topics, X, terms):
        d = np.diag(co).astype(float)
        vals = []
        for i in range(len(d)):
            for j in range(i + 1, len(d)):
                joint = co[i, j] / n_units
                if joint == 0:
                    vals.append(-1.0)
                elif joint == 1:
                    vals.append(1.0)
                else:
                    pmi = np.log(joint / ((d[i] / n_units) * (d[j] / n_units)))
                    vals.append(pmi / -np.log(joint))
        out.append(float(np.mean(vals)) if vals else float("nan"))
    return np.array(out)


def umass_coherence(topics: Sequence[Sequence[str]], X, terms: Sequence[str]) -> np.ndarray:
    """Mean UMass coherence of each topic's ranked terms (Mimno et al. 2011).

    With the terms in rank order v_1 (top), ..., v_M, D(v) the number of units
    containing v and D(v, v') the number containing both:

        C = sum_{m=2..M} sum_{l=1..m-1} log((D(v_m, v_l) + 1) / D(v_l))

    (the +1 avoids log 0). We report C divided by the number of pairs M(M-1)/2, as
    Röder et al. (2015) and gensim do, so that values for different M compare;
    multiply by M(M-1)/2 for Mimno et al.'s sum. Values are <= log(1 + 1/D) and
    usually negative; closer to 0 is more coherent. Natural logarithms.

    Parameters and returns as in :func:`npmi_coherence`.

    Examples
    --------
    >>> X = np.array([[1, 1], [1, 1], [1, 0], [0, 0]])   # log((2 + 1) / 3)
    >>> umass_coherence([["a", "b"]], X, ["a", "b"]).round(4).tolist()
    [0.0]
    >>> umass_coherence([["b", "a"]], X, ["a", "b"]).round(4).tolist()  # log(3 / 2)
    [0.4055]
    """
    terms = np.asarray(terms)
    out = []
    for co in _cooccurrence(topics, X, terms):
        d = np.diag(co).astype(float)
        vals = [np.log((co[m, l] + 1) / d[l]) for m in range(1, len(d)) for l in range(m)]
        out.append(float(np.mean(vals)) if vals else float("nan"))
    return np.array(out)


# ---------------------------------------------------------------------------------
# alignment and stability
# ---------------------------------------------------------------------------------

def jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    """Jaccard overlap |A & B| / |A | B| of two term sets (1.0 for two empty sets)."""
    a, b = set(a), set(b)
    return 1.0 if not (a | b) else len(a & b) / len(a | b)


def align_topics(reference: Sequence[Sequence[str]], other: Sequence[Sequence[str]]
                 ) -> pd.DataFrame:
    """Match each reference topic to one topic of another run (Hungarian algorithm).

    The one-to-one matching maximises the total Jaccard overlap of the topics' term
    sets (``scipy.optimize.linear_sum_assignment``, Kuhn 1955), as in Greene,
    O'Callaghan and Cunningham (2014).

    Parameters
    ----------
    reference, other : sequence of sequences of str
        Top terms per topic of the two runs (topic 1 first), with the same number
        of topics.

    Returns
    -------
    pandas.DataFrame
        ``topic, matched_topic, jaccard``: for each reference topic (from 1), the
        other run's topic it is matched to and their overlap.

    Examples
    --------
    >>> align_topics([["a", "b"], ["c", "d"]], [["c", "d"], ["a", "x"]])
       topic  matched_topic   jaccard
    0      1              2  0.333333
    1      2              1  1.000000
    """
    from scipy.optimize import linear_sum_assignment

    if len(reference) != len(other):
        raise ValueError(f"the runs have {len(reference)} and {len(other)} topics; "
                         "alignment needs the same number")
    J = np.array([[jaccard(a, b) for b in other] for a in reference], dtype=float)
    rows, cols = linear_sum_assignment(J, maximize=True)
    return pd.DataFrame({"topic": rows + 1, "matched_topic": cols + 1,
                         "jaccard": J[rows, cols]})


def _run_seeds(dtm: DocumentTermMatrix, model: str, k: int, seed: int, n_seeds: int,
               n_top: int, subsample: float | None):
    """Fit the reference and the other seeds; return per-run top terms and measures."""
    n_units = dtm.counts.shape[0]
    runs = []
    for i in range(n_seeds):
        s = seed + i
        rows = None
        if subsample is not None and i > 0:
            rng = np.random.default_rng(s)
            rows = np.sort(rng.choice(n_units, size=max(k, round(subsample * n_units)),
                                      replace=False))
        W, H, err, perp, n_iter = _fit_arrays(dtm, model, k, s, rows, full=(i == 0))
        runs.append({"seed": s, "top": [list(dtm.terms[idx]) for idx in
                                        _top_indices(H, n_top, dtm.terms)],
                     "err": err, "perp": perp,
                     "at_max": n_iter >= (NMF_MAX_ITER if model == "nmf" else LDA_MAX_ITER)})
    return runs


def _check_seeds(n_seeds, subsample) -> None:
    if isinstance(n_seeds, bool) or not isinstance(n_seeds, (int, np.integer)) \
            or n_seeds < 2:
        raise ValueError(f"n_seeds={n_seeds!r} must be an integer >= 2")
    if subsample is not None and not 0 < subsample <= 1:
        raise ValueError(f"subsample={subsample!r} must be None or in (0, 1]")


def _stability_from_runs(runs) -> np.ndarray:
    """Return a (runs - 1) x k matrix of matched Jaccard overlaps."""
    ref = runs[0]["top"]
    return np.array([align_topics(ref, r["top"])["jaccard"].to_numpy() for r in runs[1:]])


def seed_stability(dtm: DocumentTermMatrix, *, model: str = DEFAULT_MODEL,
                   k: int = DEFAULT_K, seed: int = DEFAULT_SEED, n_seeds: int = 10,
                   n_top: int = 10, subsample: float | None = None) -> pd.DataFrame:
    """Per-topic stability of a model across random seeds.

    The reference run uses ``seed`` (it is the run :func:`fit_topics` gives with the
    same arguments); runs with ``seed + 1, ..., seed + n_seeds - 1`` are each aligned
    to it with :func:`align_topics` on their top-``n_top`` term sets.

    Parameters
    ----------
    dtm : DocumentTermMatrix
    model, k, seed : see :func:`fit_topics`
    n_seeds : int
        Runs including the reference (at least 2; 10 or more for a report).
    n_top : int
        Top terms compared (10 in Greene et al. 2014).
    subsample : float, optional
        If given, each non-reference run is fitted on this random fraction of the
        units (Greene et al.'s document resampling, e.g. 0.8); default: all units,
        so only the random start varies.

    Returns
    -------
    pandas.DataFrame
        ``topic, stability, sd, min, n_runs, model, k, seed, n_top, subsample``:
        ``stability`` is the mean matched Jaccard overlap of the reference topic over
        the ``n_seeds - 1`` other runs (1 = the same top terms every time), ``sd``
        its standard deviation (ddof=1) and ``min`` the worst run.
    """
    _check_choice("model", model, MODELS)
    _check_k(k, dtm)
    _check_seeds(n_seeds, subsample)
    runs = _run_seeds(dtm, model, int(k), int(seed), int(n_seeds), n_top, subsample)
    J = _stability_from_runs(runs)
    return pd.DataFrame({
        "topic": np.arange(1, k + 1), "stability": J.mean(axis=0),
        "sd": J.std(axis=0, ddof=1) if len(J) > 1 else np.full(k, np.nan),
        "min": J.min(axis=0), "n_runs": len(J), "model": model, "k": int(k),
        "seed": int(seed), "n_top": n_top,
        "subsample": np.nan if subsample is None else float(subsample)})


def select_model(dtm: DocumentTermMatrix, *, models: Sequence[str] = MODELS,
                 ks: Sequence[int] = DEFAULT_KS, seed: int = DEFAULT_SEED,
                 n_seeds: int = 10, n_top: int = 10, subsample: float | None = None,
                 progress: bool = True, n_jobs: int = 1) -> pd.DataFrame:
    """Evidence for choosing the model and k: coherence, fit and stability on a grid.

    For each model and k, ``n_seeds`` runs are fitted (seeds ``seed, seed + 1, ...``;
    the first is the reference, see :func:`seed_stability`). Coherence is computed
    for every run's top-``n_top`` terms and averaged over topics, then over runs.

    Parameters
    ----------
    dtm : DocumentTermMatrix
    models : sequence of {"nmf", "lda"}
    ks : sequence of int
        The grid (default 2..12). Every k must be in range for ``dtm``.
    seed, n_seeds, n_top, subsample : see :func:`seed_stability`
    progress : bool
        Show a tqdm progress bar on standard error (turn off in notebooks, whose
        saved outputs must not change between runs).
    n_jobs : int
        Grid cells (model x k) are independent and seeded; with ``n_jobs > 1``
        (``-1``: all cores) :class:`joblib.Parallel` fits them in worker processes,
        each limited to one BLAS thread. The table is the same as with
        ``n_jobs=1`` (a test checks it to the printed precision).

    Returns
    -------
    pandas.DataFrame
        ``model_selection``: one row per model x k with ``model, k, seed, n_seeds,
        n_top, n_units, n_terms, npmi, npmi_sd, umass, umass_sd,
        reconstruction_error, perplexity, stability, stability_sd, stability_min,
        n_at_max_iter``.
        ``npmi``/``umass``: mean over runs of the mean topic coherence, ``*_sd``
        their standard deviation over runs; ``reconstruction_error`` (NMF) and
        ``perplexity`` (LDA, in-sample) of the reference run, NaN for the other
        model; ``stability``: mean matched Jaccard over all topics and non-reference
        runs, ``stability_sd`` the SD of the per-run means, ``stability_min`` the
        least stable topic's mean; ``n_at_max_iter``: runs that stopped at the
        iteration limit (:data:`NMF_MAX_ITER`; every LDA run, by design, see
        :data:`LDA_MAX_ITER`).

    References
    ----------
    See the module docstring (Bouma 2009; Mimno et al. 2011; Röder et al. 2015;
    Greene, O'Callaghan and Cunningham 2014).
    """
    from tqdm import tqdm

    for m in models:
        _check_choice("model", m, MODELS)
    ks = [int(k) for k in ks]
    for k in ks:
        _check_k(k, dtm)
    _check_seeds(n_seeds, subsample)
    grid = [(m, k) for m in models for k in ks]
    args = (int(seed), int(n_seeds), n_top, subsample)
    cells = tqdm(grid, desc="topic models", unit="model", disable=not progress)
    if n_jobs == 1:
        rows = [_grid_row(dtm, m, k, *args) for m, k in cells]
    else:
        from joblib import Parallel, delayed

        rows = Parallel(n_jobs=n_jobs, inner_max_num_threads=1)(
            delayed(_grid_row)(dtm, m, k, *args) for m, k in cells)
    return pd.DataFrame(rows)


def _grid_row(dtm: DocumentTermMatrix, m: str, k: int, seed: int, n_seeds: int,
              n_top: int, subsample: float | None) -> dict:
    runs = _run_seeds(dtm, m, k, seed, n_seeds, n_top, subsample)
    npmi = [npmi_coherence(r["top"], dtm.counts, dtm.terms).mean() for r in runs]
    umass = [umass_coherence(r["top"], dtm.counts, dtm.terms).mean() for r in runs]
    J = _stability_from_runs(runs)
    return {
        "model": m, "k": k, "seed": seed, "n_seeds": n_seeds,
        "n_top": n_top, "n_units": dtm.counts.shape[0], "n_terms": len(dtm.terms),
        "npmi": float(np.mean(npmi)), "npmi_sd": float(np.std(npmi, ddof=1)),
        "umass": float(np.mean(umass)), "umass_sd": float(np.std(umass, ddof=1)),
        "reconstruction_error": runs[0]["err"], "perplexity": runs[0]["perp"],
        "stability": float(J.mean()),
        "stability_sd": float(J.mean(axis=1).std(ddof=1)) if len(J) > 1 else np.nan,
        "stability_min": float(J.mean(axis=0).min()),
        "n_at_max_iter": int(sum(r["at_max"] for r in runs))}


def suggest_k(selection: pd.DataFrame, *, model: str = DEFAULT_MODEL,
              min_stability: float = 0.8) -> int:
    """Suggest k: the most coherent (NPMI) k among those whose stability is high enough.

    A rule of thumb, not a proof: among the rows of ``selection`` for ``model`` whose
    mean stability is at least ``min_stability``, the k with the highest mean NPMI
    (ties: the smaller k). If no k is stable enough, the most stable k.

    Parameters
    ----------
    selection : pandas.DataFrame
        A ``model_selection`` table from :func:`select_model`.
    model : {"nmf", "lda"}
    min_stability : float
        Threshold on mean matched Jaccard overlap.

    Returns
    -------
    int
    """
    _check_choice("model", model, MODELS)
    rows = selection[selection["model"] == model]
    if rows.empty:
        raise ValueError(f"model={model!r} is not in the selection table "
                         f"(it has {sorted(selection['model'].unique())})")
    ok = rows[rows["stability"] >= min_stability]
    if ok.empty:
        best = rows.sort_values(["stability", "k"], ascending=[False, True], kind="stable")
    else:
        best = ok.sort_values(["npmi", "k"], ascending=[False, True], kind="stable")
    return int(best["k"].iloc[0])


# ---------------------------------------------------------------------------------
# prevalence by year
# ---------------------------------------------------------------------------------

def _wide(unit_topics: pd.DataFrame):
    need = {"unit_id", "year", "topic", "weight"}
    missing = need - set(unit_topics.columns)
    if missing:
        raise ValueError(f"the unit topics table lacks column(s) {sorted(missing)}")
    wide = unit_topics.pivot_table(index=["year", "unit_id"], columns="topic",
                                   values="weight", aggfunc="first", sort=True)
    return wide


def _boot_means(wide: pd.DataFrame, n_boot: int, seed: int) -> dict:
    """Bootstrap means per year: {year: (point (k,), draws (n_boot, k), n)}."""
    if isinstance(n_boot, bool) or not isinstance(n_boot, (int, np.integer)) or n_boot < 1:
        raise ValueError(f"n_boot={n_boot!r} must be a positive integer")
    rng = np.random.default_rng(seed)
    out = {}
    for year in sorted(wide.index.get_level_values("year").unique()):
        W = wide.xs(year, level="year").to_numpy(dtype=float)
        idx = rng.integers(0, len(W), size=(n_boot, len(W)))
        out[int(year)] = (W.mean(axis=0), W[idx].mean(axis=1), len(W))
    return out


def _interval(draws: np.ndarray, level: float):
    if not 0 < level < 1:
        raise ValueError(f"level={level!r} must be between 0 and 1")
    a = (1 - level) / 2
    return np.quantile(draws, a, axis=0), np.quantile(draws, 1 - a, axis=0)


def _model_columns(unit_topics: pd.DataFrame) -> dict:
    return {c: unit_topics[c].iloc[0] for c in ("model", "k", "seed")
            if c in unit_topics.columns and len(unit_topics)}


def prevalence_by_year(unit_topics: pd.DataFrame, *, n_boot: int = 2000,
                       seed: int = DEFAULT_SEED, level: float = 0.95) -> pd.DataFrame:
    """Mean topic share per year with percentile bootstrap intervals.

    The point estimate is the mean of the units' topic weights in a year (each unit
    counts once). The interval resamples that year's units with replacement
    ``n_boot`` times (years independently; one random generator seeded with
    ``seed``, years in ascending order) and takes the ``(1 - level) / 2`` and
    ``(1 + level) / 2`` quantiles of the resampled means (percentile method, Efron
    and Tibshirani 1993). Units are treated as independent, which consecutive
    paragraphs of one speech are not quite; the intervals are therefore optimistic.
    Works with a single year.

    Parameters
    ----------
    unit_topics : pandas.DataFrame
        A ``unit topics`` table from :func:`document_topics`.
    n_boot : int
        Bootstrap resamples.
    seed : int
        Seed of the bootstrap (recorded as ``boot_seed``).
    level : float
        Confidence level.

    Returns
    -------
    pandas.DataFrame
        ``topic, year, n_units, mean, ci_low, ci_high, level, n_boot, boot_seed``
        plus ``model, k, seed`` from the input; sorted by topic, then year.
    """
    wide = _wide(unit_topics)
    boots = _boot_means(wide, n_boot, seed)
    rows = []
    for year, (point, draws, n) in boots.items():
        lo, hi = _interval(draws, level)
        for j, topic in enumerate(wide.columns):
            rows.append((int(topic), year, n, point[j], lo[j], hi[j]))
    out = pd.DataFrame(rows, columns=["topic", "year", "n_units", "mean", "ci_low",
                                      "ci_high"])
    out = out.sort_values(["topic", "year"], kind="stable").reset_index(drop=True)
    return out.assign(level=level, n_boot=n_boot, boot_seed=seed,
                      **_model_columns(unit_topics))


def _pairs(years: list[int], target, reference, pairs: str) -> list[tuple[int, int]]:
    _check_choice("pairs", pairs, ("first", "adjacent"))
    if len(years) < 2:
        raise ValueError(f"a difference between years needs at least two years; the data "
                         f"has only {years}")
    if (target is None) != (reference is None):
        raise ValueError("give both target and reference years, or neither")
    if target is not None:
        for name, y in (("target", target), ("reference", reference)):
            if y not in years:
                raise ValueError(f"{name}={y!r} is not a year of the data ({years})")
        if target == reference:
            raise ValueError(f"target and reference are the same year ({target!r})")
        return [(int(target), int(reference))]
    if pairs == "first":
        return [(y, years[0]) for y in years[1:]]
    return [(b, a) for a, b in zip(years, years[1:])]


def prevalence_difference(unit_topics: pd.DataFrame, *, target: int | None = None,
                          reference: int | None = None, pairs: str = "first",
                          n_boot: int = 2000, seed: int = DEFAULT_SEED,
                          level: float = 0.95) -> pd.DataFrame:
    """Difference in mean topic share between years (target minus reference).

    Uses the same bootstrap draws as :func:`prevalence_by_year` with the same
    ``n_boot`` and ``seed`` (units resampled within each year, independently), so the
    interval of a difference is the percentile interval of the differences of the
    resampled means.

    Parameters
    ----------
    unit_topics : pandas.DataFrame
        A ``unit topics`` table from :func:`document_topics`.
    target, reference : int, optional
        Two years of the data; if neither is given, ``pairs`` decides.
    pairs : {"first", "adjacent"}
        Without target/reference: ``first`` compares each later year with the first
        year; ``adjacent`` each year with the one before it.
    n_boot, seed, level : see :func:`prevalence_by_year`.

    Returns
    -------
    pandas.DataFrame
        ``topic, target, reference, n_target, n_reference, difference, ci_low,
        ci_high, level, n_boot, boot_seed`` plus ``model, k, seed``.

    Raises
    ------
    ValueError
        With fewer than two years (the message names the years found), an unknown
        year, or only one of target/reference.
    """
    wide = _wide(unit_topics)
    years = sorted(int(y) for y in wide.index.get_level_values("year").unique())
    wanted = _pairs(years, target, reference, pairs)
    boots = _boot_means(wide, n_boot, seed)
    rows = []
    for t, r in wanted:
        pt, dt, nt = boots[t]
        pr, dr, nr = boots[r]
        lo, hi = _interval(dt - dr, level)
        for j, topic in enumerate(wide.columns):
            rows.append((int(topic), t, r, nt, nr, pt[j] - pr[j], lo[j], hi[j]))
    out = pd.DataFrame(rows, columns=["topic", "target", "reference", "n_target",
                                      "n_reference", "difference", "ci_low", "ci_high"])
    out = out.sort_values(["topic", "target", "reference"], kind="stable")
    return out.reset_index(drop=True).assign(level=level, n_boot=n_boot, boot_seed=seed,
                                             **_model_columns(unit_topics))


def prevalence_table(unit_topics: pd.DataFrame, *, target: int | None = None,
                     reference: int | None = None, pairs: str = "first",
                     n_boot: int = 2000, seed: int = DEFAULT_SEED,
                     level: float = 0.95) -> pd.DataFrame:
    """Year means and year differences in one long table (``topics-prevalence-by-year``).

    Rows with ``measure == "mean"`` come from :func:`prevalence_by_year` (``year``
    is the year, ``reference`` empty); rows with ``measure == "difference"`` from
    :func:`prevalence_difference` (``year`` is the target year). With a single year
    there are only ``mean`` rows (use :func:`prevalence_difference` directly to get
    an error instead).

    Returns
    -------
    pandas.DataFrame
        ``measure, topic, year, reference, n_units, n_reference, estimate, ci_low,
        ci_high, level, n_boot, boot_seed, model, k, seed``.
    """
    kw = {"n_boot": n_boot, "seed": seed, "level": level}
    means = prevalence_by_year(unit_topics, **kw)
    parts = [means.rename(columns={"mean": "estimate"}).assign(
        measure="mean", reference=pd.NA, n_reference=pd.NA)]
    n_years = unit_topics["year"].nunique()
    if n_years >= 2 or target is not None or reference is not None:
        diff = prevalence_difference(unit_topics, target=target, reference=reference,
                                     pairs=pairs, **kw)
        parts.append(diff.rename(columns={"difference": "estimate", "target": "year",
                                          "n_target": "n_units"}).assign(
            measure="difference"))
    cols = ["measure", "topic", "year", "reference", "n_units", "n_reference",
            "estimate", "ci_low", "ci_high", "level", "n_boot", "boot_seed"]
    cols += [c for c in ("model", "k", "seed") if c in means.columns]
    out = pd.concat([p[cols] for p in parts], ignore_index=True)
    out["reference"] = out["reference"].astype("Int64")
    out["n_reference"] = out["n_reference"].astype("Int64")
    return out


# ---------------------------------------------------------------------------------
# researcher-written labels
# ---------------------------------------------------------------------------------

_LABEL_FIELDS = ("topic", "label", "top_terms")
_TERM_SEP = "; "


def load_labels(path: str | os.PathLike | None = None, *,
                corpus: str | os.PathLike | None = None) -> pd.DataFrame:
    """Read researcher-written topic labels (``annotations/topic_labels.csv``).

    The file has columns ``topic, label, top_terms``: the topic number, a short
    label, and the top terms (separated by ``"; "``) the label was written for, so
    that :func:`check_labels` can tell when the model has changed under it.

    Parameters
    ----------
    path : path-like, optional
        The file (default: ``{corpus}/annotations/topic_labels.csv``).
    corpus : path-like, optional
        Corpus directory for the default path.

    Returns
    -------
    pandas.DataFrame
        ``topic, label, top_terms`` (``top_terms`` as a tuple of str); empty if the
        default file does not exist.
    """
    from discourse import paths

    p = Path(path) if path is not None else \
        paths.corpus_dir(corpus) / "annotations" / "topic_labels.csv"
    if not p.is_file():
        if path is not None:
            raise FileNotFoundError(f"{p}: topic labels file not found")
        return pd.DataFrame(columns=list(_LABEL_FIELDS))
    with open(p, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [f for f in _LABEL_FIELDS if f not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{p}: missing column(s) {missing}; expected {_LABEL_FIELDS}")
        rows = []
        for lineno, r in enumerate(reader, start=2):
            try:
                topic = int(r["topic"])
            except (TypeError, ValueError):
                raise ValueError(f"{p}, line {lineno}: topic {r['topic']!r} is not an "
                                 "integer") from None
            terms = tuple(t.strip() for t in (r["top_terms"] or "").split(";") if t.strip())
            rows.append((topic, (r["label"] or "").strip(), terms))
    out = pd.DataFrame(rows, columns=list(_LABEL_FIELDS))
    if out["topic"].duplicated().any():
        dup = sorted(out.loc[out["topic"].duplicated(), "topic"])
        raise ValueError(f"{p}: topic(s) {dup} labelled more than once")
    return out.sort_values("topic", kind="stable").reset_index(drop=True)


def labels_for(terms: pd.DataFrame, labels: dict[int, str]) -> pd.DataFrame:
    """Make a ``topic labels`` table for the current model from ``{topic: label}``.

    Stores each topic's current top terms beside its label (what the researcher
    looked at); write it with :func:`write_labels`.

    Returns
    -------
    pandas.DataFrame
        ``topic, label, top_terms``.
    """
    current = _current_terms(terms)
    unknown = sorted(set(labels) - set(current))
    if unknown:
        raise ValueError(f"topic(s) {unknown} are not in the model (topics "
                         f"{sorted(current)})")
    return pd.DataFrame([(t, labels[t], current[t]) for t in sorted(labels)],
                        columns=list(_LABEL_FIELDS))


def write_labels(labels: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write a ``topic labels`` table as CSV (terms joined by ``"; "``)."""
    from discourse.io import write_table

    out = labels.assign(top_terms=[_TERM_SEP.join(t) for t in labels["top_terms"]])
    return write_table(out[list(_LABEL_FIELDS)], path)


def _current_terms(terms: pd.DataFrame) -> dict[int, tuple[str, ...]]:
    t = terms.sort_values(["topic", "rank"], kind="stable")
    return {int(k): tuple(g["term"]) for k, g in t.groupby("topic", sort=True)}


def check_labels(labels: pd.DataFrame, terms: pd.DataFrame, *,
                 min_jaccard: float = 1.0) -> pd.DataFrame:
    """Compare stored labels with the current model's top terms; flag stale labels.

    A label stays valid only while the topic it was written for still has (nearly)
    the same top terms. For each current topic the stored term set is compared with
    the current one (Jaccard overlap over the stored number of terms); the label is
    ``ok`` if the overlap is at least ``min_jaccard`` (default 1.0: the same set, in
    any order), else ``stale``. ``best_match`` names the stored label whose terms best
    fit this topic (Hungarian alignment, :func:`align_topics`), which helps when a
    refit only renumbered the topics.

    Parameters
    ----------
    labels : pandas.DataFrame
        A ``topic labels`` table from :func:`load_labels`.
    terms : pandas.DataFrame
        A ``topic terms`` table from :func:`topic_terms` (the current model).
    min_jaccard : float
        Overlap needed for ``ok``.

    Returns
    -------
    pandas.DataFrame
        ``topic, label, status, jaccard, stored_terms, current_terms,
        best_match_topic, best_match_label, best_match_jaccard``; ``status`` is
        ``ok``, ``stale`` or ``unlabelled``; ``label`` is the stored label whatever
        its status (plots show stale labels as such, never silently). A stored
        topic that the model no longer has is reported with status ``no such topic``.
    """
    if not 0 <= min_jaccard <= 1:
        raise ValueError(f"min_jaccard={min_jaccard!r} must be between 0 and 1")
    current = _current_terms(terms)
    stored = {int(r.topic): (r.label, tuple(r.top_terms))
              for r in labels.itertuples(index=False)}
    match = {}
    if stored and current:
        from scipy.optimize import linear_sum_assignment

        cur, st = sorted(current), sorted(stored)
        J = np.array([[jaccard(stored[s][1], current[c][:len(stored[s][1]) or None])
                       for s in st] for c in cur], dtype=float)
        for i, j in zip(*linear_sum_assignment(J, maximize=True)):
            match[cur[i]] = (st[j], float(J[i, j]))
    rows = []
    for t in sorted(current):
        cur_terms = current[t]
        if t in stored:
            label, st_terms = stored[t]
            j = jaccard(st_terms, cur_terms[:len(st_terms)])
            status = "ok" if j >= min_jaccard else "stale"
        else:
            label, st_terms, j, status = "", (), np.nan, "unlabelled"
        m = match.get(t)
        rows.append((t, label, status, j, _TERM_SEP.join(st_terms), _TERM_SEP.join(cur_terms),
                     m[0] if m else pd.NA, stored[m[0]][0] if m else "",
                     m[1] if m else np.nan))
    for t in sorted(set(stored) - set(current)):
        rows.append((t, stored[t][0], "no such topic", np.nan, _TERM_SEP.join(stored[t][1]),
                     "", pd.NA, "", np.nan))
    out = pd.DataFrame(rows, columns=["topic", "label", "status", "jaccard", "stored_terms",
                                      "current_terms", "best_match_topic",
                                      "best_match_label", "best_match_jaccard"])
    out["best_match_topic"] = out["best_match_topic"].astype("Int64")
    return out
