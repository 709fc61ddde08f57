"""JSON Lines: one document per line, the text (plain or HTML) in ``text_field``."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import IO, Any, Iterator, cast

from .records import ReadError, Record, read_error


def open_maybe_gzip(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def read_jsonl(
    path: Path, text_field: str = "text", id_field: str = "id", url_field: str = "url"
) -> Iterator[Record]:
    """Records keyed by ``id_field`` when present, else ``PATH:LINE`` (1-based).
    A bad line becomes a :class:`~.records.ReadError` record; blank lines are not records."""
    lineno = 0
    try:
        with open_maybe_gzip(path) as handle:
            for lineno, raw in enumerate(handle, start=1):  # binary: splits on b"\n" only
                if raw.strip():
                    yield _parse_line(path, lineno, raw, text_field, id_field, url_field)
    except (OSError, EOFError) as exc:  # missing file or truncated gzip
        yield read_error(f"{path}:{lineno + 1}", exc, {"path": str(path), "line": lineno + 1})


def _parse_line(
    path: Path, lineno: int, raw: bytes, text_field: str, id_field: str, url_field: str
) -> Record:
    meta: dict[str, Any] = {"path": str(path), "line": lineno}
    fallback_id = f"{path}:{lineno}"
    try:
        obj = json.loads(raw)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        return read_error(fallback_id, exc, meta)
    if not isinstance(obj, dict):
        return read_error(fallback_id, TypeError(f"line is a JSON {type(obj).__name__}"), meta)
    record_id = obj.get(id_field)
    record_id = fallback_id if record_id is None else str(record_id)
    if isinstance(obj.get(url_field), str):
        meta["url"] = obj[url_field]
    text = obj.get(text_field)
    if not isinstance(text, str):
        problem = "missing" if text is None else f"a {type(text).__name__}, not a string"
        error = ReadError("MissingTextField", f"{text_field!r} is {problem}")
        return Record(record_id, error, meta)
    return Record(record_id, text, meta)
