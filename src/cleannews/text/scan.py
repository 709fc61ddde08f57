"""Page-level substring scans: which blocks hold a given substring, without visiting the others.

A per-line test (``needle in block.text`` or a regex search) costs a Python call on every line
of the page, and most lines of prose hold none of the rare characters a detector looks for.
Here ``str.find`` (a C ``memchr``-speed scan) jumps from one occurrence to the next over the
whole source; each hit is mapped to its block, and the scan resumes after that block, so the
Python work is per *matching* block, not per line.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable

from ..page import Page


def blocks_containing(page: Page, needles: Iterable[str]) -> set[int]:
    """Indices (positions in ``page.blocks``) of the blocks whose text contains any of
    ``needles`` (non-empty strings).

    Exact because ``block.text == page.source[block.start:block.end]``: a needle inside a
    block's text is an occurrence in the source within the block's span; an occurrence that
    straddles a block edge or lies in a gap belongs to no block's text and is skipped."""
    source, blocks = page.source, page.blocks
    starts = page.block_starts()  # shared by every scan of the page
    found: set[int] = set()
    for needle in needles:
        at = source.find(needle)
        while at != -1:
            i = bisect_right(starts, at) - 1  # the last block starting at or before ``at``
            if i < 0 or at + len(needle) > blocks[i].end:  # a gap or across a line end
                at = source.find(needle, at + 1)
                continue
            found.add(i)
            at = source.find(needle, blocks[i].end)  # the rest of this block is decided
    return found
