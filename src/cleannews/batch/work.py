"""What a worker does with one record: clean it and turn the result (or the failure) into an
:class:`Outcome` that is cheap to send back to the writing process."""

from __future__ import annotations

import gc
import json
import traceback
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import import_module
from typing import Any, Mapping, Sequence, cast

from ..cleaner import Cleaner, InputKind
from ..config import CleanerConfig
from ..document import CleanDocument
from .deadline import time_limit
from .records import ReadError, Record

OUTPUT_FORMATS = ("jsonl", "text")
EXAMPLE_CHARS = 60  # length of the example removed text kept per kind for --summary
TRACEBACK_CHARS = 2000
DEFAULT_RECORD_TIMEOUT = 120.0  # a 10 MB page cleans in ~3 s; a record past this is stuck


@dataclass(frozen=True, slots=True)
class CleanSpec:
    """Everything a worker needs to build its cleaner and clean a record: small, hashable and
    picklable, so it travels with each chunk to spawned processes."""

    kind: str = "auto"
    detect_language: bool = True
    language: str | None = None
    disable: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()  # "package.module:DetectorClass" import paths
    config: tuple[tuple[str, Any], ...] = ()  # CleanerConfig overrides, as sorted items
    output_format: str = "jsonl"
    record_timeout: float | None = DEFAULT_RECORD_TIMEOUT  # seconds per record; None: no limit

    def build_cleaner(self) -> Cleaner:
        config = CleanerConfig.from_dict(dict(self.config))
        extra = [import_object(path) for path in self.extra]
        return Cleaner(extra=extra, disable=self.disable, config=config)


@lru_cache(maxsize=4)
def cleaner_for(spec: CleanSpec) -> Cleaner:
    """One cleaner per spec per process: building it loads phrase data, so it is not rebuilt
    for every chunk a worker receives."""
    return spec.build_cleaner()


def prepare_worker(spec: CleanSpec) -> None:
    """Set up a worker process (one the pool spawned, never the caller's): build its cleaner,
    then move everything alive (modules, phrase tables, compiled patterns) out of the cyclic
    garbage collector's reach. Those objects live as long as the process; left in place, every
    full collection walks them again (about 1.5% of cleaning time). Only the pool's own
    processes do this: the library never changes the garbage collector of a caller. A cleaner
    that cannot be built is left to fail in each record's outcome, as without this step."""
    try:
        cleaner_for(spec)
    except Exception:  # noqa: BLE001  (reported per record by clean_record)
        return
    gc.freeze()


def import_object(path: str) -> Any:
    module, _, attr = path.partition(":")
    if not module or not attr:
        raise ValueError(f"expected 'package.module:Name', got {path!r}")
    return getattr(import_module(module), attr)


@dataclass(frozen=True, slots=True)
class KindCount:
    """Removed spans of one kind in one document."""

    kind: str
    spans: int
    chars: int
    reasons: tuple[tuple[str, int], ...]
    example: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one record: ``output`` is its JSON line (jsonl) or cleaned text (text)."""

    id: str
    origin: Mapping[str, Any]
    ok: bool
    output: str = ""
    input_bytes: int = 0
    source_chars: int = 0
    kept_chars: int = 0
    title: str | None = None
    language: str | None = None
    removed: tuple[KindCount, ...] = ()
    error: str = ""
    message: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)

    def error_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "origin": dict(self.origin),
            "error": self.error,
            "message": self.message,
            **self.details,
        }

    def manifest_dict(self) -> dict[str, Any]:
        removed = {k.kind: k.chars for k in self.removed}
        return {
            "id": self.id,
            "origin": dict(self.origin),
            "title": self.title,
            "language": self.language,
            "kept_chars": self.kept_chars,
            "source_chars": self.source_chars,
            "removed_chars": removed,
        }


def clean_chunk(spec: CleanSpec, records: Sequence[Record]) -> list[Outcome]:
    """Clean a chunk of records; every record gets exactly one outcome, failures included."""
    return [clean_record(spec, record) for record in records]


def clean_record(spec: CleanSpec, record: Record) -> Outcome:
    record_id, payload, meta = record
    if isinstance(payload, ReadError):
        return Outcome(
            record_id,
            meta,
            ok=False,
            error=payload.error,
            message=payload.message,
            details={"stage": "read"},
        )
    try:
        with time_limit(spec.record_timeout):
            doc = _clean(spec, payload, meta)
        return _success(spec, record, doc, _utf8_size(payload))
    except Exception as exc:  # noqa: BLE001  (per-record isolation is the point)
        return failure(record, exc)


def _clean(spec: CleanSpec, payload: str | bytes, meta: Mapping[str, Any]) -> CleanDocument:
    kind = cast(InputKind, meta.get("kind", "auto") if spec.kind == "auto" else spec.kind)
    return cleaner_for(spec).clean(
        payload,
        kind=kind,
        detect_language=spec.detect_language,
        language=spec.language,
        url=meta.get("url"),
        charset=meta.get("charset"),
    )


def failure(record: Record, exc: BaseException, stage: str = "clean") -> Outcome:
    details: dict[str, Any] = {"stage": stage}
    if getattr(exc, "detector", None):
        details["detector"] = exc.detector  # type: ignore[attr-defined]
    cause = getattr(exc, "cause", None) or exc
    details["traceback"] = "".join(traceback.format_exception(cause))[-TRACEBACK_CHARS:]
    return Outcome(
        record.id,
        record.meta,
        ok=False,
        error=type(exc).__name__,
        message=str(exc),
        details=details,
    )


def _utf8_size(payload: str | bytes) -> int:
    return len(payload.encode("utf-8", "replace")) if isinstance(payload, str) else len(payload)


def _success(spec: CleanSpec, record: Record, doc: CleanDocument, size: int) -> Outcome:
    if spec.output_format == "text":
        output = doc.text
    else:
        line = {"id": record.id, "origin": dict(record.meta), **doc.to_dict()}
        output = json.dumps(line, ensure_ascii=False)
    return Outcome(
        record.id,
        record.meta,
        ok=True,
        output=output,
        input_bytes=size,
        source_chars=len(doc.source),
        kept_chars=len(doc.text),
        title=doc.title,
        language=doc.language,
        removed=count_removed(doc),
    )


def count_removed(doc: CleanDocument) -> tuple[KindCount, ...]:
    spans: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    reasons: dict[str, Counter[str]] = {}
    examples: dict[str, str] = {}
    for span in doc.removed:
        kind = span.kind.value
        spans[kind] += 1
        chars[kind] += span.end - span.start
        reasons.setdefault(kind, Counter()).update(span.reasons or ("(no reason)",))
        examples.setdefault(kind, " ".join(span.text.split())[:EXAMPLE_CHARS])
    return tuple(
        KindCount(k, spans[k], chars[k], tuple(reasons[k].most_common(3)), examples[k])
        for k in spans
    )
