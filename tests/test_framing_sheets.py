"""discourse.framing.sampling and .sheets: `discourse sample` and `discourse validate`,
their locks and every refusal, on the five-document fixture corpus."""

from __future__ import annotations

import hashlib
import json
import shutil
import warnings

import pandas as pd
import pytest

from discourse import cli, corpus, framing, paths
from discourse.framing import sampling, sheets

from conftest import MULTI

F = framing.FRAMES


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """A copy of the fixture corpus, a codebook, a lexicon copy and a sheet drawn with
    `discourse sample`, filled from the coder's codes with two changes: made once per
    module (drawing and coding are deterministic), copied for each test by ``setup``."""
    tmp = tmp_path_factory.mktemp("sheets")
    root = tmp / "corpus"
    shutil.copytree(MULTI, root)
    book = tmp / "codebook.md"
    book.write_text("# Codebook\n\nSecurity, economy, multilateralism.\n")
    lexicon = tmp / "frames.yaml"
    shutil.copy(paths.lexicon_path(framing.LEXICON_FILE), lexicon)
    shutil.copy(paths.lexicon_path("states.csv"), tmp)             # a complete folder
    sheet = tmp / "sheet.csv"
    common = ["--corpus", str(root), "--lexicon", str(lexicon), "--codebook", str(book)]
    assert cli.main(["sample", "--n", "12", "--by", "year", "--seed", "4", *common,
                     "-o", str(sheet)]) == 0
    sents = corpus.segment(corpus.load_docs(root))
    codes = framing.code_sentences(sents).set_index("sentence_id")
    blank = pd.read_csv(sheet, dtype=str, keep_default_na=False)
    filled = blank.copy()
    for f in F:
        filled[f] = codes.loc[blank.id, f].to_numpy()
    filled.loc[0, "security"] = 1 - filled.loc[0, "security"]        # the hand differs
    filled.loc[1, "economy"] = 1 - filled.loc[1, "economy"]
    coded = tmp / "coded.csv"
    filled.to_csv(coded, index=False)
    shutil.copy(sampling.lock_path(sheet), sampling.lock_path(coded))
    return {"tmp": tmp, "filled": filled, "blank": blank, "sents": sents}


@pytest.fixture
def setup(drawn, tmp_path):
    """The files of ``drawn`` copied into this test's own directory (tests change
    them), with fresh copies of its tables."""
    shutil.copytree(drawn["tmp"], tmp_path, dirs_exist_ok=True)
    root, lexicon, book = tmp_path / "corpus", tmp_path / "frames.yaml", tmp_path / "codebook.md"
    common = ["--corpus", str(root), "--lexicon", str(lexicon), "--codebook", str(book)]
    return {"root": root, "book": book, "lexicon": lexicon, "sheet": tmp_path / "sheet.csv",
            "coded": tmp_path / "coded.csv", "filled": drawn["filled"].copy(),
            "blank": drawn["blank"].copy(), "common": common, "tmp": tmp_path,
            "sents": drawn["sents"].copy()}


def test_sample_is_stratified_blind_and_locked(setup):
    blank, sents = setup["blank"], setup["sents"]
    assert list(blank.columns) == list(sampling.SHEET_COLUMNS)
    assert (blank[list(F) + ["note"]] == "").all().all()            # never the coder's codes
    sizes = sents.year.value_counts().sort_index()
    counts = blank.stratum.value_counts().sort_index()
    assert counts.sum() == 12 and (counts >= 2).all()
    quota = sizes / sizes.sum() * 12
    assert ((counts.to_numpy() - quota.to_numpy()).__abs__() < 1).all()   # proportional
    row = blank.iloc[0]
    s = sents.set_index("sentence_id").loc[row.id]
    assert row.text == s.text and row.text in row.paragraph_text
    # the context of the codebook's rule 1 (a walkthrough coded "Yes." blind to the
    # question it answers): the title, and the paragraph before the sentence's
    for r in blank.itertuples():
        doc = sents[sents.doc_id == r.document]
        mine = doc.set_index("sentence_id").loc[r.id, "paragraph"]
        paras = doc.groupby("paragraph", sort=False)["text"].agg(" ".join)
        assert r.title == doc[doc.role == "title"].text.str.cat(sep=" ")
        at = list(paras.index).index(mine)
        assert r.previous_paragraph == (paras.iloc[at - 1] if at else "")
        assert r.paragraph_text == paras.loc[mine]
    lock = json.loads(sampling.lock_path(setup["sheet"]).read_text())
    assert lock["codebook"]["file"] == "codebook.md" and lock["by"] == "year"
    assert set(lock["corpus"]["files"]) >= {"metadata.csv"}
    assert lock["strata"]["2022"]["population"] == int(sizes[2022])
    assert lock["sample"]["sha256"] == sampling.sample_checksum(blank)
    states = setup["lexicon"].parent / "states.csv"
    assert lock["states"] == {"file": "states.csv", "sha256": hashlib.sha256(
        states.read_bytes()).hexdigest()}
    # the same seed gives the same sheet
    again = sampling.sample_sheet(sents, n=12, seed=4, by="year")
    assert again["id"].tolist() == blank["id"].tolist()


def test_sample_refuses_bad_input_and_writes_nothing(setup, capsys):
    out = setup["tmp"] / "new.csv"
    common = ["--corpus", str(setup["root"]), "--lexicon", str(setup["lexicon"])]
    assert cli.main(["sample", "--n", "5", "--seed", "1", *common, "--codebook",
                     str(setup["tmp"] / "none.md"), "-o", str(out)]) == 2
    assert "none.md: codebook not found" in capsys.readouterr().err
    assert cli.main(["sample", "--n", "5", "--by", "year", "--seed", "1", *setup["common"],
                     "-o", str(out)]) == 2
    assert "n=5 is too small for 3 strata" in capsys.readouterr().err
    assert cli.main(["sample", "--n", "100000", "--seed", "1", *setup["common"],
                     "-o", str(out)]) == 2
    assert "is more than the" in capsys.readouterr().err
    assert not out.exists() and not sampling.lock_path(out).exists()


def test_sample_refuses_to_overwrite_a_sheet_or_lock_without_force(setup, capsys):
    sheet, lock = setup["sheet"], sampling.lock_path(setup["sheet"])
    setup["filled"].to_csv(sheet, index=False)                      # hand-coded since
    before = sheet.read_bytes(), lock.read_bytes()
    again = ["sample", "--n", "10", "--seed", "2", *setup["common"], "-o", str(sheet)]
    assert cli.main(again) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{sheet}: the coding sheet already exists" in err
    assert "--force" in err and (sheet.read_bytes(), lock.read_bytes()) == before
    sheet.unlink()                                                  # the lock alone
    assert cli.main(again) == 2
    assert f"{lock}: the lock already exists" in capsys.readouterr().err
    assert not sheet.exists() and lock.read_bytes() == before[1]
    assert cli.main([*again, "--force"]) == 0
    assert len(pd.read_csv(sheet)) == 10 and json.loads(lock.read_text())["n"] == 10


@pytest.mark.slow
def test_validate_writes_agreement_and_corrected_shares(setup):
    out = setup["tmp"] / "out"
    assert cli.main(["validate", str(setup["coded"]), *setup["common"], "--n-boot", "200",
                     "-o", str(out)]) == 0
    names = sorted(p.name for p in out.glob("*.csv"))
    assert names == ["agreement.csv", "coder-disagreements.csv", "shares-ppi.csv",
                     "shares-rogan-gladen.csv"]
    dis = pd.read_csv(out / "coder-disagreements.csv")
    filled = setup["filled"]
    assert sorted(zip(dis.sentence_id, dis.frame)) == sorted(
        [(filled.id[0], "security"), (filled.id[1], "economy")])
    ppi = pd.read_csv(out / "shares-ppi.csv")
    assert set(ppi.year.astype(str)) == {"2021", "2022", "2023", "all"}
    # the PPI estimate is the coder mean plus the mean of hand - coder in the sample
    codes = framing.code_sentences(setup["sents"]).merge(setup["sents"][["sentence_id", "year"]])
    row = ppi[(ppi.year.astype(str) == "2021") & (ppi.frame == "security")].iloc[0]
    part = filled[filled.stratum == "2021"]
    coder = codes.set_index("sentence_id").loc[part.id, "security"].to_numpy()
    assert row.estimate == pytest.approx(codes[codes.year == 2021].security.mean()
                                         + (part.security.astype(int).to_numpy() - coder).mean())


@pytest.mark.slow
def test_validate_with_two_sheets_reports_reliability(setup):
    second = setup["tmp"] / "second.csv"
    filled = setup["filled"]
    filled.assign(multilateralism=1 - filled.multilateralism.astype(int)).to_csv(
        second, index=False)
    result = framing.validate_sheet(setup["coded"], second, corpus=setup["root"],
                                    lexicon=setup["lexicon"], codebook=setup["book"],
                                    n_boot=100, agreement_n_boot=100)
    rel = result.tables["reliability"].set_index(["frame", "metric"])
    assert rel.loc[("multilateralism", "percent_agreement"), "value"] == 0
    assert rel.loc[("security", "percent_agreement"), "value"] == 1
    d = result.tables["intercoder-disagreements"]
    assert set(d.frame) == {"multilateralism"} and len(d) == 12
    # the agreement table says what it was measured on: this corpus registers no sets
    assert set(result.tables["agreement"].measured_on) == {
        "a sample of this corpus: real text (whether the lexicon was built or tuned on it "
        "is not recorded in annotations/sets.csv)"}


@pytest.mark.slow
@pytest.mark.parametrize("developed, said", [
    (True, "a sample of this corpus: real text the lexicon was built or tuned on "
           "(optimistic)"),
    (False, "a sample of this corpus: real text the lexicon was not built or tuned on")])
def test_the_agreement_of_a_sheet_says_whether_the_lexicon_was_built_on_it(
        setup, monkeypatch, developed, said):
    seen = []
    monkeypatch.setattr(sheets, "lexicon_developed_on",
                        lambda corpus: seen.append(corpus) or developed)
    result = framing.validate_sheet(setup["coded"], corpus=setup["root"],
                                    lexicon=setup["lexicon"], codebook=setup["book"],
                                    n_boot=50, agreement_n_boot=50)
    assert seen == [setup["root"]]                  # the registry of the sheet's corpus
    assert set(result.tables["agreement"].measured_on) == {said}


@pytest.mark.slow
def test_a_sample_partly_of_the_development_set_says_how_much_and_scores_the_rest(
        setup, monkeypatch):
    """A walkthrough: a sample of the study's texts and five new ones was labelled "real
    text the lexicon was built or tuned on (optimistic)" as a whole. Now the label counts
    the sample's sentences in the set the lexicon was developed on (the corpus's
    frames_validation.csv, registered as used for development), and the agreement on
    the others is added below, labelled as such."""
    monkeypatch.setattr(sheets, "lexicon_developed_on", lambda corpus: True)
    filled = setup["filled"]
    built = filled.id[:5]                              # 5 of the 12 in the development set
    (setup["root"] / "annotations").mkdir(exist_ok=True)
    filled[:5].rename(columns={"id": "sentence_id"})[["sentence_id", *F]].to_csv(
        setup["root"] / "annotations" / "frames_validation.csv", index=False)
    result = framing.validate_sheet(setup["coded"], corpus=setup["root"],
                                    lexicon=setup["lexicon"], codebook=setup["book"],
                                    n_boot=50, agreement_n_boot=50)
    agreement = result.tables["agreement"]
    whole = ("a sample of this corpus: real text; 5 of 12 sentences are from text the "
             "lexicon was built or tuned on (optimistic for those), 7 from text it was not")
    rest = ("a sample of this corpus: real text: the 7 of its 12 sentences from text the "
            "lexicon was not built or tuned on")
    assert agreement.measured_on.unique().tolist() == [whole, rest]
    assert agreement.groupby("measured_on", sort=False).n.unique().tolist() == [[12], [7]]
    assert agreement.columns.tolist()[:3] == ["measured_on", "frame", "metric"]
    # the rows of the rest are the agreement on those sentences alone
    alone = framing.validate(
        framing.code_sentences(setup["sents"], framing.load_lexicon(setup["lexicon"])),
        filled[~filled.id.isin(built)].rename(columns={"id": "sentence_id"})[
            ["sentence_id", *F]].astype({f: int for f in F}),
        clusters=setup["sents"], n_boot=50, documents=False)
    got = agreement[agreement.measured_on == rest].drop(columns="measured_on")
    pd.testing.assert_frame_equal(got.reset_index(drop=True), alone, check_dtype=False)
    # none of the sample in the development set: not built on it, and no second block
    filled[:0].rename(columns={"id": "sentence_id"})[["sentence_id", *F]].to_csv(
        setup["root"] / "annotations" / "frames_validation.csv", index=False)
    result = framing.validate_sheet(setup["coded"], corpus=setup["root"],
                                    lexicon=setup["lexicon"], codebook=setup["book"],
                                    n_boot=50, agreement_n_boot=50)
    assert set(result.tables["agreement"].measured_on) == {
        "a sample of this corpus: real text the lexicon was not built or tuned on (none of "
        "its sentences is in the hand-coded set the lexicon was developed on)"}
    assert len(result.tables["agreement"]) == 15


@pytest.mark.slow
def test_a_validation_names_its_sheets_and_leaves_no_earlier_tables(setup):
    """A walkthrough: no table said which sheet it was measured on, and a run with one
    sheet into a folder of a run with two left the second coder's tables beside the new
    ones (looking current)."""
    import hashlib
    import json

    second = setup["tmp"] / "second.csv"
    setup["filled"].to_csv(second, index=False)
    out = setup["tmp"] / "out"
    assert cli.main(["validate", str(setup["coded"]), str(second), *setup["common"],
                     "--n-boot", "100", "-o", str(out)]) == 0
    assert (out / "reliability.csv").is_file()
    record = json.loads((out / ".provenance" / "agreement.csv.json").read_text())
    sha = {p: hashlib.sha256(p.read_bytes()).hexdigest()
           for p in (setup["coded"], second, sampling.lock_path(setup["coded"]))}
    assert record["files"] == {"sheet coded.csv": sha[setup["coded"]],
                               "second sheet second.csv": sha[second],
                               "lock coded.lock.json": sha[sampling.lock_path(setup["coded"])]}
    assert cli.main(["validate", str(setup["coded"]), *setup["common"], "--n-boot", "100",
                     "--agreement-n-boot", "150", "-o", str(out)]) == 0
    assert set(pd.read_csv(out / "agreement.csv").n_boot) == {150}    # was always 10,000
    assert sorted(p.name for p in out.glob("*.csv")) == [
        "agreement.csv", "coder-disagreements.csv", "shares-ppi.csv",
        "shares-rogan-gladen.csv"]
    assert not (out / ".provenance" / "reliability.csv.json").exists()
    record = json.loads((out / ".provenance" / "shares-ppi.csv.json").read_text())
    assert set(record["files"]) == {"sheet coded.csv", "lock coded.lock.json"}


def test_an_unstratified_sheet_has_one_row_per_frame_of_prediction_powered_shares():
    """A walkthrough: without --by the one stratum ("all") and the total ("all") were
    two identical rows of each frame."""
    coded = pd.DataFrame({"id": range(6), "stratum": "all", "security": [1, 0, 0, 1, 0, 0],
                          "economy": 0, "multilateralism": 1})
    sample = pd.DataFrame({"id": [0, 1, 2], "security": [1, 1, 0], "economy": 0,
                           "multilateralism": 1})
    t = framing.prediction_powered_shares(coded, sample)
    assert t.stratum.tolist() == ["all"] * 3 and t.frame.tolist() == list(F)
    # 1/3 of the coded sentences, plus the mean of hand - coder in the sample (1/3)
    assert t.set_index("frame").loc["security", "estimate"] == pytest.approx(2 / 3)
    two = coded.assign(stratum=["a"] * 3 + ["b"] * 3)
    assert framing.prediction_powered_shares(two, sample).stratum.tolist() == \
        ["a", "b", "all"] * 3


@pytest.mark.parametrize("change, message", [
    ("missing column", "missing column(s) economy"),
    ("code 2", "column 'security' is '2'; every code must be 0 or 1"),
    ("empty code", "column 'security' is empty (uncoded)"),
    ("unknown id", "1 id(s) are not sentences of the corpus, e.g. 'nope.p001.s01'"),
    ("changed text", "its ids or texts are not those of the sample"),
    # a walkthrough: an edited, added or removed row was not named
    ("changed text", "(the text of id "),
    ("added row", "(it has 13 rows, 12 sentences were drawn)"),
    ("removed row", "(it has 11 rows, 12 sentences were drawn)"),
    ("codebook", "the codebook changed (codebook.md"),
    ("lexicon", "the lexicon changed (frames.yaml"),
    # the likelier cause first: validated with another lexicon than the sheet's
    ("lexicon", "if the sheet was drawn with another lexicon, name it (--lexicon FILE or "
                "DISCOURSE_LEXICONS); if the files changed, restore them, or, if you "
                "changed them on purpose (a lexicon adapted to your texts), draw and code a "
                "new sample with them (discourse sample): a lexicon changed after this "
                "sample was drawn may have been tuned on it"),
    ("corpus", "since the sample was drawn (corpus checked: "),
    ("states", "the lexicon's states file changed (states.csv: sha256 "),
    ("corpus", "the corpus changed (changed: metadata.csv"),
    # a walkthrough: --corpus forgotten, the repository's corpus/ checked instead of the
    # sheet's own corpus/ (the same name), was told to restore files or draw again
    ("corpus", "if the sheet was drawn from another folder named corpus/, pass that "
               "folder with --corpus; restore the files"),
    ("no lock", "lock file not found"),
])
def test_validate_refuses_and_writes_nothing(setup, capsys, change, message):
    coded, filled = setup["coded"], setup["filled"].copy()
    if change == "missing column":
        filled = filled.drop(columns="economy")
    elif change == "code 2":
        filled.loc[3, "security"] = 2
    elif change == "empty code":
        filled["security"] = filled["security"].astype(str)
        filled.loc[3, "security"] = ""
    elif change == "unknown id":
        filled.loc[3, "id"] = "nope.p001.s01"
    elif change == "changed text":
        filled.loc[3, "text"] = "Something else."
    elif change == "added row":
        extra = setup["sents"][~setup["sents"].sentence_id.isin(filled.id)].iloc[0]
        added = filled.iloc[[0]].assign(id=extra.sentence_id, text=extra.text)
        filled = pd.concat([filled, added])
    elif change == "removed row":
        filled = filled.iloc[1:]
    elif change == "codebook":
        setup["book"].write_text("# Codebook, version 2\n")
    elif change == "lexicon":
        with open(setup["lexicon"], "a") as fh:
            fh.write("\n# a comment\n")
    elif change == "states":
        with open(setup["lexicon"].parent / "states.csv", "a") as fh:
            fh.write("Atlantis,Atlantis,Atlantean,,\n")
    elif change == "corpus":
        meta = setup["root"] / "metadata.csv"
        meta.write_text(meta.read_text().replace("anniversary reception",
                                                 "anniversary dinner", 1))
    elif change == "no lock":
        sampling.lock_path(coded).unlink()
    filled.to_csv(coded, index=False)
    out = setup["tmp"] / "out"
    assert cli.main(["validate", str(coded), *setup["common"], "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and ("coded" in err)
    assert not out.exists()


@pytest.mark.slow
def test_validate_names_the_corpus_the_sheet_was_drawn_from(setup, capsys, monkeypatch):
    mine = setup["tmp"] / "mycorpus"
    shutil.copytree(setup["root"], mine)
    out, sheet = setup["tmp"] / "out", setup["tmp"] / "mine.csv"
    book = ["--lexicon", str(setup["lexicon"]), "--codebook", str(setup["book"])]
    assert cli.main(["sample", "--n", "6", "--seed", "3", "--corpus", str(mine), *book,
                     "-o", str(sheet)]) == 0
    capsys.readouterr()
    pd.read_csv(sheet, dtype=str).assign(**{f: 0 for f in F}).to_csv(sheet, index=False)
    monkeypatch.delenv("DISCOURSE_CORPUS", raising=False)
    assert cli.main(["validate", str(sheet), *book, "-o", str(out)]) == 2   # corpus/
    err = capsys.readouterr().err
    assert f"{sheet}: it was drawn from the corpus in mycorpus/" in err
    assert "mine.lock.json" in err and "pass --corpus" in err
    assert "the corpus changed" not in err and not out.exists()
    # a renamed copy that was edited is named as one possibility, with what differs
    assert "(if corpus/ is a copy of it, the copy differs: changed: " in err
    moved = setup["tmp"] / "moved"                # the same files under another name pass
    shutil.copytree(mine, moved)
    assert cli.main(["validate", str(sheet), "--corpus", str(moved), *book, "-o",
                     str(out)]) == 0
    shutil.rmtree(out)
    capsys.readouterr()
    (mine / "metadata.csv").write_bytes((mine / "metadata.csv").read_bytes() + b"\n")
    assert cli.main(["validate", str(sheet), "--corpus", str(mine), *book, "-o",
                     str(out)]) == 2                      # the right one, changed since
    assert f"(corpus checked: {mine}/)" in capsys.readouterr().err


def test_read_sheet_names_the_file_and_row(tmp_path):
    p = tmp_path / "s.csv"
    pd.DataFrame({"id": ["a", "b"], "text": ["x", "y"], "security": [0, "yes"],
                  "economy": 0, "multilateralism": 1}).to_csv(p, index=False)
    with pytest.raises(sheets.SheetError, match=r"s.csv, line 3 \(id 'b'\): column "
                                                r"'security' is 'yes'"):
        sheets.read_sheet(p)
    with pytest.raises(sheets.SheetError, match="coding sheet not found"):
        sheets.read_sheet(tmp_path / "none.csv")
    # a walkthrough: a partly coded sheet named only its first blank cell
    pd.DataFrame({"id": list("abcd"), "text": "x", "security": ["1", "", "", "0"],
                  "economy": ["0", "1", "", "0"], "multilateralism": "1"}).to_csv(
        p, index=False)
    with pytest.raises(sheets.SheetError) as err:
        sheets.read_sheet(p)
    assert str(err.value) == (f"{p}, line 3 (id 'b'): column 'security' is empty (uncoded); "
                              "every code must be 0 or 1 (2 of 4 rows have an empty code)")
    # a bad code in a later column (after the earlier ones were read as numbers)
    for frame, value, what in (("economy", "yes", "is 'yes'"),
                               ("multilateralism", "", "is empty (uncoded)")):
        pd.DataFrame({"id": list("ab"), "text": "x", "security": "1", "economy": "0",
                      "multilateralism": "1"}).assign(**{frame: ["1", value]}).to_csv(
            p, index=False)
        with pytest.raises(sheets.SheetError) as err:
            sheets.read_sheet(p)
        assert str(err.value) == (f"{p}, line 3 (id 'b'): column '{frame}' {what}; every "
                                  "code must be 0 or 1")
    # ... and a sheet saved with semicolons was "not a UTF-8 CSV file" over two lines
    p.write_text('id;text;security;economy;multilateralism\na;x;1;0;0\nb;"y;z";0;1;0\n',
                 encoding="utf-8")
    with pytest.raises(sheets.SheetError) as err:
        sheets.read_sheet(p)
    assert str(err.value) == f"{p}: its columns are separated by semicolons; save it as " \
        "CSV with commas"


@pytest.mark.slow
def test_a_lock_written_before_states_files_were_locked_is_still_read(setup):
    """An older lock has no "states" entry: the states file is not checked (a warning
    says so), everything else is, and nothing crashes."""
    lock = sampling.lock_path(setup["coded"])
    record = json.loads(lock.read_text(encoding="utf-8"))
    del record["states"]
    lock.write_text(json.dumps(record, indent=2), encoding="utf-8")
    kwargs = dict(corpus=setup["root"], lexicon=setup["lexicon"], codebook=setup["book"],
                  n_boot=50, agreement_n_boot=50)
    with open(setup["lexicon"].parent / "states.csv", "a") as fh:
        fh.write("Atlantis,Atlantis,Atlantean,,\n")                 # not recorded
    with pytest.warns(UserWarning, match="records no states file .* not checked") as got:
        result = framing.validate_sheet(setup["coded"], **kwargs)
    assert len(result.tables["coder-disagreements"]) == 2
    # said once, though every check of the sources reads the lock (three of them here)
    said = [w for w in got.list if "records no states file" in str(w.message)]
    assert len(said) == 1, [(w.filename, w.lineno) for w in said]
    setup["book"].write_text("# Codebook, version 2\n")             # still checked
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        with pytest.raises(sheets.SheetError, match="the codebook changed"):
            framing.validate_sheet(setup["coded"], **kwargs)
