"""When does a Dask cluster pay? Single process against a LocalCluster, same corpus.

For each size (millions of words, recombined corpora as in ``benchmarks/scale.py``),
one process runs term counting per year (``discourse.parallel.count_documents``,
segmentation included) and frame coding (``corpus.segment`` + ``framing.code_sentences``);
then the same through ``discourse.distributed`` on a ``LocalCluster`` with ``--workers``
worker processes of one thread each. The cluster is started once (its start-up time is
reported on its own); every figure is wall time after the corpus has been loaded. The
results are checked to be identical.

    .venv/bin/python benchmarks/dask_scale.py                   # 0.1, 0.5, 2.5 M words
    .venv/bin/python benchmarks/dask_scale.py --words 1 --workers 2
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import scale  # noqa: E402

WORDS_PER_FACTOR = 5_453


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", default="0.1,0.5,2.5")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    from distributed import Client, LocalCluster

    from discourse import corpus, distributed, framing, parallel

    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    client = Client(cluster)
    startup = time.perf_counter() - t0
    work = Path(tempfile.mkdtemp(prefix="discourse-dask-"))
    print(f"machine: {scale.machine()}\nLocalCluster of {args.workers} worker processes "
          f"started in {startup:.1f} s\n")
    print("| words | documents | step | one process s | cluster s | speed-up | identical |")
    print("| ---: | ---: | --- | ---: | ---: | ---: | --- |")
    try:
        # warm the workers once (imports, lexicons), as a long-lived cluster would be
        warm = corpus.load_docs(HERE.parent / "tests" / "fixtures" / "multiyear")
        distributed.count_terms(warm, client)
        distributed.code_frames(warm, client)
        for millions in [float(w) for w in args.words.split(",") if w]:
            factor = max(1, math.ceil(millions * 1e6 / WORDS_PER_FACTOR))
            cdir = work / f"c{factor}"
            info = scale.build_corpus(factor, cdir, progress=False)
            docs = corpus.load_docs(cdir)
            for step in ("term counts", "frame coding"):
                t0 = time.perf_counter()
                if step == "term counts":
                    one = parallel.count_documents(docs)
                else:
                    one = framing.code_sentences(corpus.segment(docs))
                t1 = time.perf_counter()
                if step == "term counts":
                    many = distributed.count_terms(docs, client)
                    same = (one.matrix != many.matrix).nnz == 0 and \
                        list(one.terms) == list(many.terms)
                else:
                    many = distributed.code_frames(docs, client)
                    same = one.equals(many)
                t2 = time.perf_counter()
                print(f"| {info['words']:,} | {info['documents']:,} | {step} | {t1 - t0:.1f} "
                      f"| {t2 - t1:.1f} | {(t1 - t0) / (t2 - t1):.2f} | {same} |", flush=True)
            shutil.rmtree(cdir)
    finally:
        client.close()
        cluster.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
