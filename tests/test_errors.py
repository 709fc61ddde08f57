"""Bad input is rejected with typed errors; everything derives from CleanNewsError."""

from __future__ import annotations

from typing import Iterator

import pytest

from cleannews import (
    CleanDocument,
    Cleaner,
    CleanerConfig,
    CleanNewsError,
    ConfigError,
    DecodingError,
    Detector,
    DetectorError,
    Finding,
    InputTooLargeError,
    InputTypeError,
    Kind,
    RecordTimeoutError,
    SerializationError,
    UnknownDetectorError,
)
from cleannews import errors as errors_module
from cleannews.page import Page

NO_DETECTORS = Cleaner([])


@pytest.mark.parametrize("source", [None, 42, 3.5, ["text"], {"text": "x"}, object()], ids=repr)
def test_non_text_input_raises_input_type_error(source: object) -> None:
    with pytest.raises(InputTypeError, match="str or bytes"):
        NO_DETECTORS.clean(source)  # type: ignore[arg-type]


def test_input_type_error_is_also_a_type_error() -> None:
    with pytest.raises(TypeError):
        NO_DETECTORS.clean(None)  # type: ignore[arg-type]


def test_bytearray_is_accepted() -> None:
    assert NO_DETECTORS.clean(bytearray(b"Plain text."), kind="text").text == "Plain text."


def test_unknown_kind_raises_config_error() -> None:
    with pytest.raises(ConfigError):
        NO_DETECTORS.clean("text", kind="xml")  # type: ignore[arg-type]


@pytest.mark.parametrize("source", ["x" * 11, b"x" * 11], ids=["str", "bytes"])
def test_too_large_input(source: str | bytes) -> None:
    small = Cleaner([], config=CleanerConfig(max_input_chars=10))
    with pytest.raises(InputTooLargeError, match="limit 10"):
        small.clean(source, kind="text")
    assert small.clean(source[:10], kind="text").source == "x" * 10  # the limit is inclusive


class Exploding(Detector):
    name = "exploding"
    kinds = frozenset({Kind.AD})

    def detect(self, page: Page) -> Iterator[Finding]:
        raise ZeroDivisionError("boom")


def test_detector_failure_is_wrapped() -> None:
    with pytest.raises(DetectorError) as info:
        Cleaner([Exploding()]).clean("Some text.", detect_language=False)
    assert info.value.detector == "exploding"
    assert isinstance(info.value.cause, ZeroDivisionError)
    assert "boom" in str(info.value)


def test_detector_failure_can_be_skipped() -> None:
    config = CleanerConfig(on_detector_error="skip", profile=True)
    doc = Cleaner([Exploding()], config=config).clean("Some text.", detect_language=False)
    assert doc.text == "Some text."
    assert "failed:exploding" in doc.timings


class OutOfBounds(Detector):
    name = "out_of_bounds"
    kinds = frozenset({Kind.AD})

    def detect(self, page: Page) -> Iterator[Finding]:
        yield Finding(0, len(page.source) + 5, Kind.AD, 1.0, self.name, "oob")


def test_findings_outside_the_source_are_dropped() -> None:
    doc = Cleaner([OutOfBounds()]).clean("Some text.", detect_language=False)
    assert doc.removed == () and doc.text == "Some text."


def test_unknown_detector_name() -> None:
    with pytest.raises(UnknownDetectorError):
        Cleaner(["no_such_detector"])
    with pytest.raises(KeyError):  # also a KeyError, as for a dict lookup
        Cleaner(disable=["no_such_detector"])


def test_bad_serialised_document() -> None:
    with pytest.raises(SerializationError):
        CleanDocument.from_json("{not json")


ERRORS = [
    InputTypeError,
    InputTooLargeError,
    DecodingError,
    ConfigError,
    UnknownDetectorError,
    DetectorError,
    SerializationError,
    RecordTimeoutError,
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: e.__name__)
def test_every_error_is_a_cleannews_error(error: type[Exception]) -> None:
    assert issubclass(error, CleanNewsError)


def test_error_list_is_complete() -> None:
    public = {
        obj
        for obj in vars(errors_module).values()
        if isinstance(obj, type) and issubclass(obj, CleanNewsError) and obj is not CleanNewsError
    }
    assert public == set(ERRORS)
