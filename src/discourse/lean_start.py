"""A lean start for commands that stream a corpus into counts (``discourse keyness``).

``import nltk.tokenize.punkt`` runs NLTK's package ``__init__`` first, which imports
nearly all of NLTK and, through it, ``scipy.stats`` and scikit-learn: 1.2-2 s and
about 150 MB of resident memory (2026-12-05: 1.98 s and 175 MB against 0.07 s and
25 MB), in a process that needs only NLTK's word tokenizer
(``nltk.tokenize.destructive``) and Punkt (``nltk.tokenize.punkt``). Those two
modules import a handful of NLTK's own (``nltk.tokenize.api`` and ``.util``,
``nltk.redos``, ``pathsec``, ``picklesec``, ``probability``, ``tabdata``,
``termsec``, ``internals``), none of which needs the package ``__init__``.

:func:`tokenizers_only` stands in for the two package modules ``nltk`` and
``nltk.tokenize`` while it is active: empty packages with NLTK's directories as
their path, so that ``import nltk.tokenize.punkt`` loads that module and what it
imports, from NLTK's own files, and nothing else. The classes are NLTK's, defined by
NLTK's code (``tests/test_lean_start.py`` checks that the tokens and sentences are
those of a process that imported NLTK whole). When it ends, every NLTK module loaded
meanwhile leaves ``sys.modules`` again, so a later ``import nltk`` in the same
process runs NLTK's ``__init__`` as always; objects made meanwhile keep their
classes. If NLTK is already imported it does nothing. Threads may share a session:
the stand-ins and the paused collector last until the last of them leaves.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import os
import sys
import threading
from types import ModuleType
from typing import Iterator

__all__ = ["tokenizers_only", "counting_session"]

#: The modules of NLTK that the package's tokenizers use, loaded on entry.
TOKENIZER_MODULES = ("nltk.tokenize.destructive", "nltk.tokenize.punkt")


def _package(name: str, path: str) -> ModuleType:
    module = ModuleType(name, f"Stand-in for {name} while discourse.lean_start is active.")
    module.__path__ = [path]
    return module


def _tokenize_getattr(name: str):
    # ``from nltk.tokenize import NLTKWordTokenizer``: the names of the modules loaded
    for module in TOKENIZER_MODULES:
        if hasattr(sys.modules.get(module), name):
            return getattr(sys.modules[module], name)
    raise AttributeError(f"module 'nltk.tokenize' (a stand-in of discourse.lean_start) "
                         f"has no attribute {name!r}")


class _Sessions:
    """The sessions active in this process, shared by its threads: the first to enter
    sets up (the stand-ins, the paused collector), the last to leave undoes it, so that
    threads counting at the same time (a Dask worker's, joblib's threading backend) never
    see another thread's session end under them."""

    def __init__(self):
        self.lock = threading.Lock()
        self.tokenizers = 0          # threads inside tokenizers_only
        self.before: set | None = None     # sys.modules at the first entry, if loaded
        self.counting = 0            # threads inside counting_session
        self.gc_was_enabled = False


_SESSIONS = _Sessions()


@contextlib.contextmanager
def tokenizers_only() -> Iterator[None]:
    """While active, NLTK's tokenizer modules are importable without NLTK's package
    ``__init__`` (see the module docstring). Safe to enter from several threads at once:
    the stand-ins stay until the last thread leaves."""
    with _SESSIONS.lock:
        if _SESSIONS.tokenizers == 0:
            _SESSIONS.before = _stand_in()
        _SESSIONS.tokenizers += 1
    try:
        yield
    finally:
        with _SESSIONS.lock:
            _SESSIONS.tokenizers -= 1
            if _SESSIONS.tokenizers == 0 and _SESSIONS.before is not None:
                _forget(_SESSIONS.before)
                _SESSIONS.before = None


def _stand_in() -> set | None:
    """Put the stand-ins in ``sys.modules`` and load the tokenizer modules; return
    ``sys.modules``'s names before, or ``None`` (NLTK already imported, not installed or
    laid out otherwise: then nothing is left changed)."""
    spec = None if "nltk" in sys.modules else importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        return None
    root = list(spec.submodule_search_locations)[0]
    nltk = _package("nltk", root)
    tokenize = nltk.tokenize = _package("nltk.tokenize", os.path.join(root, "tokenize"))
    tokenize.__getattr__ = _tokenize_getattr
    before = set(sys.modules)
    sys.modules.update({"nltk": nltk, "nltk.tokenize": tokenize})
    loaded = False
    try:
        for name in TOKENIZER_MODULES:
            importlib.import_module(name)
        loaded = True
    except Exception:                # NLTK laid out otherwise: imported as always
        pass
    finally:                         # an interrupt too leaves no stand-in behind
        if not loaded:
            _forget(before)
    return before if loaded else None


def _forget(before: set) -> None:
    """Drop the NLTK modules loaded since ``sys.modules`` held ``before``."""
    for name in set(sys.modules) - before:
        if name == "nltk" or name.startswith("nltk."):
            del sys.modules[name]


@contextlib.contextmanager
def counting_session() -> Iterator[None]:
    """:func:`tokenizers_only`, with the cyclic garbage collector paused: a counting
    run makes long-lived objects (modules, word lists, memos) and almost no reference
    cycles, and the collector's passes over them cost 0.3-0.5 s a run. The collector
    is left as it was found, when the last of the threads inside a counting session
    leaves it."""
    with _SESSIONS.lock:
        if _SESSIONS.counting == 0:
            _SESSIONS.gc_was_enabled = gc.isenabled()
            gc.disable()
        _SESSIONS.counting += 1
    try:
        with tokenizers_only():
            yield
    finally:
        with _SESSIONS.lock:
            _SESSIONS.counting -= 1
            if _SESSIONS.counting == 0 and _SESSIONS.gc_was_enabled:
                gc.enable()
