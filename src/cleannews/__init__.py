"""cleannews: clean scraped news and blog pages, with provenance for every removal.

>>> import cleannews
>>> doc = cleannews.clean("Headline\\nThe article text.\\nRelated Articles\\nOther story")
>>> doc.text, [s.kind.value for s in doc.removed]   # doctest: +SKIP
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .cleaner import Cleaner, InputKind, looks_like_html
from .config import CleanerConfig
from .detectors import Detector, PhraseDetector, register_detector
from .document import CleanDocument
from .errors import (
    CleanNewsError,
    ConfigError,
    DecodingError,
    DetectorError,
    InputTooLargeError,
    InputTypeError,
    RecordTimeoutError,
    SerializationError,
    UnknownDetectorError,
)
from .kinds import Kind
from .page import Page
from .spans import Decision, DomRef, Finding, Scope, Span

__version__ = "0.1.0"


@lru_cache(maxsize=1)
def _default_cleaner() -> Cleaner:
    return Cleaner()


def clean(
    source: str | bytes,
    *,
    kind: InputKind = "auto",
    detect_language: bool = True,
    language: str | None = None,
    url: str | None = None,
    charset: str | None = None,
    **cleaner_options: Any,
) -> CleanDocument:
    """Clean one document with the built-in detectors (see :class:`Cleaner` for options)."""
    cleaner = Cleaner(**cleaner_options) if cleaner_options else _default_cleaner()
    return cleaner.clean(
        source,
        kind=kind,
        detect_language=detect_language,
        language=language,
        url=url,
        charset=charset,
    )


__all__ = [
    "CleanDocument",
    "CleanNewsError",
    "Cleaner",
    "CleanerConfig",
    "ConfigError",
    "Decision",
    "DecodingError",
    "Detector",
    "DetectorError",
    "DomRef",
    "Finding",
    "InputKind",
    "InputTooLargeError",
    "InputTypeError",
    "RecordTimeoutError",
    "Kind",
    "Page",
    "PhraseDetector",
    "Scope",
    "SerializationError",
    "Span",
    "UnknownDetectorError",
    "__version__",
    "clean",
    "looks_like_html",
    "register_detector",
]
