"""An HTML export of the executed notebooks with an index page, for readers who do not
run Python (``discourse report``; also the last step of ``make reproduce``).

Uses nbconvert's ``HTMLExporter`` with the JupyterLab template. The folder is
self-contained: figures are embedded in the pages (each notebook displays the PNG it
wrote, :func:`discourse.plots.save_figure`), and the template's scripts that load from
a CDN (require.js, MathJax, Mermaid; the chapters use none of them) are left out, so the
pages open from disk, offline, and can be shared as they are. Each figure keeps its
title as alternative text; each page's title is the notebook's first heading
(``NN · Chapter: question``). The report goes to ``report/`` beside a results folder
named ``results``, else to ``NAME-report/`` beside the results folder ``NAME``
(:func:`discourse.paths.report_dir`); its index records the results folder it was built
from, and a folder holding another results folder's report is never written over.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from discourse import __version__, explorer, paths
from discourse import results as registry
from discourse.io import write_text
from discourse.reproduce import EXECUTED_DIR, read_manifest

__all__ = ["export_html", "page_title", "one_run"]

#: The JupyterLab template without the blocks that load scripts from a CDN.
_TEMPLATE_NAME = "discourse-report.html.j2"
#: Figures keep the alternative text save_figure gives them (the figure's title).
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block data_png scoped %}
{%- set alt = (output | get_metadata('alt', 'image/png')) or 'Figure' -%}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}"
     alt="{{ alt | escape_html }}">
</div>
{%- endblock data_png %}
"""


def page_title(nb, fallback: str) -> str:
    """The notebook's first level-1 heading (``# ...``), or ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab", template_file=_TEMPLATE_NAME,
                        extra_loaders=[DictLoader({_TEMPLATE_NAME: _TEMPLATE})])


#: The index page's style: readable line length and spacing on a screen of any width.
_INDEX_STYLE = ("body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;"
                " max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.5;"
                " color: #222; } li { margin: 0.3em 0; } small { color: #555; }")


def export_html(notebooks: str | os.PathLike | None = None,
                output: str | os.PathLike | None = None, *,
                results: str | os.PathLike | None = None,
                corpus: str | os.PathLike | None = None) -> list[Path]:
    """Export every numbered notebook to HTML and write an ``index.html``.

    The notebooks, the results the explorer reads and the output folder belong to one
    run: ``discourse reproduce`` on another corpus or into other folders saves its
    executed notebooks in ``RESULTS/notebooks/``, so notebooks in a folder of that name
    whose parent holds a ``manifest.json`` are read with that parent as the results,
    and a results folder holding executed notebooks gives the notebooks.

    Parameters
    ----------
    notebooks : path-like, optional
        Directory of executed notebooks (default: ``RESULTS/notebooks/`` when
        ``results`` holds executed notebooks, else the repository's ``notebooks/``).
    output : path-like, optional
        Output directory (default: :func:`discourse.paths.report_dir`: ``report/`` beside
        a results folder named ``results``, else ``NAME-report/`` beside the results
        folder ``NAME``). Its ``index.html`` records the results folder the report was
        built from; a folder holding the report of another results folder is refused,
        never written over.
    results : path-like, optional
        The results folder the explorer reads (default: the parent of ``notebooks``
        when it is a run's ``RESULTS/notebooks/``, else ``results/``).
    corpus : path-like, optional
        The corpus whose hand coding the explorer shows (default: ``corpus/``).

    Returns
    -------
    list of pathlib.Path
        The pages written, then ``explorer.html`` (:mod:`discourse.explorer`), index last.
    """
    import nbformat

    from discourse.notebook import notebook_paths

    notebooks, results = one_run(notebooks, results)
    results_dir = paths.results_dir(results)
    manifest = read_manifest(results_dir)
    _check_run(notebooks, results, corpus, manifest)
    _check_complete(results_dir, corpus, manifest)
    _check_parameters(notebooks, results_dir, manifest)
    out_dir = Path(output) if output is not None else paths.report_dir(results_dir)
    paths.check_report_folder(out_dir, results_dir, ("index.html", explorer.FILE))
    # first: a bad table stops the report unwritten
    explorer_page = explorer.build_html(results, corpus, output_dir=out_dir)
    exporter = _exporter()
    written, rows = [], []
    chapters = [(p, nbformat.read(p, as_version=4)) for p in notebook_paths(notebooks)]
    for i, (nb_path, nb) in enumerate(chapters):
        title = page_title(nb, nb_path.stem)
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
        body = body.replace(".ipynb\"", ".html\"")  # links between chapters
        body = _relink(body, nb_path.parent, out_dir)
        body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + _nav(chapters, i), body,
                      count=1)
        target = out_dir / f"{nb_path.stem}.html"
        write_text(body, target)
        written.append(target)
        rows.append(f'<li><a href="{target.name}">{html.escape(title)}</a>'
                    f" <small>({html.escape(nb_path.name)})</small></li>")
    index = "\n".join([
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="{paths.REPORT_RECORD}" '
        f'content="{html.escape(paths.report_record(results_dir, out_dir))}">',
        "<title>discourse: executed notebooks</title>", f"<style>{_INDEX_STYLE}</style>",
        "</head><body>",
        "<h1>discourse: executed notebooks</h1>",
        f"<p>Generated by <code>discourse report</code> (discourse {__version__}) from the "
        "notebooks as executed by <code>discourse reproduce</code> (which <code>make "
        "reproduce</code> runs). Figures are embedded in "
        f"the pages, which need no network; tables are in <code>{html.escape(results_dir.name)}/"
        "</code> (figures also as files); <code>"
        f"{html.escape(results_dir.name)}/{registry.MANIFEST.file}</code> records "
        "versions and checksums.</p>",
        *_corpus_line(corpus),
        "<ol>", *rows, "</ol>",
        f'<p><a href="{explorer.FILE}">Explore the results</a> (key terms, sentences and '
        "frames, topics; one file that works offline)</p>", "</body></html>", ""])
    written.append(write_text(explorer_page, out_dir / explorer.FILE))
    target = out_dir / "index.html"
    write_text(index, target)
    written.append(target)
    return written


def _nav(chapters: list, i: int) -> str:
    """Links from chapter ``i`` to the contents, the chapters before and after it and
    the explorer."""
    links = ['<a href="index.html">Contents</a>']
    if i > 0:
        links.append(f'<a href="{chapters[i - 1][0].stem}.html">&larr; '
                     f"{html.escape(chapters[i - 1][0].stem)}</a>")
    if i + 1 < len(chapters):
        links.append(f'<a href="{chapters[i + 1][0].stem}.html">'
                     f"{html.escape(chapters[i + 1][0].stem)} &rarr;</a>")
    links.append('<a href="explorer.html">Explorer</a>')
    return ('<nav aria-label="report" style="font-family: sans-serif; margin: 0.6em 1em;">'
            + " &middot; ".join(links) + "</nav>")


def _relink(body: str, notebooks: Path, out_dir: Path) -> str:
    """Relative links of a notebook to files beside it (``../figures/README.md``) made
    relative to the report's folder, where it is elsewhere than beside the notebooks."""
    def fix(m):
        href = m.group(2)
        if re.match(r"[a-z]+:|#|/", href) or href.endswith(".html"):
            return m.group(0)
        target = (notebooks / href.split("#")[0]).resolve()
        if not target.exists():
            return m.group(0)
        rel = os.path.relpath(target, out_dir.resolve()).replace(os.sep, "/")
        return f'{m.group(1)}"{html.escape(rel)}"'

    return re.sub(r'(<a href=)"([^"]+)"', fix, body)


def _corpus_line(corpus) -> list[str]:
    """A paragraph for the index of a run on another corpus than the study's (as
    :func:`discourse.notebook.corpus_note` opens each chapter)."""
    if paths.is_study_corpus(corpus):
        return []
    root = paths.corpus_dir(corpus).resolve()
    return [f"<p><strong>These chapters ran on the corpus in <code>{html.escape(str(root))}"
            "</code>, not the study's.</strong> Their text describes the study (the texts "
            "of the SCO Secretary-General in corpus/); their tables, figures and numbers "
            "are those of this corpus.</p>"]


def one_run(notebooks, results) -> tuple:
    """``(notebooks, results)`` of one run, as :func:`export_html` reads them: notebooks in
    ``RESULTS/notebooks/`` beside a manifest give the results, a results folder holding
    executed notebooks gives the notebooks; ``None`` where neither tells."""
    if results is None and notebooks is not None:
        nb_dir = Path(notebooks).resolve()
        own = paths.notebooks_dir().resolve()
        if nb_dir != own and nb_dir.name == EXECUTED_DIR and \
                (nb_dir.parent / registry.MANIFEST.file).is_file():
            results = nb_dir.parent
    if notebooks is None and results is not None:
        executed = Path(results) / EXECUTED_DIR
        if executed.is_dir() and any(executed.glob("[0-9][0-9]-*.ipynb")):
            notebooks = executed
    return notebooks, results


def _check_complete(results_dir: Path, corpus, manifest: dict) -> None:
    """Refuse a results folder that is not one finished run: a run that did not finish
    (:data:`discourse.results.INCOMPLETE_MARKER`), tables that are not the ones its
    ``manifest.json`` hashed, or a corpus whose texts are not those the run read."""
    from discourse.corpus import corpus_checksums
    from discourse.io import file_sha256

    if (results_dir / registry.INCOMPLETE_MARKER).is_file():
        raise ValueError(f"the last run into {results_dir} did not finish "
                         f"({registry.INCOMPLETE_MARKER} is there): its tables may mix two "
                         "runs and its manifest and summary describe the earlier one; run "
                         "discourse reproduce again (nothing was written)")

    def changed(name: str, digest: str) -> bool:
        p = results_dir / name.removeprefix("results/")
        return not p.is_file() or file_sha256(p) != digest

    differ = sorted(name for name, digest in manifest.get("files", {}).items()
                    if name.startswith("results/") and changed(name, digest))
    if differ:
        raise ValueError(f"{len(differ)} file(s) in {results_dir} are not the ones its "
                         f"{registry.MANIFEST.file} hashed ({', '.join(differ[:5])}"
                         f"{', ...' if len(differ) > 5 else ''}): they were changed after "
                         "the run, or by a run that did not finish; run discourse reproduce "
                         "again (nothing was written)")
    read = manifest.get("corpus", {}).get("checksums")
    if read and corpus_checksums(corpus) != read:
        raise ValueError(f"the corpus {paths.corpus_dir(corpus)} is not the one the run in "
                         f"{results_dir} read (the checksums of its texts and metadata "
                         f"differ from {registry.MANIFEST.file}'s): pass --corpus with the "
                         "run's corpus (nothing was written)")


def _check_parameters(notebooks, results_dir: Path, manifest: dict) -> None:
    """Refuse notebooks executed with other parameters than the run whose manifest is in
    ``results_dir`` recorded (e.g. the repository's notebooks beside the results of a
    run with ``--param``, whose executed notebooks are in ``RESULTS/notebooks/``)."""
    import nbformat

    from discourse.notebook import notebook_paths, recorded_parameters

    recorded = manifest.get("notebooks", {})
    differ = [p.name for p in notebook_paths(notebooks) if p.name in recorded and
              recorded_parameters(nbformat.read(p, as_version=4), p.name) != recorded[p.name]]
    if differ:
        raise ValueError(f"{', '.join(differ)} in {paths.notebooks_dir(notebooks)} were not "
                         f"executed with the parameters {registry.MANIFEST.file} in "
                         f"{results_dir} records: they are another run's; pass --notebooks "
                         "with the notebooks this run executed (a run with --param saves "
                         f"them in {results_dir}/{EXECUTED_DIR}/; nothing was written)")


def _check_run(notebooks, results, corpus, manifest: dict) -> None:
    """Refuse to mix runs: another run's results with the repository's notebooks (the
    study's run), or with the repository's hand coding when that run was on another
    corpus (``manifest.json`` names the run's corpus folder)."""
    if results is None or Path(results).resolve() == paths.results_dir().resolve():
        return
    if notebooks is None:
        raise ValueError(f"{results} holds no executed notebooks ({EXECUTED_DIR}/), and the "
                         "repository's notebooks are the study's run, not this one's: pass "
                         "--notebooks with the notebooks executed for these results")
    if corpus is None:
        name = manifest.get("corpus", {}).get("directory")
        if name and name != paths.corpus_dir().name:
            raise ValueError(f"the run in {results} was on the corpus {name}/ "
                             f"({registry.MANIFEST.file}), not on {paths.corpus_dir()}/: "
                             "pass --corpus with its path, so that the explorer shows that "
                             "corpus's hand coding")
