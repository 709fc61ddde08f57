"""Main-content evidence from trafilatura's extraction (run on the tree already parsed).

Blocks inside trafilatura's main text get moderate keep evidence; blocks outside get a moderate
removal finding whose kind comes from the block's DOM cue when it has one, else from its
position (before the main text: nav; after it: footer; in between: widget). Scores stay below
the strong cues so other detectors can overrule it: it is one voice, not the decision.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Iterator

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from ..text.blocks import Block
from .base import Detector
from .dom_cues import node_cues
from .registry import register_detector

INSIDE_SCORE = 0.55
AGREED_SCORE = 0.75  # inside, and the DOM agrees: no removal cue, mostly non-link text
AGREED_MAX_LINK_SHARE = 0.5
DISCUSSION_SCORE = 0.9  # above the comment cue: see _is_discussion
DISCUSSION_MIN_SHARE = 0.5
RESCUE_MAX_LINK_SHARE = 0.2  # outside blocks that may still be article prose (see detect)
RESCUE_MIN_WORDS = 15
RESCUE_NEEDS_TERMINAL = True
RESCUE_BETWEEN_MIN_WORDS = 15
# Table rows and list items among the main text: trafilatura drops many tables and lists that
# are the article (a list of films, a recipe's steps). Shorter than prose, so a lower bar, but
# they must be mostly plain text (a list of links is a menu or a related-stories box).
RESCUE_ROW_MIN_WORDS = 4
RESCUE_ROW_MAX_LINK_SHARE = 0.5
ROW_TAGS = frozenset({"li", "tr", "dd", "dt"})
RESCUE_SKIPS_FIGURES = True  # captions and credits: trafilatura leaves them out on purpose
FIGURE_TAGS = frozenset({"figure", "figcaption"})
# <noscript> fallbacks (consent walls, "enable JavaScript" notes) outside the main text are
# never rescued: a page whose article sits in one is rare and trafilatura then finds it.
NO_RESCUE_TAGS = frozenset({"noscript"})
OUTSIDE_SCORE = 0.6
FAST_EXTRACTION = True  # skip trafilatura's fallback extractors: ~same F1, ~half the time
MAX_PAGE_CHARS = 3_000_000  # above this the extraction costs more than its evidence is worth
SHORT_BLOCK_CHARS = 12  # shorter blocks must match a whole output line, not any substring
MIN_COVERAGE = 0.6  # share of a block's characters found in the output to count as inside
MIN_OUTPUT_SHARE = 0.02  # an extraction this small (vs the page) is a failure, not evidence
# A fast extraction this small (share of the page, or characters) is often a missed article
# (the fallback extractors find it): worth the second run on the few pages concerned.
RETRY_OUTPUT_SHARE = 0.1
RETRY_OUTPUT_CHARS = 400
_SPACE = re.compile(r"\s+")


def extract_main_text(tree: object, fast: bool = False) -> str:
    import trafilatura

    # trafilatura copies a tree it is given before pruning it, so ours stays intact.
    return trafilatura.extract(tree, include_comments=False, fast=fast) or ""


def inside_flags(source: str, blocks: tuple[Block, ...], main_text: str) -> list[bool]:
    """Which blocks appear in ``main_text``: as a whole line, inside a longer line, or mostly
    covered by output lines found in the source (trafilatura splits and joins differently)."""
    lines = [_SPACE.sub(" ", line).strip() for line in main_text.splitlines()]
    whole = set(lines)
    joined = "\n".join(lines)
    covered = _coverage(source, blocks, [x for x in lines if len(x) >= SHORT_BLOCK_CHARS])
    flags = []
    for block, chars in zip(blocks, covered, strict=True):
        text = block.text
        flags.append(
            text in whole
            or chars >= MIN_COVERAGE * len(text)
            or (len(text) >= SHORT_BLOCK_CHARS and text in joined)
        )
    return flags


def _coverage(source: str, blocks: tuple[Block, ...], lines: list[str]) -> list[int]:
    """Characters of each block covered by output lines located in ``source`` (in order)."""
    covered = [0] * len(blocks)
    starts = [b.start for b in blocks]
    cursor = 0
    for line in lines:
        pos = source.find(line, cursor)
        if pos < 0:
            pos = source.find(line)
        if pos < 0:
            continue
        end = cursor = pos + len(line)
        i = max(bisect_right(starts, pos) - 1, 0)
        while i < len(blocks) and blocks[i].start < end:
            covered[i] += max(0, min(end, blocks[i].end) - max(pos, blocks[i].start))
            i += 1
    return covered


@register_detector
class MainContentDetector(Detector):
    name = "main_content"
    kinds = frozenset(
        {Kind.CONTENT, Kind.NAV, Kind.FOOTER, Kind.WIDGET, Kind.COMMENTS, Kind.RELATED, Kind.AD}
    )
    input_kinds = frozenset({"html"})

    def detect(self, page: Page) -> Iterator[Finding]:
        view = page.html
        if view is None or view.tree is None or not page.blocks:
            return
        if len(page.source) > MAX_PAGE_CHARS:
            return
        try:
            main_text = extract_main_text(view.tree, FAST_EXTRACTION)
            if FAST_EXTRACTION and _worth_retry(main_text, page.source):
                main_text = extract_main_text(view.tree, fast=False)  # with its fallbacks
        except (RecursionError, ValueError):  # pathological trees: no evidence
            return
        if _too_small(main_text, page.source):
            return
        flags = inside_flags(page.source, page.blocks, main_text)
        if not any(flags):
            return
        first = flags.index(True)
        last = len(flags) - 1 - flags[::-1].index(True)
        cues = node_cues(page)
        discussion = _is_discussion(page, flags, cues)
        for i, (block, inside) in enumerate(zip(page.blocks, flags, strict=True)):
            cue = cues[view.block_nodes[i]]
            if inside and discussion and cue is not None and cue.kind is Kind.COMMENTS:
                yield self.finding(
                    block,
                    Kind.CONTENT,
                    DISCUSSION_SCORE,
                    "main_content.discussion",
                    "the page's main text is itself a discussion (forum, Q&A)",
                )
                continue
            if inside:
                yield self._keep(block, cue is None and _few_links(view, i, block))
                continue
            if cue is None and i < last and _rescued(view, i, block, between=i > first):
                continue  # prose before/among the main text: trafilatura often cuts too narrow
            kind = cue.kind if cue else _by_position(i, first, last)
            where = f"cued as {cue.concept}" if cue else "by position"
            yield self.finding(
                block,
                kind,
                OUTSIDE_SCORE,
                "main_content.outside",
                f"outside trafilatura's main-content extraction ({where})",
            )

    def _keep(self, block: Block, agreed: bool) -> Finding:
        if agreed:
            return self.finding(
                block,
                Kind.CONTENT,
                AGREED_SCORE,
                "main_content.agreed",
                "in trafilatura's main text, no DOM cue against it, few links",
            )
        return self.finding(
            block,
            Kind.CONTENT,
            INSIDE_SCORE,
            "main_content.inside",
            "part of trafilatura's main-content extraction",
        )


def _is_discussion(page: Page, flags: list[bool], cues: list[Any]) -> bool:
    """Most of the extracted main text sits in comment-cued elements: a forum thread or Q&A
    page, whose posts are the content (trafilatura already left out comments proper)."""
    nodes = page.html.block_nodes
    inside = [b for b, flag in zip(page.blocks, flags, strict=True) if flag]
    cued = sum(b.words for b in inside if (c := cues[nodes[b.index]]) and c.kind is Kind.COMMENTS)
    return cued >= DISCUSSION_MIN_SHARE * max(sum(b.words for b in inside), 1)


def _in_figure(view: Any, node: int) -> bool:
    return _under(view, node, FIGURE_TAGS)


def _under(view: Any, node: int, tags: frozenset[str]) -> bool:
    return any(view.tags[n] in tags for n in view.ancestors(node))


def _too_small(main_text: str, source: str) -> bool:
    return len(main_text) < MIN_OUTPUT_SHARE * len(source)


def _worth_retry(main_text: str, source: str) -> bool:
    return len(main_text) < max(RETRY_OUTPUT_SHARE * len(source), RETRY_OUTPUT_CHARS)


def _few_links(view: Any, i: int, block: Block) -> bool:
    return view.block_link_chars[i] <= AGREED_MAX_LINK_SHARE * len(block)


def _rescued(view: Any, i: int, block: Block, between: bool) -> bool:
    """Prose-like and not link text; stricter before the main text than inside its range."""
    if _under(view, view.block_nodes[i], NO_RESCUE_TAGS):
        return False
    links = view.block_link_chars[i]
    if between and links <= RESCUE_ROW_MAX_LINK_SHARE * len(block) and _is_row(view, i, block):
        return True
    if links > RESCUE_MAX_LINK_SHARE * len(block):
        return False
    if RESCUE_SKIPS_FIGURES and _in_figure(view, view.block_nodes[i]):
        return False
    if between:
        return block.words >= RESCUE_BETWEEN_MIN_WORDS
    return block.words >= RESCUE_MIN_WORDS and (block.terminal or not RESCUE_NEEDS_TERMINAL)


def _is_row(view: Any, i: int, block: Block) -> bool:
    return block.words >= RESCUE_ROW_MIN_WORDS and view.tags[view.block_nodes[i]] in ROW_TAGS


def _by_position(i: int, first: int, last: int) -> Kind:
    if i < first:
        return Kind.NAV
    return Kind.FOOTER if i > last else Kind.WIDGET
