"""Hypothesis strategies for cleannews property tests: arbitrary text and page-like text."""

from __future__ import annotations

from hypothesis import strategies as st

# Characters that stress offsets and line splitting: controls, NUL, odd line breaks, emoji
# (astral plane), right-to-left marks and scripts, CJK, combining marks.
AWKWARD_CHARS = [
    " ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u2028",
    "\u2029",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1e",
    "\x85",
    "\xa0",
    "\u3000",
    "\u200b",
    "\u200f",
    "\ufeff",
    "a",
    "Z",
    "é",
    "ß",
    "😀",
    "👍🏽",
    "ש",
    "ע",
    "ب",
    "ع",
    "中",
    "文",
    "。",
    "日",
    "本",
    "語",
    "한",
    "ă",
    "\u0301",
    ".",
    "!",
    "?",
    "&",
    "<",
    ">",
    '"',
    "'",
    "©",
    "1",
    "9",
    "#",
    "-",
    "|",
    "»",
]

any_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(AWKWARD_CHARS), max_size=120).map("".join),
    st.lists(st.text(max_size=3), max_size=40).map("\n".join),  # many 1-char lines
)

WORDS = (
    "the government said on tuesday that new rules for energy prices would take effect next "
    "year after months of talks with industry groups and consumer advocates who warned that "
    "households could face higher bills while officials argued the changes were needed to "
    "keep supply stable across the region during winter storms and long dry summers"
).split()
BOILERPLATE = [
    "Related Articles",
    "Related Stories",
    "Read more",
    "Read also:",
    "Comments",
    "Comments (12)",
    "Leave a comment",
    "Advertisement",
    "ADVERTISEMENT",
    "Sponsored",
    "Share",
    "Share this:",
    "Share on Facebook",
    "Tweet",
    "© 2024 Example Media. All rights reserved.",
    "Copyright 2023 Example News",
    "Tags: politics, economy",
    "Subscribe to our newsletter",
    "Skip to content",
    "Home > News > World",
    "Menu",
    "Most popular",
    "You may also like",
    "Weitere Artikel",
    "Kommentare",
    "Anzeige",
    "Articles similaires",
    "Publicité",
    "Noticias relacionadas",
    "Comentarios",
    "Leggi anche",
    "Pubblicità",
    "Gerelateerde artikelen",
    "Reklama",
    "Похожие статьи",
    "Комментарии",
    "相关新闻",
    "评论",
    "関連記事",
    "コメント",
    "관련 기사",
    "Baca juga",
]
URL_DEBRIS = [
    "&w=3840&q=100)",
    "https://cdn.example.com/images/photo-123.jpg?w=640&h=480",
    "](https://example.com/news/a-story)",
    "![](/img/x.png)",
    "?utm_source=feed&utm_medium=rss",
    '<div class="ad">',
    "&nbsp;&amp;",
    "{{ widget }}",
]
LINE_BREAKS = ["\n", "\n", "\n", "\n\n", "\r\n", "\u2028", " \n  "]


@st.composite
def sentence(draw: st.DrawFn, min_words: int = 4, max_words: int = 35) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words))
    return " ".join(words).capitalize() + draw(st.sampled_from([".", ".", "!", "?", ":"]))


@st.composite
def teaser_pair(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=8))
    headline = " ".join(w.capitalize() for w in words)
    return headline + "\n" + draw(sentence(min_words=6, max_words=18))


@st.composite
def debris_line(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(URL_DEBRIS), min_size=1, max_size=3))
    if draw(st.booleans()):  # debris glued to prose on one line
        pieces.insert(draw(st.integers(0, len(pieces))), draw(sentence(max_words=8)))
    return " ".join(pieces)


page_line = st.one_of(
    sentence(),
    sentence(min_words=26, max_words=45),
    st.sampled_from(BOILERPLATE),
    teaser_pair(),
    debris_line(),
    st.sampled_from(AWKWARD_CHARS),
)


@st.composite
def page_text(draw: st.DrawFn) -> str:
    """Text shaped like a scraped page: title, prose, then boilerplate, teasers and debris."""
    head = [
        draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=9).map(" ".join).map(str.title))
    ]
    body = draw(st.lists(sentence(min_words=8, max_words=40), min_size=0, max_size=6))
    tail = draw(st.lists(page_line, min_size=0, max_size=14))
    lines = head + body + tail
    if draw(st.booleans()):
        lines = draw(st.permutations(lines))
    out = []
    for line in lines:
        pad = draw(st.sampled_from(["", "", " ", "\t", "  "]))
        out.append(pad + line + draw(st.sampled_from(["", "", " "])))
        out.append(draw(st.sampled_from(LINE_BREAKS)))
    return "".join(out[:-1]) if out else ""


# Nested markup: tags of every role the HTML view weighs (content, chrome, hidden, scripts),
# attributes that name boilerplate or hide a node, unclosed tags, comments, CDATA, entities.
MARKUP_TAGS = (
    "div p span a article main nav footer aside ul li h1 h2 script style table tr td br img "
    "section header form iframe noscript template pre code b em svg"
).split()
MARKUP_ATTRIBUTES = (
    "",
    ' class="related"',
    ' id="comments"',
    ' class="ad promo"',
    ' href="https://x.test/a"',
    " hidden",
    ' style="display:none"',
    ' itemprop="articleBody"',
    ' role="navigation"',
    ' data-x="&amp;"',
    ' src="//i.test/p.jpg?w=3840&q=100"',
)
MARKUP_PIECES = [
    "Related Articles",
    "Comments",
    "The council approved the budget on Tuesday.",
    "&nbsp;",
    "&#0;",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
]
markup_text = st.lists(
    st.sampled_from(AWKWARD_CHARS + list("abcdefgh ijk.,;:()=") + MARKUP_PIECES), max_size=20
).map("".join)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    parts = st.tuples(
        st.sampled_from(MARKUP_TAGS),
        st.sampled_from(MARKUP_ATTRIBUTES),
        st.lists(children, max_size=4),
        st.booleans(),
    )
    return parts.map(lambda p: f"<{p[0]}{p[1]}>" + "".join(p[2]) + (f"</{p[0]}>" if p[3] else ""))


nested_markup = st.tuples(
    st.sampled_from(["", "<html><head><title>T</title></head><body>", "<body>"]),
    st.recursive(markup_text, _element, max_leaves=30),
).map("".join)
