"""Teaser cards: three or more sibling elements with the same tag and classes, each a short
headline-like link (plus maybe a line of text). Such runs are story lists: related, more from
the site, popular. Article paragraphs repeat too, but they are long and mostly not links.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterator

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from .base import Detector
from .registry import register_detector

MIN_CARDS = 3
MIN_CARD_LINK_SHARE = 0.5
MAX_CARD_CHARS = 400
MIN_MEAN_CARD_CHARS = 25  # shorter items are menu entries (link density's business)
SCORE = 0.65


def teaser_nodes(view: Any) -> list[bool]:
    """For every node: is it (inside) a card of a repeated teaser run?"""
    groups: dict[tuple[int, str, tuple[str, ...]], list[int]] = defaultdict(list)
    for node, parent in enumerate(view.parents):
        if parent >= 0 and view.text_chars[node]:
            groups[(parent, view.tags[node], view.classes[node])].append(node)
    cards = set()
    for members in groups.values():
        if len(members) >= MIN_CARDS and _are_cards(view, members):
            cards.update(members)
    inside = [False] * len(view.parents)
    for node, parent in enumerate(view.parents):
        inside[node] = node in cards or (parent >= 0 and inside[parent])
    return inside


def _are_cards(view: Any, members: list[int]) -> bool:
    chars = [view.text_chars[n] for n in members]
    if max(chars) > MAX_CARD_CHARS or sum(chars) < MIN_MEAN_CARD_CHARS * len(members):
        return False
    return all(view.links[n] and view.link_density(n) >= MIN_CARD_LINK_SHARE for n in members)


@register_detector
class TeaserCardsDetector(Detector):
    name = "teaser_cards"
    kinds = frozenset({Kind.RELATED})
    input_kinds = frozenset({"html"})

    def detect(self, page: Page) -> Iterator[Finding]:
        view = page.html
        if view is None:
            return
        inside = teaser_nodes(view)
        for block, node in zip(page.blocks, view.block_nodes, strict=True):
            if inside[node]:
                yield self.finding(
                    block,
                    Kind.RELATED,
                    SCORE,
                    "teaser_cards.repeated",
                    "in a run of similar sibling cards that are mostly links",
                )
