"""The detector interface and helper bases for the common shapes.

A detector is a small, stateless object: it declares its ``name``, the ``kinds`` it emits and
the ``languages`` it has phrase data for, and yields :class:`~cleannews.spans.Finding` objects
for a :class:`~cleannews.page.Page`. It never removes anything itself: the resolver decides.
Detectors must be thread-safe and picklable (keep no per-document state on ``self``).
"""

from __future__ import annotations

import abc
from typing import ClassVar, Iterator

from ..kinds import Kind
from ..page import Page
from ..spans import Finding, Scope, new_finding
from ..text.blocks import Block

ANY_LANGUAGE = "*"


class Detector(abc.ABC):
    """Base class of every detector (built-in or third-party)."""

    name: ClassVar[str]
    kinds: ClassVar[frozenset[Kind]]
    languages: ClassVar[frozenset[str]] = frozenset({ANY_LANGUAGE})
    input_kinds: ClassVar[frozenset[str]] = frozenset({"text", "html"})

    @abc.abstractmethod
    def detect(self, page: Page) -> Iterator[Finding]:
        """Yield findings for ``page``. Offsets are into ``page.source``."""

    def finding(
        self,
        block: Block,
        kind: Kind,
        score: float,
        reason: str,
        explanation: str = "",
        *,
        scope: Scope = Scope.BLOCK,
        region_kind: Kind | None = None,
    ) -> Finding:
        """A finding covering exactly ``block``."""
        # Positional fast path: detectors call this once per flagged line (same validation).
        return new_finding(
            block.start, block.end, kind, score, self.name, reason, explanation, scope, region_kind
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"
