"""Per-sentence features for a second-stage frame model on top of the lexicon coder.

Only development data is read: ``corpus/annotations/sco_style/frames_dev.csv`` (whole
SCO-style texts, writer sessions in ``set``). The sealed held-out files
(``sco_style/frames_heldout*.csv``) are never opened: this module names only the
development file.

Structured lexicon output is captured by wrapping :func:`discourse.framing.rules.analyse`
as the stream calls it (one call per row, in reading order), so the codes and evidence
are exactly those of :func:`discourse.framing.evaluation.code_set`; nothing is parsed
from the evidence string except the ``context:`` / ``not counted:`` parts the stream
adds after ``analyse`` (inherited frames), whose structure the stream defines.
"""

from __future__ import annotations

import re
import time

import numpy as np
import pandas as pd

from discourse import paths
from discourse.framing import stream as _stream
from discourse.framing.evaluation import code_set, load_set
from discourse.framing.lexicon import FRAMES, as_lexicon

DEV_FILE = "sco_style/frames_dev.csv"

#: The rule of a blocked match, from the ``why`` that rules.analyse writes after the span.
_RULES = [("inside name of an SCO body", "body"), ("inside name", "name"),
          ("inside neutral", "neutral"), ("in list of participants", "participants"),
          ("in list of size measures", "measures"), ("in list", "list"),
          ("source cited", "source"), ("backdrop", "backdrop"),
          ("description attached", "apposition"),
          ("principle cited in passing", "principle"), ("threat without", "threat"),
          ("place of an attack", "place"), ("size given as", "size"),
          ("a war of the past", "history"), ("X security without", "xsec"),
          ("money serving", "money"), ("inside", "inside_other")]
_NOTE = re.compile(r"^(security|economy|multilateralism) '(.*?)' (.*)$")


def _rule(why: str) -> str:
    for key, name in _RULES:
        if why.startswith(key):
            return name
    return "other"


def load_dev(corpus=None) -> pd.DataFrame:
    """The SCO-style development set with its metadata columns (set, genre, role)."""
    root = paths.corpus_dir(corpus)
    meta = pd.read_csv(root / "annotations" / DEV_FILE, dtype=str, keep_default_na=False)
    base = load_set(DEV_FILE, root)
    assert (base["id"].to_numpy() == meta["id"].to_numpy()).all()
    return base.assign(set=meta["set"], genre=meta["genre"], role=meta["role"])


def code_with_analysis(table: pd.DataFrame, lex=None):
    """Lexicon codes of ``table`` (:func:`code_set`) and the structured analyses.

    Returns (codes DataFrame, list of rules.Analysis in row order, seconds).
    """
    lex = as_lexicon(lex)
    captured = []
    orig = _stream.analyse

    def spy(*a, **k):
        got = orig(*a, **k)
        captured.append(got)
        return got

    _stream.analyse = spy
    try:
        t0 = time.perf_counter()
        codes = code_set(table, lex)
        secs = time.perf_counter() - t0
    finally:
        _stream.analyse = orig
    assert len(captured) == len(table)
    return codes, captured, secs


def lexicon_features(codes: pd.DataFrame, analyses) -> list[dict]:
    """Sparse features that the lexicon computes for each sentence on its own.

    * ``L_f``: the final code (with context); ``own_f``: the sentence's own code;
      ``inh_f``: frame added by context (paragraph reference, event, question/answer),
      ``inh_kind``: which kind of context.
    * ``n_f``: number of evidence items; ``hit_f=label``: which entries fired.
    * ``blk_f_rule``: a match of frame f blocked by a rule; ``blkent_f=span``: which.
    * ``refs``, ``eventref``, ``trig=kind``, ``money_only``, ``subst_f``.
    """
    out = []
    for (_, c), a in zip(codes.iterrows(), analyses):
        d = {}
        for i, f in enumerate(FRAMES):
            if c[f]:
                d[f"L_{f}"] = 1
            if a.frames[i]:
                d[f"own_{f}"] = 1
            if c[f] and not a.frames[i]:
                d[f"inh_{f}"] = 1
            if c[f] == 0 and a.frames[i]:
                d[f"drop_{f}"] = 1          # money serving security from context
            n = len(a.labels[i])
            if n:
                d[f"n_{f}"] = min(n, 3) / 3
            for lab in a.labels[i]:
                d[f"hit_{f}={lab.lower()}"] = 1
            if a.substantive[i]:
                d[f"subst_{f}"] = 1
        for note in a.notes:
            m = _NOTE.match(note)
            if not m:
                continue
            f, ent, why = m.groups()
            d[f"blk_{f}_{_rule(why)}"] = 1
            d[f"blkent_{f}={ent.lower()}"] = 1
        ev = c["evidence"] or ""
        for part in ev.split(" | "):
            if part.startswith("context:"):
                kind = ("event" if "from the event" in part else
                        "question" if "the statement this question follows" in part else
                        "answer" if "the question this answers" in part else "paragraph")
                d[f"inh_kind_{kind}"] = 1
        if a.refs:
            d["refs"] = 1
        if a.event_refs:
            d["eventref"] = 1
        for t in a.triggers:
            d[f"trig={t}"] = 1
        if a.money_only:
            d["money_only"] = 1
        out.append(d)
    return out


def context_features(table: pd.DataFrame, codes: pd.DataFrame) -> list[dict]:
    """Context from the lexicon's codes of other sentences and from the layout only.

    Every input is available to the shipped coder (paragraph, document, text): codes
    of the previous/next sentence of the paragraph and of the document, the union of
    the paragraph's other sentences, the document's title (first sentence) and its
    share of coded sentences (leave-self-out), position, question marks, length.
    The next sentence needs one sentence of look-ahead, the document shares the whole
    document (a buffer of one document).
    """
    L = codes[list(FRAMES)].to_numpy()
    docs = table["document"].to_numpy()
    paras = table["paragraph"].to_numpy()
    texts = table["text"].tolist()
    n = len(table)
    isq = np.array([t.rstrip().endswith("?") for t in texts])
    nwords = np.array([len(t.split()) for t in texts])
    out = [dict() for _ in range(n)]
    # document and paragraph blocks (rows are in reading order)
    doc_start = {}
    for i, d in enumerate(docs):
        doc_start.setdefault(d, i)
    doc_rows = pd.Series(range(n)).groupby(docs).apply(list).to_dict()
    para_rows = pd.Series(range(n)).groupby(paras).apply(list).to_dict()
    para_order = {}
    for d, rows in doc_rows.items():
        seen = []
        for i in rows:
            if paras[i] not in seen:
                seen.append(paras[i])
        for k, p in enumerate(seen):
            para_order[p] = (k, seen)
    for i in range(n):
        d = out[i]
        drows, prows = doc_rows[docs[i]], para_rows[paras[i]]
        jd, jp = i - drows[0], i - prows[0]          # rows are contiguous, in order
        for name, j in (("pp", prows[jp - 1] if jp > 0 else None),
                        ("np", prows[jp + 1] if jp + 1 < len(prows) else None),
                        ("pd", drows[jd - 1] if jd > 0 else None),
                        ("nd", drows[jd + 1] if jd + 1 < len(drows) else None)):
            if j is None:
                d[f"{name}_none"] = 1
                continue
            for k, f in enumerate(FRAMES):
                if L[j, k]:
                    d[f"{name}_{f}"] = 1
        others_p = [j for j in prows if j != i]
        others_d = [j for j in drows if j != i]
        for k, f in enumerate(FRAMES):
            if others_p and L[others_p, k].any():
                d[f"para_{f}"] = 1
            if others_d:
                d[f"doc_share_{f}"] = float(L[others_d, k].mean())
            t = drows[0]
            if t != i and L[t, k]:
                d[f"title_{f}"] = 1
        # previous paragraph's codes (a question paragraph before an answer)
        k_p, seen = para_order[paras[i]]
        if k_p > 0:
            prev_rows = para_rows[seen[k_p - 1]]
            for k, f in enumerate(FRAMES):
                if L[prev_rows, k].any():
                    d[f"prevpara_{f}"] = 1
            if isq[prev_rows[-1]]:
                d["prevpara_question"] = 1
        d["pos_doc"] = jd / max(1, len(drows) - 1)
        if jd == 0:
            d["first_in_doc"] = 1
        if jp == 0:
            d["first_in_para"] = 1
        d["para_len"] = min(len(prows), 10) / 10
        d["doc_len"] = min(len(drows), 60) / 60
        if isq[i]:
            d["question"] = 1
        d["short"] = 1 if nwords[i] < 8 else 0
        d["len"] = min(nwords[i], 60) / 60
    return out


def meta_features(table: pd.DataFrame, codes: pd.DataFrame) -> list[dict]:
    """Genre and role from the annotation metadata (NOT available to the shipped coder
    on new text), and their interaction with the lexicon codes."""
    out = []
    for (_, r), (_, c) in zip(table.iterrows(), codes.iterrows()):
        d = {f"genre={r.genre}": 1, f"role={r.role}": 1}
        for f in FRAMES:
            if c[f]:
                d[f"L_{f}|genre={r.genre}"] = 1
                d[f"L_{f}|role={r.role}"] = 1
        out.append(d)
    return out
