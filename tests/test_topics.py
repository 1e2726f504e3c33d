"""Tests for discourse.topics: units, coherence by hand, alignment, stability, prevalence,
labels, errors, reproducibility. Small grids and few seeds keep the file fast."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from discourse import cli, corpus, plots, topics
from discourse.io import write_table

from conftest import REPO, write_corpus


# ---------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------

def _dtm(counts, terms, years=None) -> topics.DocumentTermMatrix:
    """A DocumentTermMatrix built by hand (no text analysis involved)."""
    X = sparse.csr_matrix(np.asarray(counts, dtype=np.int64))
    n = X.shape[0]
    years = list(years) if years is not None else [2001] * n
    u = pd.DataFrame({"unit_id": [f"d.p{i + 1:03d}" for i in range(n)], "doc_id": "d",
                      "year": years, "unit": "paragraphs", "position": range(1, n + 1),
                      "role": "speech", "first_paragraph": range(1, n + 1),
                      "last_paragraph": range(1, n + 1), "n_sentences": 1,
                      "text": [f"unit {i}" for i in range(n)]})
    return topics.DocumentTermMatrix(units=u, terms=np.array(terms), counts=X,
                                     tfidf=TfidfTransformer().fit_transform(X).tocsr(),
                                     n_dropped=0, options={})


def _block_dtm(n_blocks=3, per_block=4, units_per_block=10, seed=0):
    """Units that each use the terms of exactly one block (disjoint vocabularies)."""
    rng = np.random.default_rng(seed)
    terms = [f"b{b}t{t}" for b in range(n_blocks) for t in range(per_block)]
    rows = []
    for b in range(n_blocks):
        for _ in range(units_per_block):
            row = np.zeros(len(terms), dtype=int)
            row[b * per_block:(b + 1) * per_block] = rng.integers(1, 5, size=per_block)
            rows.append(row)
    return _dtm(rows, terms), [set(terms[b * per_block:(b + 1) * per_block])
                               for b in range(n_blocks)]


@pytest.fixture(scope="module")
def real_dtm():
    sents = corpus.segment(corpus.load_docs())
    return topics.document_term_matrix(topics.units(sents))


def _sentences(paragraph_roles, texts=None, year=2001, doc="d"):
    rows = []
    for p, role in enumerate(paragraph_roles, start=1):
        sents = (texts or {}).get(p, [f"s{p}a", f"s{p}b"])
        for s, text in enumerate(sents, start=1):
            rows.append((f"{doc}.p{p:03d}.s{s:02d}", doc, year, p, s, role, text))
    return pd.DataFrame(rows, columns=["sentence_id", "doc_id", "year", "paragraph",
                                       "sentence", "role", "text"])


# ---------------------------------------------------------------------------------
# units
# ---------------------------------------------------------------------------------

ROLES7 = ["title", "lead", "question", "answer", "answer", "question", "answer"]


def test_units_paragraphs_ids_and_role_switches():
    s = _sentences(ROLES7)
    u = topics.units(s)
    assert u.unit_id.tolist() == ["d.p003", "d.p004", "d.p005", "d.p006", "d.p007"]
    assert u.position.tolist() == [1, 2, 3, 4, 5]
    assert u.loc[0, "text"] == "s3a\ns3b"
    u = topics.units(s, include_questions=False, include_titles=True)
    assert u.unit_id.tolist() == ["d.p001", "d.p002", "d.p004", "d.p005", "d.p007"]


def test_units_turns_are_runs_of_the_same_role():
    s = _sentences(ROLES7)
    # turns over the full sequence: p1 t1, p2 t2, p3 t3, p4-p5 t4, p6 t5, p7 t6
    u = topics.units(s, unit="turns")
    assert u.unit_id.tolist() == ["d.t003", "d.t004", "d.t005", "d.t006"]
    row = u.set_index("unit_id").loc["d.t004"]
    assert (row.first_paragraph, row.last_paragraph, row.n_sentences) == (4, 5, 4)
    # leaving questions out does not merge the answers around a question
    u = topics.units(s, unit="turns", include_questions=False)
    assert u.unit_id.tolist() == ["d.t004", "d.t006"]


def test_units_windows_count_sentences_of_kept_roles():
    s = _sentences(ROLES7)  # kept without questions: p4, p5, p7 -> 6 sentences
    u = topics.units(s, unit="windows", window=4, include_questions=False)
    assert u.unit_id.tolist() == ["d.w001", "d.w002"]
    assert u.n_sentences.tolist() == [4, 2]
    assert u.loc[0, "text"].split("\n") == ["s4a", "s4b", "s5a", "s5b"]


# ---------------------------------------------------------------------------------
# coherence by hand
# ---------------------------------------------------------------------------------

# Four units over terms a, b, c, d:     a b c d
#   u1                                  1 1 0 0
#   u2                                  1 1 1 0
#   u3                                  1 0 0 0
#   u4                                  0 0 1 1
# N = 4; D(a) = 3, D(b) = 2, D(c) = 2, D(d) = 1; D(a,b) = 2, D(a,c) = 1, D(b,c) = 1,
# D(b,d) = 0.
HAND = np.array([[1, 1, 0, 0], [2, 3, 1, 0], [1, 0, 0, 0], [0, 0, 5, 1]])  # counts: only
TERMS = ["a", "b", "c", "d"]                                              # presence counts


def test_npmi_hand_computed():
    # NPMI(a,b) = log(0.5 / (0.75 * 0.5)) / -log(0.5) = log(4/3) / log(2) = 0.4150375
    # NPMI(a,c) = log(0.25 / (0.75 * 0.5)) / -log(0.25) = log(2/3) / log(4) = -0.2924813
    # NPMI(b,c) = log(0.25 / (0.5 * 0.5)) / -log(0.25) = 0
    # topic [a, b, c]: mean of the three = 0.0408521
    # topic [b, d]: never together -> -1 (the limit; our stated convention)
    got = topics.npmi_coherence([["a", "b", "c"], ["b", "d"]], HAND, TERMS)
    ab = math.log(4 / 3) / math.log(2)
    ac = math.log(2 / 3) / math.log(4)
    assert got[0] == pytest.approx((ab + ac + 0.0) / 3, abs=1e-12)
    assert got[0] == pytest.approx(0.0408521, abs=1e-7)
    assert got[1] == -1.0
    # sparse input gives the same numbers; two terms present in every unit score 1
    assert topics.npmi_coherence([["a", "b", "c"]], sparse.csr_matrix(HAND), TERMS)[0] == \
        pytest.approx(got[0], abs=1e-15)
    assert topics.npmi_coherence([["x", "y"]], np.ones((3, 2)), ["x", "y"])[0] == 1.0


def test_umass_hand_computed():
    # ranked a, b, c: pairs (m, l) = (b, a), (c, a), (c, b)
    # log((D(a,b)+1)/D(a)) = log(3/3) = 0
    # log((D(a,c)+1)/D(a)) = log(2/3) = -0.4054651
    # log((D(b,c)+1)/D(b)) = log(2/2) = 0
    # mean over 3 pairs = -0.1351550 (Mimno's sum = -0.4054651)
    got = topics.umass_coherence([["a", "b", "c"], ["b", "d"]], HAND, TERMS)
    assert got[0] == pytest.approx(math.log(2 / 3) / 3, abs=1e-12)
    # [b, d]: log((0 + 1) / D(b)) = log(1/2): the +1 smoothing of zero co-occurrence
    assert got[1] == pytest.approx(math.log(0.5), abs=1e-12)
    # order matters: ranked c, a conditions on D(c) = 2: log((1 + 1)/2) = 0
    assert topics.umass_coherence([["c", "a"]], HAND, TERMS)[0] == pytest.approx(0.0)


def test_coherence_unknown_term_raises():
    with pytest.raises(ValueError, match="zzz"):
        topics.npmi_coherence([["a", "zzz"]], HAND, TERMS)


# ---------------------------------------------------------------------------------
# alignment and stability
# ---------------------------------------------------------------------------------

def test_permuted_model_aligns_back_with_stability_one(real_dtm):
    fit = topics.fit_topics(real_dtm, model="nmf", k=5, seed=3)
    perm = np.array([3, 0, 4, 1, 2])                 # new topic j is old topic perm[j]
    permuted = dataclasses.replace(fit, topic_term=fit.topic_term[perm],
                                   doc_topic=fit.doc_topic[:, perm])
    ref, other = topics.top_terms(fit), topics.top_terms(permuted)
    assert other[0] == ref[3]                        # the copy really is reordered
    aligned = topics.align_topics(ref, other)
    assert aligned["jaccard"].tolist() == [1.0] * 5
    assert aligned["jaccard"].mean() == 1.0
    # reference topic i must be matched to the position where perm holds i - 1
    expected = [int(np.where(perm == i)[0][0]) + 1 for i in range(5)]
    assert aligned["matched_topic"].tolist() == expected == [2, 4, 5, 1, 3]


def test_align_topics_partial_overlap_by_hand():
    ref = [["a", "b", "c"], ["d", "e", "f"]]
    other = [["d", "e", "x"], ["a", "b", "c"]]
    out = topics.align_topics(ref, other)
    assert out["matched_topic"].tolist() == [2, 1]
    assert out["jaccard"].tolist() == [1.0, 0.5]          # {d,e,f} vs {d,e,x}: 2/4
    with pytest.raises(ValueError, match="same number"):
        topics.align_topics(ref, other[:1])


def test_seed_stability_is_one_on_disjoint_blocks():
    dtm, blocks = _block_dtm()
    st = topics.seed_stability(dtm, model="nmf", k=3, seed=7, n_seeds=5, n_top=4)
    assert st["stability"].tolist() == [1.0, 1.0, 1.0]
    assert st["n_runs"].iloc[0] == 4 and st["seed"].iloc[0] == 7
    fit = topics.fit_topics(dtm, model="nmf", k=3, seed=7)
    assert sorted(map(sorted, topics.top_terms(fit, n=4))) == sorted(map(sorted, blocks))


def test_select_model_grid_and_suggest_k():
    dtm, _ = _block_dtm()
    sel = topics.select_model(dtm, models=("nmf", "lda"), ks=(3, 4), seed=1, n_seeds=3,
                              n_top=4, progress=False)
    assert list(zip(sel.model, sel.k)) == [("nmf", 3), ("nmf", 4), ("lda", 3), ("lda", 4)]
    assert sel["seed"].eq(1).all() and sel["n_seeds"].eq(3).all()
    nmf3 = sel[(sel.model == "nmf") & (sel.k == 3)].iloc[0]
    # three disjoint blocks, k = 3: the blocks every time (stability 1); the four terms
    # of a block occur together in its 10 of 30 units: NPMI = 1 for every pair, and
    # UMass = log((10 + 1) / 10) = 0.0953102 for every pair
    assert nmf3.stability == 1.0 and nmf3.npmi == pytest.approx(1.0)
    assert nmf3.umass == pytest.approx(math.log(1.1), abs=1e-12)
    assert np.isnan(nmf3.perplexity) and nmf3.reconstruction_error >= 0
    nmf4 = sel[(sel.model == "nmf") & (sel.k == 4)].iloc[0]
    assert nmf4.npmi < 1.0                 # a fourth topic must split or mix a block
    lda = sel[sel.model == "lda"]
    assert lda["reconstruction_error"].isna().all() and (lda["perplexity"] > 0).all()
    assert topics.suggest_k(sel, model="nmf", min_stability=0.99) == 3
    with pytest.raises(ValueError, match="'lda'"):
        topics.suggest_k(sel[sel.model == "nmf"], model="lda")


# ---------------------------------------------------------------------------------
# fits and tables
# ---------------------------------------------------------------------------------

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


def test_two_runs_give_identical_tables(tmp_path):
    written = []
    for run in ("a", "b"):
        sents = corpus.segment(corpus.load_docs())
        dtm = topics.document_term_matrix(topics.units(sents))
        fit = topics.fit_topics(dtm, model="nmf", k=4, seed=11)
        unit_topics = topics.document_topics(fit)
        tables = {
            "terms": topics.topic_terms(fit), "docs": unit_topics,
            "passages": topics.representative_passages(fit),
            "stability": topics.seed_stability(dtm, k=4, seed=11, n_seeds=3),
            "prevalence": topics.prevalence_table(unit_topics, n_boot=200, seed=11),
            "selection": topics.select_model(dtm, ks=(2, 3), seed=11, n_seeds=2,
                                             progress=False),
        }
        for name, table in tables.items():
            write_table(table, tmp_path / run / f"{name}.csv")
        written.append(tables)
    for name in written[0]:
        pd.testing.assert_frame_equal(written[0][name], written[1][name])
        assert (tmp_path / "a" / f"{name}.csv").read_bytes() == \
            (tmp_path / "b" / f"{name}.csv").read_bytes()


# ---------------------------------------------------------------------------------
# prevalence
# ---------------------------------------------------------------------------------

def _unit_topics():
    # year 2001: topic-1 weights 0.1 0.2 0.3 0.4 (mean 0.25); year 2003: 0.5 0.6 0.7 (0.6)
    w1 = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    years = [2001] * 4 + [2003] * 3
    rows = []
    for i, (w, y) in enumerate(zip(w1, years)):
        rows += [(f"u{i}", "d", y, 1, w), (f"u{i}", "d", y, 2, 1 - w)]
    return pd.DataFrame(rows, columns=["unit_id", "doc_id", "year", "topic", "weight"])


def test_prevalence_bootstrap_contains_mean_and_is_reproducible():
    ut = _unit_topics()
    a = topics.prevalence_by_year(ut, n_boot=500, seed=3)
    b = topics.prevalence_by_year(ut, n_boot=500, seed=3)
    c = topics.prevalence_by_year(ut, n_boot=500, seed=4)
    pd.testing.assert_frame_equal(a, b)
    assert not a["ci_low"].equals(c["ci_low"]) or not a["ci_high"].equals(c["ci_high"])
    t1 = a[a.topic == 1].set_index("year")
    assert t1.loc[2001, "mean"] == pytest.approx(0.25)
    assert t1.loc[2003, "mean"] == pytest.approx(0.6)
    assert t1.loc[2001, "n_units"] == 4 and t1.loc[2003, "n_units"] == 3
    assert ((a["ci_low"] <= a["mean"]) & (a["mean"] <= a["ci_high"])).all()
    assert (a["ci_low"] < a["ci_high"]).all()
    # units are resampled within their year: a year's interval stays inside its data
    assert 0.1 <= t1.loc[2001, "ci_low"] and t1.loc[2001, "ci_high"] <= 0.4
    assert 0.5 <= t1.loc[2003, "ci_low"] and t1.loc[2003, "ci_high"] <= 0.7


def test_prevalence_difference_target_minus_reference():
    ut = _unit_topics()
    d = topics.prevalence_difference(ut, n_boot=500, seed=3)
    t1 = d[d.topic == 1].iloc[0]
    assert (t1.target, t1.reference) == (2003, 2001)
    assert t1.difference == pytest.approx(0.35)
    assert t1.ci_low <= 0.35 <= t1.ci_high
    assert 0.1 <= t1.ci_low and t1.ci_high <= 0.6           # (0.5 - 0.4) .. (0.7 - 0.1)
    rev = topics.prevalence_difference(ut, target=2001, reference=2003, n_boot=500, seed=3)
    assert rev[rev.topic == 1].difference.iloc[0] == pytest.approx(-0.35)
    with pytest.raises(ValueError, match="1999"):
        topics.prevalence_difference(ut, target=1999, reference=2001)


def test_prevalence_pairs_with_three_years():
    ut = _unit_topics()
    extra = ut[ut.unit_id == "u6"].assign(unit_id="u7", year=2005)
    ut = pd.concat([ut, extra], ignore_index=True)
    first = topics.prevalence_difference(ut, pairs="first", n_boot=50)
    adjacent = topics.prevalence_difference(ut, pairs="adjacent", n_boot=50)
    assert sorted(set(zip(first.target, first.reference))) == [(2003, 2001), (2005, 2001)]
    assert sorted(set(zip(adjacent.target, adjacent.reference))) == \
        [(2003, 2001), (2005, 2003)]
    with pytest.raises(ValueError, match="'median'"):
        topics.prevalence_difference(ut, pairs="median")


def test_single_year_fit_works_but_difference_raises(tmp_path):
    paragraphs = [
        "Trade and investment grew among the member states this year.",
        "Security and the fight against terrorism remain a priority for the member states.",
        "Trade, investment and transport links connect the region.",
        "Terrorism and extremism threaten security in the region.",
        "New trade and investment projects were agreed.",
        "The security services shared information on terrorism.",
    ]
    text = "A single-year speech\n\n" + "\n\n".join(paragraphs) + "\n"
    root = write_corpus(tmp_path / "one", {"solo-2031-speech": text})
    sents = corpus.segment(corpus.load_docs(root))
    dtm = topics.document_term_matrix(topics.units(sents))
    fit = topics.fit_topics(dtm, model="nmf", k=2, seed=1)
    ut = topics.document_topics(fit)
    prev = topics.prevalence_by_year(ut, n_boot=100)
    assert prev["year"].unique().tolist() == [2031] and len(prev) == 2
    table = topics.prevalence_table(ut, n_boot=100)
    assert table["measure"].unique().tolist() == ["mean"]
    with pytest.raises(ValueError, match="at least two years.*2031"):
        topics.prevalence_difference(ut)


# ---------------------------------------------------------------------------------
# labels
# ---------------------------------------------------------------------------------

def _terms(topic_terms: dict[int, list[str]]) -> pd.DataFrame:
    return pd.DataFrame([(t, r, w, 0.1) for t, ws in topic_terms.items()
                         for r, w in enumerate(ws, start=1)],
                        columns=["topic", "rank", "term", "weight"])


def test_stale_labels_are_flagged(tmp_path):
    model = _terms({1: ["a", "b", "c"], 2: ["d", "e", "f"]})
    labels = topics.labels_for(model, {1: "Alpha", 2: "Delta"})
    path = topics.write_labels(labels, tmp_path / "topic_labels.csv")
    stored = topics.load_labels(path)
    assert stored["top_terms"].tolist() == [("a", "b", "c"), ("d", "e", "f")]
    ok = topics.check_labels(stored, model)
    assert ok["status"].tolist() == ["ok", "ok"]
    # the model changed: topic 1 lost c and gained x; a new topic 3 appeared
    changed = _terms({1: ["a", "b", "x"], 2: ["e", "f", "d"], 3: ["g", "h", "i"]})
    out = topics.check_labels(stored, changed).set_index("topic")
    assert out.loc[1, "status"] == "stale" and out.loc[1, "jaccard"] == 0.5
    assert out.loc[1, "label"] == "Alpha"                       # shown, not dropped
    assert out.loc[2, "status"] == "ok"                          # same set, new order
    assert out.loc[3, "status"] == "unlabelled"
    assert topics.check_labels(stored, changed, min_jaccard=0.5)["status"].tolist()[0] == "ok"
    # topics renumbered: both labels stale, each best match points at the other
    swapped = topics.check_labels(stored, _terms({1: ["d", "e", "f"], 2: ["a", "b", "c"]}))
    assert swapped["status"].tolist() == ["stale", "stale"]
    assert swapped["best_match_label"].tolist() == ["Delta", "Alpha"]
    # a stored topic the model no longer has
    gone = topics.check_labels(stored, _terms({1: ["a", "b", "c"]}))
    assert gone.set_index("topic").loc[2, "status"] == "no such topic"


def test_stale_label_is_marked_in_the_figure():
    stored = topics.labels_for(_terms({1: ["a", "b"], 2: ["c", "d"]}), {1: "Alpha", 2: "Gamma"})
    model = _terms({1: ["a", "b"], 2: ["c", "z"]})
    fig = plots.plot_topic_terms(model, topics.check_labels(stored, model))
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert titles == ["Topic 1: Alpha", "Topic 2: Gamma [STALE label]"]


def test_repository_labels_match_the_default_model(real_dtm):
    """If this fails, the default model changed: re-read the top terms and passages
    (notebooks/03-topics.ipynb) and rewrite corpus/annotations/topic_labels.csv."""
    fit = topics.fit_topics(real_dtm)
    check = topics.check_labels(topics.load_labels(), topics.topic_terms(fit))
    assert check["status"].eq("ok").all(), check[["topic", "status", "jaccard"]]


# ---------------------------------------------------------------------------------
# errors and the command line
# ---------------------------------------------------------------------------------

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
    with pytest.raises(ValueError, match="'sentences'"):
        topics.units(_sentences(ROLES7), unit="sentences")
    with pytest.raises(ValueError, match="n_seeds=1"):
        topics.seed_stability(real_dtm, n_seeds=1)


def test_cli_topics_writes_tables(tmp_path, capsys):
    out = tmp_path / "out"
    status = cli.main(["topics", "--k", "3", "--seed", "2", "--seeds", "2", "--n-boot",
                       "50", "--quiet", "--no-questions", "-o", str(out)])
    assert status == 0
    terms = pd.read_csv(out / "topics-terms.csv")
    assert sorted(terms.topic.unique()) == [1, 2, 3] and set(terms.seed) == {2}
    docs = pd.read_csv(out / "topics-documents.csv")
    assert set(docs.role) <= {"answer", "speech"} and set(docs.layer) == {"cleaned"}
    for name in ("topics-passages.csv", "topics-stability.csv",
                 "topics-prevalence-by-year.csv", "topics-labels-check.csv"):
        assert (out / name).is_file()
    assert cli.main(["topics", "--k", "999", "-o", str(out)]) == 2
    assert "k=999" in capsys.readouterr().err


def test_parallel_grid_gives_the_same_table():
    from discourse import corpus

    sents = corpus.segment(corpus.load_docs(REPO / "tests" / "fixtures" / "multiyear"))
    dtm = topics.document_term_matrix(topics.units(sents))
    serial = topics.select_model(dtm, ks=[2, 3], n_seeds=3, progress=False)
    parallel = topics.select_model(dtm, ks=[2, 3], n_seeds=3, progress=False, n_jobs=2)
    pd.testing.assert_frame_equal(serial, parallel)
