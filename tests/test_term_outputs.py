"""The output of one token (:mod:`discourse.term_outputs`): its shortcut for a token of
letters gives what the checks of words and numbers give."""

from __future__ import annotations

import sys

from discourse.term_outputs import simple_term
from discourse.terms import TermOptions
from discourse.text import is_numeric, is_word


def test_a_token_of_letters_is_a_word_and_no_number():
    # simple_term skips is_word and is_numeric where str.isalpha() holds: every letter
    # of Unicode is a word character and no number, and so is a string of them
    letters = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalpha()]
    assert all(is_word(c) and not is_numeric(c) for c in letters)
    assert all(is_word(w) and not is_numeric(w) for w in ("th", "st", "Étude", "ǂ"))


def test_simple_term_drops_punctuation_and_numbers_unless_asked(lexicons):
    drop = frozenset({"the"})
    plain, kept = TermOptions(), TermOptions(punctuation=True, numbers=True)
    got = [simple_term(t, t.lower(), plain, lexicons, drop)
           for t in ["Trade", "the", ",", "3,800", "19th"]]
    assert got == ["trade", None, None, None, None]
    assert [simple_term(t, t, kept, lexicons, drop) for t in [",", "3,800"]] == [",", "3,800"]
