"""FooterDetector: tag labels, share bars, copyright, legal links, "powered by"."""

from __future__ import annotations

import pytest

from cleannews.detectors.footer import FooterDetector
from cleannews.kinds import Kind
from cleannews.page import Page
from cleannews.spans import Scope

PROSE = (
    "The city council approved the new budget on Tuesday after a long debate about housing, "
    "transport and schools, and officials said the plan would take effect next spring."
)


def flagged(text: str, language: str | None = "en") -> list[tuple[int, str]]:
    page = Page.from_text(text, language=language)
    return [
        (page.block_at(f.start).line, f.reason)  # type: ignore[union-attr]
        for f in FooterDetector().detect(page)
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Hashtags", "footer.marker"),
        ("Tags:", "footer.marker"),
        ("Tags: China, Telegram, privacy", "footer.prefix"),
        ("Schlagwörter", "footer.marker"),
        ("Themen", "footer.marker"),
        ("Mots-clés", "footer.marker"),
        ("Share", "footer.line"),
        ("Tweet", "footer.line"),
        ("Email", "footer.line"),
        ("Share this article", "footer.line"),
        ("Teilen", "footer.line"),
        ("Partager", "footer.line"),
        ("Compartir", "footer.line"),
        ("Поделиться", "footer.line"),
        ("分享", "footer.line"),
        ("All rights reserved", "footer.line"),
        ("Alle Rechte vorbehalten.", "footer.line"),
        ("Tous droits réservés", "footer.line"),
        ("Todos los derechos reservados", "footer.line"),
        ("Example Media 2024 - Tutti i diritti riservati", "footer.contains"),
        ("Privacy Policy", "footer.line"),
        ("Terms of Use", "footer.line"),
        ("Impressum", "footer.line"),
        ("Datenschutz", "footer.line"),
        ("Cookie settings", "footer.line"),
        ("Powered by Blogger", "footer.prefix"),
        ("Proudly powered by WordPress", "footer.prefix"),
        ("版权所有 © 2024 示例网", "footer.prefix"),
        ("무단 전재 및 재배포 금지", "footer.contains"),
        ("© 2024 Example Media", "footer.copyright"),
        ("Copyright © 2017 Example News", "footer.copyright"),
        ("Copyright 2023 Example Inc.", "footer.copyright"),
        (
            "© 2020 Example Media. All rights reserved. Use of and/or registration on any "
            "portion of this site constitutes acceptance of our User Agreement and Privacy "
            "Policy and Cookie Statement.",
            "footer.copyright",
        ),
        ("Privacy Policy | Terms of Use | Cookie settings", "footer.bar"),
        ("Share Tweet Email", "footer.bar"),
        ("Facebook Twitter LinkedIn Email", "footer.bar"),
        ("About Us Advertise With Us Terms of Use Privacy Policy Site Map Careers", "footer.bar"),
        ("Impressum · Datenschutz · Kontakt", "footer.bar"),
        # Sentence-long site licence notices.
        (
            "This website and all documents on it are licensed under a Creative Commons "
            "Attribution-Share Alike 3.0 United States License.",
            "footer.contains",
        ),
        (
            "Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY",
            "footer.contains",
        ),
        (
            "Materiał chroniony prawem autorskim - zasady przedruków określa regulamin.",
            "footer.contains",
        ),
    ],
)
def test_footer_lines_are_flagged(line: str, reason: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}") == [(2, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "The company updated its privacy policy last week.",
        "Share prices fell sharply on Monday after the announcement.",
        "Copyright law is changing fast in Europe.",
        "Email me your thoughts about this story.",
        "Tags are used to group articles by topic in the archive.",
        "Themen wie Klima und Verkehr bestimmten die Debatte.",
        "Print and email versions of the report are available.",
        "© Provided by Example Inc. The company shocked the world earlier this year by "
        "announcing its first mobile game, which can be played with one hand on any phone.",
        "The terms of use were rewritten after regulators complained, the privacy policy too.",
        "The photo, by a local artist, is licensed under a Creative Commons license and was "
        "shared widely.",
    ],
)
def test_article_prose_is_not_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}") == []


def test_tag_heading_opens_a_footer_region() -> None:
    page = Page.from_text(f"{PROSE}\nTags\nBeijing\nWomen's rights", language="en")
    (finding,) = FooterDetector().detect(page)
    assert finding.scope is Scope.REGION
    assert finding.follows_kind is Kind.FOOTER


@pytest.mark.parametrize(
    "following",
    [
        # A menu heading followed by menu entries that are sentences or teasers, not tags.
        "Themen - Was uns bewegt... diese Seite aufrufen\nNews-Archiv... diese Seite aufrufen",
        "Über diese Reihe\n" + PROSE,
        "",  # a heading with nothing after it
    ],
)
def test_tag_heading_without_tags_after_it_labels_only_itself(following: str) -> None:
    page = Page.from_text(f"{PROSE}\nThemen\n{following}", language="de")
    findings = [f for f in FooterDetector().detect(page) if f.reason == "footer.marker"]
    assert len(findings) == 1
    assert findings[0].scope is Scope.BLOCK


def test_tag_heading_inside_a_menu_labels_only_itself() -> None:
    # "Home / Questions / Tags / Users / Unanswered": a menu entry, not the article's tag list.
    page = Page.from_text(f"{PROSE}\nHome\nQuestions\nTags\nUsers\nUnanswered\n{PROSE}")
    findings = [f for f in FooterDetector().detect(page) if f.reason == "footer.marker"]
    assert [f.scope for f in findings] == [Scope.BLOCK]


def test_share_lines_are_block_scoped() -> None:
    page = Page.from_text(f"{PROSE}\nShare\nTweet\nEmail", language="en")
    findings = list(FooterDetector().detect(page))
    assert len(findings) == 3
    assert all(f.scope is Scope.BLOCK and f.kind is Kind.FOOTER for f in findings)


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Foto: Nick Fedirko/Shutterstock", "de"),
        ("Bildquelle: Getty Images", "de"),
        ("Quelle: Landesregierung Hessen", "de"),
        ("Photo: Madeleine Hadwiger", "en"),
        ("Source: CDC, Chicago Department of Public Health", "en"),
        ("Crédit photo : KB / Bondy Blog", "fr"),
        ("Źródło: ISBnews", "pl"),
        ("图片来源：新华社", "zh"),
    ],
)
def test_credit_lines_are_flagged(line: str, language: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", language) == [(2, "footer.regex")]


@pytest.mark.parametrize(
    "line",
    [
        # Captions are sentences: they stay.
        "Photo: The mayor speaks to reporters outside the town hall on Monday.",
        "Foto: Die Bürgermeisterin spricht am Montag vor dem Rathaus mit Reportern.",
        # A label followed by a long text is not a credit.
        "Source: officials in the city council who asked not to be named because the talks "
        "were private",
    ],
)
def test_captions_and_long_labels_are_not_credits(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}") == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Klicken Sie auf den unteren Button, um den Inhalt von www.komoot.de zu laden.",
            "footer.contains",
        ),
        ("Click the button below to load the content from YouTube.", "footer.contains"),
        ("Cliquez sur le bouton ci-dessous pour charger le contenu de Twitter.", "footer.contains"),
        ("Haz clic en el botón para cargar el contenido de Instagram.", "footer.contains"),
        ("Copyright: Gisele Wender", "footer.regex"),
    ],
)
def test_blocked_embed_placeholders_and_credits_are_flagged(line: str, reason: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == [(2, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "Der Streit dreht sich um den Inhalt von Artikel 5 des Vertrags.",
        "Photo by Jane Doe, taken on Monday outside the court.",
    ],
)
def test_prose_about_content_and_photos_is_not_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize(
    "line",
    [
        "View my complete profile",
        "Simple theme. Powered by Blogger.",
        "Haftungsbeschränkung für externe Links",
    ],
)
def test_blog_engine_and_legal_lines_are_flagged(line: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{PROSE}", None)] == [2]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Kategorie: News", "footer.prefix"),
        ("Categories: Politics, Economy", "footer.prefix"),
        ("(Alle Angaben ohne Gewähr)", "footer.line"),
    ],
)
def test_category_labels_and_listing_disclaimers_are_flagged(line: str, reason: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == [(2, reason)]


def test_a_sentence_starting_with_a_category_word_is_not_a_label() -> None:
    line = "Kategorie B ist die häufigste Führerscheinklasse in Deutschland."
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize(
    "line",
    [
        # Content licence notices.
        "All content is licensed under a Creative Commons Attribution 4.0 International "
        "License, unless stated otherwise.",
        "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE. Die Fotos "
        "dürfen nicht verwendet werden.",
        "Ce contenu est publié sous licence Creative Commons BY-SA.",
        "Este artículo se publica bajo una licencia Creative Commons.",
        # Blog-engine post meta lines.
        "This entry was posted in News and tagged budget, council by Jane Doe. Bookmark the "
        "permalink.",
        "Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit Berlin von "
        "Jane Doe. Permanentlink.",
        # Opinion disclaimers and citation notes.
        "Les opinions exprimées dans les blogs n'engagent que leurs auteurs.",
        "The views expressed here do not necessarily reflect the views of the publisher.",
        "Suggested citation: Doe, Jane: The budget debate, Blog, 2020/4/09.",
        # Embed placeholders and download-link notes.
        "Empfohlener redaktioneller Inhalt",
        "Jahresbericht 2021 PDF | 38 KB | Datei ist nicht barrierefrei",
    ],
)
def test_licence_meta_and_disclaimer_lines_are_flagged(line: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{PROSE}", None)] == [2]


@pytest.mark.parametrize(
    "line",
    [
        "The photo, by a local artist, is licensed under a Creative Commons license and was "
        "shared widely.",
        "The entry was posted in the register on Monday, officials said.",
        "Die Meinung des Autors wurde in der Debatte oft zitiert.",
        "A suggested citation format was adopted by the journal last year.",
    ],
)
def test_prose_near_licence_and_disclaimer_phrases_is_not_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


LICENCE_TAIL = (
    " Excepted are the photos and the logos shown on this site, whose rights stay with their "
    "authors; please ask the editors before you reuse them in print or on another website."
)


def test_a_long_licence_notice_opening_with_a_long_phrase_is_flagged() -> None:
    line = "All content is licensed under a Creative Commons licence." + LICENCE_TAIL * 2
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{PROSE}", None)] == [2]


def test_a_long_paragraph_quoting_a_notice_late_is_not_flagged() -> None:
    line = PROSE + LICENCE_TAIL + " He said all content is licensed under the new rules."
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


# A whole scraped page: menus before the article and a footer after it (site chrome).
MENU = "\n".join(["Home", "News", "Sport", "Culture", "Travel", "Contact"])
FOOTER_LINES = "\n".join(["About Us", "Imprint", "Privacy", "Jobs", "Newsletter", "Archive"])


def on_page(line: str, *, chrome: bool = True) -> str:
    article = f"{PROSE}\n{PROSE}\n{line}\n{PROSE}\n{PROSE}"
    return f"{MENU}\n{article}\n{FOOTER_LINES}" if chrome else article


def caption_lines(text: str, language: str | None = None) -> list[int]:
    return [n for n, reason in flagged(text, language) if reason == "footer.credited-caption"]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Marco Odermatt, ski star from Switzerland. © AFP / Marco Bertorello", "en"),
        ("The minister at the meeting on Monday. | © Example Images", "en"),
        ("Fans waited outside the stadium for hours. Photo: Jane Doe", "en"),
        ("Der Minister bei der Pressekonferenz in Berlin. (Foto: Privat)", "de"),
        ("Vertreter der Verbände sprachen mit der Ministerin. (Bildquelle: Landjugend )", "de"),
        ("Ein Kippmoment im Stück: die Menge wird zum Mob. Bild: Max Muster/Theater", "de"),
        ("Son tres los periodos de vacaciones durante el año. Foto: Andina", "es"),
        ("Organismos de derechos humanos frente al Palacio. Imagen: Télam", "es"),
        ("O ministro durante a reunião em Brasília. (Crédito: Agência Exemplo)", "pt"),
        ("Le ministre lors de la conférence de presse. Crédit photo : AFP", "fr"),
        ("Merkel keskusteli pääministerin kanssa Berliinissä. Kuva: Alexander Becher", "fi"),
        ("Министр на встрече с журналистами в Москве. Фото: ТАСС", "ru"),
        ("Il ministro durante la conferenza stampa a Roma. (Foto: Ansa)", "it"),
        # Korean "label=credit", and bracketed agency credits without a label.
        ("지난 1일 서울 광화문광장에서 시민들이 걷고 있다. /사진=연합뉴스", "ko"),
        ("지난 1일 서울 광화문광장에서 시민들이 걷고 있다. [사진=뉴시스]", "ko"),
        ("Dmitry Muratov, periodista ruso y Premio Nobel (REUTERS/Denis Balibouse)", "es"),
        ("Presiden meninjau lokasi banjir di Jakarta (ANTARA FOTO/Aditya Pradana)", "id"),
        ("The president speaks in the garden on Monday (AP Photo/Evan Vucci)", "en"),
        ("People queue outside a bank in Kyiv on Monday. REUTERS/Zohra Bensemra", "en"),
        ("Presiden meninjau lokasi banjir di Jakarta, Senin. ANTARA FOTO/Aditya Pradana", "id"),
        ("Il ministro durante la conferenza stampa a Roma. ANSA/ANGELO CARCONI", "it"),
    ],
)
def test_captions_closed_by_a_credit_are_flagged_on_scraped_pages(line: str, language: str) -> None:
    assert caption_lines(on_page(line), language) == [9]


@pytest.mark.parametrize(
    "line",
    [
        "Foto: Andina",  # a bare credit line: the [regex] phrases' business
        "Fotos © Max Muster",  # one word before the credit
        "Copyright © 2024 Example News",
        "The council said the rules were clear: nobody may build there.",
        "He held up the picture: a small boat on a grey sea.",
        "The results are summarised in the chart below. Source: Example Institute",
        PROSE + " The photo was taken by a local artist. " + PROSE + " Photo: Jane Doe",
        # A bracket closing a sentence or holding figures is no agency credit.
        "The agreement holds for both sides of the talks (EU/USA).",
        "The agreement holds for both sides of the talks. (EU/USA)",
        "Reward: 940,000 points and one scroll (HP / MP 20% up, lasts 3 hours)",
        "The value is then set with x = a + b for every row",
        "He said the talks went well. NATO/EU forces",  # a name is capitalised
        "Read the full annual report at https://www.example.org/reports/Annual",
    ],
)
def test_lines_that_are_not_credited_captions_are_not_flagged(line: str) -> None:
    assert caption_lines(on_page(line), "en") == []


def test_credited_captions_stay_in_text_an_extractor_already_cleaned() -> None:
    """Without site chrome around the article the text is an extractor's output, which
    keeps captions as article material on purpose."""
    line = "Fans waited outside the stadium for hours. Photo: Jane Doe"
    assert caption_lines(on_page(line, chrome=False), "en") == []


def test_a_bracketed_credit_closes_an_unspaced_caption() -> None:
    line = "国家主席出席会议并在北京人民大会堂发表重要讲话（图片：新华社）"
    assert caption_lines(on_page(line), "zh") == [9]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("\tFans waited outside the stadium for hours. Photo: Jane Doe", "en"),  # indented
        ("Fans waited outside the stadium for hours.\xa0Photo: Jane Doe", "en"),  # no-break space
        ("Fans waited outside the stadium for\thours. Photo credit: Jane Doe", "en"),
        ("Fans waited outside the stadium for hours. Photo                 : Jane Doe", "en"),
        ("Bakan basın toplantısında konuştu ve gitti. FOTOĞRAF: Ajans", "tr"),
    ],
)
def test_credit_labels_are_found_past_any_whitespace(line: str, language: str) -> None:
    """The label gate runs on the source before the line's block is looked up: indents,
    tabs, no-break spaces and a run of spaces before the colon must not hide a label."""
    assert caption_lines(on_page(line), language) == [9]


@pytest.mark.parametrize(
    "text",
    [
        "A caption line of words. Photo: X",
        "  A caption line of words. (Foto: X)",
        "prev line\n\tx Photo credit: X",
        "A caption of words ending in a very long compoundwordphoto: X",
        "A caption of words.\xa0Bild\xa0: X",
        "Ein Bild von İstanbul am Abend. İMAGE: X",
        "The council said the rules were clear: nobody may build there",
        "Tags: politics, elections",
        "国家主席出席会议并在北京人民大会堂发表重要讲话（图片：新华社）",
    ],
)
def test_the_source_label_gate_never_rejects_a_credit_the_block_accepts(text: str) -> None:
    from cleannews.detectors.footer import (
        _block_at,
        _closes_caption,
        _credit_hits,
        _credit_labels,
        _label_endings,
        _no_label_before,
    )

    package = FooterDetector().data_package
    labels, ends = _credit_labels(package)
    page = Page.from_text(text)
    hits = _credit_hits(text)
    assert hits
    for at in hits:
        block = _block_at(page.blocks, at)
        assert block is not None and block == page.block_at(at)
        if _no_label_before(text, at, ends, _label_endings(package)):
            assert not _closes_caption(block.text, at - block.start, labels, ends)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Teilen Sie dies mit:", "footer.line"),
        ("Diese Seite teilen", "footer.line"),
        ("Bewerten:", "footer.line"),
        ("Merken", "footer.line"),
        ("Externer Inhalt", "footer.line"),
        ("3 Bloggern gefällt das:", "footer.line"),
        ("Rate this:", "footer.line"),
        ("12 bloggers like this.", "footer.line"),
        ("J’aime ceci :", "footer.line"),
        ("Me gusta esto:", "footer.line"),
        ("Compartilhe isso:", "footer.line"),
        ("Vind ik leuk:", "footer.line"),
        ("Udostępnij to:", "footer.line"),
        ("Bagikan ini:", "footer.line"),
    ],
)
def test_blog_engine_share_like_and_rating_widgets_are_flagged(line: str, reason: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == [(2, reason)]


@pytest.mark.parametrize(
    ("line", "reason"),
    [("Markiert mit: Klima, Verkehr", "footer.prefix"), ("MARKIERT MIT", "footer.prefix")],
)
def test_tagged_with_labels_are_flagged(line: str, reason: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == [(2, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "Viele Leser teilen sie dies mit, wenn sie den Artikel mögen, sagte die Redakteurin.",
        "Die Schüler sollten sich die wichtigsten Daten merken, bevor sie die Prüfung ablegen.",
        "Twelve bloggers like this idea, but the council has not yet voted on the proposal.",
        "Externer Inhalt aus sozialen Netzwerken wird auf der Seite nur nach Zustimmung gezeigt.",
    ],
)
def test_prose_with_share_and_like_words_is_not_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("%d Bloggern gefällt das:", "footer.line"),
        ("%d bloggers like this:", "footer.line"),
        ("Liken Lade …", "footer.line"),
        ("WordPress.com", "footer.line"),
        ("Bloggen auf WordPress.com.", "footer.contains"),
        ("Blog at WordPress.com.", "footer.contains"),
        ("Sieh dir diesen Beitrag auf Instagram an", "footer.line"),
        ("View this post on Instagram", "footer.line"),
        ("A post shared by Jane Doe (@janedoe)", "footer.prefix"),
        ("Ver esta publicación en Instagram", "footer.line"),
        ("A %d blogueros les gusta esto:", "footer.prefix"),
        ("One blogger likes this.", "footer.prefix"),
        ("%d blogueurs aiment cette page :", "footer.line"),
    ],
)
def test_blog_engine_lines_and_embedded_post_placeholders_are_flagged(
    line: str, reason: str
) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == [(2, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "She moved her blog to WordPress.com last year and has written there every week since.",
        "The mayor shared a post on Instagram showing the new bridge before it opened to traffic.",
    ],
)
def test_prose_about_blogs_and_instagram_is_not_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Archiv – RSS – 2009-2020 by Jane Doe – Powered by Nikola", "footer.contains"),
        ("Alle Pressemitteilungen der Firma | RSS-Feed abonnieren", "footer.contains"),
        ("Design von Jane Doe und John Roe. Icons von Max Muster.", "footer.prefix"),
    ],
)
def test_site_generator_feed_and_theme_credits_are_flagged(line: str, reason: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == [(2, reason)]


def test_a_sentence_about_design_is_not_a_theme_credit() -> None:
    line = "Das Design von Autos hat sich in den letzten zwanzig Jahren stark verändert, sagte er."
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("We use cookies to improve your experience on our site.", "footer.contains"),
        ("Datenschutz & Cookies: Diese Website verwendet Cookies.", "footer.contains"),
        ("Informujemy, że korzystamy z cookies.", "footer.contains"),
        ("Nous utilisons des cookies pour mesurer l’audience.", "footer.contains"),
        ("Мы используем файлы cookie.", "footer.contains"),
        ("Unbedingt notwendige Cookies", "footer.line"),
        ("Strictly necessary cookies", "footer.line"),
        ("Cookie Dauer Beschreibung", "footer.line"),
        ("Accept all cookies", "footer.line"),
    ],
)
def test_cookie_consent_banners_are_flagged(line: str, reason: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == [(2, reason)]


def test_prose_about_cookies_is_not_flagged() -> None:
    line = "Regulators said the companies used cookies to follow readers across sites for years."
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize(
    "line",
    [
        "Previous Post: The council votes on the budget",
        "Next article These Weeks in Review: Issue 86",
        "Nächster Artikel Neue Regeln für den Verkehr",
        "Article précédent : Le budget adopté",
        "Artículo anterior El consejo aprueba el presupuesto",
        "Следующая статья Бюджет утвержден",
    ],
)
def test_previous_and_next_post_links_are_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == [(2, "footer.prefix")]


def test_a_sentence_about_the_next_article_is_not_flagged() -> None:
    line = "The next article in this series, out on Friday, looks at how the council spends money."
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize(
    "line",
    [
        "Click to share on Twitter (Opens in new window)",
        "Klick, um über Twitter zu teilen (Wird in neuem Fenster geöffnet)",
        "Klicken zum Ausdrucken (Wird in neuem Fenster geöffnet)",
        "Ihr Blog kann leider keine Beiträge per E-Mail teilen.",
        "Join 1,234 other followers",
        "Cliquez pour partager sur Facebook(ouvre dans une nouvelle fenêtre)",
        "Haz clic para compartir en Twitter (Se abre en una ventana nueva)",
        "Kommentare-Feed",
        "Entries feed",
    ],
)
def test_blog_engine_share_buttons_and_meta_widget_lines_are_flagged(line: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{PROSE}", None)] == [2]


def test_a_sentence_about_followers_is_not_flagged() -> None:
    line = "The singer thanked her fans, and other followers of the band, after the concert."
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


def _agency_hits_by_regex_scan(source: str) -> list[int]:
    """The agency credits as the patterns alone find them: two scans of the whole page."""
    from cleannews.detectors.footer import (
        _AGENCY_BEFORE_SLASH,
        _AGENCY_CREDIT,
        _SENTENCE_ENDS,
        _SLASH_CREDIT,
        _capitalised_name,
    )

    hits = []
    for m in _AGENCY_CREDIT.finditer(source):
        at = m.start() - 1
        if at >= 0 and source[at] in " \t" and _capitalised_name(m.group(), "/"):
            if source[max(0, at - 8) : at].rstrip()[-1:] not in _SENTENCE_ENDS:
                hits.append(at)
    for m in _SLASH_CREDIT.finditer(source):
        agency = _AGENCY_BEFORE_SLASH.search(source, max(0, m.start() - 32), m.start())
        if agency is not None and _capitalised_name(m.group(), "/"):
            hits.append(agency.start() + 1)
    return sorted(hits)


@pytest.mark.parametrize(
    "text",
    [
        "Muratov en Oslo (REUTERS/Denis Balibouse)",
        "Muratov en Oslo (REUTERS/Denis Balibouse) \t \nNext line (AFP/Getty Images)",
        "Muratov en Oslo (AP Photo/ Evan Vucci)\r\nNext",
        "Queue in Kyiv on Monday. REUTERS/Zohra Bensemra\nQueue in Kyiv. AFP /Jane Doe",
        "Queue in Kyiv on Monday. REUTERS\n/Zohra Bensemra",  # "$" before a last line break
        "Kyiv on Monday. REUTERS/" + "Z" * 39 + "\nKyiv (AFP/" + "Z" * 40 + ")",  # the reach
        "Kyiv on Monday. REUTERS/" + "Z" * 41 + "\nKyiv (AFP/" + "Z" * 41 + ")",  # beyond it
        "Kyiv (AFP/Jane Doe\n) and (AFP/Jane) Doe (AFP/Getty/Images)",
        "/Jane Doe\n(/Jane) (A/Jane) (AB/Jane Doe)",
        "See 12/03/2020, https://example.org/Path/To and JIM WATSON/AFP/Getty Images",
        "Reward (HP / MP 20% up)\nBlood / Hematology\nOn TV/Radio\nKyiv. EU/USA",
    ],
)
def test_the_slash_gates_keep_every_agency_credit_the_patterns_find(text: str) -> None:
    from cleannews.detectors.footer import _agency_credit_hits

    assert _agency_credit_hits(text) == _agency_hits_by_regex_scan(text)
