"""The plugin's own test table: (text, expected removed lines)."""

from __future__ import annotations

import pytest

from cleannews import Cleaner

CLEANER = Cleaner(["listen_widget"])  # only this detector: the test sees exactly its effect
PROSE = "The mayor opened the new bridge on Monday after three years of construction work."

CASES = [
    ("Listen to this article", ["Listen to this article"]),
    ("Listen to this article · 4 min", ["Listen to this article · 4 min"]),
    ("LISTEN NOW", ["LISTEN NOW"]),
    ("Artikel anhören", ["Artikel anhören"]),
    ("Écouter cet article", ["Écouter cet article"]),
    # negatives: article prose must stay
    ("Listen to this article's critics and you hear only doubt.", []),
    ("Listen now, she told the crowd, because this matters.", []),
    ("We listened to the audio version of the speech.", []),
]


@pytest.mark.parametrize("line, removed", CASES, ids=[c[0] for c in CASES])
def test_cases(line: str, removed: list[str]) -> None:
    doc = CLEANER.clean(f"{PROSE}\n{line}\n{PROSE}", detect_language=False)
    assert [s.text for s in doc.removed] == removed
    assert all(s.kind.value == "widget" for s in doc.removed)
