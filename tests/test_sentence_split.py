"""discourse.sentence_split: Punkt's boundaries and the package's five rules."""

from __future__ import annotations

import importlib
import random

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
    # abbreviation for "No. 5")
    ("No. We meet often, yes.", ["No.", "We meet often, yes."]),
    ("Will you? No. It was not.", ["Will you?", "No.", "It was not."]),
    ("No. \u201cNever,\u201d he said.", ["No.", "\u201cNever,\u201d he said."]),
    ("No. I agree.", ["No.", "I agree."]),
    # not ends (a review): a number, a document symbol, a Roman numeral, a no-break space
    ("No. 5 Road was built.", ["No. 5 Road was built."]),
    ("Resolution No. 1373 was adopted.", ["Resolution No. 1373 was adopted."]),
    ("No. A/RES/60/288 was adopted.", ["No. A/RES/60/288 was adopted."]),
    ("No. (5) was adopted.", ["No. (5) was adopted."]),
    ("No. IV of the protocol.", ["No. IV of the protocol."]),
    ("No.\u00a0We meet.", ["No.\u00a0We meet."]),
])
def test_an_answer_no_opens_a_sentence(paragraph, sentences):
    assert split_sentences(paragraph) == sentences
    spans = sentence_spans(paragraph)
    assert [paragraph[s:e] for s, e in spans] == sentences
    assert all(paragraph[e:b].strip() == "" for (_, e), (b, _) in zip(spans, spans[1:]))


@pytest.mark.parametrize("paragraph", [
    "Growth was 5 per cent\u2026 The outlook is good.",
    "It grew\u2026 \u201cSlowly,\u201d he said.",
    "The Charter says that the SCO \u2026 Member States shall cooperate.",
    "Resolution 1373 \u2026 (2001) applies.",
    "Members include China, Russia, Kazakhstan\u2026 India and Pakistan joined in 2017.",
    "It grew\u2026 and grew. Then\u2026 It fell\u2026\u2026 Done.",
    "It grew\u2026\u00a0The end.",
])
def test_an_ellipsis_character_is_read_as_three_full_stops(paragraph):
    """Punkt does not know "\u2026" (a walkthrough: "per cent\u2026 The outlook" was one
    sentence); it is read as Punkt reads "...", offsets mapped back to the paragraph."""
    dots = paragraph.replace("\u2026", "...")
    want = [s.replace("...", "\u2026") for s in split_sentences(dots)]
    assert split_sentences(paragraph) == want
    spans = sentence_spans(paragraph)
    assert [paragraph[s:e] for s, e in spans] == want
    assert all(paragraph[e:b].strip() == "" for (_, e), (b, _) in zip(spans, spans[1:]))
    assert spans[-1][1] == len(paragraph)


def test_an_ellipsis_ends_a_sentence_where_three_stops_do():
    assert split_sentences("Growth was 5 per cent\u2026 The outlook is good.") == [
        "Growth was 5 per cent\u2026", "The outlook is good."]
    assert split_sentences("It grew\u2026 and grew.") == ["It grew\u2026 and grew."]


def _rules_as_first_written(paragraph, spans):
    """:func:`sentence_spans`'s merging and splitting as first written (every boundary
    tested with the patterns, no shortcut), applied to Punkt's spans."""
    from discourse.sentence_split import _INITIALISM_END, _MISSED_END, _continues_name

    merged = []
    for start, end in spans:
        if merged and ("\u00a0" in paragraph[merged[-1][1]:start]
                       or paragraph[start].islower()
                       or (_INITIALISM_END.search(paragraph, merged[-1][0], merged[-1][1])
                           and _continues_name(paragraph[start:end]))):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    out = []
    for start, end in merged:
        while (m := _MISSED_END.match(paragraph, start, end)) is not None:
            out.append((start, m.start(1)))
            start = m.end(1)
        out.append((start, end))
    return out


@pytest.mark.parametrize(("n", "seed"), [
    (300, 11), pytest.param(10_000, 12, marks=pytest.mark.slow)])
def test_the_rules_with_their_shortcuts_equal_the_rules_as_first_written(n, seed):
    # the shortcuts (no "No." in the paragraph; no initialism possible at a piece's
    # end) change no sentence: NLTK's own spans through the rules as first written
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from test_punkt_direct import _texts, random_texts

    from discourse.sentence_split import _punkt

    nltk = PunktSentenceTokenizer(_punkt().params)
    initialisms = ["U.N.", "E.U.", "U.S.A.", "A.B.", "No.", "no.", "E.U.\n", "X.Y.Z."]
    rng = random.Random(seed)
    texts = list(_texts()) + random_texts(n, seed) + [
        " ".join(rng.choice(initialisms + ["Ambassador", "The", "We", "5", "\u201cIt",
                                           "I", "A", "Programme.", "it."])
                 for _ in range(rng.randint(2, 9))) for _ in range(n)]
    for para in texts:
        if "\u2026" not in para:
            assert sentence_spans(para) == _rules_as_first_written(
                para, list(nltk.span_tokenize(para))), para
