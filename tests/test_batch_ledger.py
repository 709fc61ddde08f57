"""Ledger files: whole-line appends, crash-tail repair and fast id reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleannews.batch.ledger import LineLog, read_ids, repair_tail
from cleannews.batch.sinks import text_file_name


def test_line_log_creates_its_file_on_first_write_only(tmp_path: Path) -> None:
    log = LineLog(tmp_path / "sub" / "errors.jsonl")
    log.close()
    assert not log.path.exists()

    log.append_json({"id": "a", "x": 1})
    log.append_json({"id": "b"})
    log.close()

    assert log.path.read_text().splitlines() == ['{"id": "a", "x": 1}', '{"id": "b"}']
    assert log.lines == 2


@pytest.mark.parametrize(
    ("content", "kept"),
    [
        (b'{"id": "a"}\n{"id": "b"}\n', b'{"id": "a"}\n{"id": "b"}\n'),
        (b'{"id": "a"}\n{"id": "b", "te', b'{"id": "a"}\n'),
        (b'{"id": "a"}\n{"id": "b"}', b'{"id": "a"}\n'),  # complete JSON, newline not written
        (b'{"id": "par', b""),
        (b"", b""),
    ],
)
def test_repair_tail_cuts_only_a_partial_last_line(
    tmp_path: Path, content: bytes, kept: bytes
) -> None:
    path = tmp_path / "documents.jsonl"
    path.write_bytes(content)

    dropped = repair_tail(path)

    assert path.read_bytes() == kept
    assert dropped == len(content) - len(kept)


def test_repair_tail_finds_a_newline_far_before_the_end(tmp_path: Path) -> None:
    path = tmp_path / "documents.jsonl"
    path.write_bytes(b'{"id": "a"}\n' + b"x" * 200_000)

    repair_tail(path)

    assert path.read_bytes() == b'{"id": "a"}\n'


def test_read_ids_handles_escapes_other_key_orders_and_junk(tmp_path: Path) -> None:
    path = tmp_path / "documents.jsonl"
    ids = ["plain", 'quote " and \\ backslash', "ünïcode\u2028sep", "a/b.txt"]
    lines = [json.dumps({"id": i, "text": "t"}, ensure_ascii=False) for i in ids]
    lines += [json.dumps({"text": "t", "id": 42}), "not json", json.dumps({"no": "id"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    assert list(read_ids(path)) == [*ids, "42"]


@pytest.mark.parametrize(
    ("record_id", "expected"),
    [
        ("news/a.txt", "news/a.txt"),
        ("page.html", "page.html.txt"),
    ],
)
def test_safe_ids_keep_their_readable_file_name(record_id: str, expected: str) -> None:
    assert text_file_name(record_id) == expected


@pytest.mark.parametrize(
    "record_id", ["<urn:uuid:1234>", "../../etc/passwd", "/abs/path.txt", "a b", "x:1", "x_1"]
)
def test_unsafe_ids_map_to_distinct_names_inside_the_output(record_id: str) -> None:
    name = text_file_name(record_id)

    assert not name.startswith("/") and ".." not in name.split("/")
    assert name.endswith(".txt")
    assert len({text_file_name(i) for i in ["x:1", "x_1", "x 1"]}) == 3
