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
_TOKEN_CHAR = re.compile(r"[^\W\d_]")  # what ``_TOKEN`` runs are made of


def content_tokens(text: str) -> set[str]:
    """The set of content words of ``text`` (casefolded; CJK as character bigrams)."""
    return _folded_tokens(text.casefold())


def _folded_tokens(lowered: str) -> set[str]:
    """:func:`content_tokens` of a text already casefolded (``lowered``)."""
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


SEARCH_PASSES = 128  # a search scans a text some 100-200 times faster than tokenizing it...
SEARCH_CHARS = 1_000_000  # ...so it is searched until this many more characters are scanned


def search_budget(size: int) -> int:
    """How many characters a :class:`TopicText` of ``size`` characters scans in searches
    before it tokenizes itself instead: a bounded multiple of its size (linear), and on the
    texts of normal pages more than they are ever searched (tokenizing a short text costs
    more than a few hundred searches of it)."""
    return SEARCH_PASSES * size + SEARCH_CHARS


class TopicText:
    """A long text (an article) that a few short ones are compared with.

    ``TopicText(texts).shares(tokens, share)`` is ``overlap(tokens, union_tokens(texts)) >=
    share`` for ``tokens`` made by :func:`content_tokens`, without tokenizing ``texts``: for
    a few tokens against a long text (a paragraph against a whole article), looking each
    token up in it (a C-level substring search) is much cheaper than a regex pass over every
    character; and the count stops as soon as the answer is known. Many tokens are not: a
    token the text lacks costs a pass over it (about a hundredth of a regex pass; one it
    holds, up to where it is found), so once the searches have scanned
    :func:`search_budget` characters (some 128 passes over a long text) the text is
    tokenized once and the rest are set lookups: the cost stays linear in the text however
    many tokens are asked about."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._start("\n".join(texts).casefold())  # as ``union_tokens`` sees them

    def _start(self, folded: str) -> None:
        self._text = folded
        self._budget = search_budget(len(folded))  # characters left to scan in searches
        self._tokens: set[str] | None = None  # its content tokens, once tokenized

    @classmethod
    def of_folded(cls, folded: Iterable[str]) -> TopicText:
        """``TopicText(texts)`` from the ``texts`` already casefolded (a page keeps its
        blocks' casefolded texts): casefolding goes character by character, so joining the
        folded texts is folding the joined text, and the fold (a pass over every character,
        slow for non-ASCII text) is not paid again."""
        topic = cls.__new__(cls)
        topic._start("\n".join(folded))
        return topic

    def shares(self, tokens: set[str], share: float) -> bool:
        if not tokens:
            return 0.0 >= share
        total, hits, left = len(tokens), 0, len(tokens)
        for token in tokens:
            hits += self.holds(token)
            left -= 1
            if hits / total >= share:  # only grows from here
                return True
            if (hits + left) / total < share:  # cannot reach it any more
                return False
        return False  # not reached: one of the tests above holds once ``left`` is 0

    def holds(self, token: str) -> bool:
        """Is ``token`` (a content token of some text) among the content tokens of ours?

        A word token (four letters or more; never a function word, as no content token is)
        must occur as a whole letter run: neither side touches a letter. A CJK bigram (two
        characters) is anywhere in a CJK run, i.e. anywhere in the text. Past its search
        budget, the same answer from the text's content tokens."""
        if self._tokens is not None:
            return token in self._tokens
        if self._budget < 0:  # casefolded already (folding it again would change nothing)
            self._tokens = _folded_tokens(self._text)
            return token in self._tokens
        text = self._text
        size = len(token)
        at = text.find(token)
        if size == 2:
            found = at != -1
        else:
            while at != -1:
                before = at > 0 and _TOKEN_CHAR.match(text, at - 1) is not None
                if not before and _TOKEN_CHAR.match(text, at + size) is None:
                    break
                at = text.find(token, at + 1)
            found = at != -1
        self._budget -= at + size if found else len(text)  # the characters scanned
        return found
