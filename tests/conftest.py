"""Shared fixtures: the real corpus, small corpora with known answers, and one
end-to-end run of the whole pipeline shared by every slow test that needs it.

Nothing here reads the repository's generated ``results/`` or ``figures/``: tables are
computed from ``corpus/``, and the end-to-end run writes into a temporary directory.
"""

from __future__ import annotations

import ast
import csv
import functools
import hashlib
import os
import shutil
import socket
import sys
from pathlib import Path

import pytest

# Test modules import nbformat, which imports jsonschema, whose format checkers import
# rfc3987-syntax (installed with jupyter-events); that module compiles an Earley grammar
# for IRIs at import, 4.5 s of every test process's start on this machine. nbformat
# validates notebooks without a format checker, so the IRI checker is never used; refusing
# the import here (jsonschema then leaves "iri" unchecked) changes no validation, which
# test_reproduce.py::test_notebooks_validate_without_format_checks asserts.
sys.modules.setdefault("rfc3987_syntax", None)

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
MULTI = REPO / "tests" / "fixtures" / "multiyear"


@functools.cache
def package_trees() -> tuple[tuple[Path, ast.Module], ...]:
    """Every module of the package with its syntax tree, parsed once per test process
    for the tests that read the code (sorted by path; read them, never change them)."""
    return tuple((p, ast.parse(p.read_text(encoding="utf-8")))
                 for p in sorted((REPO / "src" / "discourse").rglob("*.py")))


@functools.lru_cache(maxsize=None)
def walk(tree: ast.AST) -> tuple[ast.AST, ...]:
    """``tuple(ast.walk(tree))``, made once per tree and test process: the tests that read
    the code walk the same trees of :func:`package_trees` many times over."""
    return tuple(ast.walk(tree))


#: The two documents of the study, by id. Tests with known answers about the real corpus
#: select these (``study_docs``), so that a document added to ``corpus/`` as
#: corpus/README.md describes changes none of their expected values.
D2019 = "norov-2019-04-22-press-club-interview"
D2020 = "norov-2020-06-press-conference-address"
STUDY = (D2019, D2020)

TINY_TEXTS = {
    "tiny-2021-speech": (
        "Address on security and trade\n\n"
        "Terrorism and extremism remain the main threats. "
        "Mr. Smith met Mr Jones in St. Petersburg.\n\n"
        "Trade grew to US$ 6.3 trillion, or 3,800 deals.\n"
    ),
    "tiny-2022-interview": (
        "An interview with the Secretary-General\n"
        "01.02.2022 10:00\n\n"
        "The Secretary-General met the press.\n\n"
        "What is next? Will trade grow?\n\n"
        "Trade will grow. Security matters too.\n\n"
        "And the UN?\n\n"
        "We cooperate with the UN.\n"
    ),
}
THIRD = ("tiny-2023-speech", "Pandemic address\n\nThe pandemic hit trade. The pandemic "
         "and COVID-19 changed trade.\n\nMember States fight terrorism together.\n")


def write_corpus(root: Path, texts: dict[str, str], *, years=None, genres=None,
                 extra_rows=None) -> Path:
    """Write a corpus (texts + metadata.csv with correct checksums) under ``root``."""
    (root / "texts").mkdir(parents=True, exist_ok=True)
    rows = []
    for i, (doc_id, text) in enumerate(texts.items()):
        year = (years or {}).get(doc_id) or int(doc_id.split("-")[1])
        genre = (genres or {}).get(doc_id) or ("interview" if "interview" in doc_id else "speech")
        path = root / "texts" / f"{doc_id}.txt"
        path.write_bytes(text.encode("utf-8"))
        rows.append({
            "doc_id": doc_id, "file": f"texts/{doc_id}.txt", "title": f"Title {i}",
            "speaker": "A. Speaker", "date": f"{year}-0{i % 9 + 1}-15", "year": str(year),
            "genre": genre, "venue": "", "publisher": "", "language": "en",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "notes": "",
        })
    rows.extend(extra_rows or [])
    with open(root / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return root


def register_checksums(root: Path) -> Path:
    """Fill the ``sha256`` column of ``root/annotations/sets.csv`` with each registered
    file's checksum, as a developer does after writing a register: its rows then
    describe these files (:func:`discourse.framing.evaluation.load_sets`)."""
    import pandas as pd

    path = root / "annotations" / "sets.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table["sha256"] = [hashlib.sha256((root / "annotations" / f).read_bytes()).hexdigest()
                       for f in table["file"]]
    table.to_csv(path, index=False, lineterminator="\n")
    return path


def load_script(path: Path):
    """A script of the repository that is not part of the package (``docs/coding/scripts``,
    ``benchmarks``) imported as a module named after its file, for its tests."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def study_docs(layer: str = "cleaned", root: Path = CORPUS):
    """The docs table of the study's two documents (``STUDY``), whatever else
    ``root`` holds; fails if either is missing."""
    from discourse import corpus

    docs = corpus.load_docs(root, layer=layer)
    missing = sorted(set(STUDY) - set(docs.doc_id))
    assert not missing, f"{root}: the study's documents {missing} are missing"
    return docs[docs.doc_id.isin(STUDY)].reset_index(drop=True)


def study_sentences(layer: str = "cleaned", root: Path = CORPUS):
    """The sentences table of the study's two documents."""
    from discourse import corpus

    return corpus.segment(study_docs(layer, root))


@pytest.fixture
def tiny_corpus(tmp_path) -> Path:
    """A two-document corpus (a speech and an interview) with known segmentation."""
    return write_corpus(tmp_path / "tiny", TINY_TEXTS)


@pytest.fixture
def three_corpus(tmp_path) -> Path:
    """Three documents, three years (2021, 2022, 2023)."""
    return write_corpus(tmp_path / "three", {**TINY_TEXTS, THIRD[0]: THIRD[1]})


@pytest.fixture(scope="session")
def study_corpus(tmp_path_factory) -> Path:
    """A copy of ``corpus/`` holding only the study's two documents (their metadata and
    correction rows), for tests that run the command line on them."""
    dest = tmp_path_factory.mktemp("study") / "corpus"
    shutil.copytree(CORPUS, dest)
    for p in dest.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    for name in ("metadata.csv", "corrections.csv"):
        with open(dest / name, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        keep = [rows[0]] + [r for r in rows[1:] if r and r[0] in STUDY]
        with open(dest / name, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh, lineterminator="\n").writerows(keep)
        if name == "metadata.csv":      # the other texts go too: a text without a row
            files = {r[rows[0].index("file")] for r in keep[1:]}    # is an error
            for p in (dest / "texts").glob("*.[tT][xX][tT]"):
                if f"texts/{p.name}" not in files:
                    p.unlink()
    return dest


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the real corpus, for tests that break it on purpose."""
    return _writable_copy(tmp_path / "corpus")


@pytest.fixture
def texts_copy(tmp_path) -> Path:
    """A writable copy of the real corpus without its SCO-style hand-coded sets
    (``annotations/sco_style/``, 2.0 of its 2.5 MB), for the tests that break its texts,
    metadata or corrections: copied and removed about forty times a run, the sets
    cost about a second of the fast layer."""
    return _writable_copy(tmp_path / "corpus", shutil.ignore_patterns("sco_style"))


def _writable_copy(dest: Path, ignore=None) -> Path:
    shutil.copytree(CORPUS, dest, ignore=ignore)
    for p in dest.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    return dest


# --------------------------------------------------------------------------- workers

#: For tests that code texts not of the SCO: the warning that says so is tested in
#: test_framing_organisation.py, and would otherwise fill the suite's warnings summary.
NOT_SCO_TEXT = pytest.mark.filterwarnings(
    "ignore::discourse.framing.organisation.OrganisationWarning")


@pytest.fixture
def page_of_another_run(tmp_path):
    """Write a page of ``discourse report`` named ``name`` in ``tmp_path/"shared"`` that
    records the results folder ``tmp_path/"r1"``; return the page's path."""
    def write(name: str) -> Path:
        page = tmp_path / "shared" / name
        page.parent.mkdir(exist_ok=True)
        page.write_text('<html><head><meta name="discourse-results" content="../r1">'
                        "</head><body>the first run's page</body></html>")
        return page
    return write


@pytest.fixture(scope="session", autouse=True)
def _one_thread_per_worker():
    """In a worker process of ``make test`` (pytest-xdist: one worker per core), the
    BLAS and OpenMP thread pools (numpy's and scipy's OpenBLAS, scikit-learn's OpenMP,
    loaded here first) get one thread each, through threadpoolctl (scikit-learn's own
    dependency), as joblib does for its workers: two workers each running a pool of one
    thread per core oversubscribe the cores (about 1.3 s of the fast layer's 22-23 s on
    the 2-core machine this project is developed on). Nothing changes in processes the
    tests start (notebook kernels, the command line): the limit is this process's, not
    an environment variable."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        yield
        return
    import importlib

    from threadpoolctl import threadpool_limits

    # a pool is limited only once its library is loaded
    for name in ("numpy", "scipy.linalg", "sklearn.utils._openmp_helpers"):
        importlib.import_module(name)

    with threadpool_limits(limits=1):
        yield


#: The cyclic garbage collector's thresholds in test processes (Python's default is
#: (700, 10, 10)): see :func:`_fewer_collections` and :func:`pytest_configure`. A young
#: collection after 5,000 new container objects, not 50,000 as before: it walks the
#: young objects only, and 5,000 of them stay in the processor's cache, 50,000 do not
#: (the fast layer's young collections took 0.8-1.1 s of each worker with 50,000 and
#: 0.4-0.5 s with 5,000, ten times as many; gc callbacks, 2026-12-07); a middle one
#: after 100 young ones (500,000 new objects; 1,000,000 before).
GC_THRESHOLD = (5000, 100, 20)
_GC_BEFORE: list = []


def pytest_configure(config):
    """The thresholds of :func:`_fewer_collections` from the start of a test process,
    so that the collection runs with them too: importing every test module and the
    package (for its doctests) with Python's (700, 10, 10) made about 450 young, 40
    middle and 4 full collections of the growing heap in each worker of the fast layer,
    about 1 s of each worker's start (gc callbacks, under load). Restored at the end."""
    import gc

    _GC_BEFORE.append(gc.get_threshold())
    gc.set_threshold(*GC_THRESHOLD)


def pytest_unconfigure(config):
    import gc

    if _GC_BEFORE:
        gc.set_threshold(*_GC_BEFORE.pop())


@pytest.fixture(scope="session", autouse=True)
def _fewer_collections():
    """The objects made by the collection (modules, the package's tables) are frozen out
    of the cyclic garbage collector (``gc.freeze``), and older generations are collected
    far less often than Python's default (:data:`GC_THRESHOLD`, from the start of the
    process: :func:`pytest_configure`): a test process holds large graphs of objects (the
    compiled lexicon's tries, pandas' blocks) that every full collection walks again,
    about 5.6-7.4 s of the fast layer's two workers' 34-38 s (gc callbacks,
    2026-12-05). Garbage in cycles is still collected, later; nothing the tests check
    depends on when. At the end, what the tests left is frozen too, not unfrozen: the
    process is about to exit, and the interpreter's collections at exit would walk
    every object again (a worker of the fast layer holds about 300,000-550,000), about
    2 s between the last test and the end of ``make test-fast`` on the 2-core machine
    (2026-12-07), for nothing."""
    import gc

    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)
    yield
    gc.set_threshold(*before)
    gc.freeze()


# --------------------------------------------------------------------------- tables

@pytest.fixture(scope="session")
def lexicons():
    from discourse.lexicons import load_lexicons

    return load_lexicons()


@pytest.fixture(scope="session")
def frame_lexicon():
    from discourse import framing

    return framing.load_lexicon()


@pytest.fixture(scope="session")
def lex(frame_lexicon):
    """The frame lexicon, under the short name the rule tests use."""
    return frame_lexicon


@pytest.fixture(scope="session")
def real_docs():
    """The study's two documents (``STUDY``), selected by id from ``corpus/``."""
    return study_docs()


@pytest.fixture(scope="session")
def real_sentences(real_docs):
    """The sentences table of the study's two documents, segmented here (never read
    from results/)."""
    from discourse import corpus

    return corpus.segment(real_docs)


@pytest.fixture(scope="session")
def real_tokens(real_sentences, lexicons):
    from discourse import preprocess

    return preprocess.tokens(real_sentences, lexicons=lexicons)


@pytest.fixture(scope="session")
def real_years(real_tokens):
    return sorted(real_tokens.year.unique())


@pytest.fixture(scope="session")
def real_dtm(real_sentences):
    """The document-term matrix of the study's units with the default options, made once
    for the topic tests (they fit models on it and read it; none changes it)."""
    from discourse import topics

    return topics.document_term_matrix(topics.units(real_sentences))


# the short names the keyword tests use (test_multiyear.py has its own for its corpus)
@pytest.fixture(scope="session")
def sents(real_sentences):
    return real_sentences


@pytest.fixture(scope="session")
def tok(real_tokens):
    return real_tokens


@pytest.fixture(scope="session")
def years(real_years):
    return real_years


@pytest.fixture(scope="session")
def multi_sentences():
    from discourse import corpus

    return corpus.segment(corpus.load_docs(MULTI))


# --------------------------------------------------------------------------- end to end

#: The tests that read the one end-to-end run (the session fixture ``pipeline_run``), by
#: node id prefix. ``make test`` runs the suite in two worker processes (pytest-xdist,
#: ``--dist loadscope``) and sends these to one worker, so that the run is made once;
#: every other module is a unit of work of its own. A test that requests
#: ``pipeline_run`` without being listed here stops the collection (see below).
PIPELINE_USERS = ("tests/test_pipeline.py", "tests/test_explorer_browser.py",
                  "tests/test_repository_runs.py::test_runs_never_touch_the_sources")


def work_unit(nodeid: str) -> str:
    """The unit of work a test belongs to when the suite runs in worker processes: the
    shared end-to-end run for ``PIPELINE_USERS``, else its module."""
    if nodeid.startswith(PIPELINE_USERS):
        return "pipeline_run"
    return nodeid.split("::", 1)[0]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Check that every user of ``pipeline_run`` is listed in ``PIPELINE_USERS``, then
    order the tests for the workers: the end-to-end run first, then the modules that
    hold a test marked ``long`` (a minute or more), then those that hold slow tests, then
    the rest (each module's tests stay together, in file order), so that the longest
    units start first and the two workers finish together."""
    unlisted = [i.nodeid for i in items if "pipeline_run" in getattr(i, "fixturenames", ())
                and work_unit(i.nodeid) != "pipeline_run"]
    if unlisted:
        raise pytest.UsageError(f"tests/conftest.py: add {unlisted[0]} to PIPELINE_USERS "
                                "(it reads the shared end-to-end run)")
    slow = {work_unit(i.nodeid) for i in items if i.get_closest_marker("slow")}
    long = {work_unit(i.nodeid) for i in items if i.get_closest_marker("long")}
    rank = {unit: (0 if unit == "pipeline_run" else 1 if unit in long else
                   2 if unit in slow else 3)
            for unit in map(work_unit, (i.nodeid for i in items))}
    items.sort(key=lambda i: rank[work_unit(i.nodeid)])


def pytest_xdist_make_scheduler(config, log):
    """With ``--dist loadscope``, units of work are those of ``work_unit``, sent in the
    order of the collection (``--no-loadscope-reorder``)."""
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedRunScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return work_unit(nodeid)

    return SharedRunScheduling(config, log)


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


def snapshot(root: Path) -> dict[str, bytes]:
    """``{relative path: bytes}`` of every file below ``root`` (hidden ones included)."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def reference_terms(text: str, options, lexicons) -> list[str]:
    """The terms of one sentence the straightforward way, as the term analysis computed
    them before its memos and batches: NLTK's tokens of the sentence
    (``terms.sentence_tokens``), each token's surface form (never its match key), stop
    words, and greedy phrase matching one token at a time, with no memo shared."""
    from discourse import terms
    from discourse.term_outputs import surface
    from discourse.text import is_numeric, is_word

    match, drop = terms._state(options, lexicons)[:2]
    toks, keys = terms.sentence_tokens(text, lexicons)
    simple = []
    for t in toks:
        if not is_word(t):
            simple.append(t if options.punctuation else None)
        elif is_numeric(t):
            simple.append(t if options.numbers else None)
        else:
            w = surface(t, options, lexicons)
            simple.append(None if drop and (w.lower() in drop or t.lower() in drop) else w)
    out, i = [], 0
    while i < len(keys):
        found = next(((len(p), term) for p, term in match.get(keys[i]) or ()
                      if tuple(keys[i:i + len(p)]) == p), None)
        if found is not None:
            i += found[0]
            if " " in found[1] or found[1].lower() not in drop:
                out.append(found[1])
            continue
        if simple[i] is not None:
            out.append(simple[i])
        i += 1
    return out


def check_manifest(root: Path, manifest: dict) -> None:
    """Assert that a run's manifest lists every file of ``root``/results and
    ``root``/figures (itself aside) with the file's sha256, and no other."""
    on_disk = {p.relative_to(root).as_posix() for d in ("results", "figures")
               for p in (root / d).rglob("*") if p.is_file()} - {"results/manifest.json"}
    assert set(manifest["files"]) == on_disk
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((root / name).read_bytes()).hexdigest() == digest, name


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory):
    """``discourse reproduce`` once, with the notebooks' own parameters, on a read-only
    copy of the real corpus, with a socket guard in this process and in every notebook
    kernel (a ``sitecustomize`` on ``PYTHONPATH``) that refuses and logs any connection
    to a non-loopback address. Every end-to-end test reads this one run."""
    from discourse import reproduce

    base = tmp_path_factory.mktemp("pipeline")
    corpus = base / "corpus"
    shutil.copytree(CORPUS, corpus)
    for p in sorted(corpus.rglob("*"), reverse=True):
        p.chmod(0o555 if p.is_dir() else 0o444)
    corpus.chmod(0o555)
    before = snapshot(corpus)
    guard = base / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD)
    log = base / "network.log"
    env = {"PYTHONPATH": os.pathsep.join([str(guard), os.environ.get("PYTHONPATH", "")]),
           "DISCOURSE_NET_LOG": str(log)}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    originals = (socket.socket.connect, socket.socket.connect_ex)
    exec(compile(GUARD, "guard", "exec"), {})   # the same guard in this process
    out = base / "run0"
    try:
        manifest = reproduce.run(corpus=corpus, results=out / "results",
                                 figures=out / "figures", executed=out / "notebooks",
                                 quiet=True)
    finally:
        socket.socket.connect, socket.socket.connect_ex = originals
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return {"base": base, "out": out, "corpus": corpus, "before": before, "log": log,
            "manifest": manifest}


def but_dotted(text: str, toks: list[str]) -> list[str]:
    """NLTK's tokens ``toks`` of a sentence, but for a last chunk like "U.S." (its stem,
    "U.S", an abbreviation with inner stops), which stays one token, as inside a
    sentence (:data:`discourse.term_chunks.DOTTED`)."""
    from discourse.batch_tokens import final_stem
    from discourse.term_chunks import DOTTED

    last = text.split()[-1] if text.split() else ""
    stem = final_stem(last)
    if stem is not None and DOTTED.match(stem):
        assert toks[-2:] == [stem, "."], (text, toks)
        return toks[:-2] + [last]
    return toks
