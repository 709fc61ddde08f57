"""What the matches of ``[regex]`` phrases must hold, read from the patterns' text.

The phrase tables test their regexes only on the lines that can hold a match: lines with a
digit or with one of a few characters (``RegexGate``); then, when every pattern is anchored,
each line only against the patterns that can start with its first character, and the patterns
that can start with almost anything only on lines holding one of their words
(``RegexDispatch``). All of it is read from the patterns with a small reader of the syntax
the phrase files use: literals, escapes, character classes, groups, lookarounds, quantifiers
and alternation. A pattern using anything else (inline flags, backreferences,
conditionals...) gets no facts (``None``), and its table simply tests every line: a missing
fact costs time, never a match. (The ``re`` module's own parser would do, but it is private
and changes between Python versions.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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
MAX_STRINGS = 64  # at most this many literal strings per fact (cross products grow fast)


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


def exact_strings(node: Node) -> frozenset[str] | None:
    """Every string ``node`` matches, when they are few literal strings (else None)."""
    kind = node[0]
    if kind == "char":
        return node[2]
    if kind == "zero":
        return frozenset({""})
    if kind == "seq":
        found = frozenset({""})
        for item in node[1]:
            found = _concat(found, exact_strings(item))  # type: ignore[assignment]
            if found is None:
                return None
        return found
    if kind == "alt":
        parts = [exact_strings(branch) for branch in node[1]]
        if any(p is None for p in parts):
            return None
        union = frozenset().union(*parts)  # type: ignore[arg-type]
        return union if len(union) <= MAX_STRINGS else None
    _, low, high, inner = node
    one = exact_strings(inner)
    if one is None or (low, high) not in ((1, 1), (0, 1)):
        return None
    return one if low else one | {""}


def _concat(left: frozenset[str], right: frozenset[str] | None) -> frozenset[str] | None:
    if right is None or len(left) * len(right) > MAX_STRINGS:
        return None
    return frozenset(a + b for a in left for b in right)


def required_words(node: Node) -> frozenset[str] | None:
    """Literal strings one of which every match of ``node`` holds (None: none known).

    A sequence offers each run of items with exact strings (their concatenations) and each
    other item's own words; the set whose shortest string is longest is taken (the rarest on
    a line), then the smaller set."""
    kind = node[0]
    if kind == "seq":
        options = [words for words in _sequence_options(node[1]) if words is not None]
        return min(options, key=_rarity, default=None)
    if kind == "alt":
        parts = [required_words(branch) for branch in node[1]]
        if any(p is None for p in parts):
            return None
        return _useful(frozenset().union(*parts))  # type: ignore[arg-type]
    if kind == "rep":
        return required_words(node[3]) if node[1] >= 1 else None
    return _useful(exact_strings(node))


def _sequence_options(items: tuple[Node, ...]) -> list[frozenset[str] | None]:
    options: list[frozenset[str] | None] = []
    run: frozenset[str] = frozenset({""})
    for item in items:
        more = exact_strings(item)
        joined = _concat(run, more)
        if joined is not None:
            run = joined
            continue
        options.append(_useful(run))
        options.append(required_words(item))
        run = more if more is not None else frozenset({""})
    options.append(_useful(run))
    return options


def _useful(words: frozenset[str] | None) -> frozenset[str] | None:
    """``words`` without those holding another one; None if one is empty."""
    if not words or "" in words:
        return None
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _rarity(words: frozenset[str]) -> tuple[int, int]:
    return -min(map(len, words)), len(words)


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
_LAST_CHECKED = "\u2fff"
# A pattern that can start with more characters than this (any letter, any non-word
# character) is not told apart by its first character, but by its words (``WordGate``).
NARROW_START = 40
# A word this short occurs in too many lines ("out" in "about") for the word gate to pay.
MIN_GATE_WORD = 5


@dataclass(frozen=True, slots=True)
class WordGate:
    """Words one of which every match of some regexes holds (their ``required_words``),
    casefolded: tested with ``in`` on the casefolded texts the page keeps (``FOLDED_MEMO``).

    IGNORECASE matches characters by Python's simple case folding, which differs from full
    casefolding on a few characters (``"İ"`` matches ``"i"`` but casefolds to two characters).
    ``of`` finds them with ``re`` itself among the characters of the Basic Multilingual Plane
    (``unsafe``); on lines holding one, or a character past that plane, the gate cannot tell."""

    words: tuple[str, ...]
    unsafe: tuple[str, ...]

    @classmethod
    def of(cls, words: list[frozenset[str] | None]) -> WordGate | None:
        """The gate of regexes requiring ``words`` (None if one requires none or a short one)."""
        if not words or any(w is None for w in words):
            return None
        union = _useful(frozenset().union(*words))  # type: ignore[arg-type]
        if union is None or any("\n" in w or len(w) < MIN_GATE_WORD for w in union):
            return None
        return cls(tuple(sorted({w.casefold() for w in union})), _unsafe({*"".join(union)}))

    def lines(self, texts: list[str], folded: list[str]) -> list[int] | None:
        """The indexes of ``texts`` (lines without line breaks; ``folded`` casefolded) holding
        one of the words, in order; None when the gate cannot tell."""
        joined = "\n".join(texts)
        if not joined.isascii() and (any(c in joined for c in self.unsafe) or _past_bmp(joined)):
            return None
        low = "\n".join(folded)  # casefolding makes no line break
        present = [w for w in self.words if w in low]
        if not present:
            return []
        return [i for i, line in enumerate(low.split("\n")) if any(w in line for w in present)]


def _unsafe(letters: set[str]) -> tuple[str, ...]:
    """The characters of the Basic Multilingual Plane that IGNORECASE matches to one of
    ``letters`` but that casefold to something else (one pass for all of them first)."""
    bmp = _characters(0x10000)
    matched = re.findall(f"[{''.join(map(re.escape, sorted(letters)))}]", bmp, re.IGNORECASE)
    return tuple(
        sorted(
            char
            for char in set(matched)
            if any(
                char.casefold() != letter.casefold()
                and re.fullmatch(re.escape(letter), char, re.IGNORECASE)
                for letter in letters
            )
        )
    )


def _past_bmp(text: str) -> bool:
    """Does ``text`` hold a character past the Basic Multilingual Plane?"""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


@dataclass(frozen=True)
class RegexDispatch:
    """Which lines a table's anchored regexes match (at the start of a line, IGNORECASE),
    trying each line against only the patterns that can match it.

    A "narrow" pattern can start with few characters (``^(?:foto|bild)\\s?:``): a line is tried
    against those that can start with its first character (one alternation per character,
    made once). The "wide" ones (``^\\W*...``, ``^[^\\W\\d]...``) only on the lines holding
    one of their words (``WordGate``)."""

    # First character -> the narrow patterns that can start with it. No narrow pattern can
    # start with a checked character not listed; a line starting with an unchecked one (past
    # ``_LAST_CHECKED``) is tried against ``every`` narrow pattern.
    by_first: dict[str, re.Pattern[str] | None]
    every: re.Pattern[str] | None
    wide: re.Pattern[str] | None  # the wide patterns (None: there are none)
    words: WordGate | None  # their words

    @classmethod
    def of(cls, patterns: list[str]) -> RegexDispatch | None:
        """The dispatch of ``patterns`` (None when one of them cannot be read, or some wide
        ones have no words to tell their lines)."""
        try:
            nodes = [parse(p) for p in patterns]
        except Unsupported:
            return None
        starts: dict[int, set[str]] = {}
        wide: list[int] = []
        for index, node in enumerate(nodes):
            atoms, empty = first_chars(node)
            chars = _matching(atoms) if atoms else set()
            if empty or len(chars) > NARROW_START:
                wide.append(index)
            else:
                starts[index] = chars
        words = WordGate.of([required_words(nodes[i]) for i in wide]) if wide else None
        if wide and words is None:
            return None
        compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        by_first = {
            char: _alternation(patterns, [i for i in starts if char in starts[i]], compiled)
            for char in set().union(*starts.values())
        }
        every = _alternation(patterns, list(starts), compiled)
        return cls(by_first, every, _alternation(patterns, wide, compiled), words)

    def matching(self, texts: list[str], folded: list[str]) -> list[int]:
        """The indexes of ``texts`` (non-empty lines; ``folded`` casefolded) some pattern
        matches, in order."""
        wide, worded = self.wide, None
        if self.words is not None:
            worded = self.words.lines(texts, folded)
            if worded is not None and not worded:
                wide = None  # (the commonest case) no wide pattern can match here
        lines = None if worded is None else set(worded)
        by_first, every, last = self.by_first, self.every, _LAST_CHECKED
        found = []
        for index, text in enumerate(texts):
            first = text[0]
            narrow = by_first.get(first, None if first <= last else every)
            if (narrow is not None and narrow.match(text)) or (
                wide is not None and (lines is None or index in lines) and wide.match(text)
            ):
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
    return set(re.findall("|".join(regexes), _characters(0x3000), re.IGNORECASE))


@cache
def _characters(end: int) -> str:
    """The characters below ``end``, but the line break and the surrogates (made on first
    use: a table with [regex] phrases is loaded)."""
    return "".join(chr(c) for c in range(end) if c != 0x0A and not 0xD800 <= c < 0xE000)
