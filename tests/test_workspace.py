"""The workspace lock: one writer at a time, released however the writer ends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from c360.cli import main
from c360.generate import Plan, generate
from c360.pipeline.runner import run
from c360.workspace import WorkspaceBusyError, exclusive, shared, special_file


def test_a_second_writer_is_refused_and_told_who_holds_the_lock(tmp_path: Path) -> None:
    busy = pytest.raises(WorkspaceBusyError, match=r"in use by c360 run \(pid \d+, since ")
    with exclusive(tmp_path, "c360 run"), busy, exclusive(tmp_path, "c360 generate"):
        pass
    with exclusive(tmp_path, "c360 generate"):  # free again once the holder is done
        pass


def test_readers_share_the_lock_and_keep_writers_out(tmp_path: Path) -> None:
    """c360 load-postgres reads every table: no run may swap some of them meanwhile."""
    refused = pytest.raises(WorkspaceBusyError, match="in use by a command reading it")
    with shared(tmp_path), shared(tmp_path), refused, exclusive(tmp_path, "c360 run"):
        pass  # readers together keep a writer out
    refused = pytest.raises(WorkspaceBusyError, match=r"in use by c360 run \(pid")
    with exclusive(tmp_path, "c360 run"), refused, shared(tmp_path):
        pass
    with shared(tmp_path):  # the writer is done
        pass


def test_the_lock_is_released_when_the_holder_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), exclusive(tmp_path, "c360 run"):
        raise RuntimeError("the run broke")
    with exclusive(tmp_path, "c360 run"):
        pass


def test_a_lock_held_by_another_process_ends_with_that_process(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; from c360.workspace import exclusive\n"
         "with exclusive(Path(sys.argv[1]), 'c360 run'):\n"
         "    print('held', flush=True); sys.stdin.read()",
         str(tmp_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    with pytest.raises(WorkspaceBusyError, match=f"pid {holder.pid}"), exclusive(tmp_path, "x"):
        pass
    holder.kill()  # killed, not finished: the system still releases the lock
    holder.wait()
    with exclusive(tmp_path, "c360 run"):
        pass


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("busy") / "ws"
    generate(path, Plan(seed=5, scale=0.01))
    return path


def test_a_run_on_a_busy_workspace_writes_nothing(sources: Path) -> None:
    with exclusive(sources, "c360 generate"), pytest.raises(WorkspaceBusyError):
        run(sources)
    assert not (sources / "lake").exists()


def test_generate_on_a_busy_workspace_keeps_its_sources(sources: Path) -> None:
    before = sorted(p.relative_to(sources) for p in (sources / "sources").rglob("*"))
    with exclusive(sources, "c360 run"), pytest.raises(WorkspaceBusyError):
        generate(sources, Plan(seed=6, scale=0.01), force=True)
    assert sorted(p.relative_to(sources) for p in (sources / "sources").rglob("*")) == before


@pytest.mark.parametrize("command", [["run"], ["generate", "--force", "--scale", "0.01"]])
def test_the_cli_says_so_in_one_line(
    sources: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with exclusive(sources, "c360 run"):
        assert main([*command, "--workspace", str(sources)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: workspace ") and "is in use by c360 run" in err
    assert err.count("\n") == 1


def test_load_postgres_refuses_while_a_run_writes(
    sources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://postgres@127.0.0.1:5432/postgres"
    with exclusive(sources, "c360 run"):
        assert main(["load-postgres", "--url", url, "--workspace", str(sources)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: workspace ") and "is in use by c360 run" in err


def test_only_pipes_sockets_and_devices_are_special_files(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "file").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "pipe")
    found = {p: special_file(tmp_path / p) for p in ("pipe", "file", "link", "missing", ".")}
    assert found == {"pipe": True, "file": False, "link": True, "missing": False, ".": False}
    assert special_file(Path("/dev/null"))
