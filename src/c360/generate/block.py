"""What every per-customer generator receives: the people of one block and the shared dimensions."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from c360.generate.plan import Plan
from c360.generate.rand import stream


@dataclass(frozen=True)
class Dimensions:
    """Seed-000 dimension tables, generated once per run and shared by every block."""

    accounts: pa.Table
    segments: pa.Table
    campaigns: pa.Table
    assets: pa.Table
    audiences: pa.Table
    products: pa.Table


@dataclass
class Block:
    """One block of customers and the run's state that blocks share.

    ``offsets`` numbers each table's ids where the last block stopped; ``mailboxes`` keeps
    e-mail addresses unique across blocks.
    """

    plan: Plan
    start: int
    people: pa.Table
    dims: Dimensions
    offsets: dict[str, int] = field(default_factory=dict)
    mailboxes: set[str] = field(default_factory=set)  # every e-mail mailbox claimed in the run

    @property
    def n(self) -> int:
        return self.people.num_rows

    def rng(self, purpose: str) -> np.random.Generator:
        return stream(self.plan.seed, purpose, self.start)

    def next_ids(self, table: str, count: int) -> np.ndarray:
        """The next ``count`` sequence numbers (1-based) of ``table``'s ids."""
        first = self.offsets.get(table, 0)
        self.offsets[table] = first + count
        return np.arange(first + 1, first + count + 1, dtype=np.int64)
