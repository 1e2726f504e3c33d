"""Co-occurrence of frames: how often two frames share a sentence, with intervals that
respect the paragraphs.

Of the sentences with frame a, the share that also carry frame b is a ratio of two sums
over sentences, and sentences of one paragraph are not independent draws; its interval
is the percentile interval of a **cluster bootstrap**
(:func:`discourse.bootstrap.cluster_bootstrap`: circular blocks of consecutive
paragraphs resampled within a year's document, whole documents within a year that has
several, years kept apart; the pooled row sums the years' replicates), widened to
contain the estimate and, where narrower, Wilson's (1927) score interval at the
effective sample size (:mod:`discourse.clustered_ci`), which keeps its coverage at 0
and 1, so that no interval is a point. Until 2026-12-04 the table had Wilson's interval alone, which
treats the sentences of a paragraph as independent draws.

References
----------
Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their Application*.
Cambridge University Press. (Sec. 3.8, multistage sampling.)
Korn, E. L. and Graubard, B. I. (1998). Confidence intervals for proportions with small
expected number of positive counts estimated from survey data. *Survey Methodology*
24(2), 193-201.
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
inference. *JASA* 22, 209-212.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse import provenance, stats
from discourse.bootstrap import (DEFAULT_N_BOOT, DEFAULT_SEED, cluster_bootstrap,
                                 floored_percentile, ratio)
from discourse.checks import check_columns, check_positive_int
from discourse.clustered_ci import UNDEFINED, design_units
from discourse.framing.lexicon import FRAMES
from discourse.framing.shares import merge_codes

__all__ = ["cooccurrence"]

_PAIRS = [(a, b) for a in FRAMES for b in FRAMES]
#: The ``interval`` of a frame with itself (``share_of_a`` is 1 by definition).
ONE_BY_DEFINITION = "none: a frame with itself, 1 by definition"


@provenance.tracked
def cooccurrence(codes: pd.DataFrame, sentences: pd.DataFrame, level: float = 0.95, *,
                 n_boot: int = DEFAULT_N_BOOT, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """How often two frames share a sentence, overall and per year.

    Parameters
    ----------
    codes : DataFrame
        ``sentence_id`` and the 0/1 frame columns.
    sentences : DataFrame
        The sentences table: ``sentence_id, year, text, doc_id, paragraph``.
    level : float
        Confidence level.
    n_boot, seed : int
        Replicates and seed of the cluster bootstrap.

    Returns
    -------
    DataFrame
        ``year`` ("all" for the pooled row), ``frame_a, frame_b, n_sentences, n_a,
        n_both, share_of_sentences`` (n_both / n_sentences), ``share_of_a`` (n_both /
        n_a: of the sentences with frame a, the share that also carry b; NaN without
        a sentence of frame a), ``ci_low, ci_high`` (its interval: see the module
        docstring; none for a frame with itself, whose ``share_of_a`` is 1 by
        definition), ``interval`` (how it was made), ``n_boot, seed``.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a", "b", "c", "d"], "year": 2021,
    ...                   "text": "x", "doc_id": "d1", "paragraph": [1, 1, 2, 3]})
    >>> c = s[["sentence_id"]].assign(security=[1, 1, 1, 0], economy=[1, 0, 0, 1],
    ...                               multilateralism=0)
    >>> t = cooccurrence(c, s, n_boot=200, seed=1)
    >>> r = t[(t.year == "all") & (t.frame_a == "security") & (t.frame_b == "economy")]
    >>> int(r.n_a.iloc[0]), int(r.n_both.iloc[0]), float(r.share_of_a.iloc[0])
    (3, 1, 0.3333333333333333)
    """
    stats.check_level(level)
    check_positive_int("n_boot", n_boot)
    m = merge_codes(codes, sentences)
    check_columns(m, ("doc_id", "paragraph"), "sentences table (for the cluster bootstrap)")
    years = sorted(m["year"].unique().tolist())
    boot = cluster_bootstrap(m, n_boot=n_boot, seed=seed)
    design = design_units(boot)
    has = {f: m[f].to_numpy(dtype=float) for f in FRAMES}
    pairs = np.column_stack([has[a] * has[b] for a, b in _PAIRS])     # n_both; a == b: n_a
    member = [(m["year"] == y).to_numpy(float) for y in years]
    reps = boot.sums(np.column_stack([pairs * mask[:, None] for mask in member]))
    per_year = reps.reshape(n_boot, len(years), len(_PAIRS))           # B x years x pairs
    label = (f"{boot.label} of the ratio n_both / n_a, widened to contain the estimate")
    rows = []
    groups = [("all", np.ones(len(m)), range(len(years)))] + \
        [(str(y), mask, [i]) for i, (y, mask) in enumerate(zip(years, member))]
    for name, mask, idx in groups:
        count = pairs[mask == 1].sum(axis=0)
        rep = per_year[:, list(idx)].sum(axis=1)                       # B x pairs
        for j, (a, b) in enumerate(_PAIRS):
            na, both = int(count[_PAIRS.index((a, a))]), int(count[j])
            lo = hi = value = np.nan
            how = UNDEFINED
            if na and a == b:                   # 1 by definition: nothing to estimate
                value, how = 1.0, ONE_BY_DEFINITION
            elif na:
                value = both / na
                base = rep[:, _PAIRS.index((a, a))]
                draws = ratio(rep[:, j], base)
                # (no replicate drew a sentence of frame a: the point, then the floor)
                floor = design.wilson(has[b], (mask == 1) & (has[a] == 1), level)
                lo, hi, how = floored_percentile(draws, value, floor[:2], label,
                                                 floor.name, level)
            rows.append({"year": name, "frame_a": a, "frame_b": b,
                         "n_sentences": int(mask.sum()), "n_a": na, "n_both": both,
                         "share_of_sentences": both / mask.sum(), "share_of_a": value,
                         "ci_low": float(lo), "ci_high": float(hi), "interval": how,
                         "n_boot": n_boot, "seed": seed})
    return pd.DataFrame(rows)
