"""README.md: its Python example runs as written and gives what it says."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from conftest import REPO


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text(), re.S)


@pytest.mark.slow        # the real corpus coded and bootstrapped
def test_the_python_example_runs_and_its_tables_are_what_it_says(monkeypatch):
    blocks = _python_blocks()
    assert len(blocks) == 1
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("DISCOURSE_CORPUS", raising=False)
    scope: dict = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(blocks[0], "README.md", "exec"), scope)
    key, codes, shares, sentences = (scope[k] for k in ("key", "codes", "shares",
                                                        "sentences"))
    assert key.g2.is_monotonic_decreasing and "log_ratio" in printed.getvalue()
    assert len(codes) == len(sentences) and "evidence" in codes
    # a share is the year's share of sentences coded 1, inside its interval
    merged = sentences[["sentence_id", "year"]].merge(codes, on="sentence_id")
    for r in shares.itertuples():
        assert r.share == pytest.approx(merged.loc[merged.year == r.year, r.frame].mean())
        assert r.ci_low <= r.share <= r.ci_high
