"""More documents, more years: every analysis and every notebook on a 3-year corpus,
and on a corpus with a single year (comparisons raise; single-year parts still run).

The fixture ``tests/fixtures/multiyear`` has five invented documents over 2021-2023
(two addresses, two interviews, a statement). Expected values are recomputed here from
the tokens / codes tables by plain counting, never copied from the functions' output.
"""

from __future__ import annotations

import math
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from discourse import corpus, framing, keywords, preprocess, reproduce, topics

from conftest import MULTI, NOT_SCO_TEXT, REPO, write_corpus

YEARS = [2021, 2022, 2023]
F = framing.FRAMES


@pytest.fixture(scope="module")
def sents(multi_sentences):
    return multi_sentences


@pytest.fixture(scope="module")
def tok(sents, lexicons):
    return preprocess.tokens(sents, lexicons=lexicons)


@pytest.fixture(scope="module")
def codes(sents, frame_lexicon):
    return framing.code_sentences(sents, frame_lexicon)


def _g2_by_hand(a, b, c, d):
    """2-cell G2 (Rayson and Garside 2000), written out independently of the package."""
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    g = 2 * sum(o * math.log(o / e) for o, e in ((a, e1), (b, e2)) if o > 0)
    return g if a / c >= b / d else -g


# --------------------------------------------------------------------------- corpus

def test_fixture_has_five_documents_over_three_years(sents):
    docs = corpus.load_docs(MULTI)
    assert len(docs) == 5 and sorted(docs.year.unique()) == YEARS
    assert docs.groupby("year").size().to_dict() == {2021: 1, 2022: 2, 2023: 2}
    assert sents.sentence_id.is_unique
    assert sorted(sents.year.unique()) == YEARS
    # interviews have questions and answers; the others are speech
    roles = sents.groupby("doc_id")["role"].agg(set)
    for doc_id, genre in zip(docs.doc_id, docs.genre):
        body = roles[doc_id] - {"title", "lead"}
        assert body == ({"question", "answer"} if genre == "interview" else {"speech"})


# --------------------------------------------------------------------------- keywords

def test_frequencies_and_totals_over_three_years(tok):
    f = keywords.frequencies(tok)
    assert sorted(f.year.unique()) == YEARS
    for y in YEARS:
        part = f[f.year == y]
        assert (part.total == (tok.year == y).sum()).all()
        assert part["count"].sum() == (tok.year == y).sum()
    # a trend: the rate of "member state" in each year is 10,000 * count / tokens
    ms = f[f.term == "member state"].set_index("year")
    for y in YEARS:
        n = ((tok.year == y) & (tok.term == "member state")).sum()
        assert ms.loc[y, "count"] == n
        assert ms.loc[y, "per10k"] == pytest.approx(1e4 * n / (tok.year == y).sum())


def test_term_families_per_year_include_zero_years(tok):
    fam = keywords.load_term_families()
    r = keywords.term_family_rates(tok, fam)
    assert len(r) == 3 * len(fam) and set(r.year) == set(YEARS)
    for name, entry in fam.items():
        for y in YEARS:
            row = r[(r.family == name) & (r.year == y)].iloc[0]
            n = ((tok.year == y) & tok.term.isin(entry["terms"])).sum()
            assert row["count"] == n, (name, y)
            assert row["total"] == (tok.year == y).sum()


@pytest.mark.parametrize("target,reference", [
    (t, r) for t in YEARS for r in [*YEARS, "rest"] if r != t])
def test_keyness_of_any_year_against_any_other_and_the_rest(tok, target, reference):
    k = keywords.keyness(tok, target, reference, min_count=2)
    refs = [y for y in YEARS if y != target] if reference == "rest" else [reference]
    c = (tok.year == target).sum()
    d = tok.year.isin(refs).sum()
    assert (k.total_target == c).all() and (k.total_reference == d).all()
    for term in ["member state", "trade", "terrorism"]:
        row = k[k.term == term].iloc[0]
        a = ((tok.year == target) & (tok.term == term)).sum()
        b = (tok.year.isin(refs) & (tok.term == term)).sum()
        assert (row.count_target, row.count_reference) == (a, b)
        assert row.g2 == pytest.approx(_g2_by_hand(a, b, c, d), rel=1e-9)
    assert k.g2.is_monotonic_decreasing


def test_keyness_is_antisymmetric_and_rest_is_the_pooled_years(tok):
    ab = keywords.keyness(tok, 2021, 2023, min_count=2).set_index("term")
    ba = keywords.keyness(tok, 2023, 2021, min_count=2).set_index("term")
    assert set(ab.index) == set(ba.index)
    assert np.allclose(ab.g2, -ba.loc[ab.index, "g2"])
    assert np.allclose(ab.log_ratio, -ba.loc[ab.index, "log_ratio"])
    # 'rest' = relabel the two other years as one group
    rest = keywords.keyness(tok, 2023, "rest", min_count=2)
    pooled = keywords.keyness(tok.assign(year=tok.year.where(tok.year == 2023, 0)), 2023, 0,
                              min_count=2)
    cols = ["term", "count_target", "count_reference", "g2", "p_adjusted", "logodds_z"]
    pd.testing.assert_frame_equal(rest[cols], pooled[cols])


def test_keyness_between_two_of_three_years_ignores_the_third(tok):
    """Terms seen only in 2022 are not tested when 2021 is compared with 2023."""
    k = keywords.keyness(tok, 2021, 2023, min_count=0)
    only = keywords.keyness(tok[tok.year != 2022], 2021, 2023, min_count=0)
    pd.testing.assert_frame_equal(k, only)
    assert ((k.count_target + k.count_reference) > 0).all()
    assert np.isfinite(k.logodds_z).all()
    n_terms = tok[tok.year.isin([2021, 2023])].term.nunique()
    assert len(k) == n_terms     # p_adjusted corrects over exactly these terms


def test_bootstrap_and_dispersion_with_three_years(tok):
    b = keywords.bootstrap_keyness(tok, 2022, "rest", terms=["member state", "trade"], n_boot=30,
                                   seed=1)
    assert sorted(b.term) == ["member state", "trade"] and (b.n_boot == 30).all()
    assert ((0 <= b.share_same_sign) & (b.share_same_sign <= 1)).all()
    # the point estimates are the keyness table's for the same comparison
    full = keywords.keyness(tok, 2022, "rest", min_count=0).set_index("term")
    for r in b.itertuples():
        assert r.g2 == pytest.approx(full.loc[r.term, "g2"])
        assert r.log_ratio == pytest.approx(full.loc[r.term, "log_ratio"])
        assert r.log_ratio_low <= r.log_ratio_high
    k = keywords.keyness(tok, 2022, "rest", min_count=2)
    kd = keywords.keyness_dispersion(k, tok)
    for doc in tok.doc_id.unique():
        assert f"dp_{doc}" in kd and f"paragraphs_{doc}" in kd


# --------------------------------------------------------------------------- topics

@pytest.fixture(scope="module")
def fit(sents):
    dtm = topics.document_term_matrix(topics.units(sents))
    return topics.fit_topics(dtm, model="nmf", k=3, seed=7)


def test_topic_prevalence_per_year(fit):
    ut = topics.document_topics(fit)
    prev = topics.prevalence_by_year(ut, n_boot=200, seed=1)
    assert sorted(prev.year.unique()) == YEARS and len(prev) == 3 * 3
    units_per_year = fit.dtm.units.groupby("year").size()
    for row in prev.itertuples():
        w = ut[(ut.year == row.year) & (ut.topic == row.topic)].weight
        assert row.n_units == units_per_year[row.year] == len(w)
        assert row.mean == pytest.approx(w.mean())
        assert row.ci_low <= row.mean <= row.ci_high
    # the year means of each unit's shares sum to 1 over topics
    assert np.allclose(prev.groupby("year")["mean"].sum(), 1.0)
    first = topics.prevalence_difference(ut, n_boot=100)
    adjacent = topics.prevalence_difference(ut, reference="previous", n_boot=100)
    assert sorted(set(zip(first.target, first.reference))) == [(2022, 2021), (2023, 2021)]
    assert sorted(set(zip(adjacent.target, adjacent.reference))) == [
        (2022, 2021), (2023, 2022)]
    m = prev.set_index(["topic", "year"])["mean"]
    for row in adjacent.itertuples():
        assert row.difference == pytest.approx(m[(row.topic, row.target)]
                                               - m[(row.topic, row.reference)])


def test_topic_stability_runs_on_three_years(fit):
    st = topics.seed_stability(fit.dtm, model="nmf", k=3, seed=7, n_seeds=3)
    assert list(st.topic) == [1, 2, 3] and (st.n_runs == 2).all()
    assert ((0 <= st.stability) & (st.stability <= 1)).all()


# --------------------------------------------------------------------------- frames

def test_frame_shares_and_differences_per_year(sents, codes):
    shares = framing.frame_shares(codes, sents)
    assert sorted(shares.year.unique()) == YEARS and len(shares) == 9
    m = sents[["sentence_id", "year"]].merge(codes, on="sentence_id")
    for row in shares.itertuples():
        part = m[m.year == row.year]
        assert row.n_sentences == len(part)
        assert row.n_frame == part[row.frame].sum()
        assert row.share == pytest.approx(part[row.frame].mean())
    diff = framing.frame_differences(codes, sents, n_boot=500)
    assert sorted(set(zip(diff.target, diff.reference))) == [(2022, 2021), (2023, 2021)]
    assert len(diff) == 2 * len(F)
    s = shares.set_index(["year", "frame"])["share"]
    for row in diff.itertuples():
        assert row.difference == pytest.approx(s[(row.target, row.frame)]
                                               - s[(row.reference, row.frame)])
        assert row.ci_low <= row.difference <= row.ci_high
    one = framing.frame_differences(codes, sents, 2023, 2022, n_boot=500)
    assert set(one.target) == {2023} and set(one.reference) == {2022}


# --------------------------------------------------------------------------- notebooks

#: Parameters that keep the notebooks quick on the small corpora (a smaller topic grid
#: and fewer bootstrap resamples); the code paths are the same.
#: TERMS of two words: the chapter once showed the third term's contexts and failed
#: on a shorter list (the README's --param example)
_FAST = {"02-keywords.ipynb": {"N_BOOT": 100, "TERMS": ["trade", "pandemic"]},
         "03-topics.ipynb": {"K": 2, "K_MAX": 3, "N_SEEDS": 2, "N_BOOT": 100, "N_JOBS": 1},
         "04-framing.ipynb": {"N_BOOT": 100, "AGREEMENT_N_BOOT": 100}}


@pytest.fixture(scope="module")
def multi_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("multiyear-run")
    stale = out / "results" / "keywords-kwic-sco.csv"    # of an earlier run's TERMS
    stale.parent.mkdir()
    stale.write_text("sentence_id,doc_id,year,left,match,right\n")
    manifest = reproduce.run(corpus=MULTI, results=out / "results",
                             figures=out / "figures", executed=out / "notebooks",
                             parameters=_FAST, quiet=True)
    return out, manifest


def _errors(nb_path: Path) -> list:
    nb = nbformat.read(nb_path, as_version=4)
    return [o for c in nb.cells for o in c.get("outputs", [])
            if o.get("output_type") == "error"]


@pytest.mark.slow
def test_every_notebook_runs_on_three_years(multi_run):
    out, manifest = multi_run
    expected = [p.name for p in reproduce.notebook_paths()]
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == expected
    for name in expected:
        assert _errors(out / "notebooks" / name) == [], name
    assert manifest["corpus"]["directory"] == "multiyear"
    assert manifest["notebooks"]["02-keywords.ipynb"]["TERMS"] == ["trade", "pandemic"]
    kwic = sorted(p.name for p in (out / "results").glob("keywords-kwic-*.csv"))
    assert kwic == ["keywords-kwic-pandemic.csv", "keywords-kwic-trade.csv"]   # sco: gone
    assert not any("kwic-sco" in name for name in manifest["files"])
    # each chapter, the overview included, says that its prose describes the study
    for name in expected:
        shown = [o for c in nbformat.read(out / "notebooks" / name, as_version=4).cells
                 for o in c.get("outputs", []) if "text/markdown" in o.get("data", {})]
        assert any("ran on the corpus in" in o["data"]["text/markdown"]
                   and "multiyear" in o["data"]["text/markdown"] for o in shown), name


@pytest.mark.slow
@pytest.mark.parametrize("table,column", [
    ("sentences.csv", "year"),
    ("keywords-frequencies-by-year.csv", "year"),
    ("keywords-term-families.csv", "year"),
    ("topics-documents.csv", "year"),
    ("topics-prevalence-by-year.csv", "year"),
    ("framing-shares-by-year.csv", "year"),
    ("framing-trajectory.csv", "year"),
])
def test_notebook_tables_mention_all_three_years(multi_run, table, column):
    t = pd.read_csv(multi_run[0] / "results" / table)
    assert sorted(t[column].dropna().astype(int).unique()) == YEARS


@pytest.mark.slow
def test_notebook_comparisons_cover_the_later_years(multi_run):
    res = multi_run[0] / "results"
    key = pd.read_csv(res / "keywords-keyness.csv")
    assert key.total_target.nunique() == 1    # one target year, the latest, vs the rest
    freq = pd.read_csv(res / "keywords-frequencies-by-year.csv")
    totals = freq.groupby("year")["total"].first()
    assert key.total_target.iloc[0] == totals[2023]
    assert key.total_reference.iloc[0] == totals[2021] + totals[2022]
    boot = pd.read_csv(res / "keywords-bootstrap.csv", keep_default_na=False)
    assert boot.term.is_unique          # fewer key terms than 2 x TOP_N: each once
    assert set(boot.term) == set(keywords.key_terms(key, n=15))
    diff = pd.read_csv(res / "framing-differences.csv")
    assert sorted(set(zip(diff.target, diff.reference))) == [(2022, 2021), (2023, 2021)]
    prev = pd.read_csv(res / "topics-prevalence-by-year.csv")
    d = prev[prev.measure == "difference"]
    assert sorted(set(zip(d.year, d.reference))) == [(2022, 2021), (2023, 2021)]


@pytest.mark.slow
def test_notebook_figures_exist_as_png_and_svg(multi_run):
    figs = multi_run[0] / "figures"
    stems = {p.stem for p in figs.glob("*.png")}
    assert stems == {p.stem for p in figs.glob("*.svg")}
    for prefix in ("01-", "02-", "03-", "04-"):
        assert any(s.startswith(prefix) for s in stems), prefix
    for stem in ("02-term-families", "02-keyness", "03-prevalence-by-year",
                 "04-frame-shares-by-year"):
        assert stem in stems


# --------------------------------------------------------------------------- one year

@pytest.fixture(scope="module")
def one_year(tmp_path_factory):
    texts = {f"solo-2023-{kind}": (MULTI / "texts" / f"2023-{kind}.txt").read_text("utf-8")
             for kind in ("address", "interview")}
    return write_corpus(tmp_path_factory.mktemp("one-year") / "corpus", texts)


@NOT_SCO_TEXT
def test_single_year_comparisons_raise_and_single_year_analyses_run(one_year, frame_lexicon):
    s = corpus.segment(corpus.load_docs(one_year))
    t = preprocess.tokens(s)
    assert sorted(t.year.unique()) == [2023]
    with pytest.raises(ValueError, match=r"at least two values of 'year'.*\[2023\]"):
        keywords.keyness(t, 2023, "rest")
    with pytest.raises(ValueError, match=r"at least two values of 'year'.*\[2023\]"):
        keywords.keyness(t, 2023, 2022)
    with pytest.raises(ValueError, match=r"n_boot=0 must be a positive integer"):
        keywords.bootstrap_keyness(t, 2023, "rest", n_boot=0)
    f = keywords.frequencies(t)
    assert set(f.year) == {2023} and f["count"].sum() == len(t)
    assert set(keywords.term_family_rates(t).year) == {2023}
    # topics: the fit and the year means run; a difference between years raises
    dtm = topics.document_term_matrix(topics.units(s))
    ut = topics.document_topics(topics.fit_topics(dtm, model="nmf", k=2, seed=1))
    assert set(topics.prevalence_by_year(ut, n_boot=50).year) == {2023}
    with pytest.raises(ValueError, match=r"at least two values of 'year'.*2023"):
        topics.prevalence_difference(ut, n_boot=50)
    # frames: shares run; differences raise
    codes = framing.code_sentences(s, frame_lexicon)
    shares = framing.frame_shares(codes, s)
    assert set(shares.year) == {2023} and (shares.n_sentences == len(s)).all()
    with pytest.raises(ValueError, match=r"at least two values of 'year'.*2023"):
        framing.frame_differences(codes, s)


def _run_one(path: Path, corpus_dir: Path, out: Path):
    params = reproduce.read_parameters(nbformat.read(path, as_version=4), path.name)
    overrides = {"CORPUS_DIR": str(corpus_dir), "RESULTS_DIR": str(out / "results"),
                 "FIGURES_DIR": str(out / "figures")}
    overrides.update({k: v for k, v in _FAST.get(path.name, {}).items() if k in params})
    overrides = {k: v for k, v in overrides.items() if k in params}
    return reproduce.execute_notebook(path, overrides, timeout=300,
                                      output=out / "notebooks" / path.name)


def _text(nb) -> str:
    return "\n".join(o.get("text", "") if "text" in o else
                     str(o.get("data", {}).get("text/plain", ""))
                     for c in nb.cells for o in c.get("outputs", []))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["01-corpus.ipynb", "03-topics.ipynb", "04-framing.ipynb"])
def test_notebook_runs_on_one_year_and_notes_the_comparison(one_year, tmp_path, name):
    nb = _run_one(REPO / "notebooks" / name, one_year, tmp_path)
    assert _errors(tmp_path / "notebooks" / name) == []
    res = tmp_path / "results"
    if name == "03-topics.ipynb":
        prev = pd.read_csv(res / "topics-prevalence-by-year.csv")
        assert set(prev.measure) == {"mean"} and set(prev.year) == {2023}
    if name == "04-framing.ipynb":
        assert "Only one year ([2023]): no comparison between years." in _text(nb)
        assert set(pd.read_csv(res / "framing-shares-by-year.csv").year) == {2023}
        assert not (res / "framing-differences.csv").exists()


@pytest.mark.slow
def test_keywords_notebook_runs_on_one_year(one_year, tmp_path):
    nb = _run_one(REPO / "notebooks" / "02-keywords.ipynb", one_year, tmp_path)
    assert "one year" in _text(nb).lower()
    assert set(pd.read_csv(tmp_path / "results" / "keywords-frequencies-by-year.csv")
               .year) == {2023}
    assert not (tmp_path / "results" / "keywords-keyness.csv").exists()
    assert (tmp_path / "figures" / "02-term-families.png").exists()
