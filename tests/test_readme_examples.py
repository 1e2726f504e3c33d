"""README.md: its Python example runs as written and gives what it says, and its figures
are the measured ones."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from conftest import REPO


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text(), re.S)


@pytest.mark.slow        # the real corpus coded and bootstrapped
def test_the_python_example_runs_and_its_tables_are_what_it_says(monkeypatch):
    blocks = _python_blocks()
    assert len(blocks) == 1
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("DISCOURSE_CORPUS", raising=False)
    scope: dict = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(blocks[0], "README.md", "exec"), scope)
    key, codes, shares, sentences = (scope[k] for k in ("key", "codes", "shares",
                                                        "sentences"))
    assert key.g2.is_monotonic_decreasing and "log_ratio" in printed.getvalue()
    assert len(codes) == len(sentences) and "evidence" in codes
    # a share is the year's share of sentences coded 1, inside its interval
    merged = sentences[["sentence_id", "year"]].merge(codes, on="sentence_id")
    for r in shares.itertuples():
        assert r.share == pytest.approx(merged.loc[merged.year == r.year, r.frame].mean())
        assert r.ci_low <= r.share <= r.ci_high


def test_the_quick_start_time_of_a_run_is_the_measured_one():
    """A review found the Quick start saying a run "is 60-70 s", with no date, load or
    command, against the 96-106 s that "Speed and scale" and benchmarks/README.md
    measured: the Quick start quotes that measurement, with its source."""
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    quick = re.search(r"one pipeline run with the study's parameters (?:is|took) "
                      r"(\d+-\d+) s([^;]*)", readme)
    speed = re.search(r"(\d+-\d+) s for `discourse reproduce` in two runs at load average "
                      r"([\d.-]+) \((\d{4}-\d\d-\d\d)[^)]*`([^`]*reproduce_time\.py)", readme)
    assert quick and speed
    assert quick.group(1) == speed.group(1)
    for said in (speed.group(2), speed.group(3), speed.group(4).split()[-1]):
        assert said in quick.group(2), said
    low, high = speed.group(1).split("-")
    bench = (REPO / "benchmarks" / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"\*\*total \(reproduce\.run\)\*\* .*\({low}\.\d-{high}\.\d\) \|", bench)


def _readme_words() -> str:
    return " ".join((REPO / "README.md").read_text(encoding="utf-8").split())


def _pooled_said(text: str, after: str):
    """``{frame: (kappa, low, high)}`` and the three F1 of the README's sentence that
    follows ``after``: "kappa K (95% CI L-H) for security, K (L-H) for economy[,| and]
    K (L-H) for multilateralism; F1 A / B / C"."""
    num = r"(\d\.\d\d)"
    m = re.search(re.escape(after) + r".*?kappa " + num + r" \(95% CI " + num + "-" + num
                  + r"\) for security, " + num + r" \(" + num + "-" + num
                  + r"\) for economy,? (?:and )?" + num + r" \(" + num + "-" + num
                  + r"\) for multilateralism; F1 " + num + " / " + num + " / " + num, text)
    assert m, f"no pooled figures after {after!r} in README.md"
    g = m.groups()
    frames = ("security", "economy", "multilateralism")
    return {f: g[3 * i:3 * i + 3] for i, f in enumerate(frames)}, dict(zip(frames, g[9:]))


def _as_table(rows) -> tuple:
    got = rows.set_index(["frame", "metric"])
    frames = ("security", "economy", "multilateralism")
    kappa = {f: tuple(f"{got.loc[(f, 'kappa'), c]:.2f}" for c in ("value", "ci_low", "ci_high"))
             for f in frames}
    return kappa, {f: f"{got.loc[(f, 'f1'), 'value']:.2f}" for f in frames}


def test_the_pooled_held_out_figures_are_those_of_the_committed_table():
    import pandas as pd

    t = pd.read_csv(REPO / "results" / "framing-generalisation.csv")
    said = _pooled_said(_readme_words(), "(`held-out sets pooled` in "
                        "`results/framing-generalisation.csv`")
    assert said == _as_table(t[t.set == "held-out sets pooled"])


def test_the_pooled_figures_of_the_probes_never_read_are_those_of_the_committed_table():
    import pandas as pd

    from discourse.framing.probes import UNREAD_POOLED

    t = pd.read_csv(REPO / "results" / "framing-probes.csv")
    rows = t[(t.probe == UNREAD_POOLED) & (t.pair == "coder vs reference")]
    text = _readme_words()
    n = rows.n.iloc[0]
    after = f"({n:,} sentences, `results/framing-probes.csv`)"
    assert after in text
    assert _pooled_said(text, after) == _as_table(rows)


def test_the_held_out_sets_said_to_differ_have_the_committed_intervals():
    """The README says the held-out sets differ by more than their own intervals allow,
    quoting security's kappa interval on the third and the fifth: those of the committed
    table, and apart (a review found them quoted from before a round that moved them)."""
    import pandas as pd

    m = re.search(r"security kappa 95% CI (\d\.\d\d)-(\d\.\d\d) on the third, "
                  r"(\d\.\d\d)-(\d\.\d\d) on the fifth", _readme_words())
    assert m
    t = pd.read_csv(REPO / "results" / "framing-generalisation.csv")
    got = t[(t.frame == "security") & (t.metric == "kappa")].set_index("set")
    want = [f"{got.loc[s, c]:.2f}" for s in ("sco-style-heldout-3", "sco-style-heldout-5")
            for c in ("ci_low", "ci_high")]
    assert list(m.groups()) == want
    assert float(want[1]) < float(want[2])          # the intervals do not overlap


def test_the_first_scores_in_the_accuracy_record_are_those_registered():
    """docs/framing-accuracy.md's tables of later first scores ("| `probeN` | kappa |
    kappa | kappa | macro-F1 |") repeat docs/coding/probes.csv, where each probe's first
    score is registered: they must be the same numbers."""
    import pandas as pd

    text = (REPO / "docs" / "framing-accuracy.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(probe\d+)` \| (\d\.\d{3}) \| (\d\.\d{3}) \| (\d\.\d{3}) \| "
                      r"(\d\.\d{3}) \|$", text, flags=re.M)
    assert len(rows) >= 3
    reg = pd.read_csv(REPO / "docs" / "coding" / "probes.csv", dtype=str).set_index("probe")
    cols = ["first_kappa_security", "first_kappa_economy", "first_kappa_multilateralism",
            "first_macro_f1"]
    for probe, *said in rows:
        assert said == list(reg.loc[probe, cols]), probe


def test_the_ceiling_table_is_that_of_the_committed_table():
    """The README's table of the automatic coder's and the two hand coders' kappa per set
    ("| set | what it is | automatic coder | two hand coders |") repeats
    results/framing-ceiling.csv (a review found its held-out rows stale by a few rounds)."""
    import pandas as pd

    names = {"corpus": "corpus", "SCO-style development": "sco-style-development",
             "SCO-style held out": "sco-style-heldout"}
    t = pd.read_csv(REPO / "results" / "framing-ceiling.csv")
    k = t[t.metric == "kappa"].set_index(["set", "frame"])
    frames = ("security", "economy", "multilateralism")
    text = (REPO / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (corpus|SCO-style development|SCO-style held out)( \d)? \(.*?\| "
                      r"(\d\.\d\d) / (\d\.\d\d) / (\d\.\d\d) \| (\d\.\d\d) / (\d\.\d\d) / "
                      r"(\d\.\d\d) \|$", text, flags=re.M)
    assert len(rows) == 7
    for name, number, *said in rows:
        s = names[name] + (f"-{number.strip()}" if number else "")
        want = [f"{k.loc[(s, f), 'coder']:.2f}" for f in frames] + \
            [f"{k.loc[(s, f), 'two_coders']:.2f}" for f in frames]
        assert said == want, s
