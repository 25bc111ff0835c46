"""What the profile's steps hold in memory: Arrow's allocations counted by a proxy pool."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import numpy as np
import pyarrow as pa
import pytest

from c360.identity.profile_activity import linked
from c360.identity.profile_attributes import lineage, scatter

ATTRIBUTES = ("first_name", "last_name", "email", "phone", "country", "city", "postcode")
_POOLS: list[pa.MemoryPool] = []  # kept: a pool must outlive every buffer it allocated


@pytest.fixture
def counted() -> Iterator[pa.MemoryPool]:
    """Arrow's default pool, behind a proxy that counts its own peak."""
    default = pa.default_memory_pool()
    pool = pa.proxy_memory_pool(default)
    _POOLS.append(pool)
    pa.set_memory_pool(pool)
    yield pool
    gc.collect()
    pa.set_memory_pool(default)


def _peak_over_output(pool: pa.MemoryPool, step: Callable[[], pa.Array]) -> float:
    """The most ``step`` held at once (beyond what was held before it), over its output."""
    before = pool.bytes_allocated()
    out = step()
    return (pool.max_memory() - before) / out.nbytes


def test_lineage_holds_about_three_times_its_output(counted: pa.MemoryPool) -> None:
    n = 20_000
    customers = pa.array([f"c360_{i:08d}" for i in range(n)])
    won = pa.table({
        "customer360_id": np.repeat(customers.to_numpy(zero_copy_only=False), len(ATTRIBUTES)),
        "attribute": list(ATTRIBUTES) * n,
        "record_key": [f"crm:{i}" for i in range(n * len(ATTRIBUTES))],
    })  # fmt: skip
    # Sorting a table of the rows' strings and building them unsorted held 7.8 times.
    assert _peak_over_output(counted, lambda: lineage(customers, won)) < 4.5


def test_a_fact_whose_rows_are_all_linked_is_not_copied() -> None:
    fact = pa.table({"customer_id": ["C2", "C1", "C2"], "amount": [1.0, 2.0, 3.0]})
    ids = pa.table({"customer_id": ["C1", "C2"], "code": pa.array([1, 0], pa.int32())})
    out = linked(fact, ids)
    assert out.column("code").to_pylist() == [0, 1, 0]
    for name in fact.column_names:
        kept, given = out.column(name).chunk(0), fact.column(name).chunk(0)
        assert kept.buffers()[-1].address == given.buffers()[-1].address
    partly = linked(fact, ids.slice(0, 1))  # C2 unlinked: its rows go
    assert partly.to_pydict() == {"customer_id": ["C1"], "amount": [2.0], "code": [1]}


def test_scatter_onto_every_position_in_order_gives_the_values_back() -> None:
    values = pa.array(["a", None, "c"])
    assert scatter(3, np.arange(3), values) is values
    assert scatter(3, np.array([2, 0, 1]), values).to_pylist() == [None, "c", "a"]
    assert scatter(4, np.arange(3), values).to_pylist() == ["a", None, "c", None]
