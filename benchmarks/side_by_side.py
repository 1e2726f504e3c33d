"""Frame coding of two revisions of the package side by side in one run, CountVectorizer beside.

A change meant to make the frame coder faster (or one that might make it slower) is
judged against the code before it, on the same machine, in the same run, with the same
input: each round times the old revision, the new one and scikit-learn's
``CountVectorizer().fit`` on the same sentence texts, each in a fresh Python process,
alternating which revision goes first (so that a slow spell of a shared machine hits
both). The coded output of every timing is hashed, so the run also shows whether the
two revisions give the same codes and evidence. Usage (from the repository root)::

    .venv/bin/python benchmarks/side_by_side.py --old 3e396c1            # new: this tree
    .venv/bin/python benchmarks/side_by_side.py --old 3e396c1 --new main --size 1000 \\
        --rounds 3 --work /tmp/scalework --json out.json

A revision is anything ``git`` names (a commit, a branch, a tag) or ``WORKTREE`` (the
files of this checkout as they are); its ``src/`` and ``corpus/lexicons/`` are taken
with ``git archive`` and imported from there (the child process checks where
``discourse`` came from). The input is the sentences table of a corpus recombined
from the project corpus as by ``benchmarks/scale.py`` (``--size`` times the project
corpus; ``--size 1000`` is about 5.4 million words), or any sentences CSV
(``--sentences``, columns ``sentence_id, text, doc_id, paragraph, year``). The rows are
read into memory before the clock starts; the timed step is ``framing.iter_codes``
over them (one process, paragraph, document and date context as in ``discourse
frames``), or ``CountVectorizer().fit`` over their texts. ``--new-jobs N`` codes with
``iter_codes(..., n_jobs=N)`` in the new revision (``N`` worker processes; its CPU
seconds are then the parent's only), e.g. one process against two of the same code::

    .venv/bin/python benchmarks/side_by_side.py --old HEAD --new-jobs 2 --sentences S.csv
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORKTREE = "WORKTREE"


def _scale():
    """``benchmarks/scale.py`` (its corpus builder and sentence reader)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import scale

    return scale


def _rows(path: Path) -> list[tuple]:
    """The frame coder's rows of a sentences CSV, as ``benchmarks/scale.py`` streams them."""
    return list(_scale().stream_sentences(path, False, None, ""))


def _child(task: str, src: str, sentences: str, jobs: int = 1) -> dict:
    """Run one timed step in this (fresh) process; return its measurements."""
    rows = _rows(Path(sentences))
    if task == "countvectorizer":
        from sklearn.feature_extraction.text import CountVectorizer

        texts = [r[1] for r in rows]
        w0, c0 = time.perf_counter(), time.process_time()
        CountVectorizer().fit(texts)
        return {"seconds": time.perf_counter() - w0, "cpu": time.process_time() - c0,
                "n": len(texts)}
    import discourse
    from discourse import framing

    where = Path(discourse.__file__).resolve()
    if not where.is_relative_to(Path(src).resolve()):
        raise SystemExit(f"side_by_side: discourse was imported from {where}, not from {src}")
    lex = framing.load_lexicon()
    digest = hashlib.sha256()
    n = 0
    w0, c0 = time.perf_counter(), time.process_time()
    for code in framing.iter_codes(rows, lex, **({"n_jobs": jobs} if jobs != 1 else {})):
        n += 1
        digest.update(repr(tuple(code)).encode("utf-8"))
    seconds, cpu = time.perf_counter() - w0, time.process_time() - c0
    return {"seconds": seconds, "cpu": cpu, "n": n, "sha256": digest.hexdigest()}


def checkout(rev: str, dest: Path) -> Path:
    """The ``src/`` and ``corpus/lexicons/`` of ``rev`` under ``dest`` (``WORKTREE``: this
    checkout's own directories, used in place)."""
    if rev == WORKTREE:
        return REPO
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "src", "corpus/lexicons"],
                             capture_output=True, check=False)
    if archive.returncode:
        raise SystemExit(f"side_by_side: git archive {rev}: "
                         f"{archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest


def _spawn(task: str, root: Path, sentences: Path, jobs: int = 1) -> dict:
    env = {**os.environ, "PYTHONPATH": str(root / "src"),
           "DISCOURSE_LEXICONS": str(root / "corpus" / "lexicons"),
           "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run([sys.executable, __file__, "--_child", task, "--_src",
                          str(root / "src"), "--sentences", str(sentences),
                          "--new-jobs", str(jobs)],
                         capture_output=True, text=True, env=env, check=False)
    if out.returncode:
        raise SystemExit(f"side_by_side: {task} with {root} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def sentences_table(size: int, work: Path) -> Path:
    """The sentences CSV of a corpus ``size`` times the project corpus (built once under
    ``work`` by ``benchmarks/scale.py``'s functions, reused when present)."""
    scale = _scale()
    sents = work / f"sentences-{size}x.csv"
    if not sents.exists():
        cdir = work / f"corpus-{size}x"
        scale.build_corpus(size, cdir)
        scale.write_sentences(cdir, sents)
    return sents


def summarise(times: dict[str, list[dict]], labels: tuple[str, str]) -> dict:
    """Medians and ranges per step, and the per-round ratios to CountVectorizer."""
    cv = [t["seconds"] for t in times["countvectorizer"]]
    out = {}
    for label in (*labels, "countvectorizer"):
        sec = [t["seconds"] for t in times[label]]
        row = {"median": statistics.median(sec), "min": min(sec), "max": max(sec),
               "cpu_median": statistics.median(t["cpu"] for t in times[label])}
        if label != "countvectorizer":
            ratios = [s / c for s, c in zip(sec, cv)]
            row.update(ratio_median=statistics.median(ratios), ratio_min=min(ratios),
                       ratio_max=max(ratios), sha256=sorted({t["sha256"] for t in times[label]}))
        out[label] = row
    old, new = out[labels[0]], out[labels[1]]
    out["identical"] = len(old["sha256"]) == 1 and old["sha256"] == new["sha256"]
    out["new_over_old"] = statistics.median(
        n["seconds"] / o["seconds"] for o, n in zip(times[labels[0]], times[labels[1]]))
    return out


def report(summary: dict, labels: tuple[str, str], n: int) -> str:
    lines = [f"{n:,} sentences; medians over rounds (min-max)", "",
             "| step | seconds | CPU seconds | ratio to CountVectorizer |",
             "| --- | ---: | ---: | ---: |"]
    for label in (*labels, "countvectorizer"):
        r = summary[label]
        ratio = (f"{r['ratio_median']:.2f} ({r['ratio_min']:.2f}-{r['ratio_max']:.2f})"
                 if "ratio_median" in r else "")
        lines.append(f"| {label} | {r['median']:.2f} ({r['min']:.2f}-{r['max']:.2f}) | "
                     f"{r['cpu_median']:.2f} | {ratio} |")
    lines += ["", f"new / old (median of per-round ratios): {summary['new_over_old']:.3f}; "
              f"codes and evidence identical: {summary['identical']}"]
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", default=None, help="the baseline revision (git name; required)")
    parser.add_argument("--new", default=WORKTREE,
                        help=f"the revision to judge (default {WORKTREE}: this checkout)")
    parser.add_argument("--size", type=int, default=100,
                        help="multiple of the project corpus (default 100, about 0.5 M words)")
    parser.add_argument("--sentences", default=None, help="a sentences CSV instead of --size")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    parser.add_argument("--work", default=None, help="keep the built corpus here")
    parser.add_argument("--json", default=None, help="also write the timings as JSON")
    parser.add_argument("--new-jobs", type=int, default=1,
                        help="worker processes of the new revision's coder (default 1)")
    parser.add_argument("--_child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--_src", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._child:
        print(json.dumps(_child(args._child, args._src, args.sentences, args.new_jobs)))
        return
    if args.old is None:
        parser.error("--old is required: the revision to compare against")
    if args.rounds < 1 or args.size < 1:
        parser.error("--rounds and --size must be positive integers")
    with tempfile.TemporaryDirectory(prefix="discourse-side-") as tmp:
        tmp = Path(tmp)
        work = Path(args.work) if args.work else tmp
        sentences = Path(args.sentences) if args.sentences else sentences_table(args.size, work)
        labels = (f"old {args.old}", f"new {args.new}"
                  + (f" --new-jobs {args.new_jobs}" if args.new_jobs != 1 else ""))
        roots = {labels[0]: checkout(args.old, tmp / "old"),
                 labels[1]: checkout(args.new, tmp / "new")}
        times: dict[str, list[dict]] = {label: [] for label in (*labels, "countvectorizer")}
        for r in range(args.rounds):
            for label in (labels if r % 2 == 0 else labels[::-1]):
                times[label].append(_spawn("frames", roots[label], sentences,
                                           args.new_jobs if label == labels[1] else 1))
                print(f"round {r + 1}: {label} {times[label][-1]['seconds']:.2f} s",
                      file=sys.stderr, flush=True)
            times["countvectorizer"].append(_spawn("countvectorizer", REPO, sentences))
        summary = summarise(times, labels)
        n = times[labels[0]][0]["n"]
    if args.json:
        Path(args.json).write_text(json.dumps({"sentences": str(sentences), "n": n,
                                               "times": times, "summary": summary},
                                              indent=1) + "\n")
    print(report(summary, labels, n))


if __name__ == "__main__":
    main()
