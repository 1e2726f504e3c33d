"""One notebook: its parameters, the injection of overrides, headless execution, the
saved file.

Parameters live in one code cell tagged ``parameters`` (as in papermill) and are read
as literals, never executed (:func:`read_parameters`). Overrides go into one cell tagged
``injected-parameters`` after it (:func:`inject_parameters`), which replaces any such
cell already there: injections never accumulate. :func:`execute_notebook` runs the
notebook with nbclient (kernel ``python3``, a timeout per cell, no timing metadata),
names the notebook and the cell of the first error, stops the kernel and every process
it started on Ctrl-C or SIGTERM (:mod:`discourse.interrupt`), and saves the notebook
exactly as ``nbformat`` (and JupyterLab) would write it, so that opening it in
JupyterLab shows no unsaved change. :func:`discourse.reproduce.run` runs them all.
"""

from __future__ import annotations

import ast
import os
import re
import tempfile
from pathlib import Path

from discourse import interrupt, paths
from discourse.io import write_text
from discourse.notebook_warnings import warnings_in

__all__ = ["ReproduceError", "ReproduceUsageError", "notebook_paths", "read_parameters",
           "inject_parameters", "parse_parameters", "recorded_parameters", "corpus_note",
           "execute_notebook",
           "INJECTED_TAG"]

#: Tag of the cell holding injected parameters.
INJECTED_TAG = "injected-parameters"
_INJECTED = INJECTED_TAG
#: Reads a literal (number, string, list, dict, None ...) and nothing else; never executes.
_read_literal = ast.literal_eval


class ReproduceError(RuntimeError):
    """A notebook failed: the message names the notebook and the cell."""


class ReproduceUsageError(ReproduceError):
    """The arguments of a run are unusable (an output folder refused or missing, a
    parameter no notebook defines): the message names every problem at once; nothing
    was written."""


def notebook_paths(notebooks: str | os.PathLike | None = None) -> list[Path]:
    """Return the numbered notebooks (``NN-*.ipynb``) in the order they run."""
    root = paths.notebooks_dir(notebooks)
    return sorted(p for p in root.glob("[0-9][0-9]-*.ipynb") if p.is_file())


def corpus_note(corpus: str | os.PathLike | None = None, outputs: tuple | None = None):
    """A note at the top of a chapter run on another corpus than the study's.

    The chapters' prose describes the study (the texts of the SCO Secretary-General in
    the repository's ``corpus/``); their tables and figures are those of the corpus they
    ran on. ``corpus``, ``outputs``: the chapter's ``CORPUS_DIR`` and ``(RESULTS_DIR,
    FIGURES_DIR)`` (``None``: the repository's; ``outputs=None``: not checked).

    Returns the note (``IPython.display.Markdown``; ``None`` for the study's corpus).
    Raises :class:`ReproduceUsageError`, before the chapter writes anything, where a
    chapter run directly on another corpus would write into the repository's own
    ``results/`` or ``figures/`` (as ``discourse reproduce`` refuses to).
    """
    if paths.is_study_corpus(corpus):
        return None
    root = paths.corpus_dir(corpus).resolve()
    own = []
    for name, given, where in zip(("RESULTS_DIR", "FIGURES_DIR"), outputs or (),
                                  (paths.results_dir, paths.figures_dir)):
        inside = paths.repository_folder(where(given))
        if inside:
            own.append(f"{name} (inside the repository's {inside})")
    if own:
        raise ReproduceUsageError(
            f"CORPUS_DIR is the corpus in {root}, not the study's, but {' and '.join(own)} "
            "would receive its tables and figures beside the study's: set RESULTS_DIR and "
            "FIGURES_DIR to folders of your own outside the repository in the parameters "
            "cell (nothing was written)")
    from IPython.display import Markdown

    lexicons = paths.unread_lexicons(corpus)
    return Markdown(f"**This chapter ran on the corpus in `{root}`, not the study's.** "
                    "The text between the code cells describes the study (the texts of the "
                    "SCO Secretary-General in corpus/); the tables, figures and numbers "
                    "printed below are those of this corpus."
                    + (f" Its own word lists: {lexicons}." if lexicons else ""))


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
        if cell.cell_type == "code" and ("parameters" in tags or _INJECTED in tags):
            params.update(_literal_assignments(cell.source, name))
    return params


#: Parameters a run sets from its folders (``--corpus``, ``--results``, ``--figures``).
FOLDER_PARAMETERS = ("CORPUS_DIR", "RESULTS_DIR", "FIGURES_DIR")


def recorded_parameters(nb, name: str = "notebook") -> dict:
    """The parameters of an executed notebook as the manifest records them: those of
    :func:`read_parameters`, sorted, folders by their last name only (no machine's
    absolute prefix)."""
    recorded = read_parameters(nb, name)
    for key in FOLDER_PARAMETERS:
        if recorded.get(key) is not None:
            recorded[key] = Path(recorded[key]).name
    return dict(sorted(recorded.items()))


def _spec_value(text: str, default, where: str):
    """The value of ``NAME=VALUE``: a Python literal, or the text itself where the
    parameter holds a string (or ``None``) and the text is no literal."""
    text = text.strip()
    try:
        value = _read_literal(text)
    except (ValueError, SyntaxError):
        if default is None or isinstance(default, str):
            return text
        raise ValueError(f"{where}: {text!r} is not a Python literal (the default is "
                         f"{default!r})") from None
    if default is None or type(value) is type(default):
        return value
    number = (int, float)
    if isinstance(default, number) and isinstance(value, number) \
            and not isinstance(default, bool) and not isinstance(value, bool):
        if isinstance(default, float):
            return float(value)
        if value.is_integer():          # an int parameter given 1e3 or 5.0
            return int(value)
        raise ValueError(f"{where}: {value!r} is not a whole number (the default is "
                         f"{default!r})")
    raise ValueError(f"{where}: {value!r} is of type {type(value).__name__}, the default "
                     f"{default!r} of type {type(default).__name__}")


def parse_parameters(specs, notebooks: str | os.PathLike | None = None, *,
                     only: list[str] | None = None) -> dict[str, dict]:
    """Read ``[NOTEBOOK:]NAME=VALUE`` settings of the notebooks' parameters.

    ``discourse reproduce --param`` passes them on; the result is the ``parameters``
    argument of :func:`discourse.reproduce.run`, recorded in the manifest.

    Parameters
    ----------
    specs : iterable of str
        ``NOTEBOOK:NAME=VALUE`` sets ``NAME`` in the one notebook whose file name starts
        with ``NOTEBOOK`` (``02`` or ``02-keywords``); ``NAME=VALUE`` in every notebook
        of the run whose ``parameters`` cell defines ``NAME``; a setting of one notebook
        wins over one of every notebook whatever their order (``N_BOOT=100
        02:N_BOOT=5000`` and ``02:N_BOOT=5000 N_BOOT=100`` both give 02 5000), else
        the last setting of a name wins. ``VALUE`` is a Python
        literal (``2035``, ``0.1``, ``None``, ``'["asean", "trade"]'``) of the type of the
        notebook's own value; where that value is a string or ``None``, text that is no
        literal is taken as a string (``REFERENCE=rest``).
    notebooks : path-like, optional
        Folder of the numbered notebooks (default: the repository's).
    only : list of str, optional
        The run's ``only`` prefixes: a setting must reach a notebook that runs.

    Returns
    -------
    dict
        ``{notebook file name: {parameter: value}}``, sorted.

    Raises
    ------
    ReproduceUsageError
        Naming every setting that is malformed, matches no notebook or several, names a
        parameter no such notebook defines, sets a folder (use ``--corpus``,
        ``--results``, ``--figures``) or gives a value of the wrong type.
    """
    import nbformat

    from discourse.checks import join_problems

    run = [p for p in notebook_paths(notebooks)
           if not only or any(p.name.startswith(o) for o in only)]
    defined = {p.name: read_parameters(nbformat.read(p, as_version=4), p.name) for p in run}
    out: dict[str, dict] = {}
    specific: dict[tuple[str, str], bool] = {}
    problems = []
    for spec in specs:
        head, eq, text = spec.partition("=")
        prefix, colon, name = head.rpartition(":")
        name = name.strip()
        if not eq or not name.isidentifier():
            problems.append(f"--param {spec!r}: expected [NOTEBOOK:]NAME=VALUE")
            continue
        if name in FOLDER_PARAMETERS:
            problems.append(f"--param {spec!r}: {name} is set by --corpus, --results "
                            "and --figures")
            continue
        names = [n for n in defined if n.startswith(prefix)] if colon else list(defined)
        if colon and len(names) != 1:
            problems.append(f"--param {spec!r}: {prefix!r} names "
                            f"{len(names) or 'no'} notebook(s) of this run "
                            f"({', '.join(names or defined) or 'none'})")
            continue
        targets = [n for n in names if name in defined[n]]
        if not targets:
            problems.append(f"--param {spec!r}: {name} is not a parameter of "
                            f"{names[0] if colon else 'any notebook of this run'}")
            continue
        for n in targets:
            try:
                value = _spec_value(text, defined[n][name], f"--param {spec!r}")
            except ValueError as exc:
                problems.append(str(exc))
                break
            if colon or not specific.get((n, name)):     # one notebook's setting wins
                out.setdefault(n, {})[name] = value
                specific[(n, name)] = bool(colon)
    if problems:
        raise ReproduceUsageError(join_problems(problems))
    return {n: dict(sorted(v.items())) for n, v in sorted(out.items())}


def _tags(cell) -> list:
    return cell.get("metadata", {}).get("tags", [])


def inject_parameters(nb, overrides: dict, name: str = "notebook"):
    """Return a copy of ``nb`` with an ``injected-parameters`` cell after ``parameters``.

    Any ``injected-parameters`` cell already in ``nb`` (left by an earlier run) is
    removed first, so injections never accumulate; with no overrides the copy has none.

    Raises
    ------
    ReproduceError
        If the notebook has no ``parameters`` cell or an override names a parameter
        the notebook does not define.
    """
    import copy

    import nbformat

    nb = copy.deepcopy(nb)
    stale = [c for c in nb.cells if _INJECTED in _tags(c)]
    if stale:
        nb.cells = [c for c in nb.cells if _INJECTED not in _tags(c)]
        _stable_cell_ids(nb)
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
    cell.metadata["tags"] = [_INJECTED]
    cell.pop("id", None)
    nb.cells.insert(index + 1, cell)
    _stable_cell_ids(nb)
    return nb


def _stable_cell_ids(nb) -> None:
    for i, cell in enumerate(nb.cells):
        if "id" in cell or nb.get("nbformat_minor", 0) >= 5:
            cell["id"] = f"cell-{i:02d}"


def _quiet_log():
    """nbclient's logger: its messages become exceptions here (a failing cell, a dead
    kernel), so they are not printed a second time (a NullHandler keeps Python's
    last-resort handler from writing them to standard error)."""
    import logging

    log = logging.getLogger("discourse.notebook.nbclient")
    if not log.handlers:
        log.addHandler(logging.NullHandler())
    return log


def _kernelspec(kernel_name: str) -> dict:
    """The ``kernelspec`` metadata JupyterLab writes for ``kernel_name`` when it opens a
    notebook (name, display name and language of the installed kernel); saving the same
    keeps a freshly executed notebook from opening with unsaved changes."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        return {"name": kernel_name}
    return {"display_name": spec.display_name, "language": spec.language, "name": kernel_name}


def _saved(nb) -> str:
    """The text of an executed notebook as saved: what ``nbformat.write`` (and so
    JupyterLab) would write for it, so that loading and saving it changes nothing."""
    import nbformat

    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    nb.metadata.pop("widgets", None)
    _stable_cell_ids(nb)
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


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
        cell is not counted), the error and any warning the cells before it printed
        (:func:`discourse.notebook_warnings.warnings_in`).
    discourse.interrupt.Interrupted
        On Ctrl-C or SIGTERM (see :func:`discourse.interrupt.signals_raise`), after
        stopping the kernel and every process it started; nothing is saved.

    Notes
    -----
    The kernel runs in a worker thread while this thread waits
    (:func:`discourse.interrupt.call_stopping_children`). Its own standard error
    (start-up warnings, messages of its worker processes; not the cells' output, which
    the notebook records) goes to a temporary file, quoted if the kernel dies. The
    saved file has stable cell ids, no timing metadata and the installed kernel's
    ``kernelspec``, and is exactly what ``nbformat.write`` writes for it (it
    round-trips unchanged).
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    nb = inject_parameters(nb, overrides or {}, path.name)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            record_timing=False, allow_errors=False, log=_quiet_log(),
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        with tempfile.TemporaryFile() as kernel_stderr:
            try:
                interrupt.call_stopping_children(lambda: client.execute(stderr=kernel_stderr))
            except DeadKernelError:
                kernel_stderr.seek(0)
                lines = kernel_stderr.read().decode("utf-8", "replace").strip().splitlines()
                raise ReproduceError(f"{path.name}: the kernel died"
                                     + (f" ({lines[-1].strip()})" if lines else "")) from None
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
            lines = [ln for ln in str(exc).strip().splitlines() if ln.strip()]
            last = lines[-1] if lines else type(exc).__name__
        last = re.sub(r"\x1b\[[0-9;]*m", "", last)
        if isinstance(index, int):   # number the cell as in the notebook file
            index -= sum(1 for c in nb.cells[:index] if _INJECTED in _tags(c))
        warned = warnings_in(nb)       # what the cells before had warned, if anything
        raise ReproduceError(f"{path.name}, cell {index}: {last}" + (
            f" (the notebook had warned: {'; '.join(warned)})" if warned else "")) from None
    nb.metadata["kernelspec"] = _kernelspec("python3")
    target = Path(output) if output is not None else path
    write_text(_saved(nb), target)
    return nb
