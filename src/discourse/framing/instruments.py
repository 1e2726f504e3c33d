"""The lexicon against learned instruments, scored only on data they were not fitted on.

* :func:`instrument_comparison`: the lexicon against a supervised instrument (TF-IDF
  logistic regression) chosen by evidence that never scores on data used to fit it:
  cross-validation that leaves out whole documents of the development texts, and a fit
  on all development sets scored on the held-out sets.
* :func:`transfer`: real-text transfer, trained on one text of the corpus and scored on
  the other, both ways.

Agreement statistics are :func:`discourse.stats.binary_agreement` (precision, recall,
F1, Cohen's kappa, Krippendorff's alpha). Both tables give F1 and kappa intervals
(:func:`discourse.framing.agreement.agreement_intervals`); the comparison also gives the
paired difference of the two instruments with its interval
(:func:`discourse.framing.agreement.difference_intervals`). Every interval takes the
learned coder as fitted: refitting it is not resampled.

References
----------
Pedregosa, F. et al. (2011). Scikit-learn: machine learning in Python. *JMLR* 12,
2825-2830.
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

from discourse import provenance
from discourse.bootstrap import DEFAULT_SEED
from discourse.framing.agreement import (AGREEMENT_N_BOOT, agreement_intervals,
                                         difference_intervals, resampler)
from discourse.framing.evaluation import (annotation_files, code_registered, load_set,
                                          load_sets)
from discourse.framing.lexicon import FRAMES, as_lexicon
from discourse.stats import AGREEMENT_METRICS, binary_agreement

__all__ = ["DIFFERENCE", "instrument_comparison", "transfer"]


def _scores(method, data, frame, y, pred, **extra) -> dict:
    r = binary_agreement(np.asarray(pred, dtype=int), np.asarray(y, dtype=int))
    return {"method": method, "data": data, "frame": frame,
            **{m: r[m] for m in AGREEMENT_METRICS}, "n": r["n"], **extra}


def _fit_predict(train_text, train_y: dict, tests: list, seed, min_df=2) -> list[dict]:
    """Per frame, a TF-IDF (unigrams and bigrams, sublinear tf) logistic regression
    (balanced class weights) fitted on ``train_text`` with the labels ``train_y[frame]``,
    predicting each text sequence of ``tests``: one ``{frame: predictions}`` per test.

    The vectorizer does not depend on the labels, so it is fitted once for all frames
    (the same matrices, hence the same models, as one pipeline per frame); a frame with
    one class in training predicts that class (0 with no training rows)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    out = [{} for _ in tests]
    x_train = x_tests = None
    for f, y in train_y.items():
        if len(set(y)) < 2:                   # a frame absent from the training text
            for o, t in zip(out, tests):
                o[f] = np.full(len(t), int(y[0]) if len(y) else 0)
            continue
        if x_train is None:
            vec = TfidfVectorizer(ngram_range=(1, 2), min_df=min_df, sublinear_tf=True)
            x_train = vec.fit_transform(list(train_text))
            x_tests = [vec.transform(list(t)) for t in tests]
        model = LogisticRegression(class_weight="balanced", max_iter=2000,
                                   random_state=seed).fit(x_train, y)
        for o, x in zip(out, x_tests):
            o[f] = model.predict(x)
    return out


#: The ``method`` of the rows of :func:`instrument_comparison` that compare the two.
DIFFERENCE = "lexicon minus tfidf_logreg"
_COLUMNS = ["method", "data", "frame", *AGREEMENT_METRICS, "n", "design",
            "f1_low", "f1_high", "kappa_low", "kappa_high", "interval", "f1_interval"]
#: What every interval of the comparison takes as given.
FITTED = "; the learned coder taken as fitted (refitting it is not resampled)"


def _compared(labels: tuple, hand: pd.DataFrame, lex: pd.DataFrame, tfidf: pd.DataFrame,
              boot, level: float, member=None) -> list[dict]:
    """The rows of one data set: each instrument's scores with F1 and kappa intervals,
    and their paired difference (the lexicon's minus the learned coder's); ``labels``
    gives the ``(data, design)`` of each of the three rows in that order. With
    ``member`` (the set of each row, sets resampled whole) every interval is widened to
    the delete-one-set jackknife's t interval where narrower. The rows are aligned by
    position: the caller aligns them by sentence."""
    from discourse.framing.pooled import (sets_resampled_whole, widen_to_jackknife,
                                          without_each_set)

    hand = hand[list(FRAMES)].astype(int).reset_index(drop=True)
    coders = {"tfidf_logreg": tfidf.reset_index(drop=True).astype(int),
              "lexicon": lex[list(FRAMES)].reset_index(drop=True).astype(int)}
    ci = {m: agreement_intervals(c, hand, boot, metrics=("f1", "kappa"), level=level)
          .set_index(["frame", "metric"]) for m, c in coders.items()}
    ci[DIFFERENCE] = difference_intervals(coders["lexicon"], coders["tfidf_logreg"], hand,
                                          boot, level=level).set_index(["frame", "metric"])
    if member is not None:            # the pooled sets are the "documents" resampled
        for t in ci.values():
            t["interval"] = sets_resampled_whole(t.interval)
    rows = []
    for f in FRAMES:
        score = {m: binary_agreement(c[f].to_numpy(), hand[f].to_numpy())
                 for m, c in coders.items()}
        score[DIFFERENCE] = {k: score["lexicon"][k] - score["tfidf_logreg"][k]
                             for k in AGREEMENT_METRICS}
        score[DIFFERENCE]["n"] = len(hand)
        if member is not None:           # the statistics without each set in turn
            without = {m: without_each_set(c[f], hand[f], member, member.max() + 1)
                       for m, c in coders.items()}
            without[DIFFERENCE] = [{k: a[k] - b[k] for k in AGREEMENT_METRICS} for a, b
                                   in zip(without["lexicon"], without["tfidf_logreg"])]
        for method, (data, design) in zip(("tfidf_logreg", "lexicon", DIFFERENCE), labels):
            bounds = {"f1": (-1.0, 1.0), "kappa": (-2.0, 2.0)} if method == DIFFERENCE \
                else {"f1": (0.0, 1.0), "kappa": (-1.0, 1.0)}
            ends = {}
            for k in ("f1", "kappa"):
                c = ci[method].loc[(f, k)]
                lo, hi, how = float(c.ci_low), float(c.ci_high), c.interval
                if member is not None and not np.isnan(score[method][k]):
                    lo, hi, how = widen_to_jackknife(
                        lo, hi, how, score[method][k], [w[k] for w in without[method]],
                        level, bounds[k])
                ends.update({f"{k}_low": lo, f"{k}_high": hi, f"{k}_how": how + FITTED})
            rows.append({"method": method, "data": data, "frame": f,
                         **{m: score[method][m] for m in AGREEMENT_METRICS},
                         "n": score[method]["n"], "design": design,
                         **{k: v for k, v in ends.items() if not k.endswith("_how")},
                         "interval": ends["kappa_how"], "f1_interval": ends["f1_how"]})
    return rows


@provenance.tracked(files=annotation_files)
def instrument_comparison(lexicon=None, *, corpus: str | os.PathLike | None = None,
                          seed: int = 0, n_folds: int = 10, n_boot: int = AGREEMENT_N_BOOT,
                          boot_seed: int = DEFAULT_SEED, level: float = 0.95
                          ) -> pd.DataFrame:
    """The lexicon against a supervised instrument, never scored on its training data.

    The supervised instrument is a TF-IDF (unigrams and bigrams, sublinear tf) logistic
    regression per frame (balanced class weights). Two designs: (1) cross-validation that
    leaves out whole documents: the development texts with documents (the corpus's two
    texts and the SCO-style development texts) are split into ``n_folds`` groups of
    documents (``sklearn.model_selection.GroupKFold``, deterministic); each group is
    scored by a model fitted on all other development sentences (the synthetic
    hard-case sets, which have no documents, are always in training); predictions are
    pooled; (2) a fit on all development sets, scored on every set that was never used
    for development, and on those sets pooled (where there are two or more, all of one
    kind), each set resampled whole as in
    :func:`~discourse.framing.pooled.pooled_agreement`.
    The lexicon is scored on the same sentences; on the development sets its figures are
    optimistic (it was built on them), on the held-out sets they are not. Rows with
    ``method`` :data:`DIFFERENCE` give the lexicon's score minus the learned coder's on
    the same sentences, with the interval of the paired difference
    (:func:`~discourse.framing.agreement.difference_intervals`).

    Parameters
    ----------
    seed : int
        The logistic regressions' ``random_state``.
    n_boot, boot_seed, level
        The intervals of F1 and kappa and of their differences: a cluster bootstrap of
        the sentences scored (:func:`~discourse.framing.agreement.resampler`: texts
        resampled where there are ten or more, else paragraphs within texts; the pooled
        sets resampled whole), widened as
        :func:`~discourse.framing.agreement.agreement_intervals` widens them.

    Returns
    -------
    pandas.DataFrame
        ``method`` (``tfidf_logreg``, ``lexicon``, :data:`DIFFERENCE`), ``data`` (what
        it was measured on), ``frame``, ``precision, recall, f1, kappa, alpha, n``,
        ``design``, ``f1_low, f1_high, kappa_low, kappa_high``, ``interval`` (how the
        kappa interval was made) and ``f1_interval`` (F1's: widened to its own analytic
        interval or floor). The intervals of the differences are the bootstrap's alone,
        with no analytic floor (their coverage is not measured), but where the sets are
        pooled (the jackknife's floor).
    """
    from discourse.framing.evaluation import set_clusters
    from discourse.framing.pooled import POOLED, stack_sets

    lex = as_lexicon(lexicon)
    sets = load_sets(corpus)
    tables = {r.set: (r, load_set(r.file, corpus)) for r in sets.itertuples()}
    dev = pd.concat([t.assign(_set=s) for s, (r, t) in tables.items()
                     if r.used_for_development == "yes"], ignore_index=True)
    # each set's codes, in the order of its rows (code_registered's; every later step is
    # by row)
    codes = {s: code_registered(r.file, t, lex, corpus) for s, (r, t) in tables.items()}
    paired = "paired: both instruments on the same sentences and resamples"
    rows = []
    docs = dev["document"].where(dev["document"] != "", "")
    grouped = sorted(set(docs) - {""})
    if grouped:
        from sklearn.model_selection import GroupKFold

        pred = {f: np.zeros(len(dev), dtype=int) for f in FRAMES}
        test_mask = docs != ""
        idx = np.flatnonzero(test_mask.to_numpy())
        folds = GroupKFold(n_splits=min(n_folds, len(grouped)))
        for _, te_pos in folds.split(idx, groups=docs.to_numpy()[idx]):
            te = np.zeros(len(dev), dtype=bool)
            te[idx[te_pos]] = True
            fold = _fit_predict(dev.text[~te], {f: dev[f][~te].to_numpy() for f in FRAMES},
                                [dev.text[te]], seed)[0]
            for f in FRAMES:
                pred[f][te] = fold[f]
        lex_codes = pd.concat([codes[s] for s in dev["_set"].unique()], ignore_index=True)
        m = test_mask.to_numpy()
        left = dev[m]
        key = (left["_set"] + ":" + left["id"]).to_numpy()
        clusters = pd.DataFrame({"sentence_id": key,
                                 "doc_id": (left["_set"] + "/" + left["document"]).to_numpy(),
                                 "paragraph": (left["document"] + "/" + left["paragraph"])
                                 .to_numpy()})
        boot = resampler(clusters[["sentence_id"]], clusters, n_boot=n_boot, seed=boot_seed)
        data = f"development documents ({folds.get_n_splits()} folds of whole documents)"
        built = data + "; lexicon built on them"
        rows += _compared(((data, "documents left out"), (built, "documents left out"),
                           (built, paired)), left, lex_codes[m],
                          pd.DataFrame({f: pred[f][m] for f in FRAMES}), boot, level)
    # a set whose use is not recorded (its file is not the one sets.csv describes) is
    # neither development data nor left out
    held_out = [(s, r, t) for s, (r, t) in tables.items() if r.used_for_development == "no"]
    fitted = _fit_predict(dev.text, {f: dev[f].to_numpy() for f in FRAMES},
                          [t.text for _, _, t in held_out], seed) if held_out else []
    designs = ("fit on all development sets", "no fitting", paired)

    def labelled(data):
        return tuple((data, d) for d in designs)

    for (s, r, t), pred_set in zip(held_out, fitted):
        boot = resampler(pd.DataFrame({"sentence_id": t["id"]}), set_clusters(t),
                         n_boot=n_boot, seed=boot_seed)
        rows += _compared(labelled(f"{s} ({r.measured_on})"), t, codes[s],
                          pd.DataFrame(pred_set), boot, level)
    if len(held_out) > 1 and len({r.kind for _, r, _ in held_out}) == 1:
        hand, lex_held, clusters, member = stack_sets(
            [(r, t, codes[s]) for s, r, t in held_out])
        boot = resampler(hand[["sentence_id"]], clusters, n_boot=n_boot, seed=boot_seed,
                         documents=True)
        names = ", ".join(s for s, _, _ in held_out)
        rows += _compared(labelled(f"{POOLED} ({held_out[0][1].kind} text of the "
                                   f"{len(held_out)} sets never used to build or tune the "
                                   f"lexicon ({names}), pooled, each set resampled whole)"),
                          hand, lex_held,
                          pd.concat([pd.DataFrame(p) for p in fitted], ignore_index=True),
                          boot, level, member)
    return pd.DataFrame(rows, columns=_COLUMNS)


@provenance.tracked
def transfer(sentences: pd.DataFrame, hand: pd.DataFrame, codes: pd.DataFrame, *,
             by: str = "year", seed: int = 0,
             developed_on: bool | None = None, n_boot: int = AGREEMENT_N_BOOT,
             boot_seed: int = DEFAULT_SEED, level: float = 0.95) -> pd.DataFrame:
    """Real-text transfer: build on one text (group) of the corpus, score on another.

    For every ordered pair of groups (years, by default), two learned coders are fitted
    on the source group's hand-coded sentences and scored on the target group's: a
    TF-IDF logistic regression (as in :func:`instrument_comparison`, but keeping terms
    seen once, since one text is small), and a logistic regression on the lexicon coder's output
    for the sentence (its three codes and the words of its evidence), i.e. the lexicon
    re-weighted by one text. The hand-built lexicon itself is scored on each target as it
    is; where it was developed on these texts its rows are not a transfer (``note``).

    Parameters
    ----------
    sentences : DataFrame
        The ``sentences`` table (``sentence_id, text`` and ``by``).
    hand : DataFrame
        Hand codes (``sentence_id`` and the frames).
    codes : DataFrame
        The lexicon's codes of the same sentences (``sentence_id``, frames, ``evidence``).
    developed_on : bool, optional
        Whether the lexicon was built or tuned on these texts
        (:func:`~discourse.framing.evaluation.lexicon_developed_on`); the lexicon rows'
        ``note`` says so, and says it is not known when ``None``.
    n_boot, boot_seed, level
        The intervals of F1 and kappa: the target text's paragraphs resampled where
        ``sentences`` has ``doc_id`` and ``paragraph``, else its sentences
        (:func:`~discourse.framing.agreement.resampler`).

    Returns
    -------
    pandas.DataFrame
        ``source, target, method, frame, precision, recall, f1, kappa, alpha, n,
        n_train, f1_low, f1_high, kappa_low, kappa_high, interval`` (how kappa's
        interval was made), ``f1_interval`` (F1's), ``note``; no rows with
        fewer than two groups. A frame absent from the source text (or present in every
        sentence) leaves the learned coders one class to predict; the note says so.
    """
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    m = sentences[["sentence_id", "text", by]].merge(
        hand[["sentence_id", *FRAMES]], on="sentence_id").merge(
        codes[["sentence_id", *FRAMES, "evidence"]].rename(
            columns={f: f"lex_{f}" for f in FRAMES}), on="sentence_id")
    feats = (m["evidence"].fillna("") + " " + m[[f"lex_{f}" for f in FRAMES]].astype(str)
             .apply(lambda r: " ".join(f"LEX{i}_{v}" for i, v in enumerate(r)), axis=1))
    groups = sorted(m[by].unique().tolist())
    lexicon_note = ("not a transfer: the lexicon was developed on these texts"
                    if developed_on else "the lexicon as it is, not developed on these texts"
                    if developed_on is False else "the lexicon as it is (whether it was "
                    "developed on these texts is not recorded)")
    # the re-weighting is fitted on the source text, but its features are the lexicon's
    # findings, so it is a transfer only as far as the lexicon's own codes are
    reweighted_note = "lexicon output re-weighted on the source text" + (
        "; not a transfer: the lexicon was developed on these texts" if developed_on
        else "" if developed_on is False else "; whether the lexicon was developed on "
        "these texts is not recorded")
    clusters = [c for c in ("doc_id", "paragraph") if c in sentences]
    rows = []
    for src in groups:
        for tgt in groups:
            if src == tgt:
                continue
            tr, te = (m[by] == src).to_numpy(), (m[by] == tgt).to_numpy()
            tfidf = _fit_predict(m.text[tr], {f: m[f][tr].to_numpy() for f in FRAMES},
                                 [m.text[te]], seed, 1)[0]
            preds = {"tfidf_logreg": tfidf, "lexicon_reweighted": {},
                     "lexicon": {f: m[f"lex_{f}"][te].to_numpy() for f in FRAMES}}
            one = {}
            for f in FRAMES:
                y_tr = m[f][tr].to_numpy()
                one[f] = len(set(y_tr)) < 2
                if one[f]:
                    p = np.full(int(te.sum()), int(y_tr[0]))
                else:
                    vec = CountVectorizer(token_pattern=r"[^\s|,:]+", binary=True)
                    x_tr = vec.fit_transform(feats[tr])
                    p = LogisticRegression(class_weight="balanced", max_iter=2000,
                                           random_state=seed).fit(x_tr, y_tr).predict(
                        vec.transform(feats[te]))
                preds["lexicon_reweighted"][f] = p
            target = m[te].reset_index(drop=True)
            boot = resampler(target[["sentence_id"]], sentences[["sentence_id", *clusters]],
                             n_boot=n_boot, seed=boot_seed)
            hand_te = target[list(FRAMES)].astype(int)
            ci = {method: agreement_intervals(pd.DataFrame(pred).astype(int), hand_te, boot,
                                              metrics=("f1", "kappa"), level=level
                                              ).set_index(["frame", "metric"])
                  for method, pred in preds.items()}
            notes = {"tfidf_logreg": "fitted on the source text only",
                     "lexicon_reweighted": reweighted_note, "lexicon": lexicon_note}
            for f in FRAMES:
                for method, pred in preds.items():
                    c = ci[method]
                    note = notes[method] + ("; the source text has one class of the frame, "
                                            "so the learned coder predicts that class"
                                            if one[f] and method != "lexicon" else "")
                    rows.append(_scores(
                        method, "", f, hand_te[f], pred[f], source=src, target=tgt,
                        n_train=int(tr.sum()),
                        **{f"{k}_{end}": float(c.loc[(f, k), f"ci_{end}"])
                           for k in ("f1", "kappa") for end in ("low", "high")},
                        interval=c.loc[(f, "kappa"), "interval"],
                        f1_interval=c.loc[(f, "f1"), "interval"], note=note))
    cols = ["source", "target", "method", "frame", *AGREEMENT_METRICS, "n", "n_train",
            "f1_low", "f1_high", "kappa_low", "kappa_high", "interval", "f1_interval",
            "note"]
    return pd.DataFrame(rows, columns=cols + ["data"])[cols] if rows else \
        pd.DataFrame(columns=cols)
