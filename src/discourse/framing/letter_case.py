"""Text written in one letter case: a warning before coding it.

The coder reads capitals. Names of external organisations ("UN", "ASEAN", "WHO"), the
names of the SCO's own bodies ("the RATS Council") and headlines are recognised by
their capital letters, and every accuracy figure of the package was measured on text
as published. Text that was lower-cased (a common preprocessing step) or written in
capitals loses that information, and the coder agrees less with hand coding: measured
on the development sets (corpus and SCO-style development sentences, lower-cased or
upper-cased before coding: :func:`discourse.framing.case_effect.letter_case_effect`,
``results/framing-letter-case.csv``), Cohen's kappa for multilateralism falls by
0.13-0.15 on lower-cased text and by 0.00-0.02 on text in capitals
(:data:`KAPPA_DROP`). :func:`warn_if_single_case` says so, once per table, with a
:class:`LetterCaseWarning`; the codes are still written.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

from discourse import results

__all__ = ["LetterCaseWarning", "single_case", "warn_if_single_case"]

#: A text counts towards the test when it has at least this many cased letters.
MIN_LETTERS = 10
#: ... and the test needs at least this many such texts.
MIN_TEXTS = 5
#: Share of those texts allowed to contain the other case (headlines in capitals in
#: lower-cased text, a stray capital).
TOLERANCE = 0.05


class LetterCaseWarning(UserWarning):
    """The text to code is written in one letter case (all lower or all upper)."""


def single_case(texts: Iterable[str]) -> str | None:
    """``"lower"`` or ``"upper"`` if the texts are written in one letter case, else None.

    Only texts with at least :data:`MIN_LETTERS` cased letters are looked at, and at
    least :data:`MIN_TEXTS` of them are needed. The texts are in lower case when at most
    :data:`TOLERANCE` of them contain a capital letter, in upper case when at most that
    share contain a small letter. Text as published has a capital in nearly every
    sentence (its first word) and small letters in nearly every sentence.

    Examples
    --------
    >>> single_case(["the sco met the un in new york."] * 5)
    'lower'
    >>> single_case(["THE SCO MET THE UN IN NEW YORK."] * 5)
    'upper'
    >>> single_case(["The SCO met the UN in New York."] * 5) is None
    True
    >>> single_case(["the sco met the un."] * 4) is None    # too few to tell
    True
    """
    n = upper = lower = 0
    for text in texts:
        if not isinstance(text, str):
            continue
        has_upper = has_lower = False
        letters = 0
        for ch in text:
            if ch.isupper():
                has_upper = True
                letters += 1
            elif ch.islower():
                has_lower = True
                letters += 1
            else:
                continue
            if has_upper and has_lower and letters >= MIN_LETTERS:
                break                 # all three known: the rest cannot change them
        if letters < MIN_LETTERS:
            continue
        n += 1
        upper += has_upper
        lower += has_lower
    if n < MIN_TEXTS:
        return None
    if upper <= TOLERANCE * n:
        return "lower"
    if lower <= TOLERANCE * n:
        return "upper"
    return None


#: How far multilateralism's kappa fell on the development sets (the corpus and the
#: SCO-style development sentences) when their text was lower-cased or put in capitals,
#: as ``results/framing-letter-case.csv`` measured it (rounded; a test compares them).
KAPPA_DROP = {"lower": (0.13, 0.15), "upper": (0.00, 0.02)}


def warn_if_single_case(texts: Iterable[str], source: str, *, stacklevel: int = 3) -> None:
    """Warn (:class:`LetterCaseWarning`) if ``texts`` are in one letter case.

    ``source`` names what is coded (a file, "the sentences table") in the message;
    ``stacklevel`` is that of :func:`warnings.warn` counted from here (3: the caller of
    the function that calls this one).
    """
    case = single_case(texts)
    if case is None:
        return
    written = "lower-cased" if case == "lower" else "written in capitals"
    warnings.warn(
        f"{source}: the text is {written}. The frame coder recognises names of "
        "organisations and bodies (UN, ASEAN, the RATS Council) and headlines by their "
        "capitals, and its accuracy was measured on text as published: on the "
        f"development sentences {written}, agreement with hand coding for "
        f"multilateralism fell by {KAPPA_DROP[case][0]:.2f}-{KAPPA_DROP[case][1]:.2f} "
        f"kappa ({results.FRAMING_LETTER_CASE.ref}). Code the text as published if you "
        "can; otherwise check the codes on a hand-coded sample (discourse sample, "
        "discourse validate).", LetterCaseWarning, stacklevel=stacklevel)
