"""Helper base for the commonest detector shape: a phrase list per language.

A subclass names itself, its kind and the languages it ships data for; the phrases live in
``data/<name>/<lang>.txt`` (format in :mod:`cleannews.detectors.phrases`). Override
:meth:`PhraseDetector.accept` to add context rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import ClassVar, Iterable, Iterator, Mapping, Sequence

from ..kinds import Kind
from ..page import FOLDED_MEMO, Page
from ..spans import Finding, Scope
from ..text.blocks import Block
from .base import Detector
from .phrases import (
    MARKER_SECTIONS,
    Phrase,
    PhraseTable,
    TableGroup,
    contains_scan,
    line_scan,
    load_group,
    load_table,
    loose_non_word,
    regex_phrase,
)

MEMO_KEY = "detectors.phrase_detector"
# ``Page.memo`` keys are (name, parameter...) tuples of strings and ints made once: building
# and hashing an f-string per lookup was a visible share of a short page's cost (~30 lookups).
_GROUP_MEMO = f"{MEMO_KEY}.group"
_SHORT_MEMO = f"{MEMO_KEY}.short"
_JOINED_MEMO = f"{MEMO_KEY}.joined"
_DIGITS_MEMO = f"{MEMO_KEY}.digits"

DEFAULT_SECTION_SCORES: Mapping[str, float] = {
    "marker": 0.9,
    "line": 0.85,
    "regex": 0.8,
    "prefix": 0.75,
    "contains": 0.7,
    "marker-prefix": 0.85,
    "marker-count": 0.85,
    "count": 0.8,
}
# A phrase of a language other than the page's still counts, a little less: the language guess
# may be wrong and mixed-language pages exist.
FOREIGN_LANGUAGE_FACTOR = 0.9
DEFAULT_MAX_WORDS = 12
DEFAULT_MAX_HEADING_WORDS = 10  # a [marker-prefix] line is a heading: short...
SENTENCE_ENDS = frozenset(".!?。！？")  # ...and not ending like a sentence
_DIGIT = re.compile(r"\d")
# Most pages are written in a Latin script (with typographic quotes and dashes): no phrase
# holding a character outside these ranges (Cyrillic, Hangul, Han, kana...) can occur on them.
# The symbols pages mix in (currency, arrows, shapes, dingbats, emoji, variation selectors)
# are in too: one "€" or "►" on a page would otherwise make it search for every phrase.
_LATIN_RANGES = (
    "\x00-\u024f\u1d00-\u1dbf\u1e00-\u1eff\u2000-\u2bff\ufe00-\ufe0f\U0001f000-\U0001faff"
)
_NOT_LATIN = re.compile(f"[^{_LATIN_RANGES}]")


class PhraseDetector(Detector):
    kind: ClassVar[Kind]
    data_package: ClassVar[str] = "cleannews.detectors"
    max_words: ClassVar[int] = DEFAULT_MAX_WORDS  # prefix/contains/regex only on short lines
    max_heading_words: ClassVar[int] = DEFAULT_MAX_HEADING_WORDS
    section_scores: ClassVar[Mapping[str, float]] = DEFAULT_SECTION_SCORES

    @property
    def table(self) -> PhraseTable:
        return load_table(self.data_package, self.name)

    # Detectors of ``data_package`` whose tables are searched together: one whole-line lookup,
    # one [prefix] scan and one [contains] scan per page (over the lines of at most
    # ``scan_group_words`` words) for all of them (see ``TableGroup``). Empty: on its own.
    scan_group: ClassVar[tuple[str, ...]] = ()
    scan_group_words: ClassVar[int] = 0

    def group(self, table: PhraseTable) -> TableGroup | None:
        """The group ``table`` is scanned with, if it is one of its tables."""
        if not self.scan_group:
            return None
        group = load_group(self.data_package, self.scan_group, self.scan_group_words)
        return group if group.covers(table) else None

    def detect(self, page: Page) -> Iterator[Finding]:
        table = self.table
        preferred = page.languages
        for block in self.candidates(page, table):
            phrase = self.match(table, block)
            if phrase is not None and self.accept(page, block, phrase):
                yield self.phrase_finding(block, phrase, preferred)

    def candidates(self, page: Page, table: PhraseTable) -> Sequence[Block]:
        """The blocks ``match`` may find a phrase in, in page order.

        The built-in ``match`` only finds what :func:`phrase_candidates` finds with one pass per
        section over the page, so only those blocks reach it; a subclass with a ``match`` of its
        own (a plug-in) gets every block."""
        if type(self).match is not PhraseDetector.match:
            return page.blocks
        return phrase_candidates(page, table, self.max_words, group=self.group(table))

    def match(self, table: PhraseTable, block: Block) -> Phrase | None:
        key = block.key
        whole = table.whole.get(key)
        if whole:
            return whole[0]
        if block.words > self.max_words:
            return None
        heads = table.prefix_heads
        if heads is None or key[:2] in heads:
            found = self._match_prefix(table, block)
            if found is not None:
                return found
        text = block.text
        if table.count is not None:
            counted = table.count_noun(text)
            if counted is not None:
                return counted
        contains = table.contains
        if contains is not None and len(key) >= table.contains_min_len:
            hit = contains.search(key)
            if hit:
                return table.by_text[("contains", hit.group(0))]
        return regex_phrase(table, text) if table.regexes else None

    def _match_prefix(self, table: PhraseTable, block: Block) -> Phrase | None:
        if table.marker_prefix is not None and _is_heading(block, self.max_heading_words):
            found = table.marker_prefix.search(block.key)
            if found:
                return table.by_text[("marker-prefix", found.group(0))]
        if table.prefix is not None:
            found = table.prefix.search(block.key)
            if found:
                return table.by_text[("prefix", found.group(0))]
        return None

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        """Context hook: return False to ignore a match."""
        return True

    def phrase_finding(self, block: Block, phrase: Phrase, preferred: tuple[str, ...]) -> Finding:
        score = self.section_scores[phrase.section]
        if phrase.language not in preferred:
            score *= FOREIGN_LANGUAGE_FACTOR
        is_marker = phrase.section in MARKER_SECTIONS
        return self.finding(
            block,
            self.kind,
            round(score, 4),
            reason=f"{self.name}.{phrase.section}",
            explanation=f"{phrase.section} phrase {phrase.text!r} ({phrase.language})",
            scope=Scope.REGION if is_marker else Scope.BLOCK,
            region_kind=phrase.region_kind if is_marker else None,
        )


def _is_heading(block: Block, max_words: int) -> bool:
    return block.words <= max_words and block.text.rstrip()[-1] not in SENTENCE_ENDS


def phrase_candidates(
    page: Page,
    table: PhraseTable,
    max_words: int,
    extra: Iterable[Block] = (),
    group: TableGroup | None = None,
) -> list[Block]:
    """The blocks in which some section of ``table`` matches (whole-line phrases on any block,
    the other sections on blocks of at most ``max_words`` words), plus ``extra``, in page order.

    A superset of the blocks :meth:`PhraseDetector.match` returns a phrase for: each section's
    own test runs over the page in one comprehension, instead of one chain of Python calls per
    block and detector; ``match`` then decides for the few blocks found."""
    whole = table.whole
    # The group's scans, when they cover this table's lines: a section none of its lines can
    # match is not looked at (on most pages, and every tiny one, most sections find nothing).
    scans = group_lines(page, group) if group is not None else None
    short = scans if scans is not None and max_words <= scans.max_words else None
    # Each section's lines, in page order; only the sections the table has.
    parts = []
    if scans is None or scans.whole:
        parts.append([b for b in whole_lines(page, group) if b.key in whole])
    if (table.prefix is not None or table.marker_prefix is not None) and (
        short is None or short.prefix
    ):
        parts.append(prefix_lines(page, table, max_words, group))
    if table.contains is not None and (short is None or short.contains):
        parts.append(contains_lines(page, table, max_words, group))
    if table.count is not None:  # a count line holds a digit
        parts.append(_count_lines(page, table, max_words))
    if table.regexes:
        parts.append(_regex_lines(page, table, max_words))
    found = [part for part in parts if part]
    if extra:
        found.append(list(extra))  # in no particular order: always merged below
    elif len(found) <= 1:
        return found[0] if found else []  # already in page order, no duplicates
    blocks = page.blocks
    return [blocks[i] for i in sorted({b.index for part in found for b in part})]


def _count_lines(page: Page, table: PhraseTable, max_words: int) -> list[Block]:
    """The blocks of at most ``max_words`` words that are a [count] phrase: the count pattern
    first, on the casefolded texts the page keeps when it does (no casefold per line and
    table), then ``count_noun``."""
    if table.count is None:
        return []
    count = table.count.match
    folded = page.memo.get(FOLDED_MEMO)
    if folded is None or len(folded) != len(page.blocks):
        folded = None
    return [
        b
        for b in digit_blocks(page, max_words)
        if count(b.text.casefold() if folded is None else folded[b.index])
        and table.count_noun(b.text)
    ]


def _regex_lines(page: Page, table: PhraseTable, max_words: int) -> list[Block]:
    """The blocks of at most ``max_words`` words where a [regex] phrase matches."""
    gated = _gated_lines(page, table, max_words)
    dispatch = table.regex_dispatch
    if dispatch is not None and table.regex is not None:
        # Each line against the few patterns that can match it (see ``RegexDispatch``).
        if not gated:
            return []
        texts = [b.text for b in gated]
        found = dispatch.matching(texts, _folded_texts(page, gated, texts))
        return [gated[i] for i in found]
    if table.regex is not None:  # what ``regex_phrase`` does past its gate, without a call
        regex = table.regex.match if table.regex_anchored else table.regex.search
        return [b for b in gated if regex(b.text)]
    return [b for b in gated if regex_phrase(table, b.text)]


def _folded_texts(page: Page, blocks: Sequence[Block], texts: list[str]) -> list[str]:
    """The casefolded ``texts`` of ``blocks``: those the page keeps, or made."""
    folded = page.memo.get(FOLDED_MEMO)
    if folded is None or len(folded) != len(page.blocks):
        return [text.casefold() for text in texts]
    return [folded[b.index] for b in blocks]


def _gated_lines(page: Page, table: PhraseTable, max_words: int) -> Sequence[Block]:
    """The blocks of at most ``max_words`` words that pass ``table.regex_gate``."""
    gate = table.regex_gate
    if gate is None:
        return short_blocks(page, max_words)
    # Only the gate's characters the page holds at all (mostly one, or none: ":").
    chars = sorted(c for c in gate.chars if c in page.source) if gate.chars else []
    if not gate.digit:
        return _holding(short_blocks(page, max_words), chars) if chars else []
    digits = digit_blocks(page, max_words)
    if not chars:
        return digits
    held = _holding(short_blocks(page, max_words), chars)
    return sorted({b.index: b for b in (*digits, *held)}.values(), key=lambda b: b.index)


def _holding(blocks: Sequence[Block], chars: list[str]) -> list[Block]:
    """The ``blocks`` whose text holds one of ``chars``, in order (a substring test per
    character and block is several times cheaper than a regex search per block)."""
    if len(chars) == 1:
        char = chars[0]
        return [b for b in blocks if char in b.text]
    found = {b.index: b for char in chars for b in blocks if char in b.text}
    return [found[i] for i in sorted(found)]


def prefix_lines(
    page: Page, table: PhraseTable, max_words: int, group: TableGroup | None = None
) -> list[Block]:
    """The blocks of at most ``max_words`` words starting with a [prefix] or [marker-prefix]
    phrase of ``table``."""
    patterns = [p.search for p in (table.prefix, table.marker_prefix) if p is not None]
    if not patterns:
        return []
    if group is not None and group.prefix_scan is not None and max_words <= group.max_words:
        # The few lines starting with a phrase of any of the group's tables; then its own.
        lines: Sequence[Block] = group_lines(page, group).prefix
    elif table.prefix_scan is not None:
        return list(scanned_blocks(page, max_words, table.prefix_scan))
    else:
        heads = table.prefix_heads
        lines = [b for b in short_blocks(page, max_words) if heads is None or b.key[:2] in heads]
    return [b for b in lines if b.words <= max_words and any(search(b.key) for search in patterns)]


def whole_lines(page: Page, group: TableGroup | None) -> Sequence[Block]:
    """The blocks that may be whole-line phrases of ``group``'s tables (read twice too): one
    lookup per block for all of them. Every block without a group."""
    return page.blocks if group is None else group_lines(page, group).whole


def contains_lines(
    page: Page, table: PhraseTable, max_words: int, group: TableGroup | None = None
) -> list[Block]:
    """The blocks of at most ``max_words`` words whose key holds a [contains] phrase."""
    contains = table.contains
    if contains is None:
        return []
    if group is not None and group.contains_scan is not None and max_words <= group.max_words:
        holds = table.holds_contains  # on the few lines where a phrase of the group occurs
        return [
            b for b in group_lines(page, group).contains if b.words <= max_words and holds(b.key)
        ]
    if table.contains_scan is not None:
        return scanned_lines(page, max_words, table.contains_scan, table.contains_scan_unspaced)
    return contains_blocks(short_blocks(page, max_words), table)


@dataclass(frozen=True, slots=True)
class GroupLines:
    """The lines of a page where some phrase of a :class:`TableGroup`'s tables may be: each
    table of the group only looks at these (see ``group_lines``)."""

    max_words: int  # ``group.max_words``: prefix/contains lines are this short
    whole: list[Block]  # the key is a whole-line phrase (or one read twice)
    prefix: list[Block]  # at most ``group.max_words`` words, starting with a prefix phrase
    contains: list[Block]  # at most ``group.max_words`` words, holding a [contains] phrase


def group_lines(page: Page, group: TableGroup) -> GroupLines:
    """``group``'s scans of ``page``, all made on first use (memoised): every detector of the
    group reads them several times, so one memo lookup each time is all they cost after."""
    memo_key = (_GROUP_MEMO, group.memo_name)
    found = page.memo.get(memo_key)
    if found is None:
        scans = _page_scans(page, group)
        prefix, contains = scans.prefix, scans.contains
        found = page.memo[memo_key] = GroupLines(
            group.max_words,
            [b for b in page.blocks if b.key in group.whole],
            [] if prefix is None else scanned_lines(page, group.max_words, prefix, None),
            []
            if contains is None
            else scanned_lines(page, group.max_words, contains, scans.unspaced),
        )
    return found


@dataclass(frozen=True, slots=True)
class _Scans:
    """A group's page-level scans (``TableGroup.prefix_scan`` and the [contains] ones)."""

    prefix: re.Pattern[str] | None
    contains: re.Pattern[str] | None
    unspaced: re.Pattern[str] | None


def _page_scans(page: Page, group: TableGroup) -> _Scans:
    """The scans ``group_lines`` runs on ``page``: on a page whose short lines are all in a
    Latin script, those of the group's Latin phrases only. The others cannot match there, so
    the lines found are the same; the scans are a fifth cheaper (half the first characters
    to try at each word), and the unspaced one (Han/kana phrases) is not run at all."""
    if group.contains_scan is None or not _latin_only(_joined_keys(page, group.max_words)):
        return _Scans(group.prefix_scan, group.contains_scan, group.contains_scan_unspaced)
    return _latin_scans(group.package, group.detectors, group.max_words)


def _latin_only(text: str) -> bool:
    """Is ``text`` written in a Latin script only (``_LATIN_RANGES``)? ASCII text is, and
    asking costs nothing (unlike the search)."""
    return text.isascii() or _NOT_LATIN.search(text) is None


@cache
def _latin_scans(package: str, detectors: tuple[str, ...], max_words: int) -> _Scans:
    """``load_group(package, detectors, max_words)``'s scans of its Latin-script phrases."""
    group = load_group(package, detectors, max_words)
    prefix = _latin_texts(group, "prefix", "marker-prefix")
    contains = _latin_texts(group, "contains")
    return _Scans(
        line_scan(prefix, "\n") if group.prefix_scan is not None else None,
        contains_scan(contains, spaced=True, non_word=loose_non_word()),
        contains_scan(contains, spaced=False),
    )


def _latin_texts(group: TableGroup, *sections: str) -> list[str]:
    """The texts of ``group``'s phrases of ``sections`` written in a Latin script."""
    texts = {
        phrase.text
        for table in group.tables
        for (section, _), phrase in table.by_text.items()
        if section in sections
    }
    return sorted(text for text in texts if not _NOT_LATIN.search(text))


def scanned_lines(
    page: Page, max_words: int, scan: re.Pattern[str], unspaced: re.Pattern[str] | None
) -> list[Block]:
    """The blocks of at most ``max_words`` words that ``scan`` (matching from the character
    before a phrase) or ``unspaced`` (matching from the phrase, see
    ``PhraseTable.contains_scan_unspaced``) finds, in page order."""
    found = list(scanned_blocks(page, max_words, scan))
    if unspaced is None:
        return found
    # Its phrases start with a Han or kana character: the search skips other pages quickly.
    more = list(scanned_blocks(page, max_words, unspaced, lead=0))
    if not more:
        return found
    return sorted({b.index: b for b in (*found, *more)}.values(), key=lambda b: b.index)


def contains_blocks(blocks: Iterable[Block], table: PhraseTable) -> list[Block]:
    """The ``blocks`` whose key holds a [contains] phrase."""
    contains = table.contains
    if contains is None:
        return []
    least = table.contains_min_len
    return [b for b in blocks if len(b.key) >= least and contains.search(b.key)]


def short_blocks(page: Page, max_words: int) -> list[Block]:
    """The blocks of at most ``max_words`` words (memoised: several detectors share a limit)."""
    memo_key = (_SHORT_MEMO, max_words)
    found = page.memo.get(memo_key)
    if found is None:
        found = page.memo[memo_key] = [b for b in page.blocks if b.words <= max_words]
    return found


def scanned_blocks(
    page: Page, max_words: int, scan: re.Pattern[str], lead: int = 1
) -> Iterator[Block]:
    """The blocks of at most ``max_words`` words in which ``scan`` matches, in page order.

    One regex search over the page's joined keys per block found, not one per block. ``scan``
    matches from ``lead`` characters before its phrase (by default the character before it;
    the line break before a line's key counts); each search resumes at the next line, so no
    line is skipped or reported twice."""
    short = short_blocks(page, max_words)
    for line in scan_line_numbers(_joined_keys(page, max_words), scan, lead):
        yield short[line]


def scan_line_numbers(joined: str, scan: re.Pattern[str], lead: int = 1) -> Iterator[int]:
    """The numbers (from 0) of the lines of ``joined`` (``"\n" + "\n".join(lines)``, lines
    without a line break) where ``scan`` matches, in order: one search per line found, each
    resuming at the next line (see ``scanned_blocks`` for ``lead``)."""
    line = counted = pos = 0
    while (found := scan.search(joined, pos)) is not None:
        start = found.start() + lead  # where the phrase begins
        line += joined.count("\n", counted, start)  # line breaks before it: 1 + line number
        counted = start
        yield line - 1
        pos = joined.find("\n", start)
        if pos < 0:
            return


def joined_keys(page: Page, max_words: int) -> str:
    """The memoised joined keys :func:`scanned_blocks` searches (see ``_joined_keys``): for a
    page-level gate before a scan."""
    return _joined_keys(page, max_words)


def _joined_keys(page: Page, max_words: int) -> str:
    """``"\n" + "\n".join(keys)`` of the blocks of at most ``max_words`` words (memoised)."""
    memo_key = (_JOINED_MEMO, max_words)
    found = page.memo.get(memo_key)
    if found is None:
        found = "\n" + "\n".join([b.key for b in short_blocks(page, max_words)])
        page.memo[memo_key] = found
    return found


def digit_blocks(page: Page, max_words: int) -> list[Block]:
    """The short blocks holding a decimal digit: only they can be counts or digit-gated regexes."""
    memo_key = (_DIGITS_MEMO, max_words)
    found = page.memo.get(memo_key)
    if found is None:
        digit = _DIGIT.search
        found = [b for b in short_blocks(page, max_words) if digit(b.text)]
        page.memo[memo_key] = found
    return found
