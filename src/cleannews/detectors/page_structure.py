"""Where is the article? The statistical core of text mode.

A scraped page is site chrome (menus, section lists, login, other headlines), then the
article, then more chrome (link lists, other stories, footers). The article is the densest
cluster of prose: long blocks that end like sentences and are rich in function words
(:mod:`cleannews.text.features`). We find it as the maximum-sum run of blocks (Kadane),
where prose blocks add their length and every run of non-prose lines costs more than
linearly in its length: a heading or a caption inside the article is cheap to bridge, a
40-line menu or link list is not. Lines that look like the article's own material cost
little (chart figures, numbered or bulleted items, a list after "as follows:"), and a lone
paragraph between short lines (a teaser blurb) adds less than a paragraph among paragraphs.
When another cluster nearly as heavy sits beside the best one we cannot tell which is the
article, so both are kept (a missed removal is cheaper than a lost paragraph).

Everything before the cluster is reported as ``nav``; everything after it as ``related``
(headline lists) or ``footer``, except bulleted or numbered items (the article's own lists:
ingredients, pros and cons) and, before it, a paragraph sharing most of its content words
(in text mode: the article's standfirst, parted from the body by a byline, a share bar or
a picture). Short lines *inside* the cluster (subheadings, captions,
bylines) are left alone. Pages without clear evidence get no findings at all: no dense
cluster, only a few lines outside it, no menu-like or link line among them (text another
extractor already cleaned), or a text that starts with a paragraph (nothing precedes the
article). Text another extractor cleaned is told apart by what precedes its article: no run
of menu items or headlines there (a title, a byline, headings between short paragraphs), so
those lines stay; what follows it stays too when it is the article's own (long, on its
subject, no menu: steps or products past a gallery or a list), up to its last sentence about
that subject. Tables as extractors render them ("| cell | cell |") are the article's own
data, like its lists. Scores are modest (0.6-0.7): position is weaker evidence than a
phrase, so phrase detectors' kinds win ties; findings carry ``Scope.POSITION``, so regions
absorb them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Iterable, Iterator, NamedTuple, Sequence

from ..kinds import Kind
from ..page import FOLDED_MEMO, Page
from ..spans import Finding, Scope, _FindingBuilder
from ..text.blocks import Block
from ..text.features import BlockFeatures, load_stopwords, page_features
from ..text.topic import TopicText, content_tokens, overlap, union_tokens
from .base import Detector
from .registry import register_detector

GAP_MENU_LINE = 3.0  # cost of a menu-like line (1-3 capitalised words, a URL)...
GAP_LINE = 1.0  # ...of another non-sentence line (list item, heading, caption)...
GAP_DATA_LINE = 0.3  # ...of a line without letters (chart axis, table figures)
GAP_LIST_LINE = 0.5  # ...of a bulleted or numbered list item
GAP_INTRODUCED_FACTOR = 0.3  # a run after "...as follows:" is the article's own list
GAP_RUN_SCALE = 3.0  # a run of k lines costs (1 + k / this) times its lines' costs
MENU_MAX_WORDS = 3
SENTENCE_WEIGHT = 0.5  # a short sentence counts this much of its length
ISOLATED_WEIGHT = 0.5  # a lone paragraph between non-sentence lines (a teaser) counts less
RIVAL_RATIO = 0.2  # a cluster this heavy next to the best one is kept with it
RIVAL_MIN_WORDS = 200  # ...and so is any cluster this heavy
RIVAL_MIN_TOPIC = 0.08  # ...and, after it, shares this much of the article's content words
MAX_RIVALS = 5  # widening steps (bounded, so detection stays linear)
TAIL_MAX_SHARE = 0.35  # an off-topic tail cut from the run weighs at most this share of it...
TAIL_MIN_TOLL = 2.0  # ...follows a gap costing at least this (not a single subheading)...
TAIL_SAMPLE_CHARS = 600  # ...and its opening (about this long)...
TAIL_MIN_WORDS = 15  # ...has this many words (function words aside) to judge its topic by...
TAIL_CONTEXT_CHARS = 3000  # ...of which the article's text just before the gap (this long)...
TAIL_MAX_TOPIC = 0.06  # ...shares less than this share
MAX_TAIL_CUTS = 3  # the longest tails tried
# A paragraph before the article sharing this much of its content words is its standfirst.
STANDFIRST_MIN_OVERLAP = 0.5
STANDFIRST_MIN_WORDS = 20  # ...and is this long (a subtitle or a caption is shorter)
STANDFIRST_MIN_STOP_RATIO = 0.2  # ...and has this share of function words (when unterminated)
HEAD_REACH = 2  # short lines (byline, date, caption) between a standfirst and the body
MIN_ARTICLE_WORDS = 40  # less prose than this in the cluster: no evidence
MIN_OUTSIDE_BLOCKS = 5  # fewer blocks than this before/after the cluster: leave them alone
MIN_CHROME_LINES = 2  # ...or fewer menu-like or link lines than this (extracted text)
# Before the article, site chrome is a run of this many menu items or headlines in a row (a
# menu, a teaser list); text another extractor cleaned has a title, a byline, a heading there.
CHROME_RUN_LINES = 4
# After the article of such a text (no chrome before it), the lines are its own material when
# they are this long next to it (in words: recipe steps past a gallery, a second product, a
# timeline) and share this much of its content words, unless a menu (this many items in a
# row) is among them. A short tail (a contact box, a few links, a closing note) still goes.
TAIL_MIN_SHARE = 0.25
TAIL_MIN_TOPIC = 0.08
TAIL_MENU_RUN = 8
LEAD_MIN_WORDS = 15  # a first line this long that reads as prose: the text starts with the article
SCORE_CHROME = 0.7  # a non-sentence line outside the article
SCORE_PROSE = 0.6  # a sentence outside the article (teaser, cookie text, other story)
MEMO_KEY = "page_structure.article"
TABLE_MEMO_KEY = "page_structure.table_rows"
LAYOUT_MEMO_KEY = "page_structure.layout"
CHROME_MEMO_KEY = "page_structure.chrome_before"  # {first block: _chrome_before answer}
CONTINUATION_STARTS = frozenset(".,;:)]")
BROKEN_STARTS = frozenset(",;")  # no menu item starts so (":: Menu", ". Item" do)
BROKEN_PIECE_MIN_WORDS = 2  # a sentence's piece cut off by a dropped inline element...
BROKEN_PAIR_MIN_WORDS = 7  # ...(a lower-case one and the line before it this long)...
BROKEN_MIN_PIECES = 2  # ...this many of them before the article...
BROKEN_MIN_SHARE = 0.2  # ...and this share of its lines: a broken article head, not chrome
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 20
_HIRAGANA = re.compile("[\u3041-\u309f]")
HEADLINE_NEIGHBOURS = 2  # a headline list has another headline within this many blocks
_WORDS = attrgetter("words")
# The detector's findings are built as :func:`~cleannews.spans.new_finding` builds them (a
# builder of the same layout, filled in, then turned into a ``Finding``), written out in its
# loops: a call per finding was a third of their cost. Its checks hold by construction (a
# block is never empty, the scores are constants in [0, 1]). ``Any``: the builder becomes a
# ``Finding``, which no static type says.
_FINDING: Any = _FindingBuilder


@dataclass(frozen=True, slots=True)
class Article:
    first: int  # block index of the first block of the cluster
    last: int  # block index of the last block (inclusive)
    words: float  # prose mass of the cluster


@register_detector
class PageStructureDetector(Detector):
    name = "page_structure"
    kinds = frozenset({Kind.NAV, Kind.FOOTER, Kind.RELATED})

    def detect(self, page: Page) -> Iterator[Finding]:
        feats = page_features(page)
        article = page_article(page)
        if article is None:
            return iter(())
        found: list[Finding] = []
        _, before, start, chrome_after = _layout(page, feats, article)
        if before:
            found += self._before(page, feats, article)
        if chrome_after:
            after = self._after(page, feats, article)
            found += after if start == article.last + 1 else _from(after, page.blocks[start].start)
        return iter(found)

    # One finding per line outside the article (most lines of a scraped page): built in one
    # loop each, with the few distinct explanations formatted once, the enum members read
    # once (an enum attribute lookup costs about as much as the rest of a line's work) and
    # each finding filled in place (``_FINDING``).

    def _before(
        self, page: Page, feats: Sequence[BlockFeatures], article: Article
    ) -> list[Finding]:
        where = f"before the article body (block {article.first}, {article.words:.0f} words)"
        sentence_note, line_note = f"sentence {where}", f"short non-sentence line {where}"
        reason, name, first = "page_structure.before-article", self.name, article.first
        nav, position, prose, chrome = Kind.NAV, Scope.POSITION, SCORE_PROSE, SCORE_CHROME
        # In HTML the page's own markup places the article's header (main_content, dom_cues).
        kept = _standfirsts(page, feats, article) if page.input_kind == "text" else set()
        kept |= _table_rows(page)
        found: list[Finding] = []
        builder, finding = _FINDING, Finding
        for i, (block, feat) in enumerate(zip(page.blocks[:first], feats[:first], strict=True)):
            # bulleted/numbered: the article's own list (ingredients, pros/cons); a paragraph
            # about the article's subject: its standfirst or intro; a table row
            if feat.list_item or i in kept:
                continue
            f = builder()
            f.start = block.start
            f.end = block.end
            f.kind = nav
            if feat.sentence:
                f.score = prose
                f.explanation = sentence_note
            else:
                f.score = chrome
                f.explanation = line_note
            f.detector = name
            f.reason = reason
            f.scope = position
            f.region_kind = None
            f.__class__ = finding
            found.append(f)
        return found

    def _after(self, page: Page, feats: Sequence[BlockFeatures], article: Article) -> list[Finding]:
        where = f"after the article body (ends at block {article.last})"
        related_note = f"headline in a list of headlines {where}"
        sentence_note, line_note = f"sentence {where}", f"short non-sentence line {where}"
        related, footer = (
            "page_structure.after-article.related",
            "page_structure.after-article.footer",
        )
        # Only lines after the article (and their neighbours) are asked about headlines.
        lo = max(0, article.last + 1 - HEADLINE_NEIGHBOURS)
        # Headline-shaped: a few words, unterminated, not a URL (one comprehension, no call
        # per line).
        shaped = [
            HEADLINE_MIN_WORDS <= f.words <= HEADLINE_MAX_WORDS and not f.terminal and not f.urlish
            for f in feats[lo:]
        ]
        listed = _headline_lists(lo, shaped)
        blocks, name = page.blocks, self.name
        related_kind, footer_kind, position = Kind.RELATED, Kind.FOOTER, Scope.POSITION
        prose_score, chrome_score = SCORE_PROSE, SCORE_CHROME
        builder, finding = _FINDING, Finding
        found: list[Finding] = []
        rows = _table_rows(page)
        in_item = feats[article.last].list_item  # the cluster may end inside a list
        for i in range(article.last + 1, len(feats)):
            feat = feats[i]
            in_item = feat.list_item or (in_item and _continues(blocks, i))
            if in_item or i in rows:
                continue  # bulleted/numbered (and its wrapped lines), a table row: its own
            block = blocks[i]
            f = builder()
            f.start = block.start
            f.end = block.end
            f.score = prose_score if feat.sentence else chrome_score
            if i in listed:
                f.kind, f.reason, f.explanation = related_kind, related, related_note
            else:
                f.kind, f.reason = footer_kind, footer
                f.explanation = sentence_note if feat.sentence else line_note
            f.detector = name
            f.scope = position
            f.region_kind = None
            f.__class__ = finding
            found.append(f)
        return found


def _standfirsts(page: Page, feats: Sequence[BlockFeatures], article: Article) -> set[int]:
    """The paragraphs before the article about its subject (its standfirst or intro; a
    teaser of another story, a subtitle or a caption is not).

    Only long paragraphs can be one (most lines before an article are menu items), so the
    article's content words are gathered only when one of those exists."""
    candidates = [
        i
        for i, feat in enumerate(feats[: article.first])
        if feat.prose and feat.words >= STANDFIRST_MIN_WORDS
    ]
    if not candidates:
        return set()
    blocks = page.blocks
    # A few candidates' words looked up in the article: cheaper than tokenizing all of it.
    topic = _article_topic(page, feats, article.first, article.last + 1)
    return {
        i
        for i in candidates
        if topic.shares(content_tokens(blocks[i].text), STANDFIRST_MIN_OVERLAP)
    }


def _article_topic(page: Page, feats: Sequence[BlockFeatures], lo: int, hi: int) -> TopicText:
    """The sentences of blocks ``lo..hi-1`` (the article) as a :class:`TopicText`, from the
    casefolded texts the page keeps when it has them (folding an article again costs about
    as much as the rest of the comparison)."""
    folded = _folded_texts(page)
    if folded is None:
        return TopicText(page.blocks[j].text for j in range(lo, hi) if feats[j].sentence)
    return TopicText.of_folded(folded[j] for j in range(lo, hi) if feats[j].sentence)


def _folded_texts(page: Page) -> list[str] | None:
    """The casefolded text of each block, as the page keeps it (``None`` when it does not:
    blocks made elsewhere)."""
    folded: list[str] | None = page.memo.get(FOLDED_MEMO)
    return folded if folded is not None and len(folded) == len(page.blocks) else None


def _table_rows(page: Page) -> frozenset[int]:
    """The blocks that are rows of a table as extractors render tables ("| cell | cell |",
    two rows or more): the article's own data, like its bulleted items. A lone such line is
    a menu ("| News | Sport | Ideas |"). Memoised on the page (asked before and after the
    article); a page's visible text has none, which a search for "|" mostly tells."""
    rows = page.memo.get(TABLE_MEMO_KEY)
    if rows is None:
        rows = page.memo[TABLE_MEMO_KEY] = _find_table_rows(page)
    return rows


def _find_table_rows(page: Page) -> frozenset[int]:
    if not _starts_a_line(page.source, "|"):
        return frozenset()
    blocks = page.blocks
    rows = {i for i, b in enumerate(blocks) if b.text[:1] == "|" == b.text[-1:]}
    return frozenset(i for i in rows if i - 1 in rows or i + 1 in rows)


def _starts_a_line(source: str, char: str) -> bool:
    """Does ``char`` start a line of ``source``? (A one-character search per occurrence: a
    two-character search for "\n|" costs a scan of the page each time.)"""
    at = source.find(char)
    while at != -1:
        if at == 0 or source[at - 1] == "\n":
            return True
        at = source.find(char, at + 1)
    return False


def _continues(blocks: Sequence[Block], i: int) -> bool:
    """Block ``i`` is the wrapped rest of the line before it: it starts mid-sentence
    (". Retrieved 2014.", "and they are") or closes a quote the line before left open."""
    head = blocks[i].text[:1]
    return head in CONTINUATION_STARTS or head.islower() or blocks[i - 1].text.count('"') % 2 == 1


def _substantial(
    feats: Sequence[BlockFeatures], lo: int, hi: int, blocks: Sequence[Block] | None = None
) -> bool:
    """Are blocks ``lo..hi-1`` site chrome rather than a stray line or two?

    On text that is already mostly article (another extractor's output) the lines outside
    the cluster are bylines, captions, the article's own lists and headings or a closing
    note: enough of them, and some that look like menu items or links, are needed. Given
    the ``blocks`` (the lines before the article), short CJK lines count as menu items."""
    if hi - lo < MIN_OUTSIDE_BLOCKS:
        return False
    chrome = 0
    for k in range(lo, hi):
        feat = feats[k]
        menu = line_cost(feat) == GAP_MENU_LINE or (
            blocks is not None and _cjk_menu_item(feat, blocks[k].text)
        )
        if not feat.sentence and menu:
            chrome += 1
            if chrome >= MIN_CHROME_LINES:
                return True
    return False


def _chrome_before(feats: Sequence[BlockFeatures], blocks: Sequence[Block], first: int) -> bool:
    """Is there site chrome before the article (which starts at block ``first``)? Not when
    the text starts with a paragraph, nor when the lines before it are few, hold no menu
    items, or no run of them (text another extractor already cleaned), unless a menu
    further down shows a whole page (a blog's sidebar after its article)."""
    return (
        not _starts_with_article(feats)
        and _substantial(feats, 0, first, blocks)
        and (_chrome_run(feats, blocks, first) or _menu_run(feats[first:]) >= TAIL_MENU_RUN)
        and not _broken_prose(feats, blocks, first)
    )


def _broken_prose(feats: Sequence[BlockFeatures], blocks: Sequence[Block], hi: int) -> bool:
    """Are blocks ``0..hi-1`` prose broken into pieces rather than chrome? An extractor that
    drops inline elements (formulas, links, emphasis it cannot render) leaves sentences cut
    into lines, each piece after the first starting mid-sentence (", there are two solutions
    to", "and they are") after a line that did not end one. Menus and headline lists have no
    such pieces, so a share of them among the lines marks the head of an article, however
    much its short lines look like a menu."""
    pieces = sum(1 for k in range(1, hi) if _broken_piece(feats, blocks, k))
    return pieces >= max(BROKEN_MIN_PIECES, BROKEN_MIN_SHARE * hi)


def _broken_piece(feats: Sequence[BlockFeatures], blocks: Sequence[Block], k: int) -> bool:
    """Block ``k`` goes on with the sentence the line before it left open: it starts with
    a comma or a semicolon, or in lower case after a line that ends in a lower-case word, the
    two as long as a clause (two items of a lower-case menu, "proceso de paz" under
    "congreso", are shorter)."""
    if feats[k].words < BROKEN_PIECE_MIN_WORDS or feats[k - 1].terminal:
        return False
    head = blocks[k].text[:1]
    if head in BROKEN_STARTS:
        return True
    return (
        head.islower()
        and blocks[k - 1].text[-1:].islower()
        and feats[k - 1].words + feats[k].words >= BROKEN_PAIR_MIN_WORDS
    )


def _chrome_run(feats: Sequence[BlockFeatures], blocks: Sequence[Block], hi: int) -> bool:
    """Do blocks ``0..hi-1`` hold ``CHROME_RUN_LINES`` menu items or headlines in a row (a
    menu, a list of other stories)? An extraction's head (title, standfirst, byline, date,
    section headings between paragraphs, a quoted verse) alternates kinds of lines."""
    run = 0
    for k in range(hi):
        if _chrome_line(feats[k], blocks[k].text):
            run += 1
            if run >= CHROME_RUN_LINES:
                return True
        else:
            run = 0
    return False


def _from(found: list[Finding], start: int) -> list[Finding]:
    """The findings from offset ``start`` on."""
    return [finding for finding in found if finding.start >= start]


def _own_tail_end(page: Page, feats: Sequence[BlockFeatures], article: Article) -> int:
    """Where the article's own material ends (text mode): after the cluster itself, or after
    the last sentence about its subject that follows it. The cluster can end early in an
    extraction: a gallery's counters or a bulleted list part it from the rest (more steps,
    another product, a timeline). Such a tail is long next to the cluster, about its subject
    and holds no site menu; the tail of a whole page is menus, footers and other stories.
    (Asked only when the lines after the cluster are chrome to report, :func:`_layout`.)"""
    lo = article.last + 1
    tail = feats[lo:]
    if page.input_kind != "text":
        return lo
    if sum(map(_WORDS, tail)) <= TAIL_MIN_SHARE * article.words:
        return lo
    if _menu_run(tail) >= TAIL_MENU_RUN:
        return lo
    blocks = page.blocks
    # The tail's words looked up in the article (stops once the share is known): cheaper
    # than tokenizing the article.
    topic = _article_topic(page, feats, article.first, lo)
    theirs = [j for j in range(lo, len(feats)) if feats[j].sentence]
    if not topic.shares(union_tokens(blocks[j].text for j in theirs), TAIL_MIN_TOPIC):
        return lo
    for j in reversed(theirs):
        if topic.shares(content_tokens(blocks[j].text), TAIL_MIN_TOPIC):
            return j + 1
    return lo


def _menu_run(feats: Sequence[BlockFeatures]) -> int:
    """The longest run of menu-like lines (a few capitalised words, a URL) in ``feats``."""
    run = longest = 0
    for feat in feats:
        # ``line_cost(feat) == GAP_MENU_LINE`` inlined: this visits every line after the
        # article (a call and a ``max`` per line were most of its cost)
        if (
            not feat.sentence
            and feat.letters
            and not feat.list_item
            and (feat.urlish or (feat.words <= MENU_MAX_WORDS and feat.title_ratio >= 0.5))
        ):
            run += 1
            if run > longest:
                longest = run
        else:
            run = 0
    return longest


def _chrome_line(feat: BlockFeatures, text: str) -> bool:
    """A menu item (a few capitalised words, a URL; a short CJK line) or a headline (a few
    words, unterminated): not a sentence and not a bulleted or numbered item."""
    if feat.sentence or feat.list_item:
        return False
    if line_cost(feat) == GAP_MENU_LINE or _cjk_menu_item(feat, text):
        return True
    return (
        HEADLINE_MIN_WORDS <= feat.words <= HEADLINE_MAX_WORDS
        and not feat.terminal
        and not feat.urlish
    )


def _cjk_menu_item(feat: BlockFeatures, text: str) -> bool:
    """A short CJK line without hiragana: CJK menus have no capitals to tell them by (1-3
    words, i.e. up to about six characters, no sentence end); hiragana carry Japanese
    grammar, so a line with them is a phrase of text (a title, a line of a story)."""
    return (
        feat.cjk
        and feat.words <= MENU_MAX_WORDS
        and not feat.terminal
        and not _HIRAGANA.search(text)
    )


def _starts_with_article(feats: Sequence[BlockFeatures]) -> bool:
    """The first line is already a paragraph: the text was extracted, no chrome precedes it.

    A long first line that does not end like a sentence and is followed by a non-sentence
    line is the page's title ("Headline - Site name") above the site's menus, not a lead."""
    if not feats or not feats[0].prose or feats[0].words < LEAD_MIN_WORDS:
        return False
    return feats[0].terminal or len(feats) < 2 or feats[1].sentence


def page_has_chrome(page: Page) -> bool:
    """Is ``page`` a whole scraped page, site chrome around its article (the lines this
    detector reports), rather than text another extractor already cleaned? Other detectors
    ask before removing what an extractor keeps as article material (a credited caption)."""
    article = page_article(page)
    if article is None:
        return False
    layout = _layout(page, page_features(page), article)
    return layout.before or layout.after


class Layout(NamedTuple):
    """Where site chrome may sit around the page's article (see :func:`_layout`)."""

    article: Article  # the article it was worked out for
    before: bool  # chrome before the article (:func:`_chrome_before`)
    start: int  # the first block after the article that may be chrome: the one after the
    # cluster on a whole page (chrome ``before`` it), else after the article's own tail
    # (:func:`_own_tail_end`)
    after: bool  # ...and the blocks from there on are chrome (:func:`_substantial`)


def _layout(page: Page, feats: Sequence[BlockFeatures], article: Article) -> Layout:
    """The chrome before and after ``article``, memoised on the page: the detector and
    :func:`page_has_chrome` (asked by other detectors first) need the same answers."""
    layout = page.memo.get(LAYOUT_MEMO_KEY)
    if layout is None or layout.article is not article:
        before = _chrome_before_memo(page, feats, article.first)
        start = article.last + 1
        after = _substantial(feats, start, len(feats))
        if after and not before:  # maybe an extraction: the article's own tail stays
            start = _own_tail_end(page, feats, article)
            if start != article.last + 1:
                after = _substantial(feats, start, len(feats))
        layout = page.memo[LAYOUT_MEMO_KEY] = Layout(article, before, start, after)
    return layout


def _chrome_before_memo(page: Page, feats: Sequence[BlockFeatures], first: int) -> bool:
    """:func:`_chrome_before`, reusing the answer :func:`find_article` found for the same
    ``first`` block (it asks before cutting an off-topic tail)."""
    known = page.memo.get(CHROME_MEMO_KEY)
    if known is not None and first in known:
        return known[first]
    return _chrome_before(feats, page.blocks, first)


def page_article(page: Page) -> Article | None:
    """:func:`find_article` for ``page``, memoised on it (other detectors ask too)."""
    if MEMO_KEY not in page.memo:
        # In text mode clusters after the article are also asked about its topic (in HTML the
        # markup places the article).
        if page.input_kind == "text":
            # Only their content words are compared, which casefolding keeps: the texts the
            # page keeps casefolded serve (no list of every block's text to build).
            texts = _folded_texts(page) or [b.text for b in page.blocks]
            known: dict[int, bool] = {}
            article = find_article(page_features(page), texts, page.blocks, known)
            page.memo[MEMO_KEY], page.memo[CHROME_MEMO_KEY] = article, known
        else:
            page.memo[MEMO_KEY] = find_article(page_features(page))
    return page.memo[MEMO_KEY]


class Sentences(NamedTuple):
    """The page as the cluster search sees it: its sentence blocks only (ascending block
    indices), what each adds to a cluster (:func:`sentence_values`) and the toll of the run of
    non-sentence lines just before it (0.0 when it follows a sentence or starts the page).

    Built in one pass over the blocks; every cluster search after it visits sentences only,
    and most lines of a page (menus, link lists) are not sentences."""

    blocks: list[int]  # block indices
    value: list[float]
    toll: list[float]


def sentence_values(feats: Sequence[BlockFeatures]) -> Sentences:
    """What each sentence block adds to the article cluster, and what each gap of other lines
    costs a cluster that spans it (:func:`line_cost`, :func:`gap_cost`).

    Article paragraphs come in runs; a lone paragraph between non-sentence lines is the
    shape of a teaser (headline, blurb, headline, blurb...) and counts less."""
    index = [i for i, feat in enumerate(feats) if feat.sentence]
    value: list[float] = []
    toll: list[float] = []
    # Only the gaps *between* sentences are costed: the lines before the first and after the
    # last one (menus, footers: often most of the page) never count.
    sentences = set(index)
    prev = -1
    for i in index:
        feat = feats[i]
        weight = float(feat.words) if feat.prose else SENTENCE_WEIGHT * feat.words
        if i - 1 not in sentences and i + 1 not in sentences:  # a lone paragraph
            weight *= ISOLATED_WEIGHT
        value.append(weight)
        gap = i - prev - 1
        if gap and prev >= 0:
            cost = sum(map(line_cost, feats[prev + 1 : i]))
            introduced = feats[prev].introduces
            toll.append(gap_cost(cost, gap) * (GAP_INTRODUCED_FACTOR if introduced else 1.0))
        else:
            toll.append(0.0)
        prev = i
    return Sentences(index, value, toll)


def line_cost(feat: BlockFeatures) -> float:
    """What one non-sentence line costs the cluster that spans it."""
    if not feat.letters:
        return GAP_DATA_LINE
    if feat.list_item:
        return GAP_LIST_LINE
    if feat.urlish or (feat.words <= MENU_MAX_WORDS and feat.title_ratio >= 0.5):
        return GAP_MENU_LINE
    return GAP_LINE


def gap_cost(cost: float, lines: int) -> float:
    """Long runs cost more than their lines: menus and link lists are long runs."""
    return cost * (1.0 + lines / GAP_RUN_SCALE)


def find_article(
    feats: Sequence[BlockFeatures],
    texts: Sequence[str] | None = None,
    blocks: Sequence[Block] | None = None,
    chrome_before: dict[int, bool] | None = None,
) -> Article | None:
    """The densest run of prose, widened over rival runs nearly as heavy.

    When the page has two comparable clusters (an article split by a long chart or list, or
    an article followed by a long teaser list) we cannot tell which is the article, so we
    keep both and everything between: a missed removal is cheaper than a lost paragraph.
    Given the blocks' ``texts`` (text mode; casefolded or not, as only their content words
    count), a rival *after* the best run is kept only when it shares the article's topic:
    other stories appended to the page, a cookie notice or a comment thread are prose too,
    but about something else. Given the ``blocks`` too, an off-topic tail of the run is cut
    off (:func:`_without_off_topic_tail`). Given a ``chrome_before`` dict, the
    :func:`_chrome_before` answer asked for that is stored in it (keyed by the block it was
    asked for), for the detector to reuse."""
    sentences = sentence_values(feats)
    best = max_run(sentences, 0, len(feats))
    if best is None or best.words < MIN_ARTICLE_WORDS:
        return None
    first, last = best.first, best.last
    topic: _RivalTopics | None = None  # made for the first rival after the article
    for _ in range(MAX_RIVALS):
        left = max_run(sentences, 0, first)
        right = max_run(sentences, last + 1, len(feats))
        floor = min(RIVAL_RATIO * best.words, RIVAL_MIN_WORDS)
        rivals = [r for r in (left, right) if r and r.words >= floor]
        if texts is not None and rivals and rivals[-1] is right:
            # text mode: a rival after the article must share its topic
            topic = topic or _RivalTopics(sentences.blocks, texts)
            if not topic.same(right, first, last):
                rivals.pop()
        if not rivals:
            break
        first = min(first, *(r.first for r in rivals))
        last = max(last, *(r.last for r in rivals))
    if (
        blocks is not None
        and last == best.last
        and _substantial(feats, last + 1, len(feats))
        and _chrome_before_noted(feats, blocks, best.first, chrome_before)
    ):
        last = _without_off_topic_tail(sentences, feats, blocks, best.first, last)
    return Article(_with_head(feats, first), last, best.words)


def _chrome_before_noted(
    feats: Sequence[BlockFeatures],
    blocks: Sequence[Block],
    first: int,
    known: dict[int, bool] | None,
) -> bool:
    """:func:`_chrome_before`, the answer noted in ``known`` (when given)."""
    before = _chrome_before(feats, blocks, first)
    if known is not None:
        known[first] = before
    return before


def _without_off_topic_tail(
    sentences: Sentences,
    feats: Sequence[BlockFeatures],
    blocks: Sequence[Block],
    first: int,
    last: int,
) -> int:
    """The run's last block once an off-topic tail is cut off (text mode, a whole page: site
    chrome before the run as :func:`_chrome_before` sees it and after it, and no rival after
    it was kept).

    The densest run may carry on past the article's end over a short gap (a heading, a share
    bar) into prose about something else: an author's bio, a newsletter or donation appeal,
    a teaser of another story, a disclaimer. Such a tail (at most ``TAIL_MAX_SHARE`` of the
    run's weight, after a gap costing at least ``TAIL_MIN_TOLL``, opening with a paragraph)
    whose opening hardly shares the words of the article's text just before the gap is cut
    there (the longest such tail); the rest of an article after a subheading carries on with
    the words of the section before it. A tail opening with a line that is not running prose
    (a bibliography, a data list) is the article's own apparatus and stays.

    Only bounded samples of the blocks' casefolded keys are compared (``TAIL_SAMPLE_CHARS``
    of the tail, up to ``TAIL_CONTEXT_CHARS`` before it, as whitespace tokens): the cost does
    not grow with the article. CJK tails are left alone: Chinese and Japanese do not part
    words with spaces, and Korean attaches particles to them."""
    index, value, toll = sentences
    a, b = bisect_left(index, first), bisect_left(index, last + 1)
    stopwords = load_stopwords().words
    for k in _tail_cuts(value, toll, a, b)[-MAX_TAIL_CUTS:][::-1]:  # the longest tail first
        feat = feats[index[k]]
        if feat.cjk:
            return last
        if not feat.prose:
            continue
        sample = _joined((blocks[index[m]].key for m in range(k, b)), TAIL_SAMPLE_CHARS)
        tail = set(sample.split()) - stopwords
        if len(tail) < TAIL_MIN_WORDS:
            continue
        before = (blocks[index[m]].key for m in range(k - 1, a - 1, -1))  # nearest first
        if not _shared(tail, before):
            return index[k - 1]
    return last


def _shared(tail: set[str], before: Iterable[str]) -> bool:
    """Do the texts ``before`` a tail (nearest first, up to ``TAIL_CONTEXT_CHARS``) share at
    least ``TAIL_MAX_TOPIC`` of its words (whitespace tokens)? One C-level set update per
    text, stopping as soon as the share is reached (the rest of an article after a
    subheading reaches it within a few paragraphs)."""
    need = TAIL_MAX_TOPIC * len(tail)
    missing = set(tail)
    size = 0
    for text in before:
        missing.difference_update(text.split())
        if len(tail) - len(missing) >= need:
            return True
        size += len(text)
        if size >= TAIL_CONTEXT_CHARS:
            break
    return False


def _tail_cuts(value: list[float], toll: list[float], a: int, b: int) -> list[int]:
    """Sentence positions (in ``a+1..b-1``, latest first) after a gap costing at least
    ``TAIL_MIN_TOLL`` with at most ``TAIL_MAX_SHARE`` of the run's weight from there on."""
    limit = TAIL_MAX_SHARE * sum(value[a:b])
    weight = 0.0
    cuts = []
    for k in range(b - 1, a, -1):
        weight += value[k]
        if weight > limit:
            break
        if toll[k] >= TAIL_MIN_TOLL:
            cuts.append(k)
    return cuts


def _joined(texts: Iterable[str], chars: int) -> str:
    """The first ``chars`` or so characters of ``texts`` (whole lines, joined)."""
    out: list[str] = []
    size = 0
    for text in texts:
        out.append(text)
        size += len(text)
        if size >= chars:
            break
    return "\n".join(out)


class _RivalTopics:
    """Is a rival cluster after the article about what the article is about? Another story,
    a cookie notice or a comment thread after the article shares almost none of its content
    words (less than ``RIVAL_MIN_TOPIC`` of the rival's); the rest of an article split by a
    chart or a list shares many. Only sentence blocks count.

    The article's words are gathered nearest the rival first (from the article's end
    backwards, in chunks doubling in size) and only until the share is reached: a rival
    that carries on with the article shares it within its last paragraphs, and only one
    about something else makes the whole article read. The article only widens from one
    rival round to the next (a kept rival becomes its end), so what was gathered stays
    valid (a token never spans a line break: the words of pieces are those of the whole)
    and is not read again, nor is a rival asked about again: every sentence is tokenised
    at most once, however many rounds and however long the page."""

    FIRST_CHUNK = 32  # sentences read first (a whole article of normal size); then doubling

    def __init__(self, index: Sequence[int], texts: Sequence[str]) -> None:
        self._index, self._texts = index, texts  # sentence block indices, all block texts
        self._rivals: dict[tuple[int, int], set[str]] = {}  # by their sentence positions
        self._mine: set[str] = set()  # the words of the article's sentences read so far:
        self._read: list[tuple[int, int]] = []  # those at positions ``lo..hi-1`` in ``index``

    def same(self, rival: Article, first: int, last: int) -> bool:
        """Does ``rival`` (after the article) share the topic of the article (blocks
        ``first..last``)? ``overlap(theirs, mine) >= RIVAL_MIN_TOPIC`` for the words of the
        whole article, a share that only grows as more of it is read."""
        index = self._index
        span = bisect_left(index, rival.first), bisect_left(index, rival.last + 1)
        theirs = self._rivals.get(span)
        if theirs is None:
            theirs = self._rivals[span] = self._tokens(*span)
        if not theirs:  # an overlap of 0.0
            return False
        a, b = bisect_left(index, first), bisect_left(index, last + 1)
        self._cover(a, b)
        at, chunk = b, self.FIRST_CHUNK  # read sentences below ``at`` next
        while overlap(theirs, self._mine) < RIVAL_MIN_TOPIC:
            at, floor = self._unread_below(at, a)
            if at <= floor:
                return False
            lo = max(floor, at - chunk)
            self._add(lo, at, self._tokens(lo, at))
            at, chunk = lo, 2 * chunk
        return True

    def _cover(self, a: int, b: int) -> None:
        """Make what was read a part of the article (sentences ``a..b-1``): forget it if
        the article did not only widen; count in the rivals it took in (already read)."""
        if any(lo < a or hi > b for lo, hi in self._read):
            self._mine, self._read = set(), []
        for (lo, hi), words in self._rivals.items():
            if a <= lo < hi <= b and (lo, hi) not in self._read:
                self._add(lo, hi, words)

    def _add(self, lo: int, hi: int, words: set[str]) -> None:
        self._mine |= words
        self._read.append((lo, hi))

    def _unread_below(self, at: int, a: int) -> tuple[int, int]:
        """The end of the unread sentences just below ``at`` (skipping read ones), and where
        they start: after the nearest read span below, else at the article's start ``a``."""
        moved = True
        while moved:
            moved = False
            for lo, hi in self._read:
                if lo < at <= hi:
                    at, moved = lo, True
        floor = max((hi for _, hi in self._read if hi <= at), default=a)
        return at, max(floor, a)

    def _tokens(self, lo: int, hi: int) -> set[str]:
        """The content words of sentences ``lo..hi-1`` (positions in ``index``)."""
        index, texts = self._index, self._texts
        return union_tokens(texts[index[k]] for k in range(lo, hi))


def _with_head(feats: Sequence[BlockFeatures], first: int) -> int:
    """Move the start back over the article's head: a standfirst sentence separated from the
    body only by a byline, a date or a caption (at most ``HEAD_REACH`` short lines)."""
    for i in range(first - 1, max(-1, first - 2 - HEAD_REACH), -1):
        if feats[i].sentence or _standfirst_shaped(feats[i]):
            return i
    return first


def _standfirst_shaped(feat: BlockFeatures) -> bool:
    """A long line of running text that does not end like a sentence: standfirsts often
    lack the final full stop (a headline is shorter, a menu has no function words)."""
    return (
        feat.words >= STANDFIRST_MIN_WORDS
        and feat.stop_ratio >= STANDFIRST_MIN_STOP_RATIO
        and not feat.urlish
        and not feat.list_item
    )


def max_run(sentences: Sentences, lo: int, hi: int) -> Article | None:
    """Kadane over blocks ``lo..hi-1``: the maximum-sum run, visiting sentence blocks only
    (a gap's toll is paid when the run reaches the sentence after it; the gap before the
    range's first sentence never counts, as a run starts there). ``None`` when the range has
    no sentence at all."""
    index, value, toll = sentences
    a, b = bisect_left(index, lo), bisect_left(index, hi)
    if a == b:
        return None
    best_start = best_end = -1
    best_sum = 0.0
    run_start, run_sum = lo, 0.0
    for k in range(a, b):
        if k > a and toll[k]:
            run_sum -= toll[k]
        if run_sum <= 0:
            run_start, run_sum = index[k], 0.0
        run_sum += value[k]
        if best_start < 0 or run_sum > best_sum:
            best_start, best_end, best_sum = run_start, index[k], run_sum
    return Article(best_start, best_end, best_sum)


def _headline_lists(lo: int, shaped: Sequence[bool]) -> set[int]:
    """Indices of the headline-shaped lines (``shaped[k]`` tells about line ``lo + k``) with
    another one close by: within ``HEADLINE_NEIGHBOURS`` lines (the nearest one on either
    side decides)."""
    heads = [lo + k for k, is_head in enumerate(shaped) if is_head]
    return {
        i
        for k, i in enumerate(heads)
        if (k > 0 and i - heads[k - 1] <= HEADLINE_NEIGHBOURS)
        or (k + 1 < len(heads) and heads[k + 1] - i <= HEADLINE_NEIGHBOURS)
    }
