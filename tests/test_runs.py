"""close_runs: ascending line indices grouped into runs of nearby lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleannews.text.runs import close_runs


@pytest.mark.parametrize(
    ("indices", "max_gap", "expected"),
    [
        ([], 3, []),
        ([5], 3, [[5]]),
        ([1, 3, 6, 10, 12], 3, [[1, 3, 6], [10, 12]]),
        ([1, 3, 6, 10, 12], 2, [[1, 3], [6], [10, 12]]),
        ([0, 4, 8], 4, [[0, 4, 8]]),
        ([0, 5, 10], 4, [[0], [5], [10]]),
    ],
)
def test_runs_break_where_the_gap_is_too_wide(
    indices: list[int], max_gap: int, expected: list[list[int]]
) -> None:
    assert list(close_runs(indices, max_gap)) == expected


@given(st.sets(st.integers(0, 500)).map(sorted), st.integers(1, 10))
def test_runs_partition_the_indices(indices: list[int], max_gap: int) -> None:
    runs = list(close_runs(indices, max_gap))
    assert [i for run in runs for i in run] == indices
    assert all(b - a <= max_gap for run in runs for a, b in zip(run, run[1:], strict=False))
    assert all(b[0] - a[-1] > max_gap for a, b in zip(runs, runs[1:], strict=False))
