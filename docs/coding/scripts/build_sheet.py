"""Build the blank coding sheet of a writer set: texts -> one row per sentence.

Prints nothing about frames; only splits paragraphs (blank lines) and sentences
(discourse.text.split_sentences) and assigns roles by position."""
import csv
import sys
from pathlib import Path

from discourse.text import split_sentences

wset = sys.argv[1]
folder = Path('/work/coding/newtexts') / wset
meta = list(csv.DictReader(open(folder / 'metadata.csv', encoding='utf-8')))
rows, docs = [], []
for m in sorted(meta, key=lambda r: r['file']):
    num = m['file'][:3]
    doc = f"{wset}-{num}"
    text = (folder / m['file']).read_text(encoding='utf-8')
    paras = [p.strip() for p in text.replace('\r\n', '\n').split('\n') if p.strip()]
    docs.append({'document': doc, 'set': wset, 'file': m['file'], 'genre': m['genre'],
                 'source_kind': m['source_kind'], 'year': m['year'], 'speaker': m['speaker'],
                 'title': paras[0]})
    asked = False
    for i, p in enumerate(paras, 1):
        if i == 1:
            role = 'title'
        elif m['genre'] == 'interview':
            if p.endswith('?'):
                role, asked = 'question', True
            else:
                role = 'answer' if asked else 'lead'
        else:
            role = 'speech'
        for j, s in enumerate(split_sentences(p), 1):
            rows.append({'sentence_id': f"{doc}.p{i:03d}.s{j:02d}", 'doc_id': doc,
                         'year': m['year'], 'paragraph': f"{doc}.p{i:03d}", 'role': role,
                         'text': s, 'security': '', 'economy': '', 'multilateralism': '',
                         'note': ''})
out = Path('/work/coding') / f'sheet_{wset}_blank.csv'
with open(out, 'w', encoding='utf-8', newline='') as fh:
    w = csv.DictWriter(fh, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
with open(Path('/work/coding') / f'documents_{wset}.csv', 'w', encoding='utf-8', newline='') as fh:
    w = csv.DictWriter(fh, fieldnames=list(docs[0]))
    w.writeheader()
    w.writerows(docs)
print(out, len(rows), 'sentences', len(docs), 'documents')
