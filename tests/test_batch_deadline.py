"""The per-record time limit of batch runs."""

from __future__ import annotations

import signal
import time

import pytest

from cleannews.batch.deadline import can_limit, time_limit
from cleannews.errors import CleanNewsError, RecordTimeoutError

pytestmark = pytest.mark.skipif(not can_limit(), reason="no interval timers here")


def spin(seconds: float) -> None:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        pass


def test_a_body_past_the_limit_raises_a_typed_error() -> None:
    with pytest.raises(RecordTimeoutError, match="longer than 0.05 s") as caught:
        with time_limit(0.05):
            spin(2)
    assert isinstance(caught.value, CleanNewsError)


def test_a_body_within_the_limit_runs_and_leaves_no_timer_behind() -> None:
    previous = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        spin(0.01)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is previous


@pytest.mark.parametrize("seconds", [None, 0])
def test_no_limit_means_none(seconds: float | None) -> None:
    with time_limit(seconds):
        spin(0.05)


def test_a_timer_armed_by_the_caller_is_left_alone() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    try:
        with time_limit(0.01):
            spin(0.05)  # our limit is off: the caller's timer owns SIGALRM
        spin(0.3)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert fired == [signal.SIGALRM]
