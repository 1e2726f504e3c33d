"""Topic models a reviewer can check: units, NMF / LDA, choice of k, stability, prevalence.

One step of the pipeline: ``sentences`` -> ``units`` -> a document-term matrix ->
a fitted topic model -> tidy result tables. scikit-learn does the maths
(``CountVectorizer``, ``TfidfTransformer``, ``NMF``, ``LatentDirichletAllocation``);
this package chooses the units, records every seed and measures how much a topic owes
to one random start. One step per module:

=====================================  ================================================
:mod:`discourse.topics.units`          the units a model sees (paragraphs, turns ...)
:mod:`discourse.topics.model`          document-term matrix, seeded fits
:mod:`discourse.topics.tables`         a fit's tables: terms, unit shares, passages
:mod:`discourse.topics.evaluation`     coherence, stability across seeds, choice of k
:mod:`discourse.topics.stability`      per-topic stability, citable topics, rule for k
:mod:`discourse.topics.prevalence`     topic prevalence by year, year differences
:mod:`discourse.topics.labels`         researcher labels and their staleness check
:mod:`discourse.topics.pipeline`       the whole analysis of chapter 03 in one call
=====================================  ================================================

Every public name of those modules is available here, as before the split.

Conventions, to be named when citing numbers, are in each module's docstring with
their references: units (paragraphs by default, titles and leads left out), terms (the
analyzer of :mod:`discourse.preprocess`, ``min_df`` 2), models (NMF on TF-IDF, LDA on
counts, always seeded, topics numbered by decreasing mean share), coherence (NPMI and
UMass on this corpus), top terms (terms of non-zero weight only, so a narrow NMF topic
can have fewer; such a topic is never citable), stability (Hungarian-aligned Jaccard
overlap of top-10 terms across seeds and across refits on 80% of the units, Greene,
O'Callaghan and Cunningham 2014; the rule for k uses both), prevalence (mean unit share
per year with percentile intervals from a block bootstrap of runs of units, years
compared as resolved by :func:`discourse.stats.comparisons`).
"""

from discourse.stats import jaccard
from discourse.topics.evaluation import (RESAMPLE_FRACTION, align_topics, npmi_coherence,
                                         seed_stability, select_model, umass_coherence)
from discourse.topics.labels import check_labels, labels_for, load_labels, write_labels
from discourse.topics.model import (ALGORITHMS, DEFAULT_K, DEFAULT_KS, DEFAULT_MODEL,
                                    DEFAULT_SEED,
                                    LDA_MAX_DOC_UPDATE_ITER, LDA_MAX_ITER, MODELS,
                                    NMF_MAX_ITER, ZERO_WEIGHT_RTOL, DocumentTermMatrix,
                                    TopicFit,
                                    document_term_matrix, feasible_ks, fit_topics,
                                    top_terms)
from discourse.topics.tables import document_topics, representative_passages, topic_terms
from discourse.topics.pipeline import TopicAnalysis, run_pipeline
from discourse.topics.prevalence import (DESIGNS, prevalence_by_year,
                                         prevalence_difference, prevalence_table)
from discourse.topics.stability import (MIN_RESAMPLE_STABILITY, MIN_STABILITY,
                                        STABILITY_COLUMNS, passing_ks, suggest_k,
                                        topic_stability)
from discourse.topics.units import UNITS, units

__all__ = [
    "MODELS",
    "ALGORITHMS",
    "DESIGNS",
    "RESAMPLE_FRACTION",
    "MIN_STABILITY",
    "MIN_RESAMPLE_STABILITY",
    "STABILITY_COLUMNS",
    "topic_stability",
    "UNITS",
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
    "passing_ks",
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
