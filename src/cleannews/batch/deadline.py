"""A time limit for cleaning one batch record.

The built-in detectors are linear in the input, but a third-party detector may loop forever or
stall on a pathological record; one such record must cost its own outcome, not the batch. The
limit is a real-time interval timer (``SIGALRM``) that raises :class:`RecordTimeoutError` inside
the cleaning call. Where that is not available (Windows, or a thread other than the main one)
records run without a limit, as they do when the calling program has armed its own timer. A
timer cannot interrupt a single long call into C code (a catastrophic regular expression in a
plug-in); the call fails as soon as it returns.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Any, Iterator

from ..errors import RecordTimeoutError


def can_limit() -> bool:
    """Whether :func:`time_limit` is enforced in this thread on this platform."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`RecordTimeoutError` in the body once ``seconds`` have passed.

    ``None`` or ``0`` (or a platform without interval timers) means no limit."""
    # An interval timer someone else armed stays theirs: run without a limit then.
    if not seconds or not can_limit() or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise RecordTimeoutError(f"record took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
