"""discourse.paths: the argument, then the environment, then the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from discourse import paths

from conftest import REPO


def test_repo_root_is_this_repository():
    assert paths.repo_root() == REPO


@pytest.mark.parametrize("function,variable,default", [
    (paths.corpus_dir, "DISCOURSE_CORPUS", REPO / "corpus"),
    (paths.lexicon_dir, "DISCOURSE_LEXICONS", REPO / "corpus" / "lexicons"),
])
def test_resolution_order(function, variable, default, monkeypatch, tmp_path):
    monkeypatch.delenv(variable, raising=False)
    assert function() == default
    monkeypatch.setenv(variable, str(tmp_path / "env"))
    assert function() == tmp_path / "env"                       # the environment
    assert function(tmp_path / "arg") == tmp_path / "arg"        # the argument first
    monkeypatch.setenv(variable, "")
    assert function() == default                                 # empty: not set


def test_lexicon_path(monkeypatch, tmp_path):
    monkeypatch.setenv("DISCOURSE_LEXICONS", str(tmp_path))
    assert paths.lexicon_path("spelling.csv") == tmp_path / "spelling.csv"
    assert paths.lexicon_path("spelling.csv", "x.csv") == Path("x.csv")


def test_output_directories(monkeypatch, tmp_path):
    monkeypatch.setenv("DISCOURSE_CORPUS", str(tmp_path))   # outputs do not follow it
    assert paths.results_dir() == REPO / "results"
    assert paths.figures_dir() == REPO / "figures"
    assert paths.notebooks_dir() == REPO / "notebooks"
    assert paths.results_dir(tmp_path) == tmp_path


def test_without_a_repository_the_working_directory_is_used(monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "repo_root", lambda: None)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCOURSE_CORPUS", raising=False)
    assert paths.corpus_dir() == tmp_path / "corpus"
    assert paths.results_dir() == tmp_path / "results"
    assert paths.base() == tmp_path
    assert paths.is_study_corpus() and paths.is_study_corpus(tmp_path / "corpus")


def test_the_study_corpus_is_the_repositorys_by_any_spelling(monkeypatch, tmp_path):
    monkeypatch.delenv("DISCOURSE_CORPUS", raising=False)
    assert paths.base() == REPO
    assert paths.is_study_corpus() and paths.is_study_corpus(REPO / "corpus")
    assert paths.is_study_corpus(REPO / "corpus" / ".." / "corpus")   # resolved
    assert not paths.is_study_corpus(tmp_path)
    monkeypatch.setenv("DISCOURSE_CORPUS", str(tmp_path))            # CORPUS_DIR = None
    assert not paths.is_study_corpus()


def test_a_corpus_whose_own_lexicons_are_not_read_is_named(monkeypatch, tmp_path, capsys,
                                                           tiny_corpus):
    """A corpus laid out as corpus/README.md says may carry lexicons/; they are read only
    through DISCOURSE_LEXICONS, so a folder that differs from the one read is named: in a
    warning of each command that reads lexicons, in the note of a chapter run on it."""
    import shutil

    from discourse import cli, notebook

    monkeypatch.delenv("DISCOURSE_LEXICONS", raising=False)
    assert paths.unread_lexicons(tiny_corpus) == ""                # none of its own
    assert paths.unread_lexicons(REPO / "corpus") == ""            # the ones read
    shutil.copytree(REPO / "corpus" / "lexicons", tiny_corpus / "lexicons")
    assert paths.unread_lexicons(tiny_corpus) == ""                # the same files
    (tiny_corpus / "lexicons" / "stopwords.txt").write_text("sco\n", encoding="utf-8")
    own, used = tiny_corpus / "lexicons", REPO / "corpus" / "lexicons"
    note = f"{own} is not read: the lexicons are {used} (set DISCOURSE_LEXICONS={own} to " \
        "use the corpus's own)"
    assert paths.unread_lexicons(tiny_corpus) == note
    out = tmp_path / "f.csv"
    assert cli.main(["frequencies", "--corpus", str(tiny_corpus), "-o", str(out)]) == 0
    assert capsys.readouterr().err == f"discourse frequencies: warning: {note}\n"
    assert cli.main(["sentences", "--corpus", str(tiny_corpus), "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""                          # reads no lexicon
    assert note in notebook.corpus_note(tiny_corpus).data
    monkeypatch.setenv("DISCOURSE_LEXICONS", str(own))
    assert paths.unread_lexicons(tiny_corpus) == ""                # read after all
