"""discourse.workers: worker processes forked where that is safe (sharing the parent's
imports, no resource tracker), loky's elsewhere; the counts and the keyness table the
same either way and as one process's."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading

import pytest

from discourse import counts as C, corpus, workers

from conftest import MULTI, REPO

FORKS = hasattr(os, "fork") and sys.platform != "darwin"

#: Run in a fresh interpreter (no thread but the main one): the start method and, for
#: each worker, whether it sees a module imported only by the parent, its parent's pid
#: and whether a resource tracker was started.
_PROBE = """
import json, os, sys, threading
import xml.dom.minidom                      # imported here only: a forked worker has it
from discourse import workers

def seen(name):
    import os, sys
    return name in sys.modules, os.getppid()

if sys.argv[1] == "thread":
    stop = threading.Event()
    threading.Thread(target=stop.wait, daemon=True).start()
method = workers.start_method()
out = workers.run([(seen, "xml.dom.minidom"), (seen, "xml.dom.minidom")])
trackers = [n for n in sys.modules if n.endswith("resource_tracker")]
from multiprocessing import resource_tracker
print(json.dumps({"method": method, "workers": out, "pid": os.getpid(),
                  "tracker": resource_tracker._resource_tracker._pid}))
"""


def _probe(mode: str, **env) -> dict:
    proc = subprocess.run([sys.executable, "-c", _PROBE, mode], capture_output=True, text=True,
                          env={**os.environ, **env}, cwd=REPO, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.slow        # starts worker processes
@pytest.mark.skipif(not FORKS, reason="workers are forked on POSIX systems but macOS only")
def test_workers_are_forked_children_sharing_the_parents_imports():
    got = _probe("plain")
    assert got["method"] == "fork"
    assert got["workers"] == [[True, got["pid"]], [True, got["pid"]]]
    assert got["tracker"] is None                 # no resource tracker process started


@pytest.mark.slow        # starts worker processes
def test_workers_are_lokys_with_another_thread_or_when_asked():
    for got in (_probe("thread"), _probe("plain", DISCOURSE_WORKERS="loky")):
        assert got["method"] == "loky"
        assert [seen for seen, _ in got["workers"]] == [False, False]   # fresh interpreters


def test_start_method_follows_the_platform_threads_and_the_environment(monkeypatch):
    monkeypatch.delenv(workers.FORCE_ENV, raising=False)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert workers.start_method() == ("fork" if FORKS else "loky")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert workers.start_method() == "loky"
    monkeypatch.undo()
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert workers.start_method() == "loky"
    monkeypatch.setenv(workers.FORCE_ENV, "spawn")
    with pytest.raises(ValueError, match="expected 'fork' or 'loky'"):
        workers.start_method()


def _fails(code: int):
    if code:
        os._exit(code)                          # dies without a word
    raise KeyError("no such document")


def _answer(x):
    return x * 2


@pytest.mark.slow        # starts worker processes
@pytest.mark.skipif(not FORKS, reason="workers are forked on POSIX systems but macOS only")
def test_a_forked_workers_error_or_death_is_raised_here(monkeypatch):
    monkeypatch.setattr(workers, "start_method", lambda: "fork")
    assert workers.run([(_answer, 1), (_answer, 2)]) == [2, 4]
    with pytest.raises(KeyError, match="no such document") as info:
        workers.run([(_answer, 1), (_fails, 0)])
    assert isinstance(info.value.__cause__, workers.RemoteTraceback)
    assert "_fails" in str(info.value.__cause__)
    with pytest.raises(ChildProcessError, match="worker process 2 of 2 ended without a "
                                                "result \\(exit code 3\\)"):
        workers.run([(_answer, 1), (_fails, 3)])
    with pytest.raises(RuntimeError, match="could not be sent back"):
        workers.run([(lambda: threading.Lock(),)])


_KEYNESS = """
import sys
from discourse import cli, workers
print(workers.start_method(), file=sys.stderr)
sys.exit(cli.main(["keyness", "--corpus", sys.argv[1], "--target", "2023", "--reference",
                   "rest", "--quiet", "--n-jobs", sys.argv[2], "-o", sys.argv[3]]))
"""


@pytest.mark.slow        # starts worker processes
def test_keyness_tables_are_the_same_bytes_forked_by_loky_and_in_one_process(tmp_path):
    digests, methods = {}, {}
    for name, jobs, env in (("one", "1", {}), ("forked", "2", {}),
                            ("loky", "2", {"DISCOURSE_WORKERS": "loky"})):
        out = tmp_path / f"{name}.csv"
        proc = subprocess.run([sys.executable, "-c", _KEYNESS, str(MULTI), jobs, str(out)],
                              capture_output=True, text=True, cwd=REPO, timeout=300,
                              env={**os.environ, **env})
        assert proc.returncode == 0, proc.stderr
        digests[name] = hashlib.sha256(out.read_bytes()).hexdigest()
        methods[name] = proc.stderr.split()[0]
    assert methods["forked"] == ("fork" if FORKS else "loky") and methods["loky"] == "loky"
    assert len(set(digests.values())) == 1, digests


def test_counts_that_forget_their_memos_are_the_same(lexicons):
    from discourse.segmentation import iter_paragraphs
    from discourse.terms import TermOptions, sentence_terms

    docs = corpus.load_docs(MULTI)
    for level in ("year", "paragraph"):
        kept = C.count_paragraphs(iter_paragraphs(docs), level=level, lexicons=lexicons)
        assert lexicons._memo                   # the memos of the term analysis
        dropped = C.count_paragraphs(iter_paragraphs(docs), level=level, lexicons=lexicons,
                                     forget=True)
        assert not lexicons._memo
        assert list(dropped.terms) == list(kept.terms)
        assert (dropped.matrix != kept.matrix).nnz == 0
        assert (dropped.presence != kept.presence).nnz == 0
        assert dropped.n_paragraphs.tolist() == kept.n_paragraphs.tolist()
    assert sentence_terms("Member States met.", TermOptions(), lexicons) \
        == ["member state", "meet"]
