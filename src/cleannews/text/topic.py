"""Content words, to tell whether two texts are about the same thing.

Used where structure alone is ambiguous: a teaser listing about other stories, or a
paragraph after a "Related" box that carries on with the article. Tokens are letter runs of
four or more (function words dropped, all languages at once) and, for CJK text, character
bigrams.
"""

from __future__ import annotations

import re
from typing import Iterable

from .features import load_stopwords

_TOKEN = re.compile(r"[^\W\d_]{4,}")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")


def content_tokens(text: str) -> set[str]:
    """The set of content words of ``text`` (casefolded; CJK as character bigrams)."""
    lowered = text.casefold()
    # One C-level set difference instead of a membership test per token.
    out = set(_TOKEN.findall(lowered)) - load_stopwords().words
    if not lowered.isascii():
        for run in _CJK_RUN.findall(lowered):
            out.update(run[k : k + 2] for k in range(len(run) - 1))
    return out


def union_tokens(texts: Iterable[str]) -> set[str]:
    """The content words of all ``texts``, in one scan of them joined by line breaks.

    The same set as the union of each text's :func:`content_tokens`: a token (a letter run,
    a CJK bigram) never spans a line break, and casefolding goes character by character."""
    return content_tokens("\n".join(texts))


def overlap(tokens: set[str], reference: frozenset[str] | set[str]) -> float:
    """Share of ``tokens`` also in ``reference`` (0.0 when ``tokens`` is empty)."""
    return len(tokens & reference) / len(tokens) if tokens else 0.0
