"""discourse.framing.matcher: the trie step, and the memoised matcher against a plain walk."""

from __future__ import annotations

import pytest

from discourse import framing
from discourse.framing.lexicon import PARTS
from discourse.framing.matcher import KeyCache, find_matches, trie_step


def test_trie_step_by_hand():
    leaf_a, leaf_ab = {None: [0]}, {None: [1]}
    node_a = {None: [2], "b": leaf_ab}
    nodes = ({"a": node_a, "x": leaf_a},)
    assert trie_step(nodes, ("a",)) == ((2,), (node_a,))
    assert trie_step(nodes, ("x",)) == ((0,), ())               # ends, nothing continues
    assert trie_step(nodes, ("a", "x")) == ((2, 0), (node_a,))  # order of the keys
    assert trie_step(nodes, ("z",)) is None
    assert trie_step((node_a,), ("b",)) == ((1,), ())


def _naive_find(lex, toks, cache):
    """Every entry of the main trie tried at every position, word by word: an independent
    reference for the trie walk (which starts entries at their first content word and
    checks leading function words backwards)."""
    keys = lex.settings["entry_keys"]
    out = []
    for eid, entry in enumerate(lex.entries):
        if PARTS[entry.section] != "main":
            continue
        ks = keys[eid]
        for i in range(len(toks) - len(ks) + 1):
            if all(k in cache[toks[i + q]] for q, k in enumerate(ks)):
                out.append((i, i + len(ks), eid))
    return sorted(out)


@pytest.mark.slow        # every sentence of the corpus and fixture, plain walk: ~5 s
def test_fast_matcher_equals_the_plain_trie_walk(frame_lexicon, real_sentences,
                                                 multi_sentences):
    lex = frame_lexicon
    texts = [*real_sentences.text, *multi_sentences.text]
    fast, plain = KeyCache(lex), KeyCache(lex)
    tokens = [framing.tokens(text) for text in texts]
    want = [_naive_find(lex, toks, plain) for toks in tokens]
    for _ in range(2):                      # the second pass runs on the memoised steps
        for text, toks, expected in zip(texts, tokens, want):
            found = find_matches(toks, fast)
            assert found == sorted(found, key=lambda m: (m[0], m[1])), text   # in order
            assert sorted(found) == expected, text
    assert fast.starts and set(fast.first) == fast.starts


def test_key_cache_keys(frame_lexicon):
    cache = KeyCache(frame_lexicon)
    assert "^UN" in cache["UN"] and "^UN" not in cache["un"]
    lemma_keys = [set(cache[w]) - {k for k in cache[w] if k[0] in "=^*"}
                  for w in ("organisations", "organizations")]
    assert lemma_keys[0] == lemma_keys[1] == {"organisation"}          # one spelling
    assert "**terror*" in cache["counter-terrorism"]     # wildcard "*terror*" on the token
    assert cache["zzzz"] == () and "zzzz" in cache.seen
