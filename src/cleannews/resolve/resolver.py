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
   is flagged instead; but when some removed units carry keep evidence (HTML main-content or
   structured-data findings), only those are restored: they say where the article is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..config import CleanerConfig
from ..kinds import KIND_PRIORITY, Kind
from ..spans import Decision, Finding, Scope, new_decision
from ..text.blocks import Block
from ..text.topic import content_tokens, overlap, union_tokens
from .units import covering, split_units

_PRIORITY = {kind: i for i, kind in enumerate(KIND_PRIORITY)}
# Identity tests against the kept kinds: cheaper than ``Kind.is_removed`` (an enum hash) in
# the per-unit loops, which run once per line of every document.
_KEPT = (Kind.TITLE, Kind.CONTENT)
RULE_FINDING = "finding"
RULE_REGION = "region"
RULE_NO_EVIDENCE = "no-evidence"
RULE_KEEP_EVIDENCE = "keep-evidence"
RULE_BELOW_THRESHOLD = "below-threshold"
RULE_RESUMED = "article-resumed"
RULE_GUARD = "over-removal-guard"
RULE_GUARD_EVIDENCE = "guard-keep-evidence"
# Generic kinds that say *what the text looks like* rather than *what it is*: inside a region
# the region's kind describes them better (image-URL debris inside a related-stories block).
ABSORBED_BY_REGION = frozenset({Kind.DEBRIS, Kind.DUPLICATE, Kind.NAV})
TOPIC_MIN_WORDS = 10  # kept lines this long and terminal make up the article's topic...
TOPIC_MIN_TOKENS = 20  # ...which needs this many content words to compare against


@dataclass(frozen=True, slots=True)
class Resolution:
    units: tuple[Block, ...]
    decisions: tuple[Decision, ...]
    guarded: bool  # the plain guard fired: nothing is removed
    guard_restored_evidence: bool = False  # the guard kept only units with content evidence


def resolve(
    source: str, blocks: Sequence[Block], findings: Sequence[Finding], config: CleanerConfig
) -> Resolution:
    units = split_units(source, blocks, findings)
    per_unit = _findings_per_unit(units, findings)
    decisions = [_own_decision(u, fs, config) for u, fs in zip(units, per_unit, strict=True)]
    decisions = _apply_regions(units, per_unit, decisions, config)
    decisions = _mark_title(decisions)
    if _would_remove_nearly_all(units, decisions, config):
        restored = _restore_keep_evidence(units, per_unit, decisions, config)
        if restored is not None:
            return Resolution(units, restored, False, guard_restored_evidence=True)
        return Resolution(units, tuple(_guarded(d) for d in decisions), True)
    return Resolution(units, tuple(decisions), False)


def _findings_per_unit(units: Sequence[Block], findings: Sequence[Finding]) -> list[list[Finding]]:
    starts = [u.start for u in units]
    index_of = {start: i for i, start in enumerate(starts)}
    per_unit: list[list[Finding]] = [[] for _ in units]
    for finding in findings:
        # Most findings cover exactly one whole unit: a dict lookup instead of two bisections.
        i = index_of.get(finding.start)
        if i is not None and units[i].end == finding.end:
            per_unit[i].append(finding)
            continue
        for i in covering(starts, finding):
            per_unit[i].append(finding)
    return per_unit


def _best_pair(findings: Sequence[Finding]) -> tuple[Finding | None, Finding | None]:
    """The best removal and the best keep finding, in one pass.

    Best = highest score; removal ties go to the more specific kind (``KIND_PRIORITY``), then
    to the earlier finding (as ``max`` would)."""
    remove: Finding | None = None
    keep: Finding | None = None
    remove_rank = (0.0, 0)
    for f in findings:
        if f.kind in _KEPT:
            if keep is None or f.score > keep.score:
                keep = f
        else:
            rank = (f.score, -_PRIORITY.get(f.kind, 99))
            if remove is None or rank > remove_rank:
                remove, remove_rank = f, rank
    return remove, keep


def _own_decision(unit: Block, findings: list[Finding], config: CleanerConfig) -> Decision:
    if not findings:  # the common case: nothing to weigh
        return new_decision(unit.index, unit.start, unit.end, Kind.CONTENT, 0.0, RULE_NO_EVIDENCE)
    if len(findings) == 1:  # the next commonest: one detector spoke (no ranking needed)
        return _single_decision(unit, findings[0], config)
    ordered = tuple(sorted(findings, key=lambda f: (-f.score, f.detector, f.reason)))
    remove, keep = _best_pair(findings)
    keep_score = keep.score if keep else 0.0
    if remove and remove.score >= config.removal_threshold and remove.score > keep_score:
        return new_decision(
            unit.index, unit.start, unit.end, remove.kind, remove.score, RULE_FINDING, ordered
        )
    if keep:
        # Title is the more specific keep kind: "the headline" beats "inside the article".
        kind = Kind.TITLE if any(f.kind is Kind.TITLE for f in findings) else keep.kind
        return new_decision(
            unit.index, unit.start, unit.end, kind, keep.score, RULE_KEEP_EVIDENCE, ordered
        )
    rule = RULE_BELOW_THRESHOLD if remove else RULE_NO_EVIDENCE
    return new_decision(unit.index, unit.start, unit.end, Kind.CONTENT, 0.0, rule, ordered)


def _single_decision(unit: Block, finding: Finding, config: CleanerConfig) -> Decision:
    """:func:`_own_decision` for exactly one finding (same rules, no keep score to beat)."""
    ordered = (finding,)
    if finding.kind in _KEPT:
        return new_decision(
            unit.index,
            unit.start,
            unit.end,
            finding.kind,
            finding.score,
            RULE_KEEP_EVIDENCE,
            ordered,
        )
    if finding.score >= config.removal_threshold and finding.score > 0.0:
        return new_decision(
            unit.index, unit.start, unit.end, finding.kind, finding.score, RULE_FINDING, ordered
        )
    return new_decision(
        unit.index, unit.start, unit.end, Kind.CONTENT, 0.0, RULE_BELOW_THRESHOLD, ordered
    )


def _opens_region(decision: Decision) -> Finding | None:
    if decision.kind in _KEPT:
        return None
    kind = decision.kind
    for f in decision.findings:  # a plain loop: this runs for every removed unit
        if f.scope is Scope.REGION and f.kind is kind:
            return f
    return None


def _is_clean_prose(unit: Block, findings: list[Finding], config: CleanerConfig) -> bool:
    return (
        unit.words >= config.region_resume_min_words
        and unit.terminal
        and all(f.kind in _KEPT for f in findings)
    )


def _resumes(
    i: int,
    units: Sequence[Block],
    per_unit: list[list[Finding]],
    config: CleanerConfig,
    region: Finding,
    topic: _ArticleTopic,
) -> bool:
    """The article clearly resumes at ``i``: a run of clean prose blocks starts there (a
    shorter run after a listing heading), or one clean paragraph carrying on the article's
    topic (a listing's items are about other stories; a comment thread is never closed so)."""
    run = config.region_resume_blocks
    listing = region.follows_kind is not Kind.COMMENTS
    if listing:
        run = min(run, config.region_listing_resume_blocks)
    if run == 0 or not _is_clean_prose(units[i], per_unit[i], config):
        return False
    min_overlap = config.region_resume_topic_overlap
    if listing and min_overlap and topic.continues(units[i].text, min_overlap):
        return True
    if i + run > len(units):
        return False
    return all(_is_clean_prose(units[j], per_unit[j], config) for j in range(i + 1, i + run))


class _ArticleTopic:
    """Content words of the article text kept before the first region (computed on demand:
    most regions end the page without a paragraph to test)."""

    def __init__(self, units: Sequence[Block], decisions: list[Decision]) -> None:
        self.units, self.decisions = units, decisions
        self.end = 0
        self._tokens: set[str] | None = None

    def continues(self, text: str, min_overlap: float) -> bool:
        if self._tokens is None:
            kept = (
                u.text
                for u, d in zip(self.units[: self.end], self.decisions, strict=False)
                if d.kind in _KEPT and u.terminal and u.words >= TOPIC_MIN_WORDS
            )
            self._tokens = union_tokens(kept)
        tokens = content_tokens(text)
        if len(self._tokens) < TOPIC_MIN_TOKENS or len(tokens) < TOPIC_MIN_TOKENS // 4:
            return False
        return overlap(tokens, self._tokens) >= min_overlap


def _apply_regions(
    units: Sequence[Block],
    per_unit: list[list[Finding]],
    decisions: list[Decision],
    config: CleanerConfig,
) -> list[Decision]:
    out: list[Decision] = []
    region: Finding | None = None
    kept_words = 0
    min_words = config.region_min_preceding_words
    topic = _ArticleTopic(units, decisions)
    for i, (unit, decision) in enumerate(zip(units, decisions, strict=True)):
        removed = decision.kind not in _KEPT
        marker = _opens_region(decision) if removed else None
        if marker is not None and kept_words >= min_words:
            topic.end = topic.end or i
            region = marker
        elif region is not None:
            if _absorbed(decision):
                decision = _in_region(unit, decision, region)
            elif not removed:
                if _resumes(i, units, per_unit, config, region, topic):
                    region = None
                    decision = _resumed(decision)
                elif decision.score < region.score:
                    decision = _in_region(unit, decision, region)
            removed = decision.kind not in _KEPT
        if not removed:
            kept_words += unit.words
        out.append(decision)
    return out


def _absorbed(decision: Decision) -> bool:
    """A removed unit whose kind a region describes better (see ``ABSORBED_BY_REGION``)."""
    if decision.kind in ABSORBED_BY_REGION:
        return True
    removal = [f for f in decision.findings if f.kind not in _KEPT]
    # Evidence of position only (``Scope.POSITION``): the marker's kind is more specific.
    return bool(removal) and all(f.scope is Scope.POSITION for f in removal)


def _resumed(decision: Decision) -> Decision:
    """Record that this unit closed a region: the article clearly resumes here."""
    return new_decision(
        decision.block,
        decision.start,
        decision.end,
        decision.kind,
        decision.score,
        RULE_RESUMED,
        decision.findings,
    )


def _in_region(unit: Block, decision: Decision, region: Finding) -> Decision:
    return new_decision(
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
                d = new_decision(d.block, d.start, d.end, Kind.CONTENT, d.score, d.rule, d.findings)
            seen = True
        out.append(d)
    return out


def _would_remove_nearly_all(
    units: Sequence[Block], decisions: Sequence[Decision], config: CleanerConfig
) -> bool:
    total = sum(u.words for u in units)
    if total == 0:
        return False
    kept = 0
    any_removed = False
    for unit, decision in zip(units, decisions, strict=True):
        if decision.kind in _KEPT:
            kept += unit.words
        else:
            any_removed = True
    if not any_removed:
        return False
    return kept < config.guard_min_kept_words and kept < config.guard_min_kept_ratio * total


def _restore_keep_evidence(
    units: Sequence[Block],
    per_unit: Sequence[Sequence[Finding]],
    decisions: Sequence[Decision],
    config: CleanerConfig,
) -> tuple[Decision, ...] | None:
    """Removed units with content evidence kept, the rest as decided; ``None`` when that would
    still keep too little (the evidence missed the article too: the plain guard applies).
    Only HTML detectors give content evidence, so text mode always gets the plain guard."""
    out = list(decisions)
    kept = 0
    for i, (unit, findings, decision) in enumerate(zip(units, per_unit, decisions, strict=True)):
        if decision.removed and any(f.kind is Kind.CONTENT for f in findings):
            out[i] = _guarded(decision, RULE_GUARD_EVIDENCE)
        if not out[i].removed:
            kept += unit.words
    return tuple(out) if kept >= config.guard_min_kept_words else None


def _guarded(decision: Decision, rule: str = RULE_GUARD) -> Decision:
    if not decision.removed:
        return decision
    return new_decision(
        decision.block,
        decision.start,
        decision.end,
        Kind.CONTENT,
        0.0,
        rule,
        decision.findings,
    )
