"""How much the frame coder's agreement with hand coding depends on letter case.

The coder reads capitals: names of external organisations ("UN", "ASEAN"), of the SCO's
own bodies and headlines are recognised by them (:mod:`discourse.framing.letter_case`
warns before coding text in one letter case). :func:`letter_case_effect` measures what
is lost: it codes hand-coded sets as published, lower-cased and upper-cased, and scores
each against the same adjudicated hand codes. The figures are on the sets it is given
(by default the corpus and the SCO-style development sentences, both used to build the
lexicon, so the levels are optimistic; the loss between cases is the point).

Agreement statistics and their intervals are those of
:func:`discourse.framing.validation.validate` (Cohen's 1960 kappa by default, with a
paragraph-cluster bootstrap interval; see :mod:`discourse.framing.agreement`).

References
----------
Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational and
Psychological Measurement* 20(1), 37-46.
"""

from __future__ import annotations

import os
import warnings

import pandas as pd

from discourse import provenance
from discourse.bootstrap import DEFAULT_SEED
from discourse.framing.agreement import AGREEMENT_N_BOOT
from discourse.framing.evaluation import (annotation_files, code_registered, load_set,
                                          load_sets, set_clusters)
from discourse.framing.letter_case import LetterCaseWarning
from discourse.framing.lexicon import as_lexicon
from discourse.framing.validation import validate

__all__ = ["CASES", "CASE_SETS", "letter_case_effect"]

#: The forms of the text that are coded: as published, and changed to one case.
CASES = {"as published": None, "lower": str.lower, "upper": str.upper}
#: The sets measured by default (``sets.csv`` names): the development data.
CASE_SETS = ("corpus", "sco-style-development")


@provenance.tracked(files=annotation_files)
def letter_case_effect(lexicon=None, *, corpus: str | os.PathLike | None = None,
                       sets=None, metrics=("kappa",), n_boot: int = AGREEMENT_N_BOOT,
                       seed: int = DEFAULT_SEED, level: float = 0.95) -> pd.DataFrame:
    """Agreement of the coder with the hand codes of each set, per letter case of the text.

    Each set (:func:`~discourse.framing.evaluation.load_set`) is coded in its paragraphs
    and documents (:func:`~discourse.framing.evaluation.code_registered`: the corpus's
    own hand coding in the whole corpus, every sentence changed alike) three times: as
    published, lower-cased and upper-cased (``str.lower``, ``str.upper``; the
    :class:`~discourse.framing.letter_case.LetterCaseWarning` that the changed text
    raises is expected here and not shown), and scored against the set's hand codes,
    which do not change.

    Parameters
    ----------
    lexicon : Lexicon or path-like, optional
    corpus : path-like, optional
        The corpus whose ``annotations/sets.csv`` names the sets.
    sets : sequence of str, optional
        Names of registered sets (default: those of :data:`CASE_SETS` that the corpus
        registers; none, and no rows, for a corpus without hand-coded sets).
    metrics : sequence of str
        Rows of :func:`~discourse.framing.validation.validate` to keep.
    n_boot, seed, level
        Of the intervals (:func:`~discourse.framing.validation.validate`).

    Returns
    -------
    pandas.DataFrame
        ``set, kind, used_for_development, case`` and the columns of
        :func:`~discourse.framing.validation.validate` (``frame, metric, value, ci_low,
        ci_high, interval, n, n_boot, seed``), in the order of ``sets.csv``, then
        :data:`CASES`, then frame.

    Raises
    ------
    ValueError
        If a name in ``sets`` is not a registered set.
    """
    lex = as_lexicon(lexicon)
    registry = load_sets(corpus)
    if sets is None:
        sets = [s for s in CASE_SETS if s in set(registry["set"])]
    unknown = sorted(set(sets) - set(registry["set"]))
    if unknown:
        raise ValueError(f"set(s) {unknown} are not registered in sets.csv "
                         f"(registered: {', '.join(registry['set'])})")
    parts = []
    for row in registry[registry["set"].isin(sets)].itertuples():
        table = load_set(row.file, corpus)
        hand = table.rename(columns={"id": "sentence_id"})
        for case, change in CASES.items():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", LetterCaseWarning)
                codes = code_registered(row.file, table, lex, corpus, change=change)
            v = validate(codes, hand, clusters=set_clusters(table), n_boot=n_boot, seed=seed,
                         level=level)
            parts.append(v[v["metric"].isin(metrics)].assign(
                set=row.set, kind=row.kind, used_for_development=row.used_for_development,
                case=case))
    first = ["set", "kind", "used_for_development", "case"]
    if not parts:
        return pd.DataFrame(columns=first)
    out = pd.concat(parts, ignore_index=True)
    return out[first + [c for c in out.columns if c not in first]]
