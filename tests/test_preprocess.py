"""Tests of discourse.preprocess: terms, tokens, analyzer and the lexicon files."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse import corpus, preprocess as pp


@pytest.fixture(scope="module")
def sents():
    return corpus.segment(corpus.load_docs())


# --- the lead's core keeps working ---------------------------------------------------

def test_core_functions_unchanged():
    assert pp.tokenize("The SCO’s role.") == ["The", "SCO", "'s", "role", "."]
    assert pp.lemma("Organisations") == "organisation"
    assert pp.lemmatize(["was", "threats"]) == ["be", "threat"]
    assert pp.normalise("a\u00a0b") == "a b"


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


def test_negations_modals_and_content_words_are_not_stop_words():
    sw = pp.load_stopwords()
    for word in ["not", "no", "never", "without", "against", "nor", "must", "should",
                 "can", "will", "may", "system", "interest", "world", "global"]:
        assert word not in sw, word
    for word in ["the", "of", "and", "be", "is", "have", "we", "our", "this"]:
        assert word in sw, word


def test_stopword_groups_documented_and_pronouns_separate():
    text = pp.paths.lexicon_path("stopwords.txt").read_text(encoding="utf-8")
    groups = pp.stopword_groups()
    assert {"pronouns", "articles", "auxiliaries"} <= set(groups)
    for g in groups:   # every group line says why
        assert any(line.startswith(f"# group: {g} - ") and len(line) > 30
                   for line in text.splitlines()), g
    assert {"we", "our", "us"} <= groups["pronouns"]
    assert not ({"we", "our"} & pp.load_stopwords(exclude=("pronouns",)))
    with pytest.raises(ValueError, match="'nouns' is not one of"):
        pp.load_stopwords(groups=("nouns",))


def test_spelling_list_is_explicit():
    sp = pp.load_spelling()
    assert sp["organization"] == "organisation"
    assert not {"size", "seize", "prize", "capsize"} & set(sp)
    assert all(a != b for a, b in sp.items())


def test_lexicon_files_have_why_columns():
    import csv

    for name in ("spelling.csv", "variants.csv"):
        lines = [l for l in pp.paths.lexicon_path(name).read_text(encoding="utf-8")
                 .splitlines() if not l.startswith("#")]
        rows = list(csv.DictReader(lines))
        assert rows and all(r["why"].strip() for r in rows), name


def test_bad_options():
    with pytest.raises(ValueError, match="unknown option.*stemming"):
        pp.analyzer(stemming=True)
    with pytest.raises(ValueError, match="must be True or False"):
        pp.tokens(pd.DataFrame(columns=pp.TOKEN_COLUMNS + ["text"]), lowercase="yes")
    with pytest.raises(ValueError, match="lacks column"):
        pp.tokens(pd.DataFrame({"text": ["x"]}))


# --- tokens table and analyzer ---------------------------------------------------

def test_tokens_table_on_real_corpus(sents):
    tok = pp.tokens(sents)
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

    a = pp.analyzer(keep_pronouns=True)
    assert repr(a) == "analyzer(keep_pronouns=True)"
    assert a == pp.analyzer(keep_pronouns=True)
    assert a("Member states met. We met.") == ["member state", "meet", "we", "meet"]
    cv = CountVectorizer(analyzer=pp.analyzer())
    X = cv.fit_transform(sents.groupby("doc_id", sort=False).text.apply(" ".join))
    vocab = list(cv.get_feature_names_out())
    assert "member state" in vocab and "sco" in vocab and "the" not in vocab
    assert X[:, vocab.index("member state")].sum() == 36


def test_parallel_tokens_are_identical():
    from discourse import corpus

    from conftest import REPO

    sents = corpus.segment(corpus.load_docs(REPO / "tests" / "fixtures" / "multiyear"))
    serial = pp.tokens(sents)
    pd.testing.assert_frame_equal(serial, pp.tokens(sents, n_jobs=2))
    assert serial.doc_id.nunique() == 5
