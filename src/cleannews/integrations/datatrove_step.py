"""A datatrove pipeline step that cleans each document's text and keeps the provenance.

>>> from datatrove.pipeline.readers import JsonlReader
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from cleannews.integrations.datatrove_step import CleanNewsStep
>>> pipeline = [JsonlReader("in/"), CleanNewsStep(), JsonlWriter("out/")]  # doctest: +SKIP

``doc.text`` becomes the cleaned text; ``doc.metadata["cleannews"]`` holds the title, language,
flags and the removed spans (offsets into the original text, which ``keep_source=True`` also
stores). Documents that fail to clean, or that end up empty, are dropped with a reason
(``cleannews_error``/``cleannews_empty``) and go to the ``exclusion_writer`` if one is given,
as with any datatrove filter. Importing this module imports datatrove.
"""

from __future__ import annotations

from typing import Any, Iterable

from datatrove.data import Document
from datatrove.pipeline.filters.base_filter import BaseFilter

from ..cleaner import Cleaner, InputKind
from ..config import CleanerConfig
from ..document import CleanDocument

METADATA_KEY = "cleannews"


class CleanNewsStep(BaseFilter):
    """Replace ``doc.text`` with the cleaned article; count removed characters per kind."""

    name = "🧹 cleannews"

    def __init__(
        self,
        *,
        kind: InputKind = "auto",
        detect_language: bool = True,
        disable: Iterable[str] = (),
        config: CleanerConfig | None = None,
        keep_source: bool = False,
        drop_empty: bool = True,
        exclusion_writer: Any = None,
    ) -> None:
        super().__init__(exclusion_writer=exclusion_writer)
        self.kind = kind
        self.detect_language = detect_language
        self.disable = tuple(disable)
        self.config = config
        self.keep_source = keep_source
        self.drop_empty = drop_empty
        self._cleaner: Cleaner | None = None

    @property
    def cleaner(self) -> Cleaner:
        # Built on first use, inside the executor's worker, rather than pickled from the driver.
        if self._cleaner is None:
            self._cleaner = Cleaner(disable=self.disable, config=self.config)
        return self._cleaner

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_cleaner"] = None
        return state

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        try:
            cleaned = self.cleaner.clean(
                doc.text,
                kind=self.kind,
                detect_language=self.detect_language,
                url=doc.metadata.get("url"),
            )
        except Exception as exc:  # noqa: BLE001  (one bad document must not stop the shard)
            doc.metadata[METADATA_KEY] = {"error": type(exc).__name__, "message": str(exc)}
            return False, "cleannews_error"
        self._count(cleaned)
        doc.metadata[METADATA_KEY] = provenance(cleaned, self.keep_source)
        doc.text = cleaned.text
        if self.drop_empty and not cleaned.text.strip():
            return False, "cleannews_empty"
        return True

    def _count(self, cleaned: CleanDocument) -> None:
        for kind, chars in cleaned.removed_by_kind().items():
            self.stat_update(f"removed_{kind.value}", value=chars, unit="chars")
        if cleaned.guarded:
            self.stat_update("over_removal_guard")


def provenance(doc: CleanDocument, keep_source: bool = False) -> dict[str, Any]:
    """The JSON-ready metadata a step stores: removed spans only (kept text is ``doc.text``)."""
    data: dict[str, Any] = {
        "title": doc.title,
        "language": doc.language,
        "input_kind": doc.input_kind,
        "flags": list(doc.flags),
        "removed": [span.to_dict() for span in doc.removed],
    }
    if keep_source:
        data["source"] = doc.source
    return data
