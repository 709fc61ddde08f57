"""HTML mode: decode, parse once, render the visible text (one block per line) with DOM
provenance, and collect page metadata. See :class:`cleannews.html.view.HtmlView`."""

from __future__ import annotations

from itertools import accumulate
from typing import Any

from ..config import CleanerConfig
from ..page import FOLDED_MEMO, Page
from ..text.blocks import Block, blocks_of_lines
from .decode import decode_html
from .metadata import extract_metadata
from .parse import parse_html
from .render import render_tree
from .view import HtmlView

__all__ = ["HtmlView", "prepare_html_page"]


def lines_to_blocks(lines: list[str]) -> tuple[tuple[Block, ...], list[str]]:
    """The blocks ``split_blocks("\\n".join(lines))`` would find, without re-scanning (every
    rendered line is non-blank, stripped and free of line breaks), and each line casefolded
    (kept for the block features, as ``Page.from_text`` keeps them, so HTML pages skip a
    second casefold per block)."""
    starts = list(accumulate([len(line) + 1 for line in lines], initial=0))[:-1]
    return blocks_of_lines(lines, starts, list(range(1, len(lines) + 1)))


def prepare_html_page(source: str | bytes, metadata: dict[str, Any], config: CleanerConfig) -> Page:
    text, encoding = decode_html(source, metadata.get("http_charset"))
    if encoding:
        metadata["encoding"] = encoding
    parsed = parse_html(text)
    info = extract_metadata(parsed.root)
    metadata.update(info.as_dict())
    if parsed.warnings:
        metadata["html_warnings"] = list(parsed.warnings)
    rendering = render_tree(parsed.root)
    page_text = "\n".join(rendering.lines)
    blocks, folded = lines_to_blocks(rendering.lines)
    view = HtmlView(
        tags=tuple(rendering.tags),
        ids=tuple(rendering.ids),
        classes=tuple(rendering.classes),
        roles=tuple(rendering.roles),
        arias=tuple(rendering.arias),
        parents=tuple(rendering.parents),
        steps=tuple(rendering.steps),
        text_chars=tuple(rendering.text_chars),
        link_chars=tuple(rendering.link_chars),
        links=tuple(rendering.links),
        block_nodes=tuple(rendering.line_nodes),
        block_link_chars=tuple(rendering.line_link_chars),
        block_starts=tuple(b.start for b in blocks),
        article_body=info.article_body,
        tree=parsed.root,
    )
    page = Page(
        source=page_text,
        blocks=blocks,
        language=info.language,
        input_kind="html",
        metadata=metadata,
        html=view,
    )
    page.memo[FOLDED_MEMO] = folded
    return page
