"""The options of the term analysis: which steps of :mod:`discourse.terms` run.

:class:`TermOptions` (one frozen value per set of options, the key of the per-options
memos), :data:`TERM_OPTIONS` (the names with their defaults) and :func:`as_options`;
:mod:`discourse.terms` describes the steps and re-exports all three.
"""

from __future__ import annotations

import dataclasses
from types import MappingProxyType
from typing import Mapping

__all__ = ["TermOptions", "TERM_OPTIONS", "as_options"]


@dataclasses.dataclass(frozen=True)
class TermOptions:
    """Which steps of the term pipeline run (see the module docstring).

    Parameters
    ----------
    lowercase, lemmatize, spelling, variants, phrases, stopwords : bool
        Steps 2-5 and 8 (default all on).
    numbers, punctuation : bool
        Keep number tokens / punctuation tokens (default: dropped).
    keep_pronouns : bool
        Keep the ``pronouns`` group of the stop-word list (we, our, us, ...).

    Raises
    ------
    ValueError
        If a value is not ``True`` or ``False``.

    Examples
    --------
    >>> TermOptions(stopwords=False, phrases=False)
    TermOptions(phrases=False, stopwords=False)
    """

    lowercase: bool = True
    lemmatize: bool = True
    spelling: bool = True
    variants: bool = True
    phrases: bool = True
    stopwords: bool = True
    numbers: bool = False
    punctuation: bool = False
    keep_pronouns: bool = False

    def __post_init__(self) -> None:
        for k, v in dataclasses.asdict(self).items():
            if not isinstance(v, bool):
                raise ValueError(f"{k}={v!r} must be True or False")

    @classmethod
    def from_mapping(cls, options: Mapping | None) -> "TermOptions":
        """Options from a mapping such as ``{"keep_pronouns": True}``; unknown names
        raise a ``ValueError`` listing the allowed ones."""
        options = dict(options or {})
        unknown = sorted(set(options) - set(TERM_OPTIONS))
        if unknown:
            raise ValueError(f"unknown option(s) {', '.join(unknown)}; allowed: "
                             f"{', '.join(TERM_OPTIONS)}")
        return cls(**options)

    def changed(self) -> dict:
        """The options that differ from the defaults."""
        return {k: v for k, v in dataclasses.asdict(self).items() if TERM_OPTIONS[k] != v}

    def __repr__(self) -> str:
        return "TermOptions(" + ", ".join(f"{k}={v!r}" for k, v in self.changed().items()) \
            + ")"


#: The options of :class:`TermOptions` with their defaults (read-only).
TERM_OPTIONS = MappingProxyType({f.name: f.default for f in dataclasses.fields(TermOptions)})


def as_options(options) -> TermOptions:
    """``options`` as :class:`TermOptions`.

    Parameters
    ----------
    options : TermOptions, mapping or None
        ``None`` for the defaults; a mapping of option names (:data:`TERM_OPTIONS`) to
        booleans, checked.

    Returns
    -------
    TermOptions

    Raises
    ------
    ValueError
        For an unknown option name or a value that is not a boolean.

    Examples
    --------
    >>> as_options({"stopwords": False}) == TermOptions(stopwords=False)
    True
    >>> as_options(None) == TermOptions()
    True
    """
    if options is None or isinstance(options, TermOptions):
        return options or TermOptions()
    return TermOptions.from_mapping(options)
