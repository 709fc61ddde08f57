"""Phrase lists as data: one file per detector and language, ``data/<detector>/<lang>.txt``.

File format (UTF-8; ``#`` starts a comment line; blank lines ignored)::

    [marker]                 # the whole line is this heading; it opens a region of what follows
    related articles
    15 articles => related   # ``=> kind``: what follows the marker is of another kind
    [line]                   # the whole line is this phrase (block only)
    advertisement
    [prefix]                 # a short line starting with this phrase
    read more:
    [contains]               # a short line containing this phrase
    all rights reserved
    [regex]                  # a Python regex searched in the line's text, case-insensitive
    ^©\\s*\\d{4}

Whole-line phrases are compared with :func:`cleannews.text.blocks.normalise_key` (casefolded,
non-letters stripped at both ends), so ``Comments (3)`` matches ``comments``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..kinds import Kind
from ..text.blocks import normalise_key

SECTIONS = ("marker", "line", "prefix", "contains", "regex")


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str
    language: str
    section: str
    region_kind: Kind | None = None


@dataclass(frozen=True)
class PhraseTable:
    """All phrases of one detector, indexed for fast matching."""

    whole: dict[str, tuple[Phrase, ...]] = field(default_factory=dict)  # key -> marker/line
    prefix: re.Pattern[str] | None = None
    contains: re.Pattern[str] | None = None
    by_text: dict[tuple[str, str], Phrase] = field(default_factory=dict)  # (section, text)
    regexes: tuple[tuple[re.Pattern[str], Phrase], ...] = ()
    languages: frozenset[str] = frozenset()


def parse_phrase_file(text: str, language: str) -> list[Phrase]:
    phrases: list[Phrase] = []
    section = "line"
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in SECTIONS:
                raise ValueError(f"unknown section [{section}] in {language} phrase file")
            continue
        region: Kind | None = None
        if " => " in line:
            line, _, kind_name = line.rpartition(" => ")
            region = Kind(kind_name.strip())
        phrase_text = line if section == "regex" else normalise_key(line)
        if phrase_text:
            phrases.append(Phrase(phrase_text, language, section, region))
    return phrases


def build_table(phrases: list[Phrase]) -> PhraseTable:
    whole: dict[str, list[Phrase]] = {}
    by_text: dict[tuple[str, str], Phrase] = {}
    regexes: list[tuple[re.Pattern[str], Phrase]] = []
    for phrase in phrases:
        if phrase.section in ("marker", "line"):
            whole.setdefault(phrase.text, []).append(phrase)
        elif phrase.section == "regex":
            regexes.append((re.compile(phrase.text, re.IGNORECASE), phrase))
        else:
            by_text.setdefault((phrase.section, phrase.text), phrase)
    return PhraseTable(
        whole={k: tuple(v) for k, v in whole.items()},
        prefix=_alternation([p.text for p in phrases if p.section == "prefix"], anchored=True),
        contains=_alternation([p.text for p in phrases if p.section == "contains"], anchored=False),
        by_text=by_text,
        regexes=tuple(regexes),
        languages=frozenset(p.language for p in phrases),
    )


def _alternation(texts: list[str], *, anchored: bool) -> re.Pattern[str] | None:
    if not texts:
        return None
    # Longest first so the most specific phrase is the one reported.
    body = "|".join(re.escape(t) for t in sorted(set(texts), key=len, reverse=True))
    head = "^" if anchored else r"(?<!\w)"
    return re.compile(f"{head}(?:{body})(?!\\w)")


@cache
def load_table(package: str, detector: str) -> PhraseTable:
    """Load and index every ``<lang>.txt`` under ``<package>/data/<detector>/`` (cached)."""
    folder = resources.files(package).joinpath("data", detector)
    phrases: list[Phrase] = []
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".txt"):
                phrases.extend(parse_phrase_file(entry.read_text("utf-8"), entry.name[:-4]))
    return build_table(phrases)
