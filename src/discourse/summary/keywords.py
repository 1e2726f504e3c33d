"""The Keywords section of the summary: keyness against the named reference years."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from discourse import provenance
from discourse import results as R
from discourse.keyness import CORRECTION_NAMES
from discourse.length_strata import stratify
from discourse.multiplicity import adjusted_pvalue_se
from discourse.summary.design import caveat, compared_years
from discourse.summary.format import (documents_per_year, interval_label, join_words,
                                      one_text_per_year, pvalue, read)

__all__ = ["keyword_findings"]


def _reference_name(k: pd.DataFrame) -> str:
    """'2019', '2019 (the only other year)' or 'all other years pooled (2019, 2021)'."""
    ref = str(k.reference.iloc[0])
    groups = str(k.reference_groups.iloc[0]).split(";") if "reference_groups" in k else [ref]
    return ", ".join(groups) if ref != "rest" or "reference_groups" not in k else \
        f"{groups[0]} (the only other year)" if len(groups) == 1 else \
        f"all other years pooled ({', '.join(groups)})"


def _split_tie(rows: pd.DataFrame, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``rows`` of one side of :func:`discourse.keywords.key_rows` (the ``n`` most key,
    with every term tied at the cut): those above the cut, and, where the tied terms do
    not all fit in ``n``, the tied ones apart, so that none is picked as "the" n-th."""
    if len(rows) <= n:
        return rows, rows.iloc[:0]
    tied = rows.g2 == rows.g2.iloc[-1]
    return rows[~tied], rows[tied]


def _near_the_line(k: pd.DataFrame, alpha: float = 0.05) -> str:
    """The terms whose adjusted permutation p is within two Monte Carlo standard errors
    of ``alpha`` (:func:`discourse.multiplicity.adjusted_pvalue_se`): with another seed
    they may count either way, so the count above is not exact for them."""
    said = str(k.correction.iloc[0]) if "correction" in k else CORRECTION_NAMES["fdr_bh"]
    method = {name: key for key, name in CORRECTION_NAMES.items()}.get(said)
    if method is None:
        return ""
    se = adjusted_pvalue_se(k.p_permutation.to_numpy(float), int(k.n_permutations.iloc[0]),
                            method)
    adj = k.p_permutation_adjusted.to_numpy(float)
    near = k[np.abs(adj - alpha) <= 2 * np.nan_to_num(se, nan=0.0)]
    if near.empty:
        return ""
    near = near.sort_values(["p_permutation_adjusted", "term"])
    terms = ", ".join(f"*{r.term}* (adjusted p {r.p_permutation_adjusted:.3f})"
                      for r in near.itertuples())
    return (f", though {len(near)} term(s) lie within two Monte Carlo standard errors of "
            f"{alpha} ({terms}; terms with one adjusted p change together), so with "
            "another seed this count can change")


def keyword_findings(root: Path, n: int = 5, *, genres=None):
    """Findings of the Keywords section: ``(section, finding, source)`` tuples;
    ``genres`` (:func:`discourse.summary.design.corpus_genres`) for the design caveat."""
    k = read(root, R.KEYWORDS_KEYNESS)
    if k is None or k.empty:
        return
    target = k.target.iloc[0] if "target" in k else "target"
    reference = _reference_name(k)
    correction = k.correction.iloc[0] if "correction" in k else "Benjamini-Hochberg FDR"
    sig = int((k.p_adjusted < 0.05).sum())
    src = f"{R.KEYWORDS_KEYNESS.ref}; {R.FIG_KEYNESS.ref}"

    other = reference.split(" (")[0] if "reference_groups" not in k or \
        ";" not in str(k.reference_groups.iloc[0]) else "the other years"

    def counts(r, first_target: bool) -> str:
        pair = [f"{int(r.count_target)} in {target}", f"{int(r.count_reference)} in {other}"]
        return ", ".join(pair if first_target else pair[::-1])

    def fmt(rows, first_target: bool):
        listed, tied = _split_tie(rows, n)
        text = ", ".join(f"*{r.term}* ({counts(r, first_target)}; G2 {r.g2:+.1f}, Log Ratio "
                         f"{r.log_ratio:+.2f}, adjusted {pvalue(r.p_adjusted)})"
                         for r in listed.itertuples())
        if len(tied):
            r = tied.iloc[0]
            text += ((", and " if len(listed) else "") + f"{len(tied)} terms tied at G2 "
                     f"{r.g2:+.1f} ({counts(r, first_target)} each; Log Ratio "
                     f"{r.log_ratio:+.2f}, adjusted {pvalue(r.p_adjusted)}): "
                     + ", ".join(f"*{t}*" for t in tied.term))
        return text

    from discourse.keywords import key_rows

    pos, neg = key_rows(k, n)                  # the selection of figure 02-keyness
    up = pos.sort_values(["g2", "term"], ascending=[False, True])
    down = neg.sort_values(["g2", "term"])
    # several years pooled as the reference, while the framing section's differences
    # set years against one year: say that these are two kinds of comparison
    pooled = "reference_groups" in k and ";" in str(k.reference_groups.iloc[0])
    diffs = read(root, R.FRAMING_DIFFERENCES) if pooled else None
    refs = sorted(set(diffs.reference.astype(str))) if diffs is not None and \
        "reference" in diffs else []
    unlike = (f" (a comparison unlike the framing section's, whose differences set years "
              f"against {refs[0]})" if len(refs) == 1 and refs[0] != "rest" else "")
    yield ("Keywords",
           f"Terms most over-represented in {target} relative to {reference}{unlike} "
           f"(signed log-likelihood G2, tokens as independent draws): {fmt(up, True)}."
           + caveat(one_text_per_year(root), genres, compared_years(
               [target, k.reference_groups.iloc[0] if "reference_groups" in k
                else k.reference.iloc[0]])), src)
    yield ("Keywords",
           f"Terms most over-represented in {other} relative to {target} (G2 and Log "
           f"Ratio signed as {target} against {other}, so negative here): "
           f"{fmt(down, False)}.", src)
    own = read(root, R.KEYWORDS_KEYNESS_OWN_WORDS)
    same = own is not None and not own.empty and all(
        str(own[c].iloc[0]) == str(k[c].iloc[0]) for c in ("target", "reference")
        if c in own and c in k)                       # the same comparison, or nothing
    if same:
        mine, by = [set(rows.term) for rows in key_rows(own, 2 * n)], own.set_index("term")
        fewer, displaced = [], []
        for rows, kept, where, col in ((up, mine[0], target, "count_target"),
                                       (down, mine[1], other, "count_reference")):
            for r in rows.itertuples():
                if r.term in kept:
                    continue
                # its own uses on its side fell: some were in the sentences left out
                lost = r.term not in by.index or by.at[r.term, col] < getattr(r, col)
                (fewer if lost else displaced).append(f"*{r.term}* ({where})")
        text = ("Counted in the speakers' own words only (titles, leads and interview "
                "questions left out, as by an editor or a journalist): ")
        if not fewer and not displaced:
            text += (f"every term above is still among the {2 * n} most over-represented on "
                     "its side.")
        if fewer:
            text += (f"{len(fewer)} of the terms above are no longer among the {2 * n} most "
                     "over-represented on their side and lose uses there, so they were "
                     "partly or wholly the words of titles, leads or questions: "
                     + ", ".join(fewer) + ". ")
        if displaced:
            text += (f"{len(displaced)} keep every use but are no longer among the {2 * n} "
                     "most over-represented, passed by terms that rose: "
                     + ", ".join(displaced) + ".")
        yield ("Keywords", text.strip(), R.KEYWORDS_KEYNESS_OWN_WORDS.ref)
    lengths = _unequal_lengths(k, target, other)
    text = (f"{sig} of {len(k)} terms tested remain significant at 0.05 after the "
            f"{correction} correction (column `correction`)")
    if "p_permutation_adjusted" in k and k.p_permutation.notna().any():
        text += (f"; {int((k.p_permutation_adjusted < 0.05).sum())} with the paragraph "
                 f"permutation test, which does not treat tokens as independent "
                 f"(Lijffijt et al. 2016; {int(k.n_permutations.iloc[0]):,} permutations, "
                 f"seed {int(k.permutation_seed.iloc[0])}" + _strata(k, lengths) + ")"
                 + _near_the_line(k))
    elif "p_permutation" in k and "n_permutations" in k and (
            pd.to_numeric(k.n_permutations, errors="coerce") > 0).any():
        text += ("; no paragraph permutation test: within strata of similar length every "
                 "paragraph is of one side only, so none can be reassigned"
                 + (f" ({lengths})" if lengths else ""))
    if "p_dispersion_adjusted" in k and k.p_dispersion.notna().any():
        text += (f"; {int((k.p_dispersion_adjusted < 0.05).sum())} by text-dispersion "
                 "keyness, the number of paragraphs containing the term (Egbert and Biber, "
                 "in Corpora 14; G2 of the 4-cell table of paragraphs with and without it, "
                 "its p from Fisher's exact test of that table)")
        if lengths:
            text += (", whose p-values are not valid tests of equal use here: a longer "
                     "paragraph contains a given term more often, and " + lengths)
    few = _n_texts(root, k)
    both = ("p_permutation_adjusted" in k and k.p_permutation.notna().any()) or (
        "p_dispersion_adjusted" in k and k.p_dispersion.notna().any())
    yield ("Keywords", text + (
        ". The paragraph tests take the paragraphs as independent units, which adjacent "
        "paragraphs of one text are not" if both else "")
        + f": with {few}, keyness is descriptive evidence about these texts, not a "
        "population-level trend.", R.KEYWORDS_KEYNESS.ref)
    if {"pct_diff_zero_reference", "logodds_prior"} <= set(k.columns):
        zero = k.pct_diff_zero_reference.astype(str).str.lower() == "true"
        yield ("Keywords",
               f"%DIFF of the {int(zero.sum())} terms absent from the reference is an "
               "artefact of the 0.5 put in place of their zero count "
               "(`pct_diff_zero_reference`) and is not interpreted; the Log Ratio of a term "
               "absent from one side uses the same 0.5 (Hardie 2014), so its size is set "
               "by that convention, not measured; the log-odds z-scores "
               f"(Monroe et al. 2008) use the {k.logodds_prior.iloc[0]} prior (largest |z| "
               f"{k.logodds_z.abs().max():.2f}): a prior as heavy as the data shrinks every "
               "z towards 0, so their ranking, not their size, is the evidence"
               + (" (`prior=\"background\"` compares with English word frequencies "
                  "instead)." if str(k.logodds_prior.iloc[0]).startswith("pooled") else
                  " (the prior is English word frequencies; `prior=\"pooled\"` uses the "
                  "two groups' own counts)."),
               R.KEYWORDS_KEYNESS.ref)
    boot = read(root, R.KEYWORDS_BOOTSTRAP)
    if boot is not None and not boot.empty:
        top = boot.sort_values(["g2", "term"], ascending=[False, True]).head(n)
        record = provenance.read_sidecar(R.KEYWORDS_BOOTSTRAP.path(root)) or {}
        alpha = (record.get("parameters") or {}).get("alpha")
        level = float(boot.level.iloc[0]) if "level" in boot else 0.95
        zeros = {"share_zero_target", "share_zero_reference",
                 "log_ratio_end_on_zero"} <= set(boot.columns)
        if zeros:
            notes = [_zero_ends(r, target, other, level) for r in top.itertuples()]
            marked = int(boot.log_ratio_end_on_zero.astype(str).isin(
                ["low", "high", "both"]).sum())
            columns = ("(columns `share_zero_target`, `share_zero_reference`, "
                       "`log_ratio_end_on_zero`)")
            after = (" An end so marked is not a measured bound: the term is absent from "
                     f"one year in more resamples than the {(1 - level) / 2:.1%} beyond that "
                     "end, and Log Ratio puts 0.5 in place of the zero count (Hardie "
                     "2014), which then sets the end (a zero in "
                     f"{target} reaches the lower end, one in {other} the upper, and both "
                     f"ends where nearly every resample has it); {marked} of the table's "
                     f"{len(boot)} terms have such an end {columns}." if any(notes) else
                     " No end quoted here rests on the 0.5 that Log Ratio puts in place of "
                     f"a zero count (Hardie 2014), but {marked} of the table's {len(boot)} "
                     f"terms have one that does {columns}." if marked else "")
        else:           # a table from before the shares of zeros: observed zeros only
            notes = [""] * len(top)
            absent = sorted(set(top.term) & set(k.term[k.count_reference == 0])) \
                if "count_reference" in k else []
            after = (f" {_listing(absent)} never occur in {other}, so the count there is 0 "
                     f"in every resample: {'its' if len(absent) == 1 else 'their'} Log "
                     f"Ratio interval shows only how the count in {target} varies, on the "
                     "scale the 0.5 put in place of the zero sets." if absent else "")
        yield ("Keywords",
               f"Cluster bootstrap ({int(boot.n_boot.iloc[0]):,} resamples, seed "
               f"{int(boot.seed.iloc[0])}, "
               + (interval_label(boot.design) if "design" in boot else "paragraphs resampled "
                  "within each document; a table without a design column") + "): "
               "share of resamples in which each top term keeps its sign and stays "
               "significant" + (f" at {alpha:g}" if isinstance(alpha, (int, float)) else "")
               + " (G2, unadjusted): " + ", ".join(
                   f"*{r.term}* {_share(r.share_same_sign_significant)} (Log Ratio "
                   f"{level:.0%} interval {r.log_ratio_low:+.1f} to "
                   f"{r.log_ratio_high:+.1f}{note})"
                   for r, note in zip(top.itertuples(), notes)) + "." + after,
               R.KEYWORDS_BOOTSTRAP.ref)


def _zero_ends(r, target: str, other: str, level: float) -> str:
    """"; upper end set by the 0.5 for a zero count in 2019, in 4.5% of resamples", for
    each side whose zeros reach an end of the row's Log Ratio interval (the convention
    of :func:`discourse.keyness_resampling.ends_on_zero`, one side at a time), or ""."""
    from discourse.keyness_resampling import ends_on_zero

    parts = []
    for name, share, ends in ((target, r.share_zero_target, ends_on_zero(r.share_zero_target,
                                                                         0.0, level)),
                              (other, r.share_zero_reference,
                               ends_on_zero(0.0, r.share_zero_reference, level))):
        if ends != "none":
            which = {"low": "lower end", "high": "upper end", "both": "both ends"}[str(ends)]
            parts.append(f"{which} set by the 0.5 for a zero count in {name}, "
                         + ("in every resample" if share >= 1 else
                            f"in {_percent(share)} of resamples"))
    return "".join(f"; {p}" for p in parts)


def _percent(x: float) -> str:
    """A share as a percentage: "0.45%", "4.5%", "36%", "99.95%" (never "100%" for a share
    below 1, nor "0%" above 0)."""
    p = 100 * x
    return f"{p:.2g}%" if p < 1 else f"{p:.1f}%" if p < 10 else f"{p:.0f}%" if p < 99.5 \
        else f"{min(p, 99.99):.2f}%"


def _share(x: float) -> str:
    """A share of resamples to two decimals, or three where two would print 0 or 1 for a
    share that is neither ("0.999", not "1.00")."""
    return f"{x:.3f}" if 0 < x < 0.005 or 0.995 <= x < 1 else f"{x:.2f}"


def _listing(terms: list[str]) -> str:
    """"*a*", "*a* and *b*", "*a*, *b* and *c*"."""
    return join_words(f"*{t}*" for t in terms)


def _strata(k: pd.DataFrame, lengths: str) -> str:
    """How the table's permutation test treated paragraph length, from its
    ``permutation_strata`` column (nothing claimed of a table without it)."""
    why = (": unstratified, the test rejects too often where one side's paragraphs are "
           "shorter, benchmarks/README.md")
    strata = pd.to_numeric(k.get("permutation_strata", pd.Series(dtype=float)),
                           errors="coerce").dropna()
    if not len(strata):
        return (f"; the table does not record whether paragraphs were reassigned within "
                f"strata of length, though {lengths}" if lengths else "")
    if int(strata.iloc[0]) > 1:
        return (f"; paragraphs reassigned only among those of similar length, in "
                f"{int(strata.iloc[0])} strata of length" + (
                    f", since {lengths}{why}" if lengths else ""))
    return f"; not stratified by paragraph length, though {lengths}{why}" if lengths else ""


def _unequal_lengths(k: pd.DataFrame, target: str, other: str) -> str:
    """"2023's paragraphs average 11.4 terms and the other years' 25.6" where the mean
    paragraph lengths of the table's two sides differ by more than
    :data:`discourse.length_strata.LENGTH_FACTOR` (the paragraph tests' assumption that
    a paragraph is a paragraph fails there), else ""."""
    need = {"total_target", "total_reference", "n_paragraphs_target",
            "n_paragraphs_reference"}
    if not need <= set(k.columns) or k[list(need)].isna().any(axis=None):
        return ""
    r = k.iloc[0]
    mean_t = float(r.total_target) / float(r.n_paragraphs_target)
    mean_r = float(r.total_reference) / float(r.n_paragraphs_reference)
    if not stratify(mean_t, mean_r):
        return ""

    def whose(name) -> str:
        name = str(name)
        return f"{name}'" if name.endswith("s") else f"{name}'s"
    return (f"{whose(target)} paragraphs average {mean_t:.1f} terms and {whose(other)} "
            f"{mean_r:.1f}")


def _n_texts(root: Path, k: pd.DataFrame) -> str:
    """"two texts", "7 texts" ... of the years the keyness table compares (its target and
    ``reference_groups``), from the corpus summary ("these texts" without it)."""
    per_year = documents_per_year(root)
    if per_year is None:
        return "these texts"
    if {"target", "reference_groups"} <= set(k.columns):
        years = {str(k.target.iloc[0])} | set(str(k.reference_groups.iloc[0]).split(";"))
        per_year = per_year[[str(y) in years for y in per_year.index]]
    n = int(per_year.sum())
    return {1: "one text", 2: "two texts"}.get(n, f"{n} texts")
