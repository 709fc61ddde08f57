"""Comment widgets: their headings ("Comments", "3 Comments", "Leave a Reply", "Kommentare",
"评论", "12 Responses to <title>"...) open a ``comments`` region; widget texts ("No comments
yet", "Powered by Disqus", "Your email address will not be published") are flagged line by
line, sentence-long moderation notices too.

Threads extracted without their heading are recognised by their author lines: a placeholder
author ("Anonymous", "Anonym", "匿名"...) on a line of its own, repeated in the page's tail,
opens the region like a heading would. A real name cannot be told from an interview's speaker
label, so only placeholder names count. So are their time stamps: two or more lines that are
a date with a time of day ("9. Dezember 2013 um 14:57", "March 11th, 2015 at 02:57 pm"),
optionally after the author's name, in the page's tail; the first one (with the short author
lines right above it) opens the region. Stamps before most of the prose (datelines, a news
ticker's entries) are left alone.

Extractors often keep a thread's comments and drop their headers. Replies still greet the
reader they answer ("Hallo Karl,", "Hi Roberta!") and sign off ("Liebe Grüße"): on text an
extractor already cleaned (no site chrome around the article), two or more different
greetings after the article's first part open the region like stamps do, the sign-offs after
the first one extend it. An article addresses its readers once, and a speech repeats one
address. Greetings and sign-offs are data per language (``data/comment_greetings``,
``data/comment_signoffs``).

Comment widgets that draw a reader's initial as the avatar leave it on a line of its own, above
the reader's name ("S" / "Sky" / <comment>): two or more such initial-and-name pairs, each
followed by a paragraph, are comment headers, and the paragraphs under them comments. (A
forum's user lines are followed by a rank, an index of initials by its entries: no
paragraphs.) They flag those lines only, as a thread an extractor moved up the page may sit
above the article.

A thread's house rules are a list: when two or more items of one bulleted run ("- We welcome
reader comments ...", "- Comments are moderated ...") are notices the phrase lists know, the
whole run is the rules, items in words no list holds ("- Please do not write in block
capitals ...") included. An article's own list does not quote two moderation notices.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import ClassVar, Iterable, Iterator, Sequence

from ..kinds import Kind
from ..page import Page
from ..spans import Finding, Scope
from ..text.blocks import Block, unspaced_words
from .ads import (
    CTA_MAX_WORDS,
    CTA_MIN_PHRASE_WORDS,
    PHRASE_GROUP,
    contains_in_sentence,
    sentence_lines,
    sentence_long,
)
from .duplicates import block_keys
from .marker_regions import (
    COMMENTS_MIN_PROSE_SHARE_BEFORE,
    MIN_PROSE_SHARE_BEFORE,
    RegionCheckedPhraseDetector,
    region_plausible,
)
from .page_structure import page_has_chrome
from .phrase_detector import (
    PhraseDetector,
    digit_blocks,
    joined_keys,
    phrase_candidates,
    scanned_blocks,
)
from .phrases import Phrase, PhraseTable, load_table
from .registry import register_detector

# Sentence-long notices ("Comments are moderated and ...") all name the thread, or the
# comment form's e-mail field ("Your email address will not be published. Required fields
# ..."): a cheap gate before the [contains] search on long lines.
_THREAD_WORD = re.compile(
    r"comment|kommentar|koment|coment|comentá|reactie|reakcj|коммент|opinar|评论|評論|留言|"
    r"コメント|댓글|yorum|mail|メール|메일"
)
# Placeholder names comment systems print for readers who gave none.
ANONYMOUS_AUTHORS = frozenset(
    {
        "anonymous",
        "anonymous user",
        "guest",
        "anonym",
        "anonymer nutzer",
        "gast",
        "anonyme",
        "invité",
        "anónimo",
        "anonimo",
        "anônimo",
        "anoniem",
        "anonim",
        "gość",
        "аноним",
        "анонимно",
        "гость",
        "匿名",
        "匿名用户",
        "匿名用戶",
        "訪客",
        "访客",
        "名無し",
        "名無しさん",
        "익명",
        "anonymní",
    }
)
MIN_AUTHOR_REPEATS = 2  # one "Anonymous" line may be an article's attribution; a thread repeats it
AUTHOR_SCORE = 0.8
# "12 Kommentare" is a [count] line; "3 Comments" a marker whose key lost its digits.
COUNTED_REASONS = frozenset({"comments.count", "comments.marker"})
# A date (numeric, "<day>. <month> <year>" or "<month> <day>, <year>") and a time of day, the
# whole line (an optional name before it): a comment header. Not a bare time ("10:32", a
# ticker entry) and not a sentence.
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}\.?\s+[^\W\d_]{3,10}\.?\s+\d{4}"
    r"|[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}[./]\d{1,2}[./]\d{1,2}\.?"  # year first: "2022.03.12", "2022/03/12"
    r"|\d{4}\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일])"  # "2022年3月12日", "2022년 3월 12일"
)
_CONNECTOR = r"(?:\s*(?:,|-|–|—|\||at|um|à|a las|alle|às|om|o|в|pukul)\s*|\s+)"
_TIME = r"\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h))?"
_STAMP = re.compile(rf"^(?:[^\W\d][^:\n]{{0,40}}?\s*)?{_DATE}{_CONNECTOR}{_TIME}\W{{0,3}}$", re.I)
# An article's own dateline ("Updated March 3, 2020 at 10:00") is not a comment header.
_DATELINE = re.compile(
    r"^(?:posted|published|updated|last updated|by|veröffentlicht|aktualisiert|stand|von|"
    r"publié|mis à jour|par|publicado|actualizado|por|pubblicato|aggiornato|"
    r"gepubliceerd|bijgewerkt|opublikowano|zaktualizowano|опубликовано|обновлено|"
    r"diterbitkan|diperbarui|dipublikasikan|입력|수정|등록|승인|기사입력|최종수정|"
    r"配信|更新|公開|投稿日|发布|发布时间|更新时间)\b",
    re.I,
)
# Cheap gate on the line's last characters before the full pattern (most lines fail here).
_ENDS_WITH_TIME = re.compile(r"\d[:.h]\d\d(?:\s*(?:[ap]\.?m\.?|uhr|h))?\W{0,3}$", re.I)
TIME_TAIL_CHARS = 16
_SENTENCE_END = re.compile(r"[^\W\d]{3,}[.!?]\s")  # "Preis kann höher sein. Preis vom <stamp>"
STAMP_MAX_WORDS = 10
MIN_STAMPS = 2
HEADER_MAX_WORDS = 4  # short lines right above the first stamp: "Kommentar von Mareike", "1"
HEADER_LOOKBACK = 2
STAMP_SCORE = 0.75
THREAD_SCORE = 0.7
# Greetings and sign-offs of replies (see the module docstring): lines of a few words.
SALUTATION_MAX_WORDS = 4  # "Hallo Herr Habermeyer,", "Liebe Grüße Sabine"
MIN_GREETINGS = 2  # different greetings (keys)
GREETING_ENDS = frozenset(
    ",!"
)  # "Hallo Karl," / "Hi!", not a title ("Hey Jude", "Dear Evan Hansen")
SALUTATION_SCORE = 0.75
# House rules (see the module docstring): notices in one bulleted run, at least this many.
NOTICE_REASONS = frozenset({"comments.contains", "comments.line"})
MIN_RULE_NOTICES = 2
RULE_BULLETS = frozenset("-–—•*·▪►")
RULES_SCORE = 0.7
# Avatar initials (see the module docstring): a name of a few words under the initial, then
# a comment of at least this many words; this many pairs at least.
AVATAR_NAME_MAX_WORDS = 4
AVATAR_COMMENT_MIN_WORDS = 10
MIN_AVATARS = 2
AVATAR_SCORE = 0.75
_ONE_LETTER_KEY = re.compile(r"\n[^\W\d_]\n")  # in "\n"-joined line keys (not the last)
_ONE_CHAR_KEY = re.compile(r"\n.\n")  # the same, any character: the page-level gate


_phrase_match = PhraseDetector.match  # no ``super()`` proxy per line: match runs on every line
PACKAGE = "cleannews.detectors"  # where the greeting and sign-off tables live (``data/``)


@register_detector
class CommentsDetector(RegionCheckedPhraseDetector):
    name: ClassVar[str] = "comments"
    kind: ClassVar[Kind] = Kind.COMMENTS
    kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.COMMENTS})

    languages: ClassVar[frozenset[str]] = frozenset(
        {"cs", "de", "en", "es", "fr", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru", "tr", "zh"}
    )

    min_prose_share_before: ClassVar[float] = COMMENTS_MIN_PROSE_SHARE_BEFORE
    scan_group = PHRASE_GROUP
    scan_group_words = CTA_MAX_WORDS

    def detect(self, page: Page) -> Iterator[Finding]:
        flagged = set()
        notices: list[int] = []
        for finding in super().detect(page):
            flagged.add(finding.start)
            if finding.reason in NOTICE_REASONS:
                notices.append(finding.start)
            yield self._count_heading(page, finding)
        if len(notices) >= MIN_RULE_NOTICES:
            yield from self._house_rule_findings(page, notices, flagged)
        yield from self._avatar_findings(page, flagged)
        headers: list[Finding] = []
        for block in _anonymous_authors(page):
            if block.start not in flagged:
                flagged.add(block.start)
                headers.append(self._author_finding(page, block))
        yield from self._between(page, headers, flagged)
        stamps = list(self._stamp_findings(page))
        for finding in stamps:
            # A header a phrase already flagged ("X wrote on <date>:") may still open the thread.
            if finding.start not in flagged or finding.scope is Scope.REGION:
                flagged.add(finding.start)
                yield finding
        yield from self._between(page, stamps, flagged)
        # Text an extractor already cleaned (no chrome) keeps threads without their headers.
        if page.input_kind == "text" and not page_has_chrome(page):
            salutations = [f for f in self._salutation_findings(page) if f.start not in flagged]
            flagged.update(f.start for f in salutations)
            yield from self._between(page, salutations, flagged)

    def _avatar_findings(self, page: Page, flagged: set[int]) -> Iterator[Finding]:
        """Initial, name and comment of each avatar header (see the module docstring)."""
        return self._new_line_findings(
            avatar_comments(page),
            flagged,
            AVATAR_SCORE,
            "comments.avatar",
            "under a reader's avatar initial and name, one of several",
        )

    def _house_rule_findings(
        self, page: Page, notices: list[int], flagged: set[int]
    ) -> Iterator[Finding]:
        return self._new_line_findings(
            house_rules(page, notices),
            flagged,
            RULES_SCORE,
            "comments.house-rules",
            "an item of a bulleted list holding two or more comment notices",
        )

    def _new_line_findings(
        self,
        blocks: Iterable[Block],
        flagged: set[int],
        score: float,
        reason: str,
        explanation: str,
    ) -> Iterator[Finding]:
        """A comments finding for each of ``blocks`` no finding flagged yet (``flagged``: the
        starts of the lines flagged so far, updated)."""
        for block in blocks:
            if block.start not in flagged:
                flagged.add(block.start)
                yield self.finding(
                    block, Kind.COMMENTS, score, reason=reason, explanation=explanation
                )

    def _between(self, page: Page, headers: list[Finding], flagged: set[int]) -> Iterator[Finding]:
        """The headers, and every line between the first opening one and the last: the thread's
        comments. (A region alone would end at the first three-paragraph comment.)"""
        yield from headers
        opened = [f for f in headers if f.scope is Scope.REGION]
        if not opened:
            return
        first = page.block_at(opened[0].start)
        last = page.block_at(headers[-1].start)
        if first is None or last is None:
            return
        for block in page.blocks[first.index + 1 : last.index]:
            if block.start not in flagged:
                yield self.finding(
                    block,
                    Kind.COMMENTS,
                    THREAD_SCORE,
                    reason="comments.in-thread",
                    explanation="between the first and the last comment header of a thread",
                )

    def candidates(self, page: Page, table: PhraseTable) -> Sequence[Block]:
        if type(self).match is not CommentsDetector.match:
            return page.blocks  # a subclass's own ``match``: every block
        group = self.group(table)
        # The lines ``match`` tries ``contains_in_sentence`` on (below), gated the same way.
        extra = [
            b
            for b in sentence_lines(page, table, self.max_words, group)
            if _THREAD_WORD.search(b.key)
        ]
        return phrase_candidates(page, table, self.max_words, extra, group)

    def match(self, table: PhraseTable, block: Block) -> Phrase | None:
        found = _phrase_match(self, table, block)
        if (
            found is None
            and sentence_long(block, self.max_words)
            and _THREAD_WORD.search(block.key)
        ):
            found = contains_in_sentence(table, block) or _unspaced_in_sentence(table, block)
        return found

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        # "Thoughts on the budget" may be the article's own subheading; "13 Thoughts on
        # <title>" is a thread heading: heading prefixes need the count in front.
        return phrase.section != "marker-prefix" or block.text[:1].isdigit()

    def checks_following(self, block: Block, phrase: Phrase) -> bool:
        # A comment thread is prose, so "Comments" may be followed by paragraphs; a bare count
        # ("11 Comments") is more often the counter under a byline, above the article, while
        # "12 Responses to <title>" only ever heads a thread.
        return block.text[:1].isdigit() and phrase.section != "marker-prefix"

    def _count_heading(self, page: Page, finding: Finding) -> Finding:
        """A bare count ("12 Kommentare") under a byline counts the thread; after most of the
        article's prose it heads the thread (trafilatura prints it so), so it opens a region."""
        if finding.scope is Scope.REGION or finding.reason not in COUNTED_REASONS:
            return finding
        block = page.block_at(finding.start)
        if (
            block is None
            or not block.text[:1].isdigit()
            or not region_plausible(page, block.index, MIN_PROSE_SHARE_BEFORE, False)
        ):
            return finding
        note = "; after most of the article, so it heads the thread"
        return dataclasses.replace(
            finding,
            scope=Scope.REGION,
            region_kind=Kind.COMMENTS,
            explanation=finding.explanation + note,
        )

    def _author_finding(self, page: Page, block: Block) -> Finding:
        plausible = region_plausible(page, block.index, self.min_prose_share_before, False)
        return self.finding(
            block,
            Kind.COMMENTS,
            AUTHOR_SCORE,
            reason="comments.anonymous-author",
            explanation=f"placeholder comment author {block.text!r}, repeated on the page",
            scope=Scope.REGION if plausible else Scope.BLOCK,
            region_kind=Kind.COMMENTS if plausible else None,
        )

    def _stamp_findings(self, page: Page) -> Iterator[Finding]:
        """Time stamps after most of the article (datelines above it are not comments)."""
        stamps = [
            b
            # A stamp is short and holds digits (lines the phrase search listed already).
            for b in digit_blocks(page, max(STAMP_MAX_WORDS, self.max_words))
            if b.words <= STAMP_MAX_WORDS
            and _ENDS_WITH_TIME.search(b.text[-TIME_TAIL_CHARS:])
            and _STAMP.match(b.text)
            and not _DATELINE.match(b.text)
            and not _SENTENCE_END.search(b.text)
            and region_plausible(page, b.index, MIN_PROSE_SHARE_BEFORE, False)
        ]
        if len(stamps) < MIN_STAMPS:
            return
        depth = min(_header_depth(page, stamps[0]), _header_depth(page, stamps[1]))
        first = stamps[0]
        if depth:
            yield self._stamp_finding(page.blocks[first.index - depth], region=True, header=True)
        for block in stamps:
            yield self._stamp_finding(block, region=block is first and not depth)

    def _salutation_findings(self, page: Page) -> list[Finding]:
        """Greetings after the article's start (two different ones at least), then the
        sign-offs after the first one; the first greeting opens the region."""
        greetings = [
            b
            for b in _salutation_lines(page, "comment_greetings", self.scan_group_words)
            if _ends_like_greeting(b.text) and not _is_signoff(b)
        ]
        share = self.min_prose_share_before  # a thread may be longer than the article
        greetings = [b for b in greetings if region_plausible(page, b.index, share, False)]
        if len({b.key for b in greetings}) < MIN_GREETINGS:
            return []
        first = greetings[0]
        signoffs = [
            b
            for b in _salutation_lines(page, "comment_signoffs", self.scan_group_words)
            if b.index > first.index
        ]
        blocks = sorted([*greetings, *signoffs], key=lambda b: b.index)
        return [
            self.finding(
                block,
                Kind.COMMENTS,
                SALUTATION_SCORE,
                reason="comments.salutation",
                explanation="a reader's greeting or sign-off, one of several after the article",
                scope=Scope.REGION if block is first else Scope.BLOCK,
                region_kind=Kind.COMMENTS if block is first else None,
            )
            for block in blocks
        ]

    def _stamp_finding(self, block: Block, region: bool, header: bool = False) -> Finding:
        what = (
            "the author line above a comment's time stamp" if header else "a comment's time stamp"
        )
        return self.finding(
            block,
            Kind.COMMENTS,
            STAMP_SCORE,
            reason="comments.header" if header else "comments.stamp",
            explanation=f"{what}, one of several date-and-time lines after the article",
            scope=Scope.REGION if region else Scope.BLOCK,
            region_kind=Kind.COMMENTS if region else None,
        )


def avatar_comments(page: Page) -> list[Block]:
    """Initial, name and comment lines of each avatar header, when there are
    :data:`MIN_AVATARS` or more (see the module docstring)."""
    # Most pages have no one-letter line: a gate without the letter test (a class test per
    # line break costs the regex engine more than the scan itself) answers that first.
    if _ONE_CHAR_KEY.search(joined_keys(page, CTA_MAX_WORDS)) is None:
        return []
    blocks = page.blocks
    found: list[Block] = []
    # Cheap: one search over the short lines' joined keys (memoised) finds one-letter lines.
    for block in scanned_blocks(page, CTA_MAX_WORDS, _ONE_LETTER_KEY):
        text = block.text
        if len(text) != 1 or not text.isalpha() or block.index + 2 >= len(blocks):
            continue
        name, comment = blocks[block.index + 1], blocks[block.index + 2]
        if (
            name.text[:1].casefold() == text.casefold()
            and len(name.text) > 1
            and name.words <= AVATAR_NAME_MAX_WORDS
            and not name.terminal
            and comment.words >= AVATAR_COMMENT_MIN_WORDS
        ):
            found += (block, name, comment)
    return found if len(found) >= 3 * MIN_AVATARS else []


def house_rules(page: Page, notices: list[int]) -> list[Block]:
    """The items of each bulleted run holding :data:`MIN_RULE_NOTICES` or more of the notice
    lines starting at ``notices`` (see the module docstring)."""
    blocks = page.blocks
    noticed = set(notices)
    found: list[Block] = []
    done = -1
    for start in notices:
        block = page.block_at(start)
        bullet = None if block is None or block.index <= done else _bullet(block)
        if block is None or bullet is None:
            continue
        first = last = block.index
        while first > 0 and _bullet(blocks[first - 1]) == bullet:
            first -= 1
        while last + 1 < len(blocks) and _bullet(blocks[last + 1]) == bullet:
            last += 1
        done = last
        run = blocks[first : last + 1]
        if sum(b.start in noticed for b in run) >= MIN_RULE_NOTICES:
            found += run
    return found


def _bullet(block: Block) -> str | None:
    """The bullet character a list item starts with ("- ", "• "), or None."""
    text = block.text
    return text[0] if len(text) > 2 and text[0] in RULE_BULLETS and text[1] == " " else None


def _unspaced_in_sentence(table: PhraseTable, block: Block) -> Phrase | None:
    """A [contains] phrase of an unspaced script ("コメントは個人の見解") in a sentence-long
    line: ``contains_in_sentence`` counts a phrase's words by its spaces, so here they are
    counted by characters, as the line's are."""
    if table.contains is None:
        return None
    for hit in table.contains.finditer(block.key):
        phrase = hit.group(0)
        if " " not in phrase and unspaced_words(phrase, 1) >= CTA_MIN_PHRASE_WORDS:
            return table.by_text[("contains", phrase)]
    return None


def _header_depth(page: Page, stamp: Block) -> int:
    """Short lines right above a stamp ("Kommentar von Mareike", "3"): its comment's header."""
    depth = 0
    while depth < HEADER_LOOKBACK and stamp.index - depth - 1 >= 0:
        above = page.blocks[stamp.index - depth - 1]
        if above.words > HEADER_MAX_WORDS or above.terminal or not _is_header(above.text):
            break
        depth += 1
    return depth


def _is_header(text: str) -> bool:
    """A comment number ("3") or a name line without figures ("Kommentar von Mareike"), not
    a label ("Termine:") or a price ("70,99 €")."""
    return text.isdigit() or (":" not in text and not any(c.isdigit() for c in text))


def _salutation_lines(page: Page, kind: str, scan_words: int) -> list[Block]:
    """The lines of at most ``SALUTATION_MAX_WORDS`` words starting with a phrase of the
    ``data/<kind>`` table: one scan of the lines of at most ``scan_words`` words, whose joined
    keys the phrase group's scans have already built."""
    scan = load_table(PACKAGE, kind).prefix_scan
    if scan is None:
        return []
    lines = scanned_blocks(page, scan_words, scan)
    return [b for b in lines if b.words <= SALUTATION_MAX_WORDS]


def _is_signoff(block: Block) -> bool:
    """ "Liebe Grüße," starts like a greeting ("Liebe Karo,") but closes a comment."""
    prefix = load_table(PACKAGE, "comment_signoffs").prefix
    return prefix is not None and prefix.match(block.key) is not None


def _ends_like_greeting(text: str) -> bool:
    """A comma or "!" at the end, after any emoticon ("Hallo Karl,", "Hi !", "Hey Sana! :)")."""
    end = len(text)
    while end and not text[end - 1].isalnum() and text[end - 1] not in GREETING_ENDS:
        end -= 1
    return end > 0 and text[end - 1] in GREETING_ENDS


def _anonymous_authors(page: Page) -> list[Block]:
    # One set test over the page's keys (shared with duplicates) first: most pages have none.
    if ANONYMOUS_AUTHORS.isdisjoint(block_keys(page)):
        return []
    found = [b for b in page.blocks if b.words <= 3 and b.key in ANONYMOUS_AUTHORS]
    if not found:
        return []
    counts = Counter(b.key for b in found)
    return [b for b in found if counts[b.key] >= MIN_AUTHOR_REPEATS]
