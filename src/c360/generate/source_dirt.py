"""Helpers of the raw-source generators (seeds 003 and 004): block quotas, dates as text, dirt."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.generate import defect_values as dv
from c360.generate.arrays import ids, timestamps
from c360.generate.dirt import Dirt, Transform

DATETIME_TEXT = "%Y-%m-%d %H:%M:%S"
ISO_TEXT = "%Y-%m-%dT%H:%M:%SZ"
YEAR = 365 * 86_400


def quota(total: int, start: int, stop: int, people: int) -> int:
    """This block's share of ``total`` rows; the shares of all blocks add up to ``total`` exactly.

    >>> [quota(10, a, b, 7) for a, b in ((0, 3), (3, 6), (6, 7))]
    [4, 5, 1]
    """
    return round(total * stop / people) - round(total * start / people)


def date_text(seconds: np.ndarray, fmt: str = DATETIME_TEXT) -> pa.Array:
    """Epoch seconds written as text in ``fmt`` (UTC).

    >>> date_text(np.array([0]), ISO_TEXT).to_pylist()
    ['1970-01-01T00:00:00Z']
    """
    return pc.strftime(timestamps(seconds), fmt)


def text_seconds(values: pa.Array, fmt: str) -> np.ndarray:
    """Text dates in ``fmt`` back to epoch seconds."""
    parsed = pc.strptime(values, format=fmt, unit="s")
    return pc.cast(parsed, pa.int64()).to_numpy(zero_copy_only=False)


class RowDirt(Dirt):
    """A ``Dirt`` that remembers the rows it last picked, for defects that read other columns."""

    picked: np.ndarray = np.array([], dtype=np.int64)

    def pick(self, weight: float = 1.0, where: np.ndarray | None = None) -> np.ndarray:
        self.picked = super().pick(weight, where)
        return self.picked

    def values(self, column: str) -> np.ndarray:
        """Current values of ``column`` on the rows just picked."""
        return self.data.column(column).take(pa.array(self.picked)).to_numpy(zero_copy_only=False)


def orphan_keys(prefix: str, width: int, issued: int) -> Transform:
    """Ids of the right shape numbered above all ``issued`` ones, so they exist nowhere.

    ``defect_values.orphan`` draws from the top of the width, which real ids reach at large scales.

    >>> spoil = orphan_keys("CUST", 5, 120_000)
    >>> spoil(np.random.default_rng(0), pa.array(["x"])).to_pylist()[0][:6]
    'CUST12'
    """
    low = max(issued + 1, 10**width - 10 ** (width - 2))

    def spoil(rng: np.random.Generator, values: pa.Array) -> pa.Array:
        return ids(prefix, low + rng.integers(0, 10 ** (width - 2), len(values)), width)

    return spoil


def shift_text_dates(fmt: str, low: int, high: int) -> Transform:
    """Move text dates by ``low``..``high`` seconds (a near copy, or decades ahead)."""

    def spoil(rng: np.random.Generator, values: pa.Array) -> pa.Array:
        seconds = text_seconds(values, fmt) + rng.integers(low, high + 1, len(values))
        return date_text(seconds, fmt)

    return spoil


def future_text_dates(fmt: str) -> Transform:
    """Dates 70 to 80 years ahead, in the column's own text format."""
    return shift_text_dates(fmt, 70 * YEAR, 80 * YEAR)


def bump(rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """Integers raised by 1 to 5: always another value."""
    return pc.add(values, pa.array(rng.integers(1, 6, len(values)), values.type))


def shout(_rng: np.random.Generator, values: pa.Array) -> pa.Array:
    """Text in capitals, or with a trailing space when it has no lower-case letter."""
    upper = pc.utf8_upper(values)
    return pc.if_else(pc.equal(upper, values), pc.binary_join_element_wise(values, " ", ""), upper)


def mis_encode(dirt: Dirt, column: str, weight: float = 1.0) -> None:
    """Mojibake on rows whose text has accents (only there can it show)."""
    mask = dv.has_non_ascii(dirt.data.column(column).combine_chunks())
    dirt.apply(column, "wrong_encoding", dv.mojibake, weight, mask)
