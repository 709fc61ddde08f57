"""The datatrove step, run with the real library (skipped when datatrove is not installed)."""

from __future__ import annotations

import pickle

import pytest

from test_batch_support import FAIL_MARKER, article

datatrove = pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402

from cleannews import Cleaner  # noqa: E402
from cleannews.integrations import CleanNewsStep  # noqa: E402

AD_LINE = "Buy now: the best offer on garden furniture"


def step_with_test_detectors(**options) -> CleanNewsStep:
    from test_batch_support import FailOnMarker, FlagBuyNow

    step = CleanNewsStep(detect_language=False, **options)
    step._cleaner = Cleaner(extra=[FlagBuyNow, FailOnMarker], disable=["duplicates"])
    return step


def test_step_replaces_text_keeps_spans_and_counts_per_kind() -> None:
    step = step_with_test_detectors()
    source = article(1, AD_LINE)
    docs = [
        Document(text=source, id="a", metadata={"url": "https://example.org/a"}),
        Document(text=article(2), id="b"),
    ]

    out = list(step.run(iter(docs)))

    assert [d.id for d in out] == ["a", "b"]
    assert AD_LINE not in out[0].text and out[0].text.startswith("Headline number 1")
    meta = out[0].metadata["cleannews"]
    assert [(s["kind"], s["text"], s["reasons"]) for s in meta["removed"]] == [
        ("ad", AD_LINE, ["test.buy-now"])
    ]
    start, end = meta["removed"][0]["start"], meta["removed"][0]["end"]
    assert source[start:end] == AD_LINE  # offsets point into the original text
    assert out[1].metadata["cleannews"]["removed"] == []
    assert step.stats["removed_ad"].total == len(AD_LINE)
    assert step.stats["forwarded"].total == 2


def test_failing_and_empty_documents_are_dropped_with_a_reason() -> None:
    step = step_with_test_detectors()
    docs = [
        Document(text=article(1, FAIL_MARKER), id="bad"),
        Document(text="   ", id="empty"),
        Document(text=article(3), id="ok"),
    ]

    out = list(step.run(iter(docs)))

    assert [d.id for d in out] == ["ok"]
    assert docs[0].metadata["cleannews"]["error"] == "DetectorError"
    assert step.stats["dropped_cleannews_error"].total == 1
    assert step.stats["dropped_cleannews_empty"].total == 1


def test_keep_source_and_pickling_for_executors() -> None:
    step = CleanNewsStep(detect_language=False, keep_source=True)
    source = article(4)
    _ = step.cleaner  # built...

    clone = pickle.loads(pickle.dumps(step))  # ...but not shipped to workers

    assert clone._cleaner is None
    out = list(clone.run(iter([Document(text=source, id="x")])))
    assert out[0].metadata["cleannews"]["source"] == source
