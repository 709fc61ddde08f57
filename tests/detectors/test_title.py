"""TitleDetector: the headline as keep evidence, in text mode and from page metadata."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from cleannews.detectors.title import H1_TITLE_SCORE, TITLE_SCORE, TitleDetector
from cleannews.kinds import Kind
from cleannews.page import Page

BODY = (
    "Thousands of people gathered in the square on Sunday to protest against the new law, "
    "which critics say will restrict the freedom of the press and limit public debate."
)
LONG_FIRST = " ".join(["The first paragraph is long prose and not a headline at all."] * 4)


def title_line(text: str, **kwargs: object) -> int | None:
    page = Page.from_text(text, **kwargs)  # type: ignore[arg-type]
    findings = list(TitleDetector().detect(page))
    assert len(findings) <= 1
    if not findings:
        return None
    assert findings[0].kind is Kind.TITLE and findings[0].score == TITLE_SCORE
    return page.block_at(findings[0].start).line  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (f"Outrage as new law passes\n{BODY}", 1),
        (f"\n\nOutrage as new law passes\n{BODY}", 3),
        (f"😡 Outrage as new law passes\n{BODY}", 1),
        (f"Outrage as new law passes: what we know so far\n\nA second headline\n{BODY}", 1),
        (f"Advertisement\nOutrage as new law passes\n{BODY}", 2),
        (f"新法通过引发抗议\n{BODY}", 1),
        (f"Is the new law a threat to the press?\n{BODY}", 1),
    ],
)
def test_first_headline_like_line_is_the_title(text: str, line: int) -> None:
    assert title_line(text) == line


@pytest.mark.parametrize(
    "text",
    [
        f"{LONG_FIRST}\n{BODY}",  # an article without a title line
        f"{BODY}\n{BODY}",  # a sentence-length first line
        f"https://example.com/news/story\n{BODY}",
        "",
        "12345\nabc",
    ],
)
def test_no_title_when_the_first_line_is_not_a_headline(text: str) -> None:
    assert title_line(text) is None


@pytest.mark.parametrize(
    ("title", "line"),
    [
        ("Outrage as new law passes", 3),
        ("Outrage as new law passes | Example News", 3),
        ("Something else entirely", None),
    ],
)
def test_metadata_title_marks_the_best_matching_block(title: str, line: int | None) -> None:
    text = f"Home\nNews\nOutrage as new law passes\n{BODY}"
    assert title_line(text, input_kind="html", metadata={"title": title}) == line


def test_html_h1_wins_over_an_earlier_exact_copy() -> None:
    text = f"Outrage as new law passes\nHome\nOutrage as new law passes\n{BODY}"
    view = SimpleNamespace(block_nodes=(0, 1, 2, 3), tags=("title", "a", "h1", "p"))
    page = Page.from_text(text, input_kind="html", metadata={"title": "Outrage as new law passes"})
    page = Page(page.source, page.blocks, input_kind="html", metadata=page.metadata, html=view)
    (finding,) = TitleDetector().detect(page)
    assert finding.start == page.blocks[2].start
    assert finding.score == H1_TITLE_SCORE
