"""Spark helpers: the pandas function they wrap, and (opt-in) a real local Spark session."""

from __future__ import annotations

import json
import os
import shutil
import sys

import pytest

from test_batch_support import article

pd = pytest.importorskip("pandas")

from cleannews.integrations.spark import (  # noqa: E402
    OUTPUT_COLUMNS,
    clean_batches,
    clean_frame,
    make_spec,
)


def test_clean_frame_adds_clean_columns_and_isolates_bad_rows() -> None:
    frame = pd.DataFrame(
        {"id": [1, 2, 3], "text": [article(1), None, article(3)]}, index=[10, 11, 12]
    )
    spec = make_spec(detect_language=False)

    out = clean_frame(frame, "text", spec)

    assert list(out.columns) == ["id", "text", *OUTPUT_COLUMNS]
    assert list(out.index) == [10, 11, 12]
    assert out.loc[10, "clean_text"].startswith("Headline number 1")
    assert pd.isna(out.loc[11, "clean_text"]) and "InputTypeError" in out.loc[11, "clean_error"]
    assert pd.isna(out.loc[10, "clean_error"])
    assert "clean_text" not in frame.columns  # input untouched


def test_clean_frame_reports_removed_spans_with_offsets_into_the_input() -> None:
    text = article(1, "Buy now: a test ad")
    frame = pd.DataFrame({"text": [text]})
    spec = make_spec(detect_language=False)
    from cleannews.batch.work import cleaner_for

    expected = cleaner_for(spec).clean(text, detect_language=False)

    out = clean_frame(frame, "text", spec)

    spans = json.loads(out.loc[0, "clean_spans"])
    assert spans == [s.to_dict() for s in expected.removed]
    assert out.loc[0, "clean_text"] == expected.text
    assert out.loc[0, "clean_removed_chars"] == sum(s["end"] - s["start"] for s in spans)


def test_clean_batches_maps_an_iterator_of_frames() -> None:
    fn = clean_batches(text_column="body", detect_language=False)
    frames = [pd.DataFrame({"body": [article(i)]}) for i in range(3)]

    out = list(fn(iter(frames)))

    assert [f.loc[0, "clean_text"].splitlines()[0] for f in out] == [
        f"Headline number {i}" for i in range(3)
    ]


@pytest.mark.skipif(
    not os.environ.get("CLEANNEWS_SPARK_TESTS"),
    reason="starts a JVM (~20 s): set CLEANNEWS_SPARK_TESTS=1",
)
def test_real_local_spark_session(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyspark")
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # workers need cleannews importable
    if shutil.which("java") is None:
        pytest.skip("no Java runtime")
    from pyspark.sql import SparkSession

    from cleannews.integrations.spark import clean_text_udf, output_schema

    spark = SparkSession.builder.master("local[1]").appName("cleannews-test").getOrCreate()
    try:
        df = spark.createDataFrame([(1, article(1)), (2, article(2))], "id long, text string")
        mapped = (
            df.mapInPandas(clean_batches(detect_language=False), schema=output_schema(df.schema))
            .orderBy("id")
            .collect()
        )
        udf = clean_text_udf(detect_language=False)
        via_udf = df.withColumn("c", udf("text")).orderBy("id").collect()
    finally:
        spark.stop()
    assert [r["clean_text"].splitlines()[0] for r in mapped] == [
        "Headline number 1",
        "Headline number 2",
    ]
    assert [r["c"]["clean_text"] for r in via_udf] == [r["clean_text"] for r in mapped]
