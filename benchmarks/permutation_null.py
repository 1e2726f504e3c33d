"""Rejection rates under the null of the paragraph permutation test of keyness when the
target's paragraphs are shorter (or longer) than the reference's.

The question (a walkthrough, 2023 paragraphs of 11.4 terms against 25.6): is
:func:`discourse.keyness_resampling.permutation_pvalues` still a test of "the term is no
more frequent in the target" when the two groups' paragraphs differ in length?

**Null simulated.** Each data set has ``m`` target and ``m`` reference paragraphs. A
reference paragraph has ``1 + NegBin`` tokens with mean ``L = 25`` (coefficient of
variation about 0.6, like the study's paragraphs); a target paragraph the same with mean
``ratio * L``. Every token is drawn from the same distribution in both groups:
``J = 60`` test terms and a filler, multinomially, so a term's count in a paragraph of
``n`` tokens is binomial(``n``, ``pi``) whatever the group ("token" model), or, in the
"clustered" model, each paragraph first draws its own rate ``pi * g`` of each term,
``g`` gamma with mean 1 and shape 0.5 (a topic makes its words cluster; the same in both
groups). So a term's occurrences are independent of the group given the paragraph's
length: no test of "same rate in both groups" should reject more than 5% of the time.
Half the terms are rare (``pi`` set for 8 expected occurrences in the data set, as the
walkthrough's *two*, 7), half common (40).

**Tests** (each two-sided at 0.05; the permutation tests with ``B = 999`` permutations,
p = (1 + #{|T*| >= |T|}) / (B + 1)):

* ``G2``: the keyness table's ``p`` (chi-square with 1 df of the 2-cell G2, tokens as
  independent draws; :func:`discourse.keyness_measures.g2`).
* ``dispersion``: the table's ``p_dispersion``, Fisher's exact test of the paragraphs
  containing the term (:func:`discourse.keyness_measures.fisher_pvalues`).
* ``perm. before``: the package's test before length strata (``strata=1``):
  paragraphs shuffled, statistic the difference of relative frequencies ``a/c - b/d``.
* ``perm. studentized`` (a candidate, not adopted): the same shuffles, statistic the
  difference divided by its standard error with paragraphs as clusters (ratio
  estimator, linearised variance, ``m / (m - 1)`` correction), recomputed for every
  shuffle: asymptotically valid where the two sides' paragraphs differ (Janssen 1997;
  Chung and Romano 2013), but a rare term's few paragraphs are far from asymptotic.
* ``perm. 5 strata``: the difference, paragraphs shuffled only within five strata of
  paragraph length (quintiles of the pooled lengths), each keeping its number of target
  paragraphs (:func:`discourse.length_strata.length_strata`; a stratified permutation
  test: Good 2005, sec. 3.5).
* ``perm. package``: the package's default (``strata="auto"``): unstratified where the
  two sides' mean lengths are within a factor 1.25, else strata of about 10 paragraphs
  (``P // 10``: 8 strata for 80 paragraphs, 20 for 200).

A permutation that kept the target's number of tokens (accepting only shuffles whose
target has about as many tokens as the observed) was not run: at a ratio of 0.25 almost
no shuffle of the pooled paragraphs gives the target so few tokens.

Seeded (``--seed``, one stream for the data and one per data set for the permutations).
About three minutes of CPU with the defaults (2026-12, one core)::

    nice -n 19 .venv/bin/python benchmarks/permutation_null.py
    nice -n 19 .venv/bin/python benchmarks/permutation_null.py --sets 40 --ratios 1,0.25

References
----------
Chung, E. and Romano, J. P. (2013). Exact and asymptotically robust permutation tests.
*The Annals of Statistics* 41(2), 484-507.
Janssen, A. (1997). Studentized permutation tests for non-i.i.d. hypotheses and the
generalized Behrens-Fisher problem. *Statistics & Probability Letters* 36(1), 9-21.
Good, P. I. (2005). *Permutation, Parametric, and Bootstrap Tests of Hypotheses*, 3rd
ed. Springer.
Lijffijt, J., Nevalainen, T., Säily, T., Papapetrou, P., Puolamäki, K. and Mannila, H.
(2016). Significance testing of word frequencies in corpora. *Digital Scholarship in
the Humanities* 31(2), 374-397.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
from scipy import sparse

from discourse import stats
from discourse.counts import TermCounts
from discourse.keyness_measures import fisher_pvalues, g2, g2_pvalue
from discourse.keyness_resampling import permutation_pvalues
from discourse.preprocess import TermOptions

MEAN_LENGTH = 25.0
N_TERMS = 60
EXPECTED = (8.0, 40.0)          # expected occurrences of a rare and a common term
SHAPE = 0.5                     # gamma shape of the clustered model's paragraph rates
TESTS = ["G2", "dispersion", "perm. before", "perm. studentized", "perm. 5 strata",
         "perm. package"]


def lengths(rng, m: int, mean: float) -> np.ndarray:
    """``m`` paragraph lengths, 1 + negative binomial with mean ``mean`` (CV about 0.6)."""
    k = 3.0                                     # NB size: var = mu + mu^2 / k
    mu = max(mean - 1, 0.5)
    return 1 + rng.negative_binomial(k, k / (k + mu), size=m)


def simulate(rng, m: int, ratio: float, model: str):
    """(counts P x J, sizes P, is_target P): one data set under the null."""
    n = np.concatenate([lengths(rng, m, ratio * MEAN_LENGTH), lengths(rng, m, MEAN_LENGTH)])
    is_t = np.r_[np.ones(m, bool), np.zeros(m, bool)]
    pi = np.repeat(np.array(EXPECTED) / n.sum(), N_TERMS // 2)
    rates = np.broadcast_to(pi, (len(n), N_TERMS)).copy()
    if model == "clustered":
        rates *= rng.gamma(SHAPE, 1 / SHAPE, size=rates.shape)
    rates = np.minimum(rates, 0.5 / N_TERMS)   # leave room for the filler
    probs = np.column_stack([rates, 1 - rates.sum(axis=1)])
    counts = np.vstack([rng.multinomial(k, p) for k, p in zip(n, probs)])
    return counts[:, :N_TERMS], n.astype(float), is_t


def term_counts(counts, sizes, is_t) -> TermCounts:
    """A paragraph-level TermCounts of the data set (the filler makes up the lengths)."""
    filler = sizes - counts.sum(axis=1)
    matrix = sparse.csr_matrix(np.column_stack([counts, filler]).astype(np.int64))
    presence = matrix.copy()
    presence.data = np.ones_like(presence.data)
    rows = pd.DataFrame({"doc_id": np.where(is_t, "t", "r"), "year": np.where(is_t, 2, 1),
                         "paragraph": np.arange(len(sizes))})
    terms = np.array([f"t{j:02d}" for j in range(counts.shape[1])] + ["~filler"],
                     dtype=object)
    return TermCounts(rows, terms, matrix, presence, np.ones(len(rows), np.int64),
                      "paragraph", TermOptions())


def studentized_pvalues(counts, sizes, is_t, rng, B: int) -> np.ndarray:
    """Permutation p of the studentized difference of relative frequencies."""
    m_t, m_r = int(is_t.sum()), int((~is_t).sum())
    tot, total = counts.sum(axis=0), sizes.sum()
    sq, cross, n2 = counts ** 2, counts * sizes[:, None], sizes ** 2

    def stat(labels):
        a, c = labels @ counts, labels @ sizes
        ra, rb = a / c[:, None], (tot - a) / (total - c)[:, None]
        s2, sx, sn = labels @ sq, labels @ cross, labels @ n2
        ss_t = s2 - 2 * ra * sx + ra ** 2 * sn[:, None]
        ss_r = (sq.sum(0) - s2) - 2 * rb * (cross.sum(0) - sx) \
            + rb ** 2 * (n2.sum() - sn)[:, None]
        var = (m_t / (m_t - 1) * np.maximum(ss_t, 0) / c[:, None] ** 2
               + m_r / (m_r - 1) * np.maximum(ss_r, 0) / (total - c)[:, None] ** 2)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.nan_to_num((ra - rb) / np.sqrt(var), nan=0.0)

    observed = np.abs(stat(is_t[None, :].astype(float)))[0] * (1 - 1e-9) - 1e-15
    order = np.argsort(rng.random((B, len(sizes))), axis=1)[:, :m_t]
    labels = np.zeros((B, len(sizes)))
    np.put_along_axis(labels, order, 1.0, axis=1)
    exceed = (np.abs(stat(labels)) >= observed).sum(axis=0)
    return (1 + exceed) / (B + 1)


def one_set(rng, seed: int, m: int, ratio: float, model: str, B: int) -> dict:
    """p-values of every test for the J terms of one simulated data set."""
    counts, sizes, is_t = simulate(rng, m, ratio, model)
    a, b = counts[is_t].sum(axis=0), counts[~is_t].sum(axis=0)
    c, d = sizes[is_t].sum(), sizes[~is_t].sum()
    pa, pb = (counts[is_t] > 0).sum(axis=0), (counts[~is_t] > 0).sum(axis=0)
    tc = term_counts(counts, sizes, is_t)
    comp = stats.comparisons([1, 2], 2, 1)[0]
    names = list(tc.terms[:-1])
    return {
        "G2": g2_pvalue(g2(a, b, c, d)),
        "dispersion": fisher_pvalues(pa, pb, m, m),
        "perm. before": permutation_pvalues(tc, comp, names, n_permutations=B, seed=seed,
                                            strata=1),
        "perm. studentized": studentized_pvalues(counts, sizes, is_t,
                                                 np.random.default_rng(seed), B),
        "perm. 5 strata": permutation_pvalues(tc, comp, names, n_permutations=B,
                                              seed=seed, strata=5),
        "perm. package": permutation_pvalues(tc, comp, names, n_permutations=B, seed=seed),
    }


def markdown(table: pd.DataFrame) -> str:
    """The table in Markdown (rates to three decimals), without ``tabulate``."""
    cells = [[f"{v:.3f}" if isinstance(v, float) and c in TESTS else f"{v:g}"
              if isinstance(v, float) else str(v) for c, v in row.items()]
             for row in table.to_dict("records")]
    lines = ["| " + " | ".join(table.columns) + " |", "|" + " --- |" * table.shape[1]]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in cells])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=100, help="data sets per design")
    parser.add_argument("--paragraphs", default="40,100", help="m, paragraphs per group")
    parser.add_argument("--ratios", default="1,0.8,0.5,0.25,2",
                        help="target's mean paragraph length / the reference's")
    parser.add_argument("--models", default="token,clustered")
    parser.add_argument("--permutations", type=int, default=999)
    parser.add_argument("--seed", type=int, default=20270101)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    rows = []
    for model in args.models.split(","):
        for m in (int(x) for x in args.paragraphs.split(",")):
            for ratio in (float(x) for x in args.ratios.split(",")):
                ps = {t: [] for t in TESTS}
                for s in range(args.sets):
                    out = one_set(rng, args.seed + s, m, ratio, model, args.permutations)
                    for t in TESTS:
                        ps[t].append(out[t])
                for half, label in ((slice(0, N_TERMS // 2), "rare"),
                                    (slice(N_TERMS // 2, N_TERMS), "common")):
                    row = {"model": model, "m": m, "ratio": ratio, "terms": label}
                    for t in TESTS:
                        p = np.concatenate([x[half] for x in ps[t]])
                        row[t] = float(np.mean(p <= 0.05))
                    rows.append(row)
                print(pd.DataFrame(rows[-2:]).to_string(index=False, header=len(rows) == 2),
                      flush=True)
    table = pd.DataFrame(rows)
    n = args.sets * N_TERMS // 2
    print(f"\nRejection rate at 0.05 ({n} term tests a cell, {args.sets} data sets; "
          f"Monte Carlo SE about {np.sqrt(0.05 * 0.95 / n):.3f} at 0.05, more between "
          "data sets):")
    print(markdown(table))


if __name__ == "__main__":
    main()
