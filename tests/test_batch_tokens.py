"""Chunks tokenised in batches get the tokens each gets alone, a sentence's last chunk
"p." gets p's tokens and ".", and the term analysis fed by the batches gives the terms
and the tokens it gives without them.

:func:`discourse.batch_tokens.inner_tokens` joins chunks with a letter the tokenizer
sees as ``"_"``; the chunks here meet every kind of neighbour (shuffled, seeded):
the corpus's and the fixture's chunks, constructed marks and quotes, chunks holding
the separator, and (slow layer) the words of the Python standard library's
docstrings, prose with identifiers, brackets and code marks.
"""

from __future__ import annotations

import functools
import random

import pytest
from conftest import CORPUS, MULTI, but_dotted
from test_nltk_plain import TRICKY_PARAGRAPHS, TRICKY_SENTENCES

from discourse.batch_tokens import BATCH, SEPARATOR, final_stem, inner_tokens
from discourse.text import split_sentences, tokenize

MARKS = ["", ",", ".", ":", ";", "'", '"', "''", "``", "`", "(", ")", "[", "]", "{", "}",
         "<", ">", "?", "!", "...", "--", "-", "*", "%", "$", "#", "@", "&", "'s", "n't",
         "'ll", "\u2019", "\u201c", "\u201d", "\u00ab", "\u00bb", "\u2013", "_", ":1",
         ",2", "'re", "'t", ").", "),", "\"."]
WORDS = ["cannot", "gonna", "wanna", "is", "was", "a", "x_y", "2020", "U.S", "3,800",
         "e.g", "don", "SCO", "caf\u00e9", "o'clock", "f(x)", "a.b", "\u01c2", "t", "re"]


def _alone(chunk: str) -> tuple[str, ...]:
    return tuple(tokenize(" " + chunk + " _")[:-1])


@functools.cache
def _corpus_chunks() -> tuple[str, ...]:
    from discourse import corpus
    from discourse.segmentation import _doc_paragraphs

    paragraphs = list(TRICKY_PARAGRAPHS)
    for root in (CORPUS, MULTI):
        for layer in ("raw", "cleaned"):
            for text in corpus.load_docs(root, layer=layer)["text"]:
                paragraphs.extend(_doc_paragraphs(text))
    sentences = [s for p in paragraphs for s in split_sentences(p)] + TRICKY_SENTENCES
    return tuple(c for s in sentences for c in s.split())


@functools.cache
def _constructed() -> tuple[str, ...]:
    out = [m for m in MARKS if m]
    for w in WORDS:
        for a in MARKS:
            out += [a + w, w + a, a + w + a]
    return tuple(out)


def _check(chunks: list[str], seed: int) -> None:
    chunks = list(dict.fromkeys(chunks))
    random.Random(seed).shuffle(chunks)
    assert len(chunks) > 2 * BATCH          # several full batches
    assert inner_tokens(chunks) == [_alone(c) for c in chunks]


@pytest.mark.parametrize("seed", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_batches_tokenise_as_one_chunk_at_a_time(seed):
    _check([*_corpus_chunks(), *_constructed()], seed)


def _check_final(chunks: list[str]) -> None:
    finals = [c for c in dict.fromkeys(chunks + [c + "." for c in chunks])
              if final_stem(c) is not None]
    assert len(finals) > 1000
    stems = inner_tokens([final_stem(c) for c in finals])
    assert [[*t, "."] for t in stems] == [tokenize(" " + c) for c in finals]


def test_a_final_full_stop_is_split_off_the_tokens_inside_a_sentence():
    _check_final([*_corpus_chunks(), *_constructed()])
    assert [final_stem(c) for c in ["..", "x..", ".", "", "x", "x.)", "x.:"]] == [None] * 7


def test_the_separator_is_seen_as_an_underscore():
    # the letter joining a batch: a word character that the tokenizer leaves alone,
    # beside every mark, as it leaves "_"
    mark = SEPARATOR.strip()
    assert mark.isalpha() and not mark.isascii() and mark.lower() == mark.upper() == mark
    for m in MARKS:
        for text in (f" {m} _", f" {m}_ x", f" _{m} x", f" x {m} _ y"):
            assert tokenize(text.replace("_", mark)) == \
                [t.replace("_", mark) for t in tokenize(text)], text
    assert inner_tokens([mark, "a" + mark, "x"]) == [(mark,), ("a" + mark,), ("x",)]


@pytest.mark.slow
def test_block_terms_are_each_sentences_terms_and_nltks_tokens():
    from discourse.lexicons import load_lexicons
    from discourse.terms import TermOptions, block_terms, sentence_terms, sentence_tokens

    texts = [" ".join(random.Random(3).sample(_constructed(), 12)) for _ in range(300)]
    texts += [s for p in TRICKY_PARAGRAPHS for s in split_sentences(p)] + TRICKY_SENTENCES
    texts += [t.replace(" ", "\u00a0 ").replace("'", "\u2019") for t in texts[:50]]
    for options in (TermOptions(), TermOptions(lowercase=False, punctuation=True,
                                               numbers=True, stopwords=False)):
        plain, ahead = load_lexicons(), load_lexicons()
        assert block_terms(texts, options, ahead) == \
            [sentence_terms(t, options, plain) for t in texts]
        assert block_terms(texts[::-1], options, ahead) == \
            [sentence_terms(t, options, plain) for t in texts[::-1]]
        # the chunk memo tokenises a sentence's first chunk after a space, as NLTK does
        # but for a sentence opening with two apostrophes (see tests/test_counts.py), and
        # keeps an abbreviation with inner stops at a sentence's end whole ("U.S.A.")
        assert [sentence_tokens(t, ahead)[0] for t in texts] == \
            [but_dotted(t, tokenize(" " + t)) for t in texts]
        assert any(but_dotted(t, tokenize(" " + t)) != tokenize(" " + t) for t in texts)


def _docstring_chunks() -> list[str]:
    import importlib
    import pkgutil
    import unicodedata

    docs = {}
    names = sorted(m.name for m in pkgutil.iter_modules() if m.name in {
        "argparse", "asyncio", "collections", "csv", "datetime", "decimal", "email",
        "functools", "inspect", "json", "logging", "pathlib", "pydoc", "re", "statistics",
        "string", "subprocess", "tarfile", "textwrap", "unittest", "urllib", "zipfile"})
    for name in names:
        module = importlib.import_module(name)
        for obj in [module, *vars(module).values()]:
            members = vars(obj).values() if isinstance(obj, type) else []
            for o in [obj, *members]:
                doc = getattr(o, "__doc__", None)
                if isinstance(doc, str):
                    docs[doc] = None
    return [c for doc in docs for c in unicodedata.normalize("NFC", doc).split()]


@pytest.mark.slow
def test_batches_tokenise_prose_as_one_chunk_at_a_time():
    chunks = _docstring_chunks()
    assert len(set(chunks)) > 8_000
    _check(chunks, 4)
    _check_final(chunks)
