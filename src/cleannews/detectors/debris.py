"""Markup and URL leftovers: what a scraper failed to strip, not what anyone wrote.

Whole-line shapes: image-URL parameter tails (``&w=3840&q=100)``), a bare URL alone on a line,
ad/analytics script leftovers, minified code, CSS rules, tracking key-value strings.
Inline shapes (the resolver cuts the line around them): markdown images, HTML tags with
attributes (and the closing tags beside them), HTML entities, template placeholders, base64
blobs. URLs inside prose and ordinary code samples in programming articles are left alone.
All patterns are language independent, so the detector has no phrase data.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from ..text.blocks import Block
from ..text.scan import blocks_containing
from .base import Detector
from .registry import register_detector

LINE_SCORE = 0.8
INLINE_SCORE = 0.75
MINIFIED_MIN_CHARS = 80
MINIFIED_MAX_SPACE_RATIO = 0.08  # minified code has almost no spaces; code in prose has many
MINIFIED_MIN_SYNTAX_RATIO = 0.06  # share of ``;{}()=`` characters
TRACKING_MIN_PAIRS = 2

_IMAGE_PARAMS = r"(?:w|h|q|width|height|quality|fit|crop|auto|fm|format|dpr|resize|size|ixlib)"
_LINE_URL_TAIL = re.compile(r"[&?][\w.-]+=\S*\)?")
_LINE_CSS = re.compile(r"(?:[.#@]?[\w-]+(?:[\s,>:.#]+[\w-]+)*\s*\{[^{}]*:[^{}]*\}\s*)+")
_LINE_BASE64 = re.compile(r"[A-Za-z0-9+/]{100,}={0,2}")
_CONTINUES = frozenset(",;")  # a URL line ending so is part of a wrapped sentence or list
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+")
# Ad/analytics script leftovers: a line holding any of these strings.
_SCRIPT_MARKERS = (
    "googletag.",
    "adsbygoogle",
    "dataLayer.push",
    "window.dataLayer",
    "_gaq.push",
    "fbq(",
    "gtag(",
    "window._taboola",
    "pbjs.",
    "__tcfapi",
    "document.write(",
    "OBR.extern",
)
_RARE_IN_PROSE = "_Ljqy(O."  # characters that prose seldom holds, rarest first


def _found_from_rare(literals: tuple[str, ...], rare: str) -> re.Pattern[str]:
    """A regex whose search finds whether one of ``literals`` occurs (not where: each is
    matched from its rarest character in ``rare``, the part before it checked by a
    lookbehind). A search stops only at those rare characters, not at every first letter
    of the literals (common letters in prose, where the plain alternation stops)."""
    branches = []
    for literal in literals:
        ranks = [(rare.index(c), i) for i, c in enumerate(literal) if c in rare]
        at = min(ranks)[1] if ranks else 0
        before = f"(?<={re.escape(literal[: at + 1])})" if at else ""
        branches.append(re.escape(literal[at]) + before + re.escape(literal[at + 1 :]))
    return re.compile("|".join(branches))


_SCRIPT_LEFTOVER = _found_from_rare(_SCRIPT_MARKERS, _RARE_IN_PROSE)
_TRACKING_PAIR = re.compile(
    r"\b(?:campaign|creative|placement|ad_?unit|adslot|slot|page|position|variant|abtest"
    r"|line_?item|ad_?id|utm_[a-z]+)\s*[:=]\s*[^\s,;|]+",
    re.IGNORECASE,
)
_TRACKING_STRONG_WORDS = ("campaign", "creative", "utm_", "abtest")
_TRACKING_STRONG = re.compile("|".join(_TRACKING_STRONG_WORDS), re.IGNORECASE)
_ATTR = r"""\s+[\w:-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+)"""
# A run of tags; they count only if the line has a tag with attributes (a bare ``<em>`` in a
# sentence may be a programming article talking about markup). Written ``tag tag*`` rather than
# ``(?:tag)+``: a pattern that starts with a literal lets the search skip to each "<".
_TAG = rf"</?[a-zA-Z][\w-]*(?:{_ATTR})*\s*/?>\s*"
_TAG_RUN = re.compile(rf"{_TAG}(?:{_TAG})*")
_TAG_WITH_ATTRIBUTES = re.compile(rf"<[a-zA-Z][\w-]*(?:{_ATTR})+\s*/?>")
# Document-level tags mean an HTML code sample (a tutorial), not a leftover inside body text.
_DOCUMENT_TAG = re.compile(r"<(?:!doctype|html|head|body|title|meta|link|script|style)\b", re.I)
_URL_STARTS = ("http", "www.")  # what ``_BARE_URL`` needs first: a cheap gate per line
# Each entry: (reason, explanation, a substring the line must contain, pattern). The substring
# is a cheap C-level test that skips the regex on ordinary prose.
_INLINE_PATTERNS: tuple[tuple[str, str, str, re.Pattern[str]], ...] = (
    (
        "debris.markdown",
        "markdown image/link leftover",
        "](",
        # An image or an empty link entirely; of a link with text only its ``(url)`` part.
        re.compile(r"!\[[^\]\n]*\]\([^)\s]*\)|\[\]\([^)\s]*\)|(?<=\])\((?:https?://|/)[^)\s]*\)"),
    ),
    (
        "debris.url-tail",
        "image-URL parameter tail",
        "=",
        # After whitespace or at the start; the test follows the "?" or "&" (a lookbehind over
        # both) so that the search skips to those characters instead of trying every position.
        re.compile(
            rf"[?&](?<!\S[?&]){_IMAGE_PARAMS}=[\w.%,-]*(?:&[\w.-]+=[\w.%,-]*)+\)?(?=\s|$)",
            re.IGNORECASE,
        ),
    ),
    ("debris.html", "HTML tags left in the text", "<", _TAG_RUN),
    (
        "debris.entity",
        "HTML entity left in the text",
        "&",
        re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});"),
    ),
    (
        "debris.template",
        "template placeholder",
        "{",
        re.compile(r"\{\{[^{}\n]{0,80}\}\}|\{%[^{}\n]{0,80}%\}"),
    ),
    (
        "debris.base64",
        "base64 blob",
        "base64,",
        re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+"),
    ),
)


# The inline patterns' required substrings: a page-level scan for them spares most lines the
# per-pattern loop (ordinary prose holds none of them). Those that are single characters are
# also in ``_MAY_BE_DEBRIS`` (so the two scans share them).
_INLINE_NEEDS = tuple(needs for _, _, needs, _ in _INLINE_PATTERNS)
_INLINE_CHARS = "".join(needs for needs in _INLINE_NEEDS if len(needs) == 1)
_INLINE_LONGER = tuple(needs for needs in _INLINE_NEEDS if len(needs) > 1)
# A character every whole-line shape but a base64 blob or a bare URL needs (``_whole_line``),
# and every inline one ("](" has "(", a base64 "data:" URI ":"): a line with none of them, not
# a one-word URL and not a blob, is never visited (see ``_candidates``).
_MAY_BE_DEBRIS = "=({:<&"
_OTHER_DEBRIS_CHARS = "".join(c for c in _MAY_BE_DEBRIS if c not in _INLINE_CHARS)
BASE64_MIN_CHARS = 100


@register_detector
class DebrisDetector(Detector):
    name = "debris"
    kinds = frozenset({Kind.DEBRIS})

    def detect(self, page: Page) -> Iterator[Finding]:
        blocks = page.blocks
        candidates, may_be_inline = _candidates(page)
        for i in candidates:
            block = blocks[i]
            whole = _line_shape(blocks, i, block.text)
            if whole is not None:
                yield self.finding(block, Kind.DEBRIS, LINE_SCORE, whole[0], whole[1])
            elif i in may_be_inline or _holds_any(block.text, _INLINE_LONGER):
                taken: list[tuple[int, int]] = []
                yield from self._inline(block, _in_markup_listing(blocks, i), taken)
                if taken:
                    yield from self._residue(blocks, i, taken)

    def _residue(
        self, blocks: Sequence[Block], i: int, taken: list[tuple[int, int]]
    ) -> Iterator[Finding]:
        """What the inline cuts leave of the line, when it is one piece that is itself a
        whole-line shape (``&w=3840&q=100) https://cdn.example/photo.jpg`` leaves a bare URL):
        judged now, as the cleaned text will show it, so that cleaning again finds nothing."""
        block = blocks[i]
        piece = _single_piece(block.text, taken)
        if piece is None:
            return
        start, end = piece
        whole = _line_shape(blocks, i, block.text[start:end])
        if whole is not None:
            reason, explanation = whole
            yield Finding(
                block.start + start,
                block.start + end,
                Kind.DEBRIS,
                LINE_SCORE,
                self.name,
                reason,
                f"{explanation} (once the debris beside it is cut)",
            )

    def _inline(
        self, block: Block, listing: bool, taken: list[tuple[int, int]]
    ) -> Iterator[Finding]:
        """Inline debris of the line; the cut ranges (line offsets) are added to ``taken``."""
        for reason, explanation, needs, pattern in _INLINE_PATTERNS:
            if needs not in block.text or (listing and pattern is _TAG_RUN):
                continue
            for match in pattern.finditer(block.text):
                start, end = _trimmed(block.text, match.start(), match.end())
                if end <= start or any(s < end and start < e for s, e in taken):
                    continue
                if pattern is _TAG_RUN and not _has_tag_leftovers(block.text):
                    break
                taken.append((start, end))
                score = LINE_SCORE if (start, end) == (0, len(block.text)) else INLINE_SCORE
                yield Finding(
                    block.start + start,
                    block.start + end,
                    Kind.DEBRIS,
                    score,
                    self.name,
                    reason,
                    explanation,
                )


def _line_shape(blocks: Sequence[Block], i: int, text: str) -> tuple[str, str] | None:
    """(reason, explanation) when ``text``, line ``i`` or what is left of it, is debris as a
    whole: one of :func:`_whole_line`'s shapes, or a lone bare URL."""
    whole = _whole_line(text)
    # (``_is_lone_url``'s first test, asked here: most candidates are prose, not URLs.)
    if whole is None and text.startswith(_URL_STARTS) and _is_lone_url(blocks, i, text):
        whole = ("debris.bare-url", "a bare URL alone on a line")
    return whole


def _whole_line(text: str) -> tuple[str, str] | None:
    """(reason, explanation) when the entire line is debris."""
    if "=" in text and _LINE_URL_TAIL.fullmatch(text):
        return "debris.url-tail", "image-URL parameter tail"
    if "{" in text and ":" in text and _LINE_CSS.fullmatch(text):
        return "debris.css", "CSS rules"
    if len(text) >= BASE64_MIN_CHARS and " " not in text and _LINE_BASE64.fullmatch(text):
        return "debris.base64", "base64 blob"
    if ("(" in text or "=" in text) and _SCRIPT_LEFTOVER.search(text):
        return "debris.script", "ad/analytics script leftover"
    if _looks_minified(text):
        return "debris.minified", "minified code"
    # Every tracking pair holds a ":" or "=", and it takes two pairs: most lines with a colon
    # (prose, a heading) have one, and are spared the case-insensitive searches.
    if text.count("=") + text.count(":") >= TRACKING_MIN_PAIRS and _is_tracking(text):
        return "debris.tracking", "tracking parameters"
    return None


def _holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """``any(needle in text for needle in needles)``, without a generator per line."""
    for needle in needles:
        if needle in text:
            return True
    return False


def _candidates(page: Page) -> tuple[list[int], set[int]]:
    """Indices, in order, of the blocks that may be debris: those holding a character of
    ``_MAY_BE_DEBRIS`` (found by a page-level scan), and one-word lines starting like a URL
    (``_is_lone_url``) or long enough to be a base64 blob (whose characters hold no space).
    A necessary condition for :func:`_whole_line`, :func:`_is_lone_url` and the inline
    patterns; most lines of prose fail it and are never visited.

    Also those of them holding a one-character substring some inline pattern needs (from the
    same scans; the longer ones are rarer and tested per line: their page-level scans cost
    more than they spare)."""
    inline_chars = blocks_containing(page, _INLINE_CHARS)
    found = inline_chars | blocks_containing(page, _OTHER_DEBRIS_CHARS)
    found.update(
        i
        for i, b in enumerate(page.blocks)
        if b.words == 1 and (b.text.startswith(_URL_STARTS) or len(b.text) >= BASE64_MIN_CHARS)
    )
    return sorted(found), inline_chars


def _in_markup_listing(blocks: Sequence[Block], i: int) -> bool:
    """Consecutive lines starting with a tag are a markup code sample in a tutorial, not
    leftovers (a scraper leaves stray tags inside text, not listings of them)."""
    if not blocks[i].text.startswith("<"):
        return False
    neighbours = (blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks))
    return any(b.text.startswith("<") for b in neighbours)


def _single_piece(text: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The one stretch of ``text`` outside the ``taken`` ranges that holds more than
    whitespace (trimmed), or ``None`` when there are none or several (a line cut in the
    middle: its pieces are joined by the renderer)."""
    pieces = []
    at = 0
    for start, end in sorted(taken) + [(len(text), len(text))]:
        first, last = _trimmed(text, at, start)
        if first < last:
            pieces.append((first, last))
        at = max(at, end)
    return pieces[0] if len(pieces) == 1 else None


def _is_lone_url(blocks: Sequence[Block], i: int, text: str) -> bool:
    """``text`` (line ``i`` or what is left of it) is a bare URL with no URL line beside it
    (a list of URLs is a list of sources), and does not continue a sentence or reference
    (``see https://example.org/spec,``)."""
    if not text.startswith(_URL_STARTS) or text[-1] in _CONTINUES:
        return False
    if not _BARE_URL.fullmatch(text):
        return False
    neighbours = (blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks))
    return not any(_BARE_URL.fullmatch(b.text) for b in neighbours)


def _has_tag_leftovers(line: str) -> bool:
    """Tags with attributes mark the line's tags as leftovers, unless it is a code sample."""
    return _TAG_WITH_ATTRIBUTES.search(line) is not None and not _DOCUMENT_TAG.search(line)


def _looks_minified(text: str) -> bool:
    if len(text) < MINIFIED_MIN_CHARS or ("function(" not in text and "=>" not in text):
        return False
    size = len(text)
    syntax = sum(text.count(c) for c in ";{}()=")
    return text.count(" ") <= MINIFIED_MAX_SPACE_RATIO * size and (
        syntax >= MINIFIED_MIN_SYNTAX_RATIO * size
    )


def _is_tracking(text: str) -> bool:
    if not _has_strong_tracking_word(text):
        return False
    pairs = _TRACKING_PAIR.findall(text)
    if len(pairs) < TRACKING_MIN_PAIRS:
        return False
    return sum(len(p) for p in pairs) >= 0.6 * len(text.replace(" ", ""))


def _has_strong_tracking_word(text: str) -> bool:
    """``_TRACKING_STRONG.search(text)``. On ASCII text (most lines) case-insensitive matching
    is matching the lower case, and a few substring tests are several times cheaper than the
    case-insensitive regex (beyond ASCII its case rules are not ``str.lower``'s: use it)."""
    if text.isascii():
        lowered = text.lower()
        return any(word in lowered for word in _TRACKING_STRONG_WORDS)
    return _TRACKING_STRONG.search(text) is not None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
