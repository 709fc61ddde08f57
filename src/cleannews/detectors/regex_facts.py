"""What the matches of ``[regex]`` phrases must hold, read from the patterns' text.

The phrase tables test their regexes only on the lines that can hold a match: lines with a
digit or with one of a few characters (``RegexGate``); and, when every pattern is anchored and
can start with few characters, each line only against the patterns that can start with its
first character (``RegexDispatch``). Both are read from the patterns with a small reader of
the syntax the phrase files use: literals, escapes, character classes, groups, lookarounds,
quantifiers and alternation. A pattern using anything else (inline flags, backreferences,
conditionals...) gets no facts (``None``), and its table simply tests every line: a missing
fact costs time, never a match. (The ``re`` module's own parser would do, but it is private
and changes between Python versions.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Parsed pattern nodes, as plain tuples:
#   ("char", src, chars, digit)  one character: ``src`` its regex; ``chars`` the characters it
#                                lists when it is a plain literal or class of literals; ``digit``
#                                when it is exactly ``\d``
#   ("zero",)                    an anchor, a word boundary or a lookaround: consumes nothing
#   ("seq", (node, ...))         one after the other
#   ("alt", (node, ...))         one of them
#   ("rep", low, high, node)     ``node`` repeated ``low``..``high`` times (high None: no bound)
Node = tuple  # the shapes above
_SPECIAL = frozenset(".^$*+?{}[]\\|()")
_CHAR_ESCAPES = frozenset("dDwWsS")  # one character of a category
_ZERO_ESCAPES = frozenset("bBAZ")  # anchors and word boundaries
_LITERAL_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_REPEAT = re.compile(r"\{(\d*)(,?)(\d*)\}")
_DIGIT = re.compile(r"\d")


class Unsupported(ValueError):
    """The pattern uses syntax the reader does not know: no facts for it."""


@dataclass(frozen=True, slots=True)
class RegexGate:
    """A necessary condition of a regex match: a decimal digit or one of ``chars`` in the text."""

    digit: bool
    chars: frozenset[str]

    def admits(self, text: str) -> bool:
        for char in self.chars:
            if char in text:
                return True
        return self.digit and _DIGIT.search(text) is not None


def parse(pattern: str) -> Node:
    """``pattern`` as a tree of nodes (see ``Node``); raises ``Unsupported``."""
    node, at = _parse_alt(pattern, 0)
    if at != len(pattern):
        raise Unsupported(f"unbalanced ')' at {at}")
    return node


def _parse_alt(text: str, at: int) -> tuple[Node, int]:
    branches = []
    while True:
        branch, at = _parse_seq(text, at)
        branches.append(branch)
        if at < len(text) and text[at] == "|":
            at += 1
            continue
        break
    return (branches[0] if len(branches) == 1 else ("alt", tuple(branches))), at


def _parse_seq(text: str, at: int) -> tuple[Node, int]:
    items: list[Node] = []
    while at < len(text) and text[at] not in "|)":
        atom, at = _parse_atom(text, at)
        atom, at = _parse_repeat(text, at, atom)
        items.append(atom)
    return ("seq", tuple(items)), at


def _parse_atom(text: str, at: int) -> tuple[Node, int]:
    char = text[at]
    if char == "(":
        return _parse_group(text, at)
    if char == "[":
        end = _class_end(text, at)
        return _class_node(text[at:end]), end
    if char == "\\":
        return _parse_escape(text, at)
    if char in "^$":
        return ("zero",), at + 1
    if char == ".":
        return ("char", ".", None, False), at + 1
    if char in "*+?{" and not (char == "{" and not _REPEAT.match(text, at)):
        raise Unsupported(f"nothing to repeat at {at}")
    if char in _SPECIAL and char != "{":
        raise Unsupported(f"unexpected {char!r} at {at}")
    return ("char", re.escape(char), frozenset(char), False), at + 1


def _parse_group(text: str, at: int) -> tuple[Node, int]:
    zero = False
    if text.startswith("(?:", at):
        at += 3
    elif text.startswith("(?P<", at):
        end = text.find(">", at)
        if end < 0:
            raise Unsupported("unterminated group name")
        at = end + 1
    elif text.startswith(("(?=", "(?!"), at):
        zero, at = True, at + 3
    elif text.startswith(("(?<=", "(?<!"), at):
        zero, at = True, at + 4
    elif text.startswith("(?", at):
        raise Unsupported(f"group syntax at {at}")  # inline flags, backreferences, ...
    else:
        at += 1
    inner, at = _parse_alt(text, at)
    if at >= len(text) or text[at] != ")":
        raise Unsupported("missing ')'")
    return (("zero",) if zero else inner), at + 1


def _parse_escape(text: str, at: int) -> tuple[Node, int]:
    if at + 1 >= len(text):
        raise Unsupported("trailing backslash")
    char = text[at + 1]
    if char in _CHAR_ESCAPES:
        return ("char", text[at : at + 2], None, char == "d"), at + 2
    if char in _ZERO_ESCAPES:
        return ("zero",), at + 2
    if char in _LITERAL_ESCAPES:
        literal = _LITERAL_ESCAPES[char]
        return ("char", re.escape(literal), frozenset(literal), False), at + 2
    if char.isalnum() or char == "_":
        raise Unsupported(f"escape \\{char}")  # \x.., \u...., \N{..}, backreferences
    return ("char", re.escape(char), frozenset(char), False), at + 2


def _class_end(text: str, at: int) -> int:
    """The index after the ``]`` closing the class opened at ``at``."""
    pos = at + 1
    if text.startswith("^", pos):
        pos += 1
    if text.startswith("]", pos):  # a "]" first is a literal
        pos += 1
    while pos < len(text):
        if text[pos] == "\\":
            pos += 2
        elif text[pos] == "]":
            return pos + 1
        elif text[pos] == "[":
            raise Unsupported("nested set")  # a future set operation
        else:
            pos += 1
    raise Unsupported("unterminated class")


def _class_node(src: str) -> Node:
    """A class: its listed characters when it lists only literals (no range, no negation)."""
    body = src[1:-1]
    if body == "\\d":
        return ("char", src, None, True)
    chars: set[str] = set()
    pos = 0
    while pos < len(body):
        char = body[pos]
        if char == "\\":
            escaped = body[pos + 1 : pos + 2]
            if escaped.isalnum() or escaped == "_":
                return ("char", src, None, False)  # a category or a coded character
            chars.add(escaped)
            pos += 2
        elif char in "^-" or (char == "&" and body.startswith("&&", pos)):
            return ("char", src, None, False)  # negation, ranges, set operations
        else:
            chars.add(char)
            pos += 1
    return ("char", src, frozenset(chars) or None, False)


def _parse_repeat(text: str, at: int, atom: Node) -> tuple[Node, int]:
    if at >= len(text) or text[at] not in "*+?{":
        return atom, at
    char = text[at]
    if char == "{":
        found = _REPEAT.match(text, at)
        if found is None:  # a literal "{"
            return atom, at
        low_text, comma, high_text = found.groups()
        if not low_text and not high_text:
            raise Unsupported("empty repeat")
        low = int(low_text or 0)
        high = int(high_text) if high_text else (None if comma else low)
        at = found.end()
    else:
        low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
        at += 1
    if atom == ("zero",):
        raise Unsupported("repeated assertion")
    if at < len(text) and text[at] in "?+":  # lazy or possessive: the same strings
        at += 1
    if at < len(text) and text[at] in "*+?" or text.startswith("{", at) and _REPEAT.match(text, at):
        raise Unsupported("multiple repeat")
    return ("rep", low, high, atom), at


# -- gates ------------------------------------------------------------------------------------


def gate(node: Node) -> RegexGate | None:
    """A digit or one of a few characters that every match of ``node`` holds (None: none)."""
    kind = node[0]
    if kind == "char":
        if node[3]:
            return RegexGate(True, frozenset())
        chars = node[2]
        # Only caseless characters: under IGNORECASE a cased literal also matches its other cases.
        if chars is None or any(c.lower() != c or c.upper() != c for c in chars):
            return None
        return RegexGate(False, chars)
    if kind == "seq":
        # Every item must match, so any one item's gate holds for the whole: take the one
        # fewest lines pass (spaces are everywhere; a digit or a ":" is rare).
        gates = [g for g in map(gate, node[1]) if g is not None]
        return min(gates, key=_gate_cost, default=None)
    if kind == "alt":
        return union_gate([gate(branch) for branch in node[1]])
    if kind == "rep":
        return gate(node[3]) if node[1] >= 1 else None
    return None


def union_gate(gates: list[RegexGate | None]) -> RegexGate | None:
    """The gate of "one of them": None if one of them has none."""
    if not gates or any(g is None for g in gates):
        return None
    return RegexGate(
        any(g.digit for g in gates if g), frozenset().union(*(g.chars for g in gates if g))
    )


def _gate_cost(found: RegexGate) -> tuple[bool, int]:
    return any(c.isspace() for c in found.chars), len(found.chars) + found.digit


def pattern_gate(pattern: str) -> RegexGate | None:
    """``pattern``'s gate (None when unknown)."""
    try:
        return gate(parse(pattern))
    except Unsupported:
        return None


# -- dispatch by first character ------------------------------------------------------------


def first_chars(node: Node) -> tuple[list[str], bool]:
    """The one-character regexes of what a match of ``node`` can start with, and whether it
    can match the empty string (then what follows it can come first too). Lookarounds are
    passed over: what they ask of the text only narrows the matches."""
    kind = node[0]
    if kind == "char":
        return [node[1]], False
    if kind == "zero":
        return [], True
    if kind == "rep":
        found, empty = first_chars(node[3])
        return found, empty or node[1] == 0
    parts = [first_chars(item) for item in node[1]]
    if kind == "alt":
        return [src for found, _ in parts for src in found], any(empty for _, empty in parts)
    starts: list[str] = []
    for found, empty in parts:
        starts += found
        if not empty:
            return starts, False
    return starts, True


# The characters whose first-character tests are worked out (below the CJK blocks): a line
# starting with another may match any pattern.
_CHECKED_CHARS = "".join(chr(code) for code in range(0x3000) if code != 0x0A)
_LAST_CHECKED = "\u2fff"
# A pattern that can start with more characters than this (any letter, any non-word
# character) is not told apart by its first character: its table gets no ``RegexDispatch``.
NARROW_START = 40


@dataclass(frozen=True)
class RegexDispatch:
    """A table's anchored regexes (matched at the start of a line, IGNORECASE) split by the
    character a line starts with: each line is tried against only the patterns that can start
    with it, in one alternation per character made once.

    Only for tables whose every pattern can start with few characters (``^(?:foto|bild)\\s?:``,
    not ``^\\W*...`` or ``^[^\\W\\d]...``). In each alternation the patterns keep their order
    and their group names (``r<index>``), so the first one matching is the one the full
    alternation finds."""

    # First character -> the alternation of the patterns that can start with it. No pattern
    # can start with a checked character not listed; a line starting with an unchecked one
    # (past ``_LAST_CHECKED``) is tried against ``every`` pattern.
    by_first: dict[str, re.Pattern[str] | None]
    every: re.Pattern[str] | None

    @classmethod
    def of(cls, patterns: list[str]) -> RegexDispatch | None:
        """The dispatch of ``patterns`` (None when one of them cannot be read, or can start
        with too many characters or match the empty string)."""
        try:
            nodes = [parse(p) for p in patterns]
        except Unsupported:
            return None
        starts: list[set[str]] = []
        for node in nodes:
            atoms, empty = first_chars(node)
            chars = _matching(atoms) if atoms else set()
            if empty or len(chars) > NARROW_START:
                return None
            starts.append(chars)
        compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        by_first = {
            char: _alternation(
                patterns, [i for i, chars in enumerate(starts) if char in chars], compiled
            )
            for char in set().union(*starts)
        }
        every = _alternation(patterns, list(range(len(patterns))), compiled)
        return cls(by_first, every)

    def matching(self, texts: list[str]) -> list[int]:
        """The indexes of ``texts`` (non-empty lines) some pattern matches, in order."""
        by_first, every, last = self.by_first, self.every, _LAST_CHECKED
        found = []
        for index, text in enumerate(texts):
            first = text[0]
            regex = by_first.get(first, None if first <= last else every)
            if regex is not None and regex.match(text):
                found.append(index)
        return found


def _alternation(
    patterns: list[str], chosen: list[int], compiled: dict[tuple[int, ...], re.Pattern[str] | None]
) -> re.Pattern[str] | None:
    """The ``chosen`` patterns as one alternation (shared through ``compiled``)."""
    key = tuple(chosen)
    if key not in compiled:
        body = "|".join(f"(?P<r{i}>{patterns[i]})" for i in key)
        compiled[key] = re.compile(body, re.IGNORECASE) if body else None
    return compiled[key]


def _matching(regexes: list[str]) -> set[str]:
    """The checked characters one of the one-character ``regexes`` matches (IGNORECASE)."""
    return set(re.findall("|".join(regexes), _CHECKED_CHARS, re.IGNORECASE))
