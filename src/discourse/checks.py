"""Checks at the edge: a bad value raises an error that names the value and the allowed ones.

A leaf module shared by every step, so that one kind of mistake always reads the same.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path
from typing import Iterable, Mapping

__all__ = ["check_choice", "check_columns", "check_codes", "check_unique", "check_reading_order",
           "check_positive_int", "check_n_jobs", "resolve_jobs", "usable_cores", "check_date",
           "check_year", "missing_folders", "join_problems"]

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def check_choice(name: str, value, allowed: Iterable) -> None:
    """Raise ``ValueError`` unless ``value`` is one of ``allowed``.

    Examples
    --------
    >>> check_choice("by", "speaker", ("year", "doc_id"))
    Traceback (most recent call last):
    ValueError: by='speaker' is not one of ('year', 'doc_id')
    """
    allowed = tuple(allowed)
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not one of {allowed}")


def check_columns(table, columns: Iterable[str], what: str = "table") -> None:
    """Raise ``ValueError`` naming the columns of ``columns`` that ``table`` lacks.

    Examples
    --------
    >>> import pandas as pd
    >>> check_columns(pd.DataFrame({"a": [1]}), ["a", "term"], "tokens table")
    Traceback (most recent call last):
    ValueError: tokens table lacks column(s) term
    """
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what} lacks column(s) {', '.join(missing)}")


def check_codes(table, columns: Iterable[str], what: str = "table") -> None:
    """Raise ``ValueError`` unless every value of ``columns`` is the code 0 or 1.

    Examples
    --------
    >>> import pandas as pd
    >>> check_codes(pd.DataFrame({"a": [0, 1, 1.0]}), ["a"])
    >>> check_codes(pd.DataFrame({"a": [0, 2], "b": [1, None]}), ["a", "b"], "codes")
    Traceback (most recent call last):
    ...
    ValueError: codes: column(s) a, b hold values other than 0 and 1 (e.g. 2)
    """
    bad = [c for c in columns if not table[c].isin([0, 1]).all()]
    if bad:
        example = table.loc[~table[bad[0]].isin([0, 1]), bad[0]].tolist()[0]
        raise ValueError(f"{what}: column(s) {', '.join(bad)} hold values other than 0 and "
                         f"1 (e.g. {example!r:.20})")


def check_unique(table, column: str, what: str = "table") -> None:
    """Raise ``ValueError`` if ``column`` repeats a value (an id that must be unique).

    Examples
    --------
    >>> import pandas as pd
    >>> check_unique(pd.DataFrame({"id": ["a", "b", "a"]}), "id", "codes")
    Traceback (most recent call last):
    ...
    ValueError: codes: duplicate id(s) 'a'; each row must have its own id
    """
    dup = table[column][table[column].duplicated()]
    if len(dup):
        shown = ", ".join(repr(x) for x in sorted(set(dup), key=str)[:5])
        raise ValueError(f"{what}: duplicate {column}(s) {shown}; each row must have its "
                         f"own {column}")


def check_reading_order(table, what: str = "sentences table") -> None:
    """Raise ``ValueError`` unless each document's rows are in reading order.

    Within a ``doc_id`` the ``(paragraph, sentence)`` pairs must not decrease (rows of
    one document need not be adjacent). Tables without those columns pass.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a", "b", "a"], "paragraph": [1, 1, 2],
    ...                   "sentence": [1, 1, 1]})
    >>> check_reading_order(t)
    >>> check_reading_order(t.iloc[[2, 1, 0]])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: sentences table: the rows of document 'a' are not in reading order ...
    """
    if not {"doc_id", "paragraph", "sentence"} <= set(table.columns):
        return
    for doc, part in table.groupby("doc_id", sort=False):
        keys = list(zip(part["paragraph"], part["sentence"]))
        for before, after in zip(keys, keys[1:]):
            if after < before:
                raise ValueError(
                    f"{what}: the rows of document {doc!r} are not in reading order "
                    f"(paragraph {after[0]}, sentence {after[1]} after paragraph "
                    f"{before[0]}, sentence {before[1]}); sort it by doc_id, paragraph, "
                    "sentence")


def _integer(value) -> bool:
    """An integer of any integral type, not a bool."""
    import numbers

    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def check_positive_int(name: str, value) -> None:
    """Raise ``ValueError`` unless ``value`` is an integer of at least 1 (not a bool).

    Examples
    --------
    >>> check_positive_int("n_boot", -1)
    Traceback (most recent call last):
    ValueError: n_boot=-1 must be a positive integer
    """
    if not _integer(value) or value < 1:
        raise ValueError(f"{name}={value!r} must be a positive integer")


def check_n_jobs(name: str, value) -> None:
    """Raise ``ValueError`` unless ``value`` is a number of worker processes: a positive
    integer, or -1 for one per core (not a bool).

    Examples
    --------
    >>> check_n_jobs("n_jobs", 0)
    Traceback (most recent call last):
    ValueError: n_jobs=0 must be a positive integer or -1 (one per core)
    """
    if not _integer(value) or (value < 1 and value != -1):
        raise ValueError(f"{name}={value!r} must be a positive integer or -1 (one per core)")


def usable_cores() -> int:
    """The cores this process may run on: :func:`os.sched_getaffinity` where the system
    has it (a container or ``taskset`` may allow fewer than the machine holds), else
    :func:`os.cpu_count` (1 if unknown). ``n_jobs=-1`` and ``--n-jobs auto`` both count
    with it.

    Examples
    --------
    >>> usable_cores() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def resolve_jobs(n_jobs: int) -> int:
    """Number of worker processes for ``n_jobs`` (``-1``: one per core this process may
    run on, :func:`usable_cores`), after :func:`check_n_jobs`.

    Raises
    ------
    ValueError
        If ``n_jobs`` is not a positive integer or -1.

    Examples
    --------
    >>> resolve_jobs(3)
    3
    """
    check_n_jobs("n_jobs", n_jobs)
    return usable_cores() if n_jobs == -1 else n_jobs


def check_date(value: str) -> int:
    """Return the year of a date written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise
    ``ValueError`` naming the value unless it is one, and a real one (month 01-12, a day
    the month has).

    Examples
    --------
    >>> check_date("2020-02-29")
    2020
    >>> check_date("2023-13-01")
    Traceback (most recent call last):
    ValueError: date '2023-13-01' is not a date (month must be in 1..12)
    """
    m = _DATE.fullmatch(value) if isinstance(value, str) else None
    if not m:
        raise ValueError(f"date {value!r} is not a date "
                         "(expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        _dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError as exc:
        raise ValueError(f"date {value!r} is not a date ({exc})") from None
    return year


def check_year(value: str, date: str) -> int:
    """Return the year of ``date`` (:func:`check_date`); raise ``ValueError`` unless
    ``value`` is that year written as four digits and nothing else.

    A year written otherwise (``twenty twenty-two``; ``2022.0``, as a spreadsheet may
    save it; `` 2022`` with a space) is not read as one: the message says it is not a
    year, rather than that it disagrees with the date.

    Examples
    --------
    >>> check_year("2023", "2023-05")
    2023
    >>> check_year("2023.0", "2023-05")
    Traceback (most recent call last):
    ValueError: year '2023.0' is not a year (four digits and nothing else, e.g. 2023)
    >>> check_year("2022", "2023-05")
    Traceback (most recent call last):
    ValueError: year '2022' does not match date '2023-05'
    """
    year = check_date(date)
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}", value):
        raise ValueError(f"year {value!r} is not a year (four digits and nothing else, "
                         f"e.g. {year})")
    if int(value) != year:
        raise ValueError(f"year {value!r} does not match date {date!r}")
    return year


def missing_folders(outputs: Mapping[str, str | os.PathLike | None],
                    files: Iterable[str] = (), folders: Iterable[str] = ()) -> list[str]:
    """One message for each output (``{option: path}``; ``None``: not given) whose
    folder does not exist: a typo in a path is an error, not a new folder; for each
    option of ``files`` (outputs that are one file) whose path is a folder; and for each
    option of ``folders`` (outputs that are a folder) whose path is a file.

    Examples
    --------
    >>> [m[:36] for m in missing_folders({"-o": "no/such/t.csv", "--figures": None})]
    ['-o no/such/t.csv: the folder no/such']
    >>> missing_folders({"-o": "."}, files=["-o"])
    ['-o .: is a folder; name a file (nothing was written)']
    """
    out = []
    for flag, value in outputs.items():
        if value is not None and not Path(value).parent.is_dir():
            out.append(f"{flag} {value}: the folder {Path(value).parent} does not exist "
                       "(create it first; nothing was written)")
        elif value is not None and flag in files and Path(value).is_dir():
            out.append(f"{flag} {value}: is a folder; name a file (nothing was written)")
        elif value is not None and flag in folders and Path(value).is_file():
            out.append(f"{flag} {value}: is a file; name a folder to write the tables "
                       "into (nothing was written)")
    return out


def join_problems(problems: list[str]) -> str:
    """Several problems as one line, numbered (one problem as it is).

    Examples
    --------
    >>> join_problems(["a is missing", "b is missing (create it; then run)"])
    '2 problems: (1) a is missing; (2) b is missing (create it; then run)'
    """
    if len(problems) == 1:
        return problems[0]
    numbered = (f"({i}) {p}" for i, p in enumerate(problems, start=1))
    return f"{len(problems)} problems: " + "; ".join(numbered)
