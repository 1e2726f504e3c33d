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
