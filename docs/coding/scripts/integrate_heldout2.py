"""Write a coded writer set into corpus/annotations/sco_style/frames_heldout2*.csv (a second
held-out set): reference codes (agreed, adjudicated where the coders disagreed), both
coders' codes, the adjudication, and the documents (appended to documents.csv). No code is
computed here: only merged. Prints counts only (the developer does not read the set)."""
import sys, pandas as pd
from pathlib import Path
wset, a, b = sys.argv[1:4]
F = ['security', 'economy', 'multilateralism']
root = Path('/work/main/corpus/annotations/sco_style')
sheet = pd.read_csv(f'/work/coding/sheet_{wset}_blank.csv', dtype=str, keep_default_na=False)
docs = pd.read_csv(f'/work/coding/documents_{wset}.csv', dtype=str, keep_default_na=False)
A = pd.read_csv(f'/work/coding/{a}/frames_{wset}_{a}.csv', dtype=str, keep_default_na=False)
B = pd.read_csv(f'/work/coding/{b}/frames_{wset}_{b}.csv', dtype=str, keep_default_na=False)
for X in (A, B):
    assert X.sentence_id.tolist() == sheet.sentence_id.tolist() and X.text.tolist() == sheet.text.tolist()
    for f in F:
        assert set(X[f]) <= {'0', '1'}
adj_path = Path(f'/work/coding/adjudication_{wset}/adjudication_{wset}.csv')
adj = pd.read_csv(adj_path, dtype=str, keep_default_na=False) if adj_path.is_file() else \
    pd.DataFrame(columns=['sentence_id', 'set', 'frame', 'coders', 'coder_1', 'coder_2', 'decision', 'rule', 'why'])
dis = pd.read_csv(f'/work/coding/disagreements_{wset}_{a}{b}.csv', dtype=str, keep_default_na=False)
assert list(zip(adj.sentence_id, adj.frame)) == list(zip(dis.sentence_id, dis.frame))
assert set(adj.decision) <= {'0', '1'}
genre = dict(zip(docs.document, docs.genre))
ref = pd.DataFrame({'id': sheet.sentence_id, 'document': sheet.doc_id, 'date': sheet.year,
                    'paragraph': sheet.paragraph, 'set': wset,
                    'genre': sheet.doc_id.map(genre), 'role': sheet.role, 'text': sheet.text})
decided = {(s, f): d for s, f, d in zip(adj.sentence_id, adj.frame, adj.decision)}
for f in F:
    ref[f] = [A[f][i] if A[f][i] == B[f][i] else decided[(sheet.sentence_id[i], f)]
              for i in range(len(sheet))]
coders = pd.concat([X.assign(coder=c).rename(columns={'sentence_id': 'id'})[
    ['id', 'coder', *F, 'note']] for X, c in ((A, a), (B, b))], ignore_index=True)
adj_out = adj[['sentence_id', 'set', 'frame', 'coders', 'coder_1', 'coder_2', 'decision', 'rule', 'why']]
for name, new in (('frames_heldout2.csv', ref), ('frames_heldout2_coders.csv', coders),
                  ('frames_heldout2_adjudication.csv', adj_out), ('documents.csv', docs)):
    p = root / name
    if p.is_file():
        old = pd.read_csv(p, dtype=str, keep_default_na=False)
        assert list(old.columns) == list(new.columns), name
        out = pd.concat([old, new], ignore_index=True)
    else:
        out = new
    out.to_csv(p, index=False, lineterminator='\n')
    print(name, len(out))
