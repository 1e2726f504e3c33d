"""Frame shares: how often each frame occurs, by year or role, and how that changed.

* **Shares** (:func:`frame_shares`): the share of sentences with the frame and, by
  default, a **cluster bootstrap** percentile interval that resamples circular blocks of
  consecutive paragraphs of a year's document (whole documents instead when a year has
  several; :func:`discourse.bootstrap.cluster_bootstrap`), because sentences of one
  paragraph are not independent draws and neither are adjacent paragraphs (their frame
  shares correlate at lag 1 by 0.40-0.67 in the study's two texts); it is widened where
  narrower to Wilson's interval at the effective sample size
  (:mod:`discourse.clustered_ci`). The Wilson (1927) score interval for independent
  sentences is kept beside it in columns named ``*_independent``. Also frame-carrying
  sentences per 1,000 words (words as in :func:`discourse.text.count_words`, counted
  once per table: a sentences table with an ``n_words`` column, e.g. from
  :func:`word_counts`, is used as it is).
* **Differences** (:func:`frame_differences`): target minus reference, resolved by
  :func:`discourse.stats.comparisons`, with the percentile interval of the same
  cluster bootstrap (the replicate differences), widened where narrower to Newcombe's
  interval from the two effective Wilson intervals, and, assuming independent
  sentences, Newcombe's (1998) hybrid score interval (his method 10) and Fisher's
  exact test (two-sided, conditional).
* **Sensitivity, roles, trajectory**: the same codes seen other ways (co-occurrence:
  :mod:`discourse.framing.cooccurrence`).

Every table records the bootstrap's ``n_boot`` and ``seed`` and names its interval in
a column ``interval``.

References
----------
Agresti, A. (2013). *Categorical Data Analysis*, 3rd ed. Wiley. (Sec. 3.5, Fisher's exact
test for 2x2 tables.)
Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their Application*.
Cambridge University Press. (Sec. 3.8, multistage sampling.)
Newcombe, R. G. (1998). Interval estimation for the difference between independent
proportions: comparison of eleven methods. *Statistics in Medicine* 17, 873-890.
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
inference. *JASA* 22, 209-212.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse import provenance, stats
from discourse.bootstrap import (DEFAULT_N_BOOT, DEFAULT_SEED, cluster_bootstrap,
                                 defined_label, n_defined, no_narrower,
                                 percentile_columns, ratio)
from discourse.checks import (check_codes, check_columns, check_positive_int,
                              check_reading_order, check_unique)
from discourse.clustered_ci import design_units
from discourse.framing.lexicon import FRAMES
from discourse.segmentation import NOT_OWN_WORDS
from discourse.stats import newcombe_interval, wilson_interval
from discourse.text import count_words

__all__ = [
    "wilson_interval",
    "newcombe_interval",
    "word_counts",
    "add_word_counts",
    "frame_shares",
    "frame_differences",
    "sensitivity",
    "merge_codes",
    "frames_by_role",
    "trajectory",
]

#: The test beside the bootstrap interval of :func:`frame_differences`.
FISHER = "Fisher exact, two-sided (assumes independent sentences)"


@provenance.tracked
def word_counts(sentences: pd.DataFrame, *, id_col: str = "sentence_id",
                text_col: str = "text") -> pd.DataFrame:
    """Words per sentence (``id_col, n_words``), by :func:`discourse.text.count_words`
    (the package's one definition of a word, shared with
    :func:`discourse.corpus.describe`)."""
    n = [count_words(x) for x in sentences[text_col]]
    return pd.DataFrame({id_col: sentences[id_col].to_numpy(), "n_words": n})


def _with_word_counts(table: pd.DataFrame) -> pd.DataFrame:
    if "n_words" in table:
        return table
    return table.assign(n_words=[count_words(x) for x in table["text"]])


@provenance.tracked
def add_word_counts(sentences: pd.DataFrame) -> pd.DataFrame:
    """The sentences table with a column ``n_words`` (:func:`discourse.text.count_words`
    of each ``text``), so that the functions here count words once, not per call.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a"], "text": ["Trade grew by 3,800 units."]})
    >>> add_word_counts(s)["n_words"].tolist()
    [5]
    """
    return _with_word_counts(sentences)


def merge_codes(codes: pd.DataFrame, sentences: pd.DataFrame,
                id_col: str = "sentence_id") -> pd.DataFrame:
    """The sentences table (its frame and evidence columns dropped) with the frame codes
    of each sentence; ``ValueError`` if a coded sentence is not in it, or the codes or
    the table lack columns."""
    check_columns(sentences, (id_col, "year", "text"), "sentences table")
    check_codes(codes, FRAMES, "frame codes")
    check_unique(codes, id_col, "frame codes")
    meta = sentences.drop(columns=[c for c in (*FRAMES, "evidence") if c in sentences])
    m = meta.merge(codes[[id_col, *FRAMES]], on=id_col, how="inner", validate="one_to_one")
    if len(m) != len(codes):
        raise ValueError("some coded sentences are not in the sentences table")
    return m


class _Replicates:
    """Observed and bootstrap counts of sentences and frame sentences per group."""

    def __init__(self, m, by, n_boot, seed, block=None):
        if by not in m:
            raise ValueError(f"by {by!r} is not a column of the sentences table")
        check_columns(m, ("doc_id", "paragraph"), "sentences table (for the cluster "
                                                  "bootstrap)")
        self.groups = sorted(m[by].unique().tolist())
        self.boot = cluster_bootstrap(m, n_boot=n_boot, seed=seed, block=block)
        member = np.column_stack([(m[by] == g).to_numpy() for g in self.groups]).astype(float)
        codes = m[list(FRAMES)].to_numpy(dtype=float)
        values = np.column_stack([member] + [member * codes[:, [j]]
                                             for j in range(len(FRAMES))])
        self.n = member.sum(axis=0)                                   # groups
        self.k = (member.T @ codes)                                   # groups x frames
        reps = self.boot.sums(values)
        g = len(self.groups)
        self.n_rep = reps[:, :g]                                      # B x groups
        self.k_rep = np.stack([reps[:, g * (j + 1):g * (j + 2)]
                               for j in range(len(FRAMES))], axis=2)  # B x groups x frames

    def pooled(self, groups):
        idx = [self.groups.index(x) for x in groups]
        return (self.k[idx].sum(axis=0), self.n[idx].sum(),
                self.k_rep[:, idx].sum(axis=1), self.n_rep[:, idx].sum(axis=1))


@provenance.tracked
def frame_shares(codes: pd.DataFrame, sentences: pd.DataFrame, *, by: str = "year",
                 n_boot: int = DEFAULT_N_BOOT, seed: int = DEFAULT_SEED,
                 level: float = 0.95, block: int | None = None) -> pd.DataFrame:
    """Share of sentences carrying each frame per group, with cluster bootstrap CIs.

    Parameters
    ----------
    codes : DataFrame
        Frame codes (``sentence_id`` and the frames).
    sentences : DataFrame
        The sentences table (``sentence_id, year, doc_id, paragraph, text`` and
        ``by``; ``n_words`` is used if present, else counted).
    by : str
        Grouping column (default ``"year"``; e.g. ``"role"``). The bootstrap always
        keeps years apart and resamples the documents of a year that has several,
        circular blocks of consecutive paragraphs of its document otherwise
        (:func:`discourse.bootstrap.cluster_bootstrap`); the share of each group is
        computed in every replicate.
    n_boot, seed : int
        Bootstrap replicates and seed (:func:`discourse.bootstrap.cluster_bootstrap`).
    level : float
        Confidence level of both intervals.
    block : int, optional
        Block length of a lone document's paragraphs (default ``round(P ** (1/3))``
        per document where its paragraphs are consecutive text, else 1:
        :func:`discourse.bootstrap.cluster_bootstrap`; ``1``: independent paragraphs,
        the design before blocks).

    Returns
    -------
    DataFrame
        ``shares`` table: ``{by}, frame, n_sentences, n_frame, share, ci_low, ci_high``
        (cluster bootstrap percentile interval; where it is narrower than Wilson's at
        the effective sample size (:mod:`discourse.clustered_ci`) at either end, as for
        a group in one paragraph, whose every replicate is the same, it is widened to
        it, so that no interval is a point), ``interval``
        (how it was made, row by row; when some replicates lack every sentence of a
        group, e.g. a role, they are left out and the label says how many of
        ``n_boot`` are used),
        ``n_boot, seed, wilson_low_independent, wilson_high_independent`` (Wilson score
        interval, assuming independent sentences), ``n_words, per_1000_words``
        (frame-carrying sentences per 1,000 words); sorted by group then frame.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": list("abcd"), "year": 2020, "doc_id": "d",
    ...                   "paragraph": [1, 1, 2, 2], "text": "x"})
    >>> c = pd.DataFrame({"sentence_id": list("abcd"), "security": [1, 0, 1, 0],
    ...                   "economy": 0, "multilateralism": [1, 1, 0, 0]})
    >>> t = frame_shares(c, s, n_boot=200, seed=1)
    >>> t[["frame", "share", "ci_low", "ci_high"]].round(3).values.tolist()[:2]
    [['security', 0.5, 0.006, 0.994], ['economy', 0.0, 0.0, 0.976]]

    Two paragraphs say little about a population of paragraphs: the floor (Wilson's
    interval at the effective sample size, t with 1 df) is all but [0, 1].
    """
    stats.check_level(level)
    m = _with_word_counts(merge_codes(codes, sentences))
    r = _Replicates(m, by, n_boot, seed, block)
    share_rep = ratio(r.k_rep, r.n_rep[:, :, None])                 # B x groups x frames
    low, high = percentile_columns(share_rep.reshape(len(share_rep), -1), level)
    low, high = low.reshape(r.k.shape), high.reshape(r.k.shape)
    # a replicate without any sentence of a group leaves its share undefined
    defined = n_defined(share_rep.reshape(len(share_rep), -1)).reshape(r.k.shape)
    words = m.groupby(by)["n_words"].sum()
    design = design_units(r.boot)
    rows = []
    for i, g in enumerate(r.groups):
        n = int(r.n[i])
        inside = (m[by] == g).to_numpy()
        for j, f in enumerate(FRAMES):
            k = int(r.k[i, j])
            wlo, whi = wilson_interval(k, n, level)
            # a group within one or two paragraphs gives the percentile bootstrap
            # nothing to resample: never narrower than Wilson's at the effective sample
            # size (no point intervals)
            floor = design.wilson(m[f].to_numpy(float), inside, level)
            lo, hi, label = no_narrower(float(low[i, j]), float(high[i, j]), floor[:2],
                                        r.boot.label, floor.name)
            w = int(words[g])
            rows.append({by: g, "frame": f, "n_sentences": n, "n_frame": k, "share": k / n,
                         "ci_low": lo, "ci_high": hi,
                         "interval": defined_label(label, defined[i, j], n_boot,
                                                   f"the share of {by} {g}"),
                         "n_boot": n_boot, "seed": seed,
                         "wilson_low_independent": wlo, "wilson_high_independent": whi,
                         "n_words": w, "per_1000_words": 1000 * k / w if w else np.nan})
    return pd.DataFrame(rows)


@provenance.tracked
def frame_differences(codes: pd.DataFrame, sentences: pd.DataFrame, target=None,
                      reference=None, *, by: str = "year", n_boot: int = DEFAULT_N_BOOT,
                      seed: int = DEFAULT_SEED, level: float = 0.95,
                      block: int | None = None) -> pd.DataFrame:
    """Differences of frame shares, target minus reference, with CIs and a test.

    Parameters
    ----------
    codes, sentences : DataFrame
        As in :func:`frame_shares` (the same ``n_boot`` and ``seed`` give the same
        replicates, so the intervals of shares and differences are consistent).
    target, reference : optional
        Values of ``by``, or for ``reference`` one of ``"first"``, ``"previous"``,
        ``"rest"`` (counts pooled), resolved by :func:`discourse.stats.comparisons`.
        Default: every later value against the first (earliest), so any number of
        years gives one row per later year and frame. Needs at least two groups.
    by : str
        Grouping column (default ``"year"``).
    n_boot, seed, level, block
        As in :func:`frame_shares`.

    Returns
    -------
    DataFrame
        ``frame, reference, target, n_reference, n_target, share_reference,
        share_target, difference, ci_low, ci_high`` (cluster bootstrap percentile
        interval of the difference, widened where narrower to Newcombe's interval from
        Wilson's at the two groups' effective sample sizes, as :func:`frame_shares`
        widens to Wilson's at the effective sample size:
        :func:`discourse.clustered_ci.effective_newcombe_interval`), ``interval, n_boot, seed,
        newcombe_low_independent, newcombe_high_independent`` (Newcombe hybrid score,
        assuming independent sentences), ``test`` (:data:`FISHER`), ``odds_ratio,
        p_value_independent``; one row per comparison and frame.
    """
    from scipy.stats import fisher_exact

    stats.check_level(level)
    m = merge_codes(codes, sentences)
    if by not in m:
        raise ValueError(f"by {by!r} is not a column of the sentences table")
    found = stats.comparisons(m[by].unique(), target, reference, name=by)
    r = _Replicates(m, by, n_boot, seed, block)
    design = design_units(r.boot)
    coded = {f: m[f].to_numpy(float) for f in FRAMES}
    rows = []
    for c in found:
        k1, n1, k1_rep, n1_rep = r.pooled([c.target])
        k0, n0, k0_rep, n0_rep = r.pooled(list(c.groups))
        one, other = (m[by] == c.target).to_numpy(), m[by].isin(list(c.groups)).to_numpy()
        diff_rep = ratio(k1_rep, n1_rep[:, None]) - ratio(k0_rep, n0_rep[:, None])
        low, high = percentile_columns(diff_rep, level)
        defined = n_defined(diff_rep)
        for j, f in enumerate(FRAMES):
            a, na, b, nb = int(k1[j]), int(n1), int(k0[j]), int(n0)
            nlo, nhi = newcombe_interval(a, na, b, nb, level)
            odds, p = fisher_exact([[a, na - a], [b, nb - b]], alternative="two-sided")
            flo, fhi, name = design.newcombe(coded[f], one, other, level)
            lo, hi, label = no_narrower(float(low[j]), float(high[j]), (flo, fhi),
                                        r.boot.label, name)
            rows.append({"frame": f, "reference": c.reference, "target": c.target,
                         "n_reference": nb, "n_target": na,
                         "share_reference": b / nb, "share_target": a / na,
                         "difference": a / na - b / nb, "ci_low": lo, "ci_high": hi,
                         "interval": defined_label(label, defined[j], n_boot,
                                                   "the difference"),
                         "n_boot": n_boot, "seed": seed,
                         "newcombe_low_independent": nlo, "newcombe_high_independent": nhi,
                         "test": FISHER, "odds_ratio": float(odds),
                         "p_value_independent": float(p)})
    return pd.DataFrame(rows)


def _conclusion(lo, hi):
    return "rise" if lo > 0 else "fall" if hi < 0 else "no clear change"


@provenance.tracked
def sensitivity(codes: pd.DataFrame, sentences: pd.DataFrame, hand: pd.DataFrame | None = None,
                *, target=None, reference=None, n_boot: int = DEFAULT_N_BOOT,
                seed: int = DEFAULT_SEED, level: float = 0.95) -> pd.DataFrame:
    """Do the year differences hold with other choices? One row per variant and frame.

    Variants: ``lexicon, all sentences`` (the main result); ``lexicon, without
    questions, titles and leads``; and, when ``hand`` codes are given, the same two
    with hand codes instead of lexicon codes (on the hand-coded sentences). Each
    variant is a :func:`frame_differences` table with the same ``n_boot`` and ``seed``.

    Returns
    -------
    DataFrame
        ``variant, codes, sentences, kind`` ("main" for the main result, "check" for
        the others: only checks count when saying how often a conclusion holds),
        ``frame, reference, target, n_reference, n_target, share_reference,
        share_target, difference, ci_low, ci_high`` (cluster bootstrap), ``interval,
        n_boot, seed, newcombe_low_independent, newcombe_high_independent,
        p_value_independent, conclusion`` ("rise"/"fall"/"no clear change": the
        bootstrap CI above, below or across 0) and ``holds`` (same conclusion as the
        main result; trivially true on the main rows).
    """
    sentences = _with_word_counts(sentences)   # counted once for every variant
    variants = [("lexicon", "all", codes)]
    body = sentences[~sentences["role"].isin(NOT_OWN_WORDS)] if "role" in sentences else None
    if body is not None:
        variants.append(("lexicon", "without questions, titles, leads", codes))
    if hand is not None:
        variants.append(("hand", "all", hand))
        if body is not None:
            variants.append(("hand", "without questions, titles, leads", hand))
    rows = []
    main = None
    for source, which, table in variants:
        sents = sentences if which == "all" else body
        sub = table[table["sentence_id"].isin(sents["sentence_id"])]
        sents = sents[sents["sentence_id"].isin(sub["sentence_id"])]
        diff = frame_differences(sub, sents, target, reference, n_boot=n_boot, seed=seed,
                                 level=level)
        diff["variant"] = f"{source} codes, {which}"
        diff["codes"] = source
        diff["sentences"] = which
        diff["kind"] = "main" if main is None else "check"
        diff["conclusion"] = [_conclusion(lo, hi) for lo, hi in zip(diff.ci_low, diff.ci_high)]
        if main is None:
            main = diff.set_index(["frame", "target"])["conclusion"]
        diff["holds"] = [c == main.loc[(f, t)] for c, f, t in
                         zip(diff.conclusion, diff.frame, diff.target)]
        rows.append(diff)
    cols = ["variant", "codes", "sentences", "kind", "frame", "reference", "target",
            "n_reference", "n_target", "share_reference", "share_target", "difference",
            "ci_low", "ci_high", "interval", "n_boot", "seed", "newcombe_low_independent",
            "newcombe_high_independent", "p_value_independent", "conclusion", "holds"]
    return pd.concat(rows, ignore_index=True)[cols]


@provenance.tracked
def frames_by_role(codes: pd.DataFrame, sentences: pd.DataFrame, level: float = 0.95, *,
                   n_boot: int = DEFAULT_N_BOOT, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Frame shares by speaker role and year: the ``shares`` columns of
    :func:`frame_shares` (cluster bootstrap CIs within each year, Wilson beside them)
    plus ``year`` and ``role``."""
    m = _with_word_counts(merge_codes(codes, sentences))
    out = []
    for y, part in m.groupby("year", sort=True):
        s = frame_shares(part[["sentence_id", *FRAMES]], part, by="role", n_boot=n_boot,
                         seed=seed, level=level)
        s.insert(0, "year", y)
        out.append(s)
    return pd.concat(out, ignore_index=True)


@provenance.tracked
def trajectory(codes: pd.DataFrame, sentences: pd.DataFrame, *, window: int = 15
               ) -> pd.DataFrame:
    """Frames along each text: a centred rolling share over ``window`` sentences.

    Returns
    -------
    DataFrame
        ``doc_id, year, position`` (1-based sentence order in the document),
        ``relative_position`` ((position - 0.5) / n), ``frame, coded`` (0/1),
        ``rolling_share`` (mean of ``coded`` over the centred window; shorter at the
        ends), ``window``.
    """
    check_positive_int("window", window)
    m = merge_codes(codes, sentences)
    check_reading_order(m)                  # positions are the rows' order
    rows = []
    for doc, part in m.groupby("doc_id", sort=False):
        part = part.reset_index(drop=True)
        n = len(part)
        for f in FRAMES:
            roll = part[f].rolling(window, center=True, min_periods=1).mean()
            rows.append(pd.DataFrame({
                "doc_id": doc, "year": part["year"], "position": np.arange(1, n + 1),
                "relative_position": (np.arange(1, n + 1) - 0.5) / n, "frame": f,
                "coded": part[f].astype(int), "rolling_share": roll, "window": window}))
    return pd.concat(rows, ignore_index=True).sort_values(
        ["year", "doc_id", "frame", "position"], ignore_index=True)
