"""discourse.framing.pool: coding in worker processes gives exactly the codes of one
process; chunks end only where both the document and the paragraph change; and the
codes do not depend on the process's string hashing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from pathlib import Path

import pandas as pd
import pytest

from discourse import framing
from discourse.checks import resolve_jobs
from discourse.framing.pool import chunks

from conftest import CORPUS


def _rows():
    t = pd.read_csv(CORPUS / "annotations" / "sco_style" / "frames_dev.csv", dtype=str,
                    keep_default_na=False)
    return list(zip(t.id, t.text, t.paragraph, t.document, t.date))


@pytest.mark.slow        # starts worker processes
@pytest.mark.parametrize("method", ["fork", "loky"])
def test_workers_give_the_codes_of_one_process(method, monkeypatch):
    """Forked workers and loky's (each started with the lexicon once, keeping its caches
    from chunk to chunk) give the codes of one process, in order."""
    from discourse import workers

    monkeypatch.setenv(workers.FORCE_ENV, method)
    if method == "fork" and workers.start_method() != "fork":
        if not hasattr(os, "fork") or sys.platform == "darwin":
            pytest.skip("workers are not forked on this system")
        # this test process runs other threads (earlier tests'): the same check in a
        # fresh interpreter, where the workers are forked
        code = ("import sys; sys.path.insert(0, sys.argv[1]); import test_framing_pool as t; "
                "from discourse import workers; assert workers.start_method() == 'fork'; "
                "t._same_codes()")
        done = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent)],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        return
    _same_codes()


def _same_codes():
    rows = _rows()
    lex = framing.load_lexicon()
    one = list(framing.iter_codes(rows, lex))
    # small chunks: many chunk boundaries, each at a new document
    two = list(framing.iter_codes(iter(rows), lex, n_jobs=2, chunk_size=40))
    assert two == one and len(one) == len(rows)
    assert any("from the event of" in c.evidence for c in two)     # document memory ran


@pytest.mark.slow        # starts worker processes
def test_a_worker_s_error_reaches_the_caller_and_the_workers_end():
    """A chunk that cannot be coded (a row of four fields) raises its error in the
    caller, and the workers end: no process is left behind."""
    import multiprocessing

    rows = _rows()[:200] + [("bad", "A sentence.", "pX", "dX")]
    with pytest.raises(ValueError, match="a row must be"):
        list(framing.iter_codes(iter(rows), framing.load_lexicon(), n_jobs=2,
                                chunk_size=40))
    assert multiprocessing.active_children() == []


def test_chunks_end_where_document_and_paragraph_change():
    rows = [("a", "x", "p1", "d1", None), ("b", "x", "p2", "d1", None),
            ("c", "x", "p3", "d2", None),
            # the same paragraph key in a new document: the coder's paragraph memory
            # would carry over, so no cut here
            ("d", "x", "p3", "d3", None), ("e", "x", "p4", "d3", None),
            ("f", "x", "p5", "d4", None)]
    assert [[r[0] for r in c] for c in chunks(rows, 1)] == [
        ["a", "b"], ["c", "d", "e"], ["f"]]
    three = [("a", "x", None), ("b", "x", None), ("c", "x", "q"), ("d", "x", "q")]
    assert [[r[0] for r in c] for c in chunks(three, 1)] == [["a"], ["b"], ["c", "d"]]
    assert [len(c) for c in chunks(rows, 100)] == [6]
    with pytest.raises(ValueError, match="chunk_size=0"):
        list(chunks(rows, 0))


def test_n_jobs_is_checked(frame_lexicon):
    assert resolve_jobs(3) == 3 and resolve_jobs(-1) == len(os.sched_getaffinity(0))
    for bad in (0, -2, 1.5, True):
        with pytest.raises(ValueError, match="n_jobs="):
            resolve_jobs(bad)
    with pytest.raises(ValueError, match="n_jobs=0"):          # the session's lexicon:
        framing.iter_codes([], frame_lexicon, n_jobs=0)         # none loaded to check it


def test_minus_one_and_auto_count_the_cores_this_process_may_use(monkeypatch):
    """A process allowed one core of eight (a container, ``taskset``): ``n_jobs=-1`` and
    ``--n-jobs auto`` both start one worker, not eight."""
    from discourse import parallel

    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3})
    assert resolve_jobs(-1) == 1
    assert parallel.auto_jobs(parallel.AUTO_MIN_BYTES) == 1
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2})
    assert resolve_jobs(-1) == 3 == parallel.auto_jobs(parallel.AUTO_MIN_BYTES)


@pytest.mark.slow        # six interpreters (about 4 s)
def test_codes_do_not_depend_on_string_hashing():
    """Two openers of one passing principle ("under the motto", "motto"): the widest
    names the blocked match whatever the order of a set of flags."""
    code = ("import json; from discourse import framing; print(json.dumps(framing.explain("
            "'China has held the chairmanship under the motto \"Upholding the Shanghai "
            "Spirit: SCO on the Move\".')['blocked']))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}
                           ).stdout for seed in range(6)}
    assert len(outs) == 1
    assert "principle cited in passing 'under the motto" in json.loads(outs.pop())[0]
