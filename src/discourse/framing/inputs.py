"""The input contract of ``discourse frames``: a CSV to code, checked at the edge.

The input has columns ``id, text`` and optionally ``paragraph`` (rows of one paragraph
consecutive; the context rule applies within a paragraph; with a ``document`` column a
paragraph is one within its document), ``document`` (rows of one
document consecutive; references to a document's event carry its frames) and ``date``
(``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` of the text: which states were SCO members).
The output is ``id, security, economy, multilateralism, evidence``. Every problem is reported
as one :class:`FramingInputError` naming the file and the problem, before anything is
coded or written.
"""

from __future__ import annotations

import io as _io
import os
from pathlib import Path

import pandas as pd

from discourse import provenance
from discourse.checks import check_date
from discourse.framing.coder import iter_codes
from discourse.framing.letter_case import warn_if_single_case
from discourse.framing.lexicon import FRAMES, as_lexicon
from discourse.framing.organisation import warn_if_other_organisation

__all__ = ["FramingInputError", "read_input", "code_file"]


class FramingInputError(ValueError):
    """An input table for coding is unusable; the message names the file and problem."""


#: Columns of the sentences table (``discourse sentences``) read as the input's own,
#: where the input has none of that name: its output can be coded as it is.
_ALIASES = {"id": "sentence_id", "document": "doc_id"}


def read_input(path: str | os.PathLike) -> pd.DataFrame:
    """Read a CSV to code (columns ``id, text``, optional ``paragraph``, ``document``,
    ``date``; a sentences table's ``sentence_id`` and ``doc_id`` are read as ``id``
    and ``document`` where those are missing), checking it.

    Raises
    ------
    FramingInputError
        Naming the file and the problem: not UTF-8, empty, missing columns, no rows,
        empty or duplicate ids, a paragraph or document whose rows are not consecutive,
        an empty or blank text, or a date that is not a real date (an empty date is
        allowed: the text is undated); for a row, its line and id.
    FileNotFoundError
        If the file does not exist.
    """
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{p}: input file not found")
    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FramingInputError(f"{p}: not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise FramingInputError(f"{p}: the file is empty")
    try:
        table = pd.read_csv(_io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise FramingInputError(f"{p}: not a readable CSV ({str(exc).splitlines()[0]})") \
            from None
    table.columns = [str(c).strip() for c in table.columns]
    # the sentences table of `discourse sentences` as it is: its ids and documents
    for name, alias in _ALIASES.items():
        if name not in table.columns and alias in table.columns:
            table = table.rename(columns={alias: name})
    missing = [c for c in ("id", "text") if c not in table.columns]
    if missing:
        raise FramingInputError(f"{p}: missing column(s) {', '.join(missing)} "
                                f"(needs id, text and optionally paragraph, document, date)")
    if table.empty:
        raise FramingInputError(f"{p}: no rows to code")
    if (table["id"].str.strip() == "").any():
        row = int((table["id"].str.strip() == "").to_numpy().argmax()) + 2
        raise FramingInputError(f"{p}: empty id on line {row}")
    dup = table["id"][table["id"].duplicated()]
    if len(dup):
        raise FramingInputError(f"{p}: duplicate id(s) {', '.join(sorted(set(dup))[:5])}")
    for col in ("paragraph", "document"):
        if col in table:
            values = _keys(table, col)
            seen = values[values.ne(values.shift())]
            if seen.duplicated().any():
                v = seen[seen.duplicated()].iloc[0]
                what = f"{col} {v!r}" if not isinstance(v, tuple) else \
                    f"paragraph {v[1]!r} of document {v[0]!r}"
                raise FramingInputError(f"{p}: rows of {what} are not consecutive")
    blank = table["text"].str.strip() == ""
    if blank.any():
        i = int(blank.to_numpy().argmax())
        raise FramingInputError(f"{p}, line {i + 2} (id {table['id'].iloc[i]!r}): the text "
                                "is empty (a row to code needs its text)")
    dates = table["date"] if "date" in table else pd.Series([], dtype=str)
    for date in dates.drop_duplicates():     # each date once, in the order of the rows
        if date:                                                # empty: undated
            try:
                check_date(date)
            except ValueError as exc:
                i = int((dates == date).to_numpy().argmax())
                raise FramingInputError(f"{p}, line {i + 2} (id {table['id'].iloc[i]!r}): "
                                        f"{exc}") from None
    return table


def _keys(table: pd.DataFrame, col: str) -> pd.Series:
    """The key of each row's ``col``: a paragraph is one within its document where the
    table has a ``document`` column (paragraphs numbered 1, 2, ... in every document
    are different paragraphs), else the value itself."""
    if col == "paragraph" and "document" in table:
        return pd.Series(list(zip(table["document"], table["paragraph"])), index=table.index)
    return table[col]


@provenance.tracked
def code_file(input_path: str | os.PathLike, lexicon=None, *, n_jobs: int = 1,
              name: str | None = None, progress: bool = False) -> pd.DataFrame:
    """Code the sentences of a CSV (see :func:`read_input`); return the output table.

    ``n_jobs`` worker processes code it (:func:`~discourse.framing.coder.iter_codes`;
    the output does not depend on it). ``name`` is what the warnings call the input
    (default: its path; "standard input" for ``discourse frames -``). ``progress``
    shows a tqdm bar of the sentences coded on standard error.

    Returns
    -------
    DataFrame
        ``id, security, economy, multilateralism, evidence``, one row per input row.
    """
    table = read_input(input_path)
    source = str(input_path) if name is None else name
    warn_if_single_case(table["text"], source, stacklevel=4)  # past @tracked
    lexicon = as_lexicon(lexicon)
    warn_if_other_organisation(table["text"], lexicon, source, stacklevel=4)
    n = len(table)
    column = {c: (table[c].tolist() if c in table else [None] * n)
              for c in ("paragraph", "document", "date")}
    if "paragraph" in table:
        column["paragraph"] = _keys(table, "paragraph").tolist()
    dates = [d or None for d in column["date"]]
    rows = zip(table["id"].tolist(), table["text"].tolist(), column["paragraph"],
               column["document"], dates)
    from tqdm import tqdm

    codes = tqdm(iter_codes(rows, lexicon, n_jobs=n_jobs), total=n, desc="sentences",
                 unit="sent", disable=not progress, mininterval=1.0)
    return pd.DataFrame(list(codes), columns=["id", *FRAMES, "evidence"])
