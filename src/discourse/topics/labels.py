"""Researcher-written topic labels, and a check that they still fit the model.

A label stays valid only while the topic it was written for still has (nearly) the
same top terms: the file ``annotations/topic_labels.csv`` stores the terms beside each
label, and :func:`check_labels` compares them with the current model's (Jaccard
overlap; Hungarian alignment, :func:`discourse.stats.hungarian_match`, names the best
match when a refit only renumbered the topics).
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import numpy as np
import pandas as pd

from discourse import paths, provenance, stats
from discourse.io import write_table
from discourse.stats import jaccard

__all__ = ["load_labels", "labels_for", "check_labels", "write_labels"]

_LABEL_FIELDS = ("topic", "label", "top_terms")
_TERM_SEP = "; "


@provenance.tracked
def load_labels(path: str | os.PathLike | None = None, *,
                corpus: str | os.PathLike | None = None) -> pd.DataFrame:
    """Read researcher-written topic labels (``annotations/topic_labels.csv``).

    The file has columns ``topic, label, top_terms``: the topic number, a short
    label, and the top terms (separated by ``"; "``) the label was written for, so
    that :func:`check_labels` can tell when the model has changed under it.

    Parameters
    ----------
    path : path-like, optional
        The file (default: ``{corpus}/annotations/topic_labels.csv``).
    corpus : path-like, optional
        Corpus directory for the default path.

    Returns
    -------
    pandas.DataFrame
        ``topic, label, top_terms`` (``top_terms`` as a tuple of str); empty if the
        default file does not exist.
    """
    p = Path(path) if path is not None else \
        paths.corpus_dir(corpus) / "annotations" / "topic_labels.csv"
    if not p.is_file():
        if path is not None:
            raise FileNotFoundError(f"{p}: topic labels file not found")
        return pd.DataFrame(columns=list(_LABEL_FIELDS))
    with open(p, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [f for f in _LABEL_FIELDS if f not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{p}: missing column(s) {missing}; expected {_LABEL_FIELDS}")
        rows = []
        for lineno, r in enumerate(reader, start=2):
            try:
                topic = int(r["topic"])
            except (TypeError, ValueError):
                raise ValueError(f"{p}, line {lineno}: topic {r['topic']!r} is not an "
                                 "integer") from None
            terms = tuple(t.strip() for t in (r["top_terms"] or "").split(";") if t.strip())
            rows.append((topic, (r["label"] or "").strip(), terms))
    out = pd.DataFrame(rows, columns=list(_LABEL_FIELDS))
    if out["topic"].duplicated().any():
        dup = sorted(out.loc[out["topic"].duplicated(), "topic"])
        raise ValueError(f"{p}: topic(s) {dup} labelled more than once")
    return out.sort_values("topic", kind="stable").reset_index(drop=True)


@provenance.tracked
def labels_for(terms: pd.DataFrame, labels: dict[int, str]) -> pd.DataFrame:
    """Make a ``topic labels`` table for the current model from ``{topic: label}``.

    Stores each topic's current top terms beside its label (what the researcher
    looked at); write it with :func:`write_labels`.

    Returns
    -------
    pandas.DataFrame
        ``topic, label, top_terms``.
    """
    current = _current_terms(terms)
    unknown = sorted(set(labels) - set(current))
    if unknown:
        raise ValueError(f"topic(s) {unknown} are not in the model (topics "
                         f"{sorted(current)})")
    return pd.DataFrame([(t, labels[t], current[t]) for t in sorted(labels)],
                        columns=list(_LABEL_FIELDS))


def write_labels(labels: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write a ``topic labels`` table as CSV (terms joined by ``"; "``)."""
    out = labels.assign(top_terms=[_TERM_SEP.join(t) for t in labels["top_terms"]])
    return write_table(out[list(_LABEL_FIELDS)], path, with_provenance=False)


def _current_terms(terms: pd.DataFrame) -> dict[int, tuple[str, ...]]:
    t = terms.sort_values(["topic", "rank"], kind="stable")
    return {int(k): tuple(g["term"]) for k, g in t.groupby("topic", sort=True)}


@provenance.tracked
def check_labels(labels: pd.DataFrame, terms: pd.DataFrame, *,
                 min_jaccard: float = 1.0) -> pd.DataFrame:
    """Compare stored labels with the current model's top terms; flag stale labels.

    A label stays valid only while the topic it was written for still has (nearly)
    the same top terms. For each current topic the stored term set is compared with
    the current one (Jaccard overlap over the stored number of terms); the label is
    ``ok`` if the overlap is at least ``min_jaccard`` (default 1.0: the same set, in
    any order), else ``stale``. ``best_match`` names the stored label whose terms best
    fit this topic (Hungarian alignment, :func:`align_topics`), which helps when a
    refit only renumbered the topics.

    Parameters
    ----------
    labels : pandas.DataFrame
        A ``topic labels`` table from :func:`load_labels`.
    terms : pandas.DataFrame
        A ``topic terms`` table from :func:`topic_terms` (the current model).
    min_jaccard : float
        Overlap needed for ``ok``.

    Returns
    -------
    pandas.DataFrame
        ``topic, label, status, jaccard, stored_terms, current_terms,
        best_match_topic, best_match_label, best_match_jaccard``; ``status`` is
        ``ok``, ``stale`` or ``unlabelled``; ``label`` is the stored label whatever
        its status (plots, the explorer and the summary do not use a stale label as
        the topic's name; they say it is stale). A stored
        topic that the model no longer has is reported with status ``no such topic``.
    """
    if not 0 <= min_jaccard <= 1:
        raise ValueError(f"min_jaccard={min_jaccard!r} must be between 0 and 1")
    current = _current_terms(terms)
    stored = {int(r.topic): (r.label, tuple(r.top_terms))
              for r in labels.itertuples(index=False)}
    match = {}
    if stored and current:
        cur, st = sorted(current), sorted(stored)
        J = [[jaccard(stored[s][1], current[c][:len(stored[s][1]) or None]) for s in st]
             for c in cur]
        for i, j, overlap in zip(*stats.hungarian_match(J)):
            match[cur[i]] = (st[j], float(overlap))
    rows = []
    for t in sorted(current):
        cur_terms = current[t]
        if t in stored:
            label, st_terms = stored[t]
            j = jaccard(st_terms, cur_terms[:len(st_terms)])
            status = "ok" if j >= min_jaccard else "stale"
        else:
            label, st_terms, j, status = "", (), np.nan, "unlabelled"
        m = match.get(t)
        rows.append((t, label, status, j, _TERM_SEP.join(st_terms), _TERM_SEP.join(cur_terms),
                     m[0] if m else pd.NA, stored[m[0]][0] if m else "",
                     m[1] if m else np.nan))
    for t in sorted(set(stored) - set(current)):
        rows.append((t, stored[t][0], "no such topic", np.nan, _TERM_SEP.join(stored[t][1]),
                     "", pd.NA, "", np.nan))
    out = pd.DataFrame(rows, columns=["topic", "label", "status", "jaccard", "stored_terms",
                                      "current_terms", "best_match_topic",
                                      "best_match_label", "best_match_jaccard"])
    out["best_match_topic"] = out["best_match_topic"].astype("Int64")
    return out
