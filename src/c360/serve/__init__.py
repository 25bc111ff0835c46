"""Serve: where users look — CSV/JSON exports, the PostgreSQL load, SQL deliverables.

Every server reads the gold tables the same way, through :func:`gold_tables`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

from c360.contracts import GOLD_TABLES
from c360.contracts.model import Table
from c360.pipeline import lake


@dataclass(frozen=True)
class GoldTable:
    """A gold table in the lake, with its contract when one is declared."""

    name: str
    folder: Path
    contract: Table | None

    def schema(self) -> pa.Schema:
        """The contract's columns and types first, then any other column with its Parquet type.

        The contract's type matters where Parquet cannot keep it: a ``timestamp[s]`` comes back
        in milliseconds, a Hive partition as whatever Arrow guesses from the folder names.
        """
        declared = self.contract.arrow_schema() if self.contract else pa.schema([])
        found = self._dataset().schema
        fields = [f for f in declared if f.name in found.names]
        fields += [found.field(n).remove_metadata() for n in found.names if n not in declared.names]
        return pa.schema(fields)

    def reader(self, columns: Sequence[str] | None = None) -> pa.RecordBatchReader:
        """The table's rows as a stream of Arrow batches in :meth:`schema`; only ``columns``,
        in their order, when given (the others are not decoded)."""
        schema = self.schema()
        if columns is not None:
            schema = pa.schema([schema.field(c) for c in columns])
        # Little read-ahead: a server holds a few batches at a time, not the whole table.
        scanner = self._dataset().scanner(
            columns=schema.names,
            batch_size=32_768,
            batch_readahead=2,
            fragment_readahead=1,
            memory_pool=_scan_pool(),
        )
        batches = scanner.to_batches()
        return pa.RecordBatchReader.from_batches(schema, (b.cast(schema) for b in batches))

    def mismatch(self) -> str | None:
        """Why the table cannot be read as its contract declares it — NULLs in a column
        declared without — or None; from the Parquet footers alone. A table built by another
        version of c360 may read so. (A declared column the table lacks is left out, as
        :meth:`schema` says.)"""
        if self.contract is None:
            return None
        dataset = self._dataset()
        required = {f.name for f in self.contract.arrow_schema() if not f.nullable}
        for fragment in dataset.get_fragments():
            footer = fragment.metadata
            for g in range(footer.num_row_groups):
                group = footer.row_group(g)
                for c in range(group.num_columns):
                    chunk = group.column(c)
                    stats = chunk.statistics
                    if (
                        chunk.path_in_schema in required
                        and stats is not None
                        and stats.has_null_count
                        and stats.null_count > 0
                    ):
                        name = chunk.path_in_schema
                        return f"column {name} holds NULLs, which its contract allows none of"
        return None

    def _dataset(self) -> ds.Dataset:
        """The folder's Parquet files; none, or one that does not read, raise
        :class:`~c360.pipeline.lake.UnreadableTableError` (a server never serves a spoilt
        table as an empty one)."""
        return lake.open_dataset(self.folder)


def _scan_pool() -> pa.MemoryPool:
    """jemalloc where Arrow has it, for the batches a scan decodes on Arrow's threads and its
    reader frees on another: mimalloc (Arrow's default) hands their pages back to the system
    batch after batch, and faulting them in again cost the exports about a tenth of their CPU."""
    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:  # a build without it
        return pa.default_memory_pool()


def gold_tables(workspace: Path, contracts: Iterable[Table] | None = None) -> list[GoldTable]:
    """Every table folder of ``lake/gold``, by name; ``contracts`` default to ``GOLD_TABLES``."""
    known = {t.name: t for t in (GOLD_TABLES if contracts is None else contracts)}
    root = Path(workspace) / "lake" / "gold"
    if not root.is_dir():
        return []
    # Dot-folders are a publish in progress (staging) or the version being swapped out.
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    return [GoldTable(f.name, f, known.get(f.name)) for f in folders]


__all__ = ["GoldTable", "gold_tables"]
