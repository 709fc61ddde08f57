"""The ``cleannews`` command: ``clean`` files and datasets in batch, list ``detectors``,
write an HTML ``report``. Run ``cleannews COMMAND --help`` for the options."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from . import __version__
from .batch import (
    DEFAULT_RECORD_TIMEOUT,
    CleanSpec,
    FileSink,
    InputOptions,
    Layout,
    OutputExistsError,
    RunStats,
    StreamSink,
    iter_records,
    missing_dependencies,
    run_batch,
    summary_table,
)
from .document import CleanDocument
from .errors import CleanNewsError

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
DEFAULT_REPORT_LIMIT = 500  # the report is one HTML page: keep it openable
DESCRIPTION = (
    "Clean scraped news and blog pages (HTML or plain text), keeping a record of "
    "every removed span: what it was and why it went."
)

CLEAN_EPILOG = """\
inputs: files and directories (searched recursively for .txt .html .htm and their .gz),
JSON Lines (.jsonl[.gz], one document per line), WARC (.warc[.gz], HTML responses; needs
"cleannews[warc]") and Parquet (.parquet; needs "cleannews[parquet]").

outputs: with -o DIR, DIR/documents.jsonl (one CleanDocument per line, plus "id" and "origin")
and DIR/errors.jsonl (records that failed: id, error, message); with -o FILE.jsonl the errors go
to FILE.errors.jsonl; without -o, documents go to stdout. --format text writes DIR/text/<id>.txt
and DIR/manifest.jsonl instead. Every input record ends in exactly one of the two files, so an
interrupted run continues with --resume.

example: cleannews clean fixtures/seeds --summary -o /tmp/cleannews-out
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except _UsageError as exc:
        print(f"cleannews: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("cleannews: interrupted (rerun with --resume to continue)", file=sys.stderr)
        return EXIT_INTERRUPTED


class _UsageError(Exception):
    """Bad options or environment, found before any work starts."""


# -- parser ---------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleannews",
        description=DESCRIPTION,
        epilog="Run `cleannews COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"cleannews {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_clean(commands)
    _add_detectors(commands)
    _add_report(commands)
    return parser


def _add_clean(commands: Any) -> None:
    p = commands.add_parser(
        "clean",
        help="clean files, directories, JSONL, WARC or Parquet in batch",
        epilog=CLEAN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, directories, JSONL, WARC or Parquet files",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="output directory or FILE.jsonl")
    p.add_argument(
        "--format",
        choices=("jsonl", "text"),
        default="jsonl",
        help="jsonl: full documents with spans (default); text: cleaned text files",
    )
    p.add_argument(
        "--workers",
        type=_positive,
        default=_available_cores(),
        metavar="N",
        help="worker processes (default: all cores, %(default)s here)",
    )
    p.add_argument(
        "--kind",
        choices=("auto", "text", "html"),
        default="auto",
        help="input kind (default: auto-detect per record)",
    )
    p.add_argument(
        "--no-language",
        dest="detect_language",
        action="store_false",
        help="skip language identification (faster)",
    )
    p.add_argument("--language", metavar="CODE", help="assume this language for every record")
    p.add_argument(
        "--disable",
        action="extend",
        nargs="+",
        default=[],
        metavar="NAME",
        help="switch off detectors by name, after the inputs or comma-separated "
        "(see `cleannews detectors`)",
    )
    p.add_argument(
        "--extra-detector",
        action="append",
        default=[],
        metavar="MODULE:CLASS",
        help="add a detector class by import path (repeatable)",
    )
    p.add_argument(
        "--config", type=Path, metavar="FILE.json", help="CleanerConfig overrides as a JSON object"
    )
    p.add_argument(
        "--no-decisions",
        dest="keep_decisions",
        action="store_false",
        help="leave per-block decisions out of the JSONL (about half its size)",
    )
    p.add_argument("--text-field", default="text", help="JSONL/Parquet text field (default: text)")
    p.add_argument("--id-field", default="id", help="JSONL/Parquet id field (default: id)")
    p.add_argument("--url-field", default="url", help="JSONL/Parquet URL field (default: url)")
    p.add_argument("--warc-backend", choices=("auto", "fastwarc", "warcio"), default="auto")
    again = p.add_mutually_exclusive_group()
    again.add_argument(
        "--resume", action="store_true", help="skip records already in the outputs or errors file"
    )
    again.add_argument("--overwrite", action="store_true", help="replace existing outputs")
    p.add_argument("--limit", type=_positive, metavar="N", help="only the first N input records")
    p.add_argument("--summary", action="store_true", help="print what was removed, per kind")
    p.add_argument(
        "--progress",
        action="store_true",
        help="show the progress bar even when stderr is not a terminal",
    )
    p.add_argument(
        "--record-timeout",
        type=_non_negative,
        default=DEFAULT_RECORD_TIMEOUT,
        metavar="SECONDS",
        help="give up on a record after this long and record it "
        "in errors.jsonl (default: %(default)g; 0: no limit)",
    )
    p.add_argument(
        "--chunk-size",
        type=_positive,
        default=16,
        metavar="N",
        help="records per task sent to a worker (default: %(default)s)",
    )
    p.set_defaults(run=run_clean)


def _add_detectors(commands: Any) -> None:
    p = commands.add_parser("detectors", help="list the available detectors")
    p.add_argument("--json", action="store_true", help="one JSON object per detector")
    p.set_defaults(run=run_detectors)


def _add_report(commands: Any) -> None:
    p = commands.add_parser("report", help="write an HTML report from a documents.jsonl file")
    p.add_argument("input", type=Path, metavar="INPUT.jsonl")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="REPORT.html")
    p.add_argument(
        "--limit",
        type=_positive,
        default=DEFAULT_REPORT_LIMIT,
        metavar="N",
        help="at most N documents (default: %(default)s)",
    )
    p.set_defaults(run=run_report)


def _available_cores() -> int:
    """Cores this process may run on (respects CPU affinity, unlike ``os.cpu_count``)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1, got {number}")
    return number


def _non_negative(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {value!r}") from None
    if not number >= 0:  # also refuses NaN
        raise argparse.ArgumentTypeError(f"must be >= 0, got {value}")
    return number


# -- clean ----------------------------------------------------------------------------------


def run_clean(args: argparse.Namespace) -> int:
    spec = _clean_spec(args)
    missing = missing_dependencies(args.inputs)
    if missing:
        raise _UsageError("; ".join(missing))
    sink, skip = _open_sink(args)
    options = InputOptions(args.text_field, args.id_field, args.url_field, args.warc_backend)
    records = iter_records(args.inputs, options, limit=args.limit)
    with _progress(args.progress) as tick:
        try:
            stats = run_batch(
                records,
                spec,
                sink,
                workers=args.workers,
                chunk_size=args.chunk_size,
                skip_ids=skip,
                on_outcome=tick,
            )
        finally:
            sink.close()
    _report_run(args, stats, sink)
    return EXIT_OK


def _clean_spec(args: argparse.Namespace) -> CleanSpec:
    """Build the spec and one cleaner from it now, so that a typo in a detector name or config
    key stops the run before any output is written."""
    disable = tuple(n for item in args.disable for n in item.split(",") if n)
    spec = CleanSpec(
        kind=args.kind,
        detect_language=args.detect_language,
        language=args.language,
        disable=disable,
        extra=tuple(args.extra_detector),
        config=_config_items(args.config, args.keep_decisions),
        output_format=args.format,
        record_timeout=args.record_timeout or None,
    )
    try:
        spec.build_cleaner()
    except (CleanNewsError, ImportError, AttributeError, ValueError) as exc:
        raise _UsageError(str(exc)) from exc
    return spec


def _config_items(path: Path | None, keep_decisions: bool) -> tuple[tuple[str, Any], ...]:
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise _UsageError(f"cannot read --config {path}: {exc}") from exc
        if not isinstance(data, dict):
            raise _UsageError(f"--config {path} must hold a JSON object")
    if not keep_decisions:
        data["keep_decisions"] = False
    return tuple(sorted(data.items()))


def _open_sink(args: argparse.Namespace) -> tuple[FileSink | StreamSink, set[str]]:
    if args.output is None:
        if args.format == "text" or args.resume:
            raise _UsageError("--format text and --resume need -o OUT")
        return StreamSink(), set()
    layout = Layout.for_output(args.output, args.format)
    try:
        sink = FileSink.open(layout, resume=args.resume, overwrite=args.overwrite)
    except OutputExistsError as exc:
        raise _UsageError(str(exc)) from exc
    return sink, sink.done_ids() if args.resume else set()


class _progress:
    """A tqdm bar on stderr (only on a terminal unless forced) as an ``on_outcome`` callback."""

    def __init__(self, force: bool) -> None:
        self.enabled = force or sys.stderr.isatty()
        self.bar: Any = None
        self.failed = 0

    def __enter__(self) -> Callable[[Any], None]:
        if self.enabled:
            from tqdm import tqdm

            self.bar = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
        return self.tick

    def tick(self, outcome: Any) -> None:
        if self.bar is not None:
            self.bar.update(1)
            if not outcome.ok:
                self.failed += 1
                self.bar.set_postfix(failed=self.failed, refresh=False)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


def _report_run(args: argparse.Namespace, stats: RunStats, sink: FileSink | StreamSink) -> None:
    if args.summary:
        out = sys.stdout if args.output else sys.stderr
        print(summary_table(stats), file=out)
        for line in _where(sink, stats):
            print(line, file=out)
    print(stats.line(), file=sys.stderr)


def _where(sink: FileSink | StreamSink, stats: RunStats) -> Iterator[str]:
    if not isinstance(sink, FileSink):
        return
    yield ""
    yield f"outputs: {sink.layout.ledger} ({sink.ledger.lines} new lines)"
    if sink.errors.lines:
        yield f"errors:  {sink.layout.errors} ({sink.errors.lines} new lines)"
    if stats.skipped:
        yield f"skipped: {stats.skipped} records already done in an earlier run"
    if sink.layout.text_dir is None:
        yield (
            f"next:    cleannews report {sink.layout.ledger} -o report.html"
            "  (every removed span highlighted, with its reason)"
        )


# -- detectors ------------------------------------------------------------------------------


def run_detectors(args: argparse.Namespace) -> int:
    from .detectors.registry import builtin_detectors, plugin_detectors

    rows = [_detector_row(name, cls, "built-in") for name, cls in builtin_detectors().items()]
    try:
        plugins = plugin_detectors()
    except CleanNewsError as exc:  # one broken plugin should not hide the others' listing
        print(f"cleannews: warning: {exc}", file=sys.stderr)
        plugins = {}
    builtin_names = {row["name"] for row in rows}  # a built-in wins over a plugin of that name
    rows += [_detector_row(n, c, "plugin") for n, c in plugins.items() if n not in builtin_names]
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        print(_detector_table(rows))
    return EXIT_OK


def _detector_row(name: str, cls: type, origin: str) -> dict[str, Any]:
    return {
        "name": name,
        "origin": origin,
        "kinds": sorted(k.value for k in getattr(cls, "kinds", ())),
        "languages": sorted(getattr(cls, "languages", ())),
        "input_kinds": sorted(getattr(cls, "input_kinds", ())),
        "class": f"{cls.__module__}.{cls.__qualname__}",
    }


def _detector_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no detectors available"
    table = [("name", "origin", "kinds", "languages", "inputs")]
    table += [
        (
            r["name"],
            r["origin"],
            ",".join(r["kinds"]),
            ",".join(r["languages"]),
            ",".join(r["input_kinds"]),
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    lines = [
        "  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)), row[4]])
        for row in table
    ]
    return "\n".join(lines)


# -- report ---------------------------------------------------------------------------------


def run_report(args: argparse.Namespace) -> int:
    try:
        from .report import write_report
    except ImportError as exc:
        raise _UsageError(f"the HTML report is not available: {exc}") from exc
    if not args.input.exists():
        raise _UsageError(f"no such file: {args.input}")
    docs, titles = _read_documents(args.input, args.limit)
    path = write_report(docs, args.output, titles=titles)
    print(f"wrote {path} ({len(docs)} documents)", file=sys.stderr)
    return EXIT_OK


def _read_documents(path: Path, limit: int) -> tuple[list[CleanDocument], list[str | None]]:
    """Documents of a ``cleannews clean`` output file, labelled ``id: title``."""
    docs: list[CleanDocument] = []
    titles: list[str | None] = []
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if len(docs) >= limit:
                break
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
                doc = CleanDocument.from_dict(data)
            except (ValueError, CleanNewsError) as exc:
                raise _UsageError(f"{path}:{lineno} is not a cleaned document: {exc}") from exc
            docs.append(doc)
            label = data.get("id")
            titles.append(f"{label}: {doc.title}" if label and doc.title else label)
    return docs, titles


if __name__ == "__main__":
    sys.exit(main())
