"""The shortcut of ``discourse keyness``: paragraphs counted whole equal sentences counted.

:func:`discourse.counts.count_paragraphs` counts the paragraphs of
:func:`discourse.segmentation.iter_paragraphs` (each with the list of its sentences,
without the sentence rows' ids, dates and roles); it must give what
:func:`discourse.counts.count_terms` gives for the sentence rows of
:func:`discourse.segmentation.iter_sentences` of the same documents, at every level.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from conftest import MULTI

from discourse import corpus, counts as C, parallel
from discourse.segmentation import iter_paragraphs, iter_sentences


def _same(a, b):
    assert list(a.terms) == list(b.terms)
    assert a.rows.equals(b.rows)
    for x, y in ((a.matrix, b.matrix), (a.presence, b.presence)):
        assert x.shape == y.shape and (x != y).nnz == 0
        assert x.dtype == y.dtype and np.array_equal(x.indptr, y.indptr)
    assert np.array_equal(a.n_paragraphs, b.n_paragraphs)
    assert a.level == b.level and a.options == b.options


def _varied_docs():
    """Documents with empty, one-sentence, many-sentence and term-less paragraphs,
    phrases across sentence ends, repeated chunks and odd white space."""
    texts = [
        "Title\n\nMember States met. Trade grew.\n\n\n  The SCO's trade, (2020), grew.  ",
        "A\n. . .\n?!\nMember\nStates. Member States. U.S. trade. The U.N. Environment "
        "Programme met.\r\nNo. We meet often.",
        "", "\n\n", "Trade " * 50 + ".\n" + "Member States, " * 30,
        "It is the end… of it. “Is it?” she asked.\u00a0Yes. Regional Anti\u2011Terrorist "
        "Structure.",
    ]
    rows = [("d%d" % i, 2020 + i % 3, "speech", t) for i, t in enumerate(texts)]
    return pd.DataFrame(rows, columns=["doc_id", "year", "genre", "text"])


def test_paragraphs_hold_the_sentences_of_iter_sentences():
    for docs in (_varied_docs(), corpus.load_docs(MULTI)):
        grouped = [(k[0], k[1], k[2], [r[-1] for r in g]) for k, g in itertools.groupby(
            iter_sentences(docs), key=lambda r: (r[1], r[2], r[4]))]
        assert list(iter_paragraphs(docs)) == grouped
        assert all(type(p[1]) is int and type(p[2]) is int for p in grouped)


@pytest.mark.parametrize("level", C.LEVELS)
@pytest.mark.parametrize("options", [None, {"stopwords": False, "phrases": False},
                                     {"lowercase": False, "punctuation": True,
                                      "numbers": True}])
def test_counting_paragraphs_equals_counting_sentences(level, options, lexicons):
    for docs in (_varied_docs(), corpus.load_docs(MULTI)):
        want = C.count_terms(iter_sentences(docs), options, level=level, lexicons=lexicons)
        got = C.count_paragraphs(iter_paragraphs(docs), options, level=level,
                                 lexicons=lexicons)
        _same(got, want)


def test_blocks_of_paragraphs_do_not_change_the_counts(lexicons, monkeypatch):
    docs = corpus.load_docs(MULTI)
    want = C.count_terms(iter_sentences(docs), level="paragraph", lexicons=lexicons)
    for size in (1, 2, 7):
        monkeypatch.setattr(C, "_BLOCK", size)
        _same(C.count_paragraphs(iter_paragraphs(docs), level="paragraph",
                                 lexicons=lexicons), want)


def test_count_documents_counts_paragraphs(lexicons):
    docs = corpus.load_docs(MULTI)
    for level in C.LEVELS:
        _same(parallel.count_documents(docs, level=level, lexicons=lexicons),
              C.count_terms(iter_sentences(docs), level=level, lexicons=lexicons))


def test_a_paragraph_met_twice_is_an_error(lexicons):
    docs = _varied_docs()
    twice = pd.concat([docs.iloc[:2], docs.iloc[:1]], ignore_index=True)
    with pytest.raises(ValueError, match="not adjacent") as ours:
        C.count_paragraphs(iter_paragraphs(twice), lexicons=lexicons)
    with pytest.raises(ValueError, match="not adjacent") as theirs:
        C.count_terms(iter_sentences(twice), lexicons=lexicons)
    assert str(ours.value) == str(theirs.value)
