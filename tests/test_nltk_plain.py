"""NLTK's tokenizers with the plain patterns and Punkt's context memo give NLTK's output.

:mod:`discourse.nltk_plain` calls NLTK's own compiled patterns without the
``nltk.redos`` wrapper and remembers Punkt's decision per candidate context; the
tokens and the sentence spans must equal those of NLTK's classes on every sentence and
paragraph of the corpus, the multi-year fixture and constructed strings.
"""

from __future__ import annotations

import pytest
from conftest import CORPUS, MULTI

TRICKY_PARAGRAPHS = [
    "Mr. Greminger met Mr Jenča in St. Petersburg. It went well.",
    "The U.S. and the U.N. met. J. S. Bach wrote it. No. 5 was played at 5 p.m. Then?",
    "He said \"Stop.\" Then he left. (Yes.) [No!] 'Maybe?' Who knows... Anyway.",
    "“Is it?” she asked. «Oui.» ‘Fine.’ Done!!! Really?! Ok.. Next... More.",
    "Trade exceeded US$ 6.3 trillion, or 3,800 units. Next. 1. First. 2. Second.",
    "Ends with an abbreviation etc. And starts again. e.g. this. i.e. that. vs. them.",
    "A sentence.\u00a0Another after a non-breaking space. Line\nbreak. Tab.\tEnd.",
    "Dr. A. Smith, Ph.D., arrived on Jan. 5. The meeting (at 10 a.m.) ended. OK.",
    "Numbers: 3.5. 19th. 2020. The end -- or not. Dashes--here. Q: why? A: because.",
    "", "   ", ".", "?!", "No end", "A. B. C. D.", "...", "Hi.There. Hi. there.",
]
TRICKY_SENTENCES = [
    "The SCO\u2019s trade exceeded US$ 6.3 trillion, with 3,800 firms.",
    "\"Quoted\" and ``quoted'' and 'single' and don't, can't, won't, y'all, gonna.",
    "Brackets (round) [square] {curly} <angle> -- dashes... ellipsis; semi: colon!",
    "It's 12:45. Member States' trade grew, Mr. Smith said.", "'Tis 'twas.",
    "Anti\u2011Terrorist \u2010 hyphens \u2012 figure \u2013 en \u2014 em \u2015 bar",
    "#tag @user $5 50% & * a.b.c. U.S.A.", "", " ", "x", "“”‘’«»„",
]


def _paragraphs():
    from discourse import corpus
    from discourse.segmentation import _doc_paragraphs

    out = []
    for root in (CORPUS, MULTI):
        for layer in ("raw", "cleaned"):
            for text in corpus.load_docs(root, layer=layer)["text"]:
                out.extend(_doc_paragraphs(text))
    return out + TRICKY_PARAGRAPHS


def _nltk_punkt():
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from discourse.sentence_split import _punkt

    return PunktSentenceTokenizer(_punkt().params)


def test_no_wrapped_pattern_is_left():
    from nltk.redos import TimedPattern

    from discourse import nltk_plain

    tok = nltk_plain.PlainWordTokenizer()
    found = []
    for name in ("STARTING_QUOTES", "ENDING_QUOTES", "PUNCTUATION", "CONVERT_PARENTHESES",
                 "CONTRACTIONS2", "CONTRACTIONS3"):
        found += [name for p in getattr(tok, name)
                  if isinstance(p[0] if isinstance(p, tuple) else p, TimedPattern)]
    found += [name for name in ("PARENS_BRACKETS", "DOUBLE_DASHES")
              if isinstance(getattr(tok, name)[0], TimedPattern)]
    parts = nltk_plain.punkt_parts()           # the patterns of discourse.punkt_direct
    for name in ("candidates", "words", "realignment", "numeric", "initial", "ellipsis"):
        if isinstance(parts[name], TimedPattern) or not hasattr(parts[name], "finditer"):
            found.append(name)
    assert found == []
    assert nltk_plain.plain("x") == "x"


@pytest.mark.parametrize("every", [
    7, pytest.param(1, marks=pytest.mark.slow)])
def test_word_tokens_equal_nltks_on_every_sentence(every):
    # every 7th sentence in the fast layer, every sentence in the slow one
    from nltk.tokenize import NLTKWordTokenizer

    from discourse.nltk_plain import PlainWordTokenizer
    from discourse.text import normalise, split_sentences

    ours, theirs = PlainWordTokenizer(), NLTKWordTokenizer()
    sentences = [s for p in _paragraphs() for s in split_sentences(p)]
    sentences = sentences[::every] + TRICKY_SENTENCES
    assert len(sentences) > 400 // every
    for s in sentences:
        for text in (s, normalise(s), " " + s + " _"):
            assert ours.tokenize(text) == theirs.tokenize(text), text
            assert ours.tokenize(text, convert_parentheses=True) == \
                theirs.tokenize(text, convert_parentheses=True), text


def test_the_package_splits_with_the_direct_punkt():
    from discourse.punkt_direct import DirectPunkt
    from discourse.sentence_split import _merge_breaks, _punkt, sentence_spans

    assert isinstance(_punkt(), DirectPunkt)
    theirs = _nltk_punkt()
    for p in _paragraphs():
        # sentence_spans's merging rule, applied to NLTK's own spans
        assert [tuple(s) for s in sentence_spans(p)] == [
            tuple(s) for s in _merge_breaks(p, list(theirs.span_tokenize(p)))]


def _single_token_cases(n_words):
    import wordfreq

    from discourse.text import split_sentences

    words = [w for w in wordfreq.top_n_list("en", n_words) if w.isascii() and w.isalpha()]
    words += [w.title() for w in words[:n_words // 10]] + [w.upper() for w in words[:2000]]
    chunks = [c for p in _paragraphs() for s in split_sentences(p) for c in s.split()]
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    odd = ["cannot", "Cannot", "CANNOT", "gonna", "Gotta", "wanna", "gimme", "lemme", "tis",
           "twas", "dye", "moren", "na", "I", "a", letters, "_", "x_y", "ab1", "é"]
    return list(dict.fromkeys(words + chunks + TRICKY_SENTENCES + odd))


@pytest.mark.parametrize(("n_words", "every"), [
    (1000, 8), pytest.param(50000, 1, marks=pytest.mark.slow)])
def test_a_single_token_is_tokenized_as_itself(n_words, every):
    # the shortcut of the chunk memo: a chunk it accepts is its own token, in the
    # middle of a sentence and at its end, as NLTK's tokenizer makes it (every 8th case
    # in the fast layer, every one in the slow layer)
    from discourse.text import single_token, tokenize

    accepted = 0
    cases = _single_token_cases(n_words)[::every]
    for w in cases:
        if single_token(w):
            accepted += 1
            assert tokenize(" " + w + " _")[:-1] == [w], w
            assert tokenize(" " + w) == [w], w
            assert tokenize(w) == [w], w
    assert accepted > 0.9 * n_words / every
    assert not any(single_token(w) for w in ["cannot", "GONNA", "Wanna", "can't", "x.",
                                             "1990s", "caf\u00e9", "a-b", ""])


def test_the_contraction_rules_are_searched_as_one():
    # single_token searches NLTK's contraction rules joined into one pattern: each rule
    # is case-insensitive as a whole, so the joined one matches where any of them does
    from discourse.text import _contractions, _word_tokenizer

    rules = [*_word_tokenizer().CONTRACTIONS2, *_word_tokenizer().CONTRACTIONS3]
    assert rules and all(r.pattern.startswith("(?i)") and "(?i)" not in r.pattern[4:]
                         for r in rules)
    for w in _single_token_cases(8000) + ["'Tis", "'TWAS", "more'n", "D'ye", "wanna_"]:
        probe = " " + w + " "
        assert bool(_contractions().search(probe)) == any(r.search(probe) for r in rules), w


def test_a_chunk_of_letters_is_split_by_a_rule_only_if_it_is_a_listed_word():
    # single_token looks a chunk of letters up in the words of NLTK's contraction rules
    # of letters (letter_contractions) instead of searching the rules: the same answer
    # as the search, on the cases above and on random chunks of the rules' letters
    # with the listed words inside, at either end and in any case
    import random
    import re

    from discourse.nltk_plain import letter_contractions
    from discourse.text import _contractions, _word_tokenizer, single_token

    rules = [*_word_tokenizer().CONTRACTIONS2, *_word_tokenizer().CONTRACTIONS3]
    words = letter_contractions(rules)
    assert words == {"cannot", "gimme", "gonna", "gotta", "lemme", "wanna"}
    rng = random.Random(15)
    cases = _single_token_cases(8000) + [
        f(x) for x in words for f in (str.upper, str.title, lambda w: w[:-1],
                                      lambda w: w + "s", lambda w: "a" + w)]
    cases += ["".join(rng.choice("cannotgimmelrwsdyeCANNOTGIMLRWS" + "x" * 3)
                      for _ in range(rng.randint(1, 9))) for _ in range(20000)]
    cases += ["".join(rng.choice(sorted(words)) for _ in range(rng.randint(1, 3)))
              for _ in range(2000)]
    for w in cases:
        plain = w.isascii() and w.isalpha() and not _contractions().search(" " + w + " ")
        assert single_token(w) == plain, w
    # a rule of another form: not read (single_token then searches the rules)
    assert letter_contractions(rules + [re.compile(r"(?i)\b(wo)(?#X)(n't)?\b")]) is None
    assert letter_contractions([re.compile(r"(?i)\b(can)(?#X)(not)\b")]) == {"cannot"}


def _guard_cases(n, seed=0):
    # random strings of the characters the tokenizer's patterns look for, letters of
    # the contractions (either case), the letters re folds to them, white space and
    # the batch separator
    import random

    rng = random.Random(seed)
    alphabet = list("\"'`«“‘„»”’.:,;@#$%&*?!-()[]{}<>\u2012\u2013\u2014\u2015 \t\n0123") \
        + list("cannotdyegimlrwsCANNOTDYEGIMLRWS_x\u01c2é") \
        + ["\u0130", "\u0131", "\u017f", "\u212a", "'s", "'ll", "n't", "N'T", "--", "``",
           "''", "cannot", "Gonna", "gotta", "LEMME", "gimme", "wanna ", "d'ye", "more'n",
           " 'tis", " 'Twas", "can\u017fnot", "wan\u0131na", " '\u0131", "'t\u0131s"]
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(n)
    ] + TRICKY_SENTENCES + ["wanna", "WANNA go", " 't\u0131s", "\u0130", "can't", "x's y"]


def test_every_pattern_of_the_tokenizer_has_its_guard():
    # every substitution of NLTK's tokenizer is listed, so none always runs but \s+
    from discourse.nltk_plain import NEEDS, PlainWordTokenizer

    tok = PlainWordTokenizer()
    patterns = [p for p, _ in [*tok.STARTING_QUOTES, *tok.PUNCTUATION, tok.PARENS_BRACKETS,
                               tok.DOUBLE_DASHES, *tok.ENDING_QUOTES]]
    patterns += [*tok.CONTRACTIONS2, *tok.CONTRACTIONS3]
    assert sorted(p.pattern for p in patterns if p.pattern not in NEEDS) == [r"\s+"]


@pytest.mark.parametrize("n", [3000, pytest.param(60000, marks=pytest.mark.slow)])
def test_a_pattern_matches_only_where_its_guard_lets_it(n):
    # the guard of each substitution (NEEDS) holds in every text the pattern matches:
    # skipping it where the guard fails changes nothing
    from discourse.nltk_plain import FOLDED, NEEDS, PlainWordTokenizer

    tok = PlainWordTokenizer()
    pairs = [*tok.STARTING_QUOTES, *tok.PUNCTUATION, tok.PARENS_BRACKETS, tok.DOUBLE_DASHES,
             *tok.ENDING_QUOTES]
    rules = [*tok.CONTRACTIONS2, *tok.CONTRACTIONS3]
    for text in _guard_cases(n):
        for probe in (text, " " + text + " "):
            for p, _ in pairs:
                if p.pattern in NEEDS and p.search(probe):
                    assert any(s in probe for s in NEEDS[p.pattern]), (p.pattern, probe)
            for r in rules:
                if r.search(probe):
                    assert any(c in probe for c in FOLDED) or any(
                        s in probe.lower() for s in NEEDS[r.pattern]), (r.pattern, probe)


@pytest.mark.slow
def test_the_folded_characters_are_all_there_are():
    # the characters besides ASCII that Python's re matches to an ASCII letter when it
    # ignores case: every one of them is in FOLDED
    import re

    from discourse.nltk_plain import FOLDED

    letter = re.compile("(?i)[a-z]")
    found = [chr(i) for i in range(128, 0x110000) if letter.fullmatch(chr(i))]
    assert sorted(found) == sorted(FOLDED)


@pytest.mark.parametrize("n", [300, pytest.param(60000, marks=pytest.mark.slow)])
def test_guarded_tokens_equal_nltks_on_random_strings(n):
    from nltk.tokenize import NLTKWordTokenizer

    from discourse.nltk_plain import PlainWordTokenizer

    ours, theirs = PlainWordTokenizer(), NLTKWordTokenizer()
    for text in _guard_cases(n, seed=1):
        for probe in (text, " " + text + " _", " " + text + " \u01c2 x \u01c2"):
            assert ours.tokenize(probe) == theirs.tokenize(probe), probe
