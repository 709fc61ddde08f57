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
# A run of "edge noise": anything but a letter. Matched at the start of a key and, on the
# reversed key, at its end; a ``[\W\d_]+$`` search would retry at every inner punctuation mark.
_NOISE_RUN = re.compile(r"[\W\d_]+")
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
UNSPACED_CHARS_PER_WORD = 2
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


# Direct slot setters: one Block is built per line of every document, and the frozen dataclass
# ``__init__`` pays ``object.__setattr__`` per field. ``new_block`` builds the same object.
(_b_index, _b_start, _b_end, _b_line, _b_text, _b_key, _b_words, _b_terminal) = tuple(
    Block.__dict__[name].__set__ for name in Block.__slots__
)
_new = object.__new__


def new_block(
    index: int, start: int, end: int, line: int, text: str, key: str, words: int, terminal: bool
) -> Block:
    """``Block(...)`` with positional arguments, built faster (for trusted internal code)."""
    b = _new(Block)
    _b_index(b, index)
    _b_start(b, start)
    _b_end(b, end)
    _b_line(b, line)
    _b_text(b, text)
    _b_key(b, key)
    _b_words(b, words)
    _b_terminal(b, terminal)
    return b


def normalise_key(text: str) -> str:
    """The lookup key phrase lists are matched against (see ``Block.key``)."""
    return _key(_undotted(text.casefold()))


def _undotted(folded: str) -> str:
    return folded.replace(_DOTTED_I, "i") if _DOTTED_I in folded else folded


def unspaced_words(text: str, tokens: int) -> int:
    """The word count of a line of ``tokens`` whitespace tokens, counting the characters of
    unspaced scripts at ``UNSPACED_CHARS_PER_WORD`` a word (never fewer than ``tokens``)."""
    chars = len(UNSPACED.findall(text))
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


def make_block(
    index: int, start: int, end: int, line: int, text: str, rare: bool = True
) -> Block:
    """The block of ``text``. ``rare=False`` promises that ``text`` holds neither an
    unspaced-script character (see ``UNSPACED``) nor a dotted capital I, sparing their per-line
    handling (``split_blocks`` looks for them once per page, see ``has_rare_letters``)."""
    folded = text.casefold()  # casefolding never adds or removes whitespace
    rare = rare and not text.isascii()
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
    rare = has_rare_letters(source)
    if "\r" in source or "\u2028" in source or "\u2029" in source:
        return _split_with_regex(source, rare)
    blocks: list[Block] = []
    offset = 0
    for line_no, raw in enumerate(source.split("\n"), start=1):
        _append_line(blocks, raw, offset, line_no, rare)
        offset += len(raw) + 1
    return tuple(blocks)


def has_rare_letters(text: str) -> bool:
    """Whether ``text`` needs ``make_block``'s per-line care: an unspaced-script character or a
    dotted capital I (one search each over a page instead of one per line)."""
    return not text.isascii() and ("\u0130" in text or UNSPACED.search(text) is not None)


def _split_with_regex(source: str, rare: bool) -> tuple[Block, ...]:
    blocks: list[Block] = []
    line_start = 0
    line_no = 1
    for match in LINE_BREAK.finditer(source):
        _append_line(blocks, source[line_start : match.start()], line_start, line_no, rare)
        line_start = match.end()
        line_no += 1
    _append_line(blocks, source[line_start:], line_start, line_no, rare)
    return tuple(blocks)


def _append_line(
    blocks: list[Block], raw: str, start: int, line_no: int, rare: bool
) -> None:
    text = raw.strip()
    if not text:
        return
    # A line that starts with its text has no leading whitespace (the text starts non-blank).
    begin = start if raw[0] == text[0] else start + len(raw) - len(raw.lstrip())
    blocks.append(make_block(len(blocks), begin, begin + len(text), line_no, text, rare))
