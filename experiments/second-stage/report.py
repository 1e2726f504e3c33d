"""Markdown tables of experiments/second-stage/results (pooled over the outer folds; per-fold
min-max; kappa difference to the lexicon with a document-bootstrap interval)."""

import pandas as pd

r = pd.read_csv("experiments/second-stage/results/scores.csv")
d = pd.read_csv("experiments/second-stage/results/diffs.csv")
p = r[r.fold == "pooled"].drop(columns="fold")
f = (r[r.fold != "pooled"].groupby(["variant", "frame"])
     .agg(kmin=("kappa", "min"), kmax=("kappa", "max"), mmin=("macro_f1", "min"),
          mmax=("macro_f1", "max"), f1min=("f1", "min"), f1max=("f1", "max")).reset_index())
m = p.merge(f, on=["variant", "frame"]).merge(d, on=["variant", "frame"], how="left")
order = list(dict.fromkeys(r.variant))
for frame in ("security", "economy", "multilateralism"):
    print(f"\n#### {frame}\n")
    print("| variant | P | R | F1 (fold min-max) | kappa (fold min-max) | macro-F1 (fold min-max) "
          "| Δkappa pooled [doc-boot 95%] | Δkappa per fold min / max | folds +/- | codes changed |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for v in order:
        x = m[(m.variant == v) & (m.frame == frame)].iloc[0]
        if v == "lexicon":
            dk = "(reference)"
            per = fm = ch = ""
        else:
            dk = f"{x.dkappa_pooled:+.3f} [{x.dkappa_doc_boot_lo:+.3f}, {x.dkappa_doc_boot_hi:+.3f}]"
            per = f"{x.dkappa_fold_min:+.3f} / {x.dkappa_fold_max:+.3f}"
            fm = f"{int(x.folds_better)}/{int(x.folds_worse)}"
            ch = f"{int(x.codes_changed)}"
        print(f"| {v} | {x.precision:.3f} | {x.recall:.3f} | {x.f1:.3f} ({x.f1min:.2f}-{x.f1max:.2f}) "
              f"| {x.kappa:.3f} ({x.kmin:.2f}-{x.kmax:.2f}) | {x.macro_f1:.3f} ({x.mmin:.2f}-{x.mmax:.2f}) "
              f"| {dk} | {per} | {fm} | {ch} |")
