"""CleanerConfig: defaults, validation, round trips."""

from __future__ import annotations

import dataclasses

import pytest

from cleannews import Cleaner, CleanerConfig, ConfigError
from cleannews import config as config_module


def test_defaults_are_the_named_constants() -> None:
    config = CleanerConfig()
    assert config.removal_threshold == config_module.REMOVAL_THRESHOLD
    assert config.region_min_preceding_words == config_module.REGION_MIN_PRECEDING_WORDS
    assert config.region_resume_blocks == config_module.REGION_RESUME_BLOCKS
    assert config.guard_min_kept_words == config_module.GUARD_MIN_KEPT_WORDS
    assert config.language_sample_chars == config_module.LANGUAGE_SAMPLE_CHARS
    assert config.max_input_chars == config_module.MAX_INPUT_CHARS


@pytest.mark.parametrize(
    "changes",
    [
        {"removal_threshold": 0.0},
        {"removal_threshold": 1.5},
        {"removal_threshold": -0.5},
        {"language_backend": "cld3"},
        {"on_detector_error": "ignore"},
        {"region_min_preceding_words": -1},
        {"region_resume_blocks": -1},
        {"language_sample_chars": -10},
        {"max_input_chars": 0},
    ],
    ids=lambda c: next(iter(c)) + "=" + str(next(iter(c.values()))),
)
def test_invalid_values_raise_config_error(changes: dict) -> None:
    with pytest.raises(ConfigError):
        CleanerConfig(**changes)


def test_config_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        CleanerConfig(removal_threshold=2)


@pytest.mark.parametrize("backend", ["auto", "py3langid", "langdetect"])
def test_valid_backends(backend: str) -> None:
    assert CleanerConfig(language_backend=backend).language_backend == backend


def test_round_trip() -> None:
    config = CleanerConfig(removal_threshold=0.7, detect_language=False, profile=True)
    data = config.to_dict()
    assert data["removal_threshold"] == 0.7
    assert CleanerConfig.from_dict(data) == config


def test_from_dict_rejects_unknown_keys() -> None:
    with pytest.raises(ConfigError, match="threshhold"):
        CleanerConfig.from_dict({"threshhold": 0.5})


def test_from_dict_validates() -> None:
    with pytest.raises(ConfigError):
        CleanerConfig.from_dict({"on_detector_error": "explode"})


def test_replace_returns_a_validated_copy() -> None:
    config = CleanerConfig()
    changed = config.replace(removal_threshold=0.8)
    assert changed.removal_threshold == 0.8 and config.removal_threshold == 0.5
    with pytest.raises(ConfigError):
        config.replace(removal_threshold=0)
    with pytest.raises(ConfigError):
        config.replace(no_such_option=1)


def test_frozen_and_hashable() -> None:
    config = CleanerConfig()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.removal_threshold = 0.9  # type: ignore[misc]
    assert hash(config) == hash(CleanerConfig())


def test_cleaner_uses_the_given_config() -> None:
    config = CleanerConfig(detect_language=False)
    cleaner = Cleaner([], config=config)
    assert cleaner.config is config
    assert cleaner.clean("Ein kurzer deutscher Satz über das Wetter.").language is None
