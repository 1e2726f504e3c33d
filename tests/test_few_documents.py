"""discourse.few_documents: the within-document floor of a stratum of few documents."""

from __future__ import annotations

import numpy as np
import pytest

from discourse.few_documents import BLOCKS, several_documents, widen_to_within


def test_several_documents_names_the_strata_with_two_or_more():
    assert several_documents([2021, 2022, 2022, 2023, 2023],
                             ["a", "b", "c", "d", "d"]) == {2022}
    assert several_documents(["x"], ["only"]) == set()


def test_union_statistic_by_statistic_with_labels():
    """Lower end the smaller, upper end the larger; the label grows only where the floor
    reaches beyond the reported interval (as discourse.bootstrap.no_narrower)."""
    low, high, labels = widen_to_within([0.20, 0.10, 0.30], [0.21, 0.90, 0.50],
                                        [0.05, 0.20, 0.25], [0.40, 0.80, 0.45],
                                        ["docs", "docs", "docs"], name=BLOCKS)
    assert low.tolist() == [0.05, 0.10, 0.25] and high.tolist() == [0.40, 0.90, 0.50]
    suffix = (", widened to the blocks-of-units-within-documents interval where narrower "
              "(a year with few documents)")
    assert labels == ["docs" + suffix, "docs", "docs" + suffix]
    assert (low <= np.array([0.20, 0.10, 0.30])).all()
    with pytest.raises(ValueError):                  # one floor per statistic
        widen_to_within([0.1, 0.2], [0.3, 0.4], [0.1], [0.3], "docs")
