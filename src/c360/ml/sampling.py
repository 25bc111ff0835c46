"""A deterministic sample of a stream of rows, by a hash of their key: the same rows on every
engine and every run, whatever the order or the size of the batches."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_FNV_OFFSET, _FNV_PRIME = np.uint64(14695981039346656037), np.uint64(1099511628211)


def stable_hash(keys: pa.Array | pa.ChunkedArray, seed: int = 0) -> np.ndarray:
    """FNV-1a (64 bits) of each key's UTF-8 bytes (a key that is not text: of its text, as
    Arrow writes it), salted by ``seed``; vectorised over the bytes.

    >>> bool(stable_hash(pa.array(["a"]))[0] == stable_hash(pa.array(["bcd", "a"]))[1])
    True
    """
    if pa.types.is_dictionary(keys.type):
        keys = pc.cast(keys, keys.type.value_type)
    if not _is_bytes(keys.type):  # a number, a date, ...: the bytes of its text
        keys = pc.cast(keys, pa.string())
    # Bytes, not text: numpy would encode text as ASCII and fail on an accented key.
    raw = np.asarray(pc.cast(keys, pa.binary()).to_numpy(zero_copy_only=False), dtype="S")
    h = np.full(len(raw), _FNV_OFFSET ^ np.uint64(seed), dtype=np.uint64)
    if len(raw) == 0 or raw.itemsize == 0:
        return h
    codes = raw.view(np.uint8).reshape(len(raw), raw.itemsize)
    with np.errstate(over="ignore"):
        for column in codes.T:  # the zero padding of shorter keys is skipped
            h = np.where(column != 0, (h ^ column.astype(np.uint64)) * _FNV_PRIME, h)
    return h


def _is_bytes(kind: pa.DataType) -> bool:
    """Text or bytes, whose own bytes are hashed."""
    return any(
        test(kind)
        for test in (pa.types.is_string, pa.types.is_large_string, pa.types.is_string_view,
                     pa.types.is_binary, pa.types.is_large_binary, pa.types.is_binary_view,
                     pa.types.is_fixed_size_binary)
    )  # fmt: skip


def _smallest(rows: pa.Table, cap: int) -> pa.Table:
    if rows.num_rows <= cap:
        return rows
    return rows.sort_by([("_hash", "ascending"), ("_key", "ascending")]).slice(0, cap)


def sample(
    batches: Iterable[pa.RecordBatch], schema: pa.Schema, key: str, cap: int, seed: int = 0
) -> pa.Table:
    """At most ``cap`` rows of ``batches`` (of ``schema``): those whose ``key`` hashes lowest
    (all when fewer), holding no more than about ``2 x cap`` rows plus a batch at a time."""
    kept: pa.Table | None = None
    for batch in batches:
        block = pa.Table.from_batches([batch])
        block = block.append_column("_hash", pa.array(stable_hash(batch.column(key), seed)))
        block = block.append_column("_key", block.column(key))
        kept = block if kept is None else pa.concat_tables([kept, block])
        if kept.num_rows > 2 * cap:
            kept = _smallest(kept, cap)
    if kept is None:
        return schema.empty_table()
    return _smallest(kept, cap).drop_columns(["_hash", "_key"])
