"""Per-block features (text/features.py): prose vs chrome, CJK-aware, memoised per page."""

from __future__ import annotations

import pickle
import re

import pytest

from cleannews.page import COLUMNS_MEMO, FOLDED_MEMO, Page
from cleannews.text.blocks import Block
from cleannews.text.features import (
    _URL,
    MEMO_KEY,
    RATIO_BATCH,
    _word_ratios,
    block_features,
    load_stopwords,
    page_features,
)

EN_PROSE = (
    "The city council approved the new budget on Tuesday after a long debate about housing, "
    "transport and schools."
)


def feature(line: str):
    return page_features(Page.from_text(line))[0]


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        (EN_PROSE, True),
        (
            "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt für das "
            "kommende Jahr beschlossen.",
            True,
        ),
        (
            "Le conseil municipal a approuvé le nouveau budget mardi, après un long débat sur le "
            "logement et les écoles.",
            True,
        ),
        (
            "El ayuntamiento aprobó el martes el nuevo presupuesto después de un largo debate "
            "sobre la vivienda y las escuelas.",
            True,
        ),
        (
            "Городской совет во вторник утвердил новый бюджет после долгих споров о жилье и "
            "транспорте в городе.",
            True,
        ),
        ("市议会周二在就住房和交通问题进行了长时间辩论后批准了新的预算方案。", True),
        ("市議会は火曜日、住宅と交通についての長い議論の末に新しい予算を承認しました。", True),
        # chrome: short, no sentence end, no function words, or a URL
        ("Home", False),
        ("Politics Business Technology Science Health Sports Arts Books Style Food Travel", False),
        ("Skip to content", False),
        (
            '<div><a href="https://ads.example.com/jump;sz=300x250">the best offers in the '
            "town and all around the region</a></div>",
            False,
        ),
        ("首页 新闻 体育 财经 科技 娱乐", False),
    ],
)
def test_prose(line: str, prose: bool) -> None:
    assert feature(line).prose is prose


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("1. Finland", "list_item", True),
        ("- Cloche", "list_item", True),
        ("• Saucer", "list_item", True),
        ("1Password scans QR codes", "list_item", False),
        ("b) Saucer", "list_item", True),  # a letter mark: a letter, then "." or ")"
        ("(c) Cup", "list_item", True),
        ("ab) Saucer", "list_item", False),
        ("é) Saucer", "list_item", False),  # letter marks are ASCII
        ("A.B. Smith", "list_item", False),
        ("a", "list_item", False),
        ("The rankings were as follows:", "introduces", True),
        ("$915 ’17 2,3 %", "letters", False),
        ("Log In", "title_ratio", 1.0),
        ('<div><a href="x">', "urlish", True),
        ("More at example.com", "urlish", True),
        ("Improve the offline experience.", "sentence", True),
        ("Improve the offline experience.", "prose", False),
        (
            "Shares of the company rose after Amazon.com said that it would buy the firm for "
            "$2 billion.",
            "prose",
            True,
        ),
    ],
)
def test_block_fields(line: str, field: str, value: object) -> None:
    assert getattr(feature(line), field) == value


def test_cjk_length_counts_characters() -> None:
    feat = feature("市议会周二在就住房和交通问题进行了长时间辩论后批准了新的预算方案。")
    assert feat.cjk and feat.words >= 15


def test_memoised_on_the_page_and_picklable() -> None:
    page = Page.from_text(f"Home\n{EN_PROSE}\nFooter")
    first = page_features(page)
    assert page.memo[MEMO_KEY] is first and page_features(page) is first
    assert len(first) == len(page.blocks)
    assert pickle.loads(pickle.dumps(first)) == first
    assert MEMO_KEY not in Page.from_text(page.source).memo  # each page has its own memo


def test_stopwords_are_a_union_of_languages() -> None:
    stop = load_stopwords()
    assert {"the", "und", "le", "que", "и"} <= stop.words
    assert "の" in stop.particles and "的" in stop.particles


@pytest.mark.parametrize(
    "line",
    [
        "don't stop the music and the dance until the end of the night.",
        "the 'experts' say that the rock'n'roll of the sixties is the best.",
        "'tis the season of the year and the dogs' toys are in the garden.",
        "l’homme et la femme de la ville sont dans le jardin de la maison.",
        "the '' quotes and the ' lone apostrophe in the middle of the text.",
    ],
)
def test_stop_ratio_counts_word_tokens(line: str) -> None:
    """The byte-level fast path counts what the ``_WORD`` regex counts, apostrophes included."""
    stop = load_stopwords()
    tokens = re.findall(r"\w+(?:['’]\w+)?", line.casefold())
    expected = sum(t in stop.words for t in tokens) / len(tokens)
    assert feature(line).stop_ratio == pytest.approx(expected)


@pytest.mark.parametrize(
    "line",
    [
        "the end of the night and the start of the day",  # under 10 words
        "and the best of the rest of the night for all of the town",  # unterminated, < 20
        '<a href="x">the best of the rest of the night for all of the town</a>.',  # markup
    ],
)
def test_stop_ratio_is_zero_when_the_block_cannot_be_prose(line: str) -> None:
    assert feature(line).stop_ratio == 0.0 and not feature(line).prose


@pytest.mark.parametrize(
    ("line", "cjk"),
    [
        ("市议会周二在就住房和交通问题进行了长时间辩论后批准了新的预算方案。", True),
        ("Die Straße: Größe, Übermaß und Öl — «très» ça", False),
        ("Tokyo 東京 and Osaka 大阪 are two cities in the country", False),
        ("한국어 문장입니다 그리고 더 많은 텍스트가 여기에 있습니다", True),
    ],
)
def test_cjk_only_for_mostly_cjk_text(line: str, cjk: bool) -> None:
    assert feature(line).cjk is cjk


def test_same_features_with_and_without_the_folded_texts() -> None:
    source = f"Home\n{EN_PROSE}\nSTRASSE Straße ÉCOLE: l’école de la ville et du pays et de la mer"
    page = Page.from_text(source)
    assert FOLDED_MEMO in page.memo
    bare = Page(source=source, blocks=page.blocks)  # built elsewhere: nothing kept
    assert page_features(page) == page_features(bare)


MIXED_PAGE = "\n".join(
    [
        "Home",
        EN_PROSE,
        "“Quoted,” she said — and the crowd of the town in the square of the city was silent.",
        "市议会周二在就住房和交通问题进行了长时间辩论后批准了新的预算方案。",
        "Tokyo 東京 and Osaka 大阪 are two cities in the country of the rising sun today",
        '<div><a href="https://ads.example.com/jump;sz=300x250">the best offers</a></div>',
        "Read more at www.example.org or https://example.net/page.html today",
        "a=1&b=2",
        "- Cloche",
        "3) Saucer:",
        "$915 ’17 2,3 %",
        "² ³",
        "Ⓐ",
        "Log In",
        "and the best of the rest of the night for all of the town and the best of the day",
        "l’homme et la femme de la ville sont dans le jardin de la maison du village.",
        "tabs\there  and   spaces",
    ]
)


def test_page_features_match_block_features() -> None:
    """The page-wide pass (field by field over all blocks) gives what ``block_features``
    gives block by block, with and without the casefolded texts."""
    stop = load_stopwords()
    page = Page.from_text(MIXED_PAGE)
    expected = tuple(block_features(b, stop) for b in page.blocks)
    assert page_features(page) == expected
    assert page_features(Page(source=MIXED_PAGE, blocks=page.blocks)) == expected
    empty = Block(0, 0, 0, 1, "", "", 0, False)  # hand-built: an empty text
    assert page_features(Page(source="", blocks=(empty,))) == (block_features(empty, stop),)


def test_line_columns_kept_on_the_page_match_the_blocks() -> None:
    """The features read these columns instead of the blocks' fields: they must agree."""
    page = Page.from_text(MIXED_PAGE + "\n\n  indented  line \r\nlast\u2028one")
    lines = page.memo[COLUMNS_MEMO]
    assert lines.texts == [b.text for b in page.blocks]
    assert lines.words == [b.words for b in page.blocks]
    assert lines.terminal == [b.terminal for b in page.blocks]
    assert lines.folded is page.memo[FOLDED_MEMO]
    page_features(page)
    assert COLUMNS_MEMO not in page.memo  # consumed by the features


@pytest.mark.parametrize(
    "line",
    [
        "市议会周二批准了新的预算方案，这是在对住房和交通进行了长时间辩论之后的结果。",
        "東京都は火曜日に新しい予算を承認しました。住宅と交通についての議論の後です。",
        "시의회는 화요일에 새 예산을 승인했습니다. 주택과 교통에 대한 긴 토론 끝에.",
    ],
)
def test_particles_counted_by_class_as_by_membership(line: str) -> None:
    """The CJK particle ratio counts matches of a character class: the same count as testing
    every character for membership."""
    stop = load_stopwords()
    assert stop.particle_class is not None
    assert len(stop.particle_class.findall(line)) == sum(map(stop.particles.__contains__, line))
    by_membership = type(stop)(stop.words, stop.particles, stop.encoded)  # no class: the test
    block = Page.from_text(line).blocks[0]
    assert block_features(block, stop) == block_features(block, by_membership)


TRICKY_LINES = [
    "don't stop the music and the dance until the end of the night.",
    "the 'experts' say that the rock'n'roll of the sixties is the best.",
    "© the year of the city • and the £5 of the town − the end",
    "l’homme et la femme — « de la ville » … sont dans le jardin",
    "the ী sign and the \u200b space and the \u00ad hyphen of the text",
    "the lone \udc80 surrogate of the text and the end",
    "'tis the season and the dogs' toys are in the garden '",
    "",
    "1 2 3 – _ the",
]


def test_word_ratios_of_a_page_match_the_word_regex() -> None:
    """The page-wide count (all texts joined, one translation) gives each text the ratio of
    function words among its ``_WORD`` tokens, whatever characters and apostrophes it holds."""
    stop = load_stopwords()

    def expected(text: str) -> float:
        tokens = re.findall(r"\w+(?:['’]\w+)?", text)
        return sum(t in stop.words for t in tokens) / len(tokens) if tokens else 0.0

    folded = [line.casefold() for line in TRICKY_LINES]
    assert _word_ratios(folded, stop) == [expected(t) for t in folded]
    assert _word_ratios(folded[::-1], stop) == [expected(t) for t in folded[::-1]]
    assert _word_ratios(["a\nline break", "the end"], stop) == [expected("a\nline break"), 0.5]
    many = folded * 20  # more texts than one batch
    assert len(many) > RATIO_BATCH
    assert _word_ratios(many, stop) == [expected(t) for t in many]


@pytest.mark.parametrize(
    "line",
    ["www.example", "at awww.b", "www", "ww.w.x", "wwww.x", "go to www . x", "x.com", "x.coma",
     "file.JPG", "a://b", "index.html?", "Mr. Smith went home. It was late.", ".www."],
)  # fmt: skip
def test_urlish_as_the_url_pattern(line: str) -> None:
    """The page-wide pass tests "://" apart and the rest with one search from each dot."""
    expected = _URL.search(line) is not None
    assert feature(line).urlish == expected
    assert block_features(Page.from_text(line).blocks[0], load_stopwords()).urlish == expected
