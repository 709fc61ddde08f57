"""Where outcomes go: the output layout, the writers, and what a resumed run may skip.

Layout for ``-o OUT``:

- ``--format jsonl``: ``OUT`` ending in ``.jsonl`` is the documents file and errors go to
  ``OUT`` with ``.errors.jsonl``; any other ``OUT`` is a directory holding ``documents.jsonl``
  and ``errors.jsonl``.
- ``--format text``: ``OUT`` is a directory: ``text/<id>.txt`` per record, ``manifest.jsonl``
  (one line per written file: id, origin, path, title, language, removed characters per kind)
  and ``errors.jsonl``.

Every input record ends as exactly one line of the documents/manifest file or of the errors
file; those two files are the resume ledger.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from .ledger import LineLog, read_ids, repair_tail
from .records import Record
from .work import Outcome, failure

_UNSAFE = re.compile(r"[^A-Za-z0-9._/-]+")


class OutputExistsError(Exception):
    """The output exists and neither ``resume`` nor ``overwrite`` was asked for."""


@dataclass(frozen=True, slots=True)
class Layout:
    ledger: Path  # documents.jsonl, or manifest.jsonl for text output
    errors: Path
    text_dir: Path | None = None

    @classmethod
    def for_output(cls, out: str | Path, output_format: str) -> Layout:
        out = Path(out)
        if output_format == "text":
            return cls(out / "manifest.jsonl", out / "errors.jsonl", out / "text")
        if out.name.lower().endswith(".jsonl"):
            return cls(out, out.with_name(out.name[: -len(".jsonl")] + ".errors.jsonl"))
        return cls(out / "documents.jsonl", out / "errors.jsonl")


class Sink(Protocol):
    def write(self, outcome: Outcome) -> Outcome: ...

    def close(self) -> None: ...


class FileSink:
    """Writes outcomes under a :class:`Layout`; see :meth:`open` for resume and overwrite."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.ledger = LineLog(layout.ledger)
        self.errors = LineLog(layout.errors)

    @classmethod
    def open(cls, layout: Layout, *, resume: bool = False, overwrite: bool = False) -> FileSink:
        existing = [p for p in (layout.ledger, layout.errors) if p.exists()]
        if existing and resume:
            for path in existing:
                repair_tail(path)
        elif existing and overwrite:
            for path in existing:
                path.unlink()
            if layout.text_dir is not None and layout.text_dir.exists():
                shutil.rmtree(layout.text_dir)
        elif existing:
            names = ", ".join(str(p) for p in existing)
            raise OutputExistsError(
                f"{names} exists: pass --resume to continue it or --overwrite to start over"
            )
        return cls(layout)

    def done_ids(self) -> set[str]:
        """Ids already in the ledger or the errors file: a resumed run skips them."""
        return {*read_ids(self.layout.ledger), *read_ids(self.layout.errors)}

    def write(self, outcome: Outcome) -> Outcome:
        """Write one outcome; a write failure (say, a file name the disk refuses) becomes that
        record's error instead of stopping the batch. Returns what was recorded."""
        if not outcome.ok:
            self.errors.append_json(outcome.error_dict())
            return outcome
        try:
            self._write_ok(outcome)
        except OSError as exc:
            outcome = failure(Record(outcome.id, "", outcome.origin), exc, stage="write")
            self.errors.append_json(outcome.error_dict())
        return outcome

    def _write_ok(self, outcome: Outcome) -> None:
        if self.layout.text_dir is None:
            self.ledger.append(outcome.output)
            return
        path = self.layout.text_dir / text_file_name(outcome.id)
        write_atomic(path, outcome.output)
        entry = outcome.manifest_dict()
        entry["path"] = path.relative_to(self.layout.text_dir.parent).as_posix()
        self.ledger.append_json(entry)

    def close(self) -> None:
        self.ledger.close()
        self.errors.close()


class StreamSink:
    """No ``-o``: documents to stdout, errors as JSON lines to stderr (no resume)."""

    def __init__(self, out: IO[str] | None = None, err: IO[str] | None = None) -> None:
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.ledger = _Counter()
        self.errors = _Counter()

    def write(self, outcome: Outcome) -> Outcome:
        if outcome.ok:
            stream, counter, line = self.out, self.ledger, outcome.output
        else:
            stream, counter = self.err, self.errors
            line = json.dumps(outcome.error_dict(), ensure_ascii=False)
        stream.write(line + "\n")
        stream.flush()
        counter.lines += 1
        return outcome

    def close(self) -> None:
        self.out.flush()


@dataclass(slots=True)
class _Counter:
    lines: int = 0


def text_file_name(record_id: str) -> str:
    """A safe relative file name for a record id: the id itself when it is already safe (so
    ``news/a.txt`` stays ``news/a.txt``), else a sanitised form plus a short hash of the id
    so that distinct ids never share a file."""
    name = record_id if record_id.endswith(".txt") else record_id + ".txt"
    parts = [p for p in _UNSAFE.sub("_", name).split("/") if p not in ("", ".", "..")]
    safe = "/".join(parts) or "_.txt"
    if safe != name:
        digest = hashlib.sha1(record_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        safe = f"{safe[:-4][:150]}-{digest}.txt"
    return safe


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a crash never leaves half a text file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = ["FileSink", "Layout", "OutputExistsError", "Sink", "StreamSink"]
