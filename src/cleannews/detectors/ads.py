"""Ads, sponsored content, promos, paywall/upgrade prompts, newsletter/app calls to action.

Phrase data lives in ``data/ads/<lang>.txt``. Headings of promo boxes ("Try Our AI Features",
"Sponsored Links") are markers: the box's own lines follow them. Single labels ("Advertisement",
"Anzeige", "STORY CONTINUES BELOW THIS AD") and short calls to action ("Subscribe now",
"Already a subscriber? Log in") are matched line by line.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from ..kinds import Kind
from ..page import Page
from ..text.blocks import Block
from .phrase_detector import PhraseDetector, contains_lines, phrase_candidates, whole_lines
from .phrases import Phrase, PhraseTable, TableGroup
from .registry import register_detector

# prefix/contains/regex rules only look at lines this short (in characters as well as words:
# CJK paragraphs have few spaces, so the word limit alone would let long prose through).
MAX_PHRASE_CHARS = 120
# Calls to action and legal notices are often a whole sentence ("Never miss the latest news by
# signing up to our newsletter today!"): [contains] phrases also reach lines up to this size.
CTA_MAX_WORDS = 30
CTA_MAX_CHARS = 220
CTA_MIN_PHRASE_WORDS = (
    3  # "subscribe now" fits a sentence of prose; "sign up to our newsletter" not
)
# A paragraph-long notice (a consent text, a disclaimer) is matched when it opens with a long
# [contains] phrase (``PhraseTable.notice_opening``): a notice says what it is first, while
# prose quoting the phrase does so in passing, and four words of it are rarely quoted.
LONG_NOTICE_MAX_WORDS = 200
LONG_NOTICE_MAX_CHARS = 1500
_LONG_MEMO = "detectors.ads.long-lines"
# The detectors whose phrases one pass over the page searches for (``TableGroup``); [contains]
# phrases on lines up to the longest they look at (``CTA_MAX_WORDS``).
PHRASE_GROUP = ("ads", "comments", "footer", "related", "widgets")


def undoubled(key: str) -> str | None:
    """``"sponsored links sponsored links"`` -> ``"sponsored links"``: scrapers often read a
    widget label twice (visible text plus its accessible copy)."""
    half, rest = divmod(len(key), 2)
    if rest and key[half] == " " and key[:half] == key[half + 1 :]:
        return key[:half]
    return None


# Ad and paywall wording is specific: a phrase match outweighs generic structural evidence
# ("this comes after the article") for the same line.
SECTION_SCORES: Mapping[str, float] = {
    "marker": 0.9,
    "line": 0.85,
    "regex": 0.8,
    "prefix": 0.8,
    "contains": 0.78,
}
LANGUAGES = frozenset(
    {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "zh", "ja", "ko", "id"}
)


@register_detector
class AdsDetector(PhraseDetector):
    name = "ads"
    kind = Kind.AD
    kinds = frozenset({Kind.AD})
    languages = LANGUAGES
    section_scores = SECTION_SCORES
    scan_group = PHRASE_GROUP
    scan_group_words = CTA_MAX_WORDS

    def candidates(self, page: Page, table: PhraseTable) -> Sequence[Block]:
        if type(self).match is not AdsDetector.match:
            return page.blocks  # a subclass's own ``match``: every block
        group = self.group(table)
        doubled = table.doubled_keys
        extra = [b for b in whole_lines(page, group) if b.key in doubled]
        extra += sentence_candidates(page, table, self.max_words, group)
        return phrase_candidates(page, table, self.max_words, extra, group)

    def match(self, table: PhraseTable, block: Block) -> Phrase | None:
        if len(block.text) > MAX_PHRASE_CHARS:
            whole = table.whole.get(block.key)
            return whole[0] if whole else contains_in_sentence(table, block)
        found = super().match(table, block)
        if found is None:
            half = undoubled(block.key)
            whole = table.whole.get(half) if half else None
            found = whole[0] if whole else None
        if found is None and block.words > self.max_words:
            found = contains_in_sentence(table, block)
        return found


def sentence_candidates(
    page: Page, table: PhraseTable, max_words: int, group: TableGroup | None
) -> list[Block]:
    """The lines longer than ``max_words`` where ``contains_in_sentence`` may find a phrase
    (shorter ones are a phrase table's own candidates)."""
    return sentence_lines(page, table, max_words, group) + long_notice_lines(page, table)


def sentence_lines(
    page: Page, table: PhraseTable, max_words: int, group: TableGroup | None
) -> list[Block]:
    """The sentence-long lines (see ``sentence_long``) holding a [contains] phrase."""
    return [
        b
        for b in contains_lines(page, table, CTA_MAX_WORDS, group)
        if b.words > max_words and len(b.text) <= CTA_MAX_CHARS
    ]


def sentence_long(block: Block, max_words: int) -> bool:
    """Is ``block`` longer than a short line of ``max_words`` words but at most a sentence?"""
    return max_words < block.words <= CTA_MAX_WORDS and len(block.text) <= CTA_MAX_CHARS


def contains_in_sentence(table: PhraseTable, block: Block) -> Phrase | None:
    """A sentence-long line carrying a [contains] phrase ("... subscribe to our newsletter"),
    or a paragraph-long one opening with a long phrase (see above).
    [contains] phrases are chosen to be specific enough for this (see the data files)."""
    if table.contains is None:
        return None
    if block.words > CTA_MAX_WORDS or len(block.text) > CTA_MAX_CHARS:
        return _notice_opening(table, block)
    for hit in table.contains.finditer(block.key):
        if hit.group(0).count(" ") + 1 >= CTA_MIN_PHRASE_WORDS:
            return table.by_text[("contains", hit.group(0))]
    return None


def _notice_opening(table: PhraseTable, block: Block) -> Phrase | None:
    if block.words > LONG_NOTICE_MAX_WORDS or len(block.text) > LONG_NOTICE_MAX_CHARS:
        return None
    opening = table.notice_opening
    found = opening.match(block.key) if opening is not None else None
    return table.by_text[("contains", found.group(0))] if found else None


def long_notice_lines(page: Page, table: PhraseTable) -> list[Block]:
    """The lines longer than a sentence that ``contains_in_sentence`` finds a notice in."""
    opening = table.notice_opening
    if opening is None:
        return []
    return [b for b in _long_lines(page) if opening.match(b.key)]


def _long_lines(page: Page) -> list[Block]:
    """The lines a long notice may be (memoised: the ads and footer tables both look)."""
    found = page.memo.get(_LONG_MEMO)
    if found is None:
        found = page.memo[_LONG_MEMO] = [
            b
            for b in page.blocks
            if CTA_MAX_WORDS < b.words <= LONG_NOTICE_MAX_WORDS
            and len(b.text) <= LONG_NOTICE_MAX_CHARS
        ]
    return found
