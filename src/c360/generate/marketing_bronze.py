"""Placeholder until this source's generator lands: it produces no table yet."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa

from c360.generate.block import Block, Dimensions
from c360.generate.dirt import Dirt
from c360.generate.plan import Plan
from c360.generate.seed000 import Seed000


def global_outputs(plan: Plan, dims: Dimensions) -> Iterator[tuple[str, pa.Table | Dirt]]:
    return iter(())


def block_outputs(block: Block, base: Seed000) -> Iterator[tuple[str, pa.Table | Dirt]]:
    return iter(())
