"""How far the keyword-bootstrap results move between seeds, for each number of replicates.

For the comparison of notebook 02 (latest year against the rest, default term options)
and its top terms each way (``--top``), :func:`discourse.keywords.bootstrap_keyness` is
run with ``--seeds`` different seeds at each B of ``--boots``; for each B the table gives
the largest spread (max - min over seeds) of any term's Log Ratio interval endpoint and
of its share of same-sign significant replicates. B is large enough when the spread is
below the precision printed in the summary (0.1 for Log Ratio endpoints, 0.01 for
shares). The paragraph permutation p-values of ``keyness`` are checked the same way
(``--permutations``).

    .venv/bin/python benchmarks/bootstrap_keywords.py
    .venv/bin/python benchmarks/bootstrap_keywords.py --boots 1000,20000 --seeds 3
"""

from __future__ import annotations

import argparse
import time

import numpy as np


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boots", default="1000,5000,20000,100000")
    parser.add_argument("--permutations", default="999,9999")
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    from discourse import corpus, counts, keywords

    sentences = corpus.load_sentences()
    tc = counts.count_terms(sentences)
    years = sorted(tc.rows["year"].unique())
    target = years[-1]
    key = keywords.keyness(tc, target, "rest")
    terms = list(key["term"].head(args.top)) + list(key["term"].tail(args.top))
    print(f"{len(terms)} terms, target {target} against the rest; seeds 1..{args.seeds}\n")
    print("| B | largest spread of a Log Ratio endpoint (term) | median spread | 90th "
          "percentile | largest spread of a share | seconds per run |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for B in [int(b) for b in args.boots.split(",")]:
        runs = []
        t0 = time.perf_counter()
        for seed in range(1, args.seeds + 1):
            runs.append(keywords.bootstrap_keyness(tc, target, "rest", terms=terms,
                                                   n_boot=B, seed=seed)
                        .set_index("term").loc[terms])
        sec = (time.perf_counter() - t0) / args.seeds
        ends = np.stack([r[["log_ratio_low", "log_ratio_high"]].to_numpy() for r in runs])
        share = np.stack([r["share_same_sign_significant"].to_numpy() for r in runs])
        spread = np.ptp(ends, axis=0)               # terms x 2 endpoints
        worst = terms[int(np.argmax(spread.max(axis=1)))]
        print(f"| {B:,} | {spread.max():.3f} ({worst}) | {np.median(spread):.3f} | "
              f"{np.quantile(spread, 0.9):.3f} | {np.ptp(share, axis=0).max():.3f} | "
              f"{sec:.2f} |")
    print("\n| permutations | largest spread of a p | of an adjusted p | seconds per run |")
    print("| ---: | ---: | ---: | ---: |")
    for B in [int(b) for b in args.permutations.split(",")]:
        t0 = time.perf_counter()
        runs = [keywords.keyness(tc, target, "rest", n_permutations=B, seed=s)
                .set_index("term") for s in range(1, args.seeds + 1)]
        sec = (time.perf_counter() - t0) / args.seeds
        p = np.stack([r["p_permutation"].to_numpy() for r in runs])
        q = np.stack([r["p_permutation_adjusted"].to_numpy() for r in runs])
        print(f"| {B:,} | {np.ptp(p, axis=0).max():.4f} | {np.ptp(q, axis=0).max():.4f} | "
              f"{sec:.2f} |")


if __name__ == "__main__":
    main()
