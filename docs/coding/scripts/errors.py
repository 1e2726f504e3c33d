"""List the coder's errors on DEVELOPMENT writer sets only (never w18, w19)."""
import sys
from pathlib import Path

from discourse import framing

F = ["security", "economy", "multilateralism"]
work = Path("/work/coding")
sys.path.insert(0, str(work / "scripts"))
lex = framing.load_lexicon(sys.argv[1])
frame = sys.argv[2]
sets = sys.argv[3:]
assert not set(sets) & {"w18", "w19"}, "held-out sets are never read"
from score import reference  # noqa: E402  (score.py runs its main only with argv; see guard)

for wset in sets:
    ref = reference(wset)
    rows = [(r.sentence_id, r.text, r.paragraph, r.doc_id, r.year) for r in ref.itertuples()]
    got = list(framing.iter_codes(rows, lex))
    fi = F.index(frame) + 1
    byp = ref.groupby("paragraph").text.apply(lambda t: " ".join(t))
    for r, g in zip(ref.itertuples(), got):
        y, p = getattr(r, frame), int(g[fi])
        if y != p:
            kind = "FN" if y else "FP"
            print(f"--- {kind} {r.sentence_id} ({'; '.join(f'{f[:3]}={getattr(r, f)}' for f in F)})")
            print("   ", r.text)
            print("    ev:", g[4][:300])
