"""Turn decisions into spans and the clean text.

Kept units become one kept span each (mapped to their offsets in the output); consecutive
removed units of one kind merge into one removed span that lists every detector and reason
that contributed, so overlapping evidence stays visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .spans import Decision, Span
from .text.blocks import Block

LINE_SEPARATOR = "\n"
PIECE_SEPARATOR = " "  # between kept pieces of one source line (a removal cut it)


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
        if decision.removed:
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
        spans.append(_kept_span(unit, decision, length))
        parts.append(unit.text)
        length += len(unit.text)
        previous_line = unit.line
    if pending:
        spans.append(_removed_span(source, pending))
    return Rendered("".join(parts), tuple(spans))


def _kept_span(unit: Block, decision: Decision, output_start: int) -> Span:
    return Span(
        start=unit.start,
        end=unit.end,
        kind=decision.kind,
        text=unit.text,
        score=decision.score,
        detectors=_unique(f.detector for f in decision.findings if not f.kind.is_removed),
        reasons=(decision.rule,),
        explanation=_kept_explanation(decision),
        output_start=output_start,
        output_end=output_start + len(unit.text),
    )


def _removed_span(source: str, group: list[tuple[Block, Decision]]) -> Span:
    first, last = group[0][0], group[-1][0]
    decisions = [d for _, d in group]
    lead = decisions[0]
    findings = [f for d in decisions for f in d.findings if f.kind.is_removed]
    return Span(
        start=first.start,
        end=last.end,
        kind=lead.kind,
        text=source[first.start : last.end],
        score=max(d.score for d in decisions),
        detectors=_unique(f.detector for f in findings),
        reasons=_unique(f.reason for f in findings),
        explanation=_removed_explanation(decisions),
    )


def _kept_explanation(decision: Decision) -> str:
    if decision.rule == "over-removal-guard":
        return "kept by the over-removal guard: removing it would leave almost nothing"
    if decision.rule == "no-evidence":
        return "no detector flagged it"
    if decision.rule == "article-resumed":
        return "the article resumed after a boilerplate region"
    return f"kept ({decision.rule})"


def _removed_explanation(decisions: list[Decision]) -> str:
    lead = next((d for d in decisions if d.findings), decisions[0])
    top = next((f for f in lead.findings if f.kind.is_removed), None)
    head = f"{top.detector}: {top.explanation or top.reason}" if top else lead.rule
    in_region = sum(1 for d in decisions if d.rule == "region")
    if in_region:
        head += f"; {in_region} following block(s) fall in the region it opened"
    return head


def _unique(items: object) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:  # type: ignore[attr-defined]
        seen.setdefault(item, None)
    return tuple(seen)
