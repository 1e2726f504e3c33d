"""discourse.sentence_split: Punkt's boundaries and the package's five rules."""

from __future__ import annotations

import importlib

import pytest

from discourse import text
from discourse.sentence_split import STARTERS, sentence_spans, split_sentences


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


@pytest.mark.parametrize("paragraph, sentences", [
    # a walkthrough: an answer "No." opening a paragraph was not split ("no" is an
    # abbreviation for "No. 5"), and Punkt does not know the ellipsis character
    ("No. We meet often, yes.", ["No.", "We meet often, yes."]),
    ("Will you? No. It was not.", ["Will you?", "No.", "It was not."]),
    ("Growth was 5 per cent\u2026 The outlook is good.",
     ["Growth was 5 per cent\u2026", "The outlook is good."]),
    ("It grew\u2026 \u201cSlowly,\u201d he said.",
     ["It grew\u2026", "\u201cSlowly,\u201d he said."]),
    # not ends: a number after "No.", a lower-case word, a no-break space, a word ending in no
    ("No. 5 Road was built.", ["No. 5 Road was built."]),
    ("Resolution No. 1373 was adopted.", ["Resolution No. 1373 was adopted."]),
    ("It grew\u2026 and grew.", ["It grew\u2026 and grew."]),
    ("No.\u00a0We meet.", ["No.\u00a0We meet."]),
    ("It grew\u2026\u00a0The end.", ["It grew\u2026\u00a0The end."]),
])
def test_ends_punkt_does_not_see(paragraph, sentences):
    assert split_sentences(paragraph) == sentences
    spans = sentence_spans(paragraph)
    assert [paragraph[s:e] for s, e in spans] == sentences
    assert all(paragraph[e:b].strip() == "" for (_, e), (b, _) in zip(spans, spans[1:]))
