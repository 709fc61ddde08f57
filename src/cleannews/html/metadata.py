"""Page metadata a news pipeline expects: title, canonical URL, language, JSON-LD body."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Iterator

_SPACE = re.compile(r"\s+")
_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][A-Za-z0-9]+)*$")
MAX_JSON_LD_CHARS = 2_000_000  # larger script blocks are not parsed (cost, not value)


@dataclass(frozen=True, slots=True)
class HtmlMetadata:
    title: str | None = None
    canonical_url: str | None = None
    language: str | None = None  # primary subtag of <html lang>, lowercased
    article_body: str | None = None  # JSON-LD articleBody, whitespace-collapsed

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.title:
            out["title"] = self.title
        if self.canonical_url:
            out["canonical_url"] = self.canonical_url
        if self.language:
            out["html_lang"] = self.language
        if self.article_body:
            out["json_ld_article_body_chars"] = len(self.article_body)
        return out


def extract_metadata(root: Any) -> HtmlMetadata:
    return HtmlMetadata(
        title=find_title(root),
        canonical_url=_first_attr(root, "/html/head/link[@rel='canonical']/@href"),
        language=_language(root.get("lang") or root.get("xml:lang")),
        article_body=json_ld_article_body(root),
    )


def find_title(root: Any) -> str | None:
    """og:title, else the first <h1>, else <title>."""
    og = _first_attr(root, "/html/head/meta[@property='og:title' or @name='og:title']/@content")
    if og:
        return og
    for xpath in ("(//h1)[1]", "/html/head/title"):
        found = root.xpath(xpath)
        if found:
            text = _clean(found[0].text_content())
            if text:
                return text
    return None


def _first_attr(root: Any, xpath: str) -> str | None:
    for value in root.xpath(xpath):
        text = _clean(str(value))
        if text:
            return text
    return None


def _language(value: str | None) -> str | None:
    found = _LANG.match((value or "").strip())
    return found.group(1).lower() if found else None


def json_ld_article_body(root: Any) -> str | None:
    """The longest ``articleBody`` in the page's JSON-LD blocks (``@graph`` and lists too)."""
    best = ""
    for script in root.xpath("//script[@type='application/ld+json']"):
        raw = script.text or ""
        if len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for body in _article_bodies(data):
            if len(body) > len(best):
                best = body
    return _clean(best) or None


def _article_bodies(data: Any) -> Iterator[str]:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            body = item.get("articleBody")
            if isinstance(body, str):
                yield body
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
