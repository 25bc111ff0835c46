"""What one generator run produces: seed, scale, sizes and the calendar every table shares."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from c360.contracts.model import Table

MIN_SCALE, MAX_SCALE = 0.01, 100.0
FORMATS = ("csv", "parquet")
# Customers are generated in blocks of this many: every fact table is built block by block, so
# memory stays flat whatever the scale. Changing it changes the output (the block is an RNG key).
BLOCK_SIZE = 50_000


def epoch(text: str) -> int:
    """Seconds since 1970 for an ISO date(-time) in UTC."""
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp())


# A fixed calendar keeps output byte-identical from day to day: the data ends on AS_OF.
HISTORY_START = epoch("2019-01-01")  # earliest first_seen_at / registration
ACTIVITY_START = epoch("2023-01-01")  # campaigns, sends, orders and interactions start here
AS_OF = epoch("2025-12-31T23:59:59")
DAY = 86_400


@dataclass(frozen=True)
class Plan:
    """The parameters of a run; sizes follow from the scale and each table's scaling rule."""

    seed: int = 42
    scale: float = 1.0
    file_format: str = "csv"
    dirt: float = 0.0  # defect rate injected into seed 000 tables (0 keeps its checks exact)

    def __post_init__(self) -> None:
        if not MIN_SCALE <= self.scale <= MAX_SCALE:
            raise ValueError(f"scale must be between {MIN_SCALE} and {MAX_SCALE}, got {self.scale}")
        if self.file_format not in FORMATS:
            raise ValueError(
                f"format must be one of {', '.join(FORMATS)}, got {self.file_format!r}"
            )
        if not 0.0 <= self.dirt <= 0.2:
            raise ValueError(f"dirt must be between 0 and 0.2, got {self.dirt}")
        if self.seed < 0:
            raise ValueError(f"seed must be a non-negative integer, got {self.seed}")

    def size(self, base: int, scaling: str = "linear", minimum: int = 1) -> int:
        """Rows for a table of ``base`` rows at scale 1.

        Fact tables grow linearly with the scale; small dimensions (segments, campaigns,
        products) grow with its square root, so scale 100 has 10x the campaigns, not 100x.

        >>> Plan(scale=100).size(20), Plan(scale=100).size(20, "sqrt")
        (2000, 200)
        """
        factor = {"linear": self.scale, "sqrt": math.sqrt(self.scale), "fixed": 1.0}[scaling]
        return max(minimum, round(base * factor))

    def rows(self, table: Table) -> int:
        """Target rows of a contract table at this scale."""
        assert table.rows_at_scale_1 is not None, table.name
        return self.size(table.rows_at_scale_1, table.scaling)

    @property
    def n_customers(self) -> int:
        return self.size(20_000)

    def blocks(self) -> list[tuple[int, int]]:
        """[start, stop) customer index ranges, one per block."""
        n = self.n_customers
        return [(s, min(s + BLOCK_SIZE, n)) for s in range(0, n, BLOCK_SIZE)]
