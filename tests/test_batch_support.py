"""Test-only detectors for the batch tests, importable by spawned workers as
``test_batch_support:FailOnMarker`` (the tests directory is on ``sys.path``)."""

from __future__ import annotations

import gc
import os
import time
from typing import Iterator

from cleannews import Detector, Finding, Kind, Page

FAIL_MARKER = "BOOM-FAIL"
CRASH_MARKER = "BOOM-CRASH"
HANG_MARKER = "BOOM-HANG"


class FailOnMarker(Detector):
    """Raises on documents containing ``FAIL_MARKER``: a detector bug on one record."""

    name = "test_fail_on_marker"
    kinds = frozenset({Kind.AD})

    def detect(self, page: Page) -> Iterator[Finding]:
        if FAIL_MARKER in page.source:
            raise ValueError("injected failure")
        return iter(())


class CrashOnMarker(Detector):
    """Kills its process on documents containing ``CRASH_MARKER`` (a segfault stand-in)."""

    name = "test_crash_on_marker"
    kinds = frozenset({Kind.AD})

    def detect(self, page: Page) -> Iterator[Finding]:
        if CRASH_MARKER in page.source:
            os._exit(3)
        return iter(())


class HangOnMarker(Detector):
    """Never returns on documents containing ``HANG_MARKER`` (a plug-in stuck in a loop)."""

    name = "test_hang_on_marker"
    kinds = frozenset({Kind.AD})

    def detect(self, page: Page) -> Iterator[Finding]:
        while HANG_MARKER in page.source:
            time.sleep(0.01)
        return iter(())


def article(n: int, extra: str = "") -> str:
    """A small plain-text article, distinct per ``n``."""
    body = " ".join(f"Paragraph {n} sentence {i} tells the story in plain words." for i in range(6))
    return f"Headline number {n}\n{body}\n{extra}".strip() + "\n"


class FlagBuyNow(Detector):
    """Flags every line starting with "Buy now" as an ad (reason ``test.buy-now``)."""

    name = "test_flag_buy_now"
    kinds = frozenset({Kind.AD})

    def detect(self, page: Page) -> Iterator[Finding]:
        for block in page.blocks:
            if block.text.startswith("Buy now"):
                yield self.finding(block, Kind.AD, 0.9, "test.buy-now", "a test ad line")


def freeze_counts(chunk: list[int]) -> list[int]:
    """A chunk function reporting, per item, how many objects the garbage collector of the
    process running it has frozen."""
    return [gc.get_freeze_count() for _ in chunk]
