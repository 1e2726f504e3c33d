"""Where things live: the repository, the corpus, its lexicons, results and figures.

Every function takes an explicit path first; the defaults below are used only when the
caller passes ``None``. Resolution order for the corpus directory:

1. the argument, if given;
2. the ``DISCOURSE_CORPUS`` environment variable;
3. ``corpus/`` in the repository this package was installed from (editable install);
4. ``corpus/`` in the current working directory.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "REPOSITORY_DIRS",
    "repository_folder",
    "tracked_source",
    "repo_root",
    "base",
    "is_study_corpus",
    "corpus_dir",
    "lexicon_dir",
    "lexicon_path",
    "UnreadLexiconsWarning",
    "unread_lexicons",
    "results_dir",
    "figures_dir",
    "notebooks_dir",
    "report_dir",
    "REPORT_RECORD",
    "report_record",
    "check_report_folder",
    "codebook_path",
]


def repo_root() -> Path | None:
    """Return the repository root this package was installed from, or ``None``.

    The root is the first parent of this file that contains ``pyproject.toml`` and a
    ``corpus/`` directory; an installed (non-editable) copy has none.
    """
    for parent in Path(__file__).resolve().parents:
        if (parent / "pyproject.toml").is_file() and (parent / "corpus").is_dir():
            return parent
    return None


def base() -> Path:
    """Return the folder the default paths are in: :func:`repo_root`, or the current
    working directory for an installed (non-editable) copy."""
    root = repo_root()
    return root if root is not None else Path.cwd()


#: Folders of the repository that a run on another corpus must not write into.
REPOSITORY_DIRS = ("results", "figures", "corpus", "notebooks", "src", "docs")


def repository_folder(path: str | os.PathLike) -> str | None:
    """The folder of :data:`REPOSITORY_DIRS` that ``path`` is (or is inside), as
    ``"results/"``; ``None`` for a path outside them."""
    folder = Path(path).resolve()
    return next((f"{n}/" for n in REPOSITORY_DIRS
                 if folder.is_relative_to((base() / n).resolve())), None)


def tracked_source(path: str | os.PathLike) -> bool:
    """Whether ``path`` is an existing file of the repository checkout that no command
    may write over: one git tracks, other than the generated tables and figures
    (``results/``, ``figures/``): the README, the Makefile, the code, the corpus...

    The file is compared with the tracked files of its folder by identity
    (:func:`os.path.samefile`), so that "readme.md" on a case-insensitive file system
    or a hard link is the README too. Where git cannot say (a copy without ``.git``, no
    git, a repository git refuses to read), every existing file of the checkout outside
    those two folders counts. ``False`` outside a checkout.
    """
    import subprocess

    root = repo_root()
    p = Path(path).resolve()
    if root is None or not p.is_file() or not p.is_relative_to(root.resolve()) \
            or repository_folder(p) in ("results/", "figures/"):
        return False
    try:
        done = subprocess.run(["git", "ls-files", "-z", "--", str(p.parent)], cwd=root,
                              capture_output=True)
    except OSError:                       # no git on this machine
        return True
    if done.returncode != 0:              # not a repository git can read
        return True
    tracked = (root / name for name in done.stdout.decode("utf-8", "replace").split("\0")
               if name)
    return any(t.is_file() and os.path.samefile(t, p) for t in tracked)


def is_study_corpus(path: str | os.PathLike | None = None) -> bool:
    """Whether ``path`` (default: :func:`corpus_dir`) is the ``corpus/`` folder of
    :func:`base`, the study's corpus (a run on any other says so in its chapters)."""
    return corpus_dir(path).resolve() == (base() / "corpus").resolve()


def corpus_dir(path: str | os.PathLike | None = None) -> Path:
    """Return the corpus directory (see the module docstring for the order)."""
    if path is not None:
        return Path(path)
    env = os.environ.get("DISCOURSE_CORPUS")
    if env:
        return Path(env)
    return base() / "corpus"


def lexicon_dir(path: str | os.PathLike | None = None) -> Path:
    """Return the directory of researcher-edited word lists (``corpus/lexicons``).

    The lexicons describe the language and the codebook, not one corpus, so they are
    found in the repository's ``corpus/lexicons`` even when the analysis runs on
    another corpus directory.
    """
    if path is not None:
        return Path(path)
    env = os.environ.get("DISCOURSE_LEXICONS")
    if env:
        return Path(env)
    return base() / "corpus" / "lexicons"


class UnreadLexiconsWarning(UserWarning):
    """A corpus's own ``lexicons/`` folder differs from the lexicons read."""


def unread_lexicons(corpus: str | os.PathLike | None = None) -> str:
    """What to say when the corpus's own ``lexicons/`` folder holds other files than the
    lexicons read (:func:`lexicon_dir`); ``""`` when there is nothing to say.

    A corpus laid out as ``corpus/README.md`` describes may carry its own word lists;
    they are read only through ``DISCOURSE_LEXICONS`` (or a lexicon path given to a
    function), so a folder that differs from the one read would otherwise be ignored
    in silence. A copy of the lexicons read, file for file and byte for byte, is not.
    The commands that read lexicons warn with it (:class:`UnreadLexiconsWarning`), and a
    chapter run on another corpus says it in its note.
    """
    own = corpus_dir(corpus) / "lexicons"
    used = lexicon_dir()
    if not own.is_dir() or own.resolve() == used.resolve():
        return ""

    def files(folder: Path) -> dict:
        return {p.relative_to(folder).as_posix(): p.read_bytes()
                for p in sorted(folder.rglob("*")) if p.is_file()}

    if used.is_dir() and files(own) == files(used):
        return ""
    return (f"{own} is not read: the lexicons are {used} (set DISCOURSE_LEXICONS={own} to "
            "use the corpus's own)")


def lexicon_path(name: str, path: str | os.PathLike | None = None) -> Path:
    """Return ``path`` if given, else the default lexicon file ``name``."""
    if path is not None:
        return Path(path)
    return lexicon_dir() / name


def results_dir(path: str | os.PathLike | None = None) -> Path:
    """Return the directory for result tables (``results/``)."""
    return Path(path) if path is not None else base() / "results"


def figures_dir(path: str | os.PathLike | None = None) -> Path:
    """Return the directory for figures (``figures/``)."""
    return Path(path) if path is not None else base() / "figures"


def notebooks_dir(path: str | os.PathLike | None = None) -> Path:
    """Return the directory of the numbered notebooks (``notebooks/``)."""
    return Path(path) if path is not None else base() / "notebooks"


def report_dir(results: str | os.PathLike | None = None) -> Path:
    """Return the default folder of ``discourse report`` for a results folder: ``report/``
    beside a results folder named ``results`` (the repository's, or ``RUN/results``), else
    ``NAME-report/`` beside the results folder ``NAME``, so that two results folders side
    by side (``r1/``, ``r2/``) never share one report.

    Examples
    --------
    >>> report_dir("/runs/a/results").as_posix(), report_dir("/runs/b").as_posix()
    ('/runs/a/report', '/runs/b-report')
    """
    folder = Path(os.path.abspath(results_dir(results)))
    return folder.parent / ("report" if folder.name == "results" else f"{folder.name}-report")


#: The name of the ``<meta>`` element by which the pages of ``discourse report`` (its
#: ``index.html`` and the explorer) record the results folder they were built from,
#: relative to their own folder, so that no path of the machine is published with them.
REPORT_RECORD = "discourse-results"


def report_record(results: str | os.PathLike, out_dir: str | os.PathLike) -> str:
    """The results folder as a page in ``out_dir`` records it: relative to ``out_dir``
    (absolute where no relative path leads there, e.g. another drive).

    Examples
    --------
    >>> report_record("/runs/a/results", "/runs/a/report")
    '../results'
    """
    results, out_dir = Path(results).resolve(), Path(out_dir).resolve()
    try:
        return os.path.relpath(results, out_dir).replace(os.sep, "/")
    except ValueError:
        return results.as_posix()


def check_report_folder(out_dir: str | os.PathLike, results: str | os.PathLike,
                        pages: tuple[str, ...] = ("index.html",)) -> None:
    """Refuse to write over the pages of another results folder's report.

    Each of ``pages`` that exists in ``out_dir`` and records a results folder
    (:data:`REPORT_RECORD`) must record ``results``; a page that records none (an older
    report) or no page is no obstacle.

    Raises
    ------
    ValueError
        Naming the folder, the results folder its pages record and ``results``.
    """
    import html
    import re

    out_dir = Path(out_dir)
    pattern = re.compile(rf'<meta name="{REPORT_RECORD}" content="([^"]*)">')
    for name in pages:
        page = out_dir / name
        if not page.is_file():
            continue
        found = pattern.search(page.read_text(encoding="utf-8", errors="replace"))
        if found is None:
            continue
        built = (out_dir / html.unescape(found.group(1))).resolve()
        if built != Path(results).resolve():
            raise ValueError(f"{out_dir} holds the report of the results in {built}, not "
                             f"of {results}: pass -o with another folder, or remove that "
                             "one first (nothing was written)")


def codebook_path(path: str | os.PathLike | None = None) -> Path:
    """Return the framing codebook: ``path`` if given, else ``$DISCOURSE_CODEBOOK``, else
    ``docs/codebook.md`` in the repository (it may not exist: callers check)."""
    if path is not None:
        return Path(path)
    env = os.environ.get("DISCOURSE_CODEBOOK")
    if env:
        return Path(env)
    return base() / "docs" / "codebook.md"
