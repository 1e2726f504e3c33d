"""Figures: one function per result table, each returning a matplotlib ``Figure``.

:func:`save_figure` writes a figure whole (temporary file, then rename) as PNG and
SVG with a stable name and no timestamps, so that two runs give identical bytes
(matplotlib and FreeType are pinned in requirements.txt). Plot functions never save;
notebooks call :func:`save_figure`.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless; selecting a backend writes nothing

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from discourse.io import atomic_path  # noqa: E402

__all__ = ["save_figure", "new_figure", "FIGSIZE", "DPI", "FORMATS", "source_note"]

#: Default figure size in inches (width, height) and PNG resolution.
FIGSIZE = (8.0, 5.0)
DPI = 150
#: Formats written for every figure: a raster for reading and a vector for print.
FORMATS = ("png", "svg")

_RC = {
    "svg.hashsalt": "discourse",      # stable ids inside SVG files
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
}
_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
             "pdf": {"CreationDate": None, "Producer": None, "Creator": None}}


def new_figure(figsize: tuple[float, float] = FIGSIZE, **subplots_kw):
    """Return ``(fig, ax)`` created with the package's fixed style and size."""
    with plt.rc_context(_RC):
        fig, ax = plt.subplots(figsize=figsize, **subplots_kw)
    return fig, ax


def source_note(fig: Figure, text: str) -> None:
    """Write a small source line at the bottom left of ``fig``."""
    fig.text(0.01, 0.005, text, fontsize=7, color="0.35", ha="left", va="bottom")


def save_figure(fig: Figure, name: str, figures: str | os.PathLike | None = None, *,
                formats: tuple[str, ...] = FORMATS, close: bool = True) -> list[Path]:
    """Write ``fig`` as ``{figures}/{name}.{png,svg}``, deterministically and whole.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    name : str
        Stable file stem, e.g. ``"04-frame-shares-by-year"``.
    figures : path-like, optional
        Output directory (default: :func:`discourse.paths.figures_dir`).
    formats : tuple of str
        Any of ``"png"``, ``"svg"``, ``"pdf"``.
    close : bool
        Close the figure after writing (default True).

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    from discourse import paths

    out_dir = paths.figures_dir(figures)
    written = []
    with plt.rc_context(_RC):
        for fmt in formats:
            if fmt not in _METADATA:
                raise ValueError(f"format {fmt!r} is not one of {sorted(_METADATA)}")
            target = out_dir / f"{name}.{fmt}"
            with atomic_path(target) as tmp:
                fig.savefig(tmp, format=fmt, dpi=DPI, metadata=_METADATA[fmt],
                            bbox_inches=None)
            written.append(target)
    if close:
        plt.close(fig)
    return written


# --- keywords (issue 4): plot functions above this line; extend __all__ here ---

# --- topics (issue 5): plot functions above this line; extend __all__ here ---

# --- framing (issue 6): plot functions above this line; extend __all__ here ---
