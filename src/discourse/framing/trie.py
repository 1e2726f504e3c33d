"""The trie a frame lexicon's entries are matched with (:func:`build_trie`).

Each entry is a tuple of token keys (see :mod:`discourse.framing.lexicon`); the trie
maps keys to child nodes, and key ``None`` of a node holds the ids of the entries that
end there.
"""

from __future__ import annotations

import fnmatch
import re
from types import MappingProxyType

__all__ = ["ANCHOR_SKIP", "build_trie"]

#: Keys of function words an entry is not anchored on (see :func:`build_trie`).
ANCHOR_SKIP = frozenset({"the", "a", "an", "of", "in", "to", "for", "on", "at", "by", "with",
                         "as", "from", "and", "or", "that", "this", "these", "those", "such",
                         "its", "their", "our", "his", "her", "both", "two", "all", "be",
                         "=the", "=of", "=in", "=was", "=were", "=a", "=an"})


def build_trie(items) -> tuple:
    """``(trie, vocabulary, wildcard patterns, prefixes)`` of ``(entry id, keys)`` pairs.

    An entry that begins with function words ("in this context", "the sides") is
    anchored on its first other word: the trie holds the entry from that word on, and
    ``prefixes[entry id]`` the keys before it, checked backwards when the rest matches.
    So the matcher starts only at content words, not at every "the" or "in".
    """
    trie: dict = {}
    vocab = set()
    prefixes = {}
    for eid, keys in items:
        # most entries begin with a content word: the search only for the others
        anchor = next((i for i, k in enumerate(keys) if k not in ANCHOR_SKIP), 0) \
            if keys and keys[0] in ANCHOR_SKIP else 0
        if anchor:
            prefixes[eid] = keys[:anchor]
        vocab.update(keys)
        node = trie
        for k in keys[anchor:]:
            node = node.setdefault(k, {})
        node.setdefault(None, []).append(eid)
    patterns = {k for k in vocab if k.startswith("*")}
    pats = tuple(sorted((k, re.compile(fnmatch.translate(k[1:]))) for k in patterns))
    return trie, frozenset(vocab), pats, MappingProxyType(prefixes)
