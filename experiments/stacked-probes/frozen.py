"""A frozen test of the stacked model on data nobody has read (stop 51).

The stacked model (c) of run.py (TF-IDF word 1-2 grams plus 33 features parsed from the
lexicon coder's codes, evidence and neighbouring codes; one logistic regression per frame)
is trained on every development probe (errors_read == "yes" in docs/coding/probes.csv),
with C chosen per frame by GroupKFold(5) by probe. The fitted model is hashed and written
to results/frozen_model.json BEFORE any test data are loaded, and checked against those
hashes before it scores. It then scores once, against the lexicon coder:

- the never-read probes (errors_read == "no"), pooled and one by one;
- the five held-out sets (corpus/annotations/sets.csv, used_for_development == "no"),
  pooled and one by one.

Only aggregate numbers are printed or written (scores, counts, intervals); no sentence,
sentence id or per-sentence code of the test data leaves this process.

Run:  /work/main/.venv/bin/python experiments/stacked-probes/frozen.py   (from the root)
Writes results/frozen_model.json, frozen_results.csv and frozen_bootstrap.csv.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score, f1_score
from sklearn.model_selection import GroupKFold

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]                       # the repository root
sys.path.insert(0, str(REPO / "src"))
import discourse  # noqa: E402
from discourse.framing import evaluation as ev  # noqa: E402
from discourse.framing.lexicon import load_lexicon  # noqa: E402
from discourse.framing.probes import load_probe, load_probes  # noqa: E402
from discourse.framing.set_coding import code_registered, code_set  # noqa: E402

SEED = 0
FRAMES = ("security", "economy", "multilateralism")
C_GRID = (0.3, 1.0, 3.0, 10.0)
N_INNER = 5
THRESHOLD = 0.5
N_BOOT = 2000
OUT = HERE / "results"
MODEL_FILE = OUT / "frozen_model.json"
LEXICON = REPO / "corpus" / "lexicons" / "frames.yaml"
CODING = REPO / "docs" / "coding"
CORPUS = REPO / "corpus"
NEVER_READ = "never-read probes, pooled"
HELD_OUT = "held-out sets, pooled"


def load_run():
    """run.py of this folder as a module (its features and model factories are reused)."""
    spec = importlib.util.spec_from_file_location("stacked_run", HERE / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RUN = load_run()


# --------------------------------------------------------------------------- provenance
def sha256(data: bytes) -> str:
    """Hex sha256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def git(*args: str) -> str:
    """Output of a git command in the repository."""
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True,
                          check=True).stdout.strip()


def provenance() -> dict:
    """Git state and hashes of the lexicon and of the code that trains and scores."""
    lexicon_files = sorted(p for p in LEXICON.parent.iterdir() if p.is_file())
    return dict(
        git_head=git("rev-parse", "HEAD"),
        uncommitted_changes=git("status", "--porcelain", "src", "corpus/lexicons",
                                "experiments/stacked-probes/run.py",
                                "experiments/stacked-probes/frozen.py") or None,
        discourse_package=str(Path(discourse.__file__).resolve().relative_to(REPO)),
        lexicon_last_commit=git("log", "-1", "--format=%h", "--", "corpus/lexicons"),
        frames_yaml_sha256=sha256(LEXICON.read_bytes()),
        lexicon_files_sha256={p.name: sha256(p.read_bytes()) for p in lexicon_files},
        probes_csv_sha256=sha256((CODING / "probes.csv").read_bytes()),
        run_py_sha256=sha256((HERE / "run.py").read_bytes()),
        frozen_py_sha256=sha256(Path(__file__).read_bytes()))


# --------------------------------------------------------------------------- data
def split_probes(registry: pd.DataFrame) -> tuple[list, list]:
    """Training probes (errors_read "yes") and test probes ("no"), sorted by name."""
    return (sorted(registry.probe[registry.errors_read == "yes"]),
            sorted(registry.probe[registry.errors_read == "no"]))


def check_split(train: list, test: list) -> None:
    """Refuse to go on unless, in the registry as it is now, every training probe is a
    development probe (errors_read "yes") and every test probe is one nobody has read."""
    registry = load_probes(CODING)
    status = dict(zip(registry.probe, registry.errors_read))
    bad = [p for p in train if status.get(p) != "yes"]
    if bad:
        raise ValueError(f"refusing to run: training probe(s) {', '.join(bad)} do not have "
                         "errors_read == 'yes' in docs/coding/probes.csv")
    if any(status.get(p) != "no" for p in test):
        raise ValueError("refusing to run: a test probe no longer has errors_read == 'no'")


def coded_table(unit: str, table: pd.DataFrame, got: pd.DataFrame) -> pd.DataFrame:
    """One probe or set with its reference codes (hand_*), the lexicon's codes (lex_*)
    and evidence, in reading order; ``unit`` names the probe or set."""
    if len(got) != len(table) or not (got["sentence_id"].to_numpy()
                                      == table["id"].to_numpy()).all():
        raise ValueError(f"{unit}: the lexicon's codes are not in the order of the set")
    d = table[["text", "paragraph", "document"]].copy()
    d.insert(0, "unit", unit)
    for f in FRAMES:
        d["hand_" + f] = table[f].astype(int).to_numpy()
        d["lex_" + f] = got[f].astype(int).to_numpy()
    d["evidence"] = got["evidence"].fillna("").to_numpy()
    return d


def load_probes_coded(probes: list, lex, registry: pd.DataFrame) -> pd.DataFrame:
    """The probes coded by the lexicon, stacked in the given order; the sentence count is
    checked against the registry."""
    data = pd.concat([coded_table(p, t, code_set(t, lex))
                      for p, t in ((p, load_probe(p, CODING)) for p in probes)],
                     ignore_index=True)
    expected = int(registry.sentences[registry.probe.isin(probes)].sum())
    if len(data) != expected:
        raise ValueError(f"{len(data)} sentences loaded, the registry lists {expected}")
    return data


def load_heldout_sets(lex) -> pd.DataFrame:
    """The held-out sets (used_for_development == "no") coded by the lexicon, stacked; each
    set's sentence count is checked against sets.csv."""
    sets = pd.read_csv(CORPUS / "annotations" / "sets.csv", dtype=str,
                       keep_default_na=False)
    parts = []
    for f, n in sets.loc[sets.used_for_development == "no", ["file", "sentences"]].to_numpy():
        t = ev.load_set(f, CORPUS)
        if len(t) != int(n):
            raise ValueError(f"{f}: {len(t)} sentences loaded, sets.csv lists {n}")
        parts.append(coded_table(f, t, code_registered(f, t, lex, CORPUS)))
    return pd.concat(parts, ignore_index=True)


def features(data: pd.DataFrame) -> np.ndarray:
    """run.py's 33 lexicon features, with neighbours looked up within unit, document and
    paragraph (run.py's key is probe and paragraph; probe paragraph labels name their
    document, so on probes the two keys give the same features, which is asserted).
    The separator is "|": pandas' string dtype drops the NUL run.py puts between the
    parts of its key."""
    key = data["unit"] + "|" + data["document"] + "|"
    return RUN.lexicon_features(data.assign(probe=key)).to_numpy()


# --------------------------------------------------------------------------- model
def choose_C(X, y: dict, groups: np.ndarray) -> tuple[dict, dict]:
    """Per frame the C of C_GRID with the best pooled out-of-fold kappa at 0.5 over
    GroupKFold(5) by probe (ties to the smaller C), as run.choose_C; the TF-IDF
    vectoriser is refitted on each inner training part. ``X`` is (texts, features)."""
    texts, lexf = X
    oof = {(f, C): np.zeros(len(texts)) for f in FRAMES for C in C_GRID}
    for a, b in GroupKFold(n_splits=N_INNER).split(texts, groups=groups):
        vec = RUN.tfidf().fit(texts.iloc[a])
        Xa = RUN.design("stack", vec, texts.iloc[a], lexf[a])
        Xb = RUN.design("stack", vec, texts.iloc[b], lexf[b])
        for f in FRAMES:
            for C in C_GRID:
                oof[(f, C)][b] = RUN.logreg(C).fit(Xa, y[f][a]).predict_proba(Xb)[:, 1]
    best, scores = {}, {}
    for f in FRAMES:
        s = {C: cohen_kappa_score(y[f], (oof[(f, C)] >= THRESHOLD).astype(int))
             for C in C_GRID}
        scores[f] = {str(C): round(float(k), 6) for C, k in s.items()}
        best[f] = max(C_GRID, key=lambda C: (round(s[C], 10), -C))
    return best, scores


def train(data: pd.DataFrame, lexf: np.ndarray):
    """Choose C per frame, then fit the vectoriser and one model per frame on all rows.
    Returns (vectoriser, {frame: model}, chosen C, inner kappas)."""
    y = {f: data["hand_" + f].to_numpy() for f in FRAMES}
    best, scores = choose_C((data["text"], lexf), y, data["unit"].to_numpy())
    vec = RUN.tfidf().fit(data["text"])
    X = RUN.design("stack", vec, data["text"], lexf)
    models = {f: RUN.logreg(best[f]).fit(X, y[f]) for f in FRAMES}
    return vec, models, best, scores


def model_hashes(vec, models: dict) -> dict:
    """sha256 of each frame's coefficients and intercept and of the vectoriser's
    vocabulary and idf weights (rounded to 12 decimals)."""
    def h(array):
        return sha256(repr(np.round(array, 12).tolist()).encode())
    out = {"vocabulary": sha256(repr(sorted(vec.vocabulary_.items())).encode()),
           "idf": h(vec.idf_)}
    for f, m in models.items():
        out[f"coef_{f}"] = h(m.coef_)
        out[f"intercept_{f}"] = h(m.intercept_)
    return out


def freeze(vec, models, best, scores, train_probes, data, lexf) -> dict:
    """Write results/frozen_model.json (before any test data are loaded); return it."""
    frozen = dict(
        description="stacked model (c) of run.py, trained on all development probes and "
                    "frozen before any test data were loaded",
        chosen_C=best, inner_cv_kappa_by_C=scores, C_grid=list(C_GRID),
        inner_cv=f"GroupKFold({N_INNER}) by probe, pooled out-of-fold kappa at "
                 f"{THRESHOLD}, ties to the smaller C",
        threshold=THRESHOLD, training_probes=train_probes,
        n_training_probes=len(train_probes), n_training_sentences=len(data),
        training_hand_prevalence={f: round(float(data["hand_" + f].mean()), 6)
                                  for f in FRAMES},
        n_lexicon_features=int(lexf.shape[1]), n_tfidf_terms=len(vec.vocabulary_),
        model_sha256=model_hashes(vec, models), **provenance())
    OUT.mkdir(exist_ok=True)
    MODEL_FILE.write_text(json.dumps(frozen, indent=1) + "\n")
    return frozen


def check_frozen(vec, models) -> None:
    """Assert that the model is still the one written to frozen_model.json."""
    written = json.loads(MODEL_FILE.read_text())["model_sha256"]
    assert model_hashes(vec, models) == written, "the model changed after it was frozen"


def predict(vec, models: dict, data: pd.DataFrame) -> dict:
    """Stacked codes (P >= 0.5) per frame."""
    X = RUN.design("stack", vec, data["text"], features(data))
    return {f: (models[f].predict_proba(X)[:, 1] >= THRESHOLD).astype(int) for f in FRAMES}


# --------------------------------------------------------------------------- metrics
def confusion(y: np.ndarray, p: np.ndarray, clusters: np.ndarray, k: int) -> np.ndarray:
    """(k, 4) counts of tp, fp, fn, tn per cluster (clusters coded 0..k-1)."""
    cells = [(y == 1) & (p == 1), (y == 0) & (p == 1), (y == 1) & (p == 0),
             (y == 0) & (p == 0)]
    return np.stack([np.bincount(clusters, weights=c, minlength=k) for c in cells], axis=-1)


def kappa_f1(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cohen's kappa and F1 from counts (..., 4) of tp, fp, fn, tn; NaN where undefined."""
    tp, fp, fn, tn = np.moveaxis(counts, -1, 0)
    n = tp + fp + fn + tn
    with np.errstate(invalid="ignore", divide="ignore"):
        po = (tp + tn) / n
        pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / n ** 2
        kappa = np.where(pe < 1, (po - pe) / (1 - pe), np.nan)
        f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), np.nan)
    return kappa, f1


def cluster_counts(data: pd.DataFrame, codes: dict, clusters: np.ndarray) -> np.ndarray:
    """(k, instrument, frame, 4) confusion counts per cluster; instruments are
    (lexicon, stacked)."""
    k = int(clusters.max()) + 1
    return np.stack([np.stack([confusion(data["hand_" + f].to_numpy(), c[f], clusters, k)
                               for f in FRAMES], axis=1)
                     for c in (lexicon_codes(data), codes)], axis=1)


def lexicon_codes(data: pd.DataFrame) -> dict:
    """The lexicon's codes per frame."""
    return {f: data["lex_" + f].to_numpy() for f in FRAMES}


def score_rows(scope: str, data: pd.DataFrame, codes: dict, n_units: int) -> list:
    """Tidy rows for one scope: kappa, F1, errors per frame and macro-F1 for the lexicon
    and the stacked model; the stacked model's changes to the lexicon's codes."""
    n = len(data)
    base = dict(scope=scope, n_sentences=n, n_units=n_units)
    counts = cluster_counts(data, codes, np.zeros(n, dtype=int))[0]
    kappa, f1 = kappa_f1(counts)
    rows = []
    for i, name in enumerate(("lexicon", "stacked")):
        for j, f in enumerate(FRAMES):
            errors = int(counts[i, j, 1] + counts[i, j, 2])
            rows += [dict(base, instrument=name, frame=f, metric=m, value=v)
                     for m, v in (("kappa", kappa[i, j]), ("f1", f1[i, j]),
                                  ("errors", errors))]
        rows.append(dict(base, instrument=name, frame="macro", metric="f1",
                         value=float(np.mean(f1[i]))))
    lex = lexicon_codes(data)
    for f in FRAMES:
        y, p = data["hand_" + f].to_numpy(), codes[f]
        changed = p != lex[f]
        rows += [dict(base, instrument="stacked", frame=f, metric=m, value=int(v.sum()))
                 for m, v in (("changed_vs_lexicon", changed),
                              ("changed_0_to_1", changed & (p == 1)),
                              ("changed_1_to_0", changed & (p == 0)),
                              ("changes_agreeing_with_reference", changed & (p == y)))]
    return rows


def check_metrics(data: pd.DataFrame, codes: dict, rows: list) -> None:
    """Assert that the count-based kappa and F1 equal scikit-learn's on a pooled scope."""
    got = {(r["instrument"], r["frame"], r["metric"]): r["value"] for r in rows}
    for name, c in (("lexicon", lexicon_codes(data)), ("stacked", codes)):
        for f in FRAMES:
            y = data["hand_" + f].to_numpy()
            assert np.isclose(got[(name, f, "kappa")], cohen_kappa_score(y, c[f]))
            assert np.isclose(got[(name, f, "f1")], f1_score(y, c[f]))


def bootstrap(scope: str, data: pd.DataFrame, codes: dict, clusters: np.ndarray,
              unit: str) -> list:
    """Cluster bootstrap (N_BOOT resamples of whole clusters, default_rng(SEED)) of
    stacked minus lexicon: kappa per frame and macro-F1. Predictions are held fixed."""
    k = int(clusters.max()) + 1
    counts = cluster_counts(data, codes, clusters).reshape(k, -1)
    rng = np.random.default_rng(SEED)
    weights = np.stack([np.bincount(rng.integers(0, k, k), minlength=k)
                        for _ in range(N_BOOT)])
    kappa, f1 = kappa_f1((weights @ counts).reshape(N_BOOT, 2, len(FRAMES), 4))
    point_k, point_f1 = kappa_f1(counts.sum(axis=0).reshape(2, len(FRAMES), 4))
    diffs = [("kappa", f, kappa[:, 1, j] - kappa[:, 0, j], point_k[1, j] - point_k[0, j])
             for j, f in enumerate(FRAMES)]
    diffs.append(("macro_f1", "macro", f1[:, 1].mean(axis=1) - f1[:, 0].mean(axis=1),
                  point_f1[1].mean() - point_f1[0].mean()))
    rows = []
    for metric, f, d, point in diffs:
        lo, hi = np.percentile(d, [2.5, 97.5])
        rows.append(dict(scope=scope, frame=f, metric=metric, diff_stacked_minus_lexicon=point,
                         ci_low=lo, ci_high=hi, share_draws_above_0=float(np.mean(d > 0)),
                         share_draws_below_0=float(np.mean(d < 0)), n_boot=N_BOOT,
                         seed=SEED, resampled=unit, n_units=k, n_sentences=len(data)))
    return rows


def heldout_clusters(data: pd.DataFrame) -> tuple[np.ndarray, str]:
    """Bootstrap clusters of the pooled held-out sets: documents where every sentence of
    a set has one, else that set's paragraphs; coded 0..k-1 and described in words."""
    labels, kinds = [], []
    for s, part in data.groupby("unit", sort=False):
        by_doc = (part["document"] != "").all()
        kinds.append("documents" if by_doc else "paragraphs")
        labels.append(s + "|" + part["document" if by_doc else "paragraph"])
    kinds = sorted(set(kinds))
    codes = pd.factorize(pd.concat(labels).loc[data.index])[0]
    return codes, " and ".join(kinds) + " (pooled across the five sets)"


def n_documents(part: pd.DataFrame) -> int:
    """Number of documents (texts) of a probe or set; paragraphs if it has no documents."""
    col = "document" if (part["document"] != "").all() else "paragraph"
    return int(part[col].nunique())


def score_scope(scope: str, data: pd.DataFrame, codes: dict, clusters: np.ndarray,
                unit: str) -> tuple[list, list]:
    """Rows of a pooled scope, of each of its units on its own, and its bootstrap."""
    rows = score_rows(scope, data, codes, int(clusters.max()) + 1)
    check_metrics(data, codes, rows)
    for name, part in data.groupby("unit", sort=False):
        idx = part.index.to_numpy()
        rows += score_rows(name, part, {f: codes[f][idx] for f in FRAMES}, n_documents(part))
    return rows, bootstrap(scope, data, codes, clusters, unit)


# --------------------------------------------------------------------------- report
def show(results: pd.DataFrame, boots: pd.DataFrame) -> None:
    """Print the pooled scores, the per-unit ranges and the intervals (aggregates only)."""
    pooled = results[results.scope.isin([NEVER_READ, HELD_OUT])
                     & results.metric.isin(["kappa", "f1"])]
    print(pooled.pivot_table(index=["scope", "frame", "metric"], columns="instrument",
                             values="value", sort=False).round(3).to_string())
    changes = results[results.scope.isin([NEVER_READ, HELD_OUT])
                      & results.metric.str.startswith("change")]
    print(changes.pivot_table(index=["scope", "frame"], columns="metric", values="value",
                              sort=False).astype(int).to_string())
    units = results[~results.scope.isin([NEVER_READ, HELD_OUT])
                    & results.metric.isin(["kappa", "f1"])].copy()
    units["group"] = np.where(units.scope.str.startswith("probe"), "probes", "sets")
    print(units.groupby(["group", "frame", "metric", "instrument"], sort=False)
          .value.agg(["min", "median", "max"]).round(3).to_string())
    print(boots.drop(columns=["n_boot", "seed"]).round(4).to_string(index=False))


# --------------------------------------------------------------------------- main
def main() -> None:
    """Train and freeze on the development probes, then score once on the test data."""
    t0 = time.time()
    if not Path(discourse.__file__).resolve().is_relative_to(REPO):
        raise RuntimeError("the discourse package is not this repository's")
    registry = load_probes(CODING)
    train_probes, test_probes = split_probes(registry)
    check_split(train_probes, test_probes)
    lex = load_lexicon(str(LEXICON))

    data = load_probes_coded(train_probes, lex, registry)
    lexf = features(data)
    assert np.array_equal(lexf, RUN.lexicon_features(data.assign(probe=data["unit"]))
                          .to_numpy()), "features differ from run.py's"
    vec, models, best, scores = train(data, lexf)
    frozen = freeze(vec, models, best, scores, train_probes, data, lexf)
    print(f"trained on {len(train_probes)} probes, {len(data)} sentences; C {best}; "
          f"frozen to {MODEL_FILE.relative_to(REPO)} ({time.time() - t0:.0f}s)", flush=True)

    # ---- test data: loaded only now, scored once, reported only in aggregate
    check_split(train_probes, test_probes)
    check_frozen(vec, models)
    probes = load_probes_coded(test_probes, lex, registry)
    sets = load_heldout_sets(lex)
    check_frozen(vec, models)
    rows, boots = [], []
    for scope, test, (clusters, unit) in (
            (NEVER_READ, probes, (pd.factorize(probes["unit"])[0], "probes")),
            (HELD_OUT, sets, heldout_clusters(sets))):
        r, b = score_scope(scope, test, predict(vec, models, test), clusters, unit)
        rows += r
        boots += b
    results = pd.DataFrame(rows)[["scope", "instrument", "frame", "metric", "value",
                                  "n_sentences", "n_units"]]
    boots = pd.DataFrame(boots)
    results.to_csv(OUT / "frozen_results.csv", index=False)
    boots.to_csv(OUT / "frozen_bootstrap.csv", index=False)
    pd.set_option("display.width", 200)
    show(results, boots)
    print(f"test: {len(test_probes)} never-read probes ({len(probes)} sentences), "
          f"{sets['unit'].nunique()} held-out sets ({len(sets)} sentences); model "
          f"{frozen['git_head'][:7]}; done in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
