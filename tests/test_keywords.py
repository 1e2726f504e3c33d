"""discourse.keywords: frequencies and term families; the keyword steps on three years."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse import (concordance, corpus, dispersion, keyness, keyness_resampling,
                       keywords as kw, preprocess as pp)


def test_old_names_are_re_exported():
    assert kw.keyness is keyness.keyness and kw.g2 is keyness.g2
    assert kw.bootstrap_keyness is keyness_resampling.bootstrap_keyness
    assert kw.dispersion is dispersion.dispersion
    assert kw.lexical_dispersion is dispersion.lexical_dispersion
    assert kw.kwic is concordance.kwic and kw.collocations is concordance.collocations
    assert kw.KEYNESS_COLUMNS == keyness.KEYNESS_COLUMNS


def test_frequencies_real_corpus(tok, sents):
    f = kw.frequencies(tok, by="year")
    assert f.groupby("year")["count"].sum().to_dict() == tok.groupby("year").size().to_dict()
    assert (f.total == f.year.map(tok.groupby("year").size())).all()
    ms = f[f.term == "member state"].set_index("year")["count"].sum()
    assert ms == 36
    fd = kw.frequencies(tok, by="doc_id")
    assert set(fd.doc_id) == set(sents.doc_id)


def test_term_families(tok):
    fam = kw.load_term_families()
    assert {"terrorism_extremism", "pandemic", "afghanistan", "un_multilateralism",
            "trade_economy"} <= set(fam)
    r = kw.term_family_rates(tok)
    assert list(r.columns) == ["family", "year", "count", "total", "per10k", "terms_found"]
    assert len(r) == len(fam) * tok.year.nunique()
    p = r[r.family == "pandemic"].set_index("year")
    for y, row in p.iterrows():
        in_family = tok[(tok.year == y) & tok.term.isin(fam["pandemic"]["terms"])]
        assert row["count"] == in_family.shape[0]
        assert row.per10k == pytest.approx(1e4 * row["count"] / (tok.year == y).sum())


def test_three_year_fixture(three_corpus):
    s = corpus.segment(corpus.load_docs(three_corpus))
    t = pp.tokens(s)
    assert sorted(t.year.unique()) == [2021, 2022, 2023]
    f = kw.frequencies(t)
    assert f.year.nunique() == 3
    k = kw.keyness(t, 2023, "rest", min_count=2).set_index("term")
    # 'pandemic' 3 times in 2023 (title and body), 0 in 2021-2022; 'trade' in all three
    assert k.loc["pandemic", "count_target"] == 3 and k.loc["pandemic", "count_reference"] == 0
    trade = f[f.term == "trade"].set_index("year")["count"].to_dict()
    assert k.loc["trade", "count_reference"] == trade[2021] + trade[2022]
    assert k.total_reference.iloc[0] == ((t.year == 2021) | (t.year == 2022)).sum()
    r = kw.term_family_rates(t)
    assert set(r.year) == {2021, 2022, 2023}
    b = kw.bootstrap_keyness(t, 2023, 2021, n_boot=20, seed=0)
    assert b.n_boot.iloc[0] == 20
    assert kw.kwic(s, "covid-19").match.tolist() == ["COVID-19"]


def test_key_terms_list_each_term_once_when_the_table_is_short():
    """Fewer than 2 n terms (a small corpus): the first and last n rows overlap, the
    key terms do not (the keyword bootstrap of notebook 02 used to assess such terms
    twice)."""
    k = pd.DataFrame({"term": list("abcdef"), "g2": [9.0, 4.0, 1.0, 0.0, -2.0, -6.0]})
    pos, neg = kw.key_rows(k, 15)
    assert pos.term.tolist() == ["a", "b", "c"] and neg.term.tolist() == ["e", "f"]
    assert kw.key_terms(k, n=15) == ["a", "b", "c", "f", "e"]
    assert kw.key_terms(k, n=1) == ["a", "f"]
    with pytest.raises(ValueError, match="n=0"):
        kw.key_terms(k, n=0)


def test_key_rows_keep_every_term_tied_at_the_cut():
    """Which of several equally key terms is shown must not depend on the table's order:
    the terms tied with the n-th are all kept, on both sides, and no others."""
    k = pd.DataFrame({"term": list("abcdefgh"),
                      "g2": [9.0, 4.0, 4.0, 4.0, 1.0, -3.0, -3.0, -7.0]})
    pos, neg = kw.key_rows(k, 2)
    assert pos.term.tolist() == ["a", "b", "c", "d"] and neg.term.tolist() == ["f", "g", "h"]
    pos, neg = kw.key_rows(k, 1)
    assert pos.term.tolist() == ["a"] and neg.term.tolist() == ["h"]
    shuffled = k.iloc[[3, 6, 0, 2, 7, 1, 5, 4]]
    assert set(kw.key_terms(shuffled, n=2)) == set(kw.key_terms(k, n=2))
