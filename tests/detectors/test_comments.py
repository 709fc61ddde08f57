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
