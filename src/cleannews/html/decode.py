"""Bytes to text for HTML: BOM, then the declared (HTTP) charset or ``<meta charset>``, then a
detector. The shared logic lives in :mod:`cleannews.text.decode`."""

from __future__ import annotations

from ..text.decode import decode_bytes


def decode_html(source: str | bytes, declared: str | None = None) -> tuple[str, str | None]:
    """``(text, encoding)``; the encoding is ``None`` when the input was already ``str``."""
    if isinstance(source, str):
        return source, None
    return decode_bytes(bytes(source), declared)
