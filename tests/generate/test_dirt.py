"""Dirt invariants: every planted defect is listed once, at the right row; nothing else changes."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.generate import defect_values as dv
from c360.generate.dirt import Dirt


def clean_table(n: int) -> pa.Table:
    return pa.table(
        {
            "id": [f"K{i:04d}" for i in range(n)],
            "qty": pa.array(np.arange(1, n + 1), pa.int64()),
            "email": [f"user{i}@example.com" for i in range(n)],
        }
    )


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(1, 300),
    rate=st.floats(0.0, 0.3),
    seed=st.integers(0, 2**32 - 1),
    offset=st.integers(0, 10_000),
)
def test_manifest_matches_the_dirty_block(n: int, rate: float, seed: int, offset: int) -> None:
    clean = clean_table(n)
    dirt = Dirt("t", clean, "id", np.random.default_rng(seed), rate)
    dirt.duplicate()
    dirt.duplicate(column="email", transform=dv.near_copy)
    dirt.apply("qty", "non_positive_quantity", dv.non_positive)
    dirt.apply("email", "malformed_email", dv.malformed_email)
    dirt.null("email")
    data, manifest = dirt.finish(offset)

    rows = data.to_pylist()
    listed = manifest.to_pylist()
    numbers = [d["row_number"] - offset for d in listed]
    assert len(numbers) == len(set(numbers)), "a row carries at most one defect"
    assert all(1 <= k <= len(rows) for k in numbers)
    copies = sum(d["defect_type"].endswith("duplicate") for d in listed)
    assert len(rows) == n + copies
    originals = {r["id"]: r for r in clean.to_pylist()}
    for d in listed:
        row = rows[d["row_number"] - offset - 1]
        assert row["id"] == d["row_key"]
        kind = d["defect_type"]
        if kind == "exact_duplicate":
            assert row == originals[row["id"]]
        elif kind == "near_duplicate":
            assert row["email"] != originals[row["id"]]["email"]
        elif kind == "non_positive_quantity":
            assert row["qty"] <= 0
        elif kind == "malformed_email":
            assert row["email"] != originals[row["id"]]["email"]
        elif kind == "null":
            assert row["email"] is None
    unlisted = [r for k, r in enumerate(rows, start=1) if k not in set(numbers)]
    assert all(r == originals[r["id"]] for r in unlisted), "unlisted rows are untouched"
    assert len({r["id"] for r in unlisted}) == len(unlisted) == n - (len(listed) - copies)


def test_copies_are_placed_after_their_original() -> None:
    dirt = Dirt("t", clean_table(50), "id", np.random.default_rng(3), 0.3)
    dirt.duplicate()
    data, manifest = dirt.finish()
    ids = data.column("id").to_pylist()
    for d in manifest.to_pylist():
        assert ids.index(d["row_key"]) < d["row_number"] - 1
