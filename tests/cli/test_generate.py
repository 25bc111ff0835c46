"""``c360 generate`` sent to a log or a pipe: a line per finished part on stdout, as it happens."""

from __future__ import annotations

import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from c360.cli import app
from tests.cli.terminal import on_terminal

runner = CliRunner()

N = r"[\d,]+"
SECONDS = r", \d+\.\d s"
# The parts of scale 0.01 (200 customers, one block), in order; sources/identity draws no
# dimensions, so it has no line of its own for them. Without --dirt, seed 000 has no defects,
# the shop's and the marketing database's sources have theirs all the same.
PART_LINES = [
    rf"sources/c360, dimensions: 6 tables, {N} rows, {N} text files",
    rf"sources/ecommerce, dimensions: 2 tables, {N} rows, {N} defects planted",
    rf"sources/marketing, dimensions: 1 table, {N} rows, {N} defects planted",
    rf"sources/c360, customers 1–200 of 200: 12 tables, {N} rows, {N} text files",
    rf"sources/ecommerce, customers 1–200 of 200: 2 tables, {N} rows, {N} defects planted",
    rf"sources/marketing, customers 1–200 of 200: 4 tables, {N} rows, {N} defects planted",
    rf"sources/identity, customers 1–200 of 200: 6 tables, {N} rows",
]


def test_a_finished_part_is_told_with_what_it_wrote(capsys: pytest.CaptureFixture[str]) -> None:
    """Each line adds up the part's own tables; text folders count files, defects only if any."""
    from c360.cli.generate import Lines
    from c360.generate.runner import Part

    lines = Lines(customers=120_000)
    lines(Part("sources/c360", None, {"crm_accounts": 400, "products": 1_200}, {}, 0, 0.04, 0))
    lines(Part("sources/identity", None, {}, {}, 0, 0.0, 0))  # wrote nothing: no line
    lines(Part("sources/c360", (50_000, 100_000),
               {"crm_customers": 50_000, "orders": 151_234, "order_lines": 0},
               {"text_customer_notes": 50_000}, 1_717, 12.96, 1))  # fmt: skip
    lines(Part("sources/marketing", (100_000, 120_000), {"marketing_customers": 20_310}, {}, 0,
               3.0, 3))  # fmt: skip
    assert capsys.readouterr().out.splitlines() == [
        "sources/c360, dimensions: 2 tables, 1,600 rows, 0.0 s",
        "sources/c360, customers 50,001–100,000 of 120,000: 3 tables, 201,234 rows, "
        "50,000 text files, 1,717 defects planted, 13.0 s",
        "sources/marketing, customers 100,001–120,000 of 120,000: 1 table, 20,310 rows, 3.0 s",
    ]


def test_a_logged_generate_prints_a_line_per_part_before_the_summary(tmp_path: Path) -> None:
    result = runner.invoke(app, ["generate", "-w", str(tmp_path / "ws"), "--scale", "0.01"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for line, expected in zip(lines, PART_LINES, strict=False):
        assert re.fullmatch(expected + SECONDS, line), line
    assert lines[len(PART_LINES)].startswith("Sources written to")  # then the summary


def test_lines_are_flushed_as_they_happen_and_an_error_is_one_line(tmp_path: Path) -> None:
    """Read while generation is held in the marketing block: the parts before it are told
    already; then the disk fills, and stderr holds exactly the one error line, stdout nothing
    of the unfinished part."""
    code = (
        "import sys\n"
        "from c360.cli import main\n"
        "from c360.generate import runner\n"
        "def held(*args, **kwargs):\n"
        "    sys.stdin.readline()\n"
        "    raise OSError(28, 'No space left on device')\n"
        "runner.marketing.block_outputs = held\n"
        "sys.exit(main(['generate', '-w', sys.argv[1], '--scale', '0.01']))\n"
    )
    workspace = tmp_path / "ws"
    told = []
    with subprocess.Popen(
        [sys.executable, "-c", code, str(workspace)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as child:  # fmt: skip
        assert child.stdout is not None
        for _ in range(5):  # the dimensions, then seed 000's and the shop's block
            ready, _, _ = select.select([child.stdout], [], [], 120)  # a safety net, not a measure
            told.append(child.stdout.readline() if ready else "")
        rest, err = child.communicate("go on\n", timeout=120)
    for line, expected in zip(told, PART_LINES[:5], strict=True):
        assert re.fullmatch(expected + SECONDS + "\n", line), line
    assert rest == ""
    assert err == f"error: cannot write to {workspace}: No space left on device\n"
    assert child.returncode == 2


def test_on_a_terminal_there_is_a_bar_and_no_lines(tmp_path: Path) -> None:
    """stderr on a terminal: the bar is drawn there, and stdout holds the summary alone."""
    done, drawn = on_terminal("generate", "-w", str(tmp_path / "ws"), "--scale", "0.01")
    assert done.returncode == 0
    assert done.stdout.startswith("Sources written to")
    assert "sources/c360," not in done.stdout
    assert b"generating" in drawn


def test_the_summary_names_the_workspace_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    from c360.cli.generate import print_summary
    from c360.generate import Result

    print_summary(Result(Path("ws [/x]"), rows={"orders": 3}, manifest_sha256="ab"), 0.5)
    assert "Sources written to ws [/x]" in " ".join(capsys.readouterr().out.split())


def test_force_keeps_files_of_ones_own_and_names_those_it_would_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The generator's files are replaced, the user's stay; one where the generator writes
    stops the run with one line naming it, before anything is removed."""
    from c360.cli import main

    ws = tmp_path / "gf"
    args = ["generate", "-w", str(ws), "--scale", "0.01"]
    assert main(args) == 0
    (ws / "sources" / "crm").mkdir()
    (ws / "sources" / "crm" / "export_clients.csv").write_text("customer_id\n")
    (ws / "sources" / "c360" / "my_notes.csv").write_text("mine\n")
    assert main([*args, "--force"]) == 0
    assert (ws / "sources" / "crm" / "export_clients.csv").read_text() == "customer_id\n"
    assert (ws / "sources" / "c360" / "my_notes.csv").read_text() == "mine\n"

    (ws / "sources" / "c360" / "orders.csv").write_text("order_id\n")
    (ws / "reports").mkdir()
    (ws / "reports" / "run.md").write_text("old")
    capsys.readouterr()
    assert main([*args, "--force"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert "sources/c360/orders.csv" in err
    assert (ws / "sources" / "c360" / "orders.csv").read_text() == "order_id\n"
    assert (ws / "reports" / "run.md").read_text() == "old"  # nothing touched
