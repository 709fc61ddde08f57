"""The datasets' metrics and baselines, in one place for every benchmark script.

- token P/R/F1 (readability sets): multiset overlap of ``\\w+`` tokens, lower-cased; both
  texts empty scores 1.0 (their README's rule);
- snippet matching (trafilatura-eval): whitespace-squashed, case-sensitive substring tests;
- the line-filter baseline: keep lines of >= 5 words that end like a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_TERMINAL = tuple(".!?…。！？\"'”’»)")


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def token_prf(predicted: str, expected: str) -> tuple[float, float, float]:
    pred, true = tokens(predicted), tokens(expected)
    n_pred, n_true = sum(pred.values()), sum(true.values())
    if n_pred == 0 and n_true == 0:
        return 1.0, 1.0, 1.0
    overlap = sum((pred & true).values())
    p = overlap / n_pred if n_pred else 0.0
    r = overlap / n_true if n_true else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def squash(text: str) -> str:
    """Every whitespace run to one space, ends stripped (the snippet metric's normalisation)."""
    return _SPACES.sub(" ", text).strip()


def snippet_counts(output: str, with_: Iterable[str], without: Iterable[str]) -> Counter[str]:
    """TP/FN over the ``with`` snippets and FP/TN over the ``without`` ones, for one output."""
    out = squash(output)
    found: Counter[str] = Counter()
    for snippet in with_:
        found["tp" if squash(snippet) in out else "fn"] += 1
    for snippet in without:
        found["fp" if squash(snippet) in out else "tn"] += 1
    return found


def snippet_scores(c: Counter[str]) -> dict[str, float]:
    """Micro P/R/F1/accuracy from summed counts."""
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = (c["tp"] + c["tn"]) / max(sum(c.values()), 1)
    return {"precision": p, "recall": r, "f1": f1, "accuracy": acc}


def identity(text: str) -> str:
    return text


def line_filter(text: str) -> str:
    """Keep lines of at least 5 words that end like a sentence."""
    lines = text.splitlines()
    return "\n".join(ln for ln in lines if len(ln.split()) >= 5 and ln.rstrip().endswith(_TERMINAL))
