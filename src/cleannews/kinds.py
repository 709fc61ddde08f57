"""The stable vocabulary of span kinds.

Values are part of the public, serialised format: never rename one, only add.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What a region of the input is. ``TITLE`` and ``CONTENT`` are kept; the rest are removed."""

    TITLE = "title"
    CONTENT = "content"
    RELATED = "related"  # related/recommended/popular stories, teasers, appended other articles
    COMMENTS = "comments"  # comment widgets and their headings
    AD = "ad"  # ads, sponsored, promos, paywall/upgrade prompts, newsletter/app calls to action
    FOOTER = "footer"  # tags/hashtags labels, share bars, copyright, legal, "powered by"
    WIDGET = "widget"  # aggregator/coverage/counter boxes
    NAV = "nav"  # menus, breadcrumbs, skip links, site chrome before the article
    DEBRIS = "debris"  # markup or URL leftovers such as ``&w=3840&q=100)``
    DUPLICATE = "duplicate"  # repeated title or repeated lines

    @property
    def is_kept(self) -> bool:
        return self in KEPT_KINDS

    @property
    def is_removed(self) -> bool:
        return self not in KEPT_KINDS


KEPT_KINDS = frozenset({Kind.TITLE, Kind.CONTENT})
REMOVED_KINDS = frozenset(k for k in Kind if k not in KEPT_KINDS)

# When two removal kinds tie on score, the more specific one wins (earlier = preferred).
KIND_PRIORITY: tuple[Kind, ...] = (
    Kind.COMMENTS,
    Kind.RELATED,
    Kind.AD,
    Kind.WIDGET,
    Kind.FOOTER,
    Kind.NAV,
    Kind.DEBRIS,
    Kind.DUPLICATE,
)
