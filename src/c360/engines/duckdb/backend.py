"""DuckDB through Ibis: the embedded default engine."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import ibis
import pyarrow as pa
from splink import DuckDBAPI

from c360.engines.base import BATCH_ROWS, BatchFn, Engine
from c360.engines.duckdb.offline import OFFLINE

SPLINK_MEMORY = "2GB"  # beyond this, Splink's tables and joins spill to disk


def splink_connection() -> duckdb.DuckDBPyConnection:
    """A DuckDB of Splink's own, bounded in memory: its candidate pairs outgrow a laptop's RAM
    at scale, and its tables go when the connection does (a shared one keeps them)."""
    spill = Path(tempfile.gettempdir()) / f"c360-splink-{os.getpid()}"
    own = duckdb.connect(
        config={"memory_limit": SPLINK_MEMORY, "temp_directory": str(spill), **OFFLINE}
    )
    own.execute("SET enable_progress_bar = false")  # never print to stdout
    return own


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def connect(database: str = ":memory:") -> Engine:
    """A DuckDB engine on ``database`` (a file path, or in memory)."""
    con = ibis.duckdb.connect(database, **OFFLINE)
    con.raw_sql("SET enable_progress_bar = false")  # never print to stdout

    def register(name: str, data: pa.Table) -> ibis.Table:
        # DuckDB replaces a view it registered, but not one of SQL (``read_lake``'s): drop first.
        forget(name)
        # A view of the Arrow table, not a copy: a 2M-row profile is held once, not twice.
        con.con.register(name, data)
        return con.table(name)

    def splink_api() -> DuckDBAPI:
        return DuckDBAPI(connection=splink_connection())

    def sql(text: str) -> pa.Table:
        return con.con.sql(text).to_arrow_table()

    def map_batches(expr: ibis.Table, fn: BatchFn, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
        # DuckDB's cursor hands over one batch at a time; fn runs here, on each as it comes.
        reader = con.con.sql(con.compile(expr)).to_arrow_reader(BATCH_ROWS)
        try:
            for batch in reader:
                yield fn(batch).cast(schema)
        finally:
            reader.close()

    def forget(name: str) -> None:
        # Either kind of view (Arrow's or ``read_lake``'s); dropping one lets go of its Arrow.
        con.con.execute(f"DROP VIEW IF EXISTS temp.main.{_quoted(name)}")

    return Engine("duckdb", con, register, splink_api, sql, map_batches, forget)
