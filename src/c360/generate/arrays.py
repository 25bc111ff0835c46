"""Vectorised building blocks: ids, categorical draws, timestamps and money as Arrow arrays."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def ids(prefix: str, numbers: np.ndarray, width: int) -> pa.Array:
    """``prefix`` + zero-padded numbers; numbers wider than ``width`` keep all their digits.

    >>> ids("CUST_", np.array([7, 1234567]), 6).to_pylist()
    ['CUST_000007', 'CUST_1234567']
    """
    digits = pc.utf8_lpad(pc.cast(pa.array(numbers, pa.int64()), pa.string()), width, "0")
    return pc.binary_join_element_wise(prefix, digits, "")


def weighted(rng: np.random.Generator, weights: Sequence[float], n: int) -> np.ndarray:
    """``n`` indexes drawn with the given (unnormalised) weights."""
    p = np.asarray(weights, dtype=float)
    return rng.choice(len(p), size=n, p=p / p.sum())


def quota(rng: np.random.Generator, weights: Sequence[float], n: int) -> np.ndarray:
    """``n`` indexes in exactly the given proportions (largest remainder), in random order.

    For small tables whose mix the seed fixes (industries, tiers, categories), exact shares beat
    random draws, which can miss by several points on a few hundred rows.

    >>> np.bincount(quota(np.random.default_rng(0), [60, 30, 10], 20)).tolist()
    [12, 6, 2]
    """
    p = np.asarray(weights, dtype=float) / np.sum(weights)
    counts = np.floor(p * n).astype(np.int64)
    remainder = p * n - counts
    counts[np.argsort(-remainder, kind="stable")[: n - counts.sum()]] += 1
    return rng.permutation(np.repeat(np.arange(len(p)), counts))


def pick(values: Sequence[str], index: np.ndarray) -> pa.Array:
    """Strings ``values[index]`` as an Arrow array (fast: a take, not a Python loop)."""
    return pa.array(values, pa.string()).take(pa.array(index))


def draw(
    rng: np.random.Generator, values: Sequence[str], weights: Sequence[float], n: int
) -> pa.Array:
    """``n`` values drawn with the given weights."""
    return pick(values, weighted(rng, weights, n))


def where_valid(valid: np.ndarray, values: np.ndarray | pa.Array, type_: pa.DataType) -> pa.Array:
    """``values`` where ``valid``, null elsewhere.

    >>> where_valid(np.array([True, False]), np.array(["a", "b"]), pa.string()).to_pylist()
    ['a', None]
    """
    if isinstance(values, pa.Array):
        values = values.to_numpy(zero_copy_only=False)
    return pa.array(values, type_, mask=~np.asarray(valid, dtype=bool))


def timestamps(seconds: np.ndarray) -> pa.Array:
    """Epoch seconds as an Arrow ``timestamp[s]`` array."""
    return pa.array(np.asarray(seconds, dtype="datetime64[s]"), pa.timestamp("s"))


def euros(cents: np.ndarray) -> pa.Array:
    """Integer cents as euros with two decimals (money is computed in cents so sums are exact)."""
    return pa.array(np.asarray(cents, dtype=np.int64) / 100.0, pa.float64())


def uniform_between(
    rng: np.random.Generator, low: np.ndarray | int, high: np.ndarray | int, n: int
) -> np.ndarray:
    """Integers uniformly in [low, high] (inclusive), element-wise."""
    low_a = np.broadcast_to(np.asarray(low, dtype=np.int64), (n,))
    high_a = np.maximum(np.broadcast_to(np.asarray(high, dtype=np.int64), (n,)), low_a)
    return low_a + (rng.random(n) * (high_a - low_a + 1)).astype(np.int64)


def repeat_index(counts: np.ndarray) -> np.ndarray:
    """For counts [2, 0, 1] the owner index of each child row: [0, 0, 2]."""
    return np.repeat(np.arange(len(counts)), counts)
