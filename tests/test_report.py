"""The shareable HTML report."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

import pytest

from cleannews import CleanDocument, Cleaner, CleanerConfig, ConfigError, Detector, Kind
from cleannews.page import Page
from cleannews.report import report_html, summarise, write_report
from cleannews.spans import Finding

PROSE = "The council approved the new budget for the city's schools on Tuesday evening."


class Flagger(Detector):
    name = "flagger"
    kinds = frozenset({Kind.AD, Kind.COMMENTS})

    def detect(self, page: Page) -> Iterator[Finding]:
        for block in page.blocks:
            if block.text == "Advertisement":
                yield self.finding(block, Kind.AD, 0.9, "flagger.ad")
            elif block.text.startswith("Comments"):
                yield self.finding(block, Kind.COMMENTS, 0.9, "flagger.comments")


CLEANER = Cleaner([Flagger()], config=CleanerConfig(detect_language=False))


@pytest.fixture(scope="module")
def docs() -> list[CleanDocument]:
    return [
        CLEANER.clean(f"{PROSE}\nAdvertisement\n{PROSE} More.\nComments (2)"),
        CLEANER.clean(f"{PROSE}\nAdvertisement", url="https://example.org/b"),
        CLEANER.clean(f"Title <with> markup\n{PROSE}"),
    ]


class Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in ("meta", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()


def structure(markup: str) -> Structure:
    parser = Structure()
    parser.feed(markup)
    parser.close()
    assert parser.stack == [], f"unclosed: {parser.stack}"
    return parser


def test_write_report_writes_one_self_contained_file(docs, tmp_path: Path) -> None:
    path = write_report(docs, tmp_path / "report.html")
    assert path == tmp_path / "report.html"
    markup = path.read_text("utf-8")
    parsed = structure(markup)
    assert markup.startswith("<!DOCTYPE html>")
    assert {"script", "link", "img", "iframe"}.isdisjoint(parsed.tags)
    assert not [v for k, v in parsed.attrs if k in ("src", "href") and v]
    assert "url(" not in markup and "@import" not in markup
    assert parsed.tags.count("details") == len(docs)


def test_write_report_accepts_a_string_path_and_a_generator(docs, tmp_path: Path) -> None:
    path = write_report((d for d in docs), str(tmp_path / "r.html"))
    assert structure(path.read_text("utf-8")).tags.count("details") == 3


def test_totals_per_kind(docs) -> None:
    summary = summarise(docs)
    assert summary.documents == 3
    assert summary.by_kind[Kind.AD].spans == 2 and summary.by_kind[Kind.AD].documents == 2
    assert summary.by_kind[Kind.AD].chars == 2 * len("Advertisement")
    assert summary.by_kind[Kind.COMMENTS].chars == len("Comments (2)")
    assert summary.removed_chars == sum(c for d in docs for c in d.removed_by_kind().values())
    assert summary.source_chars == sum(len(d.source) for d in docs)
    row = re.search(r">ad</span></td><td>2</td><td>2</td><td>26</td>", report_html(docs))
    assert row is not None


def test_sections_are_labelled(docs) -> None:
    markup = report_html(docs)
    assert "1. Document 1" in markup  # no title, no URL
    assert "2. https://example.org/b" in markup
    labelled = report_html(docs, titles=["First <one>", None, "Third"])
    assert "1. First &lt;one&gt;" in labelled and "3. Third" in labelled
    assert "2. https://example.org/b" in labelled


def test_document_views_are_embedded_and_escaped(docs) -> None:
    markup = report_html(docs)
    assert markup.count('data-kind="ad"') == 2 and markup.count('data-kind="comments"') == 1
    assert "Title &lt;with&gt; markup" in markup and "<with>" not in markup


def test_titles_must_match_documents(docs) -> None:
    with pytest.raises(ConfigError):
        report_html(docs, titles=["only one"])


def test_empty_report(tmp_path: Path) -> None:
    markup = write_report([], tmp_path / "empty.html").read_text("utf-8")
    assert "0 document(s)" in markup and "Nothing was removed" in markup
    structure(markup)


def test_guarded_documents_are_counted() -> None:
    guarded = CleanDocument("x", "x", (), flags=("over_removal_guard",))
    assert "1 kept by the over-removal guard" in report_html([guarded])
