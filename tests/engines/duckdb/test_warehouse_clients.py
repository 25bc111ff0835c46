"""Other programs holding the warehouse open: a writer stops the build, a reader does not."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from c360.engines.duckdb.warehouse import (
    WarehouseError,
    build_warehouse,
    check_writable,
    query_warehouse,
)
from c360.pipeline.lake import publish_table

# A SQL client holding the warehouse open (read-write, as DBeaver does by default, or read-only);
# each line it reads, it answers with the sum it sees.
HOLD = (
    "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro'); "
    "print('open', flush=True)\n"
    "for _ in sys.stdin: print(c.execute('SELECT sum(v) FROM dim_x').fetchone()[0], flush=True)"
)


@contextmanager
def client(path: Path, mode: str) -> Iterator[subprocess.Popen[str]]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        yield holder
    finally:
        holder.kill()
        holder.wait()


def ask(holder: subprocess.Popen[str]) -> str:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    return holder.stdout.readline().strip()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    publish_table(tmp_path, "gold", "dim_x", pa.table({"v": [1, 2]}))
    build_warehouse(tmp_path, [])
    publish_table(tmp_path, "gold", "dim_x", pa.table({"v": [10, 20, 30]}))
    return tmp_path


def test_a_client_reading_does_not_stop_the_build_and_keeps_its_old_answer(
    workspace: Path,
) -> None:
    with client(workspace / "warehouse.duckdb", "ro") as reader:
        assert ask(reader) == "3"
        check_writable(workspace)
        build_warehouse(workspace, [])
        assert query_warehouse(workspace, "SELECT sum(v) AS s FROM dim_x")["s"].to_pylist() == [60]
        assert ask(reader) == "3"  # the file it opened, until it reconnects


def test_a_client_writing_is_named_and_the_warehouse_left_as_it_was(workspace: Path) -> None:
    path = workspace / "warehouse.duckdb"
    before = path.read_bytes()
    with client(path, "rw") as writer:
        for attempt in (check_writable, lambda ws: build_warehouse(ws, [])):
            with pytest.raises(WarehouseError) as raised:
                attempt(workspace)
            assert str(raised.value).startswith(f"{path} is open for writing elsewhere (")
            assert str(raised.value).endswith(
                f", PID {writer.pid}): close it in that client, or open it there read-only, "
                "and run again"
            )
        assert ask(writer) == "3"
    assert path.read_bytes() == before
    with duckdb.connect(str(path)) as con:  # the check left no lock behind
        assert con.execute("SELECT sum(v) FROM dim_x").fetchone() == (3,)


def test_no_warehouse_yet_is_writable(tmp_path: Path) -> None:
    check_writable(tmp_path)
    assert list(tmp_path.iterdir()) == []
