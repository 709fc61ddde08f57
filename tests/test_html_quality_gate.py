"""Quality gate: F1 floors on a small fixed subset of the HTML benchmark sets.

The subset is every 22nd trafilatura-eval page and every 9th readability page (sorted ids).
Floors are pinned a little below the measured scores (see BENCHMARKS.md) so a regression fails;
raise them when quality improves. The full sets run in ``benchmarks/html_mode.py``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"
TRAFILATURA_EVERY, READABILITY_EVERY = 22, 9
TRAFILATURA_F1_FLOOR = 0.925  # measured 0.941 on this subset (trafilatura: 0.949)
READABILITY_F1_FLOOR = 0.965  # measured 0.981 (trafilatura: 0.956)

pytestmark = pytest.mark.skipif(
    not (DATASETS / "trafilatura-eval").is_dir() or not (DATASETS / "readability-pages").is_dir(),
    reason=f"benchmark datasets not found at {DATASETS} (CI keeps ../shared beside the repo)",
)


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import html_mode
    finally:
        sys.path.pop(0)
    return html_mode


@pytest.fixture(scope="module")
def clean():
    from cleannews import Cleaner, CleanerConfig

    cleaner = Cleaner(config=CleanerConfig(detect_language=False, keep_decisions=False))
    return lambda data: cleaner.clean(data, kind="html", detect_language=False).text


def test_trafilatura_eval_subset(bench, clean):
    rows = bench.select(bench.load_rows("trafilatura-eval", DATASETS), None, TRAFILATURA_EVERY,
                        None)
    assert len(rows) == 41
    counts: Counter = Counter()
    for row in rows:
        counts.update(bench.snippet_counts(row, clean(bench.page_bytes(row))))
    assert bench.snippet_scores(counts)["f1"] >= TRAFILATURA_F1_FLOOR


def test_readability_subset(bench, clean):
    rows = bench.select(bench.load_rows("readability-pages", DATASETS), None, READABILITY_EVERY,
                        None)
    assert len(rows) == 15
    scores = [bench.token_prf(clean(bench.page_bytes(r)), bench.expected_text(r))[2] for r in rows]
    assert sum(scores) / len(scores) >= READABILITY_F1_FLOOR
