"""discourse.framing.trie: the trie of a lexicon's entries, anchored on content words."""

from __future__ import annotations

from discourse.framing.trie import ANCHOR_SKIP, build_trie


def test_entries_are_anchored_on_their_first_content_word():
    # keys as the lexicon makes them: a wildcard word is "*" and the word ("secur*")
    trie, vocab, patterns, prefixes = build_trie(
        [(0, ("terrorism",)), (1, ("the", "side")), (2, ("in", "this", "context")),
         (3, ("security", "council")), (4, ("*secur*",)), (5, ("security",))])
    assert trie == {"terrorism": {None: [0]}, "side": {None: [1]}, "context": {None: [2]},
                    "security": {None: [5], "council": {None: [3]}},
                    "*secur*": {None: [4]}}
    assert dict(prefixes) == {1: ("the",), 2: ("in", "this")}
    assert vocab == {"terrorism", "the", "side", "in", "this", "context", "security",
                     "council", "*secur*"}
    assert [k for k, _ in patterns] == ["*secur*"]
    assert patterns[0][1].match("security") and not patterns[0][1].match("insecurity")


def test_an_entry_of_function_words_only_is_anchored_on_its_first_word():
    trie, _, _, prefixes = build_trie([(0, ("of", "the"))])
    assert {"of", "the"} <= ANCHOR_SKIP
    assert trie == {"of": {"the": {None: [0]}}} and dict(prefixes) == {}
