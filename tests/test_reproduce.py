"""The notebook runner, parameters, atomic writes and the HTML report (fast tests)."""

from __future__ import annotations

import hashlib
import json
import shutil
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import REPO
from discourse import cli, io, paths, reproduce
from discourse import results as registry
from discourse.corpus import CorpusError
from discourse.reproduce import ReproduceError


def _notebook(path: Path, *cells) -> Path:
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


def _params(src: str):
    cell = new_code_cell(src)
    cell.metadata["tags"] = ["parameters"]
    return cell


def test_read_and_inject_parameters(tmp_path):
    nb = nbformat.read(_notebook(tmp_path / "01-x.ipynb", new_markdown_cell("# T"),
                                 _params("K = 3\nNAME = 'a'\nPATH = None"),
                                 new_code_cell("print(K)")), as_version=4)
    assert reproduce.read_parameters(nb) == {"K": 3, "NAME": "a", "PATH": None}
    injected = reproduce.inject_parameters(nb, {"K": 5})
    assert injected.cells[2].metadata.tags == ["injected-parameters"]
    assert "K = 5" in injected.cells[2].source
    assert reproduce.read_parameters(injected)["K"] == 5
    assert len(nb.cells) == 3                       # the input is not mutated
    with pytest.raises(ReproduceError, match=r"01-x.ipynb: unknown parameter\(s\) Q; "
                                             r"the notebook defines K, NAME, PATH"):
        reproduce.inject_parameters(nb, {"Q": 1}, "01-x.ipynb")


def test_a_rerun_replaces_the_injected_cell(tmp_path):
    """Injections never accumulate: a notebook saved with an injected cell (as an older
    runner left them over notebooks/) gets its cell replaced, or removed when nothing
    is injected."""
    nb = nbformat.read(_notebook(tmp_path / "01-x.ipynb", new_markdown_cell("# T"),
                                 _params("K = 3\nPATH = None"),
                                 new_code_cell("print(K)")), as_version=4)
    once = reproduce.inject_parameters(nb, {"PATH": "/other/corpus"})
    twice = reproduce.inject_parameters(once, {"K": 5})
    tags = [c.metadata.get("tags", []) for c in twice.cells]
    assert tags == [[], ["parameters"], ["injected-parameters"], []]
    assert twice.cells[2].source == "# Parameters injected by discourse.reproduce\nK = 5"
    assert reproduce.read_parameters(twice) == {"K": 5, "PATH": None}
    cleaned = reproduce.inject_parameters(once, {})
    assert [c.source for c in cleaned.cells] == [c.source for c in nb.cells]
    assert [c.id for c in cleaned.cells] == ["cell-00", "cell-01", "cell-02"]


def test_parameters_are_read_without_executing(tmp_path):
    nb = nbformat.read(_notebook(tmp_path / "01-x.ipynb",
                                 _params("K = __import__('os').getcwd()")), as_version=4)
    with pytest.raises(ReproduceError, match="parameter K is not a literal"):
        reproduce.read_parameters(nb, "01-x.ipynb")


def test_notebooks_run_in_numeric_order(tmp_path):
    for name in ["10-b.ipynb", "02-a.ipynb", "notes.ipynb", "00-o.ipynb"]:
        _notebook(tmp_path / name)
    assert [p.name for p in reproduce.notebook_paths(tmp_path)] == [
        "00-o.ipynb", "02-a.ipynb", "10-b.ipynb"]


@pytest.mark.slow
def test_failing_cell_names_notebook_and_cell(tmp_path):
    path = _notebook(tmp_path / "03-bad.ipynb", new_markdown_cell("# Bad"),
                     _params("X = 1"), new_code_cell("y = X + 1"),
                     new_code_cell("raise ValueError('k=99 is out of range')"))
    before = path.read_bytes()
    with pytest.raises(ReproduceError, match=r"^03-bad.ipynb, cell 3: .*ValueError: "
                                             r"k=99 is out of range"):
        reproduce.execute_notebook(path, timeout=60)
    assert path.read_bytes() == before            # nothing saved on failure


@pytest.mark.slow
def test_executed_notebook_is_saved_with_outputs_and_no_timing(tmp_path):
    path = _notebook(tmp_path / "01-ok.ipynb", _params("X = 1"), new_code_cell("print(X * 7)"))
    path.write_text(path.read_text().replace('"Python 3"', '"Python 3 (old name)"'))
    out = tmp_path / "out" / "01-ok.ipynb"
    reproduce.execute_notebook(path, {"X": 6}, timeout=60, output=out)
    nb = nbformat.read(out, as_version=4)
    assert nb.cells[2].outputs[0]["text"] == "42\n"
    assert "execution" not in json.dumps([c.metadata for c in nb.cells])
    first = out.read_bytes()
    reproduce.execute_notebook(path, {"X": 6}, timeout=60, output=out)
    assert out.read_bytes() == first


@pytest.mark.slow
def test_saved_notebook_is_what_jupyterlab_would_save(tmp_path):
    """JupyterLab marks a notebook as changed on opening when its kernelspec differs
    from the installed kernel's (it rewrites display_name, e.g. "Python 3" ->
    "Python 3 (ipykernel)") and saves what nbformat writes: the saved file has the
    installed kernel's spec and round-trips through nbformat byte for byte."""
    from jupyter_client.kernelspec import KernelSpecManager

    path = _notebook(tmp_path / "01-ok.ipynb", new_markdown_cell("# T"), _params("X = 1"),
                     new_code_cell("X"))
    path.write_text(path.read_text().replace('"Python 3"', '"Python 3 (old name)"'))
    out = tmp_path / "out.ipynb"
    reproduce.execute_notebook(path, timeout=60, output=out)
    text = out.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    spec = KernelSpecManager().get_kernel_spec("python3")
    assert nb.metadata.kernelspec == {"display_name": spec.display_name,
                                      "language": spec.language, "name": "python3"}
    assert nbformat.writes(nb) + "\n" == text
    assert [c.id for c in nb.cells] == ["cell-00", "cell-01", "cell-02"]
    assert (nb.nbformat, nb.nbformat_minor) == (4, 5)
    nbformat.validate(nb)


def _format_keywords(schema) -> list[str]:
    if isinstance(schema, dict):
        own = [v for k, v in schema.items() if k == "format" and isinstance(v, str)]
        return own + [f for v in schema.values() for f in _format_keywords(v)]
    if isinstance(schema, list):
        return [f for v in schema for f in _format_keywords(v)]
    return []


def test_notebooks_validate_without_format_checks():
    # conftest.py refuses the import of rfc3987_syntax (jsonschema's IRI format checker)
    # to save its start-up; that changes no validation only while nbformat's schemas
    # use no "format" keyword, which this pins, and the repository's notebooks validate
    import sys

    assert sys.modules["rfc3987_syntax"] is None
    schemas = sorted(Path(nbformat.__file__).parent.glob("v*/nbformat.v*.schema.json"))
    assert len(schemas) >= 2
    assert [f for p in schemas for f in _format_keywords(json.loads(p.read_text()))] == []
    assert _format_keywords({"a": {"format": "iri"}, "format": {"type": "string"}}) == ["iri"]
    for path in reproduce.notebook_paths():
        nbformat.validate(nbformat.read(path, as_version=4))


def test_library_versions():
    import platform
    from importlib.metadata import version

    import nltk
    import pandas

    versions = reproduce.library_versions()
    assert versions["python"] == platform.python_version()
    assert versions["nltk"] == nltk.__version__ and versions["pandas"] == pandas.__version__
    assert versions["scikit-learn"] == version("scikit-learn")
    assert set(reproduce.TRACKED_LIBRARIES) <= set(versions)


def _git(root, *args):
    import subprocess

    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                           *args], cwd=root, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_git_state_of_a_repository(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    assert reproduce.git_state(plain) == {"commit": None, "dirty": None}
    tmp_path = tmp_path / "repo"
    tmp_path.mkdir()
    _git(tmp_path, "init", "-q")
    (tmp_path / "a.txt").write_text("one\n")
    _git(tmp_path, "add", "a.txt")
    _git(tmp_path, "commit", "-q", "-m", "first")
    head = _git(tmp_path, "rev-parse", "HEAD")
    assert reproduce.git_state(tmp_path) == {"commit": head, "dirty": False}
    (tmp_path / "untracked.txt").write_text("new\n")          # untracked files do not count
    assert reproduce.git_state(tmp_path)["dirty"] is False
    (tmp_path / "a.txt").write_text("two\n")
    assert reproduce.git_state(tmp_path) == {"commit": head, "dirty": True}
    _git(tmp_path, "commit", "-q", "-am", "second")
    state = reproduce.git_state(tmp_path)
    assert state["commit"] == _git(tmp_path, "rev-parse", "HEAD") != head
    assert state["dirty"] is False


def test_output_checksums_leave_out_the_executed_notebooks(tmp_path):
    results_dir = tmp_path / "results"
    (results_dir / "notebooks").mkdir(parents=True)
    (results_dir / "notebooks" / "01-a.ipynb").write_text("{}")
    (results_dir / "t.csv").write_text("a\n")
    got = reproduce.output_checksums(results_dir, tmp_path / "figures",
                                     exclude=(results_dir / "notebooks",))
    assert list(got) == ["results/t.csv"]
    checksums = reproduce.output_checksums(results_dir, tmp_path / "f")
    assert "results/notebooks/01-a.ipynb" in checksums


def test_output_checksums_hash_the_folders(tmp_path):
    import hashlib

    results_dir, figures = tmp_path / "results", tmp_path / "figures"
    io.write_table(pd.DataFrame({"a": [1]}), results_dir / "t.csv")
    (results_dir / "manifest.json").write_text("{}")
    (results_dir / ".t.csv.abc.csv").write_text("half-written")    # a temporary file
    figures.mkdir()
    (figures / "f.png").write_bytes(b"png")
    got = reproduce.output_checksums(results_dir, figures)
    assert list(got) == ["figures/f.png", "results/.provenance/t.csv.json", "results/t.csv"]
    assert got["figures/f.png"] == hashlib.sha256(b"png").hexdigest()
    assert reproduce.output_checksums(tmp_path / "none", tmp_path / "nothing") == {}


@pytest.mark.slow
def test_input_checksums_name_hand_codings_lexicons_and_codebook(tmp_path, tiny_corpus):
    import hashlib

    (tiny_corpus / "annotations" / "sub").mkdir(parents=True)
    (tiny_corpus / "annotations" / "codes.csv").write_text("id,x\n", encoding="utf-8")
    (tiny_corpus / "annotations" / "sub" / "more.csv").write_text("y\n", encoding="utf-8")
    (tiny_corpus / "annotations" / ".codes.csv.tmp").write_text("", encoding="utf-8")
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "frames.yaml").write_text("a: 1\n", encoding="utf-8")
    book = tmp_path / "book.md"
    book.write_text("# Codebook\n", encoding="utf-8")

    def sha(text):
        return hashlib.sha256(text.encode()).hexdigest()

    assert reproduce.input_checksums(tiny_corpus, lex, book) == {
        "annotations/codes.csv": sha("id,x\n"), "annotations/sub/more.csv": sha("y\n"),
        "codebook.md": sha("# Codebook\n"), "lexicons/frames.yaml": sha("a: 1\n")}
    assert reproduce.input_checksums(tmp_path / "none", tmp_path / "none",
                                     tmp_path / "none.md") == {}


@pytest.mark.slow        # a Jupyter kernel and a run of the pipeline's first steps
def test_run_injects_per_notebook_parameters(tmp_path, tiny_corpus):
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    _notebook(nbdir / "01-a.ipynb", _params("RESULTS_DIR = None\nK = 1"),
              new_code_cell("from pathlib import Path\n"
                            "Path(RESULTS_DIR, 'k.txt').write_text(str(K))"))
    manifest = reproduce.run(corpus=tiny_corpus, results=tmp_path / "r", figures=tmp_path / "f",
                             notebooks=nbdir, executed=tmp_path / "x",
                             parameters={"01-a.ipynb": {"K": 7}}, quiet=True)
    assert (tmp_path / "r" / "k.txt").read_text() == "7"
    assert manifest["notebooks"]["01-a.ipynb"] == {"K": 7, "RESULTS_DIR": "r"}
    assert {"results/sentences.csv", "results/sentences-raw.csv"} <= set(manifest["files"])
    # k.txt is no registered output: listed as a stray, not hashed as the run's
    assert manifest["strays"] == ["results/k.txt"] and "results/k.txt" not in manifest["files"]
    on_disk = json.loads((tmp_path / "r" / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk["strays"] == ["results/k.txt"]
    marker = tmp_path / "r" / registry.INCOMPLETE_MARKER
    assert not marker.exists()                                # the run finished
    with pytest.raises(ReproduceError, match="unknown parameter"):
        reproduce.run(corpus=tiny_corpus, results=tmp_path / "r", figures=tmp_path / "f",
                      notebooks=nbdir, executed=tmp_path / "x",
                      parameters={"01-a.ipynb": {"Q": 1}}, quiet=True)
    # this one did not: its sentences tables replaced the first run's under the first
    # run's manifest, and the folder says so until a run finishes
    assert "did not finish" in marker.read_text()
    # a run of some chapters does not clear it (the unfinished run's tables would pass
    # as a finished run's); a run of every chapter does
    kw = dict(corpus=tiny_corpus, results=tmp_path / "r", figures=tmp_path / "f",
              notebooks=nbdir, executed=tmp_path / "x", quiet=True)
    reproduce.run(only=["01"], **kw)
    assert marker.is_file()
    _notebook(nbdir / "02-b.ipynb", _params("M = 1"), new_code_cell("M + 1"))
    full = reproduce.run(**kw)
    assert not marker.exists()
    assert full["ran"] == ["01-a.ipynb", "02-b.ipynb"]
    # a run of some chapters keeps the parameters the others' files were made with
    part = reproduce.run(only=["02"], parameters={"02-b.ipynb": {"M": 3}}, **kw)
    assert part["ran"] == ["02-b.ipynb"]
    assert part["notebooks"] == {"01-a.ipynb": full["notebooks"]["01-a.ipynb"],
                                 "02-b.ipynb": {"M": 3}}
    assert json.loads((tmp_path / "r" / "manifest.json").read_text(encoding="utf-8"))[
        "notebooks"] == part["notebooks"]
    (nbdir / "02-b.ipynb").unlink()
    # a corpus that cannot be read: nothing written, so no mark either
    broken = tmp_path / "broken"
    shutil.copytree(tiny_corpus, broken)
    (broken / "texts" / "stray.txt").write_text("A text without a row.\n")
    with pytest.raises(CorpusError, match="no row names texts/stray.txt"):
        reproduce.run(**{**kw, "corpus": broken, "results": tmp_path / "r3"})
    assert not (tmp_path / "r3" / registry.INCOMPLETE_MARKER).exists()
    # the command line's --param reaches the notebook and the manifest
    (tmp_path / "r2").mkdir()
    assert cli.main(["reproduce", "--corpus", str(tiny_corpus), "--results",
                     str(tmp_path / "r2"), "--figures", str(tmp_path / "f"), "--notebooks",
                     str(nbdir), "--executed", str(tmp_path / "x"), "--param", "01:K=9"]) == 0
    assert (tmp_path / "r2" / "k.txt").read_text() == "9"
    on_disk = json.loads((tmp_path / "r2" / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk["notebooks"]["01-a.ipynb"] == {"K": 9, "RESULTS_DIR": "r2"}


@pytest.mark.slow
def test_a_chapter_starts_without_its_earlier_outputs(tmp_path, tiny_corpus):
    """The outputs of a chapter that an earlier run wrote (its manifest lists them with
    their sha256) are removed before the chapter runs: one it does not write this time
    (a comparison of years on a corpus of one year) is not left for the summary to cite
    and the manifest to hash as this run's. Other chapters' outputs (a run of some
    chapters), files that are no output, and a file under an output's name that no run
    wrote or that changed since (a coding sheet) stay."""
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    _notebook(nbdir / "04-framing.ipynb", _params("RESULTS_DIR = None"),
              new_code_cell("from discourse import results\n"
                            "results.FRAMING_CODES.path(RESULTS_DIR).write_text('new')"))
    res, fig = tmp_path / "r", tmp_path / "f"
    res.mkdir()
    fig.mkdir()
    io.write_table(pd.DataFrame({"a": [1]}), registry.FRAMING_SHARES.path(res))
    sidecar = res / ".provenance" / f"{registry.FRAMING_SHARES.file}.json"
    orphan = res / ".provenance" / f"{registry.FRAMING_TRAJECTORY.file}.json"
    stale = [registry.FRAMING_DIFFERENCES.path(res), registry.FIG_TRAJECTORY.path(fig),
             registry.FIG_TRAJECTORY.path(fig).with_suffix(".svg"),
             registry.FRAMING_CODES.path(res), registry.FRAMING_SHARES.path(res), sidecar,
             orphan]
    other = [registry.KEYWORDS_KEYNESS.path(res), registry.FIG_KEYNESS.path(fig)]
    sheet, edited = registry.FRAMING_SAMPLE_SHEET.path(res), registry.FRAMING_SAMPLE_LOCK.path(res)
    for p in [*stale, *other, res / "notes.txt", sheet, edited]:
        if not p.exists():
            p.write_text("old")
    listed = {f"{'figures' if p.parent == fig else 'results'}/"
              f"{p.relative_to(fig if p.parent == fig else res).as_posix()}":
              io.file_sha256(p) for p in [*stale, *other, edited]}
    edited.write_text("changed since")                 # e.g. a lock redrawn by hand
    (res / "manifest.json").write_text(json.dumps({"files": listed}), encoding="utf-8")
    reproduce.run(corpus=tiny_corpus, results=res, figures=fig, notebooks=nbdir,
                  executed=tmp_path / "x", only=["04"], quiet=True)
    assert [p.name for p in stale if p.exists()] == [registry.FRAMING_CODES.file]
    assert registry.FRAMING_CODES.path(res).read_text() == "new"
    assert all(p.exists() for p in [*other, res / "notes.txt", sheet, edited])
    manifest = json.loads((res / "manifest.json").read_text(encoding="utf-8"))
    assert "results/framing-differences.csv" not in manifest["files"]
    assert "results/keywords-keyness.csv" in manifest["files"]
    # what it removes and keeps is said
    say = reproduce.clear_chapter("04-framing", res, fig, {
        "results/framing-codes.csv": io.file_sha256(registry.FRAMING_CODES.path(res))})
    assert say[-1] == "removed 1 output(s) of 04-framing of an earlier run"
    assert any(line.startswith(f"kept {sheet}: under the name of an output") for line in say)


@pytest.mark.slow
def test_html_report(tmp_path):
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    _notebook(nbdir / "00-a.ipynb", new_markdown_cell("# First chapter\n[next](01-b.ipynb)"))
    _notebook(nbdir / "01-b.ipynb", new_markdown_cell("# Second chapter"))
    pages = __import__("discourse.report").report.export_html(nbdir, tmp_path / "html",
                                                              results=tmp_path / "results")
    assert [p.name for p in pages] == ["00-a.html", "01-b.html", "explorer.html", "index.html"]
    index = (tmp_path / "html" / "index.html").read_text()
    assert '<a href="00-a.html">First chapter</a>' in index
    assert "not the study's" not in index                 # the study's corpus: no note
    assert 'href="01-b.html"' in (tmp_path / "html" / "00-a.html").read_text()


@pytest.mark.slow
def test_a_dead_kernel_is_one_error_naming_the_notebook(tmp_path):
    path = _notebook(tmp_path / "02-dies.ipynb", _params("X = 1"),
                     new_code_cell("import os, sys\nos.write(2, b'fatal: out of memory\\n')\n"
                                   "os._exit(1)"))
    with pytest.raises(ReproduceError, match=r"^02-dies.ipynb: the kernel died "
                                             r"\(fatal: out of memory\)$"):
        reproduce.execute_notebook(path, timeout=60)


@pytest.mark.parametrize("given, named", [
    ({}, r"own --results \(.*results\) and --figures \(.*figures\), mixing"),
    ({"results": "elsewhere/results"}, r"own --figures \(.*figures\), mixing"),
    ({"figures": "elsewhere/figures"}, r"own --results \(.*results\), mixing"),
    # folders of its own, but inside the repository's: as mixed
    ({"results": "repo/results/other", "figures": "elsewhere/figures"},
     r"own --results \(.*repo/results/other, inside its results/\), mixing"),
    ({"results": "elsewhere/results", "figures": "repo/corpus/figs"},
     r"own --figures \(.*repo/corpus/figs, inside its corpus/\), mixing"),
])
def test_another_corpus_never_writes_into_the_repository_outputs(
        tmp_path, tiny_corpus, monkeypatch, given, named):
    """`discourse reproduce --corpus DIR` without output folders of its own would mix
    the other corpus's tables into the repository's results/ and figures/: refused
    before anything is written. (The repository's folders are those of a stand-in
    repository here, so that a failure of this test damages nothing.)"""
    repo = tmp_path / "repo"
    for d in ("corpus", "results", "figures", "notebooks"):
        (repo / d).mkdir(parents=True)
    monkeypatch.setattr(paths, "repo_root", lambda: repo)
    monkeypatch.delenv("DISCOURSE_CORPUS", raising=False)
    kwargs = {k: tmp_path / v for k, v in given.items()}
    with pytest.raises(ReproduceError, match=f"corpus {re.escape(str(tiny_corpus))} is "
                                             f"not the repository's, but .*{named}"):
        reproduce.run(corpus=tiny_corpus, quiet=True, **kwargs)
    assert not (tmp_path / "elsewhere").exists()
    assert not [p for p in repo.rglob("*") if p.is_file()]


def test_every_problem_with_the_output_folders_is_reported_at_once(
        tmp_path, tiny_corpus, monkeypatch):
    """Before, a missing folder was reported alone (by the command line) and the refusal
    to write another corpus's tables into the repository's folders only once the folder
    existed. (A stand-in repository, as above.)"""
    repo = tmp_path / "repo"
    for d in ("corpus", "results", "figures", "notebooks"):
        (repo / d).mkdir(parents=True)
    monkeypatch.setattr(paths, "repo_root", lambda: repo)
    monkeypatch.delenv("DISCOURSE_CORPUS", raising=False)
    missing = tmp_path / "x"
    with pytest.raises(reproduce.ReproduceUsageError) as exc:
        reproduce.run(corpus=tiny_corpus, results=missing / "results",
                      executed=missing / "nb", quiet=True, make_folders=False)
    message = str(exc.value)
    parts = re.split(r"; \(\d\) ", message)
    assert parts[0] == (f"3 problems: (1) --results {missing / 'results'}: the folder "
                        f"{missing} does not exist (create it first; nothing was written)")
    assert parts[1].startswith(f"--executed {missing / 'nb'}: the folder {missing} does not")
    assert re.match(r"the corpus .* is not the repository's, but .*own --figures "
                    r"\(.*figures\), mixing", parts[2])
    assert isinstance(exc.value, ReproduceError)      # still a ReproduceError to callers
    assert not missing.exists() and not [p for p in repo.rglob("*") if p.is_file()]
    with pytest.raises(reproduce.ReproduceUsageError) as exc:     # the library default:
        reproduce.run(corpus=tiny_corpus, results=missing / "results",  # folders are made
                      executed=missing / "nb", quiet=True)
    assert str(exc.value).startswith("the corpus ")
    # another corpus chosen by DISCOURSE_CORPUS is another corpus too (a review: the run
    # rewrote the repository's sentences tables before a chapter stopped it)
    monkeypatch.setenv("DISCOURSE_CORPUS", str(tiny_corpus))
    with pytest.raises(reproduce.ReproduceUsageError, match=r"^the corpus .* is not the "
                       r"repository's, but the run would write into the repository's own "
                       r"--results .* and --figures"):
        reproduce.run(quiet=True)
    assert not [p for p in repo.rglob("*") if p.is_file()]


def test_a_chapter_on_another_corpus_says_its_prose_is_the_studys(tmp_path, monkeypatch):
    from discourse.notebook import corpus_note

    monkeypatch.delenv("DISCOURSE_CORPUS", raising=False)
    assert corpus_note() is None and corpus_note(paths.corpus_dir()) is None
    note = corpus_note(tmp_path)
    assert f"ran on the corpus in `{tmp_path.resolve()}`, not the study's" in note.data
    monkeypatch.setenv("DISCOURSE_CORPUS", str(tmp_path))       # CORPUS_DIR = None
    assert corpus_note() is not None


def test_a_chapter_run_directly_on_another_corpus_does_not_write_into_the_repository(
        tmp_path, monkeypatch):
    """A walkthrough set only CORPUS_DIR in a chapter opened in JupyterLab: its tables
    and figures replaced the study's in results/ and figures/. Each chapter's first cell
    (corpus_note with its output folders) now stops such a run before it writes."""
    from discourse.notebook import ReproduceUsageError, corpus_note

    monkeypatch.delenv("DISCOURSE_CORPUS", raising=False)
    with pytest.raises(ReproduceUsageError, match=r"RESULTS_DIR \(inside the repository's "
                       r"results/\) and FIGURES_DIR \(inside the repository's figures/\) "
                       r"would receive .* \(nothing was written\)"):
        corpus_note(tmp_path, outputs=(None, None))
    with pytest.raises(ReproduceUsageError, match=r"but RESULTS_DIR \(inside the repository's "
                       r"results/\) would"):
        corpus_note(tmp_path, outputs=(paths.results_dir() / "mine", tmp_path / "f"))
    # a relative folder of a notebook run from notebooks/ lands in the sources (a review)
    with pytest.raises(ReproduceUsageError, match=r"but FIGURES_DIR \(inside the repository's "
                       r"notebooks/\) would"):
        corpus_note(tmp_path, outputs=(tmp_path / "r", paths.notebooks_dir() / "out"))
    assert corpus_note(tmp_path, outputs=(tmp_path / "r", tmp_path / "f")) is not None
    assert corpus_note(None, outputs=(None, None)) is None       # the study's own run
    for nb in sorted((REPO / "notebooks").glob("0[1-5]-*.ipynb")):
        first = nbformat.read(nb, as_version=4).cells
        calls = [c.source for c in first if "corpus_note(" in c.source and c.cell_type == "code"]
        assert calls and "outputs=(RESULTS_DIR" in calls[0], nb.name


def test_the_committed_manifest_hashes_the_executed_notebooks():
    """The study's own run saves its executed notebooks in notebooks/, whose printed
    numbers are cited: the manifest hashes each (a citability audit found them
    unrecorded); a notebook edited without a new run no longer matches."""
    path = REPO / "results" / "manifest.json"
    if not path.is_file():
        pytest.skip("no committed results/manifest.json in this checkout")
    executed = json.loads(path.read_text(encoding="utf-8"))["executed_notebooks"]
    on_disk = sorted(f"notebooks/{p.name}"
                     for p in (REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert sorted(executed) == on_disk
    for name, digest in executed.items():
        assert hashlib.sha256((REPO / name).read_bytes()).hexdigest() == digest, name
