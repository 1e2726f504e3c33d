"""Where the memory of ``discourse keyness --n-jobs 2`` goes, process by process and stage
by stage: what is shared copy-on-write and what has become a process's own.

Runs ``discourse keyness --corpus CORPUS --target T --reference rest --quiet -o OUT
--n-jobs J`` (this checkout's ``src/`` first on ``PYTHONPATH``, or ``--src DIR``: e.g.
another revision's from ``git archive REV src | tar -x -C DIR/..``) in a child process whose
package is patched to write ``/proc/self/smaps_rollup`` (MB: ``Rss``, ``Pss``,
``Private_Dirty``, ``Private_Clean``, ``Shared_Clean``, ``Shared_Dirty``,
``Anonymous``) at these stages: the parent before it forks its workers (after
:func:`discourse.workers.run` is called), each worker right after the fork, at the
start of its task, after reading ``metadata.csv`` again (its partition checked,
:func:`discourse.corpus.stream_docs` with ``docs``), before and after its memos are
dropped (:meth:`discourse.lexicons.Lexicons.forget`), once its counts are assembled and
once sent; the parent once the results are in and once combined. Every 0.1 s the
rollup of every process of the tree is read from outside; the tree's peak of summed
PSS is printed with each process's rollup at that moment. ``--trace N`` also takes a
``tracemalloc`` snapshot in each worker before its memos are dropped (frames of depth
N, tracing from the start of its task: what counting allocated), the 30 largest
lines printed (tracing slows the run and adds memory: only its breakdown counts).
Usage (from the repository root)::

    .venv/bin/python benchmarks/fork_stages.py --corpus /tmp/bigprose/prose-10M
    .venv/bin/python benchmarks/fork_stages.py --corpus /tmp/bigprose/prose-10M --trace 1
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
FIELDS = ("Rss", "Pss", "Private_Dirty", "Private_Clean", "Shared_Clean", "Shared_Dirty",
          "Anonymous")


def rollup(pid="self") -> dict | None:
    """``/proc/PID/smaps_rollup`` in MB (``None``: the process has ended)."""
    out = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3 and parts[-1] == "kB":
                    out[parts[0].rstrip(":")] = int(parts[1]) // 1024
    except OSError:
        return None
    return {k: out.get(k, 0) for k in FIELDS}


def _child(log: str, trace: int, argv: list[str]) -> int:
    """In the measured process: patch the stages, run the command line."""
    from discourse import cli, corpus, lexicons, parallel, workers

    def mark(stage):
        with open(log, "a") as f:
            f.write(json.dumps({"t": time.time(), "pid": os.getpid(), "stage": stage,
                                **rollup()}) + "\n")

    def wrap(owner, name, before=None, after=None):
        original = getattr(owner, name)

        def patched(*args, **kwargs):
            if before:
                before()
            out = original(*args, **kwargs)
            if after:
                after()
            return out
        setattr(owner, name, patched)

    def start():
        mark("worker: its task starts")
        if trace:
            import tracemalloc
            tracemalloc.start(trace)

    def snapshot():
        mark("worker: counted, before its memos are dropped")
        if trace:
            import tracemalloc
            stats = tracemalloc.take_snapshot().statistics("traceback" if trace > 1
                                                           else "lineno")
            with open(f"{log}.trace{os.getpid()}", "w") as f:
                f.write(f"traced {sum(s.size for s in stats) / 2**20:.1f} MB\n")
                for s in stats[:30]:
                    f.write(f"{s.size / 2**20:7.2f} MB {s.count:8d} "
                            + " <- ".join(map(str, s.traceback)) + "\n")

    os.register_at_fork(after_in_child=lambda: mark("worker: forked"))
    wrap(parallel, "_count_part", before=start)
    wrap(corpus, "load_metadata", after=lambda: mark(
        "worker: metadata.csv read" if os.getpid() != parent else "parent: metadata.csv read"))
    wrap(lexicons.Lexicons, "forget", before=snapshot,
         after=lambda: mark("worker: memos dropped"))
    wrap(workers, "_run_forked", before=lambda: mark("parent: before the fork"),
         after=lambda: mark("parent: results in"))
    wrap(parallel, "combine", after=lambda: mark("parent: combined"))
    child = workers._child

    def sending(send, task):
        class Pipe:
            def send(self, out):
                mark("worker: assembled")
                send.send(out)
                mark("worker: sent")

            def close(self):
                send.close()
        child(Pipe(), task)
    workers._child = sending
    parent = os.getpid()
    mark("parent: imported")
    return cli.main(argv)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--_child"]:               # the measured process: LOG TRACE ARGS...
        return _child(argv[1], int(argv[2]), argv[3:])
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--target", default="2035")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--trace", type=int, default=0, help="tracemalloc depth (0: none)")
    ap.add_argument("--src", default=str(REPO / "src"),
                    help="the package's sources (default: this checkout's; e.g. another "
                         "revision's from git archive)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fork-stages-") as tmp:
        log = str(Path(tmp) / "stages.jsonl")
        cmd = [sys.executable, __file__, "--_child", log, str(args.trace),
               "keyness", "--corpus", args.corpus,
               "--target", args.target, "--reference", "rest", "--quiet", "-o",
               str(Path(tmp) / "out.csv"), "--n-jobs", str(args.jobs)]
        env = {**os.environ, "PYTHONPATH": args.src, "PYTHONDONTWRITEBYTECODE": "1"}
        load, t0 = os.getloadavg(), time.time()
        child = subprocess.Popen(cmd, env=env)
        top, peak, at = psutil.Process(child.pid), 0, (0.0, {})
        while child.poll() is None:
            try:
                pids = [child.pid] + [p.pid for p in top.children(recursive=True)]
            except psutil.Error:
                pids = [child.pid]
            sizes = {pid: r for pid, r in ((pid, rollup(pid)) for pid in pids) if r}
            total = sum(r["Pss"] for r in sizes.values())
            if total > peak:
                peak, at = total, (time.time() - t0, sizes)
            time.sleep(0.1)
        print(f"exit {child.returncode}, wall {time.time() - t0:.1f} s, load {load[0]:.2f} "
              f"-> {os.getloadavg()[0]:.2f}; the tree's peak PSS {peak} MB at {at[0]:.1f} s:")
        for pid, r in at[1].items():
            print(f"  {'parent' if pid == child.pid else 'worker'} {pid}: {r}")
        print("stages (MB):")
        for line in Path(log).read_text().splitlines():
            d = json.loads(line)
            print(f"  {d.pop('t') - t0:6.2f} s {d.pop('pid')} {d.pop('stage')}: {d}")
        for trace in sorted(Path(tmp).glob("stages.jsonl.trace*")):
            print(f"{trace.name}:\n{trace.read_text()}")
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
