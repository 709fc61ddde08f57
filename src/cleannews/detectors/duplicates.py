"""Repeated lines: the later copies of a line, and later repeats of the title.

Lines are compared by :attr:`Block.key`; only lines long enough to matter are considered, so
short legitimate repeats ("Photo", "Reuters") stay, and so do repeated prose paragraphs. The
first line also counts as the title when it reads "Headline - Site Name" / "Headline | Site":
a later bare "Headline" is a repeat. One pass with a dict: linear in the number of lines.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from ..text.blocks import Block, normalise_key
from .base import Detector
from .registry import register_detector
from .title import metadata_title_block

MIN_WORDS = 4
MIN_CHARS = 25  # for scripts written without spaces
# A repeated sentence-length paragraph may be deliberate (a pull quote, a refrain, a repeated
# caption); boilerplate repeats are headline- or label-sized. Precision first: keep those.
MAX_PROSE_WORDS = 20
MIN_TITLE_PART_WORDS = 3
MIN_TITLE_PART_CHARS = 15  # for scripts written without spaces
LINE_SCORE = 0.75
TITLE_SCORE = 0.75
# "Headline - Site", "Headline | Site", "Site » Headline"...
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—·•»:]\s+|\s*[|｜]\s*|\s+::\s+")


@register_detector
class DuplicatesDetector(Detector):
    name = "duplicates"
    kinds = frozenset({Kind.DUPLICATE})

    def detect(self, page: Page) -> Iterator[Finding]:
        if not page.blocks:
            return
        first = page.blocks[0]
        seen: dict[str, Block] = {first.key: first}
        title_keys = _title_keys(first)
        headline = metadata_title_block(page)  # HTML: the <h1> matching <title> is no repeat
        for block in page.blocks[1:]:
            if block is headline:
                continue
            if block.key in title_keys:
                yield self.finding(
                    block,
                    Kind.DUPLICATE,
                    TITLE_SCORE,
                    "duplicates.title",
                    f"repeats the headline part of line {first.line}",
                )
            elif block.key in seen and _long_enough(block):
                yield self._repeat(block, seen[block.key])
            else:
                seen.setdefault(block.key, block)

    def _repeat(self, block: Block, original: Block) -> Finding:
        return self.finding(
            block,
            Kind.DUPLICATE,
            LINE_SCORE,
            "duplicates.line",
            f"repeats line {original.line}",
        )


def _long_enough(block: Block) -> bool:
    if block.terminal and block.words >= MAX_PROSE_WORDS:
        return False
    return bool(block.key) and (block.words >= MIN_WORDS or len(block.key) >= MIN_CHARS)


def _title_keys(first: Block) -> set[str]:
    """Keys a later line may repeat the title with: the whole first line and the parts of a
    "Headline - Site" line that are long enough to be a headline."""
    parts = set()
    for part in (first.text, *_TITLE_SEPARATORS.split(first.text)):
        key = normalise_key(part)
        if len(key.split()) >= MIN_TITLE_PART_WORDS or len(key) >= MIN_TITLE_PART_CHARS:
            parts.add(key)
    return parts
