"""Counting a run as it streams: the final stats line and the ``--summary`` table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..kinds import REMOVED_KINDS, Kind
from .work import KindCount, Outcome

MB = 1_000_000
LEGEND = (
    "docs: documents that lost text of this kind; share: of all input characters;\n"
    'reasons: reason codes, each explained per span in the output\'s "explanation".'
)


@dataclass(slots=True)
class KindTally:
    docs: int = 0
    spans: int = 0
    chars: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    example: str = ""

    def add(self, count: KindCount) -> None:
        self.docs += 1
        self.spans += count.spans
        self.chars += count.chars
        self.reasons.update(dict(count.reasons))
        self.example = self.example or count.example


@dataclass(slots=True)
class RunStats:
    """Mutable tallies of one run (bounded: a fixed set of kinds, reason codes and error types)."""

    records: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0  # already done in a previous run (--resume)
    seconds: float = 0.0
    input_bytes: int = 0
    source_chars: int = 0
    kept_chars: int = 0
    docs_changed: int = 0
    kinds: dict[str, KindTally] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        self.records += 1
        if not outcome.ok:
            self.failed += 1
            self.errors[outcome.error] += 1
            return
        self.ok += 1
        self.input_bytes += outcome.input_bytes
        self.source_chars += outcome.source_chars
        self.kept_chars += outcome.kept_chars
        self.docs_changed += bool(outcome.removed)
        for count in outcome.removed:
            self.kinds.setdefault(count.kind, KindTally()).add(count)

    @property
    def removed_chars(self) -> int:
        return sum(t.chars for t in self.kinds.values())

    def line(self) -> str:
        """The one-line, grep-friendly account printed at the end of every run."""
        rate = self.input_bytes / MB / self.seconds if self.seconds > 0 else 0.0
        return (
            f"records={self.records} ok={self.ok} failed={self.failed} "
            f"skipped={self.skipped} seconds={self.seconds:.2f} MB/s={rate:.2f}"
        )


def summary_table(stats: RunStats) -> str:
    """What was removed, per kind, in words a newcomer can act on."""
    lines = [_headline(stats)]
    if stats.kinds:
        lines += ["", *_kind_rows(stats), "", LEGEND]
    if stats.errors:
        errors = ", ".join(f"{name} x{n}" for name, n in stats.errors.most_common())
        lines += ["", f"failed records: {errors} (details in the errors file)"]
    return "\n".join(lines)


def _headline(stats: RunStats) -> str:
    share = _pct(stats.removed_chars, stats.source_chars)
    return (
        f"cleaned {stats.ok} of {stats.records} records; {stats.docs_changed} had something "
        f"removed: {stats.removed_chars:,} of {stats.source_chars:,} characters ({share})."
    )


def _kind_rows(stats: RunStats) -> list[str]:
    header = ("kind", "docs", "spans", "chars", "share", "top reasons", "example")
    rows = [header]
    for kind in _ordered(stats.kinds):
        tally = stats.kinds[kind]
        reasons = ", ".join(f"{r} ({n})" for r, n in tally.reasons.most_common(3))
        rows.append(
            (
                kind,
                str(tally.docs),
                str(tally.spans),
                f"{tally.chars:,}",
                _pct(tally.chars, stats.source_chars),
                reasons,
                repr(tally.example),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    out = []
    for row in rows:
        cells = [
            c.ljust(w) if i in (0, 5) else c.rjust(w)
            for i, (c, w) in enumerate(zip(row[:-1], widths, strict=True))
        ]
        out.append("  ".join(cells + [row[-1]]).rstrip())
    return out


def _ordered(kinds: dict[str, KindTally]) -> list[str]:
    """Standard kinds in vocabulary order, then anything a plugin invented."""
    known = [k.value for k in Kind if k in REMOVED_KINDS and k.value in kinds]
    return known + sorted(set(kinds) - set(known))


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0.0%"
