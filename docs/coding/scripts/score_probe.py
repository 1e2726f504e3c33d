"""Score the frame coder on a probe of 2026-12-06 (``docs/coding/probe6/`` to
``docs/coding/probe12/``) and its two hand coders against each other: per-frame Cohen's
kappa, F1, true and false positives and negatives (scikit-learn's ``cohen_kappa_score``
and ``f1_score``; macro-F1 the mean of the three F1). Prints figures only, no sentence.

    python docs/coding/scripts/score_probe.py probe6 [LEXICON.yaml]
"""
import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score, f1_score

from discourse import framing

F = ["security", "economy", "multilateralism"]
ROOT = Path(__file__).resolve().parents[1]


def read(probe, name):
    return pd.read_csv(ROOT / probe / name, dtype=str, keep_default_na=False)


def table(x, y):
    rows = []
    for f in F:
        a, b = x[f].astype(int), y[f].astype(int)
        rows.append({"frame": f, "kappa": cohen_kappa_score(a, b), "f1": f1_score(a, b),
                     "tp": int((a & b).sum()), "fp": int((~a.astype(bool) & b.astype(bool)).sum()),
                     "fn": int((a.astype(bool) & ~b.astype(bool)).sum())})
    out = pd.DataFrame(rows)
    return out, out.f1.mean()


def main(argv):
    probe = argv[0]
    texts = read(probe, "texts.csv")
    lex = framing.load_lexicon(argv[1] if len(argv) > 1 else None)
    rows = zip(texts.id, texts.text, texts.paragraph, texts.document, texts.date)
    got = pd.DataFrame([tuple(c)[:4] for c in framing.iter_codes(rows, lex)],
                       columns=["id", *F])
    ref, a, b = (read(probe, n) for n in ("reference.csv", "coder_a.csv", "coder_b.csv"))
    assert list(got.id) == list(ref.id) == list(a.id) == list(b.id) == list(texts.id)
    for name, (x, y) in {"coder A vs coder B": (a, b),
                         "frame coder vs the adjudicated reference": (ref, got)}.items():
        t, macro = table(x, y)
        print(f"{name} ({len(texts)} sentences):")
        print(t.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
        print(f"macro-F1 {macro:.3f}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
