"""The Topics section of the summary: topics stable enough to cite, prevalence by year."""

from __future__ import annotations

from pathlib import Path

from discourse import results as R
from discourse.summary.design import caveat, compared_years
from discourse.summary.format import interval_label, one_text_per_year, read

__all__ = ["topic_findings"]


def _topic_names(root: Path) -> dict:
    labels = read(root, R.TOPICS_LABELS_CHECK)
    names = {}
    if labels is not None and {"topic", "label"} <= set(labels.columns):
        for r in labels.itertuples():
            if not isinstance(r.label, str) or not r.label.strip():
                continue                    # an unlabelled topic is named by its number
            if str(getattr(r, "status", "ok")) != "ok":     # written for another model
                names[int(r.topic)] = "(its stored label is stale and not used)"
                continue
            names[int(r.topic)] = f"\"{r.label}\""
    return names


def _short_topics(stab) -> dict:
    """``{topic: number of top terms}`` of the topics with fewer than ``n_top`` terms of
    non-zero weight (empty for a table without ``n_top_terms``)."""
    if not {"n_top_terms", "n_top"} <= set(stab.columns):
        return {}
    return {int(r.topic): int(r.n_top_terms) for r in stab.itertuples()
            if r.n_top_terms < r.n_top}


def topic_findings(root: Path, *, genres=None):
    """Findings of the Topics section: ``(section, finding, source)`` tuples;
    ``genres`` (:func:`discourse.summary.design.corpus_genres`) for the design caveat."""
    stab = read(root, R.TOPICS_STABILITY)
    if stab is None or stab.empty:
        return
    names = _topic_names(root)
    model, k, seed = stab.model.iloc[0], int(stab.k.iloc[0]), int(stab.seed.iloc[0])
    runs = int(stab.n_runs.iloc[0])
    src = (f"{R.TOPICS_STABILITY.ref}, {R.TOPICS_MODEL_SELECTION.ref}; "
           f"{R.FIG_MODEL_SELECTION.ref}")

    def name(t):
        return f"topic {int(t)} {names.get(int(t), '')}".strip()

    has_resample = "stability_resample" in stab
    short = _short_topics(stab)
    per_topic = "; ".join(
        f"{name(r.topic)} {r.stability:.2f}"
        + (f" / {r.stability_resample:.2f}" if has_resample else "")
        + (f" (only {short[int(r.topic)]} term"
           f"{'' if short[int(r.topic)] == 1 else 's'} of non-zero weight)"
           if int(r.topic) in short else "")
        for r in stab.sort_values("topic").itertuples())
    text = (f"{model.upper()} with k = {k} (reference seed {seed}). Stability of each "
            f"topic, mean Jaccard overlap of its top-10 terms with the matched topic of "
            f"{runs} refits (after Greene et al. 2014, who average the overlap over list "
            "depths), across seeds"
            + (f" / across refits on {stab.resample_fraction.iloc[0]:.0%} of the units"
               if has_resample else "") + f": {per_topic}.")
    citable = []
    if has_resample:
        ok = stab[stab.citable.astype(str).str.lower() == "true"]
        citable = ok.topic.astype(int).tolist()
        text += (f" Only topics stable across seeds (>= {stab.min_stability.iloc[0]:.1f}) "
                 f"and resamples (>= {stab.min_resample_stability.iloc[0]:.1f}) are cited: "
                 + (", ".join(name(t) for t in citable) if citable else
                    "none at this k, so no topic-level claim is made") + ".")
    if short:
        text += (f" A topic with fewer than {int(stab.n_top.iloc[0])} terms of non-zero "
                 "weight is a word or two, not a theme, and its overlap is over too few "
                 "terms to mean much: it is not cited, whatever its stability.")
    sel = read(root, R.TOPICS_MODEL_SELECTION)
    if sel is not None and "stability_resample" in sel:
        from discourse.topics.stability import passing_ks, suggest_k

        text += (f" The rule for k that uses both stabilities "
                 f"(`discourse.topics.suggest_k`) suggests k = "
                 f"{suggest_k(sel, model=model)} for {model.upper()}"
                 + ("" if passing_ks(sel, model=model) else
                    ", its fallback: no k of the grid reached both thresholds, so this is "
                    "the k whose smaller stability is largest, not a stable k") + ".")
    yield ("Topics", text, src)
    prev = read(root, R.TOPICS_PREVALENCE)
    if prev is not None and "measure" in prev:
        diff = prev[prev.measure == "difference"].sort_values(["topic", "year"])
        if not diff.empty:
            how = interval_label(diff.interval) if "interval" in diff else \
                "units resampled within year"
            yield ("Topics",
                   f"Difference in mean topic weight per unit between years, every topic "
                   f"({how}; 95% percentile intervals, {int(diff.n_boot.iloc[0]):,} "
                   "resamples): " + "; ".join(
                       (f"{name(r.topic)}" if not has_resample or int(r.topic) in citable
                        else f"topic {int(r.topic)} [not citable, so not named]")
                       + f" {int(r.year)} minus {str(r.reference).removesuffix('.0')}: "
                       f"{r.estimate:+.3f} ({r.ci_low:+.3f} to {r.ci_high:+.3f})"
                       for r in diff.itertuples()) + ". With "
                   f"{len(diff)} intervals, about one in twenty would exclude 0 by chance "
                   "alone, and each interval is at 95% without a correction for their "
                   "number; a unit's topic weights sum to 1, so the differences of one "
                   "pair of years sum to 0 and are not separate findings; the intervals "
                   "hold the fitted model fixed (its topics change between refits: the "
                   "stability above); and the topics were learned from the same texts "
                   "whose difference is tested, so their differences are partly built in."
                   + caveat(one_text_per_year(root), genres,
                            compared_years(list(diff.year) + list(diff.reference))),
                   f"{R.TOPICS_PREVALENCE.ref}; {R.FIG_PREVALENCE.ref}")
