from __future__ import annotations

import pytest
from html_helpers import PROSE, run

from cleannews.detectors.main_content import MainContentDetector, inside_flags
from cleannews.text.blocks import split_blocks

ARTICLE = "<article><h1>Budget approved</h1>" + PROSE * 5 + "</article>"
PAGE = (
    "<html><body><div class='menu'><a href='/'>Home</a> <a href='/n'>News</a></div>"
    f"<main>{ARTICLE}</main>"
    "<div class='copyright-line'><p>Copyright 2024 Example Media Group</p></div></body></html>"
)


@pytest.fixture(scope="module")
def found():
    return run(MainContentDetector(), PAGE)


def test_article_prose_is_kept(found):
    prose = [line for line in found if line.startswith("The council")]
    assert prose and all(found[line] == "content" for line in prose)


@pytest.mark.parametrize(
    ("line", "kind"), [("Home News", "nav"), ("Copyright 2024 Example Media Group", "footer")]
)
def test_outside_lines_get_a_removal_kind(found, line, kind):
    assert found.get(line) == kind


@pytest.mark.parametrize(
    ("source", "main_text", "expected"),
    [
        (
            "Nav\nA long first paragraph here.\nB",
            "A long first paragraph here.",
            [False, True, False],
        ),
        # trafilatura joined two of our lines into one
        (
            "A first line of text\nA second line of text",
            "A first line of text A second line of text",
            [True, True],
        ),
        # trafilatura split one of our lines (a link dropped inside it)
        (
            "Part one of the sentence | Part two of it",
            "Part one of the sentence\nPart two of it",
            [True],
        ),
        ("Share", "We share the view that", [False]),  # short lines need a whole-line match
    ],
)
def test_inside_flags(source, main_text, expected):
    assert inside_flags(source, split_blocks(source), main_text) == expected


def _page(html):
    from cleannews.config import CleanerConfig
    from cleannews.html import prepare_html_page

    return prepare_html_page(html, {}, CleanerConfig())


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # a thread: the extracted text sits in comment-cued posts
        (
            "<h1>Question</h1>"
            + "<div class='comment'><p>A long reply, several words.</p></div>" * 3,
            True,
        ),
        # an article with a short comment
        (PROSE * 3 + "<div class='comment'><p>Nice.</p></div>", False),
    ],
)
def test_discussion_pages(html, expected):
    from cleannews.detectors.dom_cues import node_cues
    from cleannews.detectors.main_content import _is_discussion

    page = _page(f"<body>{html}</body>")
    assert _is_discussion(page, [True] * len(page.blocks), node_cues(page)) is expected


@pytest.mark.parametrize(
    ("html", "rescued"),
    [
        (PROSE, True),  # prose paragraph: may be article text trafilatura cut off
        (f"<figure><figcaption>{PROSE[3:-4]}</figcaption></figure>", False),  # a caption
        ("<p>" + " ".join(f"<a href='/{i}'>link {i}</a>" for i in range(12)) + ".</p>", False),
        ("<p>Too short to tell.</p>", False),
    ],
)
def test_rescue_of_prose_outside_the_extraction(html, rescued):
    from cleannews.detectors.main_content import _rescued

    page = _page(f"<body>{html}</body>")
    assert _rescued(page.html, 0, page.blocks[0], between=False) is rescued


ROW = "<tr><td>Groundhog Day</td><td>1993</td><td>A weatherman relives one day.</td></tr>"
LINKS = "".join(f"<li><a href='/{i}'>Story number {i} here</a></li>" for i in range(5))


@pytest.mark.parametrize(
    ("html", "between", "rescued"),
    [
        (f"<table>{ROW}</table>", True, True),  # a table row among the main text
        ("<ul><li>Whisk the eggs with the sugar</li></ul>", True, True),  # a recipe step
        (f"<table>{ROW}</table>", False, False),  # rows before the main text: not rescued
        (f"<ul>{LINKS}</ul>", True, False),  # a list of links is a menu or a story list
        ("<ul><li>Share this</li></ul>", True, False),  # too short to be prose
        (f"<noscript>{PROSE * 3}</noscript>", True, False),  # a no-JavaScript fallback box
    ],
)
def test_rescue_of_rows_and_lists_among_the_main_text(html, between, rescued):
    from cleannews.detectors.main_content import _rescued

    page = _page(f"<body>{html}</body>")
    assert _rescued(page.html, 0, page.blocks[0], between=between) is rescued


@pytest.mark.parametrize(
    ("output", "page_chars", "retry"),
    [
        ("x" * 50, 10_000, True),
        ("x" * 500, 10_000, True),
        ("x" * 2_000, 10_000, False),
        ("x" * 450, 1_000, False),
    ],
)
def test_small_fast_extractions_are_retried(output, page_chars, retry):
    from cleannews.detectors.main_content import _worth_retry

    assert _worth_retry(output, "y" * page_chars) is retry
