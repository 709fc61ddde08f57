"""Mark the headline (keep evidence of kind ``TITLE``).

Text mode: the first line, when it reads like a headline: short, not a sentence-length
paragraph, not a known boilerplate phrase (leading boilerplate lines are skipped). With a page
title in ``page.metadata["title"]`` (HTML mode, or a caller that knows it) the line matching it
best is marked instead. The score is modest so that strong removal evidence still wins.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice
from typing import Iterator

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from ..text.blocks import Block, normalise_key
from .base import Detector
from .phrases import load_table
from .registry import register_detector

TITLE_SCORE = 0.6
# An <h1> repeating the page's <title> is the headline for sure: it outweighs generic structural
# evidence ("before the article body" = nav, 0.7) but not specific phrase evidence (>= 0.85).
H1_TITLE_SCORE = 0.8
MAX_WORDS = 30
MAX_CHARS = 250
MAX_SENTENCE_WORDS = 20  # a line ending like a sentence with more words is prose, not a headline
MIN_LETTERS = 2
MAX_LEADING_BOILERPLATE = 3  # boilerplate lines skipped before the headline
MAX_METADATA_SCAN = 2000  # blocks searched for the metadata title
H1_BONUS = 0.5  # added to an <h1>'s overlap: it wins over an exact breadcrumb copy
MIN_METADATA_OVERLAP = 0.6  # shared words / words of the longer of title and block
# Phrase tables whose whole-line phrases cannot be a headline.
BOILERPLATE_TABLES = ("ads", "footer", "navigation", "comments", "related", "widgets")
_WORD = re.compile(r"\w+")
_URLISH = re.compile(r"^(?:https?://|www\.)|[{}<>]|&\w+=")


@register_detector
class TitleDetector(Detector):
    name = "title"
    kinds = frozenset({Kind.TITLE})

    def detect(self, page: Page) -> Iterator[Finding]:
        if _metadata_title(page):  # a known title: find it, do not guess from the first line
            block = metadata_title_block(page)
            if block is not None:
                score = H1_TITLE_SCORE if _is_h1(page, block) else TITLE_SCORE
                yield self.finding(block, Kind.TITLE, score, "title.metadata", "matches the title")
            return
        block = first_headline(page.blocks)
        if block is not None:
            yield self.finding(
                block,
                Kind.TITLE,
                TITLE_SCORE,
                "title.first-line",
                "first line, shaped like a headline",
            )


def metadata_title_block(page: Page) -> Block | None:
    """The block matching ``page.metadata["title"]``, if there is such a title and block."""
    wanted = _metadata_title(page)
    return best_match(page, wanted) if wanted else None


def _metadata_title(page: Page) -> str | None:
    wanted = page.metadata.get("title")
    return wanted if isinstance(wanted, str) and wanted.strip() else None


def first_headline(blocks: tuple[Block, ...] | list[Block]) -> Block | None:
    """The first non-boilerplate line, if it looks like a headline."""
    for block in blocks[: MAX_LEADING_BOILERPLATE + 1]:
        if not is_boilerplate(block):
            return block if looks_like_headline(block) else None
    return None


def looks_like_headline(block: Block) -> bool:
    return (
        _has_letters(block.text, MIN_LETTERS)
        and block.words <= MAX_WORDS
        and len(block.text) <= MAX_CHARS
        and not (block.terminal and block.words > MAX_SENTENCE_WORDS)
        and not _URLISH.search(block.text)
    )


def _has_letters(text: str, count: int) -> bool:
    """At least ``count`` letters in ``text``: the scan (in C) stops at the ``count``-th
    instead of counting every character of the line."""
    if count <= 0:
        return True
    return next(islice(filter(str.isalpha, text), count - 1, None), None) is not None


def is_boilerplate(block: Block) -> bool:
    return block.key in _boilerplate_keys()


@cache
def _boilerplate_keys() -> frozenset[str]:
    """The whole-line keys of the :data:`BOILERPLATE_TABLES` (loaded once): one lookup per
    line instead of one per table."""
    return frozenset(
        key for name in BOILERPLATE_TABLES for key in load_table("cleannews.detectors", name).whole
    )


def best_match(page: Page, title: str) -> Block | None:
    """The block matching ``title`` best by word overlap; in HTML an ``<h1>`` is preferred
    (the page title often reappears in breadcrumbs or teasers, the headline is the h1)."""
    wanted = set(_WORD.findall(normalise_key(title)))
    if not wanted:
        return None
    best: Block | None = None
    best_score = MIN_METADATA_OVERLAP
    for block in page.blocks[:MAX_METADATA_SCAN]:
        if block.words > MAX_WORDS:
            continue
        words = set(_WORD.findall(block.key))
        if not words:
            continue
        # Overlap relative to the larger side: "Headline" matches "Headline | Site", but a
        # one-word block inside a long title does not.
        score = len(words & wanted) / max(len(wanted), len(words))
        if score >= MIN_METADATA_OVERLAP and _is_h1(page, block):
            score += H1_BONUS
        if score > best_score:
            best, best_score = block, score
    return best


def _is_h1(page: Page, block: Block) -> bool:
    view = page.html
    nodes = getattr(view, "block_nodes", None)
    tags = getattr(view, "tags", None)
    if not nodes or not tags or block.index >= len(nodes):
        return False
    return tags[nodes[block.index]] == "h1"
