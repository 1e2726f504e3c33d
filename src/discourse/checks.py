"""Checks at the edge: a bad value raises an error that names the value and the allowed ones.

A leaf module shared by every step, so that one kind of mistake always reads the same.
"""

from __future__ import annotations

from typing import Iterable

__all__ = ["check_choice", "check_columns", "check_positive_int"]


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


def check_positive_int(name: str, value) -> None:
    """Raise ``ValueError`` unless ``value`` is an integer of at least 1 (not a bool).

    Examples
    --------
    >>> check_positive_int("n_boot", -1)
    Traceback (most recent call last):
    ValueError: n_boot=-1 must be a positive integer
    """
    import numbers

    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"{name}={value!r} must be a positive integer")
