"""``c360 run``: bronze, silver and gold on a workspace, with progress and a summary."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import Progress, TaskID
from rich.table import Table as RichTable
from rich.text import Text

from c360.cli._console import (
    console,
    fail,
    labelled,
    literal,
    one_line,
    os_error,
    plain,
    progress_bar,
)
from c360.cli._options import check_choice
from c360.cli._paths import Workspace, check_workspace

if TYPE_CHECKING:
    from c360.pipeline.bronze.land import Landed
    from c360.pipeline.gold.run import BuiltGold
    from c360.pipeline.runner import RunResult
    from c360.pipeline.silver.run import Built
    from c360.serve.references import Reference


def errors() -> tuple[type[Exception], ...]:
    """The library's errors that a run turns into one line."""
    from c360 import config, engines
    from c360.engines.duckdb.warehouse import WarehouseError
    from c360.identity.records import IdentityConfigError
    from c360.ml.segments import SegmentError
    from c360.pipeline.bronze.blocks import SourceError
    from c360.pipeline.bronze.drift import SchemaDriftError
    from c360.pipeline.bronze.land import ReconciliationError
    from c360.pipeline.gold.run import ContractError
    from c360.workspace import WorkspaceBusyError

    return (
        config.ConfigError,
        SourceError,
        SchemaDriftError,
        ReconciliationError,
        ContractError,
        WarehouseError,
        engines.EngineUnavailableError,
        WorkspaceBusyError,
        SegmentError,
        IdentityConfigError,
    )


# c360.pipeline.runner.LAYERS and c360.engines.ENGINES, repeated so that a wrong value is told
# before the pipeline loads; a test compares them.
LAYERS = ("bronze", "silver", "gold")
ENGINES = ("duckdb", "spark")


# The run of this process, while it runs: where it is ("at gold", "after gold"; "" before its
# first layer), for the line of a run that SIGTERM ends.
_UNDER_WAY: dict[str, str] = {}


def where_stopped() -> str | None:
    """Where the run of this process was when it stopped: ``at gold`` (in it), ``after gold``
    (before the next layer began), ``""`` before its first layer; None outside a run."""
    return _UNDER_WAY.get("where")


class Bars:
    """Progress bars for the runner: one per layer, on stderr, gone when done."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.tasks: dict[str, TaskID] = {}

    def layer(self, name: str, total: int) -> None:
        _UNDER_WAY["where"] = f"at {name}"
        self.tasks[name] = self.bar.add_task(name, total=total)

    def done(self, layer: str, table: str) -> None:
        self.bar.advance(self.tasks[layer])

    def finished(self, layer: str, result: RunResult) -> None:
        """Nothing to show: the summary follows the bars."""
        _UNDER_WAY["where"] = f"after {layer}"


def _made(layer: str, result: RunResult) -> str:
    """What a finished layer made, in a few words."""
    if layer == "bronze":
        landed = sum(r.landed for r in result.bronze)
        held = sum(r.quarantined for r in result.bronze)
        return f"{len(result.bronze):,} sources, {landed:,} records landed, {held:,} quarantined"
    if layer == "silver":
        clean = sum(b.clean for b in result.silver)
        held = sum(b.rejected for b in result.silver)
        return f"{len(result.silver):,} tables, {clean:,} rows clean, {held:,} quarantined"
    if layer == "text":
        t = result.text
        return (f"{t.get('stg_notes', 0):,} notes and {t.get('stg_email_bodies', 0):,} e-mail "
                "bodies redacted and enriched")  # fmt: skip
    if layer == "identity" and result.identity:
        i = result.identity
        return f"{i.records:,} source records, {i.customers:,} customers"
    built = {"gold": result.gold, "customers": result.customers}.get(layer)
    if built is not None:
        return f"{len(built):,} tables, {sum(g.rows for g in built):,} rows"
    return "warehouse.duckdb, exports/ and the SQL answers" if layer == "serve" else "done"


class Lines:
    """Where bars cannot be drawn (a log, a pipe): one plain line per layer as it finishes, on
    stdout beside the summary, as stderr holds nothing but an error's one line. A run that
    fails has told only the layers it finished."""

    def layer(self, name: str, total: int) -> None:
        _UNDER_WAY["where"] = f"at {name}"

    def done(self, layer: str, table: str) -> None:
        pass

    def finished(self, layer: str, result: RunResult) -> None:
        _UNDER_WAY["where"] = f"after {layer}"
        # Rich flushes each print: the line is in the log as soon as the layer is done.
        say(f"{layer}: {_made(layer, result)}, {result.seconds[layer]:.1f} s",
            markup=False, highlight=False)  # fmt: skip


def run_command(
    workspace: Workspace = Path("."),
    until: Annotated[
        str, typer.Option(help="Last layer to build: bronze, silver or gold.")
    ] = "gold",
    engine: Annotated[
        str | None, typer.Option(help="duckdb or spark (default: the project file's)")
    ] = None,
) -> None:
    """Land every source in bronze, clean it into silver, build gold; rejects are quarantined."""
    check_workspace(workspace)
    check_choice("--until", until, LAYERS)
    if engine is not None:
        engine = check_choice("--engine", engine, ENGINES, any_case=True)
    from c360.pipeline.last_run import shown_time
    from c360.pipeline.runner import preflight, run

    _UNDER_WAY["where"] = ""
    try:
        preflight(workspace, until)
        with progress_bar("pipeline") as bar:
            watch = Lines() if bar.disable else Bars(bar)  # no terminal: no bars, lines
            if bar.disable:  # a log: when and where, before the layers' lines
                started = shown_time(datetime.now(UTC))
                say(f"c360 run started {started} on {workspace}", markup=False, highlight=False)
            result = run(workspace, until, engine, watch)
    except errors() as exc:
        raise fail(str(exc)) from None
    except OSError as exc:  # the lake, warehouse or reports cannot be written: full, read-only
        raise fail(os_error(exc)) from None
    _UNDER_WAY.clear()  # finished: what is left to do is to tell
    print_result(result)


def say(*objects: Any, **options: Any) -> None:
    """Print a message of the run on one line, however long: on a terminal, the terminal wraps
    it; in a log, a path or a name is never cut across lines and ``grep`` finds it whole (the
    tables, printed whole off a terminal, are the console's)."""
    console.print(*objects, soft_wrap=True, **options)


def print_result(result: RunResult) -> None:
    """Every layer's summary table, then the timings."""
    from c360.identity.records import placeholder_note
    from c360.serve.run_report import NOT_READ

    print_bronze(result.bronze, result.seconds["bronze"])
    if result.silver:
        print_silver(result.silver, result.seconds["silver"])
    if result.text:
        t = result.text
        held = sum(n for name, n in t.items() if name.startswith("quarantine/"))
        say(
            f"Text: {t.get('stg_notes', 0):,} notes and {t.get('stg_email_bodies', 0):,} e-mail "
            f"bodies redacted and enriched, {held:,} quarantined, in "
            f"{result.seconds['text']:.1f} s"
        )
    if result.identity:
        i = result.identity
        unread = sum(i.duplicates.values())
        rows = "row" if unread == 1 else "rows"
        say(
            f"Identity: {i.records:,} source records → {i.customers:,} customers "
            f"({i.unmatchable:,} with nothing to match on"
            + (f"; {unread:,} {rows} not read ({NOT_READ})" if unread else "")
            + (f"; {placeholder_note(i.placeholders)}" if i.placeholders else "")
            + f"), in {result.seconds['identity']:.1f} s"
        )
        if i.fallback:
            say(labelled("Warning:", one_line(i.fallback)), highlight=False)
        for note in i.notes:  # what was left out on the way, as the run report says it
            say(labelled("note:", one_line(note)), highlight=False)
    if result.gold:
        print_gold(result.gold + result.identity_tables + result.customers,
                   result.seconds["gold"] + result.seconds.get("customers", 0.0),
                   identity=len(result.identity_tables))  # fmt: skip
    if "gold" in result.seconds:
        from c360.pipeline.gold.run import wanting

        print_not_built(wanting(result.workspace))
    total = sum(result.seconds.values())
    if "serve" in result.seconds:
        say(f"warehouse.duckdb, exports/ and the SQL answers in {result.seconds['serve']:.1f} s")
        print_references(result.references)
    done = f" on {result.engine} in {total:.1f} s — {result.workspace}"
    say(Text.assemble(("Done", "bold"), done), highlight=False)
    if "gold" not in result.seconds:
        print_earlier(result)
    reports = result.workspace / "reports"
    names = ["run_report.md"] + (
        ["sales_report.txt", "kpis_dashboard.txt", "report.html"] if result.gold else []
    )
    say(f"Reports in {reports}: {', '.join(names)}", markup=False, highlight=False)


def print_earlier(result: RunResult) -> None:
    """For a run stopped before gold: what it left as an earlier run built it (gold, the
    warehouse, exports, the reports), and when that was; nothing when there is none."""
    from c360.pipeline.last_run import earlier_output, gold_built_at, shown_time

    built = gold_built_at(result.workspace)
    if built is None:
        return
    layer = "silver" if "silver" in result.seconds else "bronze"
    say(
        labelled(
            "warning:",
            f"this run stopped at {layer}; {earlier_output(result.workspace, layer)} are the "
            f"earlier run's, of {shown_time(built)}, and do not include this run's sources: "
            "run `c360 run` without --until to rebuild them",
        ),
        highlight=False,
    )


def print_bronze(landed: list[Landed], seconds: float) -> None:
    """Records read, landed and quarantined per source."""
    table = RichTable(title="Bronze", title_justify="left")
    for name in ("table", "records", "landed", "quarantined", "schema drift"):
        table.add_column(name, justify="left" if name in ("table", "schema drift") else "right")
    for r in landed:
        retyped = (f"~{c.split(':')[0]}" for c in r.retyped_columns)
        drift = ", ".join(
            [*(f"+{c}" for c in r.added_columns), *(f"-{c}" for c in r.missing_columns), *retyped]
        )
        table.add_row(
            plain(r.table), f"{r.records:,}", f"{r.landed:,}", f"{r.quarantined:,}", plain(drift)
        )
    console.print(table)
    for warning in (w for r in landed for w in r.warnings):
        say(f"[yellow]warning:[/] {literal(warning)}", highlight=False)
    say(
        f"{sum(r.landed for r in landed):,} records landed, "
        f"{sum(r.quarantined for r in landed):,} quarantined, in {seconds:.1f} s; "
        "every source reconciled (records = landed + quarantined)"
    )


def print_silver(built: list[Built], seconds: float) -> None:
    """Rows in and out of each silver model."""
    table = RichTable(title="Silver", title_justify="left")
    for name in ("model", "from", "bronze rows", "clean", "quarantined"):
        table.add_column(name, justify="left" if name in ("model", "from") else "right")
    for b in built:
        table.add_row(plain(b.model), plain(b.source),
                      f"{b.bronze_rows:,}", f"{b.clean:,}", f"{b.rejected:,}")  # fmt: skip
    console.print(table)
    say(
        f"{len(built)} silver tables in {seconds:.1f} s; every model reconciled "
        "(bronze rows = clean + quarantined)"
    )
    for b in built:  # JSON documents none of which holds a required key, say
        lacking = f"checks its rows against {', '.join(b.lacking)}, which this workspace lacks"
        if b.bronze_rows and not b.clean:
            why = f"lake/quarantine/silver_{b.model}/ for why"
            say(
                f"[yellow]warning:[/] {literal(b.model)} kept none of its {b.bronze_rows:,} rows, "
                "so what gold builds from it is empty: "
                + (f"it {lacking} (see {why})" if b.lacking else f"see {why}")
            )
        elif b.lacking:
            them = "them" if len(b.lacking) > 1 else "it"
            say(f"note: {literal(b.model)} {lacking}: a reference to {them} is an orphan")


def print_not_built(wanting: dict[str, list[str]]) -> None:
    """The gold tables a run did not build, for want of sources the workspace lacks, and the
    source tables that would build them; tables lacking the same sources share a row."""
    if not wanting:
        return
    groups: dict[tuple[str, ...], list[str]] = {}
    for name, lacking in wanting.items():
        groups.setdefault(tuple(lacking), []).append(name)
    table = RichTable(
        title=f"{len(wanting)} gold tables not built: their sources are not in this workspace",
        title_justify="left",
    )
    # Each name whole, one a line (after a comma when the row goes on): users look it up.
    table.add_column("tables", no_wrap=True, min_width=max(map(len, wanting)) + 1)
    table.add_column("sources they lack", overflow="fold")
    for needed, names in sorted(groups.items(), key=lambda group: sorted(group[1])):
        table.add_row(",\n".join(sorted(names)), ", ".join(needed) or "(unknown)")
    console.print(table)


def print_references(checked: list[Reference]) -> None:
    """Whether the references the gold contracts declare hold; if not, how many do not;
    nothing when none was checked (no gold table built with its referenced one)."""
    broken = sorted((r for r in checked if r.orphans), key=lambda r: -r.orphans)
    if not checked:
        return
    if not broken:
        say(f"All {len(checked)} references the gold contracts declare hold")
        return
    say(
        f"[yellow]warning:[/] {len(broken)} of the {len(checked)} references the gold contracts "
        f"declare have rows without a referenced row (the most: {broken[0].orphans:,} rows of "
        f"{literal(broken[0].name)}); reports/run_report.md lists them"
    )


def print_gold(built: list[BuiltGold], seconds: float, identity: int = 0) -> None:
    """Rows of each gold table; ``identity`` of them were published by identity resolution,
    in its own time."""
    table = RichTable(title="Gold", title_justify="left")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for g in built:
        table.add_row(plain(g.model), f"{g.rows:,}")
    console.print(table)
    theirs = f" (identity's {identity} in its time above)" if identity else ""
    say(f"{len(built)} gold tables in {seconds:.1f} s{theirs}, each checked against its contract")
    if inferred := [g for g in built if g.inferred]:
        say(
            "Inferred members (ids the facts name whose row silver quarantined): "
            + ", ".join(f"{g.model} {g.inferred:,}" for g in inferred)
        )
