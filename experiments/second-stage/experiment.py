"""Experiment: a second-stage model on top of the lexicon coder, under cross-validation
that leaves out whole writer sessions.

Data: ``corpus/annotations/sco_style/frames_dev.csv`` only (2,525 sentences, 172 texts,
8 writer sessions). The lexicon was developed on these sessions, so its own scores here
are optimistic; what is measured is the difference the second stage makes on sessions
left out of the second stage's fitting. The sealed held-out files are never opened.

Design (all choices nested or fixed a priori):

* outer loop: leave one writer session out (8 folds); scores pooled over the outer
  test folds and per fold;
* inner loop, on the 7 training sessions only: leave one session out; for each
  C in ``C_GRID`` the out-of-fold probabilities are pooled, and (C, threshold) -- and,
  for the ``auto`` rule, the combination rule -- is the one with the highest pooled
  inner Cohen's kappa; the model is refitted on all 7 sessions with it;
* model: L2 logistic regression per frame (liblinear, random_state=0, no class
  weights: the threshold is tuned instead);
* combination with the lexicon code L and probability p: ``replace`` (p > t), ``add``
  (L or p > t), ``remove`` (L and p > t), ``auto`` (one of the three, chosen inside),
  ``auto_keep`` (one of the three or the lexicon's code unchanged, chosen inside: the
  inner folds may decide that a frame is better left to the lexicon).

Run::

    PYTHONPATH=experiments/second-stage .venv/bin/python experiments/second-stage/experiment.py --out experiments/second-stage/results
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from discourse.framing.lexicon import FRAMES
from discourse.stats import binary_agreement

from features import (code_with_analysis, context_features, lexicon_features,
                            load_dev, meta_features)

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
T_GRID = tuple(np.round(np.arange(0.05, 0.951, 0.05), 2))
RULES = ("replace", "add", "remove")
SEED = 0


def combine(rule, lex, p, t):
    if rule == "replace":
        return (p > t).astype(int)
    if rule == "add":
        return (lex.astype(bool) | (p > t)).astype(int)
    if rule == "remove":
        return (lex.astype(bool) & (p > t)).astype(int)
    if rule == "keep":                       # the lexicon's code unchanged
        return lex.astype(int)
    raise ValueError(rule)


def kappa(pred, y) -> float:
    k = binary_agreement(pred, y)["kappa"]
    return -1.0 if np.isnan(k) else k


def macro_f1(pred, y) -> float:
    pos = binary_agreement(pred, y)["f1"]
    neg = binary_agreement(1 - np.asarray(pred), 1 - np.asarray(y))["f1"]
    return float((pos + neg) / 2)


class Features:
    """Design matrices: precomputed sparse dict features, plus TF-IDF fitted on the
    training rows only."""

    def __init__(self, dicts, texts, tfidf: bool):
        self.texts = np.asarray(texts, dtype=object)
        self.tfidf = tfidf
        if dicts is not None:
            self.X = DictVectorizer(sort=True).fit_transform(dicts).tocsr()
        else:
            self.X = None

    def split(self, tr, te):
        blocks_tr, blocks_te = [], []
        if self.X is not None:
            blocks_tr.append(self.X[tr])
            blocks_te.append(self.X[te])
        if self.tfidf:
            v = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
            blocks_tr.append(v.fit_transform(self.texts[tr]))
            blocks_te.append(v.transform(self.texts[te]))
        return sp.hstack(blocks_tr).tocsr(), sp.hstack(blocks_te).tocsr()


def fit_proba(Xtr, ytr, Xte, C):
    if len(set(ytr)) < 2:
        return np.full(Xte.shape[0], float(ytr[0]))
    m = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=1000)
    return m.fit(Xtr, ytr).predict_proba(Xte)[:, 1]


def inner_oof(feats, idx, groups, y):
    """Inner leave-one-session-out over ``idx``: pooled out-of-fold probabilities per C."""
    oof = {C: np.zeros(len(idx)) for C in C_GRID}
    for g in sorted(set(groups[idx])):
        te_m = groups[idx] == g
        Xtr, Xte = feats.split(idx[~te_m], idx[te_m])
        for C in C_GRID:
            oof[C][te_m] = fit_proba(Xtr, y[idx[~te_m]], Xte, C)
    return oof


def select(oof, y, lex, rules):
    """The best (kappa, rule, C, t) by pooled inner kappa; ties: the first in (rule,
    C ascending, t nearest 0.5) order."""
    best = None
    t_order = sorted(T_GRID, key=lambda t: (abs(t - 0.5), t))
    for rule in rules:
        for C in C_GRID:
            for t in t_order:
                k = kappa(combine(rule, lex, oof[C], t), y)
                if best is None or k > best[0] + 1e-12:
                    best = (k, rule, C, t)
    return best


def run_variant(name, feats, groups, Y, LEX, rule_sets):
    """Outer leave-one-session-out; per rule set, predictions {frame: array}, the
    outer probabilities of the chosen C, and the choices. The fits do not depend on the
    combination rule, so they are shared by all rule sets."""
    n = len(groups)
    preds = {r: {f: np.zeros(n, dtype=int) for f in FRAMES} for r in rule_sets}
    probs = {r: {f: np.zeros(n) for f in FRAMES} for r in rule_sets}
    choices = []
    for g in sorted(set(groups)):
        te = np.flatnonzero(groups == g)
        tr = np.flatnonzero(groups != g)
        Xtr, Xte = feats.split(tr, te)
        for k, f in enumerate(FRAMES):
            y, lex = Y[:, k], LEX[:, k]
            oof = inner_oof(feats, tr, groups, y)
            outer_p = {}
            for rname, rules in rule_sets.items():
                kin, rule, C, t = select(oof, y[tr], lex[tr], rules)
                if C not in outer_p:
                    outer_p[C] = fit_proba(Xtr, y[tr], Xte, C)
                p = outer_p[C]
                probs[rname][f][te] = p
                preds[rname][f][te] = combine(rule, lex[te], p, t)
                choices.append({"variant": f"{name}/{rname}", "fold": g, "frame": f,
                                "rule": rule, "C": C, "t": t, "inner_kappa": round(kin, 4)})
    return preds, probs, choices


def scores(name, preds, Y, groups, docs):
    rows = []
    for k, f in enumerate(FRAMES):
        y, p = Y[:, k], preds[f]
        r = binary_agreement(p, y)
        row = {"variant": name, "frame": f, "fold": "pooled",
               **{m: r[m] for m in ("precision", "recall", "f1", "kappa")},
               "macro_f1": macro_f1(p, y), "tp": r["tp"], "fp": r["fp"], "fn": r["fn"]}
        rows.append(row)
        for g in sorted(set(groups)):
            m = groups == g
            r = binary_agreement(p[m], y[m])
            rows.append({"variant": name, "frame": f, "fold": g,
                         **{x: r[x] for x in ("precision", "recall", "f1", "kappa")},
                         "macro_f1": macro_f1(p[m], y[m]), "tp": r["tp"], "fp": r["fp"],
                         "fn": r["fn"]})
    return rows


def doc_bootstrap_diff(pred_a, pred_b, y, docs, n_boot=1000, seed=SEED):
    """Kappa(a) - kappa(b) over documents resampled with replacement (predictions
    fixed): a percentile interval of the pooled difference, for the noise of texts."""
    rng = np.random.default_rng(seed)
    ud, inv = np.unique(docs, return_inverse=True)
    rows_of = [np.flatnonzero(inv == i) for i in range(len(ud))]
    out = np.empty(n_boot)
    for b in range(n_boot):
        pick = np.concatenate([rows_of[i] for i in rng.integers(0, len(ud), len(ud))])
        out[b] = kappa(pred_a[pick], y[pick]) - kappa(pred_b[pick], y[pick])
    return float(np.percentile(out, 2.5)), float(np.percentile(out, 97.5))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="experiments/second-stage/results")
    ap.add_argument("--variants", default="all")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    table = load_dev()
    codes, analyses, lex_secs = code_with_analysis(table)
    groups = table["set"].to_numpy()
    docs = table["document"].to_numpy()
    Y = table[list(FRAMES)].to_numpy().astype(int)
    LEX = codes[list(FRAMES)].to_numpy().astype(int)
    lexf = lexicon_features(codes, analyses)
    ctxf = context_features(table, codes)
    metaf = meta_features(table, codes)
    # the lexicon's codes, counts and rule categories without the entries that fired
    compact = [{k: v for k, v in d.items() if not k.startswith(("hit_", "blkent_"))}
               for d in lexf]
    merge = lambda *ds: [{k: v for d in parts for k, v in d.items()} for parts in zip(*ds)]
    variants = {
        "tfidf": (Features(None, table.text, True), ("replace",)),
        "lex": (Features(lexf, table.text, False), (*RULES, "auto", "auto_keep")),
        "lex+ctx": (Features(merge(lexf, ctxf), table.text, False), (*RULES, "auto", "auto_keep")),
        "codes+ctx": (Features(merge(compact, ctxf), table.text, False), (*RULES, "auto", "auto_keep")),
        "lex+ctx+meta": (Features(merge(lexf, ctxf, metaf), table.text, False),
                         (*RULES, "auto", "auto_keep")),
        "lex+ctx+tfidf": (Features(merge(lexf, ctxf), table.text, True), (*RULES, "auto", "auto_keep")),
    }
    if args.variants != "all":
        keep = args.variants.split(",")
        variants = {k: v for k, v in variants.items() if k in keep}
    all_rows = scores("lexicon", {f: LEX[:, k] for k, f in enumerate(FRAMES)}, Y, groups,
                      docs)
    all_choices, all_preds = [], {"lexicon": {f: LEX[:, k] for k, f in enumerate(FRAMES)}}
    for name, (feats, rules) in variants.items():
        t1 = time.perf_counter()
        rule_sets = {r: (RULES if r == "auto" else (*RULES, "keep") if r == "auto_keep"
                         else (r,)) for r in rules}
        preds, probs, choices = run_variant(name, feats, groups, Y, LEX, rule_sets)
        all_choices += choices
        for rname in rules:
            vname = f"{name}/{rname}"
            all_rows += scores(vname, preds[rname], Y, groups, docs)
            all_preds[vname] = preds[rname]
            pd.DataFrame({"id": table.id, **{f"p_{f}": probs[rname][f] for f in FRAMES},
                          **{f: preds[rname][f] for f in FRAMES}}).to_csv(
                out / f"oof_{vname.replace('/', '_').replace('+', '-')}.csv", index=False)
        print(f"{name}: {time.perf_counter() - t1:.1f} s", flush=True)
    res = pd.DataFrame(all_rows)
    res.to_csv(out / "scores.csv", index=False)
    pd.DataFrame(all_choices).to_csv(out / "choices.csv", index=False)
    # document-bootstrap interval of the kappa difference to the lexicon, pooled
    diffs = []
    for vname, preds in all_preds.items():
        if vname == "lexicon":
            continue
        for k, f in enumerate(FRAMES):
            lo, hi = doc_bootstrap_diff(preds[f], LEX[:, k], Y[:, k], docs)
            per = res[(res.variant == vname) & (res.frame == f) & (res.fold != "pooled")]
            base = res[(res.variant == "lexicon") & (res.frame == f) & (res.fold != "pooled")]
            d = per.kappa.to_numpy() - base.kappa.to_numpy()
            diffs.append({"variant": vname, "frame": f,
                          "dkappa_pooled": kappa(preds[f], Y[:, k]) - kappa(LEX[:, k], Y[:, k]),
                          "dkappa_doc_boot_lo": lo, "dkappa_doc_boot_hi": hi,
                          "dkappa_fold_min": d.min(), "dkappa_fold_max": d.max(),
                          "folds_better": int((d > 0).sum()), "folds_worse": int((d < 0).sum()),
                          "codes_changed": int((preds[f] != LEX[:, k]).sum())})
    pd.DataFrame(diffs).to_csv(out / "diffs.csv", index=False)
    (out / "run.json").write_text(json.dumps({
        "lexicon_seconds_2525_sentences": lex_secs, "total_seconds": time.perf_counter() - t0,
        "C_grid": C_GRID, "t_grid": list(map(float, T_GRID))}, indent=1))
    print(f"total {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
