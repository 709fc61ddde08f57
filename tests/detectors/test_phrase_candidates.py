"""The page-level candidate pass of phrase detectors (``PhraseDetector.candidates``) only skips
blocks ``match`` finds nothing in: detecting over the candidates equals detecting over every
block, for every built-in phrase detector, on lines made from its own phrase data."""

from __future__ import annotations

import dataclasses
from typing import Sequence

import pytest

from cleannews.detectors.ads import AdsDetector
from cleannews.detectors.comments import CommentsDetector
from cleannews.detectors.footer import FooterDetector
from cleannews.detectors.navigation import NavigationDetector
from cleannews.detectors.phrase_detector import PhraseDetector
from cleannews.detectors.phrases import Phrase, PhraseTable, build_table, parse_phrase_file
from cleannews.detectors.related import RelatedDetector
from cleannews.detectors.widgets import WidgetsDetector
from cleannews.page import Page
from cleannews.text.blocks import Block

DETECTORS = (
    AdsDetector,
    CommentsDetector,
    FooterDetector,
    NavigationDetector,
    RelatedDetector,
    WidgetsDetector,
)
PROSE = "The council met on Tuesday and agreed to extend the budget by a further three years."
CJK_PROSE = "政府は閣議で来年度予算案を決定し、社会保障費の増加が続いていると説明した。"
FILLER = "with the many residents who came to the town hall to hear what"


def _lines(phrase: str) -> list[str]:
    """Lines that put ``phrase`` where each section of ``match`` looks for it."""
    title = phrase.title()
    return [
        title,
        f"{title}: {FILLER}",
        f"{title} | {FILLER}",
        f"{title} {title}",
        f"12 {phrase}",
        f"{phrase}: 1,234",
        f"Short {phrase} here",
        f"It was {phrase} said {FILLER} the mayor had decided.",
        f"{FILLER} {FILLER} {phrase} {FILLER} {FILLER}.",
        f"© 2024 Example. {phrase}",
        f"{phrase}extra words",
        PROSE,
        *_cjk_lines(phrase),
    ]


def _cjk_lines(phrase: str) -> list[str]:
    """For a phrase in a CJK script: the phrase inside runs of letters (no spaces around it),
    on a short line and inside a long sentence the word gate must keep out."""
    if phrase.isascii():
        return []
    return [
        f"本日は{phrase}です",
        f"{phrase}について",
        f"관련 {phrase}를 보세요",
        f"{CJK_PROSE}{phrase}{CJK_PROSE}",
    ]


def _page(table: PhraseTable, language: str | None) -> Page:
    phrases = [*(p[0] for p in table.whole.values()), *table.by_text.values()]
    lines = [PROSE] * 5
    for phrase in phrases:
        if phrase.section != "regex":
            lines += _lines(phrase.text)
    lines += ["Anonymous", "March 11th, 2015 at 02:57 pm", "Anonymous", "3 Comments"]
    lines += ["Privacy Policy | Terms of Use | Cookie settings", "Copyright 2020 Foo"]
    return Page.from_text("\n".join(lines), language=language)


def _everywhere(cls: type[PhraseDetector]) -> PhraseDetector:
    class Everywhere(cls):  # type: ignore[valid-type,misc]
        def candidates(self, page: Page, table: PhraseTable) -> Sequence[Block]:
            return page.blocks

    Everywhere.name = cls.name
    return Everywhere()


@pytest.mark.parametrize("cls", DETECTORS, ids=lambda c: c.name)
@pytest.mark.parametrize("language", [None, "de", "ja"])
def test_candidates_lose_nothing(cls: type[PhraseDetector], language: str | None) -> None:
    detector = cls()
    page = _page(detector.table, language)
    fast = [f.to_dict() for f in detector.detect(page)]
    slow = [f.to_dict() for f in _everywhere(cls).detect(Page.from_text(page.source, language))]
    assert fast == slow
    assert len(fast) > 100


def test_own_match_sees_every_block() -> None:
    seen: list[int] = []

    class Custom(WidgetsDetector):
        def match(self, table: PhraseTable, block: Block) -> Phrase | None:
            seen.append(block.index)
            return super().match(table, block)

    page = Page.from_text("one line\nanother line\nRating: 4 out of 5")
    findings = list(Custom().detect(page))
    assert seen == [0, 1, 2]
    assert [f.reason for f in findings] == ["widgets.regex"]


def test_hand_built_table_without_scans() -> None:
    """A table built without ``build_table`` has no page-level scans: each line is searched."""
    data = "[prefix]\nread more:\n[contains]\nall rights reserved"
    built = build_table(parse_phrase_file(data, "en"))
    bare = dataclasses.replace(
        built, prefix_scan=None, contains_scan=None, contains_scan_unspaced=None
    )

    class Bare(WidgetsDetector):
        @property
        def table(self) -> PhraseTable:  # type: ignore[override]
            return bare

    page = Page.from_text("Read more: a story\nprose here\nFoo. All rights reserved.\nreadmore")
    assert [f.reason for f in Bare().detect(page)] == ["widgets.prefix", "widgets.contains"]


def test_cjk_contains_inside_runs() -> None:
    """[contains] phrases in unspaced scripts match inside a run of letters; spaced-script
    phrases keep their word boundaries; a Korean phrase may take a particle."""
    data = "[contains]\nall rights reserved\n無断転載を禁じ\n무단 전재\n未经授权禁止转载"
    table = build_table(parse_phrase_file(data, "xx"))

    class Cjk(WidgetsDetector):
        @property
        def table(self) -> PhraseTable:  # type: ignore[override]
            return table

    lines = [
        "記事の無断転載を禁じます。",  # inside a Japanese run
        "本站内容未经授权禁止转载",  # inside a Chinese run
        "무단 전재를 금지합니다",  # a Korean particle after the phrase
        "비무단 전재",  # a Korean phrase must start a word
        "All rights reservedly",  # Latin boundaries stay
        f"{CJK_PROSE * 2}無断転載を禁じ",  # a long Japanese line: past the word gate
    ]
    page = Page.from_text("\n".join(lines))
    assert [f.start for f in Cjk().detect(page)] == [b.start for b in page.blocks[:3]]
    assert [f.start for f in _everywhere(Cjk).detect(page)] == [b.start for b in page.blocks[:3]]


def test_pages_with_symbols_use_the_latin_scans() -> None:
    """Currency signs, arrows, shapes and emoji do not make a Latin page search for the
    phrases of other scripts; the lines found are those the full scans find."""
    from cleannews.detectors.phrase_detector import _page_scans, group_lines, scanned_lines

    detector = AdsDetector()
    group = detector.group(detector.table)
    assert group is not None and group.prefix_scan is not None
    lines = [PROSE, "► All rights reserved €", "Sponsored 👉", "Read more: ™ x", "中文"]
    for text in ("\n".join(lines[:-1]), "\n".join(lines)):
        page = Page.from_text(text)
        latin = _page_scans(page, group).contains is not group.contains_scan
        assert latin is ("中文" not in text)
        found = group_lines(page, group)
        assert found.contains == scanned_lines(
            page, group.max_words, group.contains_scan, group.contains_scan_unspaced
        )
        assert found.prefix == scanned_lines(page, group.max_words, group.prefix_scan, None)
        assert found.contains
