"""TeasersDetector: teaser runs and other stories appended under the article, by structure."""

from __future__ import annotations

import pytest

from cleannews.detectors.teasers import TeasersDetector, _chained, _runs, _Topic
from cleannews.page import Page

from seeds import load_seeds

ARTICLE = "\n".join(
    [
        "The city council approved the new budget on Tuesday after a long debate about housing, "
        "transport and schools, and officials said the plan would take effect next spring.",
        "The mayor said the vote showed that the council could still agree on the big questions, "
        "although three members walked out before the final count was read aloud.",
        "Opposition councillors argued that the housing fund was far too small for a city whose "
        "rents have risen faster than wages for most of the past decade.",
        "The budget also sets aside money for a new tram line to the northern districts, a project "
        "that has been delayed twice since it was first announced in 2019.",
        "Residents will be able to comment on the tram plans at public meetings in April, and the "
        "council expects the first construction contracts to be signed by the summer.",
    ]
)
OTHER_STORY = (
    "Heavy snow closed mountain passes across the Alps on Sunday, stranding skiers in resorts "
    "and forcing railway operators to cancel dozens of trains between Switzerland and Italy, "
    "while avalanche warnings reached the highest level in several valleys."
)


def scores(text: str) -> dict[int, tuple[float, str]]:
    """line -> (score, reason) of the detector's findings."""
    page = Page.from_text(text)
    return {
        page.block_at(f.start).line: (f.score, f.reason)  # type: ignore[union-attr]
        for f in TeasersDetector().detect(page)
    }


def removed_lines(text: str) -> list[int]:
    return sorted(line for line, (score, _) in scores(text).items() if score >= 0.5)


TEASER_RUN = "\n".join(
    [
        "Council approves budget after long debate",
        "The council approved the budget on Tuesday after members argued for hours about…",
        "Tram line to the north delayed again",
        "The project has been delayed twice since it was announced, officials said.",
        "Rents keep rising faster than wages",
        "A new report shows that rents in the city have outpaced wages for a decade...",
    ]
)


def test_a_teaser_run_with_cut_snippets_is_moderate() -> None:
    found = scores(f"{ARTICLE}\n{TEASER_RUN}")
    assert sorted(found) == [6, 7, 8, 9, 10, 11]
    assert {s for s, _ in found.values()} == {0.6}
    assert {r for _, r in found.values()} == {"teasers.run"}


def test_timestamps_between_teasers_make_a_run_stronger() -> None:
    lines = TEASER_RUN.split("\n")
    with_stamps = "\n".join(
        ["2 hours ago", *lines[:2], "3 hours ago", *lines[2:4], "5 hours ago", *lines[4:]]
    )
    found = scores(f"{ARTICLE}\n{with_stamps}")
    assert len(found) == 9 and min(s for s, _ in found.values()) >= 0.75


@pytest.mark.parametrize(
    "sections",
    [
        # subheading + one paragraph, repeated: article structure, no teaser signal
        [
            ("How it started", "Users shared photos secretly captured in public places."),
            ("Why it matters", "Pornography is illegal in China and the sharing shocked critics."),
            ("What comes next", "Experts are calling for stronger laws on voyeurism and privacy."),
        ],
        [
            ("Anomaly in status code 400", "We spotted this one on the chart when we started."),
            ("Anomaly in status code 500", "This is a hidden anomaly we did not know about."),
            ("A hidden anomaly in status code 404", "The query can now be used to fire alerts."),
        ],
    ],
)
def test_repeated_subheading_and_paragraph_is_not_removed(sections: list) -> None:
    body = "\n".join(f"{head}\n{para}" for head, para in sections)
    assert removed_lines(f"{ARTICLE}\n{body}\n{ARTICLE}") == []


@pytest.mark.parametrize("seed", ["001", "003", "004"])
def test_seed_articles_are_not_removed(seed: str) -> None:
    (text,) = [s.text for s in load_seeds() if s.name.startswith(seed)]
    assert removed_lines(text) == []


def appended(stamp: str, outlets: tuple[str, ...] = ("Daily Post", "Evening Star")) -> str:
    parts = [ARTICLE, "Related Articles"]
    for outlet in outlets:
        parts += [outlet, stamp, f"- {outlet}", "Snow closes Alpine passes", OTHER_STORY]
    return "\n".join(parts)


@pytest.mark.parametrize(
    "stamp",
    [
        "an hour ago",
        "2 hours ago",
        "5 mins ago",
        "vor 3 Stunden",
        "il y a 2 heures",
        "hace 5 minutos",
        "3 ore fa",
        "há 2 horas",
        "2 uur geleden",
        "3 godziny temu",
        "2 часа назад",
        "3 小时前",
        "3時間前",
        "3시간 전",
        "2 jam yang lalu",
        "3 saat önce",
        "Reuters · 2 hours ago",
    ],
)
def test_appended_stories_are_removed(stamp: str) -> None:
    found = scores(appended(stamp))
    body = [line for line, (_, reason) in found.items() if reason == "teasers.story"]
    assert 7 in body and 11 in body and 16 in body  # both story headers and the last body
    assert min(found[line][0] for line in body) >= 0.75


def test_the_articles_own_dateline_is_not_an_appended_story() -> None:
    text = f"Daily Post\n2 hours ago\n- Daily Post\nCouncil approves budget\n{ARTICLE}"
    assert scores(text) == {}


def test_live_blog_entries_with_timestamps_are_kept() -> None:
    entries = "\n".join(
        f"{n} hours ago\nJane Doe\n{para}" for n, para in enumerate(ARTICLE.split("\n"), 1)
    )
    assert removed_lines(f"{ARTICLE}\n{entries}") == []


def test_explanations_name_the_signals() -> None:
    page = Page.from_text(appended("2 hours ago"))
    finding = next(iter(TeasersDetector().detect(page)))
    assert "outlet label repeated" in finding.explanation


@pytest.mark.parametrize(
    ("pairs_at", "chained"),
    [
        ([], []),
        ([4, 6, 8], [4, 6, 8]),  # pairs back to back
        ([4, 7, 9], [4, 7, 9]),  # a timestamp line may sit between two pairs
        ([0, 2, 10, 12, 30], []),  # scattered: no run can have three pairs
        ([0, 2, 6, 8, 10, 20], [6, 8, 10]),
        ([1, 3, 5, 9, 11, 14], [1, 3, 5, 9, 11, 14]),
    ],
)
def test_only_chains_of_closely_spaced_pairs_can_make_a_run(
    pairs_at: list[int], chained: list[int]
) -> None:
    assert _chained(pairs_at) == chained


def test_scattered_pairs_test_no_timestamp() -> None:
    class NoStamps:
        def __contains__(self, i: object) -> bool:
            raise AssertionError("a timestamp was tested")

    blocks = Page.from_text(f"{TEASER_RUN}\n{ARTICLE}\n{TEASER_RUN}").blocks
    assert list(_runs(blocks, [0, 11], NoStamps(), _Topic(blocks, [], []))) == []
