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
from operator import attrgetter
from typing import Iterator, Sequence

from ..config import CleanerConfig
from ..kinds import KIND_PRIORITY, Kind
from ..spans import Decision, Finding, Scope, new_decision
from ..text.blocks import Block
from ..text.topic import content_tokens, overlap, union_tokens
from .units import FindingsPerUnit, units_with_findings

_PRIORITY = {kind: i for i, kind in enumerate(KIND_PRIORITY)}
# Module-level names for the members the per-unit loop tests: ``Kind.TITLE`` is an enum
# attribute lookup, an order of magnitude slower than a global, in loops that run once per
# line of every document. Identity tests against the kept kinds are cheaper than
# ``Kind.is_removed`` (an enum hash).
_TITLE, _CONTENT = Kind.TITLE, Kind.CONTENT
_KEPT = (_TITLE, _CONTENT)
_REGION, _POSITION = Scope.REGION, Scope.POSITION
_SCOPE = attrgetter("scope")
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

# What the resolver decides for a unit before it becomes a Decision: kind, score, rule and the
# findings behind it (best first). The rules pass this along and one Decision is built at the
# end, instead of one per rule that changes it.
_Verdict = tuple[Kind, float, str, tuple[Finding, ...]]
_NO_EVIDENCE: _Verdict = (_CONTENT, 0.0, RULE_NO_EVIDENCE, ())


@dataclass(frozen=True, slots=True)
class Resolution:
    # The blocks cut at partial findings' edges (see ``units``); ``decisions[i]`` is about
    # ``units[i]`` and cites ``i`` as its block.
    units: tuple[Block, ...]
    decisions: tuple[Decision, ...]
    guarded: bool  # the plain guard fired: nothing is removed
    guard_restored_evidence: bool = False  # the guard kept only units with content evidence


def resolve(
    source: str, blocks: Sequence[Block], findings: Sequence[Finding], config: CleanerConfig
) -> Resolution:
    units, per_unit = units_with_findings(source, blocks, findings)
    markers = _REGION in map(_SCOPE, findings)  # a C-level scan
    decisions, kept_words, any_removed = _decide(units, per_unit, config, markers)
    if any_removed and _too_little_kept(units, kept_words, config):
        restored = _restore_keep_evidence(units, per_unit, decisions, config)
        if restored is not None:
            return Resolution(units, restored, False, guard_restored_evidence=True)
        return Resolution(units, tuple(_guarded(d) for d in decisions), True)
    return Resolution(units, tuple(decisions), False)


def _decide(
    units: Sequence[Block], per_unit: FindingsPerUnit, config: CleanerConfig, markers: bool
) -> tuple[list[Decision], int, bool]:
    """Rules 1-3 and the title rule in one pass over the units: each unit's own verdict, then
    the region it may fall in (regions only look back, and ahead at own evidence), then
    "only the first title is the title". Also counts what the guard needs: kept words and
    whether anything is removed. ``markers``: some finding is a region marker (most pages
    have none, and then no unit needs checking for one)."""
    out: list[Decision] = []
    threshold = config.removal_threshold
    min_words = config.region_min_preceding_words
    region: Finding | None = None
    kept_words = 0
    any_removed = False
    title_seen = False
    topic = _ArticleTopic(units, per_unit, threshold)
    for i, unit in enumerate(units):
        findings = per_unit[i]
        if not findings and region is None:  # the commonest unit: nothing to weigh or absorb
            kept_words += unit.words
            # ``_NO_EVIDENCE`` written out: a plain positional call is cheaper than ``*``.
            out.append(new_decision(i, unit.start, unit.end, _CONTENT, 0.0, RULE_NO_EVIDENCE, ()))
            continue
        # ``_own_verdict``'s dispatch written out: one call less per flagged unit.
        if len(findings) == 1:
            kind, score, rule, ordered = _single_verdict(findings, threshold)
        elif len(findings) == 2:
            kind, score, rule, ordered = _pair_verdict(findings, threshold)
        else:
            kind, score, rule, ordered = (
                _own_verdict(findings, threshold) if findings else _NO_EVIDENCE
            )
        removed = kind not in _KEPT
        # A marker opens a region only after enough article text: before that it is not
        # looked for (nor is it on pages without markers).
        opens = removed and markers and kept_words >= min_words
        marker = _opens_region(kind, ordered) if opens else None
        if marker is not None:
            topic.end = topic.end or i
            region = marker
        elif region is not None:
            if _absorbed(kind, ordered):
                kind, score, rule, ordered = _in_region(region, score, ordered)
            elif not removed:
                if _resumes(i, units, per_unit, config, region, topic):
                    region = None
                    rule = RULE_RESUMED
                elif score < region.score:
                    kind, score, rule, ordered = _in_region(region, score, ordered)
            removed = kind not in _KEPT
        if kind is _TITLE:  # only the first kept title-evidence unit is the title
            if title_seen:
                kind = _CONTENT
            title_seen = True
        if removed:
            any_removed = True
        else:
            kept_words += unit.words
        out.append(new_decision(i, unit.start, unit.end, kind, score, rule, ordered))
    return out, kept_words, any_removed


def _ordered(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """Best first: by score, then detector and reason (a stable sort)."""
    if len(findings) == 2:  # the usual pair (a line and its position): one comparison
        a, b = findings
        if b.score > a.score or (
            b.score == a.score and (b.detector, b.reason) < (a.detector, a.reason)
        ):
            return (b, a)
        return findings
    return tuple(sorted(findings, key=lambda f: (-f.score, f.detector, f.reason)))


def _best_pair(findings: Sequence[Finding]) -> tuple[Finding | None, Finding | None]:
    """The best removal and the best keep finding, in one pass.

    Best = highest score; removal ties go to the more specific kind (``KIND_PRIORITY``), then
    to the earlier finding (as ``max`` would)."""
    remove: Finding | None = None
    keep: Finding | None = None
    for f in findings:
        if f.kind in _KEPT:
            if keep is None or f.score > keep.score:
                keep = f
        elif (
            remove is None
            or f.score > remove.score
            or (f.score == remove.score and _rank(f) < _rank(remove))
        ):
            remove = f
    return remove, keep


def _rank(finding: Finding) -> int:
    return _PRIORITY.get(finding.kind, 99)


def _own_verdict(findings: tuple[Finding, ...], threshold: float) -> _Verdict:
    """Rule 1 for a unit with findings (no findings: ``_NO_EVIDENCE``)."""
    if len(findings) == 1:  # the commonest: one detector spoke (no ranking needed)
        return _single_verdict(findings, threshold)
    if len(findings) == 2:  # the next commonest: a line and its position
        return _pair_verdict(findings, threshold)
    ordered = _ordered(findings)
    remove, keep = _best_pair(findings)
    keep_score = keep.score if keep else 0.0
    if remove and remove.score >= threshold and remove.score > keep_score:
        return remove.kind, remove.score, RULE_FINDING, ordered
    if keep:
        # Title is the more specific keep kind: "the headline" beats "inside the article".
        kind = _TITLE if any(f.kind is _TITLE for f in findings) else keep.kind
        return kind, keep.score, RULE_KEEP_EVIDENCE, ordered
    rule = RULE_BELOW_THRESHOLD if remove else RULE_NO_EVIDENCE
    return _CONTENT, 0.0, rule, ordered


def _single_verdict(ordered: tuple[Finding], threshold: float) -> _Verdict:
    """:func:`_own_verdict` for exactly one finding (same rules, no keep score to beat)."""
    finding = ordered[0]
    if finding.kind in _KEPT:
        return finding.kind, finding.score, RULE_KEEP_EVIDENCE, ordered
    if finding.score >= threshold and finding.score > 0.0:
        return finding.kind, finding.score, RULE_FINDING, ordered
    return _CONTENT, 0.0, RULE_BELOW_THRESHOLD, ordered


def _pair_verdict(findings: tuple[Finding, Finding], threshold: float) -> _Verdict:
    """:func:`_own_verdict` for exactly two findings, written out: the same ordering
    (``_ordered``), the same best removal and keep (``_best_pair``) and the same rules, without
    the general loops (two findings on one line are most of the removed lines)."""
    a, b = findings
    sa, sb = a.score, b.score
    if sb > sa or (sb == sa and (b.detector, b.reason) < (a.detector, a.reason)):
        ordered: tuple[Finding, ...] = (b, a)
    else:
        ordered = findings
    a_kept, b_kept = a.kind in _KEPT, b.kind in _KEPT
    if not (a_kept or b_kept):  # two removal findings: no keep score to beat
        if sb > sa or (sb == sa and _rank(b) < _rank(a)):
            a, sa = b, sb
        if sa >= threshold and sa > 0.0:
            return a.kind, sa, RULE_FINDING, ordered
        return _CONTENT, 0.0, RULE_BELOW_THRESHOLD, ordered
    if a_kept and b_kept:  # the first best keep; a title beats content
        keep = b if sb > sa else a
        kind = _TITLE if a.kind is _TITLE or b.kind is _TITLE else keep.kind
        return kind, keep.score, RULE_KEEP_EVIDENCE, ordered
    keep, remove = (a, b) if a_kept else (b, a)
    if remove.score >= threshold and remove.score > keep.score:
        return remove.kind, remove.score, RULE_FINDING, ordered
    return keep.kind, keep.score, RULE_KEEP_EVIDENCE, ordered


def _opens_region(kind: Kind, findings: tuple[Finding, ...]) -> Finding | None:
    """The REGION marker behind a removal verdict of ``kind``, if any."""
    for f in findings:  # a plain loop: this runs for every removed unit
        if f.scope is _REGION and f.kind is kind:
            return f
    return None


def _is_clean_prose(unit: Block, findings: tuple[Finding, ...], config: CleanerConfig) -> bool:
    return (
        unit.words >= config.region_resume_min_words
        and unit.terminal
        and all(f.kind in _KEPT for f in findings)
    )


def _resumes(
    i: int,
    units: Sequence[Block],
    per_unit: FindingsPerUnit,
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
    """Content words of the article text kept (by its own evidence) before the first region;
    computed on demand: most regions end the page without a paragraph to test."""

    def __init__(self, units: Sequence[Block], per_unit: FindingsPerUnit, threshold: float):
        self.units, self.per_unit, self.threshold = units, per_unit, threshold
        self.end = 0
        self._tokens: set[str] | None = None

    def continues(self, text: str, min_overlap: float) -> bool:
        if self._tokens is None:
            self._tokens = union_tokens(self._kept_texts())
        tokens = content_tokens(text)
        if len(self._tokens) < TOPIC_MIN_TOKENS or len(tokens) < TOPIC_MIN_TOKENS // 4:
            return False
        return overlap(tokens, self._tokens) >= min_overlap

    def _kept_texts(self) -> Iterator[str]:
        for unit, findings in zip(self.units[: self.end], self.per_unit, strict=False):
            if unit.terminal and unit.words >= TOPIC_MIN_WORDS and self._kept(findings):
                yield unit.text

    def _kept(self, findings: tuple[Finding, ...]) -> bool:
        return not findings or _own_verdict(findings, self.threshold)[0] in _KEPT


def _absorbed(kind: Kind, findings: tuple[Finding, ...]) -> bool:
    """A removed unit whose kind a region describes better (see ``ABSORBED_BY_REGION``)."""
    if kind in ABSORBED_BY_REGION:
        return True
    # Evidence of position only (``Scope.POSITION``): the marker's kind is more specific.
    removal = False
    for f in findings:
        if f.kind not in _KEPT:
            if f.scope is not _POSITION:
                return False
            removal = True
    return removal


def _in_region(region: Finding, score: float, findings: tuple[Finding, ...]) -> _Verdict:
    # ``region.follows_kind`` and ``max(region.score, score)`` written out (no property or
    # builtin call): this runs for every unit of a region.
    best = score if score > region.score else region.score
    return region.region_kind or region.kind, best, RULE_REGION, (region, *findings)


def _too_little_kept(units: Sequence[Block], kept_words: int, config: CleanerConfig) -> bool:
    """Rule 4's trigger, given that something is removed (the total is counted only then)."""
    if kept_words >= config.guard_min_kept_words:
        return False
    return kept_words < config.guard_min_kept_ratio * sum(u.words for u in units)


def _restore_keep_evidence(
    units: Sequence[Block],
    per_unit: FindingsPerUnit,
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
