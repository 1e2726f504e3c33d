"""The figure conventions of every chapter: fixed style and size, deterministic files.

:func:`new_figure` makes a figure with the package's style; :func:`save_figure` writes a
figure whole (temporary file, then rename) as PNG and SVG with a stable name and no
timestamps, so that two runs give identical bytes (matplotlib and FreeType are pinned
in requirements.txt), and, in a notebook, displays the PNG it wrote, so that each
figure appears where readers look (the notebook, its HTML export) with the same bytes
as the file. Plot functions never save; notebooks call :func:`save_figure`.
matplotlib is imported on first use, so that importing this module does nothing
(matplotlib builds its font cache on first import; headless machines get Agg).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from discourse import paths
from discourse.io import atomic_path

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["FIGSIZE", "DPI", "FORMATS", "pyplot", "new_figure", "wrap_to", "source_note",
           "save_figure"]


def pyplot():
    """The ``matplotlib.pyplot`` module, imported on first use."""
    import matplotlib.pyplot as plt

    return plt


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
    plt = pyplot()
    with plt.rc_context(_RC):
        fig, ax = plt.subplots(figsize=figsize, **subplots_kw)
    return fig, ax


def wrap_to(fig: Figure, text: str, per_inch: int) -> str:
    """``text`` wrapped to the width of ``fig`` at ``per_inch`` characters per inch
    (about 17 for 7-point type, 10 for 12-point), so that no part is cut off."""
    import textwrap

    return "\n".join(textwrap.wrap(text, max(int(fig.get_figwidth() * per_inch), 40)))


def source_note(fig: Figure, text: str) -> None:
    """Write a small source line at the bottom left of ``fig``, wrapped to its width
    (:func:`wrap_to`, 17 characters of 7-point type per inch)."""
    fig.text(0.01, 0.005, wrap_to(fig, text, 17), fontsize=7, color="0.35",
             ha="left", va="bottom")


def _in_kernel() -> bool:
    """Whether this code runs in a Jupyter kernel (IPython is not imported otherwise)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return getattr(shell, "kernel", None) is not None


def _title(fig: Figure, fallback: str) -> str:
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        return suptitle.get_text()
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    return titles[0] if titles else fallback


def _display_png(data: bytes, alt: str) -> None:
    from IPython.display import Image, display

    display(Image(data=data, format="png", alt=alt))


def save_figure(fig: Figure, name, figures: str | os.PathLike | None = None, *,
                formats: tuple[str, ...] = FORMATS, close: bool = True,
                show: bool | None = None) -> list[Path]:
    """Write ``fig`` as ``{figures}/{name}.{png,svg}``, deterministically and whole.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    name : str or discourse.results.Output
        Stable file stem, e.g. ``"04-frame-shares-by-year"``, or a registered figure
        (``results.FIG_FRAME_SHARES``).
    figures : path-like, optional
        Output directory (default: :func:`discourse.paths.figures_dir`).
    formats : tuple of str
        Any of ``"png"``, ``"svg"``, ``"pdf"``.
    close : bool
        Close the figure after writing (default True).
    show : bool, optional
        Display the PNG just written as the cell's output (an image output whose bytes
        are the file's, with the figure's title as alternative text). Default
        ``None``: display when running in a Jupyter kernel, not elsewhere. Needs
        ``"png"`` in ``formats``.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    plt = pyplot()
    out_dir = paths.figures_dir(figures)
    written = []
    with plt.rc_context(_RC):
        for fmt in formats:
            if fmt not in _METADATA:
                raise ValueError(f"format {fmt!r} is not one of {sorted(_METADATA)}")
            target = out_dir / f"{str(name)}.{fmt}"
            with atomic_path(target) as tmp:
                fig.savefig(tmp, format=fmt, dpi=DPI, metadata=_METADATA[fmt],
                            bbox_inches=None)
            written.append(target)
    if show is None:
        show = _in_kernel()
    if show:
        if "png" not in formats:
            raise ValueError(f"show=True needs 'png' in formats, got {formats!r}")
        _display_png((out_dir / f"{str(name)}.png").read_bytes(), _title(fig, str(name)))
    if close:
        plt.close(fig)
    return written
