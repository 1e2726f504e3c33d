"""Keyness end to end and a topic model on corpora of 0.5 to 10 million words, beside
scikit-learn's CountVectorizer in the same run (issue 15).

Corpora are recombined from the project corpus's paragraphs by ``scale.build_corpus``
(same seed and layout as ``benchmarks/scale.py``) to the requested number of words.
Every step runs as its own fresh Python process; *seconds* is the wall time of the
whole process (start-up and imports included, as a user running the command sees it),
*peak MB* its peak resident memory (``VmHWM``), reported by the process itself.

* ``keyness``: ``discourse keyness --target LAST --reference rest`` (the command line,
  ``discourse.cli.main``: load and verify the corpus, segment, count terms per year
  streamed document by document, the keyness table written to a file);
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

Prints a Markdown table, the ratio keyness / CountVectorizer per size and the slope of
log(seconds) on log(words) per step (1 = linear).
"""

from __future__ import annotations

import argparse
import json
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

STEPS = ("keyness", "keyness-2", "countvectorizer", "topics", "topics-batch",
         "counts-sentences", "countvectorizer-sentences")
WORDS_PER_FACTOR = 5_453          # words of the body paragraphs of the project corpus


def run_step(step: str, corpus_dir: Path, out_dir: Path) -> dict:
    """Run one step in this process (a fresh one); return what it measured."""
    note = ""
    if step in ("keyness", "keyness-2"):
        import csv

        from discourse import cli

        with open(corpus_dir / "metadata.csv", encoding="utf-8") as fh:
            year = max(int(r["year"]) for r in csv.DictReader(fh))
        argv = ["keyness", "--corpus", str(corpus_dir), "--target", str(year),
                "--reference", "rest", "--quiet", "-o", str(out_dir / f"{step}.csv")]
        if step == "keyness-2":
            argv += ["--n-jobs", "2"]
        assert cli.main(argv) == 0
        with open(out_dir / f"{step}.csv", encoding="utf-8") as fh:
            note = f"{sum(1 for _ in fh) - 1} terms tested"
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
    return {"step": step, "peak_mb": scale._peak_mb(), "note": note}


def _spawn(step: str, corpus_dir: Path, out_dir: Path) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_step", step,
           "--corpus", str(corpus_dir), "--out", str(out_dir)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["seconds"] = time.perf_counter() - t0
    return out


def report(results: list[dict]) -> str:
    lines = [f"machine: {scale.machine()}", "",
             "| words | documents | step | seconds | words/s | peak MB | note |",
             "| ---: | ---: | --- | ---: | ---: | ---: | --- |"]
    for r in results:
        lines.append(f"| {r['words']:,} | {r['documents']:,} | {r['step']} | "
                     f"{r['seconds']:.1f} | {r['words'] / r['seconds']:,.0f} | "
                     f"{r['peak_mb']:.0f} | {r['note']} |")
    by = {(r["words"], r["step"]): r for r in results}
    sizes = sorted({r["words"] for r in results})
    lines += ["", "| words | keyness / CountVectorizer | keyness-2 / CountVectorizer |",
              "| ---: | ---: | ---: |"]
    for w in sizes:
        cv = by.get((w, "countvectorizer"))
        if cv:
            cells = [f"{by[(w, s)]['seconds'] / cv['seconds']:.2f}" if (w, s) in by else ""
                     for s in ("keyness", "keyness-2")]
            lines.append(f"| {w:,} | {cells[0]} | {cells[1]} |")
    lines += ["", "| step | slope of log(seconds) on log(words) | slope above 2.5 M words |",
              "| --- | ---: | ---: |"]
    for step in STEPS:
        rs = [r for r in results if r["step"] == step]
        big = [r for r in rs if r["words"] >= 2_500_000]
        if len(rs) >= 2:
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
    parser.add_argument("--_step", dest="step", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--out", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        print(json.dumps(run_step(args.step, Path(args.corpus), Path(args.out))))
        return
    steps = [s for s in args.steps.split(",") if s]
    bad = [s for s in steps if s not in STEPS]
    if bad:
        parser.error(f"--steps: unknown step(s) {bad}; allowed: {', '.join(STEPS)}")
    work = Path(tempfile.mkdtemp(prefix="discourse-counts-"))
    results = []
    try:
        for millions in [float(w) for w in args.words.split(",") if w]:
            factor = max(1, math.ceil(millions * 1e6 / WORDS_PER_FACTOR))
            cdir = work / f"corpus-{factor}x"
            info = scale.build_corpus(factor, cdir, progress=False)
            print(f"built {info['words']:,} words in {info['documents']} documents",
                  file=sys.stderr, flush=True)
            for step in steps:
                if step.startswith("topics") and millions > args.topics_max:
                    continue
                r = _spawn(step, cdir, work)
                r.update(words=info["words"], documents=info["documents"])
                results.append(r)
                print(f"  {step}: {r['seconds']:.1f} s, peak {r['peak_mb']:.0f} MB "
                      f"({r['note']})", file=sys.stderr, flush=True)
            shutil.rmtree(cdir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": scale.machine(),
                                               "results": results}, indent=1) + "\n")
    print(report(results))


if __name__ == "__main__":
    main()
