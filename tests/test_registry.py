"""Detector registry: decorator, lookup by name, instance/class/name specs, disable, duplicates."""

from __future__ import annotations

from typing import Iterator

import pytest

from cleannews import Cleaner, ConfigError, Detector, Kind, UnknownDetectorError
from cleannews.detectors import registry
from cleannews.detectors.registry import (
    available_detectors,
    build_detectors,
    builtin_detectors,
    default_detector_names,
    get_detector_class,
    instantiate,
    register_detector,
)
from cleannews.page import Page
from cleannews.spans import Finding


class Quiet(Detector):
    name = "quiet_test_detector"
    kinds = frozenset({Kind.AD})

    def detect(self, page: Page) -> Iterator[Finding]:
        return iter(())


class Other(Quiet):
    name = "other_test_detector"


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> dict:
    """A copy of the built-in registry that the test may extend; restored afterwards."""
    scratch = builtin_detectors()  # imports (and so registers) the real built-ins first
    monkeypatch.setattr(registry, "_BUILTINS", scratch)
    return scratch


def test_builtins_are_registered_detector_classes() -> None:
    builtins = builtin_detectors()
    assert builtins, "no built-in detector registered"
    for name, cls in builtins.items():
        assert issubclass(cls, Detector) and cls.name == name
        assert cls.kinds and all(isinstance(k, Kind) for k in cls.kinds)
    assert default_detector_names() == tuple(builtins)


def test_builtin_detectors_returns_a_copy() -> None:
    builtin_detectors()["intruder"] = Quiet
    assert "intruder" not in builtin_detectors()


def test_decorator_registers_and_returns_the_class(scratch_registry: dict) -> None:
    assert register_detector(Quiet) is Quiet
    assert get_detector_class("quiet_test_detector") is Quiet
    assert "quiet_test_detector" in available_detectors()
    assert register_detector(Quiet) is Quiet  # registering the same class again is harmless


def test_decorator_rejects_a_second_class_under_a_taken_name(scratch_registry: dict) -> None:
    register_detector(Quiet)

    class Impostor(Quiet):
        name = "quiet_test_detector"

    with pytest.raises(ConfigError, match="already registered"):
        register_detector(Impostor)


@pytest.mark.parametrize("name", [None, "", 3])
def test_decorator_needs_a_name(scratch_registry: dict, name: object) -> None:
    nameless = type("Nameless", (Quiet,), {"name": name})
    with pytest.raises(ConfigError, match="name"):
        register_detector(nameless)


def test_unknown_name_lists_known_ones() -> None:
    with pytest.raises(UnknownDetectorError, match="known:"):
        get_detector_class("no_such_detector")


@pytest.mark.parametrize("spec", [Quiet(), Quiet], ids=["instance", "class"])
def test_instance_and_class_specs(spec: object) -> None:
    detector = instantiate(spec)  # type: ignore[arg-type]
    assert isinstance(detector, Quiet)
    if isinstance(spec, Detector):
        assert detector is spec


def test_name_spec(scratch_registry: dict) -> None:
    register_detector(Quiet)
    cleaner = Cleaner(["quiet_test_detector", Other])
    assert [d.name for d in cleaner.detectors] == ["quiet_test_detector", "other_test_detector"]


@pytest.mark.parametrize("spec", [3, object(), int, None], ids=repr)
def test_non_detector_specs_are_config_errors(spec: object) -> None:
    with pytest.raises(ConfigError):
        Cleaner([spec])  # type: ignore[list-item]


def test_default_is_every_builtin_and_extra_adds() -> None:
    names = [d.name for d in Cleaner(extra=[Quiet]).detectors]
    assert names == [*default_detector_names(), "quiet_test_detector"]


def test_disable_by_name() -> None:
    victim = default_detector_names()[0]
    names = [d.name for d in Cleaner(disable=[victim]).detectors]
    assert victim not in names
    assert len(names) == len(default_detector_names()) - 1


def test_disable_a_non_builtin_given_detector() -> None:
    assert build_detectors([Quiet, Other], disable=["quiet_test_detector"])[0].name == (
        "other_test_detector"
    )


def test_disable_unknown_name_is_an_error() -> None:
    with pytest.raises(UnknownDetectorError, match="typo_detector"):
        Cleaner(disable=["typo_detector"])


def test_unknown_name_in_detectors_or_extra() -> None:
    with pytest.raises(UnknownDetectorError):
        Cleaner(["no_such_detector"])
    with pytest.raises(UnknownDetectorError):
        Cleaner([], extra=["no_such_detector"])


def test_duplicate_names_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="given twice"):
        Cleaner([Quiet, Quiet()])
    with pytest.raises(ConfigError, match="given twice"):
        Cleaner(extra=[default_detector_names()[0]])


def test_empty_detector_list_keeps_everything() -> None:
    cleaner = Cleaner([])
    assert cleaner.detectors == ()
    assert cleaner.clean("Advertisement\nText.", detect_language=False).removed == ()


def test_repr_lists_detectors() -> None:
    assert repr(Cleaner([Quiet])) == "Cleaner(detectors=[quiet_test_detector])"
    assert repr(Quiet()) == "Quiet(name='quiet_test_detector')"
