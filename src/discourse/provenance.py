"""Provenance of result tables: the function, parameters, corpus and version behind each.

A table made by a public function of the package carries a small record in
``DataFrame.attrs["provenance"]``: the function's full name, its parameters (plain
values; paths by their file name only, so records do not depend on the machine), the
records of the tables it was made from (``inputs``), the corpus it comes from
(directory name, text layer and one sha256 over the corpus files' checksums) and, for a
function that reads files of its own such as hand codings, their sha256 (``files``). The
functions declare this with the :func:`tracked` decorator; :func:`discourse.corpus.
load_docs` starts the chain with :func:`attach`. :func:`discourse.io.write_table`
writes the record beside the table as a JSON *sidecar*, ``.provenance/NAME.csv.json``
in the table's directory, with the package version and the table's own sha256.

Nothing is written or read at import time; a record never affects a table's values.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import inspect
import json
import math
import os
from pathlib import Path
from typing import Callable, Mapping

__all__ = [
    "KEY",
    "SIDECAR_DIR",
    "tracked",
    "file_sha256",
    "file_checksums",
    "attach",
    "of",
    "describe",
    "corpus_signature",
    "sidecar_path",
    "sidecar",
    "read_sidecar",
]

#: Key of the record in ``DataFrame.attrs``.
KEY = "provenance"
#: Directory (beside a table) holding the sidecars.
SIDECAR_DIR = ".provenance"
#: Arguments that do not change a result (left out of records).
_IGNORED = frozenset({"n_jobs", "progress", "quiet"})


def _is_table(value) -> bool:
    import pandas as pd

    return isinstance(value, pd.DataFrame)


def describe(value):
    """A JSON-able description of a parameter value (see the module docstring).

    Examples
    --------
    >>> from pathlib import Path
    >>> describe({"k": (2, 3), "path": Path("/tmp/x/frames.yaml"), "p": None})
    {'k': [2, 3], 'path': 'frames.yaml', 'p': None}
    """
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else value
    if getattr(value, "shape", None) == () and hasattr(value, "item"):   # numpy scalar
        return describe(value.item())
    if isinstance(value, os.PathLike):
        return Path(value).name
    if _is_table(value):
        return of(value) or {"function": None, "rows": len(value)}
    if hasattr(value, "provenance") and callable(value.provenance):
        return value.provenance()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: describe(getattr(value, f.name))
                for f in dataclasses.fields(value) if not f.name.startswith("_")}
    if isinstance(value, Mapping):
        return {str(k): describe(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(describe(v) for v in value)
    if isinstance(value, range):
        return [value.start, value.stop, value.step]
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        return [describe(v) for v in items]
    if callable(value):
        return getattr(value, "__qualname__", type(value).__name__)
    return type(value).__name__


def _strip(record: dict | None) -> dict | None:
    """A record as an input of another: without the corpus, which the outer one names."""
    if not isinstance(record, dict):
        return record
    return {k: v for k, v in record.items() if k != "corpus"}


def attach(table, function: str, parameters: Mapping | None = None,
           inputs: Mapping | None = None, corpus: Mapping | None = None):
    """Set the provenance record of ``table`` (a table the caller has just made).

    ``inputs`` maps argument names to tables or objects with a ``provenance()``
    method; the corpus is taken from the first input that names one unless given.
    Returns ``table``.
    """
    records = {name: describe(value) for name, value in (inputs or {}).items()}
    if corpus is None:
        corpus = next((r["corpus"] for r in records.values()
                       if isinstance(r, dict) and r.get("corpus")), None)
    table.attrs[KEY] = {
        "function": function,
        "parameters": {k: describe(v) for k, v in (parameters or {}).items()},
        "inputs": {k: _strip(r) for k, r in records.items()},
        "corpus": dict(corpus) if corpus else None,
    }
    return table


def _is_input(value) -> bool:
    return _is_table(value) or callable(getattr(value, "provenance", None))


def file_sha256(path: str | os.PathLike) -> str:
    """The sha256 hex digest of a file's bytes (the package's one file checksum: corpus,
    manifest, provenance, coding-sheet locks; :mod:`discourse.io` re-exports it), read a
    buffer at a time (``hashlib.file_digest``), never whole: the sidecar of a keyness table
    of 27 MB held the file's bytes beside the table (``benchmarks/README.md``)."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def file_checksums(files: Mapping[str, str | os.PathLike]) -> dict:
    """``{label: sha256}`` of the files that exist among ``files`` (sorted by label).

    Examples
    --------
    >>> file_checksums({"annotations/none.csv": "/nonexistent/none.csv"})
    {}
    """
    out = {}
    for label, path in sorted(files.items()):
        if Path(path).is_file():
            out[label] = file_sha256(path)
    return out


def tracked(func: Callable | None = None, *,
            files: Callable[[dict], Mapping] | None = None) -> Callable:
    """Decorator: record the provenance of the table a function returns.

    Arguments that are tables (or objects with a ``provenance()`` method, such as a
    fitted topic model) become ``inputs``; the others ``parameters``. A function that
    reads files itself (hand codings, registries) names them with ``files``: called
    with the function's arguments, it returns ``{label: path}``, and the record gets
    ``files``, the sha256 of each (:func:`file_checksums`).
    """
    if func is None:
        return functools.partial(tracked, files=files)
    signature = inspect.signature(func)
    name = f"{func.__module__}.{func.__qualname__}"

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        if _is_table(result):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            arguments = {k: v for k, v in bound.arguments.items() if k not in _IGNORED}
            attach(result, name,
                   {k: v for k, v in arguments.items() if not _is_input(v)},
                   {k: v for k, v in arguments.items() if _is_input(v)})
            if files is not None:
                result.attrs[KEY]["files"] = file_checksums(files(dict(bound.arguments)))
        return result

    return wrapper


def of(table) -> dict | None:
    """The provenance record of ``table`` (``None`` if it has none)."""
    return getattr(table, "attrs", {}).get(KEY)


def corpus_signature(directory: str | os.PathLike, checksums: Mapping[str, str],
                     layer: str | None = None) -> dict:
    """``{"directory", "layer", "sha256"}``: one checksum over the corpus files' checksums.

    Examples
    --------
    >>> corpus_signature("/data/corpus", {"metadata.csv": "ab"}, "raw")["directory"]
    'corpus'
    """
    digest = hashlib.sha256(json.dumps(dict(sorted(checksums.items()))).encode()).hexdigest()
    return {"directory": Path(directory).name, "layer": layer, "sha256": digest}


def sidecar_path(path: str | os.PathLike) -> Path:
    """Where the sidecar of the table at ``path`` lives: ``.provenance/NAME.json``."""
    path = Path(path)
    return path.parent / SIDECAR_DIR / f"{path.name}.json"


def sidecar(table, path: str | os.PathLike) -> str:
    """The sidecar text (JSON) of ``table`` as written to ``path``."""
    from discourse import __version__

    path = Path(path)
    record = of(table) or {"function": None, "parameters": {}, "inputs": {}, "corpus": None}
    out = {"table": path.name,
           "sha256": file_sha256(path),
           "rows": int(len(table)), "columns": [str(c) for c in table.columns],
           **record, "package": "discourse", "version": __version__}
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"


def read_sidecar(path: str | os.PathLike) -> dict | None:
    """The sidecar record of the table at ``path`` (``None`` if there is none)."""
    p = sidecar_path(path)
    if not p.is_file():
        return None
    return json.loads(p.read_text(encoding="utf-8"))
