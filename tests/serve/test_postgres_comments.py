"""The contracts' descriptions as PostgreSQL comments, where BI tools read them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pyarrow as pa
import pytest

from c360.cli import main
from c360.contracts.model import Column, Table
from c360.pipeline.lake import publish_table
from c360.serve.postgres import load_postgres
from tests.serve.test_postgres import CUSTOMERS, catalog, execute

pytestmark = pytest.mark.postgres

ORDERS = Table(
    name="fct_orders",
    seed="000",
    description="One row per order: it's the shop's",
    layer="gold",
    primary_key=("order_id",),
    columns=(
        Column("order_id", "string", "The order's id, as the shop gives it"),
        Column("Amount €", "float", r"Total in EUR \ VAT included, 'as paid'"),
        Column("placed_on", "date", "Day the order was placed; NULL when unknown", nullable=True),
    ),
)
COMMENTS = """
    SELECT c.relname::text, a.attname::text, d.description
    FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
    WHERE c.relnamespace = '{schema}'::regnamespace
    ORDER BY 1, 2 NULLS FIRST
"""


@pytest.fixture
def orders(tmp_path: Path) -> Path:
    table = pa.table(
        {
            "order_id": ["o1", "o2"],
            "Amount €": [10.5, 3.25],
            "placed_on": [dt.date(2024, 1, 2), None],
        },
        schema=ORDERS.arrow_schema(),
    )
    publish_table(tmp_path, "gold", "fct_orders", table)
    return tmp_path


def test_every_table_and_column_gets_its_contracts_description(
    orders: Path, postgres_url: str
) -> None:
    load_postgres(orders, postgres_url, "described", (ORDERS,))
    assert catalog(postgres_url, COMMENTS.format(schema="described")) == [
        ("fct_orders", None, "One row per order: it's the shop's"),
        ("fct_orders", "Amount €", r"Total in EUR \ VAT included, 'as paid'"),
        ("fct_orders", "order_id", "The order's id, as the shop gives it"),
        ("fct_orders", "placed_on", "Day the order was placed; NULL when unknown"),
    ]


def test_a_reload_sets_the_contracts_description_and_names_a_comment_it_replaced(
    orders: Path, postgres_url: str
) -> None:
    """The contract says what a described column holds; a comment set by hand on one is
    replaced, and the load says so. A comment on what the contract leaves undescribed stays."""
    order_id, amount, placed_on = ORDERS.columns
    undescribed = dataclasses.replace(amount, description="")
    bare = dataclasses.replace(ORDERS, description="", columns=(order_id, undescribed, placed_on))
    load_postgres(orders, postgres_url, "retold", (bare,))
    execute(
        postgres_url,
        "COMMENT ON TABLE retold.fct_orders IS 'Orders, by hand'",
        "COMMENT ON COLUMN retold.fct_orders.\"Amount €\" IS 'Gross'",
        "COMMENT ON COLUMN retold.fct_orders.order_id IS 'The order id'",
    )
    warnings: list[str] = []
    load_postgres(orders, postgres_url, "retold", (bare,), warn=warnings.append)
    assert catalog(postgres_url, COMMENTS.format(schema="retold")) == [
        ("fct_orders", None, "Orders, by hand"),
        ("fct_orders", "Amount €", "Gross"),
        ("fct_orders", "order_id", "The order's id, as the shop gives it"),
        ("fct_orders", "placed_on", "Day the order was placed; NULL when unknown"),
    ]
    assert warnings == [
        "the reload of retold.fct_orders replaced comments with its contract's descriptions: "
        "column order_id"
    ]
    warnings.clear()
    load_postgres(orders, postgres_url, "retold", (bare,), warn=warnings.append)
    assert warnings == []


def test_a_table_without_a_contract_gets_no_comment(tmp_path: Path, postgres_url: str) -> None:
    publish_table(tmp_path, "gold", "my_extra", pa.table({"x": [1]}))
    load_postgres(tmp_path, postgres_url, "undeclared", (CUSTOMERS,))
    assert catalog(postgres_url, COMMENTS.format(schema="undeclared")) == []


def test_the_command_loads_the_gold_contracts_descriptions(
    tmp_path: Path, postgres_url: str
) -> None:
    """The shipped contracts describe every gold column: a table loaded with them has a
    comment on the table and on each column."""
    days = pa.table({"date_key": pa.array([20240101], pa.int32()), "date": [dt.date(2024, 1, 1)]})
    publish_table(tmp_path, "gold", "dim_date", days)  # the contract's other columns left out
    args = ["load-postgres", "-w", str(tmp_path), "--schema", "shipped", "--url", postgres_url]
    assert main(args) == 0
    described = catalog(postgres_url, COMMENTS.format(schema="shipped"))
    assert [(t, c) for t, c, _ in described] == [
        ("dim_date", None),
        ("dim_date", "date"),
        ("dim_date", "date_key"),
    ]
    assert all(text for _, _, text in described)
