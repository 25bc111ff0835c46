"""``c360 run``: the pipeline on a workspace — bronze landing, then the silver models so far."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table as RichTable

from c360 import config, engines
from c360.cli._console import console, fail, progress_bar
from c360.pipeline.bronze.land import (
    Landed,
    ReconciliationError,
    SchemaDriftError,
    land_all,
    sources,
)
from c360.pipeline.bronze.readers import SourceError
from c360.pipeline.silver.run import MODELS, Built, build_silver

LAYERS = ("bronze", "silver")  # gold comes next


def run_command(
    workspace: Annotated[
        Path, typer.Option("--workspace", "-w", help="Workspace directory.")
    ] = Path("."),
    until: Annotated[str, typer.Option(help="Last layer to build: bronze or silver.")] = "silver",
    engine: Annotated[
        str | None, typer.Option(help="duckdb or spark (default: the project file's)")
    ] = None,
) -> None:
    """Land every source in lake/bronze, then build silver; rejects are quarantined with reasons."""
    if until not in LAYERS:
        raise fail(f"--until must be one of: {', '.join(LAYERS)} (got {until!r})")
    try:
        project = config.load(workspace)
        found = sources(workspace)
        if not found:
            raise SourceError(f"no sources found in {workspace / 'sources'}")
        started = time.perf_counter()
        with progress_bar("bronze") as bar:
            task = bar.add_task("bronze", total=len(found))
            landed = land_all(
                workspace, project.schema_drift, progress=lambda _r: bar.advance(task)
            )
        print_summary(landed, time.perf_counter() - started)
        if until == "silver":
            started = time.perf_counter()
            with progress_bar("silver") as bar:
                task = bar.add_task("silver", total=len(MODELS))
                built = build_silver(
                    workspace,
                    engines.connect(engine or project.engine),
                    project,
                    progress=lambda _b: bar.advance(task),
                )
            print_silver(built, time.perf_counter() - started)
    except (
        config.ConfigError,
        SourceError,
        SchemaDriftError,
        ReconciliationError,
        engines.EngineUnavailableError,
    ) as exc:
        raise fail(str(exc)) from None


def print_silver(built: list[Built], seconds: float) -> None:
    """Rows in and out of each silver model."""
    table = RichTable(title="Silver", title_justify="left")
    for name in ("model", "from", "bronze rows", "clean", "quarantined"):
        table.add_column(name, justify="left" if name in ("model", "from") else "right")
    for b in built:
        table.add_row(b.model, b.source, f"{b.bronze_rows:,}", f"{b.clean:,}", f"{b.rejected:,}")
    console.print(table)
    console.print(
        f"{len(built)} silver tables in {seconds:.1f} s; every model reconciled "
        "(bronze rows = clean + quarantined)"
    )


def print_summary(landed: list[Landed], seconds: float) -> None:
    """Records read, landed and quarantined per source."""
    table = RichTable(title="Bronze", title_justify="left")
    for name in ("table", "records", "landed", "quarantined", "schema drift"):
        table.add_column(name, justify="left" if name in ("table", "schema drift") else "right")
    for r in landed:
        drift = ", ".join(
            [*(f"+{c}" for c in r.added_columns), *(f"-{c}" for c in r.missing_columns)]
        )
        table.add_row(r.table, f"{r.records:,}", f"{r.landed:,}", f"{r.quarantined:,}", drift)
    console.print(table)
    console.print(
        f"{sum(r.landed for r in landed):,} records landed, "
        f"{sum(r.quarantined for r in landed):,} quarantined, in {seconds:.1f} s; "
        "every source reconciled (records = landed + quarantined)"
    )
