"""discourse.concordance: KWIC with lemmas and variants, NLTK collocations with PMI by hand."""

from __future__ import annotations

import math

import pandas as pd
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


@pytest.mark.slow
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


def _tokens(sentences):
    rows = [(f"s{i}", 2021, w) for i, s in enumerate(sentences) for w in s.split()]
    return pd.DataFrame(rows, columns=["sentence_id", "year", "term"])


def test_collocations_window_stays_within_sentences_and_scores_by_hand():
    """Five sentences "alpha beta gamma" and five "delta epsilon"; window 3. Pairs
    within sentences: (alpha, beta), (alpha, gamma), (beta, gamma), (delta, epsilon),
    5 times each; none across sentences (e.g. gamma, delta). NLTK scores n_ii = count /
    (window - 1) = 2.5 against n_ix = n_xi = 5, N = 25 words: the contingency table is
    (2.5, 2.5, 2.5, 17.5) with expected (1, 4, 4, 16)."""
    t = _tokens(["alpha beta gamma", "delta epsilon"] * 5)
    c = concordance.collocations(t, min_count=3, exclude=set(), window=3)
    assert sorted(zip(c.w1, c.w2)) == [("alpha", "beta"), ("alpha", "gamma"),
                                       ("beta", "gamma"), ("delta", "epsilon")]
    assert (c["count"] == 5).all()
    g2 = 2 * (2.5 * math.log(2.5 / 1) + 2 * 2.5 * math.log(2.5 / 4)
              + 17.5 * math.log(17.5 / 16))
    pmi = math.log2(2.5 * 25 / (5 * 5))
    row = c[(c.w1 == "alpha") & (c.w2 == "gamma")].iloc[0]
    assert row.g2 == pytest.approx(g2, rel=1e-9) and row.pmi == pytest.approx(pmi, rel=1e-12)
    # window 2: adjacent pairs only, n_ii = count = 5
    c2 = concordance.collocations(t, min_count=3, exclude=set())
    assert sorted(zip(c2.w1, c2.w2)) == [("alpha", "beta"), ("beta", "gamma"),
                                         ("delta", "epsilon")]
    assert c2.pmi.iloc[0] == pytest.approx(math.log2(5 * 25 / (5 * 5)), rel=1e-12)
    for bad in (1, 2.5, True):
        with pytest.raises(ValueError, match=f"window={bad!r} must be an integer of at "
                                             "least 2"):
            concordance.collocations(t, exclude=set(), window=bad)


def test_collocations_window_two_counts_as_nltk_from_documents():
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    sents = ["a b c a b", "b c a", "c a b c", "a b"]
    finder = BigramCollocationFinder.from_documents([s.split() for s in sents])
    finder.apply_freq_filter(2)
    expected = sorted((w1, w2, int(finder.ngram_fd[(w1, w2)]), g) for (w1, w2), g in
                      finder.score_ngrams(BigramAssocMeasures().likelihood_ratio))
    c = concordance.collocations(_tokens(sents), min_count=2, exclude=set())
    assert sorted(zip(c.w1, c.w2, c["count"], c.g2)) == expected


def test_no_pair_crosses_punctuation_or_a_number():
    """A walkthrough's list "(2) border security; (3) cooperation with ..." made a pair
    "security cooperation"; punctuation and numbers now end a run of words and are not
    words (N counts the words only), as NLTK's finders filter such pairs."""
    s = pd.DataFrame({"sentence_id": ["a", "b", "c"], "doc_id": "d", "year": 2021,
                      "paragraph": 1, "sentence": [1, 2, 3], "role": "speech",
                      "text": ["Priorities: (2) border security; (3) cooperation with "
                               "partners.", "Border security cooperation grew.",
                               "Security, cooperation."]})
    opts = pp.TermOptions(stopwords=False, phrases=False, punctuation=True, numbers=True)
    t = pp.tokens(s, opts)
    c = concordance.collocations(t, min_count=1, exclude=set())
    pairs = dict(zip(zip(c.w1, c.w2), c["count"]))
    assert pairs[("security", "cooperation")] == 1          # sentence b only
    assert pairs[("border", "security")] == 2
    assert ("priority", "border") not in pairs and ("cooperation", "with") in pairs
    words = [w for w in t.term if w[0].isalpha()]
    assert len(words) == 12                                  # N: punctuation not counted
    row = c[(c.w1 == "border") & (c.w2 == "security")].iloc[0]
    assert row.pmi == pytest.approx(math.log2(2 * 12 / (2 * 3)), rel=1e-12)
    # the same words without punctuation tokens: no boundary is known, the pair crosses
    plain = pp.tokens(s, pp.TermOptions(stopwords=False, phrases=False))
    c = concordance.collocations(plain, min_count=1, exclude=set())
    assert dict(zip(zip(c.w1, c.w2), c["count"]))[("security", "cooperation")] == 3


def test_an_abbreviation_is_found_inside_a_sentence_and_at_its_end():
    """A query "U.S." or "Dr." finds the word where the tokenizer keeps its stop (inside
    a sentence) and where it splits it off (a sentence's end); before, only the latter
    (a walkthrough's corpus: 1 of 4 "U.S.", no "Dr.")."""
    s = pd.DataFrame({"sentence_id": list("abcd"), "doc_id": "d", "year": 2020,
                      "paragraph": 1, "text": ["They met the U.S.", "The U.S. and Dr. Lim met.",
                                               "He met Dr.", "No abbreviation here."]})
    assert concordance.kwic(s, "U.S.").sentence_id.tolist() == ["a", "b"]
    assert concordance.kwic(s, "Dr.").sentence_id.tolist() == ["b", "c"]
    assert concordance.kwic(s, "dr.").sentence_id.tolist() == ["b", "c"]


def test_kwic_of_a_canonical_name_finds_its_variants_written_with_full_stops():
    s = pd.DataFrame({"sentence_id": ["a.p001.s01", "a.p001.s02", "a.p001.s03"],
                      "doc_id": "a", "year": 2021, "paragraph": 1, "sentence": [1, 2, 3],
                      "role": "speech",
                      "text": ["We thanked the U.N. Secretariat.",
                               "We support the UN and the United Nations.", "We thank the U.N."]})
    got = concordance.kwic(s, "un")
    assert got.match.tolist() == ["U.N.", "UN", "United Nations", "U.N."]


def test_a_canonical_name_finds_its_variants_and_a_variant_finds_itself():
    """`kwic un` finds every form `frequencies` counts as *un*; a variant finds only
    itself (a review: expanding a variant such as "SCO family", a narrower phrase, to
    every "SCO" matched 146 times instead of once)."""
    s = pd.DataFrame({"sentence_id": list("abcde"), "doc_id": "d", "year": 2020,
                      "paragraph": 1, "text": ["They met the U.N. envoy.",
                                               "The UN and the United Nations met.",
                                               "The United Nations.", "We met the U.N.",
                                               "The SCO family and the SCO met."]})
    for query in ("UN", "un"):
        k = concordance.kwic(s, query)
        assert k.sentence_id.tolist() == ["a", "b", "b", "c", "d"], query
        assert k.match.tolist() == ["U.N.", "UN", "United Nations", "United Nations",
                                    "U.N."], query
    assert concordance.kwic(s, "united nations").match.tolist() == ["United Nations"] * 2
    assert concordance.kwic(s, "SCO family").match.tolist() == ["SCO family"]
    assert concordance.kwic(s, "sco").match.tolist() == ["SCO family", "SCO"]
