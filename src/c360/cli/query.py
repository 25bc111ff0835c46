"""``c360 query``: SQL on the workspace's warehouse, printed as a table, CSV or JSON lines.

CSV and JSON lines are streamed batch by batch, so an answer of any size takes little memory; the
table reads only the rows it shows, and counts up to ``COUNTED_UP_TO`` rows to say how many more.
"""

from __future__ import annotations

import difflib
import sys
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer
from rich.table import Table as RichTable
from rich.text import Text

from c360.cli._console import console, err_console, fail, labelled, silence_stdout, warning
from c360.cli._options import check_choice, whole
from c360.cli._paths import Workspace, check_input_file, check_workspace

if TYPE_CHECKING:
    import pyarrow as pa

FORMATS = ("table", "csv", "json")
COUNTED_UP_TO = 10_000  # rows a table counts past those it shows, to say how many there are
TABLE_BATCH_ROWS = 2_048
NULL = Text("NULL", style="dim")


def query_command(
    sql: Annotated[str | None, typer.Argument(help="The SQL to run.", show_default=False)] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file", "-f", metavar="FILE", help="Run the one statement of this .sql file."
        ),
    ] = None,
    workspace: Workspace = Path("."),
    output: Annotated[
        str, typer.Option("--format", help="table (for people), csv, or json (one object a line).")
    ] = "table",
    max_rows: Annotated[
        int, typer.Option(help="Rows shown by --format table.", parser=whole(1))
    ] = 100,
) -> None:
    """Run SQL on warehouse.duckdb (read-only): every gold table, and a view per silver table."""
    check_choice("--format", output, FORMATS)
    if sql is None and file is None:
        raise fail("no SQL to run: give it, or --file F.sql")
    if sql is not None and file is not None:
        raise fail("give the SQL to run or --file F.sql, not both")
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
    from c360.pipeline.last_run import stale_gold, why_no_customers, why_no_warehouse
    from c360.serve.sql_files import SqlFileError

    warning(stale_gold(workspace))
    try:
        statement = read_statement(file) if file is not None else str(sql)
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
        if isinstance(exc, MissingTableError) and (exc.table or "").lower() in customer_tables():
            why = why_no_customers(workspace)
            raise fail(f"no {str(exc.table).lower()} in {workspace}: {why}") from None
        if isinstance(exc, MissingTableError) and exc.table:
            raise fail(f"{exc}{near_table(workspace, exc.table)}") from None
        raise fail(str(exc)) from None


def customer_tables() -> set[str]:
    """The gold tables only a run with identity sources builds (the runner's
    ``CUSTOMER_TABLES``): those of the gold contracts that no gold model builds."""
    from c360.contracts import GOLD_TABLES
    from c360.pipeline.gold.run import MODELS

    return {t.name for t in GOLD_TABLES} - {m.name for m in MODELS}


def near_table(workspace: Path, table: str) -> str:
    """`` Did you mean dim_segment?`` for a table name that one of the lake's gold tables or
    silver views (the warehouse's) spells nearly, else ``""``."""
    lake = Path(workspace) / "lake"
    names = [
        path.name
        for layer in ("gold", "silver")
        for path in (lake / layer).glob("*")
        if path.is_dir() and path.name[:1] not in "._"
    ]
    close = difflib.get_close_matches(table.lower(), names, n=1)
    return f" Did you mean {close[0]}?" if close else ""


def read_statement(path: Path) -> str:
    """The one statement of a .sql file; a file that is not UTF-8 (a Windows editor's) is read
    as Windows-1252, as ``clv fit`` reads such a CSV, and a note on stderr says so."""
    from c360.serve.sql_files import SqlFileError, read_sql_file, read_sql_file_text

    try:
        return read_sql_file(path).statement
    except SqlFileError:
        data = _bytes(path)
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        else:
            raise  # not a matter of encoding
    if b"\0" in data:
        raise SqlFileError(f"{path} is not a text file (it holds NUL bytes): give a .sql file")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves out: Latin-1's
        text = data.decode("latin-1")
    try:
        statement = read_sql_file_text(text).statement
    except SqlFileError as exc:
        raise SqlFileError(f"{path}: {exc}") from None
    err_console.print(labelled("note:", f"{path} is not UTF-8: read as cp1252"), highlight=False)
    return statement


def _bytes(path: Path) -> bytes:
    from c360.serve.sql_files import SqlFileError

    try:
        return path.read_bytes()
    except OSError as exc:
        raise SqlFileError(f"cannot read {path}: {exc.strerror or exc}") from None


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
    console.print(table)
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
            writer.write_table(for_csv(pa.Table.from_batches([whole_seconds(batch)])))
            out.flush()


def write_json(reader: pa.RecordBatchReader, out: BinaryIO) -> None:
    """One JSON object per row, written batch by batch; a name two columns share is made
    unique as DuckDB makes it (``a``, ``a_1``), a JSON object holding a key once."""
    import pyarrow as pa

    from c360.serve.exports import json_lines

    names = unique_names(reader.schema.names)
    for batch in reader:
        unique = pa.RecordBatch.from_arrays(whole_seconds(batch).columns, names=names)
        out.write(json_lines(unique))
        out.flush()


def whole_seconds(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``batch`` with each timestamp column of whole seconds in seconds, so that it is written
    as the exports write gold's (``2025-09-29T10:46:34``), not with ``.000000``; a column with a
    fraction of a second keeps it."""
    import pyarrow as pa

    columns = list(batch.columns)
    for at, column in enumerate(columns):
        kind = column.type
        if pa.types.is_timestamp(kind) and kind.unit != "s":
            with suppress(pa.ArrowInvalid, OverflowError):  # a safe cast keeps any fraction
                columns[at] = column.cast(pa.timestamp("s", kind.tz))
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def unique_names(names: list[str]) -> list[str]:
    """``names`` with each repeated one suffixed ``_1``, ``_2``… past the names already taken."""
    taken = set(names)
    seen: set[str] = set()
    unique = []
    for name in names:
        if name in seen:
            number = 1
            while f"{name}_{number}" in taken:
                number += 1
            name = f"{name}_{number}"
            taken.add(name)
        seen.add(name)
        unique.append(name)
    return unique
