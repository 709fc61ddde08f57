"""Run one DOM detector on a small HTML snippet: ``{line text: kind value}`` of its findings."""

from __future__ import annotations

from cleannews.config import CleanerConfig
from cleannews.html import prepare_html_page

PROSE = (
    "<p>The council approved the new budget on Tuesday after a long debate about schools, "
    "roads and the future of the public library in the old town centre.</p>"
)


def run(detector, html: str) -> dict[str, str]:
    page = prepare_html_page(html, {}, CleanerConfig())
    found: dict[str, str] = {}
    for finding in detector.detect(page):
        found[page.source[finding.start : finding.end]] = finding.kind.value
    return found
