"""The git state a manifest records: the commit of the sources, and whether they were
edited, ignoring the run's own outputs.

A run rewrites tracked files (``results/``, ``figures/``, the executed notebooks in
``notebooks/``), and committing them makes a new commit. If the manifest recorded
``HEAD`` and ``git status`` as they are, every run after a commit of regenerated outputs
would record a new commit, and every run after a run would say "dirty": two runs from
one commit would never give identical files. So :func:`git_state` reports

* ``commit``: the latest commit that changed a *source* (commits that changed only
  outputs are passed over), i.e. the code, corpus and notebook cells the outputs come
  from;
* ``dirty``: whether a source differs from that commit in the working tree (changed
  outputs, and notebooks whose cells are unchanged but whose outputs differ, do not
  count; untracked files do not count either).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

__all__ = ["OUTPUT_DIRS", "git_state", "is_output_change"]

#: Folders (relative to the repository root) that only runs write.
OUTPUT_DIRS = ("results", "figures", "report")
#: How many commits :func:`git_state` looks back for the latest source change.
_LOOKBACK = 500


def _git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, check=check)


def _cells(data: bytes | None):
    """What a notebook's author wrote: cell types, sources and tags (outputs, counts and
    kernel metadata left out); ``None`` if ``data`` is not a notebook."""
    if data is None:
        return None
    try:
        nb = json.loads(data)
    except ValueError:
        return None
    out = []
    for c in nb.get("cells", []):
        source = c.get("source", "")
        out.append((c.get("cell_type"), "".join(source) if isinstance(source, list) else source,
                    tuple(c.get("metadata", {}).get("tags", []))))
    return out


def is_output_change(path: str, old: bytes | None, new: bytes | None) -> bool:
    """Whether a change of ``path`` (relative to the root) from ``old`` to ``new`` bytes
    (``None``: absent) is a run's output rather than a source edit."""
    top = path.split("/", 1)[0]
    if top in OUTPUT_DIRS:
        return True
    if top == "notebooks" and path.endswith(".ipynb"):
        before, after = _cells(old), _cells(new)
        return before is not None and before == after
    return False


def _show(root: Path, rev: str, path: str) -> bytes | None:
    proc = _git(root, "show", f"{rev}:./{path}", check=False)
    return proc.stdout if proc.returncode == 0 else None


def _source_commit(root: Path) -> str:
    revs = _git(root, "rev-list", f"--max-count={_LOOKBACK}", "--parents",
                "HEAD").stdout.decode().split("\n")
    for line in filter(None, revs):
        rev, *parents = line.split()
        if parents:
            diff = _git(root, "diff", "--name-only", "-z", "--relative", parents[0], rev)
        else:
            diff = _git(root, "diff-tree", "--root", "-r", "--name-only", "-z",
                        "--no-commit-id", "--relative", rev)
        changed = [p for p in diff.stdout.decode().split("\0") if p]
        old = parents[0] if parents else None
        if any(not is_output_change(p, _show(root, old, p) if old else None,
                                    _show(root, rev, p)) for p in changed):
            return rev
    return revs[0].split()[0]


def git_state(root: str | os.PathLike) -> dict:
    """Return ``{"commit": sha or None, "dirty": bool or None}`` of the sources in ``root``.

    Parameters
    ----------
    root : path-like
        The repository root (the folder holding ``results/``, ``notebooks/`` ...).

    Returns
    -------
    dict
        ``commit``: the latest commit that changed a source (see the module docstring);
        ``dirty``: whether a tracked source differs from it. Both ``None`` outside a git
        repository or without git.
    """
    root = Path(root)
    try:
        _git(root, "rev-parse", "HEAD")
        status = _git(root, "status", "--porcelain", "-z", "--untracked-files=no",
                      "--", ".").stdout.decode()
        prefix = _git(root, "rev-parse", "--show-prefix").stdout.decode().strip()
        commit = _source_commit(root)
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "dirty": None}
    entries = status.split("\0")
    dirty, i = False, 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if not entry:
            continue
        code, path = entry[:2], entry[3:]
        if "R" in code or "C" in code:
            i += 1                     # the entry after a rename is its old path
        path = path[len(prefix):] if prefix and path.startswith(prefix) else path
        target = root / path
        new = target.read_bytes() if target.is_file() else None
        if not is_output_change(path, _show(root, "HEAD", path), new):
            dirty = True
            break
    return {"commit": commit, "dirty": dirty}
