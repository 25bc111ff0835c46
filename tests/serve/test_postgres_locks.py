"""Loading gold into PostgreSQL while others use it: a bounded wait, one load per schema."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import adbc_driver_postgresql.dbapi as pg
import pytest

from c360.cli import main
from c360.serve.postgres import LoadError, load_postgres
from tests.serve.test_postgres import CONTRACTS, catalog, three_customers, workspace

pytestmark = pytest.mark.postgres

__all__ = ["workspace"]  # fixtures


@contextmanager
def reading(url: str, table: str) -> Iterator[int]:
    """A dashboard's session with a transaction left open on ``table``; yields its pid."""
    with pg.connect(url) as conn, conn.cursor() as cur:
        cur.execute("SET application_name = 'dashboard'")
        cur.execute(f"SELECT count(*) FROM {table}")
        cur.fetchall()
        cur.execute("SELECT pg_backend_pid()")
        (pid,) = cur.fetchone() or (0,)
        try:
            yield pid
        finally:
            conn.rollback()


@contextmanager
def paused_load(workspace: Path, url: str, schema: str) -> Iterator[Future[dict[str, int]]]:
    """A load stopped inside its transaction, after its first table, until the block ends."""
    swapped, go_on = threading.Event(), threading.Event()

    def wait(table: str, rows: int) -> None:
        swapped.set()
        go_on.wait(timeout=60)

    with ThreadPoolExecutor(max_workers=1) as pool:
        first = pool.submit(load_postgres, workspace, url, schema, CONTRACTS, wait)
        assert swapped.wait(timeout=60), first.exception(timeout=0)
        try:
            yield first
        finally:
            go_on.set()


def waiting_sessions(url: str) -> int:
    # This database's only: another test's database on the same server waits on its own.
    locks = (
        "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
        " WHERE NOT l.granted AND d.datname = current_database()"
    )
    return int(catalog(url, locks)[0][0])


def test_a_table_in_use_stops_the_load_after_the_lock_timeout(
    workspace: Path, postgres_url: str
) -> None:
    """An open transaction on a table must not hold the load (and, through the tables it has
    already replaced, every dashboard) forever: it gives up, names who holds the table, and
    the previous load stays, every table of it."""
    load_postgres(workspace, postgres_url, "busy", CONTRACTS)
    three_customers(workspace)
    started = time.monotonic()
    with reading(postgres_url, "busy.fct_order_lines") as pid, pytest.raises(LoadError) as error:
        load_postgres(workspace, postgres_url, "busy", CONTRACTS, lock_timeout=0.5)
    assert time.monotonic() - started < 10
    message = str(error.value)
    assert message.startswith("cannot replace busy.fct_order_lines: gave up after 0.5 s")
    assert f"pid {pid}" in message and "dashboard" in message and "\n" not in message
    assert catalog(postgres_url, "SELECT count(*) FROM busy.dim_customer") == [(2,)]


def test_the_command_takes_a_lock_timeout(
    workspace: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["load-postgres", "-w", str(workspace), "--schema", "busy_cli", "--url", postgres_url]
    assert main(args) == 0
    with reading(postgres_url, "busy_cli.dim_customer"):
        assert main([*args, "--lock-timeout", "0.2"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "error: cannot replace busy_cli.dim_customer: gave up after 0.2 s" in err


def test_two_first_loads_into_one_schema_run_one_after_the_other(
    workspace: Path, postgres_url: str
) -> None:
    """The second waits for the first to commit, then replaces its tables: no clash over
    creating the same schema and tables."""
    with ThreadPoolExecutor(1) as pool, paused_load(workspace, postgres_url, "twice") as first:
        second = pool.submit(load_postgres, workspace, postgres_url, "twice", CONTRACTS)
        deadline = time.monotonic() + 30
        while not waiting_sessions(postgres_url) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert waiting_sessions(postgres_url), "the second load should wait for the first"
    assert first.result(timeout=60) == {"dim_customer": 2, "fct_order_lines": 3}
    assert second.result(timeout=60) == {"dim_customer": 2, "fct_order_lines": 3}
    tables = "SELECT tablename FROM pg_tables WHERE schemaname = 'twice' ORDER BY 1"
    assert catalog(postgres_url, tables) == [("dim_customer",), ("fct_order_lines",)]


def test_a_second_load_says_another_is_running(workspace: Path, postgres_url: str) -> None:
    with paused_load(workspace, postgres_url, "queued") as first:
        with pytest.raises(LoadError) as error:
            load_postgres(workspace, postgres_url, "queued", CONTRACTS, lock_timeout=0.3)
        message = str(error.value)
        assert message.startswith("another load into queued is running: gave up after 0.3 s")
        assert "waiting for pid " in message and '"c360 load-postgres"' in message
    assert first.result(timeout=60) == {"dim_customer": 2, "fct_order_lines": 3}


@pytest.mark.parametrize("seconds", [float("nan"), float("inf"), -1.0, 3e6])
def test_a_lock_timeout_out_of_range_is_refused_in_one_line(tmp_path: Path, seconds: float) -> None:
    with pytest.raises(LoadError, match=r"^lock timeout .* give 0 to 86,400 s$"):
        load_postgres(tmp_path, "postgresql://u@127.0.0.1:1/x", lock_timeout=seconds)


def test_the_tables_are_copied_without_locking_the_live_ones(
    workspace: Path, postgres_url: str
) -> None:
    """While the load copies the new rows, dashboards read the previous load at once: it locks
    the live tables only to swap them all in, at the end."""
    load_postgres(workspace, postgres_url, "live", CONTRACTS)
    three_customers(workspace)
    locks = """
        SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE a.application_name = 'c360 load-postgres' AND l.locktype = 'relation'
          AND l.relation IN ('live.dim_customer'::regclass, 'live.fct_order_lines'::regclass)
    """
    with paused_load(workspace, postgres_url, "live") as load:
        assert catalog(postgres_url, locks) == [(0,)]
        with pg.connect(postgres_url) as conn, conn.cursor() as cur:
            cur.execute("SET lock_timeout = 100")  # a lock the load held would stop it
            cur.execute("SELECT count(*) FROM live.dim_customer")
            assert cur.fetchall() == [(2,)]
            conn.rollback()
    assert load.result(timeout=60) == {"dim_customer": 3, "fct_order_lines": 3}
    assert catalog(postgres_url, "SELECT count(*) FROM live.dim_customer") == [(3,)]
