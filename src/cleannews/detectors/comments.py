"""Comment widgets: their headings ("Comments", "3 Comments", "Leave a Reply", "Kommentare",
"评论", "12 Responses to <title>"...) open a ``comments`` region; widget texts ("No comments
yet", "Powered by Disqus", "Your email address will not be published") are flagged line by
line."""

from __future__ import annotations

from typing import ClassVar

from ..kinds import Kind
from ..page import Page
from ..text.blocks import Block
from .marker_regions import COMMENTS_MIN_PROSE_SHARE_BEFORE, RegionCheckedPhraseDetector
from .phrases import Phrase
from .registry import register_detector


@register_detector
class CommentsDetector(RegionCheckedPhraseDetector):
    name: ClassVar[str] = "comments"
    kind: ClassVar[Kind] = Kind.COMMENTS
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.COMMENTS})

    languages: ClassVar[frozenset[str]] = frozenset(
        {"cs", "de", "en", "es", "fr", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru", "tr", "zh"}
    )

    min_prose_share_before: ClassVar[float] = COMMENTS_MIN_PROSE_SHARE_BEFORE

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        # "Thoughts on the budget" may be the article's own subheading; "13 Thoughts on
        # <title>" is a thread heading: heading prefixes need the count in front.
        return phrase.section != "marker-prefix" or block.text[:1].isdigit()

    def checks_following(self, block: Block, phrase: Phrase) -> bool:
        # A comment thread is prose, so "Comments" may be followed by paragraphs; a bare count
        # ("11 Comments") is more often the counter under a byline, above the article, while
        # "12 Responses to <title>" only ever heads a thread.
        return block.text[:1].isdigit() and phrase.section != "marker-prefix"
