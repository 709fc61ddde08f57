"""NavigationDetector: skip links and menu words, breadcrumbs, long runs of menu items."""

from __future__ import annotations

import pytest

from cleannews.detectors.navigation import NavigationDetector, breadcrumb_items
from cleannews.page import Page
from cleannews.spans import Finding, Scope

PROSE = (
    "The city council approved the new budget on Tuesday after a long debate about housing, "
    "transport and schools, and officials said the plan would take effect next spring."
)
PROSE2 = (
    "Opponents argued that the increase in property taxes would hit young families hardest, "
    "while supporters said the money was needed to repair roads that had been neglected."
)
MENU = ["Home", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport"]


def flagged(lines: list[str], language: str | None = None) -> dict[str, str]:
    """``{line: reason}`` of every flagged line."""
    page = Page.from_text("\n".join(lines), language=language)
    found = {}
    for f in NavigationDetector().detect(page):
        assert f.kind.value == "nav" and f.detector == "navigation"
        found[page.source[f.start : f.end]] = f.reason
    return found


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Skip to content", "en"),
        ("Skip to main content", "en"),
        ("Toggle navigation", "en"),
        ("Log In", "en"),
        ("Today’s Paper", "en"),
        ("Zum Inhalt springen", "de"),
        ("Aller au contenu", "fr"),
        ("Ir al contenido", "es"),
        ("Vai al contenuto", "it"),
        ("Ir para o conteúdo", "pt"),
        ("Naar inhoud springen", "nl"),
        ("Przejdź do treści", "pl"),
        ("Перейти к содержанию", "ru"),
        ("跳到主要内容", "zh"),
        ("本文へスキップ", "ja"),
        ("본문 바로가기", "ko"),
        ("Langsung ke konten", "id"),
        ("Zum Inhalt springen", None),  # language unknown: every list is consulted
        ("Zurück zur Liste", "de"),
        ("Back to list", "en"),
        ("Volver al listado", "es"),
    ],
)
def test_navigation_phrases(line: str, language: str | None) -> None:
    assert flagged([PROSE, line, PROSE2], language) == {line: "navigation.line"}


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("Home > World > Africa", 3),
        ("Mac & i > News > 2015 > KW 15 > 1Password für Mac generiert Einmal-Passwörter", 5),
        ("Accueil › Politique › Élections", 3),
        ("News | Sport | Weather | Travel", 4),
        ("福娘童話集 > きょうのイソップ童話 > １月のイソップ童話", 3),
        # not trails
        ("| Film | Year | Description |", 0),
        ("Home > World", 0),
        (
            "Prices rose 3% / wages rose 2% / rents rose 5% in a year where nothing changed at all "
            "for the many families who rent.",
            0,
        ),
        ("He said: this is it. / She said: no. / Then they left.", 0),
        (PROSE, 0),
    ],
)
def test_breadcrumbs(line: str, items: int) -> None:
    assert breadcrumb_items(line) == items


def test_breadcrumb_is_flagged() -> None:
    assert flagged([PROSE, "Home > World > Africa", PROSE2]) == {
        "Home > World > Africa": "navigation.breadcrumb"
    }


def test_menu_run_before_the_article() -> None:
    found = flagged(["Example News", *MENU, PROSE, PROSE2, PROSE])
    assert {line: found.get(line) for line in MENU[1:]} == {
        line: "navigation.menu-run" for line in MENU[1:]
    }
    assert PROSE not in found


@pytest.mark.parametrize(
    "lines",
    [
        # a list the article introduces with a colon
        [PROSE, "You need:", "Cloche", "Ruler", "Spoon", "Moss", "Tweezers", "Saucer", PROSE2],
        # a list of short items enclosed by prose
        [PROSE, "arrayBuffer()", "blob()", "json()", "text()", "formData()", "clone()", PROSE2],
        # too short to be a menu
        [PROSE, "Chapter one", "Chapter two", "Chapter three", PROSE2],
        # article prose only
        [PROSE, PROSE2, "Home is where the heart is, she said before leaving the room.", PROSE],
        # code in the article (a protocol exchange), not a menu, even before any prose
        [
            '"ETag": "1382694048",',
            '"rel": "storage",',
            '"properties": {',
            "Content-Length: 106",
            "Content-Type: text/plain",
            'ETag: "1382694048000"',
            PROSE,
            PROSE2,
        ],
        # a document's numbered table of contents
        [
            "Table of Contents",
            "1. Introduction",
            "2. Terminology",
            "3. Storage model",
            "4. Requests",
            "5. Responses",
            "6. Versioning",
            "7. Security",
            PROSE,
            PROSE2,
        ],
    ],
)
def test_article_lists_and_prose_are_not_navigation(lines: list[str]) -> None:
    assert flagged(lines) == {}


@pytest.mark.parametrize(
    "line", ["Zurück zu allen Meldungen", "Back to all news", "Retour à toutes les actualités"]
)
def test_back_to_all_news_links_are_flagged(line: str) -> None:
    assert line in flagged([PROSE, PROSE2, line, PROSE])


def test_prose_about_going_back_is_not_flagged() -> None:
    line = "Back to all the news from the council: the plan takes effect next spring."
    assert flagged([PROSE, PROSE2, line, PROSE]) == {}


SECTIONS = ["Opinion", "Culture", "Travel", "Style"]


@pytest.mark.parametrize(
    ("lines", "menu"),
    [
        # a code line parts a run: the part long enough is a menu, the short part is not
        (["Example News", *MENU, "Content-Type: text/plain", *SECTIONS, PROSE, PROSE2], MENU),
        # ...and so does a numbered heading, here after the shorter part
        ([*SECTIONS, "3. Storage model", *MENU, PROSE, PROSE2], MENU),
        # neither part is long enough
        ([*SECTIONS, 'ETag: "1"', *MENU[:4], PROSE, PROSE2], []),
    ],
)
def test_a_line_that_is_no_menu_item_parts_a_run(lines: list[str], menu: list[str]) -> None:
    runs = {line for line, reason in flagged(lines).items() if reason == "navigation.menu-run"}
    assert runs - {"Example News"} == set(menu)


def test_menu_run_findings_built_in_place_are_genuine_findings() -> None:
    page = Page.from_text("\n".join(["Example News", *MENU, PROSE, PROSE2, PROSE]))
    findings = [f for f in NavigationDetector().detect(page) if f.reason == "navigation.menu-run"]
    assert len(findings) == len(MENU) + 1
    for f in findings:
        assert type(f) is Finding and f.scope is Scope.BLOCK and f.region_kind is None
        assert f == Finding.from_dict(f.to_dict())


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Angemeldet bleiben", "de"),
        ("Ihr Warenkorb ist leer", "de"),
        ("Meist gesucht:", "de"),
        ("Kategorien", "de"),
        ("Remember me", "en"),
        ("Your cart is empty.", "en"),
        ("Jump to Recipe", "en"),
        ("Votre panier est vide", "fr"),
        ("Tu carrito está vacío", "es"),
        ("Il carrello è vuoto", "it"),
        ("Lembrar-me", "pt"),
        ("Uw winkelwagen is leeg", "nl"),
        ("Zapamiętaj mnie", "pl"),
        ("Ваша корзина пуста", "ru"),
        ("Ingat saya", "id"),
    ],
)
def test_login_cart_and_search_widget_lines(line: str, language: str) -> None:
    assert flagged([PROSE, line, PROSE2], language) == {line: "navigation.line"}


@pytest.mark.parametrize(
    "line",
    [
        "Die Kategorien der Förderung wurden neu geordnet, sagte die Ministerin.",
        "Remember me as someone who tried to fix the roads, the mayor told the council on Tuesday.",
    ],
)
def test_prose_with_login_and_category_words_is_not_flagged(line: str) -> None:
    assert flagged([PROSE, line, PROSE2]) == {}


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Beitrags-Navigation", "de"),
        ("Passwort vergessen?", "de"),
        ("Schließen", "de"),
        ("Post navigation", "en"),
        ("Forgot your password?", "en"),
        ("Mot de passe oublié ?", "fr"),
        ("¿Olvidaste tu contraseña?", "es"),
        ("Navigazione articoli", "it"),
        ("Esqueceu sua senha?", "pt"),
        ("Wachtwoord vergeten?", "nl"),
        ("Nie pamiętasz hasła?", "pl"),
        ("Забыли пароль?", "ru"),
        ("Lupa kata sandi?", "id"),
        ("パスワードをお忘れの方", "ja"),
        ("비밀번호 찾기", "ko"),
        ("忘记密码", "zh"),
    ],
)
def test_post_navigation_and_login_form_lines(line: str, language: str) -> None:
    assert flagged([PROSE, line, PROSE2], language) == {line: "navigation.line"}


def test_prose_about_passwords_is_not_flagged() -> None:
    line = "Experts say a password should be long, and the council will change its rules soon."
    assert flagged([PROSE, line, PROSE2], "en") == {}


@pytest.mark.parametrize(
    ("line", "language"),
    [("Menü schließen", "de"), ("Volltextsuche", "de"), ("About this capture", "en")],
)
def test_menu_search_and_archive_toolbar_lines(line: str, language: str) -> None:
    assert flagged([PROSE, line, PROSE2], language) == {line: "navigation.line"}
