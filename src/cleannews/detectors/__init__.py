"""Detectors: small independent units that each find one kind of non-article text."""

from .base import ANY_LANGUAGE, Detector
from .phrase_detector import PhraseDetector
from .registry import (
    ENTRY_POINT_GROUP,
    available_detectors,
    build_detectors,
    builtin_detectors,
    default_detector_names,
    get_detector_class,
    register_detector,
)

__all__ = [
    "ANY_LANGUAGE",
    "ENTRY_POINT_GROUP",
    "Detector",
    "PhraseDetector",
    "available_detectors",
    "build_detectors",
    "builtin_detectors",
    "default_detector_names",
    "get_detector_class",
    "register_detector",
]
