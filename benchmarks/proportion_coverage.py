"""Coverage of the intervals of a proportion (recall, precision, a coder's sensitivity)
when the sentences come in paragraphs whose errors are correlated.

Each data set is one document of ``P`` paragraphs of ``m`` sentences, every sentence in
the class of interest (hand-coded 1, so the proportion is the coder's recall). Paragraph
``j`` has its own hit probability ``p_j``, drawn from a beta distribution with mean
``mu`` and intra-paragraph correlation ``rho`` (a = mu (1 - rho) / rho, b = (1 - mu) (1 -
rho) / rho; ``rho`` = 0: every ``p_j`` is ``mu``, independent sentences); each sentence
is a hit with its paragraph's probability. The true recall is ``mu``. Intervals checked
(share of data sets whose 95% interval contains ``mu``):

* ``wilson``: Wilson's (1927) score interval of hits / sentences, which assumes
  independent sentences (what precision, recall and percent agreement had until
  2026-12-04);
* ``effective``: Wilson's interval at the effective sample size alone
  (:func:`discourse.clustered_ci.effective_wilson_interval`: design effect estimated
  from the paragraphs, Korn and Graubard's t adjustment);
* ``package``: :func:`discourse.framing.agreement.agreement_intervals`, the paragraph
  bootstrap of the 2x2 table with 0.5 per cell, widened to contain the estimate and to
  the ``effective`` interval where narrower;
* ``width ratio``: the median ratio of the package's interval width to Wilson's.

A design effect of ``1 + (m - 1) rho`` (Kish 1965) shrinks the effective number of
sentences; Wilson's interval, blind to it, should undercover as ``m`` and ``rho`` grow.
Run from the repository root, one process::

    nice -n 19 .venv/bin/python benchmarks/proportion_coverage.py            # ~20 s
    nice -n 19 .venv/bin/python benchmarks/proportion_coverage.py --sims 200 --m 1,5

References
----------
Kish, L. (1965). *Survey Sampling*. Wiley.
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
inference. *JASA* 22, 209-212.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd


def run(mu: float, rho: float, paragraphs: int, m: int, sims: int, n_boot: int,
        per_call: int, seed) -> dict:
    from discourse import stats
    from discourse.clustered_ci import effective_wilson_interval
    from discourse.framing import agreement

    rng = np.random.default_rng(seed)
    n = paragraphs * m
    par = np.arange(n) // m
    clusters = pd.DataFrame({"sentence_id": range(n), "doc_id": "d", "paragraph": par})
    hits = {"wilson": 0, "effective": 0, "package": 0}
    ratios = []
    done = 0
    while done < sims:
        k = min(per_call, sims - done)
        if rho > 0:
            a, b = mu * (1 - rho) / rho, (1 - mu) * (1 - rho) / rho
            p = rng.beta(a, b, size=(paragraphs, k))
        else:
            p = np.full((paragraphs, k), mu)
        hit = (rng.random((n, k)) < p[par]).astype(int)
        frames = [f"d{j}" for j in range(k)]
        coder = pd.DataFrame(hit, columns=frames)
        reference = pd.DataFrame(1, index=coder.index, columns=frames)
        boot = agreement.resampler(clusters, n_boot=n_boot, seed=int(rng.integers(2 ** 31)))
        got = agreement.agreement_intervals(coder, reference, boot, frames=frames,
                                            metrics=("recall",)).set_index("frame")
        for j, f in enumerate(frames):
            wlo, whi = stats.wilson_interval(int(hit[:, j].sum()), n)
            hits["wilson"] += int(wlo <= mu <= whi)
            elo, ehi = effective_wilson_interval(hit[:, j], np.zeros(n), par)[:2]
            hits["effective"] += int(elo <= mu <= ehi)
            lo, hi = got.loc[f, "ci_low"], got.loc[f, "ci_high"]
            hits["package"] += int(lo <= mu <= hi)
            ratios.append((hi - lo) / (whi - wlo))
        done += k
    return {**{key: h / sims for key, h in hits.items()}, "ratio": float(np.median(ratios))}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mu", type=float, default=0.85, help="true recall")
    parser.add_argument("--m", default="1,3,6", help="sentences per paragraph")
    parser.add_argument("--rho", default="0,0.2,0.5", help="intra-paragraph correlations")
    parser.add_argument("--n", default="60,180", help="sentences per data set")
    parser.add_argument("--sims", type=int, default=500, help="data sets per design")
    parser.add_argument("--b", type=int, default=1000, help="bootstrap replicates")
    parser.add_argument("--per-call", type=int, default=25,
                        help="data sets coded as the frames of one call")
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args(argv)
    print(f"mu={args.mu}, sims={args.sims} per design, B={args.b}, seed={args.seed}; share "
          "of data sets whose 95% interval contains mu")
    print("| sentences | per paragraph | rho | design effect | Wilson | effective | package | "
          "width package / Wilson (median) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    start = time.perf_counter()
    for i, n in enumerate(int(x) for x in args.n.split(",")):
        for j, m in enumerate(int(x) for x in args.m.split(",")):
            for r, rho in enumerate(float(x) for x in args.rho.split(",")):
                if m == 1 and rho > 0:          # one sentence per paragraph: no correlation
                    continue
                out = run(args.mu, rho, n // m, m, args.sims, args.b, args.per_call,
                          (args.seed, i, j, r))
                print(f"| {n // m * m} | {m} | {rho:g} | {1 + (m - 1) * rho:.1f} | "
                      f"{out['wilson']:.3f} | {out['effective']:.3f} | {out['package']:.3f} | "
                      f"{out['ratio']:.2f} |",
                      flush=True)
    print(f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
