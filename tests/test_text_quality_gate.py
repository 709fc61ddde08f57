"""Quality gate for text mode: F1 floors on the whole readability-text set (it runs in seconds).

Floors sit a little below the figures recorded in BENCHMARKS.md so that a regression fails CI;
raise them when quality improves. Two tracks:

- full page text in, article out (issue #2's bar: mean token F1 >= 0.90, recall kept high);
- the reference text itself in: a clean article must come out (almost) untouched;
- trafilatura's extraction of each page in (comments and related links included): cleaning must
  not make already-extracted text worse.
"""

from __future__ import annotations

import pytest

from benchmark_scripts import SHARED, import_benchmark, missing_datasets

FULL_TEXT_F1_FLOOR = 0.91  # measured 0.923 (issue #2's bar: 0.90)
FULL_TEXT_RECALL_FLOOR = 0.96  # measured 0.981
CLEAN_INPUT_F1_FLOOR = 0.985  # measured 0.992
# On trafilatura's output (already mostly article) cleaning must not cost more than this
# against returning that output unchanged (measured: +0.002, i.e. a small gain).
EXTRACTED_INPUT_MAX_LOSS = 0.003

pytestmark = pytest.mark.skipif(
    missing_datasets("readability-text") is not None,
    reason=str(missing_datasets("readability-text")),
)


@pytest.fixture(scope="module")
def bench():
    return import_benchmark("text_mode")


@pytest.fixture(scope="module")
def docs(bench):
    return bench.load_docs(SHARED)


def test_full_page_text_meets_the_bar(bench, docs) -> None:
    result = bench.evaluate(bench.cleannews_system(detect_language=False), docs)
    assert result["n_all"] == 130
    assert result["all"]["f1"] >= FULL_TEXT_F1_FLOOR
    assert result["all"]["recall"] >= FULL_TEXT_RECALL_FLOOR


def test_cleannews_beats_both_baselines(bench, docs) -> None:
    ours = bench.evaluate(bench.cleannews_system(detect_language=False), docs)["all"]["f1"]
    assert ours > bench.evaluate(bench.identity, docs)["all"]["f1"]
    assert ours > bench.evaluate(bench.line_filter, docs)["all"]["f1"]


def test_clean_article_text_is_left_nearly_untouched(bench, docs) -> None:
    inputs = {d.id: d.expected for d in docs}
    result = bench.evaluate(bench.cleannews_system(detect_language=False), docs, inputs)
    assert result["all"]["f1"] >= CLEAN_INPUT_F1_FLOOR


def test_already_extracted_text_is_not_made_worse(bench, docs) -> None:
    pytest.importorskip("trafilatura")
    inputs = bench.trafilatura_inputs(SHARED, docs)
    as_is = bench.evaluate(bench.identity, docs, inputs)["all"]["f1"]
    cleaned = bench.evaluate(bench.cleannews_system(detect_language=False), docs, inputs)
    assert cleaned["all"]["f1"] >= as_is - EXTRACTED_INPUT_MAX_LOSS
