"""CleanDocument: views, flags and (de)serialisation."""

from __future__ import annotations

import json
from typing import Iterator

import pytest

from cleannews import CleanDocument, Cleaner, CleanerConfig, Detector, Kind, SerializationError
from cleannews.document import FORMAT_VERSION
from cleannews.page import Page
from cleannews.spans import Finding, Scope

SOURCE = (
    "A Headline\n"
    "The council voted on Tuesday to approve the new budget for schools.\n"
    "Advertisement\n"
    "Comments (3)\n"
    "Great article!\n"
)


class LineDetector(Detector):
    """Flags whole lines listed in ``LINES`` (test double)."""

    name = "lines"
    kinds = frozenset({Kind.AD, Kind.COMMENTS, Kind.TITLE})
    LINES = {
        "Advertisement": (Kind.AD, Scope.BLOCK),
        "Comments (3)": (Kind.COMMENTS, Scope.REGION),
        "A Headline": (Kind.TITLE, Scope.BLOCK),
    }

    def detect(self, page: Page) -> Iterator[Finding]:
        for block in page.blocks:
            if block.text in self.LINES:
                kind, scope = self.LINES[block.text]
                yield self.finding(block, kind, 0.9, f"lines.{kind.value}", "listed", scope=scope)


CLEANER = Cleaner([LineDetector()], config=CleanerConfig(region_min_preceding_words=0))


@pytest.fixture(scope="module")
def doc() -> CleanDocument:
    return CLEANER.clean(SOURCE, detect_language=False, url="https://example.org/a")


def test_views(doc: CleanDocument) -> None:
    assert [s.kind for s in doc.removed] == [Kind.AD, Kind.COMMENTS]
    assert [s.kind for s in doc.kept] == [Kind.TITLE, Kind.CONTENT]
    assert doc.title == "A Headline"
    assert doc.text == (
        "A Headline\nThe council voted on Tuesday to approve the new budget for schools."
    )
    assert doc.metadata == {"url": "https://example.org/a"}
    assert not doc.guarded


def test_removed_by_kind_counts_characters(doc: CleanDocument) -> None:
    assert doc.removed_by_kind() == {
        Kind.AD: len("Advertisement"),
        Kind.COMMENTS: len("Comments (3)\nGreat article!"),
    }


def test_to_dict_is_json_ready(doc: CleanDocument) -> None:
    data = doc.to_dict()
    assert data["format_version"] == FORMAT_VERSION and data["offset_unit"] == "codepoint"
    assert json.loads(json.dumps(data)) == data
    assert [s["kind"] for s in data["spans"]] == ["title", "content", "ad", "comments"]


def test_dict_and_json_round_trips(doc: CleanDocument) -> None:
    assert CleanDocument.from_dict(doc.to_dict()) == doc
    assert CleanDocument.from_json(doc.to_json()) == doc
    assert CleanDocument.from_json(doc.to_json(indent=2)).to_dict() == doc.to_dict()


def test_to_json_keeps_non_ascii() -> None:
    doc = CLEANER.clean("Überschrift 日本語 😀", detect_language=False)
    assert "😀" in doc.to_json() and "\\u" not in doc.to_json()
    assert CleanDocument.from_json(doc.to_json()) == doc


def test_timings_do_not_affect_equality() -> None:
    profiled = Cleaner([LineDetector()], config=CleanerConfig(profile=True))
    first = profiled.clean(SOURCE, detect_language=False)
    assert first.timings and all(v >= 0 for v in first.timings.values())
    assert first == Cleaner([LineDetector()]).clean(SOURCE, detect_language=False)


def test_decisions_can_be_dropped() -> None:
    lean = Cleaner([LineDetector()], config=CleanerConfig(keep_decisions=False))
    doc = lean.clean(SOURCE, detect_language=False)
    assert doc.decisions == ()
    # Too few words precede "Comments (3)" for it to open a region: only the marker goes.
    assert [s.text for s in doc.removed] == ["Advertisement", "Comments (3)"]
    assert CleanDocument.from_dict(doc.to_dict()) == doc


def test_from_dict_minimal_document() -> None:
    doc = CleanDocument.from_dict({"source": "a", "text": "a", "spans": []})
    assert doc == CleanDocument(source="a", text="a", spans=())


BAD_DICTS = [
    {},
    {"source": "a", "text": "a"},
    {"source": "a", "text": "a", "spans": None},
    {"source": "a", "text": "a", "spans": [{"start": 0}]},
    {"source": "a", "text": "a", "spans": [], "format_version": 99},
    {"source": "a", "text": "a", "spans": [], "decisions": [{"block": 0}]},
    {"source": "a", "text": "a", "spans": [], "flags": 3},
    {"source": "a", "text": "a", "spans": [], "metadata": 3},
    {"source": "a", "text": "a", "spans": [], "metadata": "ab"},
    {"source": "a", "text": "a", "spans": ["not a span"]},
]


@pytest.mark.parametrize("data", BAD_DICTS, ids=range(len(BAD_DICTS)))
def test_from_dict_errors_are_serialization_errors(data: dict) -> None:
    with pytest.raises(SerializationError):
        CleanDocument.from_dict(data)


@pytest.mark.parametrize("payload", [[], "text", 3, None], ids=repr)
def test_from_dict_rejects_non_mappings(payload: object) -> None:
    with pytest.raises(SerializationError):
        CleanDocument.from_dict(payload)  # type: ignore[arg-type]


INFINITE_OFFSET = (
    '{"source": "a", "text": "", "spans": [{"start": Infinity, "end": 1, "kind": "ad", '
    '"text": "a"}]}'
)


@pytest.mark.parametrize(
    "text", ["", "{", "[1, 2]", '"doc"', "null", '{"source": 1}', INFINITE_OFFSET]
)
def test_from_json_errors_are_serialization_errors(text: str) -> None:
    with pytest.raises(SerializationError):
        CleanDocument.from_json(text)


@pytest.mark.parametrize("payload", [None, 42])
def test_from_json_rejects_non_text(payload: object) -> None:
    with pytest.raises(SerializationError):
        CleanDocument.from_json(payload)  # type: ignore[arg-type]


def test_repr_html_is_the_display_view(doc: CleanDocument) -> None:
    from cleannews.display import document_html

    assert doc._repr_html_() == document_html(doc)


def test_fast_constructor_builds_the_same_document() -> None:
    from cleannews.document import new_document

    doc = CLEANER.clean(SOURCE, detect_language=False)
    fields = (doc.source, doc.text, doc.spans, doc.title, doc.language, doc.input_kind)
    rest = (doc.flags, doc.decisions, dict(doc.metadata), {})
    built = new_document(*fields, *rest)
    assert type(built) is CleanDocument and built == doc and built.to_dict() == doc.to_dict()
    assert built == CleanDocument(*fields, *rest)
