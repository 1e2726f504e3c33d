"""Keyness: which terms a target group uses more or less than a reference, with effect sizes.

The input is the ``tokens`` table of :func:`discourse.preprocess.tokens` (one row per
analysis term) or a ``frequencies`` table of :func:`discourse.keywords.frequencies`.
What is compared with what is resolved by :func:`discourse.stats.comparisons` (one
default for the package: every later group against the first).

Conventions (cite them with the numbers):

* **Token** (the denominator of every rate): one row of the ``tokens`` table, i.e.
  one analysis term after the preprocessing options used to build it. Rates are
  ``per10k = 10,000 * count / total``; they are comparable only between tables built
  with the same options.
* **Keyness** (:func:`keyness`): a target group (e.g. one year) against a reference
  group (another year, or ``"rest"``: all other groups pooled). ``g2`` is the
  log-likelihood statistic in the 2-cell form of the UCREL log-likelihood calculator
  (Rayson and Garside 2000) by default, signed; the 4-cell form of Dunning (1993) is
  available (``g2_form="4-cell"``). ``p`` is the upper tail of chi-square with 1 degree
  of freedom; ``p_adjusted`` applies the Benjamini-Hochberg false discovery rate
  correction (default) or Holm's step-down correction over all terms tested (those
  passing ``min_count``; :func:`discourse.stats.adjust_pvalues`). ``log_ratio`` is
  Hardie's (2014) Log Ratio, ``pct_diff`` the %DIFF of Gabrielatos and Marchi (2012),
  ``bic`` Wilson's (2013) BIC approximation, ``logodds_z`` the z-score of Monroe,
  Colaresi and Quinn's (2008) weighted log-odds ratio with an informative Dirichlet
  prior.
* **Bootstrap** (:func:`bootstrap_keyness`): paragraphs are resampled with replacement
  within each document (stratified by document), keeping each document's number of
  paragraphs; seeded; percentile intervals (:func:`discourse.stats.percentile_interval`).

References
----------
Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
*Computational Linguistics* 19(1), 61-74.
Rayson, P. and Garside, R. (2000). Comparing corpora using frequency profiling.
*Proceedings of the Workshop on Comparing Corpora*, ACL, 1-6.
Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus
Approaches to Social Science (CASS), Lancaster University.
Gabrielatos, C. and Marchi, A. (2012). Keyness: appropriate metrics and practical
issues. CADS International Conference, Bologna.
Wilson, A. (2013). Embracing Bayes factors for key item analysis in corpus
linguistics. In M. Bieswanger and A. Koll-Stobbe (eds), *New Approaches to the Study
of Linguistic Variability*, Peter Lang, 3-11.
Monroe, B. L., Colaresi, M. P. and Quinn, K. M. (2008). Fightin' words: lexical
feature selection and evaluation for identifying the content of political conflict.
*Political Analysis* 16(4), 372-403.
Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate. *Journal
of the Royal Statistical Society B* 57(1), 289-300.
Holm, S. (1979). A simple sequentially rejective multiple test procedure.
*Scandinavian Journal of Statistics* 6(2), 65-70.
Efron, B. and Tibshirani, R. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from discourse import provenance, stats
from discourse.checks import check_choice, check_columns, check_positive_int
from discourse.stats import CORRECTIONS

__all__ = [
    "KEYNESS_COLUMNS",
    "G2_FORMS",
    "CORRECTIONS",
    "GROUPINGS",
    "g2",
    "log_ratio",
    "keyness",
    "bootstrap_keyness",
]

#: Columns of the ``keyness`` table, in order.
KEYNESS_COLUMNS = ["term", "count_target", "count_reference", "total_target",
                   "total_reference", "per10k_target", "per10k_reference", "g2", "p",
                   "p_adjusted", "log_ratio", "pct_diff", "bic", "logodds_z",
                   "target", "reference"]
#: Forms of the log-likelihood statistic.
G2_FORMS = ("2-cell", "4-cell")
#: Columns a ``tokens`` table can be grouped by (here and in the other keyword steps).
GROUPINGS = ("year", "doc_id")
_ZERO = 0.5   # added in place of a zero count in Log Ratio and %DIFF (Hardie 2014)


def _xlogy(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(x > 0, x * np.log(np.where(x > 0, x, 1) / np.where(y > 0, y, 1)), 0.0)
    return out


def g2(a, b, c, d, *, form: str = "2-cell"):
    """Signed log-likelihood G2 of a term's frequency in two corpora.

    Parameters
    ----------
    a, b : int or array
        Frequency of the term in the target and the reference corpus.
    c, d : int or array
        Size (tokens) of the target and the reference corpus.
    form : {"2-cell", "4-cell"}
        ``"2-cell"``: the UCREL log-likelihood calculator (Rayson and Garside 2000),
        ``G2 = 2 (a ln(a/E1) + b ln(b/E2))`` with ``E1 = c (a+b)/(c+d)`` and
        ``E2 = d (a+b)/(c+d)``. ``"4-cell"``: Dunning's (1993) statistic on the full
        2x2 table (term / other tokens x target / reference),
        ``G2 = 2 sum O ln(O/E)`` over the four cells. The 4-cell value is slightly
        larger; both are referred to chi-square with 1 degree of freedom.

    Returns
    -------
    float or numpy.ndarray
        G2, positive if the term is relatively more frequent in the target
        (``a/c > b/d``), negative if less, 0 if equal. Terms ``0 ln 0`` are 0.

    Examples
    --------
    >>> round(float(g2(25, 5, 10_000, 12_000)), 4)
    18.4506
    """
    check_choice("form", form, G2_FORMS)
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = c + d
    e1 = c * (a + b) / n
    e2 = d * (a + b) / n
    stat = 2 * (_xlogy(a, e1) + _xlogy(b, e2))
    if form == "4-cell":
        rest = (c - a) + (d - b)
        stat = stat + 2 * (_xlogy(c - a, c * rest / n) + _xlogy(d - b, d * rest / n))
    stat = np.maximum(stat, 0.0)
    sign = np.sign(a * d - b * c)
    out = sign * stat
    return float(out) if out.ndim == 0 else out


def log_ratio(a, b, c, d):
    """Hardie's (2014) Log Ratio: ``log2((a/c) / (b/d))``, with 0.5 for a zero count.

    A zero frequency in either corpus is replaced by 0.5 (Hardie's suggestion), so
    the value is finite; each unit is a doubling of the relative frequency.

    Examples
    --------
    >>> round(float(log_ratio(25, 5, 10_000, 12_000)), 5)
    2.58496
    >>> float(log_ratio(4, 0, 100, 100))        # 0 -> 0.5: log2(4 / 0.5) = 3
    3.0
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    a = np.where(a == 0, _ZERO, a)
    b = np.where(b == 0, _ZERO, b)
    out = np.log2((a / c) / (b / d))
    return float(out) if out.ndim == 0 else out


def _group_counts(data: pd.DataFrame, by: str) -> tuple[pd.DataFrame, pd.Series]:
    """Return (count table indexed by term with one column per group, totals)."""
    if {"count", "total", "term", by} <= set(data.columns) and "sentence_id" not in data:
        table = data.pivot_table(index="term", columns=by, values="count",
                                 aggfunc="sum", fill_value=0)
        totals = data.groupby(by)["total"].first()
    else:
        check_columns(data, (by, "term"), "tokens table")
        table = data.groupby(["term", by]).size().unstack(fill_value=0)
        totals = data.groupby(by).size()
    return table, totals


@provenance.tracked
def keyness(data: pd.DataFrame, target=None, reference=None, *, by: str = "year",
            min_count: int = 3, g2_form: str = "2-cell", correction: str = "fdr_bh",
            prior_scale: float | None = None) -> pd.DataFrame:
    """Keyness of every term in a target group against a reference group.

    Parameters
    ----------
    data : pandas.DataFrame
        A ``tokens`` table, or a ``frequencies`` table (``{by}, term, count, total``).
    target : int or str, optional
        The target group (a year, or a ``doc_id`` with ``by="doc_id"``).
    reference : int or str, optional
        Another group, or ``"rest"`` (all groups other than the target, pooled),
        ``"first"`` or ``"previous"``. Target and reference are resolved by
        :func:`discourse.stats.comparisons`; the default (both ``None``) compares
        every later group with the first, one block of rows per comparison.
    by : {"year", "doc_id"}
    min_count : int
        Keep terms whose count in target and reference together is at least this
        (default 3). ``p_adjusted`` corrects over exactly these terms. A term
        that occurs in neither target nor reference (only in other groups of the
        data) is never tested, whatever ``min_count``.
    g2_form : {"2-cell", "4-cell"}
        Form of the log-likelihood statistic, see :func:`g2` (default the UCREL
        2-cell form).
    correction : {"fdr_bh", "holm"}
        ``fdr_bh``: Benjamini and Hochberg (1995) false discovery rate (q-values);
        ``holm``: Holm (1979) family-wise error rate.
    prior_scale : float, optional
        Strength ``alpha_0`` of the Dirichlet prior of the log-odds z-score. The
        prior of term w is ``alpha_w = alpha_0 * y_w / n`` where ``y_w`` and ``n`` are
        the pooled counts of target and reference over *all* terms (before
        ``min_count``). Default ``None``: ``alpha_0 = n``, i.e. ``alpha_w = y_w``,
        the pooled counts themselves (as in Jurafsky et al.'s 2014 implementation
        of Monroe et al. 2008).

    Returns
    -------
    pandas.DataFrame
        ``keyness`` with the columns :data:`KEYNESS_COLUMNS`:

        * ``count_*``, ``total_*``: term count and number of tokens (see module
          docstring) in target and reference; ``per10k_*`` the rates per 10,000.
        * ``g2``: signed G2 (+ = relatively more frequent in the target).
        * ``p``: P(chi-square(1) >= |g2|); ``p_adjusted``: after ``correction``.
        * ``log_ratio``: Hardie (2014), ``log2((a/c)/(b/d))``, 0.5 for a zero count.
        * ``pct_diff``: %DIFF (Gabrielatos and Marchi 2012),
          ``100 (a/c - b/d) / (b/d)``; a zero reference count is replaced by 0.5
          as for Log Ratio (otherwise %DIFF is infinite).
        * ``bic``: Wilson (2013), ``|g2| - ln(c + d)`` (1 degree of freedom);
          > 2 positive, > 6 strong, > 10 very strong evidence against equal rates.
        * ``target``, ``reference``: the groups compared (provenance; ``"rest"``
          means every group but the target).
        * ``logodds_z``: Monroe et al. (2008) eq. 22: ``delta / sqrt(var)`` with
          ``delta = ln((a+α)/(c+α0-a-α)) - ln((b+α)/(d+α0-b-α))`` and
          ``var = 1/(a+α) + 1/(b+α)``.

        Sorted by ``g2`` descending (ties by term) within each comparison: the
        target's key terms first, the reference's last.

    Raises
    ------
    ValueError
        If ``target == reference``, a group is not in the data, the data has one
        group only, or an option has a value not allowed.

    Examples
    --------
    >>> t = pd.DataFrame({"year": [1] * 6 + [2] * 6,
    ...                   "term": list("aaaabb") + list("abbbbb")})
    >>> k = keyness(t, target=1, reference=2, min_count=1)
    >>> k[["term", "count_target", "count_reference", "log_ratio"]].values.tolist()
    [['a', 4, 1, 2.0], ['b', 2, 5, -1.3219280948873624]]
    """
    check_choice("by", by, GROUPINGS)
    check_choice("g2_form", g2_form, G2_FORMS)
    check_choice("correction", correction, CORRECTIONS)
    if not isinstance(min_count, (int, np.integer)) or min_count < 0:
        raise ValueError(f"min_count={min_count!r} must be a non-negative integer")
    table, totals = _group_counts(data, by)
    parts = [_keyness_one(table, totals, c, min_count, g2_form, correction, prior_scale)
             for c in stats.comparisons(totals.index, target, reference, name=by)]
    return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)


def _keyness_one(table: pd.DataFrame, totals: pd.Series, comparison: stats.Comparison,
                 min_count: int, g2_form: str, correction: str,
                 prior_scale: float | None) -> pd.DataFrame:
    from scipy.stats import chi2

    target, refs = comparison.target, list(comparison.groups)
    a = table[target].to_numpy(dtype=float)
    b = table[refs].sum(axis=1).to_numpy(dtype=float)
    c = float(totals[target])
    d = float(totals[refs].sum())
    terms = table.index.to_numpy()
    # with three or more groups, terms seen only in groups outside the comparison
    # have a + b = 0: they are not tested (even with min_count=0)
    seen = (a + b) > 0
    a, b, terms = a[seen], b[seen], terms[seen]

    # Monroe et al. (2008): informative Dirichlet prior from the pooled counts
    pooled = a + b
    n = pooled.sum()
    alpha0 = n if prior_scale is None else float(prior_scale)
    alpha = alpha0 * pooled / n
    delta = (np.log((a + alpha) / (c + alpha0 - a - alpha))
             - np.log((b + alpha) / (d + alpha0 - b - alpha)))
    z = delta / np.sqrt(1 / (a + alpha) + 1 / (b + alpha))

    keep = pooled >= min_count
    a, b, z, terms = a[keep], b[keep], z[keep], terms[keep]
    stat = np.atleast_1d(g2(a, b, c, d, form=g2_form))
    p = chi2.sf(np.abs(stat), 1)
    rb = np.where(b == 0, _ZERO, b) / d
    out = pd.DataFrame({
        "term": terms.astype(str),
        "count_target": a.astype(int),
        "count_reference": b.astype(int),
        "total_target": int(c),
        "total_reference": int(d),
        "per10k_target": 1e4 * a / c,
        "per10k_reference": 1e4 * b / d,
        "g2": stat,
        "p": p,
        "p_adjusted": stats.adjust_pvalues(p, correction),
        "log_ratio": np.atleast_1d(log_ratio(a, b, c, d)),
        "pct_diff": 100 * (a / c - rb) / rb,
        "bic": np.abs(stat) - math.log(c + d),
        "logodds_z": z,
        "target": str(target),
        "reference": str(comparison.reference),
    })
    out = out.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)[KEYNESS_COLUMNS]


@provenance.tracked
def bootstrap_keyness(tokens: pd.DataFrame, target=None, reference=None, *,
                      terms=None, by: str = "year", n_boot: int = 1000, seed: int = 0,
                      alpha: float = 0.05, level: float = 0.95, g2_form: str = "2-cell"
                      ) -> pd.DataFrame:
    """Stability of keyness under resampling of paragraphs within each document.

    Each replicate draws, for every document of the target and the reference
    group, as many paragraphs as the document has, with replacement, and recomputes
    every term's count and every group's token total; G2 (:func:`g2`), its p-value
    and Log Ratio are recomputed for each term.

    Parameters
    ----------
    tokens : pandas.DataFrame
        A ``tokens`` table.
    target, reference, by, g2_form
        As in :func:`keyness`; they must resolve to one comparison.
    terms : list of str, optional
        Terms to assess (default: all terms in the target or reference group).
    n_boot : int
        Number of replicates B (e.g. 1000).
    seed : int
        Seed of ``numpy.random.default_rng``; recorded in the output.
    alpha : float
        Per-term significance level of the replicate test (unadjusted p < alpha:
        more lenient than the corrected ``p_adjusted`` of :func:`keyness`).
    level : float
        Confidence level (coverage) of the percentile interval of Log Ratio (Efron
        and Tibshirani 1993).

    Returns
    -------
    pandas.DataFrame
        ``bootstrap``: ``term, g2, log_ratio, share_same_sign_significant,
        share_same_sign, log_ratio_low, log_ratio_high, n_boot, seed``. ``g2`` and
        ``log_ratio`` are the observed values; ``share_same_sign_significant`` is the
        share of replicates in which G2 has the observed sign and p < alpha (for a
        term with observed G2 = 0 the sign is that of the replicate);
        ``log_ratio_low/high`` the percentile interval. Sorted by ``g2`` descending.
    """
    from scipy.stats import chi2

    check_choice("by", by, GROUPINGS)
    check_positive_int("n_boot", n_boot)
    stats.check_level(alpha, "alpha")
    stats.check_level(level)
    check_columns(tokens, (by, "doc_id", "paragraph", "term"), "tokens table")
    found = stats.comparisons(tokens[by].unique(), target, reference, name=by)
    if len(found) != 1:
        raise ValueError(f"bootstrap_keyness compares one target with one reference; "
                         f"{len(found)} comparisons resolved: give the target")
    target, refs = found[0].target, list(found[0].groups)
    t = tokens[tokens[by].isin([target, *refs])]
    vocab = sorted(t["term"].unique()) if terms is None else [str(x) for x in terms]
    index = {w: i for i, w in enumerate(vocab)}
    keys = list(t.groupby(["doc_id", "paragraph"], sort=True).groups)
    pid = {k: i for i, k in enumerate(keys)}
    p_of = np.array([pid[k] for k in zip(t["doc_id"], t["paragraph"])])
    sizes = np.bincount(p_of, minlength=len(keys)).astype(float)
    m = np.zeros((len(keys), len(vocab)))
    col = t["term"].map(index)
    ok = col.notna().to_numpy()
    np.add.at(m, (p_of[ok], col[ok].astype(int).to_numpy()), 1.0)
    grp_of_doc = t.groupby("doc_id")[by].first()
    is_target = np.array([grp_of_doc[d] == target for d, _ in keys])
    docs = sorted({d for d, _ in keys})
    members = [np.array([i for i, (d, _) in enumerate(keys) if d == doc]) for doc in docs]

    def replicate(w):
        a = (w * is_target) @ m
        b = (w * ~is_target) @ m
        c = float((w * is_target) @ sizes)
        d = float((w * ~is_target) @ sizes)
        s = np.atleast_1d(g2(a, b, c, d, form=g2_form))
        return s, np.atleast_1d(log_ratio(a, b, c, d))

    g_obs, lr_obs = replicate(np.ones(len(keys)))
    rng = np.random.default_rng(seed)
    same = np.zeros(len(vocab))
    same_sig = np.zeros(len(vocab))
    lrs = np.empty((n_boot, len(vocab)))
    crit = chi2.isf(alpha, 1)
    sign_obs = np.sign(g_obs)
    for r in range(n_boot):
        w = np.zeros(len(keys))
        for idx in members:
            draw = rng.choice(idx, size=len(idx), replace=True)
            np.add.at(w, draw, 1.0)
        s, lr = replicate(w)
        agree = np.where(sign_obs == 0, True, np.sign(s) == sign_obs)
        same += agree
        same_sig += agree & (np.abs(s) > crit)
        lrs[r] = lr
    lo, hi = stats.percentile_interval(lrs, level, axis=0)
    out = pd.DataFrame({"term": vocab, "g2": g_obs, "log_ratio": lr_obs,
                        "share_same_sign_significant": same_sig / n_boot,
                        "share_same_sign": same / n_boot,
                        "log_ratio_low": lo, "log_ratio_high": hi,
                        "n_boot": int(n_boot), "seed": int(seed)})
    return out.sort_values(["g2", "term"], ascending=[False, True],
                           kind="stable").reset_index(drop=True)
