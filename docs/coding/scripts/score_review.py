"""Score the frame coder on a review's invented passages (``docs/coding/review24/``): how
many of the hand codes of each frame it gives. Prints figures only, no passage.

    python docs/coding/scripts/score_review.py review24 [LEXICON.yaml]

Each passage is coded as one paragraph of a document of 2023: its context sentences
(split as the corpus is) and then the coded sentence, which is the one scored.
"""
import sys
from pathlib import Path

import pandas as pd

from discourse import framing
from discourse.framing.lexicon import as_lexicon
from discourse.segmentation import split_sentences

F = ["security", "economy", "multilateralism"]
ROOT = Path(__file__).resolve().parents[1]


def coded(review, lex):
    """The review's passages and the coder's codes of their last sentences, in order."""
    table = pd.read_csv(ROOT / review / "passages.csv", dtype=str, keep_default_na=False)
    got = []
    for r in table.itertuples():
        sentences = (split_sentences(r.context) if r.context.strip() else []) + [r.sentence]
        rows = [(f"{r.id}.{i}", t, 0, r.id, "2023") for i, t in enumerate(sentences)]
        last = list(framing.iter_codes(rows, lex))[-1]
        got.append([getattr(last, f) for f in F])
    return table, pd.DataFrame(got, columns=F)


def main(argv, lexicon=None):
    """``score_review.py REVIEW [LEXICON]``; ``lexicon``, a loaded lexicon, is used when
    the arguments name none."""
    lex = as_lexicon(argv[1] if len(argv) > 1 else lexicon)
    table, got = coded(argv[0], lex)
    agree = {f: int((table[f].astype(int) == got[f]).sum()) for f in F}
    print(f"{argv[0]}: the coder gives the hand code on "
          + ", ".join(f"{agree[f]} ({f})" for f in F) + f" of {len(table)} passages")


if __name__ == "__main__":
    main(sys.argv[1:])
