"""The slowest tests of the fast layer: candidates for the ``slow`` marker.

The fast layer (``make test-fast``, ``-m "not slow"``) is for development; its target
(issue 11) is under 20 s on the project's 2-core machine. A test belongs to it when it
takes under 0.2 s on its own, in one process, on that machine (``pyproject.toml``, the
``slow`` marker); one that takes longer is marked ``slow`` and runs in ``make test``
only. This script runs the layer once in one process with pytest's ``--durations`` and
prints every test whose call (setup and teardown apart: a module's first test pays for
its fixtures, and marking it moves the cost to the next) took at least the threshold,
slowest first, with the total. Usage (from the repository root)::

    .venv/bin/python benchmarks/slowest_tests.py                 # threshold 0.2 s
    .venv/bin/python benchmarks/slowest_tests.py --threshold 0.1 --marker "not slow"

Times move with the machine's load (run it on a quiet machine, and twice before
moving a test between layers); the script measures, it changes no file.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^(\d+\.\d+)s call\s+(\S+)")


def durations(output: str) -> list[tuple[float, str]]:
    """The ``(seconds, node id)`` of each call pytest's ``--durations`` printed, slowest first.

    >>> durations("0.31s call     tests/test_a.py::test_b[1]\\n0.02s setup    tests/x.py::y")
    [(0.31, 'tests/test_a.py::test_b[1]')]
    """
    found = [(float(m.group(1)), m.group(2)) for m in map(LINE.match, output.splitlines()) if m]
    return sorted(found, key=lambda d: (-d[0], d[1]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threshold", type=float, default=0.2,
                    help="seconds of a call from which a test is listed (default: 0.2)")
    ap.add_argument("--marker", default="not slow", help='the layer (default: "not slow")')
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_layers import pytest_layer

    proc = pytest_layer(REPO, args.marker, "0", "--durations=0", "--durations-min",
                        str(args.threshold), "tests")
    slow = [d for d in durations(proc.stdout) if d[0] >= args.threshold]
    for seconds, node in slow:
        print(f"{seconds:5.2f} s  {node}")
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    print(f"{len(slow)} calls of {args.threshold} s or more, {sum(s for s, _ in slow):.1f} s "
          f"in all; pytest: {last.strip('= ')}")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
