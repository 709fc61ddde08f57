"""Explicit, typed, serialisable configuration. Defaults are named constants."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Mapping

from .errors import ConfigError

REMOVAL_THRESHOLD = 0.5  # a block is removed when its best removal score reaches this
REGION_MIN_PRECEDING_WORDS = 40  # a marker opens a region only after this much article text
REGION_RESUME_BLOCKS = 3  # this many consecutive clean prose blocks end a region
REGION_RESUME_MIN_WORDS = 25  # ...each at least this long
REGION_LISTING_RESUME_BLOCKS = 2  # fewer after a listing heading (related, footer; not comments)
REGION_RESUME_TOPIC_OVERLAP = 0.5  # one such paragraph ends a listing when this share of its
# content words is in the article before the region (0 switches this off)
GUARD_MIN_KEPT_WORDS = 15  # the over-removal guard fires below this many kept words...
GUARD_MIN_KEPT_RATIO = 0.05  # ...when they are also below this share of the input's words
LANGUAGE_SAMPLE_CHARS = 600  # language identification reads at most this much text
MAX_INPUT_CHARS = 200_000_000
LANGUAGE_BACKENDS = ("auto", "py3langid", "langdetect")
ON_DETECTOR_ERROR = ("raise", "skip")


@dataclass(frozen=True, slots=True)
class CleanerConfig:
    removal_threshold: float = REMOVAL_THRESHOLD
    region_min_preceding_words: int = REGION_MIN_PRECEDING_WORDS
    region_resume_blocks: int = REGION_RESUME_BLOCKS
    region_resume_min_words: int = REGION_RESUME_MIN_WORDS
    region_listing_resume_blocks: int = REGION_LISTING_RESUME_BLOCKS
    region_resume_topic_overlap: float = REGION_RESUME_TOPIC_OVERLAP
    guard_min_kept_words: int = GUARD_MIN_KEPT_WORDS
    guard_min_kept_ratio: float = GUARD_MIN_KEPT_RATIO
    detect_language: bool = True
    language_backend: str = "auto"
    language_sample_chars: int = LANGUAGE_SAMPLE_CHARS
    max_input_chars: int = MAX_INPUT_CHARS
    on_detector_error: str = "raise"
    keep_decisions: bool = True  # record per-block decisions on the document
    profile: bool = False  # record seconds per stage and detector in ``CleanDocument.timings``

    def __post_init__(self) -> None:
        if not 0.0 < self.removal_threshold <= 1.0:
            raise ConfigError("removal_threshold must be in (0, 1]")
        if self.language_backend not in LANGUAGE_BACKENDS:
            raise ConfigError(f"language_backend must be one of {LANGUAGE_BACKENDS}")
        if self.on_detector_error not in ON_DETECTOR_ERROR:
            raise ConfigError(f"on_detector_error must be one of {ON_DETECTOR_ERROR}")
        non_negative = (
            "region_min_preceding_words",
            "region_resume_blocks",
            "region_resume_min_words",
            "region_listing_resume_blocks",
            "guard_min_kept_words",
            "language_sample_chars",
        )
        for name in non_negative:
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} must be >= 0")
        if not 0.0 <= self.region_resume_topic_overlap <= 1.0:
            raise ConfigError("region_resume_topic_overlap must be in [0, 1]")
        if not 0.0 <= self.guard_min_kept_ratio <= 1.0:
            raise ConfigError("guard_min_kept_ratio must be in [0, 1]")
        if self.max_input_chars <= 0:
            raise ConfigError("max_input_chars must be > 0")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CleanerConfig:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ConfigError(f"unknown config key(s): {sorted(unknown)}")
        return cls(**dict(data))

    def replace(self, **changes: Any) -> CleanerConfig:
        return CleanerConfig.from_dict({**self.to_dict(), **changes})
