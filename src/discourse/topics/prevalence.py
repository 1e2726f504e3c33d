"""Topic prevalence by year: mean unit-topic weight per year and year differences.

The mean unit-topic weight per year counts every unit equally, whatever its length;
intervals are percentile bootstrap intervals (Efron and Tibshirani 1993;
:func:`discourse.stats.percentile_interval`). Which years are compared is resolved by
:func:`discourse.stats.comparisons` (default: every later year against the first).

**Design** (``design``): adjacent paragraphs of a speech share their topics (on the
study's corpus the lag-1 correlation of a topic's weights is 0.6-0.7 for four of the
five topics in one text, 0.04-0.45 in the other), so by default (``"block"``) a year
with several documents resamples its documents, each with all its units (the cluster bootstrap of
:func:`discourse.bootstrap.cluster_bootstrap`, as for frame shares and key terms;
Davison and Hinkley 1997, sec. 3.8), and in a year of one document runs of
consecutive units are resampled within it (the circular block bootstrap of
:func:`discourse.blocks.block_bootstrap`, block length ``round(n ** (1/3))`` units
for a document of ``n`` units, blocks wrapping round the end of the document so that
every unit is drawn equally often and the bootstrap distribution is centred on the
estimate; Politis and Romano 1992); ``"units"`` resamples single units within each year as
if they were independent (narrower, optimistic intervals; kept for comparison). The
``interval`` column of each table says which was used.

**Few documents.** Resampling two documents gives only three distinct replicates, so
the interval of a year of two documents would be the range of their two means however
much their paragraphs vary (anti-conservative with few clusters: Cameron and Miller
2015), narrower than the block interval a year of one document gets. Under ``"block"``
a year of several documents therefore also gets the block interval within each of its
documents, and the union of the two is reported, mean by mean; a difference involving
such a year is floored by the difference of the within-document draws of both sides
(:mod:`discourse.few_documents`). The ``interval`` label then ends ", widened to the
blocks-of-units-within-documents interval where narrower (a year with few documents)".

**Reading the differences.** Every topic is reported, so with k topics and several
years some intervals exclude 0 by chance alone (at 95%, about one in twenty when
nothing changed); and the topics were learned from the same texts whose difference is
tested, so a topic that separates the years is partly there *because* it separates
them (selection: the intervals do not carry the uncertainty of the topic model
itself, see :func:`discourse.topics.topic_stability`).

References
----------
Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their Application*,
sec. 3.8. Cambridge University Press.
Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman &
Hall.
Künsch, H. R. (1989). The jackknife and the bootstrap for general stationary
observations. *Annals of Statistics* 17(3), 1217-1241.
Cameron, A. C. and Miller, D. L. (2015). A practitioner's guide to cluster-robust
inference. *Journal of Human Resources* 50(2), 317-372.
Politis, D. N. and Romano, J. P. (1992). A circular block-resampling procedure for
stationary data. In *Exploring the Limits of Bootstrap*, 263-270. Wiley.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from typing import NamedTuple

from discourse import blocks, provenance, stats
from discourse.bootstrap import cluster_bootstrap
from discourse.checks import check_choice, check_positive_int
from discourse.few_documents import BLOCKS, widen_to_within
from discourse.topics.model import DEFAULT_SEED

__all__ = ["DESIGNS", "prevalence_by_year", "prevalence_difference", "prevalence_table"]

#: Bootstrap designs (see the module docstring).
DESIGNS = ("block", "units")


def _wide(unit_topics: pd.DataFrame):
    need = {"unit_id", "year", "topic", "weight"}
    missing = need - set(unit_topics.columns)
    if missing:
        raise ValueError(f"the unit topics table lacks column(s) {sorted(missing)}")
    t = unit_topics if "doc_id" in unit_topics.columns else \
        unit_topics.assign(doc_id=unit_topics["unit_id"].astype(str).str.rsplit(".", n=1).str[0])
    wide = t.pivot_table(index=["year", "doc_id", "unit_id"], columns="topic",
                         values="weight", aggfunc="first", sort=True)
    # reading order within a document by the unit's number: as text, "p1000" would
    # come before "p101" and the blocks of "consecutive" units would not be
    key = wide.index.to_frame(index=False)
    key["number"] = pd.to_numeric(key["unit_id"].astype(str).str.extract(r"(\d+)$")[0],
                                  errors="coerce")
    order = key.sort_values(["year", "doc_id", "number", "unit_id"], kind="stable").index
    return wide.iloc[order.to_numpy()]


class _Year(NamedTuple):
    """A year's bootstrap: point (k,), draws (n_boot, k), units, label, and the
    within-document block draws where the year has several documents (else None)."""

    point: np.ndarray
    draws: np.ndarray
    n: int
    label: str
    within: np.ndarray | None = None

    def floor_draws(self) -> np.ndarray:
        """The within-document draws (the year's own draws for one document)."""
        return self.draws if self.within is None else self.within


def _block_draws(part: pd.DataFrame, W: np.ndarray, n_boot: int, seed: int):
    """Circular block bootstrap means within each document of a year, and the label."""
    lengths = part.groupby(level="doc_id", sort=False).size().tolist()
    draws = np.vstack([c @ W for c in blocks.block_bootstrap(
        lengths, n_boot=n_boot, seed=seed)]) / len(W)
    return draws, _block_label({blocks.block_length(n) for n in lengths})


def _boot_means(wide: pd.DataFrame, n_boot: int, seed: int, design: str) -> dict:
    """Bootstrap means per year: ``{year: _Year}``."""
    check_positive_int("n_boot", n_boot)
    check_choice("design", design, DESIGNS)
    rng = np.random.default_rng(seed)
    out = {}
    for i, year in enumerate(sorted(wide.index.get_level_values("year").unique())):
        part = wide.xs(year, level="year")
        W = part.to_numpy(dtype=float)
        if design == "units":
            idx = rng.integers(0, len(W), size=(n_boot, len(W)))
            draws = W[idx].mean(axis=1)
            label = "bootstrap of units within year (assumes independent units)"
            out[int(year)] = _Year(W.mean(axis=0), draws, len(W), label)
        elif part.index.get_level_values("doc_id").nunique() > 1:
            # several documents: they are resampled, each with all its units (the
            # package's cluster bootstrap, as for frame shares and key terms), and the
            # blocks within each document kept as a floor (discourse.few_documents)
            boot = cluster_bootstrap(part.index.to_frame(index=False), n_boot=n_boot,
                                     seed=seed + i, stratum=None, paragraph=None)
            draws = boot.sums(W) / boot.sums(np.ones(len(W)))[:, None]
            label = "cluster bootstrap of documents within year (each with all its units)"
            within = _block_draws(part, W, n_boot, seed + i)[0]
            out[int(year)] = _Year(W.mean(axis=0), draws, len(W), label, within)
        else:
            draws, label = _block_draws(part, W, n_boot, seed + i)
            out[int(year)] = _Year(W.mean(axis=0), draws, len(W), label)
    return out


def _interval(draws: np.ndarray, within: np.ndarray | None, level: float, label: str):
    """Percentile interval per column, floored by the within-document draws if any."""
    lo, hi = stats.percentile_interval(draws, level)
    labels = [label] * len(np.atleast_1d(lo))
    if within is None:
        return np.atleast_1d(lo), np.atleast_1d(hi), labels
    wlo, whi = stats.percentile_interval(within, level)
    return widen_to_within(lo, hi, wlo, whi, labels, name=BLOCKS)


def _block_label(blocks) -> str:
    """'circular block bootstrap ... (block length 3-4)' for a set of lengths."""
    blocks = sorted(blocks)
    span = str(blocks[0]) if len(blocks) == 1 else f"{blocks[0]}-{blocks[-1]}"
    return ("circular block bootstrap of consecutive units within each document "
            f"(block length {span})")


def _joint_label(labels) -> str:
    """One label for a difference of years (block lengths of both sides)."""
    labels = set(labels)
    if len(labels) == 1:
        return labels.pop()
    lengths = set()
    for lab in labels:
        if "block length " not in lab:
            return "; ".join(sorted(labels))
        span = lab.rsplit("block length ", 1)[1].rstrip(")")
        lengths.update(int(x) for x in span.split("-"))
    return _block_label(lengths)


def _model_columns(unit_topics: pd.DataFrame) -> dict:
    return {c: unit_topics[c].iloc[0] for c in ("model", "k", "seed")
            if c in unit_topics.columns and len(unit_topics)}


@provenance.tracked
def prevalence_by_year(unit_topics: pd.DataFrame, *, n_boot: int = 2000,
                       seed: int = DEFAULT_SEED, level: float = 0.95,
                       design: str = "block") -> pd.DataFrame:
    """Mean topic share per year with percentile bootstrap intervals.

    The point estimate is the mean of the units' topic weights in a year (each unit
    counts once). The interval resamples that year's units ``n_boot`` times (years
    independently) and takes the ``(1 - level) / 2`` and ``(1 + level) / 2``
    quantiles of the resampled means (percentile method, Efron and Tibshirani 1993).
    ``design="block"`` (default) resamples runs of consecutive units within each
    document (seed ``seed + i`` for the i-th year); ``"units"`` single units within
    the year (one generator seeded with ``seed``, years in ascending order), which
    treats consecutive paragraphs as independent and gives optimistic intervals.
    Under ``"block"`` a year of several documents resamples its documents, and its
    interval is widened to the block interval within its documents where narrower
    (a year of few documents; see the module docstring). Works with a single year.

    Parameters
    ----------
    unit_topics : pandas.DataFrame
        A ``unit topics`` table from :func:`document_topics`.
    n_boot : int
        Bootstrap resamples.
    seed : int
        Seed of the bootstrap (recorded as ``boot_seed``).
    level : float
        Confidence level.
    design : {"block", "units"}
        What is resampled (see the module docstring).

    Returns
    -------
    pandas.DataFrame
        ``topic, year, n_units, mean, ci_low, ci_high, interval, level, n_boot,
        boot_seed`` plus ``model, k, seed`` from the input; ``interval`` names the
        bootstrap design (and the widening, where it applies). Sorted by topic, then
        year.
    """
    wide = _wide(unit_topics)
    boots = _boot_means(wide, n_boot, seed, design)
    rows = []
    for year, b in boots.items():
        lo, hi, labels = _interval(b.draws, b.within, level, b.label)
        for j, topic in enumerate(wide.columns):
            rows.append((int(topic), year, b.n, b.point[j], lo[j], hi[j], labels[j]))
    out = pd.DataFrame(rows, columns=["topic", "year", "n_units", "mean", "ci_low",
                                      "ci_high", "interval"])
    out = out.sort_values(["topic", "year"], kind="stable").reset_index(drop=True)
    return out.assign(level=level, n_boot=n_boot, boot_seed=seed,
                      **_model_columns(unit_topics))


def _pooled(boots: dict, years: tuple) -> _Year:
    """The bootstrap means of several years pooled (weighted by their units)."""
    if len(years) == 1:
        return boots[years[0]]
    n = sum(boots[y].n for y in years)
    point = sum(boots[y].point * boots[y].n for y in years) / n
    draws = sum(boots[y].draws * boots[y].n for y in years) / n
    within = None
    if any(boots[y].within is not None for y in years):
        within = sum(boots[y].floor_draws() * boots[y].n for y in years) / n
    return _Year(point, draws, n, boots[years[0]].label, within)


def _difference(target: _Year, reference: _Year, level: float, label: str):
    """Interval of target minus reference, floored by the within-document draws of
    both sides where either side has several documents."""
    within = None
    if target.within is not None or reference.within is not None:
        within = target.floor_draws() - reference.floor_draws()
    return _interval(target.draws - reference.draws, within, level, label)


@provenance.tracked
def prevalence_difference(unit_topics: pd.DataFrame, *, target: int | None = None,
                          reference=None, n_boot: int = 2000, seed: int = DEFAULT_SEED,
                          level: float = 0.95, design: str = "block") -> pd.DataFrame:
    """Difference in mean topic share between years (target minus reference).

    Uses the same bootstrap draws as :func:`prevalence_by_year` with the same
    ``n_boot``, ``seed`` and ``design`` (years resampled independently), so the
    interval of a difference is the percentile interval of the differences of the
    resampled means. Read the module docstring's note on multiplicity and on the
    topics having been learned from the texts compared. A pooled reference
    (``"rest"``) is the unit-weighted mean of its years, draw by draw. Where a year
    compared has several documents, the interval is widened to that of the
    differences of the within-document block draws where narrower (as the year means
    of :func:`prevalence_by_year`).

    Parameters
    ----------
    unit_topics : pandas.DataFrame
        A ``unit topics`` table from :func:`discourse.topics.document_topics`.
    target, reference : optional
        Resolved by :func:`discourse.stats.comparisons`: a year, and a year or
        ``"first"`` (default: each later year against the first), ``"previous"`` (each
        year against the one before it) or ``"rest"``.
    n_boot, seed, level, design : see :func:`prevalence_by_year`.

    Returns
    -------
    pandas.DataFrame
        ``topic, target, reference, n_target, n_reference, difference, ci_low,
        ci_high, interval, level, n_boot, boot_seed`` plus ``model, k, seed``.

    Raises
    ------
    ValueError
        With fewer than two years (the message names the years found), or a year or
        reference that is not in the data.
    """
    wide = _wide(unit_topics)
    years = wide.index.get_level_values("year").unique()
    wanted = stats.comparisons(years, target, reference, name="year")
    boots = _boot_means(wide, n_boot, seed, design)
    rows = []
    for c in wanted:
        t, r = boots[c.target], _pooled(boots, c.groups)
        label = _joint_label(boots[y].label for y in (c.target, *c.groups))
        lo, hi, labels = _difference(t, r, level, label)
        for j, topic in enumerate(wide.columns):
            rows.append((int(topic), c.target, c.reference, t.n, r.n,
                         t.point[j] - r.point[j], lo[j], hi[j], labels[j]))
    out = pd.DataFrame(rows, columns=["topic", "target", "reference", "n_target",
                                      "n_reference", "difference", "ci_low", "ci_high",
                                      "interval"])
    out = out.sort_values(["topic", "target", "reference"], kind="stable")
    return out.reset_index(drop=True).assign(level=level, n_boot=n_boot, boot_seed=seed,
                                             **_model_columns(unit_topics))


@provenance.tracked
def prevalence_table(unit_topics: pd.DataFrame, *, target: int | None = None,
                     reference=None, n_boot: int = 2000, seed: int = DEFAULT_SEED,
                     level: float = 0.95, design: str = "block") -> pd.DataFrame:
    """Year means and year differences in one long table (``topics-prevalence-by-year``).

    Rows with ``measure == "mean"`` come from :func:`prevalence_by_year` (``year``
    is the year, ``reference`` empty); rows with ``measure == "difference"`` from
    :func:`prevalence_difference` (``year`` is the target year). With a single year
    there are only ``mean`` rows (use :func:`prevalence_difference` directly to get
    an error instead).

    Returns
    -------
    pandas.DataFrame
        ``measure, topic, year, reference, n_units, n_reference, estimate, ci_low,
        ci_high, interval, level, n_boot, boot_seed, model, k, seed``.
    """
    kw = {"n_boot": n_boot, "seed": seed, "level": level, "design": design}
    means = prevalence_by_year(unit_topics, **kw)
    parts = [means.rename(columns={"mean": "estimate"}).assign(
        measure="mean", reference=pd.NA, n_reference=pd.NA)]
    n_years = unit_topics["year"].nunique()
    if n_years >= 2 or target is not None or reference is not None:
        diff = prevalence_difference(unit_topics, target=target, reference=reference, **kw)
        parts.append(diff.rename(columns={"difference": "estimate", "target": "year",
                                          "n_target": "n_units"}).assign(
            measure="difference"))
    cols = ["measure", "topic", "year", "reference", "n_units", "n_reference",
            "estimate", "ci_low", "ci_high", "interval", "level", "n_boot", "boot_seed"]
    cols += [c for c in ("model", "k", "seed") if c in means.columns]
    out = pd.concat([p[cols] for p in parts], ignore_index=True)
    if not out["reference"].isin(["rest"]).any():
        out["reference"] = out["reference"].astype("Int64")
    out["n_reference"] = out["n_reference"].astype("Int64")
    return out
