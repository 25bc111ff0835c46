"""Placeholder: filled in by the generator of this domain."""

from __future__ import annotations

from c360.contracts.model import Table

TABLES: tuple[Table, ...] = ()
