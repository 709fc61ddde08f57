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
from .phrases import Phrase, PhraseTable, load_table

DEFAULT_SECTION_SCORES: Mapping[str, float] = {
    "marker": 0.9,
    "line": 0.85,
    "regex": 0.8,
    "prefix": 0.75,
    "contains": 0.7,
}
# A phrase of a language other than the page's still counts, a little less: the language guess
# may be wrong and mixed-language pages exist.
FOREIGN_LANGUAGE_FACTOR = 0.9
DEFAULT_MAX_WORDS = 12


class PhraseDetector(Detector):
    kind: ClassVar[Kind]
    data_package: ClassVar[str] = "cleannews.detectors"
    max_words: ClassVar[int] = DEFAULT_MAX_WORDS  # prefix/contains/regex only on short lines
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
        whole = table.whole.get(block.key)
        if whole:
            return whole[0]
        if block.words > self.max_words:
            return None
        for section, pattern in (("prefix", table.prefix), ("contains", table.contains)):
            if pattern is not None:
                found = pattern.search(block.key)
                if found:
                    return table.by_text[(section, found.group(0))]
        for regex, phrase in table.regexes:
            if regex.search(block.text):
                return phrase
        return None

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        """Context hook: return False to ignore a match."""
        return True

    def phrase_finding(self, block: Block, phrase: Phrase, preferred: tuple[str, ...]) -> Finding:
        score = self.section_scores[phrase.section]
        if phrase.language not in preferred:
            score *= FOREIGN_LANGUAGE_FACTOR
        is_marker = phrase.section == "marker"
        return self.finding(
            block,
            self.kind,
            round(score, 4),
            reason=f"{self.name}.{phrase.section}",
            explanation=f"{phrase.section} phrase {phrase.text!r} ({phrase.language})",
            scope=Scope.REGION if is_marker else Scope.BLOCK,
            region_kind=phrase.region_kind if is_marker else None,
        )
