"""discourse.framing.probes: the coder on the probes (docs/coding/probeN/), beside the
first scores recorded in docs/coding/probes.csv and the two hand coders."""

from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score, f1_score

from discourse import framing
from discourse import results as R
from discourse.framing.probes import PAIRS, UNREAD_POOLED, load_probe, load_probes
from discourse.io import write_table
from discourse.stats import binary_agreement
from discourse.summary.probes import probe_findings

from conftest import REPO

F = ("security", "economy", "multilateralism")
DOCS = REPO / "docs" / "coding"


def _copy(tmp_path, probes):
    """A folder of the probes ``probes`` and their rows of the registry."""
    for p in probes:
        shutil.copytree(DOCS / p, tmp_path / p)
    reg = pd.read_csv(DOCS / "probes.csv", dtype=str, keep_default_na=False)
    reg[reg.probe.isin(probes)].to_csv(tmp_path / "probes.csv", index=False)
    return tmp_path


@pytest.mark.slow            # reads every probe: data that grows, kept out of the fast layer
def test_the_registry_lists_every_probe_with_its_size_and_its_coders_agreement():
    reg = load_probes()
    folders = sorted((p.name for p in DOCS.glob("probe*") if p.is_dir()),
                     key=lambda n: int(n[5:]))
    assert reg.probe.tolist() == folders
    for r in reg.itertuples():
        t = load_probe(r.probe)
        assert len(t) == r.sentences
        f1 = np.mean([binary_agreement(t["b_" + f].astype(int), t["a_" + f].astype(int))["f1"]
                      for f in F])
        assert round(f1, 3) == pytest.approx(r.coders_macro_f1, abs=1e-9), r.probe
        title = (DOCS / r.probe / "README.md").read_text(encoding="utf-8").splitlines()[0]
        assert (r.errors_read == "no") == ("scored only" in title), r.probe


def test_bad_registries_and_files_are_refused_with_the_file_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="probes.csv"):
        load_probes(tmp_path)
    _copy(tmp_path, ["probe12"])
    reg = pd.read_csv(tmp_path / "probes.csv", dtype=str, keep_default_na=False)
    reg.assign(errors_read="maybe").to_csv(tmp_path / "probes.csv", index=False)
    with pytest.raises(ValueError, match=r"probes.csv: errors_read 'maybe'"):
        load_probes(tmp_path)
    reg.drop(columns="first_macro_f1").to_csv(tmp_path / "probes.csv", index=False)
    with pytest.raises(ValueError, match="probes.csv: missing column.s. first_macro_f1"):
        load_probes(tmp_path)
    reg.assign(first_macro_f1="").to_csv(tmp_path / "probes.csv", index=False)
    with pytest.raises(ValueError, match="probes.csv: column first_macro_f1 holds a value"):
        load_probes(tmp_path)
    pd.concat([reg, reg]).to_csv(tmp_path / "probes.csv", index=False)
    with pytest.raises(ValueError, match="probes.csv: probe 'probe12' is listed twice"):
        load_probes(tmp_path)
    a = pd.read_csv(tmp_path / "probe12" / "coder_a.csv", dtype=str, keep_default_na=False)
    a.iloc[::-1].to_csv(tmp_path / "probe12" / "coder_a.csv", index=False)
    with pytest.raises(ValueError, match=r"probe12/coder_a.csv: its ids are not those"):
        load_probe("probe12", tmp_path)
    a.assign(economy="2").to_csv(tmp_path / "probe12" / "coder_a.csv", index=False)
    with pytest.raises(ValueError, match=r"probe12/coder_a.csv: column economy holds a code"):
        load_probe("probe12", tmp_path)
    a.drop(columns="economy").to_csv(tmp_path / "probe12" / "coder_a.csv", index=False)
    with pytest.raises(ValueError, match=r"probe12/coder_a.csv lacks column.s. economy"):
        load_probe("probe12", tmp_path)
    # a registry of no probes: an empty table, and no finding
    reg.iloc[:0].to_csv(tmp_path / "probes.csv", index=False)
    empty = framing.probe_agreement(path=tmp_path, n_boot=10)
    assert empty.empty and list(empty.columns[:3]) == ["probe", "errors_read", "pair"]


@pytest.fixture(scope="module")
def two(tmp_path_factory, frame_lexicon):
    """The table of two probes never read and one read, with few replicates."""
    root = _copy(tmp_path_factory.mktemp("probes"), ["probe12", "probe20", "probe25"])
    return root, framing.probe_agreement(frame_lexicon, path=root, n_boot=200, seed=7)


def test_each_probe_is_scored_as_by_hand(two, frame_lexicon):
    root, table = two
    reg = load_probes(root).set_index("probe")
    for probe in ("probe12", "probe20", "probe25"):
        t = load_probe(probe, root)
        codes = framing.code_set(t, frame_lexicon)
        part = table[table.probe == probe].set_index(["pair", "frame", "metric"]).value
        for f in F:
            assert part[(PAIRS[1], f, "kappa")] == pytest.approx(
                cohen_kappa_score(t[f], codes[f]))
            assert part[(PAIRS[1], f, "f1")] == pytest.approx(f1_score(t[f], codes[f]))
            assert part[(PAIRS[2], f, "kappa")] == pytest.approx(
                cohen_kappa_score(t["a_" + f], t["b_" + f]))
            assert part[(PAIRS[0], f, "kappa")] == reg.loc[probe, f"first_kappa_{f}"]
        assert part[(PAIRS[0], "macro", "f1")] == reg.loc[probe, "first_macro_f1"]
    assert set(table[table.probe == "probe20"].errors_read) == {"yes"}
    scored = table[table.pair != PAIRS[0]]
    assert (scored.ci_low <= scored.value + 1e-12).all()
    assert (scored.value <= scored.ci_high + 1e-12).all()
    per_probe = scored[scored.probe != UNREAD_POOLED]
    assert per_probe.interval.str.contains("documents resampled", regex=False).all()
    # replicates and seed as integers, blank where a recorded score has no interval
    assert set(scored.seed) == {7} and set(scored.n_boot) == {200}
    assert table[table.pair == PAIRS[0]].seed.isna().all()
    assert str(table.seed.dtype) == "Int64"


def test_the_probes_never_read_are_pooled(two, frame_lexicon):
    root, table = two
    both = [load_probe(p, root) for p in ("probe12", "probe25")]
    codes = pd.concat([framing.code_set(t, frame_lexicon) for t in both])
    hand = pd.concat(both)
    pooled = table[(table.probe == UNREAD_POOLED) & (table.pair == PAIRS[1])]
    assert set(pooled.n) == {len(hand)} and set(pooled.errors_read) == {"no"}
    coders = table[(table.probe == UNREAD_POOLED) & (table.pair == PAIRS[2])]
    for f in F:
        got = pooled.set_index(["frame", "metric"]).value
        assert got[(f, "kappa")] == pytest.approx(cohen_kappa_score(hand[f], codes[f]))
        assert coders.set_index(["frame", "metric"]).value[(f, "kappa")] == pytest.approx(
            cohen_kappa_score(hand["a_" + f], hand["b_" + f]))
    # each probe resampled whole, the interval widened to the delete-one-probe jackknife's
    both = pd.concat([pooled, coders])
    assert both.interval.str.contains("(probes resampled whole;", regex=False).all()
    assert not both.interval.str.contains("set", regex=False).any()
    assert both[both.metric == "kappa"].interval.str.contains(
        "jackknife's t interval (1 df)", regex=False).any()
    # one probe never read: nothing to pool
    one = framing.probe_agreement(frame_lexicon, path=_copy(root.parent / "one", ["probe12"]),
                                  n_boot=50, seed=7)
    assert UNREAD_POOLED not in set(one.probe)


def test_the_overview_and_the_summary_quote_the_table(two, tmp_path):
    _, table = two
    over = framing.probe_overview(table).set_index("probe")
    f1 = table[(table.probe == "probe20") & (table.pair == PAIRS[1]) & (table.metric == "f1")]
    assert over.loc["probe20", "coder_macro_f1"] == pytest.approx(f1.value.mean())
    write_table(table, R.FRAMING_PROBES.path(tmp_path))
    found = list(probe_findings(tmp_path))
    assert len(found) == 1 and found[0][2] == R.FRAMING_PROBES.ref
    text = found[0][1]
    assert f"macro-F1 {over.first_macro_f1.min():.2f}-{over.first_macro_f1.max():.2f}" in text
    assert "(median 0.87; the lowest 0.75, probe20)" in text
    pooled = table[(table.probe == UNREAD_POOLED) & (table.pair == PAIRS[1])]
    k = pooled[(pooled.frame == "economy") & (pooled.metric == "kappa")].iloc[0]
    e = pooled[(pooled.frame == "economy") & (pooled.metric == "f1")].iloc[0]
    assert (f"economy F1 {e.value:.2f} (95% CI {e.ci_low:.2f}-{e.ci_high:.2f}), Cohen's "
            f"kappa {k.value:.2f} ({k.ci_low:.2f}-{k.ci_high:.2f})") in text
    assert "on the 2 probes whose errors nobody has read (probe12, probe25; 304 sentences" \
        in text


def test_the_summary_says_what_holds_for_one_probe_never_read_or_none(two, tmp_path):
    _, table = two
    one = table[(table.probe != "probe25") & (table.probe != UNREAD_POOLED)]
    write_table(one, R.FRAMING_PROBES.path(tmp_path))
    text = list(probe_findings(tmp_path))[0][1]
    k = one[(one.probe == "probe12") & (one.pair == PAIRS[1]) & (one.frame == "security")
            & (one.metric == "kappa")].iloc[0]
    assert ("on the one probe whose errors nobody has read (probe12, 147 sentences, its "
            "texts resampled): security F1") in text
    assert f"Cohen's kappa {k.value:.2f} ({k.ci_low:.2f}-{k.ci_high:.2f})" in text
    assert "The other probes' errors were read" in text
    read_only = table[table.probe == "probe20"]
    write_table(read_only, R.FRAMING_PROBES.path(tmp_path))
    text = list(probe_findings(tmp_path))[0][1]
    assert "nobody has read" not in text and "The probes' errors were read" in text
    never = table[table.probe != "probe20"]
    write_table(never, R.FRAMING_PROBES.path(tmp_path))
    text = list(probe_findings(tmp_path))[0][1]
    assert "on the 2 probes whose errors nobody has read" in text
    assert "errors were read" not in text and text.endswith("real text may differ.")
