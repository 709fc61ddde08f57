"""The read-only view of one document that every detector receives."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Hashable, Mapping

from .text.blocks import Block, split_blocks_columns

_STARTS_MEMO = "page.block_starts"
# The casefolded text of each block, as split (see ``text.features``); absent when the
# blocks were made elsewhere (HTML mode, hand-built pages).
FOLDED_MEMO = "page.folded_texts"
# The ``text.blocks.LineColumns`` of the blocks, as split (absent as ``FOLDED_MEMO`` is);
# ``text.features`` takes them out when it computes the block features.
COLUMNS_MEMO = "page.line_columns"


@dataclass(frozen=True, slots=True)
class Page:
    """A document prepared for detection.

    ``language`` is the best guess (or ``None``); ``languages`` are the phrase-list languages a
    detector should prefer. Detection must still work when the guess is wrong, so phrase
    detectors also consult every other language they ship, at a slightly lower score.
    ``html`` is set for HTML input (see :mod:`cleannews.html`), ``None`` for plain text.
    """

    source: str
    blocks: tuple[Block, ...]
    language: str | None = None
    input_kind: str = "text"
    metadata: Mapping[str, Any] = field(default_factory=dict)
    html: Any = None
    # Per-page scratch space for values several detectors share (see ``text.features``); keys
    # are module-qualified names, or tuples starting with one (a name and its parameters). Lives
    # and dies with the page, so detectors stay stateless.
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_text(cls, source: str, language: str | None = None, **kwargs: Any) -> Page:
        blocks, columns = split_blocks_columns(source)
        page = cls(source=source, blocks=blocks, language=language, **kwargs)
        page.memo[FOLDED_MEMO] = columns.folded
        page.memo[COLUMNS_MEMO] = columns
        return page

    @property
    def languages(self) -> tuple[str, ...]:
        return (self.language, "en") if self.language and self.language != "en" else ("en",)

    def block_starts(self) -> list[int]:
        """The start offset of each block, in order: built once per page and shared (by
        :meth:`block_at` and the page-level scans of ``text.scan``); do not modify it."""
        starts = self.memo.get(_STARTS_MEMO)
        if starts is None:
            # A comprehension: its slot reads are specialised, twice as fast as attrgetter's.
            starts = self.memo[_STARTS_MEMO] = [b.start for b in self.blocks]
        return starts

    def block_at(self, offset: int) -> Block | None:
        """The block containing ``offset``, if any."""
        i = bisect_right(self.block_starts(), offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < self.blocks[i].end:
            return self.blocks[i]
        return None
