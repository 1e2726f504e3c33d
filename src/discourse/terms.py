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
   chunk ``p.`` is the entry of ``p`` and that of ``"."``; :func:`paragraph_ids` gives a
   block's terms as ids (numbers of a vocabulary per options, held in the entries),
   which the counts per year add up in numpy. Each token's output (step 2-8 below;
   :mod:`discourse.term_outputs`) is memoised per options; with ``lowercase``,
   ``spelling`` and ``lemmatize`` on it is the token's :func:`match_key` (the same
   three steps);
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

import sys
from itertools import chain, compress, count, repeat
from operator import is_not, itemgetter, not_

import numpy as np

from discourse.lexicons import Lexicons
from discourse.batch_tokens import final_stem, inner_tokens
from discourse.term_options import TERM_OPTIONS, TermOptions, as_options
from discourse.term_chunks import (DOTTED, TOKEN_MEMO_SIZE, Generations, chunk_tokens,
                                   match_key, nfc_chunks, plain_chunk, sentence_tokens,
                                   token_key)
from discourse.term_outputs import drop_set as _drop_set
from discourse.term_outputs import matcher as _matcher
from discourse.term_outputs import simple_term as _simple_term
from discourse.text import single_token

__all__ = ["TermOptions", "TERM_OPTIONS", "as_options", "match_key", "sentence_tokens",
           "sentence_terms", "block_terms", "paragraph_terms", "paragraph_ids", "ID"]

#: Fields of a memoised chunk entry (see :func:`_state`).
_EACH, _KEYS, _STARTS, _OUTPUTS, _IDS = map(itemgetter, range(5))
#: Term ids, as the entries hold them: 4 bytes each, in the machine's order.
ID = np.dtype("=i4")
#: The id before the ids of an entry in which a variant or phrase may start (its
#: sentence's terms are matched, :func:`_terms`), and the id after those of an entry at
#: a sentence's end (where :func:`paragraph_ids` finds its sentences).
_MATCHED, _END = -1, -2
_MATCHED_ID, _END_ID = np.array(_MATCHED, ID).tobytes(), np.array(_END, ID).tobytes()
#: A sentence's chunks and their entries, as :func:`_block_entries` takes them; the mark
#: of a last entry that it makes.
_CHUNKS, _ENTRIES = map(itemgetter, range(2))
_LATER = object()
#: Fields of a memoised token's triple (its key, its output or None, the output's id).
_KEY, _OUT, _ID = map(itemgetter, range(3))


def _state(options: TermOptions, lexicons: Lexicons) -> tuple:
    """Per options: (matcher, drop set, {chunk: entry} inside a sentence, {chunk: entry}
    at its end, {token: (its key, its output or None, the output's id)}, all three
    :class:`~discourse.term_chunks.Generations` memos, {term: its id}), an entry being
    (output of each token or None, keys, whether a variant or phrase may start in it,
    outputs without None, their ids: :data:`ID` one after another, after
    :data:`_MATCHED` where a variant or phrase may start, before :data:`_END` in an entry
    at a sentence's end). The ids number the terms in the order they were first made
    (:func:`paragraph_ids`); they grow with the terms met, not with the text."""
    states = lexicons.memo("sentence_terms")
    state = states.get(options)
    if state is None:
        state = states[options] = (
            _matcher(options, lexicons) if (options.variants or options.phrases) else {},
            _drop_set(options, lexicons), Generations(), Generations(),
            Generations(TOKEN_MEMO_SIZE), {})
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
                    key = token_key(x, lexicons)        # new to the memo: new there too
                    out = _simple_term(x, key, options, lexicons, state[1])
                    pair = words.keep(x, (key, out, b"" if out is None
                                          else _term_id(out, state[5])))
                pairs[i] = pair
    k = tuple(map(_KEY, pairs))
    each = tuple(map(_OUT, pairs))
    out = each if None not in each else tuple(compress(each, map(is_not, repeat(None), each)))
    ids = b"".join(filter(None, map(_ID, pairs)))       # one id: the vocabulary's bytes
    if state[0].keys().isdisjoint(k):
        return each, k, False, out, ids
    return each, k, True, out, _MATCHED_ID + ids


def _ids(found, vocabulary: dict) -> bytes:
    """The ids of the terms ``found`` (:data:`ID`, one after another): :func:`_term_id`
    of each."""
    return b"".join([_term_id(t, vocabulary) for t in found])


def _term_id(term: str, vocabulary: dict) -> bytes:
    """The id of ``term`` in ``vocabulary`` (``{term: its id's bytes}``); a term not yet
    in it is given the next id."""
    found = vocabulary.get(term)
    if found is None:
        found = vocabulary[term] = len(vocabulary).to_bytes(ID.itemsize, sys.byteorder)
    return found


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


def paragraph_ids(paragraphs: list[list[str]], options: TermOptions, lexicons: Lexicons
                  ) -> tuple[np.ndarray, np.ndarray, dict]:
    """The terms of each paragraph of a block as ids: the :func:`paragraph_terms` of the
    block, without a list per sentence or paragraph.

    Parameters
    ----------
    paragraphs : list of list of str
        Each paragraph of the block as the list of its sentences' texts.
    options, lexicons
        As in :func:`block_terms`.

    Returns
    -------
    ids : numpy.ndarray
        The id of each term of every paragraph, in order (:data:`ID`).
    bounds : numpy.ndarray
        Where each paragraph's ids begin in ``ids``, and where the last one's end (one
        more than the paragraphs).
    vocabulary : dict
        The terms of these options and word lists met so far, in the order of their ids
        (each with its id's bytes; it grows with the terms, not with the text).

    Examples
    --------
    >>> from discourse.lexicons import load_lexicons
    >>> ids, bounds, vocabulary = paragraph_ids([["Trade grew.", "Trade."], []],
    ...                                         TermOptions(), load_lexicons())
    >>> names = list(vocabulary)
    >>> [names[i] for i in ids], bounds.tolist()
    (['trade', 'grow', 'trade'], [0, 3, 3])
    """
    state = _state(options, lexicons)
    entries = _sentence_entries(list(chain.from_iterable(paragraphs)), options, lexicons,
                                state)
    ids = np.frombuffer(b"".join(map(_IDS, chain.from_iterable(entries))), ID)
    ends = np.flatnonzero(ids == _END)          # where each sentence with a chunk ends
    full = _offsets(map(bool, entries), len(entries))  # sentences with a chunk before each
    matched = np.flatnonzero(ids == _MATCHED)
    if matched.size:                    # the sentences in which a variant or phrase may start
        pieces, at = [], 0
        which = np.searchsorted(full, np.arange(1, len(ends) + 1))   # k-th: sentence which[k]
        for k in dict.fromkeys(np.searchsorted(ends, matched).tolist()):
            found = _terms(entries[which[k] - 1], state, matched_only=True)
            if found is not None:       # else its outputs, in order, as they stand
                pieces.append(ids[at:ends[k - 1] + 1 if k else 0])
                pieces.append(np.frombuffer(_ids(found, state[5]) + _END_ID, ID))
                at = ends[k] + 1
        pieces.append(ids[at:])
        ids = np.concatenate(pieces)
        ends = np.flatnonzero(ids == _END)
    term = ids >= 0                                     # not a mark
    done = np.zeros(len(ends) + 1, dtype=np.int64)     # the ids before each sentence's end
    done[1:] = np.cumsum(term)[ends]
    bounds = done[full[_offsets(map(len, paragraphs), len(paragraphs))]]
    return ids[term], bounds, state[5]


def _offsets(sizes, n: int) -> np.ndarray:
    """``[0, sizes[0], sizes[0] + sizes[1], ...]`` of ``n`` sizes (int64)."""
    out = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.fromiter(sizes, np.int64, n), out=out[1:])
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
            if not all(e):                  # an entry is a tuple of five: None is missing
                todo.append((chunks, e))
            entries.append(e)
        else:
            entries.append(chunks)
    if todo:
        found, found_last = _block_entries(todo, options, lexicons, state)
        for chunks, e in todo:
            if e[-1] is _LATER:
                e[-1] = found_last[chunks[-1]]
            for i in compress(range(len(e)), map(not_, e)):
                e[i] = found[chunks[i]]
    return entries


def _block_entries(todo: list, options: TermOptions, lexicons: Lexicons, state: tuple
                   ) -> tuple[dict, dict]:
    """``({chunk: entry} inside a sentence, {chunk: entry} at its end)`` of the chunks
    of ``todo`` (pairs of a sentence's chunks and their entries, ``None`` where not in
    the young generations; a last entry ``None`` is made :data:`_LATER`)."""
    inner, final = state[2], state[3]
    want_last: dict = {}
    for chunks, e in todo:
        if e[-1] is None:
            want_last[chunks[-1]] = None
            e[-1] = _LATER                  # not a chunk inside a sentence to be made
    want = dict.fromkeys(compress(chain.from_iterable(map(_CHUNKS, todo)),
                                  map(not_, chain.from_iterable(map(_ENTRIES, todo)))))
    found: tuple[dict, dict] = ({}, {})
    plain_of: dict = {}             # (chunk, last): its plain form, where it has another
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
    batch = [p for p, t in new.items() if t is None]
    for p, t in zip(batch, inner_tokens(batch)):
        new[p] = t
    made = {p: _made(t, options, lexicons, state) for p, t in new.items()}
    inner.keep_all(made)
    made_last, stop = {}, None
    for p, stem in finals.items():
        if stem is None:
            e = _made(chunk_tokens(p, True, lexicons)[0], options, lexicons, state)
        else:
            e = made.get(stem) or inner.find(stem) or made.setdefault(stem, _entry(
                stem, False, options, lexicons, state, inner))
            if stem is not p:             # p's tokens inside a sentence, then "."
                if stop is None:
                    stop = _made((".",), options, lexicons, state)
                e = (e[0] + stop[0], e[1] + stop[1], e[2] or stop[2], e[3] + stop[3],
                     e[4] + stop[4])
        made_last[p] = (*e[:4], e[4] + _END_ID)          # its sentence's end
    final.keep_all(made_last)
    found[0].update(made)           # the plain chunks wanted (and stems: not looked up)
    found[1].update(made_last)
    for (c, last), p in plain_of.items():
        e = found[last][c] = (made_last if last else made)[p]
        (final if last else inner).keep(c, e)
    return found


def _terms(entries: list, state: tuple, matched_only: bool = False) -> list[str] | None:
    """The terms of a sentence from its chunks' entries, in which a variant or phrase
    may start: the greedy matching, longest first, left to right (tried only where a
    token's key begins a pattern; the tokens between give their own outputs); with
    ``matched_only``, ``None`` where nothing matched (the terms are the outputs)."""
    match, drop = state[0], state[1]
    keys = list(chain.from_iterable(map(_KEYS, entries)))
    found, i = [], 0                        # (start, end, term) of each; the end of the last
    for j in compress(count(), map(match.__contains__, keys)):
        if j < i:                           # inside the expression matched before
            continue
        for pattern, term in match[keys[j]]:
            if tuple(keys[j:j + len(pattern)]) == pattern:
                i = j + len(pattern)
                found.append((j, i, term))
                break
    if not found:
        return None if matched_only else list(chain.from_iterable(map(_OUTPUTS, entries)))
    simple = list(chain.from_iterable(map(_EACH, entries)))
    out: list[str] = []
    i = 0
    for j, end, term in found:
        between = simple[i:j]
        out += compress(between, map(is_not, between, repeat(None)))
        i = end
        if " " in term or term.lower() not in drop:
            out.append(term)
    rest = simple[i:]
    out += compress(rest, map(is_not, rest, repeat(None)))
    return out
