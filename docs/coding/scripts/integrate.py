"""Merge a coded writer set into corpus/annotations/sco_style/: the reference codes (the
codes both coders gave, the adjudicated decision where they disagreed), both coders'
codes, the adjudication, and the set's documents (appended to documents.csv).

    python integrate.py SET CODER_1 CODER_2 STEM

STEM is ``frames_dev`` (w6, w7, w10, w11, w16, w17: appended to the development files),
``frames_heldout2`` (w8, w9), ``frames_heldout3`` (w12, w13), ``frames_heldout4`` (w14,
w15) or ``frames_heldout5`` (w18, w19): a held-out set, created by its first writer set. No code is computed here: only
merged. It prints row counts only (the developer read no held-out sentence).
"""
import sys
from pathlib import Path

import pandas as pd

wset, a, b, stem = sys.argv[1:5]
F = ["security", "economy", "multilateralism"]
root = Path("/work/main/corpus/annotations/sco_style")
work = Path("/work/coding")


def read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


sheet = read(work / f"sheet_{wset}_blank.csv")
docs = read(work / f"documents_{wset}.csv")
A, B = (read(work / c / f"frames_{wset}_{c}.csv") for c in (a, b))
for X in (A, B):
    assert X.sentence_id.tolist() == sheet.sentence_id.tolist()
    assert X.text.tolist() == sheet.text.tolist()
    assert all(set(X[f]) <= {"0", "1"} for f in F)
dis = read(work / f"disagreements_{wset}_{a}{b}.csv")
adj_path = work / f"adjudication_{wset}" / f"adjudication_{wset}.csv"
if adj_path.is_file():
    adj = read(adj_path)
else:                                  # the coders agreed on every code
    adj = dis.iloc[:0].assign(decision="", rule="", why="")
assert list(zip(adj.sentence_id, adj.frame)) == list(zip(dis.sentence_id, dis.frame))
assert set(adj.decision) <= {"0", "1"}
ref = pd.DataFrame({"id": sheet.sentence_id, "document": sheet.doc_id, "date": sheet.year,
                    "paragraph": sheet.paragraph, "set": wset,
                    "genre": sheet.doc_id.map(dict(zip(docs.document, docs.genre))),
                    "role": sheet.role, "text": sheet.text})
decided = {(s, f): d for s, f, d in zip(adj.sentence_id, adj.frame, adj.decision)}
for f in F:
    ref[f] = [A[f][i] if A[f][i] == B[f][i] else decided[(sheet.sentence_id[i], f)]
              for i in range(len(sheet))]
coders = pd.concat([X.assign(coder=c).rename(columns={"sentence_id": "id"})[
    ["id", "coder", *F, "note"]] for X, c in ((A, a), (B, b))], ignore_index=True)
adj = adj[["sentence_id", "set", "frame", "coders", "coder_1", "coder_2", "decision", "rule",
           "why"]]
for name, new in ((f"{stem}.csv", ref), (f"{stem}_coders.csv", coders),
                  (f"{stem}_adjudication.csv", adj), ("documents.csv", docs)):
    path = root / name
    if path.is_file():
        old = read(path)
        assert list(old.columns) == list(new.columns), name
        if name != f"{stem}_coders.csv":       # one row per id (the coders file: two)
            assert not old.iloc[:, 0].isin(set(new.iloc[:, 0])).any(), name
        new = pd.concat([old, new], ignore_index=True)
    new.to_csv(path, index=False, lineterminator="\n")
    print(name, len(new))
