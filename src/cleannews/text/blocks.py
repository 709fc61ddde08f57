"""Split a source text into blocks (one per non-blank line) with exact offsets.

A block is the unit detectors reason about and the resolver decides on. Blank lines and the
whitespace around a line's text are gaps: they belong to no block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Line breaks we split on. Deliberately narrower than ``str.splitlines`` (which also breaks on
# \x1c-\x1e, \x85, \v and \f) so that odd control characters stay inside a line.
LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")
_EDGE_NOISE = re.compile(r"^[\W\d_]+|[\W\d_]+$")
TERMINAL_CHARS = frozenset(".!?…。！？;:；：")
_CLOSERS = "\"'”’»)]）」』›*_"


@dataclass(frozen=True, slots=True)
class Block:
    """One non-blank line of the source."""

    index: int
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    line: int  # 1-based line number in the source
    text: str  # == source[start:end]
    key: str  # casefolded, inner whitespace collapsed, non-letters stripped at both ends
    words: int  # whitespace-separated tokens
    terminal: bool  # ends like a sentence (after closing quotes/brackets)

    def __len__(self) -> int:
        return self.end - self.start


def normalise_key(text: str) -> str:
    """The lookup key phrase lists are matched against (see ``Block.key``)."""
    key = text.casefold()
    # Fast path: a key that starts and ends with a letter has no edge noise to strip
    # (``isalpha`` implies ``\w`` and excludes digits and ``_``), so skip the regex.
    if key and not (key[0].isalpha() and key[-1].isalpha()):
        key = _EDGE_NOISE.sub("", key)
    return " ".join(key.split())


def ends_like_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in TERMINAL_CHARS


def make_block(index: int, start: int, end: int, line: int, text: str) -> Block:
    return Block(
        index=index,
        start=start,
        end=end,
        line=line,
        text=text,
        key=normalise_key(text),
        words=len(text.split()),
        terminal=ends_like_sentence(text),
    )


def split_blocks(source: str) -> tuple[Block, ...]:
    """Blocks of ``source`` in order. Linear in ``len(source)``."""
    if "\r" in source or "\u2028" in source or "\u2029" in source:
        return _split_with_regex(source)
    blocks: list[Block] = []
    offset = 0
    for line_no, raw in enumerate(source.split("\n"), start=1):
        _append_line(blocks, raw, offset, line_no)
        offset += len(raw) + 1
    return tuple(blocks)


def _split_with_regex(source: str) -> tuple[Block, ...]:
    blocks: list[Block] = []
    line_start = 0
    line_no = 1
    for match in LINE_BREAK.finditer(source):
        _append_line(blocks, source[line_start : match.start()], line_start, line_no)
        line_start = match.end()
        line_no += 1
    _append_line(blocks, source[line_start:], line_start, line_no)
    return tuple(blocks)


def _append_line(blocks: list[Block], raw: str, start: int, line_no: int) -> None:
    text = raw.strip()
    if not text:
        return
    begin = start + len(raw) - len(raw.lstrip())
    blocks.append(make_block(len(blocks), begin, begin + len(text), line_no, text))
