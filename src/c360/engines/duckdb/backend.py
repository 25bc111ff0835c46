"""DuckDB through Ibis: the embedded default engine."""

from __future__ import annotations

import ibis
import pyarrow as pa
from splink import DuckDBAPI

from c360.engines.base import Engine


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

    return Engine("duckdb", con, register, splink_api, sql)
