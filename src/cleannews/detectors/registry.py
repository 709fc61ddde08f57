"""Detector registry: built-ins register with a decorator, third parties with entry points.

Third-party packages expose detector classes in the ``cleannews.detectors`` entry-point group::

    [project.entry-points."cleannews.detectors"]
    my_detector = "my_package.detectors:MyDetector"
"""

from __future__ import annotations

import warnings
from importlib.metadata import EntryPoint, entry_points
from typing import Iterable, TypeVar, Union

from ..errors import ConfigError, UnknownDetectorError
from .base import Detector

ENTRY_POINT_GROUP = "cleannews.detectors"

D = TypeVar("D", bound=type[Detector])
DetectorSpec = Union[str, Detector, type[Detector]]

# Filled once at import time by the built-in modules' decorators; never mutated afterwards.
_BUILTINS: dict[str, type[Detector]] = {}


def register_detector(cls: D) -> D:
    """Class decorator adding a detector to the built-in registry under ``cls.name``."""
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not name:
        raise ConfigError(f"{cls.__qualname__} needs a non-empty class attribute 'name'")
    if name in _BUILTINS and _BUILTINS[name] is not cls:
        raise ConfigError(f"detector name {name!r} is already registered")
    _BUILTINS[name] = cls
    return cls


def builtin_detectors() -> dict[str, type[Detector]]:
    from . import builtin  # noqa: F401  (importing registers the built-ins)

    return dict(_BUILTINS)


def plugin_detectors(*, strict: bool = False) -> dict[str, type[Detector]]:
    """Detector classes advertised by installed packages (loaded on each call).

    A broken entry point (import error, not a Detector) must not break everyone else's
    cleaning: it is skipped with a warning, or raises ``ConfigError`` when ``strict``."""
    found: dict[str, type[Detector]] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            cls = _load_entry_point(ep)
        except ConfigError as exc:
            if strict:
                raise
            warnings.warn(str(exc), RuntimeWarning, stacklevel=2)
            continue
        found[getattr(cls, "name", ep.name) or ep.name] = cls
    return found


def _load_entry_point(ep: EntryPoint) -> type[Detector]:
    try:
        cls = ep.load()
    except Exception as exc:  # any import-time failure of a third-party package
        raise ConfigError(f"entry point {ep.name!r} failed to load: {exc!r}") from exc
    if not (isinstance(cls, type) and issubclass(cls, Detector)):
        raise ConfigError(f"entry point {ep.name!r} is not a Detector subclass: {cls!r}")
    return cls


def available_detectors() -> dict[str, type[Detector]]:
    return {**plugin_detectors(), **builtin_detectors()}


def get_detector_class(name: str) -> type[Detector]:
    builtins = builtin_detectors()
    if name in builtins:
        return builtins[name]
    for ep in entry_points(group=ENTRY_POINT_GROUP, name=name):
        return _load_entry_point(ep)  # a broken plugin asked for by name is an error
    plugins = plugin_detectors()
    if name in plugins:
        return plugins[name]
    known = ", ".join(sorted({*builtins, *plugins}))
    raise UnknownDetectorError(f"unknown detector {name!r}; known: {known}")


def instantiate(spec: DetectorSpec) -> Detector:
    """Accept a detector instance, class or registered name."""
    if isinstance(spec, Detector):
        return spec
    if isinstance(spec, str):
        return get_detector_class(spec)()
    if isinstance(spec, type) and issubclass(spec, Detector):
        return spec()
    raise ConfigError(f"not a detector, detector class or name: {spec!r}")


def build_detectors(
    specs: Iterable[DetectorSpec] | None,
    disable: Iterable[str] = (),
    extra: Iterable[DetectorSpec] = (),
) -> tuple[Detector, ...]:
    """The detectors a cleaner runs: ``specs`` (default: all built-ins) plus ``extra``,
    minus those named in ``disable``. Unknown names in ``disable`` are an error (typos)."""
    chosen = [instantiate(s) for s in (specs if specs is not None else default_detector_names())]
    chosen += [instantiate(s) for s in extra]
    disabled = set(disable)
    unknown = disabled - {d.name for d in chosen} - set(available_detectors())
    if unknown:
        raise UnknownDetectorError(f"cannot disable unknown detector(s): {sorted(unknown)}")
    names = [d.name for d in chosen]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise ConfigError(f"detector(s) given twice: {sorted(dupes)}")
    return tuple(d for d in chosen if d.name not in disabled)


def default_detector_names() -> tuple[str, ...]:
    return tuple(builtin_detectors())
