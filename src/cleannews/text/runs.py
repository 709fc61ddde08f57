"""Runs of nearby lines: listings (teaser pairs, "read more" units) repeat a unit every few
lines, so detectors group the line indices where a unit was seen into runs and judge each."""

from __future__ import annotations

from typing import Iterable, Iterator


def close_runs(indices: Iterable[int], max_gap: int) -> Iterator[list[int]]:
    """The ascending ``indices`` split into runs, each index at most ``max_gap`` after the
    one before it in its run (none are yielded empty)."""
    run: list[int] = []
    for i in indices:
        if run and i - run[-1] > max_gap:
            yield run
            run = []
        run.append(i)
    if run:
        yield run
