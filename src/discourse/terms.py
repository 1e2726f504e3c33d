"""The analysis terms of one sentence: options, matching keys, variants and phrases.

The engine behind :mod:`discourse.preprocess` (which builds tables from it): for one
set of :class:`TermOptions` and one :class:`~discourse.lexicons.Lexicons`,
:func:`sentence_terms` turns a sentence into its terms. Look-ups computed from the
word lists (keys, surface forms, the compiled phrase matcher) are memoised on the
``Lexicons`` object (:meth:`~discourse.lexicons.Lexicons.memo`), never at module level.

The steps, in order, each of which one option switches off:

1. tokenise (:func:`discourse.text.tokenize`, NLTK's word tokenizer). For speed the
   sentence is split at white space and each chunk is tokenised once per
   :class:`~discourse.lexicons.Lexicons` object (:mod:`discourse.term_chunks`;
   memoised, with a space before it and a dummy token after it, so that the
   tokenizer's context rules see what they see in the sentence; the last chunk
   keeps the sentence's end). NLTK's rules only ever
   insert spaces, never join across one, so the tokens are those of the whole
   sentence; :func:`sentence_tokens` is checked against
   :func:`discourse.text.tokenize` in the tests. The memos are bounded
   (:class:`~discourse.term_chunks.Generations`: the chunks used recently are kept,
   what is forgotten is computed again, to the same terms). A last chunk ``p + "."``
   has the tokens of ``p`` inside a sentence and ``"."``
   (:func:`discourse.batch_tokens.final_stem`), as NLTK's tokenizer has it, except an
   abbreviation with inner full stops (``"U.S."``, ``"e.g."``:
   :data:`discourse.term_chunks.DOTTED`), which keeps its tokens inside a sentence so
   that it is one term wherever it stands. :func:`block_terms` tokenises the
   new chunks of many sentences in batches (the same tokens, fewer calls);
2. ``lowercase``;
3. ``spelling``: American to British spelling from the explicit word list
   ``corpus/lexicons/spelling.csv`` (no blind ``-ize`` regex, which would touch
   "size" and "seize"), applied to the word and again to its lemma;
4. ``lemmatize`` (:func:`discourse.text.lemma`, with the researcher overrides of
   ``lemma_overrides.csv``). Acronyms, i.e. tokens of two or more letters written
   entirely in capitals (RATS, SCO, UN), are never lemmatised ("RATS" is not the
   plural of "rat");
5. ``variants`` (``variants.csv``: "Shanghai Cooperation Organisation" -> ``sco``,
   "Regional Anti-Terrorism Structure" -> ``rats``, "coronavirus" -> ``covid-19``,
   ...) and ``phrases`` (``phrases.txt``: "member states" -> ``member state``):
   multiword expressions become one term containing a space. Matching is greedy,
   longest first, left to right, within a sentence, and always compares the
   :func:`match_key` of each token (lower-cased, spelling-harmonised, lemmatised), so
   "Member States" matches "member state" whatever the other options. A variant whose
   canonical form has a space applies only when ``phrases`` is on too;
6. ``punctuation``: tokens without a letter or digit are dropped unless
   ``punctuation=True``;
7. ``numbers``: tokens without a letter that contain a digit ("3,800", "6.3",
   "2019-2021", "12:45") and ordinals ("19th") are dropped unless ``numbers=True``;
8. ``stopwords``: terms in ``corpus/lexicons/stopwords.txt`` are dropped; its
   ``pronouns`` group is kept when ``keep_pronouns=True``. Multiword terms are
   never dropped as stop words.

A *term* is one item of the output; a multiword expression is one term. Counts and
rates per 10,000 in :mod:`discourse.keywords` use these terms as tokens.
"""

from __future__ import annotations

import dataclasses
from itertools import chain
from operator import itemgetter
from types import MappingProxyType
from typing import Mapping

from discourse.lexicons import Lexicons
from discourse.term_chunks import (ACRONYM, TOKEN_MEMO_SIZE, Generations, chunk_tokens,
                                   match_key, memo, memoise_chunks, nfc_chunks,
                                   plain_chunk, sentence_tokens, variant_keys)
from discourse.text import is_numeric, is_word, tokenize
from discourse.text import lemma as _lemma

__all__ = ["TermOptions", "TERM_OPTIONS", "as_options", "match_key", "sentence_tokens",
           "sentence_terms", "block_terms"]

#: Fields of a memoised chunk entry (see :func:`_state`).
_EACH, _KEYS, _STARTS, _OUTPUTS = map(itemgetter, range(4))


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
    """``options`` as :class:`TermOptions` (``None``: the defaults; a mapping: checked)."""
    if options is None or isinstance(options, TermOptions):
        return options or TermOptions()
    return TermOptions.from_mapping(options)


def _surface(token: str, options: TermOptions, lexicons: Lexicons) -> str:
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


def _matcher(options: TermOptions, lexicons: Lexicons) -> dict:
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


def _drop_set(options: TermOptions, lexicons: Lexicons) -> frozenset[str]:
    if not options.stopwords:
        return frozenset()
    return lexicons.stopwords(exclude=("pronouns",) if options.keep_pronouns else ())


def _simple_term(tok: str, options: TermOptions, lexicons: Lexicons,
                 drop: frozenset[str]) -> str | None:
    """The output of a token outside any matched expression (``None``: dropped)."""
    if not is_word(tok):
        return tok if options.punctuation else None
    if is_numeric(tok):
        return tok if options.numbers else None
    w = _surface(tok, options, lexicons)
    if drop and (w.lower() in drop or tok.lower() in drop):
        return None
    return w


def _state(options: TermOptions, lexicons: Lexicons) -> tuple:
    """Per options: (matcher, drop set, {chunk: entry} inside a sentence, {chunk: entry}
    at its end, both :class:`~discourse.term_chunks.Generations` memos), an entry being
    (output of each token or None, keys, whether a variant or phrase may start in it,
    outputs without None)."""
    states = lexicons.memo("sentence_terms")
    state = states.get(options)
    if state is None:
        state = states[options] = (
            _matcher(options, lexicons) if (options.variants or options.phrases) else {},
            _drop_set(options, lexicons), Generations(), Generations())
    return state


def _entry(chunk: str, last: bool, options: TermOptions, lexicons: Lexicons,
           match: dict, drop: frozenset[str], table: dict) -> tuple:
    t, k = chunk_tokens(chunk, last, lexicons)
    each = tuple(_simple_term(x, options, lexicons, drop) for x in t)
    return table.keep(chunk, (each, k, any(x in match for x in k), each if None not in each
                              else tuple(w for w in each if w is not None)))


def _missing(chunks: list[str], entries: list, options: TermOptions, lexicons: Lexicons,
             match: dict, drop: frozenset[str], inner: Generations, final: Generations
             ) -> list:
    """``entries`` with the chunks not yet memoised analysed (under the key of their
    plain form, and of the chunk as found when that differs)."""
    last = len(chunks) - 1
    out = []
    for i, (c, e) in enumerate(zip(chunks, entries)):
        if e is None:
            table = final if i == last else inner
            plain = plain_chunk(c)
            e = table.find(plain)
            if e is None:
                e = _entry(plain, i == last, options, lexicons, match, drop, table)
            if c is not plain:
                table.keep(c, e)
        out.append(e)
    return out


def _entries(chunks: list[str], state: tuple) -> list:
    """The memoised entry of each chunk under ``state`` (``None``: not yet), read from
    the young generations in C, then from the old ones."""
    inner, final = state[2], state[3]
    entries = list(map(inner.get, chunks))
    entries[-1] = final.get(chunks[-1])
    if None in entries:
        last = len(chunks) - 1
        for i, e in enumerate(entries):
            if e is None:
                entries[i] = (final if i == last else inner).find(chunks[i])
    return entries


def sentence_terms(text: str, options: TermOptions, lexicons: Lexicons) -> list[str]:
    """The terms of one sentence (see the module docstring), with explicit options and
    word lists; :func:`discourse.preprocess.terms` is the same with keyword options."""
    state = _state(options, lexicons)
    chunks = nfc_chunks(text)
    return _terms(chunks, _entries(chunks, state), state, options, lexicons) \
        if chunks else []


def block_terms(texts: list[str], options: TermOptions, lexicons: Lexicons
                ) -> list[list[str]]:
    """:func:`sentence_terms` of each of ``texts``, with the chunks that are new to the
    memo tokenised first, in batches (fewer calls of NLTK's tokenizer on text that
    rarely repeats; the terms are the same)."""
    state = _state(options, lexicons)
    split = [nfc_chunks(text) for text in texts]
    entries = [_entries(chunks, state) if chunks else [] for chunks in split]
    memoise_chunks([[c for c, x in zip(cs[:-1], e) if x is None]
                    + [cs[-1] if e[-1] is None else None]
                    for cs, e in zip(split, entries) if None in e], lexicons)
    return [_terms(c, e, state, options, lexicons) if c else []
            for c, e in zip(split, entries)]


def _terms(chunks: list[str], entries: list, state: tuple, options: TermOptions,
           lexicons: Lexicons) -> list[str]:
    match, drop, inner, final = state
    if None in entries:
        entries = _missing(chunks, entries, options, lexicons, match, drop, inner, final)
    if not any(map(_STARTS, entries)):        # no variant or phrase can start here
        return list(chain.from_iterable(map(_OUTPUTS, entries)))
    out: list[str] = []
    simple = list(chain.from_iterable(map(_EACH, entries)))
    keys = list(chain.from_iterable(map(_KEYS, entries)))
    i, n = 0, len(keys)
    while i < n:
        patterns = match.get(keys[i])
        if patterns:
            found = None
            for pattern, term in patterns:
                m = len(pattern)
                if tuple(keys[i:i + m]) == pattern:
                    found = (m, term)
                    break
            if found is not None:
                m, term = found
                i += m
                if " " in term or term.lower() not in drop:
                    out.append(term)
                continue
        w = simple[i]
        i += 1
        if w is not None:
            out.append(w)
    return out
