"""Keyness end to end and a topic model on corpora of 0.5 to 10 million words, beside
scikit-learn's CountVectorizer in the same run (issue 15).

Corpora are recombined from the project corpus's paragraphs by ``scale.build_corpus``
(same seed and layout as ``benchmarks/scale.py``) to the requested number of words.
Every step runs as its own fresh Python process; *seconds* is the wall time of the
whole process (start-up and imports included, as a user running the command sees it),
*CPU s* its user + system CPU time with any processes it started (``getrusage``'s
``RUSAGE_CHILDREN``: less moved than the wall time by other work on a shared machine),
*peak MB* its peak resident memory (``VmHWM``), reported by the process itself; *load
after* the 1-minute load average when the step ended.

* ``keyness``: ``discourse keyness --target LAST --reference rest`` (the command line,
  ``discourse.cli.main``: load and verify the corpus, segment, count terms per year
  streamed document by document, the keyness table written to a file), as a user runs
  it: with the default ``--n-jobs`` (``auto`` since stop 59: one process below
  ``discourse.parallel.AUTO_MIN_BYTES`` of text, worker processes above; before, one
  process);
* ``keyness-1``: the same with ``--n-jobs 1`` (one process, whatever the size);
* ``keyness-2``: the same with ``--n-jobs 2`` (two worker processes);
* ``countvectorizer``: ``CountVectorizer().fit`` on the same document texts read from
  the corpus files (the floor: read every word once);
* ``topics``: ``corpus.load_docs`` + ``segment`` + ``topics.units`` +
  ``topics.document_term_matrix`` + one ``topics.fit_topics(model="nmf", k=10,
  algorithm="online")`` (MiniBatchNMF), only for sizes up to ``--topics-max``; the
  note splits the time into loading and segmenting, units and matrix, and the fit
  ("model from sentences": the last two, what a chapter pays after reading
  ``sentences.csv``);
* ``topics-batch``: the same with the batch NMF;
* ``counts-sentences`` and ``countvectorizer-sentences``: in one process each, after
  segmenting the corpus (not timed), the time of ``counts.count_terms`` (per year) +
  ``keywords.keyness`` on the sentences table, and of ``CountVectorizer().fit`` on the
  same sentence texts: the term analysis against scikit-learn's tokenizer without
  start-up or segmentation (reported in the note; *seconds* is the whole process).

    .venv/bin/python benchmarks/scale_counts.py                    # 0.5,1,2.5,5,10 M words
    .venv/bin/python benchmarks/scale_counts.py --words 0.5,1 --steps keyness,countvectorizer
    .venv/bin/python benchmarks/scale_counts.py --json out.json
    .venv/bin/python benchmarks/scale_counts.py --old main --rounds 3 --steps \
        keyness,countvectorizer --work /tmp/countswork      # two revisions side by side
    .venv/bin/python benchmarks/scale_counts.py --corpus /tmp/prose --old main --rounds 3 \
        --steps keyness,countvectorizer                     # on a corpus of your own

Prints a Markdown table, the ratio keyness / CountVectorizer per size (of wall time and
of CPU time) and the slope of
log(seconds) on log(words) per step (1 = linear).

``--old REV`` also runs every step of the package (all but ``countvectorizer``) with
the ``src/`` and ``corpus/lexicons/`` of another revision (anything ``git`` names, taken
with ``git archive`` as ``benchmarks/side_by_side.py`` does; the child checks where
``discourse`` came from), in the same run, on the same corpora: its rows are labelled
``STEP@old``. With ``--rounds N`` each size is measured N times, the old and the new
revision alternating which goes first, and the steps run in the order of ``--steps`` in
odd rounds and in the reverse order in even ones (a slow spell of a shared machine then
hits both); the ratio table gives the median over rounds of each round's ratio to that
round's CountVectorizer. The keyness table each run writes is hashed, so the report
says whether the two revisions gave the same bytes. ``--work DIR`` keeps the corpora
there (``corpus-{factor}x``, reused when present) instead of a temporary folder.
``--corpus DIR`` measures an existing corpus directory (``metadata.csv`` and
``texts/``, as ``corpus.load_docs`` reads it; only read, never changed) instead of the
recombined ones (``--words`` is then ignored): text that does not repeat the project
corpus's sentences, whose memos help less.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import math
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import scale  # noqa: E402  (benchmarks/scale.py: corpus builder, peak memory, machine)

STEPS = ("keyness", "keyness-1", "keyness-2", "countvectorizer", "topics", "topics-batch",
         "counts-sentences", "countvectorizer-sentences")
WORDS_PER_FACTOR = 5_453          # words of the body paragraphs of the project corpus


def run_step(step: str, corpus_dir: Path, out_dir: Path) -> dict:
    """Run one step in this process (a fresh one); return what it measured."""
    note, sha256 = "", None
    if step in ("keyness", "keyness-1", "keyness-2"):
        import csv

        from discourse import cli

        with open(corpus_dir / "metadata.csv", encoding="utf-8") as fh:
            year = max(int(r["year"]) for r in csv.DictReader(fh))
        argv = ["keyness", "--corpus", str(corpus_dir), "--target", str(year),
                "--reference", "rest", "--quiet", "-o", str(out_dir / f"{step}.csv")]
        if step != "keyness":
            argv += ["--n-jobs", step[-1]]
        assert cli.main(argv) == 0
        data = (out_dir / f"{step}.csv").read_bytes()
        rows = data.count(b"\n") - 1
        note = f"{rows} terms tested"
        sha256 = hashlib.sha256(data).hexdigest()
    elif step == "countvectorizer":
        from sklearn.feature_extraction.text import CountVectorizer

        cv = CountVectorizer().fit(p.read_text(encoding="utf-8")
                                   for p in sorted((corpus_dir / "texts").glob("*.txt")))
        note = f"{len(cv.vocabulary_)} features"
    elif step in ("topics", "topics-batch"):
        from discourse import corpus, topics

        t0 = time.perf_counter()
        sents = corpus.segment(corpus.load_docs(corpus_dir))
        t1 = time.perf_counter()
        dtm = topics.document_term_matrix(topics.units(sents))
        t2 = time.perf_counter()
        fit = topics.fit_topics(dtm, model="nmf", k=scale.TOPIC_K, seed=scale.TOPIC_SEED,
                                algorithm="online" if step == "topics" else "batch")
        t3 = time.perf_counter()
        note = (f"{dtm.counts.shape[0]} units x {dtm.counts.shape[1]} terms; load+segment "
                f"{t1 - t0:.1f} s, units+matrix {t2 - t1:.1f} s, fit {t3 - t2:.1f} s "
                f"({fit.n_iter} passes); model from sentences {t3 - t1:.1f} s")
    elif step in ("counts-sentences", "countvectorizer-sentences"):
        from discourse import corpus, counts, keywords

        sents = corpus.segment(corpus.load_docs(corpus_dir))
        t0 = time.perf_counter()
        if step == "counts-sentences":
            tc = counts.count_terms(sents, level="year")
            keywords.keyness(tc, int(sents["year"].max()), "rest")
            what = f"{len(tc.terms)} terms"
        else:
            from sklearn.feature_extraction.text import CountVectorizer

            cv = CountVectorizer().fit(sents["text"])
            what = f"{len(cv.vocabulary_)} features"
        note = f"{what}; step alone {time.perf_counter() - t0:.2f} s"
    else:
        raise ValueError(f"step={step!r} is not one of {STEPS}")
    import discourse

    return {"step": step, "peak_mb": scale._peak_mb(), "note": note, "sha256": sha256,
            "discourse": str(Path(discourse.__file__).resolve().parents[1])}


def _corpus(factor: int, cdir: Path, keep: bool) -> dict:
    """Build the corpus, or reuse one kept in ``--work`` (its counts recomputed)."""
    if keep and (cdir / "metadata.csv").exists():
        import csv

        with open(cdir / "metadata.csv", encoding="utf-8") as fh:
            files = [r["file"] for r in csv.DictReader(fh)]
        words = 0
        for f in files:
            lines = (cdir / f).read_text(encoding="utf-8").split("\n")[1:]
            words += sum(len(line.split()) for line in lines)
        return {"factor": factor, "documents": len(files), "words": words}
    return scale.build_corpus(factor, cdir, progress=False)


def _spawn(step: str, corpus_dir: Path, out_dir: Path, root: Path | None = None) -> dict:
    """Time one step in a fresh process; ``root``: run it with that checkout's ``src/``
    and ``corpus/lexicons/`` (else with this process's environment)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_step", step,
           "--_corpus", str(corpus_dir), "--out", str(out_dir)]
    env = None
    if root is not None:
        env = {**os.environ, "PYTHONPATH": str(root / "src"), "PYTHONDONTWRITEBYTECODE": "1",
               "DISCOURSE_LEXICONS": str(root / "corpus" / "lexicons")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True, env=env)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["seconds"] = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out["cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    out["load"] = [round(x, 2) for x in os.getloadavg()]
    if root is not None and step != "countvectorizer" and \
            Path(out["discourse"]) != (root / "src").resolve():
        raise SystemExit(f"scale_counts: {step} imported discourse from {out['discourse']}, "
                         f"not from {root / 'src'}")
    return out


def _pairs(results: list[dict], words: int, step: str) -> list[tuple[dict, dict]]:
    """(run of ``step``, CountVectorizer run) of the same size and round."""
    cv = {r["round"]: r for r in results
          if r["words"] == words and r["step"] == "countvectorizer"}
    return [(r, cv[r["round"]]) for r in results
            if r["words"] == words and r["step"] == step and r["round"] in cv]


def _step_order(step: str) -> tuple:
    return (STEPS.index(step.split("@")[0]), step)


def report(results: list[dict]) -> str:
    lines = [f"machine: {scale.machine()}", "",
             "| words | documents | step | seconds | CPU s | words/s | peak MB | load after "
             "| note |",
             "| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |"]
    for r in results:
        lines.append(f"| {r['words']:,} | {r['documents']:,} | {r['step']} | "
                     f"{r['seconds']:.1f} | {r['cpu_s']:.1f} | "
                     f"{r['words'] / r['seconds']:,.0f} | "
                     f"{r['peak_mb']:.0f} | {r['load'][0]:.2f} | {r['note']} |")
    sizes = sorted({r["words"] for r in results})
    steps = [s for s in ("keyness", "keyness-1", "keyness-2", "keyness@old", "keyness-1@old",
                         "keyness-2@old")
             if any(r["step"] == s for r in results)]
    lines += ["", "| words | " + " | ".join(f"{s} / CountVectorizer" for s in steps)
              + " | " + " | ".join(f"{s} / CountVectorizer, CPU" for s in steps)
              + " | same keyness table |", "| ---: |" + " ---: |" * (2 * len(steps)) + " --- |"]
    for w in sizes:
        cells = []
        for key in ("seconds", "cpu_s"):
            for s in steps:
                ratios = [r[key] / cv[key] for r, cv in _pairs(results, w, s)]
                cells.append(f"{statistics.median(ratios):.2f}" + (
                    f" ({min(ratios):.2f}-{max(ratios):.2f})" if len(ratios) > 1 else "")
                    if ratios else "")
        hashes = {r["step"].split("@")[0]: set() for r in results}
        for r in results:
            if r["words"] == w and r.get("sha256"):
                hashes[r["step"].split("@")[0]].add(r["sha256"])
        same = ", ".join(f"{k}: {'yes' if len(v) == 1 else 'NO'}"
                         for k, v in hashes.items() if v)
        lines.append(f"| {w:,} | " + " | ".join(cells) + f" | {same} |")
    lines += ["", "| step | slope of log(seconds) on log(words) | slope above 2.5 M words |",
              "| --- | ---: | ---: |"]
    for step in sorted({r["step"] for r in results}, key=_step_order):
        rs = [r for r in results if r["step"] == step]
        big = [r for r in rs if r["words"] >= 2_500_000]
        if len({r["words"] for r in rs}) >= 2:
            whole = scale.slope([r["words"] for r in rs], [r["seconds"] for r in rs])
            large = scale.slope([r["words"] for r in big], [r["seconds"] for r in big])
            lines.append(f"| {step} | {whole:.2f} | {large:.2f} |")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", default="0.5,1,2.5,5,10",
                        help="corpus sizes in millions of words (default 0.5,1,2.5,5,10)")
    parser.add_argument("--steps", default="keyness,keyness-2,countvectorizer,topics",
                        help=f"comma-separated steps of {', '.join(STEPS)}")
    parser.add_argument("--topics-max", type=float, default=5,
                        help="largest size (millions of words) for the topic steps")
    parser.add_argument("--json", default=None, help="also write the results as JSON")
    parser.add_argument("--old", default=None, metavar="REV",
                        help="also run the package's steps with this git revision's src/ "
                             "(side by side; rows STEP@old)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure each size this many times (default 1)")
    parser.add_argument("--work", default=None, metavar="DIR",
                        help="keep the corpora in DIR and reuse them (default: a temporary "
                             "folder, removed)")
    parser.add_argument("--corpus", default=None, metavar="DIR",
                        help="measure this corpus directory (read only) instead of the "
                             "recombined corpora of --words")
    parser.add_argument("--_step", dest="step", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--_corpus", dest="step_corpus", default=None,
                        help=argparse.SUPPRESS)
    parser.add_argument("--out", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        print(json.dumps(run_step(args.step, Path(args.step_corpus), Path(args.out))))
        return
    steps = [s for s in args.steps.split(",") if s]
    bad = [s for s in steps if s not in STEPS]
    if bad:
        parser.error(f"--steps: unknown step(s) {bad}; allowed: {', '.join(STEPS)}")
    tmp = Path(tempfile.mkdtemp(prefix="discourse-counts-"))
    work = Path(args.work) if args.work else tmp
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        old_root = None
        if args.old:
            from side_by_side import checkout

            old_root = checkout(args.old, tmp / "old")
        sizes = [0.0] if args.corpus else [float(w) for w in args.words.split(",") if w]
        for millions in sizes:
            factor = max(1, math.ceil(millions * 1e6 / WORDS_PER_FACTOR))
            cdir = Path(args.corpus) if args.corpus else work / f"corpus-{factor}x"
            info = _corpus(factor, cdir, keep=bool(args.work or args.corpus))
            print(f"{info['words']:,} words in {info['documents']} documents",
                  file=sys.stderr, flush=True)
            for rnd in range(args.rounds):
                sides = [("", None)] + ([("@old", old_root)] if old_root else [])
                if rnd % 2:
                    sides.reverse()
                for step in (steps if rnd % 2 == 0 else steps[::-1]):
                    if step.startswith("topics") and millions > args.topics_max:
                        continue
                    for suffix, root in (sides if step != "countvectorizer" else [("", None)]):
                        r = _spawn(step, cdir, tmp, root)
                        r.update(step=step + suffix, words=info["words"], round=rnd,
                                 documents=info["documents"])
                        results.append(r)
                        print(f"  {r['step']}: {r['seconds']:.1f} s, peak "
                              f"{r['peak_mb']:.0f} MB ({r['note']})", file=sys.stderr,
                              flush=True)
            if not (args.work or args.corpus):
                shutil.rmtree(cdir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": scale.machine(),
                                               "results": results}, indent=1) + "\n")
    print(report(results))


if __name__ == "__main__":
    main()
