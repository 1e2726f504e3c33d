"""discourse.checks: the shared checks of arguments (integers, workers, dates)."""

from __future__ import annotations

import numpy as np
import pytest

from discourse.checks import check_n_jobs, check_positive_int


@pytest.mark.parametrize("value", [1, 7, np.int64(3), np.uint8(1)])
def test_positive_integers_of_any_integral_type_pass(value):
    check_positive_int("n_boot", value)
    check_n_jobs("n_jobs", value)


@pytest.mark.parametrize("value", [0, -1, True, 1.0, "2", None])
def test_other_values_are_not_positive_integers(value):
    with pytest.raises(ValueError, match=r"^n_boot=.* must be a positive integer$"):
        check_positive_int("n_boot", value)


def test_workers_take_minus_one_for_every_core():
    check_n_jobs("n_jobs", -1)
    for value in (0, -2, False, 2.0):
        with pytest.raises(ValueError, match=r"must be a positive integer or -1 \(one per core\)"):
            check_n_jobs("n_jobs", value)
