"""Batch cleaning: stream records from files, directories, JSONL, WARC or Parquet through the
cleaner on all cores and write JSONL (or text files) plus ``errors.jsonl``, resumably.

>>> from cleannews.batch import CleanSpec, FileSink, Layout, iter_records, run_batch
>>> sink = FileSink.open(Layout.for_output("out", "jsonl"), resume=True)  # doctest: +SKIP
>>> stats = run_batch(iter_records(["pages/"]), CleanSpec(), sink, workers=4,
...                   skip_ids=sink.done_ids())  # doctest: +SKIP
>>> sink.close(); print(stats.line())  # doctest: +SKIP
"""

from __future__ import annotations

from .inputs import InputOptions, iter_records, missing_dependencies, read_input
from .records import ReadError, Record
from .runner import WorkerCrashedError, clean_records, run_batch
from .sinks import FileSink, Layout, OutputExistsError, StreamSink, text_file_name
from .stats import RunStats, summary_table
from .work import DEFAULT_RECORD_TIMEOUT, CleanSpec, Outcome, clean_record

__all__ = [
    "DEFAULT_RECORD_TIMEOUT",
    "CleanSpec",
    "FileSink",
    "InputOptions",
    "Layout",
    "Outcome",
    "OutputExistsError",
    "ReadError",
    "Record",
    "RunStats",
    "StreamSink",
    "WorkerCrashedError",
    "clean_record",
    "clean_records",
    "iter_records",
    "missing_dependencies",
    "read_input",
    "run_batch",
    "summary_table",
    "text_file_name",
]
