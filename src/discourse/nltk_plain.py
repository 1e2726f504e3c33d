"""NLTK's word and sentence tokenizers with their own regular expressions called directly.

NLTK 3.10 routes every regular expression through ``nltk.redos``: a pattern compiled
with the ``regex`` engine is wrapped in a Python object (``TimedPattern``) whose every
call passes a wall-clock ``timeout`` to the engine, a defence against patterns supplied
by a caller. The tokenizers here use NLTK's own fixed patterns, so the wrapped pattern
itself (same engine, same pattern, same flags) is called without the wrapper and the
timeout: the matches are the same; only a match that would have run for five seconds
and raised ``TimeoutError`` would now run on. On the sentences of a corpus the wrapper
costs more than the matching (a Python call, the timeout set-up in the engine).

The package's sentences come from :class:`discourse.punkt_direct.DirectPunkt`, which makes
Punkt's decisions without NLTK's token pipeline, with the patterns of :func:`punkt_parts`
(its tests compare it with NLTK's own tokenizer).
Everything else is NLTK's code, unchanged (the classes only swap the patterns);
``tests/test_nltk_plain.py`` checks that the tokens equal NLTK's on every sentence of the
corpus and on constructed strings.
"""

from __future__ import annotations

__all__ = ["plain", "punkt_parts"]
#: The class defined on first use (module ``__getattr__``), NLTK being imported then.
_LAZY = ("PlainWordTokenizer",)
_CLASSES: dict = {}


def plain(pattern):
    """The compiled ``regex`` pattern inside an ``nltk.redos.TimedPattern`` (any other
    object unchanged)."""
    return getattr(pattern, "_rx", pattern)


def punkt_parts() -> dict:
    """What Punkt's decisions are made of, for :mod:`discourse.punkt_direct`: NLTK's own
    compiled patterns (without the wrapper) and constants, read from NLTK here.

    Returns
    -------
    dict
        ``candidates`` (the pattern of candidate ends), ``words`` (Punkt's word
        tokenizer), ``realignment``, ``numeric``, ``initial`` and ``ellipsis`` (compiled
        patterns); ``sent_end_chars`` and ``punctuation`` (tuples of characters);
        ``ortho_lc``, ``ortho_uc``, ``ortho_mid_uc`` and ``ortho_beg_lc`` (the
        orthographic-context flags, ints).
    """
    import nltk.tokenize.punkt as punkt

    lang_vars, token = punkt.PunktLanguageVars(), punkt.PunktToken
    return {
        "candidates": plain(lang_vars.period_context_re()),
        "words": plain(lang_vars._word_tokenizer_re()),
        "realignment": plain(lang_vars.re_boundary_realignment),
        "numeric": plain(token._RE_NUMERIC), "initial": plain(token._RE_INITIAL),
        "ellipsis": plain(token._RE_ELLIPSIS),
        "sent_end_chars": tuple(lang_vars.sent_end_chars),
        "punctuation": tuple(punkt.PunktSentenceTokenizer.PUNCTUATION),
        **{name: getattr(punkt, "_" + name.upper()) for name in
           ("ortho_lc", "ortho_uc", "ortho_mid_uc", "ortho_beg_lc")},
    }


def _plain_pairs(pairs):
    return [(plain(p), s) for p, s in pairs]


def _build() -> dict:
    """Define the class (NLTK is imported here, on first use, not on import)."""
    from nltk.tokenize import NLTKWordTokenizer

    class PlainWordTokenizer(NLTKWordTokenizer):
        """``NLTKWordTokenizer`` whose substitutions call the compiled patterns directly."""

        STARTING_QUOTES = _plain_pairs(NLTKWordTokenizer.STARTING_QUOTES)
        ENDING_QUOTES = _plain_pairs(NLTKWordTokenizer.ENDING_QUOTES)
        PUNCTUATION = _plain_pairs(NLTKWordTokenizer.PUNCTUATION)
        CONVERT_PARENTHESES = _plain_pairs(NLTKWordTokenizer.CONVERT_PARENTHESES)
        PARENS_BRACKETS = (plain(NLTKWordTokenizer.PARENS_BRACKETS[0]),
                           NLTKWordTokenizer.PARENS_BRACKETS[1])
        DOUBLE_DASHES = (plain(NLTKWordTokenizer.DOUBLE_DASHES[0]),
                         NLTKWordTokenizer.DOUBLE_DASHES[1])
        CONTRACTIONS2 = [plain(p) for p in NLTKWordTokenizer.CONTRACTIONS2]
        CONTRACTIONS3 = [plain(p) for p in NLTKWordTokenizer.CONTRACTIONS3]

    PlainWordTokenizer.__qualname__ = "PlainWordTokenizer"   # pickled by name (__getattr__)
    return {"PlainWordTokenizer": PlainWordTokenizer}


def __getattr__(name: str):
    if name in _LAZY:
        if not _CLASSES:
            _CLASSES.update(_build())
        return _CLASSES[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
