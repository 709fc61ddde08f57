"""Headings that announce related, recommended, popular or latest stories.

"Related Articles", "Popular posts from this blog", "Lesen Sie auch", "À lire aussi", "相关文章"...
are markers: what follows them is a list of other stories, so they open a ``related`` region.
Inline link labels such as ``Read more: <headline>`` are flagged as single lines.

Listings of other stories also come without a heading: each story's opening paragraph, cut
at a fixed length in mid-sentence and without an ellipsis ("... Born in Canada, Thicke enjoyed
a successful career as a writer, producer and"). An article's paragraphs end like sentences,
so a run of paragraph-long lines most of which stop on a bare word is such a listing.

Listings also repeat one unit per story: a headline (and a date), a blurb, and a link label
("Mehr lesen...", "Read more", "Czytaj więcej") the phrase lists flag. Two or more such
labels in a row, each right after a paragraph and at most a headline and a date apart, make
the whole run a listing, blurbs and headlines included. An article's own "read more" links
stand alone or far apart.
"""

from __future__ import annotations

from typing import ClassVar, Iterator, Sequence

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from ..text.blocks import Block
from ..text.runs import close_runs
from .ads import CTA_MAX_WORDS, PHRASE_GROUP
from .marker_regions import RegionCheckedPhraseDetector
from .phrase_detector import PhraseDetector, phrase_candidates, prefix_lines, short_blocks
from .phrases import Phrase, PhraseTable
from .registry import register_detector

# A [prefix] phrase is a label only when a separator follows it ("Read more: ...",
# "【関連記事】..."), not when it starts a sentence ("Read more about it in our report").
LABEL_SEPARATORS = frozenset(":|»›>-–—：】」』)")
# "Lea más: <headline of another story>" is often longer than a phrase line: a label followed
# by its separator also reaches lines up to this size (a headline, not a paragraph).
LABEL_MAX_WORDS = 30
LABEL_MAX_CHARS = 220
# Without a separator, a label of at least two words still heads a headline ("Nächster Artikel
# Landespolitiker stellen ...") when the rest is one: capitalised, a few words, no sentence end.
BARE_LABEL_MIN_WORDS = 2
BARE_HEADLINE_MIN_WORDS = 3
HEADLINE_NOT_ENDS = frozenset(".!?。！？:：")  # a sentence, or a lead-in to what follows
# Cut snippets (see the module docstring): paragraph-long lines (words) ending on a bare word;
# at least this many of them, making at least this share of the paragraphs they span.
CUT_MIN_WORDS = 20
CUT_MIN_LINES = 3
CUT_MIN_SHARE = 0.5
CUT_SCORE = 0.6
OPENING_QUOTES = frozenset("\"“„'‘«")
# Teaser units (see the module docstring): link labels at most this many lines apart (headline,
# date, blurb, label), each after a blurb of this many words; the first unit's headline and
# date are the short lines (no sentence end) right above its blurb, as many as the others have.
UNIT_MAX_LINES = 4
UNIT_MIN_LINKS = 2
BLURB_MIN_WORDS = 10
UNIT_HEAD_MAX_WORDS = 15
UNIT_HEAD_LINES = 2
UNIT_SCORE = 0.65


_phrase_match = PhraseDetector.match  # no ``super()`` proxy per line: match runs on every line


@register_detector
class RelatedDetector(RegionCheckedPhraseDetector):
    name: ClassVar[str] = "related"
    kind: ClassVar[Kind] = Kind.RELATED
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.RELATED})
    languages: ClassVar[frozenset[str]] = frozenset(
        {"cs", "de", "en", "es", "fr", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru", "tr", "zh"}
    )
    scan_group = PHRASE_GROUP
    scan_group_words = CTA_MAX_WORDS

    def detect(self, page: Page) -> Iterator[Finding]:
        links: list[Block] = []
        for finding in super().detect(page):
            if finding.reason == "related.line":
                links.append(page.block_at(finding.start))  # type: ignore[arg-type]
            yield finding
        for block in teaser_units(page, links):
            yield self.finding(
                block,
                Kind.RELATED,
                UNIT_SCORE,
                reason="related.teaser-units",
                explanation="in a run of blurbs each followed by a link label: a listing",
            )
        for block in cut_snippets(page):
            yield self.finding(
                block,
                Kind.RELATED,
                CUT_SCORE,
                reason="related.cut-snippets",
                explanation="among paragraphs cut in mid-sentence: a listing of other stories",
            )

    def candidates(self, page: Page, table: PhraseTable) -> Sequence[Block]:
        if type(self).match is not RelatedDetector.match:
            return page.blocks  # a subclass's own ``match``: every block
        group = self.group(table)
        if table.prefix_scan is not None:  # a label starts like a [prefix] phrase
            longer: Sequence[Block] = prefix_lines(page, table, LABEL_MAX_WORDS, group)
        else:
            longer = short_blocks(page, LABEL_MAX_WORDS)
        extra = [b for b in longer if b.words > self.max_words and _long_label(table, b)]
        return phrase_candidates(page, table, self.max_words, extra, group)

    def match(self, table: PhraseTable, block: Block) -> Phrase | None:
        found = _phrase_match(self, table, block)
        if found is None and block.words > self.max_words:
            found = _long_label(table, block)
        return found

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        if phrase.section != "prefix":
            return True
        rest = block.key[len(phrase.text) :].lstrip()
        return bool(rest) and (rest[0] in LABEL_SEPARATORS or _bare_label(block, phrase))


def _bare_label(block: Block, phrase: Phrase) -> bool:
    """A label of a few words followed, without a separator, by a headline (see above)."""
    label_words = len(phrase.text.split())
    if label_words < BARE_LABEL_MIN_WORDS:
        return False  # "More Americans say ...", "Recommended reading list ...": a sentence
    text = block.text.strip()
    at = text.casefold().find(phrase.text)
    if at < 0 or any(c.isalnum() for c in text[:at]):
        return False  # "8. Zum Thema ...": a numbered heading of the article
    rest = text[at:].split()[label_words:]  # by words: casefolding may change lengths ("ß")
    return (
        len(rest) >= BARE_HEADLINE_MIN_WORDS
        and block.words <= LABEL_MAX_WORDS
        and rest[0][:1].isupper()
        and text[-1] not in HEADLINE_NOT_ENDS
    )


def _long_label(table: PhraseTable, block: Block) -> Phrase | None:
    """A [prefix] label heading a headline-long line ("Read also: <headline>"); ``accept``
    then requires the separator right after the label."""
    if block.words > LABEL_MAX_WORDS or len(block.text) > LABEL_MAX_CHARS or table.prefix is None:
        return None
    if table.prefix_heads is not None and block.key[:2] not in table.prefix_heads:
        return None  # the same cheap gate as for short lines
    found = table.prefix.search(block.key)
    return table.by_text[("prefix", found.group(0))] if found else None


def cut_snippets(page: Page) -> list[Block]:
    """The span from the first to the last cut snippet of each run of paragraphs holding at
    least :data:`CUT_MIN_LINES` of them (:data:`CUT_MIN_SHARE` of the span or more)."""
    blocks = page.blocks
    # Cheap gate: most pages have fewer long lines without a sentence end than a listing needs.
    open_ended = [b for b in blocks if b.words >= CUT_MIN_WORDS and not b.terminal]
    if len(open_ended) < CUT_MIN_LINES:
        return []
    cuts = [b.index for b in open_ended if _is_cut(blocks, b)]
    found: list[Block] = []
    run: list[int] = []
    for i in cuts:
        if run and not all(_is_paragraph(b) for b in blocks[run[-1] + 1 : i]):
            found += _cut_span(blocks, run)
            run = []
        run.append(i)
    return found + _cut_span(blocks, run)


def _cut_span(blocks: Sequence[Block], run: list[int]) -> list[Block]:
    if len(run) < CUT_MIN_LINES or len(run) < CUT_MIN_SHARE * (run[-1] - run[0] + 1):
        return []
    return list(blocks[run[0] : run[-1] + 1])


def _is_paragraph(block: Block) -> bool:
    """Paragraph-long and starting like a sentence (not a list item, a reference or code)."""
    first = block.text[0]
    return block.words >= CUT_MIN_WORDS and (
        (first.isalpha() and not first.islower()) or first in OPENING_QUOTES
    )


def _is_cut(blocks: Sequence[Block], block: Block) -> bool:
    """A paragraph stopping on a bare word, not one the next line carries on (a line broken
    before a link: "... said the" / "mayor of the city.")."""
    if not block.text[-1].isalpha() or not _is_paragraph(block):
        return False
    after = blocks[block.index + 1].text[0] if block.index + 1 < len(blocks) else ""
    return not after.islower()


def teaser_units(page: Page, links: Sequence[Block]) -> list[Block]:
    """The unflagged lines of each run of :data:`UNIT_MIN_LINKS` or more teaser units (see the
    module docstring), from the first unit's headline to the last link label."""
    if len(links) < UNIT_MIN_LINKS:
        return []
    blocks = page.blocks
    linked = {b.index for b in links}
    units = [b.index for b in links if b.index and blocks[b.index - 1].words >= BLURB_MIN_WORDS]
    found: list[Block] = []
    for run in close_runs(units, UNIT_MAX_LINES):
        found += _unit_span(blocks, run, linked)
    return found


def _unit_span(blocks: Sequence[Block], run: list[int], linked: set[int]) -> list[Block]:
    if len(run) < UNIT_MIN_LINKS:
        return []
    # The units are alike: the first has as many head lines as the shortest later one.
    heads = min(UNIT_HEAD_LINES, min(b - a for a, b in zip(run, run[1:], strict=False)) - 2)
    start = run[0] - 1  # the first blurb
    while (
        start > 0
        and run[0] - 1 - start < heads
        and blocks[start - 1].words <= UNIT_HEAD_MAX_WORDS
        and not blocks[start - 1].terminal
        and start - 1 not in linked
    ):
        start -= 1
    return [b for b in blocks[start : run[-1]] if b.index not in linked]
