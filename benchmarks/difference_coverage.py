"""Coverage of the intervals of a difference of frame shares between two years
(:func:`discourse.framing.frame_differences`) when each year has one document of many
paragraphs, or several documents.

The data sets are those of ``share_coverage.py``, two years at a time: in each year,
``D`` documents of ``P`` paragraphs of ``m`` sentences; document ``d`` has a frame
probability drawn from a beta distribution with the year's mean (``mu`` in the first
year, ``mu + delta`` in the second) and correlation ``rho_doc``, each paragraph one drawn
around it with correlation ``rho_par``, each sentence the frame with its paragraph's
probability. With several documents a year the true difference is ``delta`` (the
population of documents each year's documents stand for: the bootstrap resamples
documents within years); with one document a year it is the difference of the two
documents' own probabilities (paragraphs are resampled: the interval is about the two
texts). With ``--persistence LAMBDA`` each document's paragraphs follow the two-state
Markov chain of ``share_coverage.py`` (lag-1 correlation ``LAMBDA`` of the states), with
mean ``mu`` in the first year and ``mu + delta`` in the second; the true difference is
``delta``. The three frame columns of one call are three independent data sets.
Intervals checked (share of data sets whose 95% interval contains the true difference;
mean width of the package's), the bootstrap and the package's each under both designs
of a lone document's paragraphs, on the same data sets and seeds (``L=1``: independent
paragraphs, ``block=1``; ``blocks``: circular blocks, the default):

* ``Newcombe``: Newcombe's (1998) hybrid score interval for independent sentences (the
  table's ``newcombe_*_independent`` columns);
* ``bootstrap``: the cluster bootstrap's percentile interval of the difference alone
  (recomputed from :func:`discourse.bootstrap.cluster_bootstrap` with the same seed:
  strata are the years; documents resampled within a year that has several, else its
  paragraphs);
* ``package``: the table's ``ci_low, ci_high`` (the bootstrap widened where narrower to
  Newcombe's interval from the two years' Wilson intervals at the effective sample size,
  :func:`discourse.clustered_ci.effective_newcombe_interval`).

With ``--serial`` (one-document designs), a second table gives Newcombe's interval from
the two years' Wilson intervals at the effective sample sizes shrunk by each floor for
serially correlated paragraphs of ``share_coverage.py`` (its docstring), alone and as
the package's interval widened to contain it. ``--runs R`` draws the paragraphs from
the topic runs of ``share_coverage.py`` instead (means ``mu`` and ``mu + delta``).

Run from the repository root, one process::

    nice -n 19 .venv/bin/python benchmarks/difference_coverage.py             # a few minutes
    nice -n 19 .venv/bin/python benchmarks/difference_coverage.py --sims 300 --designs 1x36x2
    nice -n 19 .venv/bin/python benchmarks/difference_coverage.py --persistence 0.65 \
        --delta 0.15 --designs 1x30x2,1x36x2,1x60x2
    nice -n 19 .venv/bin/python benchmarks/difference_coverage.py --persistence 0.65 \
        --delta 0.15 --serial --designs 1x30x2,1x36x2,1x60x2

References
----------
Newcombe, R. G. (1998). Interval estimation for the difference between independent
proportions: comparison of eleven methods. *Statistics in Medicine* 17, 873-890.
Korn, E. L. and Graubard, B. I. (1998). Confidence intervals for proportions with small
expected number of positive counts estimated from survey data. *Survey Methodology*
24(2), 193-201.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from share_coverage import (CANDIDATES, DESIGNS, FRAMES, SERIAL, beta_draws, markov_probs,
                            run_probs, serial_floors)

YEARS = (2021, 2022)


def run(mu, delta, rho_doc, rho_par, docs, paragraphs, m, sims, n_boot, seed,
        persistence=None, serial=False, runs=None) -> dict:
    from discourse import framing, stats
    from discourse.bootstrap import cluster_bootstrap
    from discourse.clustered_ci import design_units

    if serial and docs != 1:
        raise SystemExit("--serial: one-document designs only (1xPxm)")
    floors = SERIAL + CANDIDATES

    rng = np.random.default_rng(seed)
    per_year = docs * paragraphs * m
    n = 2 * per_year
    year = np.where(np.arange(n) < per_year, YEARS[0], YEARS[1])
    doc = np.arange(n) // (paragraphs * m)                 # documents numbered across years
    par = np.arange(n) // m                                # paragraphs numbered across years
    sentences = pd.DataFrame({"sentence_id": [f"s{i}" for i in range(n)], "year": year,
                              "doc_id": [f"d{d}" for d in doc], "paragraph": par % paragraphs,
                              "text": "x"})
    second = (year == YEARS[1]).astype(float)
    designs = {"1": 1, "blocks": None}            # block=1: independent paragraphs
    hits = {"newcombe": 0, **{f"{k}{d}": 0 for k in ("bootstrap", "package")
                              for d in designs}}
    width = dict.fromkeys(designs, 0.0)
    ser = {f"{k}{x}": 0.0 for k in floors for x in ("floor", "hit", "width")}
    done = 0
    while done < sims:
        codes, truth = {"sentence_id": sentences.sentence_id}, {}
        for f in FRAMES:
            means = (mu, mu + delta)
            if runs is not None:
                p_par = np.concatenate([run_probs(rng, means[y], rho_par, runs, paragraphs)
                                        for y in (0, 1) for _ in range(docs)])
                truth[f] = delta
            elif persistence is not None:
                p_par = np.concatenate([markov_probs(rng, means[y], persistence, paragraphs)
                                        for y in (0, 1) for _ in range(docs)])
                truth[f] = delta
            else:
                p_doc = np.concatenate([beta_draws(rng, means[y], rho_doc, docs)
                                        for y in (0, 1)])
                p_par = np.concatenate([beta_draws(rng, p, rho_par, paragraphs)
                                        for p in p_doc])
                truth[f] = delta if docs > 1 else float(p_doc[1] - p_doc[0])
            codes[f] = (rng.random(n) < p_par[par]).astype(int)
        seed_call = int(rng.integers(2 ** 31))
        for d, block in designs.items():
            table = framing.frame_differences(pd.DataFrame(codes), sentences, n_boot=n_boot,
                                              seed=seed_call, block=block).set_index("frame")
            boot = cluster_bootstrap(sentences, n_boot=n_boot, seed=seed_call, block=block)
            n_rep = boot.sums(np.column_stack([1 - second, second]))
            for f in FRAMES:
                row, t = table.loc[f], truth[f]
                assert (row.reference, row.target) == YEARS
                if d == "1":
                    hits["newcombe"] += int(row.newcombe_low_independent <= t
                                            <= row.newcombe_high_independent)
                k = boot.sums(np.column_stack([codes[f] * (1 - second), codes[f] * second]))
                lo, hi = stats.percentile_interval(k[:, 1] / n_rep[:, 1]
                                                   - k[:, 0] / n_rep[:, 0])
                hits[f"bootstrap{d}"] += int(lo <= t <= hi)
                hits[f"package{d}"] += int(row.ci_low <= t <= row.ci_high)
                width[d] += row.ci_high - row.ci_low
                if serial and d == "blocks":
                    # each year's floor as frame_differences makes it, then Newcombe's
                    # interval from the two years' Wilson intervals at the shrunk n_eff
                    design = design_units(boot)
                    years = [year == y for y in YEARS]
                    cand = [serial_floors(codes[f][r], design.wilson(codes[f], r),
                                          paragraphs, m) for r in years]
                    p0, p1 = (float(codes[f][r].mean()) for r in years)
                    for key in floors:
                        n0, n1 = cand[0][f"{key} n"], cand[1][f"{key} n"]
                        flo, fhi = stats.newcombe_interval(p1 * n1, n1, p0 * n0, n0)
                        lo, hi = min(row.ci_low, flo), max(row.ci_high, fhi)
                        ser[f"{key}floor"] += int(flo <= t <= fhi)
                        ser[f"{key}hit"] += int(lo <= t <= hi)
                        ser[f"{key}width"] += hi - lo
        done += len(FRAMES)
    return {**{key: h / done for key, h in hits.items()},
            **{f"width{d}": w / done for d, w in width.items()},
            **({f"serial_{k}": v / done for k, v in ser.items()} if serial else {})}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mu", type=float, default=0.3, help="share in the first year")
    parser.add_argument("--delta", type=float, default=0.0, help="second year minus first")
    parser.add_argument("--rho-doc", type=float, default=0.1)
    parser.add_argument("--rho-par", type=float, default=0.3)
    parser.add_argument("--persistence", type=float, default=None,
                        help="paragraphs from a two-state Markov chain with this lag-1 "
                        "correlation (default: independent paragraphs around the document)")
    parser.add_argument("--runs", type=int, default=None,
                        help="paragraphs in topic runs of a length uniform on 1..RUNS (the "
                        "second dependence model of share_coverage.py; rho_par its runs' "
                        "correlation)")
    parser.add_argument("--designs", default=",".join(d for d in DESIGNS if d != "1x30x2"))
    parser.add_argument("--sims", type=int, default=600, help="data sets per design")
    parser.add_argument("--b", type=int, default=1000, help="bootstrap replicates")
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("--serial", action="store_true",
                        help="also Newcombe's interval from the floors for serially "
                        "correlated paragraphs of share_coverage.py (one-document designs), "
                        "in a second table")
    args = parser.parse_args(argv)
    if args.runs is not None and args.persistence is not None:
        raise SystemExit("--runs and --persistence are two models: give one")
    model = (f"Markov paragraphs, persistence={args.persistence}"
             if args.persistence is not None else
             f"topic runs of 1..{args.runs} paragraphs, rho_par={args.rho_par}"
             if args.runs is not None else
             f"rho_doc={args.rho_doc}, rho_par={args.rho_par}")
    print(f"mu={args.mu}, delta={args.delta}, {model}, sims={args.sims}, B={args.b}, "
          f"seed={args.seed}; share of data sets whose 95% interval contains the true "
          "difference; mean width of the package's interval; L=1: independent paragraphs, "
          "blocks: circular blocks (the default)")
    print("| documents x paragraphs x sentences, each year | Newcombe | bootstrap L=1 | "
          "bootstrap blocks | package L=1 | package blocks | width L=1 | width blocks |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    start = time.perf_counter()
    names = args.designs.split(",")
    cells, package_cells = {k: [] for k in SERIAL + CANDIDATES}, []
    for i, name in enumerate(names):
        out = run(args.mu, args.delta, args.rho_doc, args.rho_par, *DESIGNS[name], args.sims,
                  args.b, (args.seed, i), args.persistence, args.serial, args.runs)
        if args.serial:
            package_cells.append(f"{name} {out['packageblocks']:.3f}, width "
                                 f"{out['widthblocks']:.3f}")
            for k in cells:
                cells[k].append(f"{out[f'serial_{k}floor']:.3f} | {out[f'serial_{k}hit']:.3f} "
                                f"| {out[f'serial_{k}width']:.3f} ("
                                f"{out[f'serial_{k}width'] / out['widthblocks']:.2f})")
        print(f"| {name} | {out['newcombe']:.3f} | {out['bootstrap1']:.3f} | "
              f"{out['bootstrapblocks']:.3f} | {out['package1']:.3f} | "
              f"{out['packageblocks']:.3f} | {out['width1']:.2f} | {out['widthblocks']:.2f} |",
              flush=True)
    print(f"{time.perf_counter() - start:.0f} s")
    if args.serial:
        sims = -(-args.sims // len(FRAMES)) * len(FRAMES)
        print(f"\nNewcombe's interval from each year's floor for serially correlated "
              f"paragraphs (share_coverage.py; same data sets and seeds; blocks design): "
              f"coverage of it alone and of the package's interval widened to contain it, "
              f"the mean width of the latter and (in brackets) its ratio to the package's "
              f"mean width; {sims} data sets per design, Monte Carlo standard error near "
              f"0.95: {np.sqrt(0.95 * 0.05 / sims):.3f}; package: " + "; ".join(package_cells))
        print("| floor | " + " | ".join(f"{n} floor | {n} package + | {n} width"
                                        for n in names) + " |")
        print("| --- | " + " | ".join(["---: | ---: | ---:"] * len(names)) + " |")
        for k, row in cells.items():
            print(f"| {k} | " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
