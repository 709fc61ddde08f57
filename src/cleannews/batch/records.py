"""The unit of batch work: one input record, as every reader yields it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping, NamedTuple, Union


@dataclass(frozen=True, slots=True)
class ReadError:
    """A record that could not be read. It travels like any record so that it ends up in
    ``errors.jsonl`` in input order instead of vanishing."""

    error: str  # exception type name
    message: str


Payload = Union[str, bytes, ReadError]


class Record(NamedTuple):
    """``(record_id, payload, meta)``. ``meta`` says where the record came from (``path``,
    ``line``/``row``/``offset``, ``url``) and may hint the input ``kind``."""

    id: str
    payload: Payload
    meta: Mapping[str, Any]


def read_error(record_id: str, exc: BaseException, meta: Mapping[str, Any]) -> Record:
    return Record(record_id, ReadError(type(exc).__name__, str(exc)), meta)


def unique_ids(records: Iterable[Record]) -> Iterator[Record]:
    """Make ids unique in reading order (``id``, ``id#2``, ...): the output ledger is keyed by id,
    so a repeated id (common with ``--id-field url``) would otherwise look already done."""
    seen: set[str] = set()
    for record in records:
        rid = record.id
        if rid in seen:
            n = 2
            while f"{rid}#{n}" in seen:
                n += 1
            record = Record(f"{rid}#{n}", record.payload, {**record.meta, "duplicate_of": rid})
        seen.add(record.id)
        yield record
