"""Imports every built-in detector module so that each registers itself.

The order here is the order detectors run in (it does not affect decisions: the resolver
orders findings itself).
"""

from __future__ import annotations

from . import (  # noqa: F401
    ads,
    comments,
    debris,
    dom_cues,
    duplicates,
    footer,
    gallery,
    link_density,
    main_content,
    navigation,
    page_structure,
    related,
    structured_data,
    teaser_cards,
    teasers,
    title,
    widgets,
)
