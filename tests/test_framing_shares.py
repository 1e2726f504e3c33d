"""discourse.framing.shares: shares, differences, sensitivity, co-occurrence, roles,
trajectory; words counted once."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse import corpus, framing
from discourse.framing import shares as shares_module

from conftest import MULTI

F = framing.FRAMES


def _mini():
    sents = pd.DataFrame({
        "sentence_id": [f"s{i}" for i in range(8)], "doc_id": ["a"] * 4 + ["b"] * 4,
        "year": [2001] * 4 + [2002] * 4, "paragraph": range(8),
        "role": ["speech"] * 3 + ["question"] + ["speech"] * 4,
        "text": ["one two"] * 8})
    c = pd.DataFrame({"sentence_id": sents.sentence_id, "security": [1, 1, 1, 0, 0, 0, 0, 1],
                      "economy": [0] * 8, "multilateralism": [0, 0, 0, 0, 1, 1, 1, 1]})
    return sents, c


def test_shares_and_differences():
    from scipy.stats import fisher_exact

    sents, c = _mini()
    sh = framing.frame_shares(c, sents)
    row = sh[(sh.year == 2001) & (sh.frame == "security")].iloc[0]
    assert (row.n_frame, row.n_sentences, row.share) == (3, 4, 0.75)
    assert row.per_1000_words == pytest.approx(1000 * 3 / 8)
    d = framing.frame_differences(sh).set_index("frame")
    assert d.loc["security", "difference"] == pytest.approx(0.25 - 0.75)
    assert d.loc["security", "p_value"] == pytest.approx(
        fisher_exact([[1, 3], [3, 1]])[1])
    assert d.loc["multilateralism", "ci_low"] < 1 <= d.loc["multilateralism", "ci_high"] + 1e-9
    one = sh[sh.year == 2001]
    with pytest.raises(ValueError, match="at least two"):
        framing.frame_differences(one)
    with pytest.raises(ValueError, match="target=1999 is not in the data"):
        framing.frame_differences(sh, target=1999)


def test_sensitivity_cooccurrence_roles_trajectory():
    sents, c = _mini()
    s = framing.sensitivity(c, sents, hand=c)
    assert set(s.variant) == {"lexicon codes, all", "hand codes, all",
                              "lexicon codes, without questions, titles, leads",
                              "hand codes, without questions, titles, leads"}
    assert s[s.variant == "hand codes, all"].holds.all()
    body = s[(s.variant == "lexicon codes, without questions, titles, leads")]
    assert body.n_reference.iloc[0] == 3
    co = framing.cooccurrence(c, sents).set_index(["year", "frame_a", "frame_b"])
    assert co.loc[("all", "security", "multilateralism"), "n_both"] == 1
    assert co.loc[("all", "multilateralism", "security"), "share_of_a"] == 0.25
    r = framing.frames_by_role(c, sents)
    assert r[(r.role == "question") & (r.frame == "security")].share.iloc[0] == 0
    t = framing.trajectory(c, sents, window=3)
    first = t[(t.doc_id == "a") & (t.frame == "security")]
    assert first.rolling_share.tolist() == pytest.approx([1, 1, 2 / 3, 0.5])


def test_rates_per_1000_words_use_the_corpus_word_count():
    """One definition of a word: frame shares' n_words equals corpus.describe's words."""
    sents = corpus.segment(corpus.load_docs(MULTI))
    shares = framing.frame_shares(framing.code_sentences(sents), sents)
    described = corpus.describe(sents)
    per_year = described[described.role == "all"].groupby("year").words.sum()
    got = shares.drop_duplicates("year").set_index("year").n_words
    assert got.to_dict() == per_year.to_dict()


def test_differences_with_other_references():
    sents, c = _mini()
    third = sents.assign(year=2003, sentence_id=sents.sentence_id + "x")
    sents3 = pd.concat([sents, third], ignore_index=True)
    c3 = pd.concat([c, c.assign(sentence_id=c.sentence_id + "x")], ignore_index=True)
    sh = framing.frame_shares(c3, sents3)
    prev = framing.frame_differences(sh, reference="previous")
    assert sorted(set(zip(prev.target, prev.reference))) == [(2002, 2001), (2003, 2002)]
    rest = framing.frame_differences(sh, 2002, "rest").set_index("frame")
    # security: 2002 has 1 of 4; the rest (2001 and 2003 pooled) 3 + 4 of 4 + 8
    assert rest.loc["security", "reference"] == "rest"
    assert rest.loc["security", "share_reference"] == pytest.approx(7 / 12)
    assert rest.loc["security", "share_target"] == pytest.approx(1 / 4)


def test_words_are_counted_once_per_table(monkeypatch):
    sents, c = _mini()
    calls = []
    real = shares_module.count_words
    monkeypatch.setattr(shares_module, "count_words", lambda t: calls.append(t) or real(t))
    framing.sensitivity(c, sents, hand=c)
    assert len(calls) == len(sents)
    calls.clear()
    counted = framing.add_word_counts(sents)
    assert len(calls) == len(sents) and counted.n_words.tolist() == [2] * 8
    calls.clear()
    framing.frame_shares(c, counted)
    framing.frames_by_role(c, counted)
    framing.sensitivity(c, counted, hand=c)
    framing.cooccurrence(c, counted)
    framing.trajectory(c, counted)
    assert calls == []
