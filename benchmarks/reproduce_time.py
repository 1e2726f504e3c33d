"""Time the full ``make reproduce`` pipeline (environment already installed).

Runs :func:`discourse.reproduce.run` into a temporary directory (the repository's outputs
are not touched) ``--repeat`` times and prints the wall time of each step (sentences,
then each notebook) and the total, as a Markdown table for benchmarks/README.md.

    .venv/bin/python benchmarks/reproduce_time.py [--repeat 2]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from discourse import reproduce


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    per_step: dict[str, list[float]] = {}
    totals = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            t0 = time.perf_counter()
            manifest = reproduce.run(results=out / "results", figures=out / "figures",
                                     executed=out / "notebooks", quiet=True)
            totals.append(time.perf_counter() - t0)
        for step, seconds in manifest["timings"].items():
            per_step.setdefault(step, []).append(seconds)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {args.repeat} runs, median seconds\n")
    print("| step | seconds |\n| --- | ---: |")
    for step, values in per_step.items():
        print(f"| {step} | {statistics.median(values):.1f} |")
    print(f"| **total (reproduce.run)** | **{statistics.median(totals):.1f}** |")


if __name__ == "__main__":
    main()
