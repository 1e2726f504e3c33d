"""Figures: one function per result table, each returning a matplotlib ``Figure``.

One module per chapter, with the conventions shared by all in
:mod:`discourse.plots.figure` (:func:`new_figure`, :func:`save_figure`): fixed size and
DPI, a title, labelled axes, the source noted, and files (PNG + SVG) byte-identical
across runs. Plot functions never save; notebooks call :func:`save_figure`.

==================================  =====================================================
:mod:`discourse.plots.corpus`       :func:`corpus_structure`
:mod:`discourse.plots.keywords`     :func:`plot_keyness`, :func:`plot_logodds`,
                                    :func:`plot_term_families`,
                                    :func:`plot_lexical_dispersion`
:mod:`discourse.plots.topics`       :func:`plot_topic_model_selection`,
                                    :func:`plot_topic_terms`, :func:`plot_topic_prevalence`,
                                    :func:`plot_topic_flow`
:mod:`discourse.plots.framing`      :func:`plot_frame_shares`, :func:`plot_validation`,
                                    :func:`plot_agreement_ceiling`, :func:`plot_probes`,
                                    :func:`plot_cooccurrence`, :func:`plot_trajectory`,
                                    :func:`plot_roles`
==================================  =====================================================
"""

from discourse.plots.corpus import corpus_structure
from discourse.plots.figure import DPI, FIGSIZE, FORMATS, new_figure, save_figure, source_note
from discourse.plots.framing import (PROBES_PER_ROW, plot_agreement_ceiling,
                                     plot_cooccurrence, plot_frame_shares, plot_probes,
                                     plot_roles, plot_trajectory, plot_validation)
from discourse.plots.keywords import (plot_keyness, plot_lexical_dispersion, plot_logodds,
                                      plot_term_families)
from discourse.plots.topics import (plot_topic_flow, plot_topic_model_selection,
                                    plot_topic_prevalence, plot_topic_terms)

__all__ = [
    "save_figure", "new_figure", "FIGSIZE", "DPI", "FORMATS", "source_note",
    "corpus_structure",
    "plot_keyness", "plot_logodds", "plot_term_families", "plot_lexical_dispersion",
    "plot_topic_model_selection", "plot_topic_terms", "plot_topic_prevalence",
    "plot_topic_flow",
    "plot_frame_shares", "plot_validation", "plot_agreement_ceiling", "plot_cooccurrence",
    "plot_trajectory", "plot_roles", "plot_probes", "PROBES_PER_ROW",
]
