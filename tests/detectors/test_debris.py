"""DebrisDetector: markup and URL leftovers, whole lines and inline pieces."""

from __future__ import annotations

import pytest

from cleannews.detectors.debris import _TRACKING_STRONG, DebrisDetector, _has_strong_tracking_word
from cleannews.page import Page

PROSE = "The council approved the budget on Tuesday after a long debate."
B64 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg"
    * 2
)
MINIFIED = "!function(e,t){var n=e.document;n.write(t)}(window,'x');var a=function(){return 1};a();"


def flagged(text: str) -> list[tuple[str, str]]:
    page = Page.from_text(text)
    return [(page.source[f.start : f.end], f.reason) for f in DebrisDetector().detect(page)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("&w=3840&q=100)", [("&w=3840&q=100)", "debris.url-tail")]),
        ("?auto=format&fit=crop&w=640", [("?auto=format&fit=crop&w=640", "debris.url-tail")]),
        (
            "https://example.com/images/photo.jpg",
            [("https://example.com/images/photo.jpg", "debris.bare-url")],
        ),
        ("word&nbsp;word", [("&nbsp;", "debris.entity")]),
        ("It rose 5&#37; in a year", [("&#37;", "debris.entity")]),
        ("Text ![](https://x.test/y.png) more", [("![](https://x.test/y.png)", "debris.markdown")]),
        ("See [the report](https://x.test/r) now", [("(https://x.test/r)", "debris.markdown")]),
        (
            '<div class="caption">Photo</div>',
            [('<div class="caption">', "debris.html"), ("</div>", "debris.html")],
        ),
        (
            'Reply <span id="count" class="small">146</span>',
            [('<span id="count" class="small">', "debris.html"), ("</span>", "debris.html")],
        ),
        ("Hello {{ user.name }}, welcome", [("{{ user.name }}", "debris.template")]),
        (
            "campaign: abtest_bar1_pricing, creative: banner_a, page: article",
            [
                (
                    "campaign: abtest_bar1_pricing, creative: banner_a, page: article",
                    "debris.tracking",
                )
            ],
        ),
        (
            "(adsbygoogle = window.adsbygoogle || []).push({});",
            [("(adsbygoogle = window.adsbygoogle || []).push({});", "debris.script")],
        ),
        (MINIFIED, [(MINIFIED, "debris.minified")]),
        (
            ".promo{color:red}.promo a{margin:0}",
            [(".promo{color:red}.promo a{margin:0}", "debris.css")],
        ),
        (B64, [(B64, "debris.base64")]),
        (
            f"Logo data:image/png;base64,{B64[:40]} end",
            [(f"data:image/png;base64,{B64[:40]}", "debris.base64")],
        ),
    ],
)
def test_leftovers_are_flagged(line: str, expected: list[tuple[str, str]]) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}") == expected


@pytest.mark.parametrize(
    "line",
    [
        "Read the full report at https://example.com/report before the vote.",
        "AT&T said on Monday that prices would rise.",
        "Prices rose 5% (the most since 2008), according to the agency.",
        "Use the <em> element for emphasis and <strong> for importance.",
        '<html lang="en"> <head> <title>',  # an HTML code sample in a tutorial
        'var res = new Response ("one time use"); console. log (res. bodyUsed); // false',
        "The page: 12 of the report lists the campaign promises.",
        "[1] Smith, J. (2020). A study of things. Journal of Stuff.",
        # A URL line continuing a wrapped reference or sentence.
        "www.example.org/spec/protocol-draft3-1,",
    ],
)
def test_article_text_is_not_flagged(line: str) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}") == []


def test_a_list_of_urls_is_a_list_of_sources() -> None:
    text = f"{PROSE}\nSources:\nhttps://example.com/a\nhttps://example.org/b\n{PROSE}"
    assert flagged(text) == []


def test_a_markup_listing_is_a_code_sample() -> None:
    # Consecutive lines of tags in a tutorial: the sample, not leftovers.
    text = f'{PROSE}\n<div id="mocha"></div>\n<div id="messages"></div>\n{PROSE}'
    assert flagged(text) == []


def test_inline_findings_lie_inside_their_line() -> None:
    text = f"{PROSE}\nword&nbsp;word and ![](https://x.test/y.png) end"
    page = Page.from_text(text)
    line = page.blocks[1]
    for finding in DebrisDetector().detect(page):
        assert line.start <= finding.start < finding.end <= line.end
        assert finding.score < 0.8  # inline pieces: a little less sure than whole lines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # What inline cuts leave of a line is judged as the cleaned text will show it.
        (
            "&w=3840&q=100) https://cdn.example.com/photo.jpg",
            [
                ("&w=3840&q=100)", "debris.url-tail"),
                ("https://cdn.example.com/photo.jpg", "debris.bare-url"),
            ],
        ),
        (
            "&w=3840&q=100) ?utm_source=feed&utm_medium=rss",
            [
                ("&w=3840&q=100)", "debris.url-tail"),
                ("?utm_source=feed&utm_medium=rss", "debris.url-tail"),
            ],
        ),
        (
            '<img src="a.jpg" class="x"> www.example.com/page',
            [
                ('<img src="a.jpg" class="x">', "debris.html"),
                ("www.example.com/page", "debris.bare-url"),
            ],
        ),
    ],
)
def test_the_residue_of_a_cut_line_is_judged_too(
    line: str, expected: list[tuple[str, str]]
) -> None:
    assert flagged(f"{PROSE}\n{line}\n{PROSE}") == expected


@pytest.mark.parametrize(
    "line",
    [
        # Prose left by the cut, a URL continuing a sentence, pieces on both sides of a cut.
        "&w=3840&q=100) The council met on Tuesday.",
        "&w=3840&q=100) see https://example.com/report,",
        "https://example.com/a &amp; https://example.com/b",
    ],
)
def test_a_residue_that_is_not_debris_stays(line: str) -> None:
    reasons = {reason for _, reason in flagged(f"{PROSE}\n{line}\n{PROSE}")}
    assert "debris.bare-url" not in reasons
    assert len(reasons) <= 1


def test_a_residue_url_beside_other_urls_is_a_source_list() -> None:
    urls = "https://example.com/a\nhttps://example.org/b\nhttps://example.net/c"
    text = f"{PROSE}\n&w=3840&q=100) {urls}\n{PROSE}"
    assert [reason for _, reason in flagged(text)] == ["debris.url-tail"]


@pytest.mark.parametrize(
    "text",
    [
        "UTM_Source=news; Campaign=spring",
        "creative: banner, slot: top",
        "AbTest=b — variant=2",  # beyond ASCII: the regex decides
        "Ca\u017fe study: no words here",
        "The campaign trail: day two",
        "nothing to see: here = there",
    ],
)
def test_strong_tracking_word_agrees_with_the_regex(text: str) -> None:
    assert _has_strong_tracking_word(text) == (_TRACKING_STRONG.search(text) is not None)
