"""Per-block features shared by the statistical detectors, computed once per page.

The features are jusText-like: how long a block is (CJK-aware), how dense its function words
are, whether it ends like a sentence, how much of it looks like a URL, how many of its words
are capitalised. :func:`page_features` memoises them on the page (``Page.memo``) so that every
detector that asks pays for them once; the memo lives and dies with the page, so the
detectors stay stateless, thread-safe and picklable.

Function words come from ``detectors/data/page_structure/<lang>.txt``; all languages are
used together (a union), so the features do not depend on language identification.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import compress, repeat
from operator import itemgetter, not_
from typing import NamedTuple

from ..page import COLUMNS_MEMO, FOLDED_MEMO, Page
from .blocks import Block, LineColumns

STOPWORD_PACKAGE = "cleannews.detectors"
STOPWORD_FOLDER = ("data", "page_structure")
MEMO_KEY = "text.features"
CJK_CHARS_PER_WORD = 2  # a CJK "word" is about two characters
PROSE_MIN_WORDS = 10  # shorter blocks are never prose on their own...
PROSE_MIN_STOP_RATIO = 0.2  # ...and longer ones need this share of function words...
PROSE_STOP_RATIO_UNTERMINATED = 0.3  # ...or this much when they do not end like a sentence
PROSE_MIN_WORDS_UNTERMINATED = 20  # ...and then this length (headlines are 6-15 words)
PROSE_MIN_CJK_PARTICLES = 0.04  # CJK: share of particle characters in running prose
SENTENCE_MIN_WORDS = 4  # a short terminal line ("Improve the offline experience.")
TITLE_RATIO_MAX_WORDS = 6  # capitalisation tells menus and headlines apart; long lines skip it
RATIO_BATCH = 64  # texts whose function words are counted together (see ``_word_ratios``)

_CJK_CHARS = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK = re.compile(f"[{_CJK_CHARS}]")
# Runs of them: ``_cjk_count`` sums run lengths (one match object per run, not per character).
_CJK_RUN = re.compile(f"[{_CJK_CHARS}]+")
# Bounded tag bodies keep long lines linear; both searches are cheap scans.
_MARKUP = re.compile(r"</?[a-zA-Z][^<>]{0,200}>|[=&]\w+=")
_URL = re.compile(r"://|www\.|\.(?:com|org|net|html?|php|jpe?g|png|gif)\b")
# ``_URL`` but "://" (a plain substring test finds it faster), every alternative starting at
# a dot ("www." as a dot after "www"): the engine only stops at the dots, and a dotted text is
# scanned once rather than once more for "www.".
_URL_DOT = re.compile(r"\.(?:(?<=www\.)|(?:com|org|net|html?|php|jpe?g|png|gif)\b)")
_LIST_MARK = re.compile(r"(?:[-–—•·*+▪►✓✔]|\(?(?:\d{1,3}|[a-zA-Z])[.)])\s")
_INTRODUCERS = (":", "：")  # a block ending with one introduces what follows
_WORD = re.compile(r"\w+(?:['’]\w+)?")
# Fast path for counting ``_WORD`` tokens, on UTF-8 bytes (no regex engine, cheap tokens):
# every ASCII non-word byte but the apostrophe becomes a space, so whitespace splitting yields
# word runs, possibly joined by apostrophes. Bytes >= 0x80 stay word bytes, so the text must
# not hold a non-ASCII non-word character: they become spaces first, and "’" an apostrophe
# (as ``_WORD`` reads it; no function word has one). See ``_word_bytes``.
_WORD_BYTES = bytes(
    c if c >= 128 or chr(c).isalnum() or chr(c) in "_'" else 32 for c in range(256)
)  # fmt: skip
# In a translated text: an apostrophe that starts or ends a word run, or a second one in a run
# (all alternatives start with the apostrophe, so the engine looks for it with a fast scan).
_ODD_APOSTROPHE = re.compile(rb"'(?:(?<![^ ]')|[ ]|$|[^ ']*')")
# The same for the texts of a page translated together, one per line (see ``_word_ratios``):
# a line break bounds runs as a space does, and the translation keeps it.
_LINE_WORD_BYTES = _WORD_BYTES[:10] + b"\n" + _WORD_BYTES[11:]
_ODD_APOSTROPHE_LINE = re.compile(rb"'(?:(?<![^ \n]')|[ \n]|$|[^ \n']*')")
# ``_WORD`` on a translated text (word bytes are all but spaces and apostrophes)
_BYTE_WORD = re.compile(rb"[^ ']+(?:'[^ ']+)?")
_AS_APOSTROPHE = "’"
# The commonest non-ASCII non-word characters (typographic quotes, dashes), replaced first
_AS_SPACE = tuple(ch for ch in "“”‘–—…«»\u00a0" if not (ch.isalnum() or ch == "_"))
_NON_ASCII_NON_WORD = re.compile(r"[^\x00-\x7f\w]")
_ASCII_BYTES = bytes(range(128))  # deleted from UTF-8, they leave the non-ASCII characters


class BlockFeatures(NamedTuple):
    """What the statistical detectors know about one block.

    A named tuple rather than a frozen dataclass: one is built per block of every page, and
    tuple construction is several times cheaper (immutable and picklable all the same)."""

    words: int  # whitespace tokens, CJK text counted as characters / 2
    stop_ratio: float  # function words / tokens (CJK: particles / CJK characters); 0.0 when
    # the block cannot be prose anyway (too short, markup, or unterminated and under
    # PROSE_MIN_WORDS_UNTERMINATED words): only ``prose`` reads it
    terminal: bool  # ends like a sentence
    urlish: bool  # contains a URL, domain or file name, a query string or a markup tag
    title_ratio: float  # share of words that start upper-case (short lines only, else 0.0)
    cjk: bool  # mostly CJK characters
    letters: bool  # has at least one letter (not just figures and symbols)
    list_item: bool  # starts with a bullet or an item number ("- ", "• ", "3. ", "b) ")
    introduces: bool  # ends with a colon: what follows (a list, a quote) belongs to it
    prose: bool  # a paragraph of running text
    sentence: bool  # at least a short sentence (prose, or a terminal line of a few words)


# ``BlockFeatures(...)`` without the generated ``__new__`` frame (one per block of every page).
_new_features = tuple.__new__
_FIRST = itemgetter(slice(0, 1))  # a text's first character ("" for an empty text)


@dataclass(frozen=True, slots=True)
class Stopwords:
    words: frozenset[str]
    particles: frozenset[str]  # single CJK characters
    encoded: frozenset[bytes] = frozenset()  # ``words`` in UTF-8 for :func:`_byte_counts`
    # (empty: that fast path is off)
    # A class of the ``particles``: counting its matches beats testing every character of a
    # CJK line (``None``: count by testing)
    particle_class: re.Pattern[str] | None = None


@cache
def load_stopwords() -> Stopwords:
    """Union of every shipped function-word list (cached, read-only)."""
    folder = resources.files(STOPWORD_PACKAGE).joinpath(*STOPWORD_FOLDER)
    words: set[str] = set()
    for entry in folder.iterdir():
        if entry.name.endswith(".txt"):
            text = entry.read_text("utf-8")
            words.update(w.strip() for w in text.splitlines() if w.strip() and w[0] != "#")
    particles = frozenset(w for w in words if len(w) == 1 and _CJK.match(w))
    folded = frozenset(w.casefold() for w in words)
    # The byte split reads "’" as "'": exact only while no function word holds an apostrophe.
    plain = not any("'" in w or _AS_APOSTROPHE in w for w in folded)
    encoded = frozenset(w.encode("utf-8", "replace") for w in folded) if plain else frozenset()
    particle_class = re.compile(f"[{re.escape(''.join(sorted(particles)))}]") if particles else None
    return Stopwords(folded, particles, encoded, particle_class)


def page_features(page: Page) -> tuple[BlockFeatures, ...]:
    """Features of every block of ``page``, in block order (memoised on the page)."""
    found = page.memo.get(MEMO_KEY)
    if found is None:
        folded = page.memo.get(FOLDED_MEMO)  # the texts were casefolded when split
        if folded is not None and len(folded) != len(page.blocks):
            folded = None
        # A text page's blocks are its source's lines, so the source can stand in for their
        # texts in the page-wide gates, without joining them again (not so in HTML, where the
        # source is the markup).
        whole = page.source if folded is not None and page.input_kind == "text" else None
        # Consumed here (the only reader): not kept alive, and traversed by the garbage
        # collector, for the rest of the page's life.
        lines = page.memo.pop(COLUMNS_MEMO, None)
        if lines is not None and len(lines.texts) != len(page.blocks):
            lines = None
        stop = load_stopwords()
        found = page.memo[MEMO_KEY] = _features_of(page.blocks, folded, stop, whole, lines)
    return found


def _features_of(
    blocks: tuple[Block, ...],
    folded: list[str] | None,
    stop: Stopwords,
    whole: str | None = None,
    lines: LineColumns | None = None,
) -> tuple[BlockFeatures, ...]:
    """``block_features`` of every block, field by field over the page (as ``blocks_of_lines``
    builds the blocks): each field is one comprehension or C-level ``map`` over all texts, with
    page-wide gates, rather than a Python call per block building every field; only the blocks
    that can be prose count their function words."""
    # The blocks' texts, word counts and terminal flags: as split (``lines``, read only),
    # or gathered by comprehensions, not ``map(attrgetter(...))``: a slot read in a
    # comprehension is a specialised instruction, twice as fast as attrgetter's lookup.
    if lines is not None:
        texts, counts, terminal = lines.texts, lines.words, lines.terminal
    else:
        texts = [b.text for b in blocks]
        counts = [b.words for b in blocks]
        terminal = [b.terminal for b in blocks]
    # For the page-wide gates (no CJK, no markup): a text that ``whole`` holds all the texts
    # of (the gates only skip per-text tests, so more text than the blocks' is harmless).
    page = "\n".join(texts) if whole is None else whole
    none = [False] * len(texts)
    cjk_chars, cjk, words = [0] * len(texts), none, counts
    # Only a text of more than two UTF-8 bytes a character can be mostly CJK (see
    # ``_cannot_be_cjk``); most pages, even non-ASCII ones, have none.
    # (``_cannot_be_cjk`` inlined: a call per text of a non-ASCII page cost more than the test.)
    wide = (
        []
        if page.isascii()
        else [i for i, t in enumerate(texts) if not t.isascii() and len(t.encode()) > 2 * len(t)]
    )
    if wide:
        cjk, words = none.copy(), counts.copy()
        for i in wide:
            c = cjk_chars[i] = _cjk_count(texts[i])
            if c * 2 > len(texts[i]):
                cjk[i] = True
                words[i] = max(counts[i], c // CJK_CHARS_PER_WORD)
    markup = none
    if "<" in page or "=" in page:
        markup = [("<" in t or "=" in t) and _MARKUP.search(t) is not None for t in texts]
    # Every URL pattern but "://" needs a dot: dotless lines (menus, headings) skip the search
    # (``_is_url_like``, inlined: no call per dotted line). A one-character test (``memchr``)
    # also gates "://": a longer needle costs a slower search setup on every text.
    dotted = _URL_DOT.search
    urlish = [
        m or (":" in t and "://" in t) or ("." in t and dotted(t) is not None)
        for m, t in zip(markup, texts, strict=True)
    ]
    ratio = [0.0] * len(texts)
    counted = [
        i
        for i in [i for i, n in enumerate(words) if n >= PROSE_MIN_WORDS]
        if _can_be_prose(words[i], terminal[i], cjk[i], markup[i])
    ]
    # Function words of all the counted texts but the CJK ones in one pass over the page (the
    # per-text steps cost more than the counting); CJK particles text by text.
    spaced = [i for i in counted if not cjk[i]] if wide else counted
    if folded is None:
        spaced_folded = [texts[i].casefold() for i in spaced]
    else:
        spaced_folded = [folded[i] for i in spaced]
    for i, r in zip(spaced, _word_ratios(spaced_folded, stop), strict=True):
        ratio[i] = r
    for i in [i for i in counted if cjk[i]] if wide else ():
        ratio[i] = _stop_ratio(texts[i], True, cjk_chars[i], stop)
    prose = none.copy()
    for i in counted:
        prose[i] = _is_prose(words[i], ratio[i], terminal[i], cjk[i])
    sentence = [
        p or (t and n >= SENTENCE_MIN_WORDS and not m)
        for p, t, n, m in zip(prose, terminal, words, markup, strict=True)
    ]
    title = _title_ratios(texts, counts)
    letters = list(map(str.isalpha, map(_FIRST, texts)))  # see ``_has_letter``
    # A list mark that starts with a letter is an ASCII letter then "." or ")" ("b) "): a
    # text starting with a letter followed by anything else (most texts) cannot match, and
    # only the others meet the regex. (Read before ``letters`` is completed below.)
    match = _LIST_MARK.match
    list_item = [
        (not initial or t[1:2] in ".)") and match(t) is not None
        for initial, t in zip(letters, texts, strict=True)
    ]
    for i in compress(range(len(texts)), map(not_, letters)):
        letters[i] = blocks[i].key != "" and _any_letter(texts[i])
    introduces = list(map(str.endswith, texts, repeat(_INTRODUCERS)))
    columns = (
        words,
        ratio,
        terminal,
        urlish,
        title,
        cjk,
        letters,
        list_item,
        introduces,
        prose,
        sentence,
    )  # in ``BlockFeatures`` order
    return tuple(map(_new_features, repeat(BlockFeatures), zip(*columns, strict=True)))


def _title_ratios(texts: list[str], counts: list[int]) -> list[float]:
    """``_title_ratio`` of each short text (0.0 for the others), in one loop: a call and a
    comprehension per text cost more than counting the initials here. The loop runs over the
    counts alone (a long text is skipped on its count: no text fetched, no pair unpacked)."""
    ratios = [0.0] * len(texts)
    for i, n in enumerate(counts):
        if n > TITLE_RATIO_MAX_WORDS:
            continue
        if n == 1:  # a single token, the stripped text itself: its initial decides
            initial = texts[i][0]  # (``_upper_initial``, inlined)
            if initial.isalpha() and initial.isupper():
                ratios[i] = 1.0
            continue
        letters = upper = 0
        for word in texts[i].split():
            initial = word[0]
            if initial.isalpha():
                letters += 1
                upper += initial.isupper()
        if letters:
            ratios[i] = upper / letters
    return ratios


def _can_be_prose(words: int, terminal: bool, cjk: bool, markup: bool) -> bool:
    """Whether ``_is_prose`` can hold for some function-word ratio: only then is it counted."""
    if markup or words < PROSE_MIN_WORDS:
        return False
    return cjk or terminal or words >= PROSE_MIN_WORDS_UNTERMINATED


def _cannot_be_cjk(text: str) -> bool:
    """Whether ``text`` is too short in UTF-8 to be mostly CJK: a CJK character takes three
    bytes, so ``c`` of them in ``n`` characters take at least ``n + 2c`` bytes, more than
    ``2n`` when ``2c > n``. Encoding is several times cheaper than a search for them."""
    return text.isascii() or len(text.encode()) <= 2 * len(text)


def block_features(block: Block, stop: Stopwords, folded: str | None = None) -> BlockFeatures:
    """The features of ``block``; ``folded`` is its text casefolded, if known."""
    text = block.text
    cjk_chars = 0 if text.isascii() or _cannot_be_cjk(text) else _cjk_count(text)
    cjk = cjk_chars * 2 > len(text)
    words = max(block.words, cjk_chars // CJK_CHARS_PER_WORD) if cjk else block.words
    markup = ("<" in text or "=" in text) and _MARKUP.search(text) is not None
    can_be_prose = _can_be_prose(words, block.terminal, cjk, markup)
    ratio = _stop_ratio(text, cjk, cjk_chars, stop, folded) if can_be_prose else 0.0
    # Every URL pattern but "://" needs a dot: dotless lines (menus, headings) skip the search.
    urlish = markup or "://" in text or ("." in text and _is_url_like(text))
    terminal = block.terminal
    # A sentence may name a web site; markup or a query string is never running prose.
    prose = can_be_prose and _is_prose(words, ratio, terminal, cjk)
    return _new_features(
        BlockFeatures,
        (
            words,
            ratio,
            terminal,
            urlish,
            _title_ratio(text, block.words) if block.words <= TITLE_RATIO_MAX_WORDS else 0.0,
            cjk,
            _has_letter(text, block.key),
            _LIST_MARK.match(text) is not None,
            text.endswith(_INTRODUCERS),
            prose,
            prose or (terminal and words >= SENTENCE_MIN_WORDS and not markup),
        ),
    )


def _cjk_count(text: str) -> int:
    """``len(_CJK.findall(text))``, by runs."""
    return sum(map(len, _CJK_RUN.findall(text)))


def _is_url_like(text: str) -> bool:
    """``_URL.search(text)`` for a text without "://"."""
    return _URL_DOT.search(text) is not None


def _has_letter(text: str, key: str) -> bool:
    # The key keeps everything from the first to the last letter-like character, so an empty
    # key means no letter at all; most lines start with a letter.
    return text[:1].isalpha() or (bool(key) and _any_letter(text))


def _any_letter(text: str) -> bool:
    return any(map(str.isalpha, text))  # C-level: no generator frame per character


def _stop_ratio(
    text: str, cjk: bool, cjk_chars: int, stop: Stopwords, folded: str | None = None
) -> float:
    if cjk:
        if stop.particle_class is not None:
            return len(stop.particle_class.findall(text)) / cjk_chars
        return sum(map(stop.particles.__contains__, text)) / cjk_chars
    if folded is None:
        folded = text.casefold()
    if stop.encoded:
        tokens, hits = _byte_counts(folded, stop.encoded)
        return hits / tokens if tokens else 0.0
    words = _WORD.findall(folded)
    return sum(map(stop.words.__contains__, words)) / len(words) if words else 0.0


def _word_ratios(folded: list[str], stop: Stopwords) -> list[float]:
    """``_stop_ratio`` of each of the casefolded, non-CJK texts ``folded``, computed on them
    joined by line breaks, ``RATIO_BATCH`` texts at a time (a whole normal page; on a long
    one, batches keep each pass over the joined text within the processor's caches)."""
    if len(folded) <= RATIO_BATCH:
        return _batch_ratios(folded, stop)
    ratios: list[float] = []
    for at in range(0, len(folded), RATIO_BATCH):
        ratios += _batch_ratios(folded[at : at + RATIO_BATCH], stop)
    return ratios


def _batch_ratios(folded: list[str], stop: Stopwords) -> list[float]:
    """``_word_ratios`` of a batch: the replacements, the encoding and the translation run
    once for all the texts, and each text is then one split of its line of bytes (the texts
    with odd apostrophes, found by one search over the batch, are counted apart)."""
    if not stop.encoded:  # no byte fast path (a function word with an apostrophe)
        return [_stop_ratio(f, False, 0, stop, f) for f in folded]
    data = _word_bytes("\n".join(folded), _LINE_WORD_BYTES)  # lines of word runs
    lines = data.split(b"\n")
    if len(lines) != len(folded):  # a text with a line break of its own (hand-made blocks)
        return [_stop_ratio(f, False, 0, stop, f) for f in folded]
    odd = _lines_with(_ODD_APOSTROPHE_LINE, data) if b"'" in data else []
    odd_lines = [lines[k] for k in odd]
    for k in odd:
        lines[k] = b""  # not split for nothing: counted by tokens below
    contains = stop.encoded.__contains__
    ratios = [
        sum(map(contains, runs)) / len(runs) if runs else 0.0 for runs in map(bytes.split, lines)
    ]
    for k, line in zip(odd, odd_lines, strict=True):
        tokens, hits = _token_counts(line, stop.encoded)
        ratios[k] = hits / tokens if tokens else 0.0
    return ratios


def _lines_with(pattern: re.Pattern[bytes], text: bytes) -> list[int]:
    """The numbers (from 0) of the lines of ``text`` in which ``pattern`` finds a match
    starting, each line searched at most once (one search from the next line on)."""
    found: list[int] = []
    at = line = 0
    while (match := pattern.search(text, at)) is not None:
        start = match.start()
        line += text.count(b"\n", at, start)
        found.append(line)
        at = text.find(b"\n", start) + 1
        if at == 0:
            break
        line += 1
    return found


def _word_bytes(folded: str, table: bytes) -> bytes:
    """``folded`` in UTF-8 translated by ``table``: word runs, apostrophes and spaces (see
    ``_WORD_BYTES``). First "’" becomes an apostrophe and every non-ASCII non-word character
    a space (``_WORD`` reads it as it reads a space): the commonest by plain replacement,
    then the others if the non-ASCII characters left are not all word characters (outside
    ASCII, ``\\w`` is what ``isalnum`` holds for; few pages have any)."""
    if folded.isascii():
        return folded.encode().translate(table)
    if _AS_APOSTROPHE in folded:
        folded = folded.replace(_AS_APOSTROPHE, "'")
    for ch in _AS_SPACE:
        if ch in folded:
            folded = folded.replace(ch, " ")
    # Lone surrogates pass through (and become spaces: they are no word characters).
    encoded = folded.encode("utf-8", "surrogatepass")
    others = encoded.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if others.isalnum():
        return encoded.translate(table)
    for ch in set(_NON_ASCII_NON_WORD.findall(others)):
        folded = folded.replace(ch, " ")
    return folded.encode().translate(table)


def _byte_counts(folded: str, stopwords: frozenset[bytes]) -> tuple[int, int]:
    """How many ``_WORD`` tokens ``folded`` has and how many are function words, without the
    regex engine (a long line's word split was the largest single cost of the features)."""
    data = _word_bytes(folded, _WORD_BYTES)
    if b"'" not in data or not _ODD_APOSTROPHE.search(data):
        # Every run is one token: a run with an apostrophe inside ("don't") is a single
        # ``_WORD`` token and never a function word.
        runs = data.split()
        return len(runs), sum(map(stopwords.__contains__, runs))
    return _token_counts(data, stopwords)


def _token_counts(data: bytes, stopwords: frozenset[bytes]) -> tuple[int, int]:
    """``_byte_counts`` of a translated text with odd apostrophes (see ``_ODD_APOSTROPHE``):
    its ``_WORD`` tokens, found by the same pattern on the bytes (two runs around an
    apostrophe form one token, "don't", which is never a function word)."""
    tokens = _BYTE_WORD.findall(data)
    return len(tokens), sum(map(stopwords.__contains__, tokens))


def _title_ratio(text: str, words: int) -> float:
    if words == 1:  # a single token, the stripped text itself: its initial decides
        return _upper_initial(text)
    initials = [t[0] for t in text.split() if t[0].isalpha()]
    return sum(map(str.isupper, initials)) / len(initials) if initials else 0.0


def _upper_initial(text: str) -> float:
    return 1.0 if text[0].isalpha() and text[0].isupper() else 0.0


def _is_prose(words: int, ratio: float, terminal: bool, cjk: bool) -> bool:
    if words < PROSE_MIN_WORDS:
        return False
    if cjk:
        return ratio >= PROSE_MIN_CJK_PARTICLES or terminal
    if terminal:
        return ratio >= PROSE_MIN_STOP_RATIO
    return words >= PROSE_MIN_WORDS_UNTERMINATED and ratio >= PROSE_STOP_RATIO_UNTERMINATED
