"""Keyness: which terms a target group uses more or less than a reference, with effect sizes.

The input is a :class:`discourse.counts.TermCounts` (:func:`discourse.counts.count_terms`,
the fast path), the ``tokens`` table of :func:`discourse.preprocess.tokens` (one row per
analysis term) or a ``frequencies`` table of :func:`discourse.keywords.frequencies`;
the numbers are the same whichever is given.
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
  prior: ``prior="pooled"`` (default) takes the pooled counts of target and reference
  at full weight (``alpha_0 = n``, the number of tokens compared), which shrinks every
  z strongly towards 0 (on two short texts no |z| reaches 1.96);
  ``prior="background"`` takes English word frequencies from the ``wordfreq`` package
  (Speer 2022; its data ship with it, nothing is downloaded) scaled to ``alpha_0``, so
  that a term is compared with its use in general English. The column
  ``logodds_prior`` names the prior and its weight.
* **Dependence between tokens.** G2 treats every token as an independent draw, which
  words of one paragraph are not (a topic makes its words cluster). Two columns do not
  assume it: ``p_permutation``, a permutation test that reshuffles whole paragraphs
  between target and reference (the texts-as-units tests of Lijffijt et al. 2016,
  with paragraphs as the units; within strata of paragraph length where the two sides'
  mean lengths differ by more than a factor 1.25), and ``g2_dispersion``, text-dispersion keyness
  (Egbert and Biber 2019): G2 on the number of paragraphs containing the term, its p
  from Fisher's exact test of the same 2x2 table (the chi-square reading of G2 fails
  with a few dozen paragraphs and a zero cell: a term in 15 of 64 paragraphs against 0
  of 35 has chi-square p 0.00014 and exact p 0.00092). Each p has a
  multiplicity-adjusted twin, ``*_adjusted``, with the correction named in the
  ``correction`` column. Both take the paragraphs as independent, exchangeable units:
  adjacent paragraphs of one text are not (they share topics; the topic chapter's
  block bootstrap is built for that), so these p are less anti-conservative than G2's,
  not free of the dependence. See :mod:`discourse.keyness_resampling`.
* **%DIFF with a zero reference count** is computed with 0.5 in place of the 0 (as for
  Log Ratio), so its size is an artefact of that substitute; such rows are flagged in
  ``pct_diff_zero_reference``.
* **Reference**: ``reference`` records what the table compared with (a group, or
  ``"rest"``); ``reference_groups`` names the groups pooled (``"2019"``, or
  ``"2019;2021"``).

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
Egbert, J. and Biber, D. (2019). Incorporating text dispersion into keyword analyses.
*Corpora* 14(1), 77-104.
Lijffijt, J., Nevalainen, T., Säily, T., Papapetrou, P., Puolamäki, K. and Mannila, H.
(2016). Significance testing of word frequencies in corpora. *Digital Scholarship in
the Humanities* 31(2), 374-397.
Speer, R. (2022). wordfreq (version 3.0). Zenodo. https://doi.org/10.5281/zenodo.7199437
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from discourse import provenance, stats
from discourse.checks import check_choice
from discourse.keyness_groups import GROUPINGS, group_counts, sparse_group_counts, sum_rows
from discourse.keyness_measures import (G2_FORMS, ZERO, background_frequencies,
                                        fisher_pvalues, g2, g2_pvalue,
                                        log_ratio, logodds_z)
from discourse.stats import CORRECTIONS

__all__ = [
    "KEYNESS_COLUMNS",
    "G2_FORMS",
    "CORRECTIONS",
    "CORRECTION_NAMES",
    "GROUPINGS",
    "PRIORS",
    "g2",
    "log_ratio",
    "logodds_z",
    "background_frequencies",
    "group_counts",
    "keyness",
]

#: Columns of the ``keyness`` table, in order.
KEYNESS_COLUMNS = ["term", "count_target", "count_reference", "total_target",
                   "total_reference", "per10k_target", "per10k_reference", "g2", "p",
                   "p_adjusted", "log_ratio", "pct_diff", "pct_diff_zero_reference", "bic",
                   "logodds_z", "logodds_prior", "paragraphs_target",
                   "paragraphs_reference", "n_paragraphs_target", "n_paragraphs_reference",
                   "g2_dispersion", "p_dispersion", "p_dispersion_adjusted",
                   "p_permutation", "p_permutation_adjusted", "n_permutations",
                   "permutation_seed", "permutation_strata", "correction", "target", "reference",
                   "reference_groups"]
#: How the ``correction`` column names each correction.
CORRECTION_NAMES = {"fdr_bh": "Benjamini-Hochberg FDR", "holm": "Holm FWER"}
#: Priors of the log-odds z-score (see the module docstring).
PRIORS = ("pooled", "background")


@provenance.tracked
def keyness(data, target=None, reference=None, *, by: str = "year",
            min_count: int = 3, g2_form: str = "2-cell", correction: str = "fdr_bh",
            prior: str = "pooled", prior_scale: float | None = None,
            n_permutations: int = 0, seed: int = 0) -> pd.DataFrame:
    """Keyness of every term in a target group against a reference group.

    Parameters
    ----------
    data : TermCounts or pandas.DataFrame
        Term counts (:func:`discourse.counts.count_terms`, any level with a ``by``
        column), a ``tokens`` table, or a ``frequencies`` table (``{by}, term,
        count, total``; then the paragraph columns are empty).
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
        (default 3). Every ``*_adjusted`` p corrects over exactly these terms. A
        term that occurs in neither target nor reference (only in other groups of
        the data) is never tested, whatever ``min_count``.
    g2_form : {"2-cell", "4-cell"}
        Form of the log-likelihood statistic, see :func:`g2` (default the UCREL
        2-cell form). Text-dispersion keyness always uses the 4-cell form: a
        paragraph contains the term or not, a proper 2 x 2 table.
    correction : {"fdr_bh", "holm"}
        ``fdr_bh``: Benjamini and Hochberg (1995) false discovery rate (q-values);
        ``holm``: Holm (1979) family-wise error rate. Named in the ``correction``
        column (:data:`CORRECTION_NAMES`).
    prior : {"pooled", "background"}
        Prior of the log-odds z-score (see the module docstring).
    prior_scale : float, optional
        Weight ``alpha_0`` of the Dirichlet prior; the prior of term w is
        ``alpha_w = alpha_0 * pi_w`` with ``pi_w`` the pooled share ``y_w / n`` of
        target and reference over *all* terms (before ``min_count``), or the
        background share. Default ``None``: ``alpha_0 = n``, the number of tokens
        compared (for ``"pooled"``: ``alpha_w = y_w``, as in Jurafsky et al.'s 2014
        implementation of Monroe et al. 2008).
    n_permutations : int
        Paragraph permutations for ``p_permutation`` (0, the default: not run, the
        columns are empty; 9999 gives p-values down to 0.0001). Needs paragraphs
        (a TermCounts at paragraph level or a tokens table).
    seed : int
        Seed of the permutations (recorded in ``permutation_seed``).

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
          as for Log Ratio (otherwise %DIFF is infinite) and
          ``pct_diff_zero_reference`` is True: the value is an artefact of the 0.5.
        * ``bic``: Wilson (2013), ``|g2| - ln(c + d)`` (1 degree of freedom);
          > 2 positive, > 6 strong, > 10 very strong evidence against equal rates.
        * ``logodds_z``: Monroe et al. (2008) eq. 22 (:func:`logodds_z`);
          ``logodds_prior`` names the prior and its weight.
        * ``paragraphs_*``: paragraphs of target / reference containing the term;
          ``n_paragraphs_*``: paragraphs with at least one token. ``g2_dispersion``:
          signed 4-cell G2 on these paragraph counts (Egbert and Biber 2019);
          ``p_dispersion``: two-sided Fisher's exact test of the same table
          (:func:`~discourse.keyness_measures.fisher_pvalues`), and
          ``p_dispersion_adjusted``.
        * ``p_permutation``: two-sided permutation p of the difference in relative
          frequency, paragraphs reshuffled between target and reference
          (:func:`discourse.keyness_resampling.permutation_pvalues`);
          ``p_permutation_adjusted`` after ``correction``; ``n_permutations``,
          ``permutation_seed`` and ``permutation_strata`` record the settings (the
          strata of paragraph length within which paragraphs were reassigned: 1,
          none, unless the two sides' mean lengths differ by more than
          :data:`discourse.length_strata.LENGTH_FACTOR`; NaN p where their lengths do
          not overlap, so that no paragraph can be reassigned within its stratum).
        * ``correction``: the multiple-comparison correction of every ``*_adjusted``.
        * ``target``, ``reference``: the groups compared (``"rest"`` means every
          group but the target); ``reference_groups`` the groups pooled as the
          reference, ``;``-separated.

        Sorted by ``g2`` descending (ties by term) within each comparison: the
        target's key terms first, the reference's last.

    Raises
    ------
    ValueError
        If ``target == reference``, a group is not in the data, the data has one
        group only, an option has a value not allowed, or permutations are asked
        for data without paragraphs.

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
    check_choice("prior", prior, PRIORS)
    if not isinstance(min_count, (int, np.integer)) or min_count < 0:
        raise ValueError(f"min_count={min_count!r} must be a non-negative integer")
    if isinstance(n_permutations, bool) or not isinstance(n_permutations, (int, np.integer)) \
            or n_permutations < 0:
        raise ValueError(f"n_permutations={n_permutations!r} must be a non-negative integer")
    if prior_scale is not None and not prior_scale > 0:
        raise ValueError(f"prior_scale={prior_scale!r} must be positive (or None)")
    counts = sparse_group_counts(data, by)
    if n_permutations and counts["paragraphs"] is None:
        raise ValueError("n_permutations needs paragraphs: pass term counts at paragraph "
                         "level or a tokens table with doc_id and paragraph")
    settings = {"min_count": min_count, "g2_form": g2_form, "correction": correction,
                "prior": prior, "prior_scale": prior_scale,
                "n_permutations": int(n_permutations), "seed": seed, "by": by}
    parts = [_keyness_one(counts, c, settings)
             for c in stats.comparisons(counts["groups"], target, reference, name=by)]
    return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)


def _keyness_one(counts: dict, comparison: stats.Comparison, settings: dict
                 ) -> pd.DataFrame:
    groups = counts["groups"]
    ti = groups.index(comparison.target)
    ri = [groups.index(g) for g in comparison.groups]
    M = counts["matrix"]
    a, b = sum_rows(M, [ti]), sum_rows(M, ri)
    c, d = float(counts["totals"][ti]), float(counts["totals"][ri].sum())
    terms = counts["terms"]
    # with three or more groups, terms seen only in groups outside the comparison
    # have a + b = 0: they are not tested (even with min_count=0)
    seen = (a + b) > 0
    a, b, terms = a[seen], b[seen], terms[seen]

    pooled = a + b
    n = pooled.sum()
    alpha0 = n if settings["prior_scale"] is None else float(settings["prior_scale"])
    share = pooled / n if settings["prior"] == "pooled" else background_frequencies(terms)
    z = logodds_z(a, b, c, d, share, alpha0)
    prior_name = (f"{settings['prior']} (alpha0 = "
                  f"{'n tokens compared' if settings['prior_scale'] is None else alpha0})")

    keep = pooled >= settings["min_count"]
    a, b, z, terms = a[keep], b[keep], z[keep], terms[keep]
    correction = settings["correction"]
    stat = np.atleast_1d(g2(a, b, c, d, form=settings["g2_form"]))
    p = g2_pvalue(stat)
    rb = np.where(b == 0, ZERO, b) / d
    out = {
        "term": terms,
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
        "pct_diff_zero_reference": b == 0,
        "bic": np.abs(stat) - math.log(c + d),
        "logodds_z": z,
        "logodds_prior": prior_name,
    }
    out.update(_dispersion_columns(counts, ti, ri, seen, keep, correction))
    out.update(_permutation_columns(counts, comparison, terms, seen, keep, settings))
    out.update({"correction": CORRECTION_NAMES[correction],
                "target": str(comparison.target),
                "reference": str(comparison.reference),
                "reference_groups": ";".join(str(g) for g in comparison.groups)})
    table = pd.DataFrame(out)
    table = table.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True)[KEYNESS_COLUMNS]


def _dispersion_columns(counts, ti, ri, seen, keep, correction) -> dict:
    n = int(keep.sum())
    if counts["presence"] is None:
        nan = np.full(n, np.nan)
        return {"paragraphs_target": pd.array([pd.NA] * n, dtype="Int64"),
                "paragraphs_reference": pd.array([pd.NA] * n, dtype="Int64"),
                "n_paragraphs_target": pd.array([pd.NA] * n, dtype="Int64"),
                "n_paragraphs_reference": pd.array([pd.NA] * n, dtype="Int64"),
                "g2_dispersion": nan, "p_dispersion": nan, "p_dispersion_adjusted": nan}
    P = counts["presence"]
    pa, pb = sum_rows(P, [ti])[seen][keep], sum_rows(P, ri)[seen][keep]
    pc, pd_ = counts["n_paragraphs"][ti], counts["n_paragraphs"][ri].sum()
    stat = np.atleast_1d(g2(pa, pb, pc, pd_, form="4-cell"))
    p = fisher_pvalues(pa, pb, pc, pd_)      # exact: few paragraphs, often a zero cell
    return {"paragraphs_target": pa.astype(int), "paragraphs_reference": pb.astype(int),
            "n_paragraphs_target": int(pc), "n_paragraphs_reference": int(pd_),
            "g2_dispersion": stat, "p_dispersion": p,
            "p_dispersion_adjusted": stats.adjust_pvalues(p, correction)}


def _permutation_columns(counts, comparison, terms, seen, keep, settings) -> dict:
    n = len(terms)
    B = settings["n_permutations"]
    if not B:
        nan = np.full(n, np.nan)
        none = pd.array([pd.NA] * n, dtype="Int64")
        return {"p_permutation": nan, "p_permutation_adjusted": nan, "n_permutations": 0,
                "permutation_seed": none, "permutation_strata": none}
    from discourse.keyness_resampling import permutation_pvalues

    p, strata = permutation_pvalues(counts["paragraphs"], comparison, terms,
                                    by=settings["by"], n_permutations=B,
                                    seed=settings["seed"], with_strata=True)
    return {"p_permutation": p,
            "p_permutation_adjusted": stats.adjust_pvalues(p, settings["correction"]),
            "n_permutations": int(B), "permutation_seed": int(settings["seed"]),
            "permutation_strata": int(strata)}
