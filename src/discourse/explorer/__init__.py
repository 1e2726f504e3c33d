"""An offline explorer of the results for readers without Python: ``report/explorer.html``.

``discourse report`` (and so ``make reproduce``) writes one self-contained HTML file
that works with no network: scripts, styles and data are inlined, and the page's
Content-Security-Policy forbids any request. A reader can

* explore the keyness table as a scatter, Log Ratio against frequency and against
  dispersion, with hover, and click a term to list its keyword-in-context lines;
* browse sentences with their frame codes and evidence (matched lexicon entries
  highlighted), filtered by year, role, frame and agreement with the hand coding;
* browse topics with their top terms and representative passages.

The data are the result tables the static figures are drawn from
(``results/keywords-keyness.csv``, ``sentences.csv``, ``framing-codes.csv``,
``topics-terms.csv``, ``topics-labels-check.csv``, ``topics-passages.csv``), the
corpus's hand coding (``annotations/frames_validation.csv``, optional) and KWIC lines
computed with :func:`discourse.concordance.kwic` for the terms of figure 02-keyness.
A missing table leaves its view with a note saying so.

Why Bokeh: it is a well-kept library (BSD-3, NumFOCUS) whose whole client library
installs with the Python package and can be inlined (``resources=INLINE``), so the
file needs no CDN, unlike the HTML of scattertext and pyLDAvis by default. It gives
the interactive parts ready-made: scatter plots with hover and tap selection, linked
selections, sortable data tables with filtered views, select widgets and tabs, so our
own JavaScript is three short callbacks of a few lines. Plotly also inlines its bundle
(about 3.5 MB) but has no filterable table or select widget, so the sentence browser
would have been hand-written JavaScript. Bokeh's random ids are replaced by a
deterministic numbering (:func:`discourse.explorer.page.stable_ids`): two runs give
byte-identical files.

Modules: :mod:`~discourse.explorer.data` (the tables), :mod:`~discourse.explorer.evidence`
(the frame evidence marked in the text), :mod:`~discourse.explorer.views` (the Bokeh
views), :mod:`~discourse.explorer.page` (the page).
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from discourse import __version__, paths
from discourse import results as registry

__all__ = ["FILE", "build_html", "write_explorer"]

#: The explorer's file name in the report folder.
FILE = "explorer.html"


def _sources_html(results: Path, used: list[registry.Output], hand: bool) -> str:
    from discourse import provenance

    items = []
    for output in used:
        path = output.path(results)
        if not path.is_file():
            items.append(f"<li><code>{output.ref}</code>: missing</li>")
            continue
        record = provenance.read_sidecar(path) or {}
        digest = record.get("sha256")
        items.append(f"<li><code>{output.ref}</code>" + (f" (sha256 {digest[:12]})"
                                                         if digest else "") + "</li>")
    items.append("<li><code>annotations/frames_validation.csv</code> of the corpus: "
                 + ("hand codes" if hand else "not present (no agreement to show)") + "</li>")
    return "<ul>" + "".join(items) + "</ul>"


def build_html(results: str | os.PathLike | None = None,
               corpus: str | os.PathLike | None = None, *, kwic_terms: int = 15,
               kwic_lines: int = 40, output_dir: str | os.PathLike | None = None) -> str:
    """The explorer page as a string (nothing is written).

    Parameters
    ----------
    results : path-like, optional
        The results folder (default: :func:`discourse.paths.results_dir`).
    corpus : path-like, optional
        The corpus whose hand coding is shown (default:
        :func:`discourse.paths.corpus_dir`); a corpus without
        ``annotations/frames_validation.csv`` is shown without agreement.
    kwic_terms : int
        KWIC lines are computed for the ``kwic_terms`` largest and smallest terms by
        signed G2 (those of figure 02-keyness; default 15 each way).
    kwic_lines : int
        At most this many KWIC lines per term, first in corpus order (default 40).
    output_dir : path-like, optional
        The folder the page will be written to: the page then records the results folder
        relative to it (:func:`discourse.paths.report_record`), so that a later report or
        explorer of another results folder is not written over it.

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    ValueError
        If a table exists but lacks a column (naming the file and the column).
    """
    from discourse import framing
    from discourse.explorer import data, page, views

    results = paths.results_dir(results)
    read = {o.name: data.read_result(o, results) for o in (
        registry.KEYWORDS_KEYNESS, registry.SENTENCES, registry.FRAMING_CODES,
        registry.TOPICS_TERMS, registry.TOPICS_LABELS_CHECK, registry.TOPICS_PASSAGES,
        registry.TOPICS_STABILITY)}
    keyness = read[registry.KEYWORDS_KEYNESS.name]
    sentences = read[registry.SENTENCES.name]
    codes = read[registry.FRAMING_CODES.name]
    terms = read[registry.TOPICS_TERMS.name]
    passages = read[registry.TOPICS_PASSAGES.name]
    hand = framing.load_validation(corpus=corpus)
    sheet = views.stylesheet()

    if keyness is None:
        key_view = views.no_data(registry.KEYWORDS_KEYNESS, sheet, "key terms")
    else:
        chosen = data.key_terms(keyness, n=kwic_terms)
        lines = None if sentences is None else data.kwic_lines(sentences, chosen,
                                                               lines=kwic_lines)
        label = [str(keyness[c].iloc[0]) if len(keyness) else c
                 for c in ("target", "reference")]
        key_view = views.keyness_view(data.keyness_points(keyness), lines, chosen, sheet,
                                      target=label[0], reference=label[1])
    if sentences is None or codes is None:
        missing = registry.SENTENCES if sentences is None else registry.FRAMING_CODES
        sentence_view = views.no_data(missing, sheet, "sentences and frames")
    else:
        coded = data.coded_sentences(sentences, codes, hand)
        hand_coded = bool((coded["agreement"] != data.NOT_HAND_CODED).any())
        sentence_view = views.sentences_view(coded, sheet, hand_coded=hand_coded)
    if terms is None:
        topic_view = views.no_data(registry.TOPICS_TERMS, sheet, "topics")
    else:
        topic_view = views.topics_view(
            data.topic_terms(terms, read[registry.TOPICS_LABELS_CHECK.name],
                             read[registry.TOPICS_STABILITY.name]),
            None if passages is None else data.topic_passages(passages), sheet)

    layout = views.explorer_layout(key_view, sentence_view, topic_view)
    used = [registry.KEYWORDS_KEYNESS, registry.SENTENCES, registry.FRAMING_CODES,
            registry.TOPICS_TERMS, registry.TOPICS_LABELS_CHECK, registry.TOPICS_PASSAGES,
            registry.TOPICS_STABILITY]
    header = (
        "<h1>discourse: explore the results</h1>"
        "<p>Key terms with their contexts, sentences with their frame codes, and topics "
        "with their passages, from the same result tables as the figures. This page "
        "works offline: everything it shows is inside this one file.</p>"
        f"<details><summary>Data shown</summary>{_sources_html(results, used, hand is not None)}"
        "</details>")
    from bokeh import __version__ as bokeh_version

    footer = (f"<p>Written by <code>discourse report</code> (discourse {__version__}) "
              f"with Bokeh {html.escape(bokeh_version)} (BSD-3-Clause), inlined. Cite the "
              f"numbers from <code>{registry.SUMMARY.ref}</code> and the tables named "
              "above.</p>")
    head = "" if output_dir is None else (
        f'<meta name="{paths.REPORT_RECORD}" '
        f'content="{html.escape(paths.report_record(results, output_dir))}">\n')
    return page.render_page(layout, title="discourse: explore the results", header=header,
                            footer=footer, head=head)


def write_explorer(output: str | os.PathLike | None = None, *,
                   results: str | os.PathLike | None = None,
                   corpus: str | os.PathLike | None = None, kwic_terms: int = 15,
                   kwic_lines: int = 40) -> Path:
    """Write the explorer page whole (see :func:`build_html`); return its path.

    Parameters
    ----------
    output : path-like, optional
        The file (default: ``explorer.html`` in the report folder of the results,
        :func:`discourse.paths.report_dir`: ``report/`` beside ``results/``).
    results, corpus, kwic_terms, kwic_lines
        As in :func:`build_html`.

    Raises
    ------
    ValueError
        If the file, or the ``index.html`` of its folder, is a page of the report of
        another results folder (:func:`discourse.paths.check_report_folder`); nothing is
        written.
    """
    from discourse.io import write_text

    results_dir = paths.results_dir(results)
    target = Path(output) if output is not None else paths.report_dir(results_dir) / FILE
    paths.check_report_folder(target.parent, results_dir, ("index.html", target.name))
    text = build_html(results, corpus, kwic_terms=kwic_terms, kwic_lines=kwic_lines,
                      output_dir=target.parent)
    return write_text(text, target)
