"""End to end: the whole pipeline from a read-only corpus, with no network, twice.

The first run is the session fixture ``pipeline_run`` (``conftest.py``), shared with
the other end-to-end tests. The second run (``rerun``) starts from a copy of the first
run's folders in which every output of the chapters except 03 (the costly topic grid,
whose tables are checked for determinism in ``test_topics_*.py``) has been deleted,
and runs those chapters again: every file must come back byte for byte, and the
manifest, built by hashing the folders, must still list the topic outputs it did not
write.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil

import nbformat
import pandas as pd
import pytest

from discourse import provenance, reproduce, results

from conftest import REPO, snapshot

pytestmark = pytest.mark.slow

TOPICS = "03-topics.ipynb"


def _topic_outputs() -> set[str]:
    tables = {o.file for o in results.TABLES if o.chapter == "03-topics"}
    figures = {f"{o.name}.{fmt}" for o in results.FIGURES if o.chapter == "03-topics"
               for fmt in ("png", "svg")}
    return ({f"results/{t}" for t in tables}
            | {f"results/.provenance/{t}.json" for t in tables}
            | {f"figures/{f}" for f in figures} | {f"notebooks/{TOPICS}"})


@pytest.fixture(scope="module")
def rerun(pipeline_run, tmp_path_factory):
    first = pipeline_run["out"]
    second = tmp_path_factory.mktemp("rerun") / "run1"
    shutil.copytree(first, second)
    keep = _topic_outputs()
    for p in sorted(second.rglob("*")):
        if p.is_file() and p.relative_to(second).as_posix() not in keep:
            p.unlink()
    others = [p.name[:2] for p in reproduce.notebook_paths() if p.name != TOPICS]
    manifest = reproduce.run(corpus=pipeline_run["corpus"], results=second / "results",
                             figures=second / "figures", executed=second / "notebooks",
                             only=others, quiet=True)
    return {"first": first, "second": second, "manifest": manifest}


def test_every_notebook_executes_without_error(pipeline_run):
    expected = [p.name for p in reproduce.notebook_paths(REPO / "notebooks")]
    executed = sorted(p.name for p in (pipeline_run["out"] / "notebooks").glob("*.ipynb"))
    assert executed == expected and len(expected) >= 2
    for name in expected:
        nb = nbformat.read(pipeline_run["out"] / "notebooks" / name, as_version=4)
        errors = [o for c in nb.cells for o in c.get("outputs", [])
                  if o.get("output_type") == "error"]
        assert errors == [], name
        stderr = [o.get("text", "") for c in nb.cells for o in c.get("outputs", [])
                  if o.get("name") == "stderr"]
        assert not any("Traceback" in t for t in stderr), name


def test_a_second_run_gives_byte_identical_files(rerun):
    first, second = snapshot(rerun["first"]), snapshot(rerun["second"])
    # the executed notebooks name the folders they wrote into (injected parameters)
    old, new = str(rerun["first"]).encode(), str(rerun["second"]).encode()
    second = {k: v.replace(new, old) if k.startswith("notebooks/") else v
              for k, v in second.items()}
    manifest = "results/manifest.json"
    assert sorted(first) == sorted(second)
    assert [k for k in first if k != manifest and first[k] != second[k]] == []
    assert any(k.startswith("figures/") and k.endswith(".png") for k in first)
    assert any(k.startswith("figures/") and k.endswith(".svg") for k in first)
    # the rerun really wrote them: every chapter but 03 was deleted before it
    assert {"results/sentences.csv", "results/summary.md", "figures/04-roles.png"} <= \
        set(second)


def _check_manifest(root, manifest):
    on_disk = {p.relative_to(root).as_posix() for d in ("results", "figures")
               for p in (root / d).rglob("*") if p.is_file()} - {"results/manifest.json"}
    assert set(manifest["files"]) == on_disk
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((root / name).read_bytes()).hexdigest() == digest, name


def test_manifest_lists_every_file_with_its_checksum(pipeline_run):
    out = pipeline_run["out"]
    manifest = json.loads((out / "results" / "manifest.json").read_text())
    assert manifest == {k: v for k, v in pipeline_run["manifest"].items() if k != "timings"}
    _check_manifest(out, manifest)
    assert any(name.startswith("results/.provenance/") for name in manifest["files"])
    assert manifest["version"]
    assert manifest["environment"]["python"] == platform.python_version()
    assert set(manifest["corpus"]["checksums"]) >= {"metadata.csv"}
    # the hand codings, lexicons and codebook the tables depend on, as they were
    inputs = manifest["inputs"]
    assert {"annotations/frames_validation.csv", "annotations/sco_style/frames_dev.csv",
            "lexicons/frames.yaml", "codebook.md"} <= set(inputs)
    assert inputs["lexicons/frames.yaml"] == hashlib.sha256(
        (REPO / "corpus" / "lexicons" / "frames.yaml").read_bytes()).hexdigest()
    assert set(manifest["notebooks"]) == {p.name for p in reproduce.notebook_paths()}
    assert manifest["notebooks"]["03-topics.ipynb"]["CORPUS_DIR"] == "corpus"


def test_a_partial_run_keeps_the_full_manifest(rerun):
    """--only runs some notebooks; the manifest still lists every output in the folders."""
    manifest = rerun["manifest"]
    _check_manifest(rerun["second"], manifest)
    assert {"results/topics-terms.csv", "figures/03-topic-flow.png"} <= set(manifest["files"])
    assert TOPICS not in manifest["notebooks"]       # the earlier manifest was removed too
    assert manifest["ran"] == sorted(p.name for p in reproduce.notebook_paths()
                                     if p.name != TOPICS)


def test_every_output_is_registered_and_every_registered_output_is_written(pipeline_run):
    out = pipeline_run["out"]
    nb = nbformat.read(REPO / "notebooks" / "02-keywords.ipynb", as_version=4)
    terms = reproduce.read_parameters(nb)["TERMS"]
    tables = {o.file for o in results.TABLES if o is not results.KEYWORDS_KWIC}
    tables |= {results.kwic(t).file for t in terms}
    texts = {o.file for o in results.TEXTS}
    assert {p.name for p in (out / "results").glob("*") if p.is_file()} == tables | texts
    figures = {f"{o.name}.{fmt}" for o in results.FIGURES for fmt in ("png", "svg")}
    assert {p.name for p in (out / "figures").iterdir()} == figures


def test_every_table_has_a_provenance_sidecar(pipeline_run):
    out = pipeline_run["out"] / "results"
    corpus = pipeline_run["manifest"]["corpus"]["checksums"]
    signature = provenance.corpus_signature("corpus", corpus, "cleaned")
    hand_coded_sets = {o.file for o in (results.FRAMING_GENERALISATION,
                                        results.FRAMING_INTERCODER, results.FRAMING_CEILING,
                                        results.FRAMING_LETTER_CASE,
                                        results.FRAMING_INSTRUMENTS)}
    for table in sorted(out.glob("*.csv")):
        record = provenance.read_sidecar(table)
        assert record is not None, table.name
        assert record["sha256"] == hashlib.sha256(table.read_bytes()).hexdigest()
        assert record["table"] == table.name and record["version"]
        assert record["function"].startswith("discourse."), table.name
        assert record["columns"] == list(pd.read_csv(table, nrows=0).columns)
        if table.name in hand_coded_sets:   # scored on the hand-coded sets, not the corpus
            assert record["corpus"] is None, table.name
            assert record["function"].startswith("discourse.framing."), table.name
            continue
        layer = "raw" if table.name == results.SENTENCES_RAW.file else "cleaned"
        assert record["corpus"]["sha256"] == provenance.corpus_signature(
            "corpus", corpus, layer)["sha256"], table.name
    keyness = provenance.read_sidecar(out / "keywords-keyness.csv")
    assert keyness["function"] == "discourse.dispersion.keyness_dispersion"
    inner = keyness["inputs"]["keyness_table"]
    assert inner["function"] == "discourse.keyness.keyness"
    assert inner["parameters"]["reference"] == "rest" and inner["parameters"]["min_count"] == 3
    assert signature["layer"] == "cleaned"


def test_every_figure_has_a_vector_twin_and_a_caption(pipeline_run):
    figures = pipeline_run["out"] / "figures"
    stems = {p.stem for p in figures.glob("*.png")}
    assert stems == {p.stem for p in figures.glob("*.svg")}
    readme = (REPO / "figures" / "README.md").read_text()
    missing = sorted(s for s in stems if f"{s}.png" not in readme)
    assert missing == []


def test_the_raw_corpus_is_never_written(pipeline_run):
    assert snapshot(pipeline_run["corpus"]) == pipeline_run["before"]


def test_no_network_access(pipeline_run):
    log = pipeline_run["log"]
    assert not log.exists() or log.read_text() == ""


def _images(nb) -> list[bytes]:
    import base64

    return [base64.b64decode(o["data"]["image/png"]) for c in nb.cells
            for o in c.get("outputs", []) if "image/png" in o.get("data", {})]


def test_every_figure_is_displayed_in_its_notebook(pipeline_run):
    """Each figure a chapter writes is also an image output of the chapter, with the
    bytes of the PNG file (so the notebook, its HTML and a code host show it)."""
    out = pipeline_run["out"]
    for path in reproduce.notebook_paths(REPO / "notebooks"):
        nb = nbformat.read(out / "notebooks" / path.name, as_version=4)
        files = {(out / "figures" / f"{o.name}.png").read_bytes()
                 for o in results.FIGURES if o.chapter == path.stem}
        images = _images(nb)
        assert len(images) == len(files), path.name
        assert set(images) == files, path.name
    assert sum(len(_images(nbformat.read(p, as_version=4)))
               for p in (out / "notebooks").glob("*.ipynb")) == len(results.FIGURES)


def test_the_report_is_self_contained_and_shows_every_figure(pipeline_run, tmp_path):
    import re

    from discourse import report

    out = pipeline_run["out"]
    pages = report.export_html(out / "notebooks", tmp_path / "report",
                               results=out / "results", corpus=pipeline_run["corpus"])
    total = 0
    for page in pages[:-1]:
        html = page.read_text(encoding="utf-8")
        images = re.findall(r'<img[^>]*src="data:image/png;base64,[^"]+"[^>]*>', html)
        n = len(images)
        expected = sum(1 for o in results.FIGURES if o.chapter == page.stem)
        assert n == expected, page.name
        assert all(re.search(r'alt="[A-Z][^"]{5,}"', i) for i in images), page.name
        assert "No description has been provided" not in html
        assert len(re.findall(r"<h1[ >]", html)) == 1, page.name     # one title a page
        assert re.findall(r'<(?:script|img|link)[^>]+(?:src|href)="(?:https?:)?//', html) == []
        total += n
    assert total == len(results.FIGURES)


def test_outputs_print_plain_numbers(pipeline_run):
    """No numpy scalar repr (np.int64(2019)) and no unrounded rate in what readers see."""
    import re

    for path in sorted((pipeline_run["out"] / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for c in nb.cells:
            for o in c.get("outputs", []):
                text = o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
                assert not re.search(r"np\.(?:int|float)\d+\(", text), (path.name, text[:200])
                if "per10k" in text:
                    assert not re.search(r"\d+\.\d{4,}", text), (path.name, text[:200])
