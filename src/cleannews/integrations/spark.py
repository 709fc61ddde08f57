"""Spark helpers: clean a text column with ``mapInPandas`` or a ``pandas_udf``.

>>> from cleannews.integrations.spark import clean_batches, output_schema
>>> cleaned = df.mapInPandas(clean_batches(text_column="text"),
...                          schema=output_schema(df.schema))  # doctest: +SKIP

Both wrap :func:`clean_frame`, a plain pandas function (testable without Spark) that adds the
``clean_*`` columns below. A record that fails to clean keeps ``clean_text`` null and says why
in ``clean_error``; it never fails the task. pandas and pyspark are imported only when used.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Iterable, Iterator, cast

from ..batch.work import CleanSpec, cleaner_for
from ..cleaner import InputKind
from ..config import CleanerConfig

# The columns clean_frame adds, as Spark DDL (also the struct returned by clean_text_udf).
OUTPUT_DDL = (
    "clean_text string, clean_title string, clean_language string, "
    "clean_removed_chars long, clean_flags array<string>, clean_spans string, clean_error string"
)
OUTPUT_COLUMNS = tuple(part.split()[0] for part in OUTPUT_DDL.split(", "))


def make_spec(
    kind: str = "auto",
    detect_language: bool = True,
    disable: Iterable[str] = (),
    config: CleanerConfig | None = None,
) -> CleanSpec:
    items = tuple(sorted(config.to_dict().items())) if config is not None else ()
    return CleanSpec(
        kind=kind, detect_language=detect_language, disable=tuple(disable), config=items
    )


def clean_frame(
    pdf: Any,
    text_column: str = "text",
    spec: CleanSpec | None = None,
    url_column: str | None = None,
) -> Any:
    """``pdf`` plus the ``clean_*`` columns (a new pandas DataFrame; ``pdf`` is untouched).
    ``clean_spans`` is the JSON list of removed spans, offsets into the original text."""
    import pandas as pd

    spec = spec or CleanSpec()
    urls = pdf[url_column] if url_column else [None] * len(pdf)
    rows = [_clean_value(spec, text, url) for text, url in zip(pdf[text_column], urls, strict=True)]
    added = pd.DataFrame(rows, columns=list(OUTPUT_COLUMNS), index=pdf.index)
    added["clean_removed_chars"] = added["clean_removed_chars"].astype("Int64")
    return pd.concat([pdf, added], axis=1)


def _clean_value(spec: CleanSpec, text: Any, url: Any) -> tuple[Any, ...]:
    if not isinstance(text, (str, bytes)):
        return (None, None, None, None, None, None, "InputTypeError: not a string")
    try:
        doc = cleaner_for(spec).clean(
            text,
            kind=cast(InputKind, spec.kind),
            detect_language=spec.detect_language,
            url=url if isinstance(url, str) else None,
        )
    except Exception as exc:  # noqa: BLE001  (a bad row must not fail the Spark task)
        return (None, None, None, None, None, None, f"{type(exc).__name__}: {exc}")
    removed = doc.removed
    spans = json.dumps([s.to_dict() for s in removed], ensure_ascii=False)
    chars = sum(s.end - s.start for s in removed)
    return (doc.text, doc.title, doc.language, chars, list(doc.flags), spans, None)


def clean_batches(
    text_column: str = "text", url_column: str | None = None, **options: Any
) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """A function for ``DataFrame.mapInPandas``; ``options`` as for :func:`make_spec`."""
    spec = make_spec(**options)

    def clean_all(batches: Iterator[Any]) -> Iterator[Any]:
        for pdf in batches:
            yield clean_frame(pdf, text_column, spec, url_column)

    return clean_all


def output_schema(input_schema: Any) -> Any:
    """The ``mapInPandas`` schema: the input's fields plus the ``clean_*`` columns."""
    from pyspark.sql.types import StructType

    added = cast(StructType, StructType.fromDDL(OUTPUT_DDL))
    return StructType([*input_schema.fields, *added.fields])


def clean_text_udf(**options: Any) -> Any:
    """A ``pandas_udf`` from a text column to a struct of the ``clean_*`` fields:
    ``df.withColumn("cleaned", clean_text_udf()("text"))``."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    spec = make_spec(**options)

    def clean_series(texts: pd.Series) -> pd.DataFrame:
        frame = clean_frame(pd.DataFrame({"text": texts}), "text", spec)
        return frame[list(OUTPUT_COLUMNS)]

    # Spark reads the UDF's kind from its type hints; pandas is imported here, not at module
    # level, so the hints are set as objects rather than left as unresolvable strings.
    clean_series.__annotations__ = {"texts": pd.Series, "return": pd.DataFrame}
    make_udf: Any = pandas_udf  # its overloads cannot see the hints set just above
    return make_udf(clean_series, returnType=f"struct<{OUTPUT_DDL}>")
