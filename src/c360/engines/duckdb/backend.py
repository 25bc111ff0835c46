"""DuckDB through Ibis: the embedded default engine."""

from __future__ import annotations

from collections.abc import Iterator

import ibis
import pyarrow as pa
from splink import DuckDBAPI

from c360.engines.base import BATCH_ROWS, BatchFn, Engine


def connect(database: str = ":memory:") -> Engine:
    """A DuckDB engine on ``database`` (a file path, or in memory)."""
    con = ibis.duckdb.connect(database)
    con.raw_sql("SET enable_progress_bar = false")  # never print to stdout

    def register(name: str, data: pa.Table) -> ibis.Table:
        return con.create_table(name, obj=data, overwrite=True)

    def splink_api() -> DuckDBAPI:
        return DuckDBAPI(connection=con.con)

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

    return Engine("duckdb", con, register, splink_api, sql, map_batches)
