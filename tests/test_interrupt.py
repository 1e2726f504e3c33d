"""discourse.interrupt: Ctrl-C or SIGTERM during ``discourse reproduce`` ends in one line
saying what was interrupted, stops the kernel and every process it started, and leaves
the previous outputs as they were."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import nbformat
import psutil
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from discourse import interrupt

WORK = """\
import os, time
from pathlib import Path
from joblib import Parallel, delayed
pids = Parallel(n_jobs=2)(delayed(os.getpid)() for _ in range(8))   # loky workers stay up
Path(RESULTS_DIR, "started.part").write_text(str(os.getpid()))
os.replace(Path(RESULTS_DIR, "started.part"), Path(RESULTS_DIR, "started.txt"))  # whole
time.sleep(300)
"""


def _alive(processes) -> list:
    out = []
    for p in processes:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
        except psutil.NoSuchProcess:
            pass
    return out


def test_the_exit_status_follows_the_shell_convention():
    assert interrupt.Interrupted("SIGINT").exit_status == 130
    assert interrupt.Interrupted("SIGTERM").exit_status == 143
    exc = interrupt.Interrupted("SIGTERM", stopped=3).at("running 02-x.ipynb")
    assert str(exc) == "interrupted by SIGTERM while running 02-x.ipynb"
    assert exc.stopped == 3 and exc.at("later").during == "running 02-x.ipynb"


def test_signals_raise_within_the_block_only():
    previous = signal.getsignal(signal.SIGTERM)
    with pytest.raises(interrupt.Interrupted, match="interrupted by SIGTERM"):
        with interrupt.signals_raise():
            signal.raise_signal(signal.SIGTERM)
            time.sleep(5)                        # never reached
    assert signal.getsignal(signal.SIGTERM) == previous


def test_call_stopping_children_returns_and_raises_like_the_call():
    assert interrupt.call_stopping_children(lambda: 42) == 42
    with pytest.raises(ZeroDivisionError):
        interrupt.call_stopping_children(lambda: 1 / 0)


@pytest.mark.slow        # starts processes
def test_an_interrupt_stops_the_processes_the_call_started():
    import threading

    started, running = [], threading.Event()

    def work():
        started.append(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]))
        running.set()
        time.sleep(60)

    def send():                 # once the child runs, however long starting it took,
        if running.wait(timeout=60):        # and the main thread waits for the call
            time.sleep(0.5)
            signal.pthread_kill(main_thread, signal.SIGTERM)

    with interrupt.signals_raise():
        main_thread = threading.main_thread().ident
        threading.Thread(target=send, daemon=True).start()
        with pytest.raises(interrupt.Interrupted) as info:
            interrupt.call_stopping_children(work)
    assert info.value.signal_name == "SIGTERM" and info.value.stopped == 1
    assert started[0].wait(timeout=10) is not None


@pytest.mark.slow
@pytest.mark.parametrize("signame,status", [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_during_a_notebook(tmp_path, tiny_corpus, signame, status):
    """A scheduler's SIGTERM, or Ctrl-C (SIGINT), while a notebook's kernel and its
    worker processes run."""
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    params = new_code_cell("RESULTS_DIR = None")
    params.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[params, new_code_cell(WORK)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, nbdir / "01-work.ipynb")
    source = (nbdir / "01-work.ipynb").read_bytes()
    results = tmp_path / "results"
    results.mkdir()
    previous = {"manifest.json": b'{"previous": "run"}\n', "keep.csv": b"a\n1\n"}
    for name, data in previous.items():
        (results / name).write_bytes(data)

    proc = subprocess.Popen(
        [sys.executable, "-m", "discourse", "reproduce", "--corpus", str(tiny_corpus),
         "--results", str(results), "--figures", str(tmp_path / "figures"),
         "--notebooks", str(nbdir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 180
        while not (results / "started.txt").exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the notebook never started"
            time.sleep(0.2)
        kernel = int((results / "started.txt").read_text())
        started = psutil.Process(proc.pid).children(recursive=True)
        assert kernel in {p.pid for p in started}
        workers = [p for p in started if kernel in {q.pid for q in p.parents()}]
        assert len(workers) >= 2                     # the kernel's joblib (loky) workers
        proc.send_signal(getattr(signal, signame))
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == status
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"discourse reproduce: interrupted by {signame} while running "
                               "01-work.ipynb; stopped ")
    assert "the previous outputs stand but for the files this run had finished" in lines[0]
    assert lines[0].endswith(f"{results / '.run-incomplete'} marks the folder as the output "
                             "of a run that did not finish (discourse report refuses it) "
                             "until a run finishes")
    assert int(lines[0].split("; stopped ")[1].split()[0]) >= 3
    assert "Traceback" not in err
    deadline = time.monotonic() + 10
    while _alive(started) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _alive(started) == []                     # no leftover process
    for name, data in previous.items():
        assert (results / name).read_bytes() == data, name
    assert not (results / "notebooks").exists()      # the interrupted notebook not saved
    assert (nbdir / "01-work.ipynb").read_bytes() == source
    # no temporary file left; the marker of a run that did not finish
    assert [p.name for p in results.rglob(".*") if p.is_file()] == [".run-incomplete"]
