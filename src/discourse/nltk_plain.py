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

import functools

__all__ = ["plain", "punkt_parts", "contractions_pattern", "letter_contractions", "NEEDS",
           "FOLDED"]
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


def _contraction_rules() -> list:
    """The contraction rules of NLTK's word tokenizer (class constants)."""
    cls = __getattr__("PlainWordTokenizer")
    return [*cls.CONTRACTIONS2, *cls.CONTRACTIONS3]


@functools.cache
def contractions_pattern():
    """NLTK's contraction rules of the word tokenizer joined into one pattern (each rule
    is case-insensitive as a whole, so the joined one matches where any of them does);
    made once: the rules are NLTK's constants."""
    import re

    return re.compile("|".join(f"(?:{r.pattern.removeprefix('(?i)')})"   # all "(?i)..."
                               for r in _contraction_rules()), re.I)


@functools.cache
def _tokenizer_letters() -> frozenset | None:
    return letter_contractions(_contraction_rules())


def letter_contractions(rules=None) -> frozenset | None:
    """The chunks of ASCII letters (lower case) that NLTK's contraction ``rules`` (by
    default the word tokenizer's, read once) match when searched in
    ``" " + chunk + " "``, or ``None`` if a rule is of a form not read here.

    A rule of letters between word boundaries, ``(?i)\\b(can)(?#X)(not)\\b`` (or
    ``(?=\\s)`` after them), matches exactly the chunk of its letters in any case: a
    chunk of letters has word boundaries only at its two ends. A rule whose characters
    are letters, spaces and at least one apostrophe (``(?i) ('t)(?#X)(is)\\b``)
    matches no chunk of letters.

    Examples
    --------
    >>> import re
    >>> sorted(letter_contractions([re.compile(r"(?i)\\b(gon)(?#X)(na)\\b"),
    ...                             re.compile(r"(?i) ('t)(?#X)(is)\\b")]))
    ['gonna']
    """
    import re

    if rules is None:
        return _tokenizer_letters()
    words = set()
    for rule in rules:
        m = re.fullmatch(r"\(\?i\)\\b\(([A-Za-z]+)\)\(\?#X\)\(([A-Za-z]+)\)"
                         r"(?:\\b|\(\?=\\s\))", rule.pattern)
        if m:
            words.add((m[1] + m[2]).lower())
            continue
        literal = re.sub(r"\(\?i\)|\(\?#X\)|\\b|[()]", "", rule.pattern)
        if not re.fullmatch(r"[ A-Za-z']*'[ A-Za-z']*", literal):
            return None
    return frozenset(words)


def _plain_pairs(pairs):
    return [(plain(p), s) for p, s in pairs]


#: For each pattern of NLTK's word tokenizer (by its source): strings one of which is in
#: every match, so that a text holding none of them is left as it is by the
#: substitution. The contraction rules are case-insensitive: their strings are looked for
#: in the lower-case text, and all of them run where the text has one of
#: :data:`FOLDED`. ``\s+`` is not listed (the text always has a space).
NEEDS = {
    "([«“‘„]|[`]+)": ("«", "“", "‘", "„", "`"), r'^\"': ('"',), "(``)": ("``",),
    r"([ \(\[{<])(\"|\'{2})": ('"', "''"),
    r"(?i)(?<!\w)(\')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)": ("'",),
    r'([^\.])(\.)([\]\)}>"\'' "»”’ " r"]*+)\s*$": (".",), r"([:,])([^\d])": (":", ","),
    r"([:,])$": (":", ","), r"\.{2,}": ("..",), r"[;@#$%&]": tuple(";@#$%&"),
    r"[\u2012-\u2015]": tuple("\u2012\u2013\u2014\u2015"),
    r'([^\.])(\.)([\]\)}>"\']*)\s*$': (".",), r"[?!]": ("?", "!"), r"([^'])' ": ("' ",),
    r"[*]": ("*",), r"[\]\[\(\)\{\}\<\>]": tuple("][(){}<>"), "--": ("--",),
    "([»”’])": ("»", "”", "’"), "''": ("''",), '"': ('"',),
    r"([^' ])('[sS]|'[mM]|'[dD]|') ": ("'s ", "'S ", "'m ", "'M ", "'d ", "'D ", "' "),
    r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ": (
        "'ll ", "'LL ", "'re ", "'RE ", "'ve ", "'VE ", "n't ", "N'T "),
    r"(?i)\b(can)(?#X)(not)\b": ("cannot",), r"(?i)\b(d)(?#X)('ye)\b": ("d'ye",),
    r"(?i)\b(gim)(?#X)(me)\b": ("gimme",), r"(?i)\b(gon)(?#X)(na)\b": ("gonna",),
    r"(?i)\b(got)(?#X)(ta)\b": ("gotta",), r"(?i)\b(lem)(?#X)(me)\b": ("lemme",),
    r"(?i)\b(more)(?#X)('n)\b": ("more'n",), r"(?i)\b(wan)(?#X)(na)(?=\s)": ("wanna",),
    r"(?i) ('t)(?#X)(is)\b": (" 'tis",), r"(?i) ('t)(?#X)(was)\b": (" 'twas",),
}
#: The characters besides ASCII letters that Python's ``re`` matches to an ASCII letter
#: when it ignores case ("\u0130" and "\u0131" to "i", "\u017f" to "s", "\u212a" to
#: "k"; ``tests/test_nltk_plain.py`` checks every character).
FOLDED = ("\u0130", "\u0131", "\u017f", "\u212a")


def _steps(cls) -> tuple:
    """``(steps before the extra space, steps after it, strings of the contractions)`` of
    the tokenizer class ``cls``, each step ``(pattern, substitution, NEEDS or None)``; the
    contractions' strings are ``("",)`` (always run) if a rule is not listed."""
    def step(p, s):
        return p, s, NEEDS.get(p.pattern)

    needs = [NEEDS.get(r.pattern) for r in [*cls.CONTRACTIONS2, *cls.CONTRACTIONS3]]
    return ([step(p, s) for p, s in [*cls.STARTING_QUOTES, *cls.PUNCTUATION,
                                     cls.PARENS_BRACKETS, cls.DOUBLE_DASHES]],
            [step(p, s) for p, s in cls.ENDING_QUOTES],
            ("",) if None in needs else tuple(n for ns in needs for n in ns))


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

        def tokenize(self, text: str, convert_parentheses: bool = False,
                     return_str: bool = False) -> list[str]:
            """NLTK's ``tokenize`` (3.10: the same substitutions in the same order), each
            substitution skipped where the text holds none of the strings that every
            match of its pattern contains (:data:`NEEDS`; a pattern not listed always
            runs): what it skips would have changed nothing."""
            if convert_parentheses or return_str:
                return super().tokenize(text, convert_parentheses, return_str)
            steps = self.STEPS
            for regexp, substitution, needs in steps[0]:
                if needs is None or any(n in text for n in needs):
                    text = regexp.sub(substitution, text)
            text = " " + text + " "         # NLTK's "extra space", before the ending quotes
            for regexp, substitution, needs in steps[1]:
                if needs is None or any(n in text for n in needs):
                    text = regexp.sub(substitution, text)
            if (not text.isascii() and any(c in text for c in FOLDED)
                    or any(n in text.lower() for n in steps[2])):
                for regexp in self.CONTRACTIONS2:
                    text = regexp.sub(r" \1 \2 ", text)
                for regexp in self.CONTRACTIONS3:
                    text = regexp.sub(r" \1 \2 ", text)
            return text.split()

    PlainWordTokenizer.STEPS = _steps(PlainWordTokenizer)   # its patterns, with their NEEDS
    PlainWordTokenizer.__qualname__ = "PlainWordTokenizer"   # pickled by name (__getattr__)
    return {"PlainWordTokenizer": PlainWordTokenizer}


def __getattr__(name: str):
    if name in _LAZY:
        if not _CLASSES:
            _CLASSES.update(_build())
        return _CLASSES[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
