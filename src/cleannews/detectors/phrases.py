"""Phrase lists as data: one file per detector and language, ``data/<detector>/<lang>.txt``.

File format (UTF-8; ``#`` starts a comment line; blank lines ignored)::

    [marker]                 # the whole line is this heading; it opens a region of what follows
    related articles
    15 articles => related   # ``=> kind``: what follows the marker is of another kind
    [line]                   # the whole line is this phrase (block only)
    advertisement
    [prefix]                 # a short line starting with this phrase
    read more:
    [contains]               # a short line containing this phrase
    all rights reserved
    [regex]                  # a Python regex searched in the line's text, case-insensitive
    ^©\\s*\\d{4}
    [marker-prefix]          # a short heading (no sentence end) starting with this phrase; a marker
    more from                # "More from <outlet>"
    [count]                  # the whole line is a number and this noun, either order (block only)
    views                    # "1.2K views", "views: 1,234"
    [marker-count]           # the same, as a marker: "15 Articles" opens a region
    articles => related

Whole-line phrases are compared with :func:`cleannews.text.blocks.normalise_key` (casefolded,
non-letters stripped at both ends), so ``Comments (3)`` matches ``comments``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

from ..kinds import Kind
from ..text.blocks import HANGUL, UNSPACED, normalise_key
from .regex_facts import RegexDispatch, RegexGate, pattern_gate, union_gate

SECTIONS = (
    "marker",
    "line",
    "prefix",
    "contains",
    "regex",
    "marker-prefix",
    "count",
    "marker-count",
)
# A [contains] phrase this long is distinctive enough to mark a whole paragraph it opens.
NOTICE_PHRASE_WORDS = 4
MARKER_SECTIONS = frozenset({"marker", "marker-prefix", "marker-count"})
COUNT_SECTIONS = ("marker-count", "count")  # earlier wins when a noun is in both
# A count: digits with separators, an optional magnitude suffix, an optional "+".
_DIGIT = re.compile(r"\d")
# CJK counters may follow ("5件", "12条", "3개", "1,234회").
_NUMBER = (
    r"\d[\d.,'\u00a0\u202f ]*(?:[kmb]|mio|mln|tsd|万|千|만|천)?\+?"
    r"(?:件|条|則|个|個|次|回|人|개|건|회|명)?"
)


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str
    language: str
    section: str
    region_kind: Kind | None = None


@dataclass(frozen=True)
class PhraseTable:
    """All phrases of one detector, indexed for fast matching."""

    whole: dict[str, tuple[Phrase, ...]] = field(default_factory=dict)  # key -> marker/line
    prefix: re.Pattern[str] | None = None
    contains: re.Pattern[str] | None = None
    by_text: dict[tuple[str, str], Phrase] = field(default_factory=dict)  # (section, text)
    regexes: tuple[tuple[re.Pattern[str], Phrase], ...] = ()
    languages: frozenset[str] = frozenset()
    regex: re.Pattern[str] | None = None  # ``regexes`` as one alternation (group rN = phrase N)
    regex_anchored: bool = False  # every regex starts with "^"
    regex_gate: RegexGate | None = None  # cheap test most lines fail (None: always search)
    # ``regex`` split by what a line starts with and holds (None: try ``regex`` on each line).
    regex_dispatch: RegexDispatch | None = None
    contains_min_len: int = 0  # shorter keys cannot contain a [contains] phrase
    marker_prefix: re.Pattern[str] | None = None  # matched against ``Block.key``
    # First two characters of every prefix/marker-prefix phrase: a dict lookup that spares the
    # regex search on most lines (None: some phrase is shorter, search every line).
    prefix_heads: frozenset[str] | None = None
    # The [prefix]/[marker-prefix] and [contains] phrases as page-level scans over a page's keys
    # joined as "\n" + "\n".join(keys) (see ``phrase_detector.scanned_blocks``): a phrase right
    # after a line break; a phrase after a non-word character, which the scan starts with so
    # the regex engine skips the letters in between. None: each line is searched instead.
    prefix_scan: re.Pattern[str] | None = None
    contains_scan: re.Pattern[str] | None = None
    # The [contains] phrases starting in an unspaced script (no word boundary before them),
    # scanned from the phrase itself. Used only
    # together with ``contains_scan``.
    contains_scan_unspaced: re.Pattern[str] | None = None
    count: re.Pattern[str] | None = None  # matched against the casefolded text; see count_noun
    counted: dict[str, Phrase] = field(default_factory=dict)  # noun -> count/marker-count phrase

    @cached_property
    def doubled_keys(self) -> frozenset[str]:
        """Whole-line phrases read twice ("sponsored links sponsored links"): scrapers often
        take a widget label's visible text and its accessible copy (see ``ads.undoubled``)."""
        return frozenset(f"{key} {key}" for key in self.whole)

    @cached_property
    def notice_opening(self) -> re.Pattern[str] | None:
        """The [contains] phrases of at least ``NOTICE_PHRASE_WORDS`` words, at the start of a
        line: they may open a paragraph-long notice (see ``ads.contains_in_sentence``)."""
        texts = [
            text
            for section, text in self.by_text
            if section == "contains" and text.count(" ") + 1 >= NOTICE_PHRASE_WORDS
        ]
        return _alternation(texts, anchored=True)

    def holds_contains(self, key: str) -> bool:
        """``self.contains.search(key) is not None``, by the scans: they skip to the non-word
        characters a spaced phrase follows (a space put first stands for the key's start) and
        to the unspaced letters the others start with, where ``contains`` tries every position
        (its first test is a lookbehind, which no search can skip to)."""
        if self.contains_scan is None:
            return False
        if self.contains_scan.search(" " + key) is not None:
            return True
        unspaced = self.contains_scan_unspaced
        return unspaced is not None and unspaced.search(key) is not None

    def count_noun(self, text: str) -> Phrase | None:
        """The count phrase a whole line like ``15 Articles`` / ``Views: 1.2K`` matches."""
        # The number sits at one end of the line (after/before a little punctuation).
        if self.count is None:
            return None
        if not (_DIGIT.search(text, 0, 6) or _DIGIT.search(text, len(text) - 6)):
            return None
        found = self.count.match(text.casefold())
        if not found:
            return None
        return self.counted.get(found.group("a") or found.group("b"))


@dataclass(frozen=True)
class TableGroup:
    """Several detectors' tables searched together: one pass over a page finds the few lines
    where any of their whole-line, [prefix]/[marker-prefix] or [contains] phrases occurs, and
    each table then looks only at those (one pass per page instead of one per table)."""

    package: str
    detectors: tuple[str, ...]
    max_words: int  # the [contains] scan covers the lines of at most this many words
    tables: tuple[PhraseTable, ...]
    whole: frozenset[str]  # every table's whole-line keys, also read twice (``doubled_keys``)
    prefix_scan: re.Pattern[str] | None  # as ``PhraseTable.prefix_scan``, for all tables
    contains_scan: re.Pattern[str] | None  # as ``PhraseTable.contains_scan``, for all tables
    contains_scan_unspaced: re.Pattern[str] | None  # as ``PhraseTable.contains_scan_unspaced``
    # Made once, read on every page: the group's name in ``Page.memo`` keys, and its tables'
    # identities (tables compare by value, which is slow and not what "one of them" means).
    memo_name: str = ""
    table_ids: frozenset[int] = frozenset()

    def covers(self, table: PhraseTable) -> bool:
        return id(table) in self.table_ids


def parse_phrase_file(text: str, language: str) -> list[Phrase]:
    phrases: list[Phrase] = []
    section = "line"
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in SECTIONS:
                raise ValueError(f"unknown section [{section}] in {language} phrase file")
            continue
        region: Kind | None = None
        if " => " in line:
            line, _, kind_name = line.rpartition(" => ")
            region = Kind(kind_name.strip())
        phrase_text = line if section == "regex" else normalise_key(line)
        if phrase_text:
            phrases.append(Phrase(phrase_text, language, section, region))
    return phrases


def build_table(phrases: list[Phrase]) -> PhraseTable:
    whole: dict[str, list[Phrase]] = {}
    by_text: dict[tuple[str, str], Phrase] = {}
    regexes: list[tuple[re.Pattern[str], Phrase]] = []
    for phrase in phrases:
        if phrase.section in ("marker", "line"):
            whole.setdefault(phrase.text, []).append(phrase)
        elif phrase.section == "regex":
            regexes.append((re.compile(phrase.text, re.IGNORECASE), phrase))
        else:
            by_text.setdefault((phrase.section, phrase.text), phrase)
    counted: dict[str, Phrase] = {}
    for section in COUNT_SECTIONS:
        for phrase in phrases:
            if phrase.section == section:
                counted.setdefault(phrase.text, phrase)
    combined = _regex_alternation(regexes)
    return PhraseTable(
        whole={k: tuple(v) for k, v in whole.items()},
        prefix=_alternation([p.text for p in phrases if p.section == "prefix"], anchored=True),
        contains=_alternation([p.text for p in phrases if p.section == "contains"], anchored=False),
        by_text=by_text,
        regexes=tuple(regexes),
        regex=combined,
        regex_anchored=bool(regexes) and all(r.pattern.startswith("^") for r, _ in regexes),
        regex_gate=regex_gate([r for r, _ in regexes]),
        regex_dispatch=regex_dispatch([r for r, _ in regexes]) if combined else None,
        contains_min_len=min((len(p.text) for p in phrases if p.section == "contains"), default=0),
        languages=frozenset(p.language for p in phrases),
        marker_prefix=_alternation(
            [p.text for p in phrases if p.section == "marker-prefix"], anchored=True
        ),
        prefix_heads=_heads([p.text for p in phrases if p.section in ("prefix", "marker-prefix")]),
        prefix_scan=line_scan(
            [p.text for p in phrases if p.section in ("prefix", "marker-prefix")], "\n"
        ),
        contains_scan=contains_scan(_texts(phrases, "contains"), spaced=True),
        contains_scan_unspaced=contains_scan(_texts(phrases, "contains"), spaced=False),
        count=_count_pattern(list(counted)),
        counted=counted,
    )


def _texts(phrases: list[Phrase], section: str) -> list[str]:
    return [p.text for p in phrases if p.section == section]


def _heads(texts: list[str]) -> frozenset[str] | None:
    if any(len(t) < 2 for t in texts):
        return None
    return frozenset(t[:2] for t in texts)


def regex_phrase(table: PhraseTable, text: str) -> Phrase | None:
    """The first ``[regex]`` phrase found in ``text`` (one search for all of them)."""
    if not table.regexes:
        return None
    if table.regex_gate is not None and not table.regex_gate.admits(text):
        return None
    if table.regex is not None:
        # All patterns anchored at "^": match at the start instead of trying every position.
        found = (table.regex.match if table.regex_anchored else table.regex.search)(text)
        return table.regexes[int(found.lastgroup[1:])][1] if found and found.lastgroup else None
    return next((phrase for regex, phrase in table.regexes if regex.search(text)), None)


def regex_gate(regexes: list[re.Pattern[str]]) -> RegexGate | None:
    """The union of every pattern's gate: a text failing it matches none of them."""
    if not regexes:
        return None
    return union_gate([pattern_gate(r.pattern) for r in regexes])


def regex_dispatch(regexes: list[re.Pattern[str]]) -> RegexDispatch | None:
    """The dispatch of ``regexes`` when they are anchored: their alternation is then matched
    at the start of each line (see ``RegexDispatch``), which the dispatch replaces."""
    if not regexes or not all(r.pattern.startswith("^") for r in regexes):
        return None
    if any(r.flags & ~(re.IGNORECASE | re.UNICODE) for r in regexes):
        return None  # the dispatch is checked for IGNORECASE matching only
    return RegexDispatch.of([r.pattern for r in regexes])


def _regex_alternation(
    regexes: list[tuple[re.Pattern[str], Phrase]],
) -> re.Pattern[str] | None:
    if not regexes:
        return None
    body = "|".join(f"(?P<r{i}>{regex.pattern})" for i, (regex, _) in enumerate(regexes))
    try:
        return re.compile(body, re.IGNORECASE)
    except re.error:  # patterns that cannot be combined (own group names, inline flags)
        return None


def _count_pattern(nouns: list[str]) -> re.Pattern[str] | None:
    if not nouns:
        return None
    body = "|".join(re.escape(t) for t in sorted(nouns, key=len, reverse=True))
    return re.compile(
        rf"^\W*(?:{_NUMBER}\s*(?P<a>{body})|(?P<b>{body})\s*[:(\[]?\s*{_NUMBER}[)\]]?)\W*$"
    )


def _alternation(texts: list[str], *, anchored: bool) -> re.Pattern[str] | None:
    """One of ``texts`` at the start of the line (``anchored``: a [prefix], a label followed
    by a word boundary in every script) or anywhere (a [contains] phrase: word boundaries only
    at the edges written in a spaced script, see ``needs_boundary``)."""
    if not texts:
        return None
    if anchored:
        return re.compile(f"^{_trie_regex(_trie(texts))}(?!\\w)")
    spaced = [t for t in texts if needs_boundary(t[0], leading=True)]
    unspaced = [t for t in texts if not needs_boundary(t[0], leading=True)]
    branches = [f"(?<!\\w){_edge_trie(spaced)}" if spaced else "", _edge_trie(unspaced)]
    return re.compile("|".join(b for b in branches if b))


def needs_boundary(char: str, *, leading: bool) -> bool:
    """Whether a [contains] phrase's first (``leading``) or last character needs a word
    boundary next to it. Not in scripts written without spaces (Han, kana), where a phrase sits
    inside a run of letters; not after Korean, whose particles attach to the word before them
    ("관련기사를"), though a Korean word still starts after a space or a mark."""
    if UNSPACED.match(char):
        return False
    return leading or not HANGUL.match(char)


def line_scan(texts: list[str], head: str, tail: str = r"(?!\w)") -> re.Pattern[str] | None:
    """``head``, then one of ``texts``, then ``tail`` (by default a word boundary); see
    ``PhraseTable.prefix_scan``."""
    if not texts:
        return None
    return re.compile(f"{head}{_trie_regex(_trie(texts))}{tail}")


def contains_scan(
    texts: list[str], *, spaced: bool, non_word: str = "\\W"
) -> re.Pattern[str] | None:
    """The page-level scan of the [contains] phrases whose first character needs a word
    boundary (``spaced``: matched from the ``non_word`` character before it, see
    ``PhraseTable.contains_scan``) or does not (matched from the phrase itself)."""
    if not texts:
        return None
    chosen = [t for t in texts if needs_boundary(t[0], leading=True) is spaced]
    if not chosen:  # the spaced scan stays set (never matching): None means "no scans"
        return re.compile("(?!)") if spaced else None
    return re.compile((non_word if spaced else "") + _edge_trie(chosen))


@cache
def loose_non_word() -> str:
    """A character class matching what ``\\W`` matches, and every character outside the Basic
    Multilingual Plane: a superset, for scans whose hits are checked again.

    Why: a scan starting with ``\\W`` makes the regex engine look up the Unicode category of
    every character of the page while it skips to the next candidate; a class of listed
    characters is one bitmap lookup (a fifth of the [contains] scan's time). Listing the
    non-word characters beyond the BMP would take a pass over a million code points."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if not (chr(code).isalnum() or code == 0x5F):  # ``\\w`` is alphanumerics and "_"
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    body = "".join(
        re.escape(chr(low)) + ("" if low == high else "-" + re.escape(chr(high)))
        for low, high in ranges
    )
    return f"[{body}\\U00010000-\\U0010ffff]"


def _edge_trie(texts: list[str]) -> str:
    """``texts`` as a trie regex, each followed by a word boundary where its last character
    needs one (``needs_boundary``)."""
    return _trie_regex(_trie(texts), ends=_ends(texts))


def _ends(texts: list[str]) -> dict[str, str]:
    return {t: "(?!\\w)" if needs_boundary(t[-1], leading=False) else "" for t in texts}


def _trie(texts: list[str]) -> dict[str, dict]:
    root: dict[str, dict] = {}
    for text in texts:
        node = root
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    return root


def _trie_regex(node: dict[str, dict], ends: dict[str, str] | None = None, path: str = "") -> str:
    """The phrases of a trie as one regex that factors their common prefixes.

    Equivalent to the flat alternation sorted longest first: at any position only one branch
    can follow the text, and a longer phrase is tried before a shorter one it extends (the
    empty alternative comes last). Sharing prefixes keeps the search cost per position near
    the trie depth instead of the number of phrases (hundreds per detector). ``ends`` maps a
    phrase to what must follow it (a word boundary, or nothing); ``path`` is the phrase so far.
    """
    branches = [
        re.escape(ch) + _trie_regex(child, ends, path + ch)
        for ch, child in sorted(node.items())
        if ch
    ]
    end = ("" if ends is None else ends[path]) if "" in node else None
    if not branches:
        return end or ""
    if len(branches) == 1 and end is None:
        return branches[0]
    return "(?:" + "|".join(branches) + ("" if end is None else f"|{end}") + ")"


@cache
def load_group(package: str, detectors: tuple[str, ...], max_words: int) -> TableGroup:
    """The tables of ``detectors`` (see :func:`load_table`) as one :class:`TableGroup`."""
    tables = tuple(load_table(package, name) for name in detectors)
    whole = frozenset().union(*(t.whole for t in tables), *(t.doubled_keys for t in tables))
    return TableGroup(
        package,
        detectors,
        max_words,
        tables,
        whole,
        prefix_scan=line_scan(_section_texts(tables, "prefix", "marker-prefix"), "\n"),
        # Its hits are checked again by each table's own [contains] pattern: a looser start.
        contains_scan=contains_scan(
            _section_texts(tables, "contains"), spaced=True, non_word=loose_non_word()
        ),
        contains_scan_unspaced=contains_scan(_section_texts(tables, "contains"), spaced=False),
        memo_name=f"{package}.{','.join(detectors)}.{max_words}",
        table_ids=frozenset(map(id, tables)),
    )


def _section_texts(tables: tuple[PhraseTable, ...], *sections: str) -> list[str]:
    return sorted({p.text for t in tables for (sec, _), p in t.by_text.items() if sec in sections})


@cache
def load_table(package: str, detector: str) -> PhraseTable:
    """Load and index every ``<lang>.txt`` under ``<package>/data/<detector>/`` (cached)."""
    folder = resources.files(package).joinpath("data", detector)
    phrases: list[Phrase] = []
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".txt"):
                phrases.extend(parse_phrase_file(entry.read_text("utf-8"), entry.name[:-4]))
    return build_table(phrases)
