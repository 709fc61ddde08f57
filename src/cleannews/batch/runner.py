"""The batch flow: records -> (skip done) -> chunks -> workers -> outcomes -> sink, streaming."""

from __future__ import annotations

import time
from functools import partial
from itertools import islice
from typing import Callable, Collection, Iterable, Iterator

from .pool import map_chunks
from .records import Record
from .sinks import Sink
from .stats import RunStats
from .work import CleanSpec, Outcome, clean_chunk, failure, prepare_worker

CHUNK_SIZE = 16  # records per task sent to a worker: amortises IPC, keeps memory small


class WorkerCrashedError(RuntimeError):
    """The worker process died (killed, out of memory, crashed) while cleaning this record."""


def clean_records(
    records: Iterable[Record],
    spec: CleanSpec,
    *,
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Outcome]:
    """One :class:`Outcome` per record, in input order; ``workers > 1`` uses spawned processes."""
    chunks = batched(records, chunk_size)
    clean, prepare = partial(clean_chunk, spec), partial(prepare_worker, spec)
    for outcomes in map_chunks(clean, chunks, workers, on_crash=crashed, initializer=prepare):
        yield from outcomes


def run_batch(
    records: Iterable[Record],
    spec: CleanSpec,
    sink: Sink,
    *,
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
    skip_ids: Collection[str] = frozenset(),
    on_outcome: Callable[[Outcome], None] | None = None,
) -> RunStats:
    """Clean every record not in ``skip_ids`` and write it to ``sink``; return the tallies.
    ``sink`` is not closed here: its owner does that."""
    stats = RunStats()
    started = time.perf_counter()

    def todo() -> Iterator[Record]:
        for record in records:
            if record.id in skip_ids:
                stats.skipped += 1
            else:
                yield record

    for outcome in clean_records(todo(), spec, workers=workers, chunk_size=chunk_size):
        recorded = sink.write(outcome)
        stats.add(recorded)
        if on_outcome is not None:
            on_outcome(recorded)
    stats.seconds = time.perf_counter() - started
    return stats


def crashed(record: Record, exc: BaseException) -> Outcome:
    return failure(record, WorkerCrashedError(f"worker process died: {exc}"), stage="worker")


def batched(items: Iterable[Record], size: int) -> Iterator[list[Record]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
