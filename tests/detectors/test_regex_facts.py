"""The facts read from [regex] phrases (``regex_facts``): the reader, the gates and the dispatch
by first character only ever skip lines no pattern matches."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from cleannews.detectors.phrases import build_table, load_table, parse_phrase_file
from cleannews.detectors.regex_facts import (
    RegexDispatch,
    RegexGate,
    Unsupported,
    first_chars,
    parse,
    pattern_gate,
)

PACKAGE = "cleannews.detectors"


def _tables_with_regexes() -> list[str]:
    names = []
    for entry in resources.files(PACKAGE).joinpath("data").iterdir():
        texts = [f.read_text("utf-8") for f in entry.iterdir() if f.name.endswith(".txt")]
        if any("\n[regex]" in "\n" + text for text in texts):
            names.append(entry.name)
    return sorted(names)


@pytest.mark.parametrize("name", _tables_with_regexes())
def test_every_shipped_pattern_is_read(name: str) -> None:
    """A pattern the reader cannot read silently loses its table's gate and dispatch."""
    for regex, _ in load_table(PACKAGE, name).regexes:
        parse(regex.pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        "(?i)abc",  # inline flags
        "(a)\\1",  # a backreference
        "\\x41",  # a coded character
        "a{,}",  # an empty repeat
        "a**",  # a multiple repeat
        "(?(1)a|b)",  # a conditional
        "[[:alpha:]]",  # a nested set
        "abc)",  # unbalanced
        "(abc",
        "[abc",
        "*a",
    ],
)
def test_unknown_syntax_is_refused(pattern: str) -> None:
    with pytest.raises(Unsupported):
        parse(pattern)
    assert pattern_gate(pattern) is None
    assert RegexDispatch.of([pattern]) is None


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        ("^foto\\s?:\\s*\\S+", RegexGate(False, frozenset(":"))),
        ("^写真\\s?[:：]\\S", RegexGate(False, frozenset("写"))),  # the rarer of two
        ("^\\d+ votes", RegexGate(True, frozenset())),
        ("^(?:a|b)\\d", RegexGate(True, frozenset())),
        ("a{2,3}\\d{0,2}:", RegexGate(False, frozenset(":"))),
        ("x\\s?(?:=|:)", RegexGate(False, frozenset("=:"))),
        ("x(?:=|y)", None),  # one branch has no gate
        ("^abc", None),  # cased letters only
        ("(?<=:)x\\d?", None),  # a lookbehind's ":" is not required
        ("[\\d.]x", None),  # a class of a category and a literal
        ("a{3}b\\{c", RegexGate(False, frozenset("{"))),  # an escaped "{" is a literal
        ("ab{c", RegexGate(False, frozenset("{"))),  # so is a "{" that is no repeat
    ],
)
def test_gates(pattern: str, gate: RegexGate | None) -> None:
    assert pattern_gate(pattern) == gate
    if gate is not None:  # the gate is necessary: a text failing it cannot match
        assert not re.search(pattern, "abc xyz", re.IGNORECASE) or gate.admits("abc xyz")


@pytest.mark.parametrize(
    ("pattern", "starts", "empty"),
    [
        ("^(?:foto|bild)\\s?:", ["f", "b"], False),
        ("^\\[?\\s?(?:사진|자료)", ["\\[", "\\s", "사", "자"], False),
        ("^(?:alle\\s+)?\\d+", ["a", "\\d"], False),
        ("(?=x)y", ["y"], False),  # a lookahead is passed over
        ("^a*", ["a"], True),
        ("^(?:a|)b?", ["a", "b"], True),
        ("\\W*\\d", ["\\W", "\\d"], False),
    ],
)
def test_first_chars(pattern: str, starts: list[str], empty: bool) -> None:
    assert first_chars(parse(pattern)) == (starts, empty)


FOOTERISH = [
    "^(?:foto|fotos|bild|quelle)\\s?:\\s*(?:\\S+\\s+){0,7}\\S+(?<![.!?])$",
    "^(?:photo|source|ſtory)\\s?:\\s*\\S+",
    "^\\[?\\s?(?:사진|그래픽)\\s?[=:]\\s?\\S.{0,30}$",
    "^(?:写真|画像)\\s?[:：]\\s*\\S.{0,30}$",
    "^copyright\\s?:\\s*\\S+",
    "^(?:kelvin|ik)\\s?:\\s*\\S+",
]
LINES = [
    "Foto: dpa",
    "FOTO: Reuters",
    "Bild : AP / Jane Doe",
    "Quelle: Example",
    "Photo: AFP",
    "SOURCE: agencies",
    "ſource: old print",  # a long s matches "s" under IGNORECASE
    "STORY: x",  # ...and "ſ" matches "S"
    "\u212aelvin: sign",  # the Kelvin sign matches "k"
    "İk: dotted capital I",
    "[사진=연합뉴스]",
    "사진: 연합뉴스",
    " 그래픽=뉴스",
    "写真：共同",
    "画像: 時事",
    "Copyright: 2024 Example",
    "copyright 2024",
    "12 photos: gallery",
    "A photo: not at the start",
    "Foto: dpa.",
    ":",
    "x",
]


def test_dispatch_finds_what_the_alternation_finds() -> None:
    table = build_table(parse_phrase_file("[regex]\n" + "\n".join(FOOTERISH), "en"))
    assert table.regex is not None and table.regex_dispatch is not None
    slow = [i for i, line in enumerate(LINES) if table.regex.match(line)]
    assert table.regex_dispatch.matching(LINES) == slow
    assert len(slow) >= 10


@pytest.mark.parametrize("name", _tables_with_regexes())
def test_dispatch_of_shipped_tables(name: str) -> None:
    """Every line of every shipped table's own test lines, found as by the full alternation."""
    table = load_table(PACKAGE, name)
    if table.regex_dispatch is None or table.regex is None:
        return
    lines = [*LINES]
    for regex, _ in table.regexes:  # lines built from the patterns' literal starts
        for start in re.findall(r"\^(?:\(\?:)?([^\\()\[?*+{]+)", regex.pattern):
            for word in start.split("|"):
                lines += [f"{word}: Example", f"{word.upper()}: x", f"{word.title()} : a b"]
    slow = [i for i, line in enumerate(lines) if table.regex.match(line)]
    assert table.regex_dispatch.matching(lines) == slow


@pytest.mark.parametrize(
    "patterns",
    [
        ["^\\W*\\d+ votes"],  # any non-word character first
        ["^[^\\W\\d][\\w .-]{0,40}\\s(?:wrote|replied) on"],  # any letter first
        ["^foto:", "^(?:x)?"],  # one may match the empty string
    ],
)
def test_no_dispatch_for_wide_patterns(patterns: list[str]) -> None:
    assert RegexDispatch.of(patterns) is None
