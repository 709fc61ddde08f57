"""Helper base for the commonest detector shape: a phrase list per language.

A subclass names itself, its kind and the languages it ships data for; the phrases live in
``data/<name>/<lang>.txt`` (format in :mod:`cleannews.detectors.phrases`). Override
:meth:`PhraseDetector.accept` to add context rules.
"""

from __future__ import annotations

from typing import ClassVar, Iterator, Mapping

from ..kinds import Kind
from ..page import Page
from ..spans import Finding, Scope
from ..text.blocks import Block
from .base import Detector
from .phrases import MARKER_SECTIONS, Phrase, PhraseTable, load_table, regex_phrase

DEFAULT_SECTION_SCORES: Mapping[str, float] = {
    "marker": 0.9,
    "line": 0.85,
    "regex": 0.8,
    "prefix": 0.75,
    "contains": 0.7,
    "marker-prefix": 0.85,
    "marker-count": 0.85,
    "count": 0.8,
}
# A phrase of a language other than the page's still counts, a little less: the language guess
# may be wrong and mixed-language pages exist.
FOREIGN_LANGUAGE_FACTOR = 0.9
DEFAULT_MAX_WORDS = 12
DEFAULT_MAX_HEADING_WORDS = 10  # a [marker-prefix] line is a heading: short...
SENTENCE_ENDS = frozenset(".!?。！？")  # ...and not ending like a sentence


class PhraseDetector(Detector):
    kind: ClassVar[Kind]
    data_package: ClassVar[str] = "cleannews.detectors"
    max_words: ClassVar[int] = DEFAULT_MAX_WORDS  # prefix/contains/regex only on short lines
    max_heading_words: ClassVar[int] = DEFAULT_MAX_HEADING_WORDS
    section_scores: ClassVar[Mapping[str, float]] = DEFAULT_SECTION_SCORES

    @property
    def table(self) -> PhraseTable:
        return load_table(self.data_package, self.name)

    def detect(self, page: Page) -> Iterator[Finding]:
        table = self.table
        preferred = page.languages
        for block in page.blocks:
            phrase = self.match(table, block)
            if phrase is not None and self.accept(page, block, phrase):
                yield self.phrase_finding(block, phrase, preferred)

    def match(self, table: PhraseTable, block: Block) -> Phrase | None:
        key = block.key
        whole = table.whole.get(key)
        if whole:
            return whole[0]
        if block.words > self.max_words:
            return None
        heads = table.prefix_heads
        if heads is None or key[:2] in heads:
            found = self._match_prefix(table, block)
            if found is not None:
                return found
        text = block.text
        if table.count is not None:
            counted = table.count_noun(text)
            if counted is not None:
                return counted
        contains = table.contains
        if contains is not None and len(key) >= table.contains_min_len:
            hit = contains.search(key)
            if hit:
                return table.by_text[("contains", hit.group(0))]
        return regex_phrase(table, text) if table.regexes else None

    def _match_prefix(self, table: PhraseTable, block: Block) -> Phrase | None:
        if table.marker_prefix is not None and _is_heading(block, self.max_heading_words):
            found = table.marker_prefix.search(block.key)
            if found:
                return table.by_text[("marker-prefix", found.group(0))]
        if table.prefix is not None:
            found = table.prefix.search(block.key)
            if found:
                return table.by_text[("prefix", found.group(0))]
        return None

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        """Context hook: return False to ignore a match."""
        return True

    def phrase_finding(self, block: Block, phrase: Phrase, preferred: tuple[str, ...]) -> Finding:
        score = self.section_scores[phrase.section]
        if phrase.language not in preferred:
            score *= FOREIGN_LANGUAGE_FACTOR
        is_marker = phrase.section in MARKER_SECTIONS
        return self.finding(
            block,
            self.kind,
            round(score, 4),
            reason=f"{self.name}.{phrase.section}",
            explanation=f"{phrase.section} phrase {phrase.text!r} ({phrase.language})",
            scope=Scope.REGION if is_marker else Scope.BLOCK,
            region_kind=phrase.region_kind if is_marker else None,
        )


def _is_heading(block: Block, max_words: int) -> bool:
    return block.words <= max_words and block.text.rstrip()[-1] not in SENTENCE_ENDS
