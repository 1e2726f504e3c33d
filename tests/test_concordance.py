"""discourse.concordance: KWIC with lemmas and variants, NLTK collocations with PMI by hand."""

from __future__ import annotations

import math

import pytest

from discourse import concordance, preprocess as pp


def test_kwic(sents):
    k = concordance.kwic(sents, "rats", window=4)
    assert list(k.columns) == ["sentence_id", "doc_id", "year", "left", "match", "right"]
    # 6 mentions: the full names and the acronym (the "(RATS)" after its full name is
    # part of the same match)
    assert len(k) == 6
    assert "Regional Anti-Terrorist Structure (RATS)" in set(k.match)
    m = concordance.kwic(sents, "member state")
    assert len(m) == 36 and set(m.match.str.lower()) == {"member states"}
    first = m.iloc[0]
    row = sents.set_index("sentence_id").loc[first.sentence_id]
    assert f"{first.left} {first.match}" in row.text.replace("\u00a0", " ")
    with pytest.raises(ValueError, match="no tokens"):
        concordance.kwic(sents, "  ")


def test_collocations(sents):
    t = pp.tokens(sents, pp.TermOptions(stopwords=False, phrases=False))
    c = concordance.collocations(t, min_count=3)
    assert list(c.columns) == ["year", "w1", "w2", "count", "g2", "pmi"]
    assert (c["count"] >= 3).all()
    top = c.groupby("year").head(1)
    assert set(zip(top.w1, top.w2)) == {("member", "state")}
    sw = pp.load_stopwords()
    assert not (c.w1.isin(sw) | c.w2.isin(sw)).any()
    # PMI by hand for one bigram: log2(n_ab N / (n_a n_b)) over the finder's counts
    y = c.year.iloc[0]
    words = list(t[t.year == y].term)      # N = number of words (padding not counted)
    row = c[(c.year == y) & (c.w1 == "member") & (c.w2 == "state")].iloc[0]
    n_a = words.count("member")
    n_b = words.count("state")
    assert row.pmi == pytest.approx(math.log2(row["count"] * len(words) / (n_a * n_b)),
                                    rel=1e-9)
