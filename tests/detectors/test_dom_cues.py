from __future__ import annotations

import pytest
from html_helpers import PROSE, run

from cleannews.detectors.dom_cues import DomCuesDetector, split_name

BIG_ARTICLE = f"<article>{PROSE * 6}</article>"

CASES = [
    # (snippet after a long article, line, expected kind or None)
    ("<div id='disqus_thread'><p>Great post!</p></div>", "Great post!", "comments"),
    ("<section class='comments-area'><p>First!</p></section>", "First!", "comments"),
    ("<ol class='commentlist'><li>Nice one</li></ol>", "Nice one", "comments"),
    ("<div class='fb-comments'><p>fb says hi</p></div>", "fb says hi", "comments"),
    ("<div id='wpdcom'><p>Thanks for this.</p></div>", "Thanks for this.", "comments"),
    ("<div class='wpdiscuz-item'><p>Agreed!</p></div>", "Agreed!", "comments"),
    ("<div class='OUTBRAIN'><p>Promoted story</p></div>", "Promoted story", "related"),
    ("<div class='taboola-below-article'><p>Sponsored</p></div>", "Sponsored", "related"),
    ("<section class='relatedArticles'><p>Other story</p></section>", "Other story", "related"),
    ("<div class='share-buttons'><a>Facebook</a></div>", "Facebook", "footer"),
    ("<div class='newsletter-signup'><p>Get our newsletter</p></div>", "Get our newsletter", "ad"),
    ("<div id='cookie-banner'><p>We use cookies</p></div>", "We use cookies", "widget"),
    ("<div class='ad-slot'><p>Advertisement</p></div>", "Advertisement", "ad"),
    ("<nav><a>Home</a></nav>", "Home", "nav"),
    ("<div role='navigation'><a>Sections</a></div>", "Sections", "nav"),
    ("<footer><p>All rights reserved</p></footer>", "All rights reserved", "footer"),
    ("<aside><p>Sidebar box</p></aside>", "Sidebar box", "widget"),
    ("<form><p>Search the site</p></form>", "Search the site", "widget"),
    (
        "<div class='author-bio'><p>Jane writes about food.</p></div>",
        "Jane writes about food.",
        "widget",
    ),
    (
        "<section class='about-author'><p>Max is our editor.</p></section>",
        "Max is our editor.",
        "widget",
    ),
    # negatives: prose, look-alike words, and page-wide wrappers
    ("<div class='commentary'><p>An opinion piece.</p></div>", "An opinion piece.", None),
    ("<div class='header-shadow'><p>Plain text here.</p></div>", "Plain text here.", None),
    ("<div class='loaded'><p>Nothing to see.</p></div>", "Nothing to see.", None),
    ("<div class='author'><p>By Jane Doe</p></div>", "By Jane Doe", None),  # the byline
    ("<span class='author-name'>Jane Doe</span>", "Jane Doe", None),
]


@pytest.mark.parametrize(("snippet", "line", "kind"), CASES)
def test_cues(snippet, line, kind):
    found = run(DomCuesDetector(), f"<body>{BIG_ARTICLE}{snippet}</body>")
    assert found.get(line) == kind
    assert not any(text.startswith("The council") for text in found)


def test_wrapper_holding_most_text_is_not_a_cue():
    html = f"<body><div class='comments-open sidebar'>{PROSE * 4}<p>Reply</p></div></body>"
    assert run(DomCuesDetector(), html) == {}


def test_article_header_is_not_site_chrome():
    html = f"<body><header><a>Site</a></header><article><header><h1>Title</h1></header>{PROSE}"
    found = run(DomCuesDetector(), html + "</article></body>")
    assert found == {"Site": "nav"}


@pytest.mark.parametrize(
    ("name", "pieces"),
    [("relatedArticles-box", ["related", "articles", "box"]), ("ad_slot2", ["ad", "slot", "2"])],
)
def test_split_name(name, pieces):
    assert split_name(name) == pieces
