"""Rows of ``metadata.csv`` that repeat a document: its ``doc_id``, its file, or its text.

Every count adds up the rows of ``metadata.csv``. A text whose file two rows name, or a
copy of it under another file name with a row of its own (a press release republished
on several portals), would be counted twice, under two ``doc_id``: so a row may repeat
neither the ``doc_id``, nor the file, nor the ``sha256`` (the same bytes: the same
text) of an earlier row. :func:`discourse.corpus.load_metadata` reports the first such
row as a :class:`~discourse.corpus.CorpusError` naming both lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

__all__ = ["Repeats"]


class Repeats:
    """The rows of ``metadata.csv`` read so far, by ``doc_id``, file and ``sha256``.

    :meth:`check` each row in file order; it raises for the first row that repeats an
    earlier one.

    Examples
    --------
    >>> seen = Repeats()
    >>> seen.check(2, {"doc_id": "a", "file": "texts/a.txt", "sha256": "5e"})
    >>> seen.check(3, {"doc_id": "b", "file": "texts/b.txt", "sha256": "5e"})
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: duplicate sha256 '5e' (first on line 2): texts/b.txt is the same text as ...
    >>> seen.check(3, {"doc_id": "a", "file": "./texts/a.txt", "sha256": "6f"})
    Traceback (most recent call last):
    ...
    ValueError: duplicate doc_id 'a' (first on line 2)
    """

    def __init__(self) -> None:
        self._first: dict[tuple[str, str], tuple[int, str]] = {}   # -> (line, file)

    def check(self, line: int, row: Mapping[str, str]) -> None:
        """Remember ``row`` (on file line ``line``), or raise ``ValueError`` naming the
        earlier line if it has the ``doc_id``, the file (``texts/a.txt`` and
        ``./texts/a.txt`` are one file) or the ``sha256`` of a row already checked."""
        file = Path(row["file"]).as_posix()
        keys = [("doc_id", row["doc_id"]), ("file", file), ("sha256", row["sha256"])]
        for key, value in keys:
            if (key, value) in self._first:
                first, other = self._first[key, value]
                raise ValueError(_problem(key, value, first, other, file))
        for key, value in keys:
            self._first[key, value] = (line, file)


def _problem(key: str, value: str, first: int, other: str, file: str) -> str:
    """The message for a row whose ``key`` repeats that of line ``first`` (file ``other``)."""
    where = f"duplicate {key} {value!r} (first on line {first})"
    if key == "doc_id":
        return where
    if key == "file":
        return (f"{where}: two rows for one text would count it twice; keep one row per "
                "text")
    return (f"{where}: {file} is the same text as {other} (a copy under another name, "
            "as when a text is republished on another portal), which would be counted "
            "twice; keep one of them (row and file), or, if the two texts differ, correct "
            f"the sha256 that is wrong (sha256sum {other} {file})")
