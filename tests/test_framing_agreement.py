"""discourse.framing.agreement: inter-coder reliability against reference libraries;
intervals that never collapse."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import framing
from discourse.framing import agreement

RNG = np.random.default_rng(2024)
N = 60
A = {f: RNG.integers(0, 2, N) for f in framing.FRAMES}
# coder b agrees with a on about 80% of the sentences
B = {f: np.where(RNG.random(N) < 0.8, a, 1 - a) for f, a in A.items()}


def _coders():
    ids = [f"s{i:02d}" for i in range(N)]
    a = pd.DataFrame({"sentence_id": ids, **A, "text": [f"text {i}" for i in range(N)]})
    b = pd.DataFrame({"sentence_id": ids[::-1], **{f: v[::-1] for f, v in B.items()}})
    return a, b


def test_reliability_matches_sklearn_and_krippendorff():
    import krippendorff
    from sklearn.metrics import cohen_kappa_score

    a, b = _coders()
    clusters = pd.DataFrame({"sentence_id": a.sentence_id, "doc_id": "d",
                             "paragraph": np.arange(N) // 3})
    r = framing.intercoder_reliability(a, b, clusters, n_boot=500, seed=1)
    r = r.set_index(["frame", "metric"])
    for f in framing.FRAMES:
        assert r.loc[(f, "kappa"), "value"] == pytest.approx(cohen_kappa_score(A[f], B[f]))
        assert r.loc[(f, "alpha"), "value"] == pytest.approx(krippendorff.alpha(
            reliability_data=np.vstack([A[f], B[f]]), level_of_measurement="nominal"))
        agree = int((A[f] == B[f]).sum())
        assert r.loc[(f, "percent_agreement"), "value"] == agree / N
        lo, hi = framing.wilson_interval(agree, N)
        assert (r.loc[(f, "percent_agreement"), ["ci_low", "ci_high"]].tolist()
                == pytest.approx([lo, hi]))
        for m in ("kappa", "alpha"):
            row = r.loc[(f, m)]
            assert row.ci_low <= row.value <= row.ci_high
            assert "paragraphs resampled within documents" in row.interval
    assert (r.n == N).all() and set(r.index.get_level_values("metric")) == {
        "percent_agreement", "kappa", "alpha"}


def test_perfect_agreement_gets_an_interval_below_one():
    a, _ = _coders()
    r = framing.intercoder_reliability(a, a, n_boot=500, seed=2)
    assert (r.value == 1).all() and (r.ci_low < 1).all() and (r.ci_high == 1).all()


def test_disagreements_list_every_differing_frame():
    a, b = _coders()
    d = framing.intercoder_disagreements(a, b)
    assert list(d.columns) == ["id", "frame", "coder_a", "coder_b", "text"]
    assert len(d) == sum(int((A[f] != B[f]).sum()) for f in framing.FRAMES)
    first = d.iloc[0]
    i = int(first.id[1:])
    assert (first.coder_a, first.coder_b) == (A[first.frame][i], B[first.frame][i])
    assert first.text == f"text {i}"
    assert d[["id", "frame"]].equals(d[["id", "frame"]].sort_values(["id", "frame"])
                                     .reset_index(drop=True))


def test_reliability_refuses_different_sentences():
    a, b = _coders()
    with pytest.raises(ValueError, match=r"same sentences; only in coder_a: \['s00'\]"):
        framing.intercoder_reliability(a, b[b.sentence_id != "s00"])
    with pytest.raises(ValueError, match="codes must be 0 or 1"):
        framing.intercoder_reliability(a, b.assign(security=2), n_boot=10)
    with pytest.raises(ValueError, match="not among"):
        agreement.agreement_intervals(a, a, agreement.resampler(a, n_boot=5),
                                      metrics=("accuracy",))
