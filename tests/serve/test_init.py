"""Gold tables as servers read them: the contract's types, batches from the scan's pool."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa

from c360.contracts.model import Column, Table
from c360.pipeline.lake import publish_table
from c360.serve import _scan_pool, gold_tables

VISITS = Table(
    name="fct_visits",
    seed="000",
    description="",
    layer="gold",
    primary_key=("visit_id",),
    partition_by=("year",),
    columns=(
        Column("visit_id", "string"),
        Column("year", "int"),
        Column("seen_at", "timestamp"),
    ),
)


def test_a_reader_gives_the_contract_types_in_batches_of_the_scan_pool(tmp_path: Path) -> None:
    at = [dt.datetime(2023, 5, 1, 8, 0, 1), dt.datetime(2024, 1, 2, 9, 30)]
    data = {"visit_id": ["v1", "v2"], "year": [2023, 2024], "seen_at": at}
    publish_table(tmp_path, "gold", "fct_visits", pa.table(data), VISITS.partition_by)
    (gold,) = gold_tables(tmp_path, [VISITS])
    pool = _scan_pool()
    before = pool.bytes_allocated()
    batches = list(gold.reader())
    assert pool.bytes_allocated() > before  # held by the batches read
    table = pa.Table.from_batches(batches).sort_by("visit_id")
    assert table.schema == VISITS.arrow_schema()
    assert table.to_pydict() == data


def test_the_scan_pool_is_jemalloc_where_arrow_has_it() -> None:
    expected = "jemalloc" if "jemalloc" in pa.supported_memory_backends() else None
    assert _scan_pool().backend_name == (expected or pa.default_memory_pool().backend_name)


def test_a_reader_of_some_columns_gives_them_alone_in_their_order(tmp_path: Path) -> None:
    at = [dt.datetime(2023, 5, 1, 8, 0, 1), dt.datetime(2024, 1, 2, 9, 30)]
    data = {"visit_id": ["v1", "v2"], "year": [2023, 2024], "seen_at": at}
    publish_table(tmp_path, "gold", "fct_visits", pa.table(data), VISITS.partition_by)
    (gold,) = gold_tables(tmp_path, [VISITS])
    table = gold.reader(["seen_at", "year"]).read_all().sort_by("seen_at")
    declared = VISITS.arrow_schema()
    assert table.schema == pa.schema([declared.field("seen_at"), declared.field("year")])
    assert table.to_pydict() == {"seen_at": at, "year": [2023, 2024]}


def test_a_table_as_its_contract_declares_it_has_no_mismatch(tmp_path: Path) -> None:
    data = {"visit_id": ["v1"], "year": [2023], "seen_at": [dt.datetime(2023, 5, 1)]}
    publish_table(tmp_path, "gold", "fct_visits", pa.table(data), VISITS.partition_by)
    (gold,) = gold_tables(tmp_path, [VISITS])
    assert gold.mismatch() is None


def test_nulls_where_the_contract_allows_none_are_a_mismatch(tmp_path: Path) -> None:
    """As a table built by an earlier version, before the column got its default, reads."""
    data = {"visit_id": ["v1", None], "year": [2023, 2024], "seen_at": [None, None]}
    publish_table(tmp_path, "gold", "fct_visits", pa.table(data), VISITS.partition_by)
    (gold,) = gold_tables(tmp_path, [VISITS])
    assert gold.mismatch() == "column visit_id holds NULLs, which its contract allows none of"
