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
_KEPT_KINDS = frozenset(_KEPT)  # one hash lookup for a removal kind (the tuple compares twice)
# Why a unit was kept, by resolver rule (other rules: ``kept (<rule>)``).
KEPT_EXPLANATIONS = {
    "over-removal-guard": "kept by the over-removal guard: removing it would leave almost nothing",
    "guard-keep-evidence": (
        "kept by the over-removal guard: removing it would leave almost nothing, "
        "and it carries content evidence"
    ),
    "no-evidence": "no detector flagged it",
    "article-resumed": "the article resumed after a boilerplate region",
}

# A kept span's reasons (its rule) and explanation, by rule: one lookup per kept unit.
_KEPT_TEXTS = {rule: ((rule,), explanation) for rule, explanation in KEPT_EXPLANATIONS.items()}


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    spans: tuple[Span, ...]


def render(source: str, units: Sequence[Block], decisions: Sequence[Decision]) -> Rendered:
    """One pass over the units: a kept unit becomes a span at once; a run of removed units of
    one kind becomes one span when the run ends (``run`` is the index of its first unit)."""
    if len(units) != len(decisions):
        raise ValueError(f"{len(units)} units but {len(decisions)} decisions")
    spans: list[Span] = []
    parts: list[str] = []
    length = 0
    previous_line: int | None = None
    run = -1
    run_kind = None
    for i, decision in enumerate(decisions):
        kind = decision.kind
        if kind not in _KEPT_KINDS:
            if run < 0:
                run, run_kind = i, kind
            elif kind is not run_kind:
                spans.append(_removed_span(source, units, decisions, run, i))
                run, run_kind = i, kind
            continue
        if run >= 0:
            spans.append(_removed_span(source, units, decisions, run, i))
            run = -1
        unit = units[i]
        line = unit.line
        if parts:
            sep = PIECE_SEPARATOR if line == previous_line else LINE_SEPARATOR
            parts.append(sep)
            length += len(sep)
        text = unit.text
        end = length + len(text)
        spans.append(_kept_span(unit, decision, length, end))
        parts.append(text)
        length = end
        previous_line = line
    if run >= 0:
        spans.append(_removed_span(source, units, decisions, run, len(decisions)))
    return Rendered("".join(parts), tuple(spans))


def _kept_span(unit: Block, decision: Decision, output_start: int, output_end: int) -> Span:
    findings = decision.findings
    rule = decision.rule
    reasons, explanation = _KEPT_TEXTS.get(rule) or ((rule,), f"kept ({rule})")
    return new_span(
        unit.start,
        unit.end,
        decision.kind,
        unit.text,
        decision.score,
        _unique(f.detector for f in findings if f.kind in _KEPT) if findings else (),
        reasons,
        explanation,
        output_start,
        output_end,
    )


def _removed_span(
    source: str, units: Sequence[Block], decisions: Sequence[Decision], first: int, stop: int
) -> Span:
    """One span for the removed units ``first`` to ``stop - 1`` (one kind, consecutive)."""
    start, end = units[first].start, units[stop - 1].end
    group = decisions[first:stop]
    score, detectors, reasons, in_region = _run_summary(group)
    explanation = _lead_explanation(group)
    if in_region:  # most runs hold no region (one call less per run than a helper for both)
        explanation += _region_note(in_region)
    return new_span(
        start, end, group[0].kind, source[start:end], score, detectors, reasons, explanation
    )


def _run_summary(
    group: Sequence[Decision],
) -> tuple[float, tuple[str, ...], tuple[str, ...], int]:
    """The best score of ``group``; the detectors and the reasons of its removal findings, each
    in first occurrence order (keep findings are rare in removed units, but a region absorbs
    kept units with their findings); and how many of its units fall in a region.

    One plain loop gathers them all: a run of removed units holds a dozen findings on average,
    and a pass per field (or a comprehension each) costs more."""
    score = group[0].score
    in_region = 0
    detectors: dict[str, None] = {}
    reasons: dict[str, None] = {}
    for decision in group:
        if decision.score > score:  # the first best, as ``max``
            score = decision.score
        if decision.rule == "region":
            in_region += 1
        for f in decision.findings:
            if f.kind not in _KEPT_KINDS:
                detectors[f.detector] = None
                reasons[f.reason] = None
    return score, tuple(detectors), tuple(reasons), in_region


def _region_note(in_region: int) -> str:
    """How many units of a removed run (``in_region``) fall in a region its lead opened."""
    return f"; {in_region} following block(s) fall in the region it opened"


def _lead_explanation(decisions: Sequence[Decision]) -> str:
    """The first removal finding's explanation (from the first unit with findings, else that
    unit's rule)."""
    for decision in decisions:
        if decision.findings:
            for f in decision.findings:
                if f.kind not in _KEPT:
                    return f"{f.detector}: {f.explanation or f.reason}"
            return decision.rule
    return decisions[0].rule


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))  # first occurrence order
