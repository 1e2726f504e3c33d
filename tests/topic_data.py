"""Small hand-built inputs shared by the topic tests (no text analysis involved)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from discourse import topics


def dtm_from(counts, terms, years=None) -> topics.DocumentTermMatrix:
    """A DocumentTermMatrix built by hand (no text analysis involved)."""
    X = sparse.csr_matrix(np.asarray(counts, dtype=np.int64))
    n = X.shape[0]
    years = list(years) if years is not None else [2001] * n
    u = pd.DataFrame({"unit_id": [f"d.p{i + 1:03d}" for i in range(n)], "doc_id": "d",
                      "year": years, "unit": "paragraphs", "position": range(1, n + 1),
                      "role": "speech", "first_paragraph": range(1, n + 1),
                      "last_paragraph": range(1, n + 1), "n_sentences": 1,
                      "text": [f"unit {i}" for i in range(n)]})
    return topics.DocumentTermMatrix(units=u, terms=np.array(terms), counts=X,
                                     tfidf=TfidfTransformer().fit_transform(X).tocsr(),
                                     n_dropped=0, options={})


def block_dtm(n_blocks=3, per_block=4, units_per_block=10, seed=0):
    """Units that each use the terms of exactly one block (disjoint vocabularies)."""
    rng = np.random.default_rng(seed)
    terms = [f"b{b}t{t}" for b in range(n_blocks) for t in range(per_block)]
    rows = []
    for b in range(n_blocks):
        for _ in range(units_per_block):
            row = np.zeros(len(terms), dtype=int)
            row[b * per_block:(b + 1) * per_block] = rng.integers(1, 5, size=per_block)
            rows.append(row)
    blocks = [set(terms[b * per_block:(b + 1) * per_block]) for b in range(n_blocks)]
    return dtm_from(rows, terms), blocks


def sentences(paragraph_roles, texts=None, year=2001, doc="d"):
    rows = []
    for p, role in enumerate(paragraph_roles, start=1):
        sents = (texts or {}).get(p, [f"s{p}a", f"s{p}b"])
        for s, text in enumerate(sents, start=1):
            rows.append((f"{doc}.p{p:03d}.s{s:02d}", doc, year, p, s, role, text))
    return pd.DataFrame(rows, columns=["sentence_id", "doc_id", "year", "paragraph",
                                       "sentence", "role", "text"])


# ---------------------------------------------------------------------------------
# units
# ---------------------------------------------------------------------------------

ROLES7 = ["title", "lead", "question", "answer", "answer", "question", "answer"]


def unit_topics():
    # year 2001: topic-1 weights 0.1 0.2 0.3 0.4 (mean 0.25); year 2003: 0.5 0.6 0.7 (0.6)
    w1 = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    years = [2001] * 4 + [2003] * 3
    rows = []
    for i, (w, y) in enumerate(zip(w1, years)):
        rows += [(f"u{i}", "d", y, 1, w), (f"u{i}", "d", y, 2, 1 - w)]
    return pd.DataFrame(rows, columns=["unit_id", "doc_id", "year", "topic", "weight"])


def topic_terms(topic_terms: dict[int, list[str]]) -> pd.DataFrame:
    return pd.DataFrame([(t, r, w, 0.1) for t, ws in topic_terms.items()
                         for r, w in enumerate(ws, start=1)],
                        columns=["topic", "rank", "term", "weight"])
