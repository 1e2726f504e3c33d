"""The ``discourse`` command as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from discourse import cli, corpus

from conftest import CORPUS

BIN = Path(sys.executable).with_name("discourse")


def _run(*args, **kw):
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, **kw)


def test_console_script_writes_the_sentences_table(tmp_path):
    out = tmp_path / "s.csv"
    proc = _run("sentences", "-o", str(out), "--corpus", str(CORPUS))
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(out, keep_default_na=False)
    expected = corpus.segment(corpus.load_docs(CORPUS))
    assert list(table.columns) == list(expected.columns)
    assert table.sentence_id.tolist() == expected.sentence_id.tolist()
    assert table.text.tolist() == expected.text.tolist()      # exact text survives CSV


def test_python_dash_m_and_raw_layer_to_stdout():
    proc = subprocess.run([sys.executable, "-m", "discourse", "sentences", "--layer", "raw",
                           "--corpus", str(CORPUS)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "sentence_id,doc_id,year,paragraph,sentence,role,text"
    assert "Inter-midovisional" in proc.stdout


def test_every_subcommand_has_help():
    parser = cli.build_parser()
    names = list(cli._COMMANDS)
    assert "sentences" in names
    for name in names:
        with pytest.raises(SystemExit) as exc:
            parser.parse_args([name, "--help"])
        assert exc.value.code == 0


def test_help_via_console_script():
    proc = _run("--help")
    assert proc.returncode == 0 and "sentences" in proc.stdout


def test_bad_corpus_is_one_clear_line_and_writes_nothing(tmp_path, corpus_copy):
    (corpus_copy / "texts" / "2019-04-22_norov_press-club-interview.txt").write_text("x")
    out = tmp_path / "s.csv"
    proc = _run("sentences", "-o", str(out), "--corpus", str(corpus_copy))
    assert proc.returncode == 2
    assert "checksum mismatch" in proc.stderr and "press-club-interview.txt" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()
