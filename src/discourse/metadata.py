"""Read and validate a corpus's ``metadata.csv`` and ``corrections.csv``.

:func:`load_metadata` checks every row (required fields, ids, dates and years,
checksums' form, paths inside the corpus, repeated documents: :mod:`discourse.duplicates`,
texts without a row); :func:`load_corrections` reads the documented edits of the
*cleaned* layer and :func:`apply_corrections` applies them to one text. Every problem is
a :class:`CorpusError` naming the file, the line and the problem.
:mod:`discourse.corpus` reads the texts these files name (and offers these names too).
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pandas as pd

from discourse import paths
from discourse.checks import check_year
from discourse.duplicates import Repeats

__all__ = ["CorpusError", "METADATA_FIELDS", "REQUIRED_FIELDS", "load_metadata",
           "load_corrections", "apply_corrections"]

#: Columns of ``metadata.csv``, in order.
METADATA_FIELDS = (
    "doc_id", "file", "title", "speaker", "date", "year", "genre", "venue",
    "publisher", "language", "sha256", "notes",
)
#: Fields that must be non-empty in every metadata row.
REQUIRED_FIELDS = ("doc_id", "file", "title", "speaker", "date", "year", "genre",
                   "language", "sha256")
_DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CORRECTION_FIELDS = ("doc_id", "correction_id", "find", "replace", "what", "why")


class CorpusError(ValueError):
    """A problem with the corpus: the message names the file and the problem."""


def _read_csv_rows(path: Path, fields: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """``(line, row)`` of each row of a CSV file: the line its row starts on (a quoted
    field may span lines: its line breaks are kept, for the callers to judge)."""
    if not path.is_file():
        raise CorpusError(f"{path.parent}: corpus directory not found" if not
                          path.parent.is_dir() else f"{path}: file not found")
    try:                    # utf-8-sig: a byte-order mark (Excel writes one) is no column
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not valid UTF-8 (byte {exc.start})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    header = reader.fieldnames or []
    missing = [f for f in fields if f not in header]
    if missing:             # one ";"-joined column: a spreadsheet's European CSV export
        hint = "; it is separated by ';', not ','" if len(header) == 1 and ";" in header[0] else ""
        raise CorpusError(f"{path}: missing column(s) {', '.join(missing)}; "
                          f"expected {', '.join(fields)}{hint}")
    rows, lineno = [], reader.line_num + 1
    for row in reader:
        if None in row or any(v is None for v in row.values()):
            raise CorpusError(f"{path}, line {lineno}: wrong number of fields")
        rows.append((lineno, dict(row)))
        lineno = reader.line_num + 1
    return rows


def _checked(check, where: str, *values):
    """``check(*values)``; its ``ValueError`` raised as a :class:`CorpusError` at ``where``."""
    try:
        return check(*values)
    except ValueError as exc:
        raise CorpusError(f"{where}: {exc}") from None


def load_metadata(corpus: str | os.PathLike | None = None) -> pd.DataFrame:
    """Read and validate ``metadata.csv`` (UTF-8; a leading byte-order mark is ignored).

    Parameters
    ----------
    corpus : path-like, optional
        The corpus directory (default: :func:`discourse.paths.corpus_dir`).

    Returns
    -------
    pandas.DataFrame
        One row per document with the columns of :data:`METADATA_FIELDS`; ``year`` is
        an integer. Rows are sorted by ``date`` then ``doc_id``.

    Raises
    ------
    CorpusError
        If the file is missing or not UTF-8, a column is missing, a required field is
        empty, a ``doc_id`` is malformed, a date is not a date, ``year`` is not a year
        (four digits) or disagrees with ``date``, a checksum is not a sha256 hex digest,
        a row repeats the ``doc_id``, the file or the ``sha256`` (the same text) of
        another (:mod:`discourse.duplicates`), or a text in ``texts/`` has no row. The
        message names the file, the line and the problem.
    """
    root = paths.corpus_dir(corpus)
    path = root / "metadata.csv"
    rows = _read_csv_rows(path, METADATA_FIELDS)
    if not rows:
        raise CorpusError(f"{path}: no documents (the file has a header but no rows)")
    seen = Repeats()                # a doc_id, file or text (sha256) named twice
    for lineno, row in rows:
        where = f"{path}, line {lineno}"
        for field in REQUIRED_FIELDS:
            if not row[field].strip():
                raise CorpusError(f"{where}: required field {field!r} is empty")
        doc_id = row["doc_id"]
        if not _DOC_ID.match(doc_id):
            raise CorpusError(f"{where}: doc_id {doc_id!r} is malformed "
                              "(letters, digits, '-' and '_' only)")
        _checked(check_year, where, row["year"], row["date"])
        if not _SHA256.match(row["sha256"]):
            raise CorpusError(f"{where}: sha256 {row['sha256']!r} is not a 64-digit "
                              "lower-case hex digest")
        if Path(row["file"]).is_absolute() or ".." in Path(row["file"]).parts:
            raise CorpusError(f"{where}: file {row['file']!r} must be a path inside "
                              "the corpus directory")
        _checked(seen.check, where, lineno, row)
    named = {Path(row["file"]).as_posix() for _, row in rows}
    unlisted = sorted(f"texts/{p.name}" for p in (root / "texts").glob("*.[tT][xX][tT]")
                      if f"texts/{p.name}" not in named and p.is_file())   # NOTE.TXT too
    if unlisted:            # step 2 of "How to add a document" forgotten: not silently left out
        raise CorpusError(f"{path}: no row names {', '.join(unlisted)} (add a row for each "
                          "text, or move the file out of texts/)")
    table = pd.DataFrame([row for _, row in rows], columns=list(METADATA_FIELDS))
    table["year"] = table["year"].astype(int)
    return table.sort_values(["date", "doc_id"], kind="stable").reset_index(drop=True)


def load_corrections(corpus: str | os.PathLike | None = None) -> pd.DataFrame:
    """Read ``corrections.csv`` (empty table if the corpus has none).

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, correction_id, find, replace, what, why``. ``find`` is
        matched exactly (non-breaking spaces included) and must occur exactly once in
        its document; neither ``find`` nor ``replace`` may contain a line break, so
        paragraph numbers are the same in the raw and the cleaned layer.
    """
    root = paths.corpus_dir(corpus)
    path = root / "corrections.csv"
    if not path.exists():
        return pd.DataFrame(columns=list(_CORRECTION_FIELDS))
    rows = _read_csv_rows(path, _CORRECTION_FIELDS)
    for lineno, row in rows:
        where = f"{path}, line {lineno} (correction {row['correction_id']!r})"
        if not row["find"]:
            raise CorpusError(f"{where}: 'find' is empty")
        for field in ("find", "replace"):
            if any(c in row[field] for c in "\r\n"):
                raise CorpusError(f"{where}: '{field}' contains a line break; a "
                                  "correction may not add or remove a line (paragraph "
                                  "numbers must be the same in the raw and the cleaned "
                                  "layer)")
    return pd.DataFrame([row for _, row in rows], columns=list(_CORRECTION_FIELDS))


def apply_corrections(text: str, corrections: pd.DataFrame, *, source: str = "") -> str:
    """Apply corrections (rows of :func:`load_corrections`) to one document's text.

    Each ``find`` must occur exactly once; otherwise a :class:`CorpusError` names the
    correction and the count, so a correction never silently stops applying.
    """
    for row in corrections.itertuples(index=False):
        count = text.count(row.find)
        if count != 1:
            raise CorpusError(f"{source}: correction {row.correction_id!r} expects its "
                              f"'find' text exactly once, found {count} times")
        text = text.replace(row.find, row.replace)
    return text
