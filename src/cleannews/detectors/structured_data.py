"""Structured-data evidence: blocks found in the page's JSON-LD ``articleBody`` are content.

Keep evidence only (never a removal): the publisher's own statement of the article text is
strong but not blind trust, so a strong removal cue still wins over it.
"""

from __future__ import annotations

from typing import Iterator

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from .base import Detector
from .registry import register_detector

KEEP_SCORE = 0.7
MIN_WORDS = 4  # short lines ("Share", "12") occur in any body by chance


@register_detector
class StructuredDataDetector(Detector):
    name = "structured_data"
    kinds = frozenset({Kind.CONTENT})
    input_kinds = frozenset({"html"})

    def detect(self, page: Page) -> Iterator[Finding]:
        body = getattr(page.html, "article_body", None)
        if not body:
            return
        for block in page.blocks:
            if block.words >= MIN_WORDS and block.text in body:
                yield self.finding(
                    block,
                    Kind.CONTENT,
                    KEEP_SCORE,
                    "structured_data.article_body",
                    "found in the page's JSON-LD articleBody",
                )
