"""discourse.preprocess: analysis terms, the tokens table, the analyzer."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse import preprocess as pp
from discourse.lexicons import Lexicons


# --- the old names keep working ----------------------------------------------------

def test_text_primitives_are_still_reachable_here():
    assert pp.tokenize("The SCO’s role.") == ["The", "SCO", "'s", "role", "."]
    assert pp.lemma("Organisations") == "organisation"
    assert pp.lemma("media") == "media"                   # the project's override
    assert pp.lemmatize(["was", "threats", "media"]) == ["be", "threat", "media"]
    assert pp.normalise("a\u00a0b") == "a b"
    assert pp.count_words("Trade grew.") == 2


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
    ("the Organization's organisations", ["organisation", "organisation"]),
    ("favorable dialog programs", ["favourable", "dialogue", "programme"]),
    ("seize the prize size", ["seize", "prize", "size"]),   # no blind -ize rule
    ("Heads of State", ["head of state"]),
    ("US$ 6.3 trillion", ["usd", "trillion"]),
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


# --- tokens table and analyzer ---------------------------------------------------

def test_tokens_table_on_real_corpus(sents, real_tokens):
    tok = real_tokens
    assert list(tok.columns) == pp.TOKEN_COLUMNS
    # corpus order: positions run 0..n-1 within each document
    for doc, g in tok.groupby("doc_id", sort=False):
        assert list(g.position) == list(range(len(g)))
    assert list(tok.doc_id.drop_duplicates()) == list(sents.doc_id.drop_duplicates())
    # every term of one sentence, re-derived by terms()
    sid = sents.sentence_id.iloc[10]
    assert list(tok[tok.sentence_id == sid].term) == pp.terms(sents.text.iloc[10])
    # counts that can be checked by reading the texts: 'member states' 36 times,
    # RATS 5 times as an acronym plus its two spelled-out names, 3 x 'COVID-19' and
    # 6 x 'coronavirus' (3 inside 'coronavirus pandemic' -> 'covid-19 pandemic').
    vc = tok.term.value_counts()
    assert vc["member state"] == 36
    raw = " ".join(sents.text)
    assert raw.count("RATS") == 5
    # mentions of RATS: 5 acronyms + 2 full names - 1 "(RATS)" that follows its full
    # name (one mention, not two) = 6
    assert vc["rats"] == 6
    assert vc["one belt one road"] == 3     # 2 x "One Belt, One Road" + 1 x OBOR
    assert "rat" not in vc


def test_tokens_does_not_mutate(sents):
    before = sents.copy()
    pp.tokens(sents.head(20))
    pd.testing.assert_frame_equal(before, sents)


def test_analyzer_with_countvectorizer(sents):
    from sklearn.feature_extraction.text import CountVectorizer

    a = pp.analyzer(pp.TermOptions(keep_pronouns=True))
    assert repr(a) == "analyzer(keep_pronouns=True)"
    assert a == pp.analyzer({"keep_pronouns": True})
    assert a("Member states met. We met.") == ["member state", "meet", "we", "meet"]
    assert repr(pp.analyzer()) == "analyzer()" and a != pp.analyzer()
    cv = CountVectorizer(analyzer=pp.analyzer())
    X = cv.fit_transform(sents.groupby("doc_id", sort=False).text.apply(" ".join))
    vocab = list(cv.get_feature_names_out())
    assert "member state" in vocab and "sco" in vocab and "the" not in vocab
    assert X[:, vocab.index("member state")].sum() == 36


@pytest.mark.slow
def test_parallel_tokens_are_identical(multi_sentences, lexicons):
    serial = pp.tokens(multi_sentences, lexicons=lexicons)
    pd.testing.assert_frame_equal(serial, pp.tokens(multi_sentences, lexicons=lexicons,
                                                    n_jobs=2))
    assert serial.doc_id.nunique() == 5
