"""Coverage of the agreement intervals of F1, kappa and alpha with independent sentences.

For each design (the four cell probabilities of a 2x2 table of two 0/1 codings) and
each number of sentences ``n``, ``--sims`` data sets of ``n`` independent sentences
are drawn (every sentence its own cluster, so the cluster bootstrap resamples
sentences one by one) and each interval is checked against the true value computed
from the cell probabilities (population kappa, F1 = 2 p11 / (2 p11 + p10 + p01), and
population alpha = Scott's pi, the limit of alpha as ``n`` grows). Intervals:

* ``old``: the interval before the analytic floor: percentile interval of a bootstrap
  of the 2x2 table with 0.5 per cell, widened to contain the estimate (rebuilt here
  from the package's pieces, the bootstrap of the same seed);
* ``new``: :func:`discourse.framing.agreement.agreement_intervals` (``old`` widened to
  the analytic interval of ``agreement.ANALYTIC`` where narrower);
* the analytic intervals alone (:mod:`discourse.agreement_ci`), and candidates not
  chosen: Wald with the large-sample standard error of Fleiss, Cohen and Everitt
  (1969) for kappa; for F1, Wilson's interval of ``2tp`` out of ``2tp + fp + fn``
  and a delta-method Wald interval (multinomial; the approach of Takahashi et al.
  2022).

Data sets are coded as the frame columns of one call (``--per-call`` of them share
one bootstrap, a new seed per call). Run from the repository root, one process::

    nice -n 19 .venv/bin/python benchmarks/agreement_coverage.py            # ~5 min
    nice -n 19 .venv/bin/python benchmarks/agreement_coverage.py --n 30,50 --sims 200

The table of 2026-12-03 (``--sims 1000``) is in benchmarks/README.md.

References
----------
Bloch, D. A. and Kraemer, H. C. (1989). 2 x 2 kappa coefficients: measures of agreement
or association. *Biometrics* 45(1), 269-287.
Donner, A. and Eliasziw, M. (1992). A goodness-of-fit approach to inference procedures
for the kappa statistic. *Statistics in Medicine* 11(11), 1511-1519.
Fleiss, J. L., Cohen, J. and Everitt, B. S. (1969). Large sample standard errors of
kappa and weighted kappa. *Psychological Bulletin* 72(5), 323-327.
Takahashi, K., Yamamoto, K., Kuchiba, A. and Koyama, T. (2022). Confidence interval for
micro-averaged F1 and macro-averaged F1 scores. *Applied Intelligence* 52, 4961-4972.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

Z = 1.959963984540054


def equal_margins(prevalence: float, kappa: float) -> tuple:
    """Cells (p11, p10, p01, p00) of two codings of one prevalence and this kappa."""
    q = prevalence * (1 - prevalence)
    off = q * (1 - kappa)
    return (prevalence ** 2 + q * kappa, off, off, (1 - prevalence) ** 2 + q * kappa)


def unequal_margins(p_coder: float, p_reference: float, kappa: float) -> tuple:
    """Cells of a coder of prevalence ``p_coder`` against a reference, with this kappa."""
    pe = p_coder * p_reference + (1 - p_coder) * (1 - p_reference)
    po = pe + kappa * (1 - pe)
    p11 = (po + p_coder + p_reference - 1) / 2
    cells = (p11, p_coder - p11, p_reference - p11, 1 - p_coder - p_reference + p11)
    if min(cells) < 0:
        raise ValueError(f"kappa {kappa} is out of reach with prevalences {p_coder}, "
                         f"{p_reference}")
    return cells


DESIGNS = {f"prev {p}, kappa {k}": equal_margins(p, k)
           for p in (0.15, 0.3, 0.5) for k in (0.6, 0.8, 0.95)}
DESIGNS["coder 0.2 vs reference 0.3, kappa 0.7"] = unequal_margins(0.2, 0.3, 0.7)
DESIGNS["coder 0.4 vs reference 0.3, kappa 0.6"] = unequal_margins(0.4, 0.3, 0.6)


def truth(cells) -> dict:
    p11, p10, p01, p00 = cells
    pa, pb = p11 + p10, p11 + p01
    pe = pa * pb + (1 - pa) * (1 - pb)
    pbar = (pa + pb) / 2
    return {"kappa": (p11 + p00 - pe) / (1 - pe), "f1": 2 * p11 / (2 * p11 + p10 + p01),
            "alpha": 1 - (p10 + p01) / (2 * pbar * (1 - pbar))}


def wald_kappa(tp, fp, fn, tn):
    """Wald interval with Fleiss, Cohen and Everitt's (1969) standard error."""
    n = tp + fp + fn + tn
    p = np.array([[tp, fp], [fn, tn]]) / n
    row, col = p.sum(axis=1), p.sum(axis=0)
    po, pe = np.trace(p), row @ col
    if pe >= 1:
        return np.nan, np.nan
    k = (po - pe) / (1 - pe)
    a = sum(p[i, i] * ((1 - pe) - (col[i] + row[i]) * (1 - po)) ** 2 for i in range(2))
    b = (1 - po) ** 2 * sum(p[i, j] * (col[i] + row[j]) ** 2
                            for i in range(2) for j in range(2) if i != j)
    c = (po * pe - 2 * pe + po) ** 2
    se = np.sqrt(max(a + b - c, 0) / (n * (1 - pe) ** 4))
    return k - Z * se, k + Z * se


def wald_f1(tp, fp, fn, tn):
    """Delta-method Wald interval of F1 = 2a/(2a + b), a = p11, b = p10 + p01."""
    n = tp + fp + fn + tn
    a, b = tp / n, (fp + fn) / n
    if 2 * a + b == 0:
        return np.nan, np.nan
    f = 2 * a / (2 * a + b)
    se = np.sqrt(4 * a * b * (a + b) / ((2 * a + b) ** 4 * n))
    return f - Z * se, f + Z * se


def naive_wilson_f1(tp, fp, fn, tn):
    from discourse import stats

    d = 2 * tp + fp + fn
    return stats.wilson_interval(2 * tp, d) if d else (np.nan, np.nan)


def run(cells, n, sims, n_boot, per_call, seed):
    from discourse import agreement_ci, stats
    from discourse.bootstrap import percentile_columns
    from discourse.framing import agreement

    true = truth(cells)
    rng = np.random.default_rng(seed)
    hits = {}
    undefined = 0

    def hit(key, lo, hi, value):
        hits[key] = hits.get(key, 0) + int(lo <= value <= hi)       # NaN: a miss

    done = 0
    while done < sims:
        k = min(per_call, sims - done)
        cell = rng.choice(4, size=(n, k), p=cells)
        frames = [f"d{j}" for j in range(k)]
        coder = pd.DataFrame((cell <= 1).astype(int), columns=frames)
        reference = pd.DataFrame(((cell == 0) | (cell == 2)).astype(int), columns=frames)
        boot = agreement.resampler(pd.DataFrame({"sentence_id": range(n)}), n_boot=n_boot,
                                   seed=int(rng.integers(2 ** 31)))
        new = agreement.agreement_intervals(coder, reference, boot, frames=frames,
                                            metrics=("f1", "kappa", "alpha"))
        new = new.set_index(["frame", "metric"])
        ind = np.concatenate([np.stack([cell[:, j] == c for c in range(4)], axis=1)
                              for j in range(k)], axis=1).astype(float)
        reps = boot.sums(ind) + 0.5
        for j, f in enumerate(frames):
            tp, fp, fn, tn = (int(x) for x in ind[:, 4 * j:4 * j + 4].sum(axis=0))
            point = stats.agreement_scores(tp, fp, fn, tn)
            draws = stats.agreement_scores(*reps[:, 4 * j:4 * j + 4].T)
            undefined += int(np.isnan(point["kappa"]))
            for m in ("kappa", "f1", "alpha"):
                v = float(point[m])
                lo, hi = (float(x[0]) for x in percentile_columns(draws[m]))
                if not np.isnan(v):
                    lo, hi = min(lo, v), max(hi, v)
                hit(("old", m), lo, hi, true[m])
                row = new.loc[(f, m)]
                hit(("new", m), row.ci_low, row.ci_high, true[m])
                widened = ("widened", m)
                hits[widened] = hits.get(widened, 0) + int(row.ci_low < lo or row.ci_high > hi)
            hit(("analytic", "kappa"), *agreement_ci.kappa_interval(tp, fp, fn, tn),
                true["kappa"])
            hit(("analytic", "alpha"), *agreement_ci.alpha_interval(tp, fp, fn, tn),
                true["alpha"])
            hit(("analytic", "f1"), *agreement_ci.f1_interval(tp, fp, fn, tn), true["f1"])
            hit(("wald", "kappa"), *wald_kappa(tp, fp, fn, tn), true["kappa"])
            hit(("wald", "f1"), *wald_f1(tp, fp, fn, tn), true["f1"])
            hit(("wilson 2tp", "f1"), *naive_wilson_f1(tp, fp, fn, tn), true["f1"])
        done += k
    return {key: h / sims for key, h in hits.items()}, undefined


COLUMNS = [("old", "kappa"), ("new", "kappa"), ("analytic", "kappa"), ("wald", "kappa"),
           ("old", "alpha"), ("new", "alpha"), ("analytic", "alpha"),
           ("old", "f1"), ("new", "f1"), ("analytic", "f1"), ("wald", "f1"),
           ("wilson 2tp", "f1"), ("widened", "kappa"), ("widened", "f1")]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", default="30,50,100,200,500", help="numbers of sentences")
    parser.add_argument("--sims", type=int, default=500, help="data sets per design and n")
    parser.add_argument("--b", type=int, default=1000, help="bootstrap replicates")
    parser.add_argument("--per-call", type=int, default=25,
                        help="data sets coded as the frames of one call")
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--designs", default="", help="substring selecting designs")
    args = parser.parse_args(argv)
    print(f"sims={args.sims} per design and n, B={args.b}, seed={args.seed}; "
          "share of data sets whose 95% interval contains the true value "
          "('widened': share of intervals the analytic floor widened)")
    head = " | ".join(f"{a} {m}" for a, m in COLUMNS)
    print(f"| design | n | {head} | kappa undefined |")
    print("| --- | ---: |" + " ---: |" * (len(COLUMNS) + 1))
    start = time.perf_counter()
    for d, (name, cells) in enumerate(DESIGNS.items()):
        if args.designs not in name:
            continue
        for n in (int(x) for x in args.n.split(",")):
            cover, undefined = run(cells, n, args.sims, args.b, args.per_call,
                                   (args.seed, d, n))
            cols = " | ".join(f"{cover[c]:.3f}" for c in COLUMNS)
            print(f"| {name} | {n} | {cols} | {undefined} |", flush=True)
    print(f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
