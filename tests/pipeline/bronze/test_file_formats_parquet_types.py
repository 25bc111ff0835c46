"""A Parquet file lands for a table whose contract reads CSV or JSON, whose bronze holds text:
its string columns as they are, its typed ones as text, neither called drift."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360.contracts.model import Column, Table
from c360.pipeline import lake
from c360.pipeline.bronze.drift import SchemaDriftError
from c360.pipeline.bronze.land import land

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
ORDERS = Table(
    "orders", "x", "",
    (Column("order_id", "string"), Column("quantity", "int"), Column("order_date", "string"),
     Column("price", "float")),
    path="sources/orders.csv", file_format="csv",
)  # fmt: skip
STRINGS = {"order_id": ["O1", "O2"], "quantity": ["3", "x"], "order_date": ["2024-01-05", None],
           "price": ["1.50", "2"]}  # fmt: skip
TYPED = pa.table(
    {
        "order_id": pa.array(["O1", "O2"]),
        "quantity": pa.array([3, None], pa.int64()),
        "order_date": pa.array(
            [dt.datetime(2024, 1, 5, 10, 15), dt.datetime(2024, 1, 6, 8, 0, 0, 250000)],
            pa.timestamp("us"),
        ),
        "price": pa.array([1.5, 2.0], pa.float64()),
    }
)


def write(workspace: Path, name: str, data: pa.Table) -> Path:
    path = workspace / "sources" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(data, path)
    return path


def landed(workspace: Path) -> list[tuple[object, ...]]:
    rows = lake.read_table(workspace, "bronze", "orders").to_pylist()
    return [(r["order_id"], r["quantity"], r["order_date"], r["price"]) for r in rows]


@pytest.mark.parametrize("fmt", ["csv", "json", "mongo_jsonl"])
def test_an_all_string_parquet_export_lands_as_it_is(tmp_path: Path, fmt: str) -> None:
    path = write(tmp_path, "orders.parquet", pa.table(STRINGS))
    result = land(tmp_path, replace(ORDERS, file_format=fmt), path, "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (2, 2, 0)
    assert result.retyped_columns == []
    assert landed(tmp_path) == [("O1", "3", "2024-01-05", "1.50"), ("O2", "x", None, "2")]


def test_a_typed_parquet_export_lands_as_text_silver_reads(tmp_path: Path) -> None:
    path = write(tmp_path, "orders.parquet", TYPED)
    result = land(tmp_path, ORDERS, path, "b1", WHEN)
    assert (result.landed, result.retyped_columns, result.warnings) == (2, [], [])
    assert landed(tmp_path) == [
        ("O1", "3", "2024-01-05 10:15:00", "1.5"),
        ("O2", None, "2024-01-06 08:00:00.250000", "2"),
    ]


def test_a_typed_parquet_folder_lands_for_a_csv_table(tmp_path: Path) -> None:
    """A Spark job's output folder, ``orders.parquet/part-0.parquet``."""
    write(tmp_path, "orders.parquet/part-0.parquet", TYPED)
    result = land(tmp_path, ORDERS, tmp_path / "sources" / "orders.parquet", "b1", WHEN)
    assert (result.landed, result.retyped_columns) == (2, [])
    assert landed(tmp_path)[0] == ("O1", "3", "2024-01-05 10:15:00", "1.5")


def test_extra_and_missing_columns_are_still_drift(tmp_path: Path) -> None:
    noted = TYPED.append_column("note", pa.array(["a", "b"]))
    extra = write(tmp_path / "a", "orders.parquet", noted)
    with pytest.raises(SchemaDriftError, match="not in the contract of orders: note"):
        land(tmp_path / "a", ORDERS, extra, "b1", WHEN)
    lacking = write(tmp_path / "b", "orders.parquet", TYPED.drop_columns(["price"]))
    with pytest.raises(SchemaDriftError, match="missing from the source: price"):
        land(tmp_path / "b", ORDERS, lacking, "b1", WHEN)


def test_a_parquet_tables_own_types_are_still_checked(tmp_path: Path) -> None:
    """A table read from Parquet keeps its check: text where it says a number is drift."""
    path = write(tmp_path, "orders.parquet", pa.table(STRINGS))
    own = replace(ORDERS, path="sources/orders.parquet", file_format="parquet_dir")
    with pytest.raises(SchemaDriftError, match="quantity of orders is string in the source"):
        land(tmp_path, own, path, "b1", WHEN)
