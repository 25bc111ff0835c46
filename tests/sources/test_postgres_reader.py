"""The PostgreSQL reader's own logic, on a stand-in cursor: no server needed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from c360 import contracts
from c360.file_dialects import CsvFile
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.drift import SchemaDriftError
from c360.pipeline.bronze.land import land
from c360.sources.postgres import PostgresTable

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
ORDERS = contracts.get("ecommerce_orders")


class _Cursor:
    """What ADBC's cursor hands over for a query returning ``result``."""

    def __init__(self, result: pa.Table) -> None:
        self.result = result

    def execute(self, sql: str) -> None:
        self.sql = sql

    def fetchone(self) -> tuple[int]:
        return (self.result.num_rows,)

    def fetch_record_batch(self) -> pa.RecordBatchReader:
        return self.result.to_reader()


def _source(monkeypatch: pytest.MonkeyPatch, result: pa.Table) -> PostgresTable:
    @contextmanager
    def cursor(self: PostgresTable) -> Iterator[Any]:
        yield _Cursor(result)

    monkeypatch.setattr(PostgresTable, "_cursor", cursor)
    return PostgresTable("postgres:query", "postgresql://db.example/x", query="SELECT …")


def test_a_query_without_rows_still_shows_its_columns_for_drift(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A day without orders: the columns the query returns are still checked."""
    columns = {name: pa.array([], pa.string()) for name in ORDERS.column_names}
    landed = land(tmp_path, ORDERS, _source(monkeypatch, pa.table(columns)), "b1", WHEN)
    assert (landed.records, landed.landed, landed.missing_columns) == (0, 0, [])
    renamed = {("id" if name == "order_id" else name): c for name, c in columns.items()}
    with pytest.raises(SchemaDriftError, match="columns not in the contract of ecommerce_orders"):
        land(tmp_path, ORDERS, _source(monkeypatch, pa.table(renamed)), "b1", WHEN)
    retyped = columns | {"quantity": pa.array([], pa.bool_())}
    with pytest.raises(SchemaDriftError, match="column quantity of ecommerce_orders is bool"):
        land(tmp_path, ORDERS, _source(monkeypatch, pa.table(retyped)), "b1", WHEN)


def test_a_querys_columns_land_as_the_columns_csv_maps_them_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    columns = {name: pa.array(["x"], pa.string()) for name in ORDERS.column_names}
    renamed = {("Order No" if name == "order_id" else name): c for name, c in columns.items()}
    source = _source(monkeypatch, pa.table(renamed))
    landed = land(
        tmp_path, ORDERS, source, "b1", WHEN, dialect=CsvFile(columns={"order no": "order_id"})
    )
    assert (landed.landed, landed.added_columns, landed.missing_columns) == (1, [], [])
    [row] = lake.read_table(tmp_path, "bronze", "ecommerce_orders").to_pylist()
    assert (row["order_id"], row["_extra"]) == ("x", None)
    with pytest.raises(SourceError) as caught:
        land(
            tmp_path, ORDERS, source, "b1", WHEN, dialect=CsvFile(columns={"Order Nos": "order_id"})
        )
    assert str(caught.value) == (
        "postgres:query: the query has no 'Order Nos', which c360.yaml maps to order_id under "
        "csv: ecommerce_orders: columns: (the closest name in the query: 'Order No')"
    )
