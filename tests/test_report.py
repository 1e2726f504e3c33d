"""discourse.report: a self-contained HTML export (no script loaded from a CDN, figures
embedded) whose page titles are the chapters' headings, all in one style."""

from __future__ import annotations

import base64
import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from discourse import paths, report, reproduce

from conftest import NOT_SCO_TEXT, REPO

#: The style of every chapter's first heading: "# NN · Chapter: question or subject".
HEADING = re.compile(r"^\d\d · [A-Z][a-z]+: \S.*$")


def test_every_chapter_heading_has_one_style():
    titles = []
    for path in reproduce.notebook_paths(REPO / "notebooks"):
        nb = nbformat.read(path, as_version=4)
        title = report.page_title(nb, path.stem)
        assert HEADING.match(title), (path.name, title)
        assert title.startswith(path.name[:2] + " · ")
        titles.append(title)
    assert len(titles) >= 6


def test_page_title_is_the_first_heading():
    nb = new_notebook(cells=[new_markdown_cell("Intro\n\n## Not this"),
                             new_markdown_cell("# 01 · Corpus: the texts\n# Later")])
    assert report.page_title(nb, "x") == "01 · Corpus: the texts"
    assert report.page_title(new_notebook(), "fallback") == "fallback"


@pytest.mark.slow
def test_pages_are_self_contained_with_their_titles_and_images(tmp_path):
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n-not-really").decode()
    code = new_code_cell("show()", execution_count=1, outputs=[
        new_output("display_data", data={"image/png": png, "text/plain": "<Image>"},
                   metadata={"image/png": {"alt": "Sentences by role"}})])
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    nbformat.write(new_notebook(cells=[new_markdown_cell("# 01 · Corpus: the texts"), code]),
                   nbdir / "01-corpus.ipynb")
    (tmp_path / "results").mkdir()      # no run's manifest: these notebooks are no run's
    pages = report.export_html(nbdir, tmp_path / "html", results=tmp_path / "results")
    page = pages[0].read_text(encoding="utf-8")
    assert "<title>01 · Corpus: the texts</title>" in page
    assert page.count(f'src="data:image/png;base64,{png}"') == 1
    assert 'alt="Sentences by role"' in page
    assert re.findall(r'<script[^>]+src="', page) == []          # no require.js, MathJax
    assert re.findall(r'<link[^>]+href="https?:', page) == []
    index = pages[-1].read_text(encoding="utf-8")
    assert '<a href="01-corpus.html">01 · Corpus: the texts</a>' in index
    # the index scales to a phone and keeps a readable line length (it was unstyled)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in index
    assert re.search(r"<style>[^<]*max-width: 46em", index)
    # a browser review: no page linked back to the contents, the next chapter or the
    # explorer, and a link to a file beside the notebooks broke in a report elsewhere
    assert '<a href="index.html">Contents</a>' in page and 'href="explorer.html"' in page
    nbformat.write(new_notebook(cells=[new_markdown_cell(
        "# 02 · Keywords\n\nSee [the captions](../figures/README.md).")]),
        nbdir / "02-keywords.ipynb")
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "README.md").write_text("captions\n")
    pages = report.export_html(nbdir, tmp_path / "deep" / "html",
                               results=tmp_path / "results")
    first, second = (p.read_text(encoding="utf-8") for p in pages[:2])
    assert '<a href="02-keywords.html">02-keywords &rarr;</a>' in first
    assert '<a href="01-corpus.html">&larr; 01-corpus</a>' in second
    assert 'href="../../figures/README.md"' in second
    assert (tmp_path / "deep" / "html" / "../../figures/README.md").resolve().is_file()


@NOT_SCO_TEXT
@pytest.mark.slow
def test_the_report_of_another_run_reads_that_run(tmp_path, tiny_corpus):
    """`discourse report --notebooks RESULTS/notebooks` (as `discourse reproduce` on
    another corpus suggests) writes beside RESULTS, and its explorer reads RESULTS, not
    the repository's results/; `--results RESULTS` alone finds the notebooks."""
    from discourse import cli, corpus, framing
    from discourse import results as registry
    from discourse.io import write_table

    res = tmp_path / "other" / "results"
    (res / "notebooks").mkdir(parents=True)
    nbformat.write(new_notebook(cells=[new_markdown_cell("# 01 · Corpus: the texts")]),
                   res / "notebooks" / "01-corpus.ipynb")
    (res / "manifest.json").write_text("{}\n")
    sentences = corpus.segment(corpus.load_docs(tiny_corpus))
    write_table(sentences, registry.SENTENCES.path(res))
    write_table(framing.code_sentences(sentences), registry.FRAMING_CODES.path(res))

    assert cli.main(["report", "--notebooks", str(res / "notebooks"),
                     "--corpus", str(tiny_corpus)]) == 0
    out = tmp_path / "other" / "report"
    assert sorted(p.name for p in out.iterdir()) == ["01-corpus.html", "explorer.html",
                                                     "index.html"]
    page = (out / "explorer.html").read_text(encoding="utf-8")
    assert "Mr. Smith met Mr Jones in St. Petersburg" in page         # the tiny corpus
    assert "norov-2020" not in page                                    # not the study's
    index = (out / "index.html").read_text()
    assert "<code>results/manifest.json</code>" in index
    assert (f"These chapters ran on the corpus in <code>{tiny_corpus.resolve()}</code>, not "
            "the study's.") in index
    (out / "index.html").unlink()
    assert cli.main(["report", "--results", str(res), "--corpus", str(tiny_corpus)]) == 0
    assert (out / "index.html").is_file() and (out / "01-corpus.html").is_file()


def test_a_report_never_mixes_two_runs(tmp_path, monkeypatch):
    """Another run's results with the repository's notebooks (executed on the study), or
    a run on another corpus with the repository's hand coding: refused before anything
    is written (a walkthrough's report showed the study's chapters beside its tables,
    and the explorer named the repository's hand coding for its corpus)."""
    import json

    monkeypatch.delenv("DISCOURSE_CORPUS", raising=False)
    run = tmp_path / "run" / "results"
    run.mkdir(parents=True)
    (run / "manifest.json").write_text(json.dumps({"corpus": {"directory": "mine"}}))
    out = tmp_path / "html"
    with pytest.raises(ValueError, match=r"holds no executed notebooks \(notebooks/\), and "
                                         r"the repository's notebooks are the study's run"):
        report.export_html(None, out, results=run)
    (run / "notebooks").mkdir()
    nbformat.write(new_notebook(cells=[new_markdown_cell("# 01 · Mine")]),
                   run / "notebooks" / "01-a.ipynb")
    with pytest.raises(ValueError, match=r"was on the corpus mine/ \(manifest.json\), not "
                                         r"on .*corpus/: pass --corpus"):
        report.export_html(None, out, results=run)
    assert not out.exists()


def test_a_report_is_of_one_finished_run(tmp_path, tiny_corpus):
    """A results folder that is not one finished run is refused before anything is
    written: a run that did not finish (its marker), tables changed after the manifest
    hashed them (a walkthrough's failed run rewrote chapter 02's tables under the old
    manifest, and the report published them), or another corpus than the run's."""
    import hashlib
    import json

    from discourse import corpus
    from discourse import results as registry

    run = tmp_path / "run" / "results"
    (run / "notebooks").mkdir(parents=True)
    nbformat.write(new_notebook(cells=[new_markdown_cell("# 01 · Corpus: mine")]),
                   run / "notebooks" / "01-a.ipynb")
    table = run / "keywords-keyness.csv"
    table.write_text("term,g2\nx,1\n")
    (run / "manifest.json").write_text(json.dumps({
        "corpus": {"directory": "tiny", "checksums": corpus.corpus_checksums(tiny_corpus)},
        "files": {"results/keywords-keyness.csv":
                  hashlib.sha256(table.read_bytes()).hexdigest()}}))
    out = tmp_path / "html"
    marker = run / registry.INCOMPLETE_MARKER
    marker.write_text("started\n")
    with pytest.raises(ValueError, match=r"the last run into .* did not finish "
                                         r"\(\.run-incomplete is there\)"):
        report.export_html(None, out, results=run, corpus=tiny_corpus)
    marker.unlink()
    table.write_text("term,g2\nx,2\n")
    with pytest.raises(ValueError, match=r"1 file\(s\) in .* are not the ones its "
                                         r"manifest.json hashed \(results/keywords-keyness"):
        report.export_html(None, out, results=run, corpus=tiny_corpus)
    table.write_text("term,g2\nx,1\n")
    other = tmp_path / "other"
    import shutil
    shutil.copytree(tiny_corpus, other)
    text = sorted((other / "texts").glob("*.txt"))[0]
    text.write_text(text.read_text() + "One more line.\n")
    with pytest.raises(ValueError, match=r"the corpus .*other is not the one the run in"):
        report.export_html(None, out, results=run, corpus=other)
    assert not out.exists()


def test_notebooks_of_another_run_are_refused(tmp_path):
    """A review's case: `reproduce --param` on the repository's own folders saved its
    executed notebooks in results/notebooks/, and `discourse report` exported the
    repository's notebooks (the earlier run's) beside that run's tables."""
    import json

    run = tmp_path / "run" / "results"
    nbdir = run / "notebooks"
    nbdir.mkdir(parents=True)
    cell = new_code_cell("LAYER = 'cleaned'\nRESULTS_DIR = '/somewhere/results'")
    cell.metadata["tags"] = ["parameters"]
    nbformat.write(new_notebook(cells=[new_markdown_cell("# 01 · Corpus: mine"), cell]),
                   nbdir / "01-a.ipynb")
    manifest = {"notebooks": {"01-a.ipynb": {"LAYER": "raw", "RESULTS_DIR": "results"}}}
    (run / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ValueError, match=r"01-a.ipynb in .* were not executed with the "
                                         r"parameters manifest.json in .* records"):
        report.export_html(nbdir, tmp_path / "html", results=run)
    assert not (tmp_path / "html").exists()
    # the notebooks the run executed pass this check (folders compared by name)
    manifest["notebooks"]["01-a.ipynb"]["LAYER"] = "cleaned"
    (run / "manifest.json").write_text(json.dumps(manifest))
    report._check_parameters(nbdir, run, reproduce.read_manifest(run))


def test_results_folders_side_by_side_get_reports_of_their_own(tmp_path):
    """A reviewer's two runs, `--results /tmp/r-res` then `--results /tmp/r-res2`, both
    wrote /tmp/report/, the second over the first without a word."""
    from discourse import paths

    assert paths.report_dir(tmp_path / "r-res") == tmp_path / "r-res-report"
    assert paths.report_dir(tmp_path / "r-res2") == tmp_path / "r-res2-report"
    assert paths.report_dir(tmp_path / "run" / "results") == tmp_path / "run" / "report"
    assert paths.report_dir() == REPO / "report"           # the study's, as documented


def _run_folder(root, title="# 01 · Corpus: mine"):
    (root / "notebooks").mkdir(parents=True)
    nbformat.write(new_notebook(cells=[new_markdown_cell(title)]),
                   root / "notebooks" / "01-a.ipynb")
    (root / "manifest.json").write_text("{}\n")
    return root


@pytest.mark.parametrize("page", ["index.html", "explorer.html"])
def test_a_report_of_another_results_folder_is_never_written_over(tmp_path, page,
                                                                  page_of_another_run):
    """The report's index and explorer record the results folder they were built from; a
    folder holding either page of another results folder's report is refused before
    anything is written (one that records none, an older report, is written as before)."""
    held = page_of_another_run(page)
    run = _run_folder(tmp_path / "r2")
    with pytest.raises(ValueError, match=r"shared holds the report of the results in .*"
                                         r"r1, not of .*r2: pass -o with another "
                                         r"folder, or remove that one first"):
        report.export_html(None, held.parent, results=run)
    assert held.read_text().endswith("the first run's page</body></html>")
    assert sorted(p.name for p in held.parent.iterdir()) == [page]
    # the record is relative to the report (no path of the machine is published), and
    # names the same folder however the results folder is written
    paths.check_report_folder(held.parent, tmp_path / "r1")
    paths.check_report_folder(held.parent, tmp_path / "r2" / ".." / "r1")


@pytest.mark.slow
def test_two_runs_side_by_side_keep_both_reports(tmp_path, tiny_corpus):
    from discourse import cli

    first, second = (_run_folder(tmp_path / n, f"# 01 · Corpus: {n}")
                     for n in ("r-res", "r-res2"))
    for run in (first, second):
        assert cli.main(["report", "--results", str(run), "--corpus", str(tiny_corpus)]) == 0
    for name in ("r-res", "r-res2"):
        index = (tmp_path / f"{name}-report" / "index.html").read_text(encoding="utf-8")
        assert f'<meta name="discourse-results" content="../{name}">' in index
        page = (tmp_path / f"{name}-report" / "01-a.html").read_text(encoding="utf-8")
        assert f"01 · Corpus: {name}</title>" in page
    assert not (tmp_path / "report").exists()
    # the same run again replaces its own report; another run's -o into it is refused
    assert cli.main(["report", "--results", str(first), "--corpus", str(tiny_corpus)]) == 0
    assert cli.main(["report", "--results", str(second), "--corpus", str(tiny_corpus),
                     "-o", str(tmp_path / "r-res-report")]) == 2
    assert "Corpus: r-res</title>" in (tmp_path / "r-res-report" / "01-a.html").read_text()
