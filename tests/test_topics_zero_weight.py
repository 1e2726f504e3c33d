"""Top terms of zero weight (a walkthrough): an NMF topic with one real term listed
``thank(1), against(0), agree(0), approve(0), arctic(0), atlantic(7e-67), ...`` (the rest
of the vocabulary in alphabetical order), and its stability and coherence were computed
over that filler, so a one-word topic scored "1.00" and was summarised as stable."""

from __future__ import annotations

import dataclasses
import math
from statistics import fmean

import numpy as np
import pandas as pd
import pytest

from discourse import summary, topics
from discourse.explorer import data
from discourse.topics import evaluation

import topic_data as td

TERMS = ["against", "agree", "approve", "arctic", "atlantic", "economy", "export",
         "import", "market", "tariff", "thank", "trade"]


def _row(**weights) -> np.ndarray:
    row = np.zeros(len(TERMS))
    for term, w in weights.items():
        row[TERMS.index(term)] = w
    return row


TRADE = _row(trade=0.4, economy=0.3, market=0.2, export=0.1)
THANK = _row(thank=1.0, atlantic=7e-67)          # NMF's zeros and underflow
#: the reference run (seed) and the other runs (seed + 1, ...; with or without resampling)
RUNS = {0: np.array([TRADE, THANK, _row(tariff=0.6, export=0.4)]),
        1: np.array([_row(thank=1.0), TRADE, _row(tariff=0.6, **{"import": 0.4})])}


def _dtm():
    rng = np.random.default_rng(0)
    counts = rng.integers(0, 3, size=(20, len(TERMS))) * (rng.random((20, len(TERMS))) < 0.5)
    return td.dtm_from(counts, TERMS)


@pytest.fixture
def hand_runs(monkeypatch):
    """Every fit returns the hand-made topic-term matrix of its run (seed 10 = ref)."""
    def fit(dtm, model, k, seed, rows=None, *, full=True, algorithm="batch"):
        n = dtm.counts.shape[0] if rows is None else len(rows)
        return np.full((n, k), 1 / k), RUNS[min(seed - 10, 1)].copy(), 0.5, np.nan, 3

    monkeypatch.setattr(evaluation, "fit_matrices", fit)
    return _dtm()


def test_top_terms_are_the_terms_of_non_zero_weight():
    H = np.array([THANK, TRADE, np.zeros(len(TERMS)),
                  _row(tariff=1.0, export=2e-12, market=1e-12)])   # the tolerance: 1e-12 x max
    got = [[TERMS[j] for j in idx] for idx in
           topics.model.top_term_indices(H, 10, np.array(TERMS))]
    assert got == [["thank"], ["trade", "economy", "market", "export"], [],
                   ["tariff", "export"]]
    assert topics.model.ZERO_WEIGHT_RTOL == 1e-12
    # the table of a fit lists fewer rows, none of zero weight
    fit = topics.fit_topics(_dtm(), model="nmf", k=2, seed=1)
    fit = dataclasses.replace(fit, topic_term=H[:2])
    table = topics.topic_terms(fit, n=10)
    assert table.groupby("topic").size().tolist() == [1, 4]
    assert table[table.topic == 1][["rank", "term", "weight"]].values.tolist() == \
        [[1, "thank", 1.0]]
    assert topics.top_terms(fit, n=3) == [["thank"], ["trade", "economy", "market"]]


def test_stability_and_coherence_are_computed_on_the_real_terms(hand_runs):
    st = topics.topic_stability(hand_runs, k=3, seed=10, n_seeds=2, n_top=4)
    # topic 1: the same four terms; topic 2: {thank} both times (over filler it was
    # {thank, against, agree, approve} both times); topic 3: {tariff, export} against
    # {tariff, import} = 1/3 (over filler {.., against, agree} it was 3/5)
    assert st.stability.tolist() == [1.0, 1.0, pytest.approx(1 / 3)]
    assert st.stability_resample.tolist() == st.stability.tolist()
    assert st.n_top_terms.tolist() == [4, 1, 2]
    # a short topic is never citable: topic 2 reaches both thresholds, with one word
    assert st.citable.tolist() == [True, False, False]
    sel = topics.select_model(hand_runs, models=("nmf",), ks=(3,), seed=10, n_seeds=2,
                              n_top=4, progress=False).iloc[0]
    assert sel.n_short_topics == 4                       # topics 2 and 3, in both runs
    assert sel.stability == pytest.approx((1 + 1 + 1 / 3) / 3)
    # NPMI of a one-term topic is undefined: the mean is over the other two topics
    dtm = hand_runs
    npmi = topics.npmi_coherence([["trade", "economy", "market", "export"], ["thank"],
                                  ["tariff", "export"]], dtm.counts, dtm.terms)
    assert math.isnan(npmi[1])
    run1 = topics.npmi_coherence([["trade", "economy", "market", "export"],
                                  ["tariff", "import"]], dtm.counts, dtm.terms)
    assert sel.npmi == pytest.approx(fmean([fmean(npmi[[0, 2]]), fmean(run1)]), abs=1e-15)
    assert not math.isnan(sel.umass)


def test_summary_and_explorer_do_not_call_a_one_term_topic_stable(hand_runs, tmp_path):
    st = topics.topic_stability(hand_runs, k=3, seed=10, n_seeds=2, n_top=4)
    st.to_csv(tmp_path / "topics-stability.csv", index=False)
    text = summary.render_summary(summary.headline_findings(tmp_path))
    assert "topic 1 1.00 / 1.00; topic 2 1.00 / 1.00 (only 1 term of non-zero weight); " \
        "topic 3 0.33 / 0.33 (only 2 terms of non-zero weight)." in text
    assert "are cited: topic 1." in text
    assert "A topic with fewer than 4 terms of non-zero weight is a word or two" in text
    terms = pd.DataFrame({"topic": [1, 2], "rank": [1, 1], "term": ["trade", "thank"],
                          "weight": [0.4, 1.0]})
    shown = data.topic_terms(terms, stability=st)
    assert shown[["topic", "citable", "n_top", "n_top_terms"]].values.tolist() == \
        [[1, "True", 4, 4], [2, "False", 4, 1]]
