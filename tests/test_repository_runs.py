"""Runs in a copy of the repository, as a user makes them: a run on another corpus never
touches the sources, the default run stays the repository's own and gives the same
files twice, and a document added as corpus/README.md says passes the tests.

Each test copies the files git tracks into a temporary folder, commits them there, and
runs ``python -m discourse`` (or pytest) in that copy with the copy's ``src/`` first on
``PYTHONPATH``, so that the package, its notebooks' kernels and ``paths.repo_root()`` are
the copy's.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import MULTI, REPO, check_manifest, snapshot

#: A smaller topic grid and fewer resamples (as in test_multiyear.py); same code paths.
FAST = {"02-keywords.ipynb": {"N_BOOT": 100},
        "03-topics.ipynb": {"K": 2, "K_MAX": 3, "N_SEEDS": 2, "N_BOOT": 100, "N_JOBS": 1},
        "04-framing.ipynb": {"N_BOOT": 100, "AGREEMENT_N_BOOT": 100}}

pytestmark = pytest.mark.slow


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                           *args], cwd=root, capture_output=True, text=True,
                          check=True).stdout.strip()


def repo_copy(dest: Path) -> Path:
    """Copy the files git tracks (as they are on disk) to ``dest`` and commit them."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True,
                           check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        src = REPO / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "copy")
    return dest


def _run(root: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(root / "src"), os.environ.get("PYTHONPATH", "")])}
    env.pop("DISCOURSE_CORPUS", None)
    proc = subprocess.run([sys.executable, *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def _sources(path: Path) -> list:
    nb = nbformat.read(path, as_version=4)
    return [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in nb.cells]


def test_runs_never_touch_the_sources(tmp_path, pipeline_run):
    repo = repo_copy(tmp_path / "repo")
    notebooks = snapshot(repo / "notebooks")
    sources = {name: _sources(repo / "notebooks" / name) for name in notebooks}
    other = tmp_path / "other"
    other.mkdir()
    # 1. another corpus into other folders, as the README suggests
    _run(repo, "-m", "discourse", "reproduce", "--corpus", str(MULTI),
         "--results", str(other / "results"), "--figures", str(other / "figures"),
         "--only", "01", "--only", "05")
    assert snapshot(repo / "notebooks") == notebooks              # byte for byte
    executed = nbformat.read(other / "results" / "notebooks" / "01-corpus.ipynb",
                             as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and str(MULTI) in injected[0].source
    manifest = json.loads((other / "results" / "manifest.json").read_text())
    assert manifest["corpus"]["directory"] == "multiyear"
    assert not any(name.startswith("results/notebooks/") for name in manifest["files"])
    # 2. then the default run: the repository's own corpus and folders (twice: below)
    proc = _run(repo, "-m", "discourse", "reproduce", "--only", "01", "--only", "05")
    assert "wrote " in proc.stdout and "saved the executed notebooks" not in proc.stdout
    assert snapshot(repo / "notebooks") == notebooks              # byte for byte
    for name in notebooks:                                         # cells as committed
        assert _sources(repo / "notebooks" / name) == sources[name], name
    manifest = json.loads((repo / "results" / "manifest.json").read_text())
    assert manifest["corpus"]["directory"] == "corpus"
    assert manifest["git"] == {"commit": _git(repo, "rev-parse", "HEAD"), "dirty": False}
    assert manifest["notebooks"]["01-corpus.ipynb"]["CORPUS_DIR"] is None
    # a partial run (--only) keeps the full manifest: every file in the folders, the
    # committed outputs of the chapters it did not run included
    check_manifest(repo, manifest)
    assert {"results/topics-terms.csv", "figures/03-topic-flow.png"} <= set(manifest["files"])
    assert manifest["ran"] == ["01-corpus.ipynb", "05-summary.ipynb"]
    committed = json.loads((REPO / "results" / "manifest.json").read_text())
    assert manifest["notebooks"]["03-topics.ipynb"] == \
        committed["notebooks"]["03-topics.ipynb"]      # the parameters of the kept outputs
    # the results are the real corpus's, as in the end-to-end run
    first = pipeline_run["out"]
    for name in ("results/sentences.csv", "results/sentences-raw.csv",
                 "results/corpus-summary.csv", "figures/01-corpus-structure.png"):
        assert (repo / name).read_bytes() == (first / name).read_bytes(), name
    # the same bytes twice: a second run after committing the first run's outputs changes
    # no file git sees (results, manifest, notebooks) and adds none
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "regenerated outputs")
    _run(repo, "-m", "discourse", "reproduce", "--only", "01", "--only", "05")
    assert _git(repo, "status", "--porcelain", "--untracked-files=all") == ""


#: A document written for this test in the style of the corpus (an invented text).
NEW_TEXT = (
    "Statement of the SCO Secretariat on the anniversary of the Organisation\n"
    "15.06.2021 10:00\n"
    "Twenty years ago the Shanghai Cooperation Organisation was founded in Shanghai.\n"
    "Over these years the member states have built a common space of security, "
    "cooperation and trust. The fight against terrorism, separatism and extremism "
    "remains the core of our joint work, together with the RATS Executive Committee.\n"
    "Trade between the member states has grown, and new projects in transport, energy "
    "and the digital economy connect our countries.\n"
    "The SCO will continue its cooperation with the United Nations, ASEAN and the CIS "
    "in the interests of peace and sustainable development.\n"
)


def add_document(corpus: Path) -> str:
    """Add a document exactly as corpus/README.md says: the text in texts/, a row in
    metadata.csv with its sha256. Returns the new doc_id."""
    name = "2021-06-15_secretariat_anniversary-statement.txt"
    (corpus / "texts" / name).write_bytes(NEW_TEXT.encode("utf-8"))
    sha = hashlib.sha256((corpus / "texts" / name).read_bytes()).hexdigest()
    doc_id = "secretariat-2021-06-15-anniversary-statement"
    row = (f"{doc_id},texts/{name},Statement on the anniversary of the SCO,"
           f"SCO Secretariat,2021-06-15,2021,statement,,,en,{sha},"
           "Invented test document (tests/test_repository_runs.py).\n")
    with open(corpus / "metadata.csv", "a", encoding="utf-8", newline="") as fh:
        fh.write(row)
    return doc_id


@pytest.mark.long          # the fast layer and the notebooks in a copy: over a minute
def test_a_document_added_as_the_corpus_readme_says(tmp_path):
    """Step 4 of corpus/README.md: after adding a document, the test suite passes
    (tests of the real corpus select its two documents by id) and every notebook runs
    on the three documents."""
    repo = repo_copy(tmp_path / "repo")
    doc_id = add_document(repo / "corpus")
    from discourse import corpus

    docs = corpus.load_docs(repo / "corpus")
    assert len(docs) == 3 and doc_id in set(docs.doc_id)
    proc = _run(repo, "-m", "pytest", "-m", "not slow", "-q", "-x", "-p", "no:cacheprovider",
                timeout=900)
    assert " passed" in proc.stdout and "failed" not in proc.stdout
    _run(repo, "-c", f"from discourse import reproduce; reproduce.run(parameters={FAST!r}, "
         "quiet=True)")
    executed = repo / "results" / "notebooks"       # parameters injected: not over notebooks/
    assert sorted(p.name for p in executed.glob("*.ipynb")) == sorted(
        p.name for p in (repo / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    for path in executed.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert not [o for c in nb.cells for o in c.get("outputs", [])
                    if o.get("output_type") == "error"], path.name
    summary = (repo / "results" / "corpus-summary.csv").read_text()
    assert doc_id in summary
    shares = (repo / "results" / "framing-shares-by-year.csv").read_text()
    assert "\n2021," in shares
    assert (repo / "figures" / "04-frame-shares-by-year.png").is_file()
