"""Teaser listings and other stories appended under the article, found by structure.

Two shapes, each scored from several weak signals so that one signal alone stays below the
removal threshold and two or more remove:

* **Teaser runs**: at least three headline + snippet pairs in a row (a short line that does not
  end like a sentence, then a one-line snippet). Signals: snippets cut with an ellipsis,
  relative timestamps between the pairs, a change of topic from the article.
* **Appended stories**: a story header (a relative timestamp such as "2 hours ago" next to a
  short outlet label) after the article, then a headline and a body. Signals: the outlet label
  repeated inside the header ("News18" / "- News18"), a byline, more than one such header, a
  change of topic from the article.

Article structure ("subheading + paragraph" repeated, a pull-quote heading) has none of these
signals, so it is left alone. Timestamp patterns and byline starters are data
(``data/teasers/<lang>.txt``, ``[regex]`` and ``[prefix]``), all languages at once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress, count
from operator import attrgetter, gt, mul
from typing import ClassVar, Container, Iterator, Sequence

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from ..text.blocks import Block
from ..text.features import page_features
from ..text.runs import close_runs
from ..text.topic import content_tokens, overlap, union_tokens
from .base import Detector
from .phrase_detector import scan_line_numbers
from .phrases import line_scan, load_table
from .registry import register_detector

MEMO_KEY = "detectors.teasers"
MIN_RUN_PAIRS = 3
HEADLINE_WORDS = (3, 22)  # a headline's word range (CJK: characters / 2)
SNIPPET_MIN_WORDS = 6
SNIPPET_MAX_WORDS = 40  # longer one-liners are paragraphs, unless cut with an ellipsis
CUT_SNIPPET_MAX_WORDS = 120
LABEL_MAX_WORDS = 4
LABEL_MAX_CHARS = 40
HEADER_REACH = 2  # labels sit at most this many blocks from their timestamp
STORY_MIN_PROSE_BEFORE = 120  # prose words of the article before the first appended story...
STORY_MIN_SHARE_BEFORE = 0.2  # ...and this share of the page's prose (stories can be longer)
OFF_TOPIC_MAX_OVERLAP = 0.2  # share of a text's content words also in the article's first part
ARTICLE_SAMPLE_WORDS = 400  # the "first part" of the article used for the topic comparison
BASE_SCORE = 0.45  # a shape with no supporting signal: evidence, but not enough to remove
SIGNAL_SCORE = 0.15
MAX_SCORE = 0.9
ELLIPSES = ("…", "...")
STAMP_MAX_WORDS = 8
STAMP_MAX_CHARS = 60  # "Updated 12 minutes ago", with an outlet label in front
# A timestamp may follow an outlet label and a separator: "Reuters · 2 hours ago".
_STAMP_LABEL = re.compile(r"\s[·|•]\s")
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*·▪►])\s")
# Headlines and snippets start with a word, a quote or a symbol, not with reference or code
# punctuation ("^ Author (2014)", ". Variety. Retrieved...", "$ hg push").
_BAD_START = frozenset("^.,;:)]}$>|=/\\")
_LABEL_SIZES = frozenset(range(1, LABEL_MAX_WORDS + 1))  # a label's word counts


@dataclass(frozen=True, slots=True)
class Cues:
    """Compiled data: one timestamp regex (whole line) and the byline starters."""

    timestamp: re.Pattern[str] | None
    byline: re.Pattern[str] | None
    # First characters of the byline starters (the prefix regex matches a key that starts with
    # one of them): a set lookup spares most keys the regex. ``None``: no such gate.
    byline_starts: frozenset[str] | None = None
    # ``byline`` at the start of any line of keys joined by line breaks: one search finds the
    # byline labels of a page (see ``_byline_lines``). ``None``: no byline starters.
    byline_scan: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Shape:
    """A teaser run or an appended story: its blocks, score and the signals that fired."""

    reason: str
    blocks: tuple[int, ...]
    score: float
    signals: tuple[str, ...]


@cache
def load_cues() -> Cues:
    table = load_table("cleannews.detectors", "teasers")
    stamps = [phrase.text for _, phrase in table.regexes]
    timestamp = None
    if stamps:
        body = "|".join(f"(?:{s})" for s in stamps)
        timestamp = re.compile(rf"\W*(?:{body})\W*", re.IGNORECASE)
    starters = [text for section, text in table.by_text if section == "prefix"]
    starts = frozenset(t[0] for t in starters) if all(starters) else None
    return Cues(timestamp, table.prefix, starts, line_scan(starters, "\n"))


@register_detector
class TeasersDetector(Detector):
    name: ClassVar[str] = "teasers"
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.RELATED})

    def detect(self, page: Page) -> Iterator[Finding]:
        for shape in page_shapes(page):
            explanation = _explain(shape)
            for i in shape.blocks:
                block = page.blocks[i]
                yield self.finding(block, Kind.RELATED, shape.score, shape.reason, explanation)


def page_shapes(page: Page) -> tuple[Shape, ...]:
    """Teaser runs and appended stories of ``page`` (memoised on the page)."""
    found = page.memo.get(MEMO_KEY)
    if found is None:
        found = _find_shapes(page)
        page.memo[MEMO_KEY] = found
    return found


def listing_blocks(page: Page) -> frozenset[int]:
    """Blocks of teaser runs and appended stories: text that is not the article's prose."""
    return frozenset(i for shape in page_shapes(page) for i in shape.blocks)


def _find_shapes(page: Page) -> tuple[Shape, ...]:
    if len(page.blocks) < 4:
        return ()
    cues = load_cues()
    blocks = page.blocks
    feats = page_features(page)
    words = list(map(attrgetter("words"), feats))  # in C, no bytecode per line
    prose = list(map(attrgetter("prose"), feats))
    # The timestamp regex is the costliest test here. Stories need every timestamp line, but
    # only when some story header can carry a signal (most pages have none); teaser runs ask
    # about a few lines around their pairs, tested on demand.
    maybe = _may_have_story(blocks, words, prose, cues)
    stamps = _timestamp_lines(blocks, cues) if maybe else None
    topic = _Topic(blocks, prose, words)
    shapes = list(_stories(blocks, words, prose, stamps or frozenset(), cues, topic))
    taken = {i for s in shapes for i in s.blocks}
    run_stamps = _LazyStamps(blocks, cues) if stamps is None else stamps
    runs = _runs(blocks, _pairs(blocks, words), run_stamps, topic)
    shapes += [r for r in runs if not taken & set(r.blocks)]
    return tuple(shapes)


def _timestamp_lines(blocks: Sequence[Block], cues: Cues) -> frozenset[int]:
    if cues.timestamp is None:
        return frozenset()
    return frozenset(b.index for b in blocks if _is_stamp(b, cues))


class _LazyStamps:
    """The timestamp lines of a page as a container that tests a line when first asked."""

    def __init__(self, blocks: Sequence[Block], cues: Cues) -> None:
        self.blocks, self.cues = blocks, cues
        self._known: dict[int, bool] = {}

    def __contains__(self, i: object) -> bool:
        if not isinstance(i, int) or not 0 <= i < len(self.blocks):
            return False
        known = self._known.get(i)
        if known is None:
            known = self._known[i] = _is_stamp(self.blocks[i], self.cues)
        return known


def _is_stamp(block: Block, cues: Cues) -> bool:
    return (
        cues.timestamp is not None
        and block.words <= STAMP_MAX_WORDS
        and len(block.text) <= STAMP_MAX_CHARS
        and cues.timestamp.fullmatch(_stamp_part(block.text)) is not None
    )


def _may_have_story(
    blocks: Sequence[Block], words: list[int], prose: list[bool], cues: Cues
) -> bool:
    """Could some story header carry a signal (:func:`_header`: an outlet label repeated
    around its timestamp, or a byline label)? Without one :func:`_stories` yields nothing.

    Such a header's labels lie within ``HEADER_REACH`` of its timestamp, so the timestamp
    is near a byline label or between two equal labels at most ``2 * HEADER_REACH`` apart;
    and it has the article's prose before it (``_stories`` stops unless the first header
    has, and prose before a line only grows down the page). Only the lines that pass both
    (few on most pages) are tried as timestamps."""
    prose_before = [0, *accumulate(map(mul, words, prose))]  # prose words before each line
    needed = max(STORY_MIN_PROSE_BEFORE, STORY_MIN_SHARE_BEFORE * prose_before[-1])
    first = bisect_left(prose_before, needed)  # the first line with that much prose before
    if first >= len(blocks):
        return False  # too little prose on the page for any story after it
    reach = max(0, first - 2 * HEADER_REACH)  # labels of a header with such a timestamp
    labels = _label_lines(blocks, words, reach)
    keys = [blocks[i].key for i in labels]
    near: set[int] = set()
    if len(set(keys)) < len(keys):  # two equal labels may frame a timestamp
        last_seen: dict[str, int] = {}
        for i, key in zip(labels, keys, strict=True):
            seen = last_seen.get(key)
            if seen is not None and i - seen <= 2 * HEADER_REACH:
                # a timestamp with both within reach (an equal label between them is seen too)
                near.update(range(i - HEADER_REACH, seen + HEADER_REACH + 1))
            last_seen[key] = i
    for k in _byline_lines(keys, cues):
        near.update(range(labels[k] - HEADER_REACH, labels[k] + HEADER_REACH + 1))
    return _any_stamp(blocks, [t for t in sorted(near) if first <= t < len(blocks)], cues)


def _any_stamp(blocks: Sequence[Block], lines: list[int], cues: Cues) -> bool:
    """Is one of ``lines`` a timestamp? Each text is tested once: the lines near repeated
    labels are often those labels themselves, and the timestamp regex is the costly test."""
    tested: set[str] = set()
    for t in lines:
        text = blocks[t].text
        if text not in tested:
            if _is_stamp(blocks[t], cues):
                return True
            tested.add(text)
    return False


def _byline_lines(keys: list[str], cues: Cues) -> list[int]:
    """The positions in ``keys`` of those a byline starter begins (``cues.byline`` matches):
    one scan over them all joined by line breaks (keys hold none: whitespace is collapsed)."""
    if cues.byline_scan is None or cues.byline is None:
        return []
    return list(scan_line_numbers("\n" + "\n".join(keys), cues.byline_scan))


def _label_lines(blocks: Sequence[Block], words: list[int], reach: int) -> list[int]:
    """The lines from ``reach`` on that ``_is_label`` holds for: the word count first, in C
    (most lines are longer than a label), then the other tests on the short lines only."""
    short = compress(range(reach, len(blocks)), map(_LABEL_SIZES.__contains__, words[reach:]))
    return [i for i in short if not blocks[i].terminal and len(blocks[i].text) <= LABEL_MAX_CHARS]


def _stamp_part(text: str) -> str:
    """The text after an outlet label ("Reuters · 2 hours ago" -> "2 hours ago")."""
    if "·" in text or "|" in text or "•" in text:
        return _STAMP_LABEL.split(text)[-1]
    return text


# -- topic -------------------------------------------------------------------------------


class _Topic:
    """Content words of the article's first part, to tell other stories from this one."""

    def __init__(self, blocks: Sequence[Block], prose: list[bool], words: list[int]) -> None:
        self.blocks, self.prose, self.words = blocks, prose, words
        self._article: frozenset[str] | None = None

    @property
    def article(self) -> frozenset[str]:
        """Computed on first use: most pages have no listing to compare."""
        if self._article is None:
            sample: set[str] = set()
            taken = 0
            for block, is_prose, n in zip(self.blocks, self.prose, self.words, strict=True):
                if is_prose:
                    sample |= content_tokens(block.text)
                    taken += n
                    if taken >= ARTICLE_SAMPLE_WORDS:
                        break
            self._article = frozenset(sample)
        return self._article

    def off_topic(self, texts: Sequence[str]) -> bool:
        tokens = union_tokens(texts)
        if len(self.article) < 20 or len(tokens) < 8:
            return False  # too little text to compare
        return overlap(tokens, self.article) < OFF_TOPIC_MAX_OVERLAP


# -- teaser runs -------------------------------------------------------------------------


def _is_headline(block: Block, words: int) -> bool:
    return (
        HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1]
        and not block.terminal
        and not block.text.endswith(ELLIPSES)
        and not _LIST_ITEM.match(block.text)
        and block.text[0] not in _BAD_START
    )


def _is_snippet(block: Block, words: int) -> bool:
    if words < SNIPPET_MIN_WORDS or not block.terminal:
        return False
    limit = CUT_SNIPPET_MAX_WORDS if block.text.endswith(ELLIPSES) else SNIPPET_MAX_WORDS
    return words <= limit and not _LIST_ITEM.match(block.text) and block.text[0] not in _BAD_START


def _pairs(blocks: Sequence[Block], words: list[int]) -> list[int]:
    """Blocks h where h, h + 1 are a headline and its snippet. Cheap tests first: most lines
    are not an unterminated line followed by a terminated one (found in C: ``True > False``
    is the only pair of flags that compares greater) of a snippet's length, and only those
    that are reach the full tests."""
    terminal = [b.terminal for b in blocks]
    heads = [
        h
        for h in compress(count(), map(gt, terminal[1:], terminal))
        if words[h + 1] >= SNIPPET_MIN_WORDS
    ]
    return [
        h
        for h in heads
        if _is_headline(blocks[h], words[h]) and _is_snippet(blocks[h + 1], words[h + 1])
    ]


def _runs(
    blocks: Sequence[Block], pairs_at: list[int], stamps: Container[int], topic: _Topic
) -> Iterator[Shape]:
    pairs_at = _chained(pairs_at)
    if len(pairs_at) < MIN_RUN_PAIRS:
        return
    n = len(blocks)
    pair = [False] * n
    for h in pairs_at:
        pair[h] = True
    # A run starts at a pair or at the timestamp line just before one: only those lines are
    # tried, in order, skipping the lines of a run already found.
    starts = sorted({s for h in pairs_at for s in (h - 1, h) if s >= 0})
    i = 0
    for start in starts:
        if start < i:
            continue
        pairs, j = _pairs_from(start, n, pair, stamps)
        if len(pairs) >= MIN_RUN_PAIRS:
            yield _run_shape(blocks, pairs, stamps, topic)
            i = j


def _chained(pairs_at: list[int]) -> list[int]:
    """The pairs of ``pairs_at`` (in order) that a run could hold: in a run, a pair follows
    the one before two blocks later, or three with a timestamp between them, so only chains
    of at least ``MIN_RUN_PAIRS`` pairs so spaced can make one. The others are dropped before
    any timestamp is tested (most pages have a few scattered pairs and no run)."""
    chains = close_runs(pairs_at, 3)  # (pairs are at least two blocks apart)
    return [h for chain in chains if len(chain) >= MIN_RUN_PAIRS for h in chain]


def _pairs_from(
    j: int, n: int, pair: list[bool], stamps: Container[int]
) -> tuple[list[tuple[int, ...]], int]:
    """Consecutive (timestamp?, headline, snippet) groups from block ``j``, and the block
    after them."""
    pairs: list[tuple[int, ...]] = []
    while j < n - 1:
        meta = (j,) if j in stamps else ()
        h = j + len(meta)
        if h < n and pair[h]:
            pairs.append((*meta, h, h + 1))
            j = h + 2
            continue
        break
    return pairs, j


def _run_shape(
    blocks: Sequence[Block], pairs: list[tuple[int, ...]], stamps: Container[int], topic: _Topic
) -> Shape:
    members = tuple(k for pair in pairs for k in pair)
    snippets = [blocks[pair[-1]].text for pair in pairs]
    signals = []
    if sum(s.endswith(ELLIPSES) for s in snippets) * 3 >= len(snippets):
        signals.append("snippets cut with an ellipsis")
    if any(k in stamps for k in members):
        signals.append("relative timestamps")
    # Supporting only: a technical section can look off-topic next to the article's intro.
    if signals and topic.off_topic([blocks[k].text for k in members]):
        signals.append("a topic other than the article's")
    return Shape("teasers.run", members, _score(signals), tuple(signals))


# -- appended stories --------------------------------------------------------------------


def _stories(
    blocks: Sequence[Block],
    words: list[int],
    prose: list[bool],
    stamps: frozenset[int],
    cues: Cues,
    topic: _Topic,
) -> Iterator[Shape]:
    headers = [h for h in (_header(blocks, words, t, cues) for t in sorted(stamps)) if h]
    if not headers:
        return
    prose_words = [w if p else 0 for w, p in zip(words, prose, strict=True)]
    before = sum(prose_words[: headers[0][0]])
    if before < STORY_MIN_PROSE_BEFORE or before < STORY_MIN_SHARE_BEFORE * sum(prose_words):
        return  # the first "story" is the article itself (its own dateline)
    ends = [h[0] for h in headers[1:]] + [len(blocks)]
    for (start, header_end, signals), end in zip(headers, ends, strict=True):
        if not signals:
            continue  # a dateline and a name: could be a live-blog entry of this article
        found = list(signals)  # supporting signals follow
        if topic.off_topic([blocks[k].text for k in range(header_end + 1, end)]):
            found.append("a topic other than the article's")
        if len(headers) > 1:
            found.append("several story headers")
        yield Shape("teasers.story", tuple(range(start, end)), _score(found), tuple(found))


def _header(
    blocks: Sequence[Block], words: list[int], t: int, cues: Cues
) -> tuple[int, int, tuple[str, ...]] | None:
    """(first block, last block, signals) of the story header around timestamp ``t``."""
    labels = []
    for step in (-1, 1):  # contiguous label lines on each side of the timestamp
        k = t + step
        while abs(k - t) <= HEADER_REACH and 0 <= k < len(blocks):
            if not _is_label(blocks[k], words[k]):
                break
            labels.append(k)
            k += step
    labels.sort()
    if not labels:
        return None
    signals = []
    keys = [blocks[k].key for k in labels]
    if len(set(keys)) < len(keys):
        signals.append("an outlet label repeated in the header")
    if cues.byline is not None and any(cues.byline.match(k) for k in keys):
        signals.append("a byline")
    return min(labels[0], t), max(labels[-1], t), tuple(signals)


def _is_label(block: Block, words: int) -> bool:
    return (
        0 < words <= LABEL_MAX_WORDS and not block.terminal and len(block.text) <= LABEL_MAX_CHARS
    )


def _score(signals: Sequence[str]) -> float:
    return round(min(MAX_SCORE, BASE_SCORE + SIGNAL_SCORE * len(signals)), 4)


def _explain(shape: Shape) -> str:
    what = "teaser listing" if shape.reason == "teasers.run" else "another story appended"
    cues = ", ".join(shape.signals) if shape.signals else "structure only"
    return f"{what} ({len(shape.blocks)} blocks; {cues})"
