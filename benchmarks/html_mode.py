"""HTML-mode benchmark: cleannews vs trafilatura 2.x, same process, same pages.

    python benchmarks/html_mode.py                      # both sets, all pages (slow)
    python benchmarks/html_mode.py --set trafilatura-eval --every 10
    python benchmarks/html_mode.py --set readability-pages --ids 001,002 --show-misses

Metrics follow each set's README: trafilatura-eval = micro snippet P/R/F1/accuracy;
readability-pages = macro token P/R/F1 (all pages and ``source_bytes >= 5000``). Times are wall
seconds per page per system; ``--stages`` prints cleannews' per-stage times
(``CleanerConfig(profile=True)``). Runs single-process on purpose.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

import bench_metrics
from bench_metrics import snippet_scores, squash, token_prf

DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
Extractor = Callable[[bytes], str]


def load_rows(name: str, root: Path = DATASETS) -> list[dict]:
    folder = root / name
    rows = [json.loads(line) for line in (folder / "index.jsonl").open(encoding="utf-8")]
    for row in rows:
        row["_dir"] = folder
    return rows


def select(rows: list[dict], ids: str | None, every: int, limit: int | None) -> list[dict]:
    if ids:
        wanted = set(ids.split(","))
        rows = [r for r in rows if r["id"] in wanted]
    rows = rows[::every]
    return rows[:limit] if limit else rows


def page_bytes(row: dict) -> bytes:
    return gzip.open(row["_dir"] / (row.get("file") or row["source"]), "rb").read()


# -- extractors ------------------------------------------------------------------------------


def trafilatura_extractor(include_comments: bool) -> Extractor:
    import trafilatura

    def run(data: bytes) -> str:
        return trafilatura.extract(data, include_comments=include_comments) or ""

    return run


def cleannews_extractor(stages: Counter) -> Extractor:
    from cleannews import Cleaner, CleanerConfig

    cleaner = Cleaner(config=CleanerConfig(profile=True, detect_language=False))

    def run(data: bytes) -> str:
        doc = cleaner.clean(data, kind="html", detect_language=False)
        stages.update(doc.timings)
        return doc.text

    return run


# -- metrics -------------------------------------------------------------------------------


def snippet_counts(row: dict, output: str) -> Counter:
    return bench_metrics.snippet_counts(output, row["with"], row["without"])


def expected_text(row: dict) -> str:
    return (row["_dir"] / row["expected"]).read_text(encoding="utf-8")


# -- runs ----------------------------------------------------------------------------------


def timed(extract: Extractor, data: bytes) -> tuple[str, float]:
    started = time.perf_counter()
    try:
        out = extract(data)
    except Exception as exc:  # a failure counts as empty output (the sets' rule)
        print(f"  ! {type(exc).__name__}: {exc}")
        out = ""
    return out, time.perf_counter() - started


def run_set(name: str, rows: list[dict], systems: dict[str, Extractor], misses: bool) -> dict:
    per_system = {s: {"times": [], "counts": Counter(), "prf": []} for s in systems}
    for row in rows:
        data = page_bytes(row)
        expected = expected_text(row) if name == "readability-pages" else None
        for system, extract in systems.items():
            out, seconds = timed(extract, data)
            acc = per_system[system]
            acc["times"].append(seconds)
            if expected is None:
                counts = snippet_counts(row, out)
                acc["counts"].update(counts)
                if misses and system == "cleannews" and (counts["fn"] or counts["fp"]):
                    _show_misses(row, out)
            else:
                acc["prf"].append((row["source_bytes"] >= 5000, token_prf(out, expected)))
    return per_system


def _show_misses(row: dict, out: str) -> None:
    text = squash(out)
    lost = [s for s in row["with"] if squash(s) not in text]
    kept = [s for s in row["without"] if squash(s) in text]
    print(f"  {row['id']}: missing {lost} | kept {kept}")


def report(name: str, per_system: dict) -> list[str]:
    lines = [f"## {name} (n={len(next(iter(per_system.values()))['times'])})", ""]
    if name == "trafilatura-eval":
        lines += [
            "| system | P | R | F1 | accuracy | total s | median ms |",
            "|---|---|---|---|---|---|---|",
        ]
        for system, acc in per_system.items():
            s = snippet_scores(acc["counts"])
            lines.append(
                f"| {system} | {s['precision']:.3f} | {s['recall']:.3f} | **{s['f1']:.4f}** | "
                f"{s['accuracy']:.3f} | {_times(acc['times'])} |"
            )
    else:
        lines += [
            "| system | F1 all | P all | R all | F1 >=5000B | total s | median ms |",
            "|---|---|---|---|---|---|---|",
        ]
        for system, acc in per_system.items():
            every = _macro(p for _, p in acc["prf"])
            big = _macro(p for real, p in acc["prf"] if real)
            lines.append(
                f"| {system} | **{every[2]:.4f}** | {every[0]:.3f} | {every[1]:.3f} | "
                f"{big[2]:.4f} | {_times(acc['times'])} |"
            )
    return lines


def _macro(prfs: Iterable[tuple[float, float, float]]) -> tuple[float, float, float]:
    items = list(prfs)
    if not items:
        return (0.0, 0.0, 0.0)
    return tuple(statistics.fmean(x[i] for x in items) for i in range(3))  # type: ignore[return-value]


def _times(times: list[float]) -> str:
    return f"{sum(times):.1f} | {statistics.median(times) * 1000:.1f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--set", choices=["trafilatura-eval", "readability-pages", "both"], default="both"
    )
    parser.add_argument("--ids", help="comma-separated document ids")
    parser.add_argument("--every", type=int, default=1, help="take every k-th page (sorted ids)")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--no-trafilatura", action="store_true", help="run cleannews only")
    parser.add_argument("--stages", action="store_true", help="print cleannews time per stage")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--datasets", type=Path, default=DATASETS)
    args = parser.parse_args(argv)

    stages: Counter = Counter()
    systems: dict[str, Extractor] = {}
    if not args.no_trafilatura:
        systems["trafilatura default"] = trafilatura_extractor(include_comments=True)
        systems["trafilatura no comments"] = trafilatura_extractor(include_comments=False)
    systems["cleannews"] = cleannews_extractor(stages)
    # Warm up every system once (imports, lazy tables) so the first page is not penalised.
    for extract in systems.values():
        extract(b"<html><body><p>warm up</p></body></html>")
    stages.clear()
    names = ["trafilatura-eval", "readability-pages"] if args.set == "both" else [args.set]
    pages = 0
    for name in names:
        rows = select(load_rows(name, args.datasets), args.ids, args.every, args.limit)
        pages += len(rows)
        print("\n".join(report(name, run_set(name, rows, systems, args.show_misses))), "\n")
    if args.stages and pages:
        print("cleannews ms per page by stage:")
        for stage, seconds in stages.most_common():
            print(f"  {stage:32s} {seconds / pages * 1000:7.2f}")


if __name__ == "__main__":
    main()
