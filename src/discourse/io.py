"""Write tables, text and figures whole, tables with their provenance; read tables back.

Every file goes to a temporary file beside its target and is then renamed into place:
an interrupted run never leaves a half-written file, and the previous output stays in
place until the new one is complete. Tables are written with a fixed float format and
``\\n`` line endings so that two runs give byte-identical files, and each gets a
provenance sidecar (see :mod:`discourse.provenance`): ``.provenance/NAME.csv.json``
beside it, naming the function, its parameters, the corpus checksum and the package
version.
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from pathlib import Path
from typing import Iterator, Mapping

import numpy as np
import pandas as pd

from discourse import provenance
from discourse.provenance import file_sha256

__all__ = ["atomic_path", "write_text", "write_table", "csv_fields", "remove_table",
           "read_table", "file_sha256", "FLOAT_FORMAT"]

#: Float format of every CSV the package writes (fixed, so files are reproducible).
FLOAT_FORMAT = "%.6g"


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it onto ``path`` on success.

    Parameters
    ----------
    path : path-like
        The final file. Its directory is created if missing.
    suffix : str, optional
        Suffix of the temporary file (defaults to that of ``path``, so writers that
        infer a format from the extension, such as matplotlib, still work).

    Notes
    -----
    On an exception the temporary file is removed and ``path`` is left untouched.
    Temporary files start with a dot (``.NAME.XXXX.csv``).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=suffix if suffix is not None else path.suffix,
        dir=path.parent,
    )
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o644)
        os.replace(tmp_path, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        raise


def write_text(text: str, path: str | os.PathLike) -> Path:
    """Write ``text`` (UTF-8, as given) to ``path`` whole; return the path."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="")
    return Path(path)


def write_table(table: pd.DataFrame, path: str | os.PathLike, *,
                with_provenance: bool = True) -> Path:
    """Write ``table`` as CSV (UTF-8, no index, ``FLOAT_FORMAT``) whole; return the path.

    Parameters
    ----------
    table : pandas.DataFrame
    path : path-like
    with_provenance : bool
        Also write the sidecar ``.provenance/NAME.csv.json`` (default True; off for
        files researchers edit, such as topic labels).

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = write_table(pd.DataFrame({"a": [1 / 3]}), out)
    >>> out.read_text()
    'a\\n0.333333\\n'
    >>> sorted(p.name for p in out.parent.rglob("*"))
    ['.provenance', 't.csv', 't.csv.json']
    """
    path = Path(path)
    rows = csv_fields(table)
    with atomic_path(path) as tmp:
        if rows is None:
            table.to_csv(tmp, index=False, float_format=FLOAT_FORMAT, lineterminator="\n",
                         encoding="utf-8")
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as f:
                csv.writer(f, lineterminator="\n").writerows(rows)
    if with_provenance:
        write_text(provenance.sidecar(table, path), provenance.sidecar_path(path))
    return path


def csv_fields(table: pd.DataFrame, chunk: int = 4096) -> Iterator[list] | None:
    """The rows of fields (the header first) that :func:`write_table` writes for
    ``table``, as pandas's ``to_csv(index=False, float_format=FLOAT_FORMAT)`` makes
    them, for a table of columns of ``float64`` (``FLOAT_FORMAT``, NaN empty),
    ``int64``, ``bool``, ``Int64`` (missing empty) and text (``str`` or missing,
    written empty) with names of text; ``None`` for any other table (pandas writes
    it). pandas formats each float with a call of its own; here the floats of ``chunk``
    rows at a time are formatted in one comprehension (the same ``%`` operator), a few
    thousand rows at a time as pandas does.

    Examples
    --------
    >>> list(csv_fields(pd.DataFrame({"a": [1 / 3, float("nan")], "b": ["x", None]})))
    [['a', 'b'], ('0.333333', 'x'), ('', '')]
    >>> csv_fields(pd.DataFrame({"a": [1, None]}, dtype="Int32")) is None
    True
    """
    if type(table.columns) is not pd.Index or table.columns.empty or table.empty \
            or not all(type(c) is str for c in table.columns):
        return None
    kinds = []
    for _, column in table.items():
        dtype = column.dtype
        if dtype == np.float64:
            kinds.append("f")
        elif dtype == np.int64 or dtype == np.bool_:
            kinds.append("i")
        elif isinstance(dtype, pd.Int64Dtype):
            kinds.append("n")
        elif dtype == object or isinstance(dtype, pd.StringDtype):
            if not all(type(x) is str or x is None or type(x) is float and x != x
                       for x in column.tolist()):
                return None
            kinds.append("s")
        else:
            return None
    return _fields(table, kinds, chunk)


def _fields(table: pd.DataFrame, kinds: list[str], chunk: int) -> Iterator[list]:
    yield list(table.columns)
    for start in range(0, len(table), chunk):
        columns = []
        for kind, (_, column) in zip(kinds, table.iloc[start:start + chunk].items()):
            values = column.tolist()
            if kind == "f":
                values = [FLOAT_FORMAT % x if x == x else "" for x in values]
            elif kind == "i":
                values = list(map(str, values))
            elif kind == "n":
                values = ["" if x is pd.NA else str(x) for x in values]
            else:
                values = [x if type(x) is str else "" for x in values]
            columns.append(values)
        yield from zip(*columns)


def remove_table(path: str | os.PathLike) -> None:
    """Remove a table written by :func:`write_table` and its provenance sidecar (an
    output of an earlier run that this run does not write; absent files are fine)."""
    path = Path(path)
    path.unlink(missing_ok=True)
    provenance.sidecar_path(path).unlink(missing_ok=True)


def read_table(path: str | os.PathLike, dtype: Mapping | None = None) -> pd.DataFrame:
    """Read a CSV written by :func:`write_table`, with its provenance record.

    Fields are read as written: "NA" or "null" in a text stays text
    (``keep_default_na=False``); pass ``dtype`` for columns whose type cannot be
    inferred (ids made of digits). The sidecar's record, if any, is put back in
    ``attrs["provenance"]``.
    """
    table = pd.read_csv(path, dtype=dict(dtype or {}), keep_default_na=False,
                        encoding="utf-8")
    record = provenance.read_sidecar(path)
    if record is not None:
        table.attrs[provenance.KEY] = {k: record.get(k) for k in
                                       ("function", "parameters", "inputs", "corpus")}
    return table
