"""A PostgreSQL table or query landed in bronze like a file, on a real server."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import adbc_driver_postgresql.dbapi as pg
import pytest

from c360 import contracts
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.drift import SchemaDriftError
from c360.pipeline.bronze.find import sources
from c360.pipeline.bronze.land import ReconciliationError, land, land_all
from c360.sources.postgres import PostgresTable

pytestmark = pytest.mark.postgres

SERVER = os.environ.get("C360_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
ORDERS = contracts.get("ecommerce_orders")
PASSWORD = "s3cret-pw"  # trust auth ignores it; it must still never be written anywhere


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    """A throwaway database holding ``shop.orders``, inserted out of key order; its URL."""
    name = f"c360_test_sources_{os.getpid()}"
    with pg.connect(SERVER, autocommit=True) as conn, conn.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(SERVER)
    netloc = f"{parts.username or 'postgres'}:{PASSWORD}@{parts.hostname}:{parts.port or 5432}"
    url = urlunsplit(parts._replace(netloc=netloc, path=f"/{name}"))
    with pg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
        cur.execute("CREATE SCHEMA shop")
        cur.execute(
            "CREATE TABLE shop.orders (order_id text PRIMARY KEY, customer_id text, "
            "product_id text, quantity int, order_date text, shipping_address text)"
        )
        cur.execute(
            "INSERT INTO shop.orders VALUES "
            "('O3', 'C1', 'P2', 1, '2024-03-01', NULL), "
            "('O1', 'C1', 'P1', 2, '2024-01-15', '1 rue de la Paix, Paris'), "
            "('O2', 'C2', 'P1', NULL, '2024-02-29', 'Königsallee 1, Düsseldorf')"
        )
        cur.execute("CREATE TABLE shop.retyped AS SELECT * FROM shop.orders")
        cur.execute(
            'CREATE TABLE shop."Orders" ("Order_ID" text PRIMARY KEY, "Customer_ID" text, '
            '"Product_ID" text, "Quantity" int, "Order_Date" text, "Shipping_Address" text)'
        )
        cur.execute('INSERT INTO shop."Orders" SELECT * FROM shop.orders')
        cur.execute("ALTER TABLE shop.retyped ALTER quantity TYPE numeric(6, 1)")
    try:
        yield url
    finally:
        with pg.connect(SERVER, autocommit=True) as conn, conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def configure(workspace: Path, source: str) -> None:
    workspace.mkdir(parents=True, exist_ok=True)
    (workspace / "c360.yaml").write_text(
        f"sources:\n  ecommerce_orders:\n    postgres: {{url_env: TEST_PG_URL, {source}}}\n"
    )


def every_lake_byte(workspace: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (workspace / "lake").rglob("*") if p.is_file())


def test_a_configured_table_lands_like_a_file(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_PG_URL", database)
    configure(tmp_path, "table: shop.orders")
    ((contract, where),) = sources(tmp_path)
    assert contract is ORDERS and where.label == "postgres:shop.orders"
    (landed,) = land_all(tmp_path)
    assert (landed.source, landed.records, landed.landed, landed.quarantined) == (
        "postgres:shop.orders",
        3,
        3,
        0,
    )
    assert (landed.added_columns, landed.missing_columns, landed.retyped_columns) == ([], [], [])
    rows = lake.read_table(tmp_path, "bronze", "ecommerce_orders").to_pylist()
    assert [(r["_row_number"], r["order_id"], r["quantity"], r["order_date"]) for r in rows] == [
        (1, "O1", "2", "2024-01-15"),  # numbered in primary-key order, not insertion order
        (2, "O2", None, "2024-02-29"),
        (3, "O3", "1", "2024-03-01"),
    ]
    assert rows[1]["shipping_address"] == "Königsallee 1, Düsseldorf"
    assert {r["_source_file"] for r in rows} == {"postgres:shop.orders"}
    assert rows[0]["_extra"] is None and rows[0]["_ingested_at"] is not None
    assert lake.read_table(tmp_path, "quarantine", "bronze_ecommerce_orders").num_rows == 0
    assert PASSWORD.encode() not in every_lake_byte(tmp_path)
    assert PASSWORD not in repr(where)


def test_a_query_is_read_in_its_own_order(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_PG_URL", database)
    configure(tmp_path, "query: 'SELECT * FROM shop.orders WHERE quantity > 0 ORDER BY 1 DESC;'")
    (landed,) = land_all(tmp_path)
    assert (landed.source, landed.records, landed.landed) == ("postgres:query", 2, 2)
    rows = lake.read_table(tmp_path, "bronze", "ecommerce_orders").to_pylist()
    assert [(r["_row_number"], r["order_id"]) for r in rows] == [(1, "O3"), (2, "O1")]


def test_columns_named_in_another_case_are_the_contract_columns(
    database: str, tmp_path: Path
) -> None:
    """Quoted mixed-case columns, as a tool that kept a spreadsheet's header creates them."""
    table = PostgresTable("postgres:shop.Orders", database, table="shop.Orders")
    landed = land(tmp_path, ORDERS, table, "b1", WHEN)
    assert (landed.added_columns, landed.missing_columns, landed.records) == ([], [], 3)
    rows = lake.read_table(tmp_path, "bronze", "ecommerce_orders").to_pylist()
    assert [(r["_row_number"], r["order_id"], r["quantity"]) for r in rows] == [
        (1, "O1", "2"), (2, "O2", None), (3, "O3", "1"),  # ordered by the key, "Order_ID"
    ]  # fmt: skip


def test_a_retyped_column_fails_or_lands_as_text(database: str, tmp_path: Path) -> None:
    table = PostgresTable("postgres:shop.retyped", database, table="shop.retyped")
    with pytest.raises(SchemaDriftError) as caught:
        land(tmp_path, ORDERS, table, "b1", WHEN)
    assert str(caught.value) == (
        "postgres:shop.retyped: column quantity of ecommerce_orders is numeric in the source but "
        "int in the contract (set schema_drift: evolve in c360.yaml to land it as text)"
    )
    landed = land(tmp_path, ORDERS, table, "b1", WHEN, drift="evolve")
    assert landed.retyped_columns == ["quantity: int→numeric"]
    rows = lake.read_table(tmp_path, "bronze", "ecommerce_orders").to_pylist()
    assert [r["quantity"] for r in rows] == ["2.0", None, "1.0"]


def test_a_count_that_disagrees_stops_the_landing(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = PostgresTable("postgres:shop.orders", database, table="shop.orders")
    assert table.count() == 3
    monkeypatch.setattr(PostgresTable, "count", lambda self: 4)
    with pytest.raises(ReconciliationError, match="4 records read but 3 landed and 0 quarantined"):
        land(tmp_path, ORDERS, table, "b1", WHEN)


def test_a_missing_url_variable_is_one_line_naming_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TEST_PG_URL", raising=False)
    configure(tmp_path, "table: shop.orders")
    with pytest.raises(SourceError) as caught:
        sources(tmp_path)
    assert str(caught.value) == (
        "ecommerce_orders: environment variable TEST_PG_URL is not set "
        "(the URL of its PostgreSQL source)"
    )


def test_a_missing_table_is_one_line_naming_it(database: str, tmp_path: Path) -> None:
    table = PostgresTable("postgres:shop.nope", database, table="shop.nope")
    with pytest.raises(SourceError) as caught:
        land(tmp_path, ORDERS, table, "b1", WHEN)
    assert str(caught.value) == 'postgres:shop.nope: relation "shop.nope" does not exist'


def test_a_refused_connection_is_one_line_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql://postgres:{PASSWORD}@127.0.0.1:1/postgres"
    with pytest.raises(SourceError) as caught:
        PostgresTable("postgres:shop.orders", url, table="shop.orders").count()
    message = str(caught.value)
    assert message.startswith("postgres:shop.orders: ") and "Connection refused" in message
    assert "\n" not in message and PASSWORD not in message


def test_a_column_named_as_bronzes_record_numbers_is_one_line(
    database: str, tmp_path: Path
) -> None:
    """A re-fed bronze export: its ``_row_number`` would clash with the one bronze adds."""
    query = "SELECT *, 7 AS _row_number FROM shop.orders ORDER BY order_id"
    table = PostgresTable("postgres:query", database, query=query)
    with pytest.raises(SourceError) as caught:
        land(tmp_path, ORDERS, table, "b1", WHEN)
    assert str(caught.value) == (
        "postgres:query: a column is named _row_number, as bronze names its record numbers: "
        "rename it in the source"
    )


@pytest.mark.parametrize("password", ["s3cr/et99", "pa@ss9word", "ab%zzcd"])
def test_no_piece_of_a_password_libpq_echoes_is_shown(tmp_path: Path, password: str) -> None:
    """libpq reads a password holding '/' or '@' as a host or a port and echoes the pieces."""
    url = f"postgresql://postgres:{password}@127.0.0.1:1/postgres"
    with pytest.raises(SourceError) as caught:
        PostgresTable("postgres:shop.orders", url, table="shop.orders").count()
    message = str(caught.value)
    pieces = [p for p in re.split(r"[@/%]", password) if len(p) >= 3]
    assert message.startswith("postgres:shop.orders: ")
    assert not [p for p in pieces if p in message], message


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "postgresql://u@127.0.0.1:1/x?password=s3c&ret9xyz",
            'missing key/value separator "=" in URI query parameter: "***"',
        ),
        (
            "postgresql://u@127.0.0.1:1/x?password=s3c&ret=9xyz",
            'invalid URI query parameter: "***" (the parameter after password=, hidden as it may '
            'be part of the password: write a "&" in a password as %26)',
        ),
        ("host=127.0.0.1 port=1 password=s3cret9 passwd=x", 'invalid connection option "passwd"'),
        ("host=127.0.0.1 port=1 passwd=s3cret dbname=x", 'invalid connection option "passwd"'),
    ],
)
def test_an_option_libpq_refuses_is_named_and_no_password_shown(url: str, message: str) -> None:
    with pytest.raises(SourceError) as caught:
        PostgresTable("postgres:shop.orders", url, table="shop.orders").count()
    assert str(caught.value) == f"postgres:shop.orders: Failed to connect: {message}"


def test_a_tables_columns_mapped_under_csv_land_as_their_columns_in_key_order(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pg.connect(database, autocommit=True) as conn, conn.cursor() as cur:
        cur.execute(
            'CREATE TABLE shop.commandes ("N° commande" text PRIMARY KEY, customer_id text, '
            "product_id text, quantity int, order_date text, shipping_address text)"
        )
        cur.execute(
            "INSERT INTO shop.commandes VALUES ('O2', 'C2', 'P1', 1, '2024-02-29', NULL), "
            "('O1', 'C1', 'P1', 2, '2024-01-15', NULL)"
        )
    monkeypatch.setenv("TEST_PG_URL", database)
    configure(tmp_path, "table: shop.commandes")
    with (tmp_path / "c360.yaml").open("a") as file:
        file.write('csv:\n  ecommerce_orders:\n    columns: {"N° commande": order_id}\n')
    (landed,) = land_all(tmp_path)
    assert (landed.landed, landed.added_columns, landed.missing_columns) == (2, [], [])
    rows = lake.read_table(tmp_path, "bronze", "ecommerce_orders").to_pylist()
    assert [(r["_row_number"], r["order_id"]) for r in rows] == [(1, "O1"), (2, "O2")]
