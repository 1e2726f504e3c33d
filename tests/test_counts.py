"""discourse.counts and discourse.parallel: sparse term counts equal the tidy tokens table,
at every level, in pieces and in worker processes; the chunked tokenizer equals NLTK's."""

from __future__ import annotations

import glob

import numpy as np
import pandas as pd
import pytest

from discourse import corpus, counts as C, keywords, parallel, preprocess, terms
from discourse.text import tokenize

from conftest import MULTI, REPO, but_dotted


def _dense(tc):
    return pd.DataFrame(tc.matrix.toarray(), columns=tc.terms)


def test_paragraph_counts_equal_the_tokens_table(multi_sentences, lexicons):
    tok = preprocess.tokens(multi_sentences, lexicons=lexicons)
    tc = C.count_terms(multi_sentences, lexicons=lexicons)
    ref = C.from_tokens(tok)
    assert list(tc.terms) == sorted(tok.term.unique())
    pd.testing.assert_frame_equal(tc.rows, ref.rows)
    assert (tc.matrix != ref.matrix).nnz == 0
    # row sums are the tokens of each paragraph; presence is the 0/1 pattern
    per_par = tok.groupby(["doc_id", "paragraph"], sort=False).size().to_numpy()
    assert tc.totals.tolist() == per_par.tolist()
    assert (tc.presence.toarray() == (tc.matrix.toarray() > 0)).all()


@pytest.mark.parametrize("level", ["year", "doc_id"])
def test_group_levels_equal_summed_paragraphs(multi_sentences, lexicons, level):
    par = C.count_terms(multi_sentences, lexicons=lexicons)
    grp = C.count_terms(multi_sentences, lexicons=lexicons, level=level)
    by = par.by(level)
    pd.testing.assert_frame_equal(grp.rows, by.rows)
    assert (grp.matrix != by.matrix).nnz == 0 and (grp.presence != by.presence).nnz == 0
    assert grp.n_paragraphs.tolist() == by.n_paragraphs.tolist()
    # presence: paragraphs of the group containing the term, counted by hand
    tok = preprocess.tokens(multi_sentences, lexicons=lexicons)
    hand = tok.drop_duplicates(["doc_id", "paragraph", "term"]).groupby(
        [level, "term"]).size()
    got = _dense(grp).set_index(grp.rows[level])
    P = pd.DataFrame(grp.presence.toarray(), columns=grp.terms, index=grp.rows[level])
    for (g, t), n in hand.items():
        assert P.loc[g, t] == n
    assert (got.sum(axis=1).to_numpy() == tok.groupby(level).size().to_numpy()).all()


def test_streamed_rows_and_options(multi_sentences, lexicons):
    docs = corpus.load_docs(MULTI)
    streamed = C.count_terms(corpus.iter_sentences(docs), {"keep_pronouns": True},
                             lexicons=lexicons)
    table = C.count_terms(multi_sentences, preprocess.TermOptions(keep_pronouns=True),
                          lexicons=lexicons)
    assert (streamed.matrix != table.matrix).nnz == 0
    assert "we" in set(table.terms)
    with pytest.raises(ValueError, match="level='sentence' is not one of"):
        C.count_terms(multi_sentences, level="sentence")
    with pytest.raises(ValueError, match="unknown option"):
        C.count_terms(multi_sentences, {"stemming": True})


def test_combine_equals_counting_at_once(multi_sentences, lexicons):
    docs = corpus.load_docs(MULTI)
    for level in ("paragraph", "year"):
        whole = C.count_terms(corpus.iter_sentences(docs), level=level, lexicons=lexicons)
        parts = [C.count_terms(corpus.iter_sentences(docs.iloc[a:b]), level=level,
                               lexicons=lexicons) for a, b in [(0, 2), (2, 3), (3, 5)]]
        got = C.combine(parts)
        pd.testing.assert_frame_equal(got.rows, whole.rows)
        assert list(got.terms) == list(whole.terms)
        assert (got.matrix != whole.matrix).nnz == 0
        assert (got.presence != whole.presence).nnz == 0
    paragraph = C.count_terms(corpus.iter_sentences(docs), lexicons=lexicons)
    with pytest.raises(ValueError, match="one level"):
        C.combine([paragraph, whole])


@pytest.mark.slow        # starts worker processes
def test_count_documents_in_worker_processes_is_identical(lexicons):
    docs = corpus.load_docs(MULTI)
    one = parallel.count_documents(docs, level="paragraph", lexicons=lexicons)
    two = parallel.count_documents(docs, level="paragraph", lexicons=lexicons, n_jobs=2)
    pd.testing.assert_frame_equal(one.rows, two.rows)
    assert (one.matrix != two.matrix).nnz == 0
    k1 = keywords.keyness(one, 2023, "rest")
    k2 = keywords.keyness(two, 2023, "rest")
    pd.testing.assert_frame_equal(k1, k2)
    assert parallel.partitions(3, 8) == [(0, 1), (1, 2), (2, 3)]


@pytest.mark.slow        # every sentence of every set
def test_chunked_tokenizer_equals_nltk_on_every_sentence_we_have(lexicons):
    """sentence_tokens splits at white space and tokenises each chunk once; NLTK's rules
    only ever insert spaces, so the tokens must equal tokenize() of the whole sentence
    (but for a sentence ending in an abbreviation like "U.S.", kept whole).
    Checked on the corpus, the fixture, the hand-coded sets and constructed cases."""
    texts = list(corpus.segment(corpus.load_docs()).text)
    texts += list(corpus.segment(corpus.load_docs(MULTI)).text)
    for f in sorted(glob.glob(str(REPO / "corpus" / "annotations" / "*.csv"))):
        d = pd.read_csv(f)
        if "text" in d:
            texts += list(d["text"].astype(str))
    texts += ['"Hello," he said. \'\'Quoted\'\' and ``this\'\'', "It's can't won't gonna "
              "'tis Mr. Smith's U.S. dollars...", "(a) [b] {c} <d> -- e--f",
              "The states' rights: 3,800; 12:45. ok?!", "He said 'hello' and left.",
              'She said "no."', "End with abbreviation U.S.", "x...", "a -- b",
              "'quote' at start", "Caf\u00e9\u00a0cr\u00e8me \u2018quoted\u2019 text."]
    assert len(texts) > 700
    for t in texts:
        assert terms.sentence_tokens(t, lexicons)[0] == but_dotted(t, tokenize(t)), t


def test_counts_record_their_provenance(multi_sentences, lexicons):
    tc = C.count_terms(multi_sentences, lexicons=lexicons)
    record = tc.provenance()
    assert record["parameters"] == {"level": "paragraph", "options": {}}
    assert record["corpus"]["directory"] == "multiyear"
    freq = keywords.frequencies(tc)
    assert np.isclose(freq.groupby("year")["per10k"].sum(), 1e4).all()


def test_paragraph_keys_are_compared_as_integers_whatever_their_type(lexicons):
    """A sentence whose doc_id, year and paragraph are those of the sentence before (as
    given) skips the integer conversion; fields that differ only in type are still one
    paragraph, and a paragraph met again after another is still an error."""
    texts = ["Trade grew.", "Trade fell.", "Trade rose.", "Terrorism.", "Trade grew again."]
    clean = pd.DataFrame({"doc_id": "d", "year": 2021, "paragraph": [1, 1, 1, 2, 2],
                          "text": texts})
    mixed = [(i, "d", y, None, p, i, "body", t) for i, (y, p, t) in enumerate(zip(
        [2021, "2021", 2021.0, np.int64(2021), 2021.4], [1, np.int64(1), "1", 2, 2.0],
        texts))]
    for level in C.LEVELS:
        want = C.count_terms(clean, level=level, lexicons=lexicons)
        got = C.count_terms(iter(mixed), level=level, lexicons=lexicons)
        assert list(got.terms) == list(want.terms)
        assert (got.matrix != want.matrix).nnz == 0 and (got.presence != want.presence).nnz == 0
        assert got.n_paragraphs.tolist() == want.n_paragraphs.tolist()
        with pytest.raises(ValueError, match="sentence 4 of the sentences table"):
            C.count_terms(iter(mixed[:2] + [mixed[3], mixed[2]]), level=level,
                          lexicons=lexicons)


def test_a_paragraph_whose_sentences_are_not_adjacent_is_an_error(lexicons):
    """Counting per paragraph reads consecutive rows: a table sorted by another column
    split paragraphs in two and gave text-dispersion keyness wrong paragraph counts (a
    walkthrough: 80 target paragraphs instead of 64, hold's adjusted p 0.0545 for
    0.0408), silently. Now it is an error naming the paragraph; reading order works."""
    s = pd.DataFrame({"doc_id": ["d", "d", "e", "d"], "year": 2021, "paragraph": [1, 2, 1, 1],
                      "text": ["Trade grew.", "Trade fell.", "Terrorism.", "Trade rose."]})
    for level in C.LEVELS:
        with pytest.raises(ValueError, match=r"sentence 4 of the sentences table: the "
                                             r"sentences of paragraph 1 of document 'd' "
                                             r"are not adjacent"):
            C.count_terms(s, level=level, lexicons=lexicons)
    ordered = C.count_terms(s.iloc[[0, 3, 1, 2]], lexicons=lexicons)
    assert ordered.n_paragraphs.sum() == 3 and ordered.matrix.shape[0] == 3
