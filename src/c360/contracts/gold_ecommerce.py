"""Gold contracts of seed 003: facts, dimensions, aggregates, CLV, RFM, stock."""

from __future__ import annotations

from c360.contracts.model import Table

TABLES: tuple[Table, ...] = ()
