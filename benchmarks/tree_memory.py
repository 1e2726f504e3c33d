"""``discourse keyness`` of revisions side by side: time, CPU and the process tree's memory.

Issue 15's memory target (under 400 MB at 10 million words) counts every process of a
run: with ``--n-jobs 2`` the parent, its worker processes and any helper process they
start. Each run here is ``python -m discourse keyness --corpus CORPUS --target T
--reference rest --quiet -o OUT.csv --n-jobs J`` in a fresh process; every 0.2 s the
proportional set size (``psutil``'s ``memory_full_info().pss``: pages shared between
processes counted once, split among them) of that process and all its descendants is
summed, and the peak of the sum is reported with each process's own peak (labelled
parent, worker or the helper's command). The CPU time (user + system) of the tree is
``getrusage(RUSAGE_CHILDREN)``'s, the table's sha256 is printed beside. Usage (from the
repository root)::

    .venv/bin/python benchmarks/tree_memory.py --corpus /tmp/bigprose/prose-10M \\
        --old bcea756 --rounds 2 --jobs 1,2 --json /tmp/tree.json

A revision is anything ``git`` names, or ``WORKTREE`` (this checkout as it is, the
default of ``--new``); its ``src/`` and ``corpus/lexicons/`` are taken with ``git
archive`` (as ``benchmarks/side_by_side.py`` does) and run with their own ``PYTHONPATH``
and ``DISCOURSE_LEXICONS``. ``--loky`` also runs ``--new`` with
``DISCOURSE_WORKERS=loky`` (its workers started by loky instead of forked,
:mod:`discourse.workers`). The rounds alternate which revision goes first, and which
of the ``--jobs`` values (the first round takes them in the order given). Times depend
on what else the machine runs (the load averages are printed with
each run); memory does not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from side_by_side import WORKTREE, checkout  # noqa: E402  (a revision's sources, as there)


def _label(proc: psutil.Process, root_pid: int) -> str:
    if proc.pid == root_pid:
        return "parent"
    try:
        cmd = " ".join(proc.cmdline())
    except psutil.Error:
        return "?"
    if "resource_tracker" in cmd:
        return "resource tracker (loky)" if "loky" in cmd else "resource tracker"
    return "worker"


def _pss(proc: psutil.Process) -> int:
    try:
        return proc.memory_full_info().pss
    except psutil.Error:
        return 0


def run(root: Path, corpus: str, target: str, jobs: int, out: Path, interval: float,
        extra_env: dict | None = None) -> dict:
    """One run of ``discourse keyness``; its wall and CPU time, memory and table's digest."""
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "PYTHONDONTWRITEBYTECODE": "1",
           "DISCOURSE_LEXICONS": str(root / "corpus" / "lexicons"), **(extra_env or {})}
    cmd = [sys.executable, "-m", "discourse", "keyness", "--corpus", corpus, "--target", target,
           "--reference", "rest", "--quiet", "-o", str(out), "--n-jobs", str(jobs)]
    load = os.getloadavg()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    child = subprocess.Popen(cmd, env=env)
    top = psutil.Process(child.pid)
    peak, own, labels, timeline, at_peak = 0, {}, {}, [], []
    while child.poll() is None:
        try:
            procs = [top] + top.children(recursive=True)
        except psutil.Error:
            procs = []
        sizes = {p.pid: _pss(p) for p in procs}
        for p in procs:
            labels.setdefault(p.pid, _label(p, child.pid))
            own[p.pid] = max(own.get(p.pid, 0), sizes[p.pid])
        total = sum(sizes.values())
        if total > peak:
            peak = total
            at_peak = [(labels[pid], round(v / 2**20)) for pid, v in sizes.items()]
        timeline.append((round(time.perf_counter() - t0, 1), round(total / 2**20)))
        time.sleep(interval)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0:
        raise SystemExit(f"tree_memory: {' '.join(cmd)} exited {child.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    procs = sorted(((labels[pid], round(v / 2**20)) for pid, v in own.items()),
                   key=lambda x: (x[0] != "parent", x[0]))
    return {"jobs": jobs, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "tree_peak_mb": round(peak / 2**20), "processes": procs, "at_peak": at_peak,
            "sha256": digest,
            "load_before": [round(x, 2) for x in load],
            "load_after": [round(x, 2) for x in os.getloadavg()], "timeline": timeline}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", required=True, help="corpus directory (metadata.csv, texts/)")
    ap.add_argument("--target", default="2035", help="target year (default 2035)")
    ap.add_argument("--old", help="a revision to run beside --new")
    ap.add_argument("--new", default=WORKTREE, help="revision (default: this checkout)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --n-jobs values (default 1,2)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--interval", type=float, default=0.2, help="seconds between samples")
    ap.add_argument("--json", help="write every run (with its timeline) here")
    ap.add_argument("--loky", action="store_true",
                    help="also run --new with DISCOURSE_WORKERS=loky (its workers not forked)")
    args = ap.parse_args(argv)
    jobs = [int(j) for j in args.jobs.split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="tree-memory-") as tmp:
        tmp = Path(tmp)
        revs = {"new": (checkout(args.new, tmp / "new"), {})}
        if args.loky:
            revs["new-loky"] = (revs["new"][0], {"DISCOURSE_WORKERS": "loky"})
        if args.old:
            revs["old"] = (checkout(args.old, tmp / "old"), {})
        for rnd in range(args.rounds):
            order = list(revs) if rnd % 2 == 0 else list(revs)[::-1]
            for j in (jobs if rnd % 2 == 0 else jobs[::-1]):
                for name in order:
                    r = run(revs[name][0], args.corpus, args.target, j, tmp / "out.csv",
                            args.interval, revs[name][1])
                    r.update(revision=name, round=rnd + 1)
                    results.append(r)
                    own = ", ".join(f"{k} {v}" for k, v in r["processes"])
                    own += "; at the tree's peak: " + ", ".join(f"{k} {v}"
                                                                for k, v in r["at_peak"])
                    print(f"round {rnd + 1} {name:8} n_jobs={j}: wall {r['wall_s']:.1f} s, "
                          f"CPU {r['cpu_s']:.1f} s, tree peak PSS {r['tree_peak_mb']} MB "
                          f"({own}); load {r['load_before']} -> {r['load_after']}; "
                          f"sha256 {r['sha256'][:16]}", flush=True)
    digests = {r["sha256"] for r in results}
    print(f"tables: {len(digests)} distinct sha256: {', '.join(sorted(digests))}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
