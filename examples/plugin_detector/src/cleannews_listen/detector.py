"""Audio-player widgets ("Listen to this article · 4 min", "Artikel anhören").

A :class:`~cleannews.PhraseDetector` needs only a name, a kind and phrase files; this one adds a
context rule (:meth:`accept`) so that article prose starting with the same words is kept.
"""

from __future__ import annotations

from cleannews import Kind, PhraseDetector
from cleannews.detectors.phrases import Phrase
from cleannews.page import Page
from cleannews.text.blocks import Block


class ListenWidgetDetector(PhraseDetector):
    name = "listen_widget"  # also the entry-point name and the data folder name
    kind = Kind.WIDGET
    kinds = frozenset({Kind.WIDGET})
    languages = frozenset({"en", "de", "fr", "es"})
    data_package = "cleannews_listen"  # phrase files live in cleannews_listen/data/listen_widget/

    def accept(self, page: Page, block: Block, phrase: Phrase) -> bool:
        # Whole-line phrases are unambiguous. A prefix or pattern match on a line that ends
        # like a sentence is prose ("Listen to this article's critics, she said.").
        return phrase.section in ("line", "marker") or not block.terminal
