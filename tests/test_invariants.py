"""Property tests of the core contracts, on arbitrary and on page-like text.

Contracts (see :class:`cleannews.CleanDocument`): spans are in bounds, sorted, disjoint and tile
the source (only whitespace between them); ``span.text == source[start:end]``; kept spans'
output offsets index ``doc.text`` and, joined with the renderer's separators, rebuild it;
cleaning is deterministic, idempotent, serialisable and raises only cleannews errors.
"""

from __future__ import annotations

import html
import zlib
from typing import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleannews import CleanDocument, Cleaner, CleanerConfig, CleanNewsError, Detector, Kind
from cleannews.kinds import REMOVED_KINDS
from cleannews.page import Page
from cleannews.render import LINE_SEPARATOR, PIECE_SEPARATOR, render
from cleannews.resolve.resolver import resolve
from cleannews.spans import Finding, Scope
from cleannews.text.blocks import LINE_BREAK, split_blocks

from strategies import any_text, nested_markup, page_text

# Deterministic: the same examples on every run and machine, no example database.
FAST = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=120,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SLOW = settings(FAST, max_examples=25)

BUILTIN = Cleaner()


# -- the checks ---------------------------------------------------------------------------


def assert_tiles(doc: CleanDocument) -> None:
    """Spans in bounds, sorted, disjoint, trimmed; only whitespace outside them."""
    source = doc.source
    position = 0
    for span in doc.spans:
        assert 0 <= span.start < span.end <= len(source), span
        assert span.start >= position, f"span {span} overlaps or is out of order"
        gap = source[position : span.start]
        assert gap == "" or gap.isspace(), f"non-space {gap!r} outside every span"
        assert span.text == source[span.start : span.end]
        assert not span.text[0].isspace() and not span.text[-1].isspace(), span
        position = span.end
    rest = source[position:]
    assert rest == "" or rest.isspace(), f"non-space {rest!r} after the last span"


def assert_output_offsets(doc: CleanDocument) -> None:
    """Kept spans index ``doc.text``; with the separators between them they rebuild it."""
    kept = doc.kept
    rebuilt: list[str] = []
    for i, span in enumerate(kept):
        assert span.output_start is not None and span.output_end is not None
        assert doc.text[span.output_start : span.output_end] == span.text
        if i:
            previous = kept[i - 1]
            same_line = LINE_BREAK.search(doc.source, previous.end, span.start) is None
            rebuilt.append(PIECE_SEPARATOR if same_line else LINE_SEPARATOR)
        rebuilt.append(span.text)
    assert "".join(rebuilt) == doc.text
    for span in doc.removed:
        assert span.output_start is None and span.output_end is None
        assert span.kind in REMOVED_KINDS
    assert sum(s.kind is Kind.TITLE for s in kept) <= 1
    if doc.guarded:
        assert doc.removed == ()


def assert_round_trips(doc: CleanDocument) -> None:
    assert CleanDocument.from_dict(doc.to_dict()) == doc
    again = CleanDocument.from_json(doc.to_json())
    assert again == doc
    assert again.to_dict() == doc.to_dict()


def assert_contracts(doc: CleanDocument) -> None:
    assert_tiles(doc)
    assert_output_offsets(doc)
    assert_round_trips(doc)


# -- the built-in pipeline ------------------------------------------------------------------


@FAST
@given(any_text)
def test_arbitrary_text_keeps_the_contracts(source: str) -> None:
    doc = BUILTIN.clean(source, kind="text", detect_language=False)
    assert doc.source == source
    assert_contracts(doc)


@FAST
@given(page_text())
def test_page_like_text_keeps_the_contracts(source: str) -> None:
    doc = BUILTIN.clean(source, kind="text", detect_language=False)
    assert doc.source == source
    assert_contracts(doc)


@SLOW
@given(st.one_of(page_text(), any_text))
def test_contracts_hold_with_language_identification(source: str) -> None:
    doc = BUILTIN.clean(source, kind="text", detect_language=True)
    assert doc.language is None or (doc.language.isalpha() and doc.language.islower())
    assert_contracts(doc)


@FAST
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_and_keep_the_contracts(data: bytes) -> None:
    doc = BUILTIN.clean(data, kind="text", detect_language=False)
    assert_contracts(doc)


@FAST
@given(st.one_of(page_text(), any_text))
def test_cleaning_is_idempotent(source: str) -> None:
    doc = BUILTIN.clean(source, kind="text", detect_language=False)
    again = BUILTIN.clean(doc.text, kind="text", detect_language=False)
    assert again.removed == (), [s.text for s in again.removed]
    assert again.text == doc.text


PROSE_20 = (
    "The council said on Tuesday that the new bridge over the river will finally open next "
    "spring after years of delays and rising costs."
)
IDEMPOTENCE_CASES = [
    # Once-known gaps, fixed: kept as regressions.
    pytest.param(
        "Some text.\n&w=3840&q=100) https://example.com/a.jpg", id="debris-residue-is-a-bare-url"
    ),
    pytest.param(
        "Some text.\n&w=3840&q=100) ?utm_source=feed&utm_medium=rss",
        id="debris-residue-is-a-url-tail",
    ),
    pytest.param(f"Menu\n{PROSE_20}\n{PROSE_20}", id="duplicates-title-after-nav"),
    pytest.param(
        "Headline of the day\nThe the the the the the.\nThe the the the the the. &w=3840&q=100)",
        id="duplicates-after-inline-cut",
    ),
]


@pytest.mark.parametrize("source", IDEMPOTENCE_CASES)
def test_known_idempotence_gaps(source: str) -> None:
    doc = BUILTIN.clean(source, kind="text", detect_language=False)
    assert BUILTIN.clean(doc.text, kind="text", detect_language=False).removed == ()


@FAST
@given(st.one_of(page_text(), any_text), st.booleans())
def test_cleaning_is_deterministic(source: str, language: bool) -> None:
    first = BUILTIN.clean(source, kind="text", detect_language=language)
    second = Cleaner().clean(source, kind="text", detect_language=language)
    assert first == second
    assert first.to_dict() == second.to_dict()


@SLOW
@given(st.one_of(page_text(), any_text), st.sampled_from(["auto", "text", "html"]))
def test_only_cleannews_errors_escape(source: str, kind: str) -> None:
    small = Cleaner(config=CleanerConfig(max_input_chars=64))
    for cleaner in (BUILTIN, small):
        try:
            doc = cleaner.clean(source, kind=kind, detect_language=False)
        except CleanNewsError:
            assert cleaner is small and len(source) > 64
        else:
            assert_contracts(doc)


def as_html(text: str, wrap: str) -> str:
    body = "".join(f"<{wrap}>{html.escape(line)}</{wrap}>" for line in LINE_BREAK.split(text))
    return f"<html><head><title>t</title></head><body>{body}</body></html>"


@SLOW
@given(
    st.one_of(
        st.builds(as_html, page_text(), st.sampled_from(["p", "div", "li", "h2"])),
        any_text.map(lambda t: "<div>" + t),
    )
)
def test_html_input_keeps_the_contracts(markup: str) -> None:
    doc = BUILTIN.clean(markup, kind="auto", detect_language=False)
    assert doc.input_kind == "html"
    assert_contracts(doc)


@FAST
@given(nested_markup, st.booleans())
def test_nested_markup_keeps_the_contracts(markup: str, as_bytes: bool) -> None:
    source: str | bytes = markup.encode("utf-8", "surrogatepass") if as_bytes else markup
    try:
        doc = BUILTIN.clean(source, kind="html", detect_language=False)
    except CleanNewsError:
        return  # a typed refusal is allowed; any other exception fails the test
    assert_contracts(doc)
    again = BUILTIN.clean(source, kind="html", detect_language=False)
    assert again.to_dict() == doc.to_dict()


# -- resolver and renderer under arbitrary findings -----------------------------------------


class ChaosDetector(Detector):
    """Deterministic pseudo-random findings (whole lines, regions, partial lines, all kinds)."""

    name = "chaos"
    kinds = frozenset(Kind)

    def detect(self, page: Page) -> Iterator[Finding]:
        kinds = sorted(Kind, key=lambda k: k.value)
        for block in page.blocks:
            h = zlib.crc32(block.text.encode("utf-8", "surrogatepass"))
            kind = kinds[h % len(kinds)]
            score = (h >> 8) % 11 / 10
            if h % 3 == 0:
                scope = Scope.REGION if h % 7 == 0 else Scope.BLOCK
                region = kinds[(h >> 4) % len(kinds)] if scope is Scope.REGION else None
                yield self.finding(
                    block, kind, score, "chaos.line", scope=scope, region_kind=region
                )
            elif h % 5 == 0 and len(block) > 2:  # a cut inside the line
                cut = block.start + 1 + (h >> 3) % (len(block) - 1)
                yield Finding(cut, block.end, kind, score, self.name, "chaos.tail")


CHAOS = Cleaner([ChaosDetector()], config=CleanerConfig(region_min_preceding_words=5))


@FAST
@given(st.one_of(page_text(), any_text))
def test_chaotic_findings_keep_the_contracts(source: str) -> None:
    first = CHAOS.clean(source, kind="text", detect_language=False)
    assert_contracts(first)
    assert first == CHAOS.clean(source, kind="text", detect_language=False)


KINDS = st.sampled_from(list(Kind))
SCORES = st.sampled_from([0.0, 0.2, 0.5, 0.7, 0.85, 0.9, 1.0])


@st.composite
def source_and_findings(draw: st.DrawFn) -> tuple[str, list[Finding]]:
    source = draw(st.one_of(page_text(), any_text).filter(lambda s: s.strip() != ""))
    blocks = split_blocks(source)
    findings = []
    for _ in range(draw(st.integers(0, 12))):
        if draw(st.booleans()):  # a whole block, the common case
            block = draw(st.sampled_from(blocks))
            start, end = block.start, block.end
        else:  # anywhere, even across lines or only over whitespace
            start = draw(st.integers(0, len(source) - 1))
            end = draw(st.integers(start + 1, len(source)))
        scope = draw(st.sampled_from(list(Scope)))
        findings.append(
            Finding(
                start,
                end,
                draw(KINDS),
                draw(SCORES),
                draw(st.sampled_from(["d1", "d2"])),
                draw(st.sampled_from(["r.a", "r.b"])),
                scope=scope,
                region_kind=draw(st.none() | KINDS) if scope is Scope.REGION else None,
            )
        )
    return source, findings


CONFIGS = st.builds(
    CleanerConfig,
    removal_threshold=st.sampled_from([0.5, 0.8, 1.0]),
    region_min_preceding_words=st.sampled_from([0, 5, 40]),
    region_resume_blocks=st.sampled_from([0, 1, 3]),
    region_resume_min_words=st.sampled_from([0, 5, 25]),
    guard_min_kept_words=st.sampled_from([0, 15]),
)


def _document(source: str, findings: list[Finding], config: CleanerConfig) -> CleanDocument:
    resolution = resolve(source, split_blocks(source), findings, config)
    rendered = render(source, resolution.units, resolution.decisions)
    return CleanDocument(
        source=source,
        text=rendered.text,
        spans=rendered.spans,
        flags=("over_removal_guard",) if resolution.guarded else (),
        decisions=resolution.decisions,
    )


@FAST
@given(source_and_findings(), CONFIGS)
def test_resolver_and_renderer_keep_the_contracts(case, config: CleanerConfig) -> None:
    source, findings = case
    doc = _document(source, findings, config)
    assert_contracts(doc)
    starts = [d.start for d in doc.decisions]
    assert starts == sorted(starts)


@FAST
@given(source_and_findings())
def test_without_regions_only_own_evidence_removes(case) -> None:
    source, findings = case
    config = CleanerConfig(region_min_preceding_words=10**9, guard_min_kept_words=0)
    doc = _document(source, findings, config)
    for decision in doc.decisions:
        if decision.removed:
            removal = [f for f in decision.findings if f.kind.is_removed]
            keep = [f.score for f in decision.findings if f.kind.is_kept]
            best = max(f.score for f in removal)
            assert best >= config.removal_threshold and best > max(keep, default=0.0)
            assert all(f.start <= decision.start and decision.end <= f.end for f in removal)
    assert not doc.guarded


@FAST
@given(source_and_findings())
def test_no_findings_means_nothing_removed(case) -> None:
    source, _ = case
    doc = _document(source, [], CleanerConfig())
    assert doc.removed == ()
    assert doc.text == "\n".join(line.strip() for line in _lines(source) if line.strip())


def _lines(source: str) -> list[str]:
    return LINE_BREAK.split(source)
