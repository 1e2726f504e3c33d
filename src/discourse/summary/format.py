"""Formatting shared by the sections of the summary: reading a result table, numbers
as the summary prints them (percentages, percentage points, p-values). The design
caveat of year contrasts is :mod:`discourse.summary.design`'s."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from discourse import results as R

__all__ = ["read", "pct", "pp", "pvalue", "pp0", "pct0", "agreement", "documents_per_year",
           "one_text_per_year", "interval_label", "join_words",
           "sentences_of_codes"]


def read(root: Path, output: R.Output) -> pd.DataFrame | None:
    path = output.path(root)
    if not path.is_file():
        return None
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def pp(x: float) -> str:
    return f"{100 * x:+.1f}"


def pvalue(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def pp0(x: float) -> str:
    """Percentage points, whole; where a non-zero value rounds to 0, the fewest decimals
    (up to three) that show a non-zero digit (an interval ending at -0.4 or -0.04 is not
    "-0" nor "-0.0": it excludes 0); below 0.0005 points, 0 (rounding noise).

    Examples
    --------
    >>> pp0(-0.213), pp0(-0.004), pp0(-0.000385), pp0(0.0)
    ('-21', '-0.4', '-0.04', '+0')
    >>> pp0(0.1 + 0.2 - 0.3)          # rounding noise of a difference of shares: 0
    '+0'
    """
    v = 100 * x
    out = f"{v:+.0f}"
    if abs(v) < 0.0005:
        return "+0"
    if out not in ("+0", "-0"):
        return out
    for digits in (1, 2):
        out = f"{v:+.{digits}f}"
        if out.strip("+-0."):
            return out
    return f"{v:+.3f}"


def pct0(x: float) -> str:
    return f"{100 * x:.0f}%"


def agreement(table: pd.DataFrame) -> str:
    """'frame F1 x (95% CI a-b), Cohen's kappa y (c-d); ...' from a validation table."""
    cells = []
    for frame, part in table.groupby("frame", sort=False):
        m = part.set_index("metric")
        cells.append(f"{frame} F1 {m.loc['f1', 'value']:.2f} (95% CI "
                     f"{m.loc['f1', 'ci_low']:.2f}-{m.loc['f1', 'ci_high']:.2f}), "
                     f"Cohen's kappa {m.loc['kappa', 'value']:.2f} "
                     f"({m.loc['kappa', 'ci_low']:.2f}-{m.loc['kappa', 'ci_high']:.2f})")
    return "; ".join(cells)


def documents_per_year(root: Path) -> pd.Series | None:
    """Documents of each year, from the corpus summary (``None`` without it)."""
    table = read(root, R.CORPUS_SUMMARY)
    if table is None or "role" not in table:
        return None
    return table[table.role == "all"].groupby("year").size()


def one_text_per_year(root: Path) -> bool:
    per_year = documents_per_year(root)
    return per_year is not None and bool((per_year == 1).all())


def interval_label(labels: pd.Series) -> str:
    """One label for a column of interval labels: the first that names a widening
    ("..., widened to ... where narrower", which holds for the rows not widened too),
    else the first.

    Examples
    --------
    >>> interval_label(pd.Series(["boot", "boot, widened to X where narrower"]))
    'boot, widened to X where narrower'
    """
    labels = labels.astype(str)
    widened = labels[labels.str.contains(", widened to", regex=False)]
    return (widened if len(widened) else labels).iloc[0]


def join_words(words, conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c`` (or another ``conjunction``).

    Examples
    --------
    >>> join_words(["2021"]), join_words(["2021", "2022", "2023"], "or")
    ('2021', '2021, 2022 or 2023')
    """
    words = [str(w) for w in words]
    return words[0] if len(words) == 1 else (", ".join(words[:-1])
                                             + f" {conjunction} " + words[-1])


def sentences_of_codes(record: dict) -> R.Output | None:
    """The sentences table of the text layer the frame codes were made from, as their
    provenance ``record`` names it (cleaned where it names none); ``None`` for a layer
    the package does not know."""
    layer = (record.get("corpus") or {}).get("layer") or "cleaned"
    try:
        return R.sentences_of(layer)
    except ValueError:
        return None
