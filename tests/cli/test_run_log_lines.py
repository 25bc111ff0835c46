"""``c360 run`` sent to a log: every message after the run is one line, however long (a path,
a name is never cut across lines, and ``grep warning`` finds each whole); the log starts with
when and where the run started."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from c360.cli import app

runner = CliRunner()

# Deeper than a log's 80 columns: any message naming it is longer.
DEEP = Path("/srv/c360/" + "/".join(["customer-360-nightly-workspace"] * 3))


@pytest.fixture
def log_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """The console as a log has it: no terminal, 80 columns (Rich's default off one)."""
    from c360.cli._console import console

    monkeypatch.setattr(console, "_force_terminal", False)
    monkeypatch.setattr(console, "_width", 80)


@pytest.mark.usefixtures("log_width")
def test_a_bronze_warning_naming_a_long_path_is_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from c360.cli.run import print_bronze
    from c360.pipeline.bronze.land import Landed

    said = f"{DEEP}/sources/c360/orders.csv is empty (0 bytes): no records landed [where?]"
    print_bronze([Landed("orders", "orders.csv", 1_234_567, 1_234_000, 567, warnings=[said])], 0.1)
    lines = capsys.readouterr().out.splitlines()
    assert f"warning: {said}" in lines
    assert (
        "1,234,000 records landed, 567 quarantined, in 0.1 s; every source reconciled "
        "(records = landed + quarantined)"
    ) in lines


@pytest.mark.usefixtures("log_width")
def test_silver_and_gold_lines_are_whole(capsys: pytest.CaptureFixture[str]) -> None:
    from c360.cli.run import print_gold, print_silver
    from c360.pipeline.gold.run import BuiltGold
    from c360.pipeline.silver.run import Built

    print_silver([Built("stg_orders", "orders", 9, 0, 9, 0.1, lacking=("crm_customers",)),
                  Built("stg_returns", "returns", 4, 4, 0, 0.1, lacking=("marketing_sends",))],
                 0.3)  # fmt: skip
    print_gold([BuiltGold("fct_orders", 10, 0.1, inferred=2)], 1.5, identity=1)
    lines = capsys.readouterr().out.splitlines()
    for whole in (
        "2 silver tables in 0.3 s; every model reconciled (bronze rows = clean + quarantined)",
        "warning: stg_orders kept none of its 9 rows, so what gold builds from it is empty: "
        "it checks its rows against crm_customers, which this workspace lacks (see "
        "lake/quarantine/silver_stg_orders/ for why)",
        "note: stg_returns checks its rows against marketing_sends, which this workspace lacks: "
        "a reference to it is an orphan",
        "1 gold tables in 1.5 s (identity's 1 in its time above), each checked against its "
        "contract",
        "Inferred members (ids the facts name whose row silver quarantined): fct_orders 2",
    ):
        assert whole in lines


@pytest.mark.usefixtures("log_width")
def test_the_end_of_a_run_naming_its_workspace_is_whole(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The last lines name the workspace: a cron log is grepped for them."""
    from c360.cli.run import print_result
    from c360.pipeline.runner import RunResult

    result = RunResult(DEEP, "duckdb")
    result.seconds = {"bronze": 1.0}
    print_result(result)
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2:] == [
        f"Done on duckdb in 1.0 s — {DEEP}",
        f"Reports in {DEEP / 'reports'}: run_report.md",
    ]


@pytest.mark.usefixtures("log_width")
def test_a_run_stopped_early_warns_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from c360.cli.run import print_earlier
    from c360.pipeline.runner import RunResult

    (tmp_path / "lake" / "gold" / "fct_orders").mkdir(parents=True)
    earlier = 1_796_623_200  # 2026-12-07 06:00:00 UTC
    os.utime(tmp_path / "lake" / "gold" / "fct_orders", (earlier, earlier))
    result = RunResult(tmp_path, "duckdb")
    result.seconds = {"bronze": 1.0}
    print_earlier(result)
    assert capsys.readouterr().out == (
        "warning: this run stopped at bronze; gold are the earlier run's, of 2026-12-07 "
        "06:00:00 UTC, and do not include this run's sources: run `c360 run` without --until "
        "to rebuild them\n"
    )


@pytest.mark.usefixtures("log_width")
def test_broken_references_warn_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from c360.cli.run import print_references
    from c360.serve.references import Reference

    checked = [Reference("fct_orders", "customer_id", "dim_customer", "customer_id", 3)]
    print_references(checked)
    assert capsys.readouterr().out == (
        "warning: 1 of the 1 references the gold contracts declare have rows without a "
        "referenced row (the most: 3 rows of fct_orders.customer_id → "
        "dim_customer.customer_id); reports/run_report.md lists them\n"
    )


def test_a_logged_run_starts_with_when_and_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the first layer's line; the time in UTC, as the warnings give times."""
    from c360.pipeline import runner as pipeline
    from c360.pipeline.runner import RunResult

    def ran(workspace: Path, *args: object) -> RunResult:
        result = RunResult(workspace, "duckdb")
        result.seconds = {"bronze": 0.1}
        return result

    monkeypatch.setattr(pipeline, "preflight", lambda workspace, until: None)
    monkeypatch.setattr(pipeline, "run", ran)
    done = runner.invoke(app, ["run", "--workspace", str(tmp_path)])
    assert done.exit_code == 0, done.output
    first = done.output.splitlines()[0]
    assert re.fullmatch(
        rf"c360 run started \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC on {re.escape(str(tmp_path))}",
        first,
    ), first


def test_a_refused_run_did_not_start(tmp_path: Path) -> None:
    """A workspace without sources: the error alone, no start line."""
    done = runner.invoke(app, ["run", "--workspace", str(tmp_path)])
    assert done.exit_code == 2
    assert done.stdout == ""
    assert done.stderr.startswith("error: ")
