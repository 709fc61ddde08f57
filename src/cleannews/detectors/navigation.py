"""Site navigation: skip links, menus, breadcrumbs, login/search chrome.

Three kinds of evidence, each with its own reason code:

- ``navigation.line``: the whole line is a navigation phrase ("Skip to content", "Zum Inhalt
  springen", "Log in", "Menu"), from ``data/navigation/<lang>.txt``;
- ``navigation.breadcrumb``: a trail of short items joined by one separator
  ("Home > World > Africa", "News | Sport | Weather");
- ``navigation.menu-run``: a long run of consecutive one-to-three-word lines that are not
  sentences (a menu or section list). A run introduced by a line ending in a colon ("What
  you'll need:") or enclosed by prose on both sides is a list inside the article and is left
  alone.
"""

from __future__ import annotations

import re
from typing import Any, Iterator, Sequence

from ..kinds import Kind
from ..page import Page
from ..spans import Finding, Scope, _FindingBuilder
from ..text.blocks import Block
from ..text.features import BlockFeatures, page_features
from ..text.scan import blocks_containing
from .page_structure import page_article
from .phrase_detector import PhraseDetector
from .registry import register_detector

BREADCRUMB_SEPARATORS = (" > ", " › ", " » ", " / ", " | ", " · ", " • ")
BREADCRUMB_MIN_ITEMS = 3
BREADCRUMB_ITEM_MAX_WORDS = 4  # every item but the last (often the page title) is short
BREADCRUMB_LAST_MAX_WORDS = 15  # the last item may be the page title, not a paragraph
BREADCRUMB_SCORE = 0.75
MENU_ITEM_MAX_WORDS = 3
MENU_RUN_MIN_LINES = 6  # shorter runs are too often lists inside the article
MENU_RUN_SCORE = 0.65
MENU_RUN_LONG_LINES = 12  # ...and a run this long is almost surely a menu
MENU_RUN_LONG_SCORE = 0.75
# The separators' middle characters: one-character scans of the page (``str.find`` at memchr
# speed) find every line that may hold a separator.
_SEPARATOR_CHARS = tuple(dict.fromkeys(sep.strip() for sep in BREADCRUMB_SEPARATORS))
_ANY_SEPARATOR = re.compile("|".join(re.escape(s) for s in BREADCRUMB_SEPARATORS))
_LIST_INTRO = re.compile(r"[:：]\s*$")
_CODE_CHARS = frozenset('{}[]<>=;:"')
# Runs of at least ``MENU_RUN_MIN_LINES`` lines flagged 1 in a byte-per-line string.
_SHORT_RUN = re.compile(b"\x01{%d,}" % MENU_RUN_MIN_LINES)
_FINDING: Any = _FindingBuilder  # see page_structure's ``_FINDING``


@register_detector
class NavigationDetector(PhraseDetector):
    name = "navigation"
    kind = Kind.NAV
    kinds = frozenset({Kind.NAV})
    languages = frozenset("en de fr es it pt nl pl ru zh ja ko id".split())
    max_words = 6

    def detect(self, page: Page) -> Iterator[Finding]:
        # One list, handed over at once: a menu run's findings (dozens per page) are not
        # resumed through a generator one by one.
        found = list(super().detect(page))
        found += self._breadcrumbs(page)
        found += self._menu_runs(page)
        return iter(found)

    def _breadcrumbs(self, page: Page) -> list[Finding]:
        # Only lines holding a separator's character can be trails: a page-level scan.
        found = []
        for i in sorted(blocks_containing(page, _SEPARATOR_CHARS)):
            block = page.blocks[i]
            items = breadcrumb_items(block.text)
            if items:
                found.append(
                    self.finding(
                        block,
                        Kind.NAV,
                        BREADCRUMB_SCORE,
                        "navigation.breadcrumb",
                        f"breadcrumb trail of {items} items",
                    )
                )
        return found

    def _menu_runs(self, page: Page) -> list[Finding]:
        feats = page_features(page)
        blocks, name = page.blocks, self.name
        nav, reason = Kind.NAV, "navigation.menu-run"  # read once, not once per line
        # Filled in place, as page_structure builds its one finding per line (``_FINDING``).
        builder, finding, scope = _FINDING, Finding, Scope.BLOCK
        found: list[Finding] = []
        for first, last in menu_runs(feats, blocks):
            if _inside_article(page, feats, first, last):
                continue
            size = last - first + 1
            score = MENU_RUN_LONG_SCORE if size >= MENU_RUN_LONG_LINES else MENU_RUN_SCORE
            note = f"one of {size} consecutive short non-sentence lines (a menu)"
            for b in blocks[first : last + 1]:
                f = builder()
                f.start = b.start
                f.end = b.end
                f.kind = nav
                f.score = score
                f.detector = name
                f.reason = reason
                f.explanation = note
                f.scope = scope
                f.region_kind = None
                f.__class__ = finding
                found.append(f)
        return found


def breadcrumb_items(text: str) -> int:
    """Number of items when ``text`` is a breadcrumb trail, else 0.

    A table row (``| a | b |``) is not a trail, nor is a line whose items read as sentences."""
    if not _ANY_SEPARATOR.search(text):
        return 0
    for sep in BREADCRUMB_SEPARATORS:
        if text.count(sep) + 1 < BREADCRUMB_MIN_ITEMS:
            continue
        edge = sep.strip()
        if text.startswith(edge) or text.endswith(edge):
            continue
        items = [item.strip() for item in text.split(sep)]
        if len(items[-1].split()) > BREADCRUMB_LAST_MAX_WORDS:
            continue
        if all(_crumb(item) for item in items[:-1]) and items[-1][-1:] not in ".!?":
            return len(items)
    return 0


def _crumb(item: str) -> bool:
    return bool(item) and len(item.split()) <= BREADCRUMB_ITEM_MAX_WORDS and item[-1] not in ".!?"


def menu_runs(feats: Sequence[BlockFeatures], blocks: Sequence[Block]) -> Iterator[tuple[int, int]]:
    """(first, last) block indices of runs of at least ``MENU_RUN_MIN_LINES`` menu items.

    A menu item is a short label (at most ``MENU_ITEM_MAX_WORDS`` words, unterminated, with a
    letter); code ("Content-Length: 106", '"rel": "x",') and numbered section headings
    ("9. Bearer tokens") are the article's own material, not menu entries.

    Two steps, so that no line costs a Python call: the feature half of the test for every
    line as one byte per line, where a regex finds the runs long enough; then the text half
    for the lines of those runs only, as bytes again (it may split a run)."""
    short = bytes([f.words <= MENU_ITEM_MAX_WORDS and not f.terminal and f.letters for f in feats])
    code = _CODE_CHARS
    for run in _SHORT_RUN.finditer(short):
        lo, hi = run.span()
        items = bytes(
            [
                not (f.list_item and b.text[:1].isdigit()) and code.isdisjoint(b.text)
                for f, b in zip(feats[lo:hi], blocks[lo:hi], strict=True)
            ]
        )
        for part in _SHORT_RUN.finditer(items):
            yield lo + part.start(), lo + part.end() - 1


def _inside_article(page: Page, feats: Sequence[BlockFeatures], first: int, last: int) -> bool:
    """A list the article introduces ("You will need:"), that sentences enclose, or that lies
    inside the article cluster :mod:`~cleannews.detectors.page_structure` found."""
    if first > 0 and _LIST_INTRO.search(page.blocks[first - 1].text):
        return True
    before = first > 0 and feats[first - 1].sentence
    after = last + 1 < len(feats) and feats[last + 1].sentence
    article = page_article(page)
    inside = article is not None and article.first < first and last < article.last
    return (before and after) or inside
