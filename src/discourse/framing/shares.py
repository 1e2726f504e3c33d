"""Frame shares: how often each frame occurs, by year or role, and how that changed.

* **Shares** (:func:`frame_shares`): the share of sentences with the frame, with the
  Wilson (1927) score interval (:func:`discourse.stats.wilson_interval`), and
  frame-carrying sentences per 1,000 words (words as in
  :func:`discourse.text.count_words`, counted once per table: a sentences table with an
  ``n_words`` column, e.g. from :func:`word_counts`, is used as it is).
* **Differences** (:func:`frame_differences`): target minus reference, resolved by
  :func:`discourse.stats.comparisons`, with Newcombe's (1998) hybrid score interval
  (his method 10) and Fisher's exact test (two-sided, conditional).
* **Sensitivity, co-occurrence, roles, trajectory**: the same codes seen other ways.

References
----------
Newcombe, R. G. (1998). Interval estimation for the difference between independent
proportions: comparison of eleven methods. *Statistics in Medicine* 17, 873-890.
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
inference. *JASA* 22, 209-212.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse import provenance, stats
from discourse.checks import check_columns
from discourse.framing.lexicon import FRAMES
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
    "cooccurrence",
    "frames_by_role",
    "trajectory",
]


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


def _merged(codes, sentences, id_col="sentence_id"):
    check_columns(sentences, (id_col, "year", "text"), "sentences table")
    meta = sentences.drop(columns=[c for c in (*FRAMES, "evidence") if c in sentences])
    m = meta.merge(codes[[id_col, *FRAMES]], on=id_col, how="inner", validate="one_to_one")
    if len(m) != len(codes):
        raise ValueError("some coded sentences are not in the sentences table")
    return m


@provenance.tracked
def frame_shares(codes: pd.DataFrame, sentences: pd.DataFrame, *, by: str = "year",
                 level: float = 0.95) -> pd.DataFrame:
    """Share of sentences carrying each frame per group, with Wilson score CIs.

    Parameters
    ----------
    codes : DataFrame
        Frame codes (``sentence_id`` and the frames).
    sentences : DataFrame
        The sentences table (``sentence_id, year, text`` and ``by``; ``n_words`` is
        used if present, else counted).
    by : str
        Grouping column (default ``"year"``; e.g. ``"role"``).

    Returns
    -------
    DataFrame
        ``shares`` table: ``{by}, frame, n_sentences, n_frame, share, ci_low, ci_high,
        n_words, per_1000_words`` (frame-carrying sentences per 1,000 words), sorted.
    """
    m = _with_word_counts(_merged(codes, sentences))
    if by not in m:
        raise ValueError(f"by {by!r} is not a column of the sentences table")
    rows = []
    for g, part in m.groupby(by, sort=True):
        n = len(part)
        words = int(part["n_words"].sum())
        for f in FRAMES:
            k = int(part[f].sum())
            lo, hi = wilson_interval(k, n, level)
            rows.append({by: g, "frame": f, "n_sentences": n, "n_frame": k, "share": k / n,
                         "ci_low": lo, "ci_high": hi, "n_words": words,
                         "per_1000_words": 1000 * k / words if words else np.nan})
    return pd.DataFrame(rows)


@provenance.tracked
def frame_differences(shares: pd.DataFrame, target=None, reference=None, *,
                      by: str = "year", level: float = 0.95) -> pd.DataFrame:
    """Differences of frame shares, target minus reference, with CI and test.

    Parameters
    ----------
    shares : DataFrame
        A ``shares`` table from :func:`frame_shares`.
    target, reference : optional
        Values of ``by``, or for ``reference`` one of ``"first"``, ``"previous"``,
        ``"rest"`` (counts pooled), resolved by :func:`discourse.stats.comparisons`.
        Default: every later value against the first (earliest), so any number of
        years gives one row per later year and frame. Needs at least two groups.

    Returns
    -------
    DataFrame
        ``frame, reference, target, share_reference, share_target, difference,
        ci_low, ci_high`` (Newcombe hybrid score), ``test`` ("Fisher exact, two-sided"),
        ``odds_ratio``, ``p_value``.
    """
    from scipy.stats import fisher_exact

    found = stats.comparisons(shares[by].unique(), target, reference, name=by)
    idx = shares.set_index([by, "frame"])
    rows = []
    for c in found:
        for f in FRAMES:
            a = idx.loc[(c.target, f)]
            k1, n1 = int(a.n_frame), int(a.n_sentences)
            k0 = sum(int(idx.loc[(g, f)].n_frame) for g in c.groups)
            n0 = sum(int(idx.loc[(g, f)].n_sentences) for g in c.groups)
            lo, hi = newcombe_interval(k1, n1, k0, n0, level)
            odds, p = fisher_exact([[k1, n1 - k1], [k0, n0 - k0]], alternative="two-sided")
            rows.append({"frame": f, "reference": c.reference, "target": c.target,
                         "share_reference": k0 / n0, "share_target": k1 / n1,
                         "difference": k1 / n1 - k0 / n0, "ci_low": lo, "ci_high": hi,
                         "test": "Fisher exact, two-sided", "odds_ratio": float(odds),
                         "p_value": float(p)})
    return pd.DataFrame(rows)


def _conclusion(lo, hi):
    return "rise" if lo > 0 else "fall" if hi < 0 else "no clear change"


_NON_BODY = ("question", "title", "lead")


@provenance.tracked
def sensitivity(codes: pd.DataFrame, sentences: pd.DataFrame, hand: pd.DataFrame | None = None,
                *, target=None, reference=None, level: float = 0.95) -> pd.DataFrame:
    """Do the year differences hold with other choices? One row per variant and frame.

    Variants: ``lexicon, all sentences`` (the main result); ``lexicon, without
    questions, titles and leads``; and, when ``hand`` codes are given, the same two
    with hand codes instead of lexicon codes (on the hand-coded sentences).

    Returns
    -------
    DataFrame
        ``variant, codes, sentences, frame, reference, target, n_reference, n_target,
        share_reference, share_target, difference, ci_low, ci_high, p_value,
        conclusion`` ("rise"/"fall"/"no clear change": the Newcombe CI above, below or
        across 0) and ``holds`` (same conclusion as the main result).
    """
    sentences = _with_word_counts(sentences)   # counted once for every variant
    variants = [("lexicon", "all", codes)]
    body = sentences[~sentences["role"].isin(_NON_BODY)] if "role" in sentences else None
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
        shares = frame_shares(sub, sents, level=level)
        diff = frame_differences(shares, target, reference, level=level)
        sh = shares.set_index(["year", "frame"])
        diff["variant"] = f"{source} codes, {which}"
        diff["codes"] = source
        diff["sentences"] = which
        diff["n_reference"] = [int(sh.loc[(r, f), "n_sentences"])
                               for r, f in zip(diff.reference, diff.frame)]
        diff["n_target"] = [int(sh.loc[(t, f), "n_sentences"])
                            for t, f in zip(diff.target, diff.frame)]
        diff["conclusion"] = [_conclusion(lo, hi) for lo, hi in zip(diff.ci_low, diff.ci_high)]
        if main is None:
            main = diff.set_index(["frame", "target"])["conclusion"]
        diff["holds"] = [c == main.loc[(f, t)] for c, f, t in
                         zip(diff.conclusion, diff.frame, diff.target)]
        rows.append(diff)
    cols = ["variant", "codes", "sentences", "frame", "reference", "target", "n_reference",
            "n_target", "share_reference", "share_target", "difference", "ci_low", "ci_high",
            "p_value", "conclusion", "holds"]
    return pd.concat(rows, ignore_index=True)[cols]


@provenance.tracked
def cooccurrence(codes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """How often two frames share a sentence, overall and per year.

    Returns
    -------
    DataFrame
        ``year`` ("all" for the pooled row), ``frame_a, frame_b, n_sentences, n_a,
        n_both, share_of_sentences`` (n_both / n_sentences), ``share_of_a`` (n_both /
        n_a: of the sentences with frame a, the share that also carry b), with Wilson
        CIs ``ci_low, ci_high`` for ``share_of_a``.
    """
    m = _merged(codes, sentences)
    rows = []
    groups = [("all", m)] + [(str(y), p) for y, p in m.groupby("year", sort=True)]
    for label, part in groups:
        n = len(part)
        for a in FRAMES:
            na = int(part[a].sum())
            for b in FRAMES:
                both = int(((part[a] == 1) & (part[b] == 1)).sum())
                lo, hi = wilson_interval(both, na) if na else (np.nan, np.nan)
                rows.append({"year": label, "frame_a": a, "frame_b": b, "n_sentences": n,
                             "n_a": na, "n_both": both, "share_of_sentences": both / n,
                             "share_of_a": both / na if na else np.nan,
                             "ci_low": float(lo), "ci_high": float(hi)})
    return pd.DataFrame(rows)


@provenance.tracked
def frames_by_role(codes: pd.DataFrame, sentences: pd.DataFrame,
                   level: float = 0.95) -> pd.DataFrame:
    """Frame shares by speaker role and year (Wilson CIs): the ``shares`` columns plus
    ``year`` and ``role``."""
    m = _with_word_counts(_merged(codes, sentences))
    out = []
    for y, part in m.groupby("year", sort=True):
        s = frame_shares(part[["sentence_id", *FRAMES]], part, by="role", level=level)
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
    if window < 1:
        raise ValueError(f"window {window!r} must be a positive integer")
    m = _merged(codes, sentences)
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
