"""Plain result records: what detectors find, what the resolver decides, what the user gets.

All offsets are Python ``str`` indices (Unicode code points) into ``CleanDocument.source``,
half-open ``[start, end)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Mapping, TypeVar

from .errors import SerializationError
from .kinds import Kind

OFFSET_UNIT = "codepoint"


class Scope(StrEnum):
    """How far a finding reaches."""

    BLOCK = "block"  # only the text it covers
    REGION = "region"  # a marker: it and what follows belong to ``region_kind`` until a new marker
    # Only the text it covers, and only by *where* it sits (before or after the article body),
    # not by what it is: inside a region, the region's kind describes it better.
    POSITION = "position"


@dataclass(frozen=True, slots=True)
class Finding:
    """One detector's claim about a region of the source."""

    start: int
    end: int
    kind: Kind
    score: float
    detector: str
    reason: str  # short stable code, e.g. ``related.heading``
    explanation: str = ""  # human sentence
    scope: Scope = Scope.BLOCK
    region_kind: Kind | None = None  # kind of what follows a REGION marker (defaults to ``kind``)

    def __post_init__(self) -> None:
        if self.start < 0 or self.end <= self.start:
            raise ValueError(f"finding needs 0 <= start < end, got [{self.start}, {self.end})")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"finding score must be in [0, 1], got {self.score}")

    @property
    def follows_kind(self) -> Kind:
        return self.region_kind or self.kind

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind.value,
            "score": self.score,
            "detector": self.detector,
            "reason": self.reason,
            "explanation": self.explanation,
            "scope": self.scope.value,
            "region_kind": self.region_kind.value if self.region_kind else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        try:
            region = data.get("region_kind")
            return cls(
                start=int(data["start"]),
                end=int(data["end"]),
                kind=Kind(data["kind"]),
                score=float(data["score"]),
                detector=str(data["detector"]),
                reason=str(data["reason"]),
                explanation=str(data.get("explanation", "")),
                scope=Scope(data.get("scope", "block")),
                region_kind=Kind(region) if region else None,
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise SerializationError(f"bad finding: {exc}") from exc


@dataclass(frozen=True, slots=True)
class DomRef:
    """Where a span came from in an HTML page."""

    xpath: str
    tag: str
    id: str | None = None
    classes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"xpath": self.xpath, "tag": self.tag, "id": self.id, "classes": list(self.classes)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DomRef:
        return cls(
            xpath=str(data["xpath"]),
            tag=str(data["tag"]),
            id=data.get("id"),
            classes=tuple(data.get("classes", ())),
        )


@dataclass(frozen=True, slots=True)
class Span:
    """A kept or removed region of the source, with its provenance.

    For kept spans ``output_start``/``output_end`` locate the same text in ``CleanDocument.text``.
    """

    start: int
    end: int
    kind: Kind
    text: str
    score: float = 1.0
    detectors: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    explanation: str = ""
    output_start: int | None = None
    output_end: int | None = None
    dom: tuple[DomRef, ...] = ()

    @property
    def removed(self) -> bool:
        return self.kind.is_removed

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "kind": self.kind.value,
            "text": self.text,
            "score": self.score,
            "detectors": list(self.detectors),
            "reasons": list(self.reasons),
            "explanation": self.explanation,
        }
        if self.output_start is not None:
            out["output_start"] = self.output_start
            out["output_end"] = self.output_end
        if self.dom:
            out["dom"] = [ref.to_dict() for ref in self.dom]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        try:
            return cls(
                start=int(data["start"]),
                end=int(data["end"]),
                kind=Kind(data["kind"]),
                text=str(data["text"]),
                score=float(data.get("score", 1.0)),
                detectors=tuple(data.get("detectors", ())),
                reasons=tuple(data.get("reasons", ())),
                explanation=str(data.get("explanation", "")),
                output_start=data.get("output_start"),
                output_end=data.get("output_end"),
                dom=tuple(DomRef.from_dict(d) for d in data.get("dom", ())),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise SerializationError(f"bad span: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Decision:
    """Why one block was finally kept or removed (the resolver's record)."""

    block: int  # index into the document's blocks
    start: int
    end: int
    kind: Kind
    score: float
    rule: str  # which resolver rule decided: ``finding``, ``region``, ``no-evidence``, ``guard``...
    findings: tuple[Finding, ...] = field(default=())

    @property
    def removed(self) -> bool:
        return self.kind.is_removed

    def to_dict(self) -> dict[str, Any]:
        return {
            "block": self.block,
            "start": self.start,
            "end": self.end,
            "kind": self.kind.value,
            "score": self.score,
            "rule": self.rule,
            "findings": [f.to_dict() for f in self.findings],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        try:
            return cls(
                block=int(data["block"]),
                start=int(data["start"]),
                end=int(data["end"]),
                kind=Kind(data["kind"]),
                score=float(data["score"]),
                rule=str(data["rule"]),
                findings=tuple(Finding.from_dict(f) for f in data.get("findings", ())),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise SerializationError(f"bad decision: {exc}") from exc


# -- fast construction for trusted internal code ------------------------------------------
# The pipeline builds one Finding per flagged line and one Decision (and one Span) per line of
# every document; a frozen dataclass cannot take plain attribute stores (its ``__setattr__``
# raises), so its ``__init__`` pays ``object.__setattr__`` per field. The ``new_*`` functions
# fill a *builder*: a plain class with the very same slots, whose attribute stores are
# ordinary (and specialised by the interpreter), then turn it into the frozen class by
# ``__class__`` assignment, which CPython allows between classes of identical layout. The
# result is a genuine instance (equal, hashable, frozen, picklable); the public constructors
# are unchanged.

_T = TypeVar("_T")


def _become(builder: object, cls: type[_T]) -> _T:
    builder.__class__ = cls
    return builder  # type: ignore[return-value]  # it is a ``cls`` now


# The ``new_*`` below write ``_become`` out (one Python call less per object: they build one
# object per line of every document).


class _FindingBuilder:
    __slots__ = Finding.__slots__
    start: int
    end: int
    kind: Kind
    score: float
    detector: str
    reason: str
    explanation: str
    scope: Scope
    region_kind: Kind | None


class _DecisionBuilder:
    __slots__ = Decision.__slots__
    block: int
    start: int
    end: int
    kind: Kind
    score: float
    rule: str
    findings: tuple[Finding, ...]


class _SpanBuilder:
    __slots__ = Span.__slots__
    start: int
    end: int
    kind: Kind
    text: str
    score: float
    detectors: tuple[str, ...]
    reasons: tuple[str, ...]
    explanation: str
    output_start: int | None
    output_end: int | None
    dom: tuple[DomRef, ...]


def new_finding(
    start: int,
    end: int,
    kind: Kind,
    score: float,
    detector: str,
    reason: str,
    explanation: str = "",
    scope: Scope = Scope.BLOCK,
    region_kind: Kind | None = None,
) -> Finding:
    """``Finding(...)`` with positional arguments, same validation, a fraction of the cost."""
    if start < 0 or end <= start or not 0.0 <= score <= 1.0:  # let the constructor raise
        return Finding(start, end, kind, score, detector, reason, explanation, scope, region_kind)
    f = _FindingBuilder()
    f.start = start
    f.end = end
    f.kind = kind
    f.score = score
    f.detector = detector
    f.reason = reason
    f.explanation = explanation
    f.scope = scope
    f.region_kind = region_kind
    f.__class__ = Finding  # type: ignore[assignment]  # see ``_become``
    return f  # type: ignore[return-value]  # it is a Finding now


def new_decision(
    block: int,
    start: int,
    end: int,
    kind: Kind,
    score: float,
    rule: str,
    findings: tuple[Finding, ...] = (),
) -> Decision:
    """``Decision(...)`` with positional arguments (no validation to skip), built faster."""
    d = _DecisionBuilder()
    d.block = block
    d.start = start
    d.end = end
    d.kind = kind
    d.score = score
    d.rule = rule
    d.findings = findings
    d.__class__ = Decision  # type: ignore[assignment]  # see ``_become``
    return d  # type: ignore[return-value]  # it is a Decision now


def new_span(
    start: int,
    end: int,
    kind: Kind,
    text: str,
    score: float,
    detectors: tuple[str, ...],
    reasons: tuple[str, ...],
    explanation: str,
    output_start: int | None = None,
    output_end: int | None = None,
    dom: tuple[DomRef, ...] = (),
) -> Span:
    """``Span(...)`` with positional arguments (no validation to skip), built faster."""
    s = _SpanBuilder()
    s.start = start
    s.end = end
    s.kind = kind
    s.text = text
    s.score = score
    s.detectors = detectors
    s.reasons = reasons
    s.explanation = explanation
    s.output_start = output_start
    s.output_end = output_end
    s.dom = dom
    s.__class__ = Span  # type: ignore[assignment]  # see ``_become``
    return s  # type: ignore[return-value]  # it is a Span now
