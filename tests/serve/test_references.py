"""Declared gold references: rows whose value the referenced table lacks are counted."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from c360.contracts.model import Column, Table
from c360.engines.duckdb.warehouse import build_warehouse, query_warehouse
from c360.pipeline.lake import publish_table
from c360.serve.references import Reference, check


def _table(name: str, key: str, *columns: Column) -> Table:
    return Table(name=name, seed="000", description="", layer="gold", primary_key=(key,),
                 columns=(Column(key, "string"), *columns))  # fmt: skip


CUSTOMERS = _table("dim_customer", "customer_id")
ORDERS = _table(
    "fct_orders",
    "order_id",
    Column("customer_id", "string", nullable=True, references="dim_customer.customer_id"),
    Column("campaign_id", "string", nullable=True, references="dim_campaign.campaign_id"),
)
LINES = _table("fct_order_lines", "line_id", Column("order_id", "string",
                                                    references="fct_orders.order_id"))  # fmt: skip


def test_rows_without_a_referenced_row_are_counted_nulls_aside(tmp_path: Path) -> None:
    tables = {
        CUSTOMERS: {"customer_id": ["C1", "C2"]},
        ORDERS: {"order_id": ["O1", "O2", "O3", "O4", "O5"],
                 "customer_id": ["C1", "C9", None, "C9", "c1"],  # C9 twice, case matters
                 "campaign_id": ["K1", None, None, None, None]},
        LINES: {"line_id": ["L1", "L2"], "order_id": ["O1", "O5"]},
    }  # fmt: skip
    for contract, data in tables.items():
        publish_table(tmp_path, "gold", contract.name, pa.table(data))
    build_warehouse(tmp_path, tables)
    built = {"dim_customer", "fct_orders", "fct_order_lines"}  # no dim_campaign: not checked
    found = check([CUSTOMERS, ORDERS, LINES], built, lambda sql: query_warehouse(tmp_path, sql))
    assert found == [
        Reference("fct_orders", "customer_id", "dim_customer", "customer_id", 3),
        Reference("fct_order_lines", "order_id", "fct_orders", "order_id", 0),
    ]
    assert found[0].name == "fct_orders.customer_id → dim_customer.customer_id"


def test_nothing_to_check_runs_nothing() -> None:
    def never(sql: str) -> pa.Table:
        raise AssertionError(sql)

    assert check([CUSTOMERS, ORDERS], {"fct_orders"}, never) == []


def test_a_value_the_referenced_column_repeats_or_lacks_is_counted_once_per_row(
    tmp_path: Path,
) -> None:
    """The referenced column need not be a key: it may repeat a value and hold NULLs."""
    segments = Table(name="dim_segment", seed="000", description="", layer="gold",
                     columns=(Column("segment", "string", nullable=True),))  # fmt: skip
    segment = Column("segment", "string", nullable=True, references="dim_segment.segment")
    members = _table("bridge_member", "member_id", segment)
    tables = {
        segments: {"segment": ["gold", "gold", "gold", None, "silver"]},
        members: {"member_id": ["M1", "M2", "M3", "M4", "M5", "M6"],
                  "segment": ["gold", "gold", "bronze", None, "bronze", "silver"]},
    }  # fmt: skip
    for contract, data in tables.items():
        publish_table(tmp_path, "gold", contract.name, pa.table(data))
    build_warehouse(tmp_path, tables)
    found = check([segments, members], {"dim_segment", "bridge_member"},
                  lambda sql: query_warehouse(tmp_path, sql))  # fmt: skip
    assert found == [Reference("bridge_member", "segment", "dim_segment", "segment", 2)]
