"""Render the visible text of a parsed page: one block per line, each tied to its element.

The walk is iterative (pages nest thousands of levels deep) and linear in the page size. It
records a small table per element (tag, id, classes, role, aria-label, parent, xpath step) and,
per line, the element the line came from and how many of its characters are link text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Their text is not shown to a reader (or is fallback content for plugins).
SKIPPED_TAGS = frozenset(
    "head script style template svg math iframe object embed canvas video audio "
    "select textarea input map button rt rp".split()
)  # rt/rp: ruby annotations (furigana) read beside the text, not as part of it
# Elements that start and end a line.
BLOCK_TAGS = frozenset(
    "html body p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr thead tbody tfoot caption "
    "blockquote pre section article aside header footer nav main figure figcaption form "
    "fieldset legend address hr details summary center dialog menu hgroup search".split()
)
_NO_ATTRS: dict[str, str] = {}
CELL_TAGS = frozenset({"td", "th"})
# <noscript> is skipped unless it is big: broken markup can leave the whole page inside one.
NOSCRIPT_MAX_CHARS = 300
_SPACE = re.compile(r"\s+")
SOFT_HYPHEN = "\xad"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


@dataclass(slots=True)
class Rendering:
    """What the walk produced: lines and one record per rendered element (document order)."""

    lines: list[str] = field(default_factory=list)
    line_nodes: list[int] = field(default_factory=list)
    line_link_chars: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    ids: list[str | None] = field(default_factory=list)
    classes: list[tuple[str, ...]] = field(default_factory=list)
    roles: list[str | None] = field(default_factory=list)
    arias: list[str | None] = field(default_factory=list)
    parents: list[int] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    text_chars: list[int] = field(default_factory=list)  # visible characters in the subtree
    link_chars: list[int] = field(default_factory=list)  # ...of which inside <a>
    links: list[int] = field(default_factory=list)  # <a> elements in the subtree


def is_hidden(attrs: dict[str, str]) -> bool:
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _small_noscript(el: Any, tag: str) -> bool:
    return tag == "noscript" and len(el.text_content()) < NOSCRIPT_MAX_CHARS


class _Walker:
    """One iterative pass; ``pieces``/``line_*`` hold the line being built."""

    __slots__ = (
        "out",
        "records",
        "anchors",
        "blocks",
        "pieces",
        "line_node",
        "line_links",
        "pre",
        "anchor",
    )

    def __init__(self) -> None:
        self.out = Rendering()
        self.records: list[
            tuple[str, str | None, tuple[str, ...], str | None, str | None, int, str]
        ] = []
        self.anchors: list[int] = []
        self.blocks: list[int] = [0]  # open block-level elements (node indices)
        self.pieces: list[str] = []
        self.line_node = -1
        self.line_links = 0
        self.pre = 0
        self.anchor = 0

    def text(self, text: str) -> None:
        if SOFT_HYPHEN in text:  # invisible unless a line breaks there; it splits words
            text = text.replace(SOFT_HYPHEN, "")
        if self.pre:
            for n, chunk in enumerate(text.split("\n")):
                if n:
                    self.flush()
                self._piece(_SPACE.sub(" ", chunk))
        else:
            self._piece(_SPACE.sub(" ", text))

    def _piece(self, piece: str) -> None:
        if not piece or (piece == " " and not self.pieces):
            return
        if self.line_node < 0:
            self.line_node = self.blocks[-1]
        self.pieces.append(piece)
        if self.anchor:
            self.line_links += len(piece.strip())

    def flush(self) -> None:
        if self.pieces:
            text = "".join(self.pieces).strip()
            if text:
                out = self.out
                text = _SPACE.sub(" ", text)
                out.lines.append(text)
                out.line_nodes.append(self.line_node)
                out.line_link_chars.append(min(self.line_links, len(text)))
            self.pieces = []
        self.line_node = -1
        self.line_links = 0

    def enter(self, el: Any, tag: str, attrs: dict[str, str], parent: int, position: int) -> int:
        node = len(self.records)
        get = attrs.get
        step = _step(tag, position) if parent >= 0 else tag
        self.records.append(
            (
                tag,
                get("id") or None,
                tuple((get("class") or "").split()),
                get("role") or None,
                get("aria-label") or None,
                parent,
                step,
            )
        )
        if tag in BLOCK_TAGS:
            self.flush()
            self.blocks.append(node)
        elif tag == "a":
            self.anchor += 1
            self.anchors.append(node)
        if tag == "pre":
            self.pre += 1
        return node

    def leave(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
            self.blocks.pop()
        elif tag in CELL_TAGS:
            self._piece(" ")
        elif tag == "a":
            self.anchor -= 1
        if tag == "pre":
            self.pre -= 1

    def walk(self, root: Any) -> None:
        # Entries: (element, parent node, sibling tag counts of the parent) to enter, or
        # (element, node, None) to leave.
        stack: list[tuple[Any, int, dict[str, int] | None]] = [(root, -1, {})]
        while stack:
            el, node, counts = stack.pop()
            if counts is None:
                self.leave(self.records[node][0])
                if el.tail:
                    self.text(el.tail)
                continue
            tag = el.tag
            if tag.__class__ is not str:  # comments, processing instructions, entities
                if el.tail:
                    self.text(el.tail)
                continue
            position = counts[tag] = counts.get(tag, 0) + 1  # xpath counts hidden siblings too
            attrs = dict(el.items()) if el.attrib else _NO_ATTRS
            if tag in SKIPPED_TAGS or is_hidden(attrs) or _small_noscript(el, tag):
                if el.tail:
                    self.text(el.tail)
                continue
            if tag == "br":
                self.flush()
                if el.tail:
                    self.text(el.tail)
                continue
            node = self.enter(el, tag, attrs, node, position)
            stack.append((el, node, None))
            if el.text:
                self.text(el.text)
            if len(el):
                child_counts: dict[str, int] = {}
                stack.extend((child, node, child_counts) for child in reversed(el))
        self.flush()


def render_tree(root: Any) -> Rendering:
    walker = _Walker()
    walker.walk(root)
    out = walker.out
    if walker.records:
        columns = list(zip(*walker.records, strict=True))
        out.tags, out.ids, out.classes, out.roles, out.arias, out.parents, out.steps = (
            list(c) for c in columns
        )
    size = len(walker.records)
    out.text_chars, out.link_chars, out.links = [0] * size, [0] * size, [0] * size
    for node in walker.anchors:
        out.links[node] = 1
    _aggregate(out)
    return out


def _step(tag: str, position: int) -> str:
    if ":" in tag:  # a prefixed tag such as fb:comments has no namespace to resolve in XPath
        return f"*[name()='{tag}'][{position}]"
    return f"{tag}[{position}]"


def _aggregate(out: Rendering) -> None:
    """Sum line counts into their elements, then children into parents (reverse preorder)."""
    for text, node, line_links in zip(out.lines, out.line_nodes, out.line_link_chars, strict=True):
        out.text_chars[node] += len(text)
        out.link_chars[node] += line_links
    parents, text_chars, link_chars, links = out.parents, out.text_chars, out.link_chars, out.links
    for node in range(len(parents) - 1, 0, -1):
        parent = parents[node]
        text_chars[parent] += text_chars[node]
        link_chars[parent] += link_chars[node]
        links[parent] += links[node]
