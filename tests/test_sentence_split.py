"""discourse.sentence_split: Punkt's boundaries and the package's three rules."""

from __future__ import annotations

import importlib

import pytest

from discourse import text
from discourse.sentence_split import STARTERS, split_sentences


def test_text_re_exports_the_sentence_functions():
    assert text.split_sentences is split_sentences
    assert "u.n" in text.EXTRA_ABBREVIATIONS


def test_punkts_sentence_starters_may_begin_a_sentence_after_an_initialism():
    english = importlib.import_module("punkt.data.english")
    assert set(english.SENT_STARTERS) <= STARTERS


@pytest.mark.parametrize("paragraph, sentences", [
    # Punkt alone splits these after the initialism (a walkthrough's corpus: the name
    # was cut from its head noun, and the sentence count changed)
    ("We work with the U.N. Environment Programme on the sea.", 1),
    ("On the margins of the U.N. Climate Change Conference in Dubai, we met.", 1),
    ("We met the E.U. Ambassador.", 1),
    ("The U.N. Security Council met.", 1),
    # a function word after the initialism: Punkt's boundary stands
    ("We support the U.N. The E.U. agrees.", 2),
    ("He thanked the U.N. Secretariat. Then he left.", 2),
    # a new sentence after the initialism (a review's cases): Punkt's boundary stands
    ("Exports fell in the E.U. Germany was hit hardest.", 2),
    ("The treaty was signed in the U.S.A. Ratification followed in 1990.", 2),
    ("It was founded in 500 B.C. Rome grew.", 2),
    ("We met officials of the E.U. Later, we met the press.", 2),
    ("Trade with the E.U. 2020 was a record year.", 2),
    # not an initialism with full stops: Punkt as before
    ("Mr. Greminger met Mr Jenča in St. Petersburg. It went well.", 2),
])
def test_no_boundary_inside_a_name_after_an_initialism(paragraph, sentences):
    got = split_sentences(paragraph)
    assert len(got) == sentences and " ".join(got) == paragraph
