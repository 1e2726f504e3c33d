"""discourse.preprocess: the tokens table and the analyzer (terms of one sentence:
test_terms.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse import preprocess as pp


# --- the old names keep working ----------------------------------------------------

def test_text_primitives_are_still_reachable_here():
    assert pp.tokenize("The SCO’s role.") == ["The", "SCO", "'s", "role", "."]
    assert pp.lemma("Organisations") == "organisation"
    assert pp.lemma("media") == "media"                   # the project's override
    assert pp.lemmatize(["was", "threats", "media"]) == ["be", "threat", "media"]
    assert pp.normalise("a\u00a0b") == "a b"
    assert pp.count_words("Trade grew.") == 2

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
