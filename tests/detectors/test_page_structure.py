"""PageStructureDetector: the article is the densest prose cluster; chrome around it goes."""

from __future__ import annotations

import pytest

from cleannews.detectors.page_structure import (
    PageStructureDetector,
    find_article,
    page_has_chrome,
)
from cleannews.page import Page
from cleannews.spans import Finding, Scope
from cleannews.text.features import page_features

from seeds import CLEAN_CONTROLS, load_seeds

P1 = (
    "The city council approved the new budget on Tuesday after a long debate about housing, "
    "transport and schools, and officials said the plan would take effect next spring."
)
P2 = (
    "Opponents argued that the increase in property taxes would hit young families hardest, "
    "while supporters said the money was needed to repair roads that had been neglected for years."
)
P3 = (
    "The mayor said she would meet with residents in every district over the summer to explain "
    "how the money will be spent and to hear what they think should come first."
)
P4 = (
    "A final vote on the separate transport plan is expected in the autumn, when the council "
    "returns from its break and the new members have been sworn in."
)
ARTICLE = [P1, P2, "What happens next", P3, "The town hall on Tuesday (Photo: J. Doe)", P4]
MENU = ["Skip to content", "Home", "News", "Politics", "Business", "Sport", "Weather", "Log In"]
HEADLINES = [
    "Storm closes schools across the region for a second day",
    "Local bakery wins national award for its sourdough bread",
    "New bridge opens to traffic after three years of work",
    "Police appeal for witnesses after a crash on the ring road",
]
FOOTER = ["About us", "Contact", "Privacy", "Terms", "© 2024 Example News"]


def kinds(lines: list[str]) -> list[str | None]:
    """The kind flagged for every line (``None``: not flagged)."""
    page = Page.from_text("\n".join(lines))
    by_block: dict[int, str] = {}
    for finding in PageStructureDetector().detect(page):
        block = page.block_at(finding.start)
        assert block is not None and (block.start, block.end) == (finding.start, finding.end)
        by_block[block.index] = finding.kind.value
    return [by_block.get(i) for i in range(len(page.blocks))]


def test_chrome_around_the_article() -> None:
    lines = MENU + ARTICLE + HEADLINES + FOOTER
    got = kinds(lines)
    n_menu, n_article, n_head = len(MENU), len(ARTICLE), len(HEADLINES)
    assert got[:n_menu] == ["nav"] * n_menu
    assert got[n_menu : n_menu + n_article] == [None] * n_article  # headings/captions stay
    assert got[n_menu + n_article : n_menu + n_article + n_head] == ["related"] * n_head
    assert got[-len(FOOTER) :] == ["footer"] * len(FOOTER)


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(ARTICLE, id="all-article"),
        pytest.param([P1, P2, P3, P4], id="all-prose"),
        pytest.param(["Budget", "By Jane Doe", *ARTICLE, "Reuters"], id="few-lines-around"),
        pytest.param(MENU + ["Short text without much to say."], id="no-dense-prose"),
        pytest.param(MENU, id="menu-only"),
        pytest.param([], id="empty"),
        # extracted text: it starts with the lead paragraph, so nothing precedes the article
        pytest.param(
            [P1, "Pros", "- Fast", "- Quiet", "Cons", "- Expensive", "- Heavy", P2, P3, P4],
            id="starts-with-a-paragraph",
        ),
        # the article's own ingredients list and subheadings, no menu-like line around them
        pytest.param(
            [
                "Apple cake with cream",
                "for 12 pieces",
                "250 g flour",
                "3 eggs",
                "200 g sugar",
                "1 pinch of salt",
                *ARTICLE,
                "Serving suggestion",
                "- with cream",
                "- with ice",
                "- warm or cold",
                "- on the next day",
            ],
            id="no-chrome-outside",
        ),
    ],
)
def test_no_evidence_no_findings(lines: list[str]) -> None:
    assert set(kinds(lines)) <= {None}


def test_long_in_article_list_and_chart_do_not_split_the_article() -> None:
    chart = ["$915", "billion", "600", "300", "0", "’17", "’20", "’23", "’26", "’28"] * 3
    items = [f"{i}. Country number {i}" for i in range(1, 11)]
    lines = MENU + [P1, P2, "The ranking was as follows:", *items, P3, *chart, P4] + FOOTER
    got = kinds(lines)
    article = got[len(MENU) : -len(FOOTER)]
    assert article == [None] * len(article)
    assert got[: len(MENU)] == ["nav"] * len(MENU)


def test_explanations_say_where_the_article_is() -> None:
    page = Page.from_text("\n".join(MENU + ARTICLE + FOOTER))
    findings = list(PageStructureDetector().detect(page))
    assert findings
    for f in findings:
        assert f.detector == "page_structure" and 0.5 <= f.score < 0.8
        assert "article body" in f.explanation
        assert f.reason.startswith("page_structure.")


def test_find_article_bounds() -> None:
    page = Page.from_text("\n".join(MENU + ARTICLE + FOOTER))
    article = find_article(page_features(page))
    assert article is not None
    assert (article.first, article.last) == (len(MENU), len(MENU) + len(ARTICLE) - 1)


@pytest.mark.parametrize("name", CLEAN_CONTROLS)
def test_clean_control_seeds_get_no_findings(name: str) -> None:
    seed = next(s for s in load_seeds() if s.name == name)
    assert list(PageStructureDetector().detect(Page.from_text(seed.text))) == []


def test_bulleted_items_outside_the_article_are_its_own_lists() -> None:
    items = ["- 250 g flour", "- 3 eggs", "- 200 g sugar"]
    got = kinds(MENU + items + ARTICLE + FOOTER)
    assert got[: len(MENU)] == ["nav"] * len(MENU)
    assert got[len(MENU) : len(MENU) + len(items)] == [None] * len(items)
    assert got[-len(FOOTER) :] == ["footer"] * len(FOOTER)


def test_findings_are_positional_evidence() -> None:
    page = Page.from_text("\n".join(MENU + ARTICLE + FOOTER))
    scopes = {f.scope for f in PageStructureDetector().detect(page)}
    assert scopes == {Scope.POSITION}


def test_findings_built_in_place_are_genuine_findings() -> None:
    page = Page.from_text("\n".join(MENU + ARTICLE + HEADLINES + FOOTER))
    findings = list(PageStructureDetector().detect(page))
    assert {f.kind.value for f in findings} == {"nav", "related", "footer"}
    for f in findings:
        assert type(f) is Finding and f.region_kind is None
        assert f == Finding.from_dict(f.to_dict()) and hash(f) == hash(
            Finding.from_dict(f.to_dict())
        )
        with pytest.raises(AttributeError):
            f.score = 1.0  # type: ignore[misc]  # frozen


def test_wrapped_lines_of_list_items_after_the_article_stay_with_their_item() -> None:
    # A reference list whose entries the extractor broke at a link: the rest of each entry
    # starts mid-sentence or closes the entry's open quote.
    refs = [
        '- ^ Caro, Jason. "Christmas Every Day',
        'Of The Year"',
        ". Radio Times. Retrieved 6 May 2014.",
        "- ^ Bailey, Keith (2016).",
        "and the rest of the entry",
    ]
    got = kinds(MENU + ARTICLE + refs + FOOTER)
    start = len(MENU) + len(ARTICLE)
    assert got[start : start + len(refs)] == [None] * len(refs)
    assert got[-len(FOOTER) :] == ["footer"] * len(FOOTER)


STANDFIRST = (
    "The council has approved a budget that raises property taxes to repair roads, and the "
    "mayor will explain to residents how the money will be spent."
)
TEASER = (
    "A local bakery has won a national award for its sourdough bread, and the owners plan to "
    "open a second shop near the station later this year."
)
SHARE_BAR = ["Share", "Tweet", "Email", "Print", "By Jane Doe", "12 March 2024"]


def test_a_standfirst_about_the_article_before_the_chrome_stays() -> None:
    lines = MENU + ["Council approves the budget", STANDFIRST] + SHARE_BAR + ARTICLE + FOOTER
    got = kinds(lines)
    assert got[len(MENU) + 1] is None  # the standfirst shares the article's content words
    assert got[: len(MENU)] == ["nav"] * len(MENU)
    assert got[len(MENU) + 2 : len(MENU) + 2 + len(SHARE_BAR)] == ["nav"] * len(SHARE_BAR)


def test_a_teaser_about_another_story_before_the_article_is_still_chrome() -> None:
    lines = MENU + ["Bakery wins award", TEASER] + SHARE_BAR + ARTICLE + FOOTER
    assert kinds(lines)[len(MENU) + 1] == "nav"


# -- the page's title line above the menus; standfirsts without a full stop ----------------

PAGE_TITLE = (
    "Council approves the new budget after a long debate about housing, transport and the "
    "schools of the city - Example News"
)
LEAD = (
    "The city council approved the new budget on Tuesday after a long debate, and officials "
    "said that the plan would take effect in the spring."
)


@pytest.mark.parametrize(
    ("first", "flagged"),
    [
        # a long unterminated title followed by menus: the menus are chrome all the same
        pytest.param(PAGE_TITLE, True, id="title-line-then-menu"),
        # extracted text starting with a paragraph: nothing precedes the article
        pytest.param(LEAD, False, id="terminated-lead"),
    ],
)
def test_a_long_title_line_does_not_pass_for_the_articles_lead(first: str, flagged: bool) -> None:
    got = kinds([first, *MENU, *ARTICLE, *FOOTER])
    assert (got[1 : 1 + len(MENU)] == ["nav"] * len(MENU)) is flagged


def test_an_unterminated_long_line_followed_by_a_sentence_still_starts_the_article() -> None:
    got = kinds([PAGE_TITLE, LEAD, *MENU, *ARTICLE, *FOOTER])
    assert got[: 2 + len(MENU)] == [None] * (2 + len(MENU))


# (few of its content words recur in the article, so only its place marks it as the head)
UNTERMINATED_STANDFIRST = (
    "Northern suburbs get promised street repairs, a rebuilt station bridge, two new parks "
    "and a library for children under a plan worth 40 million euros over five years"
)
UNTERMINATED_MENU_LINE = (
    "Home News Politics Business Sport Weather Culture Travel Science Health Money Cars "
    "Jobs Property Opinion Video Podcasts Puzzles Newsletters Events Shop Archive"
)


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        # running text just above the body (byline and date between): the standfirst
        pytest.param(UNTERMINATED_STANDFIRST, None, id="standfirst-without-full-stop"),
        # a long line of menu words has no function words: still chrome
        pytest.param(UNTERMINATED_MENU_LINE, "nav", id="long-menu-line"),
    ],
)
def test_an_unterminated_standfirst_just_above_the_body_stays(
    line: str, flagged: str | None
) -> None:
    lines = [*MENU, line, "By Jane Doe", "12 March 2024", *ARTICLE, *FOOTER]
    assert kinds(lines)[len(MENU)] == flagged


# -- a rival cluster after the article must share its topic (text mode) ---------------------

OTHER_STORY = [
    "Volcanic ash drifting over the northern coast grounded dozens of flights on Sunday, and "
    "airlines warned passengers to expect further cancellations throughout the week.",
    "Geologists monitoring the eruption reported that lava fountains reached several hundred "
    "metres, although nearby villages were evacuated as a precaution rather than necessity.",
]
SAME_STORY = [
    "Council members who opposed the budget said they would keep pressing the mayor on "
    "property taxes, housing and the repair of neglected roads in every district.",
    "Supporters of the plan said the council had debated the budget long enough and that "
    "residents wanted the repairs to the roads and schools to start next spring.",
]
BETWEEN = ["Most read", "Sport", "Weather", "Video", "Podcasts", "Newsletters"]


@pytest.mark.parametrize(
    ("after", "flagged"),
    [
        # another story (or a notice, a comment thread) after the article: outside it
        pytest.param(OTHER_STORY, "footer", id="other-story"),
        # the article's own paragraphs after a run of short lines: the article goes on
        pytest.param(SAME_STORY, None, id="same-story"),
    ],
)
def test_a_rival_cluster_after_the_article_needs_its_topic(
    after: list[str], flagged: str | None
) -> None:
    lines = [*MENU, *ARTICLE, *BETWEEN, *after, *FOOTER]
    got = kinds(lines)
    start = len(MENU) + len(ARTICLE) + len(BETWEEN)
    assert got[start : start + len(after)] == [flagged] * len(after)
    assert got[len(MENU) : len(MENU) + len(ARTICLE)] == [None] * len(ARTICLE)


def test_without_texts_rivals_are_widened_over_as_before() -> None:
    page = Page.from_text("\n".join([*MENU, *ARTICLE, *BETWEEN, *OTHER_STORY, *FOOTER]))
    article = find_article(page_features(page))  # no texts: HTML mode, the markup decides
    assert article is not None
    assert article.last == len(MENU) + len(ARTICLE) + len(BETWEEN) + len(OTHER_STORY) - 1


# -- CJK menus before the article ----------------------------------------------------------

CJK_MENU = ["首页", "新闻", "国际", "财经", "体育", "娱乐"]
CJK_ARTICLE = [
    "市政府周二批准了新的预算方案，经过长时间的辩论，官员们表示该计划将于明年春天开始实施，"
    "重点用于住房、交通和学校的建设。",
    "反对者认为提高房产税会对年轻家庭造成最大的负担，而支持者则表示这笔资金是修复多年来"
    "被忽视的道路所必需的。",
    "市长表示，她将在夏天走访每一个区，向居民解释这笔钱将如何使用，并听取他们认为应该"
    "优先考虑的事项。",
]
# Japanese lines of a story: hiragana carry grammar, so they are not menu items
KANA_LINES = [
    "よくばりないぬ",
    "いぬのおはなし",
    "むかしむかし",
    "あるところに",
    "いぬがいました",
    "おしまい",
]


@pytest.mark.parametrize(
    ("before", "flagged"),
    [
        pytest.param(CJK_MENU, "nav", id="cjk-menu"),
        pytest.param(KANA_LINES, None, id="kana-phrases"),
    ],
)
def test_short_cjk_lines_before_the_article_count_as_menu_items(
    before: list[str], flagged: str | None
) -> None:
    got = kinds([*before, *CJK_ARTICLE])
    assert got[: len(before)] == [flagged] * len(before)
    assert got[len(before) :] == [None] * len(CJK_ARTICLE)


@pytest.mark.parametrize(
    ("lines", "chrome"),
    [
        pytest.param(MENU + ARTICLE + HEADLINES + FOOTER, True, id="whole-page"),
        pytest.param(ARTICLE + HEADLINES + FOOTER, True, id="chrome-after-only"),
        pytest.param(MENU + ARTICLE, True, id="chrome-before-only"),
        pytest.param(ARTICLE, False, id="extracted-article"),
        pytest.param(["Budget", "By Jane Doe", *ARTICLE, "Reuters"], False, id="few-lines-around"),
        pytest.param(MENU, False, id="no-article"),
    ],
)
def test_page_has_chrome_tells_whole_pages_from_extracted_text(
    lines: list[str], chrome: bool
) -> None:
    assert page_has_chrome(Page.from_text("\n".join(lines))) is chrome


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(MENU + ARTICLE + HEADLINES + FOOTER, id="whole-page"),
        pytest.param(ARTICLE + HEADLINES + FOOTER, id="chrome-after-only"),
        pytest.param(["Budget", "By Jane Doe", *ARTICLE, "Reuters"], id="few-lines-around"),
    ],
)
def test_the_layout_memo_gives_the_detector_the_same_findings(lines: list[str]) -> None:
    """page_has_chrome (asked by other detectors first) memoises the chrome around the
    article on the page; the detector's findings are those of a fresh page."""
    text = "\n".join(lines)
    fresh = list(PageStructureDetector().detect(Page.from_text(text)))
    asked = Page.from_text(text)
    page_has_chrome(asked)
    assert list(PageStructureDetector().detect(asked)) == fresh


# -- an off-topic tail of the article's run (text mode, a whole page) -----------------------

BIO = (
    "Jane Doe has written about volcanoes, satellites and deep-sea robots for twenty years. "
    "She lives in Lisbon with two cats and a growing collection of vintage cameras, and "
    "teaches a night class on photography."
)
APPEAL = (
    "Independent journalism costs money. Please consider a monthly donation: supporters get "
    "our weekly newsletter, early access to podcasts and invitations to exclusive events."
)
SAME_TOPIC_TAIL = (
    "Council members who opposed the budget said they would keep pressing the mayor on "
    "property taxes, housing and the repair of neglected roads, and residents will be able to "
    "comment on the plan at the town hall in every district."
)
REFERENCE = (
    "Doe, J. (2021). Volcanic ash, satellites and aviation: a review of twenty years of "
    "monitoring. Journal of Applied Geology, 12(3), 45-67. Retrieved 3 May 2022."
)
KOREAN_BIO = (
    "제인 도는 이십 년 동안 화산과 인공위성, 심해 로봇에 관한 글을 써 왔습니다. 그녀는 리스본에서 "
    "고양이 두 마리와 함께 살고 있으며 오래된 카메라를 모으고 야간 사진 수업을 가르칩니다."
)
SHORT_TAIL = "She lives in Lisbon with her two cats, and she has been there for most of her life."
TAIL_GAP = ["Share", "About the author"]


def _tail_kinds(head: list[str], tail: list[str]) -> list[str | None]:
    """The kinds flagged for ``tail`` after ``head`` + the article + a short gap."""
    lines = [*head, *ARTICLE, *TAIL_GAP, *tail, *FOOTER]
    return kinds(lines)[len(head) + len(ARTICLE) + len(TAIL_GAP) :][: len(tail)]


@pytest.mark.parametrize(
    ("tail", "flagged"),
    [
        # an author's bio, a donation appeal: prose about something else, cut off the article
        pytest.param([BIO], ["footer"], id="author-bio"),
        pytest.param([APPEAL], ["footer"], id="donation-appeal"),
        # the article carrying on after a subheading shares its words
        pytest.param([SAME_TOPIC_TAIL], [None], id="same-topic"),
        # a tail opening with a line that is not running prose: the article's apparatus
        pytest.param([REFERENCE, BIO], [None, None], id="reference-first"),
        # too few content words to judge a topic by
        pytest.param([SHORT_TAIL], [None], id="too-few-words"),
        # CJK: words are not parted by spaces (zh, ja) or carry attached particles (ko)
        pytest.param([KOREAN_BIO], [None], id="cjk-tail"),
    ],
)
def test_an_off_topic_tail_after_a_gap_is_cut_off(
    tail: list[str], flagged: list[str | None]
) -> None:
    assert _tail_kinds(MENU, tail) == flagged


def test_an_off_topic_tail_of_extracted_text_stays() -> None:
    # No chrome before the article (another extractor's output): the tail is left alone.
    assert _tail_kinds([], [BIO]) == [None]


def test_without_the_blocks_the_tail_is_not_cut() -> None:
    page = Page.from_text("\n".join([*MENU, *ARTICLE, *TAIL_GAP, BIO, *FOOTER]))
    feats, texts = page_features(page), [b.text for b in page.blocks]
    tail_end = len(MENU) + len(ARTICLE) + len(TAIL_GAP)
    article = find_article(feats, texts)
    assert article is not None and article.last == tail_end
    cut = find_article(feats, texts, page.blocks)
    assert cut is not None and cut.last == len(MENU) + len(ARTICLE) - 1


# An extraction's head: title, byline, section label, then headings between short paragraphs
# (a structured abstract); menu-like lines, but never CHROME_RUN_LINES of them in a row.
EXTRACTED_HEAD = [
    "Council approves the budget",
    "By Jane Doe",
    "Politics",
    "The vote came late on Tuesday.",
    "Background",
    "Officials had argued for months.",
    "Reactions",
]

# Sentences cut into lines where an extractor dropped their formulas (headings between them
# still make a run of menu-like lines): pieces starting mid-sentence show an article's head.
BROKEN_HEAD = [
    "Solving quadratic equations",
    "When",
    ", there are two solutions to",
    "and they are",
    "The Lorenz Equations",
    "The Cauchy Schwarz Inequality",
    "A Cross Product Formula",
    "The probability of getting",
    "heads when flipping",
    "coins is:",
]
COLON_MENU = [":: About us", ":: Our Shop", ":: Food", ":: Clothing", ":: Travel", ":: Map"]
LOWER_CASE_MENU = [
    "Home",
    "News",
    "World",
    "Sport",
    "proceso de paz",
    "conflicto y narcotráfico",
    "arte y teatro",
    "música y libros",
]


@pytest.mark.parametrize(
    ("before", "flagged"),
    [
        pytest.param(MENU[:5], "nav", id="four-item-menu"),
        pytest.param(["Latest", "Most Read", *HEADLINES], "nav", id="headline-list"),
        pytest.param(EXTRACTED_HEAD, None, id="extracted-head"),
        pytest.param(BROKEN_HEAD, None, id="prose-broken-by-dropped-formulas"),
        pytest.param(COLON_MENU, "nav", id="menu-items-led-by-colons"),
        pytest.param(LOWER_CASE_MENU, "nav", id="lower-case-menu-items"),
        pytest.param([*MENU[:5], "and the rest", "and more"], "nav", id="menu-then-short-pieces"),
        pytest.param(
            ["Budget", "By Jane Doe", "12 March 2024", "The town hall on Tuesday.", "Reuters"],
            None,
            id="title-byline-date-caption",
        ),
    ],
)
def test_lines_before_the_article_are_chrome_only_with_a_run_of_menu_items_or_headlines(
    before: list[str], flagged: str | None
) -> None:
    got = kinds([*before, *ARTICLE])
    assert got[: len(before)] == [flagged] * len(before)
    assert got[len(before) :] == [None] * len(ARTICLE)


def _steps(sentences: list[str]) -> list[str]:
    """Steps parted by a gallery's lines: each sentence alone, so the cluster ends early."""
    out: list[str] = []
    for k, sentence in enumerate(sentences, 1):
        out += [f"Step {k} of {len(sentences)}", sentence, "Show Picture", "Close Picture"]
    return out


ON_TOPIC_STEPS = _steps(
    [
        "The council published the budget draft with higher property taxes for housing.",
        "Residents debated the property taxes at hearings in every district of the town hall.",
        "Opponents of the budget asked the council to spend less on roads and more on schools.",
        "The mayor said the budget would repair roads neglected for years and build housing.",
    ]
)
OTHER_TOPIC_STEPS = _steps(
    [
        "Preheat the oven and grease the bottom of the springform pan with a little butter.",
        "Mix the flour with baking powder and cocoa in a large bowl until smooth and even.",
        "Add sugar, vanilla, soft butter and four eggs, then stir everything into a dough.",
        "Bake the cake in the lower third of the oven for thirty-five minutes, then let it cool.",
    ]
)
SHORT_TAIL = ["Contact Us", "Press Office", "Questions on the budget go to the council.", "Mail Us"]


@pytest.mark.parametrize(
    ("lines", "tail", "flagged"),
    [
        # an extraction (no chrome before): the rest of the article past a gallery stays
        pytest.param(ARTICLE, ON_TOPIC_STEPS, False, id="extraction-own-tail"),
        pytest.param(ARTICLE, OTHER_TOPIC_STEPS, True, id="extraction-other-topic"),
        pytest.param(ARTICLE, SHORT_TAIL + ["City Hall"], True, id="extraction-short-tail"),
        pytest.param(ARTICLE, ON_TOPIC_STEPS + MENU + FOOTER, True, id="extraction-tail-menu"),
        pytest.param(MENU + ARTICLE, ON_TOPIC_STEPS, True, id="whole-page"),
    ],
)
def test_lines_after_an_extractions_article_stay_when_they_are_its_own(
    lines: list[str], tail: list[str], flagged: bool
) -> None:
    got = kinds([*lines, *tail])[-len(tail) + 2 :]  # the cluster may take the first step
    assert any(got) is flagged


def test_an_extractions_own_tail_ends_with_its_last_sentence_about_the_article() -> None:
    notice = [
        "Cookies help us deliver our services and by using them you agree to our use of cookies.",
        "Privacy",
        "Settings",
    ]
    got = kinds([*ARTICLE, *ON_TOPIC_STEPS, *notice])
    assert got[: -len(notice) - 2] == [None] * (len(ARTICLE) + len(ON_TOPIC_STEPS) - 2)
    assert got[-len(notice) :] == ["footer"] * len(notice)  # the notice after it still goes


def test_a_menu_after_the_article_shows_a_whole_page_and_its_head_is_chrome() -> None:
    assert set(kinds([*EXTRACTED_HEAD, *ARTICLE])) == {None}
    assert kinds([*EXTRACTED_HEAD, *ARTICLE, *MENU, *FOOTER])[0] == "nav"  # a blog's sidebar


TABLE = ["| District | Budget | Change |", "| North | 4.2 m | +3 % |", "| South | 3.9 m | -1 % |"]


@pytest.mark.parametrize(
    ("lines", "table_at"),
    [
        pytest.param([*MENU, *TABLE, *ARTICLE, *FOOTER], len(MENU), id="before"),
        pytest.param([*MENU, *ARTICLE, *TABLE, *FOOTER], len(MENU) + len(ARTICLE), id="after"),
    ],
)
def test_table_rows_as_extractors_render_them_are_the_articles_own(
    lines: list[str], table_at: int
) -> None:
    got = kinds(lines)
    assert got[table_at : table_at + len(TABLE)] == [None] * len(TABLE)
    assert got[0] == "nav" and got[-1] == "footer"  # the chrome around still goes


def test_a_lone_pipe_separated_line_is_a_menu_not_a_table() -> None:
    got = kinds([*MENU, "| News | Sport | Ideas | Opinion |", *ARTICLE])
    assert got[: len(MENU) + 1] == ["nav"] * (len(MENU) + 1)


@pytest.mark.parametrize("chunk", [1, 2, 32])
def test_rival_topics_answer_as_the_whole_articles_words_would(chunk: int) -> None:
    # The article's words are read nearest the rival first, in chunks, only until the share
    # is reached, and kept across rounds as the article widens: the answers must be those
    # of tokenising the whole article each time.
    import random

    from cleannews.detectors.page_structure import RIVAL_MIN_TOPIC, Article, _RivalTopics
    from cleannews.text.topic import overlap, union_tokens

    rnd = random.Random(chunk)
    vocab = ["budget", "council", "housing", "transport", "schools", "weather", "storm",
             "bakery", "bridge", "police", "football", "cookies", "privacy", "concert",
             "straße", "東京天気", "the", "and", "x1y2", "a-b"]  # fmt: skip
    for _ in range(200):
        n = rnd.randint(30, 120)
        texts = [" ".join(rnd.choices(vocab[: rnd.randint(3, 20)], k=5)) for _ in range(n)]
        index = sorted(rnd.sample(range(n), rnd.randint(n // 3, n)))
        topics = _RivalTopics(index, texts)
        topics.FIRST_CHUNK = chunk
        first = last = rnd.randint(n // 3, n // 2)
        while last < n - 2:
            first = max(0, first - rnd.randint(0, 5))  # the article only widens
            rival_first = rnd.randint(last + 1, n - 1)
            rival = Article(rival_first, rnd.randint(rival_first, n - 1), 0.0)
            mine = union_tokens(texts[j] for j in index if first <= j <= last)
            theirs = union_tokens(texts[j] for j in index if rival.first <= j <= rival.last)
            want = overlap(theirs, mine) >= RIVAL_MIN_TOPIC
            assert topics.same(rival, first, last) is want
            last = rival.last if rnd.random() < 0.7 else last + rnd.randint(1, 3)
