"""RelatedDetector: headings announcing related/recommended/popular stories, in many languages."""

from __future__ import annotations

import pytest

from cleannews.detectors.related import RelatedDetector
from cleannews.page import Page
from cleannews.spans import Scope

PROSE = (
    "The city council approved the new budget on Tuesday after a long debate about housing, "
    "transport and schools, and officials said the plan would take effect next spring."
)
ARTICLE = "\n".join([PROSE] * 4)


def flagged(text: str, language: str | None = "en") -> list[tuple[int, str, Scope]]:
    page = Page.from_text(text, language=language)
    return [
        (page.block_at(f.start).line, f.reason, f.scope)  # type: ignore[union-attr]
        for f in RelatedDetector().detect(page)
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Related Articles", "related.marker"),
        ("Related articles:", "related.marker"),
        ("Popular posts from this blog", "related.marker"),
        ("You may also like", "related.marker"),
        ("You might also like...", "related.marker"),
        ("Recommended for you", "related.marker"),
        ("Most Read", "related.marker"),
        ("Trending", "related.marker"),
        ("MORE STORIES", "related.marker"),
        ("More from The Guardian", "related.marker-prefix"),
        ("More in Technology ›", "related.marker-prefix"),
        ("Weitere Artikel", "related.marker"),
        ("Das könnte Sie auch interessieren", "related.marker"),
        ("Mehr zum Thema Datenschutz", "related.marker-prefix"),
        ("À lire aussi", "related.marker"),
        ("Lire aussi", "related.marker"),
        ("Sur le même sujet", "related.marker"),
        ("Te puede interesar", "related.marker"),
        ("Noticias relacionadas", "related.marker"),
        ("Leggi anche", "related.marker"),
        ("I più letti", "related.marker"),
        ("Leia também", "related.marker"),
        ("Mais lidas", "related.marker"),
        ("Lees ook", "related.marker"),
        ("Meest gelezen", "related.marker"),
        ("Czytaj także", "related.marker"),
        ("Najczęściej czytane", "related.marker"),
        ("Читайте также", "related.marker"),
        ("Материалы по теме", "related.marker"),
        ("相关文章", "related.marker"),
        ("猜你喜欢", "related.marker"),
        ("延伸閱讀", "related.marker"),
        ("関連記事", "related.marker"),
        ("あわせて読みたい", "related.marker"),
        ("관련 기사", "related.marker"),
        ("많이 본 뉴스", "related.marker"),
        ("Baca juga", "related.marker"),
        ("Berita terkait", "related.marker"),
        ("İlgili haberler", "related.marker"),
        ("Weitere Artikel zum Thema", "related.marker"),
        ("Kommentierte Artikel", "related.marker"),
        ("Beliebte Beiträge zum Thema:", "related.marker"),
        ("TEMAS RELACIONADOS", "related.marker"),
        ("Audios et vidéos sur le sujet", "related.marker"),
    ],
)
def test_headings_open_a_related_region_after_the_article(line: str, reason: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\nSome other headline") == [(5, reason, Scope.REGION)]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Read more: Council delays vote on the new bus lanes", "related.prefix"),
        ("READ MORE | Council delays vote", "related.prefix"),
        ("Related: Chicago is America's most segregated city", "related.prefix"),
        ("Lesen Sie auch: Der Stadtrat vertagt die Abstimmung", "related.prefix"),
        ("À lire aussi : le conseil reporte le vote", "related.prefix"),
        ("Lee también: el concejo aplaza la votación", "related.prefix"),
        ("Читайте также: Совет отложил голосование", "related.prefix"),
        ("延伸阅读：市议会推迟投票", "related.prefix"),
        ("【関連記事】市議会が採決を延期", "related.prefix"),
        ("Baca juga: Dewan menunda pemungutan suara", "related.prefix"),
        ("Read more", "related.line"),
        ("Continue reading", "related.line"),
        ("Weiterlesen", "related.line"),
        ("Lire la suite", "related.line"),
        ("続きを読む", "related.line"),
    ],
)
def test_inline_link_labels_are_single_lines(line: str, reason: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}") == [(5, reason, Scope.BLOCK)]


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "Read more about the budget in our report on the council's finances.",
        "Read more about it",
        "More from the report came out later.",
        "A related hashtag has been viewed more than 230 million times on Weibo.",
        "Popular culture often reinforces conservative views.",
        "Trending topics on Weibo included the scandal.",
        "3. One comment read:",
        "Related Articles are listed by the editors every week.",
        "‘Nightmares for life’",
        "Mehr zum Thema gibt es morgen.",
        "More from this later.",
    ],
)
def test_article_prose_is_not_flagged(line: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}") == []


def test_a_heading_in_the_menu_above_the_article_only_flags_its_line() -> None:
    text = f"Home\nWorld\nMost read\nSport\n{ARTICLE}\n{ARTICLE}"
    assert flagged(text) == [(3, "related.marker", Scope.BLOCK)]


def test_an_inline_related_box_inside_the_article_does_not_open_a_region() -> None:
    text = f"{ARTICLE}\nRelated\nCouncil delays vote on bus lanes\n{ARTICLE}"
    assert flagged(text) == [(5, "related.marker", Scope.BLOCK)]


def test_a_heading_after_the_article_followed_by_headlines_opens_a_region() -> None:
    listing = "\n".join(f"Headline number {n} about something else" for n in range(5))
    assert flagged(f"{ARTICLE}\nRelated\n{listing}") == [(5, "related.marker", Scope.REGION)]


def test_a_foreign_language_heading_scores_a_little_lower() -> None:
    page = Page.from_text(f"{ARTICLE}\nLesen Sie auch\nHeadline", language="en")
    (finding,) = RelatedDetector().detect(page)
    home = Page.from_text(f"{ARTICLE}\nLesen Sie auch\nHeadline", language="de")
    (native,) = RelatedDetector().detect(home)
    assert finding.score < native.score


@pytest.mark.parametrize(
    "line",
    [
        "Lea más: Juan Carlos Ortega Murillo propone legalizar la comercialización de marihuana "
        "en Nicaragua",
        "Le puede interesar: JEP abrirá tres nuevos macrocasos: Farc y fuerza pública",
        "À lire aussi » Ballonnements, lourdeurs... Quel est votre profil digestif et comment "
        "y remédier ?",
    ],
)
def test_label_in_front_of_a_long_headline_is_flagged(line: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", None) == [(5, "related.prefix", Scope.BLOCK)]


def test_sentence_starting_with_a_label_word_is_not_flagged() -> None:
    line = (
        "Read more about the plan in the council's report, which sets out the budget for "
        "housing, transport and schools over the next five years."
    )
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}") == []


@pytest.mark.parametrize(
    "line",
    [
        "Nächster Artikel: Landespolitiker stellen die Koalition im Bund infrage",
        "Vorheriger Beitrag: Wetter in der Region – Aussichten bis Freitag mild",
        "Previous post: Ten things we learned at the conference this year",
        "Article suivant : Les rapatriés rentrent enfin chez eux après la quarantaine",
        "Artículo anterior: El gobierno presenta su plan de vivienda",
        "Следующая статья: Городской совет утвердил новый бюджет",
        # Without a separator: the rest reads as a headline.
        "Nächster Artikel Landespolitiker stellen die Koalition im Bund infrage",
        "Previous article Council delays vote on the new bus lanes",
    ],
)
def test_previous_and_next_post_links_are_flagged(line: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", None) == [(5, "related.prefix", Scope.BLOCK)]


@pytest.mark.parametrize(
    "line",
    [
        "Next posts will cover the budget for housing, transport and schools in detail.",
        "Der nächste Artikel der Serie erscheint am Montag.",
        # Without a separator the label could start a sentence: left alone.
        "Nächster Artikel der Serie erscheint am Montag",
        "Next article Council delays vote on the new bus lanes, officials said.",
        "More Americans say they distrust the media",
        "8. Zum Thema Hass und Rassismus und Co",
        "Next article Council delays vote on the new bus lanes:",
    ],
)
def test_prose_about_the_next_article_is_not_flagged(line: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Other Opinion Columns", "en"),
        ("More columns", "en"),
        ("Weitere Kolumnen", "de"),
        ("Mais colunas", "pt"),
        ("Altre rubriche", "it"),
        ("Другие колонки", "ru"),
        ("Kolom lainnya", "id"),
        ("다른 칼럼", "ko"),
        ("その他のコラム", "ja"),
        ("More articles by this author", "en"),
        ("Weitere Artikel des Autors", "de"),
        ("Mais artigos do autor", "pt"),
        ("Altri articoli dell'autore", "it"),
        ("Другие статьи автора", "ru"),
        ("Artikel lainnya dari penulis", "id"),
        ("この著者の記事一覧", "ja"),
    ],
)
def test_other_columns_and_author_headings_open_a_related_region(line: str, language: str) -> None:
    listing = "\n".join(f"Headline number {n} about something else" for n in range(5))
    text = f"{ARTICLE}\n{line}\n{listing}"
    assert flagged(text, language) == [(5, "related.marker", Scope.REGION)]


@pytest.mark.parametrize(
    "line",
    [
        "Other columns of the temple were damaged in the earthquake.",
        "More opinion polls are expected before the vote.",
    ],
)
def test_prose_about_columns_and_opinion_is_not_flagged(line: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}") == []


@pytest.mark.parametrize("line", ["이 시각 주요뉴스", "기자의 다른 기사", "실시간 뉴스"])
def test_korean_headline_list_headings_open_a_related_region(line: str) -> None:
    listing = "\n".join(f"Headline number {n} about something else" for n in range(5))
    assert flagged(f"{ARTICLE}\n{line}\n{listing}", "ko") == [(5, "related.marker", Scope.REGION)]


# -- listings of other stories without a heading: snippets cut in mid-sentence ---------------

CUT_TEASERS = [
    "Alan Thicke, the actor best known for his starring role in a sitcom of the 1980s, died on "
    "Tuesday at the age of 69. Born in Canada, he enjoyed a successful career as a writer and",
    "Eastern Aleppo has fallen, and military activities there have stopped, according to the "
    "ambassador. Residents of the eastern part of the city told reporters that they",
    "The founder of a yoga chain was found dead under suspicious circumstances in a home in San "
    "Diego. The police department said it received a call for a welfare check on",
    "Gathering together for holiday family photos can be fun, or it can be a disaster. Perhaps "
    "an uncle had too much eggnog, or the little ones just could not handle smiling for one shot.",
    "Just four months after undergoing a double-arm transplant, a patient shared how far he has "
    "come by releasing a video of him being able to control his right",
]


def test_paragraphs_cut_in_mid_sentence_are_a_listing_of_other_stories() -> None:
    found = flagged("\n".join([ARTICLE, *CUT_TEASERS]))
    # All five, the complete snippet between the cut ones too; the article stays.
    assert found == [(n, "related.cut-snippets", Scope.BLOCK) for n in range(5, 10)]


@pytest.mark.parametrize(
    "lines",
    [
        # Two cut snippets are not enough.
        CUT_TEASERS[:2],
        # A paragraph broken before a link carries on in lower case on the next line.
        [
            CUT_TEASERS[0],
            "comedian, as his publicist said.",
            CUT_TEASERS[1],
            "said on Tuesday.",
            CUT_TEASERS[2],
            "the hills above the town.",
        ],
        # List items and references are not paragraphs of a listing.
        [f"- {line}" for line in CUT_TEASERS],
        # Cut lines far apart, the article's paragraphs between them.
        [CUT_TEASERS[0], PROSE, PROSE, CUT_TEASERS[1], PROSE, PROSE, CUT_TEASERS[2]],
    ],
)
def test_article_paragraphs_are_not_cut_snippets(lines: list[str]) -> None:
    found = flagged("\n".join([ARTICLE, *lines]))
    assert [f for f in found if f[1] == "related.cut-snippets"] == []


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Weitere Informationen:", "de"),
        ("Zusatzinformationen:", "de"),
        ("More information", "en"),
        ("Más información:", "es"),
        ("Plus d'informations", "fr"),
        ("Ulteriori informazioni", "it"),
        ("Mais informações", "pt"),
        ("Więcej informacji:", "pl"),
        ("Дополнительная информация", "ru"),
        ("Informasi lebih lanjut", "id"),
        ("자세한 정보", "ko"),
        ("詳細情報", "ja"),
    ],
)
def test_more_information_labels_are_single_lines(line: str, language: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n- Link one\n- Link two", language) == [
        (5, "related.line", Scope.BLOCK)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "More information about the budget will be published by the council next week.",
        "Weitere Informationen zum Thema finden Sie im Bericht des Stadtrats.",
    ],
)
def test_sentences_about_more_information_are_not_flagged(line: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}") == []


@pytest.mark.parametrize(
    ("line", "language", "reason"),
    [
        ("Pilihan Untukmu", "id", "related.marker"),
        ("Halaman selanjutnya", "id", "related.line"),
        ("Главное за день", "ru", "related.marker"),
        ("次のページへ", "ja", "related.line"),
        ("다른 기사 보기", "ko", "related.marker"),
        ("Leia a matéria completa", "pt", "related.line"),
        ("최신기사", "ko", "related.marker"),
        ("기자의 다른기사 보기", "ko", "related.marker"),
        ("このニュースに関連する記事", "ja", "related.marker"),
        ("Лента новостей", "ru", "related.marker"),
    ],
)
def test_held_out_language_headings_and_page_links(line: str, language: str, reason: str) -> None:
    found = flagged(f"{ARTICLE}\n{line}\n{PROSE}", language)
    assert [(n, r) for n, r, _ in found] == [(5, reason)]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Pilihan untuk masa depan kota ini akan ditentukan oleh warga sendiri.", "id"),
        ("Главное за день событие произошло в столице, сообщили в мэрии.", "ru"),
        ("Leia a matéria completa do relatório, pediu o ministro aos deputados.", "pt"),
    ],
)
def test_held_out_language_prose_is_not_flagged(line: str, language: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", language) == []


BLURB = (
    "The regional office explains the new rules for spreading fertiliser on frozen ground "
    "and what farmers need to check before the season starts"
)


def test_blurbs_each_followed_by_a_link_label_are_a_listing() -> None:
    units = "\n".join(
        f"{day}.02.2022\nHeadline number {day}\n{BLURB}\nRead more" for day in (1, 2, 3)
    )
    found = flagged(f"{ARTICLE}\n{units}")
    teaser = [n for n, r, _ in found if r == "related.teaser-units"]
    labels = [n for n, r, _ in found if r == "related.line"]
    assert labels == [8, 12, 16]
    # The first unit's date and headline too (as many head lines as the later units have).
    assert teaser == [5, 6, 7, 9, 10, 11, 13, 14, 15]


def test_a_single_read_more_after_the_article_flags_its_label_only() -> None:
    found = flagged(f"{ARTICLE}\nRead more")
    assert found == [(5, "related.line", Scope.BLOCK)]


def test_link_labels_far_apart_in_the_article_do_not_make_a_listing() -> None:
    text = f"{PROSE}\nRead more\n{ARTICLE}\n{PROSE}\nRead more\n{PROSE}"
    assert [r for _, r, _ in flagged(text)] == ["related.line", "related.line"]


def test_link_labels_after_short_lines_are_not_teaser_units() -> None:
    text = f"{ARTICLE}\nHeadline one\nRead more\nHeadline two\nRead more"
    assert "related.teaser-units" not in [r for _, r, _ in flagged(text)]
