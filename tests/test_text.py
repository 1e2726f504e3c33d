"""discourse.text: normalising, the two tokenizers, words, sentences and lemmas."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from discourse import text

from conftest import REPO


def test_normalise_spaces_and_quotes():
    assert text.normalise("a\u00a0b") == "a b"
    assert text.normalise("\u201cSpider\u201d SCO\u2019s") == '"Spider" SCO\'s'
    assert text.normalise("e\u0301") == "\u00e9"                     # NFC


@pytest.mark.parametrize("tokens, expected", [
    (["the", "U", ".", "S", ".", "-", "led", "talks"], "the U.S. - led talks"),
    (["U", ".", "S", ".", "A", "."], "U.S.A."),
    (["Council", "of", "Foreign", "Ministers", "'", "Meeting"],
     "Council of Foreign Ministers' Meeting"),
    (["the", "world", "'s", "population"], "the world's population"),
    (["the", "SCO", "\u2019s", "role"], "the SCO\u2019s role"),
    (["the", "'", "Shanghai", "spirit", "'"], "the ' Shanghai spirit '"),   # quotes stay
    (["No", ".", "5"], "No. 5"),                       # one capital: no initialism
    (["population", ",", "territory", ",", "and", "GDP", ";", "trade", ":"],
     "population, territory, and GDP; trade:"),
    (["the", "Forum", "(", "2019", ")", "grew", "5", "%", "!"], "the Forum (2019) grew 5%!"),
    (["US", "$", "6.3", "-", "trillion"], "US $ 6.3 - trillion"),
    ([], "")])
def test_printed_glues_initialisms_possessives_and_punctuation(tokens, expected):
    """Evidence labels read as the text prints them ("U.S.", "world's", "territory, and
    GDP"), not as the coder's tokens ("U . S .", "world 's", "territory , and GDP");
    quotes, hyphens and currency signs keep their spaces."""
    assert text.printed(tokens) == expected


def test_printed_patterns_match_their_plain_forms():
    """The space-first patterns of printed() remove the same spaces as the plain
    "(?<=X) (?=Y)|(?<=Z) " forms they replace, on random strings of the characters they
    look at."""
    import random

    plain_mark = re.compile(r" (?=[,;:.!?%)\]])|(?<=[(\[]) ")
    apostrophe = "\N{RIGHT SINGLE QUOTATION MARK}"
    plain_possessive = re.compile(f"(?<=\\w) (?=['{apostrophe}]s\\b)"
                                  f"|(?<=s) (?=['{apostrophe}](?: \\w|$))")
    alphabet = list(" ([,;:.!?%)]as'S1_-\u00e9\n" + apostrophe) + ["  "]
    rnd = random.Random(30)
    for _ in range(20000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        assert text._SPACED_MARK.sub("", s) == plain_mark.sub("", s), s
        assert text._SPACED_POSSESSIVE.sub("", s) == plain_possessive.sub("", s), s


def test_nltk_tokenizer():
    assert text.tokenize("The SCO’s role.") == ["The", "SCO", "'s", "role", "."]
    assert text.tokenize("We met at 12:45.") == ["We", "met", "at", "12:45", "."]


def test_token_spans_point_into_the_normalised_text():
    norm, spans = text.token_spans("The SCO\u2019s\u00a0role, 3,800 firms.")
    assert norm == "The SCO's role, 3,800 firms."
    assert [norm[s:e] for s, e in spans] == ["The", "SCO", "'s", "role", ",", "3,800",
                                             "firms", "."]


def test_fast_tokens_known_answer():
    assert text.fast_tokens("22.04.2019 12:45, US$ 6.3 and 3,800 e-commerce firms") == [
        "22.04.2019", "12:45", ",", "US", "$", "6.3", "and", "3,800", "e-commerce", "firms"]
    assert text.fast_tokens("e\u0301lan") == ["\u00e9lan"]            # normalised to NFC


def test_fast_tokens_match_nltk_tokens_on_words(real_sentences):
    # known differences: contractions ("doesn't", "cannot") and abbreviations ("St.");
    # neither carries a frame-lexicon entry (the codes of both tokenizers are compared
    # in test_framing_coder.py)
    same = 0
    for sentence in real_sentences.text:
        fast = [t.replace("\u2019", "'") for t in text.fast_tokens(sentence)
                if text.is_word(t)]
        nltk = [t for t in text.tokenize(sentence) if text.is_word(t)]
        same += fast == nltk
    assert same / len(real_sentences) >= 0.95          # measured: 193 of 200 identical


def test_token_pattern_order_does_not_change_tokens(real_sentences, multi_sentences):
    before = re.compile(r"['\u2019]s\b|\w+(?:[-\u2010\u2011]\w+|[.,:]\d+)*|[^\w\s]")
    texts = [*real_sentences.text, *multi_sentences.text,
             "It's the SCO\u2019s 6.3% e-commerce 's x's"]
    for sentence in texts:
        assert text.fast_tokens(sentence) == before.findall(text.normalise(sentence))


@pytest.mark.parametrize("token,word,number,numeric", [
    ("trade", True, False, False), ("3,800", True, True, True), ("19th", True, True, True),
    ("2019-2021", True, False, True), ("12:45", True, False, True), (",", False, False, False),
    ("''", False, False, False), ("COVID-19", True, False, False), ("G20", True, False, False),
])
def test_word_and_number_predicates(token, word, number, numeric):
    assert (text.is_word(token), text.is_number(token), text.is_numeric(token)) == \
        (word, number, numeric)


def test_count_words_is_tokens_with_a_letter_or_digit():
    assert text.count_words("The SCO's trade grew by 3,800 units, didn't it?") == 11
    assert text.count_words("— , . ?") == 0
    assert text.count_words("") == 0


def test_split_and_join_sentences():
    assert text.split_sentences("Dr. Li arrived at 12:45. He spoke.") == [
        "Dr. Li arrived at 12:45.", "He spoke."]
    assert text.split_sentences("“Is it?” she asked. Yes — it is.") == [
        "“Is it?” she asked.", "Yes — it is."]
    assert text.split_sentences("One.\u00a0Two.") == ["One.\u00a0Two."]
    paragraph = "Mr. Greminger met Mr Jenča in St. Petersburg. It went well."
    spans = text.sentence_spans(paragraph)
    assert text.join_sentences([paragraph[s:e] for s, e in spans]) == paragraph
    assert text.join_sentences(["A.", "B."], ["  "]) == "A.  B."
    with pytest.raises(ValueError, match="one separator"):
        text.join_sentences(["A.", "B."], [])


def test_lemma_with_and_without_overrides():
    assert text.lemma("Organisations") == "organisation"
    assert text.lemmatize(["was", "threats"]) == ["be", "threat"]
    assert text.lemma("media") == "medium"
    assert text.lemma("Media", {"media": "media"}) == "media"
    assert text.lemma("3,800") == "3,800" and text.lemma("Jenča") == "jenča"


@pytest.mark.parametrize("every", [37, pytest.param(1, marks=pytest.mark.slow)])
def test_lemma_lookup_is_lemminflects_without_copies(every):
    # lemma_table.lookup reads lemminflect's tables as getAllLemmas does, without its
    # copies, and lemma_table.lemmas keeps the lookup of every word that is not its own
    # lemma: the same lemma, by either and by text.lemma, for every word the lemma()
    # look-up can see (lower-case, ASCII, opening with a letter) of the table and the
    # overrides, and for words it lacks; every 37th word in the fast layer, every one
    # in the slow layer
    from lemminflect import getAllLemmas

    from discourse import lemma_table

    def reference(word):
        entries = getAllLemmas(word)
        for pos in lemma_table.LEMMA_ORDER:
            if pos in entries and entries[pos]:
                return entries[pos][0].lower()
        return word

    table, overrides = lemma_table.tables()
    words = sorted({w.lower() for w in [*table, *overrides]
                    if w.isascii() and w[:1].isalpha()})
    assert len(words) > 60000
    sample = words[::every] + sorted(overrides) + ["xqzv", "covid", "sco", "was", "'s"]
    expected = [reference(w) for w in sample]
    assert [lemma_table.lookup(w) for w in sample] == expected
    found = lemma_table.lemmas()                # "'s" is not looked up: its own lemma
    looked_up = [(w, x) for w, x in zip(sample, expected) if w[:1].isalpha()]
    assert len(looked_up) == len(sample) - 1
    assert [found.get(w, w) for w, _ in looked_up] == [x for _, x in looked_up]
    assert [text.lemma(w) for w, _ in looked_up] == [x for _, x in looked_up]
    assert sum(x != w for x, w in zip(expected, sample)) > len(sample) / 4
    assert set(found) <= set(words) and all(found[w] != w for w in found)


@pytest.mark.slow
def test_the_lemma_look_up_holds_one_lemma_per_word_not_lemminflects_table():
    # a process that looks up lemmas only (a worker counting terms) keeps the small
    # dictionary of lemma_table.lemmas, not lemminflect's table of dictionaries of
    # tuples it was read from (about 30 MB); the frame coder's word_classes loads the
    # table, and lemmas() made after it is the same
    code = ("import json; from discourse import lemma_table, text; "
            "from lemminflect import Lemmatizer; "
            "first = [text.lemma(w) for w in ('Threats', 'was', 'media', 'trade')]; "
            "kept = [hasattr(Lemmatizer(), 'lemma_dict'), lemma_table.tables.cache_info()[3]]; "
            "made = dict(lemma_table.lemmas()); lemma_table.lemmas.cache_clear(); "
            "classes = sorted(text.word_classes('trade')); "
            "print(json.dumps([first, kept, classes, made == lemma_table.lemmas(), len(made)]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    first, kept, classes, same, size = json.loads(out.stdout)
    assert first == ["threat", "be", "medium", "trade"]
    assert kept == [False, 0]                   # lemminflect's table not held
    assert classes == ["NOUN", "VERB"]
    assert same and 30000 < size < 40000


def test_memoised_fast_tokens_equal_the_plain_ones(real_sentences):
    """The frame coder tokenises each white-space chunk once (TokenMemo); the tokens
    are those of the whole sentence, on every development sentence we have and on
    typographic text (curly quotes, non-breaking hyphens, NFD accents, odd spaces)."""
    from discourse.framing import evaluation

    texts = [*real_sentences.text]
    for name in ("frames_validation.csv", "frames_heldout.csv", "frames_dev.csv",
                 "sco_style/frames_dev.csv"):
        texts += evaluation.load_set(name)["text"].tolist()
    texts += ["The People\u2019s \u201cAnti\u2011Terrorist\u201d Structure\u00a0met.",
              "Cafe\u0301 in Gene\u0300ve,\u2009Dr.\u2002Smith\u2014and\tthe SCO\u2019s"]
    memo = text.TokenMemo(size=64)          # small: the memo is also cleared on the way
    for t in texts:
        assert text.fast_tokens(t, memo) == text.fast_tokens(t), t
    assert 0 < len(memo) <= 64
