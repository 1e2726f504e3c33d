"""discourse.framing.validation: agreement with hand coding, bootstrap intervals recomputed,
disagreements, and hand-coded files outside the corpus."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import bootstrap, framing, stats
from discourse.clustered_ci import effective_wilson_interval
from discourse.framing import agreement

F = framing.FRAMES
CODER = [1, 1, 1, 0, 0, 0, 0, 0, 1, 0]
HAND = [1, 1, 0, 0, 0, 0, 0, 1, 1, 0]


def _tables():
    ids = [f"s{i}" for i in range(10)]
    c = pd.DataFrame({"sentence_id": ids, "security": CODER, "economy": HAND,
                      "multilateralism": CODER, "evidence": ""})
    h = pd.DataFrame({"sentence_id": ids, "security": HAND, "economy": HAND,
                      "multilateralism": HAND, "note": "", "text": "t"})
    return c, h


def test_validate_tables_and_intervals():
    c, h = _tables()
    v = framing.validate(c, h, n_boot=300, seed=3)
    sec = v[v.frame == "security"].set_index("metric")
    assert sec.loc["f1", "value"] == 0.75
    assert v.equals(framing.validate(c, h, n_boot=300, seed=3))       # seeded
    eco = v[v.frame == "economy"].set_index("metric")
    assert eco.loc["kappa", "value"] == 1.0
    # a perfect coder: intervals below 1 that contain the estimate, never [1, 1]
    assert (eco.ci_low < 1).all() and (eco.ci_high == 1).all()
    boot = ("cluster bootstrap percentile (sentences resampled; B=300, seed=3) of the 2x2 "
            "table, Jeffreys pseudo-counts (0.5 per cell), widened to contain the estimate")
    # at 10 sentences every bootstrap interval is narrower than the analytic one
    assert eco.interval.to_dict() == {
        # economy: tp 4, fp 0, fn 0; the label gives the proportion's own denominator
        "precision": f"{boot}, widened to the Wilson score interval of 4/4 at the "
                     "effective sample size (design effect not estimable at a proportion "
                     "of 0 or 1, taken as 1, t with 3 df; Korn and Graubard 1998) where "
                     "narrower",
        "recall": f"{boot}, widened to the Wilson score interval of 4/4 at the effective "
                  "sample size (design effect not estimable at a proportion of 0 or 1, "
                  "taken as 1, t with 3 df; Korn and Graubard 1998) where narrower",
        "f1": f"{boot}, widened to the Wilson interval of the Jaccard index mapped to F1 "
              "(assumes independent sentences) where narrower",
        "kappa": f"{boot}, widened to the Donner-Eliasziw interval (assumes independent "
                 "sentences) where narrower",
        "alpha": f"{boot}, widened to the Donner-Eliasziw interval mapped to alpha "
                 "(assumes independent sentences) where narrower"}
    conf = framing.confusion(c, h)
    assert conf[conf.frame == "security"].n.tolist() == [3, 1, 1, 5]
    d = framing.disagreements(c, h)
    assert len(d) == 4 and set(d.kind) == {"false positive", "false negative"}
    assert framing.binary_agreement is stats.binary_agreement


def test_precision_and_recall_are_never_narrower_than_wilson():
    """security: tp 3, fp 1, fn 1 -> precision and recall 3/4. Each interval is the
    envelope of the bootstrap's (sentences resampled: (tp + 0.5) / (tp + fp + 1) of each
    replicate, recomputed here) and Wilson's at the effective sample size: with
    sentences as the units, four sentences (the coder's positives, or the hand's) give a
    design effect of 4/3 and 3 degrees of freedom, n_eff = 3 (z / t_3)^2, by hand:
    centre (0.75 + z^2 / (2 n_eff)) / (1 + z^2 / n_eff), half z sqrt(0.75 * 0.25 / n_eff
    + z^2 / (4 n_eff^2)) / (1 + z^2 / n_eff), wider than Wilson's of 3/4."""
    from scipy.stats import t

    c, h = _tables()
    v = framing.validate(c, h, n_boot=50, seed=1).set_index(["frame", "metric"])
    z = 1.959963984540054
    ne = 3 * (z / t.ppf(0.975, 3)) ** 2
    centre = (0.75 + z * z / (2 * ne)) / (1 + z * z / ne)
    half = z * np.sqrt(0.75 * 0.25 / ne + z * z / (4 * ne * ne)) / (1 + z * z / ne)
    wlo, whi = stats.wilson_interval(3, 4)
    assert centre - half < wlo and centre + half > whi
    boot = agreement.resampler(c[["sentence_id"]], n_boot=50, seed=1)
    a, b = np.array(CODER, float), np.array(HAND, float)
    tp = boot.sums(a * b) + 0.5
    for metric, other in (("precision", a * (1 - b)), ("recall", (1 - a) * b)):
        lo, hi = np.quantile(tp / (tp + boot.sums(other) + 0.5), [0.025, 0.975])
        row = v.loc[("security", metric)]
        assert (row.ci_low, row.ci_high) == pytest.approx(
            (min(lo, centre - half), max(hi, centre + half)))
        assert row.interval.endswith("widened to the Wilson score interval of 3/4 at the "
                                     "effective sample size (design effect 1.33, t with 3 "
                                     "df; Korn and Graubard 1998) where narrower")


def test_precision_and_recall_intervals_respect_the_paragraphs():
    """A coder whose errors come in whole paragraphs: 20 paragraphs of 5 sentences in one
    document, every sentence coded 1 by the coder, the hand coding 1 in the first 12
    paragraphs only -> precision 60/100. Wilson's interval treats the 100 sentences as
    independent; the paragraph bootstrap sees 20 draws ((tp + 0.5) / (tp + fp + 1) of
    each replicate, recomputed from the resampler) and so does Wilson's interval at the
    effective sample size (design effect 5.26 by hand: unit residuals 5 - 3 = 2 in 12
    paragraphs and -3 in 8, variance 20/19 * 120 / 100^2, over 0.6 * 0.4 / 100). The
    interval, the envelope of the two, is about twice as wide as Wilson's."""
    ids = [f"s{i:03d}" for i in range(100)]
    par = np.arange(100) // 5
    coder = pd.DataFrame({"sentence_id": ids, **{f: 1 for f in framing.FRAMES}})
    hand = pd.DataFrame({"sentence_id": ids,
                         **{f: (par < 12).astype(int) for f in framing.FRAMES}})
    clusters = pd.DataFrame({"sentence_id": ids, "doc_id": "d", "paragraph": par})
    v = framing.validate(coder, hand, clusters=clusters, n_boot=2000, seed=5)
    row = v[(v.frame == "security") & (v.metric == "precision")].iloc[0]
    boot = agreement.resampler(clusters, n_boot=2000, seed=5)
    tp = boot.sums((par < 12).astype(float))
    lo, hi = np.quantile((tp + 0.5) / (boot.sums(np.ones(100)) + 1), [0.025, 0.975])
    floor = effective_wilson_interval((par < 12).astype(float), np.zeros(100), par)
    assert floor.deff == pytest.approx((20 / 19 * 120 / 100 ** 2) / (0.6 * 0.4 / 100))
    assert (row.ci_low, row.ci_high) == pytest.approx(
        (min(lo, floor.low), max(hi, floor.high)))
    wlo, whi = stats.wilson_interval(60, 100)
    assert row.ci_high - row.ci_low > 1.8 * (whi - wlo)
    assert "paragraphs resampled within documents" in row.interval


def test_bootstrap_interval_recomputed_by_hand():
    """F1's interval: paragraphs resampled within documents, the 2x2 cells of each
    replicate plus 0.5, percentile interval, widened to contain the estimate and
    Wilson's interval of the Jaccard index (tp 3 of tp + fp + fn = 5) mapped to F1."""
    c, h = _tables()
    clusters = pd.DataFrame({"sentence_id": c.sentence_id, "doc_id": ["a"] * 5 + ["b"] * 5,
                             "paragraph": [1, 1, 2, 3, 3, 1, 2, 2, 3, 3]})
    v = framing.validate(c, h, clusters=clusters, n_boot=400, seed=11, level=0.9)
    boot = bootstrap.cluster_bootstrap(clusters, n_boot=400, seed=11, stratum="doc_id")
    for frame in ("security", "multilateralism"):
        a, b = c[frame].to_numpy(), h[frame].to_numpy()
        cells = np.column_stack([(a == 1) & (b == 1), (a == 1) & (b == 0),
                                 (a == 0) & (b == 1), (a == 0) & (b == 0)]).astype(float)
        tp, fp, fn, _ = (boot.sums(cells) + 0.5).T
        f1 = 2 * tp / (2 * tp + fp + fn)
        row = v[(v.frame == frame) & (v.metric == "f1")].iloc[0]
        lo, hi = np.quantile(f1, [0.05, 0.95])
        j = np.array(stats.wilson_interval(3, 5, 0.9))
        floor = 2 * j / (1 + j)
        assert (row.ci_low, row.ci_high) == pytest.approx(
            (min(lo, 0.75, floor[0]), max(hi, 0.75, floor[1])), rel=1e-12)
        assert "paragraphs resampled within documents" in row.interval
    with pytest.raises(ValueError, match="n_boot=0 must be a positive integer"):
        framing.validate(c, h, n_boot=0)
    with pytest.raises(ValueError, match="level=1.5"):
        framing.validate(c, h, level=1.5)
    with pytest.raises(ValueError, match="hand table lacks column"):
        framing.validate(c, h.drop(columns="economy"))


def test_validate_annotations_scores_a_hand_coded_file(tmp_path, frame_lexicon):
    """Four invented sentences; the lexicon's codes are checked by hand first.

    security: hand 1,0,0,1 vs lexicon 1,0,0,0 -> TP 1, FN 1, TN 2: precision 1,
    recall 0.5, F1 = 2PR/(P+R) = 0.666667.
    """
    path = tmp_path / "set.csv"
    pd.DataFrame({
        "id": ["x1", "x2", "x3", "x4"],
        "paragraph": ["a", "a", "b", "c"],
        "text": ["Terrorist attacks were prevented by the security services.",
                 "Trade between the countries grew.",
                 "The choir sang folk songs.",
                 "The delegates discussed the agenda."],
        "security": [1, 0, 0, 1], "economy": [0, 1, 0, 0], "multilateralism": [0, 0, 0, 0],
    }).to_csv(path, index=False)
    codes = framing.code_file(path, frame_lexicon)
    assert codes[["security", "economy"]].values.tolist() == [[1, 0], [0, 1], [0, 0], [0, 0]]
    table = framing.validate_annotations(path, frame_lexicon, n_boot=50, seed=3)
    assert set(table["set"]) == {"set"}
    sec = table[table.frame == "security"].set_index("metric")["value"]
    assert sec["precision"] == pytest.approx(1.0)
    assert sec["recall"] == pytest.approx(0.5)
    assert sec["f1"] == pytest.approx(2 / 3)
    eco = table[table.frame == "economy"].set_index("metric")["value"]
    assert eco["f1"] == pytest.approx(1.0)


def test_validate_annotations_rejects_bad_codes(tmp_path, frame_lexicon):
    path = tmp_path / "bad.csv"
    pd.DataFrame({"id": ["x1"], "text": ["Trade grew."], "security": [2], "economy": [1],
                  "multilateralism": [0]}).to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"bad.csv: column 'security' must hold 0 or 1"):
        framing.validate_annotations(path, frame_lexicon, n_boot=10)


def test_load_validation(tmp_path, corpus_copy):
    hand = framing.load_validation(corpus=corpus_copy)
    assert len(hand) == 200 and hand[list(F)].isin([0, 1]).all().all()
    assert framing.load_validation(corpus=tmp_path) is None
    with pytest.raises(FileNotFoundError, match="nope.csv"):
        framing.load_validation(tmp_path / "nope.csv")


def test_naming_the_corpus_validation_file_is_leaving_it_out(tmp_path, corpus_copy,
                                                             monkeypatch):
    """Notebook 04 decides by this whether the hand codes are the corpus's own (resampled
    with the corpus; the lexicon's development data) or a coding sheet (a sample of its
    own): the default file named explicitly, by any spelling, is the corpus's own."""
    own = corpus_copy / "annotations" / "frames_validation.csv"
    assert framing.is_corpus_validation(corpus=corpus_copy)
    assert framing.is_corpus_validation(own, corpus=corpus_copy)
    monkeypatch.chdir(corpus_copy)
    assert framing.is_corpus_validation("annotations/../annotations/frames_validation.csv",
                                        corpus=corpus_copy)
    sheet = tmp_path / "sheet.csv"
    assert not framing.is_corpus_validation(sheet, corpus=corpus_copy)
    assert not framing.is_corpus_validation(own, corpus=tmp_path)      # another corpus's
    from conftest import CORPUS
    assert framing.is_corpus_validation(CORPUS / "annotations" / "frames_validation.csv")


def test_a_coded_sheet_is_a_validation_set_as_it_is(tmp_path, corpus_copy):
    """README: a coded sheet of `discourse sample` saved as the corpus's
    annotations/frames_validation.csv is read with its ids as sentence ids."""
    hand = framing.load_validation(corpus=corpus_copy)
    sheet = hand[["sentence_id", *F]].head(7).rename(columns={"sentence_id": "id"})
    sheet.insert(1, "paragraph_text", "a paragraph")
    path = tmp_path / "annotations" / "frames_validation.csv"
    path.parent.mkdir()
    sheet.to_csv(path, index=False)
    got = framing.load_validation(corpus=tmp_path)
    assert got["sentence_id"].tolist() == hand["sentence_id"].head(7).tolist()
    assert got[list(F)].equals(hand[list(F)].head(7).reset_index(drop=True))
    path.write_text("ident,security,economy,multilateralism\nx,1,0,0\n")
    with pytest.raises(ValueError, match=r"frames_validation\.csv: missing column\(s\) "
                                         r"sentence_id"):
        framing.load_validation(corpus=tmp_path)


def test_each_proportion_is_floored_on_its_own_sentences():
    """Precision's floor is computed on the coder's positives (41 sentences in 15
    paragraphs), recall's on the hand's (36 in 12), percent agreement's on every
    sentence: errors of each kind sit in paragraphs of their own, so a floor computed on
    the wrong sentences is another interval. With B = 1 the bootstrap part is one
    replicate, inside the floor here, so each interval is its floor."""
    par = np.arange(60) // 3
    ids = [f"s{i:02d}" for i in range(60)]
    hand = (par < 12).astype(int)                        # 36 hand positives
    coder = hand.copy()
    coder[(par >= 12) & (par < 15)] = 1                  # 9 false positives, 3 paragraphs
    coder[np.isin(par, [0, 5])] = 0                      # 6 misses, 2 paragraphs
    coder[[40, 44, 48, 52]] = 1                          # 4 scattered false positives
    c = pd.DataFrame({"sentence_id": ids, **{f: coder for f in F}})
    h = pd.DataFrame({"sentence_id": ids, **{f: hand for f in F}})
    clusters = pd.DataFrame({"sentence_id": ids, "doc_id": "d", "paragraph": par})
    boot = agreement.resampler(clusters, n_boot=1, seed=3)
    v = agreement.agreement_intervals(c, h, boot, frames=["security"],
                                      metrics=("precision", "recall", "percent_agreement"))
    v = v.set_index("metric")
    floors = {}
    for metric, rows, hits in (("precision", coder == 1, hand == 1),
                               ("recall", hand == 1, coder == 1),
                               ("percent_agreement", np.ones(60, bool), coder == hand)):
        floors[metric] = effective_wilson_interval(hits[rows].astype(float),
                                                   np.zeros(rows.sum()), par[rows])
        row = v.loc[metric]
        assert (row.ci_low, row.ci_high) == pytest.approx(floors[metric][:2])
        assert floors[metric].name in row.interval
    assert "30/41" in floors["precision"].name and "30/36" in floors["recall"].name
    assert floors["precision"][:2] != pytest.approx(floors["recall"][:2])
    assert floors["recall"][:2] != pytest.approx(floors["percent_agreement"][:2])


def test_an_undefined_proportion_has_no_interval_and_says_why():
    """A coder that never codes economy: precision is 0/0, no value and no interval."""
    c, h = _tables()
    c = c.assign(economy=0)
    v = framing.validate(c, h, n_boot=50, seed=1).set_index(["frame", "metric"])
    row = v.loc[("economy", "precision")]
    assert np.isnan(row.value) and np.isnan(row.ci_low) and np.isnan(row.ci_high)
    assert row.interval == "none: no sentence in the denominator"
