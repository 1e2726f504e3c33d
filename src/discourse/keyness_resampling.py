"""Keyness that does not treat tokens as independent: paragraph permutation and bootstrap.

G2 and its p-value assume that every token is an independent draw, but words come in
paragraphs about one thing, so a term's occurrences cluster and G2 overstates the
evidence (Lijffijt et al. 2016). Both functions here take whole paragraphs as the units
and work from paragraph-level :class:`discourse.counts.TermCounts`:

* :func:`permutation_pvalues`: the paragraphs of target and reference are pooled and
  reassigned at random to the two sides (keeping the number of paragraphs of each);
  the statistic is the difference of the term's relative frequencies (a/c - b/d),
  recomputed with the token totals of each reassignment; two-sided p =
  (1 + #{|D*| >= |D|}) / (B + 1) (Phipson and Smyth 2010), so p is never 0. This is the
  spirit of Lijffijt et al.'s (2016) texts-as-units tests (they resample texts), with
  paragraphs as the units, exact under the null that the paragraphs of the two sides
  are exchangeable, *lengths included*. Where one side's paragraphs are shorter, a
  reassignment gives the target longer paragraphs than it has, so its observed rate
  varies more than the reassigned ones and the test rejects too often even where every
  token carries the term with the same probability on both sides (at a quarter of the
  length, 8.4-12.3% at 0.05; ``benchmarks/permutation_null.py``; 4-6% stratified). So
  where the two sides' mean paragraph lengths differ by more than a factor 1.25, the
  paragraphs are reassigned only within strata of similar length
  (:mod:`discourse.length_strata`; a stratified
  permutation test, exact if a paragraph's counts depend on its side only through its
  stratum: Good 2005, sec. 3.5; Rosenbaum 2002, sec. 2.4).
* :func:`bootstrap_keyness`: the package's cluster bootstrap
  (:func:`discourse.bootstrap.cluster_bootstrap`, as for frame shares): in a group
  (year) with several documents the documents are resampled, in a group with one
  circular blocks of its consecutive paragraphs (keeping their number: adjacent
  paragraphs share their content, :mod:`discourse.blocks`); G2, its sign and Log Ratio
  per replicate; percentile intervals (:func:`discourse.stats.percentile_interval`). Where a group
  has several documents, few of them would make the interval too narrow (two
  documents give three distinct replicates; Cameron and Miller 2015), so the
  replicates are also drawn with blocks of paragraphs resampled within every document
  (the design of a one-document group) and the union of the two intervals is reported,
  term by term, the shares of stable replicates being the smaller of the two
  (:mod:`discourse.few_documents`). Each term also gets the share of replicates in
  which its count is 0 on each side and which end of its interval rests on the 0.5
  that Log Ratio puts in place of a zero count (:func:`ends_on_zero`).

Both are seeded, vectorised (replicates are generated in blocks of :data:`BLOCK`, so
memory stays bounded and the draws depend only on the seed and B) and record their
settings in the table.

References
----------
Cameron, A. C. and Miller, D. L. (2015). A practitioner's guide to cluster-robust
inference. *Journal of Human Resources* 50(2), 317-372.
Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their Application*,
sec. 3.8. Cambridge University Press.
Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus
Approaches to Social Science (CASS), Lancaster University.
Lijffijt, J., Nevalainen, T., Säily, T., Papapetrou, P., Puolamäki, K. and Mannila, H.
(2016). Significance testing of word frequencies in corpora. *Digital Scholarship in
the Humanities* 31(2), 374-397.
Politis, D. N. and Romano, J. P. (1992). A circular block-resampling procedure for
stationary data. In *Exploring the Limits of Bootstrap*, 263-270. Wiley.
Phipson, B. and Smyth, G. K. (2010). Permutation p-values should never be zero.
*Statistical Applications in Genetics and Molecular Biology* 9(1), article 39.
Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
Good, P. I. (2005). *Permutation, Parametric, and Bootstrap Tests of Hypotheses*, 3rd
ed. Springer.
Rosenbaum, P. R. (2002). *Observational Studies*, 2nd ed. Springer.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from discourse import provenance, stats
from discourse.bootstrap import cluster_bootstrap
from discourse.checks import check_choice, check_columns, check_positive_int
from discourse.few_documents import several_documents, widen_to_within
from discourse.keyness_measures import G2_FORMS, g2, log_ratio
from discourse.length_strata import length_strata

__all__ = ["BLOCK", "permutation_pvalues", "bootstrap_keyness", "ends_on_zero"]

#: Replicates (permutations, bootstrap resamples) generated at a time.
BLOCK = 250


def _paragraphs(counts, groups, by: str, terms=None):
    """(matrix P x V restricted to terms, sizes, group of each paragraph, doc ids)."""
    rows = counts.rows
    mask = rows[by].isin(list(groups)).to_numpy()
    M = counts.matrix[mask]
    sizes = np.asarray(M.sum(axis=1)).ravel().astype(float)
    if terms is not None:
        index = {t: j for j, t in enumerate(counts.terms)}
        cols = np.array([index.get(str(t), -1) for t in terms])
        M = M[:, np.where(cols >= 0, cols, 0)].tocsc()
        if (cols < 0).any():           # terms not in the vocabulary count 0
            M = M.multiply(np.where(cols >= 0, 1, 0)).tocsc()
    return M.tocsr(), sizes, rows[by].to_numpy()[mask], rows["doc_id"].to_numpy()[mask]


def permutation_pvalues(counts, comparison: stats.Comparison, terms, *, by: str = "year",
                        n_permutations: int = 9999, seed: int = 0,
                        strata="auto", with_strata: bool = False):
    """Two-sided paragraph-permutation p-values of the difference in relative frequency.

    Parameters
    ----------
    counts : TermCounts
        Paragraph-level counts (:func:`discourse.counts.count_terms`).
    comparison : discourse.stats.Comparison
        Target and the groups pooled as the reference.
    terms : sequence of str
        The terms to test (in the output's order).
    by : {"year", "doc_id"}
    n_permutations : int
        B (9999 gives p down to 1/10000).
    seed : int
        Seed of ``numpy.random.default_rng``.
    strata : "auto" or int
        Strata of paragraph length within which paragraphs are reassigned, each keeping
        its number of target paragraphs
        (:func:`discourse.length_strata.length_strata`; 1: none). ``"auto"`` stratifies
        only where the mean lengths differ by more than
        :data:`discourse.length_strata.LENGTH_FACTOR` (one stratum: the draws of an
        unstratified test, as before the strata).

    Returns
    -------
    numpy.ndarray
        p per term, ``(1 + #{|D*| >= |D|}) / (B + 1)``; NaN for every term where each
        stratum holds paragraphs of one side only (lengths that do not overlap): then no
        reassignment differs from the observed one and there is no test (p would be 1
        whatever the counts).
        With ``with_strata=True``, ``(p, k)``: ``k`` the number of length strata used
        (1: unstratified), which the keyness table records (``permutation_strata``).

    Examples
    --------
    >>> from discourse.counts import from_tokens
    >>> t = pd.DataFrame({"doc_id": "d", "year": [1, 1, 2, 2],
    ...                   "paragraph": [1, 2, 3, 4], "term": ["a", "a", "b", "b"]})
    >>> c = stats.comparisons([1, 2], 2, 1)[0]     # exact p: 2 of the 6 splits = 0.33
    >>> p = permutation_pvalues(from_tokens(t), c, ["a"], n_permutations=999, seed=1)
    >>> round(float(p[0]), 1)
    0.3
    """
    check_choice("by", by, ("year", "doc_id"))
    check_positive_int("n_permutations", n_permutations)
    if counts.level != "paragraph":
        raise ValueError("permutation_pvalues needs paragraph-level counts")
    M, sizes, group, _ = _paragraphs(counts, (comparison.target, *comparison.groups), by,
                                     terms)
    is_t = group == comparison.target
    n_par, n_t = len(sizes), int(is_t.sum())
    if n_t == 0 or n_t == n_par:
        raise ValueError("the permutation test needs paragraphs on both sides")
    tot_w = np.asarray(M.sum(axis=0)).ravel()
    total = sizes.sum()
    MT = M.T.tocsr()

    def diff(labels):                       # labels: b x P (0/1)
        a = (MT @ labels.T).T
        c = labels @ sizes
        with np.errstate(divide="ignore", invalid="ignore"):
            return a / c[:, None] - (tot_w - a) / (total - c)[:, None]

    observed = np.abs(diff(is_t[None, :].astype(float)))[0]
    threshold = observed * (1 - 1e-9) - 1e-15
    rng = np.random.default_rng(seed)
    stratum = length_strata(sizes, is_t, strata)
    members = [(np.flatnonzero(stratum == s), int(is_t[stratum == s].sum()))
               for s in range(stratum.max() + 1)]
    if all(k in (0, len(idx)) for idx, k in members):
        p = np.full(len(observed), np.nan)
        return (p, len(members)) if with_strata else p
    exceed = np.zeros(len(observed))
    done = 0
    while done < n_permutations:
        b = min(BLOCK, n_permutations - done)
        keys = rng.random((b, n_par))
        labels = np.zeros((b, n_par))
        for idx, k in members:          # one stratum: idx is every paragraph, in order
            order = idx[np.argsort(keys[:, idx], axis=1)[:, :k]]
            np.put_along_axis(labels, order, 1.0, axis=1)
        exceed += (np.abs(diff(labels)) >= threshold).sum(axis=0)
        done += b
    p = (1 + exceed) / (n_permutations + 1)
    return (p, len(members)) if with_strata else p


def ends_on_zero(share_zero_target, share_zero_reference, level: float = 0.95):
    """Which end of each percentile interval of Log Ratio rests on the 0.5 for a zero.

    Log Ratio puts 0.5 in place of a zero count (Hardie 2014;
    :func:`discourse.keyness_measures.log_ratio`), so in a resample without the term
    on one side its value is set by that convention, not measured. **Convention**: an
    end of the interval rests on the 0.5 when the share of resamples with a zero on the
    side that reaches it exceeds the probability beyond that end, ``tail = (1 -
    level) / 2`` (2.5% for a 95% interval). Which side reaches which end: with ``a``
    and ``b`` the counts in target and reference, Log Ratio is ``log2((a/c) / (b/d))``,
    so put ``e`` in place of a zero ``a`` and let ``e`` go to 0: every resample with
    ``a = 0`` and ``b > 0`` goes to minus infinity, the lowest of all (one with ``a = b
    = 0`` stays at ``log2(d / c)``, so counting it errs on the side of flagging). The
    lower end, the ``tail`` quantile (Efron and Tibshirani 1993), is then among them
    once their share exceeds ``tail``: it is not bounded by the data, and the 0.5 is
    what sets it. They reach the upper end, the ``1 - tail`` quantile, only once their
    share exceeds ``1 - tail`` (a term absent from the target in nearly every
    resample, as where its observed count there is 0: both ends rest on the 0.5).
    A zero ``b`` pushes Log Ratio up (to plus infinity as ``e`` goes to 0): it
    reaches the upper end beyond ``tail`` and the lower end beyond ``1 - tail``. So

    * lower end: ``share_zero_target > tail`` or ``share_zero_reference > 1 - tail``;
    * upper end: ``share_zero_reference > tail`` or ``share_zero_target > 1 - tail``.

    Below the threshold zeros can still lie near an end and move it a little with
    the substitute, but the end stays finite whatever positive value stands in for 0.
    ``numpy.quantile`` interpolates between the replicates next to the quantile, so
    an end can also be unbounded with a share up to ``1/B`` below ``tail``: the
    convention errs by at most one replicate of B, never by flagging a measured end.

    Parameters
    ----------
    share_zero_target, share_zero_reference : array-like
        Share of the resamples in which the term's count is 0 in the target and in the
        reference.
    level : float
        Coverage of the interval (``(1 - level) / 2`` beyond each end).

    Returns
    -------
    numpy.ndarray
        ``"low"``, ``"high"``, ``"both"`` or ``"none"`` per term.

    References
    ----------
    Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*.
    Chapman & Hall.
    Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for
    Corpus Approaches to Social Science (CASS), Lancaster University.

    Examples
    --------
    >>> ends_on_zero([0.0, 0.0, 0.3, 1.0, 0.02], [0.043, 1.0, 0.0, 0.0, 0.02]).tolist()
    ['high', 'both', 'low', 'both', 'none']
    """
    tail = (1 - stats.check_level(level)) / 2
    t = np.asarray(share_zero_target, dtype=float)
    r = np.asarray(share_zero_reference, dtype=float)
    eps = 1e-12                                 # a share k/B equal to the tail: not above
    low = (t > tail + eps) | (r > 1 - tail + eps)
    high = (r > tail + eps) | (t > 1 - tail + eps)
    return np.select([low & high, low, high], ["both", "low", "high"], "none")


def _summarise(boot, replicate, g_obs, crit: float, level: float):
    """Over the replicates of ``boot``: per term, the replicates keeping the sign of
    the observed G2 (the replicate's own sign where it is 0), those also with G2 above
    ``crit``, the percentile interval of Log Ratio, and the replicates with a zero count
    in the target and in the reference."""
    sign_obs = np.sign(g_obs)
    same = np.zeros(len(g_obs))
    same_sig = np.zeros(len(g_obs))
    zeros = np.zeros((2, len(g_obs)))
    lrs = []
    for block in boot.blocks():
        s, lr, zero_t, zero_r = replicate(block[:, boot.row_cluster].astype(float))
        agree = np.where(sign_obs == 0, True, np.sign(s) == sign_obs)
        same += agree.sum(axis=0)
        same_sig += (agree & (np.abs(s) > crit)).sum(axis=0)
        zeros += zero_t.sum(axis=0), zero_r.sum(axis=0)
        lrs.append(lr)
    lo, hi = stats.percentile_interval(np.vstack(lrs), level, axis=0)
    return same, same_sig, np.atleast_1d(lo), np.atleast_1d(hi), zeros


@provenance.tracked
def bootstrap_keyness(data, target=None, reference=None, *, terms=None, by: str = "year",
                      n_boot: int = 1000, seed: int = 0, alpha: float = 0.05,
                      level: float = 0.95, g2_form: str = "2-cell") -> pd.DataFrame:
    """Stability of keyness under resampling of documents and paragraphs.

    Each replicate is a draw of :func:`discourse.bootstrap.cluster_bootstrap` with the
    target and reference groups as strata and each paragraph a cluster: a group with
    several documents draws as many documents, with replacement, each with all its
    paragraphs; a group with one document draws circular blocks of ``L``
    consecutive paragraphs (``L = round(P ** (1/3))``, :func:`discourse.blocks.
    block_length`) in the order of their numbers, cut to its ``P`` paragraphs (Politis
    and Romano 1992; adjacent paragraphs share their terms, so independent paragraphs
    would make the interval too narrow). Every term's count and every group's token
    total are recomputed; G2 (:func:`discourse.keyness.g2`), its p-value and Log Ratio are
    recomputed for each term. Where a group has several documents, the replicates are
    drawn a second time with blocks of the paragraphs of every document resampled
    within it
    (same ``seed``); the Log Ratio interval is the union of the two designs' intervals
    and the shares are the smaller of the two (a group of few documents is no more
    certain than its paragraphs say: :mod:`discourse.few_documents`; Davison and
    Hinkley 1997, sec. 3.8; Cameron and Miller 2015).

    Parameters
    ----------
    data : TermCounts or pandas.DataFrame
        Paragraph-level term counts (:func:`discourse.counts.count_terms`) or a
        ``tokens`` table (needs ``doc_id, paragraph, {by}, term``).
    target, reference, by, g2_form
        As in :func:`discourse.keyness.keyness`; they must resolve to one comparison.
    terms : list of str, optional
        Terms to assess (default: all terms in the target or reference group).
    n_boot : int
        Number of replicates B (see ``benchmarks/README.md`` for how far the
        interval endpoints move between seeds at each B).
    seed : int
        Seed of ``numpy.random.default_rng``; recorded in the output.
    alpha : float
        Per-term significance level of the replicate test (unadjusted p < alpha:
        more lenient than the corrected ``p_adjusted`` of the keyness table).
    level : float
        Confidence level (coverage) of the percentile interval of Log Ratio (Efron
        and Tibshirani 1993).

    Returns
    -------
    pandas.DataFrame
        ``bootstrap``: ``term, g2, log_ratio, share_same_sign_significant,
        share_same_sign, log_ratio_low, log_ratio_high, share_zero_target,
        share_zero_reference, log_ratio_end_on_zero, n_boot, seed, level, design``.
        ``g2`` and ``log_ratio`` are the observed values;
        ``share_same_sign_significant`` is the share of replicates in which G2 has
        the observed sign and p < alpha (for a term with observed G2 = 0 the sign is
        that of the replicate); ``log_ratio_low/high`` the percentile interval;
        ``share_zero_target/reference`` the share of the same replicates in which the
        term's count is 0 in the target, in the reference (Log Ratio then has 0.5 in
        its place); ``log_ratio_end_on_zero`` which end of the interval rests on that
        0.5, ``"low"``, ``"high"``, ``"both"`` or ``"none"`` (:func:`ends_on_zero`: a
        zero in the target reaches the lower end, one in the reference the upper, once
        more than ``(1 - level) / 2`` of the replicates have it; such an end is the
        convention's value, not a measured bound);
        ``design`` says what was resampled (", widened to the blocks-of-paragraphs-
        within-documents interval where narrower (a year with few documents)" where the
        floor reaches beyond); where a group has several documents, both shares are
        the smaller of the two designs' (a term never looks steadier than either
        design shows it) and the shares of zeros the larger (an end of the union is
        flagged where either design's would be). Sorted by ``g2`` descending.
    """
    from scipy.stats import chi2

    from discourse.counts import TermCounts, from_tokens

    check_choice("by", by, ("year", "doc_id"))
    check_choice("g2_form", g2_form, G2_FORMS)
    check_positive_int("n_boot", n_boot)
    stats.check_level(alpha, "alpha")
    stats.check_level(level)
    if isinstance(data, TermCounts):
        counts = data
        if counts.level != "paragraph":
            raise ValueError("bootstrap_keyness needs paragraph-level counts")
    else:
        check_columns(data, (by, "doc_id", "paragraph", "term"), "tokens table")
        counts = from_tokens(data)
    found = stats.comparisons(counts.rows[by].unique(), target, reference, name=by)
    if len(found) != 1:
        raise ValueError(f"bootstrap_keyness compares one target with one reference; "
                         f"{len(found)} comparisons resolved: give the target")
    comp = found[0]
    groups = (comp.target, *comp.groups)
    mask = counts.rows[by].isin(list(groups)).to_numpy()
    used = np.asarray(counts.matrix[mask].sum(axis=0)).ravel() > 0
    occurring = [str(t) for t in np.asarray(counts.terms)[used]]
    if terms is None:
        vocab = occurring
    else:
        vocab = [str(x) for x in terms]
        absent = sorted(set(vocab) - set(occurring))
        if absent:       # its Log Ratio would be the 0.5 convention's, 0/0, "stable"
            raise ValueError(f"term(s) {absent} do not occur in {comp.target} or "
                             f"{comp.reference} (terms are as in the keyness table: "
                             "lower-cased lemmas, e.g. 'trade', 'member state')")
    M, sizes, group, docs = _paragraphs(counts, groups, by, vocab)
    is_t = (group == comp.target).astype(float)
    MT = M.T.tocsr()

    def replicate(w):                       # w: b x P
        a = (MT @ (w * is_t).T).T
        b = (MT @ (w * (1 - is_t)).T).T
        c = (w * is_t) @ sizes
        d = (w * (1 - is_t)) @ sizes
        s = g2(a, b, c[:, None], d[:, None], form=g2_form)
        return (np.atleast_2d(s), np.atleast_2d(log_ratio(a, b, c[:, None], d[:, None])),
                np.atleast_2d(a == 0), np.atleast_2d(b == 0))

    g_obs, lr_obs = (x[0] for x in replicate(np.ones((1, len(sizes))))[:2])
    # the one cluster bootstrap of the package, each paragraph a cluster: documents
    # resampled within a group that has several, blocks of paragraphs in a lone one
    stratum = by if by != "doc_id" else "group"         # the name the design reads
    # paragraphs in text order by their numbers (blocks of consecutive ones are drawn)
    frame = pd.DataFrame({stratum: group, "doc_id": docs,
                          "paragraph": counts.rows["paragraph"].to_numpy()[mask]})
    boot = cluster_bootstrap(frame, n_boot=n_boot, seed=seed, stratum=stratum)
    crit = chi2.isf(alpha, 1)
    same, same_sig, lo, hi, zeros = _summarise(boot, replicate, g_obs, crit, level)
    design = [boot.design] * len(vocab)
    if several_documents(group, docs):      # floor: paragraphs within every document
        within = cluster_bootstrap(frame, n_boot=n_boot, seed=seed, stratum="doc_id")
        w_same, w_sig, wlo, whi, w_zeros = _summarise(within, replicate, g_obs, crit,
                                                      level)
        lo, hi, design = widen_to_within(lo, hi, wlo, whi, design, stratum=by)
        same, same_sig = np.minimum(same, w_same), np.minimum(same_sig, w_sig)
        zeros = np.maximum(zeros, w_zeros)  # an end of the union rests on either's
    zero_t, zero_r = zeros / n_boot
    out = pd.DataFrame({"term": vocab, "g2": g_obs, "log_ratio": lr_obs,
                        "share_same_sign_significant": same_sig / n_boot,
                        "share_same_sign": same / n_boot,
                        "log_ratio_low": lo, "log_ratio_high": hi,
                        "share_zero_target": zero_t, "share_zero_reference": zero_r,
                        "log_ratio_end_on_zero": ends_on_zero(zero_t, zero_r, level),
                        "n_boot": int(n_boot), "seed": int(seed), "level": level,
                        "design": design})
    return out.sort_values(["g2", "term"], ascending=[False, True],
                           kind="stable").reset_index(drop=True)
