"""Pathological pages return a document, never a crash or a hang."""

from __future__ import annotations

import os

import pytest

import cleannews
from cleannews.html.parse import flatten_deep_nesting

FAST = {"kind": "html", "detect_language": False}


def test_big_page():
    # 10 MB in 10,000 long paragraphs (many short ones would time the text detectors instead).
    words = " ".join(f"word{i % 97} and some plain text" for i in range(40)) + " <b>bold</b>"
    para = "<div class='item'><p>Paragraph {i}: " + words + ".</p></div>"
    body = "".join(para.format(i=i) for i in range(10_000))
    html = f"<html><body>{body}</body></html>"
    assert len(html) > 10_000_000
    doc = cleannews.clean(html, **FAST)
    assert "Paragraph 9999: word0 and some plain text" in doc.source
    assert len(doc.source.splitlines()) == 10_000


def test_deep_nesting_keeps_text_after_the_deep_part():
    depth = 100_000
    html = "<html><body><p>before</p>" + "<div>" * depth + "deep" + "</div>" * depth
    doc = cleannews.clean(html + "<p>after</p></body></html>", **FAST)
    assert doc.source.split("\n") == ["before", "deep", "after"]
    assert doc.metadata["html_warnings"] == ["flattened-deep-nesting"]


def test_flatten_keeps_text_and_shallow_tags():
    assert flatten_deep_nesting("<a><b><c>x</c></b></a>", 2) == "<a><b> x </b></a>"


@pytest.mark.parametrize(
    "source",
    [
        "",
        "   ",
        b"",
        "<html></html>",
        "<html><head><title>t</title></head></html>",
        "<p>no html or body tags</p>",
        os.urandom(20_000),
        bytes(range(256)) * 50,
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
        "<html><body>" + "<p>unclosed" * 2000,
    ],
)
def test_odd_inputs_return_a_document(source):
    doc = cleannews.clean(source, **FAST)
    assert doc.input_kind == "html"
    for span in doc.spans:
        assert doc.source[span.start : span.end] == span.text


def test_no_body():
    doc = cleannews.clean("<html><head><title>Only a title</title></head></html>", **FAST)
    assert doc.source == "" and doc.title == "Only a title"
