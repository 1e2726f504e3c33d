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
   that it is one term wherever it stands. :func:`block_terms` analyses the
   chunks new to its memos once per block of sentences: the new chunks inside a
   sentence are tokenised in batches (the same tokens, fewer calls) and a last
   chunk ``p.`` is the entry of ``p`` and that of ``"."``. Each token's output (step
   2-8 below) is memoised per options; with ``lowercase``, ``spelling`` and
   ``lemmatize`` on it is the token's :func:`match_key` (the same three steps);
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

from itertools import chain, compress, count, repeat
from operator import is_not, itemgetter, not_

from discourse.lexicons import Lexicons
from discourse.batch_tokens import final_stem, inner_tokens
from discourse.term_options import TERM_OPTIONS, TermOptions, as_options
from discourse.term_chunks import (ACRONYM, DOTTED, TOKEN_MEMO_SIZE, Generations,
                                   chunk_tokens, match_key, memo, nfc_chunks, plain_chunk,
                                   sentence_tokens, variant_keys)
from discourse.text import is_numeric, is_word, single_token, tokenize
from discourse.text import lemma as _lemma

__all__ = ["TermOptions", "TERM_OPTIONS", "as_options", "match_key", "sentence_tokens",
           "sentence_terms", "block_terms", "paragraph_terms"]

#: Fields of a memoised chunk entry (see :func:`_state`).
_EACH, _KEYS, _STARTS, _OUTPUTS = map(itemgetter, range(4))
#: Fields of a memoised token's pair (its key, its output or None).
_KEY, _OUT = map(itemgetter, range(2))


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


def _simple_term(tok: str, key: str, options: TermOptions, lexicons: Lexicons,
                 drop: frozenset[str]) -> str | None:
    """The output of a token outside any matched expression (``None``: dropped);
    ``key`` is its :func:`match_key`, which is its surface form when the options
    lower-case, harmonise the spelling and lemmatise (the same steps, in order)."""
    if not is_word(tok):
        return tok if options.punctuation else None
    if is_numeric(tok):
        return tok if options.numbers else None
    w = key if options.lowercase and options.spelling and options.lemmatize \
        else _surface(tok, options, lexicons)
    if drop and (w.lower() in drop or tok.lower() in drop):
        return None
    return w


def _state(options: TermOptions, lexicons: Lexicons) -> tuple:
    """Per options: (matcher, drop set, {chunk: entry} inside a sentence, {chunk: entry}
    at its end, {token: (its key, its output or None)}, all three
    :class:`~discourse.term_chunks.Generations` memos), an entry being (output of each
    token or None, keys, whether a variant or phrase may start in it, outputs without
    None)."""
    states = lexicons.memo("sentence_terms")
    state = states.get(options)
    if state is None:
        state = states[options] = (
            _matcher(options, lexicons) if (options.variants or options.phrases) else {},
            _drop_set(options, lexicons), Generations(), Generations(),
            Generations(TOKEN_MEMO_SIZE))
    return state


def _made(t: tuple, options: TermOptions, lexicons: Lexicons, state: tuple) -> tuple:
    """The entry of a chunk of tokens ``t`` (see :func:`_state`)."""
    words = state[4]
    pairs = list(map(words.get, t))
    if None in pairs:
        for i, x in enumerate(t):
            if pairs[i] is None:
                pair = words.find(x)
                if pair is None:
                    key = match_key(x, lexicons)
                    pair = words.keep(x, (key, _simple_term(x, key, options, lexicons,
                                                            state[1])))
                pairs[i] = pair
    k = tuple(map(_KEY, pairs))
    each = tuple(map(_OUT, pairs))
    return (each, k, not state[0].keys().isdisjoint(k), each if None not in each
            else tuple(compress(each, map(is_not, repeat(None), each))))


def _entry(chunk: str, last: bool, options: TermOptions, lexicons: Lexicons,
           state: tuple, table: Generations) -> tuple:
    return table.keep(chunk, _made(chunk_tokens(chunk, last, lexicons)[0], options,
                                   lexicons, state))


def sentence_terms(text: str, options: TermOptions, lexicons: Lexicons) -> list[str]:
    """The terms of one sentence (see the module docstring), with explicit options and
    word lists; :func:`discourse.preprocess.terms` is the same with keyword options."""
    return block_terms([text], options, lexicons)[0]


def block_terms(texts: list[str], options: TermOptions, lexicons: Lexicons
                ) -> list[list[str]]:
    """:func:`sentence_terms` of each of ``texts``, with the chunks new to the memos
    analysed once per block: each distinct one looked up once, the new ones tokenised
    in batches, a sentence's last chunk ``p.`` made from ``p``'s entry (fewer calls of
    NLTK's tokenizer on text that rarely repeats; the terms are the same)."""
    state = _state(options, lexicons)
    return [_entry_terms(e, state) for e in _sentence_entries(texts, options, lexicons, state)]


def paragraph_terms(paragraphs: list[list[str]], options: TermOptions, lexicons: Lexicons
                    ) -> list[list[str]]:
    """The terms of each paragraph of a block, given as the list of its sentences'
    texts: the :func:`block_terms` of its sentences, in order, in one list (the same
    analysis, without a list per sentence)."""
    state = _state(options, lexicons)
    entries = _sentence_entries(list(chain.from_iterable(paragraphs)), options, lexicons,
                                state)
    out, at = [], 0
    for sentences in paragraphs:
        k = len(sentences)
        es = entries[at:at + k]
        if k == 1:
            out.append(_entry_terms(es[0], state))
        else:                               # its sentences' terms, in order, in one list
            out.append(list(chain.from_iterable(map(_entry_terms, es, repeat(state)))))
        at += k
    return out


def _entry_terms(e: list, state: tuple) -> list[str]:
    """The terms of one sentence from its chunks' entries: :func:`_terms` where a
    variant or phrase may start, else the entries' outputs in order."""
    if any(map(_STARTS, e)):
        return _terms(e, state)
    return list(chain.from_iterable(map(_OUTPUTS, e)))


def _sentence_entries(texts: list[str], options: TermOptions, lexicons: Lexicons,
                      state: tuple) -> list[list]:
    """The entries of the chunks of each of ``texts`` (see :func:`_state`)."""
    inner, final = state[2].get, state[3].get
    entries = []
    todo = []
    for text in texts:
        chunks = text.split() if text.isascii() else nfc_chunks(text)
        if chunks:
            e = list(map(inner, chunks))
            e[-1] = final(chunks[-1])
            if None in e:
                todo.append((chunks, e))
            entries.append(e)
        else:
            entries.append(chunks)
    if todo:
        found, found_last = _block_entries(todo, options, lexicons, state)
        for chunks, e in todo:
            if e[-1] is None:
                e[-1] = found_last[chunks[-1]]
            for i in compress(range(len(e)), map(not_, e)):
                e[i] = found[chunks[i]]
    return entries


def _block_entries(todo: list, options: TermOptions, lexicons: Lexicons, state: tuple
                   ) -> tuple[dict, dict]:
    """``({chunk: entry} inside a sentence, {chunk: entry} at its end)`` of the chunks
    of ``todo`` (pairs of a sentence's chunks and their entries, ``None`` where not in
    the young generations)."""
    inner, final = state[2], state[3]
    want: dict = {}
    want_last: dict = {}
    for chunks, e in todo:
        if e[-1] is None:
            want_last[chunks[-1]] = None
        e = e[:-1]
        if None in e:
            want.update(dict.fromkeys(compress(chunks, map(not_, e))))
    found: tuple[dict, dict] = ({}, {})
    plain_of: dict = {}             # (chunk, last): its plain form, to be made
    new: dict = {}                  # plain inner chunk: its tokens (None: to tokenise)
    finals: dict = {}               # plain final chunk: its inner stem, or None
    for last, chunks in enumerate((want, want_last)):
        table = final if last else inner
        old = table.old.get               # not in the young generation: in the old one?
        hits = {c: e for c in chunks if (e := old(c)) is not None}
        table.keep_all(hits)
        found[last].update(hits)
        for c in chunks:
            if c in hits:
                continue
            p = c if c.isascii() else plain_chunk(c)
            if p is not c:
                e = table.find(p)
                if e is not None:
                    found[last][c] = table.keep(c, e)
                    continue
            plain_of[c, last] = p
            if not last:
                new[p] = (p,) if single_token(p) else None
                continue
            stem = final_stem(p)
            if stem is not None and DOTTED.match(stem):   # "U.S." ends a sentence: as inside
                stem = p
            finals[p] = stem
            if stem is not None and inner.find(stem) is None:
                new[stem] = (stem,) if single_token(stem) else None
    made: dict = {}
    batch = [p for p, t in new.items() if t is None]
    for p, t in zip(batch, inner_tokens(batch)):
        new[p] = t
    for p, t in new.items():
        made[p] = inner.keep(p, _made(t, options, lexicons, state))
    stop = None
    for p, stem in finals.items():
        if stem is None:
            e = _made(chunk_tokens(p, True, lexicons)[0], options, lexicons, state)
        else:
            e = made.get(stem) or inner.find(stem) or made.setdefault(stem, _entry(
                stem, False, options, lexicons, state, inner))
            if stem is not p:             # p's tokens inside a sentence, then "."
                if stop is None:
                    stop = _made((".",), options, lexicons, state)
                e = (e[0] + stop[0], e[1] + stop[1], e[2] or stop[2], e[3] + stop[3])
        made[p, True] = final.keep(p, e)
    for (c, last), p in plain_of.items():
        e = found[last][c] = made[p, True] if last else made[p]
        if c is not p:
            (final if last else inner).keep(c, e)
    return found


def _terms(entries: list, state: tuple) -> list[str]:
    """The terms of a sentence from its chunks' entries, in which a variant or phrase
    may start: the greedy matching, longest first, left to right (tried only where a
    token's key begins a pattern; the tokens between give their own outputs)."""
    match, drop = state[0], state[1]
    out: list[str] = []
    simple = list(chain.from_iterable(map(_EACH, entries)))
    keys = list(chain.from_iterable(map(_KEYS, entries)))
    i = 0                                   # the first token not yet given out
    for j in compress(count(), map(match.__contains__, keys)):
        if j < i:                           # inside the expression matched before
            continue
        for pattern, term in match[keys[j]]:
            m = len(pattern)
            if tuple(keys[j:j + m]) == pattern:
                between = simple[i:j]
                out += compress(between, map(is_not, between, repeat(None)))
                i = j + m
                if " " in term or term.lower() not in drop:
                    out.append(term)
                break
    rest = simple[i:]
    out += compress(rest, map(is_not, rest, repeat(None)))
    return out
