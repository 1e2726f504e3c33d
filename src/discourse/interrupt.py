"""Stop cleanly on Ctrl-C or SIGTERM: every process a step started is stopped, and the
caller can say in one line what was interrupted.

``discourse reproduce`` runs each notebook in a Jupyter kernel, which may start worker
processes of its own (joblib's loky executor). A kernel runs in its own session, so
Ctrl-C in a terminal and a scheduler's SIGTERM reach only the runner; if the runner
simply died, the kernel and its workers would keep running. Hence:

* :func:`signals_raise` turns SIGINT and SIGTERM into :class:`Interrupted` in the main
  thread for the duration of a block;
* :func:`call_stopping_children` runs a call (the notebook execution) in a worker
  thread, so that the main thread stays free to receive the signal, and on an interrupt
  stops every process started during the call (the kernel and all its descendants,
  found with psutil before any of them dies), then re-raises.

Files are always written whole (:func:`discourse.io.atomic_path`), so an interrupted run
leaves every output either as before or complete.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Callable, Iterator, TypeVar

__all__ = ["Interrupted", "signals_raise", "call_stopping_children", "stop_processes"]

T = TypeVar("T")

#: Seconds a process gets to exit after SIGTERM before it is killed.
GRACE = 5.0


class Interrupted(Exception):
    """The run was interrupted by a signal.

    Attributes
    ----------
    signal_name : str
        ``"SIGINT"`` (Ctrl-C) or ``"SIGTERM"``.
    during : str or None
        What was running, e.g. ``"running 03-topics.ipynb"``.
    stopped : int
        Processes stopped because of the interrupt.
    """

    def __init__(self, signal_name: str, during: str | None = None, stopped: int = 0):
        self.signal_name, self.during, self.stopped = signal_name, during, stopped
        super().__init__(f"interrupted by {signal_name}"
                         + (f" while {during}" if during else ""))

    @property
    def exit_status(self) -> int:
        """``128 + signal number``, the shell's convention (130 for Ctrl-C, 143 for SIGTERM)."""
        return 128 + int(getattr(signal, self.signal_name, signal.SIGTERM))

    def at(self, during: str) -> "Interrupted":
        """The same interrupt, saying what was running (kept if already set)."""
        return Interrupted(self.signal_name, self.during or during, self.stopped)


def _as_interrupted(exc: BaseException) -> Interrupted:
    return exc if isinstance(exc, Interrupted) else Interrupted("SIGINT")


@contextlib.contextmanager
def signals_raise(signals: tuple[int, ...] = (signal.SIGINT, signal.SIGTERM)) -> Iterator[None]:
    """Within the block, the given signals raise :class:`Interrupted` (main thread only).

    Outside the main thread signal handlers cannot be installed and the block runs
    unchanged. The previous handlers are restored on exit.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise Interrupted(signal.Signals(signum).name)

    previous = {s: signal.signal(s, handler) for s in signals}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


@contextlib.contextmanager
def _ignoring(*signals: int) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, signal.SIG_IGN) for s in signals}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


def _descendants() -> list:
    import psutil

    try:
        return psutil.Process().children(recursive=True)
    except psutil.Error:  # pragma: no cover - the process table changed under us
        return []


def stop_processes(processes: list, grace: float = GRACE) -> int:
    """Terminate ``processes`` (psutil), kill those still alive after ``grace`` seconds.

    Returns the number of processes that were running.
    """
    import psutil

    alive = []
    for p in processes:
        with contextlib.suppress(psutil.Error):
            p.terminate()
            alive.append(p)
    _, left = psutil.wait_procs(alive, timeout=grace)
    for p in left:
        with contextlib.suppress(psutil.Error):
            p.kill()
    psutil.wait_procs(left, timeout=grace)
    return len(alive)


def _close_thread_loop() -> None:
    """Close the event loop a call left set in this (worker) thread, if any: nbclient
    runs its coroutines on one and never closes it (an unclosed loop collected later
    makes Python 3.12.1 print an ignored exception)."""
    import asyncio
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError:
            return
    if not loop.is_running() and not loop.is_closed():
        loop.close()
    asyncio.set_event_loop(None)


def call_stopping_children(fn: Callable[[], T]) -> T:
    """Return ``fn()``, run in a worker thread while the main thread waits.

    If the wait is interrupted (:class:`Interrupted` from :func:`signals_raise`, or
    ``KeyboardInterrupt``), every process started during the call and still running
    (children of this process and all their descendants) is stopped, and
    :class:`Interrupted` is raised with the number of processes stopped. Exceptions of
    ``fn`` are re-raised in the caller.
    """
    before = {p.pid for p in _descendants()}
    outcome: dict = {}

    def target():
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            outcome["error"] = exc
        finally:
            _close_thread_loop()

    worker = threading.Thread(target=target, name="discourse-notebook", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.2)
    except (Interrupted, KeyboardInterrupt) as exc:
        with _ignoring(signal.SIGINT, signal.SIGTERM):   # a second signal waits
            started = [p for p in _descendants() if p.pid not in before]
            stopped = stop_processes(started)
            worker.join(GRACE)   # the call notices its kernel died and cleans up
        raise Interrupted(_as_interrupted(exc).signal_name, stopped=stopped) from None
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
