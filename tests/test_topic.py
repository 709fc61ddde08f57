"""Content words (text/topic.py): the fast paths must agree with the plain definitions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews.text.topic import TopicText, content_tokens, overlap, union_tokens

ARTICLE = [
    "The council approved the harbour budget on Tuesday after a long debate.",
    "Straße und Café: naïve résumé, x²yz abc1defg under_score İstanbul ﬁnance.",
    "東京都の天気は晴れです。한국어 문장입니다 中文文本测试",
]
PARAGRAPHS = [
    "Council members debated the harbour budget for hours before Tuesday's vote.",
    "A recipe for lemon cake with fresh berries and cream.",
    "strasse cafe naive resume xyz defg score istanbul finance",
    "東京の天気 文本",
    "",
]


def test_union_is_the_union_of_each_texts_tokens() -> None:
    assert union_tokens(ARTICLE) == set().union(*map(content_tokens, ARTICLE))


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
@pytest.mark.parametrize("share", [0.0, 0.08, 0.5, 1.0])
def test_topic_text_agrees_with_overlap(paragraph: str, share: float) -> None:
    tokens, topic = content_tokens(paragraph), union_tokens(ARTICLE)
    assert TopicText(ARTICLE).shares(tokens, share) == (overlap(tokens, topic) >= share)
    assert all(TopicText(ARTICLE).holds(t) == (t in topic) for t in tokens)


# Letters, digits, punctuation, CJK and characters whose case rules are unusual.
_ALPHABET = st.sampled_from(list("abcdeABCDE éßİıſK²½_1 .,’\n") + list("東京天気한국中文の"))
_TEXT = st.text(_ALPHABET, max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=4), _TEXT)
def test_topic_text_agrees_on_any_text(texts: list[str], paragraph: str) -> None:
    topic, tokens = union_tokens(texts), content_tokens(paragraph)
    assert topic == set().union(*map(content_tokens, texts))
    assert all(TopicText(texts).holds(t) == (t in topic) for t in tokens)
    assert TopicText(texts).shares(tokens, 0.5) == (overlap(tokens, topic) >= 0.5)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=4), _TEXT)
def test_topic_text_of_folded_texts_is_the_topic_text_of_the_texts(
    texts: list[str], paragraph: str
) -> None:
    tokens = content_tokens(paragraph)
    plain, folded = TopicText(texts), TopicText.of_folded(t.casefold() for t in texts)
    assert all(folded.holds(t) == plain.holds(t) for t in tokens)
    assert folded.shares(tokens, 0.5) == plain.shares(tokens, 0.5)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=4), _TEXT, st.integers(0, 3))
def test_topic_text_past_its_searches_answers_from_its_tokens_alike(
    texts: list[str], paragraph: str, searches: int
) -> None:
    # Past its search budget a TopicText tokenizes its text once: same answers.
    topic, tokens = union_tokens(texts), content_tokens(paragraph)
    for made in (TopicText(texts), TopicText.of_folded(t.casefold() for t in texts)):
        made._budget = searches * max(len(made._text), 1) - 1  # scans before tokenizing
        assert all(made.holds(t) == (t in topic) for t in [*tokens, *tokens])
        assert made.shares(tokens, 0.5) == (overlap(tokens, topic) >= 0.5)
