"""``c360 load-postgres``: every gold table into PostgreSQL, with keys and indexes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table as RichTable

from c360.cli._console import console, fail, labelled, plain, progress_bar, warning
from c360.cli._options import number
from c360.cli._paths import Workspace, check_workspace

# c360.serve.postgres's own defaults, repeated so that help needs no pyarrow (a test compares).
LOCK_TIMEOUT_S = 30.0
MAX_LOCK_TIMEOUT_S = 86_400.0


def load_postgres_command(
    url: Annotated[
        str,
        typer.Option(
            "--url",
            envvar="C360_POSTGRES_URL",
            help="postgresql://user[:password]@host[:port]/database, or libpq's host=H dbname=D",
            show_default=False,
        ),
    ],
    workspace: Workspace = Path("."),
    schema: Annotated[str, typer.Option(help="PostgreSQL schema to load into.")] = "public",
    lock_timeout: Annotated[
        float,
        typer.Option(
            parser=number(0, MAX_LOCK_TIMEOUT_S),
            help="Seconds to wait for a table in use, or for another load into the schema, "
            f"before giving up (0: no limit; at most {MAX_LOCK_TIMEOUT_S:g}).",
        ),
    ] = LOCK_TIMEOUT_S,
) -> None:
    """Load every gold table into PostgreSQL, replacing the previous load (safe to rerun)."""
    check_workspace(workspace)
    from c360.pipeline.last_run import stale_gold
    from c360.serve import gold_tables
    from c360.serve.postgres import (
        LoadError,
        load_postgres,
        redact,
        schema_name,
        sql_name,
        trimmed,
    )
    from c360.workspace import WorkspaceBusyError

    warning(stale_gold(workspace))
    started = time.perf_counter()
    dropped: list[str] = []
    try:
        with progress_bar("load-postgres") as bar:
            task = bar.add_task("tables", total=len(gold_tables(workspace)))
            rows = load_postgres(
                workspace,
                url,
                schema,
                progress=lambda table, n: bar.advance(task),
                lock_timeout=lock_timeout,
                warn=dropped.append,
            )
    except (LoadError, WorkspaceBusyError) as exc:
        raise fail(str(exc)) from None
    table = RichTable(title="PostgreSQL", title_justify="left")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in rows.items():
        table.add_row(plain(sql_name(schema_name(schema), name)), f"{n:,}")
    console.print(table)
    seconds = time.perf_counter() - started
    console.print(
        f"{len(rows)} gold tables, {sum(rows.values()):,} rows loaded into {redact(trimmed(url))} "
        f"in {seconds:.1f} s, with primary keys and indexes",
        markup=False,
    )
    for message in dropped:
        console.print(labelled("warning:", message))
