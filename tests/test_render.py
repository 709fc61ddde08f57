"""The renderer: decisions in, spans and clean text out."""

from __future__ import annotations

from cleannews import Decision, Finding, Kind, Scope
from cleannews.render import LINE_SEPARATOR, PIECE_SEPARATOR, render
from cleannews.resolve.units import split_units
from cleannews.text.blocks import split_blocks


def keep(block, rule: str = "no-evidence", kind: Kind = Kind.CONTENT) -> Decision:
    return Decision(block.index, block.start, block.end, kind, 0.0, rule)


def remove(
    block,
    kind: Kind,
    detector: str = "d",
    reason: str = "d.r",
    rule: str = "finding",
    score: float = 0.9,
    explanation: str = "",
) -> Decision:
    finding = Finding(block.start, block.end, kind, score, detector, reason, explanation)
    return Decision(block.index, block.start, block.end, kind, score, rule, (finding,))


def test_separators() -> None:
    assert LINE_SEPARATOR == "\n" and PIECE_SEPARATOR == " "


def test_kept_lines_are_joined_by_newlines_with_output_offsets() -> None:
    source = "  Title  \r\n\n\tFirst paragraph.\u2028Second one."
    blocks = split_blocks(source)
    rendered = render(source, blocks, [keep(b) for b in blocks])
    assert rendered.text == "Title\nFirst paragraph.\nSecond one."
    for span in rendered.spans:
        assert rendered.text[span.output_start : span.output_end] == span.text
        assert source[span.start : span.end] == span.text


def test_pieces_of_one_line_are_joined_by_a_space() -> None:
    source = "Before ![](a.png) after\nNext line"
    cut = Finding(source.index("!"), source.index(")") + 1, Kind.DEBRIS, 0.9, "debris", "x")
    units = split_units(source, split_blocks(source), [cut])
    decisions = [keep(units[0]), remove(units[1], Kind.DEBRIS), keep(units[2]), keep(units[3])]
    rendered = render(source, units, decisions)
    assert rendered.text == "Before after\nNext line"
    assert [s.output_start for s in rendered.spans if not s.removed] == [0, 7, 13]


def test_consecutive_removals_of_one_kind_merge() -> None:
    source = "Body text.\nComments\nFirst comment\nSecond comment\nFooter"
    blocks = split_blocks(source)
    decisions = [
        keep(blocks[0]),
        remove(blocks[1], Kind.COMMENTS, "comments", "comments.marker", explanation="heading"),
        remove(blocks[2], Kind.COMMENTS, "comments", "comments.marker", rule="region"),
        remove(blocks[3], Kind.COMMENTS, "widgets", "widgets.form", rule="region"),
        remove(blocks[4], Kind.FOOTER, "footer", "footer.line"),
    ]
    spans = render(source, blocks, decisions).spans
    assert [(s.kind, s.text) for s in spans] == [
        (Kind.CONTENT, "Body text."),
        (Kind.COMMENTS, "Comments\nFirst comment\nSecond comment"),
        (Kind.FOOTER, "Footer"),
    ]
    merged = spans[1]
    assert merged.detectors == ("comments", "widgets")
    assert merged.reasons == ("comments.marker", "widgets.form")
    assert merged.explanation == (
        "comments: heading; 2 following block(s) fall in the region it opened"
    )
    assert merged.output_start is None


def test_a_kept_unit_splits_removals() -> None:
    source = "Ad one\nKept\nAd two"
    blocks = split_blocks(source)
    decisions = [remove(blocks[0], Kind.AD), keep(blocks[1]), remove(blocks[2], Kind.AD)]
    spans = render(source, blocks, decisions).spans
    assert [s.text for s in spans] == ["Ad one", "Kept", "Ad two"]


def test_removed_span_score_is_the_maximum() -> None:
    source = "a\nb"
    blocks = split_blocks(source)
    decisions = [remove(blocks[0], Kind.AD, score=0.6), remove(blocks[1], Kind.AD, score=0.8)]
    assert render(source, blocks, decisions).spans[0].score == 0.8


def test_explanations_of_kept_spans() -> None:
    source = "a\nb\nc\nd"
    blocks = split_blocks(source)
    decisions = [
        keep(blocks[0]),
        keep(blocks[1], "over-removal-guard"),
        keep(blocks[2], "article-resumed"),
        keep(blocks[3], "keep-evidence", Kind.TITLE),
    ]
    spans = render(source, blocks, decisions).spans
    assert spans[0].explanation == "no detector flagged it"
    assert "over-removal guard" in spans[1].explanation
    assert "resumed" in spans[2].explanation
    assert spans[3].explanation == "kept (keep-evidence)" and spans[3].kind is Kind.TITLE
    assert [s.reasons for s in spans] == [(d.rule,) for d in decisions]


def test_kept_span_lists_only_keep_detectors() -> None:
    source = "Headline"
    block = split_blocks(source)[0]
    findings = (
        Finding(0, 8, Kind.TITLE, 0.9, "title", "title.h1"),
        Finding(0, 8, Kind.NAV, 0.4, "nav", "nav.menu", scope=Scope.BLOCK),
    )
    decision = Decision(0, 0, 8, Kind.TITLE, 0.9, "keep-evidence", findings)
    assert render(source, [block], [decision]).spans[0].detectors == ("title",)


def test_removed_explanation_falls_back_to_reason_then_rule() -> None:
    source = "x"
    block = split_blocks(source)[0]
    assert render(source, [block], [remove(block, Kind.AD)]).spans[0].explanation == "d: d.r"
    bare = Decision(0, 0, 1, Kind.AD, 0.9, "finding")
    assert render(source, [block], [bare]).spans[0].explanation == "finding"


def test_empty() -> None:
    rendered = render("", (), ())
    assert rendered.text == "" and rendered.spans == ()


def test_everything_removed_gives_empty_text() -> None:
    source = "Share\nTweet"
    blocks = split_blocks(source)
    rendered = render(source, blocks, [remove(b, Kind.FOOTER) for b in blocks])
    assert rendered.text == "" and len(rendered.spans) == 1
