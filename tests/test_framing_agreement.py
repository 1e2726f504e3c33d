"""discourse.framing.agreement: inter-coder reliability against reference libraries;
intervals that never collapse."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import agreement_ci, framing, stats
from discourse.clustered_ci import effective_wilson_interval
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
    boot = agreement.resampler(a, clusters, n_boot=500, seed=1)
    for f in framing.FRAMES:
        assert r.loc[(f, "kappa"), "value"] == pytest.approx(cohen_kappa_score(A[f], B[f]))
        assert r.loc[(f, "alpha"), "value"] == pytest.approx(krippendorff.alpha(
            reliability_data=np.vstack([A[f], B[f]]), level_of_measurement="nominal"))
        agree = int((A[f] == B[f]).sum())
        assert r.loc[(f, "percent_agreement"), "value"] == agree / N
        # the paragraph bootstrap of the agreeing sentences (0.5 added to each of the
        # four cells: 1 to the agreeing ones, 2 to all), widened to Wilson's interval at
        # the effective sample size of the 20 paragraphs (tests/test_clustered_ci.py)
        same = (A[f] == B[f]).astype(float)
        draws = (boot.sums(same) + 1) / (boot.sums(np.ones(N)) + 2)
        lo, hi = np.quantile(draws, [0.025, 0.975])
        wlo, whi = effective_wilson_interval(same, np.zeros(N), np.arange(N) // 3)[:2]
        assert (r.loc[(f, "percent_agreement"), ["ci_low", "ci_high"]].tolist()
                == pytest.approx([min(lo, agree / N, wlo), max(hi, agree / N, whi)]))
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
    with pytest.raises(ValueError, match=r"column\(s\) security hold values other than 0 "
                                         r"and 1 \(e.g. 2\)"):
        framing.intercoder_reliability(a, b.assign(security=2), n_boot=10)
    with pytest.raises(ValueError, match="not among"):
        agreement.agreement_intervals(a, a, agreement.resampler(a, n_boot=5),
                                      metrics=("accuracy",))


def _chi2_fit(k, tp, fp, fn, tn):
    """Donner and Eliasziw's (1992) statistic, written out: Pearson's chi-square of the
    counts (both 1, one 1, both 0) against the common correlation model at kappa k."""
    n = tp + fp + fn + tn
    pi = (2 * tp + fp + fn) / (2 * n)
    q = pi * (1 - pi)
    expected = n * np.array([pi ** 2 + q * k, 2 * q * (1 - k), (1 - pi) ** 2 + q * k])
    return float((((np.array([tp, fp + fn, tn]) - expected) ** 2) / expected).sum())


@pytest.mark.parametrize("table", [(20, 5, 5, 70), (6, 2, 1, 21), (12, 1, 2, 15),
                                   (40, 10, 3, 447)])
def test_donner_eliasziw_interval_by_hand(table):
    tp, fp, fn, tn = table
    low, high = agreement_ci.kappa_interval(*table)
    n = sum(table)
    pi = (2 * tp + fp + fn) / (2 * n)
    scott = 1 - (fp + fn) / (2 * n * pi * (1 - pi))          # the model's estimate
    assert _chi2_fit(scott, *table) == pytest.approx(0, abs=1e-12)
    # the limits are where the statistic reaches chi-square(1)'s 95% quantile, 3.8415
    assert _chi2_fit(low, *table) == pytest.approx(3.841459, rel=1e-6)
    assert _chi2_fit(high, *table) == pytest.approx(3.841459, rel=1e-6)
    grid = np.linspace(low - 0.2, min(high + 0.2, 0.999999), 2001)
    inside = [k for k in grid if _chi2_fit(k, *table) <= 3.841459]
    step = grid[1] - grid[0]
    assert min(inside) == pytest.approx(low, abs=step)
    assert max(inside) == pytest.approx(high, abs=step)
    # alpha's interval: Scott's pi mapped by 1 - (2n - 1)/(2n) (1 - pi)
    a_low, a_high = agreement_ci.alpha_interval(*table)
    assert (a_low, a_high) == pytest.approx((1 - (2 * n - 1) / (2 * n) * (1 - low),
                                             1 - (2 * n - 1) / (2 * n) * (1 - high)))
    alpha = framing.binary_agreement([1] * tp + [1] * fp + [0] * fn + [0] * tn,
                                     [1] * tp + [0] * fp + [1] * fn + [0] * tn)["alpha"]
    assert a_low < alpha < a_high


def test_donner_eliasziw_interval_at_the_edges():
    low, high = agreement_ci.kappa_interval(10, 0, 0, 20)     # no disagreement
    assert high == 1 and _chi2_fit(low, 10, 0, 0, 20) == pytest.approx(3.841459)
    assert np.isnan(agreement_ci.kappa_interval(0, 0, 0, 30)).all()   # no 1 at all
    assert np.isnan(agreement_ci.f1_interval(0, 0, 0, 30)).all()
    with pytest.raises(ValueError, match="non-negative integers"):
        agreement_ci.kappa_interval(1, -1, 0, 3)


def test_f1_interval_is_wilsons_interval_of_the_jaccard_index_by_hand():
    """tp 20, fp 5, fn 5: J = 20/30; Wilson's interval for 20 of 30 by hand, then
    mapped by 2J/(1 + J); F1 = 0.8 lies inside."""
    z, p, d = 1.959963984540054, 20 / 30, 30
    centre = (p + z * z / (2 * d)) / (1 + z * z / d)
    half = z * np.sqrt(p * (1 - p) / d + z * z / (4 * d * d)) / (1 + z * z / d)
    j = np.array([centre - half, centre + half])
    assert agreement_ci.f1_interval(20, 5, 5, 70) == pytest.approx(tuple(2 * j / (1 + j)))
    low, high = agreement_ci.f1_interval(20, 5, 5, 70)
    assert low < 0.8 < high


def _old_interval(coder, reference, boot, frame, metric, level=0.95):
    """The interval before the analytic floor: bootstrap of the 2x2 table plus 0.5 per
    cell, percentile interval, widened to contain the estimate."""
    a, b = coder[frame].to_numpy(), reference[frame].to_numpy()
    cells = np.column_stack([(a == 1) & (b == 1), (a == 1) & (b == 0),
                             (a == 0) & (b == 1), (a == 0) & (b == 0)]).astype(float)
    draws = stats.agreement_scores(*(boot.sums(cells) + 0.5).T)[metric]
    lo, hi = np.quantile(draws, [(1 - level) / 2, (1 + level) / 2])
    value = float(stats.agreement_scores(*cells.sum(axis=0))[metric])
    return min(lo, value), max(hi, value)


def test_the_interval_contains_the_bootstrap_and_the_analytic_interval():
    a, b = _coders()
    clusters = pd.DataFrame({"sentence_id": a.sentence_id, "doc_id": "d",
                             "paragraph": np.arange(N) // 3})
    # seed 14: a table where both cases below occur (blocks of three of these 20
    # paragraphs, whose codes alternate more than they run, vary less than the floors)
    boot = agreement.resampler(a, clusters, n_boot=800, seed=14)
    b = b.set_index("sentence_id").loc[a.sentence_id].reset_index()
    t = agreement.agreement_intervals(a, b, boot, metrics=("f1", "kappa", "alpha"))
    widened = 0
    for row in t.itertuples():
        old = _old_interval(a, b, boot, row.frame, row.metric)
        x, y = a[row.frame], b[row.frame]
        table = [int((x & y).sum()), int((x & (1 - y)).sum()), int(((1 - x) & y).sum()),
                 int(((1 - x) & (1 - y)).sum())]
        floor = {"f1": agreement_ci.f1_interval, "kappa": agreement_ci.kappa_interval,
                 "alpha": agreement_ci.alpha_interval}[row.metric](*table)
        assert (row.ci_low, row.ci_high) == pytest.approx(
            (min(old[0], floor[0]), max(old[1], floor[1])), rel=1e-12)
        assert row.ci_low <= old[0] and row.ci_high >= old[1]
        if floor[0] < old[0] or floor[1] > old[1]:
            widened += 1
            assert row.interval.endswith("(assumes independent sentences) where narrower")
        else:
            assert row.interval.endswith("widened to contain the estimate")
    assert 0 < widened < len(t)       # both cases occur in this table


def _coverage(n, cells, sims, n_boot, seed):
    """Share of ``sims`` data sets of ``n`` independent sentences whose kappa interval,
    new and old, contains the population kappa of ``cells`` (p11, p10, p01, p00)."""
    p11, p10, p01, p00 = cells
    pa, pb = p11 + p10, p11 + p01
    pe = pa * pb + (1 - pa) * (1 - pb)
    true = (p11 + p00 - pe) / (1 - pe)
    rng = np.random.default_rng(seed)
    new = old = 0
    for start in range(0, sims, 25):
        cell = rng.choice(4, size=(n, 25), p=cells)
        frames = [f"d{j}" for j in range(25)]
        coder = pd.DataFrame((cell <= 1).astype(int), columns=frames)
        reference = pd.DataFrame(((cell == 0) | (cell == 2)).astype(int), columns=frames)
        boot = agreement.resampler(pd.DataFrame({"sentence_id": range(n)}),
                                   n_boot=n_boot, seed=seed + start)
        t = agreement.agreement_intervals(coder, reference, boot, metrics=("kappa",),
                                          frames=frames)
        new += int(((t.ci_low <= true) & (true <= t.ci_high)).sum())
        for f in frames:
            lo, hi = _old_interval(coder, reference, boot, f, "kappa")
            old += int(lo <= true <= hi)
    return new / sims, old / sims


@pytest.mark.slow
def test_kappa_interval_covers_at_fifty_independent_sentences():
    """Prevalence 0.15 for both coders, kappa 0.8, 50 sentences: the bootstrap alone
    covers about 89% of the time (benchmarks/agreement_coverage.py), the widened interval
    about 95%."""
    q = 0.15 * 0.85
    cells = (0.15 ** 2 + q * 0.8, q * 0.2, q * 0.2, 0.85 ** 2 + q * 0.8)
    new, old = _coverage(50, cells, sims=400, n_boot=1000, seed=7)
    assert new >= 0.92
    assert old < 0.92 and new - old >= 0.03


@pytest.mark.parametrize("n_docs", [agreement.DOCUMENTS_RESAMPLED_FROM - 1,
                                    agreement.DOCUMENTS_RESAMPLED_FROM])
def test_a_set_of_many_texts_resamples_its_texts(n_docs):
    """From DOCUMENTS_RESAMPLED_FROM documents on, a replicate draws whole documents
    (every paragraph of a document drawn as often as the document); below it, the
    paragraphs of each document are drawn within it (each document keeps its number of
    paragraphs)."""
    rows = pd.DataFrame({"sentence_id": [f"s{i}" for i in range(6 * n_docs)],
                         "doc_id": np.repeat([f"d{d}" for d in range(n_docs)], 6),
                         "paragraph": np.tile(np.repeat([1, 2, 3], 2), n_docs)})
    boot = agreement.resampler(rows, n_boot=300, seed=3)
    counts = boot.counts()                          # replicates x clusters (paragraphs)
    doc_of = boot.clusters["document"].to_numpy()
    per_doc = np.stack([counts[:, doc_of == f"d{d}"] for d in range(n_docs)], axis=1)
    if n_docs >= agreement.DOCUMENTS_RESAMPLED_FROM:
        assert boot.design == "documents resampled"
        assert (per_doc == per_doc[:, :, :1]).all()            # a document's paragraphs together
        assert (per_doc[:, :, 0].sum(axis=1) == n_docs).all()  # n_docs documents a replicate
        assert per_doc[:, :, 0].max() > 1                      # some drawn twice or more
    else:
        # three paragraphs a document: blocks of round(3 ** (1/3)) = 1
        assert boot.design == "paragraphs resampled within documents, independently"
        assert (per_doc.sum(axis=2) == 3).all()                # 3 paragraphs per document
        assert (per_doc != per_doc[:, :, :1]).any()


def _two_coders(n_docs=12, seed=0):
    """A reference and two coders of 8 sentences in each of ``n_docs`` texts (4
    paragraphs of 2): ``a`` misses 1 in 10 positives, ``b`` also errs at random."""
    rng = np.random.default_rng(seed)
    n = 8 * n_docs
    ref = pd.DataFrame({"security": rng.integers(0, 2, n)})
    a = ref.copy()
    a.loc[rng.random(n) < 0.1, "security"] = 0
    b = a.copy()
    flip = rng.random(n) < 0.2
    b.loc[flip, "security"] = 1 - b.security[flip]
    rows = pd.DataFrame({"sentence_id": [f"s{i}" for i in range(n)],
                         "doc_id": np.repeat([f"d{d}" for d in range(n_docs)], 8),
                         "paragraph": np.tile(np.repeat([1, 2, 3, 4], 2), n_docs)})
    return ref, a, b, rows


def test_a_difference_is_taken_on_the_same_resamples_by_hand():
    """Each replicate's kappa of each coder recomputed from the row weights of the one
    resampler (0.5 added to every cell), differenced, and its percentile interval: the
    function's, to the last digit."""
    ref, a, b, rows = _two_coders()
    boot = agreement.resampler(rows, n_boot=400, seed=2)
    t = agreement.difference_intervals(a, b, ref, boot, metrics=("kappa", "f1"),
                                       frames=["security"]).set_index("metric")
    w = boot.row_weights()                          # replicates x rows

    def kappa_f1(coder):
        x, y = coder.security.to_numpy(), ref.security.to_numpy()
        cells = [w @ ((x == i) & (y == j)).astype(float) + 0.5
                 for i, j in ((1, 1), (1, 0), (0, 1), (0, 0))]
        tp, fp, fn, tn = cells
        n = tp + fp + fn + tn
        po, pe = (tp + tn) / n, ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / n ** 2
        return (po - pe) / (1 - pe), 2 * tp / (2 * tp + fp + fn)

    (ka, fa), (kb, fb) = kappa_f1(a), kappa_f1(b)
    for metric, diff in (("kappa", ka - kb), ("f1", fa - fb)):
        lo, hi = np.quantile(diff, [0.025, 0.975])
        value = t.loc[metric, "value"]
        assert t.loc[metric, "ci_low"] == pytest.approx(min(lo, value), abs=1e-12)
        assert t.loc[metric, "ci_high"] == pytest.approx(max(hi, value), abs=1e-12)
    from sklearn.metrics import cohen_kappa_score, f1_score

    assert t.loc["kappa", "value"] == pytest.approx(
        cohen_kappa_score(a.security, ref.security) - cohen_kappa_score(b.security,
                                                                        ref.security))
    assert t.loc["f1", "value"] == pytest.approx(
        f1_score(ref.security, a.security) - f1_score(ref.security, b.security))
    assert t.loc["kappa", "interval"].startswith(
        "cluster bootstrap percentile (documents resampled; B=400, seed=2), paired")


def test_a_paired_difference_is_narrower_than_two_independent_intervals():
    # the coders share most of their codes: pairing keeps that, so the interval of the
    # difference is narrower than the one of two scores resampled independently
    ref, a, b, rows = _two_coders(n_docs=20, seed=1)
    boot = agreement.resampler(rows, n_boot=1000, seed=4)
    paired = agreement.difference_intervals(a, b, ref, boot, metrics=("kappa",),
                                            frames=["security"]).iloc[0]
    other = agreement.resampler(rows, n_boot=1000, seed=5)
    da = agreement.agreement_intervals(a, ref, boot, metrics=("kappa",), frames=["security"])
    db = agreement.agreement_intervals(b, ref, other, metrics=("kappa",), frames=["security"])
    assert paired.ci_high - paired.ci_low < (
        (da.ci_high - da.ci_low) ** 2 + (db.ci_high - db.ci_low) ** 2).pow(0.5).iloc[0]
    assert paired.ci_low > 0          # a agrees better than b, and the interval says so


def test_the_same_codes_differ_by_zero_and_the_label_says_why():
    ref, a, _, rows = _two_coders()
    boot = agreement.resampler(rows, n_boot=200, seed=1)
    t = agreement.difference_intervals(a, a.copy(), ref, boot, frames=["security"])
    assert (t.value == 0).all() and (t.ci_low == 0).all() and (t.ci_high == 0).all()
    assert t.interval.str.contains("the two coders give the same codes to every "
                                   "sentence").all()


def test_a_difference_refuses_misaligned_rows_and_unknown_metrics():
    ref, a, b, rows = _two_coders()
    boot = agreement.resampler(rows, n_boot=50, seed=1)
    with pytest.raises(ValueError, match="same rows"):
        agreement.difference_intervals(a.iloc[:-1], b, ref, boot, frames=["security"])
    with pytest.raises(ValueError, match="'percent'"):
        agreement.difference_intervals(a, b, ref, boot, metrics=("percent",),
                                       frames=["security"])
