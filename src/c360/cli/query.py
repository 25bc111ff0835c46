"""``c360 query``: SQL on the workspace's warehouse, printed as a table, CSV or JSON lines."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Annotated

import pyarrow as pa
import pyarrow.csv as pcsv
import typer
from rich.table import Table as RichTable

from c360.cli._console import console, fail
from c360.engines.duckdb.warehouse import WarehouseError, query_warehouse
from c360.serve.exports import for_csv, json_lines
from c360.serve.sql_files import SqlFileError, read_sql_file

FORMATS = ("table", "csv", "json")


def query_command(
    sql: Annotated[str | None, typer.Argument(help="The SQL to run.", show_default=False)] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Run the one statement of this .sql file.")
    ] = None,
    workspace: Annotated[
        Path, typer.Option("--workspace", "-w", help="Workspace directory.")
    ] = Path("."),
    output: Annotated[
        str, typer.Option("--format", help="table (for people), csv, or json (one object a line).")
    ] = "table",
    max_rows: Annotated[int, typer.Option(help="Rows shown by --format table.", min=1)] = 100,
) -> None:
    """Run SQL on warehouse.duckdb (read-only): every gold table, and a view per silver table."""
    if output not in FORMATS:
        raise fail(f"--format must be one of: {', '.join(FORMATS)} (got {output!r})")
    if (sql is None) == (file is None):
        raise fail("give the SQL to run, or --file F.sql, but not both")
    try:
        statement = read_sql_file(file).statement if file is not None else str(sql)
        answer = query_warehouse(workspace, statement)
    except (OSError, SqlFileError, WarehouseError) as exc:
        raise fail(str(exc)) from None
    if output == "csv":
        buffer = io.BytesIO()
        pcsv.write_csv(for_csv(answer), buffer)
        sys.stdout.write(buffer.getvalue().decode("utf-8"))
    elif output == "json":
        sys.stdout.write(json_lines(answer).decode("utf-8"))
    else:
        print_answer(answer, max_rows)


def print_answer(answer: pa.Table, max_rows: int) -> None:
    """The first ``max_rows`` rows as a Rich table, then how many rows there are."""
    table = RichTable(show_edge=False)
    for field in answer.schema:
        numeric = pa.types.is_integer(field.type) or pa.types.is_floating(field.type)
        table.add_column(field.name, justify="right" if numeric else "left")
    for row in answer.slice(0, max_rows).to_pylist():
        table.add_row(*("[dim]NULL[/]" if v is None else _text(v) for v in row.values()))
    console.print(table)
    shown = min(max_rows, answer.num_rows)
    more = f" (first {shown} shown; --format csv prints all)" if shown < answer.num_rows else ""
    console.print(f"{answer.num_rows:,} row{'s' if answer.num_rows != 1 else ''}{more}")


def _text(value: object) -> str:
    # Cell values are data, not Rich markup.
    return str(value).replace("[", "\\[")
