"""HTML rendering: one block per line, provenance to elements, metadata."""

from __future__ import annotations

import pickle

import lxml.html
import pytest

import cleannews
from cleannews.config import CleanerConfig
from cleannews.html import prepare_html_page
from cleannews.page import FOLDED_MEMO, Page
from cleannews.text.blocks import split_blocks
from cleannews.text.features import page_features

PAGE = """<html lang="de-AT"><head><title>Site title</title>
<meta property="og:title" content="OG title">
<link rel="canonical" href="https://example.org/a">
<script>var x = "script text";</script><style>p {color: red}</style>
<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",
 "articleBody": "First paragraph of the story with words.  Second one."}]}</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul></nav>
<h1>The <b>headline</b></h1>
<p>First paragraph of the story with words.</p>
<p>Line one<br>line two</p>
<table><tr><td>cell a</td><td>cell b</td></tr></table>
<pre>pre 1
pre 2</pre>
<div hidden>hidden text</div><div style="display: none">also hidden</div>
<noscript>enable js</noscript><template>tpl</template>
<div>before<p>inner</p>after</div>
</body></html>"""

EXPECTED_LINES = [
    "Home",
    "News",
    "The headline",
    "First paragraph of the story with words.",
    "Line one",
    "line two",
    "cell a cell b",
    "pre 1",
    "pre 2",
    "before",
    "inner",
    "after",
]


@pytest.fixture(scope="module")
def page():
    return prepare_html_page(PAGE, {}, CleanerConfig())


def test_one_block_per_visible_line(page):
    assert page.source.split("\n") == EXPECTED_LINES
    assert [b.text for b in page.blocks] == EXPECTED_LINES
    assert page.blocks == split_blocks(page.source)


def test_casefolded_lines_are_kept_for_the_features():
    page = prepare_html_page(PAGE.replace("headline", "HEADLINE Straße"), {}, CleanerConfig())
    assert page.memo[FOLDED_MEMO] == [b.text.casefold() for b in page.blocks]
    bare = Page(source=page.source, blocks=page.blocks)  # the same blocks, nothing kept
    assert page_features(page) == page_features(bare)


def test_odd_whitespace_stays_inside_its_line():
    page = prepare_html_page("<p>a\u2028b\rc\x85d\u00a0e</p><p> </p><p>f</p>", {}, CleanerConfig())
    assert page.blocks == split_blocks(page.source)
    assert [b.text for b in page.blocks] == ["a b c d e", "f"]


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        ("Home", "li"),
        ("The headline", "h1"),
        ("line two", "p"),
        ("cell a cell b", "tr"),
        ("pre 2", "pre"),
        ("before", "div"),
        ("inner", "p"),
    ],
)
def test_block_element_and_xpath_resolve(page, line, tag):
    i = EXPECTED_LINES.index(line)
    node = page.html.block_nodes[i]
    assert page.html.tags[node] == tag
    element = page.html.element(node)
    assert element.tag == tag
    assert line.split()[0] in element.text_content()


def test_metadata(page):
    assert page.metadata["title"] == "OG title"
    assert page.metadata["canonical_url"] == "https://example.org/a"
    assert page.language == "de"
    assert "First paragraph" in page.html.article_body


def test_title_falls_back_to_h1_then_title():
    page = prepare_html_page("<title>T</title><h1>H</h1><p>x</p>", {}, CleanerConfig())
    assert page.metadata["title"] == "H"
    page = prepare_html_page("<title>T</title><p>x</p>", {}, CleanerConfig())
    assert page.metadata["title"] == "T"


def test_spans_carry_dom_refs_and_match_source():
    doc = cleannews.clean(PAGE, kind="html", detect_language=False)
    tree = lxml.html.document_fromstring(PAGE)
    assert doc.input_kind == "html"
    for span in doc.spans:
        assert doc.source[span.start : span.end] == span.text
        assert span.dom, span
        for ref in span.dom:
            found = tree.xpath(ref.xpath)
            assert len(found) == 1 and found[0].tag == ref.tag


def test_xpath_counts_hidden_siblings():
    html = "<body><div hidden>x</div><div class='c' id='i'>shown</div></body>"
    doc = cleannews.clean(html, kind="html", detect_language=False)
    (ref,) = doc.spans[0].dom
    assert ref.xpath == "/html/body[1]/div[2]"
    assert (ref.id, ref.classes) == ("i", ("c",))


def test_view_pickles_without_tree(page):
    view = pickle.loads(pickle.dumps(page.html))
    assert view.tree is None
    assert view.xpath(view.block_nodes[2]) == page.html.xpath(page.html.block_nodes[2])


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        # soft hyphens are invisible break hints: they must not split words in the text
        ("<p>Ge\u00adschwin\u00addig&shy;keit</p>", ["Geschwindigkeit"]),
        # ruby annotations (furigana) are read beside the base text, not as part of it
        ("<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもの本</p>", ["子どもの本"]),
    ],
)
def test_invisible_characters_and_annotations(html, lines):
    page = prepare_html_page(html, {}, CleanerConfig())
    assert [b.text for b in page.blocks] == lines
