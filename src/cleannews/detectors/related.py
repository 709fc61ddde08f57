"""Headings that announce related, recommended, popular or latest stories.

"Related Articles", "Popular posts from this blog", "Lesen Sie auch", "À lire aussi", "相关文章"...
are markers: what follows them is a list of other stories, so they open a ``related`` region.
Inline link labels such as ``Read more: <headline>`` are flagged as single lines.
"""

from __future__ import annotations

from typing import ClassVar, Sequence

from ..kinds import Kind
from ..page import Page
from ..text.blocks import Block
from .ads import CTA_MAX_WORDS, PHRASE_GROUP
from .marker_regions import RegionCheckedPhraseDetector
from .phrase_detector import PhraseDetector, phrase_candidates, prefix_lines, short_blocks
from .phrases import Phrase, PhraseTable
from .registry import register_detector

# A [prefix] phrase is a label only when a separator follows it ("Read more: ...",
# "【関連記事】..."), not when it starts a sentence ("Read more about it in our report").
LABEL_SEPARATORS = frozenset(":|»›>-–—：】」』)")
# "Lea más: <headline of another story>" is often longer than a phrase line: a label followed
# by its separator also reaches lines up to this size (a headline, not a paragraph).
LABEL_MAX_WORDS = 30
LABEL_MAX_CHARS = 220
# Without a separator, a label of at least two words still heads a headline ("Nächster Artikel
# Landespolitiker stellen ...") when the rest is one: capitalised, a few words, no sentence end.
BARE_LABEL_MIN_WORDS = 2
BARE_HEADLINE_MIN_WORDS = 3
HEADLINE_NOT_ENDS = frozenset(".!?。！？:：")  # a sentence, or a lead-in to what follows


_phrase_match = PhraseDetector.match  # no ``super()`` proxy per line: match runs on every line


@register_detector
class RelatedDetector(RegionCheckedPhraseDetector):
    name: ClassVar[str] = "related"
    kind: ClassVar[Kind] = Kind.RELATED
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.RELATED})
    languages: ClassVar[frozenset[str]] = frozenset(
        {"cs", "de", "en", "es", "fr", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru", "tr", "zh"}
    )
    scan_group = PHRASE_GROUP
    scan_group_words = CTA_MAX_WORDS

    def candidates(self, page: Page, table: PhraseTable) -> Sequence[Block]:
        if type(self).match is not RelatedDetector.match:
            return page.blocks  # a subclass's own ``match``: every block
        group = self.group(table)
        if table.prefix_scan is not None:  # a label starts like a [prefix] phrase
            longer: Sequence[Block] = prefix_lines(page, table, LABEL_MAX_WORDS, group)
        else:
            longer = short_blocks(page, LABEL_MAX_WORDS)
        extra = [b for b in longer if b.words > self.max_words and _long_label(table, b)]
        return phrase_candidates(page, table, self.max_words, extra, group)

    def match(self, table: PhraseTable, block: Block) -> Phrase | None:
        found = _phrase_match(self, table, block)
        if found is None and block.words > self.max_words:
            found = _long_label(table, block)
        return found

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        if phrase.section != "prefix":
            return True
        rest = block.key[len(phrase.text) :].lstrip()
        return bool(rest) and (rest[0] in LABEL_SEPARATORS or _bare_label(block, phrase))


def _bare_label(block: Block, phrase: Phrase) -> bool:
    """A label of a few words followed, without a separator, by a headline (see above)."""
    label_words = len(phrase.text.split())
    if label_words < BARE_LABEL_MIN_WORDS:
        return False  # "More Americans say ...", "Recommended reading list ...": a sentence
    text = block.text.strip()
    at = text.casefold().find(phrase.text)
    if at < 0 or any(c.isalnum() for c in text[:at]):
        return False  # "8. Zum Thema ...": a numbered heading of the article
    rest = text[at:].split()[label_words:]  # by words: casefolding may change lengths ("ß")
    return (
        len(rest) >= BARE_HEADLINE_MIN_WORDS
        and block.words <= LABEL_MAX_WORDS
        and rest[0][:1].isupper()
        and text[-1] not in HEADLINE_NOT_ENDS
    )


def _long_label(table: PhraseTable, block: Block) -> Phrase | None:
    """A [prefix] label heading a headline-long line ("Read also: <headline>"); ``accept``
    then requires the separator right after the label."""
    if block.words > LABEL_MAX_WORDS or len(block.text) > LABEL_MAX_CHARS or table.prefix is None:
        return None
    if table.prefix_heads is not None and block.key[:2] not in table.prefix_heads:
        return None  # the same cheap gate as for short lines
    found = table.prefix.search(block.key)
    return table.by_text[("prefix", found.group(0))] if found else None
