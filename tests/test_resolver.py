"""Resolver rules on hand-made blocks and findings (no detectors involved)."""

from __future__ import annotations

import pytest

from cleannews import CleanerConfig, Finding, Kind, Scope
from cleannews.resolve.resolver import (
    RULE_BELOW_THRESHOLD,
    RULE_FINDING,
    RULE_GUARD,
    RULE_KEEP_EVIDENCE,
    RULE_NO_EVIDENCE,
    RULE_REGION,
    RULE_RESUMED,
    Resolution,
    resolve,
)
from cleannews.text.blocks import Block, split_blocks

CONFIG = CleanerConfig()
PROSE = (  # 29 words, ends like a sentence: "clean prose" for the resume rule
    "The committee heard evidence from teachers parents and local officials over three long "
    "days before it agreed that the school would stay open for at least another two years."
)
SHORT = "A short teaser headline"
OTHER = (  # clean prose about something else: another story's snippet in a listing
    "Heavy storms flooded several coastal villages overnight, and rescue crews with boats "
    "spent the whole morning moving families and their animals to shelters on higher ground."
)
MORE = (  # more of the same article, so that there is enough of it to compare topics with
    "Parents told the committee that the school library, the sports hall and the music rooms "
    "were used every evening by clubs, and teachers asked officials to fund new classrooms."
)
assert len(PROSE.split()) == 29


def lines(*texts: str) -> tuple[str, tuple[Block, ...]]:
    source = "\n".join(texts)
    return source, split_blocks(source)


def on(block: Block, kind: Kind, score: float = 0.9, detector: str = "t", **kw) -> Finding:
    return Finding(block.start, block.end, kind, score, detector, f"{detector}.{kind.value}", **kw)


def marker(block: Block, kind: Kind, score: float = 0.9, **kw) -> Finding:
    return on(block, kind, score, scope=Scope.REGION, **kw)


def run(source: str, blocks, findings, config: CleanerConfig = CONFIG) -> Resolution:
    return resolve(source, blocks, findings, config)


def kinds(resolution: Resolution) -> list[str]:
    return [d.kind.value for d in resolution.decisions]


def rules(resolution: Resolution) -> list[str]:
    return [d.rule for d in resolution.decisions]


# -- rule 1: own evidence ------------------------------------------------------------------


@pytest.mark.parametrize(
    "score, kind, rule",
    [
        (0.5, "ad", RULE_FINDING),  # the threshold is inclusive
        (0.49, "content", RULE_BELOW_THRESHOLD),
        (1.0, "ad", RULE_FINDING),
    ],
)
def test_own_evidence_threshold(score: float, kind: str, rule: str) -> None:
    source, blocks = lines(PROSE, "Advertisement")
    resolution = run(source, blocks, [on(blocks[1], Kind.AD, score)])
    assert resolution.decisions[1].kind.value == kind and resolution.decisions[1].rule == rule
    assert resolution.decisions[0].rule == RULE_NO_EVIDENCE


def test_configured_threshold() -> None:
    source, blocks = lines(PROSE, "Advertisement")
    strict = CONFIG.replace(removal_threshold=0.95)
    assert kinds(run(source, blocks, [on(blocks[1], Kind.AD, 0.9)], strict)) == ["content"] * 2


@pytest.mark.parametrize(
    "remove, keep, expected",
    [(0.8, 0.7, "ad"), (0.7, 0.7, "content"), (0.7, 0.8, "content")],
    ids=["removal-beats-keep", "tie-keeps", "keep-beats-removal"],
)
def test_keep_evidence_must_be_beaten(remove: float, keep: float, expected: str) -> None:
    source, blocks = lines(PROSE, "Sponsored content")
    findings = [on(blocks[1], Kind.AD, remove), on(blocks[1], Kind.CONTENT, keep, "main")]
    decision = run(source, blocks, findings).decisions[1]
    assert decision.kind.value == expected
    assert decision.rule == (RULE_FINDING if expected == "ad" else RULE_KEEP_EVIDENCE)
    assert set(decision.findings) == set(findings)  # all evidence is recorded


@pytest.mark.parametrize(
    "first, second, winner",
    [
        (Kind.FOOTER, Kind.COMMENTS, Kind.COMMENTS),
        (Kind.NAV, Kind.RELATED, Kind.RELATED),
        (Kind.DUPLICATE, Kind.AD, Kind.AD),
        (Kind.DEBRIS, Kind.WIDGET, Kind.WIDGET),
    ],
)
def test_ties_go_to_the_more_specific_kind(first: Kind, second: Kind, winner: Kind) -> None:
    source, blocks = lines(PROSE, "Share")
    for order in ((first, second), (second, first)):
        findings = [on(blocks[1], k, 0.8, detector=k.value) for k in order]
        assert run(source, blocks, findings).decisions[1].kind is winner


def test_higher_score_beats_priority() -> None:
    source, blocks = lines(PROSE, "Share")
    findings = [on(blocks[1], Kind.COMMENTS, 0.6), on(blocks[1], Kind.FOOTER, 0.9)]
    assert run(source, blocks, findings).decisions[1].kind is Kind.FOOTER


def test_partial_finding_cuts_the_line_into_units() -> None:
    source = "Photo of the mayor &w=3840&q=100) at the opening."
    blocks = split_blocks(source)
    start = source.index("&w")
    end = source.index(")") + 1
    finding = Finding(start, end, Kind.DEBRIS, 0.9, "debris", "debris.url")
    resolution = run(source, blocks, [finding])
    assert [u.text for u in resolution.units] == [
        "Photo of the mayor",
        "&w=3840&q=100)",
        "at the opening.",
    ]
    assert kinds(resolution) == ["content", "debris", "content"]


def test_uncut_blocks_stay_units_and_decisions_cite_unit_positions() -> None:
    source, blocks = lines(SHORT, "Photo &w=3840) here", SHORT)
    start = source.index("&w")
    finding = Finding(start, source.index(")") + 1, Kind.DEBRIS, 0.9, "debris", "debris.url")
    resolution = run(source, blocks, [finding])
    units = resolution.units
    assert units[0] is blocks[0] and units[-1] is blocks[2]  # taken as they are, not copied
    assert [u.index for u in units] == [0, 1, 1, 1, 2]  # a piece keeps its block's index
    assert [d.block for d in resolution.decisions] == [0, 1, 2, 3, 4]  # positions among units
    assert kinds(resolution) == ["content", "content", "debris", "content", "content"]


def test_a_block_edged_by_whitespace_is_trimmed_when_another_is_cut() -> None:
    from cleannews.resolve.units import split_units
    from cleannews.text.blocks import make_block

    source = " padded \nPhoto &w=3840) here"
    cut = Finding(source.index("&w"), source.index(")") + 1, Kind.DEBRIS, 0.9, "debris", "x")
    blocks = (make_block(0, 0, 8, 1, " padded "), *split_blocks(source)[1:])
    units = split_units(source, blocks, [cut])
    assert [(u.start, u.end, u.text) for u in units] == [
        (1, 7, "padded"),
        (9, 14, "Photo"),
        (15, 23, "&w=3840)"),
        (24, 28, "here"),
    ]
    assert split_units(source, blocks, []) == blocks  # no cut: the blocks as given


def test_whole_line_findings_group_per_unit_as_the_general_path_does() -> None:
    from cleannews.resolve.units import findings_per_unit, split_units, units_with_findings

    source, blocks = lines(SHORT, PROSE, SHORT, "Footer line")
    findings = [
        on(blocks[2], Kind.NAV, 0.6, "a"),
        on(blocks[0], Kind.NAV),
        marker(blocks[2], Kind.RELATED),
        Finding(blocks[1].start, blocks[3].end, Kind.FOOTER, 0.4, "b", "b.lines"),
    ]
    for given in (findings[:3], findings):  # the fast path (whole lines), then the general one
        units, per_unit = units_with_findings(source, blocks, given)
        general = split_units(source, blocks, given)
        assert units == general and per_unit == findings_per_unit(general, given)
    units, per_unit = units_with_findings(source, blocks, findings[:3])
    assert units == blocks and per_unit == [(findings[1],), (), (findings[0], findings[2]), ()]


def test_a_unit_with_no_findings_inside_a_region_takes_the_region() -> None:
    source, blocks = lines(PROSE, MORE, "Related stories", SHORT, SHORT)
    resolution = run(source, blocks, [marker(blocks[2], Kind.RELATED)])
    assert kinds(resolution) == ["content", "content", "related", "related", "related"]
    assert rules(resolution) == [
        RULE_NO_EVIDENCE,
        RULE_NO_EVIDENCE,
        RULE_FINDING,
        RULE_REGION,
        RULE_REGION,
    ]


def test_only_the_first_title_is_the_title() -> None:
    source, blocks = lines("Headline", PROSE, "Headline again")
    findings = [on(blocks[0], Kind.TITLE), on(blocks[2], Kind.TITLE)]
    assert kinds(run(source, blocks, findings)) == ["title", "content", "content"]


# -- rule 2: regions -----------------------------------------------------------------------


def test_marker_after_enough_words_opens_a_region() -> None:
    source, blocks = lines(PROSE, PROSE, "Related Articles", SHORT, SHORT, "Another teaser")
    resolution = run(source, blocks, [marker(blocks[2], Kind.RELATED)])
    assert kinds(resolution) == ["content"] * 2 + ["related"] * 4
    assert rules(resolution)[2:] == [RULE_FINDING] + [RULE_REGION] * 3
    assert resolution.decisions[3].findings[0].scope is Scope.REGION  # the marker is cited


def test_marker_without_enough_preceding_words_removes_only_itself() -> None:
    source, blocks = lines(PROSE, "Related Articles", SHORT, SHORT)  # 29 < 40 words
    assert kinds(run(source, blocks, [marker(blocks[1], Kind.RELATED)])) == [
        "content",
        "related",
        "content",
        "content",
    ]


def test_only_kept_words_count_towards_opening_a_region() -> None:
    source, blocks = lines(PROSE, PROSE, "Related Articles", SHORT)
    findings = [on(blocks[1], Kind.COMMENTS), marker(blocks[2], Kind.RELATED)]
    assert kinds(run(source, blocks, findings))[3] == "content"
    lenient = CONFIG.replace(region_min_preceding_words=29)
    assert kinds(run(source, blocks, findings, lenient))[3] == "related"


def test_block_marker_scope_does_not_open_a_region() -> None:
    source, blocks = lines(PROSE, PROSE, "Related Articles", SHORT)
    assert kinds(run(source, blocks, [on(blocks[2], Kind.RELATED)]))[3] == "content"


def test_region_kind_of_the_marker_applies_to_what_follows() -> None:
    source, blocks = lines(PROSE, PROSE, "15 Articles", SHORT)
    found = marker(blocks[2], Kind.FOOTER, region_kind=Kind.RELATED)
    assert kinds(run(source, blocks, [found]))[2:] == ["footer", "related"]


def test_a_new_marker_opens_a_new_region() -> None:
    source, blocks = lines(PROSE, PROSE, "Related", SHORT, "Comments", "Nice story", SHORT)
    findings = [marker(blocks[2], Kind.RELATED), marker(blocks[4], Kind.COMMENTS)]
    assert kinds(run(source, blocks, findings))[2:] == ["related"] * 2 + ["comments"] * 3


@pytest.mark.parametrize("absorbed", [Kind.DEBRIS, Kind.DUPLICATE, Kind.NAV])
def test_generic_kinds_are_absorbed_by_the_region(absorbed: Kind) -> None:
    source, blocks = lines(PROSE, PROSE, "Related Articles", "![](x.png)", SHORT)
    findings = [marker(blocks[2], Kind.RELATED), on(blocks[3], absorbed, 0.95)]
    resolution = run(source, blocks, findings)
    assert resolution.decisions[3].kind is Kind.RELATED
    assert resolution.decisions[3].rule == RULE_REGION
    assert resolution.decisions[3].score == 0.95  # the stronger evidence's score is kept


def test_specific_kinds_inside_a_region_keep_their_own_kind() -> None:
    source, blocks = lines(PROSE, PROSE, "Related Articles", "Advertisement", SHORT)
    findings = [marker(blocks[2], Kind.RELATED), on(blocks[3], Kind.AD)]
    assert kinds(run(source, blocks, findings))[2:] == ["related", "ad", "related"]


def test_strong_keep_evidence_survives_a_region() -> None:
    source, blocks = lines(PROSE, PROSE, "Related Articles", SHORT, "Real article line.")
    findings = [
        marker(blocks[2], Kind.RELATED, 0.9),
        on(blocks[3], Kind.CONTENT, 0.6, "main"),
        on(blocks[4], Kind.CONTENT, 0.95, "main"),
    ]
    assert kinds(run(source, blocks, findings))[3:] == ["related", "content"]


def test_the_article_resumes_after_enough_clean_prose() -> None:
    source, blocks = lines(PROSE, PROSE, "Related", SHORT, PROSE, PROSE, PROSE, SHORT)
    resolution = run(source, blocks, [marker(blocks[2], Kind.RELATED)])
    assert kinds(resolution) == ["content"] * 2 + ["related"] * 2 + ["content"] * 4


def test_too_short_a_prose_run_does_not_resume() -> None:
    source, blocks = lines(PROSE, PROSE, "Comments", PROSE, PROSE, SHORT, PROSE)
    resolution = run(source, blocks, [marker(blocks[2], Kind.COMMENTS)])
    assert kinds(resolution)[2:] == ["comments"] * 5


def test_a_listing_ends_sooner_than_a_comment_thread() -> None:
    source, blocks = lines(PROSE, PROSE, "Related", SHORT, OTHER, OTHER, SHORT)
    resolution = run(source, blocks, [marker(blocks[2], Kind.RELATED)])
    assert kinds(resolution)[2:] == ["related"] * 2 + ["content"] * 3
    assert rules(resolution)[4] == RULE_RESUMED


def test_one_paragraph_on_the_article_topic_ends_a_listing() -> None:
    source, blocks = lines(PROSE, MORE, "Related", SHORT, SHORT, PROSE, SHORT)
    resolution = run(source, blocks, [marker(blocks[2], Kind.RELATED)])
    assert kinds(resolution)[2:] == ["related"] * 3 + ["content"] * 2


@pytest.mark.parametrize(
    ("kind", "after"),
    [
        (Kind.RELATED, OTHER),  # another story's snippet: the listing goes on
        (Kind.COMMENTS, PROSE),  # a comment on the article: the thread goes on
    ],
)
def test_one_paragraph_alone_does_not_end_the_region(kind: Kind, after: str) -> None:
    source, blocks = lines(PROSE, MORE, "Heading", SHORT, after, SHORT)
    resolution = run(source, blocks, [marker(blocks[2], kind)])
    assert kinds(resolution)[2:] == [kind.value] * 4


def test_topic_resume_can_be_switched_off() -> None:
    source, blocks = lines(PROSE, MORE, "Related", SHORT, PROSE, SHORT)
    config = CONFIG.replace(region_resume_topic_overlap=0.0)
    resolution = run(source, blocks, [marker(blocks[2], Kind.RELATED)], config)
    assert kinds(resolution)[2:] == ["related"] * 4


def test_prose_with_removal_evidence_does_not_count_towards_resuming() -> None:
    source, blocks = lines(PROSE, PROSE, "Related", OTHER, OTHER, OTHER, OTHER)
    findings = [marker(blocks[2], Kind.RELATED), on(blocks[4], Kind.AD, 0.3)]
    assert kinds(run(source, blocks, findings))[3:] == ["related"] * 2 + ["content"] * 2


def test_resume_run_length_is_configurable() -> None:
    source, blocks = lines(PROSE, PROSE, "Related", SHORT, PROSE, SHORT)
    one = CONFIG.replace(region_resume_blocks=1)
    resolution = run(source, blocks, [marker(blocks[2], Kind.RELATED)], one)
    assert kinds(resolution)[3:] == ["related", "content", "content"]


def test_resume_needs_sentence_ends() -> None:
    unfinished = PROSE.rstrip(".")
    source, blocks = lines(PROSE, PROSE, "Related", unfinished, unfinished, unfinished)
    assert kinds(run(source, blocks, [marker(blocks[2], Kind.RELATED)]))[3:] == ["related"] * 3


# -- rules 3 and 4: no evidence, over-removal guard -----------------------------------------


def test_no_findings_keep_everything() -> None:
    source, blocks = lines("Title", PROSE, "Advertisement")
    resolution = run(source, blocks, [])
    assert kinds(resolution) == ["content"] * 3
    assert set(rules(resolution)) == {RULE_NO_EVIDENCE} and not resolution.guarded


def test_guard_keeps_everything_when_almost_nothing_would_be_left() -> None:
    source, blocks = lines("Short kept line", PROSE, PROSE)
    findings = [on(blocks[1], Kind.AD), on(blocks[2], Kind.AD)]
    resolution = run(source, blocks, findings)
    assert resolution.guarded
    assert kinds(resolution) == ["content"] * 3
    assert rules(resolution)[1:] == [RULE_GUARD] * 2
    assert resolution.decisions[1].findings  # the evidence stays on record


def test_guard_does_not_fire_with_enough_kept_words() -> None:
    source, blocks = lines(PROSE, PROSE, "Advertisement")
    resolution = run(source, blocks, [on(blocks[0], Kind.AD), on(blocks[2], Kind.AD)])
    assert not resolution.guarded and kinds(resolution) == ["ad", "content", "ad"]


def test_guard_needs_both_few_words_and_a_small_share() -> None:
    # 3 kept words out of 32 is below 15 words but above 5% of the input: no guard.
    source, blocks = lines("Short kept line", PROSE)
    resolution = run(source, blocks, [on(blocks[1], Kind.AD)])
    assert not resolution.guarded and kinds(resolution) == ["content", "ad"]


def test_guard_can_be_switched_off() -> None:
    source, blocks = lines(PROSE)
    off = CONFIG.replace(guard_min_kept_words=0)
    resolution = run(source, blocks, [on(blocks[0], Kind.AD)], off)
    assert kinds(resolution) == ["ad"] and not resolution.guarded


def test_empty_input() -> None:
    resolution = run("", (), [])
    assert resolution.units == () and resolution.decisions == () and not resolution.guarded
