"""The command line: demo, generate, docs, and one-line errors."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from c360.cli import app, main

runner = CliRunner()


def test_demo_at_a_tiny_scale(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--workspace", str(tmp_path / "demo"), "--scale", "0.01"])
    assert result.exit_code == 0, result.output
    assert "crm_customers" in result.output
    assert "manifest sha256" in result.output
    assert "every source reconciled" in result.output
    assert (tmp_path / "demo" / "sources" / "c360" / "crm_customers.csv").is_file()
    assert (
        len(
            list(
                (tmp_path / "demo" / "sources" / "c360" / "text" / "customer_knowledge_notes").glob(
                    "*.txt"
                )
            )
        )
        == 200
    )


def test_generate_refuses_a_non_empty_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["generate", "--workspace", str(tmp_path), "--scale", "0.01"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "not empty" in err and "--force" in err
    assert err.count("\n") == 1
    assert main([*args, "--force"]) == 0


@pytest.mark.parametrize(
    "args",
    [["--scale", "500"], ["--scale", "abc"], ["--format", "xlsx"], ["--dirt", "0.9"], ["--bogus"]],
)
def test_bad_arguments_get_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    assert main(["generate", "--workspace", str(tmp_path / "x"), *args]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ")
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err + captured.out
    assert not (tmp_path / "x").exists()


def test_docs_data_model_prints_markdown() -> None:
    result = runner.invoke(app, ["docs", "data-model"])
    assert result.exit_code == 0
    assert result.output.startswith("# Data model")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("c360 ")


def test_run_lands_bronze_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--workspace", str(tmp_path), "--scale", "0.01"]) == 0
    capsys.readouterr()
    assert main(["run", "--workspace", str(tmp_path)]) == 0
    assert "every source reconciled" in capsys.readouterr().out
    assert (tmp_path / "lake" / "bronze" / "orders" / "part-00000.parquet").is_file()


def test_run_without_sources_gets_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--workspace", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no sources found") and err.count("\n") == 1
    missing, a_file = tmp_path / "nowhere", tmp_path / "orders.csv"
    a_file.write_text("id\n")
    assert main(["run", "--workspace", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"error: no workspace at {missing} (c360 generate or c360 demo makes one)\n"
    )
    assert main(["run", "--workspace", str(a_file)]) == 2
    assert capsys.readouterr().err == f"error: {a_file} is a file, not a workspace folder\n"
    assert not missing.exists()


def test_a_silver_model_that_keeps_no_row_is_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    """Every row rejected (each lacking a required value, say) is a warning."""
    from c360.cli.run import print_silver
    from c360.pipeline.silver.run import Built

    print_silver([Built("stg_crm_customers", "crm_customers", 1000, 0, 1000, 0.1),
                  Built("stg_returns", "returns", 0, 0, 0, 0.1),
                  Built("stg_orders", "orders", 10, 9, 1, 0.1)], 0.2)  # fmt: skip
    warnings = [line for line in capsys.readouterr().out.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "stg_crm_customers kept none of its 1,000 rows" in warnings[0]


def test_an_error_prints_colons_as_written_not_as_emoji(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A header read from /etc/passwd-like text holds ``:x:``; Rich would print it as ❌."""
    from c360.cli._console import console, fail

    fail("columns not in the contract: root:x:0:0:root")
    console.print("a :smile: value")
    captured = capsys.readouterr()
    assert captured.err == "error: columns not in the contract: root:x:0:0:root\n"
    assert captured.out == "a :smile: value\n"


def test_a_lake_that_cannot_be_written_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only lake folder (or a full disk) stops the run naming the file, no traceback."""
    from c360.pipeline import runner

    assert main(["generate", "--workspace", str(tmp_path), "--scale", "0.01"]) == 0
    capsys.readouterr()
    staging = tmp_path / "lake" / "bronze" / ".staging-orders-1"

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(staging))

    monkeypatch.setattr(runner, "land_all", read_only)
    assert main(["run", "--workspace", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"error: {staging}: Permission denied\n"


def _interrupted_query(*args: object, **kwargs: object) -> None:
    """What DuckDB does on Ctrl-C mid-query: takes the KeyboardInterrupt, raises its own error."""
    try:
        signal.raise_signal(signal.SIGINT)  # the user's Ctrl-C, delivered to this process
    except KeyboardInterrupt:
        raise RuntimeError("Query interrupted") from None


def _interrupted(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize("stop", [_interrupted_query, _interrupted])
def test_ctrl_c_during_a_run_is_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stop: Callable[..., None],
) -> None:
    """However a library reports Ctrl-C (DuckDB raises RuntimeError), the user sees one line."""
    from c360.pipeline import runner

    assert main(["generate", "--workspace", str(tmp_path), "--scale", "0.01"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(runner, "land_all", stop)
    before = signal.getsignal(signal.SIGINT)  # Python's, or what an earlier Spark run left
    assert main(["run", "--workspace", str(tmp_path)]) == 130
    assert capsys.readouterr().err == "interrupted\n"
    assert signal.getsignal(signal.SIGINT) is before  # as it was


def test_an_error_without_ctrl_c_is_not_taken_for_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from c360.pipeline import runner

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Query interrupted")  # DuckDB's words, but no Ctrl-C was pressed

    assert main(["generate", "--workspace", str(tmp_path), "--scale", "0.01"]) == 0
    monkeypatch.setattr(runner, "land_all", broken)
    with pytest.raises(RuntimeError, match="Query interrupted"):
        main(["run", "--workspace", str(tmp_path)])


@pytest.mark.parametrize(
    ("args", "stdin"), [(["docs", "data-model"], ""), (["text", "analyze"], "Bonjour, merci !\n")]
)
def test_output_to_a_full_disk_is_one_line(args: list[str], stdin: str) -> None:
    """stdout sent to a file on a full disk (Linux's /dev/full is one): no traceback."""
    code = "import sys; from c360.cli import main; sys.exit(main())"
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            input=stdin, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
        )  # fmt: skip
    assert (done.returncode, done.stderr) == (2, "error: No space left on device\n")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["generate", "-w", "x", "--scale", "[/x]"], "Invalid value for '--scale': '[/x]'"),
        (["[/x]"], "No such command '[/x]'."),
        (["run", "--[/x]"], "No such option: --[/x]"),
        (["generate", "--seed", "[draft]"], "'[draft]' is not a whole number"),
        (["run", "--\x1b]0;PWNED\x07"], "No such option: --\\x1b]0;PWNED\\x07"),
    ],
)
def test_a_usage_error_shows_the_argument_as_written(
    capsys: pytest.CaptureFixture[str], args: list[str], line: str
) -> None:
    """Brackets are no Rich markup and control characters are no orders to the terminal."""
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert line in err and "\x1b" not in err


def test_no_reference_checked_is_not_all_of_them_holding(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A run that built no gold table with references checks none: nothing holds or fails."""
    from c360.cli.run import print_references
    from c360.serve.references import Reference

    print_references([])
    assert capsys.readouterr().out == ""
    print_references([Reference("fct_orders", "customer_id", "dim_customer", "customer_id")])
    assert capsys.readouterr().out == "All 1 references the gold contracts declare hold\n"


@pytest.mark.parametrize("where", ["file", "environment", "option"])
def test_the_engine_is_named_in_any_case(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    where: str,
) -> None:
    """``engine: DuckDB`` in c360.yaml, C360_ENGINE=DuckDB or ``--engine DuckDB`` is DuckDB."""
    assert main(["generate", "--workspace", str(tmp_path), "--scale", "0.01"]) == 0
    project = tmp_path / "c360.yaml"
    option = []
    if where == "file":
        project.write_text(project.read_text().replace("engine: duckdb", "engine: DuckDB"))
        assert "engine: DuckDB" in project.read_text()
    elif where == "environment":
        monkeypatch.setenv("C360_ENGINE", "DuckDB")
    else:
        option = ["--engine", "DuckDB"]
    capsys.readouterr()
    assert main(["run", "--workspace", str(tmp_path), "--until", "bronze", *option]) == 0
    assert capsys.readouterr().err == ""


def test_ctrl_c_does_what_the_handler_before_did(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A handler set before the command (a Spark session's, which cancels its jobs) still runs
    on Ctrl-C, and the error a library raises after it is taken for the interrupt."""
    from c360.pipeline import runner

    cancelled = []

    def cancelling(signum: int, frame: object) -> None:
        cancelled.append(signum)
        raise KeyboardInterrupt

    def job_cancelled(*args: object, **kwargs: object) -> None:
        try:
            signal.raise_signal(signal.SIGINT)
        except KeyboardInterrupt:
            raise RuntimeError("[SPARK_JOB_CANCELLED] Job 33 cancelled") from None

    assert main(["generate", "--workspace", str(tmp_path), "--scale", "0.01"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(runner, "land_all", job_cancelled)
    before = signal.signal(signal.SIGINT, cancelling)
    try:
        assert main(["run", "--workspace", str(tmp_path)]) == 130
        assert signal.getsignal(signal.SIGINT) is cancelling
    finally:
        signal.signal(signal.SIGINT, before)
    assert capsys.readouterr().err == "interrupted\n"
    assert cancelled == [signal.SIGINT]
