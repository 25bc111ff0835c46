"""The warehouse's catalogue describes each gold table and column, in its contract's words."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from c360.contracts import GOLD_TABLES, get
from c360.contracts.model import Column, Table
from c360.engines.duckdb.warehouse import build_warehouse
from c360.pipeline.lake import publish_table

VISITS = Table(
    name="fct_visits",
    seed="000",
    description="One row per visit; the shop's own count.",
    layer="gold",
    primary_key=("visit_id",),
    columns=(
        Column("visit_id", "string", "The visit's own identifier"),
        Column("page", "string", "The page's path, as 'the shop' logs it", nullable=True),
        Column("seconds", "int"),  # no description
    ),
)


def comments(path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def column_comments(path: Path, table: str) -> dict[str, str | None]:
    rows = comments(
        path,
        "SELECT column_name, comment FROM duckdb_columns() "
        f"WHERE table_name = '{table}' ORDER BY column_index",
    )
    return dict(rows)


def test_each_gold_column_carries_its_contracts_description(tmp_path: Path) -> None:
    visits = pa.table(
        {"visit_id": ["v1", "v2"], "page": ["/", None], "seconds": [3, 4], "extra": [1, 2]},
        schema=VISITS.arrow_schema().append(pa.field("extra", pa.int64())),
    )
    publish_table(tmp_path, "gold", "fct_visits", visits)
    path = build_warehouse(tmp_path, [VISITS])
    assert column_comments(path, "fct_visits") == {
        "visit_id": "The visit's own identifier",
        "page": "The page's path, as 'the shop' logs it",
        "seconds": None,  # the contract says nothing: no empty comment
        "extra": None,  # not in the contract
    }
    assert comments(path, "SELECT table_name, comment FROM duckdb_tables()") == [
        ("fct_visits", "One row per visit; the shop's own count.")
    ]


def test_a_known_gold_column_is_described_as_its_contract_says(tmp_path: Path) -> None:
    contract = get("dim_customer")
    publish_table(tmp_path, "gold", "dim_customer", contract.arrow_schema().empty_table())
    path = build_warehouse(tmp_path)
    described = column_comments(path, "dim_customer")
    assert described["customer_id"] == "Customer" == contract.column("customer_id").description
    assert described["has_valid_email"] == "The e-mail address is deliverable"
    assert described == {c.name: c.description for c in contract.columns}
    (table_comment,) = comments(
        path,
        "SELECT table_comment FROM information_schema.tables WHERE table_name = 'dim_customer'",
    )[0]
    assert table_comment == contract.description


def test_every_gold_contract_describes_its_table_and_columns() -> None:
    """What the warehouse shows BI tools: a description for each gold table and column."""
    bare = [t.name for t in GOLD_TABLES if not t.description]
    bare += [f"{t.name}.{c.name}" for t in GOLD_TABLES for c in t.columns if not c.description]
    assert bare == []


def test_a_silver_view_has_no_contract_and_no_comment(tmp_path: Path) -> None:
    publish_table(tmp_path, "silver", "stg_people", pa.table({"person_id": ["p1"]}))
    path = build_warehouse(tmp_path, [VISITS])
    assert comments(path, "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal") == [
        ("stg_people", None)
    ]
    assert column_comments(path, "stg_people") == {"person_id": None}
