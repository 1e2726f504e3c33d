"""Frame coding against scikit-learn's ``CountVectorizer().fit`` on the same sentences.

The ratio of the two wall times (target: at most 2) is the measure issue 8 asked for;
``benchmarks/scale.py`` measures the same on larger corpora. Usage (from the
repository root)::

    .venv/bin/python benchmarks/frames_vs_countvectorizer.py [--repeat 200] [--runs 5]

Prints a JSON object (see :func:`benchmark`). Moved here from ``discourse.framing``,
where only a test used it: a measurement is not a unit test.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from discourse import corpus, framing
from discourse.text import TOKEN_RE, is_word


def benchmark(texts: list[str], *, repeat: int = 200, runs: int = 5, lexicon=None,
              context: list[tuple] | None = None, n_jobs: int = 1) -> dict:
    """Time frame coding against scikit-learn's ``CountVectorizer().fit`` on the same texts.

    The sentences are repeated ``repeat`` times. Each of ``runs`` rounds times both
    tasks on the same data, alternating which goes first (so that a slow spell of a
    shared machine hits both), and the ratio is computed within each round; the
    reported figures are medians over rounds. Frame coding is ``framing.iter_codes``
    streaming the sentences with a fresh per-token cache each round (nothing is
    carried over from one round to the next); CountVectorizer uses its defaults.

    Parameters
    ----------
    texts : list of str
    repeat : int
        Copies of ``texts`` in the timed corpus (default 200).
    runs : int
        Timed rounds (default 5; the median is robust to one or two disturbed rounds).
    lexicon : discourse.framing.Lexicon, optional
    context : list of tuple, optional
        ``(paragraph, document, date)`` of each text, so that the paragraph, document
        and membership rules run as in ``discourse frames`` (each copy of the corpus
        gets its own paragraph and document keys); default: none.
    n_jobs : int
        Worker processes of the frame coder (``framing.iter_codes``).

    Returns
    -------
    dict
        ``n_sentences, n_words`` (tokens of ``discourse.text.TOKEN_PATTERN`` with a letter or
        digit), ``runs``, ``seconds_frames`` and ``seconds_countvectorizer`` (medians),
        ``ratio`` (median of the per-round wall-time ratios frames / CountVectorizer;
        the target is <= 2), ``ratio_min``, ``ratio_max``, ``ratio_cpu`` (median of
        the per-round ratios of process CPU time, less sensitive to other processes on
        a shared machine) and ``words_per_second`` (frame coding, median wall time).
    """
    from sklearn.feature_extraction.text import CountVectorizer

    if repeat < 1 or runs < 1:
        raise ValueError(f"repeat {repeat!r} and runs {runs!r} must be positive integers")
    data = list(texts) * repeat
    lex = framing.load_lexicon() if lexicon is None else lexicon
    if context is None:
        rows = [(i, t, None) for i, t in enumerate(data)]
    else:
        k = len(texts)
        rows = [(i, t, (i // k, *context[i % k][:2]), (i // k, context[i % k][1]),
                 context[i % k][2]) for i, t in enumerate(data)]

    def frames():
        w0, c0 = time.perf_counter(), time.process_time()
        n = 0
        for _ in framing.iter_codes(rows, lex, n_jobs=n_jobs):
            n += 1
        return time.perf_counter() - w0, time.process_time() - c0, n

    def vectorizer():
        w0, c0 = time.perf_counter(), time.process_time()
        CountVectorizer().fit(data)
        return time.perf_counter() - w0, time.process_time() - c0

    fr, cv, ratios, cpu_ratios = [], [], [], []
    n = 0
    for r in range(runs):
        if r % 2:
            c, c_cpu = vectorizer()
            f, f_cpu, n = frames()
        else:
            f, f_cpu, n = frames()
            c, c_cpu = vectorizer()
        fr.append(f)
        cv.append(c)
        ratios.append(f / c)
        cpu_ratios.append(f_cpu / c_cpu)
    words = sum(sum(1 for t in TOKEN_RE.findall(x) if is_word(t))
                for x in texts) * repeat
    f_med = float(np.median(fr))
    return {"n_sentences": n, "n_words": words, "runs": runs, "seconds_frames": f_med,
            "seconds_countvectorizer": float(np.median(cv)),
            "ratio": float(np.median(ratios)), "ratio_min": float(min(ratios)),
            "ratio_max": float(max(ratios)), "ratio_cpu": float(np.median(cpu_ratios)),
            "words_per_second": words / f_med}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200,
                        help="copies of the corpus sentences in the timed input (default 200)")
    parser.add_argument("--runs", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument("--n-jobs", type=int, default=1,
                        help="worker processes of the frame coder (default 1)")
    args = parser.parse_args(argv)
    sents = corpus.segment(corpus.load_docs())
    context = list(zip(sents["paragraph"], sents["doc_id"], sents["date"].astype(str)))
    print(json.dumps(benchmark(sents["text"].tolist(), repeat=args.repeat, runs=args.runs,
                               context=context, n_jobs=args.n_jobs), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
