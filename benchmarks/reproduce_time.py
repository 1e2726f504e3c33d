"""Time the full ``make reproduce`` pipeline (environment already installed).

Runs :func:`discourse.reproduce.run` into a temporary directory (the repository's outputs
are not touched) ``--repeat`` times and prints the wall time of each step (sentences,
then each notebook) and the total, as a Markdown table for benchmarks/README.md.

    .venv/bin/python benchmarks/reproduce_time.py [--repeat 2]
    .venv/bin/python benchmarks/reproduce_time.py --old 1265bf7 [--repeat 2]

With ``--old REV`` the revision ``REV`` (its files from ``git archive``: package,
notebooks, corpus) and this checkout are timed side by side in the same run, each run in
a fresh process with that tree's ``src/`` first on ``PYTHONPATH`` (the notebooks'
kernels inherit it), alternating which goes first; the table has a column for each, and
the last line says whether the two wrote the same bytes (every table and figure;
the manifest and the executed notebooks, which name their folders, aside).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_CHILD = """
import json, sys, time
from pathlib import Path
import discourse
from discourse import reproduce
assert Path(discourse.__file__).resolve().is_relative_to(Path(sys.argv[2]).resolve()), \\
    discourse.__file__
out = Path(sys.argv[1])
t0 = time.perf_counter()
m = reproduce.run(results=out / "results", figures=out / "figures",
                  executed=out / "notebooks", quiet=True)
print(json.dumps({**m["timings"], "total": time.perf_counter() - t0}))
"""


def _digest(out: Path) -> str:
    """sha256 over every table and figure a run wrote (not the manifest)."""
    h = hashlib.sha256()
    for p in sorted((out / "results").rglob("*")) + sorted((out / "figures").rglob("*")):
        if p.is_file() and p.name != "manifest.json":
            h.update(p.relative_to(out).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def _timed(root: Path) -> tuple[dict[str, float], str]:
    """One run of the pipeline of the tree ``root`` in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(root / "src")}
        proc = subprocess.run([sys.executable, "-c", _CHILD, tmp, str(root / "src")],
                              cwd=root, env=env, capture_output=True, text=True)
        if proc.returncode:
            raise SystemExit(f"reproduce_time: the run of {root} failed:\n{proc.stderr[-3000:]}")
        return json.loads(proc.stdout.strip().splitlines()[-1]), _digest(Path(tmp))


def _tree(rev: str, dest: Path) -> Path:
    """The files of revision ``rev`` under ``dest`` (``git archive``)."""
    data = subprocess.run(["git", "archive", "--format=tar", rev], cwd=REPO,
                          capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--old", default=None, help="a revision to time side by side")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"this checkout": REPO}
        if args.old:
            trees = {f"old ({args.old})": _tree(args.old, Path(tmp) / "old"), **trees}
        steps: dict[str, dict[str, list[float]]] = {label: {} for label in trees}
        digests: dict[str, set[str]] = {label: set() for label in trees}
        for i in range(args.repeat):
            order = list(trees) if i % 2 == 0 else list(trees)[::-1]
            for label in order:
                timings, digest = _timed(trees[label])
                digests[label].add(digest)
                for step, seconds in timings.items():
                    steps[label].setdefault(step, []).append(seconds)
    labels = list(trees)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {args.repeat} runs each, median seconds (min-max)\n")
    print("| step | " + " | ".join(labels) + " |\n| --- |" + " ---: |" * len(labels))
    for step in steps[labels[-1]]:
        cells = [f"{statistics.median(v):.1f} ({min(v):.1f}-{max(v):.1f})" if v else "-"
                 for v in (steps[label].get(step, []) for label in labels)]
        name = "**total (reproduce.run)**" if step == "total" else step
        print(f"| {name} | " + " | ".join(cells) + " |")
    if args.old:
        same = len(set().union(*digests.values())) == 1
        print(f"\nsame tables and figures from both: {same}")


if __name__ == "__main__":
    main()
