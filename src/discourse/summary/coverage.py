"""Which years and documents of the corpus the hand coding covers, from the result
tables, for the summary's sentences that rest on hand codes (a corpus may add texts
that no one has coded by hand beside those that are)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from discourse import results as R
from discourse.summary.format import documents_per_year, join_words, read

__all__ = ["hand_per_year", "years_without_hand", "year_label", "coverage_clause"]


def year_label(value) -> str:
    """A year as read from a table ("2021", not "2021.0" from a column with gaps).

    Examples
    --------
    >>> year_label(2021.0), year_label("all"), year_label(2021)
    ('2021', 'all', '2021')
    """
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def hand_per_year(root: Path) -> pd.DataFrame | None:
    """``n_sentences, n_hand`` of each year (index: the year as text), from the table of
    corrected shares (``None`` without it or its columns)."""
    corr = read(root, R.FRAMING_SHARES_CORRECTED)
    if corr is None or corr.empty or not {"year", "n_sentences", "n_hand"} <= set(corr):
        return None
    t = corr.drop_duplicates("year")
    return pd.DataFrame({
        "n_sentences": t.n_sentences.fillna(0).astype(int).to_numpy(),
        "n_hand": pd.to_numeric(t.n_hand, errors="coerce").fillna(0).astype(int).to_numpy()},
        index=[year_label(y) for y in t.year]).sort_index()


def years_without_hand(root: Path) -> list[str]:
    """The corpus's years with no hand-coded sentence (``[]`` when every year has some,
    or when the tables do not say)."""
    return _without_hand(hand_per_year(root))


def _without_hand(per_year: pd.DataFrame | None) -> list[str]:
    return [] if per_year is None else per_year.index[per_year.n_hand == 0].tolist()


def coverage_clause(root: Path) -> str:
    """", all from YEARS (...)": which of the corpus's years, and how many of its
    documents, the hand-coded sentences come from, where some year has none ("" where
    every year has hand codes or the tables do not say). A year's documents are counted
    as covered when it has hand-coded sentences: the tables do not say which of its
    documents they are in."""
    per_year = hand_per_year(root)
    none = _without_hand(per_year)
    if per_year is None or not none or len(none) == len(per_year):
        return ""
    docs = documents_per_year(root)
    docs = None if docs is None else docs.rename(index=year_label)
    coded = per_year[per_year.n_hand > 0]
    what = join_words(
        y + ("" if r.n_hand == r.n_sentences else f" ({r.n_hand} of its {r.n_sentences} "
             "sentences)") for y, r in coded.iterrows())
    every = bool((coded.n_hand == coded.n_sentences).all())
    if docs is None:
        return (f", all from {what}" + (", every sentence of those years" if every else "")
                + f" ({join_words(none)} {'has' if len(none) == 1 else 'have'} no "
                "hand-coded sentence)")
    inside = int(docs.reindex(coded.index).fillna(0).sum())
    outside = int(docs.reindex(none).fillna(0).sum())
    where = (f"every sentence of {inside} of the corpus's {inside + outside} documents"
             if every else f"those years have {inside} of the corpus's {inside + outside} "
             "documents")
    other = (f"the other {outside}, of {join_words(none)}, have" if outside != 1 else
             f"the other, of {join_words(none)}, has")
    return f", all from {what} ({where}; {other} no hand-coded sentence)"
