"""The result of cleaning: a pure, serialisable record."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Mapping

from .errors import SerializationError
from .kinds import Kind
from .spans import OFFSET_UNIT, Decision, Span, _become

FORMAT_VERSION = 1
FLAG_OVER_REMOVAL_GUARD = "over_removal_guard"
# The guard fired but kept only the blocks with content evidence (HTML), not the whole page.
FLAG_GUARD_KEPT_EVIDENCE = "over_removal_guard_kept_evidence"


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """A cleaned document.

    ``source`` is the text all offsets point into: the input itself for plain text, the page's
    rendered visible text (one block per line) for HTML. ``spans`` tile ``source``: every
    non-whitespace character belongs to exactly one span, kept (``title``/``content``) or
    removed. ``text`` is the kept spans joined by the renderer's separators (``\\n`` between
    lines, a space between pieces of one line).
    """

    source: str
    text: str
    spans: tuple[Span, ...]
    title: str | None = None
    language: str | None = None
    input_kind: str = "text"
    flags: tuple[str, ...] = ()
    decisions: tuple[Decision, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    timings: Mapping[str, float] = field(default_factory=dict, compare=False)

    @property
    def removed(self) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.kind.is_removed)

    @property
    def kept(self) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.kind.is_kept)

    @property
    def guarded(self) -> bool:
        """True when the over-removal guard kept the text that would have been removed."""
        return FLAG_OVER_REMOVAL_GUARD in self.flags

    def removed_by_kind(self) -> dict[Kind, int]:
        """Characters removed per kind."""
        counts: dict[Kind, int] = {}
        for span in self.removed:
            counts[span.kind] = counts.get(span.kind, 0) + span.end - span.start
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "format_version": FORMAT_VERSION,
            "offset_unit": OFFSET_UNIT,
            "source": self.source,
            "text": self.text,
            "title": self.title,
            "language": self.language,
            "input_kind": self.input_kind,
            "flags": list(self.flags),
            "metadata": dict(self.metadata),
            "spans": [s.to_dict() for s in self.spans],
            "decisions": [d.to_dict() for d in self.decisions],
        }

    def to_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CleanDocument:
        try:
            if data.get("format_version", FORMAT_VERSION) != FORMAT_VERSION:
                raise SerializationError(f"unsupported format_version {data['format_version']}")
            return cls(
                source=str(data["source"]),
                text=str(data["text"]),
                spans=tuple(Span.from_dict(s) for s in data["spans"]),
                title=data.get("title"),
                language=data.get("language"),
                input_kind=str(data.get("input_kind", "text")),
                flags=tuple(data.get("flags", ())),
                decisions=tuple(Decision.from_dict(d) for d in data.get("decisions", ())),
                metadata=dict(data.get("metadata", {})),
            )
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            raise SerializationError(f"bad document: {exc}") from exc

    @classmethod
    def from_json(cls, text: str) -> CleanDocument:
        try:
            return cls.from_dict(json.loads(text))
        except (json.JSONDecodeError, TypeError) as exc:  # TypeError: not str/bytes
            raise SerializationError(f"bad JSON: {exc}") from exc

    def _repr_html_(self) -> str:
        from .display import document_html

        return document_html(self)


class _DocumentBuilder:
    """``CleanDocument``'s slots, filled by plain stores (see ``cleannews.spans._become``)."""

    __slots__ = CleanDocument.__slots__
    source: str
    text: str
    spans: tuple[Span, ...]
    title: str | None
    language: str | None
    input_kind: str
    flags: tuple[str, ...]
    decisions: tuple[Decision, ...]
    metadata: Mapping[str, Any]
    timings: Mapping[str, float]


def new_document(
    source: str,
    text: str,
    spans: tuple[Span, ...],
    title: str | None,
    language: str | None,
    input_kind: str,
    flags: tuple[str, ...],
    decisions: tuple[Decision, ...],
    metadata: Mapping[str, Any],
    timings: Mapping[str, float],
) -> CleanDocument:
    """``CleanDocument(...)`` with every field positional, built faster (the cleaner builds
    one per input; the public constructor is unchanged)."""
    d = _DocumentBuilder()
    d.source = source
    d.text = text
    d.spans = spans
    d.title = title
    d.language = language
    d.input_kind = input_kind
    d.flags = flags
    d.decisions = decisions
    d.metadata = metadata
    d.timings = timings
    return _become(d, CleanDocument)
