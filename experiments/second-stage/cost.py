"""Cost per sentence of the second stage's features, against the lexicon coder itself
and CountVectorizer().fit, on the 2,525 development sentences (best of ``--repeat``).

    PYTHONPATH=experiments/second-stage .venv/bin/python experiments/second-stage/cost.py
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from discourse.framing.coder import iter_codes
from discourse.framing.lexicon import FRAMES, as_lexicon

from features import (code_with_analysis, context_features, lexicon_features,
                            load_dev)


def best(fn, repeat):
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return min(out)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    table = load_dev()
    lex = as_lexicon(None)
    n = len(table)
    rows = list(zip(table.id, table.text, table.paragraph, table.document, table.date))
    list(iter_codes(rows, lex))                        # warm the caches
    t_lex = best(lambda: list(iter_codes(rows, lex)), args.repeat)
    codes, analyses, _ = code_with_analysis(table, lex)
    t_lexf = best(lambda: lexicon_features(codes, analyses), args.repeat)
    t_ctxf = best(lambda: context_features(table, codes), args.repeat)
    dicts = [{**a, **b} for a, b in zip(lexicon_features(codes, analyses),
                                        context_features(table, codes))]
    dv = DictVectorizer().fit(dicts)
    X = sp.hstack([dv.transform(dicts)]).tocsr()       # 32-bit indices for liblinear
    y = table[list(FRAMES)].to_numpy()
    models = [LogisticRegression(solver="liblinear", random_state=0).fit(X, y[:, k])
              for k in range(3)]
    t_pred = best(lambda: [m.predict_proba(sp.hstack([dv.transform(dicts)]).tocsr()) for m in models],
                  args.repeat)
    # a hand-written scorer: weights in a dict, a sum over the sentence's ~20 features
    names = dv.get_feature_names_out()
    weights = [dict(zip(names, m.coef_[0])) for m in models]
    icpt = [float(m.intercept_[0]) for m in models]

    def score_all():
        for d in dicts:
            for w, b in zip(weights, icpt):
                b + sum(w.get(k, 0.0) * v for k, v in d.items())
    t_hand = best(score_all, args.repeat)
    texts = table.text.tolist()
    t_cv = best(lambda: CountVectorizer().fit(texts), args.repeat)
    tf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit(texts)
    Xt = tf.transform(texts)
    tmodels = [LogisticRegression(solver="liblinear", random_state=0).fit(Xt, y[:, k])
               for k in range(3)]
    t_tfidf = best(lambda: [m.predict_proba(tf.transform(texts)) for m in tmodels],
                   args.repeat)
    us = lambda s: 1e6 * s / n
    print(f"sentences {n}; microseconds per sentence (best of {args.repeat}):")
    print(f"  lexicon coder (iter_codes, in context)           {us(t_lex):7.1f}")
    print(f"  CountVectorizer().fit (the benchmark's reference) {us(t_cv):7.1f}")
    print(f"  lexicon features from its analyses (this script) {us(t_lexf):7.1f}")
    print(f"  context features (this script, whole table)      {us(t_ctxf):7.1f}")
    print(f"  DictVectorizer.transform + 3 predict_proba        {us(t_pred):7.1f}")
    print(f"  hand-written dict scorer, 3 frames                {us(t_hand):7.1f}")
    print(f"  features per sentence (mean keys)                 "
          f"{np.mean([len(d) for d in dicts]):7.1f}")
    print(f"  TF-IDF (1-2 grams) transform + 3 predict_proba    {us(t_tfidf):7.1f}")
    print(f"  ratio lexicon / CountVectorizer here              {t_lex / t_cv:7.2f}")
    print(f"  ratio (lexicon + lex/ctx features + predict) / CV "
          f"{(t_lex + t_lexf + t_ctxf + t_pred) / t_cv:7.2f}")
    print(f"  ratio (lexicon + TF-IDF + predict) / CV           "
          f"{(t_lex + t_tfidf) / t_cv:7.2f}")


if __name__ == "__main__":
    main()
