"""Gold contracts of seed 000: the star schema, ``kpi_measures`` and attribution."""

from __future__ import annotations

from c360.contracts.model import Table

TABLES: tuple[Table, ...] = ()
