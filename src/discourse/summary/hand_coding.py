"""What the summary says of the hand-coded sets, from the register the generalisation
table carries (``annotations/sets.csv``: who coded a set, whether the lexicon was built
on it) and the ceiling table (two coders' agreement)."""

from __future__ import annotations

from pathlib import Path

from discourse import results as R
from discourse.framing.register import NOT_DESCRIBED
from discourse.summary.format import read

__all__ = ["registered", "developed_on", "coders", "two_coders", "use_of_corpus_set",
           "use_not_recorded"]


def registered(root: Path, name: str, column: str):
    """What the corpus's register of hand-coded sets (carried into the generalisation
    table) says in ``column`` of set ``name`` (``None`` when it says nothing)."""
    gen = read(root, R.FRAMING_GENERALISATION)
    if gen is None or column not in gen:
        return None
    said = gen.loc[gen.set == name, column].dropna()
    return said.iloc[0] if len(said) else None


def developed_on(root: Path, name: str) -> str | None:
    """``"yes"``/``"no"``: whether the lexicon was built or tuned on set ``name``, as the
    corpus's register of hand-coded sets says (``None`` when it does not)."""
    said = registered(root, name, "used_for_development")
    return str(said) if str(said) in ("yes", "no") else None


def coders(root: Path, name: str) -> str:
    """" (coded by ...)" for set ``name``, from the registry of sets ("" when unknown)."""
    who = registered(root, name, "coded_by")
    return f" (coded by {who})" if who else ""


def two_coders(ceil, name: str) -> str:
    """The sentence on two hand coders' agreement on set ``name`` ("" when unknown)."""
    c = None if ceil is None else ceil[(ceil.set == name) & (ceil.metric == "kappa")]
    if c is None or c.empty:
        return ""
    return (" Two coders of the same sentences, before adjudication, agreed at "
            "Cohen's kappa " + ", ".join(f"{x.frame} {x.two_coders:.2f}"
                                         for x in c.itertuples()) + ".")


def use_not_recorded(measured_on) -> bool:
    """Whether a ``measured_on`` label says that its file is not the one the register
    describes (:func:`discourse.framing.register.not_described`)."""
    return NOT_DESCRIBED in str(measured_on)


def use_of_corpus_set(root: Path) -> str:
    """The sentence on whether the lexicon was built on the corpus's hand-coded
    sentences: what the register says, or that the file is not the one it describes."""
    built = developed_on(root, "corpus")
    if built == "yes":
        return ("These figures are optimistic: the lexicon was developed and revised on "
                "these very sentences.")
    if built == "no":
        return "The lexicon was not built or tuned on these sentences."
    if use_not_recorded(registered(root, "corpus", "measured_on")):
        return ("This file (annotations/frames_validation.csv) is not the one the corpus's "
                "register of hand-coded sets (annotations/sets.csv) describes: its sha256 "
                "is not the register's, so who coded it and whether the lexicon was built "
                "or tuned on these sentences are not recorded; if it was, these figures "
                "are optimistic.")
    return ("The corpus's register of hand-coded sets does not say whether the lexicon "
            "was adapted on these sentences: if it was, these figures are optimistic.")
