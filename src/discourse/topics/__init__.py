"""Topic models a reviewer can check: units, NMF / LDA, choice of k, stability, prevalence.

One step of the pipeline: ``sentences`` -> ``units`` -> a document-term matrix ->
a fitted topic model -> tidy result tables. scikit-learn does the maths
(``CountVectorizer``, ``TfidfTransformer``, ``NMF``, ``LatentDirichletAllocation``);
this package chooses the units, records every seed and measures how much a topic owes
to one random start. One step per module:

=====================================  ================================================
:mod:`discourse.topics.units`          the units a model sees (paragraphs, turns ...)
:mod:`discourse.topics.model`          document-term matrix, seeded fits, their tables
:mod:`discourse.topics.evaluation`     coherence, stability across seeds, choice of k
:mod:`discourse.topics.prevalence`     topic prevalence by year, year differences
:mod:`discourse.topics.labels`         researcher labels and their staleness check
:mod:`discourse.topics.pipeline`       the whole analysis of chapter 03 in one call
=====================================  ================================================

Every public name of those modules is available here, as before the split.

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
  Tibshirani 1993); years compared as resolved by :func:`discourse.stats.comparisons`.

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

from discourse.stats import jaccard
from discourse.topics.evaluation import (align_topics, npmi_coherence, seed_stability,
                                         select_model, suggest_k, umass_coherence)
from discourse.topics.labels import check_labels, labels_for, load_labels, write_labels
from discourse.topics.model import (DEFAULT_K, DEFAULT_KS, DEFAULT_MODEL, DEFAULT_SEED,
                                    LDA_MAX_DOC_UPDATE_ITER, LDA_MAX_ITER, MODELS,
                                    NMF_MAX_ITER, DocumentTermMatrix, TopicFit,
                                    document_term_matrix, document_topics, feasible_ks,
                                    fit_topics, representative_passages, top_terms,
                                    topic_terms)
from discourse.topics.pipeline import TopicAnalysis, run_pipeline
from discourse.topics.prevalence import (prevalence_by_year, prevalence_difference,
                                         prevalence_table)
from discourse.topics.units import UNITS, units

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
    "TopicAnalysis",
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
    "run_pipeline",
]
