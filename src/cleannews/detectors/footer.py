"""Site footer: tag/hashtag labels, share bars, copyright, legal links, "powered by".

Phrase data lives in ``data/footer/<lang>.txt``. Besides single phrases, two shapes are
recognised:

* a **link bar**: one line made almost entirely of footer phrases ("Privacy Policy | Terms of
  Use | Cookie settings", "Share Tweet Email"), segmented greedily against the phrase table;
* a **copyright notice**: "© 2024 X", "Copyright 2024 X"; a long one must also carry a rights
  phrase ("© 2020 X. All rights reserved. Use of this site constitutes ...").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Iterator, Sequence

from ..kinds import Kind
from ..page import Page
from ..spans import Finding, Scope
from ..text.blocks import Block
from .ads import (
    CTA_MAX_WORDS,
    LANGUAGES,
    PHRASE_GROUP,
    SECTION_SCORES,
    contains_in_sentence,
    sentence_candidates,
)
from .phrase_detector import PhraseDetector, phrase_candidates
from .phrases import Phrase, PhraseTable, load_table
from .registry import register_detector

MAX_PHRASE_CHARS = 160  # prefix/contains/regex only on lines this short (see ads.py)
BAR_MAX_WORDS = 40
BAR_MIN_PHRASES = 2
BAR_MIN_COVERAGE = 0.75  # share of the line's tokens covered by footer phrases
BAR_LONGEST_PHRASE = 6  # tokens
BAR_SCORE = 0.8
COPYRIGHT_MAX_WORDS = 80
TAG_ITEMS_CHECKED = 2  # lines after a tag heading that must look like tags...
TAG_MAX_WORDS = 4  # ...short labels, not sentences
MENU_ITEM_MAX_WORDS = 5  # a tag heading after this many such short labels is a menu entry
COPYRIGHT_SCORE = 0.8
_BAR_SEPARATORS = re.compile(r"[\s|•·/,;]+")
_LABEL_SEPARATORS = frozenset(":|»›>-–—：")
_TOKEN_EDGES = ".:!?()[]{}\"'«»“”‘’-–—"
_COPYRIGHT_FIRST = frozenset("©(Cc")  # cheap gate before the regex
_COPYRIGHT = re.compile(r"©|\(c\)\s|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b)", re.IGNORECASE)


@register_detector
class FooterDetector(PhraseDetector):
    name = "footer"
    kind = Kind.FOOTER
    kinds = frozenset({Kind.FOOTER})
    languages = LANGUAGES
    section_scores = SECTION_SCORES
    scan_group = PHRASE_GROUP
    scan_group_words = CTA_MAX_WORDS

    def detect(self, page: Page) -> Iterator[Finding]:
        table = self.table
        preferred = page.languages
        for block in self.candidates(page, table):
            phrase = self.match(table, block)
            if phrase is not None and self.accept(page, block, phrase):
                yield _tag_marker_checked(self.phrase_finding(block, phrase, preferred), page)
            elif self._is_copyright(table, block):
                yield self._finding(block, COPYRIGHT_SCORE, "footer.copyright", "copyright notice")
            elif self._is_link_bar(table, block):
                yield self._finding(block, BAR_SCORE, "footer.bar", "a bar of footer links")

    def candidates(self, page: Page, table: PhraseTable) -> Sequence[Block]:
        """The blocks a phrase, a copyright notice or a link bar may be found in."""
        if type(self).match is not FooterDetector.match:
            return page.blocks  # a subclass's own ``match``: every block
        group = self.group(table)
        heads = _phrase_heads(self.data_package, self.name)
        extra = sentence_candidates(page, table, self.max_words, group)
        extra += [
            b
            for b in page.blocks
            if b.text[:1] in _COPYRIGHT_FIRST
            and b.words <= COPYRIGHT_MAX_WORDS
            and _COPYRIGHT.match(b.text)
        ]
        extra += [
            b
            for b in page.blocks
            if 2 <= b.words <= BAR_MAX_WORDS
            and not b.terminal
            and b.key.split(" ", 1)[0].strip(_TOKEN_EDGES) in heads
        ]
        return phrase_candidates(page, table, self.max_words, extra, group)

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        """A one-word label prefix ("Tags", "Themen") needs a separator after it: "Tags: a, b"
        is a tag line, "Tags are used to group articles" is prose."""
        if phrase.section != "prefix" or " " in phrase.text or _is_cjk(phrase.text[0]):
            return True
        return block.key[len(phrase.text) : len(phrase.text) + 1] in _LABEL_SEPARATORS

    def match(self, table: PhraseTable, block: Block) -> Phrase | None:
        if len(block.text) > MAX_PHRASE_CHARS:
            whole = table.whole.get(block.key)
            return whole[0] if whole else self._in_sentence(table, block)
        found = super().match(table, block)
        if found is None and block.words > self.max_words:
            found = self._in_sentence(table, block)
        return found

    def _in_sentence(self, table: PhraseTable, block: Block) -> Phrase | None:
        if _COPYRIGHT.match(block.text):
            return None  # a copyright line has its own rule (``_is_copyright``)
        return contains_in_sentence(table, block)

    def _finding(self, block: Block, score: float, reason: str, explanation: str) -> Finding:
        return self.finding(block, self.kind, score, reason, explanation)

    def _is_link_bar(self, table: PhraseTable, block: Block) -> bool:
        if block.words > BAR_MAX_WORDS or block.words < 2 or block.terminal:
            return False
        first = block.key.split(" ", 1)[0].strip(_TOKEN_EDGES)
        if first not in _phrase_heads(self.data_package, self.name):
            return False  # cheap gate: a bar starts with a footer phrase
        tokens = [t for t in (t.strip(_TOKEN_EDGES) for t in _BAR_SEPARATORS.split(block.key)) if t]
        phrases, covered = _segment(tokens, table.whole)
        return phrases >= BAR_MIN_PHRASES and covered >= BAR_MIN_COVERAGE * len(tokens)

    def _is_copyright(self, table: PhraseTable, block: Block) -> bool:
        """A copyright notice ("© 2024 X"); a longer line also needs a rights phrase."""
        text = block.text
        if text[:1] not in _COPYRIGHT_FIRST or block.words > COPYRIGHT_MAX_WORDS:
            return False
        if _COPYRIGHT.match(text) is None:
            return False
        if block.words <= self.max_words:
            return True
        return table.contains is not None and table.contains.search(block.key) is not None


def _tag_marker_checked(finding: Finding, page: Page) -> Finding:
    """A tag heading ("Tags", "Themen") opens a region only when tag-like items follow it and
    it is not itself an entry of a menu (short labels before it too); the same word heading a
    site menu or a section of prose labels just its own line."""
    if finding.scope is not Scope.REGION:
        return finding
    block = page.block_at(finding.start)
    if block is None:
        return finding
    after = page.blocks[block.index + 1 : block.index + 1 + TAG_ITEMS_CHECKED]
    before = page.blocks[max(0, block.index - TAG_ITEMS_CHECKED) : block.index]
    tags_follow = bool(after) and all(_is_tag_item(b) for b in after)
    in_menu = len(before) == TAG_ITEMS_CHECKED and all(_is_menu_item(b) for b in before)
    if tags_follow and not in_menu:
        return finding
    return replace(finding, scope=Scope.BLOCK, region_kind=None)


def _is_menu_item(block: Block) -> bool:
    return block.words <= MENU_ITEM_MAX_WORDS and not block.terminal


def _is_tag_item(block: Block) -> bool:
    return (
        block.words <= TAG_MAX_WORDS
        and not block.terminal
        and not block.text.endswith(("...", "…"))
    )


def _is_cjk(char: str) -> bool:
    return ord(char) >= 0x2E80  # CJK, kana, hangul: words are not separated by spaces


@cache
def _phrase_heads(package: str, name: str) -> frozenset[str]:
    """First words of the detector's whole-line phrases."""
    return frozenset(key.split(" ", 1)[0] for key in load_table(package, name).whole)


def _segment(tokens: list[str], known: dict[str, tuple[Phrase, ...]]) -> tuple[int, int]:
    """Greedy longest-match segmentation: (phrases found, tokens they cover). Linear."""
    phrases = covered = i = 0
    while i < len(tokens):
        for size in range(min(BAR_LONGEST_PHRASE, len(tokens) - i), 0, -1):
            if " ".join(tokens[i : i + size]) in known:
                phrases += 1
                covered += size
                i += size
                break
        else:
            i += 1
    return phrases, covered
