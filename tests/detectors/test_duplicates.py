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


MENU = (
    "World news of the day\nBusiness and the markets\nScience and your health\n"
    "Sport results of today"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A menu printed at the top and again at the bottom: the second run is flagged.
        (
            f"Headline here\n{MENU}\nThe article body sits here.\n{MENU}",
            [
                (7, "duplicates.line"),
                (8, "duplicates.line"),
                (9, "duplicates.line"),
                (10, "duplicates.line"),
            ],
        ),
        # Case and edge punctuation do not matter; CJK lines count by characters.
        (
            "Headline here\nWorld news of the day\nBusiness and the markets\n"
            "Science and your health\nBody.\nWORLD news of the day!\nBusiness and the markets\n"
            "Science and your health",
            [(6, "duplicates.line"), (7, "duplicates.line"), (8, "duplicates.line")],
        ),
        (
            "标题\n这是第一个足够长的导航菜单项目用于测试重复运行检测\n这是第二个足够长的导航菜单项目用于测试重复运行检测\n"
            "这是第三个足够长的导航菜单项目用于测试重复运行检测\n正文\n这是第一个足够长的导航菜单项目用于测试重复运行检测\n"
            "这是第二个足够长的导航菜单项目用于测试重复运行检测\n这是第三个足够长的导航菜单项目用于测试重复运行检测",
            [(6, "duplicates.line"), (7, "duplicates.line"), (8, "duplicates.line")],
        ),
        # Title repeats: the first later copy is the headline itself; further copies repeat it.
        (
            "Big storm hits the coast\nBig storm hits the coast\nBody text\n"
            "Big storm hits the coast",
            [(4, "duplicates.title")],
        ),
        (
            "Big storm hits the coast - Daily News\nBig storm hits the coast\nBody\n"
            "Big storm hits the coast",
            [(4, "duplicates.title")],
        ),
        (
            "Big storm hits the coast | Daily News\nBody\nBig storm hits the coast | Daily News",
            [(3, "duplicates.title")],
        ),
        (
            "Daily News » Big storm hits the coast\nBig storm hits the coast\nx\n"
            "Big storm hits the coast",
            [(4, "duplicates.title")],
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
        # A single repeated line: a table-of-contents entry and its section heading.
        "Guide\nContents\nAnalyzing a Server Log\nGetting a Sense of the Data\n"
        "Analyzing a Server Log\nWe start by loading the log into a table.\n"
        "Getting a Sense of the Data\nThe log has a million rows.",
        # A photo credit under two pictures, with different captions.
        "Title\nA boat on the river at dawn\nPhoto by Joan Bardeletti\nText.\n"
        "Fishermen at the market\nPhoto by Joan Bardeletti",
        # Command output repeated in a tutorial: a refrain (three copies) and short runs.
        "Title\n$ hg pull -u\n1 files updated, 0 files merged\nText.\n$ hg pull -u\n"
        "1 files updated, 0 files merged\nMore.\n1 files updated, 0 files merged",
        # Running page headers in a paper (a refrain).
        "Title\nde Jong [Page 2] Internet-Draft\nA.\nde Jong [Page 2] Internet-Draft\nB.\n"
        "de Jong [Page 2] Internet-Draft",
        # A hard-wrapped paragraph printed twice (lower-case continuation lines are prose).
        "Title\nTempor incididunt ut labore et dolore magna\naliqua ut enim ad minim veniam quis\n"
        "nostrud exercitation ullamco laboris nisi\nText\n"
        "Tempor incididunt ut labore et dolore magna\n"
        "aliqua ut enim ad minim veniam quis\nnostrud exercitation ullamco laboris nisi",
        # The first line is filler repeated throughout: a refrain, not a title.
        "Lorem ipsum dolor sit amet consectetur\nA\nLorem ipsum dolor sit amet consectetur\nB\n"
        "Lorem ipsum dolor sit amet consectetur\nC\nLorem ipsum dolor sit amet consectetur",
        # Only the headline part of "Headline - Site" counts, not a long site name.
        "Big storm hits the coast - Regional Information Service\nBody\n"
        "Regional Information Service",
        # A query built up step by step in a tutorial: code repeats on purpose.
        "Title\nSELECT status_code,\nAVG(entries) AS mean_entries,\nSTDDEV(entries) AS stddev,\n"
        "FROM server_log_summary\nText.\nSELECT status_code,\nAVG(entries) AS mean_entries,\n"
        "STDDEV(entries) AS stddev,\nFROM server_log_summary",
        # An HTTP request shown twice, its headers around it.
        "Title\nPUT /storage/michiel/drinks/test HTTP/1.1\nHost: example.org:4439\n"
        "Content-Type: application/json; charset=UTF-8\nText.\n"
        "PUT /storage/michiel/drinks/test HTTP/1.1\nHost: example.org:4439\n"
        "Content-Type: application/json; charset=UTF-8",
    ],
)
def test_single_or_deliberate_repeats_are_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_the_first_copy_of_a_run_is_kept() -> None:
    text = f"Headline here\n{MENU}\nBody.\n{MENU}"
    page = Page.from_text(text)
    findings = list(DuplicatesDetector().detect(page))
    assert [f.start for f in findings] == [b.start for b in page.blocks[6:10]]
    assert "line 2" in findings[0].explanation


def test_the_headline_after_the_page_title_is_spared() -> None:
    # "Headline - Site" (the <title>) may be removed by other evidence: the bare headline that
    # follows must survive, or the article loses its headline entirely.
    page = Page.from_text("Big storm hits the coast - Daily News\nBig storm hits the coast\nBody")
    assert list(DuplicatesDetector().detect(page)) == []


def test_the_headline_matching_the_page_title_is_no_repeat() -> None:
    # HTML mode renders <title> first; the later <h1> is the headline, not a duplicate.
    text = "Big storm hits the coast - Daily News\nMenu\nBig storm hits the coast\nBody"
    page = Page.from_text(text, input_kind="html", metadata={"title": "Big storm hits the coast"})
    assert list(DuplicatesDetector().detect(page)) == []
