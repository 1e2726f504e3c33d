"""discourse.framing.matcher: the trie step, and the memoised matcher against a plain walk."""

from __future__ import annotations

from discourse import framing
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
    """The plain trie walk from every token (the matcher before the speed work)."""
    out = []
    for i in range(len(toks)):
        nodes, j = [lex.trie], i
        while nodes and j < len(toks):
            nxt = []
            for k in cache[toks[j]]:
                for node in nodes:
                    child = node.get(k)
                    if child is not None:
                        nxt.append(child)
                        out.extend((i, j + 1, e) for e in child.get(None, ()))
            nodes, j = nxt, j + 1
    return out


def test_fast_matcher_equals_the_plain_trie_walk(frame_lexicon, real_sentences,
                                                 multi_sentences):
    lex = frame_lexicon
    texts = [*real_sentences.text, *multi_sentences.text]
    fast, plain = KeyCache(lex), KeyCache(lex)
    for _ in range(2):                      # the second pass runs on the memoised steps
        for text in texts:
            toks = framing.tokens(text)
            assert find_matches(toks, fast) == _naive_find(lex, toks, plain), text
    assert fast.starts and set(fast.first) == fast.starts


def test_key_cache_keys(frame_lexicon):
    cache = KeyCache(frame_lexicon)
    assert "^UN" in cache["UN"] and "^UN" not in cache["un"]
    assert cache["organisations"] == cache["organizations"]          # one spelling
    assert "**terror*" in cache["counter-terrorism"]     # wildcard "*terror*" on the token
    assert cache["zzzz"] == () and "zzzz" in cache.seen
