"""NLTK's tokenizers imported without NLTK's package ``__init__``
(:mod:`discourse.lean_start`, the start of ``discourse keyness``) split and tokenise
as NLTK imported whole does, and leave the process as they found it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import REPO
from test_nltk_plain import TRICKY_PARAGRAPHS, _paragraphs

from discourse.lean_start import counting_session, tokenizers_only
from discourse.text import split_sentences, tokenize

_CHILD = """
import json, sys
from discourse.lean_start import tokenizers_only
from discourse.text import split_sentences, tokenize

paragraphs = json.loads(sys.stdin.read())
assert "nltk" not in sys.modules
with tokenizers_only():
    init_ran = hasattr(sys.modules["nltk"], "__version__")
    sentences = [split_sentences(p) for p in paragraphs]
    tokens = [tokenize(s) for ss in sentences for s in ss]
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("nltk", "sklearn"))
left = sorted(m for m in sys.modules if m.split(".")[0] == "nltk")
import nltk
whole = hasattr(nltk, "__version__") and hasattr(nltk.tokenize, "word_tokenize")
print(json.dumps({"init_ran": init_ran, "sentences": sentences, "tokens": tokens,
                  "loaded": loaded, "left": left, "whole": whole}))
"""


@pytest.mark.slow        # a fresh interpreter
def test_tokenizers_without_nltks_init_split_and_tokenise_as_nltk_whole():
    paragraphs = _paragraphs() + TRICKY_PARAGRAPHS
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(REPO / "src"), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", _CHILD], input=json.dumps(paragraphs),
                          capture_output=True, text=True, env=env, check=True)
    child = json.loads(done.stdout)
    assert not child["init_ran"] and child["whole"] and child["left"] == []
    assert "nltk.tokenize.punkt" in child["loaded"]
    assert not [m for m in child["loaded"] if m.startswith(("sklearn", "nltk.collocations",
                                                            "nltk.tag"))]
    sentences = [split_sentences(p) for p in paragraphs]          # NLTK imported whole
    assert child["sentences"] == sentences
    assert child["tokens"] == [tokenize(s) for ss in sentences for s in ss]
    assert sum(map(len, sentences)) > 300


def test_with_nltk_imported_it_changes_nothing():
    import gc

    import nltk

    before = dict(sys.modules)
    with tokenizers_only():
        assert sys.modules["nltk"] is nltk
    assert sys.modules == before
    assert gc.isenabled()
    with counting_session():
        assert not gc.isenabled() and sys.modules["nltk"] is nltk
    assert gc.isenabled()


_THREADS = """
import gc, json, sys, threading
from discourse.lean_start import counting_session
from discourse.text import split_sentences, tokenize

assert "nltk" not in sys.modules and gc.isenabled()
a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
seen, errors = {}, []

def first():
    try:
        with counting_session():
            a_in.set()
            b_in.wait(30)
            seen["a"] = tokenize("The members met.")
    except BaseException as e:
        errors.append(repr(e))
    finally:
        a_out.set()

def second():
    try:
        a_in.wait(30)
        with counting_session():
            b_in.set()
            a_out.wait(30)               # the first thread has left its session
            nltk = sys.modules.get("nltk")
            seen["lean"] = nltk is not None and not hasattr(nltk, "__version__")
            seen["paused"] = not gc.isenabled()
            import nltk.tokenize.punkt    # still the stand-in's module
            seen["still_lean"] = not hasattr(sys.modules["nltk"], "__version__")
            seen["b"] = split_sentences("One. Two.")
    except BaseException as e:
        errors.append(repr(e))

threads = [threading.Thread(target=first), threading.Thread(target=second)]
for t in threads:
    t.start()
for t in threads:
    t.join(60)
seen["errors"] = errors
seen["left"] = sorted(m for m in sys.modules if m.split(".")[0] == "nltk")
seen["gc"] = gc.isenabled()
print(json.dumps(seen))
"""


@pytest.mark.slow        # a fresh interpreter
def test_threads_share_a_session_until_the_last_leaves():
    """Two threads count at once (as a Dask worker's threads do): the second enters
    while the first is inside, and goes on after the first has left. The stand-ins and
    the paused collector stay until the second leaves, then the process is as it was
    (before: the first thread's exit removed NLTK's modules and restarted the collector
    under the second)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(REPO / "src"), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", _THREADS], capture_output=True, text=True,
                          env=env, check=True, timeout=120)
    seen = json.loads(done.stdout)
    assert seen["errors"] == []
    assert seen["lean"] and seen["paused"] and seen["still_lean"]
    assert seen["a"] == ["The", "members", "met", "."]
    assert seen["b"] == ["One.", "Two."]
    assert seen["left"] == [] and seen["gc"]
