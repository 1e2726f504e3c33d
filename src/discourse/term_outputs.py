"""What one token or pattern of a sentence gives, for :mod:`discourse.terms`.

The per-token steps 2-4 and 6-8 of the term analysis (:mod:`discourse.terms`, whose
module docstring describes them) and the compiled variant and phrase patterns of step
5: :func:`simple_term` is the output of a token outside any matched expression,
:func:`surface` its form when the options do not lower-case, harmonise and lemmatise
all three, :func:`matcher` the patterns and :func:`drop_set` the stop words. Memoised on
the :class:`~discourse.lexicons.Lexicons` object, never at module level.
"""

from __future__ import annotations

from discourse.lexicons import Lexicons
from discourse.term_chunks import (ACRONYM, TOKEN_MEMO_SIZE, match_key, memo,
                                   variant_keys)
from discourse.term_options import TermOptions
from discourse.text import is_numeric, is_word, tokenize
from discourse.text import lemma as _lemma

__all__ = ["surface", "matcher", "drop_set", "simple_term"]


def surface(token: str, options: TermOptions, lexicons: Lexicons) -> str:
    """Output form of one token that is not part of a matched expression."""
    forms = memo(lexicons, "surface", TOKEN_MEMO_SIZE)
    key = (token, options.lowercase, options.spelling, options.lemmatize)
    out = forms.find(key)
    if out is not None:
        return out
    table = lexicons.spelling if options.spelling else {}
    w = token.lower()
    w = table.get(w, w)
    if options.lemmatize and not ACRONYM.match(token):
        w = _lemma(w, lexicons.lemma_overrides)
        w = table.get(w, w)
    if options.lowercase:
        out = w
    elif w == token.lower():
        out = token
    elif ACRONYM.match(token):
        out = w.upper()
    else:
        out = w[:1].upper() + w[1:] if token[:1].isupper() else w
    return forms.keep(key, out)


def matcher(options: TermOptions, lexicons: Lexicons) -> dict:
    """Compiled variant and phrase patterns: ``{first key: [(keys, term), ...]}``.

    Patterns are tokenised and keyed like the text, longest first.
    """
    memo = lexicons.memo("matcher")
    key = (options.variants, options.phrases)
    if key in memo:
        return memo[key]
    entries: dict[tuple[str, ...], str] = {}
    if options.phrases:
        for phrase in lexicons.phrases:
            keys = tuple(match_key(t, lexicons) for t in tokenize(phrase))
            if len(keys) > 1:
                entries.setdefault(keys, phrase)
    if options.variants:
        for variant, canonical in lexicons.variants.items():
            if " " in canonical and not options.phrases:
                continue
            for keys in variant_keys(variant, lexicons):   # at a sentence's end, inside
                entries[keys] = canonical
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for keys, term in entries.items():
        out.setdefault(keys[0], []).append((keys, term))
    for first in out:
        out[first].sort(key=lambda kt: (-len(kt[0]), kt[0]))
    memo[key] = out
    return out


def drop_set(options: TermOptions, lexicons: Lexicons) -> frozenset[str]:
    """The terms dropped as stop words under ``options`` (none without ``stopwords``)."""
    if not options.stopwords:
        return frozenset()
    return lexicons.stopwords(exclude=("pronouns",) if options.keep_pronouns else ())


def simple_term(tok: str, key: str, options: TermOptions, lexicons: Lexicons,
                drop: frozenset[str]) -> str | None:
    """The output of a token outside any matched expression (``None``: dropped);
    ``key`` is its :func:`match_key`, which is its surface form when the options
    lower-case, harmonise the spelling and lemmatise (the same steps, in order)."""
    if not tok.isalpha():                   # letters only: a word, and not a number
        if not is_word(tok):
            return tok if options.punctuation else None
        if is_numeric(tok):
            return tok if options.numbers else None
    w = key if options.lowercase and options.spelling and options.lemmatize \
        else surface(tok, options, lexicons)
    if drop and (w.lower() in drop or tok.lower() in drop):
        return None
    return w
