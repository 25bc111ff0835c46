"""``c360 query``: SQL on the workspace's warehouse, printed as a table, CSV or JSON lines.

CSV and JSON lines are streamed batch by batch, so an answer of any size takes little memory; the
table reads only the rows it shows, and counts up to ``COUNTED_UP_TO`` rows to say how many more.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from c360.cli._console import console, fail, silence_stdout
from c360.cli._options import check_choice, whole
from c360.cli._paths import check_input_file, check_workspace, workspace_path

if TYPE_CHECKING:
    import pyarrow as pa

FORMATS = ("table", "csv", "json")
COUNTED_UP_TO = 10_000  # rows a table counts past those it shows, to say how many there are
TABLE_BATCH_ROWS = 2_048
NULL = Text("NULL", style="dim")


def query_command(
    sql: Annotated[str | None, typer.Argument(help="The SQL to run.", show_default=False)] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Run the one statement of this .sql file.")
    ] = None,
    workspace: Annotated[
        Path, typer.Option("--workspace", "-w", help="Workspace directory.", parser=workspace_path)
    ] = Path("."),
    output: Annotated[
        str, typer.Option("--format", help="table (for people), csv, or json (one object a line).")
    ] = "table",
    max_rows: Annotated[
        int, typer.Option(help="Rows shown by --format table.", parser=whole(1))
    ] = 100,
) -> None:
    """Run SQL on warehouse.duckdb (read-only): every gold table, and a view per silver table."""
    check_choice("--format", output, FORMATS)
    if (sql is None) == (file is None):
        raise fail("give the SQL to run, or --file F.sql, but not both")
    if file is not None:
        check_input_file(file, "a .sql file")
    check_workspace(workspace)
    from c360.engines.duckdb.warehouse import (
        MissingTableError,
        WarehouseError,
        WarehouseMissingError,
        read_warehouse,
    )
    from c360.pipeline.gold.run import not_built
    from c360.pipeline.last_run import why_no_warehouse
    from c360.serve.sql_files import SqlFileError, read_sql_file

    try:
        statement = read_sql_file(file).statement if file is not None else str(sql)
        if output == "table":
            with read_warehouse(
                workspace, statement, form="display", batch_rows=TABLE_BATCH_ROWS
            ) as reader:
                first, counted = first_rows(reader, max_rows)
            print_answer(first, counted)
        else:
            with read_warehouse(workspace, statement, form="portable") as reader:
                sys.stdout.flush()
                write = write_csv if output == "csv" else write_json
                write(reader, sys.stdout.buffer)
    except (OSError, SqlFileError, WarehouseError) as exc:
        if isinstance(exc, BrokenPipeError):  # the reader left (`| head`): stop quietly,
            silence_stdout()  # with Rich's code for the same case in --format table
            raise typer.Exit(code=1) from None
        if isinstance(exc, WarehouseMissingError):
            why = why_no_warehouse(workspace)
            raise fail(f"no warehouse.duckdb in {workspace}: {why}") from None
        if isinstance(exc, MissingTableError) and (needs := not_built(workspace, exc.table)):
            raise fail(
                f"{exc} (not built by the last run: its sources are not in this workspace: {needs})"
            ) from None
        raise fail(str(exc)) from None


def first_rows(reader: pa.RecordBatchReader, max_rows: int) -> tuple[pa.Table, int | None]:
    """The first ``max_rows`` rows, and how many rows there are (None: more than counted)."""
    import pyarrow as pa

    kept: list[pa.RecordBatch] = []
    seen = 0
    for batch in reader:
        if seen < max_rows:
            kept.append(batch.slice(0, max_rows - seen))
        seen += batch.num_rows
        if seen > max(max_rows, COUNTED_UP_TO):
            return pa.Table.from_batches(kept, reader.schema), None
    return pa.Table.from_batches(kept, reader.schema), seen


def print_answer(first: pa.Table, rows: int | None) -> None:
    """The rows as a Rich table, then how many rows there are; names and values are shown as
    they are, never read as Rich markup. A terminal's table fits its width; off a terminal
    nothing is cut."""
    import pyarrow as pa

    table = RichTable(show_edge=False)
    for field in first.schema:
        numeric = pa.types.is_integer(field.type) or pa.types.is_floating(field.type)
        numeric = numeric or pa.types.is_decimal(field.type)
        table.add_column(Text(field.name), justify="right" if numeric else "left")
    for row in zip(*(column.to_pylist() for column in first.columns), strict=True):
        table.add_row(*(NULL if v is None else Text(str(v)) for v in row))
    if console.is_terminal:
        console.print(table)
    else:  # a file or another program gets every column in full, however wide
        whole = console.options.update(max_width=sys.maxsize)
        full = console.measure(table, options=whole).maximum
        Console(file=console.file, width=max(full, 1), emoji=False).print(table)
    if rows is not None and rows <= first.num_rows:
        console.print(f"{rows:,} row{'s' if rows != 1 else ''}")
        return
    counted = f"{rows:,} rows" if rows is not None else f"more than {COUNTED_UP_TO:,} rows"
    console.print(f"{counted} (first {first.num_rows:,} shown; --format csv prints all)")


def write_csv(reader: pa.RecordBatchReader, out: BinaryIO) -> None:
    """A header row, then each batch as it comes (timestamps as ISO text, lists as JSON)."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    from c360.serve.exports import for_csv

    schema = for_csv(reader.schema.empty_table()).schema
    with pcsv.CSVWriter(out, schema) as writer:
        for batch in reader:
            writer.write_table(for_csv(pa.Table.from_batches([batch])))
            out.flush()


def write_json(reader: pa.RecordBatchReader, out: BinaryIO) -> None:
    """One JSON object per row, written batch by batch."""
    from c360.serve.exports import json_lines

    for batch in reader:
        out.write(json_lines(batch))
        out.flush()
