"""Parquet files, read in row batches so memory stays bounded.

Needs pyarrow (``pip install "cleannews[parquet]"``), imported only when a file is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from .records import ReadError, Record, read_error

BATCH_ROWS = 256


def is_parquet(path: Path) -> bool:
    return path.name.lower().endswith((".parquet", ".pq"))


def read_parquet(
    path: Path, text_field: str = "text", id_field: str = "id", url_field: str = "url"
) -> Iterator[Record]:
    """Records keyed by ``id_field`` when that column exists and is set, else ``PATH:ROW``
    (0-based)."""
    row = 0
    try:
        import pyarrow.parquet as pq

        parquet = pq.ParquetFile(path)
        present = set(parquet.schema_arrow.names)
        if text_field not in present:
            raise KeyError(f"no column {text_field!r} (columns: {sorted(present)})")
        columns = [c for c in (text_field, id_field, url_field) if c in present]
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=columns):
            for values in batch.to_pylist():
                yield _record(path, row, values, text_field, id_field, url_field)
                row += 1
    except ImportError as exc:
        hint = 'reading Parquet needs pyarrow: pip install "cleannews[parquet]"'
        raise ImportError(hint) from exc
    except Exception as exc:  # noqa: BLE001  (corrupt file or schema problem: report, go on)
        yield read_error(f"{path}:{row}", exc, {"path": str(path), "row": row})


def _record(
    path: Path, row: int, values: dict[str, Any], text_field: str, id_field: str, url_field: str
) -> Record:
    meta: dict[str, Any] = {"path": str(path), "row": row}
    if isinstance(values.get(url_field), str):
        meta["url"] = values[url_field]
    record_id = values.get(id_field)
    record_id = f"{path}:{row}" if record_id is None else str(record_id)
    text = values[text_field]
    if not isinstance(text, (str, bytes)):
        return Record(record_id, ReadError("MissingTextField", f"{text_field!r} is null"), meta)
    return Record(record_id, text, meta)
