"""End to end: the whole pipeline, twice, from a read-only corpus, with no network.

One module-scoped fixture runs :func:`discourse.reproduce.run` (every numbered notebook,
headless) twice into the same temporary path, keeping each run's files, with

* a read-only copy of the corpus (code never writes the raw corpus), and
* a socket guard in this process and in every notebook kernel (through a
  ``sitecustomize`` on ``PYTHONPATH``) that refuses and logs any connection to a
  non-loopback address (the kernels' own ZeroMQ traffic is loopback, in C).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import sys
from pathlib import Path

import nbformat
import pytest

from discourse import reproduce

from conftest import CORPUS, REPO

GUARD = '''
import os, socket
_LOG = os.environ.get("DISCOURSE_NET_LOG")
_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex
_LOCAL = ("127.", "::1", "localhost", "0.0.0.0")
def _check(address):
    if isinstance(address, tuple) and not str(address[0]).startswith(_LOCAL):
        if _LOG:
            with open(_LOG, "a") as fh:
                fh.write(repr(address) + "\\n")
        raise OSError(f"network access blocked by the test suite: {address!r}")
def connect(self, address):
    _check(address)
    return _connect(self, address)
def connect_ex(self, address):
    _check(address)
    return _connect_ex(self, address)
socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
'''


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("pipeline")
    corpus = base / "corpus"
    shutil.copytree(CORPUS, corpus)
    for p in sorted(corpus.rglob("*"), reverse=True):
        p.chmod(0o555 if p.is_dir() else 0o444)
    corpus.chmod(0o555)
    before = _snapshot(corpus)
    guard = base / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD)
    log = base / "network.log"
    env = {"PYTHONPATH": os.pathsep.join([str(guard), os.environ.get("PYTHONPATH", "")]),
           "DISCOURSE_NET_LOG": str(log)}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    namespace: dict = {}
    exec(compile(GUARD, "guard", "exec"), namespace)  # the same guard in this process
    originals = (socket.socket.connect, socket.socket.connect_ex)
    socket.socket.connect, socket.socket.connect_ex = namespace["connect"], namespace["connect_ex"]
    out = base / "out"
    manifests = []
    try:
        for i in range(2):
            manifests.append(reproduce.run(corpus=corpus, results=out / "results",
                                           figures=out / "figures", executed=out / "notebooks",
                                           quiet=True))
            shutil.move(out, base / f"run{i}")
    finally:
        socket.socket.connect, socket.socket.connect_ex = originals
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return {"base": base, "corpus": corpus, "before": before, "log": log,
            "manifests": manifests}


def test_every_notebook_executes_without_error(runs):
    expected = [p.name for p in reproduce.notebook_paths(REPO / "notebooks")]
    executed = sorted(p.name for p in (runs["base"] / "run0" / "notebooks").glob("*.ipynb"))
    assert executed == expected and len(expected) >= 2
    for name in expected:
        nb = nbformat.read(runs["base"] / "run0" / "notebooks" / name, as_version=4)
        errors = [o for c in nb.cells for o in c.get("outputs", [])
                  if o.get("output_type") == "error"]
        assert errors == [], name
        stderr = [o.get("text", "") for c in nb.cells for o in c.get("outputs", [])
                  if o.get("name") == "stderr"]
        assert not any("Traceback" in t for t in stderr), name


def test_two_runs_give_byte_identical_files(runs):
    first, second = (_snapshot(runs["base"] / f"run{i}") for i in range(2))
    assert sorted(first) == sorted(second)
    differing = [k for k in first if first[k] != second[k]]
    assert differing == []
    assert any(k.startswith("figures/") and k.endswith(".png") for k in first)
    assert any(k.startswith("figures/") and k.endswith(".svg") for k in first)


def test_manifest_lists_every_file_with_its_checksum(runs):
    run0 = runs["base"] / "run0"
    manifest = json.loads((run0 / "results" / "manifest.json").read_text())
    on_disk = {p.relative_to(run0).as_posix() for d in ("results", "figures")
               for p in (run0 / d).rglob("*") if p.is_file()} - {"results/manifest.json"}
    assert set(manifest["files"]) == on_disk
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((run0 / name).read_bytes()).hexdigest() == digest, name
    assert manifest["version"] and manifest["environment"]["python"].startswith("3.11")
    assert set(manifest["corpus"]["checksums"]) >= {"metadata.csv"}
    assert set(manifest["notebooks"]) == {p.name for p in reproduce.notebook_paths()}
    assert "git" in manifest and set(manifest["git"]) == {"commit", "dirty"}


def test_every_figure_has_a_vector_twin_and_a_caption(runs):
    figures = runs["base"] / "run0" / "figures"
    stems = {p.stem for p in figures.glob("*.png")}
    assert stems == {p.stem for p in figures.glob("*.svg")}
    readme = (REPO / "figures" / "README.md").read_text()
    missing = sorted(s for s in stems if f"{s}.png" not in readme)
    assert missing == []


def test_the_raw_corpus_is_never_written(runs):
    assert _snapshot(runs["corpus"]) == runs["before"]


def test_no_network_access(runs):
    assert not runs["log"].exists() or runs["log"].read_text() == ""
