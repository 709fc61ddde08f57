from __future__ import annotations

import json

import pytest
from html_helpers import run

from cleannews.detectors.structured_data import StructuredDataDetector

BODY = "The mayor opened the new bridge on Monday. Traffic is expected to ease."


def page(data: object, body: str) -> str:
    script = f"<script type='application/ld+json'>{json.dumps(data)}</script>"
    return f"<html><head>{script}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("data", "body", "expected"),
    [
        (
            {"@type": "NewsArticle", "articleBody": BODY},
            "<p>The mayor opened the new bridge on Monday.</p><p>Read more news</p>",
            {"The mayor opened the new bridge on Monday.": "content"},
        ),
        (
            {"@graph": [{"@type": "WebPage"}, {"articleBody": BODY}]},
            "<p>Traffic is expected to ease.</p>",
            {"Traffic is expected to ease.": "content"},
        ),
        ({"@type": "NewsArticle"}, "<p>The mayor opened the new bridge on Monday.</p>", {}),
        ({"articleBody": BODY}, "<p>Monday.</p>", {}),  # too short to count
    ],
)
def test_structured_data(data, body, expected):
    assert run(StructuredDataDetector(), page(data, body)) == expected


def test_broken_json_is_ignored():
    html = "<html><head><script type='application/ld+json'>{oops</script></head>"
    assert run(StructuredDataDetector(), html + "<body><p>x y z w v</p></body></html>") == {}
