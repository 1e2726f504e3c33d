"""Score a coder (the discourse package on PYTHONPATH, lexicon given) on writer sets read
from /work/coding: reference = agreed codes + adjudicated decisions. Prints per-frame
precision, recall, F1, kappa and macro-F1 only (no sentence).

    python score.py LEXICON.yaml OUT.json w16 w17 ...
"""
import json
import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score, f1_score, precision_score, recall_score

from discourse import framing

F = ["security", "economy", "multilateralism"]
work = Path("/work/coding")


def read(p):
    return pd.read_csv(p, dtype=str, keep_default_na=False)


def reference(wset):
    sheet = read(work / f"sheet_{wset}_blank.csv")
    coders = sorted(p.parent.name for p in work.glob(f"c*/frames_{wset}_c*.csv"))
    A, B = (read(work / c / f"frames_{wset}_{c}.csv") for c in coders)
    adj = read(work / f"adjudication_{wset}" / f"adjudication_{wset}.csv")
    decided = {(s, f): d for s, f, d in zip(adj.sentence_id, adj.frame, adj.decision)}
    ref = sheet[["sentence_id", "doc_id", "year", "paragraph", "text"]].copy()
    for f in F:
        ref[f] = [int(A[f][i] if A[f][i] == B[f][i] else decided[(sheet.sentence_id[i], f)])
                  for i in range(len(sheet))]
    return ref


def score(ref, got):
    res = {}
    for f in F:
        y, p = ref[f].astype(int), got[f].astype(int)
        res[f] = dict(p=precision_score(y, p), r=recall_score(y, p), f1=f1_score(y, p),
                      kappa=cohen_kappa_score(y, p), n1=int(y.sum()), pred1=int(p.sum()))
    res["macro_f1"] = sum(res[f]["f1"] for f in F) / 3
    res["n"] = len(ref)
    return res


def show(name, res):
    print(name, "n", res["n"], "macro-F1 %.3f" % res["macro_f1"], " | ".join(
        f"{f[:4]} P {res[f]['p']:.2f} R {res[f]['r']:.2f} F1 {res[f]['f1']:.3f} k {res[f]['kappa']:.3f}"
        for f in F))


def main():
    lex = framing.load_lexicon(sys.argv[1])
    out = {}
    pairs = {"dev5 (w16+w17)": ("w16", "w17"), "held5 (w18+w19)": ("w18", "w19")}
    both = {}
    for wset in sys.argv[3:]:
        ref = reference(wset)
        rows = [(r.sentence_id, r.text, r.paragraph, r.doc_id, r.year) for r in ref.itertuples()]
        got = pd.DataFrame([c[:4] for c in framing.iter_codes(rows, lex)],
                           columns=["sentence_id", *F])
        assert got.sentence_id.tolist() == ref.sentence_id.tolist()
        out[wset] = score(ref, got)
        both[wset] = (ref, got)
        show(wset, out[wset])
    for name, members in pairs.items():
        if all(m in both for m in members):
            out[name] = score(pd.concat([both[m][0] for m in members], ignore_index=True),
                              pd.concat([both[m][1] for m in members], ignore_index=True))
            show(name, out[name])
    json.dump(out, open(sys.argv[2], "w"), indent=1)


if __name__ == "__main__":
    main()
