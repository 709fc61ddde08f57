"""Append-only JSON Lines files that double as the resume ledger.

Each record is one line written with a single ``write`` and flushed at once, so after a crash a
file holds whole lines plus at most one partial last line, which :func:`repair_tail` cuts off.
Every line starts with ``{"id": ...`` so resuming reads ids without parsing whole documents.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import IO, Any, Iterator

_ID_PREFIX = re.compile(rb'^\{"id": ("(?:[^"\\]|\\.)*")')
_TAIL_PROBE = 1 << 16


class LineLog:
    """One JSONL file opened for appending."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines = 0
        self._handle: IO[bytes] | None = None

    def append(self, line: str) -> None:
        if self._handle is None:  # opened on first write: no empty errors file for clean runs
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("ab")
        self._handle.write(line.encode("utf-8") + b"\n")
        self._handle.flush()
        self.lines += 1

    def append_json(self, obj: dict[str, Any]) -> None:
        self.append(json.dumps(obj, ensure_ascii=False))

    def close(self) -> None:
        if self._handle is not None:
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None


def repair_tail(path: Path) -> int:
    """Cut a partial last line (a crash mid-write); return how many bytes were dropped."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    with path.open("r+b") as handle:
        end = size
        while end > 0:
            start = max(0, end - _TAIL_PROBE)
            handle.seek(start)
            block = handle.read(end - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            end = start
        else:
            keep = 0
        if keep < size:
            handle.truncate(keep)
    return size - keep


def read_ids(path: Path) -> Iterator[str]:
    """The record ids of a ledger file, line by line (lines without an id are skipped)."""
    if not path.exists():
        return
    with path.open("rb") as handle:
        for line in handle:
            record_id = _line_id(line)
            if record_id is not None:
                yield record_id


def _line_id(line: bytes) -> str | None:
    match = _ID_PREFIX.match(line)
    try:
        if match:
            return json.loads(match.group(1))
        value = json.loads(line).get("id")
    except (ValueError, AttributeError):
        return None
    return None if value is None else str(value)
