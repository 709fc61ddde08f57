"""Aggregator and counter widgets: coverage/bias/factuality boxes, "15 Articles" listing headers,
view/share counters, reading-time badges and rating prompts.

A count header like ``15 Articles`` is a marker whose region is ``related`` (``=> related`` in the
data): the widget line itself is a counter, what follows it is a listing of other stories.
"""

from __future__ import annotations

from typing import ClassVar

from ..kinds import Kind
from ..page import Page
from ..text.blocks import Block
from .ads import CTA_MAX_WORDS, PHRASE_GROUP
from .marker_regions import RegionCheckedPhraseDetector
from .phrases import Phrase
from .registry import register_detector


@register_detector
class WidgetsDetector(RegionCheckedPhraseDetector):
    name: ClassVar[str] = "widgets"
    kind: ClassVar[Kind] = Kind.WIDGET
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.WIDGET})
    languages: ClassVar[frozenset[str]] = frozenset(
        {"de", "en", "es", "fr", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru", "zh"}
    )
    scan_group = PHRASE_GROUP
    scan_group_words = CTA_MAX_WORDS

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        # "Reading time: 4 min" is a badge; "Reading time matters because..." is prose.
        if phrase.section != "prefix":
            return True
        rest = block.key[len(phrase.text) :].lstrip()
        return bool(rest) and (rest[0] in ":：|-–—" or rest[0].isdigit())
