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
from dataclasses import dataclass
from functools import cache
from typing import ClassVar, Iterator, Sequence

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from ..text.blocks import Block
from ..text.features import page_features
from ..text.topic import content_tokens, overlap, union_tokens
from .base import Detector
from .phrases import load_table
from .registry import register_detector

MEMO_KEY = "detectors.teasers"
MIN_RUN_PAIRS = 3
HEADLINE_WORDS = (3, 22)  # a headline's word range (CJK: characters / 2)
SNIPPET_MIN_WORDS = 6
SNIPPET_MAX_WORDS = 40  # longer one-liners are paragraphs, unless cut with an ellipsis
CUT_SNIPPET_MAX_WORDS = 120
LABEL_MAX_WORDS = 4
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


@dataclass(frozen=True, slots=True)
class Cues:
    """Compiled data: one timestamp regex (whole line) and the byline starters."""

    timestamp: re.Pattern[str] | None
    byline: re.Pattern[str] | None


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
    return Cues(timestamp, table.prefix)


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
    words = [f.words for f in page_features(page)]
    prose = [f.prose for f in page_features(page)]
    stamps = _timestamp_lines(page.blocks, cues)
    topic = _Topic(page.blocks, prose, words)
    shapes = list(_stories(page.blocks, words, prose, stamps, cues, topic))
    taken = {i for s in shapes for i in s.blocks}
    shapes += [r for r in _runs(page.blocks, words, stamps, topic) if not taken & set(r.blocks)]
    return tuple(shapes)


def _timestamp_lines(blocks: Sequence[Block], cues: Cues) -> frozenset[int]:
    if cues.timestamp is None:
        return frozenset()
    fullmatch = cues.timestamp.fullmatch
    return frozenset(
        b.index
        for b in blocks
        if b.words <= STAMP_MAX_WORDS
        and len(b.text) <= STAMP_MAX_CHARS
        and fullmatch(_stamp_part(b.text))
    )


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


def _runs(
    blocks: Sequence[Block], words: list[int], stamps: frozenset[int], topic: _Topic
) -> Iterator[Shape]:
    n = len(blocks)
    # pair[h]: blocks h, h + 1 are a headline and its snippet. Cheap tests first, in one
    # comprehension: most lines are not an unterminated line followed by a terminated one of
    # a snippet's length, and only those that are reach the full tests.
    terminal = [b.terminal for b in blocks]
    heads = [
        h
        for h, (head_ends, snippet_ends, snippet_words) in enumerate(
            zip(terminal, terminal[1:], words[1:], strict=False)
        )
        if snippet_ends and not head_ends and snippet_words >= SNIPPET_MIN_WORDS
    ]
    pairs_at = [
        h
        for h in heads
        if _is_headline(blocks[h], words[h]) and _is_snippet(blocks[h + 1], words[h + 1])
    ]
    if len(pairs_at) < MIN_RUN_PAIRS:
        return
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


def _pairs_from(
    j: int, n: int, pair: list[bool], stamps: frozenset[int]
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
    blocks: Sequence[Block], pairs: list[tuple[int, ...]], stamps: frozenset[int], topic: _Topic
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
    return 0 < words <= LABEL_MAX_WORDS and not block.terminal and len(block.text) <= 40


def _score(signals: Sequence[str]) -> float:
    return round(min(MAX_SCORE, BASE_SCORE + SIGNAL_SCORE * len(signals)), 4)


def _explain(shape: Shape) -> str:
    what = "teaser listing" if shape.reason == "teasers.run" else "another story appended"
    cues = ", ".join(shape.signals) if shape.signals else "structure only"
    return f"{what} ({len(shape.blocks)} blocks; {cues})"
