"""Comment widgets: their headings ("Comments", "3 Comments", "Leave a Reply", "Kommentare",
"评论", "12 Responses to <title>"...) open a ``comments`` region; widget texts ("No comments
yet", "Powered by Disqus", "Your email address will not be published") are flagged line by
line, sentence-long moderation notices too.

Threads extracted without their heading are recognised by their author lines: a placeholder
author ("Anonymous", "Anonym", "匿名"...) on a line of its own, repeated in the page's tail,
opens the region like a heading would. A real name cannot be told from an interview's speaker
label, so only placeholder names count.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar, Iterator

from ..kinds import Kind
from ..page import Page
from ..spans import Finding, Scope
from ..text.blocks import Block
from .ads import contains_in_sentence
from .marker_regions import COMMENTS_MIN_PROSE_SHARE_BEFORE, RegionCheckedPhraseDetector, region_plausible
from .phrases import Phrase, PhraseTable
from .registry import register_detector

# Placeholder names comment systems print for readers who gave none.
ANONYMOUS_AUTHORS = frozenset(
    {
        "anonymous", "anonymous user", "guest", "anonym", "anonymer nutzer", "gast",
        "anonyme", "invité", "anónimo", "anonimo", "anônimo", "anoniem", "anonim", "gość",
        "аноним", "анонимно", "гость", "匿名", "匿名用户", "匿名用戶", "訪客", "访客", "名無し",
        "名無しさん", "익명", "anonymní",
    }
)
MIN_AUTHOR_REPEATS = 2  # one "Anonymous" line may be an article's attribution; a thread repeats it
AUTHOR_SCORE = 0.8


@register_detector
class CommentsDetector(RegionCheckedPhraseDetector):
    name: ClassVar[str] = "comments"
    kind: ClassVar[Kind] = Kind.COMMENTS
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.COMMENTS})

    languages: ClassVar[frozenset[str]] = frozenset(
        {"cs", "de", "en", "es", "fr", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru", "tr", "zh"}
    )

    min_prose_share_before: ClassVar[float] = COMMENTS_MIN_PROSE_SHARE_BEFORE

    def detect(self, page: Page) -> Iterator[Finding]:
        flagged = set()
        for finding in super().detect(page):
            flagged.add(finding.start)
            yield finding
        for block in _anonymous_authors(page):
            if block.start not in flagged:
                yield self._author_finding(page, block)

    def match(self, table: PhraseTable, block: Block) -> Phrase | None:
        found = super().match(table, block)
        if found is None and block.words > self.max_words:
            found = contains_in_sentence(table, block)
        return found

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        # "Thoughts on the budget" may be the article's own subheading; "13 Thoughts on
        # <title>" is a thread heading: heading prefixes need the count in front.
        return phrase.section != "marker-prefix" or block.text[:1].isdigit()

    def checks_following(self, block: Block, phrase: Phrase) -> bool:
        # A comment thread is prose, so "Comments" may be followed by paragraphs; a bare count
        # ("11 Comments") is more often the counter under a byline, above the article, while
        # "12 Responses to <title>" only ever heads a thread.
        return block.text[:1].isdigit() and phrase.section != "marker-prefix"

    def _author_finding(self, page: Page, block: Block) -> Finding:
        plausible = region_plausible(page, block.index, self.min_prose_share_before, False)
        return self.finding(
            block,
            Kind.COMMENTS,
            AUTHOR_SCORE,
            reason="comments.anonymous-author",
            explanation=f"placeholder comment author {block.text!r}, repeated on the page",
            scope=Scope.REGION if plausible else Scope.BLOCK,
            region_kind=Kind.COMMENTS if plausible else None,
        )


def _anonymous_authors(page: Page) -> list[Block]:
    found = [b for b in page.blocks if b.words <= 3 and b.key in ANONYMOUS_AUTHORS]
    if not found:
        return []
    counts = Counter(b.key for b in found)
    return [b for b in found if counts[b.key] >= MIN_AUTHOR_REPEATS]
