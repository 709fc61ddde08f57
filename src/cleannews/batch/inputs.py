"""Turn command-line inputs (files, directories, JSONL, WARC, Parquet) into one record stream."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from .read_files import read_directory, read_file
from .read_jsonl import read_jsonl
from .read_parquet import is_parquet, read_parquet
from .read_warc import is_warc, read_warc
from .records import Record, read_error, unique_ids


@dataclass(frozen=True, slots=True)
class InputOptions:
    text_field: str = "text"
    id_field: str = "id"
    url_field: str = "url"
    warc_backend: str = "auto"


def is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))


def iter_records(
    inputs: Iterable[str | Path], options: InputOptions = InputOptions(), limit: int | None = None
) -> Iterator[Record]:
    """All records of all inputs, in order, with unique ids; lazily, one record at a time."""
    records = unique_ids(_chain(inputs, options))
    return islice(records, limit) if limit is not None else records


def _chain(inputs: Iterable[str | Path], options: InputOptions) -> Iterator[Record]:
    for item in inputs:
        yield from read_input(Path(item), options)


def read_input(path: Path, options: InputOptions) -> Iterator[Record]:
    """Dispatch on what ``path`` is; an input that does not exist is an error record."""
    if path.is_dir():
        return read_directory(path)
    if not path.exists():
        return iter([read_error(str(path), FileNotFoundError("no such file"), {"path": str(path)})])
    fields = (options.text_field, options.id_field, options.url_field)
    if is_jsonl(path):
        return read_jsonl(path, *fields)
    if is_warc(path):
        return read_warc(path, options.warc_backend)
    if is_parquet(path):
        return read_parquet(path, *fields)
    return iter([read_file(path, path.as_posix())])


def missing_dependencies(inputs: Iterable[str | Path]) -> list[str]:
    """Optional packages the given top-level inputs need but that are not installed; checked
    before a run starts so that it does not stop halfway."""
    needs = set()
    for item in inputs:
        path = Path(item)
        if is_warc(path) and not (_importable("fastwarc") or _importable("warcio")):
            needs.add('WARC input needs FastWARC: pip install "cleannews[warc]"')
        if is_parquet(path) and not _importable("pyarrow"):
            needs.add('Parquet input needs pyarrow: pip install "cleannews[parquet]"')
    return sorted(needs)


def _importable(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None


__all__ = ["InputOptions", "iter_records", "missing_dependencies", "read_input"]
