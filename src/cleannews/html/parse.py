"""Text to an lxml tree, robust to the pages real crawls contain.

Never raises on content: an empty or markup-free input becomes an empty document; a page nested
deeper than libxml2 accepts is flattened beyond :data:`MAX_DEPTH` and parsed again (libxml2
otherwise stops at its depth limit and silently drops the rest of the page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MAX_DEPTH = 512  # deeper elements lose their tags (not their text) on a re-parse
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>", re.I)
# C0 controls except tab/newline/carriage return: libxml2 rejects or mangles them.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
EMPTY_DOCUMENT = "<html><head></head><body></body></html>"


@dataclass(frozen=True, slots=True)
class Parsed:
    root: Any  # lxml.html.HtmlElement of the <html> element
    warnings: tuple[str, ...] = ()


def parse_html(text: str) -> Parsed:
    """Parse ``text`` the way a lenient browser would."""
    text = _XML_DECLARATION.sub("", _CONTROLS.sub("", text), count=1)
    root, too_deep = _parse(text)
    if not too_deep:
        return Parsed(root)
    root, _ = _parse(flatten_deep_nesting(text, MAX_DEPTH))
    return Parsed(root, ("flattened-deep-nesting",))


def _parse(text: str) -> tuple[Any, bool]:
    from lxml import etree, html

    # A parser per call: lxml parser objects must not be shared between threads.
    parser = html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        huge_tree=True,
        default_doctype=False,
    )
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):  # "Document is empty" and friends
        root = html.document_fromstring(EMPTY_DOCUMENT, parser=parser)
    too_deep = any("Excessive depth" in entry.message for entry in parser.error_log)
    return root, too_deep


def flatten_deep_nesting(text: str, limit: int) -> str:
    """Drop the tags (keeping the text) of elements opened more than ``limit`` levels deep.

    Linear: one pass over the tags, tracking the depth and which closing tags to drop."""
    out: list[str] = []
    depth = 0
    dropped: dict[str, int] = {}
    last = 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        drop = False
        if name in VOID_TAGS or self_closing:
            pass
        elif closing:
            if dropped.get(name):
                dropped[name] -= 1
                drop = True
            else:
                depth = max(depth - 1, 0)
        elif depth >= limit:
            dropped[name] = dropped.get(name, 0) + 1
            drop = True
        else:
            depth += 1
        if drop:
            out.append(text[last : match.start()])
            out.append(" ")
            last = match.end()
    out.append(text[last:])
    return "".join(out)
