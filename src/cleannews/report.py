"""A single shareable HTML file summarising many cleaned documents.

The file is self-contained (inline CSS, no scripts, no external assets): it can be mailed,
attached to an issue or opened offline. Each document is a collapsible ``<details>`` section
showing its source with removals highlighted (:func:`cleannews.display.document_html`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .display import colour, document_html, escape_text, legend_html
from .document import CleanDocument
from .errors import ConfigError
from .kinds import Kind

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#222}
table.totals{border-collapse:collapse;margin:8px 0 16px}
table.totals th,table.totals td{border:1px solid #ccc;padding:3px 10px;text-align:right}
table.totals th:first-child,table.totals td:first-child{text-align:left}
details{border:1px solid #ddd;border-radius:4px;margin:6px 0;padding:4px 8px}
details>summary{cursor:pointer}
.muted{color:#777}
""".strip()


@dataclass
class KindTotals:
    spans: int = 0
    chars: int = 0
    documents: int = 0


@dataclass
class ReportSummary:
    documents: int = 0
    source_chars: int = 0
    removed_chars: int = 0
    guarded: int = 0
    by_kind: dict[Kind, KindTotals] = field(default_factory=dict)

    def add(self, doc: CleanDocument) -> None:
        self.documents += 1
        self.source_chars += len(doc.source)
        self.guarded += doc.guarded
        seen: set[Kind] = set()
        for span in doc.removed:
            totals = self.by_kind.setdefault(span.kind, KindTotals())
            totals.spans += 1
            totals.chars += span.end - span.start
            self.removed_chars += span.end - span.start
            if span.kind not in seen:
                totals.documents += 1
                seen.add(span.kind)


def summarise(docs: Iterable[CleanDocument]) -> ReportSummary:
    summary = ReportSummary()
    for doc in docs:
        summary.add(doc)
    return summary


def report_html(docs: Iterable[CleanDocument], titles: Sequence[str | None] | None = None) -> str:
    """The report as one HTML string (see :func:`write_report`)."""
    docs = list(docs)
    if titles is not None and len(titles) != len(docs):
        raise ConfigError(f"got {len(titles)} title(s) for {len(docs)} document(s)")
    summary = summarise(docs)
    sections = "\n".join(
        _document_section(i, doc, titles[i] if titles is not None else None)
        for i, doc in enumerate(docs)
    )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>cleannews report ({summary.documents} documents)</title>"
        f"<style>{_CSS}</style></head><body>\n"
        f"<h1>cleannews report</h1>\n{_overview(summary)}\n{legend_html()}\n"
        f"<h2>Documents</h2>\n{sections}\n</body></html>\n"
    )


def write_report(
    docs: Iterable[CleanDocument], path: str | Path, titles: Sequence[str | None] | None = None
) -> Path:
    """Write a self-contained HTML report on ``docs`` to ``path``; return the path.

    ``titles`` (one per document, ``None`` for the default) label the sections; by default a
    section is labelled with the document's title, else its URL, else its number.
    """
    target = Path(path)
    target.write_text(report_html(docs, titles), encoding="utf-8")
    return target


def _overview(summary: ReportSummary) -> str:
    share = summary.removed_chars / summary.source_chars if summary.source_chars else 0.0
    rows = "".join(
        f'<tr><td><span style="background:{colour(kind)};padding:0 6px">'
        f"{escape_text(kind.value)}</span></td><td>{t.documents:,}</td><td>{t.spans:,}</td>"
        f"<td>{t.chars:,}</td></tr>"
        for kind in Kind
        if (t := summary.by_kind.get(kind)) is not None
    )
    table = (
        '<table class="totals"><thead><tr><th>kind</th><th>documents</th><th>spans</th>'
        f"<th>chars removed</th></tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else '<p class="muted">Nothing was removed.</p>'
    )
    return (
        f"<p>{summary.documents:,} document(s), {summary.source_chars:,} source chars, "
        f"{summary.removed_chars:,} removed ({100 * share:.1f}%), "
        f"{summary.guarded:,} kept by the over-removal guard.</p>\n{table}"
    )


def _document_section(index: int, doc: CleanDocument, title: str | None) -> str:
    label = title or doc.title or doc.metadata.get("url") or f"Document {index + 1}"
    removed = sum(s.end - s.start for s in doc.removed)
    kinds = sorted({s.kind.value for s in doc.removed})
    detail = f"{removed:,} of {len(doc.source):,} chars removed"
    if kinds:
        detail += f": {', '.join(kinds)}"
    return (
        f'<details id="doc-{index + 1}"><summary><strong>{index + 1}. '
        f"{escape_text(str(label))}</strong> "
        f'<span class="muted">{escape_text(detail)}</span></summary>'
        f"{document_html(doc, legend=False)}</details>"
    )
