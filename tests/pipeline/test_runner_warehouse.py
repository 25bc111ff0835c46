"""A warehouse another program holds open for writing stops the run before bronze, not at serve."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import duckdb
import pytest

from c360.cli import main
from c360.engines.duckdb.warehouse import WarehouseError
from c360.generate import Plan, generate
from c360.pipeline.runner import preflight, run
from tests.engines.duckdb.test_warehouse_clients import client as held


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("runner_warehouse") / "ws"
    generate(path, Plan(seed=3, scale=0.01))
    return path


@pytest.fixture
def workspace(generated: Path, tmp_path: Path) -> Path:
    """The generated workspace, with an earlier run's warehouse and lake (one file each)."""
    workspace = tmp_path / "ws"
    subprocess.run(["cp", "-r", str(generated), str(workspace)], check=True)
    with duckdb.connect(str(workspace / "warehouse.duckdb")) as con:
        con.execute("CREATE TABLE fct_orders AS SELECT 'o1' AS order_id")
    (workspace / "lake" / "gold").mkdir(parents=True)
    (workspace / "lake" / "gold" / "kept.txt").write_text("an earlier run's")
    return workspace


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its sha256."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def told(path: Path, holder: subprocess.Popen[str]) -> str:
    return (
        rf"^{path} is open for writing elsewhere \(.+, PID {holder.pid}\): close it in that "
        r"client, or open it there read-only, and run again$"
    )


def test_a_warehouse_open_for_writing_stops_the_run_before_bronze(workspace: Path) -> None:
    path = workspace / "warehouse.duckdb"
    before = tree(workspace)
    with held(path, "rw") as holder:
        with pytest.raises(WarehouseError, match=told(path, holder)):
            run(workspace)
        assert holder.poll() is None  # still holding it when the run stopped
    assert tree(workspace) == before  # nothing landed, the warehouse as it was
    assert not (workspace / "lake" / "bronze").exists()


def test_the_cli_says_so_on_one_line(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = workspace / "warehouse.duckdb"
    with held(path, "rw") as holder:
        assert main(["run", "--workspace", str(workspace)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"error: {path} is open for writing elsewhere (")
    assert f"PID {holder.pid}): close it in that client, or open it there read-only" in err
    assert not (workspace / "lake" / "bronze").exists()


def test_the_check_leaves_the_warehouse_unchanged_and_free(workspace: Path) -> None:
    path = workspace / "warehouse.duckdb"
    before = path.read_bytes()
    preflight(workspace)
    assert path.read_bytes() == before
    assert sorted(p.name for p in workspace.glob("warehouse.duckdb*")) == ["warehouse.duckdb"]
    with duckdb.connect(str(path)) as con:  # not locked: a client may open it for writing
        assert con.execute("SELECT order_id FROM fct_orders").fetchall() == [("o1",)]


def test_a_warehouse_open_read_only_does_not_stop_the_run(workspace: Path) -> None:
    """A read-only client does not keep the rebuilt file from being renamed over the old one."""
    with held(workspace / "warehouse.duckdb", "ro"):
        preflight(workspace)


def test_a_run_that_stops_before_serve_does_not_check_the_warehouse(workspace: Path) -> None:
    with held(workspace / "warehouse.duckdb", "rw"):
        preflight(workspace, until="silver")
        preflight(workspace, until="bronze")
