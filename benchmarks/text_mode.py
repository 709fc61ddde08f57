"""Text-mode benchmark: quality and speed of ``cleannews`` on ``readability-text``.

Quality is the dataset's own metric (see its README): per document, token multiset overlap
of ``re.findall(r"\\w+", text.lower())``, precision/recall/F1; macro mean over documents,
reported for all documents and for the real pages (``source_bytes >= 5000``). Systems:

- ``identity``: the input unchanged (the dataset's baseline);
- ``line-filter``: keep lines of >= 5 words ending in terminal punctuation;
- ``cleannews``: ``Cleaner().clean(text, kind="text").text`` with the default config.

Over-removal tracks (``--clean-inputs``): text that is already (mostly) article must lose
almost nothing. ``expected``: the reference text itself as input (identity scores 1.0);
``trafilatura`` (also ``--trafilatura``): trafilatura's own extraction of each page's HTML as
input, scored against the same reference. These read the source HTML only to *make* the
input; the system under test still sees plain text.

Speed (one process, one core): median ms/doc and MB/s with ``detect_language=False`` next to
an identity ``str.splitlines`` pass, median ms/doc with the defaults, time per detector
(``CleanerConfig(profile=True)``), and a linear-scaling curve on synthetic inputs built by
repeating dataset inputs (timed with the garbage collector on, as users run it, and off, as
``timeit`` does: the difference is the collector walking the page's many live records).

    python benchmarks/text_mode.py [--shared ../shared] [--json out.json] [--quick]
                                   [--clean-inputs] [--trafilatura] [--worst N]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from bench_metrics import identity, line_filter, token_prf

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
DATASET = Path("datasets") / "readability-text"
REAL_PAGE_BYTES = 5000  # the dataset README's "real pages" cut
SCALING_SIZES = (10_000, 100_000, 1_000_000, 5_000_000)
SCALING_LIMIT_S = {5_000_000: 5.0}  # 5 MB must clean in under 5 s


@dataclass(frozen=True)
class Doc:
    id: str
    text: str
    expected: str
    source_bytes: int


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


# -- data and metric ---------------------------------------------------------------------------


def load_docs(shared: Path) -> list[Doc]:
    root = shared / DATASET
    docs = []
    for line in (root / "index.jsonl").read_text("utf-8").splitlines():
        entry = json.loads(line)
        docs.append(
            Doc(
                id=entry["id"],
                text=(root / entry["input"]).read_text("utf-8"),
                expected=(root / entry["expected"]).read_text("utf-8"),
                source_bytes=int(entry["source_bytes"]),
            )
        )
    return docs


def score(predicted: str, expected: str) -> Score:
    return Score(*token_prf(predicted, expected))


def mean_score(scores: Iterable[Score]) -> Score:
    items = list(scores)
    return Score(
        statistics.fmean(s.precision for s in items),
        statistics.fmean(s.recall for s in items),
        statistics.fmean(s.f1 for s in items),
    )


# -- systems -------------------------------------------------------------------------------


def cleannews_system(detect_language: bool | None = None) -> Callable[[str], str]:
    from cleannews import Cleaner

    cleaner = Cleaner()

    def run(text: str) -> str:
        return cleaner.clean(text, kind="text", detect_language=detect_language).text

    return run


# -- quality -------------------------------------------------------------------------------


def evaluate(
    system: Callable[[str], str], docs: list[Doc], inputs: dict[str, str] | None = None
) -> dict[str, object]:
    """Macro P/R/F1 of ``system`` over ``docs`` (inputs default to the dataset's inputs)."""
    per_doc = {d.id: score(system(inputs[d.id] if inputs else d.text), d.expected) for d in docs}
    real = [per_doc[d.id] for d in docs if d.source_bytes >= REAL_PAGE_BYTES]
    return {
        "all": mean_score(per_doc.values()).__dict__,
        "real": mean_score(real).__dict__,
        "n_all": len(per_doc),
        "n_real": len(real),
        "per_doc": {k: round(v.f1, 4) for k, v in per_doc.items()},
    }


def trafilatura_inputs(shared: Path, docs: list[Doc]) -> dict[str, str]:
    """trafilatura's extraction of each page (the over-removal track's input)."""
    import gzip

    import trafilatura

    root = shared / "datasets" / "readability-pages"
    sources = {}
    for line in (root / "index.jsonl").read_text("utf-8").splitlines():
        entry = json.loads(line)
        sources[entry["id"]] = root / entry["source"]
    out = {}
    for d in docs:
        html = gzip.open(sources[d.id], "rb").read().decode("utf-8", errors="replace")
        out[d.id] = trafilatura.extract(html) or ""
    return out


def clean_input_tracks(
    shared: Path, docs: list[Doc], with_trafilatura: bool
) -> dict[str, dict[str, object]]:
    tracks = {"expected": {d.id: d.expected for d in docs}}
    if with_trafilatura:
        tracks["trafilatura"] = trafilatura_inputs(shared, docs)
    system = cleannews_system()
    out: dict[str, dict[str, object]] = {}
    for name, inputs in tracks.items():
        out[f"{name} as-is"] = evaluate(identity, docs, inputs)
        out[f"{name} cleaned"] = evaluate(system, docs, inputs)
    return out


# -- speed ---------------------------------------------------------------------------------


def _median_ms(fn: Callable[[str], object], texts: list[str], repeat: int) -> tuple[float, float]:
    """Median ms/doc (best of ``repeat`` per doc) and the summed best seconds."""
    best = []
    for text in texts:
        runs = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            fn(text)
            runs.append(time.perf_counter() - t0)
        best.append(min(runs))
    return statistics.median(best) * 1000, sum(best)


def speed(docs: list[Doc], repeat: int) -> dict[str, object]:
    from cleannews import Cleaner, CleanerConfig

    texts = [d.text for d in docs]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    cleaner = Cleaner()
    no_lang = lambda t: cleaner.clean(t, kind="text", detect_language=False)  # noqa: E731
    defaults = lambda t: cleaner.clean(t, kind="text")  # noqa: E731
    for t in texts[:5]:  # warm caches (phrase tables, language model)
        defaults(t)
    out: dict[str, object] = {}
    passes = (("splitlines", str.splitlines), ("no_language", no_lang), ("defaults", defaults))
    for name, fn in passes:
        med, total = _median_ms(fn, texts, repeat)
        out[name] = {"median_ms": med, "mb_per_s": megabytes / total if total else float("inf")}
    out["per_stage_ms"] = _profile(Cleaner(config=CleanerConfig(profile=True)), texts)
    return out


def _profile(cleaner: object, texts: list[str]) -> dict[str, float]:
    """Mean ms/doc per stage and detector (language detection off)."""
    totals: Counter[str] = Counter()
    for text in texts:
        doc = cleaner.clean(text, kind="text", detect_language=False)  # type: ignore[attr-defined]
        totals.update(doc.timings)
    return {k: v * 1000 / len(texts) for k, v in totals.most_common()}


def scaling(docs: list[Doc]) -> list[dict[str, float]]:
    from cleannews import Cleaner

    cleaner = Cleaner()
    cleaner.clean(docs[0].text, kind="text", detect_language=False)  # warm: tables loaded
    joined = "\n".join(d.text for d in docs)
    rows = []
    for size in SCALING_SIZES:
        text = (joined * (size // len(joined) + 1))[:size]
        runs = 3 if size <= 1_000_000 else 1  # best of 3 where a run is cheap
        seconds = min(_timed_clean(cleaner, text, collect=True) for _ in range(runs))
        no_gc = min(_timed_clean(cleaner, text, collect=False) for _ in range(runs))
        kb = size / 1000
        rows.append(
            {
                "bytes": size,
                "seconds": seconds,
                "us_per_kb": seconds * 1e6 / kb,
                "seconds_gc_off": no_gc,
                "us_per_kb_gc_off": no_gc * 1e6 / kb,
            }
        )
    return rows


def _timed_clean(cleaner: object, text: str, *, collect: bool) -> float:
    was_enabled = gc.isenabled()
    if not collect:
        gc.disable()
    try:
        t0 = time.perf_counter()
        cleaner.clean(text, kind="text", detect_language=False)  # type: ignore[attr-defined]
        return time.perf_counter() - t0
    finally:
        if was_enabled:
            gc.enable()


# -- report --------------------------------------------------------------------------------


def _quality_table(results: dict[str, dict]) -> str:
    head = f"{'system':<20} {'subset':<6} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}"
    lines = [head, "-" * len(head)]
    for name, res in results.items():
        for subset in ("all", "real"):
            s = res[subset]
            n = res[f"n_{subset}"]
            p, r, f = s["precision"], s["recall"], s["f1"]
            lines.append(f"{name:<20} {subset:<6} {n:>4} {p:6.3f} {r:6.3f} {f:6.3f}")
    return "\n".join(lines)


def _speed_table(sp: dict, rows: list[dict]) -> str:
    lines = ["pass          median ms/doc   MB/s/core"]
    for name in ("splitlines", "no_language", "defaults"):
        lines.append(f"{name:<13} {sp[name]['median_ms']:>13.3f} {sp[name]['mb_per_s']:>11.2f}")
    lines.append("mean ms/doc per stage (profile=True, no language detection):")
    for stage, ms in sp["per_stage_ms"].items():
        lines.append(f"  {stage:<34} {ms:8.3f}")
    lines.append("scaling (no language detection; gc off = collector disabled while timed):")
    for row in rows:
        limit = SCALING_LIMIT_S.get(int(row["bytes"]))
        flag = "" if limit is None else ("  ok" if row["seconds"] < limit else "  TOO SLOW")
        lines.append(
            f"  {row['bytes']:>9,} B  {row['seconds']:8.3f} s  {row['us_per_kb']:7.1f} us/KB"
            f"   gc off {row['seconds_gc_off']:7.3f} s {row['us_per_kb_gc_off']:7.1f} us/KB{flag}"
        )
    return "\n".join(lines)


def worst(per_doc: dict[str, float], n: int) -> str:
    items = sorted(per_doc.items(), key=lambda kv: kv[1])[:n]
    return ", ".join(f"{k} {v:.2f}" for k, v in items)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared/ folder")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per doc (best of)")
    parser.add_argument("--quick", action="store_true", help="quality only, no timing")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst cleannews docs")
    parser.add_argument(
        "--clean-inputs", action="store_true", help="over-removal track: reference text as input"
    )
    parser.add_argument(
        "--trafilatura", action="store_true", help="over-removal track on trafilatura's output"
    )
    args = parser.parse_args(argv)

    docs = load_docs(args.shared)
    # Timing first, in a process that holds only the inputs: the quality tracks keep every
    # result and may import trafilatura, and a larger heap makes each full garbage collection
    # (which the cleaner's allocations trigger) slower, a cost of the script, not the cleaner.
    timed = None if args.quick else (speed(docs, args.repeat), scaling(docs))
    systems = {
        "identity": identity,
        "line-filter": line_filter,
        "cleannews": cleannews_system(),
    }
    quality = {name: evaluate(fn, docs) for name, fn in systems.items()}
    print(_quality_table(quality))
    if args.worst:
        print("worst:", worst(quality["cleannews"]["per_doc"], args.worst))
    result: dict[str, object] = {"dataset": str(args.shared / DATASET), "quality": quality}
    if args.clean_inputs or args.trafilatura:
        over = clean_input_tracks(args.shared, docs, args.trafilatura)
        print("over-removal tracks (input already clean; as-is = identity):")
        print(_quality_table(over))
        result["over_removal"] = over
    if timed is not None:
        sp, rows = timed
        print(_speed_table(sp, rows))
        result.update(speed=sp, scaling=rows)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
