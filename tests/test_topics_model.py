"""discourse.topics.model: the document-term matrix, seeded fits and their tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import topics
from discourse.io import write_table


def test_fit_tables_shapes_and_normalisation(real_dtm):
    fit = topics.fit_topics(real_dtm, model="lda", k=4, seed=5)
    assert np.allclose(fit.topic_term.sum(axis=1), 1)
    assert np.allclose(fit.doc_topic.sum(axis=1), 1)
    shares = fit.doc_topic.mean(axis=0)
    assert list(shares) == sorted(shares, reverse=True)     # topic 1 = most prevalent
    terms = topics.topic_terms(fit, n=7)
    assert len(terms) == 28 and set(terms.seed) == {5} and set(terms.model) == {"lda"}
    docs = topics.document_topics(fit)
    assert len(docs) == 4 * len(real_dtm.units)
    assert docs.groupby("unit_id")["weight"].sum().round(9).eq(1).all()
    passages = topics.representative_passages(fit, n=2)
    assert passages.groupby("topic").size().tolist() == [2, 2, 2, 2]
    assert (passages["n_terms"] >= 5).all()


@pytest.mark.slow        # the topic tables built twice
def test_two_runs_give_identical_tables(tmp_path, real_sentences):
    written = []
    for run in ("a", "b"):
        sents = real_sentences.copy()
        dtm = topics.document_term_matrix(topics.units(sents))
        fit = topics.fit_topics(dtm, model="nmf", k=4, seed=11)
        unit_topics = topics.document_topics(fit)
        tables = {
            "terms": topics.topic_terms(fit), "docs": unit_topics,
            "passages": topics.representative_passages(fit),
            "stability": topics.seed_stability(dtm, k=4, seed=11, n_seeds=3),
            "prevalence": topics.prevalence_table(unit_topics, n_boot=200, seed=11),
            "selection": topics.select_model(dtm, ks=(2,), seed=11, n_seeds=2,
                                             progress=False),
        }
        for name, table in tables.items():
            write_table(table, tmp_path / run / f"{name}.csv")
        written.append(tables)
    for name in written[0]:
        pd.testing.assert_frame_equal(written[0][name], written[1][name])
        assert (tmp_path / "a" / f"{name}.csv").read_bytes() == \
            (tmp_path / "b" / f"{name}.csv").read_bytes()


def test_bad_values_raise_value_error_naming_them(real_dtm):
    with pytest.raises(ValueError, match="'bogus'"):
        topics.fit_topics(real_dtm, model="bogus")
    for k in (1, 0, 10_000):
        with pytest.raises(ValueError, match=f"k={k}"):
            topics.fit_topics(real_dtm, k=k)
    with pytest.raises(ValueError, match="k=1 "):
        topics.select_model(real_dtm, ks=(1, 2), progress=False)
    with pytest.raises(ValueError, match="'nope'"):
        topics.select_model(real_dtm, models=("nope",), progress=False)
    with pytest.raises(ValueError, match="n_seeds=1"):
        topics.seed_stability(real_dtm, n_seeds=1)


def test_matrix_options_and_provenance(real_sentences):
    u = topics.units(real_sentences)
    plain = topics.document_term_matrix(u)
    assert plain.options == {"min_df": 2, "max_df": 1.0}
    with_pronouns = topics.document_term_matrix(u, analyzer_options={"keep_pronouns": True})
    assert with_pronouns.options == {"min_df": 2, "max_df": 1.0, "keep_pronouns": True}
    assert "we" in set(with_pronouns.terms) and "we" not in set(plain.terms)
    record = topics.fit_topics(plain, k=3, seed=1).provenance()
    assert record["parameters"] == {"model": "nmf", "k": 3, "seed": 1, "algorithm": "batch"}
    assert record["corpus"]["layer"] == "cleaned"
    terms = topics.topic_terms(topics.fit_topics(plain, k=3, seed=1))
    assert terms.attrs["provenance"]["inputs"]["fit"]["parameters"]["k"] == 3
