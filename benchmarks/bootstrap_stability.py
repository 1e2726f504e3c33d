"""How many bootstrap replicates keep the printed digits of the framing intervals stable?

For each B, the framing tables of the corpus are computed with several pairs of seeds
(S, S + 1) and the largest change of any interval endpoint between the two seeds of a
pair is reported, with the time of one computation:

* shares and year differences (cluster bootstrap; the summary prints their endpoints
  in whole percentage points, so a change below 0.5 points keeps them);
* corrected shares (joint bootstrap; printed the same way);
* agreement (F1, kappa, alpha; printed with two decimals, so a change below 0.005
  keeps them).

Run from the repository root::

    .venv/bin/python benchmarks/bootstrap_stability.py                 # ~2 min
    .venv/bin/python benchmarks/bootstrap_stability.py --b 2000,10000 --pairs 2
"""

from __future__ import annotations

import argparse
import time

import numpy as np


def _tables(codes, sentences, hand, b, seed):
    from discourse import framing

    out = {}
    t = time.perf_counter()
    out["shares"] = framing.frame_shares(codes, sentences, n_boot=b, seed=seed)
    out["differences"] = framing.frame_differences(codes, sentences, n_boot=b, seed=seed)
    out["corrected"] = framing.corrected_shares(codes, sentences, hand, n_boot=b, seed=seed)
    t_shares = time.perf_counter() - t
    t = time.perf_counter()
    v = framing.validate(codes, hand, clusters=sentences, n_boot=b, seed=seed)
    out["agreement"] = v[v.metric.isin(["f1", "kappa", "alpha"])]
    return out, t_shares, time.perf_counter() - t


def main(argv=None) -> None:
    from discourse import corpus, framing

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--b", default="1000,2000,4000,10000,20000",
                        help="comma-separated numbers of replicates")
    parser.add_argument("--pairs", type=int, default=3, help="pairs of seeds per B")
    parser.add_argument("--seed", type=int, default=20240601, help="first seed")
    args = parser.parse_args(argv)
    sentences = framing.add_word_counts(corpus.segment(corpus.load_docs()))
    codes = framing.code_sentences(sentences)
    hand = framing.load_validation()
    print("| B | shares, differences: max (RMS) change, points | corrected shares: max "
          "(RMS), points | F1/kappa/alpha: max (RMS) change | seconds (shares, differences, "
          "corrected) | seconds (agreement) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for b in (int(x) for x in args.b.split(",")):
        worst = {"shares": 0.0, "corrected": 0.0, "agreement": 0.0}
        changes = {"shares": [], "corrected": [], "agreement": []}
        times = []
        for i in range(args.pairs):
            s = args.seed + 2 * i
            one, t1, t2 = _tables(codes, sentences, hand, b, s)
            two, _, _ = _tables(codes, sentences, hand, b, s + 1)
            times.append((t1, t2))
            for name, key in (("shares", "shares"), ("differences", "shares"),
                              ("corrected", "corrected"), ("agreement", "agreement")):
                delta = np.concatenate([np.abs(one[name][c].to_numpy(float)
                                               - two[name][c].to_numpy(float))
                                        for c in ("ci_low", "ci_high")])
                changes[key] += delta[~np.isnan(delta)].tolist()
                worst[key] = max(worst[key], float(np.nanmax(delta)))
        t1, t2 = np.mean(times, axis=0)
        rms = {k: float(np.sqrt(np.mean(np.square(v)))) for k, v in changes.items()}
        print(f"| {b} | {100 * worst['shares']:.2f} ({100 * rms['shares']:.2f}) | "
              f"{100 * worst['corrected']:.2f} ({100 * rms['corrected']:.2f}) | "
              f"{worst['agreement']:.4f} ({rms['agreement']:.4f}) | {t1:.2f} | {t2:.2f} |")


if __name__ == "__main__":
    main()
