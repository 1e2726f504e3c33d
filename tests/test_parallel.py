"""discourse.parallel: partitions of near-equal text, and the worker's counting (the
collector paused, NLTK's package __init__ not imported) equal to one process's; with a
docs table without texts, each worker reads its own documents and the parent none."""

from __future__ import annotations

import gc
import re
import shutil
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from discourse import corpus, counts as C, keywords, parallel, provenance
from discourse.corpus import CorpusError

from conftest import MULTI, REPO


def _same(got, whole):
    pd.testing.assert_frame_equal(got.rows, whole.rows)
    assert list(got.terms) == list(whole.terms)
    assert (got.matrix != whole.matrix).nnz == 0
    assert (got.presence != whole.presence).nnz == 0
    assert got.n_paragraphs.tolist() == whole.n_paragraphs.tolist()


def test_weighted_partitions_are_contiguous_and_balanced():
    assert parallel.partitions(4, 2, weights=[9, 1, 1, 1]) == [(0, 1), (1, 4)]
    assert parallel.partitions(4, 2, weights=[1, 1, 1, 9]) == [(0, 3), (3, 4)]
    assert parallel.partitions(6, 2, weights=[1] * 6) == parallel.partitions(6, 2)
    assert parallel.partitions(0, 2, weights=[]) == []
    with pytest.raises(ValueError, match="weights has 2 items"):
        parallel.partitions(3, 2, weights=[1, 2])
    rng = np.random.default_rng(0)
    for _ in range(3000):
        n, k = int(rng.integers(1, 15)), int(rng.integers(1, 7))
        w = rng.choice([0, 1, 2, 50, 1000], size=n)
        got = parallel.partitions(n, k, weights=w)
        assert got[0][0] == 0 and got[-1][1] == n and len(got) <= k
        assert all(a < b for a, b in got)
        assert all(got[i][1] == got[i + 1][0] for i in range(len(got) - 1))
        # each cut is nearest its share: no part exceeds a share by more than an item
        if w.sum():
            assert max(w[a:b].sum() for a, b in got) <= w.sum() / min(k, n) + w.max()


@pytest.mark.parametrize("n_parts", [2, 3, 5])
@pytest.mark.parametrize("level", ["paragraph", "year"])
def test_worker_counts_of_weighted_parts_combine_to_one_process(lexicons, level, n_parts):
    docs = corpus.load_docs(MULTI)
    whole = C.count_terms(corpus.iter_sentences(docs), level=level, lexicons=lexicons)
    enabled = gc.isenabled()
    parts = parallel.partitions(len(docs), n_parts, weights=docs["text"].str.len())
    got = C.combine(parallel._count_part(docs.iloc[a:b], whole.options, level, lexicons)
                    for a, b in parts)
    assert gc.isenabled() == enabled            # the collector left as it was found
    _same(got, whole)


@pytest.mark.slow            # a Python process of its own
def test_worker_count_does_not_import_nltk_whole():
    code = ("import sys; from discourse import corpus, parallel, terms; "
            "from discourse.lexicons import load_lexicons; "
            f"d = corpus.load_docs({str(MULTI)!r}); "
            "parallel._count_part(d.iloc[:2], terms.TermOptions(), 'year', load_lexicons()); "
            "print(sorted(m for m in ('nltk', 'sklearn', 'scipy.stats') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow        # starts worker processes
def test_worker_processes_on_unequal_documents_are_identical(lexicons):
    docs = corpus.load_docs(MULTI)
    # one long document first: the parts by text differ from the parts by count
    long = docs.iloc[0]["text"] + "\n" + "\n".join(docs["text"].iloc[1:])
    docs = docs.assign(text=[long] + list(docs["text"].iloc[1:]))
    assert parallel.partitions(len(docs), 2, weights=docs["text"].str.len()) \
        != parallel.partitions(len(docs), 2)
    for level in ("paragraph", "year"):
        one = parallel.count_documents(docs, level=level, lexicons=lexicons)
        two = parallel.count_documents(docs, level=level, lexicons=lexicons, n_jobs=2)
        _same(two, one)
    pd.testing.assert_frame_equal(keywords.keyness(one, 2023, "rest"),
                                  keywords.keyness(two, 2023, "rest"))


def _in_this_process(monkeypatch) -> dict:
    """``parallel._run`` replaced by one that runs the workers' tasks here, in order,
    recording them and the texts read (``corpus._read_text``) before and by them."""
    seen = {"tasks": None, "read_before": None, "read": []}
    read = corpus._read_text

    def reader(path, sha256):
        seen["read"].append(path)
        return read(path, sha256)

    def run(tasks, progress):
        seen["tasks"], seen["read_before"] = tasks, list(seen["read"])
        return [function(*arguments) for function, *arguments in tasks]

    monkeypatch.setattr(corpus, "_read_text", reader)
    monkeypatch.setattr(parallel, "_run", run)
    return seen


@pytest.mark.parametrize("level", ["paragraph", "year"])
def test_streamed_parts_are_read_by_their_workers_and_count_as_one_process(
        monkeypatch, lexicons, level):
    docs = corpus.load_docs(MULTI)
    whole = C.count_terms(corpus.iter_sentences(docs), level=level, lexicons=lexicons)
    table, _ = corpus.stream_docs(MULTI)
    seen = _in_this_process(monkeypatch)
    got = parallel.count_documents(table, level=level, lexicons=lexicons, n_jobs=2,
                                   corpus=MULTI)
    _same(got, whole)
    assert got.source == provenance.of(docs)
    assert seen["read_before"] == []                      # the parent read no text
    parts = [task[3] for task in seen["tasks"]]           # (function, root, layer, docs, ...)
    assert all("text" not in part.columns for part in parts)
    sizes = [(MULTI / f).stat().st_size for f in table.file]    # on disk, not loaded
    assert [(part.index[0], part.index[-1] + 1) for part in parts] \
        == parallel.partitions(len(table), 2, weights=sizes)
    assert seen["read"] == [MULTI / f for f in table.file]      # each text once, in order


def test_a_changed_text_raises_from_its_part_naming_the_file(monkeypatch, tmp_path, lexicons):
    root = tmp_path / "corpus"
    shutil.copytree(MULTI, root)
    table, _ = corpus.stream_docs(root)
    victim = root / table.file.iloc[-1]
    victim.write_bytes(victim.read_bytes() + b"\nA new line.\n")
    seen = _in_this_process(monkeypatch)
    with pytest.raises(CorpusError, match=f"^{re.escape(str(victim))}: checksum mismatch"):
        parallel.count_documents(table, lexicons=lexicons, n_jobs=2, corpus=root)
    assert seen["read_before"] == []
    with pytest.raises(ValueError, match="one layer, not"):
        parallel.count_documents(pd.concat([table, table.assign(layer="raw")]), n_jobs=2,
                                 corpus=root)
    with pytest.raises(ValueError, match="n_jobs=0 must be"):
        parallel.count_documents(table, n_jobs=0, corpus=root)


@pytest.mark.slow        # starts worker processes
def test_worker_processes_read_their_own_texts(tmp_path, lexicons):
    table, _ = corpus.stream_docs(MULTI)
    one = parallel.count_documents(corpus.load_docs(MULTI), level="paragraph",
                                   lexicons=lexicons)
    two = parallel.count_documents(table, level="paragraph", lexicons=lexicons, n_jobs=2,
                                   corpus=MULTI)
    _same(two, one)
    root = tmp_path / "corpus"          # a text changed after the table was made
    shutil.copytree(MULTI, root)
    table, _ = corpus.stream_docs(root)
    victim = root / table.file.iloc[-1]
    victim.write_bytes(victim.read_bytes() + b"\nA new line.\n")
    with pytest.raises(CorpusError, match=f"^{re.escape(str(victim))}: checksum mismatch"):
        parallel.count_documents(table, lexicons=lexicons, n_jobs=2, corpus=root)


def test_text_bytes_are_the_sizes_of_the_texts_files_or_the_lengths_of_the_texts(tmp_path,
                                                                                 three_corpus):
    from discourse import corpus

    meta = corpus.load_metadata(three_corpus)
    files = sum((three_corpus / f).stat().st_size for f in meta["file"])
    assert files > 0
    assert parallel.text_bytes(meta, three_corpus) == files
    assert parallel.text_bytes(meta.assign(file="texts/missing.txt"), three_corpus) == 0
    docs = pd.DataFrame({"text": ["één", "two"]})
    assert parallel.text_bytes(docs) == 6                 # characters of a text column


@pytest.mark.parametrize("n_bytes, cores, jobs", [
    (0, 2, 1), (parallel.AUTO_MIN_BYTES - 1, 8, 1), (parallel.AUTO_MIN_BYTES, 2, 2),
    (parallel.AUTO_MIN_BYTES, 1, 1), (10 ** 9, 3, 3),
    (10 ** 9, 64, parallel.AUTO_MAX_JOBS)])
def test_auto_jobs_is_one_below_the_threshold_and_one_per_core_to_the_cap(n_bytes, cores,
                                                                          jobs):
    assert parallel.auto_jobs(n_bytes, cores=cores) == jobs
