"""Aggregator and counter widgets: coverage/bias/factuality boxes, "15 Articles" listing headers,
view/share counters, reading-time badges and rating prompts.

A count header like ``15 Articles`` is a marker whose region is ``related`` (``=> related`` in the
data): the widget line itself is a counter, what follows it is a listing of other stories.

Video players leave their menus and dialogs in extracted text ("descriptions off, selected",
"This is a modal window. This modal can be closed by pressing the Escape key ..."): the
dialog texts are sentence-long, so [contains] phrases of three words or more also flag lines
up to a sentence long (as for ads and comments).
"""

from __future__ import annotations

from typing import ClassVar, Sequence

from ..kinds import Kind
from ..page import Page
from ..text.blocks import Block
from .ads import (
    CTA_MAX_WORDS,
    PHRASE_GROUP,
    contains_in_sentence,
    sentence_lines,
    sentence_long,
)
from .marker_regions import RegionCheckedPhraseDetector
from .phrase_detector import PhraseDetector, phrase_candidates
from .phrases import Phrase, PhraseTable
from .registry import register_detector

_phrase_match = PhraseDetector.match  # no ``super()`` proxy per line: match runs on every line


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

    def candidates(self, page: Page, table: PhraseTable) -> Sequence[Block]:
        if type(self).match is not WidgetsDetector.match:
            return page.blocks  # a subclass's own ``match``: every block
        group = self.group(table)
        # The sentence-long lines ``match`` tries ``contains_in_sentence`` on (below).
        extra = sentence_lines(page, table, self.max_words, group)
        return phrase_candidates(page, table, self.max_words, extra, group)

    def match(self, table: PhraseTable, block: Block) -> Phrase | None:
        found = _phrase_match(self, table, block)
        if found is None and sentence_long(block, self.max_words):
            found = contains_in_sentence(table, block)
        return found

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        # "Reading time: 4 min" is a badge; "Reading time matters because..." is prose.
        if phrase.section != "prefix":
            return True
        rest = block.key[len(phrase.text) :].lstrip()
        return bool(rest) and (rest[0] in ":：|-–—" or rest[0].isdigit())
