"""Languages that a writing system alone identifies."""

from __future__ import annotations

import unicodedata

# Script name prefix (as in unicodedata.name) -> language, for scripts used by one language.
_SCRIPT_LANGUAGE = {
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "THAI": "th",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "GREEK": "el",
    "HEBREW": "he",
    "BENGALI": "bn",
    "TAMIL": "ta",
    "KHMER": "km",
}
_DECIDING_SHARE = 0.3  # of letters, for a script to decide
_SAMPLE = 400
# Below U+0370 (Latin, IPA, combining marks) no letter belongs to a script above: most samples
# are decided by one ``max`` instead of a ``unicodedata.name`` per letter.
_FIRST_DECIDING_CHAR = "\u0370"


def script_language(text: str) -> str | None:
    """The language a distinctive script gives away, else ``None``."""
    sample = text[:_SAMPLE]
    if not sample or max(sample) < _FIRST_DECIDING_CHAR:
        return None
    counts: dict[str, int] = {}
    letters = 0
    han = 0
    for ch in sample:
        if not ch.isalpha():
            continue
        letters += 1
        name = unicodedata.name(ch, "")
        if name.startswith("CJK"):
            han += 1
            continue
        head = name.split(" ", 1)[0]
        if head in _SCRIPT_LANGUAGE:
            lang = _SCRIPT_LANGUAGE[head]
            counts[lang] = counts.get(lang, 0) + 1
    if not letters:
        return None
    if counts.get("ja", 0) >= 0.05 * letters:  # any real share of kana means Japanese
        return "ja"
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    if best and best[1] >= _DECIDING_SHARE * letters:
        return best[0]
    if han >= 0.5 * letters:
        return "zh"
    return None
