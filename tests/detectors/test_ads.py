"""AdsDetector: ad labels, sponsored content, paywall and newsletter/app calls to action."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.detectors.ads import AdsDetector, undoubled
from cleannews.kinds import Kind
from cleannews.page import Page
from cleannews.spans import Scope

PROSE = (
    "The city council approved the new budget on Tuesday after a long debate about housing, "
    "transport and schools, and officials said the plan would take effect next spring."
)
MORE_PROSE = (
    "Opposition members argued that the spending on roads was too low, while the mayor said "
    "the council had balanced competing demands as well as it could this year."
)


def flagged(text: str, language: str | None = "en") -> list[tuple[int, str]]:
    page = Page.from_text(text, language=language)
    return [
        (page.block_at(f.start).line, f.reason)  # type: ignore[union-attr]
        for f in AdsDetector().detect(page)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Anzeige",
        "Publicité",
        "Publicidad",
        "Pubblicità",
        "Publicidade",
        "Advertentie",
        "Reklama",
        "Реклама",
        "广告",
        "広告",
        "광고",
        "Iklan",
        "STORY CONTINUES BELOW THIS AD",
        "Sponsored",
        "Sponsored content",
        "Upgrade to Premium",
        "Subscribe now",
        "Sign up for our newsletter",
        "Download our app",
        "To view factuality data please Upgrade to Premium",
        "Already a subscriber? Log in",
        "Jetzt abonnieren",
        "Abonnez-vous",
        "Suscríbete ahora",
        "Abbonati ora",
        "Assine já",
        "Подпишитесь на рассылку",
        "Sign up to receive award-winning content delivered to your inbox.",
        "La suite après cette publicité",
        "Sponsored Links Sponsored Links",
        "広告：新商品のお知らせ",
        # Sentence-long calls to action (a [contains] phrase of >= 3 words).
        "Never miss the latest news by signing up to our newsletter today!",
        "To view the full story, please subscribe to The Example Times. You can choose an "
        "annual subscription or a weekly pass.",
        "Puede escribirnos o seguirnos en las redes sociales o suscribirse aquí a nuestra "
        "newsletter.",
        "Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.",
        "*Werbung. Dieser Beitrag enthält Werbung für eine Marke.",
        # Ad disclosure labels in front of a promo line.
        "ANZEIGE - Heute mal ausgehen oder bestellen? Wie wäre es mit:",
    ],
)
def test_ad_lines_are_flagged(line: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{PROSE}")] == [2]


@pytest.mark.parametrize(
    "line",
    [
        "The advertisement industry grew by five percent last year, analysts said.",
        "Premium economy seats cost more on long flights this year.",
        "Reklama na billboardach kosztuje coraz więcej, twierdzą eksperci z branży.",
        "Sponsored by the state, the programme helped two thousand families find homes "
        "over three years across the region.",
        "He told readers to subscribe now and then, but the newsletter he had launched in "
        "2019 never found an audience beyond a few hundred loyal subscribers in the town.",
        "PR firm hired to repair the company's image",
        # A two-word [contains] phrase inside a sentence is no call to action.
        "He urged readers to subscribe now, before the price of the paper rises again next "
        "month, he said.",
        "Die Zeitung bietet für Abonnenten seit Jahren ein Archiv an, sagte der Verleger.",
        "Anzeigen gegen den Bürgermeister wurden von der Staatsanwaltschaft geprüft.",
    ],
)
def test_article_prose_is_not_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}") == []


@pytest.mark.parametrize(
    ("heading", "language"),
    [
        ("Try Our AI Features", "en"),
        ("Sponsored Stories", "en"),
        ("Paid Content", "en"),
        ("Gesponserte Inhalte", "de"),
        ("Contenus sponsorisés", "fr"),
    ],
)
def test_promo_headings_are_region_markers(heading: str, language: str) -> None:
    page = Page.from_text(f"{PROSE}\n{heading}\nExplore what we can do for you:", language)
    (finding,) = AdsDetector().detect(page)
    assert finding.scope is Scope.REGION
    assert finding.follows_kind is Kind.AD
    assert page.source[finding.start : finding.end] == heading


def test_foreign_phrase_scores_lower_than_own_language() -> None:
    (own,) = AdsDetector().detect(Page.from_text("Anzeige", language="de"))
    (foreign,) = AdsDetector().detect(Page.from_text("Anzeige", language="en"))
    assert foreign.score < own.score


def test_long_line_needs_a_whole_line_phrase() -> None:
    long_line = "Subscribe now " + "and read on " * 40
    assert flagged(long_line) == []


@pytest.mark.parametrize(
    ("key", "half"),
    [
        ("sponsored links sponsored links", "sponsored links"),
        ("ads ads", "ads"),
        ("sponsored links", None),
        ("abcabc", None),
    ],
)
def test_undoubled(key: str, half: str | None) -> None:
    assert undoubled(key) == half


def test_promo_box_after_article_is_removed_as_ad() -> None:
    text = f"{PROSE}\n{MORE_PROSE}\nTry Our AI Features\nExplore what Example AI can do for you:"
    doc = cleannews.clean(text, detect_language=False)
    assert [(s.kind, s.text) for s in doc.removed] == [
        (Kind.AD, "Try Our AI Features\nExplore what Example AI can do for you:")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "For the latest stories and breaking news updates download the Nationnews apps for "
        "iOS and Android.",
        "Follow us on Twitter to get the latest on the world's hidden wonders.",
        "Do you want to be informed of our actions? Sign up here",
        "We want to hear what you think about this article. Submit a letter to the editor.",
        "Zapraszamy też do subskrypcji tygodnika w Sieci Przyjaciół.",
    ],
)
def test_sentence_long_social_and_app_calls_are_flagged(line: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{PROSE}")] == [2]


@pytest.mark.parametrize(
    "line",
    [
        "This post contains references to products from one or more of our advertisers. We "
        "may receive compensation when you click on links to those products.",
        "We recommend the best products through an independent review process, and "
        "advertisers do not influence our picks.",
        "Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um "
        "Affiliate Links",
        "Jede kleine Spende hilft den Menschen vor Ort!",
        "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.",
        "¡Mira lo que tiene nuestro canal de YouTube!",
        "Cet article contient des liens affiliés.",
        "Iscriviti al nostro canale per non perdere nessun video.",
        "Siga nosso canal no WhatsApp e receba as notícias do dia.",
        "Ten artykuł zawiera linki afiliacyjne.",
    ],
)
def test_affiliate_disclosures_and_channel_calls_are_flagged(line: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{PROSE}", None)] == [2]


@pytest.mark.parametrize(
    "line",
    [
        "The company said advertisers had pulled out after the report was published.",
        "The YouTube channel of the museum showed the restoration work in detail.",
        "Die Spende des Vereins wurde am Montag übergeben.",
    ],
)
def test_prose_about_advertisers_and_channels_is_not_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize(
    "line",
    [
        "Kostenlos registrieren und weiterlesen",
        "Schon registriert? Hier einloggen",
        "Je fais un don à Attac",
    ],
)
def test_registration_walls_and_donation_buttons_are_flagged(line: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{PROSE}", None)] == [2]


@pytest.mark.parametrize(
    "line", ["Pour lire la suite", "Pour accéder en illimité à tous nos articles"]
)
def test_french_paywall_lines_are_flagged(line: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{PROSE}", None)] == [2]


@pytest.mark.parametrize(
    "line",
    [
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of "
        "Service apply.",
        "Receive our monthly newsletter to stay on top of the latest articles.",
        "By signing up, you agree to our terms and privacy policy.",
        "Ich bin mit der Verarbeitung meiner Daten nach Datenschutzerklärung einverstanden.",
        "Mit der Anmeldung stimme ich der Bearbeitung meiner Daten zu.",
        "Benachrichtigung aktivieren",
        "Für Links auf dieser Seite erhält der Verlag ggf. eine Provision vom Händler.",
        "Votre adresse de messagerie est uniquement utilisée pour vous envoyer nos lettres "
        "d'information.",
        "Puedes darte de baja en cualquier momento desde el enlace del boletín.",
        "Prosimy o zaznaczenie checkboxa przed dodaniem komentarza.",
        "Instant access to the full article PDF.",
        "Get the latest news straight to your phone with our app.",
        "Du willst nichts mehr verpassen?",
    ],
)
def test_form_consent_and_newsletter_notices_are_flagged(line: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{PROSE}", None)] == [2]


@pytest.mark.parametrize(
    "line",
    [
        "The company said it would protect user data with new encryption next year.",
        "Die Verarbeitung der Daten dauerte nach Angaben der Behörde mehrere Wochen.",
        "Der Händler erhielt für den Verkauf eine hohe Provision, sagte der Anwalt.",
        "Le lien entre les deux affaires reste à établir, selon les enquêteurs.",
    ],
)
def test_prose_near_consent_phrases_is_not_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


LONG_TAIL = (
    " We process the data you enter only to send you the messages you asked for and keep it "
    "for as long as you stay subscribed, after which it is deleted from every system we use."
)


@pytest.mark.parametrize(
    "line",
    [
        "By signing up, you agree to our terms and privacy policy." + LONG_TAIL * 2,
        "Mit der Anmeldung stimme ich der Bearbeitung meiner Daten zu. Die Einwilligung kann "
        "jederzeit widerrufen werden, eine Abmeldung ist über den Link in jeder Ausgabe möglich, "
        "und die Daten werden danach innerhalb von dreißig Tagen vollständig gelöscht, wie es "
        "in der Datenschutzerklärung beschrieben ist, die Sie auf unserer Seite finden.",
    ],
)
def test_long_notices_opening_with_a_long_phrase_are_flagged(line: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{PROSE}", None)] == [2]


@pytest.mark.parametrize(
    "line",
    [
        # The phrase comes late in the paragraph: prose mentioning it in passing.
        PROSE + " " + MORE_PROSE + " Readers can subscribe to our youtube channel for updates.",
        # A short phrase opening a long paragraph is not enough.
        "Subscribe now, the mayor told residents, " + MORE_PROSE + " " + PROSE,
    ],
)
def test_long_paragraphs_mentioning_a_phrase_are_not_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}", None) == []


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Zum Shop", "de"),
        ("Affiliatelink", "de"),
        ("Produktempfehlung", "de"),
        ("Jetzt spenden", "de"),
        ("Advertising Disclosure", "en"),
        ("View deal", "en"),
        ("We recommend the best products through an independent review process.", "en"),
        ("Voir l’offre", "fr"),
        ("Ver oferta", "es"),
        ("Vedi offerta", "it"),
        ("Bekijk aanbieding", "nl"),
        ("Zobacz ofertę", "pl"),
    ],
)
def test_shop_buttons_and_advertiser_disclosures_are_flagged(line: str, language: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{MORE_PROSE}", language)] == [2]


@pytest.mark.parametrize(
    "line",
    [
        "Der Händler verweist seine Kunden seit März zum Shop in der Altstadt, sagte er.",
        "We recommend the best route through the old town to visitors, the guide said.",
    ],
)
def test_prose_near_shop_and_disclosure_words_is_not_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{MORE_PROSE}", None) == []


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Get regular updates on the latest tutorials, offers & news at Example Site.", "en"),
        ("I hate spam & you may opt out anytime: Privacy Policy.", "en"),
        ("Send me email every new post.", "en"),
        ("2023 nichts mehr versäumen!", "de"),
        ("Verpasse keine News zu Hardware & Gadgets", "de"),
        ("Abonnieren Sie den Newsletter und erhalten Sie exklusive Angebote!", "de"),
        ("Ne manquez plus aucun article : inscrivez-vous.", "fr"),
        ("Puedes darte de baja en cualquier momento.", "es"),
        ("Non perderti nessuna notizia!", "it"),
        ("Não perca nenhuma novidade!", "pt"),
        ("Nie przegap żadnego artykułu!", "pl"),
        ("Вы можете отписаться в любой момент.", "ru"),
    ],
)
def test_newsletter_offers_and_their_fine_print_are_flagged(line: str, language: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{MORE_PROSE}", language)] == [2]


@pytest.mark.parametrize(
    "line",
    [
        "The mayor said residents would never miss the old bridge once the new one opened in May.",
        "Die Stadt will in diesem Jahr nichts mehr an den Plänen ändern, sagte der Bürgermeister.",
    ],
)
def test_prose_near_newsletter_words_is_not_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{MORE_PROSE}", None) == []


@pytest.mark.parametrize(
    ("line", "language"),
    [("Vielen Dank für Ihre Anmeldung!", "de"), ("Thanks for subscribing!", "en")],
)
def test_newsletter_sign_up_confirmations_are_flagged(line: str, language: str) -> None:
    assert [n for n, _ in flagged(f"{PROSE}\n{line}\n{MORE_PROSE}", language)] == [2]
