"""The summary's caution on the frame-share intervals of a year of one text whose
neighbouring paragraphs carry the frames alike.

A year of one document has its paragraphs resampled (in blocks of consecutive ones:
:mod:`discourse.blocks`), and the interval is floored by Wilson's at the effective
sample size of sentences clustered in paragraphs (:mod:`discourse.clustered_ci`). Neither
carries all of the dependence between neighbouring paragraphs: in simulations of texts
whose paragraph frame shares correlate at lag 1 (``benchmarks/share_coverage.py``,
``benchmarks/difference_coverage.py``, tables in ``benchmarks/README.md``), the 95%
intervals contained the truth in fewer data sets than 95%. This puts the measured
correlation of the run's own texts (:func:`discourse.blocks.lag1_correlation`) beside
what the simulations found, so that a reader does not take the intervals for more than
they are. The coverage figures are those of the benchmark runs of 2026-12-05 (README of
``benchmarks/``), not computed here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from discourse import results as R
from discourse.blocks import lag1_correlation
from discourse.summary.format import join_words, read, sentences_of_codes

__all__ = ["dependence_caution", "above_chance", "CORRELATED", "CHANCE"]

#: The lag-1 correlation from which the caution is given: the lower end of the
#: simulated texts' (0.32-0.46, where the intervals undercovered); with independent
#: paragraphs they covered 96-97%.
CORRELATED = 0.3
#: Familywise level of the check that a text's correlation is above what independent
#: paragraphs give by chance (:func:`above_chance`).
CHANCE = 0.05

#: Coverage of the package's 95% intervals in the simulations (benchmarks/README.md:
#: "share coverage", texts of 30-60 paragraphs of two sentences): (share at persistence
#: 0.5 and 0.65, difference at 0.65 only), with blocks of paragraphs and with
#: independent ones.
_COVERAGE = {True: ("76-88%", "75-84%"), False: ("68-81%", "67-70%")}


def above_chance(r: float, paragraphs: int, series: int) -> bool:
    """Whether a lag-1 correlation of ``paragraphs`` paragraph means is at least
    :data:`CORRELATED` and above what independent paragraphs give by chance.

    Under independence the sample lag-1 correlation of ``n`` values is about normal
    with mean ``-1/n`` and variance ``1/n`` (Bartlett 1946; the mean is Kendall's 1954
    bias at 0), so ``r`` must exceed ``-1/n + z/sqrt(n)``, ``z`` the one-sided quantile
    at :data:`CHANCE` divided among a text's ``series`` frames (Bonferroni): a short
    text of independent paragraphs reaches 0.3 by chance often (a reviewer's simulation:
    in 29% of texts of 9 paragraphs, three frames; 8% at 36).

    References
    ----------
    Bartlett, M. S. (1946). On the theoretical specification and sampling properties
    of autocorrelated time-series. *Supplement to the JRSS* 8(1), 27-41.

    Examples
    --------
    >>> above_chance(0.4, 36, 3), above_chance(0.4, 12, 3), above_chance(0.25, 64, 1)
    (True, False, False)
    """
    from discourse.stats import z_value

    z = z_value(1 - 2 * CHANCE / max(series, 1))
    return bool(r >= max(CORRELATED, -1 / paragraphs + z / np.sqrt(paragraphs)))


def dependence_caution(root: Path, record: dict) -> Iterator[tuple]:
    """A ``("Framing", finding, source)`` caution naming the years of the run at
    ``root`` that are one text whose paragraph frame shares correlate at lag 1 by
    :data:`CORRELATED` or more, and above chance (:func:`above_chance`), for some frame
    (their correlations quoted, not those of other texts); nothing without such a text,
    or without the tables. ``record`` is the
    codes table's provenance (for its text layer; ``{}`` without one)."""
    table = sentences_of_codes(record)
    if table is None:
        return
    sentences, codes = read(root, table), read(root, R.FRAMING_CODES)
    shares = read(root, R.FRAMING_SHARES)
    if sentences is None or codes is None or shares is None \
            or not {"sentence_id", "doc_id", "year", "paragraph"} <= set(sentences):
        return
    frames = [f for f in shares.frame.unique() if f in codes]
    data = sentences.merge(codes[["sentence_id", *frames]], on="sentence_id")
    per_year = data.groupby("year").doc_id.nunique()
    lone = data[data.year.isin(per_year[per_year == 1].index)]
    if lone.empty or not frames:
        return
    r: dict = {}
    for f in frames:
        for doc, value in lag1_correlation(lone[f], lone.doc_id, lone.paragraph).items():
            if np.isfinite(value):
                r.setdefault(doc, []).append(value)
    size = lone.groupby(lone.doc_id.astype(str)).paragraph.nunique()
    alike = sorted(doc for doc, values in r.items()
                   if above_chance(max(values), int(size[doc]), len(values)))
    if not alike:
        return
    found = [v for doc in alike for v in r[doc]]
    texts = lone[lone.doc_id.astype(str).isin(alike)]
    years = texts.groupby("year").paragraph.nunique().sort_index()
    blocks = "interval" in shares and "block" in str(shares["interval"].iloc[0])
    share, difference = _COVERAGE[blocks]
    design = ("in blocks of consecutive paragraphs, as here" if blocks else
              "as independent paragraphs, as here")
    named = _texts([f"{int(y)} ({n} paragraphs)" for y, n in years.items()])
    yield ("Framing",
           "**Caution: some intervals are likely too narrow.** Neighbouring paragraphs "
           f"of {named} carry the frames alike: the lag-1 correlation of the "
           f"paragraph frame shares is {min(found):.2f} to {max(found):.2f} "
           f"({len(found)} text-and-frame series; `discourse.blocks.lag1_correlation`). "
           "In simulations of one text of 30-60 paragraphs whose paragraph shares "
           "correlated at lag 1 by 0.32-0.46 on average, 95% intervals made this way "
           f"(paragraphs resampled {design}, with the same floor) contained the true share "
           f"in only {share} of data sets (against 96-97% in texts of independent "
           f"paragraphs) and the true difference of two such texts in {difference} (at "
           "the stronger correlation, 0.40-0.46) (benchmarks/"
           "share_coverage.py, benchmarks/difference_coverage.py; tables in "
           "benchmarks/README.md). The package does not yet widen its intervals for this, "
           f"so read the frame-share intervals of {join_words(map(int, years.index))} and the "
           "differences they enter as understating the uncertainty.",
           f"{table.ref}, {R.FRAMING_CODES.ref}; benchmarks/README.md")


def _texts(parts: list[str]) -> str:
    return ("the text of " if len(parts) == 1 else "the texts of ") + join_words(parts)
