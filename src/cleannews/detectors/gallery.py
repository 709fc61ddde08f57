"""Photo-gallery slides: lines numbered "k/N" ("k von N", "k of N"...) through one gallery.

A gallery flattened to text prints each slide's counter before its caption ("1/50 United goin
down", "2/50 Star Wars boosts economy"...) or on a line of its own ("12 von 17"). A single
"9/11" or "24/7" is ordinary text and so is a recipe's "1/8 tsp, 3/8 cup"; a gallery counts
its slides one by one, so only runs of at least ``MIN_SLIDES`` counters with the same total N
and consecutive slide numbers are flagged (the counter line; in extracted text the slide's
caption shares it). Language-neutral apart from the small set of "of" words below.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from ..text.blocks import Block
from .base import Detector
from .registry import register_detector

MIN_SLIDES = 3  # consecutive counters of one gallery (1/50, 2/50, 3/50)
MIN_TOTAL = 3  # "k/2" pairs are too common in prose
SCORE = 0.8
# "k/N", "k / N", "k von N", "k of N", "k de N", "k di N", "k sur N", "k z N", "k из N",
# "k van N", "k dari N", "k av N"; an optional bullet first (extracted lists); the counter must
# end at a space or the line end.
_COUNTER = re.compile(
    r"(?:[-–•*]\s+)?(\d{1,3})(?:\s?/\s?|\s(?:von|of|de|di|sur|z|из|van|dari|av)\s)(\d{1,3})(?=\s|$)",
    re.IGNORECASE,
)


# The same counter at the start of a line after the first, for one scan over the whole page:
# the leading newline is a literal the regex engine searches for quickly, and the lookahead
# drops the lines that cannot start a counter (most) before the counter's groups are tried.
_LINE_COUNTER = re.compile("\n(?=[-–•*\\d])" + _COUNTER.pattern, re.IGNORECASE)


@register_detector
class GalleryDetector(Detector):
    name = "gallery"
    kinds = frozenset({Kind.WIDGET})

    def detect(self, page: Page) -> Iterator[Finding]:
        for block, total in gallery_slides(page):
            yield self.finding(
                block,
                Kind.WIDGET,
                SCORE,
                "gallery.slide",
                f"slide counter of a {total}-photo gallery",
            )


def gallery_slides(page: Page) -> list[tuple[Block, int]]:
    """The counter lines of galleries: same total, slide numbers counting up one by one."""
    runs: dict[int, list[tuple[int, Block]]] = {}  # total -> current run of (slide, block)
    found: list[tuple[Block, int]] = []
    for slide, total, block in _counters(page):
        run = runs.setdefault(total, [])
        if run and slide != run[-1][0] + 1:
            _flush(run, total, found)
            run.clear()
        run.append((slide, block))
    for total, run in runs.items():
        _flush(run, total, found)
    found.sort(key=lambda item: item[0].start)
    return found


def _counters(page: Page) -> Iterator[tuple[int, int, Block]]:
    """(slide, total, block) of every line starting with a counter, in page order: one regex
    scan over the page instead of a Python call per line."""
    source = page.source
    first = _COUNTER.match(source)  # the first line has no newline before it
    if first is not None:
        yield from _counter_line(page, first, 0)
    # The scan resumes where the first line's counter ended (as one scan over the page with a
    # newline prepended would); a match starts at the newline before its line.
    for match in _LINE_COUNTER.finditer(source, first.end() if first is not None else 0):
        yield from _counter_line(page, match, match.start() + 1)


def _counter_line(
    page: Page, match: re.Match[str], line_start: int
) -> Iterator[tuple[int, int, Block]]:
    """The (slide, total, block) of a counter found at ``line_start``, if it counts slides and
    the line's block starts there."""
    slide, total = int(match.group(1)), int(match.group(2))
    if not 1 <= slide <= total or total < MIN_TOTAL:
        return
    block = page.block_at(line_start)
    if block is not None and block.start == line_start:
        yield slide, total, block


def _flush(run: list[tuple[int, Block]], total: int, found: list[tuple[Block, int]]) -> None:
    if len(run) >= MIN_SLIDES:
        found.extend((block, total) for _, block in run)
