"""``c360 run``: run the pipeline on a workspace (today: the bronze landing)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table as RichTable

from c360 import config
from c360.cli._console import console, fail, progress_bar
from c360.pipeline.bronze.land import (
    Landed,
    ReconciliationError,
    SchemaDriftError,
    land_all,
    sources,
)
from c360.pipeline.bronze.readers import SourceError

LAYERS = ("bronze",)  # silver and gold come next


def run_command(
    workspace: Annotated[
        Path, typer.Option("--workspace", "-w", help="Workspace directory.")
    ] = Path("."),
    until: Annotated[str, typer.Option(help="Last layer to build: bronze.")] = "bronze",
) -> None:
    """Land every source of the workspace in lake/bronze, quarantining unreadable records."""
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
    except (config.ConfigError, SourceError, SchemaDriftError, ReconciliationError) as exc:
        raise fail(str(exc)) from None
    print_summary(landed, time.perf_counter() - started)


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
