"""Block splitting (text/blocks.py): the page-level split gives what one make_block per line
gives, on every kind of line (indented, noisy edges, tabs, non-breaking spaces, CJK)."""

from __future__ import annotations

import sys

import pytest

from cleannews.text import blocks
from cleannews.text.blocks import LINE_BREAK, make_block, split_blocks


def reference(source: str) -> list[blocks.Block]:
    """One ``make_block`` per non-blank line (the plain definition)."""
    found = []
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(source)]
    ends = [m.start() for m in LINE_BREAK.finditer(source)] + [len(source)]
    for line_no, (start, end) in enumerate(zip(starts, ends, strict=True), start=1):
        raw = source[start:end]
        text = raw.strip()
        if text:
            begin = start + len(raw) - len(raw.lstrip())
            found.append(make_block(len(found), begin, begin + len(text), line_no, text))
    return found


@pytest.mark.parametrize(
    "source",
    [
        "",
        "\n\n  \n",
        "Home\n  Indented line.  \n\n— “Quoted,” she said. —\n12 comments\n",
        "tabs\there\nnbsp\u00a0here\ndouble  space\n\u3000full width\n",
        "ß Straße ÉCOLE İstanbul ﬁx\n«Bonjour»\n½ cup\n²nd\n...\n_x_\n",
        "市议会周二批准了新的预算方案。\n한국어 문장입니다.\n\U0001f600 emoji\n",
        # Unspaced-script lines (only their word count is redone): edges, spaces, dotted i's.
        "「東京」で会議\n— 日本語 テキスト …\n12 日本\n"
        "İstanbul 日本\ni\u0307 日本語\n日本\u3000語\n",
        "a\x00b\n\u202eRTL\n\x1cctrl\x1d\nend",
        "crlf\r\nline\r\n\r\n  two  \u2028three",
    ],
)
def test_split_matches_one_block_per_line(source: str) -> None:
    assert list(split_blocks(source)) == reference(source)


def test_other_spaces_are_all_whitespace_but_space_and_break() -> None:
    expected = "".join(
        ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isspace() and ch not in " \n"
    )
    assert blocks._OTHER_SPACES == expected


def test_blocks_of_lines_matches_the_html_line_blocks() -> None:
    from cleannews.html import lines_to_blocks

    lines = ["Home", "— “Quoted,” she said. —", "tabs\there", "12 comments", "Straße"]
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    made, folded = blocks.blocks_of_lines(lines, starts, list(range(1, len(lines) + 1)))
    html_blocks, html_folded = lines_to_blocks(lines)
    assert made == html_blocks == split_blocks("\n".join(lines))
    assert folded == html_folded == [line.casefold() for line in lines]


@pytest.mark.parametrize(
    "texts",
    [
        ["plain ascii", "lines"],
        ["caf\u00e9 cr\u00e8me", "\u201cquoted\u201d"],  # non-ASCII, nothing special
        ["caf\u00e9\u00a0cr\u00e8me", "ok"],  # a no-break space
        ["caf\u00e9  cr\u00e8me", "ok"],  # a double space
        ["caf\u00e9", "\u65e5\u672c\u8a9e\u306e\u6587"],  # unspaced letters
        ["caf\u00e9", "\u0130LG\u0130L\u0130"],  # a dotted capital I
        ["caf\u00e9\u3000x", "ok"],  # an ideographic space
    ],
)
def test_special_texts_match_the_per_text_tests(texts: list[str]) -> None:
    # ``_special``'s one-scan shortcut for non-ASCII pages picks the same texts.
    expected = [
        i
        for i, t in enumerate(texts)
        if "  " in t or not t.isprintable() or blocks.has_rare_letters(t)
    ]
    assert blocks._special(texts) == expected


@pytest.mark.parametrize(
    "text",
    [
        "plain words",
        "ends like a sentence.",
        "“quoted.”",
        "► arrow item ►",
        "«Bonjour!» …",
        "‘single’ — dash",
        "文章。",
        "！全角！",
        "© 2024 Example ®",
        "— 12 —",
        "\ue051 icon font",  # private use: left to ``_key``
        "x\u0301 ½",  # a combining mark and a vulgar fraction: \w but not letters
        "•••",
        "“”",
    ],
)
def test_page_keys_match_the_per_text_key(text: str) -> None:
    # ``_keys``'s strips (ASCII non-letters, then ``_EDGE_NOISE``) give what ``_key`` gives.
    folded = text.casefold()
    assert blocks._keys([folded]) == [blocks._key(folded)]


def test_edge_noise_is_noise() -> None:
    assert all(blocks._NOISE_RUN.fullmatch(ch) for ch in blocks._EDGE_NOISE)


def test_block_starts_are_built_once_and_shared() -> None:
    from cleannews.page import Page
    from cleannews.text.scan import blocks_containing

    page = Page.from_text("Home\n\n  A line | with a bar.\nEnd")
    starts = page.block_starts()
    assert starts == [b.start for b in page.blocks]
    assert blocks_containing(page, ["|"]) == {1}
    assert page.block_at(page.blocks[1].start + 3) is page.blocks[1]
    assert page.block_at(5) is None  # the blank line between blocks
    assert page.block_starts() is starts  # one list for the page's lookups and scans
