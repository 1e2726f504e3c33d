"""Merge two coders' sheets of one set: agreement per frame, and the disagreements file
(sentence_id, frame, both codes, both notes, text) for the adjudicator."""
import sys

import pandas as pd
from sklearn.metrics import cohen_kappa_score
wset, a, b = sys.argv[1:4]
F = ['security', 'economy', 'multilateralism']
sheet = pd.read_csv(f'/work/coding/sheet_{wset}_blank.csv', dtype=str, keep_default_na=False)
A = pd.read_csv(f'/work/coding/{a}/frames_{wset}_{a}.csv', dtype=str, keep_default_na=False)
B = pd.read_csv(f'/work/coding/{b}/frames_{wset}_{b}.csv', dtype=str, keep_default_na=False)
for X, name in ((A, a), (B, b)):
    assert X.sentence_id.tolist() == sheet.sentence_id.tolist(), name
    assert X.text.tolist() == sheet.text.tolist(), name
    for f in F:
        assert set(X[f]) <= {'0', '1'}, (name, f, set(X[f]))
rows = []
for f in F:
    x, y = A[f].astype(int), B[f].astype(int)
    print(f, 'agree', round((x == y).mean(), 3), 'kappa', round(cohen_kappa_score(x, y), 3),
          'n1', int(x.sum()), int(y.sum()))
    for i in sheet.index[x != y]:
        rows.append({'sentence_id': sheet.sentence_id[i], 'set': wset, 'frame': f,
                     'coders': f'{a},{b}', 'coder_1': x[i], 'coder_2': y[i],
                     'note_1': A.note[i], 'note_2': B.note[i], 'text': sheet.text[i]})
out = pd.DataFrame(rows).sort_values(['sentence_id', 'frame'])
out.to_csv(f'/work/coding/disagreements_{wset}_{a}{b}.csv', index=False)
print(len(out), 'disagreements ->', f'/work/coding/disagreements_{wset}_{a}{b}.csv')
