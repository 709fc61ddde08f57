"""Bytes are decoded like a browser would, and the encoding is recorded."""

from __future__ import annotations

import codecs

import pytest

import cleannews

TEXT = "Grüße aus Köln – “quoted” €5"

LATIN1_META = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + f"<p>{TEXT}</p>".encode(), "utf-8"),
        (codecs.BOM_UTF16_LE + f"<p>{TEXT}</p>".encode("utf-16-le"), "utf-16-le"),
        (f"<meta charset='windows-1252'><p>{TEXT}</p>".encode("cp1252"), "cp1252"),
        (f"{LATIN1_META}<p>{TEXT}</p>".encode("cp1252"), "cp1252"),
        (f"<p>{TEXT}</p>".encode(), "utf-8"),
    ],
)
def test_decoding(data, encoding):
    doc = cleannews.clean(data, kind="html", detect_language=False)
    assert TEXT in doc.source
    assert doc.metadata["encoding"] == encoding


def test_declared_utf8_with_stray_bytes_keeps_the_rest():
    data = "<meta charset=utf-8><p>Grüße \x00</p>".encode() + b"<p>bad \xff byte</p>"
    doc = cleannews.clean(data, kind="html", detect_language=False)
    assert "Grüße" in doc.source and "bad \ufffd byte" in doc.source
