"""discourse.topics.pipeline: the analysis of notebook 03 and of ``discourse topics`` in one
call, equal to the steps taken one by one."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse import cli, results, topics
from discourse.topics import pipeline


@pytest.fixture(scope="module")
def analysis(multi_sentences):
    return topics.run_pipeline(multi_sentences, k=3, seed=2, ks=range(2, 4), n_seeds=2,
                               n_boot=50, reference="previous")


@pytest.mark.slow
def test_run_pipeline_equals_the_steps(analysis, multi_sentences):
    dtm = topics.document_term_matrix(topics.units(multi_sentences))
    fit = topics.fit_topics(dtm, k=3, seed=2)
    terms = topics.topic_terms(fit)
    unit_topics = topics.document_topics(fit)
    expected = {
        results.TOPICS_MODEL_SELECTION: topics.select_model(dtm, ks=[2, 3], seed=2,
                                                            n_seeds=2, progress=False),
        results.TOPICS_TERMS: terms,
        results.TOPICS_STABILITY: topics.topic_stability(dtm, k=3, seed=2, n_seeds=2),
        results.TOPICS_LABELS_CHECK: topics.check_labels(topics.load_labels(), terms),
        results.TOPICS_PASSAGES: topics.representative_passages(fit),
        results.TOPICS_DOCUMENTS: unit_topics,
        results.TOPICS_PREVALENCE: topics.prevalence_table(
            unit_topics, reference="previous", n_boot=50, seed=2),
    }
    got = analysis.tables()
    assert list(got) == list(expected)
    for name, table in expected.items():
        pd.testing.assert_frame_equal(got[name], table, obj=name.name)
    assert analysis.suggested_k == topics.suggest_k(expected[results.TOPICS_MODEL_SELECTION])
    assert set(analysis.tables(layer="raw")[results.TOPICS_TERMS].layer) == {"raw"}


@pytest.mark.slow
def test_k_is_capped_by_the_grid(multi_sentences):
    a = topics.run_pipeline(multi_sentences, k=9, ks=[2, 3], n_seeds=2, n_boot=10)
    assert a.fit.k == 3 and a.stability.k.iloc[0] == 3
    with pytest.raises(ValueError, match=r"no k of \[500\] can be fitted"):
        topics.run_pipeline(multi_sentences, ks=[500], n_seeds=2, n_boot=10)
    with pytest.raises(ValueError, match="k=999"):
        topics.run_pipeline(multi_sentences, k=999, n_seeds=2, n_boot=10)


@pytest.mark.slow
def test_cli_topics_writes_the_pipeline_tables(tmp_path, capsys, multi_sentences):
    from conftest import MULTI

    out = tmp_path / "out"
    status = cli.main(["topics", "--corpus", str(MULTI), "--k", "3", "--seed", "2",
                       "--seeds", "2", "--n-boot", "50", "--quiet", "--no-questions",
                       "-o", str(out)])
    assert status == 0
    printed = capsys.readouterr().out.split()
    expected = topics.run_pipeline(multi_sentences, k=3, seed=2, n_seeds=2, n_boot=50,
                                   include_questions=False, corpus=MULTI).tables("cleaned")
    assert printed == [str(o.path(out)) for o in expected]
    for output, table in expected.items():
        written = pd.read_csv(output.path(out))
        assert list(written.columns) == list(table.columns)
        assert len(written) == len(table), output.name
    terms = pd.read_csv(out / "topics-terms.csv")
    assert sorted(terms.topic.unique()) == [1, 2, 3] and set(terms.seed) == {2}
    docs = pd.read_csv(out / "topics-documents.csv")
    assert set(docs.role) <= {"answer", "speech"} and set(docs.layer) == {"cleaned"}
    assert not (out / "topics-model-selection.csv").exists()
    assert cli.main(["topics", "--k", "999", "-o", str(out)]) == 2
    assert "k=999" in capsys.readouterr().err


@pytest.mark.slow            # two whole runs of `discourse topics`, one with a grid
def test_a_run_leaves_no_topics_table_of_an_earlier_run(tmp_path, capsys):
    """discourse topics --grid, then without --grid into the same folder: the first run's
    topics-model-selection.csv and its sidecar go (they are not the second run's); the
    second run's tables stay, and so does every file that is not a topics table."""
    from conftest import MULTI

    out = tmp_path / "out"
    (out / ".provenance").mkdir(parents=True)
    own = {"notes.txt": "mine", "topics-model-selection-k2-12.csv": "a copy kept aside",
           "keywords-keyness.csv": "term\n", ".provenance/keywords-keyness.csv.json": "{}"}
    for name, text in own.items():
        (out / name).write_text(text, encoding="utf-8")
    run = ["topics", "--corpus", str(MULTI), "--seeds", "2", "--n-boot", "20", "--quiet",
           "-o", str(out)]

    def contents():
        return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}

    def tables(outputs):
        return {name for o in outputs for name in (o.file, f".provenance/{o.file}.json")}

    assert cli.main(run + ["--k", "3", "--model", "lda", "--grid"]) == 0
    assert contents() == set(own) | tables(pipeline.TABLES)
    assert "removed" not in capsys.readouterr().err
    assert cli.main(run + ["--k", "4"]) == 0
    assert contents() == set(own) | tables(pipeline.TABLES[1:])
    assert {name: (out / name).read_text(encoding="utf-8") for name in own} == own
    # the removal is said, not silent
    removed = [line for line in capsys.readouterr().err.splitlines() if "removed" in line]
    assert removed == [f"removed {out / 'topics-model-selection.csv'}: an earlier run's "
                       "table this run (no --grid) does not write"]


def test_the_tables_of_a_topic_analysis_are_those_of_chapter_03(analysis):
    assert set(pipeline.TABLES) == {o for o in results.TABLES if o.chapter == "03-topics"}
    assert list(analysis.tables()) == list(pipeline.TABLES)      # in the order written
    assert pipeline.TABLES[0] is results.TOPICS_MODEL_SELECTION


@pytest.mark.slow
def test_the_suggested_k_is_that_of_the_model_fitted(analysis, multi_sentences):
    """A walkthrough: with MODEL = "lda" chapter 03 printed NMF's suggested k as the
    suggestion; the pipeline suggests k for the model it fits."""
    selection = analysis.selection
    assert set(selection.model) == {"nmf", "lda"}
    lda = topics.run_pipeline(multi_sentences, model="lda", k=3, seed=2, ks=range(2, 4),
                              n_seeds=2, n_boot=50, reference="previous")
    pd.testing.assert_frame_equal(lda.selection, selection)       # the same grid
    assert lda.suggested_k == topics.suggest_k(selection, model="lda")
    assert analysis.suggested_k == topics.suggest_k(selection, model="nmf")


@pytest.mark.slow          # fits topic models three times
def test_cli_topics_shows_its_bar_only_on_a_terminal_unless_quiet(tmp_path, monkeypatch,
                                                                  capsys):
    """As the other commands: a bar of the units counted on standard error on a terminal, none
    with --quiet or when standard error is not a terminal (a log file, a notebook's cell);
    the tables are the same either way."""
    import sys

    from conftest import MULTI

    def run(name, *extra):
        out = tmp_path / name
        assert cli.main(["topics", "--corpus", str(MULTI), "--seeds", "2", "--n-boot", "20",
                         *extra, "-o", str(out)]) == 0
        err = capsys.readouterr().err
        return err, {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}

    plain_err, plain = run("plain")
    assert "%|" not in plain_err                          # not a terminal: no bar
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    bar_err, bar = run("bar")
    assert "document-term matrix: 100%" in bar_err and "29/29" in bar_err
    quiet_err, quiet = run("quiet", "--quiet")
    assert "%|" not in quiet_err
    assert plain and plain == bar == quiet
