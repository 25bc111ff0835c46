"""``c360 run`` sent to a log or a pipe: one line per finished layer on stdout, as it happens."""

from __future__ import annotations

import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from c360.cli import app, main
from c360.identity.run import IdentityRun
from tests.cli.terminal import on_terminal

runner = CliRunner()

# The layers a full run on a generated workspace goes through, in order, and what each line says.
N = r"[\d,]+"
LAYER_LINES = [
    rf"bronze: {{bronze}} sources, {N} records landed, {N} quarantined",
    rf"silver: {{silver}} tables, {N} rows clean, {N} quarantined",
    rf"text: {N} notes and {N} e-mail bodies redacted and enriched",
    rf"identity: {N} source records, {N} customers",
    rf"gold: {{gold}} tables, {N} rows",
    rf"customers: 6 tables, {N} rows",
    r"serve: warehouse\.duckdb, exports/ and the SQL answers",
]
SECONDS = r", \d+\.\d s"
# The first line of a logged run, before the layers'.
STARTED = r"c360 run started \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC on {}"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every seed's sources at the smallest scale, identity sources among them."""
    path = tmp_path_factory.mktemp("run") / "ws"
    assert main(["generate", "--workspace", str(path), "--scale", "0.01"]) == 0
    return path


def test_a_finished_layer_is_told_with_what_it_made(capsys: pytest.CaptureFixture[str]) -> None:
    """Each line adds up the layer's own results and takes its time from the run."""
    from c360.cli.run import Lines
    from c360.pipeline.bronze.land import Landed
    from c360.pipeline.gold.run import BuiltGold
    from c360.pipeline.runner import RunResult

    result = RunResult(Path("ws"), "duckdb")
    result.bronze = [
        Landed(table="orders", source="orders.csv", records=1500, landed=1497, quarantined=3),
        Landed(table="returns", source="returns.csv", records=10, landed=10, quarantined=0),
    ]
    result.gold = [BuiltGold("fct_orders", 1490, 0.2), BuiltGold("dim_date", 1096, 0.1)]
    result.seconds = {"bronze": 2.04, "gold": 12.96}
    lines = Lines()
    lines.layer("bronze", 2)
    lines.done("bronze", "orders")
    assert capsys.readouterr().out == ""  # nothing before the layer is finished
    lines.finished("bronze", result)
    lines.finished("gold", result)
    assert capsys.readouterr().out.splitlines() == [
        "bronze: 2 sources, 1,507 records landed, 3 quarantined, 2.0 s",
        "gold: 2 tables, 2,586 rows, 13.0 s",
    ]


def test_a_logged_run_prints_a_line_per_layer_before_the_summary(workspace: Path) -> None:
    from c360.pipeline.bronze.find import sources
    from c360.pipeline.gold.run import MODELS as GOLD_MODELS
    from c360.pipeline.silver.run import MODELS as SILVER_MODELS

    result = runner.invoke(app, ["run", "--workspace", str(workspace)])
    assert result.exit_code == 0, result.output
    # every source and model has its inputs in this workspace
    counts = {
        "bronze": len(sources(workspace)),
        "silver": len(SILVER_MODELS),
        "gold": len(GOLD_MODELS),
    }
    started, *lines = result.output.splitlines()
    assert re.fullmatch(STARTED.format(re.escape(str(workspace))), started), started
    assert len(lines[: len(LAYER_LINES)]) == len(LAYER_LINES)
    for line, expected in zip(lines, LAYER_LINES, strict=False):
        assert re.fullmatch(expected.format(**counts) + SECONDS, line), line
    assert lines[len(LAYER_LINES)].startswith("Bronze")  # then the summary, as on a terminal
    # the summary counts and lists every gold table the run published, identity's included
    from c360.serve import gold_tables

    published = {t.name for t in gold_tables(workspace)}
    said = re.search(r"^([\d,]+) gold tables in [\d.]+ s", result.output, re.MULTILINE)
    assert said is not None and int(said[1].replace(",", "")) == len(published)
    gold = lines[[line.strip() for line in lines].index("Gold") :]
    assert published <= {cells[1].strip() for line in gold if len(cells := line.split("│")) > 2}


def test_lines_are_flushed_as_they_happen_and_an_error_is_one_line(workspace: Path) -> None:
    """Read while the run is held in silver: bronze's line is there already; then silver fails,
    and stderr holds exactly the one error line, stdout nothing of the unfinished layer."""
    code = (
        "import sys\n"
        "from c360.cli import main\n"
        "from c360.pipeline import runner\n"
        "from c360.pipeline.bronze.land import ReconciliationError\n"
        "def held(*args, **kwargs):\n"
        "    sys.stdin.readline()\n"
        "    raise ReconciliationError('stg_orders: 3 bronze rows but 2 clean and 0 rejected')\n"
        "runner.build_silver = held\n"
        "sys.exit(main(['run', '--workspace', sys.argv[1]]))\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", code, str(workspace)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as child:  # fmt: skip
        assert child.stdout is not None
        ready, _, _ = select.select([child.stdout], [], [], 120)  # a safety net, not a measure
        started = child.stdout.readline() if ready else ""
        first = child.stdout.readline()
        rest, err = child.communicate("go on\n", timeout=120)
    assert re.fullmatch(STARTED.format(re.escape(str(workspace))) + "\n", started), started
    from c360.pipeline.bronze.find import sources

    landed = LAYER_LINES[0].format(bronze=len(sources(workspace)))
    assert re.fullmatch(landed + SECONDS + "\n", first), first
    assert rest == ""
    assert err == "error: stg_orders: 3 bronze rows but 2 clean and 0 rejected\n"
    assert child.returncode == 2


def test_on_a_terminal_there_are_bars_and_no_lines(workspace: Path) -> None:
    """stderr on a terminal: the bars are drawn there, and stdout holds the summary alone."""
    done, drawn = on_terminal("run", "-w", str(workspace), "--until", "bronze")
    assert done.returncode == 0
    assert done.stdout.startswith("Bronze")
    assert "bronze:" not in done.stdout
    assert b"pipeline" in drawn


def test_names_from_the_sources_are_printed_as_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Headers, table names and the workspace's path are data, never Rich markup."""
    from c360.cli.run import print_result
    from c360.pipeline.bronze.land import Landed
    from c360.pipeline.runner import RunResult

    result = RunResult(Path("ws [draft]\\"), "duckdb")
    result.bronze = [
        Landed(table="[b]crm", source="crm.csv", records=2, landed=2,
               added_columns=["[/x]", "amount [eur]"], missing_columns=["status"],
               retyped_columns=["[i]d: int→string"]),
    ]  # fmt: skip
    result.seconds = {"bronze": 1.0}
    print_result(result)
    out = capsys.readouterr().out
    for shown in ("+[/x],", "+amount [eur],", "-status,", "~[i]d", "[b]crm"):
        assert shown in out
    assert "Done on duckdb in 1.0 s — ws [draft]\\\n" in out
    assert "Reports in ws [draft]\\/reports: run_report.md\n" in out


def test_a_header_of_terminal_codes_is_shown_escaped_on_the_terminal(tmp_path: Path) -> None:
    """A header that would retitle and clear the terminal is printed as text, not obeyed."""
    sources = tmp_path / "sources" / "c360"
    sources.mkdir(parents=True)
    (sources / "crm_customers.csv").write_bytes(b"a,\x1b]0;PWNED\x07\x1b[2J,b\n1,2,3\n")
    done, drawn = on_terminal("run", "-w", str(tmp_path))
    assert done.returncode == 2
    text = drawn.decode()
    line = text[text.rindex("error:") :]  # after the progress bar, gone when done
    assert "crm_customers.csv is not CSV text: its header holds control bytes" in line
    assert "\x1b" not in line.replace("\x1b[0m", "").replace("\x1b[1;31m", "")  # but its colour
    assert line.endswith("names\r\n") and line.count("\n") == 1


def test_an_overlong_header_is_one_short_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hundreds of unknown columns would fill the screen."""
    sources = tmp_path / "sources" / "c360"
    sources.mkdir(parents=True)
    header = ",".join(f"c{i}[2J" for i in range(300))
    (sources / "crm_customers.csv").write_text(header + "\n" + ",".join("1" * 300) + "\n")
    assert main(["run", "-w", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "columns not in the contract of crm_customers: c0[2J, c100[2J, c101[2J" in err
    assert re.search(r"… \([\d,]+ more characters\)\n$", err)
    assert len(err) < 1100 and "\x1b" not in err


def test_a_header_of_terminal_codes_kept_under_evolve_is_shown_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """schema_drift: evolve lands the column: the summary names it, escaped, not obeyed."""
    from c360.cli.run import print_bronze
    from c360.pipeline.bronze.land import Landed

    added = ["\x1b]0;PWNED\x07\x1b[2J", "tab\there"]
    print_bronze([Landed("crm", "crm.csv", 2, 2, added_columns=added)], 0.1)
    out = capsys.readouterr().out
    assert "+\\x1b]0;PWNED\\x07\\x1b[2J," in out and "+tab\\there" in out
    assert "\x1b" not in out and "\t" not in out


def test_a_bronze_warning_is_printed_after_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    """An empty source file lands nothing and stops nothing: the summary says so."""
    from c360.cli.run import print_bronze
    from c360.pipeline.bronze.land import Landed

    said = "sources/c360/orders.csv is empty (0 bytes): no records landed [where?]"
    print_bronze([Landed("orders", "orders.csv", 0, 0, warnings=[said])], 0.1)
    out = " ".join(capsys.readouterr().out.split())
    assert f"warning: {said}" in out


def test_gold_tables_not_built_are_named_with_the_sources_they_lack(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A workspace of its own systems lacks some sources: which tables that leaves out, and
    what would build them, tables lacking the same sources on one line."""
    from c360.cli.run import print_not_built

    print_not_built({"dim_customer": ["crm_customer_profile"], "fct_returns": ["returns"],
                     "kpi_measures": ["crm_customer_profile"]})  # fmt: skip
    out = " ".join(capsys.readouterr().out.split())
    assert "3 gold tables not built: their sources are not in this workspace" in out
    assert "dim_customer, │ crm_customer_profile │ │ kpi_measures │" in out  # a name a line
    assert "fct_returns │ returns" in out
    print_not_built({})
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("width", [80, 60])
def test_gold_tables_not_built_keep_their_names_whole_on_a_narrow_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """A name is what users look up: it is never cut across lines, however long."""
    from c360.cli._console import console
    from c360.cli.run import print_not_built

    monkeypatch.setattr(console, "_force_terminal", True)  # off one, tables are whole anyway
    monkeypatch.setattr(console, "_width", width)
    shop = ["ecommerce_customers", "ecommerce_inventory", "ecommerce_orders", "ecommerce_products"]
    names = ["agg_ecommerce_daily_sales", "mart_ecommerce_customer_lifetime_value",
             "mart_ecommerce_most_profitable_products", "mart_ecommerce_rfm"]  # fmt: skip
    print_not_built({name: shop for name in names} | {"dim_customer": ["crm_customers"]})
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= width
    cells = [cell.strip().rstrip(",") for line in lines for cell in line.split("│")]
    assert all(name in cells for name in [*names, "dim_customer"])


def test_a_silver_model_checking_its_rows_against_a_missing_source_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Orders in a workspace without the CRM's customers are all orphans: the warning names
    the source to add; a model that kept its rows but lacks one gets a note."""
    from c360.cli.run import print_silver
    from c360.pipeline.silver.run import Built

    print_silver([Built("stg_orders", "orders", 9, 0, 9, 0.1, lacking=("crm_customers",)),
                  Built("stg_returns", "returns", 4, 4, 0, 0.1, lacking=("marketing_sends",)),
                  Built("stg_products", "products", 3, 3, 0, 0.1)], 0.3)  # fmt: skip
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "warning: stg_orders kept none of its 9 rows, so what gold builds from it is empty: "
        "it checks its rows against crm_customers, which this workspace lacks (see "
        "lake/quarantine/silver_stg_orders/ for why)" in out
    )
    assert (
        "note: stg_returns checks its rows against marketing_sends, which this workspace lacks: "
        "a reference to it is an orphan" in out
    )
    assert "stg_products checks" not in out


def _run_with_identity(
    monkeypatch: pytest.MonkeyPatch, workspace: Path, identity: IdentityRun
) -> Result:
    """``c360 run`` on ``workspace``, the pipeline replaced by one that resolved ``identity``
    after bronze."""
    from c360.pipeline import runner as pipeline
    from c360.pipeline.runner import RunResult

    def ran(workspace: Path, *args: object) -> RunResult:
        result = RunResult(workspace, "duckdb", identity=identity)
        result.seconds = {"bronze": 0.1, "identity": 2.5}
        return result

    monkeypatch.setattr(pipeline, "preflight", lambda workspace, until: None)
    monkeypatch.setattr(pipeline, "run", ran)
    done = runner.invoke(app, ["run", "--workspace", str(workspace)])
    assert done.exit_code == 0, done.output
    return done


def test_identitys_notes_are_printed_one_line_each_after_its_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What identity left out on the way (a blocking key crowded, the model untrained) is told
    on the terminal, not only in the run report: one line a note, after identity's line."""
    notes = (
        "an e-mail shared by more than 1,000 records was not used to pair them "
        "(user1@shop.com; 2 more such values)",
        "a first and last name shared by more than 1,000 records was not used to pair records "
        "whose names are swapped ([b]Jo\x1b[2J Smith)",
    )
    identity = IdentityRun(records=5000, customers=4100, pairs=900, unmatchable=3,
                           duplicates={}, fallback="the model could not be trained (why)",
                           notes=notes)  # fmt: skip
    done = _run_with_identity(monkeypatch, tmp_path, identity)
    lines = done.output.splitlines()  # 80 characters wide: a longer note is not cut
    at = lines.index("Warning: the model could not be trained (why)")
    assert lines[at + 1 : at + 3] == [
        f"note: {notes[0]}",
        "note: a first and last name shared by more than 1,000 records was not used to pair "
        "records whose names are swapped ([b]Jo\\x1b[2J Smith)",
    ]
    assert lines[at + 3].startswith("Done on duckdb")


def test_a_run_without_identity_notes_prints_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    identity = IdentityRun(records=5, customers=4, pairs=1, unmatchable=0, duplicates={})
    done = _run_with_identity(monkeypatch, tmp_path, identity)
    assert "note:" not in done.output and "Identity: 5 source records" in done.output


def test_an_ids_older_row_is_told_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An id a later extract holds again is ordinary: the row left is said to be not read,
    the latest extract's kept."""
    identity = IdentityRun(records=5, customers=4, pairs=1, unmatchable=0,
                           duplicates={"crm": 1, "shop": 0})  # fmt: skip
    done = _run_with_identity(monkeypatch, tmp_path, identity)
    output = " ".join(done.output.split())
    assert (
        "(0 with nothing to match on; 1 row not read (older or repeated rows of an id, whose "
        "row in the latest extract is kept, or rows without an id))" in output
    )
    assert "repeating" not in output and "left out" not in output


def test_a_run_stopped_at_silver_says_gold_and_the_rest_are_the_earlier_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a stopped run leaves as it was is named, with when it was built: nothing of this
    run's sources is in it."""
    import os

    from c360.cli.run import print_result
    from c360.pipeline.runner import RunResult

    result = RunResult(tmp_path, "duckdb")
    result.seconds = {"bronze": 1.0, "silver": 1.0, "text": 1.0}
    print_result(result)
    assert "earlier run" not in capsys.readouterr().out  # nothing earlier: nothing to say
    (tmp_path / "lake" / "gold" / "fct_orders").mkdir(parents=True)
    (tmp_path / "exports").mkdir()
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "kpis_dashboard.txt").write_text("")
    earlier = 1_796_623_200  # 2026-12-07 06:00:00 UTC
    os.utime(tmp_path / "lake" / "gold" / "fct_orders", (earlier, earlier))
    print_result(result)
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "warning: this run stopped at silver; gold, exports/ and the reports "
        "(kpis_dashboard.txt) are the earlier run's, of 2026-12-07 06:00:00 UTC, and do not "
        "include this run's sources: run `c360 run` without --until to rebuild them"
    ) in out
    assert out.endswith("Reports in " + str(tmp_path / "reports") + ": run_report.md")


def test_a_run_that_fails_in_gold_leaves_query_warning_until_a_run_finishes(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A gold model raising after bronze and silver landed new sources: no report is written,
    and yet `c360 query` says gold is the earlier run's, until a run goes through."""
    import shutil

    from c360.pipeline.gold import run as gold_run
    from c360.pipeline.gold.model import GoldModel
    from c360.pipeline.last_run import gold_built_at, shown_time

    ws = tmp_path / "ws"
    shutil.copytree(workspace, ws)
    sql = ["query", "-w", str(ws), "SELECT count(*) AS n FROM fct_orders"]
    assert runner.invoke(app, ["run", "-w", str(ws)]).exit_code == 0
    earlier = shown_time(gold_built_at(ws))
    good = runner.invoke(app, sql)
    assert good.exit_code == 0 and good.stderr == ""

    def broken(*_tables: object) -> object:
        raise gold_run.ContractError("kpi_measures: a column its contract does not declare")

    models = [
        GoldModel(m.contract, m.inputs, broken) if m.name == "kpi_measures" else m
        for m in gold_run.MODELS
    ]
    monkeypatch.setattr(gold_run, "MODELS", models)
    failed = runner.invoke(app, ["run", "-w", str(ws)])
    assert failed.exit_code == 2 and "kpi_measures" in failed.stderr
    monkeypatch.undo()
    stale = runner.invoke(app, sql)
    assert stale.exit_code == 0 and stale.stdout == good.stdout  # answered all the same
    assert re.fullmatch(
        r"warning: the last `c360 run` \(started [\d: -]+ UTC\) stopped at gold before it "
        r"finished; gold, the warehouse, exports/ and the reports \(sales_report\.txt, "
        rf"kpis_dashboard\.txt, report\.html\) are partly its, partly from the run of {earlier}: "
        r"run `c360 run` again\n",
        " ".join(stale.stderr.split()) + "\n",
    ), stale.stderr
    assert runner.invoke(app, ["run", "-w", str(ws)]).exit_code == 0
    assert runner.invoke(app, sql).stderr == ""


def test_the_checks_before_a_run_know_its_last_layer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--until silver`` writes no warehouse: the checks before the run are told so, and do
    not stop it for a BI client holding warehouse.duckdb."""
    from c360.pipeline import runner as pipeline
    from c360.pipeline.runner import RunResult

    checked: list[str] = []

    def preflight(workspace: Path, until: str) -> None:
        checked.append(until)

    monkeypatch.setattr(pipeline, "preflight", preflight)

    def ran(workspace: Path, *args: object) -> RunResult:
        result = RunResult(workspace, "duckdb")
        result.seconds = {"bronze": 0.1, "silver": 0.2}
        return result

    monkeypatch.setattr(pipeline, "run", ran)
    workspace = tmp_path / "ws"
    workspace.mkdir()
    done = runner.invoke(app, ["run", "--workspace", str(workspace), "--until", "silver"])
    assert done.exit_code == 0, done.output
    assert checked == ["silver"]
