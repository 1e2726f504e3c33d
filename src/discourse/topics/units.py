"""Topic-model units: the pieces of text a topic model sees (paragraphs, turns, windows).

Paragraphs by default (``doc_id.p012``); speaker turns, i.e. runs of consecutive
paragraphs with the same role (``doc_id.t003``); or fixed windows of ``window``
consecutive sentences within a document (``doc_id.w003``; the last window of a
document may be shorter). Titles and interview leads are left out by default;
interview questions are kept by default (``include_questions``).
"""

from __future__ import annotations

import pandas as pd

from discourse import provenance
from discourse.checks import check_choice, check_positive_int

__all__ = ["UNITS", "UNIT_COLUMNS", "units"]

#: Kinds of unit (see :func:`units`).
UNITS = ("paragraphs", "turns", "windows")
#: Columns of the ``units`` table.
UNIT_COLUMNS = ["unit_id", "doc_id", "year", "unit", "position", "role",
                "first_paragraph", "last_paragraph", "n_sentences", "text"]
_UNIT_PREFIX = {"paragraphs": "p", "turns": "t", "windows": "w"}
_FRONT_ROLES = ("title", "lead")


@provenance.tracked
def units(sentences: pd.DataFrame, *, unit: str = "paragraphs", window: int = 5,
          include_questions: bool = True, include_titles: bool = False) -> pd.DataFrame:
    """Group the ``sentences`` table into the units a topic model sees.

    Parameters
    ----------
    sentences : pandas.DataFrame
        The ``sentences`` table (``sentence_id, doc_id, year, paragraph, sentence,
        role, text``) from :func:`discourse.corpus.segment`.
    unit : {"paragraphs", "turns", "windows"}
        ``paragraphs``: one unit per paragraph (id ``doc_id.p012``, the paragraph
        number). ``turns``: runs of consecutive paragraphs with the same role, a
        question or an answer run (id ``doc_id.t003``, numbered over the whole
        document before any role is left out; a speech body is one turn).
        ``windows``: ``window`` consecutive sentences of the kept roles within a
        document (id ``doc_id.w003``; the last window may be shorter).
    window : int
        Sentences per window (only for ``unit="windows"``), at least 1.
    include_questions : bool
        Keep interview questions (the journalist's words). Default True.
    include_titles : bool
        Keep titles and interview leads (dateline, introduction). Default False.

    Returns
    -------
    pandas.DataFrame
        ``units``: ``unit_id, doc_id, year, unit, position, role, first_paragraph,
        last_paragraph, n_sentences, text``; ``position`` counts the kept units of a
        document from 1 in reading order; ``role`` is ``mixed`` for a window that
        spans roles; ``text`` joins the unit's sentences with newlines (one sentence
        per line; the analyzer splits lines and sentences, so a multiword term never
        crosses a sentence boundary).

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["d.p001.s01", "d.p002.s01", "d.p003.s01",
    ...     "d.p003.s02"], "doc_id": "d", "year": 2001, "paragraph": [1, 2, 3, 3],
    ...     "sentence": [1, 1, 1, 2], "role": ["title", "question", "answer", "answer"],
    ...     "text": ["T", "Why?", "Peace.", "Trade."]})
    >>> units(s)[["unit_id", "role", "text"]].values.tolist()
    [['d.p002', 'question', 'Why?'], ['d.p003', 'answer', 'Peace.\\nTrade.']]
    >>> units(s, unit="windows", window=2, include_questions=False).unit_id.tolist()
    ['d.w001']
    """
    check_choice("unit", unit, UNITS)
    if unit == "windows":
        check_positive_int("window", window)
    s = sentences.sort_values(["doc_id", "paragraph", "sentence"], kind="stable")
    order = {d: i for i, d in enumerate(pd.unique(sentences["doc_id"]))}
    s = s.assign(_order=s["doc_id"].map(order)).sort_values(
        ["_order", "paragraph", "sentence"], kind="stable")
    # turn numbers are assigned on the full paragraph sequence, before filtering
    para = s.drop_duplicates(["doc_id", "paragraph"])[["doc_id", "paragraph", "role"]]
    new_turn = (para["role"] != para.groupby("doc_id")["role"].shift()).astype(int)
    para = para.assign(turn=new_turn.groupby(para["doc_id"]).cumsum())
    s = s.merge(para[["doc_id", "paragraph", "turn"]], on=["doc_id", "paragraph"],
                how="left", sort=False)
    drop = set()
    if not include_questions:
        drop.add("question")
    if not include_titles:
        drop.update(_FRONT_ROLES)
    s = s[~s["role"].isin(drop)].reset_index(drop=True)
    if unit == "paragraphs":
        key = s["paragraph"]
    elif unit == "turns":
        key = s["turn"]
    else:
        key = s.groupby("doc_id").cumcount() // window + 1
    s = s.assign(_key=key.to_numpy())
    g = s.groupby(["doc_id", "_key"], sort=False)
    roles = g["role"].agg(lambda r: r.iloc[0] if r.nunique() == 1 else "mixed")
    out = pd.DataFrame({
        "year": g["year"].first().astype(int), "role": roles,
        "first_paragraph": g["paragraph"].min().astype(int),
        "last_paragraph": g["paragraph"].max().astype(int),
        "n_sentences": g.size(), "text": g["text"].agg("\n".join),
        "_order": g["_order"].first()}).reset_index()
    out["unit_id"] = [f"{d}.{_UNIT_PREFIX[unit]}{int(k):03d}"
                      for d, k in zip(out["doc_id"], out["_key"])]
    out["unit"] = unit
    out = out.sort_values(["_order", "_key"], kind="stable").reset_index(drop=True)
    out["position"] = out.groupby("doc_id").cumcount() + 1
    return out[UNIT_COLUMNS]
