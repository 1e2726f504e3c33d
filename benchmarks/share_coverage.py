"""Coverage of the frame-share intervals of :func:`discourse.framing.frame_shares` when a
year has one document of many paragraphs, or several documents.

Each data set is one year of ``D`` documents of ``P`` paragraphs of ``m`` sentences.
Document ``d`` has a frame probability drawn from a beta distribution with mean ``mu``
and correlation ``rho_doc``; each of its paragraphs one drawn around it with
correlation ``rho_par`` (the same parameterisation as ``proportion_coverage.py``); each
sentence carries the frame with its paragraph's probability. With several documents the
true share is ``mu``, the mean over the population of documents the year's documents
stand for (the bootstrap resamples documents); with one document it is that document's
own probability (paragraphs are resampled: the interval is about the text, which is why
the package says a year of one text is a difference between texts). The three
frame columns of one call are three independent data sets. Intervals checked (share of
data sets whose 95% interval contains the truth, and the mean width of the package's):

* ``Wilson``: Wilson's interval for independent sentences (the table's
  ``wilson_*_independent`` columns);
* ``bootstrap``: the cluster bootstrap's percentile interval alone (recomputed from
  :func:`discourse.bootstrap.cluster_bootstrap` with the same seed: documents resampled
  when there are several, else paragraphs);
* ``package``: the table's ``ci_low, ci_high`` (the bootstrap widened to contain Wilson's
  interval at the effective sample size, :mod:`discourse.clustered_ci`).

Run from the repository root, one process::

    nice -n 19 .venv/bin/python benchmarks/share_coverage.py              # ~25 s
    nice -n 19 .venv/bin/python benchmarks/share_coverage.py --sims 300 --designs 1x36x2

References
----------
Cameron, A. C., Gelbach, J. B. and Miller, D. L. (2008). Bootstrap-based improvements for
inference with clustered errors. *Review of Economics and Statistics* 90(3), 414-427.
Korn, E. L. and Graubard, B. I. (1998). Confidence intervals for proportions with small
expected number of positive counts estimated from survey data. *Survey Methodology*
24(2), 193-201.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

FRAMES = ("security", "economy", "multilateralism")


def beta_draws(rng, mean, rho, size):
    """``size`` probabilities from the beta distribution with mean ``mean`` and
    intra-class correlation ``rho`` (all ``mean`` when ``rho`` is 0); also used by
    ``difference_coverage.py``."""
    if rho <= 0:
        return np.broadcast_to(mean, size).astype(float).copy()
    a, b = mean * (1 - rho) / rho, (1 - mean) * (1 - rho) / rho
    return rng.beta(np.maximum(a, 1e-3), np.maximum(b, 1e-3), size=size)


def run(mu, rho_doc, rho_par, docs, paragraphs, m, sims, n_boot, seed) -> dict:
    from discourse import framing, stats
    from discourse.bootstrap import cluster_bootstrap

    rng = np.random.default_rng(seed)
    n = docs * paragraphs * m
    doc = np.arange(n) // (paragraphs * m)
    par = np.arange(n) // m
    sentences = pd.DataFrame({"sentence_id": [f"s{i}" for i in range(n)], "year": 2021,
                              "doc_id": [f"d{d}" for d in doc], "paragraph": par % paragraphs,
                              "text": "x"})
    hits = {"wilson": 0, "bootstrap": 0, "package": 0}
    width = 0.0
    done = 0
    while done < sims:
        codes, truth = {"sentence_id": sentences.sentence_id}, {}
        for f in FRAMES:
            p_doc = beta_draws(rng, mu, rho_doc, docs)
            p_par = np.concatenate([beta_draws(rng, p, rho_par, paragraphs) for p in p_doc])
            codes[f] = (rng.random(n) < p_par[par]).astype(int)
            truth[f] = mu if docs > 1 else float(p_doc[0])
        seed_call = int(rng.integers(2 ** 31))
        table = framing.frame_shares(pd.DataFrame(codes), sentences, n_boot=n_boot,
                                     seed=seed_call).set_index("frame")
        boot = cluster_bootstrap(sentences, n_boot=n_boot, seed=seed_call)
        total = boot.sums(np.ones(n))
        for f in FRAMES:
            row, t = table.loc[f], truth[f]
            hits["wilson"] += int(row.wilson_low_independent <= t <= row.wilson_high_independent)
            lo, hi = stats.percentile_interval(boot.sums(codes[f].astype(float)) / total)
            hits["bootstrap"] += int(lo <= t <= hi)
            hits["package"] += int(row.ci_low <= t <= row.ci_high)
            width += row.ci_high - row.ci_low
        done += len(FRAMES)
    return {**{key: h / done for key, h in hits.items()}, "width": width / done}


DESIGNS = {   # name: (documents, paragraphs per document, sentences per paragraph)
    "1x36x2": (1, 36, 2), "1x60x2": (1, 60, 2), "2x20x3": (2, 20, 3),
    "3x20x3": (3, 20, 3), "5x10x3": (5, 10, 3), "10x10x3": (10, 10, 3),
}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mu", type=float, default=0.3, help="true share")
    parser.add_argument("--rho-doc", type=float, default=0.1)
    parser.add_argument("--rho-par", type=float, default=0.3)
    parser.add_argument("--designs", default=",".join(DESIGNS))
    parser.add_argument("--sims", type=int, default=600, help="data sets per design")
    parser.add_argument("--b", type=int, default=1000, help="bootstrap replicates")
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args(argv)
    print(f"mu={args.mu}, rho_doc={args.rho_doc}, rho_par={args.rho_par}, sims={args.sims}, "
          f"B={args.b}, seed={args.seed}; share of data sets whose 95% interval contains the "
          "truth; mean width of the package's interval")
    print("| documents x paragraphs x sentences | Wilson | bootstrap | package | package width |")
    print("| --- | ---: | ---: | ---: | ---: |")
    start = time.perf_counter()
    for i, name in enumerate(args.designs.split(",")):
        out = run(args.mu, args.rho_doc, args.rho_par, *DESIGNS[name], args.sims, args.b,
                  (args.seed, i))
        print(f"| {name} | {out['wilson']:.3f} | {out['bootstrap']:.3f} | "
              f"{out['package']:.3f} | {out['width']:.2f} |", flush=True)
    print(f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
