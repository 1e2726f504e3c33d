"""The term analysis of a block of sentences (:func:`discourse.terms.block_terms`, the
path of the counts) gives each sentence's terms as the straightforward analysis does:
NLTK's tokens of the sentence (:func:`discourse.terms.sentence_tokens`, itself checked
against NLTK in ``tests/test_batch_tokens.py``), each token's surface form, stop words
and the greedy phrase matching, one token at a time, with no memo shared.

The hard cases are built so that one block meets them together: a chunk inside one
sentence and at the end of another, its typographic and its plain form, a last chunk
``p.`` whose ``p`` is new or known, abbreviations with inner stops, one-chunk and empty
sentences, the letter that joins the tokenizer's batches, and memos so small that
entries are forgotten within a block.
"""

from __future__ import annotations

import random

import pytest
from conftest import reference_terms

from discourse import terms
from discourse.lexicons import load_lexicons
from discourse.term_chunks import Generations

OPTIONS = [terms.TermOptions(), terms.TermOptions(keep_pronouns=True),
           terms.TermOptions(lowercase=False, punctuation=True, numbers=True,
                             stopwords=False),
           terms.TermOptions(lemmatize=False, spelling=False, phrases=False),
           terms.TermOptions(lowercase=False, variants=False)]
CHUNKS = ["Member", "States", "member", "states.", "States.", "U.S.", "U.S", "e.g.",
          "(2020).", "(2020)", "etc..", ".", "cannot", "cannot.", "SCO's", "SCO\u2019s",
          "SCO\u2019s.", "\u201cSpider", "Web\u201d.", "Web\u201d", "anti\u2011terrorism",
          "\u01c2", "\u01c2.", "a\u01c2b", "3,800", "3,800.", "Organizations,", "favored.",
          "RATS", "RATS.", "rats.", "it's", "don't.", "''", "``", "\"", "x_y.", "f(x).",
          "Shanghai", "Cooperation", "Organization.", "Organisation", "Ph.D.", "U.N.",
          "WHO.", "?", "!", "--", "...", "trade", "trade.", "trade,", "\u00e9t\u00e9."]


def _hard_cases(n: int = 600) -> list[str]:
    rng = random.Random(15)
    out = ["", "   ", "trade.", "U.S.", "\u201cSpider", ".", "\u01c2."]
    for _ in range(n):
        out.append(" ".join(rng.choice(CHUNKS) for _ in range(rng.randint(1, 9))))
    out += [t.replace(" ", "\u00a0 ") for t in out[:60]]
    return out


def _tiny(options, size):
    lexicons = load_lexicons()
    for name in ("chunks", "match_key", "surface"):
        lexicons.memo(name, Generations, size)
    match, drop = terms._state(options, load_lexicons())[:2]
    lexicons.memo("sentence_terms")[options] = (match, drop, *(Generations(size)
                                                               for _ in range(3)), {})
    return lexicons


@pytest.mark.parametrize("options", [   # the fast layer: the two the corpus test leaves out
    o if i in (3, 4) else pytest.param(o, marks=pytest.mark.slow)
    for i, o in enumerate(OPTIONS)], ids=range(len(OPTIONS)))
def test_block_terms_of_hard_cases_are_the_straightforward_terms(options):
    texts, plain = _hard_cases(), load_lexicons()
    want = [reference_terms(t, options, plain) for t in texts]
    assert any(want) and not all(want)
    for lexicons, block in [(load_lexicons(), len(texts)), (load_lexicons(), 7),
                            (_tiny(options, 1), 50), (_tiny(options, 5), 13)]:
        for _ in range(2):            # a fresh memo, then a warm one
            got = [x for b in range(0, len(texts), block)
                   for x in terms.block_terms(texts[b:b + block], options, lexicons)]
            assert got == want
        assert [terms.sentence_terms(t, options, lexicons) for t in texts] == want


@pytest.mark.slow
def test_block_terms_of_the_corpus_are_the_straightforward_terms(
        real_sentences, multi_sentences):
    texts = list(real_sentences["text"]) + list(multi_sentences["text"])
    for options in OPTIONS[:3]:
        plain = load_lexicons()
        want = [reference_terms(t, options, plain) for t in texts]
        lexicons = _tiny(options, 64)
        got = [x for b in range(0, len(texts), 100)
               for x in terms.block_terms(texts[b:b + 100], options, lexicons)]
        assert got == want


def _paragraphs(texts: list[str], seed: int) -> list[list[str]]:
    """``texts`` cut into paragraphs of 0 to 4 sentences, in order."""
    rng, out, at = random.Random(seed), [], 0
    while at < len(texts):
        k = rng.choice([0, 1, 1, 2, 3, 4])
        out.append(texts[at:at + k])
        at += k
    return out


#: The options of the paragraph tests' fast layer: the defaults, case, punctuation and
#: numbers kept with no stop words, and no lemmas, spellings or phrases; the slow layer
#: adds the other two (pronouns kept; case kept without variants).
PARAGRAPH_OPTIONS = [o if i in (0, 2, 3) else pytest.param(o, marks=pytest.mark.slow)
                     for i, o in enumerate(OPTIONS)]


@pytest.mark.parametrize("seeds", [(0,), pytest.param((1, 2), marks=pytest.mark.slow)],
                         ids=["seed0", "seeds1-2"])    # one cut into paragraphs in the fast layer
@pytest.mark.parametrize("options", PARAGRAPH_OPTIONS, ids=range(len(OPTIONS)))
def test_paragraph_terms_are_the_terms_of_their_sentences_in_order(options, seeds):
    # the path of count_paragraphs: one list per paragraph, not one per sentence; a
    # paragraph with a phrase in one sentence and none in another, empty paragraphs
    # and sentences, memos so small that entries are forgotten within a block
    texts = _hard_cases(300) + ["Member States met. Member", "States met.", "Trade grew."]
    plain = load_lexicons()
    for seed in seeds:
        paragraphs = _paragraphs(texts, seed)
        want = [[t for s in p for t in reference_terms(s, options, plain)]
                for p in paragraphs]
        for lexicons, block in [(load_lexicons(), len(paragraphs)), (_tiny(options, 1), 9),
                                (_tiny(options, 5), 4)]:
            for _ in range(2):        # a fresh memo, then a warm one
                got = [x for b in range(0, len(paragraphs), block)
                       for x in terms.paragraph_terms(paragraphs[b:b + block], options,
                                                      lexicons)]
                assert got == want


@pytest.mark.parametrize("options", PARAGRAPH_OPTIONS, ids=range(len(OPTIONS)))
def test_paragraph_ids_name_the_paragraph_terms(options):
    # the path of discourse keyness: every paragraph's terms as ids in one array, cut at
    # the bounds; a phrase in one sentence of a paragraph and a possible start without
    # a match in another, empty paragraphs and sentences, memos so small that entries
    # are forgotten within a block
    texts = _hard_cases(300) + ["Member States met. Member", "States met.", "Trade grew.",
                                "", "Shanghai trade.", "Member States."]
    paragraphs = _paragraphs(texts, 0)
    want = terms.paragraph_terms(paragraphs, options, load_lexicons())
    for lexicons, block in [(load_lexicons(), len(paragraphs)), (_tiny(options, 1), 9),
                            (_tiny(options, 5), 4)]:
        for _ in range(2):            # a fresh memo, then a warm one
            got = []
            for b in range(0, len(paragraphs), block):
                ids, bounds, vocabulary = terms.paragraph_ids(paragraphs[b:b + block],
                                                              options, lexicons)
                names = list(vocabulary)
                assert ids.dtype == terms.ID and bounds[0] == 0 and bounds[-1] == len(ids)
                assert len(bounds) == len(paragraphs[b:b + block]) + 1
                got += [[names[i] for i in ids[a:z]] for a, z in zip(bounds, bounds[1:])]
            assert got == want
