"""discourse.corpus: checksums, metadata, corrections, errors naming the file, and the
sentences table shared between the chapters (segmentation: test_segmentation.py)."""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from discourse import corpus
from discourse.corpus import CorpusError

from conftest import (CORPUS, D2019, D2020, MULTI, REPO, STUDY, package_trees, walk,
                      write_corpus)

SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def docs(real_docs):
    return real_docs


# --- the corpus as published --------------------------------------------------------

@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not beside the repo")
@pytest.mark.parametrize("seed,name", [
    ("000_5053c25469639f1a.txt", "2020-06_norov_press-conference-address.txt"),
    ("003_8fd6a167cd8f76ba.txt", "2019-04-22_norov_press-club-interview.txt"),
])
def test_corpus_texts_are_byte_copies_of_the_seeds(seed, name):
    assert (CORPUS / "texts" / name).read_bytes() == (SEEDS / seed).read_bytes()


def test_metadata_checksums_match_the_files():
    meta = corpus.load_metadata(CORPUS)
    for row in meta.itertuples():
        assert hashlib.sha256((CORPUS / row.file).read_bytes()).hexdigest() == row.sha256


def test_metadata_fields_and_values():
    with open(CORPUS / "metadata.csv", encoding="utf-8") as fh:
        assert next(csv.reader(fh)) == list(corpus.METADATA_FIELDS)
    meta = corpus.load_metadata(CORPUS).set_index("doc_id")
    assert meta.loc[D2019, "date"] == "2019-04-22"
    assert meta.loc[D2019, "genre"] == "interview"
    assert meta.loc[D2020, "date"] == "2020-06"
    assert meta.loc[D2020, "year"] == 2020
    assert "inferred" in meta.loc[D2020, "notes"]


def test_docs_table(docs):
    assert list(docs.columns) == ["doc_id", "year", "date", "speaker", "genre", "title",
                                  "venue", "publisher", "language", "file", "sha256",
                                  "layer", "text"]
    assert list(docs.doc_id) == [D2019, D2020]          # sorted by date
    assert set(docs.layer) == {"cleaned"}


# --- corrections -------------------------------------------------------------------

def test_raw_layer_is_the_file_exactly():
    raw = corpus.load_docs(CORPUS, layer="raw").set_index("doc_id")
    for doc_id, row in raw.iterrows():
        assert row.text == (CORPUS / row.file).read_text(encoding="utf-8")


def test_corrections_applied_only_in_cleaned_layer(docs):
    raw = corpus.load_docs(CORPUS, layer="raw").set_index("doc_id").text
    clean = docs.set_index("doc_id").text
    assert "Inter-midovisional" in raw[D2020]
    assert "Inter-midovisional" not in clean[D2020]
    # the EU-ambassadors clause appears twice in the raw text, once when cleaned
    assert raw[D2020].count("26 November 2019 the SCO Secretary-General met") == 2
    assert clean[D2020].count("26 November 2019 the SCO Secretary-General met") == 1
    assert "League of\u00a0Arab States in\u00a0China" in clean[D2020]
    assert raw[D2019] == clean[D2019]
    table = corpus.load_corrections(CORPUS)
    assert len(table) == 2 and table.what.str.len().min() > 20 and table.why.str.len().min() > 20


def test_the_cleaned_layer_drops_characters_that_print_as_nothing(tmp_path):
    """A word a web page broke with a soft hyphen or a zero-width space is, in the cleaned
    layer, the word a reader sees (one term for keyness); the raw layer keeps every
    character as published, and a zero-width non-joiner, which changes words in Persian,
    stays."""
    from discourse import cli

    texts = {"web-2020": "Title\n\nTrade and infra\u00adstructure grew.\n",
             "web-2021": "Title\n\nInfra\u00adstructure, infra\u200bstructure and "
                         "infra\u2060structure\ufeff again, and a ZWNJ in \u0645\u06cc\u200c"
                         "\u0634\u0648\u062f.\n"}
    root = write_corpus(tmp_path / "web", texts)
    clean = corpus.load_docs(root).set_index("doc_id").text
    assert clean["web-2021"] == ("Title\n\nInfrastructure, infrastructure and infrastructure "
                                 "again, and a ZWNJ in \u0645\u06cc\u200c\u0634\u0648\u062f.\n")
    assert "infra\u00adstructure" in corpus.load_docs(root, layer="raw").set_index(
        "doc_id").text["web-2020"]
    streamed = {d.doc_id: d.text for d in corpus.stream_docs(root)[1]}
    assert streamed == dict(clean)
    out = tmp_path / "keyness.csv"
    assert cli.main(["keyness", "--corpus", str(root), "--target", "2021", "--reference",
                     "rest", "--quiet", "-o", str(out)]) == 0
    counts = pd.read_csv(out).set_index("term")
    assert counts.loc["infrastructure", ["count_target", "count_reference"]].tolist() == [3, 1]
    assert [t for t in counts.index if "infra" in t or "structure" in t] == ["infrastructure"]


def test_correction_that_no_longer_applies_is_an_error(texts_copy):
    path = texts_copy / "corrections.csv"
    text = path.read_text(encoding="utf-8").replace("Inter-midovisional consultations",
                                                    "Inter-nothing consultations")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"corrections\.csv.*'c2'.*found 0 times"):
        corpus.load_docs(texts_copy)
    raw = corpus.load_docs(texts_copy, layer="raw")             # raw layer unaffected
    assert set(STUDY) <= set(raw.doc_id)
    assert len(raw) == len(corpus.load_metadata(texts_copy))


def _add_correction(root: Path, find: str, replace: str) -> Path:
    """Append correction 'c3' to the corpus's corrections.csv (a quoted CSV row)."""
    path = root / "corrections.csv"
    with open(path, "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(
            ["norov-2020-06-press-conference-address", "c3", find, replace, "what", "why"])
    return path


@pytest.mark.parametrize("find,replace,field", [
    ("Inter-midovisional consultations", "Inter-ministerial\nconsultations", "replace"),
    ("Inter-midovisional consultations", "Inter-ministerial\r\nconsultations", "replace"),
    ("Inter-midovisional\nconsultations", "Inter-ministerial consultations", "find"),
])
def test_a_correction_with_a_line_break_is_an_error(texts_copy, find, replace, field):
    """corpus/README.md: a correction may not add a line. Before, the line break inside a
    quoted field was dropped on reading (the lines were split before the CSV was parsed),
    so the check never saw it and the cleaned text got "Inter-ministerialconsultations"."""
    path = _add_correction(texts_copy, find, replace)
    lines = path.read_text(encoding="utf-8").count("\n") - find.count("\n") - \
        replace.count("\n")                      # the line the new row starts on
    with pytest.raises(CorpusError, match=rf"corrections\.csv, line {lines} \(correction "
                                          rf"'c3'\): '{field}' contains a line break; a "
                                          r"correction may not add or remove a line"):
        corpus.load_docs(texts_copy)
    assert len(corpus.load_docs(texts_copy, layer="raw")) == \
        len(corpus.load_metadata(texts_copy))          # the raw layer reads no corrections


def test_quoted_fields_keep_their_characters_and_rows_their_lines(texts_copy):
    """Fields are read by the CSV parser, not split into lines first: a separator inside
    a quoted field (U+2028, U+0085, form feed) is text, and a row that comes after a
    field spanning lines is named by the line it starts on."""
    path = texts_copy / "corrections.csv"
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    rows[1][4] = "first line\nsecond line of 'what'"          # free text may span lines
    rows[2][5] = "why\u2028with\x85separators\x0c"
    rows[2][2] = ""                                             # an error on the next row
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    with pytest.raises(CorpusError, match=r"corrections\.csv, line 4 \(correction 'c2'\): "
                                          r"'find' is empty"):
        corpus.load_corrections(texts_copy)
    rows[2][2] = "Inter-midovisional consultations"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    table = corpus.load_corrections(texts_copy)
    assert table.what[0] == "first line\nsecond line of 'what'"
    assert table.why[1] == "why\u2028with\x85separators\x0c"


# --- bad input: every error names the file and the problem ---------------------------

def _rewrite_meta(root: Path, **changes):
    path = root / "metadata.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for key, value in changes.items():
        rows[0][key] = value
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return path


def test_checksum_mismatch(texts_copy):
    path = texts_copy / "texts" / "2019-04-22_norov_press-club-interview.txt"
    path.write_bytes(path.read_bytes() + b" edited")
    with pytest.raises(CorpusError, match=r"2019-04-22_norov_press-club-interview\.txt: "
                                          r"checksum mismatch"):
        corpus.load_docs(texts_copy)


def test_missing_file(texts_copy):
    (texts_copy / "texts" / "2019-04-22_norov_press-club-interview.txt").unlink()
    with pytest.raises(CorpusError, match=r"press-club-interview\.txt: file not found"):
        corpus.load_docs(texts_copy)


def test_a_text_without_a_metadata_row_is_an_error(texts_copy):
    """Step 2 of corpus/README.md forgotten: the text was silently left out of every
    result (a walkthrough's); other files in texts/ (notes, drafts not ending .txt) are
    no texts."""
    before = corpus.load_metadata(texts_copy)
    (texts_copy / "texts" / "notes.md").write_text("drafts\n")
    assert corpus.load_metadata(texts_copy).equals(before)
    (texts_copy / "texts" / "2025-01-01_extra.txt").write_text("A title\n\nA text.\n")
    with pytest.raises(CorpusError, match=r"metadata\.csv: no row names "
                                          r"texts/2025-01-01_extra\.txt \(add a row"):
        corpus.load_docs(texts_copy)
    # a text whose suffix is in capitals is a text too (a walkthrough's NOTE.TXT)
    (texts_copy / "texts" / "2025-01-01_extra.txt").unlink()
    (texts_copy / "texts" / "2025-02-01_NOTE.TXT").write_text("A title\n\nA text.\n")
    with pytest.raises(CorpusError, match=r"no row names texts/2025-02-01_NOTE\.TXT \("):
        corpus.load_docs(texts_copy)


def test_missing_metadata_file(tmp_path):
    with pytest.raises(CorpusError, match=r"metadata\.csv: file not found"):
        corpus.load_docs(tmp_path)
    # a typo in the corpus path names the folder, not a file in it
    with pytest.raises(CorpusError, match=r"corpsu: corpus directory not found$"):
        corpus.load_docs(tmp_path / "corpsu")


def test_a_metadata_file_separated_by_semicolons_is_named_so(texts_copy):
    path = texts_copy / "metadata.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"missing column\(s\) doc_id, .*; it is "
                                          r"separated by ';', not ','$"):
        corpus.load_docs(texts_copy)


@pytest.mark.parametrize("field", ["speaker", "date", "sha256", "doc_id"])
def test_missing_metadata_field_value(texts_copy, field):
    _rewrite_meta(texts_copy, **{field: ""})
    with pytest.raises(CorpusError,
                       match=rf"metadata\.csv, line 2: required field '{field}' is empty"):
        corpus.load_metadata(texts_copy)


def test_missing_metadata_column(texts_copy):
    path = texts_copy / "metadata.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns=["speaker"])
    table.to_csv(path, index=False)
    with pytest.raises(CorpusError, match=r"metadata\.csv: missing column\(s\) speaker"):
        corpus.load_metadata(texts_copy)


@pytest.mark.parametrize("date", ["2019-13-01", "22.04.2019", "April 2019", "2019-02-30",
                                  "2019-00", "2019-04-00", "\u0662\u0660\u0661\u0669"])
def test_date_that_is_not_a_date(texts_copy, date):
    _rewrite_meta(texts_copy, date=date)
    with pytest.raises(CorpusError, match=rf"metadata\.csv, line 2: date '{re.escape(date)}' "
                                          r"is not a date"):
        corpus.load_metadata(texts_copy)


def test_year_disagrees_with_date(texts_copy):
    _rewrite_meta(texts_copy, year="2018")
    with pytest.raises(CorpusError, match=r"year '2018' does not match date '2019-04-22'"):
        corpus.load_metadata(texts_copy)


@pytest.mark.parametrize("year", ["twenty nineteen", " 2019", "2019 ", "2019.0", "19",
                                  "\u0662\u0660\u0661\u0669", "+2019"])
def test_year_that_is_not_a_year(texts_copy, year):
    """Not four digits and nothing else (a spreadsheet's 2019.0, a stray space: strict,
    as the date is): the message says that it is not a year, not that it disagrees
    with the date."""
    _rewrite_meta(texts_copy, year=year)
    with pytest.raises(CorpusError, match=rf"metadata\.csv, line 2: year '{re.escape(year)}' "
                                          r"is not a year \(four digits and nothing else, "
                                          r"e\.g\. 2019\)$"):
        corpus.load_metadata(texts_copy)


def test_malformed_checksum_and_doc_id(texts_copy):
    _rewrite_meta(texts_copy, sha256="abc")
    with pytest.raises(CorpusError, match=r"sha256 'abc' is not a 64-digit"):
        corpus.load_metadata(texts_copy)
    _rewrite_meta(texts_copy, sha256="0" * 64, doc_id="bad id!")
    with pytest.raises(CorpusError, match=r"doc_id 'bad id!' is malformed"):
        corpus.load_metadata(texts_copy)


def test_duplicate_doc_id(texts_copy):
    path = texts_copy / "metadata.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(lines[0] + lines[1] + lines[1] + lines[2], encoding="utf-8")
    with pytest.raises(CorpusError, match=r"metadata\.csv, line 3: duplicate doc_id "
                                          rf"'{D2019}' \(first on line 2\)"):
        corpus.load_metadata(texts_copy)


def _add_rows(root: Path, *rows: dict) -> int:
    """Append rows to metadata.csv, copies of its first row (line 2) with the changes
    given; return the line of the first one (the corpus may have more than two rows:
    tests/test_repository_runs.py adds one)."""
    path = root / "metadata.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        old = list(csv.DictReader(fh))
    with open(path, "a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fieldnames=list(old[0]), lineterminator="\n").writerows(
            {**old[0], **changes} for changes in rows)
    return len(old) + 2


@pytest.mark.parametrize("file", [None, "./texts/2019-04-22_norov_press-club-interview.txt"])
def test_one_file_named_by_two_rows(texts_copy, file):
    """Each row of metadata.csv is a document of every count: a file named twice would be
    counted twice, under two doc_ids (written the same or not, it is one file)."""
    changes = {"doc_id": "another-id"} | ({} if file is None else {"file": file})
    line = _add_rows(texts_copy, changes)
    with pytest.raises(CorpusError, match=rf"metadata\.csv, line {line}: duplicate file "
                                          r"'texts/2019-04-22_norov_press-club-interview\.txt' "
                                          r"\(first on line 2\): two rows for one text would "
                                          r"count it twice; keep one row per text$"):
        corpus.load_docs(texts_copy)


def test_one_text_under_two_file_names(texts_copy):
    """A copy of a text under another name, with a row of its own (a press release
    republished on another portal): the same sha256, the same text, counted twice."""
    name = "texts/2019-04-22_norov_press-club-interview.txt"
    (texts_copy / "texts" / "copy.txt").write_bytes((texts_copy / name).read_bytes())
    line = _add_rows(texts_copy, {"doc_id": "the-copy", "file": "texts/copy.txt"})
    sha = corpus.corpus_checksums(CORPUS)[name]
    with pytest.raises(CorpusError, match=rf"metadata\.csv, line {line}: duplicate sha256 "
                                          rf"'{sha}' \(first on line 2\): texts/copy\.txt is "
                                          rf"the same text as {name} .* would be counted twice"):
        corpus.load_docs(texts_copy)
    # a row copied for a new text, its checksum left as it was: the message says what to do
    (texts_copy / "texts" / "copy.txt").write_text("Another text\nIts paragraph.\n")
    with pytest.raises(CorpusError, match=rf"line {line}: duplicate sha256 .* if the two texts "
                                          r"differ, correct the sha256 that is wrong "
                                          rf"\(sha256sum {name} texts/copy\.txt\)$"):
        corpus.load_metadata(texts_copy)


def test_the_study_corpus_and_the_fixture_name_each_text_once():
    for root in (CORPUS, MULTI):
        meta = corpus.load_metadata(root)
        assert meta["file"].is_unique and meta["sha256"].is_unique, root


def test_non_utf8_text(tmp_path):
    root = write_corpus(tmp_path / "c", {"bad-2021-speech": "Title\nok\n"})
    path = root / "texts" / "bad-2021-speech.txt"
    data = "Title\nCaf\u00e9 society.\n".encode("latin-1")
    path.write_bytes(data)
    _rewrite_meta(root, sha256=hashlib.sha256(data).hexdigest())
    with pytest.raises(CorpusError, match=r"bad-2021-speech\.txt: not valid UTF-8 "
                                          r"\(invalid byte at offset 9\)"):
        corpus.load_docs(root)


def test_non_utf8_metadata(texts_copy):
    path = texts_copy / "metadata.csv"
    path.write_bytes(path.read_bytes().replace("’".encode(), b"\x92"))
    with pytest.raises(CorpusError, match=r"metadata\.csv: not valid UTF-8"):
        corpus.load_metadata(texts_copy)


@pytest.mark.parametrize("name", ["metadata.csv", "corrections.csv"])
def test_csv_with_a_byte_order_mark_reads_the_same(texts_copy, name):
    before = corpus.load_docs(texts_copy)
    sums = corpus.corpus_checksums(texts_copy)
    path = texts_copy / name
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())        # as Excel saves it
    pd.testing.assert_frame_equal(corpus.load_docs(texts_copy), before)
    after = corpus.corpus_checksums(texts_copy)
    assert after.pop(name) != sums.pop(name) and after == sums     # texts: same bytes


@pytest.mark.parametrize("text,problem", [
    ("", "empty document"),
    ("  \n\n \u00a0\n", "empty document"),
    ("Just one long line with no paragraph breaks at all.", "no paragraph breaks"),
])
def test_empty_or_unbroken_document(tmp_path, text, problem):
    root = write_corpus(tmp_path / "c", {"bad-2021-speech": text})
    with pytest.raises(CorpusError, match=rf"bad-2021-speech\.txt: {problem}"):
        corpus.load_docs(root)


def test_bad_layer_is_named():
    with pytest.raises(ValueError, match=r"layer='clean' is not one of \('raw', 'cleaned'\)"):
        corpus.load_docs(CORPUS, layer="clean")


def test_loading_never_writes_the_corpus(texts_copy):
    for p in texts_copy.rglob("*"):
        p.chmod(0o555 if p.is_dir() else 0o444)
    before = {p: p.read_bytes() for p in texts_copy.rglob("*") if p.is_file()}
    corpus.segment(corpus.load_docs(texts_copy))
    assert before == {p: p.read_bytes() for p in texts_copy.rglob("*") if p.is_file()}


def test_code_does_not_name_the_documents_or_years():
    """No literal in the package's code (docstrings aside) names a document or year."""
    import ast

    for path, tree in package_trees():
        docstrings = {id(n.body[0].value) for n in walk(tree)
                      if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))
                      and n.body and isinstance(n.body[0], ast.Expr)
                      and isinstance(n.body[0].value, ast.Constant)}
        for node in walk(tree):
            if isinstance(node, ast.Constant) and id(node) not in docstrings:
                value = str(node.value)
                assert "norov" not in value.lower(), (path, node.lineno)
                assert not re.search(r"\b(2019|2020)\b", value), (path, node.lineno)


# --- the sentences table is segmented once per run and then shared -------------------

def _written(root, results_dir, layer="cleaned"):
    from discourse import io, results

    table = corpus.segment(corpus.load_docs(root, layer=layer))
    out = results.SENTENCES if layer == "cleaned" else results.SENTENCES_RAW
    io.write_table(table, out.path(results_dir))
    return table


def test_load_sentences_reads_the_written_table(tiny_corpus, tmp_path, monkeypatch):
    expected = _written(tiny_corpus, tmp_path / "results")
    monkeypatch.setattr(corpus, "segment", lambda *a, **k: pytest.fail("segmented again"))
    got = corpus.load_sentences(tiny_corpus, results=tmp_path / "results")
    pd.testing.assert_frame_equal(got, expected)
    assert got.attrs["provenance"]["function"] == "discourse.segmentation.segment"
    assert got.attrs["provenance"]["corpus"] == expected.attrs["provenance"]["corpus"]


def test_load_sentences_segments_when_the_table_is_stale(tiny_corpus, tmp_path):
    results_dir = tmp_path / "results"
    _written(tiny_corpus, results_dir)
    # another corpus: the written table is not its sentences table
    other = write_corpus(tmp_path / "other", {"x-2023-speech": "A title\nOne. Two.\n"})
    assert corpus.load_sentences(other, results=results_dir).text.tolist() == \
        ["A title", "One.", "Two."]
    # the written table edited by hand: its checksum no longer matches its sidecar
    path = results_dir / "sentences.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Trade grew", "Trade fell"),
                    encoding="utf-8")
    assert "Trade grew to US$ 6.3 trillion, or 3,800 deals." in set(
        corpus.load_sentences(tiny_corpus, results=results_dir).text)
    # no written table at all
    assert len(corpus.load_sentences(tiny_corpus, results=tmp_path / "none")) == 13


def _set_dates(root, dates):
    """Rewrite the dates of metadata.csv (``{doc_id: date}``; the texts are unchanged)."""
    path = root / "metadata.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["date"] = dates.get(row["doc_id"], row["date"])
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_the_date_column_is_read_back_as_written(tmp_path, monkeypatch):
    """A year, a month and a day stay text when results/sentences.csv is read back
    ("2021" is not the number 2021, "2022-06" no day), equal to metadata's dates."""
    root = write_corpus(tmp_path / "c", {"a-2021-speech": "A\nOne.\n",
                                         "b-2022-speech": "B\nTwo.\n",
                                         "c-2023-speech": "C\nThree.\n"})
    _set_dates(root, {"a-2021-speech": "2021", "b-2022-speech": "2022-06"})
    expected = _written(root, tmp_path / "results")
    assert expected["date"].tolist() == ["2021", "2021", "2022-06", "2022-06",
                                         "2023-03-15", "2023-03-15"]
    monkeypatch.setattr(corpus, "segment", lambda *a, **k: pytest.fail("segmented again"))
    got = corpus.load_sentences(root, results=tmp_path / "results")
    pd.testing.assert_frame_equal(got, expected)
    meta = corpus.load_metadata(root).set_index("doc_id")["date"]
    assert got["date"].tolist() == got["doc_id"].map(meta).tolist()


def test_a_sentences_table_written_without_dates_is_made_again(tiny_corpus, tmp_path):
    """A table written before the ``date`` column (same version, same corpus) is not
    read back: the frame coder would judge membership by the year."""
    from discourse import io, results

    table = corpus.segment(corpus.load_docs(tiny_corpus))
    old = table.drop(columns="date")
    old.attrs = dict(table.attrs)
    path = results.SENTENCES.path(tmp_path)
    io.write_table(old, path)
    assert "date" not in pd.read_csv(path).columns
    got = corpus.load_sentences(tiny_corpus, results=tmp_path)
    pd.testing.assert_frame_equal(got, table)


def test_load_sentences_per_layer(texts_copy, tmp_path):
    raw = _written(texts_copy, tmp_path, layer="raw")
    got = corpus.load_sentences(texts_copy, layer="raw", results=tmp_path)
    pd.testing.assert_frame_equal(got, raw)
    assert "Inter-midovisional" in " ".join(got.text)
    with pytest.raises(ValueError, match="layer='clean' is not one of"):
        corpus.load_sentences(texts_copy, layer="clean")


def test_docs_and_sentences_record_the_corpus(tiny_corpus):
    docs = corpus.load_docs(tiny_corpus, layer="raw")
    record = docs.attrs["provenance"]
    assert record["function"] == "discourse.corpus.load_docs"
    assert record["corpus"]["layer"] == "raw" and record["corpus"]["directory"] == "tiny"
    assert len(record["corpus"]["sha256"]) == 64
    assert corpus.segment(docs).attrs["provenance"]["corpus"] == record["corpus"]


# --- selected documents, streamed (each worker process of parallel.count_documents) ---

def test_stream_docs_of_selected_rows_gives_their_texts_as_load_docs_does(monkeypatch):
    for layer in ("cleaned", "raw"):
        full = corpus.load_docs(CORPUS, layer=layer).set_index("doc_id")["text"]
        table, _ = corpus.stream_docs(CORPUS, layer=layer)
        part = table.iloc[::-1]                          # any of its rows, in any order
        with monkeypatch.context() as m:                 # the corpus is not hashed again
            m.setattr(corpus, "corpus_checksums", lambda *a: pytest.fail("hashed again"))
            got, rows = corpus.stream_docs(CORPUS, layer=layer, docs=part)
            rows = list(rows)
        assert got is part
        assert [r.doc_id for r in rows] == list(part.doc_id)
        assert [r.text for r in rows] == [full[d] for d in part.doc_id]    # corrected
        assert [r[:-1] for r in rows] == list(part.itertuples(index=False))


def test_stream_docs_of_selected_rows_verifies_each_text_when_it_is_read(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(MULTI, root)
    table, _ = corpus.stream_docs(root)
    victim = root / table.file.iloc[-1]
    victim.write_bytes(victim.read_bytes() + b"\nA new line.\n")
    _, rows = corpus.stream_docs(root, docs=table.iloc[-2:])    # nothing read yet
    assert next(rows).doc_id == table.doc_id.iloc[-2]
    with pytest.raises(CorpusError, match=f"^{re.escape(str(victim))}: checksum mismatch"):
        next(rows)
    assert len(list(corpus.stream_docs(root, docs=table.iloc[:-1])[1])) == len(table) - 1


def test_stream_docs_of_selected_rows_checks_them_against_the_metadata(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(MULTI, root)
    table, _ = corpus.stream_docs(root)
    with pytest.raises(ValueError, match="not those of a table of stream_docs"):
        corpus.stream_docs(root, docs=corpus.load_docs(root))
    with pytest.raises(ValueError, match=r"layer\(s\) \['cleaned'\], not of layer='raw'"):
        corpus.stream_docs(root, layer="raw", docs=table)
    stale = table.assign(sha256=["0" * 64] + list(table.sha256.iloc[1:]))
    with pytest.raises(CorpusError, match=f"metadata.csv: no longer names the file and "
                                          f"sha256 of the docs table for {table.doc_id[0]} "):
        corpus.stream_docs(root, docs=stale)
    assert list(corpus.stream_docs(root, docs=table.iloc[:0])[1]) == []
