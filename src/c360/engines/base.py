"""What every engine offers the pipeline: an Ibis backend and the few irregular operations."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa

BatchFn = Callable[[pa.RecordBatch], pa.RecordBatch]
BATCH_ROWS = 100_000  # rows per batch handed to a map_batches function


@dataclass(frozen=True)
class Engine:
    """An Ibis backend plus the operations Ibis does not make portable.

    ``register`` turns an Arrow table into a table of the backend (Ibis's own ``memtable`` fails
    on Spark for decimals with NULLs); ``to_arrow`` returns results with UTC-aware timestamps
    on every engine (Spark hands them back naive); ``splink_api`` gives Splink's database API
    where the pipeline runs (on DuckDB, a connection of its own, bounded in memory); ``sql`` runs
    a user's SQL text (in the engine's dialect) on the registered tables and collects it;
    ``map_batches(expr, fn, schema)`` streams ``fn`` over ``expr``'s rows a batch at a time
    (where the engine runs Python: DuckDB in this process, Spark in its workers) and yields
    the results, so no more than a batch of them is held in memory; ``forget`` drops a
    registered table (one never registered, or already dropped, is no error), so that what a
    step registered for itself is not held for the rest of the run.

    A name holds the last table given it: ``register`` and ``read_lake`` each replace what the
    name held, whichever of the two gave it, and ``forget`` drops either.
    """

    name: str
    con: ibis.BaseBackend
    register: Callable[[str, pa.Table], ibis.Table]
    splink_api: Callable[[], Any]
    sql: Callable[[str], pa.Table]
    map_batches: Callable[[ibis.Table, BatchFn, pa.Schema], Iterator[pa.RecordBatch]]
    forget: Callable[[str], None]

    def read_lake(self, name: str, folder: Path) -> ibis.Table:
        """A lake table (a folder of Parquet parts) as a table of this engine named ``name``
        (replacing what the name held)."""
        return self.con.read_parquet(str(folder), table_name=name)

    def to_arrow(self, expr: ibis.Table) -> pa.Table:
        """Execute ``expr`` and collect it; timestamps come back naive, in UTC, on every engine.

        Spark drops the time zone of a timestamp (its sessions run in UTC here); DuckDB keeps
        it. The data model's timestamps are UTC without a zone, so both are made to agree.
        """
        table = expr.to_pyarrow()
        fields = []
        for f in table.schema:
            if pa.types.is_timestamp(f.type) and f.type.tz is not None:
                f = f.with_type(pa.timestamp(f.type.unit))
            fields.append(f)
        return table.cast(pa.schema(fields))
