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
the package says a year of one text is a difference between texts).

**Autocorrelated paragraphs** (``--persistence LAMBDA``): instead, each document's
paragraphs follow a stationary two-state Markov chain (:func:`markov_probs`): a paragraph
is "on the frame" (probability 0.85 for each of its sentences) or "off" (0.05), with the
share of "on" paragraphs set so that the mean is ``mu``, and the state kept from one
paragraph to the next with lag-1 correlation ``LAMBDA``; the paragraph shares of two
sentences then correlate at lag 1 by about 0.8 ``LAMBDA`` (printed: the mean over the
data sets), as the study's texts do at 0.4-0.64. The truth is ``mu``, the mean of the
process the text is drawn from (rho_doc and rho_par are not used).

The three frame columns of one call are three independent data sets. Intervals checked
(share of data sets whose 95% interval contains the truth, and the mean width of the
package's), each under both designs of a lone document's paragraphs, side by side on the
same data sets and seeds: ``L=1`` independent paragraphs (``block=1``, the design before
2026-12-05) and ``blocks`` circular blocks of ``round(P ** (1/3))`` consecutive
paragraphs (the default):

* ``Wilson``: Wilson's interval for independent sentences (the table's
  ``wilson_*_independent`` columns);
* ``bootstrap``: the cluster bootstrap's percentile interval alone (recomputed from
  :func:`discourse.bootstrap.cluster_bootstrap` with the same seed: documents resampled
  when there are several, else paragraphs or blocks of them);
* ``package``: the table's ``ci_low, ci_high`` (the bootstrap widened to contain Wilson's
  interval at the effective sample size, :mod:`discourse.clustered_ci`).

Run from the repository root, one process::

    nice -n 19 .venv/bin/python benchmarks/share_coverage.py              # ~1 min
    nice -n 19 .venv/bin/python benchmarks/share_coverage.py --sims 300 --designs 1x36x2
    nice -n 19 .venv/bin/python benchmarks/share_coverage.py --persistence 0.65 \
        --designs 1x30x2,1x36x2,1x60x2

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


def markov_probs(rng, mu, persistence, paragraphs, high=0.85, low=0.05) -> np.ndarray:
    """Frame probabilities of ``paragraphs`` consecutive paragraphs from a stationary
    two-state Markov chain: ``high`` in the "on" state, ``low`` in the "off", the "on"
    state with stationary probability ``(mu - low) / (high - low)`` (so the mean is
    ``mu``) and lag-1 autocorrelation ``persistence`` (the chain's second eigenvalue);
    also used by ``difference_coverage.py``."""
    pi = (mu - low) / (high - low)
    if not 0 < pi < 1 or not 0 <= persistence < 1:
        raise SystemExit(f"mu={mu} must lie in ({low}, {high}), persistence in [0, 1)")
    to_on, to_off = (1 - persistence) * pi, (1 - persistence) * (1 - pi)
    u = rng.random(paragraphs)
    state = np.empty(paragraphs, dtype=bool)
    state[0] = u[0] < pi
    for t in range(1, paragraphs):
        state[t] = u[t] >= to_off if state[t - 1] else u[t] < to_on
    return np.where(state, high, low)


def paragraph_probs(rng, mu, rho_doc, rho_par, docs, paragraphs, persistence):
    """Each paragraph's frame probability, documents one after another, and the truth
    (``mu`` with several documents or under the Markov chain, else the document's)."""
    if persistence is not None:
        return np.concatenate([markov_probs(rng, mu, persistence, paragraphs)
                               for _ in range(docs)]), mu
    p_doc = beta_draws(rng, mu, rho_doc, docs)
    p_par = np.concatenate([beta_draws(rng, p, rho_par, paragraphs) for p in p_doc])
    return p_par, (mu if docs > 1 else float(p_doc[0]))


def lag1(codes, paragraphs, m) -> float:
    """Mean over documents of the lag-1 autocorrelation of the paragraph shares (NaN
    where a document's shares do not vary)."""
    shares = np.asarray(codes, dtype=float).reshape(-1, paragraphs, m).mean(axis=2)
    out = [np.corrcoef(s[:-1], s[1:])[0, 1] for s in shares if s.std() > 0]
    return float(np.mean(out)) if out else np.nan


def run(mu, rho_doc, rho_par, docs, paragraphs, m, sims, n_boot, seed,
        persistence=None) -> dict:
    from discourse import framing, stats
    from discourse.bootstrap import cluster_bootstrap

    rng = np.random.default_rng(seed)
    n = docs * paragraphs * m
    doc = np.arange(n) // (paragraphs * m)
    par = np.arange(n) // m
    sentences = pd.DataFrame({"sentence_id": [f"s{i}" for i in range(n)], "year": 2021,
                              "doc_id": [f"d{d}" for d in doc], "paragraph": par % paragraphs,
                              "text": "x"})
    designs = {"1": 1, "blocks": None}            # block=1: independent paragraphs
    hits = {"wilson": 0, **{f"{k}{d}": 0 for k in ("bootstrap", "package")
                            for d in designs}}
    width = dict.fromkeys(designs, 0.0)
    r1 = []
    done = 0
    while done < sims:
        codes, truth = {"sentence_id": sentences.sentence_id}, {}
        for f in FRAMES:
            p_par, truth[f] = paragraph_probs(rng, mu, rho_doc, rho_par, docs, paragraphs,
                                              persistence)
            codes[f] = (rng.random(n) < p_par[par]).astype(int)
            r1.append(lag1(codes[f], paragraphs, m))
        seed_call = int(rng.integers(2 ** 31))
        for d, block in designs.items():
            table = framing.frame_shares(pd.DataFrame(codes), sentences, n_boot=n_boot,
                                         seed=seed_call, block=block).set_index("frame")
            boot = cluster_bootstrap(sentences, n_boot=n_boot, seed=seed_call, block=block)
            total = boot.sums(np.ones(n))
            for f in FRAMES:
                row, t = table.loc[f], truth[f]
                if d == "1":
                    hits["wilson"] += int(row.wilson_low_independent <= t
                                          <= row.wilson_high_independent)
                lo, hi = stats.percentile_interval(boot.sums(codes[f].astype(float)) / total)
                hits[f"bootstrap{d}"] += int(lo <= t <= hi)
                hits[f"package{d}"] += int(row.ci_low <= t <= row.ci_high)
                width[d] += row.ci_high - row.ci_low
        done += len(FRAMES)
    return {**{key: h / done for key, h in hits.items()},
            **{f"width{d}": w / done for d, w in width.items()}, "lag1": np.nanmean(r1)}


DESIGNS = {   # name: (documents, paragraphs per document, sentences per paragraph)
    "1x30x2": (1, 30, 2), "1x36x2": (1, 36, 2), "1x60x2": (1, 60, 2), "2x20x3": (2, 20, 3),
    "3x20x3": (3, 20, 3), "5x10x3": (5, 10, 3), "10x10x3": (10, 10, 3),
}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mu", type=float, default=0.3, help="true share")
    parser.add_argument("--rho-doc", type=float, default=0.1)
    parser.add_argument("--rho-par", type=float, default=0.3)
    parser.add_argument("--persistence", type=float, default=None,
                        help="paragraphs from a two-state Markov chain with this lag-1 "
                        "correlation (default: independent paragraphs around the document)")
    parser.add_argument("--designs", default=",".join(d for d in DESIGNS if d != "1x30x2"))
    parser.add_argument("--sims", type=int, default=600, help="data sets per design")
    parser.add_argument("--b", type=int, default=1000, help="bootstrap replicates")
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args(argv)
    model = (f"Markov paragraphs, persistence={args.persistence}"
             if args.persistence is not None else
             f"rho_doc={args.rho_doc}, rho_par={args.rho_par}")
    print(f"mu={args.mu}, {model}, sims={args.sims}, B={args.b}, seed={args.seed}; share of "
          "data sets whose 95% interval contains the truth; mean width of the package's "
          "interval; L=1: independent paragraphs, blocks: circular blocks (the default)")
    print("| documents x paragraphs x sentences | lag-1 r | Wilson | bootstrap L=1 | "
          "bootstrap blocks | package L=1 | package blocks | width L=1 | width blocks |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    start = time.perf_counter()
    for i, name in enumerate(args.designs.split(",")):
        out = run(args.mu, args.rho_doc, args.rho_par, *DESIGNS[name], args.sims, args.b,
                  (args.seed, i), args.persistence)
        print(f"| {name} | {out['lag1']:.2f} | {out['wilson']:.3f} | {out['bootstrap1']:.3f} "
              f"| {out['bootstrapblocks']:.3f} | {out['package1']:.3f} | "
              f"{out['packageblocks']:.3f} | {out['width1']:.2f} | {out['widthblocks']:.2f} |",
              flush=True)
    print(f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
