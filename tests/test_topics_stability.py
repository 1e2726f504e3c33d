"""discourse.topics.stability: per-topic stability across seeds and resamples, citable
topics, and the rule for k; the online algorithms give the same tables."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse import preprocess, topics


@pytest.fixture(scope="module")
def multi_dtm(multi_sentences):
    return topics.document_term_matrix(topics.units(multi_sentences))


def test_topic_stability_combines_seed_and_resampling_runs(multi_dtm):
    t = topics.topic_stability(multi_dtm, k=3, seed=2, n_seeds=3)
    assert list(t.columns) == topics.STABILITY_COLUMNS
    seeds = topics.seed_stability(multi_dtm, k=3, seed=2, n_seeds=3)
    res = topics.seed_stability(multi_dtm, k=3, seed=2, n_seeds=3, subsample=0.8)
    assert t.stability.tolist() == seeds.stability.tolist()
    assert t.stability_resample.tolist() == res.stability.tolist()
    assert t.resample_min.tolist() == res["min"].tolist()
    expected = (t.stability >= 0.8) & (t.stability_resample >= 0.7)
    assert t.citable.tolist() == expected.tolist()
    strict = topics.topic_stability(multi_dtm, k=3, seed=2, n_seeds=3,
                                    min_resample_stability=1.01)
    assert not strict.citable.any()


def _selection(rows):
    return pd.DataFrame(rows, columns=["model", "k", "npmi", "stability",
                                       "stability_resample"])


def test_rule_for_k_uses_both_stabilities():
    sel = _selection([("nmf", 2, 0.10, 1.00, 0.90), ("nmf", 3, 0.20, 0.90, 0.75),
                      ("nmf", 4, 0.30, 0.85, 0.50), ("nmf", 5, 0.40, 0.60, 0.80)])
    # k = 4 and 5 fail one stability each; of k = 2 and 3 the more coherent is 3
    assert topics.suggest_k(sel) == 3
    assert topics.suggest_k(sel, min_resample_stability=0.5) == 4
    # none passes: the k whose smaller stability is largest (k = 2: min 0.90)
    none = _selection([("nmf", 2, 0.1, 0.70, 0.60), ("nmf", 3, 0.2, 0.75, 0.65),
                       ("nmf", 4, 0.3, 0.90, 0.40)])
    assert topics.suggest_k(none) == 3
    # a table without resampling columns is judged on seed stability alone
    old = sel.drop(columns="stability_resample")
    assert topics.suggest_k(old) == 4
    with pytest.raises(ValueError, match="model='lda' is not in the selection table"):
        topics.suggest_k(sel, model="lda")


def test_selection_grid_has_resampling_columns(multi_dtm):
    sel = topics.select_model(multi_dtm, models=["nmf"], ks=[2, 3], seed=2, n_seeds=3,
                              progress=False)
    assert {"stability_resample", "stability_resample_sd", "stability_resample_min",
            "resample_fraction"} <= set(sel.columns)
    for k in (2, 3):
        per_topic = topics.topic_stability(multi_dtm, k=k, seed=2, n_seeds=3)
        row = sel.set_index("k").loc[k]
        assert row.stability_resample == pytest.approx(per_topic.stability_resample.mean())
        assert row.stability == pytest.approx(per_topic.stability.mean())
    none = topics.select_model(multi_dtm, models=["nmf"], ks=[2], seed=2, n_seeds=2,
                               resample=None, progress=False)
    assert "stability_resample" not in none.columns


@pytest.mark.parametrize("model", ["nmf", "lda"])
def test_online_algorithms_give_the_same_tables(multi_dtm, model):
    batch = topics.fit_topics(multi_dtm, model=model, k=3, seed=1)
    online = topics.fit_topics(multi_dtm, model=model, k=3, seed=1, algorithm="online")
    assert online.algorithm == "online" and online.provenance()["parameters"]["algorithm"] \
        == "online"
    for table in (topics.topic_terms, topics.document_topics):
        a, b = table(batch), table(online)
        assert list(a.columns) == list(b.columns) and len(a) == len(b)
    shares = topics.document_topics(online).groupby("unit_id")["weight"].sum()
    assert ((shares - 1).abs() < 1e-9).all()
    with pytest.raises(ValueError, match="algorithm='sgd' is not one of"):
        topics.fit_topics(multi_dtm, k=3, algorithm="sgd")


def test_analyzer_lines_takes_each_line_as_a_sentence():
    a = preprocess.analyzer(split="lines")
    assert a("Member States met.\nThe SCO met.") == ["member state", "meet", "sco", "meet"]
    assert repr(a) == "analyzer(split='lines')" and a != preprocess.analyzer()
    with pytest.raises(ValueError, match="split='words' is not one of"):
        preprocess.analyzer(split="words")
