"""The explorer's tables: result tables read back and shaped for the three views.

One step: from the results folder (and the corpus's hand coding) to the small tidy
tables the views draw. Every function takes a table and returns a new one; nothing
here draws or writes.

* :func:`read_result` reads one registered result table, or returns ``None`` when the
  file is missing (the view then says it has no data); a table that exists but lacks
  a column raises ``ValueError`` naming the file and the column.
* :func:`keyness_points`: the keyness table with the two x axes of the scatter:
  frequency (target + reference count) and *range*, the share of paragraphs that
  contain the term, over every document (Gries 2008 lists range as the simplest
  dispersion measure; the per-document DP is kept for the hover).
* :func:`key_terms` (:func:`discourse.keywords.key_terms`, re-exported) and
  :func:`kwic_lines`: the terms of figure ``02-keyness`` (the ``n`` largest and smallest
  by signed G2) and their keyword-in-context lines, from
  :func:`discourse.concordance.kwic`.
* :func:`coded_sentences`: sentences with their frame codes, the lexicon entries that
  matched marked in the text (:mod:`discourse.explorer.evidence`), and the agreement
  with the hand coding when the corpus has one.
* :func:`topic_terms` and :func:`topic_passages`: top terms and representative
  passages per topic, with the researcher's labels when present.

References
----------
Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora. *International
Journal of Corpus Linguistics* 13(4), 403-437.
Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus
Approaches to Social Science (CASS), Lancaster University.
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

from discourse import results as registry
from discourse.checks import check_positive_int
from discourse.explorer.evidence import context_references, evidence_entries, highlight
from discourse.framing.lexicon import FRAMES
from discourse.keywords import key_terms

__all__ = [
    "COLUMNS",
    "AGREES",
    "DIFFERS",
    "NOT_HAND_CODED",
    "read_result",
    "keyness_points",
    "key_terms",
    "kwic_lines",
    "coded_sentences",
    "topic_terms",
    "topic_passages",
]

#: Columns each table the explorer reads must have.
COLUMNS = {
    registry.KEYWORDS_KEYNESS.name: ("term", "count_target", "count_reference",
                                     "per10k_target", "per10k_reference", "g2",
                                     "p_adjusted", "log_ratio", "target", "reference"),
    registry.SENTENCES.name: ("sentence_id", "doc_id", "year", "role", "text"),
    registry.FRAMING_CODES.name: ("sentence_id", *FRAMES, "evidence"),
    registry.TOPICS_TERMS.name: ("topic", "rank", "term", "weight"),
    registry.TOPICS_LABELS_CHECK.name: ("topic", "label", "status"),
    registry.TOPICS_STABILITY.name: ("topic", "stability", "stability_resample", "citable",
                                     "min_stability", "min_resample_stability"),
    registry.TOPICS_PASSAGES.name: ("topic", "rank", "unit_id", "doc_id", "year", "role",
                                    "weight", "text"),
}
_TEXT = {"sentence_id": str, "doc_id": str, "date": str, "unit_id": str, "term": str, "role": str,
         "text": str, "evidence": str, "label": str, "status": str, "target": str,
         "reference": str}

#: Agreement of a sentence's lexicon codes with its hand codes.
AGREES, DIFFERS, NOT_HAND_CODED = "agrees", "differs", "not hand-coded"


def read_result(output: registry.Output, results: str | os.PathLike | None = None
                ) -> pd.DataFrame | None:
    """Read one result table for the explorer, or ``None`` if the file is missing.

    Parameters
    ----------
    output : discourse.results.Output
        A registered table with an entry in :data:`COLUMNS`.
    results : path-like, optional
        The results directory (default: :func:`discourse.paths.results_dir`).

    Returns
    -------
    pandas.DataFrame or None
        The table as written (see :func:`discourse.io.read_table`).

    Raises
    ------
    ValueError
        Naming the file and the columns it lacks.
    """
    from discourse.io import read_table

    path = output.path(results)
    if not path.is_file():
        return None
    table = read_table(path, dtype=_TEXT)
    missing = [c for c in COLUMNS[output.name] if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    return table


def keyness_points(keyness: pd.DataFrame) -> pd.DataFrame:
    """The keyness table with the scatter's axes: frequency and range.

    Parameters
    ----------
    keyness : pandas.DataFrame
        A ``keyness`` table, with the dispersion columns of
        :func:`discourse.dispersion.keyness_dispersion` if available
        (``paragraphs_D``, ``paragraphs_total_D`` and ``dp_D`` per document ``D``).

    Returns
    -------
    pandas.DataFrame
        ``keyness points``: ``term, log_ratio, frequency, range, dp, count_target,
        count_reference, per10k_target, per10k_reference, g2, p_adjusted, direction``
        in the input's order. ``frequency`` is ``count_target + count_reference``;
        ``range`` the share (0-1) of paragraphs, over every document, that contain the
        term (NaN without dispersion columns); ``dp`` the per-document DP as text
        (``doc: value``, empty documents left out); ``direction`` ``"target"`` for
        Log Ratio > 0, else ``"reference"``.

    Examples
    --------
    >>> k = pd.DataFrame({"term": ["a"], "count_target": [3], "count_reference": [1],
    ...     "per10k_target": [30.0], "per10k_reference": [10.0], "g2": [1.2],
    ...     "p_adjusted": [0.3], "log_ratio": [1.58], "paragraphs_d1": [2],
    ...     "paragraphs_total_d1": [4], "dp_d1": [0.25], "paragraphs_d2": [1],
    ...     "paragraphs_total_d2": [6], "dp_d2": [0.6]})
    >>> keyness_points(k)[["term", "frequency", "range", "dp"]].values.tolist()
    [['a', 4, 0.3, 'd1: 0.25; d2: 0.6']]
    """
    docs = [c[len("paragraphs_total_"):] for c in keyness.columns
            if c.startswith("paragraphs_total_")]
    out = keyness[["term", "log_ratio", "count_target", "count_reference", "per10k_target",
                   "per10k_reference", "g2", "p_adjusted"]].copy()
    out["frequency"] = (keyness["count_target"] + keyness["count_reference"]).astype(int)
    if docs:
        hits = sum(keyness[f"paragraphs_{d}"].astype(float) for d in docs)
        total = sum(keyness[f"paragraphs_total_{d}"].astype(float) for d in docs)
        out["range"] = (hits / total.where(total > 0)).round(6)
        dp = [pd.to_numeric(keyness.get(f"dp_{d}", pd.Series(np.nan, keyness.index)),
                            errors="coerce") for d in docs]
        out["dp"] = ["; ".join(f"{d}: {v:.3g}" for d, v in zip(docs, vals) if v == v)
                     for vals in zip(*dp)]
    else:
        out["range"] = np.nan
        out["dp"] = ""
    out["direction"] = np.where(out["log_ratio"] > 0, "target", "reference")
    return out[["term", "log_ratio", "frequency", "range", "dp", "count_target",
                "count_reference", "per10k_target", "per10k_reference", "g2",
                "p_adjusted", "direction"]].reset_index(drop=True)


def kwic_lines(sentences: pd.DataFrame, terms, *, lines: int = 40, window: int = 8,
               lexicons=None) -> pd.DataFrame:
    """Keyword-in-context lines of each term, at most ``lines`` per term.

    Parameters
    ----------
    sentences : pandas.DataFrame
        A ``sentences`` table.
    terms : iterable of str
        Terms as in the keyness table (words or phrases).
    lines : int
        Lines kept per term: the first ones in corpus order (default 40).
    window : int
        Tokens of context on each side (see :func:`discourse.concordance.kwic`).
    lexicons : discourse.lexicons.Lexicons, optional
        Default: read the project's lists once.

    Returns
    -------
    pandas.DataFrame
        ``kwic lines``: ``term, n, total, sentence_id, doc_id, year, left, match,
        right``, by term in the order given then corpus order; ``n`` numbers the lines
        of a term from 1 and ``total`` counts all its occurrences.
    """
    from discourse.concordance import kwic
    from discourse.lexicons import load_lexicons

    check_positive_int("lines", lines)
    lexicons = load_lexicons() if lexicons is None else lexicons
    parts = []
    for term in dict.fromkeys(terms):
        found = kwic(sentences, term, window=window, lexicons=lexicons)
        part = found.head(lines).copy()
        part.insert(0, "term", term)
        part.insert(1, "n", np.arange(1, len(part) + 1))
        part.insert(2, "total", len(found))
        parts.append(part)
    columns = ["term", "n", "total", "sentence_id", "doc_id", "year", "left", "match",
               "right"]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]


def _frames_label(row, prefix: str = "") -> str:
    on = [f for f in FRAMES if row[prefix + f] == 1]
    return ", ".join(on) if on else "none"


def coded_sentences(sentences: pd.DataFrame, codes: pd.DataFrame,
                    hand: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sentences with their frame codes, highlighted evidence and hand codes.

    Parameters
    ----------
    sentences : pandas.DataFrame
        A ``sentences`` table.
    codes : pandas.DataFrame
        A ``frame codes`` table (``sentence_id``, one 0/1 column per frame,
        ``evidence``).
    hand : pandas.DataFrame, optional
        Hand codes (``sentence_id`` and one 0/1 column per frame, optionally
        ``note``), e.g. :func:`discourse.framing.load_validation`; ``None`` when the
        corpus has no hand coding.

    Returns
    -------
    pandas.DataFrame
        ``coded sentences``: ``sentence_id, doc_id, year, role, text, html`` (the
        text with matched entries and context references marked, see
        :func:`highlight`), ``evidence, note``, the lexicon's codes (one column per
        frame) and ``frames`` (their names, or ``"none"``), the hand codes
        ``hand_FRAME`` (-1 where not hand-coded) and ``hand``, then ``agreement`` over
        all frames and ``agreement_FRAME`` per frame (:data:`AGREES`, :data:`DIFFERS`
        or :data:`NOT_HAND_CODED`); one row per sentence in the order of ``sentences``.

    Raises
    ------
    ValueError
        If ``codes`` or ``hand`` hold a sentence id twice.
    """
    codes = codes[["sentence_id", *FRAMES, "evidence"]]
    if codes["sentence_id"].duplicated().any():
        raise ValueError("frame codes hold a sentence_id twice")
    out = sentences[["sentence_id", "doc_id", "year", "role", "text"]].merge(
        codes, on="sentence_id", how="left", validate="one_to_one")
    out[list(FRAMES)] = out[list(FRAMES)].fillna(0).astype(int)
    out["evidence"] = out["evidence"].fillna("").astype(str)
    out["html"] = [highlight(t, {**evidence_entries(e), "context": context_references(e)})
                   for t, e in zip(out["text"].astype(str), out["evidence"])]
    out["frames"] = out.apply(_frames_label, axis=1) if len(out) else ""
    hand_cols = [f"hand_{f}" for f in FRAMES]
    if hand is not None and len(hand):
        if hand["sentence_id"].duplicated().any():
            raise ValueError("hand codes hold a sentence_id twice")
        h = hand[["sentence_id", *FRAMES]].rename(columns=dict(zip(FRAMES, hand_cols)))
        if "note" in hand:
            h["note"] = hand["note"].astype(str)
        out = out.merge(h, on="sentence_id", how="left")
    for c in hand_cols:
        out[c] = out[c].fillna(-1).astype(int) if c in out else -1
    out["note"] = out["note"].fillna("").astype(str) if "note" in out else ""
    coded = out["hand_security"] >= 0
    out["hand"] = np.where(coded, out.apply(_frames_label, axis=1, prefix="hand_")
                           if len(out) else "", "")
    same = pd.Series(True, index=out.index)
    for f in FRAMES:
        equal = out[f] == out[f"hand_{f}"]
        same &= equal
        out[f"agreement_{f}"] = np.where(coded, np.where(equal, AGREES, DIFFERS),
                                         NOT_HAND_CODED)
    out["agreement"] = np.where(coded, np.where(same, AGREES, DIFFERS), NOT_HAND_CODED)
    return out[["sentence_id", "doc_id", "year", "role", "text", "html", "evidence",
                "note", *FRAMES, "frames", *hand_cols, "hand", "agreement",
                *[f"agreement_{f}" for f in FRAMES]]].reset_index(drop=True)


def topic_terms(terms: pd.DataFrame, labels: pd.DataFrame | None = None,
                stability: pd.DataFrame | None = None) -> pd.DataFrame:
    """Top terms per topic with the researcher's label, if any, and its stability.

    Parameters
    ----------
    terms : pandas.DataFrame
        ``topics-terms`` (``topic, rank, term, weight``).
    labels : pandas.DataFrame, optional
        ``topics-labels-check`` (``topic, label, status``).
    stability : pandas.DataFrame, optional
        ``topics-stability`` (``topic, stability, stability_resample, citable`` and the
        two thresholds; ``n_top, n_top_terms`` if it has them).

    Returns
    -------
    pandas.DataFrame
        ``topic terms``: ``topic, rank, term, weight, label, status, stability,
        stability_resample, citable, min_stability, min_resample_stability, n_top,
        n_top_terms`` sorted by topic and rank; ``label`` and ``status`` are empty where
        no label is stored, the stability columns NaN (``citable`` empty) without the
        stability table (``n_top, n_top_terms`` NaN in one that predates them).
    """
    out = terms[["topic", "rank", "term", "weight"]].copy()
    if labels is not None:
        out = out.merge(labels[["topic", "label", "status"]].drop_duplicates("topic"),
                        on="topic", how="left")
    for c in ("label", "status"):
        out[c] = out[c].fillna("").astype(str) if c in out else ""
    cols = list(COLUMNS[registry.TOPICS_STABILITY.name][1:]) + ["n_top", "n_top_terms"]
    if stability is not None:
        have = [c for c in cols if c in stability.columns]
        out = out.merge(stability[["topic", *have]].drop_duplicates("topic"), on="topic",
                        how="left")
    for c in cols:
        if c == "citable":
            out[c] = out[c].fillna("").astype(str) if c in out else ""
        elif c not in out:
            out[c] = float("nan")
    return out.sort_values(["topic", "rank"], kind="stable").reset_index(drop=True)


def topic_passages(passages: pd.DataFrame) -> pd.DataFrame:
    """Representative passages per topic, sorted by topic and rank.

    Returns
    -------
    pandas.DataFrame
        ``topic passages``: ``topic, rank, unit_id, doc_id, year, role, weight, text``.
    """
    cols = ["topic", "rank", "unit_id", "doc_id", "year", "role", "weight", "text"]
    return passages[cols].sort_values(["topic", "rank"], kind="stable") \
        .reset_index(drop=True)
