"""discourse.framing.cooccurrence: counts and shares by hand, the paragraph bootstrap's
interval recomputed from the resampler, Wilson's interval at the effective sample size
as its floor."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import bootstrap, framing, stats
from discourse.clustered_ci import effective_wilson_interval


def _clustered():
    """Two years, one document each, 20 paragraphs of 5 sentences; security in every
    sentence, economy in every sentence of the first 10 paragraphs of 2021 and of the
    first 4 of 2022 (50/100 and 20/100 of the security sentences)."""
    par = np.tile(np.arange(100) // 5, 2)
    year = np.repeat([2021, 2022], 100)
    s = pd.DataFrame({"sentence_id": [f"s{i:03d}" for i in range(200)], "year": year,
                      "doc_id": [f"d{y}" for y in year], "paragraph": par, "text": "x"})
    eco = ((year == 2021) & (par < 10)) | ((year == 2022) & (par < 4))
    c = s[["sentence_id"]].assign(security=1, economy=eco.astype(int), multilateralism=0)
    return s, c, eco.astype(float)


def test_counts_and_shares_by_hand():
    s, c, eco = _clustered()
    t = framing.cooccurrence(c, s, n_boot=500, seed=1)
    t = t.set_index(["year", "frame_a", "frame_b"])
    row = t.loc[("all", "security", "economy")]
    assert (row.n_sentences, row.n_a, row.n_both) == (200, 200, 70)
    assert (row.share_of_sentences, row.share_of_a) == (70 / 200, 70 / 200)
    assert t.loc[("2022", "economy", "security"), "share_of_a"] == 1.0
    assert t.loc[("2021", "economy", "economy"), "n_both"] == 50     # the diagonal: n_a
    diagonal = t.loc[("2021", "economy", "economy")]                 # 1 by definition
    assert diagonal.share_of_a == 1.0 and np.isnan(diagonal.ci_low) and \
        np.isnan(diagonal.ci_high)
    assert diagonal.interval == "none: a frame with itself, 1 by definition"
    none = t.loc[("all", "multilateralism", "security")]
    assert none.n_a == 0 and np.isnan(none.share_of_a) and np.isnan(none.ci_low)
    assert set(t.n_boot) == {500} and set(t.seed) == {1}


def test_the_interval_is_the_paragraph_bootstraps_recomputed():
    """Each replicate's share: economy-and-security over security sentences of the drawn
    paragraphs (years kept apart; the pooled row sums them); the interval is its
    percentile interval widened to Wilson's at the effective sample size (paragraphs as
    units, years as strata: tests/test_clustered_ci.py), about twice as wide as Wilson's,
    which counts 100 independent sentences per year."""
    s, c, eco = _clustered()
    t = framing.cooccurrence(c, s, n_boot=2000, seed=7)
    boot = bootstrap.cluster_bootstrap(s, n_boot=2000, seed=7)
    for year, mask in (("2021", s.year == 2021), ("all", np.ones(200, bool))):
        m = np.asarray(mask, dtype=float)
        share = boot.sums(eco * m) / boot.sums(m)
        row = t[(t.year == year) & (t.frame_a == "security") & (t.frame_b == "economy")]
        lo, hi = np.quantile(share, [0.025, 0.975])
        inside = np.asarray(mask)
        floor = effective_wilson_interval(eco[inside], s.year[inside],
                                          (s.year * 100 + s.paragraph)[inside])
        assert floor.deff > 4
        assert row[["ci_low", "ci_high"]].values[0].tolist() == pytest.approx(
            [min(lo, floor.low), max(hi, floor.high)])
        k, n = int(row.n_both.iloc[0]), int(row.n_a.iloc[0])
        wlo, whi = stats.wilson_interval(k, n)
        assert hi - lo > 1.5 * (whi - wlo)
        assert row.interval.iloc[0].startswith(
            "cluster bootstrap percentile (blocks of consecutive paragraphs resampled "
            "within documents (circular block bootstrap, L = ")


def test_never_narrower_than_wilson():
    """Where nothing varies between replicates (every economy sentence carries security:
    the share is 1 in every replicate) the interval is Wilson's at the effective sample
    size: design effect 1 (a share of 1 shows no variance), the 10 paragraphs' 9 df."""
    s, c, _ = _clustered()
    t = framing.cooccurrence(c, s, n_boot=300, seed=2)
    row = t[(t.year == "2021") & (t.frame_a == "economy") & (t.frame_b == "security")].iloc[0]
    floor = effective_wilson_interval(np.ones(50), np.zeros(50), np.arange(50) // 5)
    assert (row.ci_low, row.ci_high) == pytest.approx(floor[:2])
    assert floor.low < stats.wilson_interval(50, 50)[0]
    assert row.interval.endswith("widened to the Wilson score interval of 50/50 at the "
                                 "effective sample size (design effect not estimable at a "
                                 "proportion of 0 or 1, taken as 1, t with 9 df; Korn and "
                                 "Graubard 1998) where narrower")


def test_bad_arguments_are_named():
    s, c, _ = _clustered()
    with pytest.raises(ValueError, match="n_boot=0 must be a positive integer"):
        framing.cooccurrence(c, s, n_boot=0)
    with pytest.raises(ValueError, match="level=2"):
        framing.cooccurrence(c, s, 2)
    with pytest.raises(ValueError, match="paragraph"):
        framing.cooccurrence(c, s.drop(columns="paragraph"))
