"""The top-level flow: prepare -> detect -> resolve -> render."""

from __future__ import annotations

import re
import time
from operator import attrgetter
from typing import Any, Iterable, Literal

from .config import CleanerConfig
from .detectors.base import Detector
from .detectors.registry import DetectorSpec, build_detectors
from .document import (
    FLAG_GUARD_KEPT_EVIDENCE,
    FLAG_OVER_REMOVAL_GUARD,
    CleanDocument,
    new_document,
)
from .errors import (
    ConfigError,
    DetectorError,
    InputTooLargeError,
    InputTypeError,
    RecordTimeoutError,
)
from .kinds import Kind
from .language.identify import identify_language, language_sample
from .page import Page
from .render import render
from .resolve.resolver import Resolution, resolve
from .spans import Finding, Span
from .text.decode import decode_bytes

InputKind = Literal["auto", "text", "html"]
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|span|table|ul|h[1-6]|script|style|link|!--)\b",
    re.IGNORECASE | re.DOTALL,
)
_TITLE = Kind.TITLE  # a module-level name: ``Kind.TITLE`` is an enum attribute lookup
_END = attrgetter("end")
_HTML_ANYWHERE = re.compile(r"<(?:html|body|div|p|br|article)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Markup at the very start, or several block tags early on."""
    head = text[:4096].lstrip("\ufeff")
    return bool(_HTML_START.match(head)) or len(_HTML_ANYWHERE.findall(head)) >= 3


class Cleaner:
    """A reusable, thread-safe cleaner: build it once, call :meth:`clean` many times.

    ``detectors``: instances, classes or registered names (default: every built-in);
    ``extra``: detectors added to those; ``disable``: names switched off.
    """

    def __init__(
        self,
        detectors: Iterable[DetectorSpec] | None = None,
        *,
        extra: Iterable[DetectorSpec] = (),
        disable: Iterable[str] = (),
        config: CleanerConfig | None = None,
    ) -> None:
        self.config = config or CleanerConfig()
        self.detectors: tuple[Detector, ...] = build_detectors(detectors, disable, extra)

    def __repr__(self) -> str:
        names = ", ".join(d.name for d in self.detectors)
        return f"Cleaner(detectors=[{names}])"

    def clean(
        self,
        source: str | bytes,
        *,
        kind: InputKind = "auto",
        detect_language: bool | None = None,
        language: str | None = None,
        url: str | None = None,
        charset: str | None = None,
    ) -> CleanDocument:
        """Clean ``source`` (plain text or HTML, ``str`` or ``bytes``).

        ``language`` skips identification; ``detect_language=False`` leaves it ``None``.
        ``charset`` is the transport's declared encoding (HTTP ``Content-Type``) for bytes: it
        ranks after a BOM and before the page's own ``<meta charset>``, as in a browser.
        """
        timings: dict[str, float] = {}
        started = time.perf_counter()
        page = self._prepare(source, kind, url, charset)
        if language is None and self._wants_language(detect_language):
            language = self._identify(page)
        if language is not None:
            page = _with_language(page, language)
        self._tick(timings, "prepare", started)
        findings = self._detect(page, timings)
        mark = time.perf_counter()
        resolution = resolve(page.source, page.blocks, findings, self.config)
        rendered = render(page.source, resolution.units, resolution.decisions)
        self._tick(timings, "resolve+render", mark)
        title = page.metadata.get("title") or _first_title(rendered.spans)
        return new_document(
            page.source,
            rendered.text,
            _with_dom(page, rendered.spans),
            title,
            page.language,
            page.input_kind,
            _flags(resolution),
            resolution.decisions if self.config.keep_decisions else (),
            dict(page.metadata),
            timings,
        )

    # -- stages -------------------------------------------------------------------------

    def _prepare(
        self, source: str | bytes, kind: InputKind, url: str | None, charset: str | None
    ) -> Page:
        if not isinstance(source, (str, bytes, bytearray)):
            raise InputTypeError(f"expected str or bytes, got {type(source).__name__}")
        if kind not in ("auto", "text", "html"):
            raise ConfigError(f"kind must be 'auto', 'text' or 'html', got {kind!r}")
        if len(source) > self.config.max_input_chars:
            limit = self.config.max_input_chars
            raise InputTooLargeError(f"input has {len(source):,} characters, limit {limit:,}")
        metadata: dict[str, Any] = {"url": url} if url else {}
        if charset:
            metadata["http_charset"] = charset
        is_html = kind == "html" or (kind == "auto" and _sniff_html(source))
        if is_html:
            from .html import prepare_html_page

            return prepare_html_page(source, metadata, self.config)
        if isinstance(source, (bytes, bytearray)):
            text, encoding = decode_bytes(bytes(source), declared=charset)
            metadata["encoding"] = encoding
        else:
            text = source
        return Page.from_text(text, input_kind="text", metadata=metadata)

    def _wants_language(self, detect_language: bool | None) -> bool:
        return self.config.detect_language if detect_language is None else detect_language

    def _identify(self, page: Page) -> str | None:
        if page.language:
            return page.language
        sample = language_sample(page.blocks, self.config.language_sample_chars)
        return identify_language(sample, self.config.language_backend)

    def _detect(self, page: Page, timings: dict[str, float]) -> list[Finding]:
        findings: list[Finding] = []
        profile = self.config.profile  # no clock reads or stage names unless asked for
        for detector in self.detectors:
            if page.input_kind not in detector.input_kinds:
                continue
            mark = time.perf_counter() if profile else 0.0
            try:
                findings.extend(detector.detect(page))
            except RecordTimeoutError as exc:  # the whole record is out of time, not one detector
                raise DetectorError(detector.name, exc) from exc
            except Exception as exc:  # a detector bug must not lose the document silently
                if self.config.on_detector_error == "raise":
                    raise DetectorError(detector.name, exc) from exc
                timings[f"failed:{detector.name}"] = 0.0
            if profile:
                self._tick(timings, f"detector:{detector.name}", mark)
        return _in_bounds(findings, len(page.source))

    def _tick(self, timings: dict[str, float], name: str, since: float) -> None:
        if self.config.profile:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - since


def _flags(resolution: Resolution) -> tuple[str, ...]:
    if resolution.guarded:
        return (FLAG_OVER_REMOVAL_GUARD,)
    if resolution.guard_restored_evidence:
        return (FLAG_GUARD_KEPT_EVIDENCE,)
    return ()


def _sniff_html(source: str | bytes) -> bool:
    head = source[:4096]
    if isinstance(head, (bytes, bytearray)):
        head = bytes(head).decode("utf-8", errors="replace")
    return looks_like_html(head)


def _with_language(page: Page, language: str) -> Page:
    # The memo goes along: what ``_prepare`` put there (the casefolded block texts) describes
    # the same source and blocks, and the block features would otherwise fold them again.
    return Page(
        source=page.source,
        blocks=page.blocks,
        language=language,
        input_kind=page.input_kind,
        metadata=page.metadata,
        html=page.html,
        memo=page.memo,
    )


def _in_bounds(findings: list[Finding], length: int) -> list[Finding]:
    """Drop findings a (third-party) detector placed outside the source (checked at C speed
    first: there are none on nearly every page)."""
    if not findings or max(map(_END, findings)) <= length:
        return findings
    return [f for f in findings if f.end <= length]


def _first_title(spans: tuple[Span, ...]) -> str | None:
    for span in spans:
        if span.kind is _TITLE:
            return span.text
    return None


def _with_dom(page: Page, spans: tuple[Any, ...]) -> tuple[Any, ...]:
    if page.html is None:
        return spans
    return tuple(page.html.attach_dom(span) for span in spans)
