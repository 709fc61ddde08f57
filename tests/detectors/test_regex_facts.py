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
    WordGate,
    first_chars,
    parse,
    pattern_gate,
    required_words,
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
    assert _matching(table.regex_dispatch, LINES) == slow
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
    assert _matching(table.regex_dispatch, lines) == slow


def _matching(dispatch: RegexDispatch, lines: list[str]) -> list[int]:
    return dispatch.matching(lines, [line.casefold() for line in lines])


@pytest.mark.parametrize(
    "patterns",
    [
        ["^\\W*\\d+"],  # any non-word character first, and no words
        ["^\\W*\\d+\\s+out\\s+of\\s+5"],  # a word too short to tell lines apart
        ["^foto:", "^(?:x)?"],  # one may match the empty string, and holds no word
    ],
)
def test_no_dispatch_for_wide_patterns_without_words(patterns: list[str]) -> None:
    assert RegexDispatch.of(patterns) is None


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("^(?:foto|fotos|bild)\\s?:", {"foto", "bild"}),  # "fotos" holds "foto"
        ("^[^\\W\\d][\\w .-]{0,40}\\s(?:wrote|replied) on\\s", {"wrote on", "replied on"}),
        ("^there (?:are|is) \\d+ comments?", {"there are ", "there is "}),
        ("^\\W*(?:rating|rated)\\s*:?\\s*\\d", {"rating", "rated"}),
        ("^\\d+\\s*min(?:\\.|uten)?\\s+lesezeit$", {"lesezeit"}),
        ("(?:a|b)?\\d", None),  # optional letters: no word
        ("x(?=abc)", {"x"}),  # a lookahead's text is not consumed
        ("(?:abc|\\d)", None),  # one branch without a word
    ],
)
def test_required_words(pattern: str, words: set[str] | None) -> None:
    assert required_words(parse(pattern)) == (None if words is None else frozenset(words))


WIDE = [
    "^[^\\W\\d][\\w .'’-]{0,40}\\s(?:schrieb|kommentierte) am\\s[^.!?]{0,40}\\d",
    "^[^\\W\\d][\\w .'’-]{0,40}\\s(?:wrote|replied|sinned) on\\s[^.!?]{0,40}\\d",
    "^(?:alle\\s+)?\\d+\\s+(?:antworten|kommentare)\\s+(?:anzeigen|laden)\\W*$",
    "^(?:view|show)\\s+(?:all\\s+)?\\d+\\s+(?:replies|comments)\\W*$",
]
WIDE_LINES = [
    "Jane Doe wrote on 12 March 2024:",
    "JANE DOE WROTE ON 12 MARCH 2024",
    "Max schrieb am 3. Mai 2023 um 10:12",
    "Max SCHRIEB AM 3. Mai 2023",
    "Anna ſchrieb am 3. Mai 2023",  # a long s casefolds to "s", which it matches
    "Ali SİNNED ON 4 May 2024",  # a dotted capital I: the gate cannot tell, the line is tried
    "Ali sınned on 4 May 2024",  # a dotless i: likewise
    "Emoji 👍 wrote on 4 May 2024",  # past the Basic Multilingual Plane: likewise
    "12 Kommentare anzeigen",
    "Alle 3 Antworten laden",
    "Show 12 comments",
    "View all 3 replies",
    "12 comments",
    "Posted on 12 March",
    "written on 12 March",
    "ſhow 3 replies",
]


@pytest.mark.parametrize("count", [len(WIDE_LINES), 2, 5, 6, 7, 8])
def test_dispatch_with_wide_patterns(count: int) -> None:
    """Lines holding none of the wide patterns' words skip them; the lines found are those the
    full alternation finds, whatever the page's other lines hold."""
    table = build_table(parse_phrase_file("[regex]\n" + "\n".join(WIDE), "en"))
    dispatch = table.regex_dispatch
    assert table.regex is not None and dispatch is not None and dispatch.words is not None
    for start in range(len(WIDE_LINES)):
        lines = (WIDE_LINES * 2)[start : start + count]
        slow = [i for i, line in enumerate(lines) if table.regex.match(line)]
        assert _matching(dispatch, lines) == slow


def test_word_gate_refuses_what_it_cannot_tell() -> None:
    gate = WordGate.of([frozenset({"wrote on"}), frozenset({"sinned on"})])
    assert gate is not None and "İ" in gate.unsafe and "ı" in gate.unsafe
    for line in ("x SİNNED ON y", "x sınned on y", "x 👍 y"):
        assert gate.lines([line, "other"], [line.casefold(), "other"]) is None
    assert gate.lines(["A wrote on", "other"], ["a wrote on", "other"]) == [0]
    assert gate.lines(["none", "other"], ["none", "other"]) == []
    assert WordGate.of([frozenset({"out"})]) is None  # too short
    assert WordGate.of([frozenset({"wrote on"}), None]) is None
