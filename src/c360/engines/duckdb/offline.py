"""What every DuckDB connection of c360 is opened with: nothing fetched at run time.

DuckDB installs and loads a known extension the first time a query needs one, from the
network. c360's wheel already holds the extensions it uses (core functions, ICU, JSON, Parquet,
linked in), and its machines may reach no extension server: a query needing another one fails
at once, naming what is missing, instead of stalling on a download or failing half-way through
one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

OFFLINE: dict[str, str | bool | int | float | list[str]] = {  # as duckdb.connect types it
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}


def go_offline(con: duckdb.DuckDBPyConnection) -> None:
    """:data:`OFFLINE` on a connection already open: a file another connection of this process
    holds must be opened with that one's configuration, and these settings then apply to both."""
    for name in OFFLINE:
        con.execute(f"SET {name} = false")
