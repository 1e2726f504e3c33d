"""Bounded memos, streamed texts and the keyness terms (issue 15, memory at 10 million
words): each gives exactly what it replaced."""

from __future__ import annotations

import random
import shutil

import pandas as pd
import pytest

from discourse import cli, corpus, keywords, parallel, provenance
from discourse.keyness import group_counts
from discourse.lexicons import load_lexicons
from discourse.term_chunks import Generations
from discourse.terms import TermOptions, _state, block_terms, sentence_terms

from conftest import MULTI


def test_generations_keep_what_is_used_and_hold_at_most_two_generations():
    m = Generations(3)
    for i in range(10):
        m.keep(i, str(i))
        assert len(m) <= 3 and len(m.old) <= 3
    assert dict(m) == {9: "9"} and m.old == {6: "6", 7: "7", 8: "8"}
    assert m.find(0) is None and m.find(6) == "6" and m.find(42) is None
    assert dict(m) == {9: "9", 6: "6"}             # found in the old one: young again
    m = Generations(3)
    for i in range(10):
        m.keep(i, str(i))
        m.find(1)                                  # used every time: never dropped
    assert m.find(1) == "1" and m.find(2) is None


def test_keep_all_keeps_each_entry_as_keep_does():
    # the entries found in the old generation, kept together: all in the young
    # generation when they fit in one, one at a time (as keep) when they do not
    for size in (1, 3, 8):
        for n in (0, 1, 2, 3, 5, 9):
            m, one = Generations(size), Generations(size)
            for i in range(size + 1):
                m.keep(("x", i), i)
                one.keep(("x", i), i)
            entries = {("y", i): -i for i in range(n)}
            m.keep_all(entries)
            for k, v in entries.items():
                one.keep(k, v)
            assert len(m) <= size and len(m.old) <= size
            if n <= size:
                assert all(m.get(k) == v for k, v in entries.items())
                assert set(m.old) | set(m) >= set(one.old) | set(one)
            else:
                assert dict(m) == dict(one) and m.old == one.old


def _tiny(lexicons, options, size):
    """Every memo of ``lexicons`` made small (before first use)."""
    for name in ("chunks", "match_key", "surface"):
        lexicons.memo(name, lambda: Generations(size))
    match, drop = _state(options, load_lexicons())[:2]
    lexicons.memo("sentence_terms")[options] = (match, drop, Generations(size),
                                                Generations(size), Generations(size), {})
    return lexicons


@pytest.mark.parametrize("size", [1, 2, 7, 64])
def test_terms_with_tiny_memos_equal_the_terms_with_large_ones(multi_sentences, size):
    texts = list(multi_sentences.text)
    texts += [t.replace(" ", "\u00a0 ").replace("'", "\u2019") for t in texts[:40]]
    random.Random(size).shuffle(texts)
    for options in (TermOptions(), TermOptions(lowercase=False, punctuation=True,
                                               numbers=True, stopwords=False)):
        fresh = load_lexicons()
        tiny = _tiny(load_lexicons(), options, size)
        want = [sentence_terms(t, options, fresh) for t in texts]
        got = [x for b in range(0, len(texts), 50)
               for x in block_terms(texts[b:b + 50], options, tiny)]
        assert got == want
        assert [sentence_terms(t, options, tiny) for t in texts[::-1]] == want[::-1]
        assert len(tiny.memo("chunks")) <= size and len(tiny.memo("chunks").old) <= size


def test_stream_docs_gives_load_docs_rows_one_at_a_time():
    docs = corpus.load_docs(MULTI)
    table, rows = corpus.stream_docs(MULTI)
    assert list(table.columns) == [c for c in docs.columns if c != "text"]
    pd.testing.assert_frame_equal(table, docs.drop(columns="text"))
    assert provenance.of(table) == provenance.of(docs)
    streamed = list(rows)
    assert [r.text for r in streamed] == list(docs.text)
    assert [r.doc_id for r in streamed] == list(docs.doc_id)
    one = parallel.count_documents(docs, level="year")
    two = parallel.count_documents(table, level="year", rows=iter(streamed))
    assert (one.matrix != two.matrix).nnz == 0 and one.source == two.source
    with pytest.raises(ValueError, match="n_jobs=1"):
        parallel.count_documents(table, rows=iter(streamed), n_jobs=2)


def test_stream_docs_fails_early_on_a_changed_text(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(MULTI, root)
    meta = corpus.load_metadata(root)
    victim = root / meta.file.iloc[-1]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nA new line.\n",
                      encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match="checksum mismatch"):
        corpus.stream_docs(root)


# the command end to end, one process and two worker processes
@pytest.mark.slow
def test_keyness_cli_streams_the_same_table(tmp_path, monkeypatch):
    out = {}
    for jobs in ("1", "2"):
        path = tmp_path / f"k{jobs}.csv"
        if jobs == "2":         # the workers read the texts; this process reads none
            monkeypatch.setattr(corpus, "_read_text",
                                lambda path, sha256: pytest.fail(f"the parent read {path}"))
        assert cli.main(["keyness", "--corpus", str(MULTI), "--target", "2023",
                         "--reference", "rest", "--quiet", "--n-jobs", jobs,
                         "-o", str(path)]) == 0
        out[jobs] = path.read_bytes()
    monkeypatch.undo()
    assert out["1"] == out["2"]
    k = keywords.keyness(parallel.count_documents(corpus.load_docs(MULTI)), 2023, "rest")
    assert len(k) == out["1"].count(b"\n") - 1
    frequencies = k.assign(year=2023, count=1, total=1)[["year", "term", "count", "total"]]
    assert group_counts(frequencies)["terms"].dtype == object     # not a fixed width


@pytest.mark.slow
def test_paragraph_keys_tell_a_key_met_twice_as_a_set_of_the_keys_does():
    """The keys of the paragraphs met (term_tally.ParagraphKeys: a range per document and
    year while the paragraphs come in order) say what a set of every key would, in any
    order and with paragraph numbers that are not ints; and hold a range per document."""
    import random
    import tracemalloc

    from discourse.term_tally import ParagraphKeys

    rng = random.Random(7)
    for trial in range(200):
        keys, seen = ParagraphKeys(), set()
        for _ in range(rng.randrange(1, 60)):
            p = rng.choice([rng.randrange(0, 8), rng.randrange(0, 8), float(rng.randrange(4)),
                            "3", True])
            key = (rng.choice("de"), rng.choice([2020, 2021]), p)
            probe = (rng.choice("de"), 2020, rng.choice([1, 2.0, 2.5, "1"]))
            assert (probe in keys) == (probe in seen), (trial, probe)
            assert keys.add(key) == (key not in seen), (trial, key)
            seen.add(key)
    # 60 documents of 500 paragraphs, the bound a fifth of that for 300 such documents
    # (200,000 bytes, checked so until 2026-12-07 in five times the time, most of it
    # tracemalloc's): about 10 KB held; a set of the 30,000 keys about 5.8 MB and a list
    # of the paragraph numbers per document about 0.7 MB, as far over the bound as before
    keys = ParagraphKeys()
    tracemalloc.start()
    for doc in range(60):
        for p in range(1, 501):
            assert keys.add((f"doc{doc}", 2020 + doc % 5, p))
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert size < 40_000, size
    assert not keys.add(("doc7", 2022, 250)) and keys.add(("doc7", 2022, 501))
