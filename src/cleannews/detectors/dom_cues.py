"""DOM cues: class/id/role/aria/tag vocabulary saying what an element is (comments, related,
ads, share bars, newsletter/consent boxes, menus, footers, sidebars...).

Vocabulary is data, one file per concept in ``data/dom_cues/<concept>.txt``::

    kind = comments          # what a matching element is
    score = 0.85
    [token]                  # a piece of a class/id (split on - _ : and camelCase)
    comment
    [name]                   # a whole class or id value
    disqus_thread
    [tag]                    # an element name
    fb:comments
    [role]                   # an ARIA role
    complementary

A block takes the cue of its nearest cued ancestor. Cues on elements holding most of the page's
text are ignored (a page-wide wrapper classed ``comments-open`` is not a comment section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Iterator

from ..kinds import Kind
from ..page import Page
from ..spans import Finding
from .base import Detector
from .registry import register_detector

WRAPPER_TEXT_SHARE = 0.5  # an element holding more of the page's text than this is a wrapper
NEVER_CUED = frozenset({"html", "body", "main"})
# Boxes (share bars, menus, ads, newsletter or consent boxes, sidebars) are short or mostly
# links. An element cued as one but holding much plain text is a layout wrapper whose class
# happens to say "sharing" or "sidebar": ignore its cue. Comment sections are prose by nature.
BOX_MAX_PLAIN_CHARS = 800
BOX_PLAIN_LINK_SHARE = 0.35
PROSE_CONCEPTS = frozenset({"comments"})
_PIECES = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_SEPARATORS = re.compile(r"[-_:\s.]+")


@dataclass(frozen=True, slots=True)
class Cue:
    concept: str
    kind: Kind
    score: float
    via: str  # what matched, e.g. ``class token 'comments'``


@dataclass(frozen=True, eq=False)  # hashed by identity: it is loaded once and cached
class Vocabulary:
    tokens: dict[str, Cue]
    names: dict[str, Cue]
    tags: dict[str, Cue]
    roles: dict[str, Cue]


def parse_concept(text: str, concept: str) -> dict[str, list[str]]:
    """Sections of one concept file, plus its ``kind`` and ``score`` headers."""
    sections: dict[str, list[str]] = {"kind": [], "score": []}
    current = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            if current not in ("token", "name", "tag", "role"):
                raise ValueError(f"unknown section [{current}] in dom cue file {concept!r}")
            sections.setdefault(current, [])
        elif current is None and "=" in line:
            key, _, value = line.partition("=")
            sections[key.strip()] = [value.strip()]
        elif current is not None:
            sections[current].append(line.lower())
    return sections


@cache
def load_vocabulary(package: str = "cleannews.detectors") -> Vocabulary:
    tables: dict[str, dict[str, Cue]] = {"token": {}, "name": {}, "tag": {}, "role": {}}
    folder = resources.files(package).joinpath("data", "dom_cues")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        concept = entry.name[:-4]
        sections = parse_concept(entry.read_text("utf-8"), concept)
        kind, score = Kind(sections["kind"][0]), float(sections["score"][0])
        for section, table in tables.items():
            for word in sections.get(section, ()):
                cue = Cue(concept, kind, score, f"{section} {word!r}")
                if word not in table or table[word].score < score:
                    table[word] = cue
    return Vocabulary(tables["token"], tables["name"], tables["tag"], tables["role"])


def split_name(value: str) -> list[str]:
    """``relatedArticles-box`` -> ``['related', 'articles', 'box']``."""
    return [p.lower() for part in _SEPARATORS.split(value) for p in _PIECES.findall(part)]


def own_cue(vocab: Vocabulary, tag: str, names: tuple[str, ...], role: str | None) -> Cue | None:
    """The strongest cue an element carries by itself."""
    found = [vocab.tags.get(tag)]
    if role:
        found.append(vocab.roles.get(role.lower()))
    found.extend(name_cue(vocab, name) for name in names)
    cues = [c for c in found if c is not None]
    return max(cues, key=lambda c: c.score) if cues else None


@lru_cache(maxsize=1 << 16)  # class names repeat across pages of a site and across sites
def name_cue(vocab: Vocabulary, name: str) -> Cue | None:
    """The strongest cue of one class or id value."""
    lowered = name.lower()
    found = [vocab.names.get(lowered), vocab.tokens.get(lowered)]
    found.extend(vocab.tokens.get(t) for t in split_name(name))
    cues = [c for c in found if c is not None]
    return max(cues, key=lambda c: c.score) if cues else None


def node_cues(page: Page) -> list[Cue | None]:
    """For every node: the cue of its nearest cued ancestor-or-self (``None`` if none)."""
    view = page.html
    vocab = load_vocabulary()
    limit = WRAPPER_TEXT_SHARE * max(view.text_chars[0], 1) if view.tags else 0
    memo: dict[tuple[str, tuple[str, ...], str | None], Cue | None] = {}
    in_article = [False] * len(view.tags)
    cues: list[Cue | None] = [None] * len(view.tags)
    for node, tag in enumerate(view.tags):
        parent = view.parents[node]
        in_article[node] = tag in ("article", "main") or (parent >= 0 and in_article[parent])
        names = view.classes[node] + ((view.ids[node],) if view.ids[node] else ())
        key = (tag, names, view.roles[node])
        if key not in memo:
            memo[key] = own_cue(vocab, *key)
        cue = memo[key]
        inside = parent >= 0 and in_article[parent]
        if cue is not None and not _applies(view, node, tag, cue, limit, inside):
            cue = None
        cues[node] = cue if cue is not None else (cues[parent] if parent >= 0 else None)
    return cues


def _applies(view: Any, node: int, tag: str, cue: Cue, limit: float, in_article: bool) -> bool:
    chars = view.text_chars[node]
    if tag in NEVER_CUED or chars > limit:
        return False
    if (
        cue.concept not in PROSE_CONCEPTS
        and chars > BOX_MAX_PLAIN_CHARS
        and view.link_density(node) < BOX_PLAIN_LINK_SHARE
    ):
        return False
    # An article's own <header> holds its title and byline, not site chrome.
    return not (tag == "header" and in_article)


@register_detector
class DomCuesDetector(Detector):
    name = "dom_cues"
    kinds = frozenset({Kind.COMMENTS, Kind.RELATED, Kind.AD, Kind.FOOTER, Kind.WIDGET, Kind.NAV})
    input_kinds = frozenset({"html"})

    def detect(self, page: Page) -> Iterator[Finding]:
        if page.html is None:
            return
        cues = node_cues(page)
        for block, node in zip(page.blocks, page.html.block_nodes, strict=True):
            cue = cues[node]
            if cue is not None:
                yield self.finding(
                    block,
                    cue.kind,
                    cue.score,
                    f"dom_cues.{cue.concept}",
                    f"inside an element cued as {cue.concept} ({cue.via})",
                )
