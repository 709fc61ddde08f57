"""HTML mode: render a page to blocks with DOM provenance (see issue 3)."""

from __future__ import annotations

from typing import Any

from ..config import CleanerConfig
from ..page import Page


def prepare_html_page(source: str | bytes, metadata: dict[str, Any], config: CleanerConfig) -> Page:
    raise NotImplementedError("HTML mode is not implemented yet")
