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
