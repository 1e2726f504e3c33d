"""The Framing section of the summary: shares, differences, corrected shares
(:mod:`discourse.summary.corrected`), agreement with hand coding and what it was
measured on, sensitivity (:mod:`discourse.summary.sensitivity`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from discourse import provenance
from discourse import results as R
from discourse.framing.pooled import POOLED
from discourse.summary.corrected import corrected_findings
from discourse.summary.coverage import coverage_clause
from discourse.summary.dependence import dependence_caution
from discourse.summary.design import caveat, compared_years
from discourse.summary.format import (agreement, documents_per_year,
                                      one_text_per_year, pct, pct0, pp, pp0, pvalue, read)
from discourse.summary.hand_coding import (coders, two_coders, use_not_recorded,
                                           use_of_corpus_set)
from discourse.summary.organisation import organisation_caution
from discourse.summary.probes import probe_findings
from discourse.summary.sensitivity import sensitivity_findings

__all__ = ["framing_findings"]


def framing_findings(root: Path, *, genres=None):
    """Findings of the Framing section: ``(section, finding, source)`` tuples;
    ``genres`` (:func:`discourse.summary.design.corpus_genres`) for the design caveat."""
    shares = read(root, R.FRAMING_SHARES)
    diffs = read(root, R.FRAMING_DIFFERENCES)
    if shares is None:
        return
    single = one_text_per_year(root)
    src = (f"{R.FRAMING_SHARES.ref}" + (f", {R.FRAMING_DIFFERENCES.ref}" if diffs is not None
                                        else "") + f"; {R.FIG_FRAME_SHARES.ref}")
    named = "interval" in shares
    if named:
        base = str(shares.interval.iloc[0]).split(", widened")[0]
        widened = int(shares.interval.astype(str).str.contains(
            ", widened to the Wilson", regex=False).sum())
        # a corpus of one year has no differences: the sentence is about shares only
        compared = diffs is not None and not diffs.empty
        yield ("Framing",
               ("Intervals for frame shares and year differences: " if compared else
                "Intervals for frame shares (one year: no year differences): ")
               + f"{base}, widened where narrower to Wilson's interval at the effective "
               "sample size (" + ("shares: " if compared else "") + "the sentences divided "
               "by the design effect of their paragraphs, or documents in a year of "
               "several, Korn and Graubard's t adjustment)"
               + (" or Newcombe's from those (differences)" if compared else "")
               + ": a floor the code sets, because a percentile interval "
               "of a few dozen paragraphs tends to be narrow and shrinks to a point where "
               "resampling has little to vary (a share near 0 or 1, few paragraphs); it "
               f"widened {widened or 'none'} of the {len(shares)} share intervals here (the "
               "`interval` column says which). "
               + ("Wilson's and Newcombe's intervals for independent sentences are kept in "
                  "the tables as `*_independent`." if compared else
                  "Wilson's intervals for independent sentences are kept in the table as "
                  "`*_independent`.")
               + " Endpoints are given in whole percentage points" + _seed_noise(shares)
               + "." + _few_documents(root), src)
    codes = provenance.read_sidecar(R.FRAMING_CODES.path(root)) or {}   # read once
    lexicon = _lexicon(codes)
    if lexicon:
        yield ("Framing", lexicon, provenance.sidecar_path(R.FRAMING_CODES.ref).as_posix())
    yield from organisation_caution(root, codes)
    yield from dependence_caution(root, codes)
    for frame, part in shares.groupby("frame", sort=False):
        how = "95% CI" if named else "95% Wilson CI"
        fmt = pct0 if named else pct
        years = "; ".join(
            f"{pct(r.share)} of sentences in {int(r.year)} ({int(r.n_frame)} of "
            f"{int(r.n_sentences)}; {_interval(r, how, fmt)})"
            for r in part.sort_values("year").itertuples())
        text = f"**{frame.capitalize()}** framing (lexicon coder): {years}."
        if diffs is not None:
            for d in diffs[diffs.frame == frame].itertuples():
                if "p_value_independent" in diffs:
                    text += (f" Difference {d.target} minus {d.reference}: "
                             f"{pp(d.difference)} percentage points (95% CI "
                             f"{pp0(d.ci_low)} to {pp0(d.ci_high)}; Fisher exact "
                             f"{pvalue(d.p_value_independent)} assuming independent "
                             "sentences, one test per frame, not adjusted for the three).")
                else:
                    text += (f" Difference {d.target} minus {d.reference}: "
                             f"{pp(d.difference)} percentage points (95% Newcombe CI "
                             f"{pp(d.ci_low)} to {pp(d.ci_high)}; {d.test} {pvalue(d.p_value)}).")
            pairs = diffs[diffs.frame == frame]
            if len(pairs):
                text += caveat(single, genres, compared_years(
                    list(pairs.target) + list(pairs.reference)))
        yield ("Framing", text, src)
    yield from corrected_findings(root)
    valid = read(root, R.FRAMING_VALIDATION)
    if valid is None:
        yield ("Framing",
               "No sentence of this corpus is hand-coded (no "
               f"{R.FRAMING_VALIDATION.file}), so the shares above are the lexicon coder's "
               "with no measure of its accuracy on this corpus: its agreement with hand "
               "coding was measured on SCO texts and SCO-style texts only (README, "
               "\"Framing\"). Before citing them, code a sample by hand (`discourse sample`, "
               "`discourse validate`) and cite the corrected shares that gives.", src)
    ceil = read(root, R.FRAMING_CEILING)
    if valid is not None:
        n = int(valid.n.iloc[0]) if "n" in valid else None
        two = two_coders(ceil, "corpus")
        yield ("Framing",
               f"Agreement of the lexicon coder with hand coding of {n} sentences of the "
               f"corpus{coverage_clause(root)}{coders(root, 'corpus')} "
               f"({_resampled(valid)} with "
               "Jeffreys pseudo-counts (0.5 added to each cell of the 2x2 table in every "
               "replicate), widened to contain the estimate and to an analytic interval "
               "where narrower): "
               f"{agreement(valid)}. " + use_of_corpus_set(root) + two,
               R.FRAMING_VALIDATION.ref
               + (f"; {R.FRAMING_CEILING.ref}; {R.FIG_VALIDATION.ref}" if two else ""))
    yield from _generalisation(root, ceil, skip_corpus=valid is not None)
    yield from probe_findings(root)
    yield from _instruments(root)
    yield from sensitivity_findings(root)


#: Change of an interval endpoint between seeds at 20,000 replicates, percentage
#: points: root mean square and largest of benchmarks/bootstrap_stability.py's pairs.
_SEED_NOISE_20000 = (0.28, 0.77)


def _seed_noise(shares) -> str:
    """How far endpoints move between seeds at the table's B (Monte Carlo error falls as
    1/sqrt(B): the benchmark's figures at B = 20,000, scaled)."""
    b = pd.to_numeric(shares.get("n_boot", pd.Series([np.nan])), errors="coerce").iloc[0]
    if not b > 0:                # B unknown: nothing to scale
        return ""
    b = int(b)
    rms, top = (x * (20000 / b) ** 0.5 for x in _SEED_NOISE_20000)
    how = ("measured at 20,000" if b == 20000 else
           f"the figures measured at 20,000, scaled by 1/sqrt(B) to B = {b:,}")
    return (f": with {b:,} replicates an endpoint moves between seeds by about {rms:.1f} "
            f"points (root mean square) and by up to about {top:.1f} "
            f"(benchmarks/bootstrap_stability.py, {how}), so with another seed a printed "
            "endpoint can differ by " + ("one point" if top < 1 else "a point or more"))


def _resampled(valid) -> str:
    """How the corpus agreement intervals were resampled, from the table's ``interval``
    column (its design, before "of the 2x2 table"), or the generic words without it."""
    how = valid["interval"].dropna().astype(str) if "interval" in valid else []
    if not len(how):
        return "paragraph-cluster bootstrap CIs"
    return f"CIs: {how.iloc[0].split(' of the 2x2 table')[0]},"


def _lexicon(record: dict) -> str:
    """The sentence naming the lexicon the codes were made with, from the provenance
    ``record`` of the codes table ("" when it records none): another lexicon gives other
    shares."""
    lex = (record.get("inputs") or {}).get("lexicon")
    if not isinstance(lex, dict) or not lex.get("sha256"):
        return ""
    states = lex.get("states") or {}
    with_states = (f", with the states file `{states['path']}` (sha256 "
                   f"{states['sha256'][:12]}...)" if states.get("sha256") else "")
    entries = lex.get("entries")
    entries = f"{entries:,} entries, " if isinstance(entries, int) else ""
    return (f"The frame codes are the lexicon coder's with the lexicon `{lex.get('path')}` "
            f"({entries}sha256 {lex['sha256'][:12]}...){with_states}; "
            "another lexicon gives other codes and shares, so cite these with it.")


def _interval(r, how: str, fmt) -> str:
    """The interval of one share; a resampling interval that cannot vary (no sentence,
    or every sentence, of the year has the frame) is named as such, with Wilson's
    beside it."""
    text = f"{how} {fmt(r.ci_low)} to {fmt(r.ci_high)}"
    wilson = hasattr(r, "wilson_low_independent") and hasattr(r, "wilson_high_independent")
    if r.ci_low == r.ci_high and wilson:
        text += (": the resampled sentences cannot vary, so this interval is a point; "
                 f"Wilson {pct0(r.wilson_low_independent)} to "
                 f"{pct0(r.wilson_high_independent)}, assuming independent sentences")
    return text


def _generalisation(root: Path, ceil, skip_corpus: bool):
    """One sentence per registered hand-coded set: what it is, the coder, two coders."""
    gen = read(root, R.FRAMING_GENERALISATION)
    if gen is None or "measured_on" not in gen:
        return
    instruments = read(root, R.FRAMING_INSTRUMENTS)
    for name, part in gen.groupby("set", sort=False):
        r = part.iloc[0]
        if skip_corpus and name == "corpus":
            continue
        texts = "interval" in part and part.interval.astype(str).str.contains(
            "(documents resampled", regex=False).all()
        pooled = name == POOLED
        # an interval that resamples no texts (paragraphs within them, or sentences) is
        # about these texts, whatever the registry says they stand for
        within = "interval" in part and not texts and not pooled
        # the pool's sets chose the instrument if one of them did
        members = [n for n in gen.set.unique() if n != POOLED and (
            gen[gen.set == n].used_for_development.iloc[0] == "no")] if pooled else [name]
        picked = [instruments is not None and "data" in instruments and
                  instruments.data.astype(str).str.startswith(f"{n} (").any() for n in members]
        chose = any(picked)
        which = ("each of the sets was" if all(picked) else "some of the sets were") \
            if pooled else "the set was"
        what = (" An estimate of its accuracy on new text of this kind"
                + (" (the intervals resample the set's texts)" if texts else
                   " (but its intervals resample no texts, only paragraphs or sentences "
                   "within them: they are about these texts)" if within else "")
                + (", the figure of these sets to cite: its interval includes how much "
                   "agreement differs "
                   "between the sets, which their own intervals leave out" if pooled
                   else "")
                + ("; the texts are synthetic, so real text may differ" if r.kind ==
                   "synthetic" else "")
                + (f"; {which} also among those on which the lexicon was chosen over "
                   "learned coders (a small selection on them)" if chose else "") + "."
                if r.used_for_development == "no" else
                " Optimistic: the lexicon was built or tuned on these sentences."
                if r.used_for_development == "yes" else
                " Whether the lexicon was built or tuned on these sentences is not recorded:"
                " if it was, these figures are optimistic."
                if use_not_recorded(r.measured_on) else "")
        who = f"; coded by {r.coded_by}" if isinstance(getattr(r, "coded_by", None), str) \
            and r.coded_by and not pooled else ""
        two = two_coders(ceil, name)
        # "adjudicated" only where two codings of the set are on record
        reference = "the adjudicated hand coding" if two else "the hand coding"
        text = (f"Agreement of the lexicon coder with {reference} of "
                f"{int(r.n)} sentences of the set '{name}' ({r.measured_on}{who}): "
                if not pooled else
                f"Agreement of the lexicon coder with the hand codings of the {int(r.n)} "
                f"sentences of the sets above that were never used for development "
                f"('{name}': {r.measured_on}): ")
        text += (
            f"{agreement(part)}.{what}")
        src = R.FRAMING_GENERALISATION.ref + (f"; {R.FRAMING_CEILING.ref}" if two else "") \
            + (f"; {R.FRAMING_INSTRUMENTS.ref}" if chose else "")
        yield ("Framing", text + two, src)


def _instruments(root: Path):
    """The lexicon against the learned coder on the held-out sets pooled: the paired
    difference of kappa per frame with its interval (nothing without those rows)."""
    from discourse.framing.instruments import DIFFERENCE

    t = read(root, R.FRAMING_INSTRUMENTS)
    if t is None or "kappa_low" not in t:
        return
    d = t[(t.method == DIFFERENCE) & t.data.astype(str).str.startswith(f"{POOLED} (")]
    d = d.dropna(subset=["kappa", "kappa_low", "kappa_high"])
    if d.empty:
        return
    groups = (("the lexicon agreed better for ", d.kappa_low > 0),
              ("the learned coder agreed better for ", d.kappa_high < 0),
              ("no clear difference for ", (d.kappa_low <= 0) & (d.kappa_high >= 0)))
    verdict = "; ".join(what + ", ".join(d.frame[which]) for what, which in groups
                        if which.any())
    jack = d.interval.astype(str).str.extract(r"(the delete-one-set jackknife's t interval "
                                              r"\(\d+ df\))")[0].dropna()
    data = d.data.iloc[0][len(POOLED) + 2:-1]
    yield ("Framing",
           f"The lexicon against a learned coder (a TF-IDF logistic regression fitted on "
           f"the development sets, one baseline with fixed settings) on the "
           f"{int(d.n.iloc[0])} sentences of the '{POOLED}' ({data}): Cohen's kappa of the "
           "lexicon minus that of the learned coder, " + ", ".join(
               f"{r.frame} {r.kappa:+.2f} (95% CI {r.kappa_low:+.2f} to "
               f"{r.kappa_high:+.2f})" for r in d.itertuples())
           + f": {verdict} (both scored on the same sentences and resamples, each set "
           "resampled whole"
           + (f", widened to {jack.iloc[0]} where narrower" if len(jack) else "")
           + ", the learned coder taken as fitted; the lexicon was chosen on this "
           "comparison, so the difference, if biased, is biased in the lexicon's favour"
           + ("; the texts are synthetic, so real text may differ" if
              data.startswith("synthetic") else "") + ").", R.FRAMING_INSTRUMENTS.ref)


def _few_documents(root: Path) -> str:
    """A caveat for years of two to four documents, whose intervals resample documents:
    few distinct resamples, and a floor with one to three degrees of freedom."""
    per_year = documents_per_year(root)
    few = per_year[(per_year > 1) & (per_year < 5)] if per_year is not None else ()
    one = per_year[per_year == 1] if per_year is not None and (per_year > 1).any() else ()
    text = ""
    if len(few):
        years = ", ".join(f"{int(y)} ({n} documents)" for y, n in few.items())
        text = (f" In {years} the documents are what is resampled: with so few, the "
                "interval has few distinct resamples, and its floor, Wilson's interval at "
                "the effective sample size with as many degrees of freedom as documents "
                "less one, is wide: read it as coarse.")
    if len(one):
        # beside years of several documents, a year of one is not the more precise
        years = ", ".join(str(int(y)) for y in one.index)
        text += (f" {years} has one document, whose paragraphs are resampled: its interval "
                 "is about that text only and leaves out" if len(one) == 1 else
                 f" {years} have one document each, whose paragraphs are resampled: their "
                 "intervals are about those texts only and leave out") + (
            " the variation between texts that the other years' intervals include, so a "
            "narrower interval there is not a more precise year.")
    return text
