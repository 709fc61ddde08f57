"""The transport's declared charset reaches the decoder, for text and HTML bytes alike."""

from __future__ import annotations

import pytest

import cleannews

RUSSIAN = "Власти объявили о новых мерах поддержки малого бизнеса в регионах страны."


@pytest.mark.parametrize("kind", ["text", "html"])
def test_declared_charset_decodes_legacy_bytes(kind: str) -> None:
    body = RUSSIAN if kind == "text" else f"<html><body><p>{RUSSIAN}</p></body></html>"
    doc = cleannews.clean(
        body.encode("cp1251"), kind=kind, charset="windows-1251", detect_language=False
    )
    assert RUSSIAN in doc.text
    assert doc.metadata["encoding"] in ("cp1251", "windows-1251")


def test_a_bom_outranks_the_declared_charset() -> None:
    data = "\ufeffCafé au lait.".encode("utf-8")
    doc = cleannews.clean(data, kind="text", charset="iso-8859-1", detect_language=False)
    assert doc.text == "Café au lait."
    assert doc.metadata["encoding"] == "utf-8"
