"""Does a stacked model without TF-IDF keep the gain of run.py's stacked model?

Development probes only (``errors_read == "yes"`` in docs/coding/probes.csv; asserted).
No probe with ``errors_read == "no"`` is loaded, and nothing under corpus/annotations is read.

Models, one logistic regression per frame (``class_weight="balanced"``, liblinear,
``random_state=0``, threshold 0.5), compared by GroupKFold(10) by probe (rows in sorted
probe order); C from {0.1, 0.3, 1, 3, 10} by an inner GroupKFold(5) by probe on the outer
training folds (pooled inner out-of-fold kappa, ties to the smaller C):

- (a) the lexicon's codes as they are;
- (c) run.py's stacked model: TF-IDF word 1-2 grams (fitted on the training folds) plus
  run.py's 33 lexicon features;
- (e) the 33 lexicon features only;
- (f) (e) plus binary indicators of the lexicon entries that matched in the sentence, parsed
  from the evidence string: ``ct|frame|term`` for a term counted for a frame and
  ``nc|frame|term`` for a match that was "not counted" (term lower-cased; the annotations
  "(name)" and "(non-member ...)" removed); vocabulary fitted on the training folds only;
- (g) (f) plus the same indicators of the previous and next sentence of the paragraph.

Also times, on the same sentences, the lexicon coder (``code_set``) and the step from its
output to (f)/(g)'s predictions (features, vectoriser, three models; no training).

Run:  nice .venv/bin/python experiments/stacked-probes/lexfeat.py   (from the repository root)
Writes only aggregates: results/lexfeat_*.csv.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import cohen_kappa_score, f1_score
from sklearn.model_selection import GroupKFold

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))
import frozen as FROZEN  # noqa: E402  (this folder's frozen.py: coded_table)
import run as RUN  # noqa: E402  (this folder's run.py: its 33 features and model factories)
from discourse.framing.lexicon import load_lexicon  # noqa: E402
from discourse.framing.probes import load_probe, load_probes  # noqa: E402
from discourse.framing.set_coding import code_set  # noqa: E402
from discourse.stats import agreement_scores  # noqa: E402

SEED = 0
FRAMES = ("security", "economy", "multilateralism")
C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
N_OUTER, N_INNER, N_BOOT, THRESHOLD = 10, 5, 2000, 0.5
MODELS = ("c", "e", "f", "g")
NAMES = {"a": "a_lexicon", "c": "c_stacked_tfidf", "e": "e_lex33", "f": "f_lex33_entries",
         "g": "g_lex33_entries_neighbours"}
TIMING_ROUNDS = 5
OUT = HERE / "results"


# --------------------------------------------------------------------------- data
def load_dev() -> tuple[pd.DataFrame, list, dict, float]:
    """Load and code the development probes (and only them), in sorted probe order.

    Returns
    -------
    data : DataFrame
        One row per sentence: probe, text, paragraph, document, hand_*, lex_*, evidence.
    dev : list of str
        The development probes.
    tables : dict
        The loaded probe tables (for timing the coder again).
    seconds : float
        Wall time of ``code_set`` over all probes (this first pass).
    """
    reg = load_probes()
    dev = sorted(reg.probe[reg.errors_read == "yes"])
    assert len(dev) > 0 and (reg.set_index("probe").loc[dev, "errors_read"] == "yes").all()
    assert not set(dev) & set(reg.probe[reg.errors_read != "yes"])
    lex = load_lexicon()
    parts, tables, seconds = [], {}, 0.0
    for p in dev:
        assert reg.loc[reg.probe == p, "errors_read"].item() == "yes"
        t = load_probe(p)
        t0 = time.perf_counter()
        g = code_set(t, lex)
        seconds += time.perf_counter() - t0
        # frozen.py's table of one probe (it checks the order), its unit named "probe"
        parts.append(FROZEN.coded_table(p, t, g).rename(columns={"unit": "probe"}))
        tables[p] = t
    data = pd.concat(parts, ignore_index=True)
    assert len(data) == int(reg.sentences[reg.probe.isin(dev)].sum())
    return data, dev, tables, seconds


# --------------------------------------------------------------------------- features
_FRAME_RE = "|".join(FRAMES)
_NC_RE = re.compile(rf"(?:^|; )({_FRAME_RE}) '(.*?)'(?=[ ;]|$)")
_NOTE_RE = re.compile(r"\s*\((?:name|non-member[^()]*)\)$")


def entry_keys(evidence: str) -> list:
    """Indicator keys of the lexicon entries in one evidence string.

    ``ct|frame|term`` for each term counted for a frame, ``nc|frame|term`` for each match
    listed under "not counted"; terms lower-cased, with the coder's "(name)" and
    "(non-member ...)" annotations removed. Context segments give no keys (the 33
    features cover them).
    """
    keys = set()
    for seg in evidence.split(" | "):
        if seg.startswith("not counted:"):
            for m in _NC_RE.finditer(seg[len("not counted: "):]):
                keys.add(f"nc|{m.group(1)}|{m.group(2).lower()}")
        elif not seg.startswith("context:"):
            frame, _, terms = seg.partition(": ")
            if frame in FRAMES:
                keys.update(f"ct|{frame}|{_NOTE_RE.sub('', t).lower()}"
                            for t in terms.split(", ") if t.strip())
    return sorted(keys)


def para_key(data: pd.DataFrame) -> pd.Series:
    """Paragraph key: probe, document and paragraph (as in frozen.py)."""
    return data["probe"] + "|" + data["document"] + "|" + data["paragraph"]


def lex33(data: pd.DataFrame) -> np.ndarray:
    """run.py's 33 lexicon features (neighbours within probe, document and paragraph)."""
    return RUN.lexicon_features(data.assign(probe=data["probe"] + "|" + data["document"]
                                            + "|")).to_numpy()


def entry_dicts(data: pd.DataFrame, neighbours: bool) -> list:
    """Per sentence a dict {key: 1} of its entry indicators, and with ``neighbours`` those
    of the previous and next sentence of the paragraph (prefixed ``prev:`` / ``next:``)."""
    own = pd.Series([entry_keys(e) for e in data["evidence"]], index=data.index)
    if not neighbours:
        return [dict.fromkeys(k, 1) for k in own]
    grouped = own.groupby(para_key(data), sort=False)
    prev, nxt = grouped.shift(1), grouped.shift(-1)
    out = []
    for k, p, n in zip(own, prev, nxt):
        d = dict.fromkeys(k, 1)
        d.update(dict.fromkeys(("prev:" + x for x in p) if isinstance(p, list) else (), 1))
        d.update(dict.fromkeys(("next:" + x for x in n) if isinstance(n, list) else (), 1))
        out.append(d)
    return out


class Design:
    """Design matrices of the models for given training / test rows (anything fitted,
    the TF-IDF vocabulary or the indicator vocabulary, is fitted on the training rows)."""

    def __init__(self, data: pd.DataFrame):
        self.texts = data["text"]
        self.lexf = lex33(data)
        self.dicts = {"f": entry_dicts(data, False), "g": entry_dicts(data, True)}

    def xy(self, kind: str, a: np.ndarray, b: np.ndarray):
        """(X_train, X_test, n_fitted_terms) of model ``kind`` for rows ``a`` and ``b``."""
        la, lb = sp.csr_matrix(self.lexf[a]), sp.csr_matrix(self.lexf[b])
        if kind == "e":
            return la, lb, 0
        if kind == "c":
            vec = RUN.tfidf().fit(self.texts.iloc[a])
            ta, tb = vec.transform(self.texts.iloc[a]), vec.transform(self.texts.iloc[b])
        else:
            vec = DictVectorizer(dtype=np.float64).fit([self.dicts[kind][i] for i in a])
            ta = vec.transform([self.dicts[kind][i] for i in a])
            tb = vec.transform([self.dicts[kind][i] for i in b])
        n = len(vec.vocabulary_)
        return sp.hstack([ta, la], format="csr"), sp.hstack([tb, lb], format="csr"), n


# --------------------------------------------------------------------------- models
def choose_C(design: Design, kind: str, tr: np.ndarray, y: dict, groups: np.ndarray):
    """Per frame the C of C_GRID with the best pooled inner out-of-fold kappa at 0.5 over
    GroupKFold(5) by probe on ``tr`` only (ties to the smaller C); also the kappas."""
    oof = {(f, C): np.zeros(len(tr)) for f in FRAMES for C in C_GRID}
    for ia, ib in GroupKFold(n_splits=N_INNER).split(tr, groups=groups[tr]):
        Xa, Xb, _ = design.xy(kind, tr[ia], tr[ib])
        for f in FRAMES:
            for C in C_GRID:
                oof[(f, C)][ib] = RUN.logreg(C).fit(Xa, y[f][tr[ia]]).predict_proba(Xb)[:, 1]
    best, scores = {}, {}
    for f in FRAMES:
        scores[f] = {C: cohen_kappa_score(y[f][tr], (oof[(f, C)] >= THRESHOLD).astype(int))
                     for C in C_GRID}
        best[f] = max(C_GRID, key=lambda C: (round(scores[f][C], 10), -C))
    return best, scores


def cross_validate(design: Design, data: pd.DataFrame, y: dict, groups: np.ndarray):
    """Outer GroupKFold(10): out-of-fold probabilities per model and frame, the folds'
    test rows, and one row per (fold, model, frame) with the chosen C."""
    n, t0 = len(data), time.time()
    proba = {k: {f: np.full(n, np.nan) for f in FRAMES} for k in MODELS}
    folds, chosen = [], []
    outer = GroupKFold(n_splits=N_OUTER).split(np.arange(n), groups=groups)
    for fold, (tr, te) in enumerate(outer):
        assert not set(groups[tr]) & set(groups[te])
        folds.append(te)
        for kind in MODELS:
            best, scores = choose_C(design, kind, tr, y, groups)
            Xtr, Xte, nterms = design.xy(kind, tr, te)
            for f in FRAMES:
                model = RUN.logreg(best[f]).fit(Xtr, y[f][tr])
                proba[kind][f][te] = model.predict_proba(Xte)[:, 1]
                chosen.append(dict(fold=fold, model=NAMES[kind], frame=f, C=best[f],
                                   n_fitted_terms=nterms, n_test_sentences=len(te),
                                   test_probes=" ".join(sorted(set(groups[te]))),
                                   **{f"inner_kappa_C{C:g}": scores[f][C] for C in C_GRID}))
        print(f"fold {fold}: {len(te)} sentences ({time.time() - t0:.0f}s)", flush=True)
    assert not any(np.isnan(v).any() for p in proba.values() for v in p.values())
    return proba, folds, pd.DataFrame(chosen)


# --------------------------------------------------------------------------- metrics
def summarise(preds: dict, y: dict, lex: dict, folds: list) -> pd.DataFrame:
    """Pooled kappa, F1, errors and changes vs the lexicon per model and frame; macro rows."""
    rows = []
    for name, codes in preds.items():
        part = []
        for f in FRAMES:
            p, changed = codes[f], codes[f] != lex[f]
            fk = [cohen_kappa_score(y[f][te], p[te]) for te in folds]
            part.append(dict(model=name, frame=f, kappa=cohen_kappa_score(y[f], p),
                             f1=f1_score(y[f], p), fold_kappa_min=min(fk),
                             fold_kappa_max=max(fk), errors=int((p != y[f]).sum()),
                             changed_vs_lexicon=int(changed.sum()),
                             changed_0_to_1=int((changed & (p == 1)).sum()),
                             changed_1_to_0=int((changed & (p == 0)).sum()),
                             changes_agreeing_with_hand=int((changed & (p == y[f])).sum())))
        summed = ("errors", "changed_vs_lexicon", "changed_0_to_1", "changed_1_to_0",
                  "changes_agreeing_with_hand")
        macro = {k: sum(r[k] for r in part) for k in summed}
        rows += part + [dict(model=name, frame="macro", f1=np.mean([r["f1"] for r in part]),
                             kappa=np.mean([r["kappa"] for r in part]), **macro)]
    return pd.DataFrame(rows)


def counts(y: np.ndarray, p: np.ndarray, clusters: np.ndarray, k: int) -> np.ndarray:
    """(k, 4) counts of tp, fp, fn, tn per cluster."""
    cells = [(y == 1) & (p == 1), (y == 0) & (p == 1), (y == 1) & (p == 0), (y == 0) & (p == 0)]
    return np.stack([np.bincount(clusters, weights=c, minlength=k) for c in cells], axis=-1)


def kappa_f1(c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cohen's kappa and F1 from counts (..., 4) of tp, fp, fn, tn
    (:func:`discourse.stats.agreement_scores`)."""
    scores = agreement_scores(*np.moveaxis(c, -1, 0))
    return scores["kappa"], scores["f1"]


def bootstrap(preds: dict, y: dict, groups: np.ndarray) -> pd.DataFrame:
    """Probe-cluster bootstrap (N_BOOT resamples of whole probes, default_rng(SEED), the
    same draws for every model) of (model - lexicon) in kappa per frame and macro-F1.
    The out-of-fold predictions are held fixed."""
    clusters, uniq = pd.factorize(groups)
    k = len(uniq)
    rng = np.random.default_rng(SEED)
    w = np.stack([np.bincount(rng.integers(0, k, k), minlength=k) for _ in range(N_BOOT)])
    per = {name: np.stack([counts(y[f], c[f], clusters, k) for f in FRAMES], axis=1)
           for name, c in preds.items()}                        # (k, frame, 4)
    base_k, base_f1 = kappa_f1(np.einsum("bk,kfc->bfc", w, per[NAMES["a"]]))
    pk0, pf0 = kappa_f1(per[NAMES["a"]].sum(axis=0))
    rows = []
    for name, c in per.items():
        if name == NAMES["a"]:
            continue
        kb, fb = kappa_f1(np.einsum("bk,kfc->bfc", w, c))
        pk, pf = kappa_f1(c.sum(axis=0))
        diffs = [("kappa", f, kb[:, j] - base_k[:, j], pk[j] - pk0[j])
                 for j, f in enumerate(FRAMES)]
        diffs.append(("macro_f1", "macro", fb.mean(1) - base_f1.mean(1), pf.mean() - pf0.mean()))
        for metric, f, d, point in diffs:
            lo, hi = np.percentile(d, [2.5, 97.5])
            rows.append(dict(model=name, metric=metric, frame=f, diff_vs_lexicon=point,
                             ci_low=lo, ci_high=hi, share_draws_above_0=np.mean(d > 0),
                             share_draws_below_0=np.mean(d < 0), n_boot=N_BOOT, seed=SEED,
                             n_probes=k))
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- timing
def timing(data: pd.DataFrame, tables: dict, y: dict, chosen: pd.DataFrame,
           first_code_seconds: float) -> pd.DataFrame:
    """Wall time on the development sentences of: the lexicon coder (``code_set``, a fresh
    lexicon object each round, its loading excluded); the step from the coder's output
    (codes, evidence, paragraphs) to (e)/(f)/(g)'s and (c)'s predictions, with models
    fitted beforehand on all rows at each frame's most often chosen C (training not
    timed); and CountVectorizer on the same texts. Median and min over the rounds."""
    lexout = data[["probe", "text", "paragraph", "document", "evidence"]
                  + [f"lex_{f}" for f in FRAMES]].copy()
    fitted, design = {}, Design(data)
    for kind in ("c", "e", "f", "g"):
        Cs = chosen[chosen.model == NAMES[kind]].groupby("frame").C.agg(
            lambda s: s.value_counts().sort_index().idxmax())
        allrows = np.arange(len(data))
        if kind == "c":
            vec = RUN.tfidf().fit(data["text"])
        elif kind in "fg":
            vec = DictVectorizer(dtype=np.float64).fit(design.dicts[kind])
        else:
            vec = None
        X = design.xy(kind, allrows, allrows[:1])[0]
        fitted[kind] = (vec, {f: RUN.logreg(Cs[f]).fit(X, y[f]) for f in FRAMES})

    def predict(kind):
        vec, models = fitted[kind]
        lexf = sp.csr_matrix(lex33(lexout))
        if kind == "e":
            X = lexf
        elif kind == "c":
            X = sp.hstack([vec.transform(lexout["text"]), lexf], format="csr")
        else:
            X = sp.hstack([vec.transform(entry_dicts(lexout, kind == "g")), lexf], format="csr")
        return {f: (m.predict_proba(X)[:, 1] >= THRESHOLD).astype(int) for f, m in models.items()}

    def code_all():
        lex = load_lexicon()
        t0 = time.perf_counter()
        for t in tables.values():
            code_set(t, lex)
        return time.perf_counter() - t0

    steps = {"lexicon code_set": code_all,
             "CountVectorizer fit_transform (reference)":
                 lambda: _timed(lambda: CountVectorizer().fit_transform(data["text"]))}
    for kind in ("e", "f", "g", "c"):
        steps[f"features+predict {NAMES[kind]}"] = (lambda k=kind: _timed(lambda: predict(k)))
    times = {name: [fn() for _ in range(TIMING_ROUNDS)] for name, fn in steps.items()}
    base = np.median(times["lexicon code_set"])
    rows = [dict(step="lexicon code_set (first pass, while loading)", rounds=1,
                 median_s=first_code_seconds, min_s=first_code_seconds,
                 fraction_of_lexicon_median=first_code_seconds / base, n_sentences=len(data))]
    rows += [dict(step=name, rounds=len(t), median_s=np.median(t), min_s=min(t),
                  fraction_of_lexicon_median=np.median(t) / base, n_sentences=len(data))
             for name, t in times.items()]
    return pd.DataFrame(rows)


def _timed(fn) -> float:
    """Wall time of one call of ``fn``."""
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


# --------------------------------------------------------------------------- main
def main() -> None:
    """Run the comparison on the development probes and write results/lexfeat_*.csv."""
    t0 = time.time()
    data, dev, tables, code_seconds = load_dev()
    assert data["probe"].is_monotonic_increasing
    groups = data["probe"].to_numpy()
    y = {f: data["hand_" + f].to_numpy() for f in FRAMES}
    lex = {f: data["lex_" + f].to_numpy() for f in FRAMES}
    design = Design(data)
    assert np.array_equal(design.lexf, RUN.lexicon_features(data).to_numpy()), \
        "the 33 features differ from run.py's"
    print(f"{len(dev)} development probes, {len(data)} sentences; lexicon coding "
          f"{code_seconds:.1f}s", flush=True)

    proba, folds, chosen = cross_validate(design, data, y, groups)
    preds = {NAMES["a"]: lex}
    preds.update({NAMES[k]: {f: (proba[k][f] >= THRESHOLD).astype(int) for f in FRAMES}
                  for k in MODELS})
    table, boots = summarise(preds, y, lex, folds), bootstrap(preds, y, groups)
    times = timing(data, tables, y, chosen, code_seconds)

    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "src",
                            "corpus/lexicons", "docs/coding/probes.csv"],
                           capture_output=True, text=True, check=True).stdout.strip()
    n_keys = {k: len({x for d in design.dicts[k] for x in d}) for k in ("f", "g")}
    meta = dict(git_head=head, uncommitted_src_lexicon_registry=dirty or "none",
                n_probes=len(dev), n_sentences=len(data), probes=" ".join(dev),
                c_grid=" ".join(f"{C:g}" for C in C_GRID), n_lexicon_features=design.lexf.shape[1],
                n_entry_indicators_all_rows_f=n_keys["f"],
                n_entry_indicators_all_rows_g=n_keys["g"],
                seconds=round(time.time() - t0, 1))
    OUT.mkdir(exist_ok=True)
    table.to_csv(OUT / "lexfeat_results.csv", index=False)
    boots.to_csv(OUT / "lexfeat_bootstrap.csv", index=False)
    chosen.to_csv(OUT / "lexfeat_chosen_C.csv", index=False)
    times.to_csv(OUT / "lexfeat_timing.csv", index=False)
    pd.DataFrame(list(meta.items()), columns=["key", "value"]).to_csv(OUT / "lexfeat_meta.csv",
                                                                      index=False)
    pd.set_option("display.width", 220)
    print(table.round(3).to_string(index=False))
    print(boots.drop(columns=["n_boot", "seed", "n_probes"]).round(4).to_string(index=False))
    print(chosen.groupby(["model", "frame"]).C.agg(lambda s: dict(s.value_counts()))
          .to_string())
    print(times.round(3).to_string(index=False))
    print({k: v for k, v in meta.items() if k != "probes"})


if __name__ == "__main__":
    main()
