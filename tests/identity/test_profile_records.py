"""Profile values of literal records: a gender however a form wrote it."""

from __future__ import annotations

import pyarrow as pa

from c360.identity.profile_records import record_values


def test_gender_is_m_or_f_however_it_was_written() -> None:
    """Seed 004's forms write male, Femme, H or f; a value no list knows is kept as written."""
    written = ["male", "Femme", "H", "f", " M ", "W", "non-binary", None]
    n = len(written)
    records = pa.table({
        "record_key": [f"marketing:C{i}" for i in range(n)],
        "source": ["marketing"] * n,
        "record_id": [f"C{i}" for i in range(n)],
        "customer360_id": [f"c360_{i:08d}" for i in range(n)],
        "updated_at": pa.nulls(n, pa.timestamp("us")),
        "gender": written,
    })  # fmt: skip
    assert record_values(records).column("gender").to_pylist() == [
        "M", "F", "M", "F", "M", "F", "Non-Binary", None,
    ]  # fmt: skip
