"""The streaming runner: one outcome per record, in order; failures isolated; workers."""

from __future__ import annotations

import gc
import json
from functools import partial
from pathlib import Path

import pytest

from cleannews.batch import CleanSpec, FileSink, Layout, ReadError, Record, run_batch
from cleannews.batch.pool import map_chunks
from cleannews.batch.runner import clean_records
from cleannews.batch.work import clean_record, prepare_worker
from test_batch_support import FAIL_MARKER, HANG_MARKER, article, freeze_counts

FAILING = CleanSpec(extra=("test_batch_support:FailOnMarker",), detect_language=False)


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().split(b"\n") if line]


def records(n: int, fail_at: tuple[int, ...] = ()) -> list[Record]:
    return [
        Record(f"r{i}", article(i, FAIL_MARKER if i in fail_at else ""), {"line": i})
        for i in range(n)
    ]


def test_outcomes_follow_input_order_and_failures_are_isolated() -> None:
    outcomes = list(clean_records(records(7, fail_at=(2, 5)), FAILING, chunk_size=3))

    assert [o.id for o in outcomes] == [f"r{i}" for i in range(7)]
    assert [o.ok for o in outcomes] == [True, True, False, True, True, False, True]
    failed = outcomes[2]
    assert failed.error == "DetectorError"
    assert failed.details["detector"] == "test_fail_on_marker"
    assert "injected failure" in failed.message and "ValueError" in failed.details["traceback"]


def test_a_successful_outcome_carries_the_document_line() -> None:
    outcome = clean_record(CleanSpec(detect_language=False), records(1)[0])

    line = json.loads(outcome.output)
    assert list(line)[:2] == ["id", "origin"]
    assert line["id"] == "r0" and line["origin"] == {"line": 0}
    assert line["text"].startswith("Headline number 0")
    assert outcome.input_bytes == len(article(0).encode())


def test_read_errors_pass_through_as_failed_outcomes() -> None:
    record = Record("bad", ReadError("JSONDecodeError", "Expecting value"), {"line": 3})

    outcome = clean_record(CleanSpec(), record)

    assert not outcome.ok
    assert outcome.error_dict() == {
        "id": "bad",
        "origin": {"line": 3},
        "error": "JSONDecodeError",
        "message": "Expecting value",
        "stage": "read",
    }


def test_an_unexpected_exception_anywhere_in_cleaning_is_isolated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cleannews.batch import work

    real = work._clean

    def flaky(spec, payload, meta):  # type: ignore[no-untyped-def]
        if meta["line"] == 1:
            raise MemoryError("simulated")
        return real(spec, payload, meta)

    monkeypatch.setattr(work, "_clean", flaky)

    outcomes = list(clean_records(records(3), CleanSpec(detect_language=False)))

    assert [(o.ok, o.error) for o in outcomes] == [(True, ""), (False, "MemoryError"), (True, "")]


def test_a_timeout_fails_the_record_even_when_detector_errors_are_skipped() -> None:
    spec = CleanSpec(
        extra=("test_batch_support:HangOnMarker",),
        detect_language=False,
        config=(("on_detector_error", "skip"),),
        record_timeout=0.2,
    )
    hanging = Record("r0", article(0, HANG_MARKER), {"line": 0})

    outcome = clean_record(spec, hanging)

    assert (outcome.ok, outcome.error) == (False, "DetectorError")
    assert "RecordTimeoutError" in outcome.message


def test_run_batch_writes_each_record_once_and_counts(tmp_path: Path) -> None:
    sink = FileSink.open(Layout.for_output(tmp_path / "out", "jsonl"))
    seen = []

    stats = run_batch(
        records(5, fail_at=(1,)), FAILING, sink, skip_ids={"r3"}, on_outcome=seen.append
    )
    sink.close()

    docs = [d["id"] for d in read_lines(tmp_path / "out/documents.jsonl")]
    errors = read_lines(tmp_path / "out/errors.jsonl")
    assert docs == ["r0", "r2", "r4"]
    assert [e["id"] for e in errors] == ["r1"] and errors[0]["error"] == "DetectorError"
    assert (stats.records, stats.ok, stats.failed, stats.skipped) == (4, 3, 1, 1)
    assert [o.id for o in seen] == ["r0", "r1", "r2", "r4"]
    assert stats.line().startswith("records=4 ok=3 failed=1 skipped=1 seconds=")


def test_a_write_failure_becomes_that_records_error(tmp_path: Path) -> None:
    layout = Layout.for_output(tmp_path / "out", "text")
    layout.text_dir.mkdir(parents=True)  # type: ignore[union-attr]
    (layout.text_dir / "r1.txt").mkdir()  # type: ignore[operator]  # a directory in the way
    sink = FileSink.open(layout, overwrite=False)

    stats = run_batch(
        [Record(f"r{i}", article(i), {}) for i in range(3)],
        CleanSpec(detect_language=False, output_format="text"),
        sink,
    )
    sink.close()

    errors = read_lines(layout.errors)
    assert [(e["id"], e["stage"]) for e in errors] == [("r1", "write")]
    assert [m["id"] for m in read_lines(layout.ledger)] == ["r0", "r2"]
    assert (stats.ok, stats.failed) == (2, 1)


def test_spawned_workers_are_prepared_and_the_callers_process_is_not() -> None:
    prepare = partial(prepare_worker, CleanSpec(detect_language=False))
    before = gc.get_freeze_count()

    in_workers = list(
        map_chunks(freeze_counts, [[1, 2], [3]], 2, on_crash=_unused, initializer=prepare)
    )
    in_caller = list(map_chunks(freeze_counts, [[1]], 1, on_crash=_unused, initializer=prepare))

    assert all(count > 0 for chunk in in_workers for count in chunk)
    assert in_caller == [[before]] and gc.get_freeze_count() == before


def test_a_cleaner_that_cannot_be_built_is_left_to_each_records_outcome() -> None:
    spec = CleanSpec(extra=("no_such_module:Detector",), detect_language=False)
    before = gc.get_freeze_count()

    prepare_worker(spec)  # must not raise: the records report the failure

    assert gc.get_freeze_count() == before
    outcome = clean_record(spec, records(1)[0])
    assert not outcome.ok and outcome.error == "ModuleNotFoundError"


def _unused(item: object, exc: BaseException) -> list[int]:
    raise AssertionError("no worker crashes in this test")
