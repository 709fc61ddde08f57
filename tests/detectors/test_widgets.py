"""WidgetsDetector: aggregator coverage/bias boxes, listing counters, view/share counters,
reading-time badges and rating prompts."""

from __future__ import annotations

import pytest

from cleannews.detectors.widgets import WidgetsDetector
from cleannews.kinds import Kind
from cleannews.page import Page
from cleannews.spans import Scope

PROSE = (
    "The city council approved the new budget on Tuesday after a long debate about housing, "
    "transport and schools, and officials said the plan would take effect next spring."
)
ARTICLE = "\n".join([PROSE] * 4)


def findings(text: str, language: str | None = "en") -> list[tuple[int, str, Scope, Kind]]:
    page = Page.from_text(text, language=language)
    return [
        (page.block_at(f.start).line, f.reason, f.scope, f.follows_kind)  # type: ignore[union-attr]
        for f in WidgetsDetector().detect(page)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "15 Articles",
        "3 stories",
        "12 Artikel",
        "8 articles",
        "20 artículos",
        "9 articoli",
        "7 artigos",
        "6 artikelen",
        "15 artykułów",
        "15 статей",
        "15篇文章",
        "15 件の記事",
        "15개의 기사",
        "10 berita",
    ],
)
def test_listing_counters_open_a_related_region(line: str) -> None:
    text = f"{ARTICLE}\n{line}\nOther outlet headline on the same story"
    assert findings(text) == [(5, "widgets.marker-count", Scope.REGION, Kind.RELATED)]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Coverage Details", "widgets.marker"),
        ("Bias Distribution", "widgets.marker"),
        ("Factuality", "widgets.marker"),
        ("Was this article helpful?", "widgets.marker"),
        ("Rate this article", "widgets.marker"),
        ("War dieser Artikel hilfreich?", "widgets.marker"),
        ("Cet article vous a-t-il été utile ?", "widgets.marker"),
        ("Оцените статью", "widgets.marker"),
        ("- 50% of the sources lean Right", "widgets.regex"),
        ("1 of 10 articles read", "widgets.regex"),
        ("4.5 out of 5 stars", "widgets.regex"),
        ("Rating: 4.5/5", "widgets.regex"),
        ("(12 votes, average: 4.20 out of 5)", "widgets.regex"),
        ("Leaning Left 20%", "widgets.line"),
        ("1.2K views", "widgets.count"),
        ("12 shares", "widgets.count"),
        ("Views: 1,234", "widgets.count"),
        ("3.456 Aufrufe", "widgets.count"),
        ("1 234 vues", "widgets.count"),
        ("1.234 visitas", "widgets.count"),
        ("12.345 просмотров", "widgets.count"),
        ("1234 次阅读", "widgets.count"),
        ("조회수 1,234", "widgets.count"),
        ("5 min read", "widgets.line"),
        ("4 Min. Lesezeit", "widgets.line"),
        ("3 min de lecture", "widgets.line"),
        ("Reading time: 4 minutes", "widgets.prefix"),
        ("Lesezeit: 3 Minuten", "widgets.prefix"),
        ("Tiempo de lectura: 2 min", "widgets.prefix"),
        ("Leaning Right", "widgets.line"),
    ],
)
def test_widget_lines_are_flagged(line: str, reason: str) -> None:
    assert [(n, r) for n, r, _, _ in findings(f"{ARTICLE}\n{line}\n{PROSE}")] == [(5, reason)]


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "Articles",
        "The report lists 15 articles of the new law.",
        "Reading time matters to readers",
        "Reading time",
        "Half of the sources said the deal was close.",
        "Timeline",
        "Ownership of the stadium passed to the city in 1998.",
        "Key facts",
        "2024",
        "12",
        "In 15 articles published this year, the paper covered the case.",
    ],
)
def test_article_text_is_not_flagged(line: str) -> None:
    assert findings(f"{ARTICLE}\n{line}\n{PROSE}") == []


def test_aggregator_box_from_the_seed_shape() -> None:
    text = (
        f"{ARTICLE}\n15 Articles\n15 Articles\nHeadline one\nSnippet one.\nCoverage Details\n"
        "Bias Distribution\n- 50% of the sources lean Right\nFactuality"
    )
    found = findings(text)
    assert [(n, r) for n, r, _, _ in found] == [
        (5, "widgets.marker-count"),
        (6, "widgets.marker-count"),
        (9, "widgets.marker"),
        (10, "widgets.marker"),
        (11, "widgets.regex"),
        (12, "widgets.marker"),
    ]
    assert found[0][3] is Kind.RELATED and found[2][3] is Kind.WIDGET


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Bild anzeigen", "widgets.line"),
        ("Bild schließen", "widgets.line"),
        ("Otwórz galerię", "widgets.line"),
        ("Ver galería", "widgets.line"),
        ("Video verfügbar bis 28.02.2021", "widgets.regex"),
        ("Video available until 31 March 2025", "widgets.regex"),
    ],
)
def test_gallery_buttons_and_video_expiry_notes_are_flagged(line: str, reason: str) -> None:
    assert [(n, r) for n, r, _, _ in findings(f"{ARTICLE}\n{line}\n{PROSE}", None)] == [(5, reason)]


def test_a_sentence_about_a_video_is_not_an_expiry_note() -> None:
    line = "Das Video ist verfügbar bis Ende März, sagte der Sender."
    assert findings(f"{ARTICLE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize(
    "line",
    [
        "Bild anzeigen Bild schließen",
        "Gefällt Ihnen dieser Artikel?",
        "Es gibt derzeit keine bevorstehenden Veranstaltungen.",
        "There are no upcoming events at this time.",
        "By Jane Doe Feb 8, 2020 5 min read",
    ],
)
def test_gallery_buttons_bylines_with_reading_time_and_empty_lists_are_flagged(line: str) -> None:
    assert [n for n, *_ in findings(f"{ARTICLE}\n{line}\n{PROSE}", None)] == [5]


@pytest.mark.parametrize(
    "line",
    [
        "By the time the council met, there were no upcoming events on the agenda for May.",
        "Das Bild zeigt den Bürgermeister bei der Eröffnung.",
        "By Tuesday the plan had taken 5 minutes to read aloud.",
    ],
)
def test_prose_near_gallery_and_event_phrases_is_not_flagged(line: str) -> None:
    assert findings(f"{ARTICLE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize(
    "line",
    [
        "- descriptions off, selected",
        "- subtitles off, selected",
        "captions settings, opens captions settings dialog",
        "This is a modal window.",
        "This is a modal window. This modal can be closed by pressing the Escape key or "
        "activating the close button.",
        "Beginning of dialog window. Escape will cancel and close the window.",
        "End of dialog window.",
        "No compatible source was found for this media.",
        "Dies ist ein modales Fenster.",
        "Ceci est une fenêtre modale.",
        "Isto é uma janela-modal",
        "Questa è una finestra modale",
        "Это модальное окно",
        "これはモーダルウィンドウです",
        "이것은 모달 창입니다",
        "Ini adalah jendela modal.",
    ],
)
def test_video_player_menus_and_dialogs_are_flagged(line: str) -> None:
    assert [n for n, *_ in findings(f"{ARTICLE}\n{line}\n{PROSE}", None)] == [5]


@pytest.mark.parametrize(
    "line",
    [
        "The subtitles were selected by the festival's jury, she said.",
        "A modal window opens when readers click the map, the developers explained.",
        "Descriptions of the suspects were released on Monday.",
    ],
)
def test_prose_about_players_and_windows_is_not_flagged(line: str) -> None:
    assert findings(f"{ARTICLE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize("line", ["Mi piace", "Curtir", "Нравится", "기사 추천", "いいね！"])
def test_like_and_recommend_buttons_are_flagged(line: str) -> None:
    assert [n for n, *_ in findings(f"{ARTICLE}\n{line}\n{PROSE}", None)] == [5]


BIO = (
    "Jane Doe is a senior reporter covering city hall and transport. She joined the paper in "
    "2015 after ten years at a regional broadcaster."
)


@pytest.mark.parametrize(
    "line",
    [
        "About the author",
        "Über den Autor",
        "Sobre o autor",
        "Sull'autore",
        "Об авторе",
        "Tentang penulis",
        "기자 소개",
        "著者プロフィール",
        "この記事を書いた人",
    ],
)
def test_author_box_headings_after_the_article_open_a_widget_region(line: str) -> None:
    found = findings(f"{ARTICLE}\n{line}\n{BIO}", None)
    assert [(n, r, s) for n, r, s, _ in found] == [(5, "widgets.marker", Scope.REGION)]


def test_an_author_box_heading_followed_by_the_article_flags_its_line_only() -> None:
    found = findings(f"{PROSE}\nAbout the author\n{BIO}\n{ARTICLE}", None)
    assert [(n, s) for n, _, s, _ in found] == [(2, Scope.BLOCK)]


@pytest.mark.parametrize(
    "line",
    ["The author said the book took ten years to write.", "About the authorities' response"],
)
def test_sentences_about_authors_are_not_flagged(line: str) -> None:
    assert findings(f"{ARTICLE}\n{line}\n{PROSE}", None) == []


# Held-out languages: reaction/share/font buttons (ko), syndication and follow-us lines (id,
# pt, it), the typo-report hint (ru), photo/feedback buttons (ja).


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("훈훈해요", "ko"),
        ("후속기사 원해요", "ko"),
        ("페이스북(으)로 기사보내기", "ko"),
        ("본문 글씨 키우기", "ko"),
        ("Artikel ini telah tayang di Kompas.com dengan judul Jokowi Resmikan Tol Baru", "id"),
        ("Ikuti kami di Google News", "id"),
        ("Нашли ошибку? Выделите её и нажмите Ctrl+Enter", "ru"),
        ("この記事の写真", "ja"),
        ("Siga-nos no Google News", "pt"),
        ("Iscriviti al canale Telegram", "it"),
    ],
)
def test_news_site_buttons_in_held_out_languages_are_flagged(line: str, language: str) -> None:
    assert [n for n, *_ in findings(f"{ARTICLE}\n{line}\n{PROSE}", language)] == [5]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("화나요? 시민들은 물가 상승에 대해 정부가 더 많은 일을 해야 한다고 말했다.", "ko"),
        (
            "Artikel ini membahas rencana pemerintah untuk membangun jalan tol baru di Sumatera.",
            "id",
        ),
        ("Нашли ошибку в расчётах эксперты, проверившие отчёт министерства.", "ru"),
        ("Google News ha cambiato l'algoritmo per le notizie locali, dice l'azienda.", "it"),
    ],
)
def test_prose_near_those_buttons_is_not_flagged(line: str, language: str) -> None:
    assert findings(f"{ARTICLE}\n{line}\n{PROSE}", language) == []
