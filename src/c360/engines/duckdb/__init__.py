"""DuckDB, the embedded default engine."""

from c360.engines.duckdb.sources import connect_sources

__all__ = ["connect_sources"]
