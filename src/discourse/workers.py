"""Worker processes for one call: forked where that is safe, loky's elsewhere.

:func:`run` calls ``function(*arguments)`` of each task in a worker process of its own,
started for the call and ended before it returns (:func:`discourse.parallel.count_documents`
counts its partitions so). How the workers start (:func:`start_method`):

* ``"fork"`` on POSIX systems other than macOS, where this process runs no thread but
  its main one: each worker is a copy of this process made by ``fork``, so it shares
  this process's pages (the imported modules: numpy, pandas, scipy, the package) until
  it writes them (reading a Python object writes its reference count, so the pages of
  the objects a worker reads become its own), and gets its task without pickling it.
  Only its result is pickled, through a pipe. No helper process is started (loky's
  executor starts two resource trackers).
* ``"loky"`` elsewhere: loky's executor, as :class:`joblib.Parallel`'s (its workers are
  fresh interpreters that import what the task needs, and do not import the caller's
  ``__main__``, so a script needs no ``if __name__ == "__main__"`` guard). macOS is
  left to it because system libraries there are not safe in a forked child (Python
  starts processes by ``spawn`` on macOS), and so is a process with other threads,
  which may hold a lock at the moment of the fork that the child then never sees
  released (numpy's OpenBLAS threads are not Python threads and stop themselves at a
  fork: ``pthread_atfork``).

Measured at 10 million words (``benchmarks/README.md``, "Two processes",
``benchmarks/tree_memory.py``): the process tree of ``discourse keyness --n-jobs 2``
peaked at 376-382 MB with forked workers, 498-507 MB with loky's (the same code
otherwise), the same table; 309-327 MB with forked workers once the lemma look-up
kept one lemma per word (:mod:`discourse.lemma_table`, "Two processes with a margin").
"""

from __future__ import annotations

import os
import sys
import threading

__all__ = ["start_method", "run", "RemoteTraceback"]

#: Where set (``"fork"`` or ``"loky"``), the start method :func:`start_method` returns
#: wherever ``"fork"`` is safe (``"loky"`` always is); for measuring the two side by side.
FORCE_ENV = "DISCOURSE_WORKERS"


def start_method() -> str:
    """``"fork"`` where workers may be forked from this process now (see the module
    docstring), else ``"loky"``; the environment variable :data:`FORCE_ENV` set to
    ``"loky"`` chooses loky everywhere."""
    forced = os.environ.get(FORCE_ENV, "")
    if forced not in ("", "fork", "loky"):
        raise ValueError(f"{FORCE_ENV}={forced!r}: expected 'fork' or 'loky'")
    safe = (hasattr(os, "fork") and sys.platform != "darwin"
            and threading.active_count() == 1)
    return "fork" if safe and forced != "loky" else "loky"


def run(tasks: list[tuple], progress: bool = False) -> list:
    """``function(*arguments)`` of each ``(function, *arguments)``, in order, each in a
    worker process of its own, started for these tasks and ended before this returns
    (:func:`start_method` says how). The first error in task order is raised, the other
    workers stopped."""
    if start_method() == "fork":
        return _run_forked(tasks, progress)
    return _run_loky(tasks, progress)


def _run_loky(tasks: list[tuple], progress: bool) -> list:
    from joblib.externals.loky import ProcessPoolExecutor
    from tqdm import tqdm

    pool = ProcessPoolExecutor(len(tasks))
    try:
        futures = [pool.submit(*task) for task in tasks]
        done = [f.result() for f in tqdm(futures, desc="partitions", unit="part",
                                         disable=not progress)]
    except BaseException:
        pool.shutdown(wait=True, kill_workers=True)
        raise
    pool.shutdown(wait=True)
    return done


class RemoteTraceback(Exception):
    """The traceback of an error raised in a forked worker (the ``__cause__`` of the
    error raised again here), as :mod:`concurrent.futures` gives its workers' errors."""

    def __str__(self) -> str:
        return self.args[0]


def _child(send, task: tuple) -> None:
    """In the forked worker: run the task, send ``(True, result)`` or ``(False, error,
    its traceback)``."""
    import traceback

    function, *arguments = task
    try:
        out = (True, function(*arguments))
    except BaseException as error:          # sent to the parent, raised there
        out = (False, error, traceback.format_exc())
    try:
        send.send(out)
    except Exception as error:              # a result or error that does not pickle
        what = "result" if out[0] else f"error ({out[1]!r})"
        send.send((False, RuntimeError(f"a worker's {what} could not be sent back: "
                                       f"{error!r}"), traceback.format_exc()))
    send.close()


def _run_forked(tasks: list[tuple], progress: bool) -> list:
    import multiprocessing
    from multiprocessing.connection import wait

    from tqdm import tqdm

    ctx = multiprocessing.get_context("fork")
    procs, pipes = [], []
    try:
        for task in tasks:
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_child, args=(send, task), daemon=True)
            proc.start()
            send.close()                     # the worker's end; EOF here if it dies
            procs.append(proc)
            pipes.append(recv)
        results: dict = {}
        with tqdm(total=len(tasks), desc="partitions", unit="part",
                  disable=not progress) as bar:
            while len(results) < len(tasks):
                for recv in wait([p for i, p in enumerate(pipes) if i not in results]):
                    i = pipes.index(recv)
                    try:
                        results[i] = recv.recv()
                    except EOFError:
                        procs[i].join()
                        results[i] = (False, ChildProcessError(
                            f"worker process {i + 1} of {len(tasks)} ended without a "
                            f"result (exit code {procs[i].exitcode})"), "")
                    bar.update()
                for i in range(len(tasks)):          # the first error in task order
                    if i not in results:
                        break
                    if not results[i][0]:
                        error, text = results[i][1:]
                        if text:
                            error.__cause__ = RemoteTraceback(f"\n{text}")
                        raise error
        return [results[i][1] for i in range(len(tasks))]
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.kill()
            proc.join()
        for recv in pipes:
            recv.close()
