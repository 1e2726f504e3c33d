"""The notebook runner, parameters, atomic writes and the HTML report (fast tests)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from discourse import io, reproduce
from discourse.reproduce import ReproduceError

from conftest import REPO


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


def test_failing_cell_names_notebook_and_cell(tmp_path):
    path = _notebook(tmp_path / "03-bad.ipynb", new_markdown_cell("# Bad"),
                     _params("X = 1"), new_code_cell("y = X + 1"),
                     new_code_cell("raise ValueError('k=99 is out of range')"))
    before = path.read_bytes()
    with pytest.raises(ReproduceError, match=r"^03-bad.ipynb, cell 3: .*ValueError: "
                                             r"k=99 is out of range"):
        reproduce.execute_notebook(path, timeout=60)
    assert path.read_bytes() == before            # nothing saved on failure


def test_executed_notebook_is_saved_with_outputs_and_no_timing(tmp_path):
    path = _notebook(tmp_path / "01-ok.ipynb", _params("X = 1"), new_code_cell("print(X * 7)"))
    out = tmp_path / "out" / "01-ok.ipynb"
    reproduce.execute_notebook(path, {"X": 6}, timeout=60, output=out)
    nb = nbformat.read(out, as_version=4)
    assert nb.cells[2].outputs[0]["text"] == "42\n"
    assert "execution" not in json.dumps([c.metadata for c in nb.cells])
    first = out.read_bytes()
    reproduce.execute_notebook(path, {"X": 6}, timeout=60, output=out)
    assert out.read_bytes() == first


def test_write_table_is_atomic(tmp_path, monkeypatch):
    target = tmp_path / "t.csv"
    io.write_table(pd.DataFrame({"a": [1]}), target)
    before = target.read_bytes()

    def boom(self, *a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(KeyboardInterrupt):
        io.write_table(pd.DataFrame({"a": [2]}), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]      # no temporary left


def test_float_format_is_fixed(tmp_path):
    target = io.write_table(pd.DataFrame({"x": [0.1 + 0.2, 1e-9, 12345678.9]}),
                            tmp_path / "f.csv")
    assert target.read_text() == "x\n0.3\n1e-09\n1.23457e+07\n"


def test_library_versions_and_git_state():
    versions = reproduce.library_versions()
    assert versions["python"].startswith("3.11")
    assert versions["nltk"] != "not installed"
    state = reproduce.git_state(REPO)
    assert set(state) == {"commit", "dirty"}


def test_html_report(tmp_path):
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    _notebook(nbdir / "00-a.ipynb", new_markdown_cell("# First chapter\n[next](01-b.ipynb)"))
    _notebook(nbdir / "01-b.ipynb", new_markdown_cell("# Second chapter"))
    pages = __import__("discourse.report").report.export_html(nbdir, tmp_path / "html")
    assert [p.name for p in pages] == ["00-a.html", "01-b.html", "index.html"]
    index = (tmp_path / "html" / "index.html").read_text()
    assert '<a href="00-a.html">First chapter</a>' in index
    assert 'href="01-b.html"' in (tmp_path / "html" / "00-a.html").read_text()
