"""Typed errors. Everything cleannews raises on bad input derives from :class:`CleanNewsError`."""

from __future__ import annotations


class CleanNewsError(Exception):
    """Base class of every error cleannews raises on purpose."""


class InputTypeError(CleanNewsError, TypeError):
    """The input is neither ``str`` nor ``bytes`` (or a kind that cannot be cleaned)."""


class InputTooLargeError(CleanNewsError, ValueError):
    """The input is larger than ``CleanerConfig.max_input_chars``."""


class DecodingError(CleanNewsError, ValueError):
    """Bytes could not be decoded into text."""


class ConfigError(CleanNewsError, ValueError):
    """A configuration value is invalid."""


class UnknownDetectorError(CleanNewsError, KeyError):
    """A detector name is neither built in nor registered through an entry point."""


class DetectorError(CleanNewsError, RuntimeError):
    """A detector raised while inspecting a document."""

    def __init__(self, detector: str, cause: BaseException) -> None:
        super().__init__(f"detector {detector!r} failed: {type(cause).__name__}: {cause}")
        self.detector = detector
        self.cause = cause


class SerializationError(CleanNewsError, ValueError):
    """A serialised document or span is malformed."""


class RecordTimeoutError(CleanNewsError, TimeoutError):
    """Cleaning one batch record took longer than its time limit (``--record-timeout``)."""
