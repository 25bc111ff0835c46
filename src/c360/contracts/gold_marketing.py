"""Gold contracts of seed 004: its five marts, with the seed's column names."""

from __future__ import annotations

from c360.contracts.model import Table

TABLES: tuple[Table, ...] = ()
