"""Split a source text into blocks (one per non-blank line) with exact offsets.

A block is the unit detectors reason about and the resolver decides on. Blank lines and the
whitespace around a line's text are gaps: they belong to no block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate, compress, count, repeat
from operator import add
from typing import Any, NamedTuple, Sequence

# Line breaks we split on. Deliberately narrower than ``str.splitlines`` (which also breaks on
# \x1c-\x1e, \x85, \v and \f) so that odd control characters stay inside a line.
LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")
# A run of "edge noise": anything but a letter. Matched at the start of a key and, on the
# reversed key, at its end; a ``[\W\d_]+$`` search would retry at every inner punctuation mark.
_NOISE_RUN = re.compile(r"[\W\d_]+")
# Every whitespace character (``str.isspace``) but the space and the line break.
_OTHER_SPACES = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# The ASCII ones: all an ASCII text can hold.
_ASCII_OTHER_SPACES = "".join(ch for ch in _OTHER_SPACES if ch.isascii())
_OTHER_SPACE = re.compile(f"[{_OTHER_SPACES}]")
_ASCII_NON_LETTERS = "".join(ch for ch in map(chr, range(128)) if not ch.isalpha())
# Edge noise beyond ASCII that keys often meet (typographic quotes, ellipses, guillemets,
# bullets, arrows, box drawing, CJK and full-width punctuation): the characters of those Unicode
# blocks that ``_NOISE_RUN`` matches, with the ASCII ones. Stripping them (a C-level
# ``str.strip``) spares ``_key``'s regex matches and copies for most such keys.
_NOISE_BLOCKS = ((0x80, 0x100), (0x2000, 0x20D0), (0x2190, 0x2200), (0x2500, 0x2600))
_WIDE_NOISE_BLOCKS = ((0x3000, 0x3040), (0xFF00, 0xFF66))
_EDGE_NOISE = _ASCII_NON_LETTERS + "".join(
    ch
    for low, high in (*_NOISE_BLOCKS, *_WIDE_NOISE_BLOCKS)
    for ch in map(chr, range(low, high))
    if _NOISE_RUN.fullmatch(ch)
)
TERMINAL_CHARS = frozenset(".!?…。！？;:；：")
# Scripts written without spaces between words (Han, kana; ``々〆〇``; half-width katakana; the
# rare Han of the supplementary planes is left out: a BMP-only class searches twice as fast): a
# line of them is one whitespace token, so ``Block.words`` counts their characters instead, at
# ``UNSPACED_CHARS_PER_WORD`` a word (as ``text.features.CJK_CHARS_PER_WORD``). Hangul is
# spaced (see ``HANGUL``) and keeps its whitespace count.
UNSPACED_CHARS = (
    "\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff66-\uff9f"
)  # a regex character-class body
UNSPACED = re.compile(f"[{UNSPACED_CHARS}]")
# Their runs: counting characters as the summed length of runs makes one match object per run
# instead of one per character (a CJK line is mostly such characters).
_UNSPACED_RUN = re.compile(f"[{UNSPACED_CHARS}]+")
UNSPACED_CHARS_PER_WORD = 2
# Any character that makes a non-ASCII text special (see ``_special``): other whitespace,
# unspaced letters, the dotted capital I.
_SPECIAL_CHAR = re.compile(f"[{_OTHER_SPACES}\u0130{UNSPACED_CHARS}]")
HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
# Casefolding turns the Turkish capital "İ" into "i" + a combining dot above (U+0307), so an
# upper-case "İLGİLİ" would not meet the phrase "ilgili"; keys drop the dot after an "i".
_DOTTED_I = "i\u0307"
_CLOSERS = "\"'”’»)]）」』›*_"
_TRAILING = _CLOSERS + " "  # what ``ends_like_sentence`` looks past


@dataclass(frozen=True, slots=True)
class Block:
    """One non-blank line of the source."""

    index: int
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    line: int  # 1-based line number in the source
    text: str  # == source[start:end]
    key: str  # casefolded, inner whitespace collapsed, non-letters stripped at both ends
    words: int  # whitespace-separated tokens; unspaced scripts count characters / 2 (see
    # ``UNSPACED``), so a Japanese or Chinese sentence is not one "word"
    terminal: bool  # ends like a sentence (after closing quotes/brackets)

    def __len__(self) -> int:
        return self.end - self.start


# One Block is built per line of every document, and the frozen dataclass ``__init__`` pays
# ``object.__setattr__`` per field. Instead a *builder* (a plain class with the very same
# slots, whose attribute stores are ordinary and specialised by the interpreter) is filled and
# then turned into a Block by ``__class__`` assignment, which CPython allows between classes of
# identical layout (as ``spans.new_finding`` does). The result is a genuine, equal Block.
class _BlockBuilder:
    __slots__ = Block.__slots__
    index: int
    start: int
    end: int
    line: int
    text: str
    key: str
    words: int
    terminal: bool


class LineColumns(NamedTuple):
    """Some fields of a page's blocks as lists (in block order), made while splitting: the
    block features read them rather than gathering them from the blocks again."""

    folded: list[str]  # each text casefolded (not a field: made for the keys)
    texts: list[str]
    words: list[int]
    terminal: list[bool]


def new_block(
    index: int, start: int, end: int, line: int, text: str, key: str, words: int, terminal: bool
) -> Block:
    """``Block(...)`` with positional arguments, built faster (for trusted internal code)."""
    b = _BlockBuilder()
    b.index = index
    b.start = start
    b.end = end
    b.line = line
    b.text = text
    b.key = key
    b.words = words
    b.terminal = terminal
    b.__class__ = Block  # type: ignore[assignment]  # same layout, see above
    return b  # type: ignore[return-value]  # it is a Block now


def normalise_key(text: str) -> str:
    """The lookup key phrase lists are matched against (see ``Block.key``)."""
    return _key(_undotted(text.casefold()))


def _undotted(folded: str) -> str:
    return folded.replace(_DOTTED_I, "i") if _DOTTED_I in folded else folded


def unspaced_words(text: str, tokens: int) -> int:
    """The word count of a line of ``tokens`` whitespace tokens, counting the characters of
    unspaced scripts at ``UNSPACED_CHARS_PER_WORD`` a word (never fewer than ``tokens``)."""
    chars = sum(map(len, _UNSPACED_RUN.findall(text)))  # == len(UNSPACED.findall(text))
    return max(tokens, chars // UNSPACED_CHARS_PER_WORD)


def _key(folded: str) -> str:
    # ``isalpha`` implies ``\w`` and excludes digits and ``_``: a letter at an edge means
    # there is no noise to strip there.
    if folded and not folded[0].isalpha():
        found = _NOISE_RUN.match(folded)
        if found:
            folded = folded[found.end() :]
    if folded and not folded[-1].isalpha():
        found = _NOISE_RUN.match(folded[::-1])
        if found:
            folded = folded[: len(folded) - found.end()]
    return " ".join(folded.split())


def ends_like_sentence(text: str) -> bool:
    if not text:
        return False
    last = text[-1]
    if last in TERMINAL_CHARS:  # the common case: no closers to look past
        return True
    if last not in _TRAILING:
        return False
    stripped = text.rstrip(_TRAILING)
    return bool(stripped) and stripped[-1] in TERMINAL_CHARS


def make_block(index: int, start: int, end: int, line: int, text: str) -> Block:
    """The block of ``text`` (``blocks_of_lines`` makes a page's blocks faster)."""
    folded = text.casefold()  # casefolding never adds or removes whitespace
    rare = not text.isascii()  # maybe unspaced-script letters or a dotted capital I
    if rare and _DOTTED_I in folded:
        folded = folded.replace(_DOTTED_I, "i")
    if _single_spaced(folded):
        # The only whitespace is single inner spaces (the usual line): the tokens need not be
        # built to be counted, and the key needs no re-joining.
        words = folded.count(" ") + 1
        alpha_edges = folded[0].isalpha() and folded[-1].isalpha()
        key = folded if alpha_edges else _key(folded)
    else:
        tokens = folded.split()
        words = len(tokens)
        if folded and folded[0].isalpha() and folded[-1].isalpha():
            key = " ".join(tokens)
        else:
            key = _key(folded)
    if rare:
        words = unspaced_words(text, words)
    return new_block(index, start, end, line, text, key, words, ends_like_sentence(text))


def _single_spaced(text: str) -> bool:
    # ASCII space is the only printable whitespace character, so a printable text without
    # double or edge spaces splits on exactly its spaces.
    if not text or text[0] == " " or text[-1] == " ":
        return False
    return "  " not in text and text.isprintable()


def split_blocks(source: str) -> tuple[Block, ...]:
    """Blocks of ``source`` in order. Linear in ``len(source)``."""
    return split_blocks_columns(source)[0]


def split_blocks_columns(source: str) -> tuple[tuple[Block, ...], LineColumns]:
    """:func:`split_blocks`, and the columns made on the way (:class:`cleannews.page.Page`
    keeps them for the block features)."""
    if "\r" in source or "\u2028" in source or "\u2029" in source:
        lines = LINE_BREAK.split(source)
        line_starts = [0, *[match.end() for match in LINE_BREAK.finditer(source)]]
    else:  # the usual case: one kind of break, one character long
        lines = source.split("\n")
        line_starts = list(accumulate([len(line) + 1 for line in lines], initial=0))
    # Comprehensions rather than chains of ``map``: the interpreter specialises their method
    # calls and arithmetic, and one comprehension replaces several passes.
    stripped = [line.strip() for line in lines]
    texts = [text for text in stripped if text]  # the blank lines hold no block
    # A text starts after its line's leading whitespace (``lstrip`` returns an unindented
    # line itself, without a copy).
    starts = [
        at + len(line) - len(line.lstrip())
        for at, line, text in zip(line_starts, lines, stripped, strict=False)
        if text
    ]
    return _blocks_and_columns(texts, starts, list(compress(count(1), stripped)))


def blocks_of_lines(
    texts: list[str], starts: list[int], line_numbers: list[int]
) -> tuple[tuple[Block, ...], list[str]]:
    """``make_block`` for each of the stripped, non-blank, break-free ``texts`` (at ``starts``,
    on ``line_numbers``), and each text casefolded."""
    blocks, columns = _blocks_and_columns(texts, starts, line_numbers)
    return blocks, columns.folded


def _blocks_and_columns(
    texts: list[str], starts: list[int], line_numbers: list[int]
) -> tuple[tuple[Block, ...], LineColumns]:
    """:func:`blocks_of_lines`, and its columns. Field by field over the whole page: each
    step is one C-level pass over all texts (``map``) rather than a Python call per text;
    the few texts that need more care (see ``_special``) are then made one by one."""
    folded = list(map(str.casefold, texts))  # per text: ASCII texts take a fast path
    keys = _keys(folded)
    words = [n + 1 for n in map(str.count, texts, repeat(" "))]
    # Texts with irregular whitespace (tabs, runs of spaces), unspaced scripts or a dotted
    # capital I are made one by one; one test over the page spares the per-text tests mostly.
    for i in _special(texts):
        if _single_spaced(texts[i]) and _DOTTED_I not in folded[i]:
            # Only unspaced-script letters (a CJK line): the key and token count above hold,
            # the word count needs their characters (no need to make the whole block again).
            words[i] = unspaced_words(texts[i], words[i])
            continue
        block = make_block(i, starts[i], starts[i] + len(texts[i]), line_numbers[i], texts[i])
        keys[i], words[i] = block.key, block.words
    terminal = [
        t[-1] in TERMINAL_CHARS or (t[-1] in _TRAILING and ends_like_sentence(t)) for t in texts
    ]
    ends = list(map(add, starts, map(len, texts)))
    columns = (range(len(texts)), starts, ends, line_numbers, texts, keys, words, terminal)
    return _new_blocks(columns), LineColumns(folded, texts, words, terminal)


def _keys(folded: list[str]) -> list[str]:
    """``_key`` of every (casefolded, single-spaced, non-empty) text: a text with a letter at
    both ends is its own key; for the others, stripping the ASCII non-letters usually reaches
    a letter at both ends (always, when what is left is ASCII) or nothing, which is what
    ``_key`` would give; the rest (a typographic quote or a non-ASCII symbol at an edge) go
    through ``_wide_key``."""
    keys = folded.copy()
    for i, text in enumerate(folded):
        if not (text[0].isalpha() and text[-1].isalpha()):
            key = text.strip(_ASCII_NON_LETTERS)
            if key.isascii() or (key[0].isalpha() and key[-1].isalpha()):
                keys[i] = key
            else:
                keys[i] = _wide_key(text, key)
    return keys


def _wide_key(text: str, stripped: str) -> str:
    """``_key(text)`` for a single-spaced ``text`` whose ASCII-stripped key ``stripped`` still
    has a non-letter at an edge: stripping ``_EDGE_NOISE`` too (a subset of what ``_key``
    strips) is exact once it reaches a letter at both ends, or nothing."""
    key = stripped.strip(_EDGE_NOISE)
    return key if not key or (key[0].isalpha() and key[-1].isalpha()) else _key(text)


def _new_blocks(columns: tuple[Sequence[Any], ...]) -> tuple[Block, ...]:
    """Blocks from their field values, one sequence per field in ``Block`` order (see
    ``new_block``: plain attribute stores on a builder, three times faster than setting the
    frozen slots column by column through their descriptors). ``new_block`` inlined: a
    Python call per block made from ``map`` cost more than the stores it wraps."""
    built = [_BlockBuilder() for _ in columns[0]]
    fields = zip(built, *columns, strict=True)
    for b, index, start, end, line, text, key, words, terminal in fields:
        b.index = index
        b.start = start
        b.end = end
        b.line = line
        b.text = text
        b.key = key
        b.words = words
        b.terminal = terminal
        b.__class__ = Block  # same layout, see ``new_block``
    return tuple(built)  # type: ignore[arg-type]  # they are Blocks now


def _special(texts: list[str]) -> list[int]:
    """Indices of the texts ``make_block`` must make on its own, in order."""
    page = "\n".join(texts)
    # Substring tests over the page: fast (``memchr``) for single characters.
    irregular = "  " in page or any(ch in page for ch in _ASCII_OTHER_SPACES)
    rare: list[int] = []
    if not page.isascii():
        # Only the non-ASCII texts can hold the other special characters. A class search costs
        # several times a substring test per character, so it runs over those texts only
        # (often less than half the page), not over the whole page.
        search = _SPECIAL_CHAR.search
        for i in [i for i, text in enumerate(texts) if not text.isascii() and search(text)]:
            irregular = irregular or _OTHER_SPACE.search(texts[i]) is not None
            if has_rare_letters(texts[i]):
                rare.append(i)
    special = _irregular(texts) if irregular else []
    return sorted({*special, *rare}) if rare else special


def _irregular(texts: list[str]) -> list[int]:
    """Indices of the texts whose whitespace is not single inner spaces (see ``_single_spaced``;
    the texts are stripped)."""
    return [i for i, t in enumerate(texts) if "  " in t or not t.isprintable()]


def has_rare_letters(text: str) -> bool:
    """Whether ``text`` needs ``make_block``'s per-line care: an unspaced-script character or a
    dotted capital I (one search each over a page instead of one per line)."""
    return not text.isascii() and ("\u0130" in text or UNSPACED.search(text) is not None)
