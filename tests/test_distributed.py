"""discourse.distributed: segmentation, frame coding and term counts on a Dask
LocalCluster started here equal the single-process results, on the multi-year fixture
and on a larger corpus recombined from the real paragraphs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import corpus, distributed, framing, parallel

from conftest import MULTI, write_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def recombined(tmp_path_factory):
    """30 documents in three years, each of 12 paragraphs drawn (seeded) from the
    project corpus's paragraphs."""
    paras = corpus.paragraphs(corpus.load_docs())
    body = paras[paras.role != "title"]["text"].tolist()
    rng = np.random.default_rng(7)
    texts = {f"doc{i:02d}": f"Document {i}\n\n" + "\n\n".join(
        body[j] for j in rng.integers(0, len(body), size=12)) + "\n" for i in range(30)}
    years = {name: 2031 + i % 3 for i, name in enumerate(texts)}
    return write_corpus(tmp_path_factory.mktemp("recombined"), texts, years=years)


@pytest.mark.parametrize("which", ["fixture", "recombined"])
def test_dask_results_equal_single_process(client, recombined, which):
    docs = corpus.load_docs(MULTI if which == "fixture" else recombined)
    sentences = corpus.segment(docs)
    got = distributed.segment(docs, client, npartitions=3)
    pd.testing.assert_frame_equal(got, sentences)
    codes = distributed.code_frames(docs, client, npartitions=3)
    pd.testing.assert_frame_equal(codes, framing.code_sentences(sentences))
    for level in ("paragraph", "year"):
        one = parallel.count_documents(docs, level=level)
        dask = distributed.count_terms(docs, client, level=level)
        pd.testing.assert_frame_equal(dask.rows, one.rows)
        assert list(dask.terms) == list(one.terms)
        assert (dask.matrix != one.matrix).nnz == 0
        assert (dask.presence != one.presence).nnz == 0
    assert distributed.default_partitions(client, 100) == 4
    with pytest.raises(ValueError, match="npartitions=0"):
        distributed.segment(docs, client, npartitions=0)


def test_each_call_scatters_under_keys_of_its_own(client, monkeypatch):
    """A fresh-clone run failed with "lost dependencies": segment and then code_frames on
    the same docs scattered the same partitions under the same hashed keys, and the
    second call asked for data the first one's release was removing. Each call's keys
    are now its own."""
    docs = corpus.load_docs(MULTI)
    keys, scatter = [], client.scatter

    def recording(data, **kwargs):
        futures = scatter(data, **kwargs)
        keys.append({f.key for f in futures})
        return futures

    monkeypatch.setattr(client, "scatter", recording)
    for _ in range(3):
        distributed.segment(docs, client, npartitions=3)
        distributed.code_frames(docs, client, npartitions=3)
    assert len(keys) == 6 and all(len(k) == 3 for k in keys)
    assert len(set().union(*keys)) == 18
