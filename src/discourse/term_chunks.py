"""The tokens and matching keys of white-space chunks, memoised in bounded memos.

The first layer of the term analysis (:mod:`discourse.terms`, whose module docstring
describes the steps): a sentence is split at white space, each distinct chunk is
tokenised once (:func:`discourse.text.tokenize`; :func:`discourse.terms.block_terms`
tokenises the chunks new to its own memos in batches,
:func:`discourse.batch_tokens.inner_tokens`) and each token gets its
:func:`match_key`. The look-ups are memoised on the
:class:`~discourse.lexicons.Lexicons` object (never at module level), each in a
:class:`Generations` memo: on real text the distinct chunks keep coming (366,979 at
10 million words of prose), so a memo that kept all of them would grow with the
corpus's long tail of chunks seen once; a generational memo keeps the recently used
entries, at most two generations of :data:`MEMO_SIZE`. What it forgets is computed
again, to the same value: the memos change the time, never the terms.
"""

from __future__ import annotations

import re
import unicodedata

from discourse.batch_tokens import final_stem
from discourse.lexicons import Lexicons, load_lexicons
from discourse.text import plain_characters, single_token, tokenize
from discourse.text import lemma as _lemma

__all__ = ["MEMO_SIZE", "TOKEN_MEMO_SIZE", "CHUNK_MEMO_SIZE", "ACRONYM", "DOTTED",
           "Generations", "memo", "match_key", "token_key", "token_keys", "variant_keys",
           "chunk_tokens", "plain_chunk", "nfc_chunks", "sentence_tokens"]

#: Entries of one generation of a :class:`Generations` memo: the per-options entries
#: of chunks (:mod:`discourse.terms`), which save most work (at 10 million words of
#: prose, 272,227 distinct chunks inside sentences: this size recomputes 6% of the
#: entries an unbounded memo makes, half its size 28%).
MEMO_SIZE = 1 << 17
#: ... of the memos per token (:func:`match_key`, surface forms, per-options outputs):
#: a token's lemma is a look-up in a table.
TOKEN_MEMO_SIZE = 1 << 15
#: ... of the chunk memo (tokens and keys): read by :func:`sentence_tokens` and for a
#: sentence's last chunk that is not ``p.``.
CHUNK_MEMO_SIZE = 1 << 13
#: Acronyms (RATS, SCO): never lemmatised.
ACRONYM = re.compile(r"^[A-Z]{2,}[A-Z0-9]*$")
#: An abbreviation with inner full stops ("U.S", "e.g", "Ph.D") before a sentence's last
#: full stop: the chunk keeps its tokens inside a sentence ("U.S."), where NLTK's
#: tokenizer would split off the stop ("U.S", ".") and the same word would give two terms.
DOTTED = re.compile(r"^(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}$")


class Generations(dict):
    """A memo of two generations: this dictionary (the young one, read in C with
    ``get`` or ``map(memo.get, keys)``) and :attr:`old`.

    :meth:`keep` stores an entry; when the young generation holds ``size`` entries it
    becomes the old one (the old one is dropped) and a new young one starts.
    :meth:`find` looks in the young generation, then in the old one, bringing an entry
    found there back into the young one: entries used at least once per generation
    stay, the others go. At most ``2 * size`` entries are held. Values are never
    ``None`` (``None`` means not found).

    Examples
    --------
    >>> m = Generations(2)
    >>> for k in "abc":
    ...     _ = m.keep(k, k.upper())
    >>> dict(m), m.old, m.find("a"), m.find("z")
    ({'c': 'C'}, {'a': 'A', 'b': 'B'}, 'A', None)
    >>> dict(m)
    {'c': 'C', 'a': 'A'}
    """

    __slots__ = ("size", "old")

    def __init__(self, size: int | None = None):
        super().__init__()
        self.size = MEMO_SIZE if size is None else size     # as the module has it now
        self.old: dict = {}

    def find(self, key, missing=None):
        """The entry of ``key`` (``missing``: in neither generation; pass another
        object than ``None`` for a memo that holds ``None`` as a value)."""
        value = self.get(key, missing)
        if value is missing:
            value = self.old.get(key, missing)
            if value is not missing:
                self.keep(key, value)
        return value

    def keep(self, key, value):
        """Store ``value`` under ``key`` (see the class docstring); return it."""
        if len(self) >= self.size:
            self.old = dict(self)
            self.clear()
        self[key] = value
        return value

    def keep_all(self, entries: dict) -> None:
        """:meth:`keep` each of ``entries`` (a dictionary), in one generation where they
        fit in one: a new one if this one would hold more than ``size``."""
        if len(self) + len(entries) > self.size:
            if len(entries) > self.size:
                for key, value in entries.items():
                    self.keep(key, value)
                return
            self.old = dict(self)
            self.clear()
        self.update(entries)


def memo(lexicons: Lexicons, name: str, size: int | None = None) -> Generations:
    """The :class:`Generations` memo ``name`` of ``lexicons`` (made on first use, with
    generations of ``size`` entries)."""
    return lexicons.memo(name, Generations, size)


def match_key(token: str, lexicons: Lexicons | None = None) -> str:
    """The key on which a token is matched: lower case, British spelling, lemma.

    Acronyms (RATS, SCO) are not lemmatised. Phrases and variants
    (:mod:`discourse.terms`) and KWIC queries (:func:`discourse.concordance.kwic`)
    compare tokens by this key. Keys are memoised on ``lexicons``; pass the same
    object for speed.

    Examples
    --------
    >>> lex = load_lexicons()
    >>> [match_key(t, lex) for t in ["Organizations", "RATS", "rats", "favored"]]
    ['organisation', 'rats', 'rat', 'favour']
    """
    lexicons = load_lexicons() if lexicons is None else lexicons
    keys = memo(lexicons, "match_key", TOKEN_MEMO_SIZE)
    w = keys.find(token)
    if w is not None:
        return w
    return keys.keep(token, token_key(token, lexicons))


def token_key(token: str, lexicons: Lexicons) -> str:
    """:func:`match_key` computed, not looked up (for a token new to a memo of its own).

    Examples
    --------
    >>> token_key("Organizations", load_lexicons())
    'organisation'
    """
    spelling = lexicons.spelling
    low = token.lower()
    w = spelling.get(low, low)
    if not (token[:2].isupper() and ACRONYM.match(token)):   # an acronym begins "AB"
        w = _lemma(w, lexicons.lemma_overrides)
        w = spelling.get(w, w)
    return w


def variant_keys(variant: str, lexicons: Lexicons | None = None) -> list[tuple[str, ...]]:
    """The :func:`match_key` sequences of a variant or query as its tokens stand at a
    sentence's end and inside one: alone, "U.N." is "U.N" + "." (NLTK splits a final
    full stop); inside a sentence it is one token (empty sequences left out).

    Examples
    --------
    >>> variant_keys("U.N.")
    [('u.n', '.'), ('u.n.',)]
    """
    forms = (tokenize(variant), tokenize(variant + " _")[:-1])
    return [keys for keys in (tuple(match_key(t, lexicons) for t in toks) for toks in forms)
            if keys]


def chunk_tokens(chunk: str, last: bool, lexicons: Lexicons) -> tuple:
    """``(tokens, keys)`` of one white-space chunk of a sentence, memoised."""
    chunks = memo(lexicons, "chunks", CHUNK_MEMO_SIZE)
    hit = chunks.find((chunk, last))
    if hit is None:
        stem = final_stem(chunk) if last else None
        if stem is not None and DOTTED.match(stem):   # "U.S." ends a sentence: as inside
            return chunks.keep((chunk, last), chunk_tokens(chunk, False, lexicons))
        if stem is not None:              # "p." ending a sentence: p's tokens and "."
            t, k = chunk_tokens(stem, False, lexicons)
            return chunks.keep((chunk, last), (t + (".",), k + token_keys((".",), lexicons)))
        if single_token(chunk):           # a word of letters: its own token
            t = [chunk]
        else:
            t = tokenize(" " + chunk) if last else tokenize(" " + chunk + " _")[:-1]
        hit = chunks.keep((chunk, last), (tuple(t), token_keys(t, lexicons)))
    return hit


def token_keys(tokens, lexicons: Lexicons) -> tuple:
    """The :func:`match_key` of each of ``tokens``, as a tuple."""
    found = memo(lexicons, "match_key", TOKEN_MEMO_SIZE).get
    return tuple([found(x) or match_key(x, lexicons) for x in tokens])


def plain_chunk(chunk: str) -> str:
    return chunk if chunk.isascii() else plain_characters(chunk)


def nfc_chunks(text: str) -> list[str]:
    """The chunks of ``normalise(text).split()`` before normalise()'s one-for-one
    replacements: the split points are the same (the Unicode spaces it replaces are
    white space to ``str.split`` and so is their replacement; the quotes and hyphens it
    replaces are not, nor are theirs), so each chunk there is :func:`plain_chunk` ``(c)``
    for the chunk ``c`` here, and the chunk memo takes ``c`` as a key too."""
    return (text if text.isascii() else unicodedata.normalize("NFC", text)).split()


def sentence_tokens(text: str, lexicons: Lexicons) -> tuple[list[str], list[str]]:
    """The tokens of one sentence and their :func:`match_key` keys.

    The tokens equal :func:`discourse.text.tokenize` ``(text)``; the work is memoised
    per white-space chunk on ``lexicons`` (see the module docstring).

    Examples
    --------
    >>> lex = load_lexicons()
    >>> sentence_tokens("Member States' trade grew, Mr. Smith said.", lex)[0]
    ['Member', 'States', "'", 'trade', 'grew', ',', 'Mr.', 'Smith', 'said', '.']
    """
    chunks = list(map(plain_chunk, nfc_chunks(text)))
    toks: list[str] = []
    keys: list[str] = []
    last = len(chunks) - 1
    for i, chunk in enumerate(chunks):
        t, k = chunk_tokens(chunk, i == last, lexicons)
        toks.extend(t)
        keys.extend(k)
    return toks, keys
