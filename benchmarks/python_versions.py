"""Build the environment and run a smoke test on every installed CPython 3.11+.

Not part of ``make test`` (it builds one environment per Python, about 700 MB and a few
minutes each). For each Python it measures:

1. ``make env PYTHON=<python> VENV=<temporary folder>``: the lock file installs (every
   pinned wheel exists for that Python) and the package builds (setuptools as pinned);
2. the unit tests (``pytest -m "not slow"``) with that environment;
3. a smoke run, ``discourse reproduce --only 01 --only 05`` into temporary folders
   (a notebook kernel of that Python, figures displayed, the manifest), and whether its
   tables and figures are byte-identical to those of the first Python measured.

Usage::

    python3 benchmarks/python_versions.py                 # pyenv's 3.11+ versions
    python3 benchmarks/python_versions.py /path/to/python3.12 python3.13

Prints one Markdown table row per Python; the environments are deleted afterwards
(``--keep`` keeps them, under ``--workdir``; a kept environment whose lock file has not
changed is reused, as ``make env`` does).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def installed_pythons() -> list[str]:
    """pyenv's CPython 3.11+ interpreters (one per minor version, the newest patch)."""
    if shutil.which("pyenv") is None:
        return []
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    best: dict[tuple[int, int], tuple[tuple[int, ...], str]] = {}
    for exe in Path(root, "versions").glob("3.*/bin/python3"):
        m = re.fullmatch(r"3\.(\d+)\.(\d+)", exe.parent.parent.name)
        if m and int(m.group(1)) >= 11:
            version = (3, int(m.group(1)), int(m.group(2)))
            key = version[:2]
            if key not in best or version > best[key][0]:
                best[key] = (version, str(exe))
    return [exe for _, (_, exe) in sorted(best.items())]


def _run(cmd: list[str], **kw) -> tuple[subprocess.CompletedProcess, float]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return proc, time.perf_counter() - t0


def _hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for d in ("results", "figures") for p in sorted((root / d).glob("*"))
            if p.is_file() and p.name != "manifest.json"
            and p.suffix in (".csv", ".md", ".png", ".svg")}


def measure(python: str, work: Path) -> dict:
    """Build, test and smoke-run one Python; return what was measured."""
    out = {"python": python}
    version, _ = _run([python, "-c", "import platform; print(platform.python_version())"])
    out["version"] = version.stdout.strip() or "does not run"
    venv = work / f"venv-{out['version']}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    proc, seconds = _run(["make", "-C", str(REPO), "env", f"PYTHON={python}", f"VENV={venv}"],
                         env=env)
    out["env"] = f"ok, {seconds:.0f} s" if proc.returncode == 0 else \
        "FAILED: " + (proc.stderr.strip().splitlines() or ["?"])[-1][:160]
    if proc.returncode != 0:
        return out
    proc, seconds = _run([str(venv / "bin" / "pytest"), "-m", "not slow", "-q",
                          "-p", "no:cacheprovider"], cwd=REPO)
    summary = (proc.stdout.strip().splitlines() or ["?"])[-1]
    out["tests"] = f"{re.sub(r'=+', '', summary).strip()} ({seconds:.0f} s)"
    smoke = work / f"smoke-{out['version']}"
    shutil.rmtree(smoke, ignore_errors=True)
    smoke.mkdir(parents=True)
    proc, seconds = _run([str(venv / "bin" / "discourse"), "reproduce", "--only", "01",
                          "--only", "05", "--results", str(smoke / "results"),
                          "--figures", str(smoke / "figures")], cwd=REPO)
    out["smoke"] = f"ok, {seconds:.0f} s" if proc.returncode == 0 else \
        "FAILED: " + (proc.stderr.strip().splitlines() or ["?"])[-1][:160]
    out["hashes"] = _hashes(smoke) if proc.returncode == 0 else {}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pythons", nargs="*", help="interpreters (default: pyenv's 3.11+)")
    parser.add_argument("--workdir", default=None, help="where to build (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the environments")
    args = parser.parse_args(argv)
    pythons = args.pythons or installed_pythons()
    if not pythons:
        print("no Python 3.11+ found (install some with pyenv, or name them)", file=sys.stderr)
        return 1
    work = Path(args.workdir or tempfile.mkdtemp(prefix="discourse-pythons-"))
    work.mkdir(parents=True, exist_ok=True)
    print("| Python | make env | unit tests | reproduce 01+05 | outputs as the first |")
    print("| --- | --- | --- | --- | --- |")
    first = None
    try:
        for python in pythons:
            m = measure(python, work)
            same = ""
            if m.get("hashes"):
                if first is None:
                    first, same = m["hashes"], f"(reference: {len(m['hashes'])} files)"
                else:
                    diff = sorted(k for k in set(first) | set(m["hashes"])
                                  if first.get(k) != m["hashes"].get(k))
                    same = "identical" if not diff else "differ: " + ", ".join(diff[:5])
            print(f"| {m['version']} | {m['env']} | {m.get('tests', '')} | "
                  f"{m.get('smoke', '')} | {same} |", flush=True)
            if not args.keep:
                for p in work.glob(f"*-{m['version']}"):
                    shutil.rmtree(p, ignore_errors=True)
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
