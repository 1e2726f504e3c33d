"""The matching engine: every lexicon entry found in a tokenised sentence.

Entries are compiled into a trie of token keys (:class:`~discourse.framing.lexicon.
Lexicon`); a sentence is matched by walking the trie from each token that can begin
an entry. The one trie step is :func:`trie_step`. Per distinct token, its keys and
its first step are computed once (:class:`KeyCache`) and reused for every sentence,
so a common word that only begins phrases ("the", "in") costs one dictionary look-up.

A match is a plain tuple ``(start, end, entry id)`` (tokens ``start:end``); plain
tuples are several times cheaper to create than named tuples.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from discourse.framing.lexicon import CONTENT_SECTIONS, FRAMES, Lexicon
from discourse.text import TokenMemo, hyphen_parts, lemma

__all__ = ["KeyCache", "Caches", "Wildcards", "trie_step", "find_matches", "MAX_NEXT"]

#: Following tokens memoised per trie step at most (the memo is cleared when full).
MAX_NEXT = 1 << 14
_UNSEEN = object()


def trie_step(nodes, keys) -> tuple | None:
    """One trie step from ``nodes`` on a token with ``keys``.

    Returns
    -------
    tuple or None
        ``(ids of the entries that end on the token, nodes that continue after it)``,
        or ``None`` when nothing ends or continues. Ids and nodes are in the order of
        ``keys``, then ``nodes``.
    """
    ends: list = []
    nxt: list = []
    for k in keys:
        for node in nodes:
            child = node.get(k)
            if child is not None:
                nxt.append(child)
                e = child.get(None)
                if e:
                    ends.extend(e)
    cont = tuple(nd for nd in nxt if len(nd) > (None in nd))
    return (tuple(ends), cont) if ends or cont else None


class KeyCache(dict):
    """Per-token lookup, computed once per distinct token and reused for every sentence.

    ``cache[token]`` is the tuple of lexicon keys the token can match (its lemma,
    lower-cased, exact, upper-case and wildcard keys, and those of its hyphen parts,
    kept only if the lexicon uses them). For a token that can begin an entry,
    ``cache.first[token]`` is its first trie step: ``(entry ids that end on it, ids of
    the anchored entries that end on it, trie nodes that continue after it, {next
    token: second step} or None)``, and ``cache.pre_last[token]`` the keys that the
    token before it needs for any of those anchored entries. ``cache.head[token]``
    is ``cache.first[token]``, or ``None`` for a token that begins no entry, for every
    token (looked up on first use), so that a sentence's first steps are one
    dictionary look-up per token in C. ``cache.seen`` is a plain set of the tokens
    already looked up; ``cache.state_tokens`` those of them that can name a state of
    ``cache.states`` (the lexicon's :class:`~discourse.framing.states.States` in the
    main trie's cache, else ``None``): a first token of a state's form, or a hyphenated
    token whose parts name one (:meth:`~discourse.framing.states.States.parts`), so
    that a sentence without any is told in one pass in C; ``cache.settings`` a plain
    dict copy of the lexicon's settings, read by the rules many times a sentence. A new
    token's keys are tested one by one against the vocabulary (``cache.exact`` and
    ``cache.upper``: the words of its exact and upper-case keys) and against the
    wildcard patterns it may match (``cache.wildcards``, a :class:`Wildcards`). ``part``
    names the trie it walks: ``"main"`` (content entries) or one of the lexicon's
    rule tries (:attr:`~discourse.framing.lexicon.Lexicon.parts`).
    """

    # slots: an attribute of a dict subclass with an instance dict is looked up in full
    # each time (Python 3.11 does not specialise the look-up), and the rules read a dozen
    # a sentence (``entries`` too: the lexicon's, whose own attributes are slower to read)
    __slots__ = ("lex", "entries", "trie", "vocabulary", "patterns", "prefixes", "seen", "states",
                 "settings", "spelling", "overrides", "state_tokens", "first", "pre_last",
                 "head", "section", "frame", "kind", "is_content", "wildcards", "exact",
                 "upper", "is_rule", "frame_index", "has_frame", "is_name", "after_determiner")

    def __init__(self, lex: Lexicon, part: str = "main"):
        super().__init__()
        self.lex, self.entries = lex, lex.entries
        self.trie, self.vocabulary, self.patterns, self.prefixes = \
            (lex.trie, lex.vocabulary, lex.patterns, lex.prefixes) if part == "main" \
            else lex.parts.get(part, ({}, frozenset(), (), {}))
        self.seen: set = set()
        self.states = lex.states if part == "main" else None
        # plain dict copies: read faster than the lexicon's read-only proxies
        self.settings = dict(lex.settings)
        self.spelling, self.overrides = dict(lex.spelling), dict(lex.lemma_overrides)
        self.state_tokens: set = set()
        self.first: dict = {}        # token -> (ends, anchored ends, nodes, {next: step})
        self.pre_last: dict = {}     # token -> last prefix keys of its anchored ends
        self.head = _Heads(self)     # token -> first[token] or None, for every token
        # the tables that depend on the lexicon and the trie alone, made once per lexicon
        # object and trie (every coding call makes caches of its own) and only read
        tables = lex.memo(f"key-tables-{part}", _tables, lex, part, self.patterns,
                          self.vocabulary)
        (self.section, self.frame, self.kind, self.is_content, self.wildcards, self.exact,
         self.upper) = tables[:7]
        if part == "main":        # per entry, for the rules (the other tries need none)
            (self.is_rule, self.frame_index, self.has_frame, self.is_name,
             self.after_determiner) = tables[7]

    def __missing__(self, token: str) -> tuple:
        vocabulary, wildcards, spelling = self.vocabulary, self.wildcards, self.spelling
        forms = [token]
        forms += hyphen_parts(token)
        # each key a form can have (its spelling-folded lemma, lemma, lower-cased,
        # exact "=" and upper-case "^" keys, wildcards) kept if the lexicon uses it: a
        # test per key, without building the keys that it does not use (most)
        keys = []
        for form in forms:
            low = form.lower().replace("\u2019", "'")  # typographic apostrophe: "world’s"
            lem = lemma(low, self.overrides) if low[:1].isalpha() else low
            for key in (spelling.get(lem, lem), lem, low):
                if key in vocabulary:
                    keys.append(key)
            if low in self.exact:
                keys.append("=" + low)
            if form in self.upper:
                keys.append("^" + form)
            if wildcards is not None:
                keys += wildcards.keys(low)
                folded = spelling.get(low, low)     # "antidrug" as "anti-drug*" has it
                if folded != low:
                    keys += wildcards.keys(folded)
        got = tuple(sorted(set(keys))) if keys else ()
        step = trie_step((self.trie,), got) if got else None     # None for no keys
        if step is not None:
            ends, cont = step
            plain = tuple(e for e in ends if e not in self.prefixes)
            pre = tuple(e for e in ends if e in self.prefixes)
            self.first[token] = (plain, pre, cont, {} if cont else None)
            self.pre_last[token] = frozenset(self.prefixes[e][-1] for e in pre)
        self.head[token] = self.first.get(token)
        if self.states is not None and (token in self.states.firsts or (
                len(forms) > 1 and self.states.parts(token))):   # parts: hyphenated only
            self.state_tokens.add(token)
        self[token] = got
        self.seen.add(token)
        return got

    @property
    def starts(self):
        """The tokens seen so far that can begin an entry (the keys of ``first``)."""
        return self.first.keys()


def _tables(lex: Lexicon, part: str, patterns, vocabulary) -> tuple:
    """What a :class:`KeyCache` of the trie ``part`` of ``lex`` reads and never changes:
    per entry its section, frame, kind and whether it is content; the :class:`Wildcards`
    of the trie's ``patterns`` (``None`` without any); the words of the exact ("=") and
    upper-case ("^") keys of its ``vocabulary``; and, for the main trie, the per-entry
    tables of :func:`~discourse.framing.rules.analyse` (``is_rule``, ``frame_index``,
    ``has_frame``, ``is_name``, ``after_determiner``; ``None`` for the other tries)."""
    entries = lex.entries
    is_content = tuple(e.section in CONTENT_SECTIONS for e in entries)
    rules = None
    if part == "main":
        # rule entries looked for, by (paragraph references, event references) wanted: a
        # reference that nothing resolves is left out at once
        is_rule = MappingProxyType({(ctx, ref): tuple(
            not c and (ctx if e.section in ("context", "context_noun") else
                       ref if e.section == "event_ref" else True)
            for e, c in zip(entries, is_content))
            for ctx in (False, True) for ref in (False, True)})
        # a content entry with a frame (the index of its frame); a name
        frame_index = tuple(FRAMES.index(e.frame) if c and e.frame is not None else None
                            for e, c in zip(entries, is_content))
        # a context noun: a reference only after a determiner ("this" cooperation)
        rules = (is_rule, frame_index, tuple(i is not None for i in frame_index),
                 tuple(e.section == "name" for e in entries),
                 tuple(e.section == "context_noun" for e in entries))
    return (tuple(e.section for e in entries), tuple(e.frame for e in entries),
            tuple(e.kind for e in entries), is_content,
            # the wildcard entries a word may match, told by a look-up of its first
            # letters and one search in C, to skip the loop over them for the (many)
            # words that match none (:class:`Wildcards`)
            Wildcards(patterns) if patterns else None,
            frozenset(k[1:] for k in vocabulary if k.startswith("=")),
            frozenset(k[1:] for k in vocabulary if k.startswith("^")), rules)


class Wildcards:
    """The wildcard keys of a lexicon that a lower-cased word matches, trying only the
    patterns it may match.

    A pattern (``"*business*"``: the key's ``*`` and an :mod:`fnmatch` pattern) with
    only literal characters and ``*`` matches a word that begins with its leading
    literal part, or, if it begins with ``*``, contains its longest literal part; so a
    word is tried only against the patterns whose leading part begins as the word does
    (:attr:`width` characters, one dictionary look-up) and, if one search of all those
    longest parts finds one, the patterns that begin with ``*``. Other patterns (``?``,
    ``[``) are tried on every word. The keys found are those of trying every pattern.

    Parameters
    ----------
    patterns : tuple
        ``(key, compiled pattern)`` pairs (:attr:`~discourse.framing.lexicon.Lexicon.
        patterns`).

    Examples
    --------
    >>> import fnmatch, re
    >>> w = Wildcards([(k, re.compile(fnmatch.translate(k[1:])))
    ...                for k in ("*business*", "**terror*", "**-drug")])
    >>> w.keys("businesses"), w.keys("counterterrorism"), w.keys("anti-drug"), w.keys("trade")
    (('*business*',), ('**terror*',), ('**-drug',), ())
    """

    def __init__(self, patterns):
        leading, inner, parts, always = {}, [], [], False
        for key, rx in patterns:
            p = key[1:]
            lits = [x for x in p.split("*") if x]
            if "?" in p or "[" in p or not lits:
                inner.append((key, rx))
                always = True                 # no literal part that the word must hold
            elif p.startswith("*"):
                inner.append((key, rx))
                parts.append(max(lits, key=len))
            else:
                leading.setdefault(lits[0], []).append((key, rx))
        #: Characters of a word's beginning looked up (the shortest leading part's).
        self.width = min(map(len, leading), default=0)
        self.leading: dict = {}
        for lit, pats in leading.items():
            self.leading.setdefault(lit[:self.width], []).extend(pats)
        self.leading = {k: tuple(v) for k, v in self.leading.items()}
        self.inner = tuple(inner)
        self.search = None if always or not inner else re.compile(
            "|".join(map(re.escape, sorted(set(parts))))).search

    def keys(self, low: str) -> tuple:
        """The keys of the patterns that match ``low`` (leading patterns first)."""
        pats = self.leading.get(low[:self.width], ()) if self.leading else ()
        if self.inner and (self.search is None or self.search(low)):
            pats += self.inner
        return tuple(key for key, rx in pats if rx.match(low)) if pats else ()


class _Heads(dict):
    """``token -> first step or None`` of a :class:`KeyCache`, filled on first use."""

    __slots__ = ("cache",)

    def __init__(self, cache: KeyCache):
        super().__init__()
        self.cache = cache

    def __missing__(self, token: str):
        if token not in self.cache.seen:        # nor, then, a key of the cache
            self.cache.__missing__(token)       # looks the token up and fills this dict
        return self.cache.first.get(token)


class Caches:
    """One :class:`KeyCache` per trie of a lexicon, created on first use
    (``caches.main``, ``caches.rules``, ``caches.context`` ...), and the tokens of each
    distinct white-space separated chunk of text (``caches.words``, a
    :class:`~discourse.text.TokenMemo`), and the sentences analysed before by each
    tokenizer (``caches.analyses``, filled by :func:`discourse.framing.stream.code_stream`)."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.words = TokenMemo()
        self.analyses: dict = {}

    def __getattr__(self, part: str) -> KeyCache:
        if part.startswith("_"):
            raise AttributeError(part)
        cache = KeyCache(self.lex, part)
        setattr(self, part, cache)
        return cache


def find_matches(toks: list, cache: KeyCache) -> list[tuple]:
    """All entry matches of a sentence, ordered by start, then length, then trie path.

    Trie steps are memoised: the first per distinct token, each later one per distinct
    following token of the step before it (at most :data:`MAX_NEXT` of them per step;
    the memo of a step is cleared when full), so a phrase seen before costs one
    dictionary look-up per token. An entry
    anchored after leading function words (:func:`~discourse.framing.trie.build_trie`)
    is extended backwards over them as it is found, or dropped if they are not there.
    """
    pre_last = cache.pre_last
    prefixes = cache.prefixes
    out: list = []
    append = out.append
    moved = False
    n = len(toks)
    last = n - 1
    i = -1
    for head in map(cache.head.__getitem__, toks):
        i += 1
        if head is None:
            continue                  # the token begins no entry
        ends, pre, nodes, cont = head
        if ends:
            for e in ends:
                append((i, i + 1, e))
        # an anchored entry needs a token before it whose keys hold its prefix's last key
        if pre and i and not pre_last[toks[i]].isdisjoint(cache[toks[i - 1]]):
            moved |= _extend(pre, i, i + 1, toks, cache, prefixes, append)
        if cont is None or i == last:
            continue
        memo = cont
        j = i + 1
        while True:                   # one memoised trie step per following token
            u = toks[j]
            step = memo.get(u, _UNSEEN)
            if step is _UNSEEN:
                if len(memo) >= MAX_NEXT:
                    memo.clear()
                step = memo[u] = _step(nodes, cache[u], prefixes)
            if step is None:
                break
            ends, pre, nodes, memo = step
            j += 1
            if pre:                   # anchored entries first, as they were found
                moved |= _extend(pre, i, j, toks, cache, prefixes, append)
            for e in ends:
                append((i, j, e))
            if memo is None or j >= n:
                break
    if moved:
        out.sort(key=lambda m: (m[0], m[1]))
    return out


def _step(nodes, keys, prefixes) -> tuple | None:
    """A later trie step, memoised: ``(ids that end on the token and are not anchored,
    anchored ids that end on it, nodes that continue, {next token: step} or None)``."""
    got = trie_step(nodes, keys)
    if got is None:
        return None
    ends, cont = got
    pre = tuple(e for e in ends if e in prefixes) if prefixes else ()
    return (tuple(e for e in ends if e not in prefixes) if pre else ends, pre, cont,
            {} if cont else None)


def _extend(ids, i, j, toks, cache, prefixes, append) -> bool:
    """Append the anchored entries ``ids`` found at tokens ``i:j`` whose leading
    function words precede them; return whether any was appended."""
    found = False
    for e in ids:
        p = prefixes[e]
        s = i - len(p)
        if s < 0:
            continue
        for k in p:
            if k not in cache[toks[s]]:
                break
            s += 1
        else:
            append((i - len(p), j, e))
            found = True
    return found
