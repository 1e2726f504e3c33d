# Lay /tmp/bigprose/paras.tsv (from extract.py) out as corpus directories of nested sizes.
# Documents: consecutive paragraphs of one source, >= 3000 words each; the document list is
# shuffled (seed 2031) so every prefix mixes sources; year = 2031 + index % 5.
# Sizes are prefixes of the same document list: prose-1M, prose-2.5M, prose-5M, prose-10M (or prose-all).
import csv, hashlib, os, random, sys
from pathlib import Path

FIELDS = ("doc_id", "file", "title", "speaker", "date", "year", "genre", "venue",
          "publisher", "language", "sha256", "notes")
ROOT = Path("/tmp/bigprose")
SIZES = [float(x) for x in (sys.argv[1:] or ["1", "2.5", "5", "10"])]

docs, cur, curw, cursrc = [], [], 0, None
for line in open(ROOT / "paras.tsv", encoding="utf-8"):
    src, p = line.rstrip("\n").split("\t", 1)
    if src != cursrc or curw >= 3000:
        if cur:
            docs.append((cursrc, cur, curw))
        cur, curw, cursrc = [], 0, src
    cur.append(p)
    curw += len(p.split())
if cur:
    docs.append((cursrc, cur, curw))
docs = [d for d in docs if d[2] >= 500]          # drop short tails of small sources
random.Random(2031).shuffle(docs)

master = ROOT / "all-texts"
master.mkdir(exist_ok=True)
rows, cum = [], []
total = 0
for i, (src, paras, w) in enumerate(docs):
    k = i + 1
    year = 2031 + i % 5
    text = f"Document {k}\n\n" + "\n\n".join(paras) + "\n"
    data = text.encode("utf-8")
    name = f"texts/doc{k:06d}.txt"
    (master / f"doc{k:06d}.txt").write_bytes(data)
    rows.append({"doc_id": f"doc{k:06d}", "file": name, "title": f"Document {k}", "speaker": src,
                 "date": f"{year}-{i % 12 + 1:02d}-01", "year": str(year), "genre": "speech", "venue": "",
                 "publisher": src, "language": "en", "sha256": hashlib.sha256(data).hexdigest(), "notes": ""})
    total += len(text.split())
    cum.append(total)
print("documents", len(docs), "words", total)

for size in SIZES:
    target = size * 1e6
    n = next((i + 1 for i, c in enumerate(cum) if c >= target), None)
    label = f"{size:g}M"
    if n is None:
        n, label = len(docs), "all"
    dest = ROOT / f"prose-{label}"
    (dest / "texts").mkdir(parents=True, exist_ok=True)
    for r in rows[:n]:
        t = dest / r["file"]
        if not t.exists():
            os.link(master / Path(r["file"]).name, t)
    with open(dest / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows[:n])
    print(dest, "documents", n, "words", cum[n - 1])
