"""discourse.provenance: records of how each table was made."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from discourse import provenance
from discourse.preprocess import TermOptions


@provenance.tracked
def _made(table: pd.DataFrame, k: int = 2, *, path=None, n_jobs: int = 1) -> pd.DataFrame:
    return table.assign(k=k)


def test_describe_plain_values():
    assert provenance.describe({"a": np.int64(3), "b": (1, 2.5), "c": {2, 1}}) == \
        {"a": 3, "b": [1, 2.5], "c": [1, 2]}
    assert provenance.describe(Path("/somewhere/on/this/machine/x.csv")) == "x.csv"
    assert provenance.describe(float("nan")) is None
    assert provenance.describe(range(2, 5)) == [2, 5, 1]
    assert provenance.describe(TermOptions(stopwords=False))["stopwords"] is False


def test_tracked_records_parameters_inputs_and_corpus():
    base = provenance.attach(pd.DataFrame({"x": [1]}), "tests.base",
                             corpus={"directory": "c", "layer": "raw", "sha256": "ab"})
    out = _made(base, 5, path=Path("/tmp/y.yaml"), n_jobs=4)
    record = out.attrs["provenance"]
    assert record["function"].endswith("test_provenance._made")
    assert record["parameters"] == {"k": 5, "path": "y.yaml"}          # n_jobs left out
    assert record["inputs"] == {"table": {"function": "tests.base", "parameters": {},
                                          "inputs": {}}}
    assert record["corpus"] == {"directory": "c", "layer": "raw", "sha256": "ab"}
    assert "provenance" not in _made.__wrapped__(base).attrs.get("x", {})
    assert base.attrs["provenance"]["function"] == "tests.base"        # input unchanged


def test_corpus_signature_is_order_free():
    a = provenance.corpus_signature("x", {"a": "1", "b": "2"})
    b = provenance.corpus_signature("y", {"b": "2", "a": "1"})
    assert a["sha256"] == b["sha256"] and a["directory"] == "x"
    assert provenance.corpus_signature("x", {"a": "9"})["sha256"] != a["sha256"]
