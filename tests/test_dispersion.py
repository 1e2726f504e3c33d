"""discourse.dispersion: Gries's DP by hand, dispersion beside keyness, lexical dispersion."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse import dispersion as dp, keywords as kw, preprocess as pp


def test_dispersion_dp_hand_computed():
    # doc d: paragraph 1 has 3 tokens (a a b), paragraph 2 has 1 token (b)
    t = pd.DataFrame({"doc_id": ["d"] * 4, "year": [1] * 4, "paragraph": [1, 1, 1, 2],
                      "term": ["a", "a", "b", "b"]})
    d = dp.dispersion(t).set_index("term")
    # s = (0.75, 0.25); a: v = (1, 0) -> DP = 0.5 (0.25 + 0.25) = 0.25
    assert d.loc["a", "dp"] == pytest.approx(0.25)
    # b: v = (0.5, 0.5) -> DP = 0.5 (0.25 + 0.25) = 0.25; DP_norm = 0.25 / (1 - 0.25)
    assert d.loc["b", "dp"] == pytest.approx(0.25)
    assert d.loc["b", "dp_norm"] == pytest.approx(1 / 3)
    assert d.loc["a", "paragraphs"] == 1 and d.loc["b", "paragraphs"] == 2
    assert d.loc["a", "paragraphs_total"] == 2


def test_dp_norm_is_nan_without_a_warning_for_a_one_paragraph_unit():
    """Document e has one paragraph: DP = 0 and its largest value 1 - min s = 0, so
    DP_norm is undefined (NaN); document d (s = 0.75, 0.25) keeps dp / 0.75."""
    import warnings

    t = pd.DataFrame({"doc_id": ["d"] * 4 + ["e"] * 2, "year": [1] * 6,
                      "paragraph": [1, 1, 1, 2, 1, 1], "term": ["a", "a", "b", "b", "a", "c"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        d = dp.dispersion(t).set_index(["term", "doc_id"])
    assert d.loc[("a", "e"), "dp"] == 0 and pd.isna(d.loc[("a", "e"), "dp_norm"])
    assert pd.isna(d.loc[("c", "e"), "dp_norm"])
    assert d.loc[("b", "d"), "dp_norm"] == pytest.approx(1 / 3)


def test_dispersion_and_keyness_dispersion_real(tok, years):
    k = kw.keyness(tok, years[-1], years[0]).head(5)
    kd = dp.keyness_dispersion(k, tok)
    docs = list(tok.doc_id.drop_duplicates())
    for doc in docs:
        assert f"paragraphs_{doc}" in kd and f"dp_{doc}" in kd
    row = kd.set_index("term").loc["pandemic"]
    later = [d for d in docs if tok[tok.doc_id == d].year.iloc[0] == years[-1]][0]
    # hand count: paragraphs of the later document containing the term 'pandemic'
    paras = tok[(tok.doc_id == later) & (tok.term == "pandemic")].paragraph.nunique()
    assert row[f"paragraphs_{later}"] == paras
    assert 0 <= row[f"dp_{later}"] <= 1


def test_lexical_dispersion(sents):
    t = pp.tokens(sents, pp.TermOptions(stopwords=False))
    ld = dp.lexical_dispersion(t, ["pandemic", "sco"])
    assert list(ld.columns) == ["doc_id", "year", "term", "position", "doc_length",
                                "relative_position"]
    assert ((ld.relative_position >= 0) & (ld.relative_position < 1)).all()
    assert len(ld[ld.term == "pandemic"]) == (t.term == "pandemic").sum()
    with pytest.raises(ValueError, match="terms is empty"):
        dp.lexical_dispersion(t, [])
