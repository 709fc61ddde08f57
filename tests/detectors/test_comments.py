"""CommentsDetector: comment-widget headings (markers) and widget texts, in many languages."""

from __future__ import annotations

import pytest

from cleannews.detectors.comments import CommentsDetector
from cleannews.page import Page
from cleannews.spans import Scope

PROSE = (
    "The city council approved the new budget on Tuesday after a long debate about housing, "
    "transport and schools, and officials said the plan would take effect next spring."
)
ARTICLE = "\n".join([PROSE] * 4)
COMMENT = (
    "I think the council should have spent more on the library, which has been closed on "
    "Sundays for years and is the only quiet place for students in the old town."
)


def flagged(text: str, language: str | None = "en") -> list[tuple[int, str, Scope]]:
    page = Page.from_text(text, language=language)
    return [
        (page.block_at(f.start).line, f.reason, f.scope)  # type: ignore[union-attr]
        for f in CommentsDetector().detect(page)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Comments",
        "Comments (3)",
        "12 Comments",
        "Leave a Reply",
        "Post a Comment",
        "Add a comment",
        "Join the discussion",
        "Kommentare",
        "Schreiben Sie einen Kommentar",
        "Commentaires",
        "Laisser un commentaire",
        "Comentarios",
        "Deja un comentario",
        "Commenti",
        "Lascia un commento",
        "Comentários",
        "Deixe um comentário",
        "Reacties",
        "Plaats een reactie",
        "Komentarze",
        "Dodaj komentarz",
        "Комментарии",
        "Оставить комментарий",
        "评论",
        "发表评论",
        "コメント",
        "コメントを書く",
        "댓글",
        "Komentar",
        "Tinggalkan komentar",
        "Yorumlar",
    ],
)
def test_headings_open_a_comments_region(line: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{COMMENT}") == [(5, "comments.marker", Scope.REGION)]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("No comments yet...", "comments.line"),
        ("Be the first to comment", "comments.line"),
        ("Log in to comment", "comments.line"),
        ("Cancel reply", "comments.line"),
        ("Noch keine Kommentare", "comments.line"),
        ("Aucun commentaire", "comments.line"),
        ("Sé el primero en comentar", "comments.line"),
        ("Nessun commento", "comments.line"),
        ("Комментариев пока нет", "comments.line"),
        ("暂无评论", "comments.line"),
        ("コメントはまだありません", "comments.line"),
        ("댓글이 없습니다", "comments.line"),
        ("Powered by Disqus", "comments.contains"),
        ("blog comments powered by Disqus", "comments.contains"),
        ("Your email address will not be published.", "comments.contains"),
        (
            "Your email address will not be published. Required fields are marked *",
            "comments.contains",
        ),
        ("Ihre E-Mail-Adresse wird nicht veröffentlicht.", "comments.contains"),
        ("Votre adresse e-mail ne sera pas publiée.", "comments.contains"),
        ("Comments are closed.", "comments.marker"),
        ("Facebook Comments Plugin", "comments.contains"),
        ("348 replies", "comments.count"),
        ("1.2K responses", "comments.count"),
        ("15 件のコメント", "comments.count"),
        ("3 条评论", "comments.count"),
    ],
)
def test_widget_texts_are_flagged(line: str, reason: str) -> None:
    assert [(n, r) for n, r, _ in flagged(f"{ARTICLE}\n{line}\n{COMMENT}")] == [(5, reason)]


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "3. One comment read:",
        "“We are not content,” read one comment on Instagram-like Red Note.",
        "The minister declined to comment on the report.",
        "Comments from residents were mostly positive, the survey found.",
        "Discussion",
        "Reactions",
        "What do you think?",
        "Comment",
    ],
)
def test_article_text_is_not_flagged(line: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}") == []


def test_a_comment_thread_after_the_heading_keeps_the_region() -> None:
    thread = "\n".join([COMMENT, "Reply", COMMENT, "Reply", COMMENT])
    found = flagged(f"{ARTICLE}\nComments\n{thread}")
    assert found[0] == (5, "comments.marker", Scope.REGION)


@pytest.mark.parametrize(
    "line",
    [
        "12 Responses to “Council approves budget”",
        "13 Thoughts on “Council approves budget”",
        "2 replies to Council approves budget",
        "4 Gedanken zu „Stadtrat beschließt Haushalt“",
        "5 réflexions sur « Le conseil adopte le budget »",
        "3 respuestas a «El consejo aprueba el presupuesto»",
        "7 комментариев к «Совет утвердил бюджет»",
    ],
)
def test_thread_headings_with_a_count_open_a_region_before_prose(line: str) -> None:
    # The thread is prose (comments), so the region holds even though paragraphs follow.
    thread = "\n".join([COMMENT, "Reply", COMMENT])
    assert flagged(f"{ARTICLE}\n{line}\n{thread}")[0] == (5, "comments.marker-prefix", Scope.REGION)


@pytest.mark.parametrize(
    "line", ["Thoughts on the new budget", "Responses to the flood", "Gedanken zu Europa"]
)
def test_thread_heading_words_without_a_count_are_article_subheadings(line: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}") == []


def test_a_comment_count_under_the_byline_does_not_open_a_region() -> None:
    text = f"Council approves budget\nBy Jane Doe\n11 Comments\n{ARTICLE}\n{ARTICLE}"
    assert flagged(text) == [(3, "comments.marker", Scope.BLOCK)]


# -- threads without a heading (trafilatura prints comments so) -------------------------------


def findings(text: str, language: str | None = "en") -> list[tuple[int, str, Scope]]:
    return flagged(text, language)


def cleaned_lines(text: str) -> list[str]:
    from cleannews import Cleaner

    return Cleaner().clean(text, kind="text", detect_language=False).text.splitlines()


@pytest.mark.parametrize("author", ["Anonymous", "Anonym", "Gast", "Anónimo", "匿名"])
def test_repeated_placeholder_authors_open_a_thread(author: str) -> None:
    text = f"{ARTICLE}\n{author}\n{COMMENT}\nLars\n{COMMENT}\n{author}\n{COMMENT}"
    # The comments between the first and last author line are the thread's too.
    assert findings(text) == [
        (5, "comments.anonymous-author", Scope.REGION),
        (9, "comments.anonymous-author", Scope.REGION),
        (6, "comments.in-thread", Scope.BLOCK),
        (7, "comments.in-thread", Scope.BLOCK),
        (8, "comments.in-thread", Scope.BLOCK),
    ]
    assert cleaned_lines(text) == [PROSE] * 4


@pytest.mark.parametrize(
    "text",
    [
        # One placeholder author is an attribution ("a poem by Anonymous"), not a thread.
        f"{ARTICLE}\nAnonymous\n{PROSE}",
        # Interview speaker labels with real names are not placeholder authors.
        f"{ARTICLE}\nInterviewer\n{PROSE}\nInterviewer\n{PROSE}",
    ],
)
def test_single_or_named_authors_are_not_a_thread(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize(
    "stamp",
    [
        "9. Dezember 2013 um 14:57",
        "March 11, 2015 at 2:57 pm",
        "Alexander Petrov wrote on March 11th, 2015 at 02:57:",
        "RockyRider66, 26. Januar 2022 13:05",
        "14/04/2020 at 3:00 pm",
        "26 abril 2022 a las 14:02",
        "田中 2022年3月12日 14:35",
        "홍길동 2022.03.12 14:35",
        "佐藤 2022/03/12 15:01",
        "Budi 12 Maret 2022 pukul 14.35",
    ],
)
def test_time_stamps_after_the_article_open_a_thread(stamp: str) -> None:
    text = f"{ARTICLE}\n{stamp}\n{COMMENT}\n{stamp}\nThanks!"
    assert cleaned_lines(text) == [PROSE] * 4


def test_a_long_comment_inside_a_thread_does_not_end_it() -> None:
    long_comment = "\n".join([COMMENT] * 4)  # the region alone would end after 3 paragraphs
    text = f"{ARTICLE}\nAnonymous\n{long_comment}\nAnonymous\n{COMMENT}"
    assert cleaned_lines(text) == [PROSE] * 4


def test_short_header_lines_above_the_first_stamp_go_with_the_thread() -> None:
    stamp = "8. Dezember 2010 um 10:56"
    text = (
        f"{ARTICLE}\n1\nKommentar von Mareike\n{stamp}\n{COMMENT}\n"
        f"2\nKommentar von Georg\n{stamp}\n{COMMENT}"
    )
    assert findings(text, "de")[0] == (5, "comments.header", Scope.REGION)
    assert cleaned_lines(text) == [PROSE] * 4


@pytest.mark.parametrize(
    "text",
    [
        # Datelines above the article body are not comment headers.
        f"Headline\nPublished March 3, 2020 at 10:00\nUpdated March 4, 2020 at 09:00\n{ARTICLE}",
        f"9. Dezember 2013 um 14:57\nHeadline\n9. Dezember 2013 um 15:57\n{ARTICLE}",
        # One stamp is no thread; event lines with a label are no stamps.
        f"{ARTICLE}\nMarch 11, 2015 at 2:57 pm\n{PROSE}",
        f"{ARTICLE}\nTermin: 21.02.2020, 19:00 Uhr\nTermin: 28.02.2020, 18:30 Uhr\n{PROSE}",
        # A sentence ending in a date and time is prose.
        f"{ARTICLE}\nPreis kann höher sein. Preis vom 02.01.2023 12:53 Uhr\n"
        f"Preis kann höher sein. Preis vom 02.01.2023 10:46 Uhr",
        # The article's own "entered / revised" and "published / updated" lines.
        f"{ARTICLE}\n입력 2022.03.12 14:35\n수정 2022.03.12 15:01\n{PROSE}",
        f"{ARTICLE}\n配信 2022年3月12日 14:35\n更新 2022年3月12日 15:01\n{PROSE}",
        f"{ARTICLE}\nDiterbitkan 12 Maret 2022 pukul 14.35\nDiperbarui 12 Maret 2022 pukul "
        f"15.01\n{PROSE}",
    ],
)
def test_datelines_and_single_stamps_are_not_a_thread(text: str) -> None:
    assert all(r not in ("comments.stamp", "comments.header") for _, r, _ in findings(text))


@pytest.mark.parametrize("heading", ["12 Kommentare", "3 Comments", "5 komentarzy"])
def test_counted_heading_after_the_article_opens_a_thread(heading: str) -> None:
    assert (
        cleaned_lines(f"{ARTICLE}\n{heading}\n{COMMENT}\nMaria\n{COMMENT}\n{COMMENT}")
        == [PROSE] * 4
    )


@pytest.mark.parametrize("heading", ["12 Kommentare", "3 Comments"])
def test_counted_heading_under_the_byline_labels_only_itself(heading: str) -> None:
    text = f"Headline of the story\nBy Jane Doe\n{heading}\n{ARTICLE}"
    assert cleaned_lines(text)[-4:] == [PROSE] * 4
    assert all(s is Scope.BLOCK for _, _, s in findings(text))


@pytest.mark.parametrize(
    "line",
    [
        "We welcome reader comments on the top stories of the day. Some comments may be "
        "republished on the website or in the newspaper.",
        "Please understand that comments are moderated and it is not always possible to "
        "publish all that have been submitted.",
        "Du musst Eingeloggt sein um Kommentare zu schreiben! oder noch gar nicht Registriert?",
        "Keine Kommentare for “Malaga, die quirlige Metropole in Andalusien”",
        "留言列表 (42)",
    ],
)
def test_sentence_long_thread_notices_are_flagged(line: str) -> None:
    assert [n for n, _, _ in findings(f"{ARTICLE}\n{line}\n{PROSE}")] == [5]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Keine Kommentare Kommentare sind geschlossen.", "de"),
        ("Kommentar hinzufügen", "de"),
        ("eMail (erforderlich) (wird nicht veröffentlicht)", "de"),
        ("Verraten Sie gerne in den Kommentaren: Was bedeutet der Preis für Sie?", "de"),
        ("Let us know in the comments what you think of the new design.", "en"),
        ("Commentaires fermés", "fr"),
        ("Cuéntanos en los comentarios qué te parece esta receta.", "es"),
        ("Fatecelo sapere nei commenti!", "it"),
        ("Conte pra gente nos comentários o que achou.", "pt"),
        ("Reacties zijn gesloten.", "nl"),
        ("Dajcie znać w komentarzach, co o tym sądzicie.", "pl"),
        ("Пишите в комментариях, что вы думаете.", "ru"),
        ("Tulis pendapatmu di kolom komentar ya!", "id"),
    ],
)
def test_closed_threads_and_calls_to_comment_are_flagged(line: str, language: str) -> None:
    assert [n for n, _, _ in flagged(f"{ARTICLE}\n{line}\n{PROSE}", language)] == [5]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Der Bericht wird nicht veröffentlicht, sagte die Ministerin.", "de"),
        ("In den Kommentaren unter dem Video häuften sich die Beleidigungen.", "de"),
        ("Warganet ramai menulis di kolom komentar unggahan tersebut.", "id"),
        ("The comments section of the paper was closed for the holidays, he said.", "en"),
    ],
)
def test_reports_about_comments_are_not_flagged(line: str, language: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", language) == []


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Leave a Reply Cancel reply", "en"),
        ("Kommentar verfassen Antwort abbrechen", "de"),
        ("Schreibe einen Kommentar Antworten abbrechen", "de"),
        ("E-Mail (wird benötigt und nicht veröffentlicht)", "de"),
        ("Derzeit noch keine Kommentare", "de"),
        ("Laisser un commentaire Annuler la réponse", "fr"),
        ("Deja una respuesta Cancelar respuesta", "es"),
        ("Lascia un commento Annulla risposta", "it"),
        ("Deixe um comentário Cancelar resposta", "pt"),
        ("Добавить комментарий Отменить ответ", "ru"),
    ],
)
def test_comment_form_lines_are_flagged(line: str, language: str) -> None:
    assert [n for n, _, _ in flagged(f"{ARTICLE}\n{line}\n{PROSE}", language)] == [5]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        # Reply-button phrases are matched on short lines only; sentences are longer.
        (
            "Sie musste die Antwort abbrechen, weil in diesem Moment das Telefon im Flur klang.",
            "de",
        ),
        (
            "He said that users who cancel reply requests too often are blocked by the software.",
            "en",
        ),
    ],
)
def test_sentences_with_reply_words_are_not_flagged(line: str, language: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", language) == []


def test_counted_reply_heading_opens_a_thread() -> None:
    line = "142 Antworten zu Würde des Lebens – ein Projekt"
    assert flagged(f"{ARTICLE}\n{line}\n{COMMENT}", "de")[0][:2] == (5, "comments.marker-prefix")


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Comments do not represent the views of the publisher.", "en"),
        ("Comment count on this article reflects comments made on this site and Facebook.", "en"),
        ("※コメントは個人の見解であり、記事提供社と関係はありません。", "ja"),
        ("网友评论仅供其表达个人看法，并不表明本站同意其观点或证实其描述", "zh"),
        ("Os comentários não representam a opinião do jornal.", "pt"),
        ("I commenti sono moderati e pubblicati entro 24 ore.", "it"),
        ("Мнение редакции может не совпадать с мнением авторов комментариев.", "ru"),
        ("Komentar menjadi tanggung jawab pengirim sepenuhnya.", "id"),
        ("댓글은 작성자 개인의 의견이며 본사의 입장과 무관합니다.", "ko"),
        ("Kommentare werden moderiert und erscheinen nicht sofort.", "de"),
    ],
)
def test_disclaimers_under_a_thread_are_flagged(line: str, language: str) -> None:
    assert [n for n, _, _ in flagged(f"{ARTICLE}\n{line}\n{PROSE}", language)] == [5]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("The comments do not represent a change of policy, the minister said.", "en"),
        ("首相のコメントは党の見解と異なるとの指摘もあり、議論が続いている。", "ja"),
        ("Os comentários do ministro não representam uma mudança de posição.", "pt"),
        ("Мнение редакции и мнение министра совпали, сообщил источник.", "ru"),
    ],
)
def test_prose_about_comments_and_views_is_not_flagged(line: str, language: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", language) == []


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Load more comments", "en"),
        ("Report abuse", "en"),
        ("댓글 더보기", "ko"),
        ("댓글을 입력하세요", "ko"),
        ("답글쓰기", "ko"),
        ("このコメントを通報", "ja"),
        ("そう思わない", "ja"),
        ("Показать ещё комментарии", "ru"),
        ("Сообщить о нарушении", "ru"),
        ("Carica altri commenti", "it"),
        ("Segnala", "it"),
        ("Carregar mais comentários", "pt"),
        ("Denunciar", "pt"),
        ("Muat lebih banyak komentar", "id"),
        ("Laporkan", "id"),
    ],
)
def test_thread_controls_are_flagged(line: str, language: str) -> None:
    assert [n for n, _, _ in flagged(f"{ARTICLE}\n{COMMENT}\n{line}\n{COMMENT}", language)] == [6]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Komentar terbaru", "id"),
        ("Последние комментарии", "ru"),
        ("Ultimi commenti", "it"),
        ("Últimos comentários", "pt"),
        ("최신 댓글", "ko"),
        ("最新のコメント", "ja"),
    ],
)
def test_latest_comments_headings_open_a_region(line: str, language: str) -> None:
    text = f"{ARTICLE}\n{line}\n{COMMENT}"
    assert flagged(text, language) == [(5, "comments.marker", Scope.REGION)]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Pedro decidiu denunciar o caso à polícia na manhã seguinte.", "pt"),
        ("Il sindaco ha deciso di segnalare il problema alla regione.", "it"),
        ("Warga melaporkan kejadian itu ke polisi pada Senin malam.", "id"),
    ],
)
def test_prose_with_report_words_is_not_flagged(line: str, language: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", language) == []


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("View 5 replies", "en"),
        ("View all 12 comments", "en"),
        ("Like · Reply", "en"),
        ("Ver 3 respostas", "pt"),
        ("Mostra altre 4 risposte", "it"),
        ("Показать ещё 3 ответа", "ru"),
        ("3 ответа", "ru"),
        ("Lihat 3 balasan", "id"),
        ("3 balasan", "id"),
        ("답글 3개", "ko"),
        ("返信3件", "ja"),
        ("Alle 5 Antworten anzeigen", "de"),
    ],
)
def test_reply_counts_and_buttons_are_flagged(line: str, language: str) -> None:
    assert [n for n, _, _ in flagged(f"{ARTICLE}\n{COMMENT}\n{line}\n{COMMENT}", language)] == [6]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Ver 3 respostas possíveis para a crise, segundo o ministro.", "pt"),
        ("View 5 replies from readers in our weekly letters page, she said.", "en"),
    ],
)
def test_sentences_with_reply_counts_are_not_flagged(line: str, language: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", language) == []


@pytest.mark.parametrize(
    ("line", "language"),
    [
        (
            "O seu endereço de email não será publicado. Campos obrigatórios são marcados com *",
            "pt",
        ),
        (
            "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
            "it",
        ),
        ("メールアドレスが公開されることはありません。 * が付いている欄は必須項目です", "ja"),
        ("Salvar meu nome, email e site neste navegador para a próxima vez que eu comentar.", "pt"),
        ("Simpan nama, email, dan situs web saya pada peramban ini untuk komentar saya.", "id"),
        ("Сохранить моё имя, email и адрес сайта в этом браузере.", "ru"),
        ("Уведомить о новых комментариях по email", "ru"),
        ("Avvisami via email in caso di risposte al mio commento.", "it"),
        ("Deixe uma resposta", "pt"),
        ("Lascia una risposta", "it"),
    ],
)
def test_comment_form_texts_are_flagged(line: str, language: str) -> None:
    assert [n for n, _, _ in flagged(f"{ARTICLE}\n{line}\n{PROSE}", language)] == [5]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("O ministro enviou um email aos deputados na segunda-feira, segundo o jornal.", "pt"),
        ("The company said the email address of every customer had been published online.", "en"),
    ],
)
def test_prose_about_email_is_not_flagged(line: str, language: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", language) == []


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("ReplyDelete", "en"),
        ("AntwortenLöschen", "de"),
        ("ResponderExcluir", "pt"),
        ("RispondiElimina", "it"),
        ("ОтветитьУдалить", "ru"),
        ("BalasHapus", "id"),
        ("Kommentar posten", "de"),
        ("Postar um comentário", "pt"),
        ("You are commenting using your WordPress.com account. ( Log Out / Change )", "en"),
        ("Du kommentierst mit Deinem Facebook-Konto. ( Abmelden / Ändern )", "de"),
        ("Stai commentando usando il tuo account WordPress.com. ( Esci / Modifica )", "it"),
        ("Você está comentando utilizando sua conta WordPress.com. ( Sair / Alterar )", "pt"),
        ("Anda berkomentar menggunakan akun WordPress.com Anda. ( Keluar / Ubah )", "id"),
        ("Verbinde mit %s", "de"),
        ("Connecting to %s", "en"),
        ("Benachrichtigung bei weiteren Kommentaren per E-Mail senden.", "de"),
        ("Informiere mich über neue Beiträge per E-Mail.", "de"),
        ("Notificar-me sobre novos comentários por e-mail.", "pt"),
        ("Уведомлять меня о новых записях почтой.", "ru"),
        ("新しいコメントをメールで通知", "ja"),
        ("새 댓글 알림을 이메일로 받겠습니다.", "ko"),
        ("Iniciar Sesión para comentar", "es"),
        ("Para comentar las noticias debes iniciar sesión con tu usuario y contraseña.", "es"),
    ],
)
def test_blog_comment_form_texts_are_flagged(line: str, language: str) -> None:
    assert [n for n, _, _ in flagged(f"{ARTICLE}\n{line}\n{PROSE}", language)] == [5]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Para comentar el caso, el ministro convocó a la prensa en la tarde del lunes.", "es"),
        ("Connecting to the grid will take the town another three years, officials said.", "en"),
        ("Die Stadt will sich mit dem Umland verbinden, sagte der Bürgermeister.", "de"),
    ],
)
def test_prose_with_comment_form_words_is_not_flagged(line: str, language: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", language) == []


def test_greetings_of_replies_open_a_thread() -> None:
    text = "\n".join(
        [ARTICLE, COMMENT, "Hallo Karl,", COMMENT, "Liebe Grüße", "Hi Roberta!", COMMENT]
    )
    found = flagged(text, "de")
    assert found[0] == (6, "comments.salutation", Scope.REGION)
    assert (7, "comments.in-thread", Scope.BLOCK) in found
    assert (8, "comments.salutation", Scope.BLOCK) in found  # the sign-off
    assert (9, "comments.salutation", Scope.BLOCK) in found
    assert all(line > 5 for line, _, _ in found)  # the comment above the first greeting stays


@pytest.mark.parametrize(
    ("lines", "language"),
    [
        # One greeting: a letter or an editor's note addressing the readers.
        (["Liebe Leserinnen und Leser,", PROSE], "de"),
        # One address repeated: a speech or a sermon.
        (["Liebe Gemeinde,", PROSE, "Liebe Gemeinde,", PROSE], "de"),
        # Titles starting with a greeting word (no comma or "!" after them): a set list.
        (["Hey Jude", "Dear Prudence", "Hello Goodbye", "Hi Heel Sneakers"], "en"),
        # A sign-off alone.
        (["Best regards", "Jane Doe"], "en"),
    ],
)
def test_single_or_repeated_addresses_are_not_a_thread(lines: list[str], language: str) -> None:
    found = flagged("\n".join([ARTICLE, *lines]), language)
    assert [f for f in found if f[1] in ("comments.salutation", "comments.in-thread")] == []


def test_greetings_before_the_article_are_not_a_thread() -> None:
    text = "\n".join(["Dear Anna,", "Hi Tom,", ARTICLE, ARTICLE])
    assert flagged(text, "en") == []


def test_an_indonesian_comment_box_heading_opens_the_thread() -> None:
    found = flagged(f"{ARTICLE}\nBerikan komentar\n{COMMENT}", "id")
    assert [(n, r, s) for n, r, s in found][:1] == [(5, "comments.marker", Scope.REGION)]


def test_a_sentence_asking_for_comments_inside_prose_is_not_a_heading() -> None:
    line = "Berikan komentar Anda tentang rencana anggaran kota yang baru kepada dewan kota."
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", "id") == []


def test_a_bulleted_run_with_two_comment_notices_is_the_house_rules() -> None:
    rules = "\n".join(
        [
            "- We welcome reader comments on the top stories of the day.",
            "- Please understand that we read every submission before it appears.",
            "- Comments are moderated and may take a while to appear.",
            "- Please do not write in block capitals.",
        ]
    )
    found = flagged(f"{ARTICLE}\n{rules}")
    assert sorted((n, r) for n, r, _ in found) == [
        (5, "comments.contains"),
        (6, "comments.house-rules"),
        (7, "comments.contains"),
        (8, "comments.house-rules"),
    ]


def test_an_article_list_with_one_comment_notice_is_left_alone() -> None:
    items = "\n".join(
        [
            "- The council will publish the budget on Friday.",
            "- Comments are moderated and may take a while to appear.",
            "- Residents can attend the hearing in person.",
        ]
    )
    found = flagged(f"{ARTICLE}\n{items}\n{PROSE}")
    assert "comments.house-rules" not in [r for _, r, _ in found]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("댓글 작성", "ko"),
        ("독자의견", "ko"),
        ("Faça seu comentário", "pt"),
        ("Leggi i commenti", "it"),
    ],
)
def test_held_out_language_comment_headings_open_the_thread(line: str, language: str) -> None:
    found = flagged(f"{ARTICLE}\n{line}\n{COMMENT}", language)
    assert [(n, r, s) for n, r, s in found][:1] == [(5, "comments.marker", Scope.REGION)]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Comentar a proposta do governo é o que os deputados fizeram ontem à noite.", "pt"),
        (
            "Commenta il ministro: la legge entrerà in vigore il prossimo anno in tutto il paese.",
            "it",
        ),
    ],
)
def test_sentences_starting_with_a_comment_button_word_are_prose(line: str, language: str) -> None:
    assert flagged(f"{ARTICLE}\n{line}\n{PROSE}", language) == []


def test_avatar_initials_above_reader_names_are_comment_headers() -> None:
    thread = f"S\nSky\n{COMMENT}\nm\nmarta_b\n{COMMENT}"
    found = flagged(f"{PROSE}\n{thread}\n{ARTICLE}")
    assert [(n, r) for n, r, _ in found] == [(n, "comments.avatar") for n in range(2, 8)]
    assert all(s is Scope.BLOCK for _, _, s in found)  # the article below stays


@pytest.mark.parametrize(
    "text",
    [
        # One pair is no thread.
        f"{ARTICLE}\nS\nSky\n{COMMENT}",
        # A forum's user lines are followed by a rank, not a paragraph.
        f"{ARTICLE}\nY\nyellowkitty\nForum regular\nL\nLov100\nNew member\n{PROSE}",
        # An index of initials lists entries under each letter.
        f"{ARTICLE}\nC\nClimate Cooperation\nD\nDefence\n{PROSE}",
    ],
)
def test_single_initials_forum_ranks_and_letter_indexes_are_not_avatars(text: str) -> None:
    assert "comments.avatar" not in [r for _, r, _ in flagged(text)]
