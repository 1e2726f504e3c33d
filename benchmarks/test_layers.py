"""The fast test layer (``make test-fast``) of two revisions side by side in one run.

The target of issue 11 is a fast layer under 20 s on the project's 2-core machine; the
machine's speed varies from one session to the next (the same commit's fast layer took
25.5 s on 2026-12-05 and 56 s on 2026-12-06), so a change to the tests or the package is
judged against the revision before it, in the same run. Usage (from the repository
root)::

    .venv/bin/python benchmarks/test_layers.py --old 01006ef               # new: HEAD
    .venv/bin/python benchmarks/test_layers.py --old 01006ef --new main --rounds 3 \\
        --workers 2 --json out.json

Each revision is checked out in a clone of this repository in a temporary folder (its
committed files only: commit a change before measuring it), with this checkout's
``.venv`` linked in and its own ``src/`` first on ``PYTHONPATH``. Each clone runs the
layer once unmeasured (Python writes its ``__pycache__``, as ``make test-fast`` lets it),
then ``--rounds`` measured times, the two revisions alternating which goes first (so
that a slow spell of a shared machine hits both). Each run is
``pytest -p no:cacheprovider -q -m "not slow" -n WORKERS`` in the clone; its wall time,
its CPU time (user + system of pytest and its workers, from
``resource.getrusage``), the machine's load average
before it, pytest's return code and its last line (tests passed, failed, skipped) are
printed and, with ``--json``, written; the script exits with 1 if a run of either
revision failed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def checkout(rev: str, where: Path) -> Path:
    """A clone of this repository at ``rev`` in ``where``, with ``.venv`` linked in."""
    subprocess.run(["git", "clone", "-q", str(REPO), str(where)], check=True)
    subprocess.run(["git", "-C", str(where), "checkout", "-q", rev], check=True)
    (where / ".venv").symlink_to(REPO / ".venv")
    return where


def pytest_layer(root: Path, marker: str, workers: str, *extra: str,
                 env: dict | None = None) -> subprocess.CompletedProcess:
    """``pytest -p no:cacheprovider -q -m MARKER -n WORKERS [EXTRA]`` in ``root`` with its
    ``.venv``, as ``make test-fast`` runs it (compiled modules cached: the Makefile's
    ``TEST_ENV``), its output captured. Used by ``benchmarks/slowest_tests.py`` too."""
    env = {**os.environ, **(env or {})}
    env.pop("PYTHONDONTWRITEBYTECODE", None)        # as `make test-fast` (TEST_ENV)
    return subprocess.run([str(root / ".venv" / "bin" / "pytest"), "-p", "no:cacheprovider",
                           "-q", "-m", marker, "-n", workers, *extra], cwd=root, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def run_layer(clone: Path, workers: str, marker: str) -> dict:
    """One run of the test layer in ``clone``: wall and CPU seconds, pytest's summary."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = pytest_layer(clone, marker, workers, env={"PYTHONPATH": str(clone / "src")})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)   # pytest and its workers
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    return {"wall": round(wall, 2), "cpu": round(cpu, 1), "load": round(load, 2),
            "returncode": proc.returncode, "summary": last.strip("= ")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--old", required=True, help="the revision before (anything git names)")
    ap.add_argument("--new", default="HEAD", help="the revision measured (default: HEAD)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", default="2", help="pytest-xdist workers (default: 2)")
    ap.add_argument("--marker", default="not slow", help='the layer (default: "not slow")')
    ap.add_argument("--json", type=Path, help="write the measurements here too")
    args = ap.parse_args(argv)
    if args.rounds < 1:
        ap.error("--rounds must be 1 or more")
    runs: dict[str, list] = {"old": [], "new": []}
    with tempfile.TemporaryDirectory(prefix="test-layers-") as tmp:
        clones = {name: checkout(rev, Path(tmp) / name)
                  for name, rev in (("old", args.old), ("new", args.new))}
        for name, clone in clones.items():          # unmeasured: compiles __pycache__
            print(f"warm-up {name}: {run_layer(clone, args.workers, args.marker)}", flush=True)
        for r in range(args.rounds):
            order = ("old", "new") if r % 2 == 0 else ("new", "old")
            for name in order:
                got = run_layer(clones[name], args.workers, args.marker)
                runs[name].append(got)
                print(f"round {r + 1} {name}: {got}", flush=True)
    for name, rev in (("old", args.old), ("new", args.new)):
        walls = [g["wall"] for g in runs[name]]
        print(f"{name} ({rev}): wall median {statistics.median(walls):.1f} s "
              f"(range {min(walls):.1f}-{max(walls):.1f}); {runs[name][-1]['summary']}")
    failed = [name for name in runs if any(g["returncode"] for g in runs[name])]
    if failed:
        print(f"pytest failed in {', '.join(failed)}: the times compare layers that did "
              "not both pass", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"old": args.old, "new": args.new,
                                         "workers": args.workers, "marker": args.marker,
                                         "runs": runs}, indent=1) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
