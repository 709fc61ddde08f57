"""Golden regression tests: the five real seed pages must come out exactly as annotated."""

from __future__ import annotations

import pytest

import cleannews

from seeds import CLEAN_CONTROLS, Seed, load_seeds, normalise_ws

SEEDS = load_seeds()
IDS = [s.name for s in SEEDS]


@pytest.fixture(scope="module")
def docs() -> dict[str, cleannews.CleanDocument]:
    return {s.name: cleannews.clean(s.text) for s in SEEDS}


def test_all_five_seeds_present() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_clean_text_equals_gold(seed: Seed, docs: dict) -> None:
    assert normalise_ws(docs[seed.name].text) == normalise_ws(seed.gold["expected_text"])


@pytest.mark.parametrize("name", CLEAN_CONTROLS)
def test_clean_controls_lose_nothing(name: str, docs: dict) -> None:
    doc = docs[name]
    assert doc.removed == ()
    assert normalise_ws(doc.text) == normalise_ws(doc.source)


def _removed_kind_at(doc: cleannews.CleanDocument, offset: int) -> str | None:
    for span in doc.removed:
        if span.start <= offset < span.end:
            return span.kind.value
    return None


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_every_gold_removed_character_has_the_gold_kind(seed: Seed, docs: dict) -> None:
    doc = docs[seed.name]
    for gold in seed.removed_spans:
        for offset in range(gold["start"], gold["end"]):
            if not seed.text[offset].isspace():
                assert _removed_kind_at(doc, offset) == gold["label"], (gold["lines"], offset)


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_every_gold_kept_character_is_kept(seed: Seed, docs: dict) -> None:
    doc = docs[seed.name]
    for gold in seed.kept_spans:
        for offset in range(gold["start"], gold["end"]):
            if not seed.text[offset].isspace():
                assert _removed_kind_at(doc, offset) is None, (gold["lines"], offset)


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_title_is_the_gold_title(seed: Seed, docs: dict) -> None:
    titles = [s["text"] for s in seed.gold["spans"] if s["label"] == "title"]
    assert docs[seed.name].title == (titles[0] if titles else None)


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_removed_spans_explain_themselves(seed: Seed, docs: dict) -> None:
    for span in docs[seed.name].removed:
        assert span.detectors and span.reasons and span.explanation
        assert span.text == seed.text[span.start : span.end]
