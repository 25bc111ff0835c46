"""SQL deliverables: one file, one statement, the same answer on the warehouse and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pytest

from c360.contracts.model import Column, Table
from c360.engines import connect
from c360.engines.duckdb.warehouse import build_warehouse, query_warehouse
from c360.pipeline.lake import publish_table
from c360.serve.postgres import load_postgres, query
from c360.serve.sql_files import (
    SqlFile,
    SqlFileError,
    portable,
    read_sql_file,
    read_sql_file_text,
    run_sql_file,
)

CUSTOMERS = Table(
    name="dim_customer",
    seed="000",
    description="",
    layer="gold",
    primary_key=("customer_id",),
    columns=(Column("customer_id", "string"), Column("country", "string")),
)
ORDERS = Table(
    name="fct_orders",
    seed="000",
    description="",
    layer="gold",
    primary_key=("order_id",),
    partition_by=("year",),
    columns=(
        Column("order_id", "string"),
        Column("customer_id", "string", references="dim_customer.customer_id"),
        Column("amount_eur", "float"),
        Column("ordered_at", "timestamp"),
        Column("year", "int"),
    ),
)
# Written the way the deliverables in sql/ are: portable SQL, a stated order, rounded money.
SAMPLE = """\
-- Revenue per country: customers, orders, revenue and first order, largest revenue first.
-- Countries without orders are listed too.
SELECT
    c.country,
    COUNT(DISTINCT c.customer_id) AS customers,
    COUNT(o.order_id) AS orders,
    ROUND(CAST(SUM(o.amount_eur) AS NUMERIC), 2) AS revenue_eur,
    AVG(o.amount_eur) AS mean_order_eur,
    MIN(o.ordered_at) AS first_order_at,
    SUM(o.year) AS year_sum
FROM dim_customer AS c
LEFT JOIN fct_orders AS o ON o.customer_id = c.customer_id
WHERE c.country <> 'it''s; not a country'  -- a ';' in a string or a comment ends nothing
GROUP BY c.country
ORDER BY revenue_eur DESC NULLS LAST, c.country;
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    customers = pa.table(
        {"customer_id": ["c1", "c2", "c3", "c4"], "country": ["FR", "FR", "DE", "ES"]},
        schema=CUSTOMERS.arrow_schema(),
    )
    orders = pa.table(
        {
            "order_id": ["o1", "o2", "o3", "o4"],
            "customer_id": ["c1", "c2", "c2", "c3"],
            "amount_eur": [10.105, 20.0, 5.5, 99.99],
            "ordered_at": [
                dt.datetime(2023, 12, 31, 23, 59, 59),
                dt.datetime(2024, 1, 1),
                dt.datetime(2024, 3, 1, 8, 15),
                dt.datetime(2024, 2, 2),
            ],
            "year": [2023, 2024, 2024, 2024],
        },
        schema=ORDERS.arrow_schema(),
    )
    publish_table(tmp_path, "gold", "dim_customer", customers)
    publish_table(tmp_path, "gold", "fct_orders", orders, ORDERS.partition_by)
    (tmp_path / "revenue_by_country.sql").write_text(SAMPLE, "utf-8")
    return tmp_path


def test_a_deliverable_has_a_title_and_one_statement(workspace: Path) -> None:
    sql = read_sql_file(workspace / "revenue_by_country.sql")
    assert sql.title == (
        "Revenue per country: customers, orders, revenue and first order, largest revenue first. "
        "Countries without orders are listed too."
    )
    assert sql.statement.endswith("c.country")


def test_a_file_saved_with_a_byte_order_mark_keeps_its_title(
    tmp_path: Path, postgres_url: str
) -> None:
    """Windows editors start UTF-8 files with U+FEFF, which PostgreSQL reads as a word."""
    path = tmp_path / "bom.sql"
    path.write_bytes(b"\xef\xbb\xbf-- Two.\r\nSELECT 2 AS n;\r\n")
    assert read_sql_file(path) == SqlFile("Two.", "-- Two.\nSELECT 2 AS n")
    assert run_sql_file(path, lambda sql: query(postgres_url, sql)).to_pylist() == [{"n": 2}]


@pytest.mark.parametrize(
    ("text", "message"),
    [("SELECT 1; SELECT 2;", "more than one statement"), ("-- nothing\n", "no SQL statement")],
)
def test_anything_but_one_statement_is_refused(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "bad.sql").write_text(text, "utf-8")
    with pytest.raises(SqlFileError, match=f"bad.sql: {message}"):
        read_sql_file(tmp_path / "bad.sql")


# One statement each, as PostgreSQL and DuckDB read it, and the value its column x holds.
ONE_STATEMENT = [
    ("SELECT 'a;b' AS x;", "a;b"),
    ("SELECT '--a' AS x; -- done", "--a"),
    ("SELECT 'it''s; /*' AS x", "it's; /*"),
    (r"SELECT E'it\'s; x' AS x", "it's; x"),  # a backslash escapes in E'...'
    (r"SELECT e'a\\' || ';' AS x", "a\\;"),
    ('SELECT 1 AS "x;y", 2 AS x', 2),
    ("SELECT $$a;b'$$ AS x", "a;b'"),
    ("SELECT $t_1$it's; $$ $t_1$ AS x", "it's; $$ "),
    ("SELECT 1 /* a /* nested; */ still a comment; */ AS x", 1),
    ("SELECT 2 AS x; /* ; */ -- ;\n;", 2),
]


@pytest.mark.parametrize(("text", "value"), ONE_STATEMENT)
def test_a_semicolon_quoted_or_in_a_comment_ends_nothing(text: str, value: object) -> None:
    statement = read_sql_file_text(text).statement
    answer = connect("duckdb").sql(f"SELECT x FROM (\n{statement}\n)")
    assert answer.to_pylist() == [{"x": value}]


@pytest.mark.postgres
@pytest.mark.parametrize(("text", "value"), ONE_STATEMENT)
def test_postgresql_reads_the_same_statements(postgres_url: str, text: str, value: object) -> None:
    statement = read_sql_file_text(text).statement
    answer = query(postgres_url, f"SELECT x FROM (\n{statement}\n) AS s")
    assert answer.to_pylist() == [{"x": value}]


@pytest.mark.parametrize("text", ["'yes'", "-- yes\n'yes';", '"yes"', "$$yes$$", "E'yes'"])
def test_a_lone_literal_is_a_statement(text: str) -> None:
    assert read_sql_file_text(text).statement == text.removesuffix(";")


@pytest.mark.parametrize(
    "text",
    [
        "SELECT '--x' AS a; SELECT 2",
        "SELECT 1; 'x'",
        'SELECT 1; "x"',
        r"SELECT 'a\'; SELECT 2",  # a backslash escapes nothing in a standard literal
        r"SELECT E'a\\'; SELECT 2",  # E'a\\' is an a and a backslash
        "SELECT 1 AS a$x$; SELECT 2",  # a $ inside a name starts no dollar quote
        "SELECT $1; SELECT $2",
        "SELECT 1 /* a /* b */ */; SELECT 2",
        "SELECT 1 -- a ' or a /*\n; SELECT 2",
    ],
)
def test_a_second_statement_is_found_after_quotes_and_comments(text: str) -> None:
    with pytest.raises(SqlFileError, match=r"^more than one statement$"):
        read_sql_file_text(text)


@pytest.mark.parametrize("text", ["/* nothing; */ -- at all;", ";", "/* a /* b */ ; */"])
def test_comments_alone_are_no_statement(text: str) -> None:
    with pytest.raises(SqlFileError, match=r"^no SQL statement$"):
        read_sql_file_text(text)


def test_an_unclosed_quote_is_the_engines_to_report() -> None:
    text = "SELECT 'open; SELECT 2"
    assert read_sql_file_text(text).statement == text
    with pytest.raises(Exception, match="unterminated"):
        connect("duckdb").sql(text)


def test_the_warehouse_answers_the_deliverable(workspace: Path) -> None:
    build_warehouse(workspace, (CUSTOMERS, ORDERS))
    answer = run_sql_file(
        workspace / "revenue_by_country.sql", lambda sql: query_warehouse(workspace, sql)
    )
    assert answer.to_pylist() == [
        {
            "country": "DE",
            "customers": 1,
            "orders": 1,
            "revenue_eur": 99.99,
            "mean_order_eur": 99.99,
            "first_order_at": dt.datetime(2024, 2, 2),
            "year_sum": 2024,
        },
        {
            "country": "FR",
            "customers": 2,
            "orders": 3,
            "revenue_eur": 35.61,
            "mean_order_eur": pytest.approx(35.605 / 3),
            "first_order_at": dt.datetime(2023, 12, 31, 23, 59, 59),
            "year_sum": 6071,
        },
        {
            "country": "ES",
            "customers": 1,
            "orders": 0,
            "revenue_eur": None,
            "mean_order_eur": None,
            "first_order_at": None,
            "year_sum": None,
        },
    ]


@pytest.mark.postgres
def test_the_warehouse_and_postgresql_give_identical_answers(
    workspace: Path, postgres_url: str
) -> None:
    contracts = (CUSTOMERS, ORDERS)
    build_warehouse(workspace, contracts)
    load_postgres(workspace, postgres_url, "sql_files", contracts)
    path = workspace / "revenue_by_country.sql"
    in_duckdb = run_sql_file(path, lambda sql: query_warehouse(workspace, sql))
    in_postgres = run_sql_file(path, lambda sql: query(postgres_url, sql, "sql_files"))
    assert in_duckdb.num_rows == 3
    assert in_duckdb.schema == in_postgres.schema
    assert in_duckdb.to_pylist() == in_postgres.to_pylist()


def test_portable_types_agree_across_engines() -> None:
    numeric = pa.opaque(pa.string(), "numeric", "PostgreSQL")
    answer = pa.table(
        {
            "n": pa.array([1], pa.int32()),
            "d": pa.array([Decimal("1.5")], pa.decimal128(18, 3)),
            "pg": pa.ExtensionArray.from_storage(numeric, pa.array(["1.50"])),
            "at": pa.array([0], pa.timestamp("s", "Europe/Paris")),
        }
    )
    assert portable(answer).schema == pa.schema(
        {"n": pa.int64(), "d": pa.float64(), "pg": pa.float64(), "at": pa.timestamp("us", "UTC")}
    )
    assert portable(answer).column("pg").to_pylist() == [1.5]
