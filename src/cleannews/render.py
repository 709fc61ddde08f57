"""Turn decisions into spans and the clean text.

Kept units become one kept span each (mapped to their offsets in the output); consecutive
removed units of one kind merge into one removed span that lists every detector and reason
that contributed, so overlapping evidence stays visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from .kinds import Kind
from .spans import Decision, Span, new_span
from .text.blocks import Block

LINE_SEPARATOR = "\n"
PIECE_SEPARATOR = " "  # between kept pieces of one source line (a removal cut it)
_KEPT = (Kind.TITLE, Kind.CONTENT)  # identity tests: cheaper than ``Kind.is_removed``


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    spans: tuple[Span, ...]


def render(source: str, units: Sequence[Block], decisions: Sequence[Decision]) -> Rendered:
    spans: list[Span] = []
    parts: list[str] = []
    length = 0
    previous_line: int | None = None
    pending: list[tuple[Block, Decision]] = []
    for unit, decision in zip(units, decisions, strict=True):
        if decision.kind not in _KEPT:
            if pending and pending[-1][1].kind is not decision.kind:
                spans.append(_removed_span(source, pending))
                pending = []
            pending.append((unit, decision))
            continue
        if pending:
            spans.append(_removed_span(source, pending))
            pending = []
        if parts:
            sep = PIECE_SEPARATOR if unit.line == previous_line else LINE_SEPARATOR
            parts.append(sep)
            length += len(sep)
        text = unit.text
        spans.append(_kept_span(unit, decision, length))
        parts.append(text)
        length += len(text)
        previous_line = unit.line
    if pending:
        spans.append(_removed_span(source, pending))
    return Rendered("".join(parts), tuple(spans))


def _kept_span(unit: Block, decision: Decision, output_start: int) -> Span:
    findings = decision.findings
    return new_span(
        unit.start,
        unit.end,
        decision.kind,
        unit.text,
        decision.score,
        _unique(f.detector for f in findings if f.kind in _KEPT) if findings else (),
        (decision.rule,),
        _kept_explanation(decision),
        output_start,
        output_start + len(unit.text),
    )


def _removed_span(source: str, group: list[tuple[Block, Decision]]) -> Span:
    first, last = group[0][0], group[-1][0]
    decisions = [d for _, d in group]
    lead = decisions[0]
    findings = [f for d in decisions for f in d.findings if f.kind not in _KEPT]
    return new_span(
        first.start,
        last.end,
        lead.kind,
        source[first.start : last.end],
        max(d.score for d in decisions),
        _unique(f.detector for f in findings),
        _unique(f.reason for f in findings),
        _removed_explanation(decisions),
    )


def _kept_explanation(decision: Decision) -> str:
    if decision.rule == "over-removal-guard":
        return "kept by the over-removal guard: removing it would leave almost nothing"
    if decision.rule == "guard-keep-evidence":
        return (
            "kept by the over-removal guard: removing it would leave almost nothing, "
            "and it carries content evidence"
        )
    if decision.rule == "no-evidence":
        return "no detector flagged it"
    if decision.rule == "article-resumed":
        return "the article resumed after a boilerplate region"
    return f"kept ({decision.rule})"


def _removed_explanation(decisions: list[Decision]) -> str:
    lead = next((d for d in decisions if d.findings), decisions[0])
    top = next((f for f in lead.findings if f.kind not in _KEPT), None)
    head = f"{top.detector}: {top.explanation or top.reason}" if top else lead.rule
    in_region = sum(1 for d in decisions if d.rule == "region")
    if in_region:
        head += f"; {in_region} following block(s) fall in the region it opened"
    return head


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))  # first occurrence order
