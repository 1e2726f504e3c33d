"""The input contract of ``discourse frames``: a CSV to code, checked at the edge.

The input has columns ``id, text`` and optionally ``paragraph`` (rows of one paragraph
consecutive; the context rule applies within a paragraph). Every problem is reported
as one :class:`FramingInputError` naming the file and the problem, before anything is
coded or written.
"""

from __future__ import annotations

import io as _io
import os
from pathlib import Path

import pandas as pd

from discourse import provenance
from discourse.framing.coder import iter_codes
from discourse.framing.lexicon import FRAMES

__all__ = ["FramingInputError", "read_input", "code_file"]


class FramingInputError(ValueError):
    """An input table for coding is unusable; the message names the file and problem."""


def read_input(path: str | os.PathLike) -> pd.DataFrame:
    """Read a CSV to code (columns ``id, text``, optional ``paragraph``), checking it.

    Raises
    ------
    FramingInputError
        Naming the file and the problem: not UTF-8, empty, missing columns, no rows,
        empty or duplicate ids, or a paragraph whose rows are not consecutive.
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
    missing = [c for c in ("id", "text") if c not in table.columns]
    if missing:
        raise FramingInputError(f"{p}: missing column(s) {', '.join(missing)} "
                                f"(needs id, text and optionally paragraph)")
    if table.empty:
        raise FramingInputError(f"{p}: no rows to code")
    if (table["id"].str.strip() == "").any():
        row = int((table["id"].str.strip() == "").to_numpy().argmax()) + 2
        raise FramingInputError(f"{p}: empty id on line {row}")
    dup = table["id"][table["id"].duplicated()]
    if len(dup):
        raise FramingInputError(f"{p}: duplicate id(s) {', '.join(sorted(set(dup))[:5])}")
    if "paragraph" in table:
        para = table["paragraph"]
        starts = para.ne(para.shift())
        seen = para[starts]
        if seen.duplicated().any():
            raise FramingInputError(f"{p}: rows of paragraph "
                                    f"{seen[seen.duplicated()].iloc[0]!r} are not consecutive")
    return table


@provenance.tracked
def code_file(input_path: str | os.PathLike, lexicon=None) -> pd.DataFrame:
    """Code the sentences of a CSV (see :func:`read_input`); return the output table.

    Returns
    -------
    DataFrame
        ``id, security, economy, multilateralism, evidence``, one row per input row.
    """
    table = read_input(input_path)
    paras = table["paragraph"].tolist() if "paragraph" in table else [None] * len(table)
    rows = zip(table["id"].tolist(), table["text"].tolist(), paras)
    return pd.DataFrame(list(iter_codes(rows, lexicon)),
                        columns=["id", *FRAMES, "evidence"])
