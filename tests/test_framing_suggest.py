"""discourse.framing.suggest and ``discourse suggest-terms``: windowed keyness near a frame."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from discourse import corpus, framing
from discourse.framing.suggest import SUGGEST_COLUMNS
from discourse.keyness import g2

from conftest import CORPUS, MULTI as MULTIYEAR


def _sentences(texts):
    return pd.DataFrame({"sentence_id": [f"s{i}" for i in range(len(texts))], "doc_id": "d",
                         "year": 2020, "text": texts})


def test_counts_and_g2_by_hand(frame_lexicon):
    texts = ["Terrorism menace zebra.", "Terrorism menace zebra.", "Terrorism menace zebra.",
             "Zebra menace."]
    t = framing.suggest_terms(_sentences(texts), "security", frame_lexicon, window=1,
                              min_count=1)
    # window 1: "menace" is near "Terrorism" three times; "zebra" (two tokens away) and
    # the last sentence are far: near tokens 3 (menace x3), far tokens 5 (zebra x4, menace)
    row = t.set_index("term").loc["menace"]
    assert (row.count_near, row.count_far) == (3, 1)
    assert row.g2 == pytest.approx(float(g2(3, 1, 3, 5)))
    assert "zebra" not in t.term.tolist()          # never near: not a candidate
    assert "terrorism" not in t.term.tolist()      # already in the lexicon
    assert row.kwic.startswith("Terrorism [menace] zebra")


def test_single_letters_are_no_candidates(frame_lexicon):
    """ "U.N." is U . N . to the coder: its letters were suggested, with no KWIC line."""
    texts = ["Terrorism U. N. menace J. Smith."] * 3 + ["Zebra menace."]
    t = framing.suggest_terms(_sentences(texts), "security", frame_lexicon, window=8,
                              min_count=1)
    assert t.term.tolist() == ["smith"]          # not "u", "n", "j"


def test_real_corpus_and_multiyear_fixture(frame_lexicon):
    for root in (CORPUS, MULTIYEAR):
        s = corpus.segment(corpus.load_docs(root))
        t = framing.suggest_terms(s, "security", frame_lexicon, min_count=2)
        assert list(t.columns) == SUGGEST_COLUMNS
        assert (t.g2 > 0).all() and t.g2.is_monotonic_decreasing
        assert not set(t.term) & set(frame_lexicon.vocabulary)
        assert t.kwic.str.contains(r"\[").all()


def test_errors():
    s = _sentences(["Trade grew."])
    with pytest.raises(ValueError, match=r"frame='culture' is not one of"):
        framing.suggest_terms(s, "culture")
    with pytest.raises(ValueError, match="no sentence of the corpus carries the frame"):
        framing.suggest_terms(s, "security")
    with pytest.raises(ValueError, match="sentences table is empty"):
        framing.suggest_terms(s.iloc[:0], "economy")


@pytest.mark.slow
def test_cli(tmp_path):
    out = tmp_path / "s.csv"
    r = subprocess.run([sys.executable, "-m", "discourse", "suggest-terms", "--frame",
                        "economy", "--corpus", str(MULTIYEAR), "--min-count", "1",
                        "-o", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert pd.read_csv(out).frame.eq("economy").all()
    r = subprocess.run([sys.executable, "-m", "discourse", "suggest-terms", "--frame",
                        "culture"], capture_output=True, text=True)
    assert r.returncode == 2 and "frame='culture' is not one of" in r.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "metadata.csv").write_text("doc_id,file,title,speaker,date,year,genre,venue,"
                                        "publisher,language,sha256,notes\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "discourse", "suggest-terms", "--frame",
                        "economy", "--corpus", str(empty)], capture_output=True, text=True)
    assert r.returncode == 2 and "no documents" in r.stderr


def test_an_empty_suggestion_says_why(tmp_path, capsys):
    """A walkthrough's small corpus got a header alone at the default --min-count."""
    from discourse import cli

    out = tmp_path / "s.csv"
    assert cli.main(["suggest-terms", "--frame", "economy", "--corpus", str(MULTIYEAR),
                     "--min-count", "100000", "-o", str(out)]) == 0
    assert pd.read_csv(out).empty
    assert ("no word occurs at least --min-count 100000 times within" in capsys.readouterr().err)
