"""DuplicatesDetector: later copies of long-enough lines and later repeats of the title."""

from __future__ import annotations

import pytest

from cleannews.detectors.duplicates import DuplicatesDetector
from cleannews.page import Page


def flagged(text: str) -> list[tuple[int, str]]:
    page = Page.from_text(text)
    return [
        (page.block_at(f.start).line, f.reason)  # type: ignore[union-attr]
        for f in DuplicatesDetector().detect(page)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\nA line of four words\nBody\nA line of four words", [(4, "duplicates.line")]),
        ("Title\nA line of four words\nx\na LINE of four words!", [(4, "duplicates.line")]),
        (
            "Title\nRepeated line here now\nx\nRepeated line here now\nRepeated line here now",
            [(4, "duplicates.line"), (5, "duplicates.line")],
        ),
        (
            "Title\n这是一个足够长的重复句子用来测试重复检测功能是否正常\nx\n这是一个足够长的重复句子用来测试重复检测功能是否正常",
            [(4, "duplicates.line")],
        ),
        # Title repeats: exactly, or as the headline part of "Headline - Site" / "Headline | Site".
        (
            "Big storm hits the coast\nBody text\nBig storm hits the coast",
            [(3, "duplicates.title")],
        ),
        (
            "Big storm hits the coast - Daily News\nBig storm hits the coast",
            [(2, "duplicates.title")],
        ),
        (
            "Big storm hits the coast | Daily News\nBody\nBig storm hits the coast",
            [(3, "duplicates.title")],
        ),
        (
            "Daily News » Big storm hits the coast\nBig storm hits the coast",
            [(2, "duplicates.title")],
        ),
    ],
)
def test_repeats_are_flagged(text: str, expected: list[tuple[int, str]]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Title\nPhoto\nBody text here\nPhoto",  # short legitimate repeats
        "Title\nReuters\nBody\nReuters",
        # a repeated prose paragraph (pull quote, refrain) is left alone
        "Title\n"
        + "\n".join(
            [
                "It was the best of times and the worst of times, said the "
                "narrator, and nobody in the town could remember a stranger or longer summer."
            ]
            * 2
        ),
        "Big storm hits the coast | Daily News\nBody\nDaily News",  # the site name is short
        "A first line\nAnother different line\nYet another different line",
        "",
    ],
)
def test_short_or_unique_lines_are_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_first_copy_is_kept() -> None:
    text = "Headline\nThe same sentence appears twice.\nThe same sentence appears twice."
    page = Page.from_text(text)
    (finding,) = DuplicatesDetector().detect(page)
    assert finding.start == page.blocks[2].start
    assert "line 2" in finding.explanation


def test_the_headline_matching_the_page_title_is_no_repeat() -> None:
    # HTML mode renders <title> first; the later <h1> is the headline, not a duplicate.
    text = "Big storm hits the coast - Daily News\nMenu\nBig storm hits the coast\nBody"
    page = Page.from_text(text, input_kind="html", metadata={"title": "Big storm hits the coast"})
    assert list(DuplicatesDetector().detect(page)) == []
