"""docs/coding/probe6: the record of the probe of 2026-12-06 (ten invented texts, two
blind hand coders, an adjudicated reference) is whole, and its scoring script reports
what the files hold."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score

ROOT = Path(__file__).resolve().parents[1] / "docs" / "coding"
F = ["security", "economy", "multilateralism"]


def _read(name):
    return pd.read_csv(ROOT / "probe6" / name, dtype=str, keep_default_na=False)


def test_the_reference_is_the_coders_codes_where_they_agree():
    texts, a, b, ref = (_read(n) for n in ("texts.csv", "coder_a.csv", "coder_b.csv",
                                           "reference.csv"))
    assert len(texts) == 149 and texts.id.is_unique
    assert list(a.id) == list(b.id) == list(ref.id) == list(texts.id)
    agree = (a[F] == b[F]).all(axis=1)
    assert int((~agree).sum()) == 3
    assert (ref.loc[agree, F] == a.loc[agree, F]).all(axis=None)
    # each disagreement was decided, and says so
    assert ref.loc[~agree, "note"].str.startswith("adjudicated: ").all()
    assert ref.loc[agree, "note"].str.startswith("adjudicated").sum() == 0


def test_the_scoring_script_prints_the_coders_agreement(capsys):
    spec = importlib.util.spec_from_file_location(
        "score_probe6", ROOT / "scripts" / "score_probe6.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main([])
    out = capsys.readouterr().out
    a, b = _read("coder_a.csv"), _read("coder_b.csv")
    first = {line.split()[0]: line.split()[1] for line in
             out.split("frame coder")[0].splitlines() if line.split()[:1] in ([f] for f in F)}
    for f in F:
        kappa = cohen_kappa_score(a[f].astype(int), b[f].astype(int))
        assert first[f] == f"{kappa:.3f}"
    assert "frame coder vs the adjudicated reference (149 sentences)" in out
