"""``Page.html``: the DOM facts detectors need, as plain immutable tables.

Everything is indexed by *node* (an element that was rendered, in document order, so a parent
always has a smaller index than its children) or by *block* (``Page.blocks`` index). The lxml
tree is kept for detectors that need it (main-content extraction); pickling drops it and keeps
the tables, so a pickled view still attaches DOM references to spans.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Any, Iterator

from ..spans import DomRef, Span


@dataclass(frozen=True, slots=True, eq=False)
class HtmlView:
    tags: tuple[str, ...]
    ids: tuple[str | None, ...]
    classes: tuple[tuple[str, ...], ...]
    roles: tuple[str | None, ...]
    arias: tuple[str | None, ...]
    parents: tuple[int, ...]  # -1 for the root
    steps: tuple[str, ...]  # xpath step of each node below its parent, e.g. ``div[2]``
    text_chars: tuple[int, ...]  # visible characters in the node's subtree
    link_chars: tuple[int, ...]  # ...of which are link text
    links: tuple[int, ...]  # <a> elements in the subtree
    block_nodes: tuple[int, ...]  # the element each block came from
    block_link_chars: tuple[int, ...]
    block_starts: tuple[int, ...]  # offsets of the blocks in ``Page.source``
    article_body: str | None = None  # JSON-LD articleBody, whitespace-collapsed
    tree: Any = field(default=None, repr=False)  # the parsed lxml document (not pickled)

    def __reduce__(self) -> tuple[Any, ...]:
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values["tree"] = None
        return (_rebuild, (values,))

    # -- navigation ----------------------------------------------------------------------

    def ancestors(self, node: int) -> Iterator[int]:
        """``node`` and its ancestors, innermost first."""
        while node >= 0:
            yield node
            node = self.parents[node]

    def xpath(self, node: int) -> str:
        steps = [self.steps[n] for n in self.ancestors(node)]
        return "/" + "/".join(reversed(steps))

    def link_density(self, node: int) -> float:
        chars = self.text_chars[node]
        return self.link_chars[node] / chars if chars else 0.0

    def dom_ref(self, node: int) -> DomRef:
        return DomRef(self.xpath(node), self.tags[node], self.ids[node], self.classes[node])

    def blocks_in(self, start: int, end: int) -> range:
        """Indices of the blocks starting inside ``[start, end)``."""
        return range(bisect_left(self.block_starts, start), bisect_left(self.block_starts, end))

    def block_at(self, offset: int) -> int | None:
        i = bisect_right(self.block_starts, offset) - 1
        return i if i >= 0 else None

    def attach_dom(self, span: Span) -> Span:
        """``span`` with ``dom`` set to the elements its blocks came from (in order, unique)."""
        blocks = self.blocks_in(span.start, span.end)
        if not blocks:  # a piece of one block
            first = self.block_at(span.start)
            blocks = range(first, first + 1) if first is not None else range(0)
        nodes = dict.fromkeys(self.block_nodes[b] for b in blocks)
        return replace(span, dom=tuple(self.dom_ref(n) for n in nodes))

    def element(self, node: int) -> Any:
        """The lxml element of ``node`` (needs the tree, i.e. an unpickled view)."""
        if self.tree is None:
            raise ValueError("this HtmlView has no tree (it was unpickled)")
        found = self.tree.xpath(self.xpath(node))
        return found[0] if found else None


def _rebuild(values: dict[str, Any]) -> HtmlView:
    return HtmlView(**values)
