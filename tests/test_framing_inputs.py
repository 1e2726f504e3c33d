"""discourse.framing.inputs: the input contract of ``discourse frames`` (in process)."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse import cli, framing

F = framing.FRAMES


def _write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_cli_codes_a_file(tmp_path):
    inp = _write(tmp_path / "in.csv", "id,text,paragraph\n"
                 "x1,Terrorism is a threat.,1\nx2,In this context trade grew.,1\n"
                 "x3,We met the UN.,2\n")
    out = tmp_path / "out.csv"
    assert cli.main(["frames", str(inp), "-o", str(out)]) == 0
    t = pd.read_csv(out, keep_default_na=False)
    assert list(t.columns) == ["id", *F, "evidence"]
    assert t[list(F)].values.tolist() == [[1, 0, 0], [1, 1, 0], [0, 0, 1]]


@pytest.mark.slow        # starts worker processes
def test_cli_with_two_workers_writes_the_same_bytes(tmp_path):
    inp = _write(tmp_path / "in.csv", "id,text,paragraph\n"
                 "x1,Terrorism is a threat.,1\nx2,In this context trade grew.,1\n"
                 "x3,We met the UN.,2\n")
    out, out2 = tmp_path / "out.csv", tmp_path / "out2.csv"
    assert cli.main(["frames", str(inp), "-o", str(out)]) == 0
    assert cli.main(["frames", str(inp), "-o", str(out2), "--jobs", "2"]) == 0
    assert out2.read_bytes() == out.read_bytes()


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5"])
def test_cli_rejects_bad_jobs_before_reading(tmp_path, capsys, value):
    out = tmp_path / "out.csv"
    with pytest.raises(SystemExit) as exc:        # a usage error, as the counting commands'
        cli.main(["frames", str(tmp_path / "missing.csv"), "-o", str(out), "--jobs", value])
    assert exc.value.code == 2
    # the message of the counting commands' --n-jobs (cli_common.workers), without "auto"
    assert f"argument --jobs/--n-jobs: {value!r} is not a positive integer or -1 (one per " \
        "core)" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("content,encoding,message", [
    ("id,words\n1,x\n", "utf-8", "missing column(s) text"),
    ("", "utf-8", "empty"),
    ("id,text\n", "utf-8", "no rows"),
    ("id,text\na,x\na,y\n", "utf-8", "duplicate id(s) a"),
    ("id,text\na,caf\u00e9 \u00e0 Gen\u00e8ve\n", "latin-1", "not UTF-8"),
    ("id,text,paragraph\na,x,1\nb,y,2\nc,z,1\n", "utf-8", "not consecutive"),
])
def test_cli_bad_input_exits_2_and_writes_nothing(tmp_path, capsys, content, encoding,
                                                  message):
    inp = _write(tmp_path / "in.csv", content, encoding)
    out = tmp_path / "out.csv"
    assert cli.main(["frames", str(inp), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err and "in.csv" in err
    assert not out.exists()


@pytest.mark.parametrize("content,message", [
    ("id,text\na,Terrorism is a threat.\nb,\n", "line 3 (id 'b'): the text is empty"),
    ("id,text\na,\"  \"\nb,x\n", "line 2 (id 'a'): the text is empty"),
    ("id,text,date\na,x,2023-01\nb,y,2023-13-01\n",
     "line 3 (id 'b'): date '2023-13-01' is not a date (month must be in 1..12)"),
    ("id,text,date\na,x,\nb,y,2023-02-29\nc,z,2023-02-29\n",
     "line 3 (id 'b'): date '2023-02-29' is not a date (day is out of range"),
    ("id,text,date\na,x,2023-00\n", "line 2 (id 'a'): date '2023-00' is not a date"),
    ("id,text,date\na,x,2023-4-1\n",
     "line 2 (id 'a'): date '2023-4-1' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
])
def test_an_empty_text_or_a_date_not_in_the_calendar_is_an_error(tmp_path, capsys, content,
                                                                 message):
    """Before, an empty text was coded 0, 0, 0 and counted in the shares, and a date was
    checked by its pattern only (2023-13-01 passed)."""
    inp = _write(tmp_path / "in.csv", content)
    out = tmp_path / "out.csv"
    assert cli.main(["frames", str(inp), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"in.csv, {message}" in err
    assert not out.exists()


def test_real_and_empty_dates_are_accepted(tmp_path):
    path = _write(tmp_path / "in.csv", "id,text,date\na,x,2024-02-29\nb,y,\nc,z,2023-12\n"
                                       "d,w,2023\n")
    assert framing.read_input(path).date.tolist() == ["2024-02-29", "", "2023-12", "2023"]


def test_missing_column_message_lists_every_accepted_column(tmp_path, capsys):
    inp = _write(tmp_path / "in.csv", "id,words\n1,x\n")
    assert cli.main(["frames", str(inp)]) == 2
    err = capsys.readouterr().err
    assert "(needs id, text and optionally paragraph, document, date)" in err
    with pytest.raises(SystemExit):
        cli.main(["frames", "--help"])
    assert "optionally paragraph, document, date" in " ".join(capsys.readouterr().out.split())


def test_cli_unknown_lexicon_path(tmp_path, capsys):
    inp = _write(tmp_path / "in.csv", "id,text\na,x\n")
    out = tmp_path / "out.csv"
    assert cli.main(["frames", str(inp), "-o", str(out), "--lexicon",
                     str(tmp_path / "missing.yaml")]) == 2
    assert "missing.yaml" in capsys.readouterr().err
    assert not out.exists()


def test_read_input_keeps_text_as_written(tmp_path):
    path = _write(tmp_path / "in.csv", "id,text\n007,NA\n008,\"a, b\"\n")
    table = framing.read_input(path)
    assert table.id.tolist() == ["007", "008"] and table.text.tolist() == ["NA", "a, b"]
    with pytest.raises(FileNotFoundError, match="missing.csv"):
        framing.read_input(tmp_path / "missing.csv")


@pytest.mark.slow        # every development sentence, twice
def test_typographic_text_gets_the_codes_of_its_plain_form(frame_lexicon):
    """Web pages write "People’s", “quotes”, non-breaking spaces and hyphens
    (U+2010, U+2011): the coder codes them as their plain forms. Before, "Lao People’s
    Democratic Republic" lost its membership rule and "Anti‑Terrorist Structure" its
    SCO-body rule."""
    from conftest import CORPUS

    t = pd.read_csv(CORPUS / "annotations" / "sco_style" / "frames_dev.csv", dtype=str,
                    keep_default_na=False)
    typo = str.maketrans({"'": "\u2019", " ": "\u00a0", "-": "\u2011"})
    typo2 = str.maketrans({"'": "\u2018", "-": "\u2010"})
    plain = list(zip(t.id, t.text, t.paragraph, t.document, t.date))
    lex = frame_lexicon
    want = [tuple(c) for c in framing.iter_codes(plain, lex)]
    for table in (typo, typo2):
        rows = [(i, x.translate(table), p, d, y) for i, x, p, d, y in plain]
        assert sum(r[1] != x for r, x in zip(rows, t.text)) > 400      # really changed
        got = [tuple(c) for c in framing.iter_codes(rows, lex)]
        assert [g[:4] for g in got] == [w[:4] for w in want]
    lao = framing.explain("SCO Secretary-General receives Ambassador of the Lao "
                          "People\u2019s Democratic Republic", lex, date="2025-02-19")
    assert lao["frames"]["multilateralism"] == 1
    assert lao["evidence"]["multilateralism"] == [
        "Lao People's Democratic Republic (non-member in 2025)"]


@pytest.mark.slow
def test_a_paragraph_is_one_within_its_document(tmp_path, capsys):
    """With a document column, paragraph 1 of document a and paragraph 1 of document b
    are two paragraphs: no context carries from one document to the other (a walkthrough
    saw "This challenge" in b take security from a), and numbering paragraphs from 1 in
    every document is accepted; out of order within a document is still an error."""
    inp = _write(tmp_path / "in.csv", "id,text,paragraph,document\n"
                 "1,Terrorism is a grave threat to the region.,1,a\n"
                 "2,This challenge must be countered together.,1,b\n"
                 "3,This challenge must be countered together.,1,a\n")
    out = tmp_path / "out.csv"
    assert cli.main(["frames", str(inp), "-o", str(out)]) == 2      # a's rows apart
    assert "rows of paragraph '1' of document 'a' are not consecutive" in \
        capsys.readouterr().err and not out.exists()
    inp.write_text("id,text,paragraph,document\n"
                   "1,Terrorism is a grave threat to the region.,1,a\n"
                   "2,This challenge must be countered together.,1,b\n", encoding="utf-8")
    assert cli.main(["frames", str(inp), "-o", str(out)]) == 0
    codes = pd.read_csv(out, keep_default_na=False)
    assert codes.security.tolist() == [1, 0] and codes.evidence[1] == ""
    inp.write_text("id,text,paragraph\n"             # without documents: one paragraph
                   "1,Terrorism is a grave threat to the region.,1\n"
                   "2,This challenge must be countered together.,1\n", encoding="utf-8")
    assert cli.main(["frames", str(inp), "-o", str(out)]) == 0
    assert pd.read_csv(out).security.tolist() == [1, 1]


@pytest.mark.slow
def test_the_sentences_table_can_be_coded_as_it_is(tmp_path, real_sentences):
    """A walkthrough: `discourse sentences -o s.csv; discourse frames s.csv` stopped at
    "missing column(s) id"; its sentence_id and doc_id are now read as id and document,
    and the codes are the pipeline's (the date and paragraphs taken along)."""
    path = tmp_path / "s.csv"
    real_sentences.to_csv(path, index=False)
    table = framing.read_input(path)
    assert table["id"].tolist() == real_sentences.sentence_id.tolist()
    assert table["document"].tolist() == real_sentences.doc_id.tolist()
    codes = framing.code_file(path)
    want = framing.code_sentences(real_sentences, date_col="date")
    assert codes[list(framing.FRAMES) + ["evidence"]].equals(
        want[list(framing.FRAMES) + ["evidence"]].reset_index(drop=True))
