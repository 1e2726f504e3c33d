"""discourse.terms: the analysis terms of one sentence; each harmonisation the corpus
needs; each option switches one step off; keys; the word lists passed explicitly."""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

from discourse import preprocess as pp, terms
from discourse.lexicons import Lexicons, load_lexicons


# --- each harmonisation the corpus needs ------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Shanghai Cooperation Organisation", ["sco"]),
    ("Shanghai Cooperation Organization", ["sco"]),
    ("the Shanghai Cooperation Organisation (SCO)", ["sco"]),
    ("SCO", ["sco"]),
    ("Regional Anti-Terrorist Structure", ["rats"]),
    ("Regional Anti-Terrorism Structure", ["rats"]),
    ("The SCO's Regional Anti-Terrorist Structure (RATS) works", ["sco", "rats", "work"]),
    ("According to the SCO RATS", ["accord", "rats"]),
    ("RATS", ["rats"]),                                   # acronym: not the plural of rat
    ("coronavirus", ["covid-19"]),
    ("COVID-19", ["covid-19"]),
    ("the Coronavirus Pandemic", ["covid-19 pandemic"]),
    ("“One Belt, One Road”", ["one belt one road"]),
    ("the OBOR initiative", ["one belt one road", "initiative"]),
    ("SCO member States", ["sco", "member state"]),
    ("by the international community.", ["international community"]),
    ("the United Nations and the UN", ["un", "un"]),
    ("the U.N. Secretariat and the U.N.", ["un", "secretariat", "un"]),   # full stops
    ("the Organization's organisations", ["organisation", "organisation"]),
    ("favorable dialog programs", ["favourable", "dialogue", "programme"]),
    ("seize the prize size", ["seize", "prize", "size"]),   # no blind -ize rule
    ("Heads of State", ["head of state"]),
    ("US$ 6.3 trillion", ["usd", "trillion"]),
    # lemma_overrides.csv: the verbs, not lemminflect's first choice, the nouns
    ("Exports rose, imports fell; trade has fallen; we saw growth",
     ["export", "rise", "import", "fall", "trade", "fall", "see", "growth"]),
])
def test_harmonisation(text, expected):
    assert pp.terms(text) == expected


def test_each_option_switches_one_step_off():
    s = "We can't ignore the Organization's 3,800 Member States, favorable to RATS."
    assert pp.terms(s) == ["can", "not", "ignore", "organisation", "member state",
                           "favourable", "rats"]
    assert pp.terms(s, keep_pronouns=True)[0] == "we"
    assert "organization" in pp.terms(s, spelling=False)
    assert "favorable" in pp.terms(s, spelling=False)
    assert pp.terms(s, phrases=False)[4:6] == ["member", "state"]
    assert pp.terms(s, lemmatize=False, phrases=False)[4:6] == ["member", "states"]
    assert "3,800" in pp.terms(s, numbers=True)
    assert "," in pp.terms(s, punctuation=True) and "." in pp.terms(s, punctuation=True)
    assert "the" in pp.terms(s, stopwords=False)
    assert "n't" in pp.terms(s, variants=False)
    assert "Organisation" in pp.terms(s, lowercase=False)
    assert "Member State" not in pp.terms(s, lowercase=False)   # phrases: canonical form
    assert "RATS" in pp.terms(s, lowercase=False)
    # all off: only tokenisation and the punctuation/number filters remain
    raw = pp.terms(s, lowercase=False, lemmatize=False, spelling=False, variants=False,
                   phrases=False, stopwords=False, numbers=True, punctuation=True)
    assert raw == pp.tokenize(s)


def test_variant_with_multiword_canonical_needs_phrases():
    assert pp.terms("OBOR", phrases=False) == ["obor"]
    assert pp.terms("Shanghai Cooperation Organisation", phrases=False) == ["sco"]


def test_term_options_are_checked_at_the_edge():
    with pytest.raises(ValueError, match="unknown option.*stemming"):
        pp.analyzer({"stemming": True})
    with pytest.raises(ValueError, match="lowercase='yes' must be True or False"):
        pp.TermOptions(lowercase="yes")
    with pytest.raises(TypeError):
        pp.TermOptions(stemming=True)
    with pytest.raises(ValueError, match="sentences table lacks column"):
        pp.tokens(pd.DataFrame({"text": ["x"]}))
    assert dict(pp.TERM_OPTIONS) == {f: getattr(pp.TermOptions(), f) for f in pp.TERM_OPTIONS}
    assert pp.TermOptions(stopwords=False).changed() == {"stopwords": False}
    assert pp.tokens(pd.DataFrame({"sentence_id": ["a"], "doc_id": "d", "year": 1,
                                   "paragraph": 1, "sentence": 1, "text": ["We met."]}),
                     {"keep_pronouns": True}).term.tolist() == ["we", "meet"]


def test_match_key(lexicons):
    assert [pp.match_key(t, lexicons) for t in ["Organizations", "RATS", "rats", "Member",
                                                "States", "favored"]] == \
        ["organisation", "rats", "rat", "member", "state", "favour"]
    assert pp.match_key("Organizations") == "organisation"          # lexicons read now


def test_the_word_lists_are_passed_explicitly(lexicons):
    custom = Lexicons(stopword_groups={"x": {"the"}}, spelling={"color": "colour"},
                      variants={"WTO": "world trade organization"}, phrases=("trade war",))
    assert pp.terms("The color of the trade war and the WTO.", lexicons=custom) == \
        ["colour", "of", "trade war", "and", "world trade organization"]
    assert pp.terms("The color of the trade war.", lexicons=lexicons) == \
        ["color", "trade", "war"]     # no such pair in the project's list


def test_sentence_terms_is_terms_with_explicit_options(lexicons):
    text = "We can't ignore the Organization's Member States."
    options = terms.TermOptions(keep_pronouns=True, phrases=False)
    assert terms.sentence_terms(text, options, lexicons) == \
        pp.terms(text, keep_pronouns=True, phrases=False)
    assert pp.TermOptions is terms.TermOptions and pp.match_key is terms.match_key


TYPOGRAPHIC = [
    "The SCO\u2019s \u201cSpider Web\u201d grew\u00a0fast, Member\u2009States\u2019 trade too.",
    "Regional Anti\u2011Terrorist Structure \u2010 RATS\u202fand\u3000the "
    "\u2018Shanghai spirit\u2019.",
    "Caf\u00e9 and cafe\u0301 (decomposed) met \u00abthe\u00bb member\u2007states\u2019 "
    "leaders.",
    "\u201eQuoted\u201c \u201bodd\u201d \u02bcmodifier\u02bc don\u2019t won\u2019t the "
    "Organization\u2019s.",
    "\u00a0Leading and trailing\u00a0spaces\u2003", "\u2019", "\u00a0", "x\u2011",
]


def test_typographic_chunks_split_where_their_normalised_form_splits():
    from discourse.text import _TRANSLATE, normalise, plain_characters

    # every replacement keeps white space white space and makes nothing else white space
    assert all(chr(k).isspace() == v.isspace() and len(v) == 1
               for k, v in _TRANSLATE.items())
    for text in TYPOGRAPHIC:
        nfc = unicodedata.normalize("NFC", text)
        assert [plain_characters(c) for c in nfc.split()] == normalise(text).split()


@pytest.mark.parametrize("first", ["as found", "normalised"])
def test_sentence_terms_of_typographic_text_are_those_of_its_normalised_form(first):
    # the chunk memo keys chunks as found in the text (NFC) and their plain form; the
    # terms must be those of the normalised sentence (the old path), whichever comes
    # first into a fresh memo and again from a warm one
    from discourse.lexicons import load_lexicons
    from discourse.text import normalise

    opts, lex = terms.TermOptions(), load_lexicons()
    texts = TYPOGRAPHIC + [normalise(t) for t in TYPOGRAPHIC]
    if first == "normalised":
        texts = texts[len(TYPOGRAPHIC):] + texts[:len(TYPOGRAPHIC)]
    # the old path: the normalised sentence, each with a fresh memo
    expected = [terms.sentence_terms(normalise(t), opts, load_lexicons()) for t in texts]
    assert expected == [pp.terms(normalise(t)) for t in texts]
    for _ in range(2):
        assert [terms.sentence_terms(t, opts, lex) for t in texts] == expected


@pytest.mark.parametrize("options", [
    {}, {"phrases": False}, {"variants": False}, {"stopwords": False},
    {"keep_pronouns": True, "lowercase": False}, {"lemmatize": False, "spelling": False}])
def test_phrase_matching_jumps_give_the_greedy_terms(options, lexicons, real_sentences,
                                                     multi_sentences):
    import random

    from conftest import reference_terms

    opts = terms.TermOptions(**options)
    sentences = list(real_sentences["text"]) + list(multi_sentences["text"])
    patterns = list(lexicons.phrases) + list(lexicons.variants)
    words = [w for p in patterns for w in p.split()] + ["the", "and", ",", "of", "3,800"]
    rng = random.Random(7)
    for _ in range(300):          # overlapping and partial expressions, back to back
        parts = rng.sample(patterns, 3) + rng.sample(words, 6)
        rng.shuffle(parts)
        sentences.append(" ".join(parts) + rng.choice([".", "", " ?"]))
    assert len(sentences) > 500
    want = [reference_terms(s, opts, lexicons) for s in sentences]
    for s, w in zip(sentences, want):
        assert terms.sentence_terms(s, opts, lexicons) == w, s
    assert terms.block_terms(sentences, opts, load_lexicons()) == want


def test_an_abbreviation_with_inner_stops_is_one_term_wherever_it_stands():
    """NLTK splits the stop off "U.S." at a sentence's end ("U.S", "."), so the same word
    gave "u.s" there and "u.s." elsewhere; a walkthrough found 2024's one "U.S." counted
    as 0. Only abbreviations with inner stops are kept whole: "trade." is still "trade"."""
    from discourse.preprocess import terms as T

    assert T("They met the U.S.") == ["meet", "u.s."] == \
        [t for t in T("They met the U.S. and left.") if t in ("meet", "u.s.")]
    assert T("See e.g.")[-1] == "e.g." and T("He holds a Ph.D.")[-1] == "ph.d."
    assert T("The trade grew.") == ["trade", "grow"]
    assert T("The answer is no.", stopwords=False)[-1] == "no"
