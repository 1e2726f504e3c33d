"""What a coded sample's agreement was measured on: how many of its sentences are in the
hand-coded set the lexicon was built or tuned on (the corpus's own
``annotations/frames_validation.csv``, where ``annotations/sets.csv`` says so).

A researcher who adds texts to a copy of the study's corpus and draws a sample from it
gets sentences of both kinds: the agreement on the study's own sentences is optimistic
(the lexicon was revised on them), that on the new texts is not. :func:`label_agreement`
labels the sample's agreement table with the count of each and adds the agreement on the
sentences from text the lexicon was not developed on.
"""

from __future__ import annotations

import os

import pandas as pd

from discourse.framing.validation import load_validation

__all__ = ["SAMPLE", "development_ids", "label_agreement"]

#: The start of every ``measured_on`` label of a sample's agreement.
SAMPLE = "a sample of this corpus: real text"


def development_ids(corpus: str | os.PathLike | None, developed: bool | None) -> set | None:
    """The ids of the corpus's hand-coded sentences the lexicon was built or tuned on:
    those of its ``frames_validation.csv`` where the register says so (``developed``
    true), none where it says not (an empty set); ``None`` where that is not known (no
    register entry, or no such file)."""
    if developed is None:
        return None
    if not developed:
        return set()
    hand = load_validation(corpus=corpus)
    return None if hand is None else set(hand["sentence_id"].astype(str))


def label_agreement(agreement: pd.DataFrame, sample_ids, developed: bool | None,
                    built: set | None, score=None) -> pd.DataFrame:
    """The sample's agreement table with its ``measured_on`` label first.

    Parameters
    ----------
    agreement : DataFrame
        The agreement of the coder with the whole sample (``validate``'s table).
    sample_ids : iterable of str
        The ids of the sample's sentences.
    developed : bool or None
        What the corpus's register says of its own hand-coded set.
    built : set or None
        :func:`development_ids`.
    score : callable, optional
        ``score(ids)``: the agreement table of the sample's sentences ``ids``; where some
        of the sample's sentences are in ``built`` and two or more are not, their rows
        (labelled as such) are added after the whole sample's.

    Returns
    -------
    DataFrame
        ``measured_on`` and the columns of ``agreement``.

    Examples
    --------
    >>> t = label_agreement(pd.DataFrame({"frame": ["security"]}), ["a", "b", "c"],
    ...                     True, {"a"})
    >>> t.measured_on.iloc[0]  # doctest: +NORMALIZE_WHITESPACE
    'a sample of this corpus: real text; 1 of 3 sentences are from text the lexicon was
     built or tuned on (optimistic for those), 2 from text it was not'
    """
    ids = [str(i) for i in sample_ids]
    inside = sum(i in built for i in ids) if built is not None else None
    n = len(ids)
    if developed is None:
        said = (f"{SAMPLE} (whether the lexicon was built or tuned on it is not recorded "
                "in annotations/sets.csv)")
    elif developed is False or inside == 0:
        said = f"{SAMPLE} the lexicon was not built or tuned on" + (
            "" if developed is False else " (none of its sentences is in the hand-coded "
            "set the lexicon was developed on)")
    elif inside is None or inside == n:
        said = f"{SAMPLE} the lexicon was built or tuned on (optimistic)"
    else:
        said = (f"{SAMPLE}; {inside} of {n} sentences are from text the lexicon was built "
                f"or tuned on (optimistic for those), {n - inside} from text it was not")
    out = agreement.copy()
    out.insert(0, "measured_on", said)
    if score is None or not inside or inside == n or n - inside < 2:
        return out
    new = score([i for i in ids if i not in built]).copy()
    new.insert(0, "measured_on", f"{SAMPLE}: the {n - inside} of its {n} sentences from "
               "text the lexicon was not built or tuned on")
    return pd.concat([out, new], ignore_index=True)
