"""Scale benchmark: time and peak memory of each analysis step on larger corpora.

Builds corpora 10x, 100x and 1000x the size of the project corpus (the 1000x corpus is
about 5 million words) by recombining the real paragraphs: paragraphs of the cleaned
layer (titles left out) are drawn with replacement by ``numpy.random.default_rng(SEED)``
into new documents of as many paragraphs as a real document has on average, spread
over several years, and written as a real corpus directory (texts, ``metadata.csv``
with sha256 checksums), so that the loader verifies them like any corpus.

Each step runs in a fresh Python subprocess, which reports its wall time (the step
only, after imports and after reading its input) and its peak resident memory
(``VmHWM`` of ``/proc/self/status``, else ``resource.getrusage(RUSAGE_SELF).ru_maxrss``:
the whole process, imports included; see ``_peak_mb``):

* ``segment``: ``corpus.load_docs`` + ``corpus.segment`` (``n_jobs`` from
  ``--n-jobs``, default 1);
* ``keyness``: ``preprocess.tokens`` (default options) + ``keywords.keyness`` of the
  latest year against the rest, on the sentences table read from CSV;
* ``topics``: ``topics.units`` (paragraphs) + ``topics.document_term_matrix`` +
  one ``topics.fit_topics`` (NMF on TF-IDF, k = 10, seed 12345);
* ``frames``: ``framing.iter_codes`` streaming over the sentences, read row by row
  (with their paragraph, document and year, so that the document and membership rules
  run as in ``discourse frames``)
  from the CSV with the ``csv`` module (nothing but the current paragraph is held);
* ``countvectorizer``: scikit-learn's ``CountVectorizer().fit`` on the same sentence
  texts, streamed the same way (the floor for "read every token once").

Prints a Markdown table and, per step, the slope of log(time) against log(words)
(1 = linear). Long steps show a tqdm progress bar on stderr.

    .venv/bin/python benchmarks/scale.py                 # sizes 10,100,1000
    .venv/bin/python benchmarks/scale.py --sizes 10,100  # a few minutes
    .venv/bin/python benchmarks/scale.py --quick         # sizes 1,3,10: smoke test

Corpora are built under a temporary directory (``--work DIR`` to keep them).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = 20240601
N_YEARS = 5
FIRST_YEAR = 2031          # recombined corpora get years that no real document has
TOPIC_K = 10
TOPIC_SEED = 12345
STEPS = ("segment", "keyness", "topics", "frames", "countvectorizer")


# ------------------------------------------------------------------ building corpora

def build_corpus(factor: int, dest: Path, *, source=None, seed: int = SEED,
                 progress: bool = True) -> dict:
    """Write a recombined corpus ``factor`` times the size of ``source`` into ``dest``.

    Returns ``{"factor", "documents", "paragraphs", "words"}`` (words: white-space
    separated tokens of the paragraphs, titles excluded).
    """
    import numpy as np
    from tqdm import tqdm

    from discourse import corpus

    docs = corpus.load_docs(source, layer="cleaned")
    paras = corpus.paragraphs(docs)
    body = paras[paras["role"] != "title"]["text"].tolist()
    per_doc = max(1, round(len(body) / len(docs)))
    n_paras = factor * len(body)
    n_docs = max(1, round(n_paras / per_doc))
    rng = np.random.default_rng(seed)
    draw = rng.integers(0, len(body), size=n_paras)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "texts").mkdir(exist_ok=True)
    rows = []
    words = 0
    bounds = np.linspace(0, n_paras, n_docs + 1).astype(int)
    for i in tqdm(range(n_docs), desc=f"build {factor}x", unit="doc", disable=not progress,
                  file=sys.stderr):
        year = FIRST_YEAR + i % N_YEARS
        chosen = [body[j] for j in draw[bounds[i]:bounds[i + 1]]]
        words += sum(len(p.split()) for p in chosen)
        text = f"Recombined document {i + 1}\n\n" + "\n\n".join(chosen) + "\n"
        data = text.encode("utf-8")
        name = f"texts/doc{i + 1:06d}.txt"
        (dest / name).write_bytes(data)
        rows.append({"doc_id": f"doc{i + 1:06d}", "file": name,
                     "title": f"Recombined document {i + 1}", "speaker": "recombined",
                     "date": f"{year}-{i % 12 + 1:02d}-01", "year": str(year),
                     "genre": "speech", "venue": "", "publisher": "benchmarks/scale.py",
                     "language": "en", "sha256": hashlib.sha256(data).hexdigest(),
                     "notes": f"paragraphs of the project corpus drawn with seed {seed}"})
    with open(dest / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(corpus.METADATA_FIELDS), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return {"factor": factor, "documents": n_docs, "paragraphs": n_paras, "words": words}


def write_sentences(corpus_dir: Path, out: Path) -> int:
    """Segment a corpus once and write its sentences table (input of later steps)."""
    from discourse import corpus
    from discourse.io import write_table

    table = corpus.segment(corpus.load_docs(corpus_dir, layer="cleaned"))
    write_table(table, out)
    return len(table)


# ------------------------------------------------------------------ one step (child)

def stream_sentences(path: Path, progress: bool, total: int | None, desc: str):
    """Yield ``(sentence_id, text, (doc_id, paragraph), doc_id, year)`` from a sentences
    CSV: the frame coder's rows with documents and dates, as ``discourse frames`` codes
    a sentences table (the document and membership rules run)."""
    from tqdm import tqdm

    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in tqdm(reader, desc=desc, unit="sent", total=total, disable=not progress,
                        file=sys.stderr, mininterval=1.0):
            yield (row["sentence_id"], row["text"], (row["doc_id"], row["paragraph"]),
                   row["doc_id"], row.get("date") or row["year"])


def _peak_mb() -> float:
    """Peak resident memory of this process in MB.

    ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` (KiB on Linux) is read, but on Linux
    it keeps the high-water mark of the process image before ``exec``, i.e. of the
    parent that forked this child (which holds the built corpus); ``VmHWM`` in
    ``/proc/self/status`` belongs to the new image only, so it is used when present.
    """
    rusage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return rusage


def run_step(step: str, corpus_dir: Path, sentences_csv: Path, *, n_jobs: int = 1,
             progress: bool = True, total: int | None = None) -> dict:
    """Run one step in this process; return seconds, peak RSS (MB) and a count."""
    import pandas as pd

    from discourse import corpus, framing, keywords, preprocess, topics

    base = _peak_mb()
    if step == "segment":
        t0 = time.perf_counter()
        n = len(corpus.segment(corpus.load_docs(corpus_dir, layer="cleaned"), n_jobs=n_jobs))
        seconds = time.perf_counter() - t0
        note = f"{n} sentences"
    elif step in ("keyness", "topics"):
        sents = pd.read_csv(sentences_csv, dtype={"text": str}, keep_default_na=False)
        t0 = time.perf_counter()
        if step == "keyness":
            tok = preprocess.tokens(sents)
            key = keywords.keyness(tok, int(tok["year"].max()), "rest")
            note = f"{len(tok)} terms, {len(key)} key rows"
        else:
            units = topics.units(sents, unit="paragraphs")
            dtm = topics.document_term_matrix(units)
            fit = topics.fit_topics(dtm, model="nmf", k=TOPIC_K, seed=TOPIC_SEED)
            note = (f"{dtm.counts.shape[0]} units x {dtm.counts.shape[1]} terms, "
                    f"{fit.n_iter} iterations")
        seconds = time.perf_counter() - t0
    elif step == "frames":
        lex = framing.load_lexicon()
        t0 = time.perf_counter()
        n = k = 0
        rows = stream_sentences(sentences_csv, progress, total, "frames")
        for code in framing.iter_codes(rows, lex, n_jobs=n_jobs):
            n += 1
            k += code.security or code.economy or code.multilateralism
        seconds = time.perf_counter() - t0
        note = f"{n} sentences, {k} with a frame, n_jobs={n_jobs}"
    elif step == "countvectorizer":
        from sklearn.feature_extraction.text import CountVectorizer

        t0 = time.perf_counter()
        cv = CountVectorizer().fit(
            t for _, t, *_ in stream_sentences(sentences_csv, progress, total, "countvec"))
        seconds = time.perf_counter() - t0
        note = f"{len(cv.vocabulary_)} features"
    else:
        raise ValueError(f"step={step!r} is not one of {STEPS}")
    return {"step": step, "seconds": seconds, "peak_mb": _peak_mb(),
            "baseline_mb": base, "note": note}


def _child(args) -> None:
    out = run_step(args.step, Path(args.corpus), Path(args.sentences), n_jobs=args.n_jobs,
                   progress=not args.no_progress, total=args.total)
    print(json.dumps(out))


def _spawn(step: str, corpus_dir: Path, sentences_csv: Path, n_jobs: int, progress: bool,
           total: int) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_step", step,
           "--corpus", str(corpus_dir), "--sentences", str(sentences_csv),
           "--n-jobs", str(n_jobs), "--total", str(total)]
    if not progress:
        cmd.append("--no-progress")
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_seconds"] = time.perf_counter() - t0
    return out


# ------------------------------------------------------------------ report

def machine() -> str:
    from importlib import metadata

    mem = ""
    try:
        with open("/proc/meminfo") as fh:
            kb = int(fh.readline().split()[1])
        mem = f", {kb / 1024 ** 2:.1f} GB RAM"
    except OSError:
        pass
    libs = ", ".join(f"{n} {metadata.version(n)}" for n in
                     ("numpy", "pandas", "scikit-learn", "nltk", "joblib"))
    return (f"{platform.machine()}, {os.cpu_count()} cores{mem}, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}; {libs}")


def slope(xs, ys) -> float:
    """Least-squares slope of log(y) on log(x) (1 = linear, 2 = quadratic)."""
    import numpy as np

    if len(xs) < 2:
        return float("nan")
    return float(np.polyfit(np.log(xs), np.log(ys), 1)[0])


def report(results: list[dict]) -> str:
    lines = [f"machine: {machine()}", "",
             "| size | words | documents | sentences | step | seconds | words/s | "
             "peak RSS MB | note |",
             "| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |"]
    for r in results:
        lines.append(f"| {r['factor']}x | {r['words']:,} | {r['documents']:,} | "
                     f"{r['sentences']:,} | {r['step']} | {r['seconds']:.2f} | "
                     f"{r['words'] / r['seconds']:,.0f} | {r['peak_mb']:.0f} | {r['note']} |")
    lines += ["", "| step | slope of log(time) on log(words) |", "| --- | ---: |"]
    for step in STEPS:
        rs = [r for r in results if r["step"] == step]
        if rs:
            fitted = slope([r["words"] for r in rs], [r["seconds"] for r in rs])
            lines.append(f"| {step} | {fitted:.2f} |")
    frames = {r["factor"]: r for r in results if r["step"] == "frames"}
    cvs = {r["factor"]: r for r in results if r["step"] == "countvectorizer"}
    if frames and cvs:
        lines += ["", "| size | frames / CountVectorizer time | frames peak MB |",
                  "| ---: | ---: | ---: |"]
        for f in sorted(set(frames) & set(cvs)):
            lines.append(f"| {f}x | {frames[f]['seconds'] / cvs[f]['seconds']:.2f} | "
                         f"{frames[f]['peak_mb']:.0f} |")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000",
                        help="comma-separated multiples of the corpus (default 10,100,1000)")
    parser.add_argument("--quick", action="store_true",
                        help="sizes 1,3,10 (a smoke test of about a minute)")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help=f"comma-separated steps (default all: {','.join(STEPS)})")
    parser.add_argument("--n-jobs", type=int, default=1,
                        help="n_jobs of corpus.segment (segment step) and of the frame coder "
                             "(frames step) (default 1)")
    parser.add_argument("--work", default=None, help="keep the built corpora here")
    parser.add_argument("--json", default=None, help="also write the results as JSON")
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")
    # internal: run one step in this (fresh) process
    parser.add_argument("--_step", dest="step", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--sentences", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--total", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        _child(args)
        return
    sizes = [1, 3, 10] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    if any(s < 1 for s in sizes):
        parser.error(f"--sizes {args.sizes!r}: every size must be a positive integer")
    steps = [s for s in args.steps.split(",") if s]
    bad = [s for s in steps if s not in STEPS]
    if bad:
        parser.error(f"--steps: unknown step(s) {bad}; allowed: {', '.join(STEPS)}")
    progress = not args.no_progress
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="discourse-scale-"))
    results = []
    try:
        for factor in sizes:
            cdir = work / f"corpus-{factor}x"
            if cdir.exists():
                shutil.rmtree(cdir)
            info = build_corpus(factor, cdir, progress=progress)
            sents = work / f"sentences-{factor}x.csv"
            info["sentences"] = write_sentences(cdir, sents)
            print(f"built {factor}x: {info['documents']} documents, {info['words']:,} "
                  f"words, {info['sentences']:,} sentences", file=sys.stderr, flush=True)
            for step in steps:
                r = _spawn(step, cdir, sents, args.n_jobs, progress, info["sentences"])
                r.update(info)
                results.append(r)
                print(f"  {factor}x {step}: {r['seconds']:.2f} s, peak {r['peak_mb']:.0f} MB"
                      f" ({r['note']})", file=sys.stderr, flush=True)
            if not args.work:
                shutil.rmtree(cdir)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine(), "results": results},
                                              indent=1) + "\n")
    print(report(results))


if __name__ == "__main__":
    main()
