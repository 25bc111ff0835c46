"""The references gold contracts declare, checked on the built tables.

A gold column declared ``references="table.column"`` (a fact's ``customer_id`` into
``dim_customer``) should only hold values the referenced table holds. Every run counts, in one
statement, the rows breaking each reference whose two tables it built; the run report lists
them. NULLs break nothing: a reference may be optional.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyarrow as pa

from c360.contracts.model import Table


@dataclass(frozen=True)
class Reference:
    """``table.column`` into ``parent.parent_column``, and the rows whose value it lacks."""

    table: str
    column: str
    parent: str
    parent_column: str
    orphans: int = 0

    @property
    def name(self) -> str:
        return f"{self.table}.{self.column} → {self.parent}.{self.parent_column}"


def declared(contracts: Iterable[Table], built: set[str]) -> list[Reference]:
    """Every reference of ``contracts`` whose table and referenced table are both ``built``."""
    return [
        Reference(t.name, column, parent, parent_column)
        for t in contracts
        for column, parent, parent_column in t.foreign_keys()
        if t.name in built and parent in built
    ]


def orphans_sql(references: list[Reference]) -> str:
    """One statement counting, per reference (``i``), its rows without a referenced row.

    A left join keeps a row without a match once, its parent column NULL, and every matched row
    has a parent value: a parent value held by several rows cannot inflate the count. DuckDB runs
    it as one hash join, where ``NOT EXISTS`` costs it a join and two aggregates more.
    """
    return "\nUNION ALL\n".join(
        f'SELECT {i} AS i, count(*) AS orphans FROM "{r.table}" AS c LEFT JOIN "{r.parent}" AS p '
        f'ON p."{r.parent_column}" = c."{r.column}" WHERE c."{r.column}" IS NOT NULL '
        f'AND p."{r.parent_column}" IS NULL'
        for i, r in enumerate(references)
    )


def check(
    contracts: Iterable[Table], built: set[str], execute: Callable[[str], pa.Table]
) -> list[Reference]:
    """Each declared reference between ``built`` tables with its orphan count, run by
    ``execute`` (the warehouse's ``query_warehouse``, say)."""
    references = declared(contracts, built)
    if not references:
        return []
    counted = execute(orphans_sql(references)).to_pydict()
    found = dict(zip(counted["i"], counted["orphans"], strict=True))
    return [
        Reference(r.table, r.column, r.parent, r.parent_column, int(found[i]))
        for i, r in enumerate(references)
    ]
