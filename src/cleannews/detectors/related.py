"""Headings that announce related, recommended, popular or latest stories.

"Related Articles", "Popular posts from this blog", "Lesen Sie auch", "À lire aussi", "相关文章"...
are markers: what follows them is a list of other stories, so they open a ``related`` region.
Inline link labels such as ``Read more: <headline>`` are flagged as single lines.
"""

from __future__ import annotations

from typing import ClassVar

from ..kinds import Kind
from ..page import Page
from ..text.blocks import Block
from .marker_regions import RegionCheckedPhraseDetector
from .phrases import Phrase
from .registry import register_detector

# A [prefix] phrase is a label only when a separator follows it ("Read more: ...",
# "【関連記事】..."), not when it starts a sentence ("Read more about it in our report").
LABEL_SEPARATORS = frozenset(":|»›>-–—：】」』)")


@register_detector
class RelatedDetector(RegionCheckedPhraseDetector):
    name: ClassVar[str] = "related"
    kind: ClassVar[Kind] = Kind.RELATED
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.RELATED})
    languages: ClassVar[frozenset[str]] = frozenset(
        {"cs", "de", "en", "es", "fr", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru", "tr", "zh"}
    )

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        if phrase.section != "prefix":
            return True
        rest = block.key[len(phrase.text) :].lstrip()
        return bool(rest) and rest[0] in LABEL_SEPARATORS
