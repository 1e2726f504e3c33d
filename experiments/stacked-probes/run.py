"""Can a trained classifier beat (or improve) the lexicon coder on probes it was not trained on?

Development probes only (errors_read == "yes" in docs/coding/probes.csv). No probe with
errors_read == "no" is loaded, and nothing under corpus/annotations is read.

Outer CV: GroupKFold(10) by probe, probes in sorted-name order. Inner CV (choice of C):
GroupKFold(5) by probe on the outer training folds only. Everything deterministic.

Run:  .venv/bin/python experiments/stacked-probes/run.py   (from the repository root; 6-10 minutes)
Writes results/*.csv next to this script.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import cohen_kappa_score, f1_score
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[2]       # the repository root
sys.path.insert(0, str(REPO / "src"))
from discourse.framing.lexicon import load_lexicon  # noqa: E402
from discourse.framing.probes import load_probe, load_probes  # noqa: E402
from discourse.framing.set_coding import code_set  # noqa: E402

SEED = 0
FRAMES = ("security", "economy", "multilateralism")
C_GRID = (0.3, 1.0, 3.0)
N_OUTER, N_INNER = 10, 5
THRESHOLDS = ((0.9, 0.1), (0.8, 0.2))
N_BOOT = 2000
OUT = Path(__file__).resolve().parent / "results"
LEXICON = str(REPO / "corpus" / "lexicons" / "frames.yaml")


# --------------------------------------------------------------------------- data
def snapshot(dev):
    """Git commit and file hashes of what was read (the repository changes over time)."""
    import hashlib
    import subprocess

    def sha(p):
        return hashlib.sha256(Path(p).read_bytes()).hexdigest()[:16]
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "src",
                            "corpus/lexicons"], capture_output=True, text=True).stdout.strip()
    root = REPO / "docs" / "coding"
    return dict(git_head=head, src_or_lexicon_uncommitted_changes=dirty or None,
                frames_yaml_sha256=sha(LEXICON), probes_csv_sha256=sha(root / "probes.csv"),
                probe_files_sha256={p: {n: sha(root / p / n) for n in ("texts.csv",
                                                                        "reference.csv")}
                                    for p in dev})


def load_dev():
    reg = load_probes()
    dev = sorted(reg.probe[reg.errors_read == "yes"])
    assert set(reg.errors_read[reg.probe.isin(dev)]) == {"yes"}
    lex = load_lexicon(LEXICON)
    parts = []
    for p in dev:
        t = load_probe(p)
        g = code_set(t, lex)
        assert len(g) == len(t) and (g["sentence_id"].to_numpy() == t["id"].to_numpy()).all()
        d = t[["id", "text", "paragraph", "document"]].copy()
        d["probe"] = p
        for f in FRAMES:
            d["hand_" + f] = t[f].to_numpy()
            d["lex_" + f] = g[f].astype(int).to_numpy()
        d["evidence"] = g["evidence"].fillna("").to_numpy()
        parts.append(d)
    data = pd.concat(parts, ignore_index=True)
    expected = int(reg.sentences[reg.probe.isin(dev)].sum())
    assert len(data) == expected, (len(data), expected)
    return data, dev


_NC_ITEM = re.compile(r"\s*(security|economy|multilateralism)\b(.*)")


def evidence_features(ev: str) -> dict:
    """Indicator / count features parsed from the coder's evidence string."""
    out = {}
    for f in FRAMES:
        out[f"ev_direct_n_{f}"] = 0
        out[f"ev_context_{f}"] = 0
        out[f"ev_nc_{f}"] = 0
        out[f"ev_nc_structural_{f}"] = 0  # inside name / in list / inside neutral / other frame
        out[f"ev_nc_reason_{f}"] = 0      # a reading rule (money serving security, backdrop ...)
        out[f"ev_name_{f}"] = 0           # a matched term is a name "(name)"
    out["ev_context_any"] = 0
    out["ev_context_event"] = 0
    out["ev_not_counted_any"] = 0
    out["ev_empty"] = int(ev.strip() == "")
    for seg in (s.strip() for s in ev.split(" | ")):
        if not seg:
            continue
        if seg.startswith("context:"):
            out["ev_context_any"] = 1
            head = seg[len("context:"):].split(" from ")[0]
            for f in FRAMES:
                if f in head:
                    out[f"ev_context_{f}"] = 1
            if " from the event of " in seg:
                out["ev_context_event"] = 1
        elif seg.startswith("not counted:"):
            out["ev_not_counted_any"] = 1
            for item in seg[len("not counted:"):].split("; "):
                m = _NC_ITEM.match(item)
                if not m:
                    continue
                f, rest = m.group(1), m.group(2)
                out[f"ev_nc_{f}"] += 1
                after = re.sub(r"^\s*(\(.*?\)|'.*?')\s*", "", rest)
                if after.startswith(("inside ", "in list")):
                    out[f"ev_nc_structural_{f}"] += 1
                else:
                    out[f"ev_nc_reason_{f}"] += 1
        else:
            for f in FRAMES:
                if seg.startswith(f + ":"):
                    terms = [x for x in seg[len(f) + 1:].split(", ") if x.strip()]
                    out[f"ev_direct_n_{f}"] += len(terms)
                    out[f"ev_name_{f}"] = int(any("(name)" in x for x in terms))
    return out


def lexicon_features(data: pd.DataFrame) -> pd.DataFrame:
    """Lexicon codes of the sentence and its previous / next sentence in the paragraph,
    plus evidence features. Counts are log1p-transformed."""
    feats = pd.DataFrame([evidence_features(e) for e in data["evidence"]], index=data.index)
    key = data["probe"] + "\x00" + data["paragraph"]
    for f in FRAMES:
        col = data["lex_" + f]
        feats[f"lex_{f}"] = col
        feats[f"lex_prev_{f}"] = col.groupby(key).shift(1).fillna(0).astype(int)
        feats[f"lex_next_{f}"] = col.groupby(key).shift(-1).fillna(0).astype(int)
    feats["has_prev"] = key.groupby(key).cumcount().gt(0).astype(int)
    feats["has_next"] = key.groupby(key).cumcount(ascending=False).gt(0).astype(int)
    counts = [c for c in feats if c.startswith(("ev_direct_n_", "ev_nc_"))]
    feats[counts] = np.log1p(feats[counts])
    return feats.astype(float)


# --------------------------------------------------------------------------- models
def tfidf():
    return TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)


def logreg(C):
    return LogisticRegression(C=C, class_weight="balanced", solver="liblinear",
                              max_iter=5000, random_state=SEED)


def design(kind, vec, texts, lexf):
    X = vec.transform(texts)
    if kind == "stack":
        X = sp.hstack([X, sp.csr_matrix(lexf)], format="csr")
    return X


def fit_predict(kind, C, f, tr, te, data, lexf):
    """Fit TF-IDF on tr only, then the per-frame model; return P(frame) on te."""
    vec = tfidf().fit(data["text"].iloc[tr])
    Xtr = design(kind, vec, data["text"].iloc[tr], lexf[tr])
    Xte = design(kind, vec, data["text"].iloc[te], lexf[te])
    m = logreg(C).fit(Xtr, data["hand_" + f].to_numpy()[tr])
    return m.predict_proba(Xte)[:, 1]


def choose_C(kind, tr, data, lexf, groups):
    """Inner GroupKFold on tr only; per frame the C with the best pooled inner kappa
    (ties to the smaller C). Returns {frame: C} and the inner scores."""
    inner = GroupKFold(n_splits=N_INNER)
    y = {f: data["hand_" + f].to_numpy()[tr] for f in FRAMES}
    oof = {(f, C): np.zeros(len(tr)) for f in FRAMES for C in C_GRID}
    for itr, ite in inner.split(tr, groups=groups[tr]):
        a, b = tr[itr], tr[ite]
        vec = tfidf().fit(data["text"].iloc[a])
        Xa = design(kind, vec, data["text"].iloc[a], lexf[a])
        Xb = design(kind, vec, data["text"].iloc[b], lexf[b])
        for f in FRAMES:
            ya = data["hand_" + f].to_numpy()[a]
            for C in C_GRID:
                oof[(f, C)][ite] = logreg(C).fit(Xa, ya).predict_proba(Xb)[:, 1]
    best, scores = {}, {}
    for f in FRAMES:
        s = {C: cohen_kappa_score(y[f], (oof[(f, C)] >= 0.5).astype(int)) for C in C_GRID}
        scores[f] = s
        best[f] = max(C_GRID, key=lambda C: (round(s[C], 10), -C))
    return best, scores


# --------------------------------------------------------------------------- metrics
def kappa(y, p):
    return cohen_kappa_score(y, p) if len(set(y)) > 1 or len(set(p)) > 1 else 1.0


def summarise(data, preds, folds):
    rows = []
    for name, codes in preds.items():
        f1s = []
        for f in FRAMES:
            y = data["hand_" + f].to_numpy()
            p = codes[f]
            lex = data["lex_" + f].to_numpy()
            changed = p != lex
            fk = [kappa(y[te], p[te]) for te in folds]
            f1 = f1_score(y, p)
            f1s.append(f1)
            rows.append(dict(instrument=name, frame=f, kappa=cohen_kappa_score(y, p), f1=f1,
                             fold_kappa_min=min(fk), fold_kappa_max=max(fk),
                             errors=int((p != y).sum()),
                             changed_vs_lexicon=int(changed.sum()),
                             changes_agreeing_with_hand=int((changed & (p == y)).sum()),
                             to1=int((changed & (p == 1)).sum()),
                             to0=int((changed & (p == 0)).sum())))
        rows.append(dict(instrument=name, frame="macro", f1=float(np.mean(f1s)),
                         kappa=float(np.mean([r["kappa"] for r in rows[-3:]])),
                         errors=sum(r["errors"] for r in rows[-3:]),
                         changed_vs_lexicon=sum(r["changed_vs_lexicon"] for r in rows[-3:]),
                         changes_agreeing_with_hand=sum(r["changes_agreeing_with_hand"]
                                                        for r in rows[-3:])))
    return pd.DataFrame(rows)


def boot_diff(data, preds, base="a_lexicon"):
    """Probe-cluster bootstrap of (instrument - lexicon) in kappa per frame and macro-F1."""
    rng = np.random.default_rng(SEED)
    probes = data["probe"].to_numpy()
    uniq = np.unique(probes)
    idx = {p: np.flatnonzero(probes == p) for p in uniq}
    draws = [np.concatenate([idx[p] for p in rng.choice(uniq, len(uniq))]) for _ in range(N_BOOT)]
    rows = []
    for name, codes in preds.items():
        if name == base:
            continue
        for metric in [("kappa", f) for f in FRAMES] + [("macro_f1", None)]:
            diffs = []
            for d in draws:
                if metric[0] == "kappa":
                    f = metric[1]
                    y = data["hand_" + f].to_numpy()[d]
                    diffs.append(cohen_kappa_score(y, codes[f][d])
                                 - cohen_kappa_score(y, preds[base][f][d]))
                else:
                    m1 = np.mean([f1_score(data["hand_" + f].to_numpy()[d], codes[f][d])
                                  for f in FRAMES])
                    m0 = np.mean([f1_score(data["hand_" + f].to_numpy()[d], preds[base][f][d])
                                  for f in FRAMES])
                    diffs.append(m1 - m0)
            lo, hi = np.percentile(diffs, [2.5, 97.5])
            rows.append(dict(instrument=name, metric=metric[0], frame=metric[1] or "macro",
                             diff_ci_low=lo, diff_ci_high=hi,
                             share_draws_better=float(np.mean(np.array(diffs) > 0))))
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- main
def main():
    t0 = time.time()
    OUT.mkdir(exist_ok=True)
    data, dev = load_dev()
    snap = snapshot(dev)
    lexf_df = lexicon_features(data)
    lexf = lexf_df.to_numpy()
    groups = data["probe"].to_numpy()
    n = len(data)
    print(f"{len(dev)} development probes, {n} sentences")
    for f in FRAMES:
        print(f"  {f}: hand prevalence {data['hand_' + f].mean():.3f}, "
              f"lexicon prevalence {data['lex_' + f].mean():.3f}")

    outer = GroupKFold(n_splits=N_OUTER)
    folds, fold_probes, chosen = [], [], []
    proba = {k: {f: np.full(n, np.nan) for f in FRAMES} for k in ("tfidf", "stack")}
    for k, (tr, te) in enumerate(outer.split(np.arange(n), groups=groups)):
        assert not set(groups[tr]) & set(groups[te])
        folds.append(te)
        fold_probes.append(sorted(set(groups[te])))
        for kind in ("tfidf", "stack"):
            best, scores = choose_C(kind, tr, data, lexf, groups)
            for f in FRAMES:
                proba[kind][f][te] = fit_predict(kind, best[f], f, tr, te, data, lexf)
                chosen.append(dict(fold=k, model=kind, frame=f, C=best[f],
                                   **{f"inner_kappa_C{C}": scores[f][C] for C in C_GRID}))
        print(f"fold {k}: {len(te)} sentences, probes {fold_probes[-1]}  "
              f"({time.time() - t0:.0f}s)", flush=True)
    for kind in proba:
        for f in FRAMES:
            assert not np.isnan(proba[kind][f]).any()

    preds = {"a_lexicon": {f: data["lex_" + f].to_numpy() for f in FRAMES},
             "b_tfidf_logreg": {f: (proba["tfidf"][f] >= 0.5).astype(int) for f in FRAMES},
             "c_stacked": {f: (proba["stack"][f] >= 0.5).astype(int) for f in FRAMES}}
    for hi, lo in THRESHOLDS:
        d = {}
        for f in FRAMES:
            c = data["lex_" + f].to_numpy().copy()
            c[proba["stack"][f] >= hi] = 1
            c[proba["stack"][f] <= lo] = 0
            d[f] = c
        preds[f"d_lexicon_override_{hi}/{lo}"] = d

    table = summarise(data, preds, folds)
    boots = boot_diff(data, preds)
    pd.set_option("display.width", 200)
    print(table.round(3).to_string(index=False))
    print(boots.round(3).to_string(index=False))

    table.to_csv(OUT / "results.csv", index=False)
    boots.to_csv(OUT / "bootstrap_diff_vs_lexicon.csv", index=False)
    pd.DataFrame(chosen).to_csv(OUT / "chosen_C.csv", index=False)
    pd.DataFrame([dict(fold=k, n_sentences=len(te), probes=" ".join(p))
                  for k, (te, p) in enumerate(zip(folds, fold_probes))]).to_csv(
        OUT / "folds.csv", index=False)
    oof = data[["probe", "id"] + [f"hand_{f}" for f in FRAMES] + [f"lex_{f}" for f in FRAMES]].copy()
    for kind in proba:
        for f in FRAMES:
            oof[f"p_{kind}_{f}"] = proba[kind][f].round(6)
    oof.to_csv(OUT / "oof_predictions.csv", index=False)
    json.dump(dict(probes=dev, n_probes=len(dev), n_sentences=n,
                   n_lexicon_features=lexf.shape[1], lexicon_features=list(lexf_df.columns),
                   seconds=round(time.time() - t0, 1), **snap),
              open(OUT / "meta.json", "w"), indent=1)
    print(f"done in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
