"""SIGTERM (what cron, systemd and Kubernetes send to stop a command) ends it as Ctrl-C does: one
line on stderr saying so, exit code 143 (128 + 15, as a shell reports a process it ended)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from c360.cli import main

# The child's function in place of a layer's: it says it is there, then waits for ever.
HELD = (
    "import signal, sys, threading\n"
    "from c360.cli import main\n"
    "def held(*args, **kwargs):\n"
    "    print('held', flush=True)\n"
    "    threading.Event().wait()\n"
)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sigterm") / "ws"
    assert main(["generate", "--workspace", str(path), "--scale", "0.01"]) == 0
    return path


def terminated(
    code: str, *args: str, by: signal.Signals = signal.SIGTERM
) -> tuple[int, list[str], str]:
    """Run ``code`` (HELD, then what it adds) with ``args``; once it says it is held, send it
    ``by``: its exit code, the lines of its stdout and its stderr."""
    with subprocess.Popen(
        [sys.executable, "-c", HELD + code, *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as child:  # fmt: skip
        assert child.stdout is not None
        try:
            said: list[
                str
            ] = []  # line by line: a child that ends before it is held ends the lines ("")
            while not said or said[-1] not in ("held\n", ""):
                said.append(child.stdout.readline())
            assert said[-1] == "held\n", said
            child.send_signal(by)
            out, err = child.communicate(timeout=120)  # a safety net
        finally:
            child.kill()  # a no-op once it ended; else the test fails rather than waits
    return child.returncode, [*said, *out.splitlines(keepends=True)], err


def test_a_terminated_run_says_where_it_stopped_and_a_rerun_goes_through(
    workspace: Path,
) -> None:
    """Held in silver after bronze landed: the line names silver; the next run sweeps what this
    one left and finishes, and nothing warns of an unfinished run after it."""
    code = (
        "from c360.pipeline import runner\n"
        "runner.build_silver = held\n"
        "sys.exit(main(['run', '--workspace', sys.argv[1]]))\n"
    )
    returncode, out, err = terminated(code, str(workspace))
    said = "terminated (SIGTERM) at silver: rerunning `c360 run` is safe\n"
    assert (returncode, err) == (143, said)
    assert out[0].startswith("c360 run started ") and out[1].startswith("bronze: ")
    assert out[2:] == ["held\n"]  # no summary of a run that did not finish
    from c360.pipeline.last_run import stale_gold

    assert main(["run", "--workspace", str(workspace)]) == 0
    assert stale_gold(workspace) is None


def test_a_run_whose_ctrl_c_is_ignored_still_ends_on_sigterm(workspace: Path) -> None:
    """A shell script's ``c360 run &`` ignores Ctrl-C (SIGINT): SIGTERM stops the run all the
    same, in bronze here, before any layer finished."""
    code = (
        "from c360.pipeline import runner\n"
        "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "runner.land_all = held\n"
        "sys.exit(main(['run', '--workspace', sys.argv[1]]))\n"
    )
    returncode, out, err = terminated(code, str(workspace))
    said = "terminated (SIGTERM) at bronze: rerunning `c360 run` is safe\n"
    assert (returncode, err) == (143, said)
    assert len(out) == 2 and out[0].startswith("c360 run started ")


def test_another_command_terminated_says_so(tmp_path: Path) -> None:
    code = (
        "from c360.cli import generate\n"
        "generate.run_generate = held\n"
        "sys.exit(main(['generate', '--workspace', sys.argv[1]]))\n"
    )
    returncode, out, err = terminated(code, str(tmp_path / "ws"))
    assert (returncode, out, err) == (143, ["held\n"], "terminated (SIGTERM)\n")


def test_ctrl_c_is_still_interrupted(tmp_path: Path) -> None:
    """SIGINT as before: 'interrupted', 130."""
    code = (
        "from c360.cli import generate\n"
        "generate.run_generate = held\n"
        "sys.exit(main(['generate', '--workspace', sys.argv[1]]))\n"
    )
    returncode, _, err = terminated(code, str(tmp_path / "ws"), by=signal.SIGINT)
    assert (returncode, err) == (130, "interrupted\n")


def test_where_a_run_stopped_follows_its_layers() -> None:
    """In a layer, or between two: a layer whose line was printed is over."""
    from c360.cli.run import Lines, where_stopped
    from c360.pipeline.runner import RunResult

    lines = Lines()
    lines.layer("gold", 3)
    assert where_stopped() == "at gold"
    result = RunResult(Path("ws"), "duckdb")
    result.seconds = {"gold": 1.0}
    lines.finished("gold", result)
    assert where_stopped() == "after gold"
