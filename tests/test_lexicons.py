"""discourse.lexicons: one immutable Lexicons value, read when asked, never cached."""

from __future__ import annotations

import csv
import pickle
import shutil

import pytest

from discourse import lexicons, paths, preprocess
from discourse.lexicons import Lexicons, load_lexicons

from conftest import CORPUS


@pytest.fixture
def lexicon_copy(tmp_path):
    dest = tmp_path / "lexicons"
    shutil.copytree(CORPUS / "lexicons", dest)
    return dest


def test_contents_are_immutable(lexicons):
    with pytest.raises(TypeError):
        lexicons.spelling["color"] = "colour"
    with pytest.raises(TypeError):
        lexicons.stopword_groups["pronouns"] = frozenset()
    with pytest.raises(TypeError):
        lexicons.term_families["pandemic"]["terms"] = ()
    assert isinstance(lexicons.phrases, tuple)
    assert all(isinstance(w, frozenset) for w in lexicons.stopword_groups.values())
    with pytest.raises(Exception):   # frozen dataclass
        lexicons.spelling = {}


def test_values_from_the_files(lexicons):
    assert lexicons.spelling["organization"] == "organisation"
    assert lexicons.variants["coronavirus"] == "covid-19"
    assert "member state" in lexicons.phrases
    assert lexicons.lemma_overrides["media"] == "media"
    assert "we" in lexicons.stopword_groups["pronouns"]
    assert "pandemic" in lexicons.term_families["pandemic"]["terms"]
    assert lexicons.term_families["pandemic"]["why"]


def test_stopwords_groups_and_errors(lexicons):
    sw = lexicons.stopwords(exclude=("pronouns",))
    assert "the" in sw and "we" not in sw and "we" in lexicons.stopwords()
    assert lexicons.stopwords(groups=("pronouns",)) == lexicons.stopword_groups["pronouns"]
    with pytest.raises(ValueError, match="'nouns' is not one of"):
        lexicons.stopwords(groups=("nouns",))


def test_equal_contents_compare_equal_and_pickle(lexicons):
    again = load_lexicons()
    assert again == lexicons and hash(again) == hash(lexicons)
    assert again is not lexicons
    copy = pickle.loads(pickle.dumps(lexicons))
    assert copy == lexicons and copy.memo("x") == {}
    assert Lexicons(spelling={"a": "b"}) != lexicons


def test_memo_is_per_object(lexicons):
    a, b = load_lexicons(), load_lexicons()
    a.memo("k")["x"] = 1
    assert b.memo("k") == {} and a.memo("k") == {"x": 1}


def test_environment_variable_is_read_at_call_time(lexicon_copy, monkeypatch):
    with open(lexicon_copy / "spelling.csv", "a", encoding="utf-8") as fh:
        fh.write("color,colour,test pair\n")
    assert "color" not in load_lexicons().spelling
    monkeypatch.setenv("DISCOURSE_LEXICONS", str(lexicon_copy))
    assert load_lexicons().spelling["color"] == "colour"
    assert preprocess.terms("The color of trade.", lexicons=load_lexicons()) == \
        ["colour", "trade"]
    monkeypatch.delenv("DISCOURSE_LEXICONS")
    assert "color" not in load_lexicons().spelling


def test_an_edited_file_is_seen_by_the_next_load(lexicon_copy):
    first = load_lexicons(lexicon_copy)
    path = lexicon_copy / "phrases.txt"
    path.write_text(path.read_text(encoding="utf-8") + "trade war  # test\n", encoding="utf-8")
    assert "trade war" not in first.phrases
    assert "trade war" in load_lexicons(lexicon_copy).phrases
    # and the old loaders read the file again too
    assert "trade war" in preprocess.load_phrases(path)


def test_optional_files_and_missing_required_ones(lexicon_copy):
    (lexicon_copy / "lemma_overrides.csv").unlink()
    (lexicon_copy / "term_families.yaml").unlink()
    lex = load_lexicons(lexicon_copy)
    assert dict(lex.lemma_overrides) == {} and dict(lex.term_families) == {}
    (lexicon_copy / "variants.csv").unlink()
    with pytest.raises(FileNotFoundError, match="variants.csv"):
        load_lexicons(lexicon_copy)


def test_stopword_file_errors(tmp_path):
    bad = tmp_path / "stopwords.txt"
    bad.write_text("the\n# group: articles - why\na\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 1: word 'the' before the first"):
        lexicons.read_stopword_groups(bad)


# --- the old entry points keep working and return fresh immutable values -----------

def test_old_loaders(lexicons):
    assert preprocess.load_spelling() == lexicons.spelling
    assert preprocess.load_variants() == lexicons.variants
    assert preprocess.load_phrases() == lexicons.phrases
    assert preprocess.load_lemma_overrides() == lexicons.lemma_overrides
    assert preprocess.stopword_groups() == lexicons.stopword_groups
    assert preprocess.load_stopwords(exclude=("pronouns",)) == \
        lexicons.stopwords(exclude=("pronouns",))
    sp = preprocess.load_spelling()
    with pytest.raises(TypeError):
        sp["x"] = "y"
    assert preprocess.load_spelling() is not sp


def test_spelling_list_is_explicit(lexicons):
    sp = lexicons.spelling
    assert sp["organization"] == "organisation"
    assert not {"size", "seize", "prize", "capsize"} & set(sp)
    assert all(a != b for a, b in sp.items())


def test_stopword_groups_documented_and_pronouns_separate(lexicons):
    text = paths.lexicon_path("stopwords.txt").read_text(encoding="utf-8")
    groups = lexicons.stopword_groups
    assert {"pronouns", "articles", "auxiliaries"} <= set(groups)
    for g in groups:   # every group line says why
        assert any(line.startswith(f"# group: {g} - ") and len(line) > 30
                   for line in text.splitlines()), g
    assert {"we", "our", "us"} <= groups["pronouns"]


def test_negations_modals_and_content_words_are_not_stop_words(lexicons):
    sw = lexicons.stopwords()
    for word in ["not", "no", "never", "without", "against", "nor", "must", "should",
                 "can", "will", "may", "system", "interest", "world", "global"]:
        assert word not in sw, word
    for word in ["the", "of", "and", "be", "is", "have", "we", "our", "this"]:
        assert word in sw, word


def test_lexicon_files_have_why_columns():
    for name in ("spelling.csv", "variants.csv"):
        lines = [line for line in paths.lexicon_path(name).read_text(encoding="utf-8")
                 .splitlines() if not line.startswith("#")]
        rows = list(csv.DictReader(lines))
        assert rows and all(r["why"].strip() for r in rows), name
