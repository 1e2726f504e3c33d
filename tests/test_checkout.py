"""A checkout keeps the bytes the package checks (``.gitattributes``): the texts of the
corpus and of the test fixture corpus (sha256 in their ``metadata.csv``), every output
the manifest hashes and the codebook (locked with coding sheets) are never given other
line endings by git, even with ``core.autocrlf=true`` (Git for Windows' default)."""

from __future__ import annotations

import csv
import shutil
import subprocess

import pytest

from discourse import results

from conftest import MULTI, REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(),
                                reason="not a git checkout")


def _git(cwd, *args) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                           *args], cwd=cwd, capture_output=True, text=True,
                          check=True).stdout


def _checked_files() -> list[str]:
    """The texts of the corpus, every output of the registry (whether or not a run wrote
    it: the attributes are those of the path), the manifest and the codebook."""
    texts = []
    for corpus in (REPO / "corpus", MULTI):
        with open(corpus / "metadata.csv", encoding="utf-8", newline="") as fh:
            where = corpus.relative_to(REPO).as_posix()
            texts += [f"{where}/{row['file']}" for row in csv.DictReader(fh)]
    outputs = [f"results/{o.file}" for o in results.TABLES]
    outputs += [f"results/.provenance/{o.file}.json" for o in results.TABLES]
    outputs += [f"figures/{o.name}.{fmt}" for o in results.FIGURES for fmt in ("png", "svg")]
    return sorted({*texts, *outputs, "results/manifest.json", "docs/codebook.md",
                   "corpus/metadata.csv"})


def test_files_whose_bytes_are_checked_are_never_converted():
    files = _checked_files()
    assert len(files) > 60 and "results/sentences.csv" in files
    assert any(f.startswith("tests/fixtures/multiyear/texts/") for f in files)
    out = _git(REPO, "check-attr", "text", "--", *files).splitlines()
    assert len(out) == len(files)
    converted = [line for line in out if not line.endswith(": text: unset")]
    assert converted == []
    # the package's sources are left to git's usual handling
    assert _git(REPO, "check-attr", "text", "--", "src/discourse/io.py").strip().endswith(
        "unspecified")


def test_a_clone_with_autocrlf_keeps_lf_bytes(tmp_path):
    """The same attributes in a small repository, cloned as on Windows: the texts keep
    their LF bytes; a file outside them is converted, so the clone did convert."""
    origin = tmp_path / "origin"
    (origin / "corpus" / "texts").mkdir(parents=True)
    shutil.copy(REPO / ".gitattributes", origin / ".gitattributes")
    text = b"First line.\nSecond line.\n"
    (origin / "corpus" / "texts" / "a.txt").write_bytes(text)
    (origin / "notes.txt").write_bytes(text)
    _git(origin, "init", "-q")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "-m", "texts")
    _git(tmp_path, "-c", "core.autocrlf=true", "clone", "-q", str(origin), "clone")
    clone = tmp_path / "clone"
    assert (clone / "corpus" / "texts" / "a.txt").read_bytes() == text
    assert (clone / "notes.txt").read_bytes() == text.replace(b"\n", b"\r\n")
