from __future__ import annotations

import pytest
from html_helpers import PROSE, run

from cleannews.detectors.teaser_cards import TeaserCardsDetector

CARD = "<div class='card'><a href='/{i}'>Story number {i} about the city council vote</a></div>"
CARDS = "".join(CARD.format(i=i) for i in range(4))


@pytest.mark.parametrize(
    ("html", "expected_lines"),
    [
        (PROSE + CARDS, [f"Story number {i} about the city council vote" for i in range(4)]),
        (PROSE + CARD.format(i=1) + CARD.format(i=2), []),  # two are not a run
        (PROSE * 4, []),  # repeated paragraphs are prose, not cards
        # short repeated links are a menu (link density's business)
        ("<ul>" + "".join(f"<li><a>M{i}</a></li>" for i in range(5)) + "</ul>", []),
    ],
)
def test_teaser_cards(html, expected_lines):
    found = run(TeaserCardsDetector(), f"<body>{html}</body>")
    assert sorted(found) == sorted(expected_lines)
    assert set(found.values()) <= {"related"}
