"""WARC files (``.warc``, ``.warc.gz``): HTTP response records whose payload is HTML or text.

Uses FastWARC when installed (``pip install "cleannews[warc]"``), else warcio; both are
imported only when a WARC file is actually read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from .records import Record, read_error

TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith((".warc", ".warc.gz"))


def read_warc(path: Path, backend: str = "auto") -> Iterator[Record]:
    """Records keyed by ``WARC-Record-ID``; other record types and non-text payloads (images,
    PDFs) are not documents and are skipped. A file that breaks midway yields one error record."""
    reader = _pick_backend(backend)
    offset = 0
    try:
        for record in reader(path):
            offset = record.meta["offset"]
            yield record
    except Exception as exc:  # noqa: BLE001  (any parser failure: report and move on)
        meta = {"path": str(path), "after_offset": offset}
        yield read_error(f"{path}#read-error", exc, meta)


def _pick_backend(backend: str) -> Any:
    if backend in ("auto", "fastwarc"):
        try:
            import fastwarc  # noqa: F401
        except ImportError:
            if backend == "fastwarc":
                raise
        else:
            return _read_fastwarc
    try:
        import warcio  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            'reading WARC needs FastWARC or warcio: pip install "cleannews[warc]"'
        ) from exc
    return _read_warcio


def _is_text(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() in TEXT_TYPES


def _meta(path: Path, offset: int, url: str | None, content_type: str | None) -> dict[str, Any]:
    kind = "text" if (content_type or "").lower().startswith("text/plain") else "html"
    meta = {"path": str(path), "offset": offset, "url": url, "kind": kind}
    charset = _charset(content_type)
    if charset:
        meta["charset"] = charset  # the HTTP-declared encoding, which the decoder ranks high
    return meta


def _charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _read_fastwarc(path: Path) -> Iterator[Record]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with path.open("rb") as handle:
        records = ArchiveIterator(
            handle, record_types=WarcRecordType.response, parse_http=True, auto_decode="all"
        )
        for rec in records:
            # The full header, parameters included (http_content_type drops the charset).
            ctype = rec.http_headers.get("Content-Type") if rec.http_headers else None
            if not _is_text(ctype):
                continue
            url = rec.headers.get("WARC-Target-URI")
            meta = _meta(path, rec.stream_pos, url, ctype)
            record_id = rec.record_id or f"{path}@{rec.stream_pos}"
            yield Record(record_id, rec.reader.read(), meta)


def _read_warcio(path: Path) -> Iterator[Record]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        for rec in records:
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            ctype = rec.http_headers.get_header("Content-Type")
            if not _is_text(ctype):
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            body = rec.content_stream().read()  # before asking the offset, which skips the body
            meta = _meta(path, records.get_record_offset(), url, ctype)
            record_id = rec.rec_headers.get_header("WARC-Record-ID")
            yield Record(record_id or f"{path}@{meta['offset']}", body, meta)
