"""The phrase-file sections added for listing headings and counters: [marker-prefix], [count],
[marker-count]; and the single alternation that [regex] phrases are matched with."""

from __future__ import annotations

import re

import pytest

from cleannews.detectors.phrase_detector import PhraseDetector
from cleannews.detectors.phrases import (
    RegexGate,
    build_table,
    loose_non_word,
    parse_phrase_file,
    regex_phrase,
)
from cleannews.kinds import Kind
from cleannews.page import Page
from cleannews.spans import Scope

DATA = """
[marker]
related articles
[marker-prefix]
more from
[count]
views
[marker-count]
articles => related
[prefix]
read more:
[regex]
^\\d+ of \\d+ articles read
(?:rated|rating)\\s*\\d
"""


class Sample(PhraseDetector):
    name = "sample"
    kind = Kind.WIDGET
    kinds = frozenset({Kind.WIDGET})

    @property
    def table(self):  # type: ignore[override]
        return build_table(parse_phrase_file(DATA, "en"))


def match(line: str) -> tuple[str, Scope, Kind] | None:
    found = list(Sample().detect(Page.from_text(line, language="en")))
    if not found:
        return None
    (f,) = found
    return f.reason, f.scope, f.follows_kind


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Related Articles", ("sample.marker", Scope.REGION, Kind.WIDGET)),
        ("More from The Example Times", ("sample.marker-prefix", Scope.REGION, Kind.WIDGET)),
        ("More from Example »", ("sample.marker-prefix", Scope.REGION, Kind.WIDGET)),
        ("1.2K views", ("sample.count", Scope.BLOCK, Kind.WIDGET)),
        ("Views: 1,234", ("sample.count", Scope.BLOCK, Kind.WIDGET)),
        ("views (12)", ("sample.count", Scope.BLOCK, Kind.WIDGET)),
        ("15 Articles", ("sample.marker-count", Scope.REGION, Kind.RELATED)),
        ("Read more: another story", ("sample.prefix", Scope.BLOCK, Kind.WIDGET)),
        ("3 of 10 articles read", ("sample.regex", Scope.BLOCK, Kind.WIDGET)),
        ("Rated 4 stars", ("sample.regex", Scope.BLOCK, Kind.WIDGET)),
        # not a heading: a sentence, or too long
        ("More from the report came out later.", None),
        ("More from the report on the budget and the schools and the roads and more", None),
        # a count needs its number, and nothing else on the line
        ("Views", None),
        ("Articles", None),
        ("15 articles were published this year", None),
        ("The 15 articles", None),
    ],
)
def test_sections(line: str, expected: tuple | None) -> None:
    assert match(line) == expected


def test_unknown_sections_are_still_rejected() -> None:
    with pytest.raises(ValueError):
        parse_phrase_file("[teasers]\nfoo", "en")


def test_regex_alternation_reports_the_matching_phrase() -> None:
    table = build_table(parse_phrase_file(DATA, "en"))
    assert table.regex is not None and not table.regex_anchored
    phrase = regex_phrase(table, "Rating 5")
    assert phrase is not None and phrase.text.startswith("(?:rated")
    assert regex_phrase(table, "nothing here") is None


def test_regexes_that_cannot_be_combined_are_tried_one_by_one() -> None:
    table = build_table(parse_phrase_file("[regex]\n(?P<n>x)\\d\n(?P<n>y)\\d", "en"))
    assert table.regex is None
    phrase = regex_phrase(table, "y1")
    assert phrase is not None and phrase.text.startswith("(?P<n>y)")


def test_anchored_regexes_are_matched_at_the_start_only() -> None:
    table = build_table(parse_phrase_file("[regex]\n^abc\n^\\d+ votes", "en"))
    assert table.regex_anchored
    assert regex_phrase(table, "12 votes") is not None
    assert regex_phrase(table, "see 12 votes") is None


@pytest.mark.parametrize(
    ("patterns", "gate"),
    [
        (["^foto\\s?:\\s*\\S+", "^写真\\s?[:：]\\S"], RegexGate(False, frozenset(":写"))),
        (["^\\d+ votes", "^reading time:?\\s*\\d"], RegexGate(True, frozenset())),
        (["^(?:a|b)\\d", "x\\s?:"], RegexGate(True, frozenset(":"))),
        (["^\\d+ votes", "^abc"], None),  # "abc" needs only cased letters: no gate
        (["^(?:\\d)?x:?"], None),  # optional parts are not required
        (["(?<!:)\\d"], RegexGate(True, frozenset())),  # a lookbehind's ":" is not required
    ],
)
def test_regex_gate_is_a_necessary_condition(patterns: list[str], gate: RegexGate | None) -> None:
    table = build_table(parse_phrase_file("[regex]\n" + "\n".join(patterns), "en"))
    assert table.regex_gate == gate


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Foto: dpa", True),
        ("写真：共同", True),
        ("12 Votes", True),
        ("٣ votes", True),
        ("Foto dpa", False),
        ("Votes", False),
    ],
)
def test_regex_gate_keeps_every_match(text: str, found: bool) -> None:
    data = "[regex]\n^foto\\s?:\\s*\\S+\n^写真\\s?[:：]\\S\n^\\d+ votes"
    table = build_table(parse_phrase_file(data, "en"))
    assert table.regex_gate is not None
    assert (regex_phrase(table, text) is not None) is found
    assert table.regex_gate.admits(text) or not found


def test_loose_non_word_is_non_word_in_the_bmp_and_everything_beyond() -> None:
    # The group's [contains] scan starts with this class instead of ``\W`` (a faster skip);
    # its hits are checked again, so it may match more, but never less.
    loose = re.compile(loose_non_word())
    non_word = re.compile(r"\W")
    for code in range(0x10000):
        char = chr(code)
        assert bool(loose.match(char)) == bool(non_word.match(char)), hex(code)
    assert loose.match("\U0001f600") and loose.match("\U00020000")  # emoji; a CJK ext. B letter
