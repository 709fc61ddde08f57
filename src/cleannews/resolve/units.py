"""Refine blocks so that every finding covers whole units.

Most findings cover whole lines; a few (inline debris, say) cover part of one. Cutting lines at
finding boundaries lets the resolver decide per unit and still remove exactly what was found.
A unit keeps the ``index`` of the block it is (a piece of); what the resolver cites for a unit
is its position among the units.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter, is_
from typing import Iterable, Sequence

from ..spans import Finding
from ..text.blocks import Block, make_block

FindingsPerUnit = list[tuple[Finding, ...]]
_START, _END, _TEXT = attrgetter("start"), attrgetter("end"), attrgetter("text")


def units_with_findings(
    source: str, blocks: Sequence[Block], findings: Sequence[Finding]
) -> tuple[tuple[Block, ...], FindingsPerUnit]:
    """The units and, per unit, the findings covering it (in input order), in one pass.

    Nearly every finding covers exactly one whole block: then the blocks are the units and a
    dict lookup places each finding. Any other finding (part of a line, several lines) sends
    the page down the general path, which cuts units at finding edges and bisects."""
    index_of = {block.start: i for i, block in enumerate(blocks)}
    per_unit: FindingsPerUnit = [()] * len(blocks)
    for finding in findings:
        i = index_of.get(finding.start)
        if i is None or blocks[i].end != finding.end:
            units = split_units(source, blocks, findings)
            return units, findings_per_unit(units, findings)
        per_unit[i] += (finding,)
    return tuple(blocks), per_unit


def findings_per_unit(units: Sequence[Block], findings: Sequence[Finding]) -> FindingsPerUnit:
    """The findings covering each unit, in input order (units never straddle a finding edge)."""
    starts = list(map(_START, units))
    index_of = {start: i for i, start in enumerate(starts)}
    per_unit: FindingsPerUnit = [()] * len(units)
    for finding in findings:
        i = index_of.get(finding.start)
        if i is not None and units[i].end == finding.end:
            per_unit[i] += (finding,)
            continue
        for i in covering(starts, finding):
            per_unit[i] += (finding,)
    return per_unit


def split_units(
    source: str, blocks: Sequence[Block], findings: Iterable[Finding]
) -> tuple[Block, ...]:
    starts = list(map(_START, blocks))
    # Offsets on a block edge never cut it (blocks do not overlap): a set lookup spares the
    # bisection for the usual finding, which covers whole lines.
    edges = {*starts, *map(_END, blocks)}
    cuts: dict[int, set[int]] = {}
    for finding in findings:
        for offset in (finding.start, finding.end):
            if offset in edges:
                continue
            i = bisect_right(starts, offset) - 1
            if i >= 0 and blocks[i].start < offset < blocks[i].end:
                cuts.setdefault(i, set()).add(offset)
    if not cuts:
        return tuple(blocks)
    # Uncut blocks are units as they are (not renumbered copies: large inputs always have a
    # cut somewhere, and a copy of every line cost as much again, with one more long-lived
    # object per line for the garbage collector). They are copied over in slices; only the
    # cut blocks (and any with whitespace edges) are rebuilt.
    units: list[Block] = []
    done = 0
    for i in _to_rebuild(blocks, cuts):
        units += blocks[done:i]
        block = blocks[i]
        for start, end in _pieces(source, block, sorted(cuts.get(i, ()))):
            units.append(make_block(block.index, start, end, block.line, source[start:end]))
        done = i + 1
    units += blocks[done:]
    return tuple(units)


def _to_rebuild(blocks: Sequence[Block], cuts: dict[int, set[int]]) -> list[int]:
    """The indices of the blocks that are not their own single unit, in order: the cut ones,
    and any whose text is empty or edged by whitespace (which ``_pieces`` trims; a page's
    blocks never are, and one C-level pass over the texts says so: ``str.strip`` returns a
    text with nothing to strip itself)."""
    texts = list(map(_TEXT, blocks))
    if all(texts) and all(map(is_, map(str.strip, texts), texts)):
        return sorted(cuts)
    return [i for i, text in enumerate(texts) if i in cuts or text != text.strip() or not text]


def _pieces(source: str, block: Block, cuts: list[int]) -> list[tuple[int, int]]:
    bounds = [block.start, *cuts, block.end]
    pieces = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        raw = source[start:end]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            pieces.append((start + lead, start + lead + len(stripped)))
    return pieces


def covering(starts: Sequence[int], finding: Finding) -> range:
    """Indices of the units (by their sorted ``starts``) inside ``finding``.

    Units never straddle a finding boundary, so a unit starting inside it lies inside it."""
    lo = bisect_left(starts, finding.start)
    hi = bisect_left(starts, finding.end)
    return range(lo, hi)
