"""Record readers: files and directories, JSONL, WARC, Parquet, and the input dispatcher."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from cleannews.batch import InputOptions, ReadError, Record, iter_records
from cleannews.batch.read_files import read_directory
from cleannews.batch.read_jsonl import read_jsonl
from cleannews.batch.records import unique_ids


def write_jsonl(path: Path, rows: list[object]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- files and directories ------------------------------------------------------------------


def test_directory_is_walked_recursively_in_sorted_order_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.html").write_bytes(b"<p>z</p>")
    (tmp_path / "a.txt").write_bytes(b"a text")
    (tmp_path / "c.htm.gz").write_bytes(gzip.compress(b"<p>gz</p>"))
    (tmp_path / "notes.md").write_text("not a document")
    (tmp_path / "data.json").write_text("{}")

    records = list(read_directory(tmp_path))

    assert [r.id for r in records] == ["a.txt", "b/z.html", "c.htm.gz"]
    assert records[2].payload == b"<p>gz</p>"
    assert records[0].meta["path"] == str(tmp_path / "a.txt")


def test_corrupt_gzip_becomes_an_error_record(tmp_path: Path) -> None:
    (tmp_path / "bad.txt.gz").write_bytes(b"not gzip at all")
    (tmp_path / "good.txt").write_bytes(b"fine")

    records = list(read_directory(tmp_path))

    assert [r.id for r in records] == ["bad.txt.gz", "good.txt"]
    assert isinstance(records[0].payload, ReadError)
    assert records[1].payload == b"fine"


# -- JSONL ----------------------------------------------------------------------------------


def test_jsonl_ids_fallbacks_and_bad_lines(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": "first", "url": "https://example.org/a"},
            {"text": "no id"},
            "",
            "{not json",
            {"id": 7, "body": "wrong field"},
            [1, 2],
        ],
    )

    records = list(read_jsonl(path))

    assert [r.id for r in records] == ["a", f"{path}:2", f"{path}:4", "7", f"{path}:6"]
    assert records[0].payload == "first"
    assert records[0].meta == {"path": str(path), "line": 1, "url": "https://example.org/a"}
    assert records[1].payload == "no id"
    assert [type(r.payload) for r in records[2:]] == [ReadError] * 3
    assert records[3].payload.error == "MissingTextField"


def test_jsonl_custom_fields_and_gzip(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    rows = [{"doc_id": "x1", "content": "one"}, {"doc_id": "x2", "content": "two"}]
    path.write_bytes(gzip.compress("\n".join(json.dumps(r) for r in rows).encode()))

    records = list(read_jsonl(path, text_field="content", id_field="doc_id"))

    assert [(r.id, r.payload) for r in records] == [("x1", "one"), ("x2", "two")]


def test_jsonl_line_separator_characters_inside_text_do_not_split_records(tmp_path: Path) -> None:
    text = "line one\u2028still the same record\u0085and this"
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": "u", "text": text}, {"id": "v", "text": "x"}])

    assert [r.payload for r in read_jsonl(path)] == [text, "x"]


# -- WARC -----------------------------------------------------------------------------------


def make_warc(path: Path, pages: list[tuple[str, str, bytes]]) -> list[str]:
    """Write a gzipped WARC with warcio (response records, plus one request record);
    return the response record ids."""
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    del warcio
    ids = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for url, content_type, body in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http
            )
            writer.write_record(record)
            ids.append(record.rec_headers.get_header("WARC-Record-ID"))
        request = writer.create_warc_record(
            "https://example.org/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
    return ids


WARC_PAGES = [
    ("https://example.org/a", "text/html; charset=utf-8", b"<html><body><p>A \xc3\xa9</p></body>"),
    ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n"),
    ("https://example.org/b", "text/plain", b"Plain text page"),
]


@pytest.mark.parametrize("backend", ["fastwarc", "warcio"])
@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_reader_yields_text_responses_only(tmp_path: Path, backend: str, name: str) -> None:
    pytest.importorskip(backend)
    path = tmp_path / name
    ids = make_warc(path, WARC_PAGES)

    records = list(iter_records([path], InputOptions(warc_backend=backend)))

    assert [r.id for r in records] == [ids[0], ids[2]]
    assert records[0].payload == WARC_PAGES[0][2]
    assert records[0].meta["url"] == "https://example.org/a"
    assert records[0].meta["kind"] == "html"
    assert records[1].meta["kind"] == "text"


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc")
    path = tmp_path / "cut.warc"
    make_warc(path, [WARC_PAGES[0], WARC_PAGES[0]])
    data = path.read_bytes()
    second = data.index(b"WARC/1", 10)
    path.write_bytes(data[: second + 40])  # second record's headers cut off

    records = list(iter_records([path]))

    assert isinstance(records[0].payload, bytes)
    assert all(isinstance(r.payload, ReadError) for r in records[1:])
    assert len(records) <= 2


# -- Parquet --------------------------------------------------------------------------------


def test_parquet_rows_become_records_in_batches(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from cleannews.batch import read_parquet as module

    path = tmp_path / "docs.parquet"
    n = module.BATCH_ROWS + 3  # crosses a batch boundary
    ids = [f"d{i}" if i != 5 else None for i in range(n)]
    texts = [f"text {i}" if i != 7 else None for i in range(n)]
    pq.write_table(pa.table({"id": ids, "text": texts, "other": list(range(n))}), path)

    records = list(iter_records([path]))

    assert len(records) == n
    assert records[0] == Record("d0", "text 0", {"path": str(path), "row": 0})
    assert records[5].id == f"{path}:5"
    assert isinstance(records[7].payload, ReadError)
    assert records[-1].payload == f"text {n - 1}"


def test_parquet_without_the_text_column_is_one_error_record(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"body": ["x"]}), path)

    records = list(iter_records([path]))

    assert len(records) == 1 and isinstance(records[0].payload, ReadError)
    assert "text" in records[0].payload.message


# -- dispatcher -----------------------------------------------------------------------------


def test_inputs_are_chained_in_order_and_missing_ones_are_error_records(tmp_path: Path) -> None:
    single = tmp_path / "one.html"
    single.write_bytes(b"<p>one</p>")
    jsonl = write_jsonl(tmp_path / "more.jsonl", [{"id": "j1", "text": "x"}])
    missing = tmp_path / "nope.txt"

    records = list(iter_records([single, missing, jsonl]))

    assert [r.id for r in records] == [single.as_posix(), str(missing), "j1"]
    assert isinstance(records[1].payload, ReadError)


def test_limit_takes_the_first_records(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": str(i), "text": "t"} for i in range(10)])

    assert [r.id for r in iter_records([path], limit=3)] == ["0", "1", "2"]


def test_repeated_ids_are_made_unique_in_reading_order() -> None:
    records = [Record(i, "t", {}) for i in ["a", "b", "a", "a#2", "a"]]

    out = list(unique_ids(records))

    assert [r.id for r in out] == ["a", "b", "a#2", "a#2#2", "a#3"]
    assert out[2].meta == {"duplicate_of": "a"}


@pytest.mark.parametrize("backend", ["fastwarc", "warcio"])
def test_warc_http_charset_reaches_the_decoder(tmp_path: Path, backend: str) -> None:
    pytest.importorskip(backend)
    from cleannews.batch.work import CleanSpec, clean_record

    text = "Власти объявили о новых мерах поддержки малого бизнеса в регионах страны."
    body = f"<html><body><p>{text}</p></body></html>".encode("cp1251")
    path = tmp_path / "legacy.warc"
    make_warc(path, [("https://example.ru/a", "text/html; charset=windows-1251", body)])

    (record,) = iter_records([path], InputOptions(warc_backend=backend))

    assert record.meta["charset"] == "windows-1251"
    outcome = clean_record(CleanSpec(detect_language=False), record)
    assert outcome.ok and text in json.loads(outcome.output)["text"]
