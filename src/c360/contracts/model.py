"""The contract of a table: columns, types, keys, relationships and allowed values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyarrow as pa

# Logical types every engine understands; the Arrow type is what files and frames carry.
ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "timestamp": pa.timestamp("s"),
    "date": pa.date32(),
    "list<string>": pa.list_(pa.string()),
}


_ISO_DAY = r"\d{4}-\d{2}-\d{2}"


@dataclass(frozen=True)
class Column:
    """One column: its logical type and the rules every value must satisfy."""

    name: str
    dtype: str
    description: str = ""
    nullable: bool = False
    unique: bool = False
    allowed: tuple[str, ...] | None = None
    pattern: str | None = None
    references: str | None = None  # "table.column"
    min_value: float | None = None
    max_value: float | None = None

    def __post_init__(self) -> None:
        if self.dtype not in ARROW_TYPES:
            raise ValueError(f"column {self.name}: unknown type {self.dtype!r}")

    @property
    def arrow_type(self) -> pa.DataType:
        return ARROW_TYPES[self.dtype]

    @property
    def holds_dates(self) -> bool:
        """A date or date-time: typed as one, or text whose pattern starts with an ISO date."""
        return self.dtype in ("date", "timestamp") or (self.pattern or "").startswith(_ISO_DAY)


@dataclass(frozen=True)
class Table:
    """A table's contract.

    ``path`` is relative to the workspace root and names the file or folder exactly, except for
    the ``table`` format, whose extension (.csv or .parquet) follows ``c360 generate --format``.
    """

    name: str
    seed: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    path: str = ""
    file_format: str = "table"  # table (csv|parquet by --format), csv, json, jsonl, mongo_jsonl,
    # parquet, parquet_dir, text
    rows_at_scale_1: int | None = None
    scaling: str = "linear"  # linear | sqrt | fixed
    layer: str = "source"  # source | truth | gold
    partition_by: tuple[str, ...] = ()  # Hive partitions of the lake folder
    notes: tuple[str, ...] = field(default_factory=tuple)

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def arrow_schema(self) -> pa.Schema:
        return pa.schema(
            [pa.field(c.name, c.arrow_type, nullable=c.nullable) for c in self.columns]
        )

    def foreign_keys(self) -> list[tuple[str, str, str]]:
        """(column, referenced table, referenced column) for every declared reference."""
        out = []
        for col in self.columns:
            if col.references:
                table, ref_col = col.references.split(".")
                out.append((col.name, table, ref_col))
        return out


def gold_table(
    seed: str,
    name: str,
    description: str,
    key: tuple[str, ...],
    *columns: Column,
    partition_by: tuple[str, ...] = (),
) -> Table:
    """A gold table of ``seed``, published to ``lake/gold/<name>``."""
    return Table(
        name=name,
        seed=seed,
        layer="gold",
        description=description,
        columns=columns,
        primary_key=key,
        path=f"lake/gold/{name}",
        file_format="parquet_dir",
        partition_by=partition_by,
    )


def id_pattern(prefix: str, digits: int) -> str:
    """Regex of an ID like ``CUST_000123``; a scale that outgrows the width adds digits.

    >>> bool(re.fullmatch(id_pattern("CUST_", 6), "CUST_000123"))
    True
    >>> bool(re.fullmatch(id_pattern("CUST_", 6), "CUST_123"))
    False
    """
    return rf"{re.escape(prefix)}\d{{{digits},}}"
