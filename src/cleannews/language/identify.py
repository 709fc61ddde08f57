"""Identify a document's language cheaply and deterministically.

The cost is bounded: identification reads at most ``sample_chars`` characters taken from the
longest blocks (most likely article prose). Scripts that name their language outright (kana,
hangul, Thai, ...) short-cut the statistical model. Backends: ``py3langid`` (fast, model in
its wheel) and ``langdetect`` (seeded, so deterministic); ``auto`` prefers py3langid.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol, Sequence

from ..text.blocks import Block
from .scripts import script_language

LANGDETECT_SEED = 0


class LanguageIdentifier(Protocol):
    def __call__(self, text: str) -> str | None: ...


def language_sample(blocks: Sequence[Block], sample_chars: int) -> str:
    """Text of the longest blocks, in document order, up to ``sample_chars`` characters."""
    if sample_chars <= 0:
        return ""
    longest = sorted(blocks, key=lambda b: (-len(b), b.index))
    chosen: list[Block] = []
    total = 0
    for block in longest:
        if total >= sample_chars:
            break
        chosen.append(block)
        total += len(block)
    chosen.sort(key=lambda b: b.index)
    return "\n".join(b.text for b in chosen)[:sample_chars]


def identify_language(text: str, backend: str = "auto") -> str | None:
    """ISO 639-1 code (``zh`` for Chinese) or ``None`` when there is nothing to go on."""
    if not text.strip():
        return None
    by_script = script_language(text)
    if by_script is not None:
        return by_script
    return make_identifier(backend)(text)


@cache
def make_identifier(backend: str) -> LanguageIdentifier:
    if backend in ("auto", "py3langid"):
        try:
            return _Py3LangId()
        except ImportError:
            if backend == "py3langid":
                raise
    return _LangDetect()


class _Py3LangId:
    def __init__(self) -> None:
        from py3langid.langid import MODEL_FILE
        from py3langid.langid import LanguageIdentifier as _Model

        # Our own instance: py3langid's module-level one is a lazily set global.
        self._model = _Model.from_model_file(MODEL_FILE, norm_probs=False)

    def __call__(self, text: str) -> str | None:
        code, _ = self._model.classify(text)
        return _normalise(code)


class _LangDetect:
    def __init__(self) -> None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)
        self._factory = factory

    def __call__(self, text: str) -> str | None:
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._factory.create()
        detector.seed = LANGDETECT_SEED  # langdetect is random unless seeded
        detector.append(text)
        try:
            return _normalise(detector.detect())
        except LangDetectException:
            return None


def _normalise(code: str | None) -> str | None:
    if not code or code == "unknown":
        return None
    return code.split("-")[0].lower()
