"""Repeated lines: later copies of a repeated run of lines, and later repeats of the title.

Lines are compared by :attr:`Block.key`; only lines long enough to matter are considered, so
short legitimate repeats ("Photo", "Reuters") stay, and so do repeated prose paragraphs.

A single repeated line is no evidence by itself: articles repeat lines on purpose (a table of
contents entry and its section heading, a photo credit under every picture, command output in
a tutorial, running page headers in a paper). Boilerplate repeats come as *runs*: a menu,
teaser list or footer printed twice. So a later copy is flagged only inside a run of at least
``MIN_RUN`` lines repeating the lines around the original in order, and never for a refrain
(a line printed three or more times is a pattern of the document, not a copy of a widget).

The first line also counts as the title when it is shaped like a headline, alone or as
"Headline - Site Name" / "Headline | Site": a later bare "Headline" is a repeat. Linear: dicts.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress
from typing import Iterator

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from ..text.blocks import Block, normalise_key
from .base import Detector
from .registry import register_detector
from .title import looks_like_headline, metadata_title_block

KEYS_MEMO = "detectors.duplicates.keys"
MIN_WORDS = 4
MIN_CHARS = 25  # for scripts written without spaces
# A repeated sentence-length paragraph may be deliberate (a pull quote, a refrain, a repeated
# caption); boilerplate repeats are headline- or label-sized. Precision first: keep those.
MAX_PROSE_WORDS = 20
MAX_COPIES = 2  # a line printed more often is a refrain of the document (see module doc)
MIN_RUN = 3  # consecutive repeated lines: shorter repeats are too often deliberate
MIN_TITLE_PART_WORDS = 3
MIN_TITLE_PART_CHARS = 15  # for scripts written without spaces
LINE_SCORE = 0.75
TITLE_SCORE = 0.75
# "Headline - Site", "Headline | Site", "Site » Headline"...
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—·•»:]\s+|\s*[|｜]\s*|\s+::\s+")
# Code repeats on purpose (a request shown twice, a query built up step by step): a call
# ("AVG(entries)"), an assignment or statement end, braces, a SQL/Lua comment, a path.
_CODE = re.compile(r"[^\W\d]\(|[=;{}]|^--|/[^\W\d]\w*/")


@register_detector
class DuplicatesDetector(Detector):
    name = "duplicates"
    kinds = frozenset({Kind.DUPLICATE})

    def detect(self, page: Page) -> Iterator[Finding]:
        if not page.blocks:
            return
        blocks = page.blocks
        first = blocks[0]
        keys = block_keys(page)
        copies = Counter(keys)  # counted in C
        headline_key = _headline_key(first) if looks_like_headline(first) else None
        # A headline printed more than MAX_COPIES + 1 times is a refrain (filler), not a title.
        if headline_key is not None and copies[headline_key] > MAX_COPIES + 1:
            headline_key = None
        # Only lines that can be flagged are visited: a key printed twice (a refrain is left
        # alone, an empty key is never long enough) and, with a headline, its key and the
        # first line's. Most of the page is never visited.
        wanted = {key for key, n in copies.items() if 1 < n <= MAX_COPIES and key}
        if headline_key is not None:
            wanted.update((headline_key, first.key))
        # The first later copy of the headline is the article's own headline (the first line is
        # often the page <title>, which other evidence may remove): spare it, flag the rest.
        spared = False
        headline = metadata_title_block(page)  # HTML: the <h1> matching <title> is no repeat
        # Every occurrence of a wanted key is visited, so the first visit is its first line
        # (the repeat test, the only one that reads it, sees only keys printed twice).
        first_seen: dict[str, int] = {}
        for i in compress(range(len(keys)), map(wanted.__contains__, keys)):  # in C
            block = blocks[i]
            original = first_seen.setdefault(block.key, block.index)
            if i == 0 or block is headline:
                continue
            if block.key == headline_key and not spared:
                spared = True
            elif block.key == headline_key or (block.key == first.key and headline_key):
                yield self.finding(
                    block,
                    Kind.DUPLICATE,
                    TITLE_SCORE,
                    "duplicates.title",
                    f"repeats the headline of line {first.line}",
                )
            elif (
                original < block.index
                and copies[block.key] <= MAX_COPIES
                and _long_enough(block)
                and not _wrapped_prose(block)
                and _in_repeated_run(blocks, original, block.index)
                and not _CODE.search(block.text)
            ):
                yield self._repeat(block, blocks[original])

    def _repeat(self, block: Block, original: Block) -> Finding:
        return self.finding(
            block,
            Kind.DUPLICATE,
            LINE_SCORE,
            "duplicates.line",
            f"repeats line {original.line}",
        )


def block_keys(page: Page) -> list[str]:
    """The keys of ``page``'s blocks, in block order (memoised: comments tests its placeholder
    author names against them too)."""
    found = page.memo.get(KEYS_MEMO)
    if found is None:
        found = page.memo[KEYS_MEMO] = [block.key for block in page.blocks]
    return found


def _in_repeated_run(blocks: tuple[Block, ...], original: int, copy: int) -> bool:
    """The copy sits in a run of at least ``MIN_RUN`` lines that repeats the lines around the
    original in the same order (a menu or teaser list printed twice), made of label-sized
    lines rather than wrapped prose."""
    run = 1
    for step in (-1, 1):
        k = 1
        while run < MIN_RUN and _same_line(blocks, original + step * k, copy + step * k, copy):
            run += 1
            k += 1
    return run >= MIN_RUN


def _same_line(blocks: tuple[Block, ...], i: int, j: int, copy: int) -> bool:
    if not (0 <= i < len(blocks) and 0 <= j < len(blocks)) or i >= copy:
        return False
    a, b = blocks[i], blocks[j]
    return bool(a.key) and a.key == b.key and not _wrapped_prose(b)


def _wrapped_prose(block: Block) -> bool:
    """A line starting in lower case continues a hard-wrapped sentence."""
    return block.text[:1].islower()


def _long_enough(block: Block) -> bool:
    if block.terminal and block.words >= MAX_PROSE_WORDS:
        return False
    return bool(block.key) and (block.words >= MIN_WORDS or len(block.key) >= MIN_CHARS)


def _headline_key(first: Block) -> str | None:
    """The headline in the first line: the whole line, or the longest part of a
    "Headline - Site" line; ``None`` when too short to be told apart from a label."""
    parts = [normalise_key(p) for p in _TITLE_SEPARATORS.split(first.text)]
    best = max(parts, key=len)
    if len(best.split()) >= MIN_TITLE_PART_WORDS or len(best) >= MIN_TITLE_PART_CHARS:
        return best
    return None
