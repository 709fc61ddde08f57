"""Markers that only open a region where one is plausible.

A heading such as "Related" or "Most read" also appears in menus above the article and in
link boxes inside it. A region opened there would swallow the article, and in plain text the
resolver only sees it resume after a run of long paragraphs. So a marker opens a region only
when most of the page's prose precedes it (:data:`MIN_PROSE_SHARE_BEFORE`; comment threads,
which are prose themselves, need less) and (for listing
headings) the article does not carry on right after it (an inline "Related" link box);
otherwise it is flagged as a single line. Prose of teaser listings and of other stories
appended under the article (see :mod:`.teasers`) does not count: it is not the article's.
"""

from __future__ import annotations

import dataclasses
from itertools import accumulate, compress
from operator import attrgetter
from typing import ClassVar, Iterator

from ..page import Page
from ..spans import Finding, Scope
from ..text.blocks import Block
from ..text.features import page_features
from .phrase_detector import PhraseDetector
from .phrases import Phrase
from .teasers import listing_blocks

MEMO_KEY = "detectors.marker_regions"
MIN_PROSE_SHARE_BEFORE = 0.5  # listing headings come after most of the article's prose...
COMMENTS_MIN_PROSE_SHARE_BEFORE = 0.15  # ...a comment thread can be longer than the article
FOLLOW_WINDOW = 8  # blocks after a listing heading that are checked for article paragraphs...
FOLLOW_MAX_PROSE = 1  # ...of which at most this many may be prose
_PROSE = attrgetter("prose")


class RegionCheckedPhraseDetector(PhraseDetector):
    """A :class:`PhraseDetector` whose markers are confined to one line when misplaced."""

    min_prose_share_before: ClassVar[float] = MIN_PROSE_SHARE_BEFORE

    def checks_following(self, block: Block, phrase: Phrase) -> bool:
        """Whether the article carrying on right after this marker confines it (listing
        headings are followed by short items; subclasses whose regions hold prose say no)."""
        return True

    def detect(self, page: Page) -> Iterator[Finding]:
        table = self.table
        preferred = page.languages
        for block in self.candidates(page, table):
            phrase = self.match(table, block)
            if phrase is None or not self.accept(page, block, phrase):
                continue
            finding = self.phrase_finding(block, phrase, preferred)
            # Only a marker's region is checked (most findings flag their line only).
            if finding.scope is Scope.REGION and not self._plausible(page, block, phrase):
                finding = confined(finding)
            yield finding

    def _plausible(self, page: Page, block: Block, phrase: Phrase) -> bool:
        following = self.checks_following(block, phrase)
        return region_plausible(page, block.index, self.min_prose_share_before, following)


def region_plausible(
    page: Page,
    index: int,
    min_share_before: float = MIN_PROSE_SHARE_BEFORE,
    check_following: bool = True,
) -> bool:
    """Enough of the article's prose precedes block ``index`` for a region to start there
    (and, with ``check_following``, the article does not go on right after it)."""
    cumulative = _prose_prefix(page)
    total = cumulative[-1]
    if total and cumulative[index] < min_share_before * total:
        return False
    if not check_following:
        return True
    window = range(index + 1, min(index + 1 + FOLLOW_WINDOW, len(page.blocks)))
    return sum(1 for k in window if cumulative[k + 1] > cumulative[k]) <= FOLLOW_MAX_PROSE


def confined(finding: Finding) -> Finding:
    note = "; most of the page's prose follows, so it flags this line only"
    return dataclasses.replace(
        finding, scope=Scope.BLOCK, region_kind=None, explanation=finding.explanation + note
    )


def _prose_prefix(page: Page) -> list[int]:
    """``out[i]`` = prose words in blocks before ``i`` (``out[-1]`` = all of them)."""
    found = page.memo.get(MEMO_KEY)
    if found is None:
        feats = page_features(page)
        # The prose blocks' words: a Python step per prose block only (the prose flags are
        # read in C), then listing blocks (mostly none) back to zero.
        weights = [0] * len(feats)
        for i in compress(range(len(feats)), map(_PROSE, feats)):
            weights[i] = feats[i].words
        for i in listing_blocks(page):
            weights[i] = 0
        found = [0, *accumulate(weights)]
        page.memo[MEMO_KEY] = found
    return found
