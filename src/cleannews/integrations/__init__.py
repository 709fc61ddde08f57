"""Integrations with data-processing frameworks; each imports its framework only when used.

- :class:`CleanNewsStep` (``cleannews.integrations.datatrove_step``): a datatrove pipeline
  step, needs ``pip install "cleannews[datatrove]"``.
- :func:`clean_batches` / :func:`clean_text_udf` (``cleannews.integrations.spark``): Spark
  ``mapInPandas`` and ``pandas_udf`` helpers, need ``pip install "cleannews[spark]"``.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "CleanNewsStep": "datatrove_step",
    "clean_frame": "spark",
    "clean_batches": "spark",
    "clean_text_udf": "spark",
    "output_schema": "spark",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted(_EXPORTS)
