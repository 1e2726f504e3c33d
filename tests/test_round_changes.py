"""docs/coding/scripts/round_changes.py: the counts of a lexicon round are made on the right
groups, by hand on small dumps; sentences nobody has read are never listed; a revision's
coder is run from its own archived sources."""

from __future__ import annotations

import subprocess

import pandas as pd
import pytest

from conftest import REPO, load_script

SCRIPT = REPO / "docs" / "coding" / "scripts" / "round_changes.py"


@pytest.fixture(scope="module")
def rc():
    return load_script(SCRIPT)


SETS = pd.DataFrame({"file": ["dev.csv", "held.csv"], "used_for_development": ["yes", "no"]})
PROBES = pd.DataFrame({"probe": ["probe1", "probe2", "probe3"],
                       "errors_read": ["yes", "no", "no"]})


def _dump(rows):
    return pd.DataFrame(rows, columns=["set", "id", "hs", "he", "hm", "cs", "ce", "cm"])


def test_groups_follow_the_registries_and_the_probes_being_read(rc):
    g = rc.groups(["probe3"], SETS, PROBES)
    assert g == {"dev.csv": "development", "held.csv": "held out", "probe1": "development",
                 "probe2": "never read", "probe3": "development"}
    assert rc.groups((), SETS, PROBES)["probe3"] == "never read"


def test_compare_counts_changes_and_those_to_the_hand_code_per_group(rc):
    old = _dump([("dev.csv", "a", 1, 0, 0, 0, 0, 0), ("dev.csv", "b", 0, 1, 0, 0, 1, 0),
                 ("probe2", "c", 0, 0, 1, 0, 0, 0), ("held.csv", "d", 1, 1, 0, 1, 1, 0)])
    new = _dump([("dev.csv", "a", 1, 0, 0, 1, 0, 1), ("dev.csv", "b", 0, 1, 0, 0, 1, 0),
                 ("probe2", "c", 0, 0, 1, 0, 0, 1), ("held.csv", "d", 1, 1, 0, 1, 0, 0)])
    got = rc.compare(old, new, rc.groups((), SETS, PROBES)).set_index("group")
    # dev: a's security 0->1 (to hand), a's multilateralism 0->1 (away); probe2: c's
    # multilateralism 0->1 (to hand); held out: d's economy 1->0 (away)
    assert got.loc["development"].tolist() == [2, 2, 1]
    assert got.loc["never read"].tolist() == [1, 1, 1]
    assert got.loc["held out"].tolist() == [1, 1, 0]
    listed = list(rc.development_changes(old, new, rc.groups((), SETS, PROBES)))
    assert listed == [("dev.csv", "a", "security", 0, 1, True),
                      ("dev.csv", "a", "multilateralism", 0, 1, False)]
    with pytest.raises(SystemExit, match="do not code the same sentences"):
        rc.compare(old, new.iloc[:3], rc.groups((), SETS, PROBES))


def test_errors_are_read_only_on_development_probes(rc):
    probes = pd.read_csv(REPO / "docs" / "coding" / "probes.csv")
    unread = probes[probes.errors_read == "no"].probe.iloc[0]
    with pytest.raises(SystemExit, match=f"not development data.*{unread}"):
        rc.errors([unread], rc.groups())
    read = probes[probes.errors_read == "yes"].probe.iloc[0]
    lines = rc.errors([read], rc.groups())
    heads = [ln for ln in lines if " ref=" in ln]
    # every error line is a sentence of that probe whose codes differ from the reference's
    assert all(ln.split()[0].startswith(read.replace("probe", "p")) for ln in heads)
    assert all(ln.split("ref=")[1][:3] != ln.split("got=")[1][:3] for ln in heads)


@pytest.mark.slow
def test_a_revision_is_coded_with_its_own_sources(rc, tmp_path):
    dirty = subprocess.run(["git", "-C", str(REPO), "diff", "--quiet", "HEAD", "--", "src",
                            "corpus/lexicons"]).returncode
    if dirty:
        pytest.skip("the working tree's coder differs from HEAD's")
    here, there = tmp_path / "here.csv", tmp_path / "there.csv"
    assert rc.dump(here, None, ["probe6"]) == rc.dump(there, "HEAD", ["probe6"]) > 100
    assert here.read_bytes() == there.read_bytes()
    with pytest.raises(subprocess.CalledProcessError):
        rc.dump(tmp_path / "x.csv", "no-such-revision", ["probe6"])
