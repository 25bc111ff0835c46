"""The warehouse file: gold tables with keys, silver views, read-only queries, atomic rebuilds."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from c360.contracts.model import Column, Table
from c360.engines.duckdb import warehouse
from c360.engines.duckdb.warehouse import (
    MissingTableError,
    QueryError,
    WarehouseError,
    WarehouseMissingError,
    build_warehouse,
    query_warehouse,
    read_warehouse,
)
from c360.pipeline.lake import publish_table

CUSTOMERS = Table(
    name="dim_customer",
    seed="000",
    description="",
    layer="gold",
    primary_key=("customer_id",),
    columns=(
        Column("customer_id", "string"),
        Column("country", "string"),
        Column("tags", "list<string>", nullable=True),
    ),
)
ORDERS = Table(
    name="fct_orders",
    seed="000",
    description="",
    layer="gold",
    primary_key=("order_id", "line"),
    partition_by=("year",),
    columns=(
        Column("order_id", "string"),
        Column("line", "int"),
        Column("customer_id", "string", references="dim_customer.customer_id"),
        Column("year", "int"),
        Column("ordered_at", "timestamp"),
    ),
)
CONTRACTS = (CUSTOMERS, ORDERS)
# A BI tool holding the warehouse open read-write, as DBeaver does by default.
HOLD_OPEN = (
    "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
    "print('open', flush=True); time.sleep(60)"
)


def customers(*ids: str) -> pa.Table:
    return pa.table(
        {"customer_id": list(ids), "country": ["FR"] * len(ids), "tags": [["vip"]] * len(ids)},
        schema=CUSTOMERS.arrow_schema(),
    )


def orders() -> pa.Table:
    at = [dt.datetime(2023, 12, 31, 23, 0), dt.datetime(2024, 1, 2, 9, 30), dt.datetime(2024, 2, 1)]
    return pa.table(
        {
            "order_id": ["o1", "o2", "o2"],
            "line": [1, 1, 2],
            "customer_id": ["c1", "c2", "c2"],
            "year": [2023, 2024, 2024],
            "ordered_at": at,
        },
        schema=ORDERS.arrow_schema(),
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    publish_table(tmp_path, "gold", "dim_customer", customers("c1", "c2"))
    publish_table(tmp_path, "gold", "fct_orders", orders(), ORDERS.partition_by)
    publish_table(tmp_path, "gold", "no_contract", pa.table({"x": [1, 2, 3]}))
    publish_table(tmp_path, "silver", "stg_people", pa.table({"person_id": ["p1", "p2"]}))
    publish_table(
        tmp_path, "silver", "stg_visits", pa.table({"n": [1, 2], "month": [1, 2]}), ("month",)
    )
    return tmp_path


def catalog(path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_gold_tables_and_silver_views(workspace: Path) -> None:
    path = build_warehouse(workspace, CONTRACTS)
    assert path == workspace / "warehouse.duckdb"
    kinds = catalog(path, "SELECT table_name, table_type FROM information_schema.tables ORDER BY 1")
    assert kinds == [
        ("dim_customer", "BASE TABLE"),
        ("fct_orders", "BASE TABLE"),
        ("no_contract", "BASE TABLE"),
        ("stg_people", "VIEW"),
        ("stg_visits", "VIEW"),
    ]
    # Keys are checked, not indexed: an index would take more room than the tables.
    assert catalog(path, "SELECT count(*) FROM duckdb_indexes()") == [(0,)]
    assert catalog(path, "SELECT count(*) FROM duckdb_constraints() "
                   "WHERE constraint_type = 'PRIMARY KEY'") == [(0,)]  # fmt: skip
    # The contract's column order, and the Hive partition typed as the contract says.
    columns = catalog(path, "DESCRIBE fct_orders")
    assert [(c[0], c[1]) for c in columns][:4] == [
        ("order_id", "VARCHAR"),
        ("line", "BIGINT"),
        ("customer_id", "VARCHAR"),
        ("year", "BIGINT"),
    ]
    assert columns[4][1].startswith("TIMESTAMP")
    visits = query_warehouse(workspace, "SELECT sum(n) AS n, sum(month) AS m FROM stg_visits")
    assert visits.to_pylist() == [{"n": 3, "m": 3}]


def test_views_read_the_lake_as_it_is_now(workspace: Path) -> None:
    build_warehouse(workspace, CONTRACTS)
    publish_table(workspace, "silver", "stg_people", pa.table({"person_id": ["p1", "p2", "p3"]}))
    assert query_warehouse(workspace, "SELECT count(*) AS n FROM stg_people")["n"][0].as_py() == 3


def test_query_returns_arrow_and_is_read_only(workspace: Path) -> None:
    build_warehouse(workspace, CONTRACTS)
    answer = query_warehouse(
        workspace,
        "SELECT customer_id, count(*) AS lines FROM fct_orders GROUP BY 1 ORDER BY 1",
    )
    assert answer.to_pylist() == [
        {"customer_id": "c1", "lines": 1},
        {"customer_id": "c2", "lines": 2},
    ]
    with pytest.raises(QueryError, match="read-only"):
        query_warehouse(workspace, "CREATE TABLE t AS SELECT 1")
    with pytest.raises(QueryError) as error:
        query_warehouse(workspace, "SELEC 1")
    assert "syntax error" in str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("", "no SQL statement"),
        ("  \n", "no SQL statement"),
        ("/* nothing */", "no SQL statement"),
        ("SELECT 1; SELECT 2", "more than one statement"),
    ],
)
def test_a_query_is_one_statement(workspace: Path, sql: str, message: str) -> None:
    build_warehouse(workspace, CONTRACTS)
    with pytest.raises(QueryError) as error:
        query_warehouse(workspace, sql)
    assert str(error.value) == message


@pytest.mark.parametrize(
    "sql",
    [
        "COPY (SELECT 1) TO '{out}'",
        "EXPORT DATABASE '{out}'",
        "EXPLAIN ANALYZE COPY (SELECT 1) TO '{out}'",
        "EXPLAIN (ANALYZE) /* why */ COPY (SELECT 'é') TO '{out}'",
        "ATTACH '{out}' AS other",
        "INSTALL httpfs",
        "SET threads = 1",
        "PRAGMA enable_profiling",
        "CREATE TEMP TABLE t AS SELECT 1",
    ],
)
def test_a_query_that_writes_or_changes_settings_is_refused(
    workspace: Path, tmp_path: Path, sql: str
) -> None:
    build_warehouse(workspace, CONTRACTS)
    out = tmp_path / "out"
    with pytest.raises(QueryError, match="read-only") as error:
        query_warehouse(workspace, sql.format(out=out))
    assert "\n" not in str(error.value)
    assert not out.exists()


@pytest.mark.parametrize(
    "sql",
    [
        "DESCRIBE fct_orders",
        "SHOW TABLES",
        "SUMMARIZE fct_orders",
        "FROM fct_orders",
        "EXPLAIN SELECT * FROM fct_orders",
        "EXPLAIN ANALYZE SELECT * FROM fct_orders",
        "-- lines\nWITH o AS (SELECT * FROM fct_orders) SELECT count(*) FROM o;",
        "PIVOT fct_orders ON customer_id USING count(*)",  # its columns found as it runs
        "SELECT * FROM (PIVOT fct_orders ON year USING count(*) GROUP BY customer_id)",
    ],
)
def test_queries_that_only_read_run(workspace: Path, sql: str) -> None:
    build_warehouse(workspace, CONTRACTS)
    assert query_warehouse(workspace, sql).num_rows > 0


def test_a_query_naming_a_table_the_warehouse_lacks_says_which(workspace: Path) -> None:
    build_warehouse(workspace, CONTRACTS)
    with pytest.raises(MissingTableError) as error:
        query_warehouse(workspace, "SELECT * FROM fct_order")
    assert str(error.value) == "Catalog Error: Table with name fct_order does not exist!"
    assert error.value.table == "fct_order"
    with pytest.raises(QueryError) as other:  # a missing column is the query's own fault
        query_warehouse(workspace, "SELECT no_such_column FROM fct_orders")
    assert not isinstance(other.value, MissingTableError)


@pytest.mark.parametrize(
    ("sql", "table"),
    [
        ("SELECT 'dim_customer' AS x FROM nosuch -- see fct_orders", "nosuch"),
        ("SELECT * FROM main.Fct_Order", "Fct_Order"),
        ('SELECT * FROM "gone! does not exist! really"', "gone! does not exist! really"),
        ("SELECT * FROM fct_orders JOIN nosuch USING (order_id)", "nosuch"),
        ("SELECT no_such_function(1)", None),  # a missing function names no table
        ("SELECT * FROM nosuch_schema.fct_orders", None),
    ],
)
def test_a_missing_table_error_holds_the_name_duckdb_gives(
    workspace: Path, sql: str, table: str | None
) -> None:
    build_warehouse(workspace, CONTRACTS)
    with pytest.raises(MissingTableError) as error:
        query_warehouse(workspace, sql)
    assert error.value.table == table


def test_a_missing_warehouse_says_to_run_the_pipeline(tmp_path: Path) -> None:
    with pytest.raises(WarehouseMissingError, match="run `c360 run` first"):
        query_warehouse(tmp_path, "SELECT 1")


def test_a_broken_primary_key_names_the_table(workspace: Path) -> None:
    publish_table(workspace, "gold", "dim_customer", customers("c1", "c1"))
    with pytest.raises(
        WarehouseError, match=r"dim_customer breaks its primary key \(customer_id\): 2 rows of 'c1'"
    ):
        build_warehouse(workspace, CONTRACTS)
    assert not (workspace / "warehouse.duckdb").exists()


def test_a_composite_key_is_checked_whole(workspace: Path) -> None:
    paired = Table(**{**CUSTOMERS.__dict__, "primary_key": ("country", "customer_id")})
    assert catalog(
        build_warehouse(workspace, (paired, ORDERS)), "SELECT count(*) FROM dim_customer"
    ) == [(2,)]
    publish_table(workspace, "gold", "dim_customer", customers("c1", "c1"))
    with pytest.raises(
        WarehouseError,
        match=r"breaks its primary key \(country, customer_id\): 2 rows of \('FR', 'c1'\)",
    ):
        build_warehouse(workspace, (paired, ORDERS))


def test_a_null_in_a_primary_key_names_the_table(workspace: Path) -> None:
    nulled = pa.table({"customer_id": ["c1", None], "country": ["FR", "FR"], "tags": [None, None]})
    publish_table(workspace, "gold", "dim_customer", nulled)
    with pytest.raises(WarehouseError, match=r"dim_customer breaks its primary key .*: a NULL"):
        build_warehouse(workspace, CONTRACTS)


def test_a_failed_rebuild_leaves_the_previous_warehouse(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_warehouse(workspace, CONTRACTS)
    publish_table(workspace, "gold", "dim_customer", customers("c1", "c2", "c3"))

    def crash(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(warehouse, "_create_table", crash)
    with pytest.raises(RuntimeError, match="disk full"):
        build_warehouse(workspace, CONTRACTS)
    assert sorted(p.name for p in workspace.iterdir()) == ["lake", "warehouse.duckdb"]
    assert catalog(workspace / "warehouse.duckdb", "SELECT count(*) FROM dim_customer") == [(2,)]

    monkeypatch.undo()
    build_warehouse(workspace, CONTRACTS)
    assert catalog(workspace / "warehouse.duckdb", "SELECT count(*) FROM dim_customer") == [(3,)]


def test_the_file_a_killed_build_was_writing_goes_with_the_next_build(workspace: Path) -> None:
    """Killed (-9, out of memory), a build leaves its temporary file and WAL behind, named by
    its process id: as large as the warehouse, they would stay for good."""
    for name in (".warehouse.duckdb.41.tmp", ".warehouse.duckdb.41.tmp.wal"):
        (workspace / name).write_bytes(b"half a warehouse")
    build_warehouse(workspace, CONTRACTS)
    assert sorted(p.name for p in workspace.iterdir()) == ["lake", "warehouse.duckdb"]


def test_a_reader_keeps_its_answer_while_the_warehouse_is_replaced(workspace: Path) -> None:
    build_warehouse(workspace, CONTRACTS)
    with duckdb.connect(str(workspace / "warehouse.duckdb"), read_only=True) as reader:
        publish_table(workspace, "gold", "dim_customer", customers("c1", "c2", "c3"))
        build_warehouse(workspace, CONTRACTS)
        assert reader.execute("SELECT count(*) FROM dim_customer").fetchall() == [(2,)]
    assert query_warehouse(workspace, "SELECT count(*) AS n FROM dim_customer")["n"][0].as_py() == 3


def test_an_empty_lake_gives_an_empty_warehouse(tmp_path: Path) -> None:
    path = build_warehouse(tmp_path, CONTRACTS)
    assert catalog(path, "SELECT count(*) FROM information_schema.tables") == [(0,)]


def test_a_warehouse_open_for_writing_is_not_replaced(workspace: Path) -> None:
    path = build_warehouse(workspace, CONTRACTS)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(WarehouseError, match="open for writing elsewhere"):
            build_warehouse(workspace, CONTRACTS)
    finally:
        holder.kill()
        holder.wait()


def test_a_corrupt_warehouse_is_replaced(workspace: Path) -> None:
    (workspace / "warehouse.duckdb").write_bytes(b"not a database")
    path = build_warehouse(workspace, CONTRACTS)
    assert catalog(path, "SELECT count(*) FROM dim_customer") == [(2,)]


def test_a_moved_workspace_reads_its_own_silver_data(workspace: Path, tmp_path: Path) -> None:
    build_warehouse(workspace, CONTRACTS)
    views = catalog(
        workspace / "warehouse.duckdb", "SELECT sql FROM duckdb_views() WHERE NOT internal"
    )
    assert len(views) == 2 and all(f"'{workspace}/lake/silver/" in sql for (sql,) in views)
    moved = tmp_path.parent / f"{tmp_path.name}-moved"
    shutil.move(workspace, moved)
    assert query_warehouse(moved, "SELECT count(*) AS n FROM stg_people")["n"][0].as_py() == 2
    assert query_warehouse(moved, "SELECT sum(month) AS n FROM stg_visits")["n"][0].as_py() == 3
    with read_warehouse(moved, "SELECT count(*) AS n FROM stg_people") as reader:
        assert reader.read_all()["n"].to_pylist() == [2]


def test_a_copied_workspace_reads_its_own_silver_data(workspace: Path, tmp_path: Path) -> None:
    build_warehouse(workspace, CONTRACTS)
    copy = tmp_path.parent / f"{tmp_path.name}-copy"
    shutil.copytree(workspace, copy)
    publish_table(copy, "silver", "stg_people", pa.table({"person_id": ["p1", "p2", "p3"]}))
    assert query_warehouse(copy, "SELECT count(*) AS n FROM stg_people")["n"][0].as_py() == 3
    assert query_warehouse(workspace, "SELECT count(*) AS n FROM stg_people")["n"][0].as_py() == 2


def test_a_copy_without_a_silver_table_reads_none_of_the_original_lake(
    workspace: Path, tmp_path: Path
) -> None:
    build_warehouse(workspace, CONTRACTS)
    copy = tmp_path.parent / f"{tmp_path.name}-copy"
    shutil.copytree(workspace, copy)
    shutil.rmtree(copy / "lake" / "silver" / "stg_people")
    for sql in (
        "SELECT count(*) AS n FROM stg_people",
        "SELECT person_id FROM stg_people",
        "SELECT p.person_id, v.month FROM stg_visits v JOIN stg_people p ON v.n = 1",
    ):
        with pytest.raises(QueryError, match=r"stg_people is not in this workspace's lake"):
            query_warehouse(copy, sql)
    assert query_warehouse(copy, "SELECT sum(month) AS n FROM stg_visits")["n"][0].as_py() == 3
    assert query_warehouse(workspace, "SELECT count(*) AS n FROM stg_people")["n"][0].as_py() == 2


def test_any_duckdb_client_reads_the_views_from_any_directory(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A BI tool opens the file with a working directory of its own, not the workspace."""
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    build_warehouse(workspace, CONTRACTS)
    assert catalog(workspace / "warehouse.duckdb", "SELECT count(*) FROM stg_visits") == [(2,)]
    assert catalog(workspace / "warehouse.duckdb", "SELECT sum(month) FROM stg_visits") == [(3,)]


def test_a_rerun_in_a_moved_workspace_points_the_views_at_its_lake(
    workspace: Path, tmp_path: Path
) -> None:
    build_warehouse(workspace, CONTRACTS)
    moved = tmp_path.parent / f"{tmp_path.name}-moved"
    shutil.copytree(workspace, moved)
    publish_table(moved, "silver", "stg_people", pa.table({"person_id": ["p1", "p2", "p3"]}))
    build_warehouse(moved, CONTRACTS)
    shutil.rmtree(workspace)
    assert catalog(moved / "warehouse.duckdb", "SELECT count(*) FROM stg_people") == [(3,)]


def test_the_warehouse_file_opens_in_older_duckdb_releases(workspace: Path) -> None:
    """Written in the storage format of DuckDB 1.4, which DuckDB 1.4 onwards reads (1.5 clients
    cannot open a file in 2.0's format), with nothing the warehouse holds lost."""
    path = build_warehouse(workspace, CONTRACTS)
    tags = catalog(path, "SELECT tags FROM duckdb_databases() WHERE database_name = 'warehouse'")
    assert tags == [({"storage_version": "v1.4.0+"},)]
    assert catalog(path, "SELECT tags FROM dim_customer ORDER BY 1") == [(["vip"],), (["vip"],)]


def test_an_answer_streams_in_batches(workspace: Path) -> None:
    build_warehouse(workspace, CONTRACTS)
    huge = "SELECT range AS n FROM range(10000000000)"  # never held whole
    with read_warehouse(workspace, huge, batch_rows=1000) as reader:
        assert reader.schema.names == ["n"]
        assert [reader.read_next_batch().num_rows for _ in range(3)] == [1000, 1000, 1000]


def test_a_streamed_query_keeps_the_guards(workspace: Path, tmp_path: Path) -> None:
    build_warehouse(workspace, CONTRACTS)
    out = tmp_path / "out"
    for sql, refused in [
        (f"COPY (SELECT 1) TO '{out}'", QueryError),
        ("SELECT 1; SELECT 2", QueryError),
        ("SELECT * FROM nope", MissingTableError),
    ]:
        with pytest.raises(refused), read_warehouse(workspace, sql):
            pass
    assert not out.exists()


def test_an_error_midway_through_a_stream_is_a_query_error(workspace: Path) -> None:
    build_warehouse(workspace, CONTRACTS)
    sql = "SELECT CASE WHEN range < 5000 THEN range ELSE error('too far') END AS n FROM range(9000)"
    with (
        read_warehouse(workspace, sql, batch_rows=1000) as reader,
        pytest.raises(QueryError, match="too far") as error,
    ):
        reader.read_all()
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("value", "kind", "portable", "display"),
    [
        ("42::BIGINT", pa.int64(), 42, 42),
        ("1.5::DECIMAL(4, 1)", pa.decimal128(4, 1), Decimal("1.5"), Decimal("1.5")),
        ("'x'", pa.string(), "x", "x"),
        ("DATE '2024-03-01'", pa.date32(), dt.date(2024, 3, 1), "2024-03-01"),
        ("['a', NULL]", pa.list_(pa.string()), ["a", None], "[a, NULL]"),
        ("true", pa.bool_(), True, "true"),
        ("'12:30'::TIME", pa.string(), "12:30:00", "12:30:00"),
        ("INTERVAL 3 DAY", pa.string(), "3 days", "3 days"),
        ("{'a': [1]}", pa.string(), '{"a":[1]}', "{'a': [1]}"),
        ("[{'a': 1}]", pa.string(), '[{"a":1}]', "[{'a': 1}]"),
        ("'a'::ENUM('a')", pa.string(), "a", "a"),
        ("'\\x01'::BLOB", pa.string(), "\\x01", "\\x01"),
    ],
)
def test_forms_of_an_answer(
    workspace: Path, value: str, kind: pa.DataType, portable: object, display: object
) -> None:
    build_warehouse(workspace, CONTRACTS)
    sql = f"SELECT {value} AS v, 1 AS v"  # duplicate names stay
    with read_warehouse(workspace, sql, form="portable") as reader:
        answer = reader.read_all()
    assert answer.column_names == ["v", "v"]
    assert answer.schema.field(0).type == kind
    assert answer.column(0).to_pylist() == [portable]
    with read_warehouse(workspace, sql, form="display") as reader:
        assert reader.read_all().column(0).to_pylist() == [display]


@pytest.fixture
def ctrl_c_raises() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt, even in a test run whose shell started it ignored."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


@pytest.mark.usefixtures("ctrl_c_raises")
@pytest.mark.parametrize("streamed", [False, True])
def test_ctrl_c_stops_a_long_query(workspace: Path, streamed: bool) -> None:
    """A query DuckDB runs as one long task stops too (DuckDB's own check would miss the key)."""
    build_warehouse(workspace, CONTRACTS)
    long = "SELECT sum(range % 7) AS n FROM range(1000000000000)"
    main = threading.main_thread().ident
    assert main is not None
    threading.Timer(0.5, signal.pthread_kill, (main, signal.SIGINT)).start()
    with pytest.raises(KeyboardInterrupt):
        if streamed:
            with read_warehouse(workspace, long) as reader:
                reader.read_all()
        else:
            query_warehouse(workspace, long)


@pytest.mark.parametrize("name", ["a,b", "o'brien", "café [1]"])
def test_a_workspace_path_with_a_comma_quote_or_bracket(tmp_path: Path, name: str) -> None:
    """DuckDB's file_search_path is a comma-separated list, SQL quotes a quote, and a glob
    reads brackets as a set of characters."""
    workspace = tmp_path / name
    publish_table(workspace, "silver", "stg_people", pa.table({"person_id": ["p1", "p2"]}))
    build_warehouse(workspace, CONTRACTS)
    assert query_warehouse(workspace, "SELECT count(*) AS n FROM stg_people")["n"][0].as_py() == 2
    assert catalog(workspace / "warehouse.duckdb", "SELECT count(*) FROM stg_people") == [(2,)]
    moved = tmp_path / f"{name} moved"
    shutil.move(workspace, moved)
    assert query_warehouse(moved, "SELECT count(*) AS n FROM stg_people")["n"][0].as_py() == 2


def test_a_query_needing_an_extension_not_bundled_fails_without_fetching_it(
    workspace: Path,
) -> None:
    build_warehouse(workspace, CONTRACTS)
    with pytest.raises(QueryError) as error:  # `>>=` is the inet extension's, not bundled
        query_warehouse(workspace, "SELECT '10.0.0.0/8' >>= '10.1.2.3' AS within")
    assert "is not in the catalog" in str(error.value)  # not "while trying to install"


def test_a_file_size_limit_hit_while_building_is_one_line_and_the_old_warehouse_stays(
    tmp_path: Path,
) -> None:
    """A full disk, as DuckDB meets it: a write refused (here by RLIMIT_FSIZE, in a child)."""
    publish_table(tmp_path, "gold", "dim_x", pa.table({"v": [1, 2]}))
    build_warehouse(tmp_path)
    rng = random.Random(7)
    noise = [rng.randbytes(16).hex() for _ in range(200_000)]  # does not compress
    publish_table(tmp_path, "gold", "dim_x", pa.table({"v": [1] * len(noise), "w": noise}))
    script = (
        "import resource, signal, sys\n"
        "from c360.engines.duckdb.warehouse import WarehouseError, build_warehouse\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000))\n"
        "try:\n"
        "    build_warehouse(sys.argv[1])\n"
        "except WarehouseError as exc:\n"
        "    print(exc)\n"
        "    sys.exit(3)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 3, done.stderr
    assert done.stdout.startswith(f"cannot build {tmp_path / 'warehouse.duckdb'}: ")
    assert done.stdout.count("\n") == 1
    assert query_warehouse(tmp_path, "SELECT sum(v) FROM dim_x").column(0).to_pylist() == [3]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
