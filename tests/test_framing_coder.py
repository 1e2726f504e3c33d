"""discourse.framing.coder: the codebook's worked examples, and the coder's equivalences
(two tokenizers; streamed and one-sentence codes). The rules: test_framing_rules.py."""

from __future__ import annotations

import pytest

from discourse import framing
from framing_helpers import codes
from discourse.framing import coder

F = framing.FRAMES


# --- the codebook's worked examples (table at the end of the codebook) -------------
WORKED = [
    ("The fight against international terrorism and extremism has been a constant focus "
     "for the Organization.", (1, 0, 0)),
    ("The total foreign trade turnover of SCO member States with foreign countries in 2019 "
     "exceeded US$ 6.3 trillion.", (0, 1, 0)),
    ("Working contacts have been established with the UN Food and Agriculture Organization "
     "\u2014 FAO.", (0, 0, 1)),
    ("\u2026 the process of economic globalization is facing the growth of unilateral "
     "protectionist measures \u2026 in international trade.", (0, 1, 1)),
    ("In September 2019 the SCO took part in the UN Security Council meeting on \u2026 "
     "Countering Terrorist Threats.", (1, 0, 1)),
    ("On 1 December 2019 the 4th SCO International Kunming Marathon was held in Kunming \u2026",
     (0, 0, 0)),
]


@pytest.mark.parametrize("text,expected", WORKED)
def test_codebook_worked_examples(text, expected, lex):
    assert codes(text, lex) == expected

# --- the coder's equivalences ---------------------------------------------------------------


def test_code_sentences_equal_for_both_tokenizers(real_sentences, lex):
    a = framing.code_sentences(real_sentences, lex)
    b = framing.code_sentences(real_sentences, lex, tokenizer="nltk")
    assert a[list(F)].equals(b[list(F)])
    assert list(a.columns) == ["sentence_id", *F, "evidence"] and len(a) == len(real_sentences)
    with pytest.raises(ValueError, match="tokenizer='x' is not one of"):
        framing.code_sentences(real_sentences, lex, tokenizer="x")


#: Sentences (of the study's, then the multi-year corpus) that, with every fourth, reach
#: every branch of the package that explaining every sentence reaches (coverage.py,
#: 2026-12-05).
EXPLAINED = [10, 11, 14, 73, 121, 123, 129, 149, 167, 191]


def _streamed_and_explained(lex, real_sentences, multi_sentences, every):
    # without paragraphs, iter_codes must give each sentence its explain() codes (every
    # sentence is streamed; those of every ``every``-th and of EXPLAINED are compared
    # with explain's)
    texts = [*real_sentences.text, *multi_sentences.text]
    out = list(framing.iter_codes(((i, t, None) for i, t in enumerate(texts)), lex))
    assert len(out) == len(texts)
    picked = sorted(set(range(0, len(texts), every)) | set(EXPLAINED))
    for t, c in [(texts[i], out[i]) for i in picked]:
        e = framing.explain(t, lex)
        assert (c.security, c.economy, c.multilateralism) == tuple(e["frames"].values())
        for f in F:
            for label in e["evidence"][f]:
                assert label in c.evidence


def test_streamed_codes_equal_one_sentence_codes_on_a_sample(lex, real_sentences,
                                                             multi_sentences):
    # the fast twin of the check below: every fourth sentence and those of EXPLAINED
    # explained (explain codes each sentence with fresh caches, about 5 ms a sentence)
    _streamed_and_explained(lex, real_sentences, multi_sentences, 4)


@pytest.mark.slow
def test_streamed_codes_equal_one_sentence_codes(lex, real_sentences, multi_sentences):
    _streamed_and_explained(lex, real_sentences, multi_sentences, 1)


def test_explain_returns_a_fresh_result(lex):
    first = framing.explain("We held a concert.", lex)
    first["frames"]["security"] = 1
    assert framing.explain("We held a concert.", lex)["frames"]["security"] == 0
    assert coder.tokens("The SCO's trade.", "nltk") == ["The", "SCO", "'s", "trade", "."]
