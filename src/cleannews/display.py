"""Notebook views of a cleaned document: highlighted source and a span table.

Everything here is presentation only. The HTML uses inline styles (no stylesheet, no scripts,
no external assets) so that it renders the same in Jupyter, in a report file and in an e-mail.
"""

from __future__ import annotations

import html
from typing import Any, Iterable

from .document import CleanDocument
from .kinds import REMOVED_KINDS, Kind
from .spans import Span

# One colour per removed kind, chosen to stay readable behind black text.
KIND_COLOURS: dict[Kind, str] = {
    Kind.RELATED: "#ffd6a5",
    Kind.COMMENTS: "#caffbf",
    Kind.AD: "#ffadad",
    Kind.FOOTER: "#bdb2ff",
    Kind.WIDGET: "#9bf6ff",
    Kind.NAV: "#fdffb6",
    Kind.DEBRIS: "#d0d0d0",
    Kind.DUPLICATE: "#ffc6ff",
}
UNKNOWN_COLOUR = "#eeeeee"
TABLE_COLUMNS = (
    "start",
    "end",
    "kind",
    "removed",
    "score",
    "detectors",
    "reasons",
    "explanation",
    "text",
)
# C0 controls (bar tab/newline/CR) cannot appear in HTML text: show their "control picture".
_CONTROL_PICTURES = {c: 0x2400 + c for c in range(0x20) if chr(c) not in "\t\n\r"}
_CONTROL_PICTURES[0x7F] = 0x2421
_MONO = "font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px"


def colour(kind: Kind) -> str:
    return KIND_COLOURS.get(kind, UNKNOWN_COLOUR)


def escape_text(text: str) -> str:
    """HTML-escape ``text`` and make control characters visible (never raw in the markup)."""
    return html.escape(text.translate(_CONTROL_PICTURES), quote=True)


def span_tooltip(span: Span) -> str:
    lines = [
        f"kind: {span.kind.value}",
        f"score: {span.score:.2f}",
        f"detectors: {', '.join(span.detectors) or '-'}",
        f"reasons: {', '.join(span.reasons) or '-'}",
    ]
    if span.explanation:
        lines.append(f"why: {span.explanation}")
    return "\n".join(lines)


def legend_html(kinds: Iterable[Kind] | None = None) -> str:
    """A row of coloured swatches, one per removed kind (all of them by default)."""
    shown = [k for k in Kind if k in set(kinds if kinds is not None else REMOVED_KINDS)]
    items = "".join(
        f'<span style="background:{colour(k)};padding:1px 6px;margin-right:6px;'
        f'border-radius:3px">{escape_text(k.value)}</span>'
        for k in shown
    )
    return f'<div class="cleannews-legend" style="margin:4px 0">removed: {items}</div>'


def _removed_mark(source: str, span: Span) -> str:
    tip = escape_text(span_tooltip(span)).replace("\n", "&#10;")
    body = escape_text(source[span.start : span.end])
    return (
        f'<mark class="cleannews-removed cleannews-{escape_text(span.kind.value)}" '
        f'data-kind="{escape_text(span.kind.value)}" title="{tip}" '
        f'style="background:{colour(span.kind)};text-decoration:line-through;'
        f'text-decoration-color:rgba(0,0,0,.35)">{body}</mark>'
    )


def source_html(doc: CleanDocument) -> str:
    """The source with removed spans highlighted; kept text and gaps stay plain."""
    parts: list[str] = []
    position = 0
    for span in doc.spans:  # spans are sorted and disjoint
        if span.start < position:
            continue  # defensive: a malformed (hand-made) document must still display
        parts.append(escape_text(doc.source[position : span.start]))
        if span.removed:
            parts.append(_removed_mark(doc.source, span))
        else:
            parts.append(escape_text(doc.source[span.start : span.end]))
        position = span.end
    parts.append(escape_text(doc.source[position:]))
    return "".join(parts)


def summary_line(doc: CleanDocument) -> str:
    total = len(doc.source)
    removed = sum(s.end - s.start for s in doc.removed)
    share = f" ({100 * removed / total:.1f}%)" if total else ""
    bits = [
        f"{len(doc.removed)} removed span(s), {removed:,} of {total:,} chars{share}",
        f"language: {doc.language or '?'}",
        f"input: {doc.input_kind}",
    ]
    if doc.flags:
        bits.append(f"flags: {', '.join(doc.flags)}")
    return " · ".join(escape_text(b) for b in bits)


def document_html(doc: CleanDocument, *, legend: bool = True, header: bool = True) -> str:
    """Rich HTML of ``doc.source`` with every removed span highlighted by kind.

    Hovering a highlighted span shows its kind, score, detectors, reasons and explanation.
    """
    head = ""
    if header:
        title = f"<strong>{escape_text(doc.title)}</strong><br>" if doc.title else ""
        head = f'<div style="margin-bottom:4px">{title}{summary_line(doc)}</div>'
    kinds = {s.kind for s in doc.removed}
    return (
        '<div class="cleannews-document">'
        f"{head}{legend_html(kinds) if legend and kinds else ''}"
        f'<div class="cleannews-source" style="white-space:pre-wrap;{_MONO};'
        'border:1px solid #ddd;padding:6px;line-height:1.45">'
        f"{source_html(doc)}</div></div>"
    )


def span_rows(doc: CleanDocument, *, removed_only: bool = False) -> list[dict[str, Any]]:
    spans = doc.removed if removed_only else doc.spans
    return [
        {
            "start": s.start,
            "end": s.end,
            "kind": s.kind.value,
            "removed": s.removed,
            "score": s.score,
            "detectors": ", ".join(s.detectors),
            "reasons": ", ".join(s.reasons),
            "explanation": s.explanation,
            "text": s.text,
        }
        for s in spans
    ]


class SpanTable(list[dict[str, Any]]):
    """A list of span rows (dicts) that renders as an HTML table in notebooks."""

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{c}</th>" for c in TABLE_COLUMNS)
        rows = []
        for row in self:
            style = f' style="background:{colour(Kind(row["kind"]))}"' if row["removed"] else ""
            cells = "".join(f"<td>{escape_text(str(row[c]))}</td>" for c in TABLE_COLUMNS)
            rows.append(f"<tr{style}>{cells}</tr>")
        return (
            '<table class="cleannews-spans" style="border-collapse:collapse">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )


def spans_table(doc: CleanDocument, *, removed_only: bool = False) -> Any:
    """The spans as a pandas ``DataFrame`` if pandas is installed, else a :class:`SpanTable`."""
    rows = span_rows(doc, removed_only=removed_only)
    try:
        import pandas as pd
    except ImportError:
        return SpanTable(rows)
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
