"""Access to the gold seed fixtures (fixtures/seeds)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
CLEAN_CONTROLS = ("001_d71c71b2ede4db95", "004_9eadb112f166244a")


@dataclass(frozen=True)
class Seed:
    name: str
    text: str
    gold: dict

    @property
    def removed_spans(self) -> list[dict]:
        return [s for s in self.gold["spans"] if s["label"] not in ("title", "content")]

    @property
    def kept_spans(self) -> list[dict]:
        return [s for s in self.gold["spans"] if s["label"] in ("title", "content")]


def load_seeds() -> list[Seed]:
    seeds = []
    for path in sorted(SEED_DIR.glob("*.txt")):
        gold = json.loads(path.with_suffix(".gold.json").read_text("utf-8"))
        seeds.append(Seed(path.stem, path.read_text("utf-8"), gold))
    return seeds


def normalise_ws(text: str) -> str:
    return " ".join(text.split())
