"""Proxies for the two held-out text-mode tracks, plus an audit of every removal.

The held-out news pages are measured on (1) their full page text and (2) trafilatura's own
extraction, which still carries comments and related links. We do not have those pages, so:

- **track a, "trafilatura output"**: for each ``readability-pages`` page, trafilatura 2.x
  ``extract`` with default settings (comments included) makes the input; cleannews cleans it
  in text mode; the readability token metric (macro P/R/F1) scores it against the expected
  text, next to the input as-is (identity) and the line-filter baseline.
- **track b, "multilingual pages"**: for each ``trafilatura-eval`` page, two inputs: the full
  visible text (``html_text.extract_text(html, guess_layout=True)``, lines stripped, inner
  whitespace collapsed, empty lines dropped, as in ``readability-text``) and trafilatura's
  output; each is cleaned in text mode and scored with that set's snippet metric (micro
  P/R/F1/accuracy), next to identity and line filter.

The HTML is read only to *make* the inputs; cleannews sees plain text. Derived inputs are
cached in ``benchmarks/out/`` (gitignored), so reruns only pay for cleaning.

``--audit FILE`` writes every removal that hits reference text (a removed line found in the
expected text; a removed span overlapping a ``with`` snippet), grouped by detector and
reason, and the boilerplate kept (kept ``without`` snippets; kept lines absent from the
expected text), biggest first.

    python benchmarks/heldout_proxy.py [--shared ../shared] [--limit N] [--audit out.txt]
                                       [--json out.json] [--tracks a,b]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from bench_metrics import line_filter, snippet_counts, squash, token_prf

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
CACHE = REPO / "benchmarks" / "out"
READABILITY = Path("datasets") / "readability-pages"
TRAFILATURA_EVAL = Path("datasets") / "trafilatura-eval"
REAL_PAGE_BYTES = 5000
MIN_AUDIT_CHARS = 12  # shorter removed lines ("Share", "Home") match reference text by chance
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


# -- data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadabilityDoc:
    id: str
    input: str  # trafilatura's extraction
    expected: str
    source_bytes: int


@dataclass(frozen=True)
class SnippetDoc:
    id: str
    full: str  # full visible page text
    extracted: str  # trafilatura's extraction
    with_: tuple[str, ...]
    without: tuple[str, ...]


def _index(root: Path, limit: int | None) -> list[dict]:
    lines = (root / "index.jsonl").read_text("utf-8").splitlines()
    entries = [json.loads(line) for line in lines]
    return entries[:limit] if limit else entries


def _cached(name: str, make: Callable[[], dict[str, str]]) -> dict[str, str]:
    path = CACHE / name
    if path.exists():
        return json.loads(path.read_text("utf-8"))
    data = make()
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return data


def _extract(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""  # defaults: comments included


def _full_text(html: str) -> str:
    import html_text

    return normalise_lines(html_text.extract_text(html, guess_layout=True))


def normalise_lines(text: str) -> str:
    """As ``readability-text`` was made: strip lines, collapse inner whitespace, drop empties."""
    lines = (squash(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def decode_page(raw: bytes) -> str:
    """The trafilatura-eval README's rule: UTF-8, else the meta charset, else UTF-8 lossy."""
    try:
        return raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        pass
    found = _META_CHARSET.search(raw[:4096])
    if found:
        charset = found.group(1).decode("ascii").lower()
        charset = "cp1252" if charset in ("iso-8859-1", "latin-1", "latin1") else charset
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return raw.decode("utf-8", errors="replace")


def load_readability(shared: Path, limit: int | None) -> list[ReadabilityDoc]:
    root = shared / READABILITY
    entries = _index(root, limit)

    def make() -> dict[str, str]:
        return {
            e["id"]: _extract(gzip.open(root / e["source"]).read().decode("utf-8", "replace"))
            for e in entries
        }

    cache = _cached("heldout_a_trafilatura.json", make)
    if any(e["id"] not in cache for e in entries):
        CACHE.joinpath("heldout_a_trafilatura.json").unlink()
        cache = _cached("heldout_a_trafilatura.json", make)
    return [
        ReadabilityDoc(
            e["id"],
            cache[e["id"]],
            (root / e["expected"]).read_text("utf-8"),
            int(e["source_bytes"]),
        )
        for e in entries
    ]


def load_snippets(shared: Path, limit: int | None) -> list[SnippetDoc]:
    root = shared / TRAFILATURA_EVAL
    entries = _index(root, limit)
    name = "heldout_b_inputs.json"

    def make() -> dict[str, list[str]]:
        out = {}
        for e in entries:
            html = decode_page(gzip.open(root / e["file"]).read())
            out[e["id"]] = [_full_text(html), _extract(html)]
        return out

    cache = _cached(name, make)
    if any(e["id"] not in cache for e in entries):
        CACHE.joinpath(name).unlink()
        cache = _cached(name, make)
    return [
        SnippetDoc(e["id"], *cache[e["id"]], tuple(e["with"]), tuple(e["without"])) for e in entries
    ]


# -- metrics ---------------------------------------------------------------------------------


def macro(scores: Iterable[tuple[float, float, float]]) -> dict[str, float]:
    items = list(scores)
    return {k: statistics.fmean(s[i] for s in items) for i, k in enumerate(("p", "r", "f1"))}


@dataclass
class SnippetCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, output: str, doc: SnippetDoc) -> None:
        found = snippet_counts(output, doc.with_, doc.without)
        self.tp += found["tp"]
        self.fp += found["fp"]
        self.fn += found["fn"]
        self.tn += found["tn"]

    def summary(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        total = self.tp + self.fp + self.fn + self.tn
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "p": p,
            "r": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "acc": (self.tp + self.tn) / total if total else 0.0,
        }


# -- audit -----------------------------------------------------------------------------------


@dataclass
class Audit:
    """False removals by (detector, reason), and the boilerplate kept."""

    false_removals: dict[tuple[str, str], list[str]] = field(
        default_factory=lambda: defaultdict(list)
    )
    kept: list[tuple[int, str]] = field(default_factory=list)

    def removals(self, doc_id: str, track: str, cleaned, hits: Callable[[str], bool]) -> None:
        """Per removed block (the resolver's decisions), attributed to the deciding evidence."""
        for decision in cleaned.decisions:
            text = cleaned.source[decision.start : decision.end]
            if decision.removed and hits(text):
                key = _decision_key(decision)
                self.false_removals[key].append(f"[{track} {doc_id}] {squash(text)[:160]}")

    def render(self) -> str:
        out = ["# False removals (removed text found in the reference), by detector/reason", ""]
        groups = sorted(self.false_removals.items(), key=lambda kv: -len(kv[1]))
        for (detector, reason), lines in groups:
            out.append(f"## {detector} / {reason}: {len(lines)}")
            out.extend(f"  {line}" for line in lines)
            out.append("")
        out += ["# Boilerplate kept, biggest first", ""]
        out.extend(f"  {size:6d}  {text}" for size, text in sorted(self.kept, reverse=True)[:300])
        return "\n".join(out) + "\n"


def _decision_key(decision) -> tuple[str, str]:
    """(detector, reason) of the finding that decided; a region names its marker."""
    removal = [f for f in decision.findings if f.kind.is_removed]
    if not removal:
        return ("?", decision.rule)
    if decision.rule == "region":
        marker = removal[0]  # the region's marker comes first
        own = max(removal[1:], key=lambda f: f.score, default=None)
        suffix = f" (own: {own.reason})" if own else ""
        return (marker.detector, f"region<-{marker.reason}{suffix}")
    best = max(removal, key=lambda f: f.score)
    return (best.detector, best.reason)


# -- tracks ----------------------------------------------------------------------------------


def track_a(docs: list[ReadabilityDoc], clean, audit: Audit | None) -> dict[str, dict]:
    results: dict[str, dict] = {}
    outputs: dict[str, dict[str, str]] = {"as-is": {}, "line-filter": {}, "cleannews": {}}
    for doc in docs:
        outputs["as-is"][doc.id] = doc.input
        outputs["line-filter"][doc.id] = line_filter(doc.input)
        cleaned = clean(doc.input)
        outputs["cleannews"][doc.id] = cleaned.text
        if audit is not None:
            _audit_a(audit, doc, cleaned)
    for system, texts in outputs.items():
        scores = {d.id: token_prf(texts[d.id], d.expected) for d in docs}
        real = [scores[d.id] for d in docs if d.source_bytes >= REAL_PAGE_BYTES]
        results[system] = {"all": macro(scores.values()), "real": macro(real) if real else {}}
        results[system]["per_doc"] = {k: round(v[2], 4) for k, v in scores.items()}
    return results


def _audit_a(audit: Audit, doc: ReadabilityDoc, cleaned) -> None:
    expected = squash(doc.expected)
    expected_lines = {squash(line) for line in doc.expected.splitlines()}

    def hits(text: str) -> bool:
        text = squash(text)
        return len(text) >= MIN_AUDIT_CHARS and text in expected or text in expected_lines

    audit.removals(doc.id, "a", cleaned, hits)
    for span in cleaned.kept:
        text = squash(span.text)
        if len(text) >= MIN_AUDIT_CHARS and text not in expected:
            audit.kept.append((len(text), f"[a {doc.id}] {text[:160]}"))


def track_b(docs: list[SnippetDoc], clean, audit: Audit | None) -> dict[str, dict]:
    results: dict[str, dict] = {}
    for source, pick in (("full", lambda d: d.full), ("trafilatura", lambda d: d.extracted)):
        counts = {
            "as-is": SnippetCounts(),
            "line-filter": SnippetCounts(),
            "cleannews": SnippetCounts(),
        }
        for doc in docs:
            text = pick(doc)
            counts["as-is"].add(text, doc)
            counts["line-filter"].add(line_filter(text), doc)
            cleaned = clean(text)
            counts["cleannews"].add(cleaned.text, doc)
            if audit is not None:
                _audit_b(audit, doc, cleaned, f"b-{source}")
        results[source] = {k: v.summary() for k, v in counts.items()}
    return results


def _audit_b(audit: Audit, doc: SnippetDoc, cleaned, track: str) -> None:
    wanted = [squash(s) for s in doc.with_]
    unwanted = [squash(s) for s in doc.without]
    source = squash(cleaned.source)
    output = squash(cleaned.text)
    lost = [s for s in wanted if s in source and s not in output]

    def hits(text: str) -> bool:
        text = squash(text)
        return any(s in text or (len(text) >= MIN_AUDIT_CHARS and text in s) for s in lost)

    audit.removals(doc.id, track, cleaned, hits)
    for span in cleaned.kept:
        text = squash(span.text)
        if any(s in text for s in unwanted):
            audit.kept.append((len(text), f"[{track} {doc.id}] {text[:160]}"))


# -- report ----------------------------------------------------------------------------------


def _table_a(results: dict[str, dict]) -> str:
    rows = ["| system | P (all) | R (all) | F1 (all) | F1 (real) |", "|---|---|---|---|---|"]
    for system, r in results.items():
        a, real = r["all"], r["real"]
        real_f1 = real.get("f1", 0.0)
        rows.append(
            f"| {system} | {a['p']:.3f} | {a['r']:.3f} | **{a['f1']:.3f}** | {real_f1:.3f} |"
        )
    return "\n".join(rows)


def _table_b(results: dict[str, dict]) -> str:
    rows = [
        "| input | system | TP | FP | FN | TN | P | R | F1 | acc |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for source, systems in results.items():
        for system, s in systems.items():
            rows.append(
                f"| {source} | {system} | {s['tp']} | {s['fp']} | {s['fn']} | {s['tn']} "
                f"| {s['p']:.3f} | {s['r']:.3f} | **{s['f1']:.3f}** | {s['acc']:.3f} |"
            )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared/ folder")
    parser.add_argument("--limit", type=int, help="only the first N documents of each set")
    parser.add_argument("--tracks", default="a,b", help="comma-separated: a, b")
    parser.add_argument("--audit", type=Path, help="write the removal audit here")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    parser.add_argument(
        "--disable", default="", help="comma-separated detector names to switch off"
    )
    parser.add_argument("--no-language", action="store_true", help="detect_language=False")
    args = parser.parse_args(argv)

    from cleannews import Cleaner

    cleaner = Cleaner(disable=[n for n in args.disable.split(",") if n])
    detect = False if args.no_language else None

    def clean(text: str):
        return cleaner.clean(text, kind="text", detect_language=detect)

    audit = Audit() if args.audit else None
    tracks = set(args.tracks.split(","))
    out: dict[str, object] = {}
    if "a" in tracks:
        docs = load_readability(args.shared, args.limit)
        out["a"] = track_a(docs, clean, audit)
        print(f"## Track a: trafilatura output of readability-pages ({len(docs)} docs)\n")
        print(_table_a(out["a"]) + "\n")
    if "b" in tracks:
        docs_b = load_snippets(args.shared, args.limit)
        out["b"] = track_b(docs_b, clean, audit)
        print(f"## Track b: trafilatura-eval pages ({len(docs_b)} docs), snippet metric\n")
        print(_table_b(out["b"]) + "\n")
    if audit is not None:
        args.audit.write_text(audit.render(), "utf-8")
        print(f"audit written to {args.audit}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
