"""Link density: lines that are (almost) all link text inside link-dense containers are menus,
link lists or teaser links, not article prose.

The container is the block's element's parent (a list item's list, a paragraph's section);
its link density is link characters over visible characters in its subtree.
"""

from __future__ import annotations

from typing import Iterator

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from .base import Detector
from .registry import register_detector

MIN_LINE_LINK_SHARE = 0.8  # the line itself is link text
MIN_CONTAINER_LINK_SHARE = 0.6  # ...and so is most of its container
MIN_CONTAINER_LINKS = 3  # a single link in a paragraph is a citation, not a menu
MAX_WORDS = 15
SCORE = 0.6


@register_detector
class LinkDensityDetector(Detector):
    name = "link_density"
    kinds = frozenset({Kind.NAV})
    input_kinds = frozenset({"html"})

    def detect(self, page: Page) -> Iterator[Finding]:
        view = page.html
        if view is None:
            return
        for i, block in enumerate(page.blocks):
            links = view.block_link_chars[i]
            if block.words > MAX_WORDS or links < MIN_LINE_LINK_SHARE * len(block):
                continue
            node = view.block_nodes[i]
            container = view.parents[node] if view.parents[node] >= 0 else node
            if (
                view.links[container] >= MIN_CONTAINER_LINKS
                and view.link_density(container) >= MIN_CONTAINER_LINK_SHARE
            ):
                yield self.finding(
                    block,
                    Kind.NAV,
                    SCORE,
                    "link_density.link_list",
                    f"link text in a container that is {view.link_density(container):.0%} links",
                )
