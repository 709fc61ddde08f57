"""Notebook views: highlighted source HTML and the span table."""

from __future__ import annotations

import html
import sys
from html.parser import HTMLParser
from typing import Iterator

import pytest

from cleannews import CleanDocument, Cleaner, CleanerConfig, Detector, Kind
from cleannews.display import (
    KIND_COLOURS,
    TABLE_COLUMNS,
    SpanTable,
    document_html,
    escape_text,
    legend_html,
    spans_table,
)
from cleannews.kinds import REMOVED_KINDS
from cleannews.page import Page
from cleannews.spans import Finding

SOURCE = (
    'Mayor <b>opens</b> bridge & "tunnel"\n'
    "The mayor opened the bridge on Monday after three years of work on the river crossing.\n"
    "Advertisement <script>alert(1)</script>\n"
    "Nul\x00byte and emoji 😀 and RTL שלום\r\n"
    "Related Articles\n"
)


class Flagger(Detector):
    name = "flagger"
    kinds = frozenset({Kind.AD, Kind.RELATED, Kind.TITLE})

    def detect(self, page: Page) -> Iterator[Finding]:
        for block in page.blocks:
            if block.text.startswith("Advertisement"):
                yield self.finding(block, Kind.AD, 0.9, "flagger.ad", 'an <ad> "label"')
            elif block.text == "Related Articles":
                yield self.finding(block, Kind.RELATED, 0.8, "flagger.related")
            elif block.index == 0:
                yield self.finding(block, Kind.TITLE, 0.9, "flagger.title")


@pytest.fixture(scope="module")
def doc() -> CleanDocument:
    return Cleaner([Flagger()], config=CleanerConfig(detect_language=False)).clean(SOURCE)


class Collector(HTMLParser):
    """Text outside tags, and the attributes of every <mark>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[dict[str, str | None]] = []
        self.mark_text: list[str] = []
        self.in_mark = False
        self.in_source = False
        self.source_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "mark":
            self.marks.append(attributes)
            self.mark_text.append("")
            self.in_mark = True
        if attributes.get("class") == "cleannews-source":
            self.in_source = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.in_mark = False

    def handle_data(self, data: str) -> None:
        if self.in_mark:
            self.mark_text[-1] += data
        if self.in_source:
            self.source_text.append(data)


def parse(markup: str) -> Collector:
    collector = Collector()
    collector.feed(markup)
    collector.close()
    return collector


def visible(text: str) -> str:
    """What the view shows for ``text``: control characters become control pictures."""
    return (
        escape_text(text)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
    )


def test_every_removed_span_is_one_mark_with_its_kind(doc: CleanDocument) -> None:
    parsed = parse(document_html(doc))
    assert [m["data-kind"] for m in parsed.marks] == [s.kind.value for s in doc.removed]
    assert parsed.mark_text == [visible(s.text) for s in doc.removed]
    for mark, span in zip(parsed.marks, doc.removed, strict=True):
        assert KIND_COLOURS[span.kind] in (mark["style"] or "")


def test_hover_title_explains_the_removal(doc: CleanDocument) -> None:
    ad = parse(document_html(doc)).marks[0]["title"] or ""
    assert "kind: ad" in ad and "score: 0.90" in ad
    assert "detectors: flagger" in ad and "reasons: flagger.ad" in ad
    assert 'an <ad> "label"' in ad  # unescaped by the parser: it was escaped in the markup


def test_the_whole_source_is_shown_once_in_order(doc: CleanDocument) -> None:
    assert "".join(parse(document_html(doc)).source_text) == visible(SOURCE)


def test_markup_in_the_source_is_escaped(doc: CleanDocument) -> None:
    markup = document_html(doc)
    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;script&gt;" in markup and "&lt;b&gt;opens" in markup


def test_control_characters_never_reach_the_markup(doc: CleanDocument) -> None:
    markup = document_html(doc)
    assert "\x00" not in markup and "\u2400" in markup


def test_kept_text_is_plain(doc: CleanDocument) -> None:
    parsed = parse(document_html(doc))
    kept = doc.kept[1].text
    assert kept not in "".join(parsed.mark_text)
    assert kept in "".join(parsed.source_text)


def test_header_and_legend(doc: CleanDocument) -> None:
    markup = document_html(doc)
    assert escape_text(doc.title or "") in markup and "2 removed span(s)" in markup
    assert ">ad</span>" in markup and ">related</span>" in markup
    assert ">comments</span>" not in markup  # the legend lists the kinds present
    bare = document_html(doc, legend=False, header=False)
    assert "cleannews-legend" not in bare and "removed span(s)" not in bare


def test_full_legend_has_one_distinct_colour_per_removed_kind() -> None:
    legend = legend_html()
    assert all(f">{k.value}</span>" in legend for k in REMOVED_KINDS)
    assert set(KIND_COLOURS) == set(REMOVED_KINDS)
    assert len(set(KIND_COLOURS.values())) == len(KIND_COLOURS)


def test_document_without_removals_or_source() -> None:
    empty = Cleaner([]).clean("", detect_language=False)
    assert "<mark" not in document_html(empty)
    clean = Cleaner([]).clean("Just text.", detect_language=False)
    assert "<mark" not in document_html(clean) and "Just text." in document_html(clean)


def test_overlapping_hand_made_spans_do_not_break_the_view() -> None:
    from cleannews import Span

    bad = CleanDocument("abcdef", "", (Span(0, 4, Kind.AD, "abcd"), Span(2, 6, Kind.AD, "cdef")))
    assert "".join(parse(document_html(bad)).source_text) == "abcdef"


def test_spans_table_with_pandas(doc: CleanDocument) -> None:
    pd = pytest.importorskip("pandas")
    frame = spans_table(doc)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(TABLE_COLUMNS)
    assert list(frame["kind"]) == [s.kind.value for s in doc.spans]
    assert list(spans_table(doc, removed_only=True)["kind"]) == ["ad", "related"]


def test_spans_table_without_pandas(doc: CleanDocument, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes ``import pandas`` fail
    table = spans_table(doc)
    assert isinstance(table, SpanTable) and isinstance(table, list)
    assert [row["kind"] for row in table] == [s.kind.value for s in doc.spans]
    assert table[2]["detectors"] == "flagger" and table[2]["removed"] is True
    assert set(table[0]) == set(TABLE_COLUMNS)
    markup = table._repr_html_()
    assert markup.count("<tr") == len(doc.spans) + 1
    assert "&lt;script&gt;" in markup and "<script>" not in markup


def test_escape_text() -> None:
    assert escape_text('<a href="x">&\x00\x1b') == "&lt;a href=&quot;x&quot;&gt;&amp;\u2400\u241b"
    assert escape_text("tab\tnew\nline") == "tab\tnew\nline"
    assert html.unescape(escape_text("😀 שלום")) == "😀 שלום"
