"""The over-removal guard's HTML fallback: when nearly everything would be removed but some
removed units carry content evidence (main-content or structured-data findings), only those are
restored instead of the whole page (menus and sidebars included)."""

from __future__ import annotations

from cleannews import Cleaner, CleanerConfig, Detector, Finding, Kind
from cleannews.resolve.resolver import RULE_GUARD, RULE_GUARD_EVIDENCE, resolve
from cleannews.text.blocks import split_blocks

CONFIG = CleanerConfig()
TEASER = "The paywalled story starts with this teaser of about twenty words, enough to read as"
MENU = ["Home", "Politics", "Sport", "Culture", "Subscribe now"]
SIDEBAR = " ".join(["Most read stories of the week in the region and beyond"] * 8)


def _run(findings_for):
    source = "\n".join([*MENU, TEASER + " prose.", SIDEBAR])
    blocks = split_blocks(source)
    findings = [f for b in blocks for f in findings_for(b)]
    return resolve(source, blocks, findings, CONFIG), blocks


def _remove_all(block, content_on=()):
    yield Finding(block.start, block.end, Kind.NAV, 0.9, "t", "t.nav")
    if block.text in content_on:
        yield Finding(block.start, block.end, Kind.CONTENT, 0.55, "main_content", "inside")


def test_units_with_content_evidence_are_restored_alone():
    resolution, blocks = _run(lambda b: _remove_all(b, {TEASER + " prose."}))
    kept = [b.text for b, d in zip(blocks, resolution.decisions, strict=True) if not d.removed]
    assert kept == [TEASER + " prose."]
    assert not resolution.guarded and resolution.guard_restored_evidence
    assert resolution.decisions[len(MENU)].rule == RULE_GUARD_EVIDENCE


def test_a_partial_guard_is_visible_on_the_document():
    class EverythingIsNav(Detector):
        name = "everything_is_nav"
        kinds = frozenset({Kind.NAV, Kind.CONTENT})

        def detect(self, page):
            for block in page.blocks:
                yield from _remove_all(block, {TEASER + " prose."})

    source = "\n".join([*MENU, TEASER + " prose.", SIDEBAR])
    doc = Cleaner([EverythingIsNav]).clean(source, kind="text", detect_language=False)
    assert doc.flags == ("over_removal_guard_kept_evidence",)
    assert not doc.guarded and doc.text == TEASER + " prose."
    (kept,) = doc.kept
    assert "over-removal guard" in kept.explanation


def test_too_little_content_evidence_falls_back_to_the_plain_guard():
    resolution, _ = _run(lambda b: _remove_all(b, {"Home"}))
    assert resolution.guarded
    assert all(not d.removed for d in resolution.decisions)
    assert {d.rule for d in resolution.decisions} == {RULE_GUARD}


def test_without_content_evidence_the_plain_guard_applies():
    resolution, _ = _run(_remove_all)
    assert resolution.guarded and all(d.rule == RULE_GUARD for d in resolution.decisions)
