"""The whole topic analysis of chapter 03 (and ``discourse topics``) in one call.

:func:`run_pipeline` goes from the ``sentences`` table to every topic table: units,
the document-term matrix, optionally the model-selection grid, the chosen model, its
terms, per-topic stability, the label check, representative passages, unit-topic
shares and prevalence by year. Notebook 03 and the command line both call it, so the
two cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Sequence

import pandas as pd

from discourse import results
from discourse.io import remove_table, write_table
from discourse.topics.evaluation import select_model
from discourse.topics.labels import check_labels, load_labels
from discourse.topics.model import (DEFAULT_K, DEFAULT_MODEL, DEFAULT_SEED,
                                    DocumentTermMatrix, TopicFit, document_term_matrix,
                                    feasible_ks, fit_topics)
from discourse.topics.tables import document_topics, representative_passages, topic_terms
from discourse.topics.prevalence import prevalence_table
from discourse.topics.stability import suggest_k, topic_stability
from discourse.topics.units import units

__all__ = ["TABLES", "TopicAnalysis", "run_pipeline"]

#: Every table a topic analysis writes (:meth:`TopicAnalysis.write`), the model
#: selection only with a grid: chapter 03's tables in the registry, in its order; the set
#: whose earlier tables a run removes.
TABLES = tuple(o for o in results.TABLES if o.chapter == "03-topics")


@dataclasses.dataclass(frozen=True, eq=False)
class TopicAnalysis:
    """Every result of one topic analysis (kind ``topic analysis``).

    Attributes
    ----------
    dtm : DocumentTermMatrix
    fit : TopicFit
        The reported model.
    selection : pandas.DataFrame or None
        The ``model_selection`` table (``None`` without a grid).
    suggested_k : int or None
        :func:`discourse.topics.suggest_k` for the fitted ``model`` on the grid
        (``None`` without one).
    terms, stability, labels, passages, unit_topics, prevalence : pandas.DataFrame
        The tables of :func:`~discourse.topics.topic_terms`,
        :func:`~discourse.topics.topic_stability` (seed and resampling stability per
        topic, which topics are citable), :func:`~discourse.topics.check_labels`,
        :func:`~discourse.topics.representative_passages`,
        :func:`~discourse.topics.document_topics` and
        :func:`~discourse.topics.prevalence_table`.
    """

    dtm: DocumentTermMatrix
    fit: TopicFit
    selection: pd.DataFrame | None
    suggested_k: int | None
    terms: pd.DataFrame
    stability: pd.DataFrame
    labels: pd.DataFrame
    passages: pd.DataFrame
    unit_topics: pd.DataFrame
    prevalence: pd.DataFrame

    def tables(self, layer: str | None = None) -> dict:
        """``{registered output: table}`` (with a ``layer`` column if ``layer`` is given)."""
        out = {} if self.selection is None else {results.TOPICS_MODEL_SELECTION: self.selection}
        out.update({results.TOPICS_TERMS: self.terms,
                    results.TOPICS_STABILITY: self.stability,
                    results.TOPICS_LABELS_CHECK: self.labels,
                    results.TOPICS_PASSAGES: self.passages,
                    results.TOPICS_DOCUMENTS: self.unit_topics,
                    results.TOPICS_PREVALENCE: self.prevalence})
        if layer is None:
            return out
        return {name: table.assign(layer=layer) for name, table in out.items()}

    def write(self, directory: str | os.PathLike | None = None, *,
              layer: str | None = None) -> list[Path]:
        """Write every table into ``directory`` (default ``results/``); return the paths.

        A table of :data:`TABLES` that this analysis has not (the model selection of an
        earlier run with a grid, when this one has none) is removed from ``directory``
        with its provenance sidecar, so that the folder never shows one run's tables
        beside another's as if they belonged together; no other file is touched.
        """
        for output in self._not_written():
            remove_table(output.path(directory))
        return [write_table(table, output.path(directory))
                for output, table in self.tables(layer).items()]

    def stale_tables(self, directory: str | os.PathLike | None = None) -> list[Path]:
        """The tables in ``directory`` that :meth:`write` would remove: those of
        :data:`TABLES` present there that this analysis has not (the model selection of
        an earlier run with a grid, when this one has none), in the order of
        :data:`TABLES`."""
        return [output.path(directory) for output in self._not_written()
                if output.path(directory).is_file()]

    def _not_written(self) -> list:
        """The outputs of :data:`TABLES` that this analysis has no table for."""
        tables = self.tables()
        return [output for output in TABLES if output not in tables]


def run_pipeline(sentences: pd.DataFrame, *, unit: str = "paragraphs", window: int = 5,
                 include_questions: bool = True, min_df: int | float = 2,
                 model: str = DEFAULT_MODEL, k: int = DEFAULT_K, seed: int = DEFAULT_SEED,
                 ks: Sequence[int] | None = None, n_seeds: int = 10, n_top: int = 10,
                 n_boot: int = 2000, n_passages: int = 3, target=None, reference=None,
                 labels: str | os.PathLike | None = None,
                 corpus: str | os.PathLike | None = None, progress: bool = False,
                 n_jobs: int = 1, algorithm: str = "batch",
                 design: str = "block") -> TopicAnalysis:
    """Run the topic analysis from a ``sentences`` table.

    Parameters
    ----------
    sentences : pandas.DataFrame
        The ``sentences`` table.
    unit, window, include_questions
        See :func:`discourse.topics.units`.
    min_df : int or float
        See :func:`discourse.topics.document_term_matrix`.
    model, k, seed
        The reported model (see :func:`discourse.topics.fit_topics`); ``seed`` also
        seeds the stability runs and the prevalence bootstrap.
    ks : sequence of int, optional
        Grid of k for :func:`discourse.topics.select_model` (both models). The values
        a small corpus cannot carry are left out (:func:`discourse.topics.feasible_ks`)
        and ``k`` is capped at the largest one left. ``None``: no grid.
    n_seeds, n_top
        Runs per model and k, and top terms compared (stability, coherence, terms).
    n_boot, target, reference, design
        See :func:`discourse.topics.prevalence_table` (``design``: block bootstrap of
        runs of units by default).
    algorithm : {"batch", "online"}
        The reported model's algorithm (:func:`discourse.topics.fit_topics`; the grid
        and the stability runs use batch fits).
    n_passages : int
        Representative passages per topic.
    labels : path-like, optional
        The topic labels file (default: ``{corpus}/annotations/topic_labels.csv``).
    corpus : path-like, optional
        The corpus directory for the default labels file.
    progress : bool
        Progress bars on the document-term matrix and the grid.
    n_jobs : int
        Processes for the grid (the table is the same for any value).

    Returns
    -------
    TopicAnalysis

    Raises
    ------
    ValueError
        For a bad option or a k out of range (the message names the value).
    """
    dtm = document_term_matrix(units(sentences, unit=unit, window=window,
                                     include_questions=include_questions), min_df=min_df,
                               progress=progress)
    selection = suggested = None
    if ks is not None:
        grid = feasible_ks(dtm, ks)
        if not grid:
            raise ValueError(f"no k of {list(ks)} can be fitted on {dtm.counts.shape[0]} "
                             f"units and {dtm.counts.shape[1]} terms")
        selection = select_model(dtm, ks=grid, seed=seed, n_seeds=n_seeds, n_top=n_top,
                                 progress=progress, n_jobs=n_jobs)
        suggested = suggest_k(selection, model=model)     # for the model fitted
        k = min(k, max(grid))   # a small corpus cannot carry more topics than units or terms
    fit = fit_topics(dtm, model=model, k=k, seed=seed, algorithm=algorithm)
    terms = topic_terms(fit, n=n_top)
    unit_topics = document_topics(fit)
    return TopicAnalysis(
        dtm=dtm, fit=fit, selection=selection, suggested_k=suggested, terms=terms,
        stability=topic_stability(dtm, model=model, k=k, seed=seed, n_seeds=n_seeds,
                                  n_top=n_top),
        labels=check_labels(load_labels(labels, corpus=corpus), terms),
        passages=representative_passages(fit, n=n_passages),
        unit_topics=unit_topics,
        prevalence=prevalence_table(unit_topics, target=target, reference=reference,
                                    n_boot=n_boot, seed=seed, design=design))
