"""Shared access to the benchmark scripts and data for the quality-gate tests."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"  # CI keeps ../shared beside the repository
DATASETS = SHARED / "datasets"


def import_benchmark(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` (the scripts are not part of the package)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


def missing_datasets(*names: str) -> str | None:
    """Why a gate must skip, or ``None`` when every named dataset is present."""
    absent = [n for n in names if not (DATASETS / n).is_dir()]
    return f"benchmark datasets {absent} not found under {DATASETS}" if absent else None
