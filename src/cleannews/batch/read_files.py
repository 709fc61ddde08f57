"""Single documents on disk: ``.txt``/``.html``/``.htm`` files, optionally gzipped, and
directories of them (walked recursively, in sorted order so ids and output order are stable)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Iterator

from .records import Record, read_error

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")


def is_document_file(path: Path) -> bool:
    name = path.name.lower()
    name = name[:-3] if name.endswith(".gz") else name
    return name.endswith(DOCUMENT_SUFFIXES)


def read_file(path: Path, record_id: str) -> Record:
    """One file, one record. The payload stays bytes: the cleaner decodes it like a browser."""
    meta = {"path": str(path)}
    try:
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            data = gzip.decompress(data)
    except (OSError, EOFError) as exc:  # unreadable or corrupt gzip: reported, not fatal
        return read_error(record_id, exc, meta)
    return Record(record_id, data, meta)


def read_directory(root: Path) -> Iterator[Record]:
    """Every document file under ``root``; ids are paths relative to ``root`` (POSIX form)."""
    for path in walk_sorted(root):
        if is_document_file(path):
            yield read_file(path, path.relative_to(root).as_posix())


def walk_sorted(root: Path) -> Iterator[Path]:
    """Files under ``root`` in sorted order, subdirectories in place (``a``, ``b/x``, ``c``)."""
    with os.scandir(root) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):  # like os.walk: no symlink loops
            yield from walk_sorted(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)
