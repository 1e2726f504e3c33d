"""discourse.keyness_groups: the sparse counts per group are the dense ones."""

from __future__ import annotations

import numpy as np
import pytest

from discourse import counts
from discourse.keyness_groups import group_counts, sparse_group_counts, sum_rows


def _sentences():
    import pandas as pd

    rows = []
    texts = {2031: ["Trade grows.", "Security matters here."],
             2032: ["Trade and security.", "Tourism grows fast."],
             2033: ["Security again.", "Trade trade trade."]}
    for y, ts in texts.items():
        for i, t in enumerate(ts):
            rows.append({"sentence_id": f"d{y}.p{i}.s1", "doc_id": f"d{y}", "year": y,
                         "paragraph": i, "text": t})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("by", ["year", "doc_id"])
def test_sparse_counts_are_the_dense_counts(by):
    tc = counts.count_terms(_sentences())
    dense, sparse_ = group_counts(tc, by), sparse_group_counts(tc, by)
    assert list(dense["terms"]) == list(sparse_["terms"]) and dense["groups"] == sparse_["groups"]
    for key in ("matrix", "presence"):
        assert np.array_equal(sparse_[key].toarray().astype(float), dense[key])
        assert dense[key].dtype == float
    assert dense["matrix"].sum() == tc.matrix.sum()


def test_sum_rows_is_numpys_sum_of_the_rows():
    from scipy import sparse

    rng = np.random.default_rng(7)
    m = rng.integers(0, 4, size=(9, 30)) * (rng.random((9, 30)) < 0.3)
    for rows in ([0], [3, 1, 8], list(range(9))):
        got = sum_rows(sparse.csr_matrix(m), rows)
        assert got.dtype == float and np.array_equal(got, m[rows].sum(axis=0))
