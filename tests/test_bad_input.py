"""Bad input, nothing lost: each bad input gets a clear error and nothing is written.

The corpus errors themselves (message of :class:`discourse.corpus.CorpusError` for a
missing file, non-UTF-8 bytes, an empty text, no paragraph breaks, a duplicate doc_id,
a date that is not a date, a year that is not a year, one text in two rows, a checksum
mismatch) are tested on the loader in ``tests/test_corpus.py``; here each goes through
the command line as a user meets it (``discourse sentences --corpus BAD -o FILE``):
exit status 2, one line on stderr naming the file and the problem, no traceback, no
output file, and the broken corpus left exactly as it was. Then the lexicons, and
notebook parameters out of range.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import nbformat
import pytest

from discourse import cli, framing, keywords, reproduce

from conftest import MULTI, REPO

STATEMENT = "texts/2022-statement.txt"
STATEMENT_SHA256 = "422cfa81fb1fce69315ff2574fae32145b6ab8016d6ee468a89802e52ee3e2e2"


def _copy(tmp_path) -> Path:
    dest = tmp_path / "corpus"
    shutil.copytree(MULTI, dest)
    return dest


def _edit_meta(root: Path, line: int, **changes) -> None:
    """Change fields of the metadata row on file line ``line`` (header is line 1)."""
    path = root / "metadata.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[line - 2].update(changes)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _replace_text(root: Path, data: bytes) -> None:
    """Replace the statement's bytes and record their (correct) checksum."""
    (root / STATEMENT).write_bytes(data)
    _edit_meta(root, 4, sha256=hashlib.sha256(data).hexdigest())


def _missing_file(root):
    (root / STATEMENT).unlink()


def _not_utf8(root):
    _replace_text(root, "Statement\n\nCaf\u00e9 and trade.\n".encode("latin-1"))


def _empty(root):
    _replace_text(root, b"")


def _no_breaks(root):
    _replace_text(root, b"One long line: the title and the text with no paragraph break.")


def _duplicate_id(root):
    _edit_meta(root, 4, doc_id="sg-2022-press-club-interview")


def _bad_date(root):
    _edit_meta(root, 4, date="2022-02-30")


def _year_in_words(root):
    _edit_meta(root, 4, year="twenty twenty-two")


def _add_row(root: Path, **changes) -> None:
    """Append a copy of the statement's row (line 4) with ``changes`` (line 7)."""
    path = root / "metadata.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with open(path, "a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n").writerow(
            {**rows[2], **changes})


def _same_file_twice(root):
    _add_row(root, doc_id="secretariat-2022-sco-day-statement-portal")


def _republished_copy(root):
    # the same press release saved again from another portal, under another name
    shutil.copyfile(root / STATEMENT, root / "texts/2022-statement-portal.txt")
    _add_row(root, doc_id="secretariat-2022-sco-day-statement-portal",
             file="texts/2022-statement-portal.txt")


def _edited(root):
    # the same number of bytes, one letter changed: only the checksum can tell
    path = root / STATEMENT
    data = path.read_bytes()
    i = data.index(b"congratulates")
    path.write_bytes(data[:i] + b"Congratulates" + data[i + len(b"congratulates"):])


@pytest.mark.parametrize("breaker,file,problem", [
    (_missing_file, "2022-statement.txt", "file not found (named in metadata.csv)"),
    (_not_utf8, "2022-statement.txt", "not valid UTF-8 (invalid byte at offset 14)"),
    (_empty, "2022-statement.txt", "empty document (no text)"),
    (_no_breaks, "2022-statement.txt", "no paragraph breaks"),
    (_duplicate_id, "metadata.csv", "line 4: duplicate doc_id "
                                    "'sg-2022-press-club-interview' (first on line 3)"),
    (_bad_date, "metadata.csv", "line 4: date '2022-02-30' is not a date"),
    (_year_in_words, "metadata.csv", "line 4: year 'twenty twenty-two' is not a year "
                                     "(four digits and nothing else, e.g. 2022)"),
    (_same_file_twice, "metadata.csv", "line 7: duplicate file 'texts/2022-statement.txt' "
                                       "(first on line 4): two rows for one text would "
                                       "count it twice"),
    (_republished_copy, "metadata.csv", f"line 7: duplicate sha256 '{STATEMENT_SHA256}' "
                                        "(first on line 4): texts/2022-statement-portal.txt "
                                        "is the same text as texts/2022-statement.txt (a "
                                        "copy under another name, as when a text is "
                                        "republished on another portal), which would be "
                                        "counted twice"),
    (_edited, "2022-statement.txt", "checksum mismatch"),
], ids=["missing-file", "not-utf8", "empty", "no-paragraph-breaks", "duplicate-doc-id",
        "not-a-date", "not-a-year", "same-file-twice", "same-text-twice",
        "checksum-same-length-edit"])
def test_bad_corpus_through_the_cli(tmp_path, capsys, breaker, file, problem):
    root = _copy(tmp_path)
    breaker(root)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    out = tmp_path / "out" / "sentences.csv"
    out.parent.mkdir()                   # the output folder must exist (test_cli.py)
    status = cli.main(["sentences", "--corpus", str(root), "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 2
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("discourse sentences: error: ")
    assert file in lines[0] and problem in lines[0]
    assert "Traceback" not in captured.err and captured.out == ""
    assert list(out.parent.iterdir()) == []          # nothing written, not even a temp file
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_edit_of_the_same_length_still_loads_after_recording_the_new_checksum(tmp_path):
    """The error above is the checksum, not the text: with the new sha256 it loads."""
    from discourse import corpus

    root = _copy(tmp_path)
    _edited(root)
    _edit_meta(root, 4, sha256=hashlib.sha256((root / STATEMENT).read_bytes()).hexdigest())
    docs = corpus.load_docs(root)
    assert "Secretariat Congratulates" in docs.set_index("doc_id").loc[
        "secretariat-2022-sco-day-statement", "text"]


# --------------------------------------------------------------------------- lexicons

FRAME_YAML = ("frames:\n  security:\n    - clause: 'codebook 2.1'\n      terms: [terrorism]\n"
              "  {name}:\n    - clause: 'codebook 2.2'\n      terms: [trade]\n")


def test_unknown_frame_name_through_the_cli(tmp_path, capsys):
    lex = tmp_path / "frames.yaml"
    lex.write_text(FRAME_YAML.format(name="ecnomy"), encoding="utf-8")
    inp = tmp_path / "in.csv"
    inp.write_text("id,text\na,Terrorism is a threat.\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert cli.main(["frames", str(inp), "-o", str(out), "--lexicon", str(lex)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "frames.yaml: unknown frame name(s) ecnomy; allowed: security, economy, " \
           "multilateralism" in err
    assert not out.exists()


@pytest.mark.parametrize("text,problem", [
    ("frames:\n  security:\n\t- clause: x\n", "is not valid YAML"),
    ("- security\n- economy\n", "must be a mapping with a 'frames' section"),
    ("frames: [security, economy]\n", "needs a 'frames' mapping"),
    ("frames:\n  security:\n    clause: x\n    terms: [war]\n",
     "frame 'security' must be a list of groups with 'clause' and 'terms'"),
    ("frames:\n  security:\n    - clause: x\n      terms: war\n",
     "frames.security[0].terms must be a non-empty list of non-empty strings"),
    ("frames:\n  security:\n    - clause: x\n      terms: [war]\nframing: {}\n",
     "unknown section(s) framing"),
    (b"frames:\n  security:\n    - clause: \xe9\n", "is not UTF-8 text"),
], ids=["bad-yaml", "top-level-list", "frames-list", "groups-mapping", "terms-string",
        "unknown-section", "not-utf8"])
def test_malformed_frame_lexicon(tmp_path, text, problem):
    lex = tmp_path / "bad.yaml"
    lex.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(framing.LexiconError) as info:
        framing.load_lexicon(lex)
    assert str(info.value).startswith(f"{lex}: ") and problem in str(info.value)


@pytest.mark.parametrize("text,problem", [
    ("terrorism: {why: x, terms: [terrorism\n", "is not valid YAML"),
    ("- terrorism\n- trade\n", "must be a mapping of family names"),
    ("terrorism:\n  why: security threats\n  terms: terrorism\n",
     "family 'terrorism' needs 'why' and a list of 'terms'"),
    ("terrorism:\n  terms: [terrorism]\n", "family 'terrorism' needs 'why'"),
], ids=["bad-yaml", "top-level-list", "terms-string", "no-why"])
def test_malformed_term_families(tmp_path, text, problem):
    path = tmp_path / "families.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        keywords.load_term_families(path)
    assert str(info.value).startswith(f"{path}: ") and problem in str(info.value)


# --------------------------------------------------------------------------- notebooks

def _execute(name: str, tmp_path: Path, **params):
    overrides = {"CORPUS_DIR": str(MULTI), "RESULTS_DIR": str(tmp_path / "results"),
                 "FIGURES_DIR": str(tmp_path / "figures"), **params}
    out = tmp_path / "executed" / name
    with pytest.raises(reproduce.ReproduceError) as info:
        reproduce.execute_notebook(REPO / "notebooks" / name, overrides, timeout=300,
                                   output=out)
    assert not out.exists()                 # a failed run saves no notebook
    return str(info.value)


def _cell_calling(name: str, needle: str) -> int:
    nb = nbformat.read(REPO / "notebooks" / name, as_version=4)
    return next(i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                and needle in c.source)


@pytest.mark.slow
def test_negative_bootstrap_count_names_notebook_cell_and_problem(tmp_path):
    msg = _execute("02-keywords.ipynb", tmp_path, N_BOOT=-1)
    cell = _cell_calling("02-keywords.ipynb", "bootstrap_keyness(")
    assert msg == (f"02-keywords.ipynb, cell {cell}: ValueError: n_boot=-1 must be a "
                   "positive integer")


@pytest.mark.slow
def test_zero_topics_names_notebook_cell_and_problem(tmp_path):
    msg = _execute("03-topics.ipynb", tmp_path, K=0, K_MAX=3, N_SEEDS=2, N_BOOT=50, N_JOBS=1)
    cell = _cell_calling("03-topics.ipynb", "run_pipeline(")
    assert msg.startswith(f"03-topics.ipynb, cell {cell}: ValueError: k=0 is out of range")
    assert "k must be an integer from 2 to" in msg


def test_unknown_notebook_parameter_is_refused_before_running(tmp_path):
    nb = nbformat.read(REPO / "notebooks" / "03-topics.ipynb", as_version=4)
    with pytest.raises(reproduce.ReproduceError,
                       match=r"^03-topics.ipynb: unknown parameter\(s\) NUM_TOPICS; "
                             r"the notebook defines .*\bK\b"):
        reproduce.inject_parameters(nb, {"NUM_TOPICS": 5}, "03-topics.ipynb")
