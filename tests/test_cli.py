"""The ``discourse`` command: in process for the logic, as a subprocess for the entry points."""

from __future__ import annotations

import io as _io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from discourse import cli, corpus, keywords as kw

from conftest import CORPUS, MULTI

BIN = Path(sys.executable).with_name("discourse")


def _run(*args, **kw_):
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, timeout=120,
                          **kw_)


def _help(*args) -> str:
    out = _io.StringIO()
    parser = cli.build_parser()
    with pytest.raises(SystemExit) as exc:
        sys_stdout, sys.stdout = sys.stdout, out
        try:
            parser.parse_args([*args, "--help"])
        finally:
            sys.stdout = sys_stdout
    assert exc.value.code == 0
    return out.getvalue()


def test_help_lists_every_subcommand():
    text = _help()
    assert set(cli._COMMANDS) == {"sentences", "keyness", "kwic", "collocations",
                                  "frequencies", "topics", "frames", "suggest-terms", "sample",
                                  "validate",
                                  "reproduce", "report"}
    for name in cli._COMMANDS:
        assert f"\n    {name} " in text or f"\n    {name}\n" in text, name


@pytest.mark.parametrize("command,options", [
    ("sentences", ["--corpus", "--layer", "--output", "--quiet"]),
    ("keyness", ["--target", "--reference", "--min-count", "--g2-form", "--correction",
                 "--keep-pronouns", "--corpus", "--output"]),
    ("kwic", ["query", "--window", "--corpus", "--quiet"]),
    ("collocations", ["--min-count", "--corpus", "--quiet"]),
    ("frequencies", ["--by", "--keep-pronouns", "--n-jobs", "--quiet", "--corpus"]),
    ("topics", ["--model", "--k", "--seed", "--units", "--grid", "--labels", "--output"]),
    ("frames", ["INPUT.csv", "--lexicon", "--output", "--quiet"]),
    ("reproduce", ["--corpus", "--results", "--figures", "--executed", "--only"]),
    ("report", ["--notebooks", "--output"]),
])
def test_every_subcommand_documents_its_options(command, options):
    text = _help(command)
    assert text.startswith(f"usage: discourse {command}")
    for option in options:
        assert option in text, (command, option)


def test_sentences_in_process(tmp_path, real_sentences, study_corpus):
    out = tmp_path / "s.csv"
    assert cli.main(["sentences", "-o", str(out), "--corpus", str(study_corpus)]) == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == list(real_sentences.columns)
    assert table.text.tolist() == real_sentences.text.tolist()      # exact text survives


def test_keyness_equals_the_library(tmp_path, real_tokens, study_corpus):
    out = tmp_path / "k.csv"
    assert cli.main(["keyness", "--target", "2020", "--reference", "2019", "-o", str(out),
                     "--min-count", "3", "--corpus", str(study_corpus)]) == 0
    table = pd.read_csv(out)
    ref = kw.keyness(real_tokens, 2020, 2019, min_count=3)
    assert list(table.columns) == kw.KEYNESS_COLUMNS
    assert list(table.term) == list(ref.term)
    assert np.allclose(table.g2, ref.g2, rtol=1e-5)


def test_keyword_commands_on_three_years(tmp_path, three_corpus, capsys):
    out = tmp_path / "k.csv"
    assert cli.main(["keyness", "--corpus", str(three_corpus), "--target", "2023",
                     "--reference", "rest", "-o", str(out), "--min-count", "1"]) == 0
    assert "pandemic" in set(pd.read_csv(out).term)
    assert cli.main(["frequencies", "--corpus", str(three_corpus), "--by", "year"]) == 0
    assert capsys.readouterr().out.startswith("year,term,count,total,per10k")
    assert cli.main(["kwic", "--corpus", str(three_corpus), "trade", "--window", "3"]) == 0
    stdout = capsys.readouterr().out
    assert stdout.startswith("sentence_id,doc_id,year,left,match,right")
    assert stdout.count("\n") == 1 + 4 + 2     # 'trade' twice in 2021/2022, twice in 2023
    assert cli.main(["collocations", "--corpus", str(three_corpus), "--min-count", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("year,w1,w2,count,g2,pmi") and captured.out.count("\n") > 1
    assert "no pair of adjacent words" not in captured.err
    # no pair reaches the minimum (none twice here): the header only, and said (a
    # walkthrough's small corpus had an empty table without a word)
    assert cli.main(["collocations", "--corpus", str(three_corpus), "--min-count", "2"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "year,w1,w2,count,g2,pmi\n"
    assert "no pair of adjacent words occurs 2 times or more" in captured.err


@pytest.mark.parametrize("by", ["year", "doc_id"])
@pytest.mark.parametrize("keep", [False, True])
def test_frequencies_stream_counts_equal_to_the_token_table(tmp_path, three_corpus, by, keep):
    """`discourse frequencies` counts the corpus as `keyness` does (streamed into sparse
    counts); its table is the one the tidy token table gives."""
    from discourse import corpus, keywords, preprocess

    out = tmp_path / "f.csv"
    argv = ["frequencies", "--corpus", str(three_corpus), "--by", by, "--quiet", "-o", str(out)]
    assert cli.main(argv + (["--keep-pronouns"] if keep else [])) == 0
    tokens = preprocess.tokens(corpus.segment(corpus.load_docs(three_corpus)),
                               preprocess.TermOptions(keep_pronouns=keep))
    expected = keywords.frequencies(tokens, by=by)
    assert len(expected) > 20
    pd.testing.assert_frame_equal(pd.read_csv(out), expected.reset_index(drop=True),
                                  check_dtype=False)


@pytest.mark.parametrize("args, message", [
    (["keyness", "--target", "1999", "--reference", "rest", "-o", "x.csv"],
     "target=1999 is not in the data"),
    (["keyness", "--target", "2021", "--reference", "2021", "-o", "x.csv"],
     "target and reference are both 2021"),
])
def test_keyness_errors_are_one_line_and_write_nothing(tmp_path, three_corpus, args,
                                                       message, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main([*args, "--corpus", str(three_corpus)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err
    assert not (tmp_path / "x.csv").exists()


def test_keyness_help_names_every_accepted_reference():
    from discourse.stats import REFERENCES

    text = " ".join(_help("keyness").split())
    assert "--reference YEAR|rest|first|previous" in text
    for keyword in REFERENCES:
        assert f"'{keyword}' (" in text, keyword


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5"])
def test_keyness_n_jobs_must_be_positive_or_minus_one(tmp_path, capsys, value):
    """Before, --n-jobs 0 reached joblib, whose message was "n_jobs == 0 in Parallel has
    no meaning"; now it is a usage error naming the option, before the corpus is read."""
    out = tmp_path / "k.csv"
    with pytest.raises(SystemExit) as exc:
        cli.main(["keyness", "--target", "2023", "--reference", "rest", "--corpus",
                  str(tmp_path / "missing"), "-o", str(out), "--n-jobs", value])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --n-jobs: {value!r} is not a positive integer, -1 (one per core) or auto" \
        in err
    assert not out.exists()


def _spy_count_documents(monkeypatch):
    """Record the n_jobs and whether a stream of rows reached parallel.count_documents."""
    from discourse import parallel

    seen, real = [], parallel.count_documents

    def spy(docs, *args, n_jobs, rows=None, **kwargs):
        seen.append((n_jobs, rows is not None))
        return real(docs, *args, n_jobs=n_jobs, rows=rows, **kwargs)

    monkeypatch.setattr(parallel, "count_documents", spy)
    return seen


def test_keyness_counts_a_small_corpus_in_one_process_by_default(tmp_path, three_corpus,
                                                                 monkeypatch):
    """--n-jobs auto, the default: a corpus of less text than parallel.AUTO_MIN_BYTES is
    counted in this process from the stream of its documents, as --n-jobs 1 does, and
    writes the same table."""
    from discourse import parallel

    seen = _spy_count_documents(monkeypatch)
    base = ["keyness", "--corpus", str(three_corpus), "--target", "2023", "--reference",
            "rest", "--quiet", "-o"]
    assert parallel.text_bytes(corpus.load_metadata(three_corpus), three_corpus) < \
        parallel.AUTO_MIN_BYTES
    assert cli.main(base + [str(tmp_path / "auto.csv")]) == 0
    assert cli.main(base + [str(tmp_path / "one.csv"), "--n-jobs", "1"]) == 0
    assert cli.main(base + [str(tmp_path / "named.csv"), "--n-jobs", "auto"]) == 0
    assert seen == [(1, True)] * 3
    assert (tmp_path / "auto.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()


@pytest.mark.slow        # starts worker processes
def test_keyness_counts_a_large_corpus_in_worker_processes_by_default(tmp_path, three_corpus,
                                                                      monkeypatch):
    """From parallel.AUTO_MIN_BYTES of text (lowered here to the three documents' size)
    --n-jobs auto counts with auto_jobs' number of worker processes (one per core, at
    most AUTO_MAX_JOBS) and writes the table --n-jobs 1 writes."""
    from discourse import parallel

    size = parallel.text_bytes(corpus.load_metadata(three_corpus), three_corpus)
    monkeypatch.setattr(parallel, "AUTO_MIN_BYTES", size)
    monkeypatch.setattr(parallel, "auto_jobs",
                        lambda n, cores=None, real=parallel.auto_jobs: real(n, cores=2))
    seen = _spy_count_documents(monkeypatch)
    base = ["keyness", "--corpus", str(three_corpus), "--target", "2023", "--reference",
            "rest", "--quiet", "-o"]
    assert cli.main(base + [str(tmp_path / "auto.csv")]) == 0
    assert cli.main(base + [str(tmp_path / "one.csv"), "--n-jobs", "1"]) == 0
    assert seen == [(2, False), (1, True)]
    assert (tmp_path / "auto.csv").read_bytes() == (tmp_path / "one.csv").read_bytes()


@pytest.mark.slow        # starts worker processes
def test_keyness_fails_on_a_text_a_worker_finds_changed_and_writes_nothing(
        tmp_path, monkeypatch, capsys):
    """With --n-jobs 2 every checksum is verified before the counting, and each worker
    verifies its own texts again as it reads them: a text changed in between stops the
    command with the error naming the file, and nothing is written."""
    root = tmp_path / "corpus"
    shutil.copytree(MULTI, root)
    victim = root / corpus.load_metadata(root).file.iloc[-1]      # the second worker's
    stream_docs = corpus.stream_docs

    def then_changed(*args, **kwargs):
        docs = stream_docs(*args, **kwargs)
        victim.write_bytes(victim.read_bytes() + b"\nA new line.\n")
        return docs

    monkeypatch.setattr(corpus, "stream_docs", then_changed)
    out = tmp_path / "k.csv"
    assert cli.main(["keyness", "--corpus", str(root), "--target", "2023", "--reference",
                     "rest", "--quiet", "--n-jobs", "2", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"discourse keyness: error: {victim}: checksum mismatch")
    assert err.count("\n") == 1 and not out.exists()


def test_keyness_warns_when_no_term_reaches_the_minimum_count(tmp_path, three_corpus, capsys):
    out = tmp_path / "k.csv"
    args = ["keyness", "--corpus", str(three_corpus), "--target", "2023", "--reference",
            "rest", "--quiet", "-o", str(out)]
    assert cli.main(args + ["--min-count", "100"]) == 0
    assert pd.read_csv(out).empty and list(pd.read_csv(out).columns) == kw.KEYNESS_COLUMNS
    err = capsys.readouterr().err
    assert err == (f"discourse keyness: warning: no term reached --min-count 100 (target "
                   f"and reference together); {out} has the header only\n")
    assert cli.main(args + ["--min-count", "1"]) == 0
    assert capsys.readouterr().err == ""


# --- the entry points, as a user runs them ------------------------------------------------

@pytest.mark.slow
def test_console_script_writes_the_sentences_table(tmp_path):
    out = tmp_path / "s.csv"
    proc = _run("sentences", "-o", str(out), "--corpus", str(CORPUS))
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(out, keep_default_na=False)
    expected = corpus.segment(corpus.load_docs(CORPUS))
    assert table.sentence_id.tolist() == expected.sentence_id.tolist()
    proc = _run("--help")
    assert proc.returncode == 0
    assert all(name in proc.stdout for name in cli._COMMANDS)


@pytest.mark.slow
def test_python_dash_m_and_raw_layer_to_stdout():
    proc = subprocess.run([sys.executable, "-m", "discourse", "sentences", "--layer", "raw",
                           "--corpus", str(CORPUS)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == \
        "sentence_id,doc_id,year,date,paragraph,sentence,role,text"
    assert "Inter-midovisional" in proc.stdout


@pytest.mark.slow
def test_bad_corpus_is_one_clear_line_and_writes_nothing(tmp_path, corpus_copy):
    (corpus_copy / "texts" / "2019-04-22_norov_press-club-interview.txt").write_text("x")
    out = tmp_path / "s.csv"
    proc = _run("sentences", "-o", str(out), "--corpus", str(corpus_copy))
    assert proc.returncode == 2
    assert "checksum mismatch" in proc.stderr and "press-club-interview.txt" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()


# --- small items: help text, standard input, output folders ---------------------------

@pytest.mark.parametrize("command", [None, *cli._COMMANDS])
def test_help_shows_no_doubled_percent_sign(command):
    text = _help(*([command] if command else []))
    assert "%%" not in text
    if command == "keyness":
        assert "%DIFF" in text


def test_frames_reads_standard_input(tmp_path, monkeypatch, capsys):
    data = "id,text\ns1,Terrorism remains the main threat.\ns2,Trade grew fast.\n"
    monkeypatch.setattr(sys, "stdin", _io.TextIOWrapper(_io.BytesIO(data.encode())))
    out = tmp_path / "codes.csv"
    assert cli.main(["frames", "-", "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert table[["id", "security", "economy", "multilateralism"]].values.tolist() == [
        ["s1", 1, 0, 0], ["s2", 0, 1, 0]]
    from discourse import provenance

    assert provenance.read_sidecar(out)["parameters"]["input_path"] == "-"
    # the same rows from a file give the same codes
    (tmp_path / "in.csv").write_text(data)
    assert cli.main(["frames", str(tmp_path / "in.csv")]) == 0
    assert capsys.readouterr().out == out.read_text()


def test_frames_bad_standard_input_is_one_line(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", _io.TextIOWrapper(_io.BytesIO(b"x,y\n1,2\n")))
    assert cli.main(["frames", "-"]) == 2
    err = capsys.readouterr().err
    assert err == ("discourse frames: error: standard input: missing column(s) id, text "
                   "(needs id, text and optionally paragraph, document, date)\n")


@pytest.mark.parametrize("args", [
    ["sentences", "-o", "{folder}"],
    ["frequencies", "-o", "{folder}"],
    ["kwic", "sco", "-o", "{folder}"],
    ["sample", "--n", "3", "--seed", "1", "--force", "-o", "{folder}"],
])
def test_a_folder_where_a_file_is_written_is_an_error_that_writes_nothing(
        tmp_path, three_corpus, capsys, args):
    """A walkthrough: `-o outdir` for a command that writes one file was a traceback
    (IsADirectoryError); `sample` without --force said the sheet already existed."""
    folder = tmp_path / "outdir"
    folder.mkdir()
    args = [a.format(folder=folder) for a in args] + ["--corpus", str(three_corpus)]
    assert cli.main(args) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"discourse {args[0]}: error: -o {folder}: is a folder; name a file " \
        "(nothing was written)"
    assert sorted(tmp_path.glob("*")) == sorted([folder, three_corpus])
    assert list(folder.iterdir()) == []


def test_a_file_where_a_folder_of_tables_is_written_is_an_error(tmp_path, three_corpus,
                                                                capsys):
    """A walkthrough: `validate ... -o sheet.lock.json` failed after all its work with
    "[Errno 17] File exists"."""
    existing = tmp_path / "x.json"
    existing.write_text("{}")
    assert cli.main(["topics", "--corpus", str(three_corpus), "--k", "2", "--quiet",
                     "-o", str(existing)]) == 2
    assert capsys.readouterr().err == (f"discourse topics: error: -o {existing}: is a file; "
                                       "name a folder to write the tables into (nothing "
                                       "was written)\n")
    assert existing.read_text() == "{}"


def test_commands_writing_into_a_folder_are_those_whose_output_is_a_dir(capsys):
    """cli.FOLDER_OUTPUTS (where -o may be a folder) is read off each command's help."""
    folder_commands = set()
    for command in ("sentences", "keyness", "kwic", "collocations", "frequencies", "topics",
                    "frames", "suggest-terms", "sample", "validate", "report"):
        with pytest.raises(SystemExit):
            cli.main([command, "--help"])
        if "-o DIR" in capsys.readouterr().out:
            folder_commands.add(command)
    assert folder_commands == cli.FOLDER_OUTPUTS


@pytest.mark.parametrize("args, folder", [
    (["topics", "--k", "2", "--quiet", "-o", "{repo}/results"], "results/"),
    (["frequencies", "-o", "{repo}/figures/never-written.csv"], "figures/"),
    (["sentences", "-o", "{repo}/corpus/never-written.csv"], "corpus/"),
])
def test_another_corpus_never_writes_into_the_repository_folders(
        tmp_path, three_corpus, capsys, args, folder):
    """A walkthrough: `discourse topics --corpus MINE -o results` replaced the study's
    topic tables with another corpus's; reproduce already refused such a run."""
    from conftest import REPO

    before = {p: p.stat().st_mtime_ns for d in ("results", "figures", "corpus")
              for p in (REPO / d).rglob("*") if p.is_file()}
    args = [a.format(repo=REPO) for a in args] + ["--corpus", str(three_corpus)]
    assert cli.main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"the corpus {three_corpus} is not the repository's" in err
    assert f"inside the repository's own {folder}" in err and "nothing was written" in err
    assert {p: p.stat().st_mtime_ns for d in ("results", "figures", "corpus")
            for p in (REPO / d).rglob("*") if p.is_file()} == before
    # the study's own corpus may write there (as make reproduce and the chapters do)
    assert cli.main(["frequencies", "-o", str(tmp_path / "f.csv")]) == 0
    # report only reads --results (its own check names the corpus the run read)
    assert cli.main(["report", "--corpus", str(three_corpus), "--results",
                     str(REPO / "results"), "-o", str(tmp_path / "report")]) == 2
    err = capsys.readouterr().err
    assert "is not the one the run" in err and "inside the repository" not in err


@pytest.mark.parametrize("args, folder", [
    (["frames", "{input}", "-o", "{repo}/results/framing-codes.csv"], "results/"),
    (["frames", "{input}", "-o", "{repo}/corpus/never-written.csv"], "corpus/"),
    (["report", "--results", "{tmp}/run/results", "-o", "{repo}/figures"], "figures/"),
    (["report", "--corpus", "{tmp}", "--results", "{tmp}/run/results", "-o",
      "{repo}/report"], "report/"),
    # the run named by its executed notebooks (a review's bypass), coded sentences there
    (["report", "--notebooks", "{tmp}/run/results/notebooks", "-o", "{repo}/report"],
     "report/"),
    (["frames", "{input}", "-o", "{repo}/report/codes.csv"], "report/"),
])
def test_frames_and_report_never_write_into_the_repository_folders(tmp_path, capsys, args,
                                                                   folder):
    """A walkthrough: `discourse frames MINE.csv -o results/framing-codes.csv` replaced
    the study's table with another schema, and `discourse report -o figures` wrote HTML
    pages among the study's figures; both commands have no corpus of the study to check."""
    from conftest import REPO

    (tmp_path / "in.csv").write_text("id,text\na,Terrorism is a threat.\n")
    (tmp_path / "run" / "results" / "notebooks").mkdir(parents=True)
    (tmp_path / "run" / "results" / "manifest.json").write_text("{}")
    before = {p: p.stat().st_mtime_ns for d in ("results", "figures", "corpus", "report")
              for p in (REPO / d).rglob("*") if p.is_file()}
    args = [a.format(repo=REPO, tmp=tmp_path, input=tmp_path / "in.csv") for a in args]
    assert cli.main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"is inside the repository's own {folder}" in err and "nothing was written" in err
    assert {p: p.stat().st_mtime_ns for d in ("results", "figures", "corpus", "report")
            for p in (REPO / d).rglob("*") if p.is_file()} == before
    # elsewhere it writes
    if args[0] == "frames":
        assert cli.main(["frames", str(tmp_path / "in.csv"), "-o",
                         str(tmp_path / "codes.csv")]) == 0
        assert (tmp_path / "codes.csv").read_text().startswith("id,security,economy")


def test_an_installed_copy_writes_frames_into_a_results_folder_of_the_users(
        tmp_path, monkeypatch, capsys):
    """A review: outside a checkout of the repository (an installed copy, whose default
    folders are the current directory's) the guard refused a user's own results/."""
    from discourse import paths

    from conftest import REPO

    monkeypatch.setattr(paths, "repo_root", lambda: None)
    monkeypatch.setenv("DISCOURSE_LEXICONS", str(REPO / "corpus" / "lexicons"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "results").mkdir()
    (tmp_path / "in.csv").write_text("id,text\na,Terrorism is a threat.\n")
    assert cli.main(["frames", "in.csv", "-o", "results/codes.csv"]) == 0, \
        capsys.readouterr().err
    assert (tmp_path / "results" / "codes.csv").is_file()
    # nor does a command with --corpus (its own corpus, its own results/)
    from conftest import write_corpus

    write_corpus(tmp_path / "data",
                 {"speech-2021-a": "A title\nTerrorism is a threat. Trade grew.\n"})
    assert cli.main(["sentences", "--corpus", "data", "-o", "results/s.csv"]) == 0, \
        capsys.readouterr().err
    assert (tmp_path / "results" / "s.csv").is_file()


def test_a_report_of_another_run_never_lands_in_the_studys_report_folder(tmp_path, capsys):
    """A review: the guard looked only at --corpus; a run of another corpus (its
    results folder) named 'corpus' too passed it."""
    from conftest import REPO

    before = {p: p.stat().st_mtime_ns for p in (REPO / "report").rglob("*") if p.is_file()}
    assert cli.main(["report", "--results", str(tmp_path / "results"), "-o",
                     str(REPO / "report")]) == 2
    assert "is inside the repository's own report/" in capsys.readouterr().err
    assert {p: p.stat().st_mtime_ns for p in (REPO / "report").rglob("*")
            if p.is_file()} == before


@pytest.mark.parametrize("args", [
    ["sentences", "-o", "{missing}/s.csv"],
    ["keyness", "--target", "2022", "--reference", "2021", "-o", "{missing}/k.csv"],
    ["topics", "-o", "{missing}/topics"],
    ["report", "-o", "{missing}/report"],
    ["reproduce", "--results", "{missing}/results"],
])
def test_a_missing_output_folder_is_an_error_that_writes_nothing(
        tmp_path, three_corpus, capsys, args):
    missing = tmp_path / "no" / "such"
    args = [a.format(missing=missing) for a in args]
    if args[0] not in ("report", "reproduce"):
        args += ["--corpus", str(three_corpus)]
    assert cli.main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"the folder {missing} does not exist" in err and "create it first" in err
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("given, expected", [
    ({}, ["own --results", "and --figures"]),                        # refused only
    ({"--results": "x/results"}, ["--results {x}/results: the folder {x} does not exist",
                                  "own --figures"]),
    ({"--results": "x/results", "--figures": "x/figures"},
     ["--results {x}/results: the folder {x} does not exist",
      "--figures {x}/figures: the folder {x} does not exist"]),
])
def test_reproduce_argument_errors_exit_2_and_name_every_problem(
        tmp_path, tiny_corpus, monkeypatch, capsys, given, expected):
    """Before, a refused output folder exited 1 and a missing one 2, and a missing folder
    hid the other problems. (A stand-in repository, so that a failure damages nothing.)"""
    from discourse import paths

    repo = tmp_path / "repo"
    for d in ("corpus", "results", "figures", "notebooks"):
        (repo / d).mkdir(parents=True)
    monkeypatch.setattr(paths, "repo_root", lambda: repo)
    monkeypatch.delenv("DISCOURSE_CORPUS", raising=False)
    args = [a for flag, value in given.items() for a in (flag, str(tmp_path / value))]
    assert cli.main(["reproduce", "--corpus", str(tiny_corpus), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("discourse reproduce: error: ") and err.count("\n") == 1
    for part in expected:
        assert part.format(x=tmp_path / "x") in err
    assert not (tmp_path / "x").exists() and not [p for p in repo.rglob("*") if p.is_file()]


def test_keyness_leaves_the_cyclic_collector_as_it_found_it(tmp_path, three_corpus, capsys):
    import gc

    base = ["keyness", "--corpus", str(three_corpus), "--reference", "rest", "--quiet",
            "-o", str(tmp_path / "k.csv")]
    assert gc.isenabled()
    assert cli.main(base + ["--target", "2023"]) == 0
    assert gc.isenabled()
    assert cli.main(base + ["--target", "1999"]) != 0          # an error on the way
    assert gc.isenabled()
    gc.disable()
    try:
        assert cli.main(base + ["--target", "2023"]) == 0
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_kwic_without_an_occurrence_says_so(tmp_path, three_corpus, capsys):
    """A walkthrough: a query found nowhere wrote the header alone in silence."""
    out = tmp_path / "k.csv"
    assert cli.main(["kwic", "zzzq", "--corpus", str(three_corpus), "-o", str(out)]) == 0
    assert capsys.readouterr().err == ("discourse kwic: warning: no occurrence of 'zzzq' "
                                       "(only the header was written)\n")
    assert out.read_text().splitlines() == ["sentence_id,doc_id,year,left,match,right"]
    assert cli.main(["kwic", "trade", "--corpus", str(three_corpus), "-o", str(out)]) == 0
    assert capsys.readouterr().err == "" and len(out.read_text().splitlines()) > 1


@pytest.mark.slow
def test_frames_takes_n_jobs_as_keyness_does(tmp_path, capsys):
    """A documentation review: frames took --jobs while keyness and frequencies take
    --n-jobs; both names work for frames and write the same codes."""
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,Trade and investment grew.\n2,Terrorism is a threat.\n")
    outs = [tmp_path / "a.csv", tmp_path / "b.csv"]
    assert cli.main(["frames", str(src), "--jobs", "1", "-o", str(outs[0])]) == 0
    assert cli.main(["frames", str(src), "--n-jobs", "1", "-o", str(outs[1])]) == 0
    assert outs[0].read_bytes() == outs[1].read_bytes()
    assert outs[0].read_text().splitlines()[1].startswith("1,0,1,0,")
    with pytest.raises(SystemExit):
        cli.main(["frames", "--help"])
    assert "$DISCOURSE_LEXICONS" in capsys.readouterr().out


def test_segmenting_commands_show_a_bar_of_the_documents_on_a_terminal_unless_quiet(
        tmp_path, three_corpus, monkeypatch, capsys):
    """discourse sentences (and kwic, collocations, suggest-terms, which segment the
    corpus first) show a bar of the documents segmented on a terminal, not with --quiet
    nor off a terminal; the table is the same."""
    base = ["sentences", "--corpus", str(three_corpus), "-o"]
    outs = {k: tmp_path / f"{k}.csv" for k in ("plain", "bar", "quiet")}
    assert cli.main(base + [str(outs["plain"])]) == 0
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert cli.main(base + [str(outs["bar"])]) == 0
    err = capsys.readouterr().err
    assert "documents: 100%" in err and "3/3" in err
    assert cli.main(base + [str(outs["quiet"]), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert outs["plain"].read_bytes() == outs["bar"].read_bytes() == \
        outs["quiet"].read_bytes()


@pytest.mark.slow
def test_frames_shows_a_progress_bar_on_a_terminal_unless_quiet(tmp_path, monkeypatch, capsys):
    """Coding a large input takes seconds to minutes: on a terminal discourse frames shows
    a bar of the sentences coded on standard error (not with --quiet, nor when standard
    error is not a terminal); the codes are the same either way."""
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,Trade and investment grew.\n2,Terrorism is a threat.\n")
    outs = {k: tmp_path / f"{k}.csv" for k in ("plain", "bar", "quiet")}
    assert cli.main(["frames", str(src), "-o", str(outs["plain"])]) == 0
    assert capsys.readouterr().err == ""                  # not a terminal: no bar
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert cli.main(["frames", str(src), "-o", str(outs["bar"])]) == 0
    err = capsys.readouterr().err
    assert "sentences: 100%" in err and "2/2" in err
    assert cli.main(["frames", str(src), "--quiet", "-o", str(outs["quiet"])]) == 0
    assert capsys.readouterr().err == ""
    assert outs["plain"].read_bytes() == outs["bar"].read_bytes() == \
        outs["quiet"].read_bytes()


@pytest.mark.parametrize("name", ["README.md", "src/mod.py", "corpus/metadata.csv"])
def test_no_command_writes_over_a_file_git_tracks(tmp_path, monkeypatch, capsys, name):
    """A walkthrough: `discourse frames MINE.csv -o README.md` replaced the README. In a
    checkout (here a small git repository standing for it), -o naming a file git tracks
    is refused before anything is read; an untracked or new file is written."""
    import subprocess

    from discourse import paths

    repo = tmp_path / "repo"
    for f in ("README.md", "src/mod.py", "corpus/metadata.csv", "results/t.csv"):
        (repo / f).parent.mkdir(parents=True, exist_ok=True)
        (repo / f).write_text("kept\n")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    lexicons = paths.lexicon_dir()          # the project's, before the root moves
    monkeypatch.setattr(paths, "repo_root", lambda: repo)
    monkeypatch.setenv("DISCOURSE_LEXICONS", str(lexicons))
    assert paths.tracked_source(repo / name)
    assert not paths.tracked_source(repo / "results" / "t.csv")     # generated tables
    assert not paths.tracked_source(repo / "new.csv")
    (repo / "mine.csv").write_text("old\n")                            # untracked
    assert not paths.tracked_source(repo / "mine.csv")
    (tmp_path / "in.csv").write_text("id,text\na,Terrorism is a threat.\n")
    assert cli.main(["frames", str(tmp_path / "in.csv"), "-o", str(repo / name)]) == 2
    err = capsys.readouterr().err
    assert f"-o {repo / name} is a file of the repository's sources" in err
    assert "nothing was written" in err and (repo / name).read_text() == "kept\n"
    assert cli.main(["frames", str(tmp_path / "in.csv"), "-o", str(repo / "mine.csv")]) == 0
    assert (repo / "mine.csv").read_text().startswith("id,security")
    # another name of a tracked file (a hard link; "readme.md" on a case-insensitive
    # file system) is that file
    os.link(repo / name, repo / "alias.txt")
    assert paths.tracked_source(repo / "alias.txt")
    # a copy without .git (git cannot say): every existing file outside results/ and
    # figures/ is kept, the user's own too
    shutil.rmtree(repo / ".git")
    assert paths.tracked_source(repo / name) and paths.tracked_source(repo / "mine.csv")
    assert not paths.tracked_source(repo / "results" / "t.csv")
    assert cli.main(["frames", str(tmp_path / "in.csv"), "-o", str(repo / name)]) == 2
    assert (repo / name).read_text() == "kept\n"
