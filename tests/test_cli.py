"""The ``cleannews`` command, run in-process with ``main(argv)`` on temporary directories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleannews import CleanDocument
from cleannews.cli import main
from test_batch_support import CRASH_MARKER, FAIL_MARKER, HANG_MARKER, article

from seeds import SEED_DIR

FAIL_DETECTOR = "test_batch_support:FailOnMarker"
HANG_DETECTOR = "test_batch_support:HangOnMarker"


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().split(b"\n") if line]


def write_jsonl(path: Path, texts: list[str]) -> Path:
    rows = [json.dumps({"id": f"doc{i}", "text": t}) for i, t in enumerate(texts)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def run(argv: list[str]) -> int:
    return main([*argv[:1], "--workers", "1", *argv[1:]] if argv[0] == "clean" else argv)


# -- clean: outputs -------------------------------------------------------------------------


def test_clean_seed_directory_with_summary(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"

    code = run(["clean", str(SEED_DIR), "--summary", "-o", str(out)])

    captured = capsys.readouterr()
    assert code == 0
    docs = read_lines(out / "documents.jsonl")
    assert [d["id"] for d in docs] == sorted(p.name for p in SEED_DIR.glob("*.txt"))
    assert not (out / "errors.jsonl").exists()
    assert captured.out.startswith("cleaned 5 of 5 records")
    assert "documents.jsonl (5 new lines)" in captured.out
    assert "cleannews report" in captured.out
    assert captured.err.strip().splitlines()[-1].startswith("records=5 ok=5 failed=0 skipped=0")
    for doc in docs:  # each line is a full document plus where it came from
        assert doc["origin"]["path"].endswith(doc["id"])
        assert CleanDocument.from_dict(doc).text == doc["text"]


def test_summary_table_counts_removed_spans_per_kind(tmp_path: Path, capsys) -> None:
    ad_line = "Buy now: the best offer on garden furniture"
    texts = [article(1, ad_line), article(2, f"{ad_line}\n{ad_line} again"), article(3)]
    data = write_jsonl(tmp_path / "in.jsonl", texts)

    run(
        [
            "clean",
            str(data),
            "--summary",
            "--no-language",
            "--disable",
            "duplicates",
            "--extra-detector",
            "test_batch_support:FlagBuyNow",
            "-o",
            str(tmp_path / "out"),
        ]
    )

    out = capsys.readouterr().out
    assert "cleaned 3 of 3 records; 2 had something removed" in out
    header, row = [line for line in out.splitlines() if line.startswith(("kind ", "ad "))]
    assert header.split()[:5] == ["kind", "docs", "spans", "chars", "share"]
    chars = 3 * len(ad_line) + len(" again") + 1  # adjacent ad lines form one span with the \n
    assert row.split()[:4] == ["ad", "2", "2", f"{chars:,}"]
    assert "test.buy-now (2)" in row and repr(ad_line) in row


def test_text_format_writes_files_and_a_manifest(tmp_path: Path) -> None:
    src = tmp_path / "pages"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(article(1))
    (src / "sub" / "b.html").write_text(article(2))
    out = tmp_path / "out"

    assert run(["clean", str(src), "--format", "text", "--no-language", "-o", str(out)]) == 0

    manifest = read_lines(out / "manifest.jsonl")
    assert [m["id"] for m in manifest] == ["a.txt", "sub/b.html"]
    assert [m["path"] for m in manifest] == ["text/a.txt", "text/sub/b.html.txt"]
    assert (out / "text" / "a.txt").read_text().startswith("Headline number 1")
    assert manifest[0]["source_chars"] >= manifest[0]["kept_chars"] > 0


def test_without_output_documents_go_to_stdout(tmp_path: Path, capsys) -> None:
    data = write_jsonl(tmp_path / "in.jsonl", [article(1), article(2)])

    assert run(["clean", str(data), "--no-language", "--limit", "1"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["doc0"]


def test_single_output_file_puts_errors_next_to_it(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "in.jsonl", [article(1), article(2, FAIL_MARKER)])
    out = tmp_path / "cleaned.jsonl"

    run(["clean", str(data), "--extra-detector", FAIL_DETECTOR, "-o", str(out)])

    assert [d["id"] for d in read_lines(out)] == ["doc0"]
    assert [e["id"] for e in read_lines(tmp_path / "cleaned.errors.jsonl")] == ["doc1"]


# -- clean: failures, resume ----------------------------------------------------------------


def test_failing_records_land_in_errors_and_the_batch_goes_on(tmp_path: Path, capsys) -> None:
    texts = [article(i, FAIL_MARKER if i in (1, 4) else "") for i in range(6)]
    data = write_jsonl(tmp_path / "in.jsonl", texts)
    with (tmp_path / "in.jsonl").open("a") as handle:
        handle.write("{broken json\n")
    out = tmp_path / "out"

    code = run(
        [
            "clean",
            str(data),
            "--extra-detector",
            FAIL_DETECTOR,
            "--summary",
            "--no-language",
            "-o",
            str(out),
        ]
    )

    assert code == 0
    ids = [d["id"] for d in read_lines(out / "documents.jsonl")]
    assert ids == ["doc0", "doc2", "doc3", "doc5"]
    errors = read_lines(out / "errors.jsonl")
    assert [(e["id"], e["error"]) for e in errors] == [
        ("doc1", "DetectorError"),
        ("doc4", "DetectorError"),
        (f"{data}:7", "JSONDecodeError"),
    ]
    assert errors[0]["origin"] == {"path": str(data), "line": 2}
    captured = capsys.readouterr()
    assert "failed records: DetectorError x2, JSONDecodeError x1" in captured.out
    assert "records=7 ok=4 failed=3" in captured.err


def test_resume_after_a_crash_loses_and_duplicates_nothing(tmp_path: Path, capsys) -> None:
    texts = [article(i, FAIL_MARKER if i == 2 else "") for i in range(8)]
    data = write_jsonl(tmp_path / "in.jsonl", texts)
    out = tmp_path / "out"
    args = ["clean", str(data), "--extra-detector", FAIL_DETECTOR, "--no-language", "-o", str(out)]
    assert run([*args, "--limit", "5"]) == 0  # the first run got this far...
    documents = out / "documents.jsonl"
    lines = documents.read_bytes().split(b"\n")
    documents.write_bytes(b"\n".join(lines[:3]) + b"\n" + lines[3][:50])  # ...and died mid-line
    capsys.readouterr()

    assert run([*args, "--resume"]) == 0

    ids = [d["id"] for d in read_lines(documents)]
    errors = [e["id"] for e in read_lines(out / "errors.jsonl")]
    assert sorted(ids + errors) == [f"doc{i}" for i in range(8)]  # every record exactly once
    assert errors == ["doc2"]
    assert ids == ["doc0", "doc1", "doc3", "doc4", "doc5", "doc6", "doc7"]
    assert "records=4 ok=4 failed=0 skipped=4" in capsys.readouterr().err  # doc4 redone
    assert run([*args, "--resume"]) == 0  # a finished run resumes to nothing
    assert "records=0 ok=0 failed=0 skipped=8" in capsys.readouterr().err


def test_existing_output_needs_resume_or_overwrite(tmp_path: Path, capsys) -> None:
    data = write_jsonl(tmp_path / "in.jsonl", [article(1)])
    args = ["clean", str(data), "--no-language", "-o", str(tmp_path / "out")]
    assert run(args) == 0

    assert run(args) == 2
    assert "--resume" in capsys.readouterr().err
    assert run([*args, "--overwrite"]) == 0
    assert len(read_lines(tmp_path / "out" / "documents.jsonl")) == 1


def test_two_workers_keep_order_and_isolate_errors_and_crashes(tmp_path: Path, capsys) -> None:
    extras = {3: FAIL_MARKER, 6: CRASH_MARKER, 9: HANG_MARKER}
    data = write_jsonl(tmp_path / "in.jsonl", [article(i, extras.get(i, "")) for i in range(12)])
    out = tmp_path / "out"

    code = main(
        [
            "clean",
            str(data),
            "--workers",
            "2",
            "--chunk-size",
            "2",
            "--no-language",
            "--extra-detector",
            FAIL_DETECTOR,
            "--extra-detector",
            HANG_DETECTOR,
            "--extra-detector",
            "test_batch_support:CrashOnMarker",
            "-o",
            str(out),
            "--record-timeout",
            "1",
        ]
    )

    assert code == 0
    ids = [d["id"] for d in read_lines(out / "documents.jsonl")]
    assert ids == [f"doc{i}" for i in range(12) if i not in extras]
    errors = read_lines(out / "errors.jsonl")
    assert [(e["id"], e["error"]) for e in errors] == [
        ("doc3", "DetectorError"),
        ("doc6", "WorkerCrashedError"),
        ("doc9", "DetectorError"),
    ]
    assert errors[2]["detector"] == "test_hang_on_marker"
    assert "RecordTimeoutError" in errors[2]["message"]
    assert "records=12 ok=9 failed=3" in capsys.readouterr().err


def test_a_record_past_its_time_limit_fails_alone(tmp_path: Path, capsys) -> None:
    texts = [article(i, HANG_MARKER if i == 1 else "") for i in range(3)]
    data = write_jsonl(tmp_path / "in.jsonl", texts)
    out = tmp_path / "out"

    code = run(
        [
            "clean",
            str(data),
            "--extra-detector",
            HANG_DETECTOR,
            "--no-language",
            "--record-timeout",
            "0.3",
            "-o",
            str(out),
        ]
    )

    assert code == 0
    assert [d["id"] for d in read_lines(out / "documents.jsonl")] == ["doc0", "doc2"]
    (error,) = read_lines(out / "errors.jsonl")
    assert error["id"] == "doc1" and "longer than 0.3 s" in error["message"]


# -- clean: option errors -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra_args", "message"),
    [
        (["--disable", "no_such_detector"], "no_such_detector"),
        (["--extra-detector", "not_a_module_xyz:Thing"], "not_a_module_xyz"),
        (["--format", "text"], "need -o"),
    ],
)
def test_bad_options_stop_before_any_work(
    tmp_path: Path, capsys, extra_args: list[str], message: str
) -> None:
    data = write_jsonl(tmp_path / "in.jsonl", [article(1)])

    assert run(["clean", str(data), *extra_args]) == 2

    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "message"), [("-1", "must be >= 0"), ("soon", "expected a number")]
)
def test_a_bad_record_timeout_is_a_usage_error(tmp_path: Path, capsys, value: str, message: str):
    data = write_jsonl(tmp_path / "in.jsonl", [article(1)])

    with pytest.raises(SystemExit) as caught:
        run(["clean", str(data), "--record-timeout", value])

    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def test_config_file_overrides_cleaner_settings(tmp_path: Path, capsys) -> None:
    data = write_jsonl(tmp_path / "in.jsonl", [article(1), "short"])
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"max_input_chars": 100}))
    out = tmp_path / "out"

    run(["clean", str(data), "--config", str(config), "--no-language", "-o", str(out)])

    assert [d["id"] for d in read_lines(out / "documents.jsonl")] == ["doc1"]
    assert read_lines(out / "errors.jsonl")[0]["error"] == "InputTooLargeError"
    config.write_text(json.dumps({"no_such_key": 1}))
    assert run(["clean", str(data), "--config", str(config)]) == 2
    assert "no_such_key" in capsys.readouterr().err


def test_no_decisions_leaves_decisions_out(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "in.jsonl", [article(1)])

    run(["clean", str(data), "--no-language", "-o", str(tmp_path / "a")])
    run(["clean", str(data), "--no-language", "--no-decisions", "-o", str(tmp_path / "b")])

    assert read_lines(tmp_path / "a" / "documents.jsonl")[0]["decisions"]
    assert read_lines(tmp_path / "b" / "documents.jsonl")[0]["decisions"] == []


def test_disable_and_language_options_reach_the_cleaner(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "in.jsonl", [article(1)])
    out = tmp_path / "out"

    run(["clean", str(data), "--disable", "title,duplicates", "--language", "de", "-o", str(out)])

    doc = read_lines(out / "documents.jsonl")[0]
    assert doc["language"] == "de"
    detectors = {d for s in doc["spans"] for d in s["detectors"]}
    assert not detectors & {"title", "duplicates"}


# -- detectors, report ----------------------------------------------------------------------


def test_detectors_lists_builtins_with_kinds_and_languages(capsys) -> None:
    from cleannews.detectors import builtin_detectors

    assert main(["detectors", "--json"]) == 0

    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["name"] for r in rows} >= set(builtin_detectors())
    assert all(r["kinds"] and r["languages"] and r["origin"] for r in rows)
    assert main(["detectors"]) == 0
    assert capsys.readouterr().out.startswith("name")


def test_report_renders_a_clean_output_file(tmp_path: Path, capsys) -> None:
    pytest.importorskip("cleannews.report")
    out = tmp_path / "out"
    run(["clean", str(SEED_DIR), "--no-language", "-o", str(out)])
    report = tmp_path / "report.html"

    assert main(["report", str(out / "documents.jsonl"), "-o", str(report), "--limit", "2"]) == 0

    html = report.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "000_3d32db81ac8c93bd.txt" in html
    assert "001_d71c71b2ede4db95.txt" in html and "002_" not in html
    assert "(2 documents)" in capsys.readouterr().err


def test_report_rejects_a_file_that_is_not_clean_output(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "x.jsonl"
    bad.write_text('{"id": "a"}\n')

    assert main(["report", str(bad), "-o", str(tmp_path / "r.html")]) == 2
    assert "x.jsonl:1 is not a cleaned document" in capsys.readouterr().err


def test_no_command_prints_help(capsys) -> None:
    assert main([]) == 2
    assert "clean" in capsys.readouterr().out
