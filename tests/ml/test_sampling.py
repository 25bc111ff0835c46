"""A sample by hash: at most ``cap`` rows, the same whatever the batches' order and sizes."""

from __future__ import annotations

import pyarrow as pa

from c360.ml.sampling import sample, stable_hash

ROWS = pa.table({"customer360_id": [f"c360_{i:08d}" for i in range(1000)], "x": range(1000)})


def _batches(table: pa.Table, size: int) -> list[pa.RecordBatch]:
    return table.to_batches(max_chunksize=size)


def test_the_same_rows_whatever_the_batches() -> None:
    one = sample(_batches(ROWS, 1000), ROWS.schema, "customer360_id", cap=100, seed=1)
    reversed_rows = ROWS.take(list(range(999, -1, -1)))
    other = sample(_batches(reversed_rows, 37), ROWS.schema, "customer360_id", cap=100, seed=1)
    assert one.num_rows == 100 and one.schema == ROWS.schema
    assert sorted(one["x"].to_pylist()) == sorted(other["x"].to_pylist())
    reseeded = sample(_batches(ROWS, 1000), ROWS.schema, "customer360_id", cap=100, seed=2)
    assert sorted(reseeded["x"].to_pylist()) != sorted(one["x"].to_pylist())


def test_everyone_when_fewer_than_the_cap_and_nothing_from_nothing() -> None:
    assert sample(_batches(ROWS, 300), ROWS.schema, "customer360_id", cap=5000).num_rows == 1000
    assert sample([], ROWS.schema, "customer360_id", cap=10).equals(ROWS.schema.empty_table())


def test_a_key_hashes_the_same_beside_longer_or_shorter_keys() -> None:
    alone = stable_hash(pa.array(["c360_1"]))[0]
    assert stable_hash(pa.array(["x", "c360_1", "a much longer key"]))[1] == alone
    assert stable_hash(pa.array(["c360_1"]), seed=1)[0] != alone


def _fnv1a(data: bytes) -> int:
    h = 14695981039346656037
    for byte in data:
        h = ((h ^ byte) * 1099511628211) % 2**64
    return h


def test_a_key_hashes_as_fnv1a_of_its_utf8_bytes_accented_or_not() -> None:
    keys = ["a", "c360_1", "Zoë", "客户_1"]
    assert stable_hash(pa.array(keys)).tolist() == [_fnv1a(k.encode("utf-8")) for k in keys]
    rows = pa.table({"customer360_id": ["José", "Jose", "Zoë"], "x": [0, 1, 2]})
    kept = sample(rows.to_batches(), rows.schema, "customer360_id", cap=2)
    assert kept.num_rows == 2


def test_a_key_that_is_no_text_hashes_as_its_text() -> None:
    keys = [5, 12, -3]
    expected = [_fnv1a(str(k).encode("utf-8")) for k in keys]
    assert stable_hash(pa.array(keys, pa.int64())).tolist() == expected
    assert stable_hash(pa.chunked_array([[5], [12, -3]], pa.int32())).tolist() == expected
    assert stable_hash(pa.array(keys).dictionary_encode()).tolist() == expected
    text = ["5", "12", "-3"]
    assert stable_hash(pa.array(text).dictionary_encode()).tolist() == expected
    assert stable_hash(pa.array(text, pa.large_string())).tolist() == expected
    rows = pa.table({"customer_id": pa.array(range(10), pa.int64())})
    kept = sample(rows.to_batches(max_chunksize=3), rows.schema, "customer_id", cap=4)
    assert kept.num_rows == 4
