"""The resolver: findings in, one explained decision per unit out.

Rules, in order:

1. **Own evidence.** A unit is removed when its best removal finding reaches the threshold and
   beats its best keep finding (``title``/``content``). Ties between removal kinds go to the
   more specific kind (:data:`cleannews.kinds.KIND_PRIORITY`).
2. **Regions.** Boilerplate clusters at the end of a page: a removed unit carrying a
   ``REGION`` marker (e.g. "Related Articles") opens a region once enough article text precedes
   it; the units that follow take the marker's ``region_kind`` until another marker opens a new
   region or the article clearly resumes (a run of long, clean prose blocks).
3. **No evidence, no change.** Units nobody flagged are kept as content.
4. **Over-removal guard.** If almost nothing would be kept, everything is kept and the document
   is flagged instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..config import CleanerConfig
from ..kinds import KIND_PRIORITY, Kind
from ..spans import Decision, Finding, Scope
from ..text.blocks import Block
from .units import covering, split_units

_PRIORITY = {kind: i for i, kind in enumerate(KIND_PRIORITY)}
RULE_FINDING = "finding"
RULE_REGION = "region"
RULE_NO_EVIDENCE = "no-evidence"
RULE_KEEP_EVIDENCE = "keep-evidence"
RULE_BELOW_THRESHOLD = "below-threshold"
RULE_RESUMED = "article-resumed"
RULE_GUARD = "over-removal-guard"
# Generic kinds that say *what the text looks like* rather than *what it is*: inside a region
# the region's kind describes them better (image-URL debris inside a related-stories block).
ABSORBED_BY_REGION = frozenset({Kind.DEBRIS, Kind.DUPLICATE, Kind.NAV})
# Detectors whose evidence says only *where* a block is (before or after the article body),
# not what it is: inside a region, the marker's kind is the more specific description.
POSITIONAL_DETECTORS = frozenset({"page_structure"})


@dataclass(frozen=True, slots=True)
class Resolution:
    units: tuple[Block, ...]
    decisions: tuple[Decision, ...]
    guarded: bool


def resolve(
    source: str, blocks: Sequence[Block], findings: Sequence[Finding], config: CleanerConfig
) -> Resolution:
    units = split_units(source, blocks, findings)
    per_unit = _findings_per_unit(units, findings)
    decisions = [_own_decision(u, fs, config) for u, fs in zip(units, per_unit, strict=True)]
    decisions = _apply_regions(units, per_unit, decisions, config)
    decisions = _mark_title(decisions)
    if _would_remove_nearly_all(units, decisions, config):
        return Resolution(units, tuple(_guarded(d) for d in decisions), True)
    return Resolution(units, tuple(decisions), False)


def _findings_per_unit(units: Sequence[Block], findings: Sequence[Finding]) -> list[list[Finding]]:
    starts = [u.start for u in units]
    per_unit: list[list[Finding]] = [[] for _ in units]
    for finding in findings:
        for i in covering(starts, finding):
            per_unit[i].append(finding)
    return per_unit


def _best(findings: Sequence[Finding], removal: bool) -> Finding | None:
    candidates = [f for f in findings if f.kind.is_removed == removal]
    if not candidates:
        return None
    return max(candidates, key=lambda f: (f.score, -_PRIORITY.get(f.kind, 99)))


def _own_decision(unit: Block, findings: list[Finding], config: CleanerConfig) -> Decision:
    if not findings:  # the common case: nothing to weigh
        return Decision(unit.index, unit.start, unit.end, Kind.CONTENT, 0.0, RULE_NO_EVIDENCE)
    ordered = tuple(sorted(findings, key=lambda f: (-f.score, f.detector, f.reason)))
    remove = _best(findings, removal=True)
    keep = _best(findings, removal=False)
    keep_score = keep.score if keep else 0.0
    if remove and remove.score >= config.removal_threshold and remove.score > keep_score:
        return Decision(
            unit.index, unit.start, unit.end, remove.kind, remove.score, RULE_FINDING, ordered
        )
    if keep:
        # Title is the more specific keep kind: "the headline" beats "inside the article".
        kind = Kind.TITLE if any(f.kind is Kind.TITLE for f in findings) else keep.kind
        return Decision(
            unit.index, unit.start, unit.end, kind, keep.score, RULE_KEEP_EVIDENCE, ordered
        )
    rule = RULE_BELOW_THRESHOLD if remove else RULE_NO_EVIDENCE
    return Decision(unit.index, unit.start, unit.end, Kind.CONTENT, 0.0, rule, ordered)


def _opens_region(decision: Decision) -> Finding | None:
    if not decision.removed:
        return None
    markers = [f for f in decision.findings if f.scope is Scope.REGION and f.kind is decision.kind]
    return markers[0] if markers else None


def _is_clean_prose(unit: Block, findings: list[Finding], config: CleanerConfig) -> bool:
    return (
        unit.words >= config.region_resume_min_words
        and unit.terminal
        and not any(f.kind.is_removed for f in findings)
    )


def _resumes(
    i: int, units: Sequence[Block], per_unit: list[list[Finding]], config: CleanerConfig
) -> bool:
    """The article clearly resumes at ``i``: a run of clean prose blocks starts there."""
    run = config.region_resume_blocks
    if run == 0 or i + run > len(units):
        return False
    return all(_is_clean_prose(units[j], per_unit[j], config) for j in range(i, i + run))


def _apply_regions(
    units: Sequence[Block],
    per_unit: list[list[Finding]],
    decisions: list[Decision],
    config: CleanerConfig,
) -> list[Decision]:
    out: list[Decision] = []
    region: Finding | None = None
    kept_words = 0
    for i, (unit, decision) in enumerate(zip(units, decisions, strict=True)):
        marker = _opens_region(decision)
        if marker is not None and kept_words >= config.region_min_preceding_words:
            region = marker
        elif region is not None and _absorbed(decision):
            decision = _in_region(unit, decision, region)
        elif region is not None and not decision.removed:
            if _resumes(i, units, per_unit, config):
                region = None
                decision = _resumed(decision)
            elif decision.score < region.score:
                decision = _in_region(unit, decision, region)
        if not decision.removed:
            kept_words += unit.words
        out.append(decision)
    return out


def _absorbed(decision: Decision) -> bool:
    """A removed unit whose kind a region describes better (see ``ABSORBED_BY_REGION``)."""
    if decision.kind in ABSORBED_BY_REGION:
        return True
    removal = [f for f in decision.findings if f.kind.is_removed]
    return bool(removal) and all(f.detector in POSITIONAL_DETECTORS for f in removal)


def _resumed(decision: Decision) -> Decision:
    """Record that this unit closed a region: the article clearly resumes here."""
    return Decision(
        decision.block,
        decision.start,
        decision.end,
        decision.kind,
        decision.score,
        RULE_RESUMED,
        decision.findings,
    )


def _in_region(unit: Block, decision: Decision, region: Finding) -> Decision:
    return Decision(
        unit.index,
        unit.start,
        unit.end,
        region.follows_kind,
        max(region.score, decision.score),
        RULE_REGION,
        (region, *decision.findings),
    )


def _mark_title(decisions: list[Decision]) -> list[Decision]:
    """Only the first kept title-evidence unit is the title; later ones are content."""
    seen = False
    out = []
    for d in decisions:
        if d.kind is Kind.TITLE:
            if seen:
                d = Decision(d.block, d.start, d.end, Kind.CONTENT, d.score, d.rule, d.findings)
            seen = True
        out.append(d)
    return out


def _would_remove_nearly_all(
    units: Sequence[Block], decisions: Sequence[Decision], config: CleanerConfig
) -> bool:
    total = sum(u.words for u in units)
    if total == 0 or not any(d.removed for d in decisions):
        return False
    kept = sum(u.words for u, d in zip(units, decisions, strict=True) if not d.removed)
    return kept < config.guard_min_kept_words and kept < config.guard_min_kept_ratio * total


def _guarded(decision: Decision) -> Decision:
    if not decision.removed:
        return decision
    return Decision(
        decision.block,
        decision.start,
        decision.end,
        Kind.CONTENT,
        0.0,
        RULE_GUARD,
        decision.findings,
    )
