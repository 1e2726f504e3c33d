"""discourse.vcs: the manifest's git state ignores the run's own outputs, so that two
runs from one commit (and a run after committing regenerated outputs) record the same."""

from __future__ import annotations

import json
import subprocess

from discourse import vcs


def _git(root, *args):
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                           *args], cwd=root, capture_output=True, text=True,
                          check=True).stdout.strip()


def _notebook(source: str, output: str | None = None) -> str:
    cell = {"cell_type": "code", "id": "cell-00", "metadata": {}, "source": source,
            "execution_count": 1 if output else None,
            "outputs": [{"output_type": "stream", "name": "stdout", "text": output}]
            if output else []}
    return json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4,
                       "nbformat_minor": 5}, indent=1) + "\n"


def _repo(tmp_path):
    root = tmp_path / "repo"
    for d in ("src", "results", "figures", "notebooks"):
        (root / d).mkdir(parents=True)
    (root / "src" / "code.py").write_text("x = 1\n")
    (root / "results" / "table.csv").write_text("a\n1\n")
    (root / "figures" / "f.svg").write_text("<svg/>\n")
    (root / "notebooks" / "01-a.ipynb").write_text(_notebook("print(1)", "1\n"))
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "code")
    return root, _git(root, "rev-parse", "HEAD")


def test_outputs_do_not_make_the_tree_dirty(tmp_path):
    root, head = _repo(tmp_path)
    assert vcs.git_state(root) == {"commit": head, "dirty": False}
    (root / "results" / "table.csv").write_text("a\n2\n")          # a run rewrote outputs
    (root / "figures" / "f.svg").unlink()
    (root / "notebooks" / "01-a.ipynb").write_text(_notebook("print(1)", "other\n"))
    assert vcs.git_state(root) == {"commit": head, "dirty": False}
    (root / "notebooks" / "01-a.ipynb").write_text(_notebook("print(2)", "2\n"))
    assert vcs.git_state(root) == {"commit": head, "dirty": True}   # a cell was edited
    (root / "notebooks" / "01-a.ipynb").write_text(_notebook("print(1)", "1\n"))
    (root / "src" / "code.py").write_text("x = 2\n")
    assert vcs.git_state(root) == {"commit": head, "dirty": True}   # a source was edited


def test_committing_regenerated_outputs_keeps_the_commit(tmp_path):
    root, code = _repo(tmp_path)
    (root / "results" / "table.csv").write_text("a\n2\n")
    (root / "notebooks" / "01-a.ipynb").write_text(_notebook("print(1)", "new\n"))
    _git(root, "commit", "-q", "-am", "regenerated outputs")
    assert _git(root, "rev-parse", "HEAD") != code
    assert vcs.git_state(root) == {"commit": code, "dirty": False}
    (root / "notebooks" / "01-a.ipynb").write_text(_notebook("print(3)", "3\n"))
    _git(root, "commit", "-q", "-am", "edited a cell")
    assert vcs.git_state(root) == {"commit": _git(root, "rev-parse", "HEAD"), "dirty": False}


def test_is_output_change():
    assert vcs.is_output_change("results/x.csv", b"a", None)
    assert vcs.is_output_change("report/index.html", None, b"x")
    assert not vcs.is_output_change("src/discourse/cli.py", b"a", b"b")
    old, new = _notebook("x", "1\n").encode(), _notebook("x", "2\n").encode()
    assert vcs.is_output_change("notebooks/01-a.ipynb", old, new)
    assert not vcs.is_output_change("notebooks/01-a.ipynb", old, _notebook("y").encode())
    assert not vcs.is_output_change("notebooks/01-a.ipynb", old, None)      # deleted
    assert not vcs.is_output_change("notebooks/01-a.ipynb", None, new)      # added
    assert not vcs.is_output_change("notebooks/01-a.ipynb", old, b"not json")
