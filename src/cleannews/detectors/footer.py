"""Site footer: tag/hashtag labels, share bars, copyright, legal links, "powered by".

Phrase data lives in ``data/footer/<lang>.txt``. Besides single phrases, two shapes are
recognised:

* a **link bar**: one line made almost entirely of footer phrases ("Privacy Policy | Terms of
  Use | Cookie settings", "Share Tweet Email"), segmented greedily against the phrase table;
* a **copyright notice**: "© 2024 X", "Copyright 2024 X"; a long one must also carry a rights
  phrase ("© 2020 X. All rights reserved. Use of this site constitutes ...");
* a **credited caption**: a photo caption closed by its credit ("... ausgezeichnet. © AFP / X",
  "... en Lima. (Foto: Andina)", "... Kuva: X"). The credit labels are data too
  (``data/footer_credits/<lang>.txt``); the caption goes with its credit, since a caption
  flattened into the page text is not article prose.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache
from operator import attrgetter
from typing import Callable, Iterable, Iterator, Sequence

from ..kinds import Kind
from ..page import Page
from ..spans import Finding, Scope
from ..text.blocks import Block, normalise_key, unspaced_words
from .ads import (
    CTA_MAX_WORDS,
    LANGUAGES,
    PHRASE_GROUP,
    SECTION_SCORES,
    contains_in_sentence,
    sentence_candidates,
)
from .page_structure import page_has_chrome
from .phrase_detector import PhraseDetector, phrase_candidates
from .phrases import Phrase, PhraseTable, load_table
from .registry import register_detector

MAX_PHRASE_CHARS = 160  # prefix/contains/regex only on lines this short (see ads.py)
BAR_MAX_WORDS = 40
BAR_MIN_PHRASES = 2
BAR_MIN_COVERAGE = 0.75  # share of the line's tokens covered by footer phrases
BAR_LONGEST_PHRASE = 6  # tokens
BAR_SCORE = 0.8
COPYRIGHT_MAX_WORDS = 80
TAG_ITEMS_CHECKED = 2  # lines after a tag heading that must look like tags...
TAG_MAX_WORDS = 4  # ...short labels, not sentences
MENU_ITEM_MAX_WORDS = 5  # a tag heading after this many such short labels is a menu entry
COPYRIGHT_SCORE = 0.8
_BAR_SEPARATORS = re.compile(r"[\s|•·/,;]+")
_LABEL_SEPARATORS = frozenset(":|»›>-–—：")
_TOKEN_EDGES = ".:!?()[]{}\"'«»“”‘’-–—"
_COPYRIGHT_FIRST = frozenset("©(Cc")  # cheap gate before the regex
_COPYRIGHT = re.compile(r"©|\(c\)\s|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b)", re.IGNORECASE)
CREDIT_DATA = "footer_credits"  # data/<this>/<lang>.txt: credit labels ("foto", "photo", ...)
CREDIT_MAX_CHARS = 50  # the credit itself: a name or an agency, never a sentence
CAPTION_MIN_WORDS = 3  # words before the credit: a bare "Foto: X" line has its own phrases
CAPTION_MAX_WORDS = 60  # a caption, not a paragraph
CREDIT_MAX_WORDS = 6  # ...of a few words ("AFP / Max Muster", "Archives du Gouvernement")
CREDITED_CAPTION_SCORE = 0.8
LABEL_REACH = 24  # characters before a colon searched for a credit label
LABEL_END_CHARS = 2  # a label's last characters: the cheap gate before the label lookup
_CREDIT_OPENERS = frozenset("(（[|,/-–—")  # set a lower-case credit label off its caption
# The page-level gate: a ":" (or a rarer "：", "©") close to a line's end; after a colon the
# credit starts with a letter ("Foto: X", not "12:30"). The tail is possessive: it never holds
# a newline, so giving characters back could not reach a line end either (no backtracking).
_TAIL = rf"[^\n:：©]{{0,{CREDIT_MAX_CHARS - 1}}}+$"
_COLON_TAIL = re.compile(r":[ \t]*[^\W\d_]" + _TAIL, re.MULTILINE)
# The rare marks occur a few times per page at most: ``str.find`` (memchr speed) jumps to each
# and the tail is matched there, cheaper than the regex engine's own scan of the whole page.
# Korean captions close with "label=credit" ("... 모습. /사진=연합뉴스", "[사진=뉴시스]").
_RARE_TAILS = (
    ("：", re.compile(r"：[ \t]*[^\W\d_]" + _TAIL, re.MULTILINE)),
    ("©", re.compile(r"©[^\n:：©]" + _TAIL, re.MULTILINE)),
    ("=", re.compile(r"=[ \t]*[^\W\d_]" + _TAIL, re.MULTILINE)),
)
# A caption closed by a bracketed agency credit without a label: "(REUTERS/Jane Doe)",
# "(AFP/Getty Images)", "(ANTARA FOTO/Nama)". The agency is one upper-case word (a label may
# follow it), a slash right after it sets the photographer's name off (no figures: "(HP / MP
# 20%)" is no credit), and nothing follows the bracket (a sentence ending in "(EU/USA)." has
# its full stop after it).
_AGENCY_CREDIT = re.compile(
    r"\([A-Z][A-Z&.]{1,15}(?:[ \t][A-Z][A-Za-z]+)?/[ \t]?[^\W\d_][^\n()/\d%]{1,39}\)[ \t]*$",
    re.MULTILINE,
)
# The same credit unbracketed after the caption's last sentence ("... on Monday. REUTERS/Jane
# Doe", "... di Jakarta. ANTARA FOTO/Nama"): matched from its slash, the one character of it
# the regex engine can jump to (the name starts upper-case, so a URL's lower-case path fails
# at once), the agency then checked before it.
_SLASH_CREDIT = re.compile(r"/[ \t]?[^\W\d_a-z][^\n()/\d%:]{1,39}$", re.MULTILINE)
_AGENCY_BEFORE_SLASH = re.compile(r"[.!?][ \t]+[A-Z][A-Z&.]{1,15}(?:[ \t][A-Z][A-Za-z]+)?[ \t]?$")
_SENTENCE_ENDS = frozenset(".!?")
# Both patterns end within this many characters after their slash: a ")" at most 42 on, or
# the line's end (the bracket may be followed by spaces, but comes first).
_CREDIT_REACH = 43
# What a slash of either pattern follows: the agency, a space or tab, or (the "$" of
# ``_AGENCY_BEFORE_SLASH`` also matches before a last line break) a line break.
_BEFORE_SLASH = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz&. \t\n")
_START = attrgetter("start")
# The credit labels' endings, their multi-word labels' last words, the labels (a tuple for
# ``str.endswith``): see ``_label_endings``.
_LabelGate = tuple[frozenset[str], frozenset[str], tuple[str, ...]]
_NOT_IN_NAME = frozenset("!?()（）")
_BRACKETS = "(（["
_COPYRIGHT_OPENERS = frozenset("|/-–—")
_DOTTED_I = "i\u0307"  # what a casefolded "İ" becomes; keys drop the dot (``normalise_key``)


@register_detector
class FooterDetector(PhraseDetector):
    name = "footer"
    kind = Kind.FOOTER
    kinds = frozenset({Kind.FOOTER})
    languages = LANGUAGES
    section_scores = SECTION_SCORES
    scan_group = PHRASE_GROUP
    scan_group_words = CTA_MAX_WORDS

    def detect(self, page: Page) -> Iterator[Finding]:
        table = self.table
        preferred = page.languages
        for block in self.candidates(page, table):
            phrase = self.match(table, block)
            if phrase is not None and self.accept(page, block, phrase):
                yield _tag_marker_checked(self.phrase_finding(block, phrase, preferred), page)
            elif self._is_copyright(table, block):
                yield self._finding(block, COPYRIGHT_SCORE, "footer.copyright", "copyright notice")
            elif self._is_link_bar(table, block):
                yield self._finding(block, BAR_SCORE, "footer.bar", "a bar of footer links")
        for block in credited_captions(page, self.data_package):
            yield self._finding(
                block, CREDITED_CAPTION_SCORE, "footer.credited-caption", "a credited photo caption"
            )
        for block in agency_credited_captions(page):
            yield self._finding(
                block, CREDITED_CAPTION_SCORE, "footer.credited-caption", "a credited photo caption"
            )

    def candidates(self, page: Page, table: PhraseTable) -> Sequence[Block]:
        """The blocks a phrase, a copyright notice or a link bar may be found in."""
        if type(self).match is not FooterDetector.match:
            return page.blocks  # a subclass's own ``match``: every block
        group = self.group(table)
        heads = _phrase_heads(self.data_package, self.name)
        extra = sentence_candidates(page, table, self.max_words, group)
        extra += [
            b
            for b in page.blocks
            if b.text[:1] in _COPYRIGHT_FIRST
            and b.words <= COPYRIGHT_MAX_WORDS
            and _COPYRIGHT.match(b.text)
        ]
        extra += [
            b
            for b in page.blocks
            if 2 <= b.words <= BAR_MAX_WORDS
            and not b.terminal
            and b.key.split(" ", 1)[0].strip(_TOKEN_EDGES) in heads
        ]
        return phrase_candidates(page, table, self.max_words, extra, group)

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        """A one-word label prefix ("Tags", "Themen") needs a separator after it: "Tags: a, b"
        is a tag line, "Tags are used to group articles" is prose."""
        if phrase.section != "prefix" or " " in phrase.text or _is_cjk(phrase.text[0]):
            return True
        return block.key[len(phrase.text) : len(phrase.text) + 1] in _LABEL_SEPARATORS

    def match(self, table: PhraseTable, block: Block) -> Phrase | None:
        if len(block.text) > MAX_PHRASE_CHARS:
            whole = table.whole.get(block.key)
            return whole[0] if whole else self._in_sentence(table, block)
        found = super().match(table, block)
        if found is None and block.words > self.max_words:
            found = self._in_sentence(table, block)
        return found

    def _in_sentence(self, table: PhraseTable, block: Block) -> Phrase | None:
        if _COPYRIGHT.match(block.text):
            return None  # a copyright line has its own rule (``_is_copyright``)
        return contains_in_sentence(table, block)

    def _finding(self, block: Block, score: float, reason: str, explanation: str) -> Finding:
        return self.finding(block, self.kind, score, reason, explanation)

    def _is_link_bar(self, table: PhraseTable, block: Block) -> bool:
        if block.words > BAR_MAX_WORDS or block.words < 2 or block.terminal:
            return False
        first = block.key.split(" ", 1)[0].strip(_TOKEN_EDGES)
        if first not in _phrase_heads(self.data_package, self.name):
            return False  # cheap gate: a bar starts with a footer phrase
        tokens = [t for t in (t.strip(_TOKEN_EDGES) for t in _BAR_SEPARATORS.split(block.key)) if t]
        phrases, covered = _segment(tokens, table.whole)
        return phrases >= BAR_MIN_PHRASES and covered >= BAR_MIN_COVERAGE * len(tokens)

    def _is_copyright(self, table: PhraseTable, block: Block) -> bool:
        """A copyright notice ("© 2024 X"); a longer line also needs a rights phrase."""
        text = block.text
        if text[:1] not in _COPYRIGHT_FIRST or block.words > COPYRIGHT_MAX_WORDS:
            return False
        if _COPYRIGHT.match(text) is None:
            return False
        if block.words <= self.max_words:
            return True
        return table.contains is not None and table.contains.search(block.key) is not None


def _tag_marker_checked(finding: Finding, page: Page) -> Finding:
    """A tag heading ("Tags", "Themen") opens a region only when tag-like items follow it and
    it is not itself an entry of a menu (short labels before it too); the same word heading a
    site menu or a section of prose labels just its own line."""
    if finding.scope is not Scope.REGION:
        return finding
    block = page.block_at(finding.start)
    if block is None:
        return finding
    after = page.blocks[block.index + 1 : block.index + 1 + TAG_ITEMS_CHECKED]
    before = page.blocks[max(0, block.index - TAG_ITEMS_CHECKED) : block.index]
    tags_follow = bool(after) and all(_is_tag_item(b) for b in after)
    in_menu = len(before) == TAG_ITEMS_CHECKED and all(_is_menu_item(b) for b in before)
    if tags_follow and not in_menu:
        return finding
    return replace(finding, scope=Scope.BLOCK, region_kind=None)


def _is_menu_item(block: Block) -> bool:
    return block.words <= MENU_ITEM_MAX_WORDS and not block.terminal


def _is_tag_item(block: Block) -> bool:
    return (
        block.words <= TAG_MAX_WORDS
        and not block.terminal
        and not block.text.endswith(("...", "…"))
    )


def _is_cjk(char: str) -> bool:
    return ord(char) >= 0x2E80  # CJK, kana, hangul: words are not separated by spaces


@cache
def _phrase_heads(package: str, name: str) -> frozenset[str]:
    """First words of the detector's whole-line phrases."""
    return frozenset(key.split(" ", 1)[0] for key in load_table(package, name).whole)


def _segment(tokens: list[str], known: dict[str, tuple[Phrase, ...]]) -> tuple[int, int]:
    """Greedy longest-match segmentation: (phrases found, tokens they cover). Linear."""
    phrases = covered = i = 0
    while i < len(tokens):
        for size in range(min(BAR_LONGEST_PHRASE, len(tokens) - i), 0, -1):
            if " ".join(tokens[i : i + size]) in known:
                phrases += 1
                covered += size
                i += size
                break
        else:
            i += 1
    return phrases, covered


def credited_captions(page: Page, package: str) -> Iterator[Block]:
    """Caption lines closed by a photo credit, in page order, on whole scraped pages only:
    an extractor's output (no site chrome around the article) keeps captions on purpose."""
    source = page.source
    hits = _credit_hits(source)
    if not hits:
        return
    labels, ends = _credit_labels(package)
    gate = _label_endings(package)
    labelled = (at for at in hits if not _no_label_before(source, at, ends, gate))

    def closes(block: Block, at: int) -> bool:
        return _closes_caption(block.text, at - block.start, labels, ends)

    yield from _captions_on_chrome_pages(page, labelled, closes)


def agency_credited_captions(page: Page) -> Iterator[Block]:
    """Caption lines closed by a bracketed agency credit ("... en Kiev (REUTERS/Jane Doe)"),
    on whole scraped pages only (as :func:`credited_captions`)."""
    return _captions_on_chrome_pages(page, _agency_credit_hits(page.source))


def _captions_on_chrome_pages(
    page: Page, hits: Iterable[int], closes: Callable[[Block, int], bool] | None = None
) -> Iterator[Block]:
    """The caption-sized lines holding ``hits`` (ascending source offsets) whose hit
    ``closes`` the caption (default: any), each once, if the page has site chrome (asked at
    the first such line: most pages have none)."""
    blocks = page.blocks
    chrome: bool | None = None
    last = -1
    for at in hits:
        block = _block_at(blocks, at)
        if block is None or block.index == last or not _caption_sized(block):
            continue
        if closes is not None and not closes(block, at):
            continue
        if chrome is None:
            chrome = page_has_chrome(page)
        if not chrome:
            return
        last = block.index
        yield block


def _agency_credit_hits(source: str) -> list[int]:
    """Offsets of the agency credits closing a line (at the space before the credit),
    ascending: bracketed ones after running text (a bracket after a full stop may be a
    source note), unbracketed ones after a full stop. The credit names a person or a
    company, every word capitalised ("(NATO/EU forces)" is no credit).

    Both patterns hold one slash, their line's last: ``str.find`` (memchr speed) jumps from
    slash to slash, and only a slash with a ")" or a line end close enough after it (see
    ``_CREDIT_REACH``) is matched: the regex engine's own scan of the whole page for "(" and
    "/" cost more than the few slashes of a page."""
    hits: list[int] = []
    size = len(source)
    at = source.find("/")
    while at != -1:
        # Cheapest first: the agency (or a space after it) before the slash, no figure after it.
        if source[at - 1] in _BEFORE_SLASH and not source[at + 1 : at + 2].isdecimal():
            near = source[at + 3 : at + _CREDIT_REACH]
            line_end = "\n" in near or at + _CREDIT_REACH > size
            if ")" in near:
                _bracketed_credit_hit(source, at, line_end, hits)
            elif line_end:
                _unbracketed_credit_hit(source, at, hits)
        at = source.find("/", at + 1)
    return sorted(hits)


def _bracketed_credit_hit(source: str, slash: int, line_end: bool, hits: list[int]) -> None:
    """Add the hit of the agency credit whose slash is at ``slash``, if any: bracketed, or
    (the line ending close enough) unbracketed. The bracketed credit opens at the last "("
    before its slash (its agency holds none)."""
    bracket = source.rfind("(", 0, slash)
    m = _AGENCY_CREDIT.match(source, bracket) if bracket != -1 else None
    if m is not None and m.end() > slash:  # not a credit of an earlier slash
        at = bracket - 1
        if at >= 0 and source[at] in " \t" and _capitalised_name(m.group(), "/"):
            if source[max(0, at - 8) : at].rstrip()[-1:] not in _SENTENCE_ENDS:
                hits.append(at)
    elif line_end:  # the ")" may be on a later line
        _unbracketed_credit_hit(source, slash, hits)


def _unbracketed_credit_hit(source: str, slash: int, hits: list[int]) -> None:
    m = _SLASH_CREDIT.match(source, slash)
    if m is not None:
        agency = _AGENCY_BEFORE_SLASH.search(source, max(0, slash - 32), slash)
        if agency is not None and _capitalised_name(m.group(), "/"):
            hits.append(agency.start() + 1)


def _capitalised_name(credit: str, separator: str) -> bool:
    name = credit.rsplit(separator, 1)[1].strip(" \t)")
    return all(word[:1].isupper() for word in name.split())


def _credit_hits(source: str) -> list[int]:
    """Offsets of the ":" / "：" / "©" that open a credit-sized tail of their line, ascending."""
    hits = [m.start() for m in _COLON_TAIL.finditer(source)]
    rare = False
    for mark, tail in _RARE_TAILS:
        at = source.find(mark)
        while at != -1:
            if tail.match(source, at):
                hits.append(at)
                rare = True
            at = source.find(mark, at + 1)
    return sorted(hits) if rare else hits


def _no_label_before(source: str, at: int, ends: frozenset[str], gate: _LabelGate) -> bool:
    """The label test of :func:`_closes_caption` asked of the source, before the hit's block
    is looked up: surely no credit label ends just before the colon at ``at``?

    The last word before the colon (no whitespace of any kind in it, so it cannot reach back
    over a line break or a line's indent: it is the block's own last word) must end like a
    label (``LABEL_END_CHARS``, as in :func:`_closes_caption`); a label
    :func:`_before_label` can then find is the word's key or its end ("(foto", "Foto"), or a
    label of several words whose last word it is ("Photo credit"); a word the
    ``LABEL_REACH`` window may have cut may be any label's end. Undecided: never rejected."""
    if source[at] == "©":
        return False
    words = source[max(0, at - LABEL_REACH) : at].rsplit(None, 1)
    folded = words[-1].casefold() if words else ""
    if len(folded) < LABEL_END_CHARS:
        return False  # the block's word may be longer
    if folded[-LABEL_END_CHARS:] not in ends:
        return True  # most colons close no credit label ("12:30", "Tags:")
    endings, last_words, whole = gate
    key = normalise_key(words[-1])
    if key.endswith(whole):
        return False
    if len(words) == 1 and at > LABEL_REACH:  # the window may have cut the word
        return key not in endings
    return folded.replace(_DOTTED_I, "i") not in last_words


def _block_at(blocks: Sequence[Block], offset: int) -> Block | None:
    """``Page.block_at`` by a bisection on the blocks themselves: a page asks this for a few
    offsets only, less than building the page's list of block starts would cost."""
    i = bisect_right(blocks, offset, key=_START) - 1
    if i >= 0 and blocks[i].start <= offset < blocks[i].end:
        return blocks[i]
    return None


def _caption_sized(block: Block) -> bool:
    return CAPTION_MIN_WORDS < block.words <= CAPTION_MAX_WORDS


def _closes_caption(text: str, at: int, labels: frozenset[str], ends: frozenset[str]) -> bool:
    """Is ``text[at:]`` (from a ":" or "©" on) a credit closing a caption?

    "© X" follows a space or separator; "<label>: X" has a credit label just before the
    colon, capitalised or set off by a bracket or separator ("Foto: X", "(photo: X)",
    "| Photo: X"), and names a few words ("the picture: a small boat on a grey sea" is a
    sentence). Enough caption must come first: a bare "Foto: X" line has its own phrases."""
    if text[at] == "©":
        caption = text[:at]
        if caption[-1:] not in _COPYRIGHT_OPENERS and not caption[-1:].isspace():
            return False
    else:
        before = text[max(0, at - LABEL_REACH) : at].rstrip()
        if before[before.rfind(" ") + 1 :].casefold()[-LABEL_END_CHARS:] not in ends:
            return False  # cheap gate: most colons close no credit label ("12:30", "Tags:")
        found = _before_label(text[:at].rstrip(), labels)
        if found is None:
            return False
        caption = found
    name = text[at + 1 :].strip().rstrip(".").rstrip(")）]")
    if not name or _NOT_IN_NAME.intersection(name) or len(name.split()) > CREDIT_MAX_WORDS:
        return False
    return unspaced_words(caption, len(caption.split())) >= CAPTION_MIN_WORDS


def _before_label(before: str, labels: frozenset[str]) -> str | None:
    """The text before the credit label ``before`` ends with, if any: its last one or two
    words, or the bracketed end of an unspaced (CJK) line ("...讲话（图片")."""
    words = before.rsplit(None, 2)
    candidates = [" ".join(words[-size:]) for size in (2, 1) if len(words) > size]
    cut = max(words[-1].rfind(c) for c in _BRACKETS) if words else -1
    if cut > 0:
        candidates.append(words[-1][cut:])
    for label in candidates:
        if normalise_key(label) not in labels:
            continue
        caption = before[: len(before) - len(label)].rstrip()
        first = label.lstrip("".join(_CREDIT_OPENERS))[:1]
        if first.isupper() or label[:1] in _CREDIT_OPENERS or caption[-1:] in _CREDIT_OPENERS:
            return caption
    return None


@cache
def _credit_labels(package: str) -> tuple[frozenset[str], frozenset[str]]:
    """Credit labels of every language ("foto", "photo credit", "kuva"...), and their last
    ``LABEL_END_CHARS`` characters (the cheap gate)."""
    labels = frozenset(load_table(package, CREDIT_DATA).whole)
    return labels, frozenset(label[-LABEL_END_CHARS:] for label in labels)


@cache
def _label_endings(package: str) -> _LabelGate:
    """For :func:`_no_label_before`: every ending of every credit label (the empty one too),
    the last words of the labels of several words, and the labels (for ``str.endswith``)."""
    labels = _credit_labels(package)[0]
    endings = frozenset(label[i:] for label in labels for i in range(len(label) + 1))
    last_words = frozenset(label.rsplit(" ", 1)[1] for label in labels if " " in label)
    return endings, last_words, tuple(labels)
