"""docs/coding/scripts/register_probe.py: the three steps that registered the probes
rebuild a registered probe (``probe129``) from its two codings and its decisions, byte
for byte, score it as scikit-learn does, and refuse bad input without writing."""

from __future__ import annotations

import csv
import json
import re
import shutil

import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score, f1_score

from conftest import REPO, load_script

DOCS = REPO / "docs" / "coding"
F = ["security", "economy", "multilateralism"]
PROBE = "probe129"


@pytest.fixture(scope="module")
def script():
    return load_script(DOCS / "scripts" / "register_probe.py")


def _inputs(tmp_path):
    """The coders' folder of ``PROBE``, its decisions (from the notes of its reference)
    and a registry without it."""
    folder = tmp_path / "coders"
    folder.mkdir()
    for name in ("texts.csv", "coder_a.csv", "coder_b.csv"):
        shutil.copy(DOCS / PROBE / name, folder / name)
    ref = pd.read_csv(DOCS / PROBE / "reference.csv", dtype=str, keep_default_na=False)
    decided = ref[ref.note.str.startswith("adjudicated: ")]
    adj = tmp_path / "adj.json"
    adj.write_text(json.dumps({r.id: ["".join(r[f] for f in F),
                                      r.note[len("adjudicated: "):]]
                               for _, r in decided.iterrows()}))
    root = tmp_path / "root"
    root.mkdir()
    with open(DOCS / "probes.csv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh) if r[0] != PROBE]
    with open(root / "probes.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return folder, adj, root


def test_reference_rebuilds_the_probes_files_byte_for_byte(script, tmp_path):
    folder, adj, root = _inputs(tmp_path)
    dest = script.reference(PROBE, folder, adj, root)
    for name in ("texts.csv", "coder_a.csv", "coder_b.csv", "reference.csv"):
        assert (dest / name).read_bytes() == (DOCS / PROBE / name).read_bytes(), name
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == []


def test_register_scores_as_scikit_learn_and_writes_the_readme_and_row(
        script, tmp_path, frame_lexicon):
    folder, adj, root = _inputs(tmp_path)
    script.reference(PROBE, folder, adj, root)
    readme = (DOCS / PROBE / "README.md").read_text(encoding="utf-8")
    flat = " ".join(readme.split())
    notes = re.search(r"\(`note`\): (.*?)\. Scores", flat).group(1)
    written = re.search(r"Written and coded at stop 52 (.*?), and scored once", flat).group(1)
    row = script.register(PROBE, stop=52, round_=43, commit="5eae56e", notes=notes,
                          written=written, lexicon=frame_lexicon, root=root,
                          date="2026-12-07")
    # the row as registered (the coder's first scores were those of the lexicon of round
    # 43, the coder here is the lexicon as it is now; the probe's status changes later)
    registry = pd.read_csv(DOCS / "probes.csv", dtype=str, keep_default_na=False)
    recorded = registry[registry.probe == PROBE].iloc[0].to_dict()
    fixed = ("probe", "sentences", "genres", "first_scored_with", "coders_macro_f1")
    assert {k: row[k] for k in fixed} == {k: recorded[k] for k in fixed}
    assert (row["errors_read"], row["entries_from_errors"]) == ("no", "")
    from discourse.framing import code_set
    from discourse.framing.probes import load_probe

    table = load_probe(PROBE, root)
    got = code_set(table, frame_lexicon)
    for f in F:
        kappa = cohen_kappa_score(table[f].astype(int), got[f].astype(int))
        assert row[f"first_kappa_{f}"] == f"{kappa:.3f}"
    coders = sum(f1_score(table[f"a_{f}"].astype(int), table[f"b_{f}"].astype(int))
                 for f in F) / 3
    assert row["coders_macro_f1"] == f"{coders:.3f}"
    # the README as registered, up to its last paragraph, but for the coder's rows and
    # the probe's status (which change later)
    new = (root / PROBE / "README.md").read_text(encoding="utf-8")

    def registered(text):
        lines = text.split("Written and coded at stop")[0].splitlines()
        lines[0] = lines[0].rsplit(":", 1)[0]
        return [line for line in lines if not line.startswith("| the frame coder")]
    assert registered(new) == registered(readme)
    assert new.splitlines()[0].endswith(": scored only")
    macro = sum(f1_score(table[f].astype(int), got[f].astype(int)) for f in F) / 3
    assert f"| {macro:.3f} |" in next(line for line in new.splitlines()
                                      if line.startswith("| the frame coder at 5eae56e"))
    with pytest.raises(ValueError, match="probe129 is registered already"):
        script.register(PROBE, stop=52, round_=43, commit="x", notes="n", written="w",
                        lexicon=frame_lexicon, root=root)


def test_develop_gives_the_in_sample_scores_and_marks_the_row(
        script, tmp_path, frame_lexicon):
    folder, adj, root = _inputs(tmp_path)
    script.reference(PROBE, folder, adj, root)
    script.register(PROBE, stop=52, round_=43, commit="5eae56e", notes="n",
                    written="w", lexicon=frame_lexicon, root=root, date="2026-12-07")
    script.develop([PROBE], round_=44, commit="abc1234", lexicon=frame_lexicon, root=root)
    lines = (root / PROBE / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith("(2026-12-07, stop 52): development data")
    first = next(x for x in lines if x.startswith("| the frame coder at 5eae56e"))
    after = next(x for x in lines if x.startswith("| the frame coder after round 44"))
    assert lines.index(after) == lines.index(first) + 1
    assert after.split("|")[2:] == first.split("|")[2:]     # the same lexicon: same scores
    registry = pd.read_csv(root / "probes.csv", dtype=str, keep_default_na=False)
    mine = registry[registry.probe == PROBE].iloc[0]
    assert (mine.errors_read, mine.entries_from_errors) == ("yes", "round 44 (abc1234)")
    before = {p: p.read_bytes() for p in (root / "probes.csv", root / PROBE / "README.md")}
    with pytest.raises(ValueError, match="not a probe whose errors nobody has read"):
        script.develop([PROBE], round_=45, commit="x", lexicon=frame_lexicon, root=root)
    assert {p: p.read_bytes() for p in before} == before


def test_bad_decisions_are_refused_by_file_and_write_nothing(script, tmp_path):
    folder, adj, root = _inputs(tmp_path)
    decided = json.loads(adj.read_text())
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({**decided, "p129-01.p001.s01": ["000", "agreed"]}))
    with pytest.raises(ValueError, match=r"wrong\.json: decides \['p129-01\.p001\.s01'\]"):
        script.reference(PROBE, folder, wrong, root)
    badcode = tmp_path / "badcode.json"
    badcode.write_text(json.dumps({k: ["0x1", v[1]] for k, v in decided.items()}))
    with pytest.raises(ValueError, match="badcode.json: .* are not three of 0 and 1"):
        script.reference(PROBE, folder, badcode, root)
    assert sorted(p.name for p in root.iterdir()) == ["probes.csv"]
    script.reference(PROBE, folder, adj, root)
    with pytest.raises(FileExistsError, match="the probe exists already"):
        script.reference(PROBE, folder, adj, root)


def test_the_command_line_names_the_problem(script, tmp_path, capsys):
    folder, adj, root = _inputs(tmp_path)
    (folder / "coder_b.csv").write_text("id,security\n")
    with pytest.raises(SystemExit, match=r"coder_b\.csv: missing column\(s\) economy"):
        script.main(["--root", str(root), "reference", PROBE, str(folder), str(adj)])
    assert not (root / PROBE).exists()


def test_a_probe_whose_coders_agreed_everywhere_says_so_and_notes_must_match(
        script, tmp_path, frame_lexicon):
    """Coders who agree on every sentence leave nothing to adjudicate: the README says so
    and refuses notes on decisions; coders who differ need notes. Nothing is written."""
    folder, adj, root = _inputs(tmp_path)
    with pytest.raises(ValueError, match="differed on 1 sentence.*--notes must say"):
        script.reference(PROBE, folder, adj, root)
        script.register(PROBE, stop=52, round_=43, commit="x", notes="", written="w",
                        lexicon=frame_lexicon, root=root)
    assert "probe129" not in (root / "probes.csv").read_text(encoding="utf-8")
    shutil.rmtree(root / PROBE)
    # coder B copies coder A's codes: no disagreement left
    (folder / "coder_b.csv").write_bytes((folder / "coder_a.csv").read_bytes())
    none = tmp_path / "none.json"
    none.write_text("{}")
    script.reference(PROBE, folder, none, root)
    registry = (root / "probes.csv").read_bytes()
    with pytest.raises(ValueError, match="notes on decisions given, but the coders agreed"):
        script.register(PROBE, stop=52, round_=43, commit="x", notes="n", written="w",
                        lexicon=frame_lexicon, root=root)
    assert (root / "probes.csv").read_bytes() == registry
    assert not (root / PROBE / "README.md").exists()
    row = script.register(PROBE, stop=52, round_=43, commit="x", notes="", written="w",
                          lexicon=frame_lexicon, root=root)
    assert row["coders_macro_f1"] == "1.000"
    flat = " ".join((root / PROBE / "README.md").read_text(encoding="utf-8").split())
    assert "The coders agreed on every sentence: `reference.csv` is their codes" in flat
    assert "differed" not in flat
