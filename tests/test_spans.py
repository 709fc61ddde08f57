"""Finding, Span, Decision and DomRef: validation and dict round trips."""

from __future__ import annotations

import pytest

from cleannews import Decision, DomRef, Finding, Kind, Scope, SerializationError, Span


def make_finding(**changes) -> Finding:
    base = dict(start=2, end=9, kind=Kind.RELATED, score=0.9, detector="d", reason="d.marker")
    return Finding(**{**base, **changes})


@pytest.mark.parametrize(
    "changes",
    [{"start": -1}, {"end": 2}, {"end": 1}, {"score": -0.01}, {"score": 1.01}],
    ids=["negative-start", "empty", "reversed", "score-below-0", "score-above-1"],
)
def test_finding_rejects_bad_offsets_and_scores(changes: dict) -> None:
    with pytest.raises(ValueError):
        make_finding(**changes)


def test_finding_accepts_score_bounds() -> None:
    assert make_finding(score=0.0).score == 0.0
    assert make_finding(score=1.0).score == 1.0


def test_region_kind_defaults_to_kind() -> None:
    assert make_finding().follows_kind is Kind.RELATED
    marker = make_finding(scope=Scope.REGION, region_kind=Kind.COMMENTS)
    assert marker.follows_kind is Kind.COMMENTS


@pytest.mark.parametrize(
    "finding",
    [
        make_finding(),
        make_finding(explanation="a 'heading'", scope=Scope.REGION, region_kind=Kind.FOOTER),
    ],
)
def test_finding_round_trip(finding: Finding) -> None:
    data = finding.to_dict()
    assert data["kind"] == finding.kind.value and data["scope"] == finding.scope.value
    assert Finding.from_dict(data) == finding


def test_finding_from_dict_defaults_optional_fields() -> None:
    data = {"start": 0, "end": 3, "kind": "ad", "score": 0.7, "detector": "x", "reason": "x.y"}
    finding = Finding.from_dict(data)
    assert finding.scope is Scope.BLOCK and finding.region_kind is None
    assert finding.explanation == ""


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"start": 0, "end": 3, "kind": "nonsense", "score": 0.7, "detector": "x", "reason": "r"},
        {"start": 0, "end": 3, "kind": "ad", "score": "high", "detector": "x", "reason": "r"},
        {"start": 3, "end": 0, "kind": "ad", "score": 0.7, "detector": "x", "reason": "r"},
        {
            "start": 0,
            "end": 3,
            "kind": "ad",
            "score": 0.7,
            "detector": "x",
            "reason": "r",
            "scope": "page",
        },
        {"start": None, "end": 3, "kind": "ad", "score": 0.7, "detector": "x", "reason": "r"},
    ],
    ids=["empty", "bad-kind", "bad-score", "reversed", "bad-scope", "null-start"],
)
def test_finding_from_dict_errors_are_serialization_errors(data: dict) -> None:
    with pytest.raises(SerializationError):
        Finding.from_dict(data)


def test_span_round_trip_with_output_offsets_and_dom() -> None:
    span = Span(
        start=4,
        end=10,
        kind=Kind.CONTENT,
        text="kept 1",
        score=0.5,
        detectors=("a", "b"),
        reasons=("no-evidence",),
        explanation="why",
        output_start=0,
        output_end=6,
        dom=(DomRef(xpath="/html/body/p[1]", tag="p", id="x", classes=("c1", "c2")),),
    )
    data = span.to_dict()
    assert data["output_start"] == 0 and data["dom"][0]["classes"] == ["c1", "c2"]
    assert Span.from_dict(data) == span


def test_removed_span_dict_omits_output_offsets_and_dom() -> None:
    span = Span(start=0, end=3, kind=Kind.AD, text="Ad!", detectors=("ads",))
    data = span.to_dict()
    assert "output_start" not in data and "dom" not in data
    assert Span.from_dict(data) == span


def test_span_removed_follows_kind() -> None:
    assert Span(0, 1, Kind.FOOTER, "x").removed
    assert not Span(0, 1, Kind.TITLE, "x").removed
    assert not Span(0, 1, Kind.CONTENT, "x").removed


@pytest.mark.parametrize(
    "data",
    [
        {"start": 0},
        {"start": 0, "end": 1, "kind": "bogus", "text": "x"},
        {"start": 0, "end": 1, "kind": "ad", "text": "x", "dom": [{"tag": "p"}]},
    ],
    ids=["missing-fields", "bad-kind", "bad-dom"],
)
def test_span_from_dict_errors_are_serialization_errors(data: dict) -> None:
    with pytest.raises(SerializationError):
        Span.from_dict(data)


def test_decision_round_trip_keeps_findings() -> None:
    finding = make_finding(scope=Scope.REGION)
    decision = Decision(3, 2, 9, Kind.RELATED, 0.9, "finding", (finding,))
    assert decision.removed
    assert Decision.from_dict(decision.to_dict()) == decision


def test_decision_from_dict_error() -> None:
    with pytest.raises(SerializationError):
        Decision.from_dict({"block": 0, "start": 0, "end": 1, "kind": "x", "score": 1, "rule": "r"})


def test_records_are_frozen_and_hashable() -> None:
    finding = make_finding()
    with pytest.raises(AttributeError):
        finding.score = 0.1  # type: ignore[misc]
    assert len({finding, make_finding()}) == 1


def test_fast_constructors_build_genuine_frozen_records() -> None:
    import dataclasses
    import pickle

    from cleannews.spans import new_decision, new_finding, new_span

    finding = new_finding(2, 9, Kind.RELATED, 0.9, "d", "d.marker", "", Scope.REGION)
    decision = new_decision(0, 2, 9, Kind.RELATED, 0.9, "finding", (finding,))
    span = new_span(2, 9, Kind.CONTENT, "x" * 7, 0.0, (), ("no-evidence",), "e", 0, 7)
    expected = (
        make_finding(scope=Scope.REGION),
        Decision(0, 2, 9, Kind.RELATED, 0.9, "finding", (make_finding(scope=Scope.REGION),)),
        Span(2, 9, Kind.CONTENT, "x" * 7, 0.0, (), ("no-evidence",), "e", 0, 7),
    )
    for record, public in zip((finding, decision, span), expected, strict=True):
        assert type(record) is type(public) and record == public and hash(record) == hash(public)
        assert pickle.loads(pickle.dumps(record)) == record
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.start = 3  # type: ignore[misc]
    with pytest.raises(ValueError):  # the fast path keeps the constructor's validation
        new_finding(5, 5, Kind.AD, 0.9, "d", "r")
