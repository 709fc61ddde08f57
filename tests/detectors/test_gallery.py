"""GalleryDetector: runs of "k/N" slide counters of one photo gallery."""

from __future__ import annotations

import re

import pytest

from cleannews.detectors.gallery import _COUNTER, GalleryDetector, _counters
from cleannews.page import Page

PROSE = (
    "The city council approved the new budget on Tuesday after a long debate about housing, "
    "transport and schools, and officials said the plan would take effect next spring."
)


def flagged(lines: list[str]) -> list[str]:
    page = Page.from_text("\n".join(lines))
    return [page.source[f.start : f.end] for f in GalleryDetector().detect(page)]


@pytest.mark.parametrize(
    "slides",
    [
        ["1/50 United goin down", "2/50 Star Wars boosts economy", "3/50 Shell plans under fire"],
        ["- 1/12 Der Hafen am Morgen", "- 2/12 Die Altstadt", "- 3/12 Der Markt am Abend"],
        ["12 von 17", "13 von 17", "14 von 17"],
        ["4 of 20 The stadium at night", "5 of 20 Fans outside", "6 of 20 The final whistle"],
        ["1 / 8", "2 / 8", "3 / 8", "4 / 8"],
        ["3 van 9 De haven", "4 van 9 De markt", "5 van 9 Het station"],
        ["1 dari 6 Suasana pasar", "2 dari 6 Pelabuhan", "3 dari 6 Stasiun kereta"],
    ],
)
def test_runs_of_slide_counters_are_flagged(slides: list[str]) -> None:
    lines = [PROSE]
    for slide in slides:
        lines += [slide, "Photo: Jane Doe"]
    assert flagged(lines + [PROSE]) == slides


@pytest.mark.parametrize(
    "lines",
    [
        ["9/11 changed air travel for good.", "24/7 news is tiring.", PROSE],
        ["1/8 tsp salt", "3/8 cup sugar", "5/8 cup flour"],  # fractions, not consecutive
        ["1 / 5", "1 / 5", "1 / 5"],  # one counter repeated, not counted through
        ["1/50 United goin down", "2/50 Star Wars boosts economy"],  # too short a run
        ["1/2 cup milk", "2/2 eggs", "Mix well."],  # totals below three
        ["1 dari 6 warga", "1 dari 6 warga", "1 dari 6 warga"],  # a share, not counted through
    ],
)
def test_fractions_dates_and_lone_counters_are_not_flagged(lines: list[str]) -> None:
    assert flagged([PROSE, *lines, PROSE]) == []


def test_a_second_gallery_restarts_the_count() -> None:
    lines = ["1/3 A", "2/3 B", "3/3 C", PROSE, "1/3 D", "2/3 E"]
    assert flagged(lines) == ["1/3 A", "2/3 B", "3/3 C"]


@pytest.mark.parametrize(
    "source",
    [
        "1/5 First slide\n2/5 Second\n3/5 Third",  # the first line is a counter
        "Intro\n1/5 First slide\n2/5 Second\n3/5 Third\n",
        "- \n1/5 a\n2/5 b\n3/5 c\n4/5 d",  # a bullet's spaces reach into the next line
        "\n\n 1/5 indented\n1/5 a\n2/5 b\n3/5 c",
    ],
)
def test_counter_scan_matches_a_scan_of_the_page_with_a_newline_prepended(source: str) -> None:
    # The scan starts at the first line and resumes after it as one scan over "\n" + source
    # would (what the detector did before, copying the page).
    page = Page.from_text(source)
    before = []
    for match in re.compile("\n" + _COUNTER.pattern, re.I).finditer("\n" + page.source):
        slide, total = int(match.group(1)), int(match.group(2))
        block = page.block_at(match.start())
        if 1 <= slide <= total and total >= 3 and block is not None:
            if block.start == match.start():
                before.append((slide, total, block))
    assert list(_counters(page)) == before
