"""Raw MongoDB documents from a dirty block: typed JSON values back in place, and an ``_id`` each.

Defects are planted on text (a wrong type is a string where a number belongs), then ``finish``
turns every canonical text back into its JSON type so that only the defects stay strings.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pyarrow as pa

from c360.generate.plan import AS_OF
from c360.generate.source_dirt import RowDirt

Parser = Callable[[str], Any]
LOAD_TIME = AS_OF + 1  # when the documents were inserted: the ObjectIds' timestamp
_INT = re.compile(r"-?\d+")
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def as_int(text: str) -> Any:
    """``"35"`` -> 35; any other text stays a string.

    >>> as_int("35"), as_int("thirty-five")
    (35, 'thirty-five')
    """
    return int(text) if _INT.fullmatch(text) else text


def as_float(text: str) -> Any:
    """``"12.5"`` -> 12.5; ``"12,50"`` stays a string.

    >>> as_float("-12.5"), as_float("12,50")
    (-12.5, '12,50')
    """
    return float(text) if _DECIMAL.fullmatch(text) else text


def as_bool(text: str) -> Any:
    """``"true"``/``"false"`` -> a boolean; ``"yes"`` stays a string.

    >>> as_bool("true"), as_bool("Y")
    (True, 'Y')
    """
    return {"true": True, "false": False}.get(text, text)


def as_date(text: str) -> Any:
    """``YYYY-MM-DDTHH:MM:SSZ`` -> a datetime (a BSON date); an impossible date stays a string.

    >>> as_date("2024-02-29T10:00:00Z"), as_date("2024-02-30T10:00:00Z")
    (datetime.datetime(2024, 2, 29, 10, 0), '2024-02-30T10:00:00Z')
    """
    if not _ISO.fullmatch(text):
        return text
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return text


def mixed(values: list[Any]) -> pa.Array:
    """Python values of several types as one dense union, which writes each with its own JSON type.

    >>> mixed([1, "a", None, True, 2.5]).to_pylist()
    [1, 'a', None, True, 2.5]
    """
    kinds: list[tuple[str, pa.DataType, Callable[[Any], bool]]] = [
        ("str", pa.string(), lambda v: v is None or isinstance(v, str)),
        ("bool", pa.bool_(), lambda v: isinstance(v, bool)),
        ("int", pa.int64(), lambda v: isinstance(v, int)),
        ("float", pa.float64(), lambda v: isinstance(v, float)),
        ("date", pa.timestamp("s"), lambda v: isinstance(v, datetime)),
    ]
    children: list[list[Any]] = [[] for _ in kinds]
    codes = np.empty(len(values), dtype=np.int8)
    offsets = np.empty(len(values), dtype=np.int32)
    for i, value in enumerate(values):
        code = next(k for k, (_n, _t, test) in enumerate(kinds) if test(value))
        codes[i], offsets[i] = code, len(children[code])
        children[code].append(value)
    arrays = [pa.array(c, t) for c, (_n, t, _test) in zip(children, kinds, strict=True)]
    return pa.UnionArray.from_dense(pa.array(codes), pa.array(offsets), arrays,
                                    [n for n, _t, _test in kinds])


def object_ids(seed: int, table: str, numbers: np.ndarray) -> pa.Array:
    """``{"$oid": ...}`` per line number: load time, a per-collection machine part, a counter.

    >>> object_ids(1, "t", np.array([1])).to_pylist()[0]["$oid"][:8]
    '6955b900'
    """
    machine = hashlib.blake2b(f"{seed}:{table}".encode(), digest_size=5).hexdigest()
    seconds = LOAD_TIME + numbers // 2**24
    counter = numbers % 2**24
    hexes = [f"{s:08x}{machine}{c:06x}" for s, c in zip(seconds.tolist(), counter.tolist(),
                                                          strict=True)]
    return pa.StructArray.from_arrays([pa.array(hexes, pa.string())], names=["$oid"])


class DocumentDirt(RowDirt):
    """Dirt of a collection; ``typed`` maps each text column to the parser of its clean values."""

    def __init__(self, table: str, data: pa.Table, key: str, rng: np.random.Generator,
                 rate: float, seed: int, typed: dict[str, Parser]) -> None:
        super().__init__(table, data, key, rng, rate)
        self.seed, self.typed = seed, typed

    def finish(self, offset: int = 0) -> tuple[pa.Table, pa.Table]:
        data, manifest = super().finish(offset)
        for name, parse in self.typed.items():
            values = [None if v is None else parse(v) for v in data.column(name).to_pylist()]
            data = data.set_column(data.schema.get_field_index(name), name, mixed(values))
        numbers = np.arange(offset + 1, offset + data.num_rows + 1, dtype=np.int64)
        oid = object_ids(self.seed, self.table, numbers)
        return data.set_column(data.schema.get_field_index("_id"), "_id", oid), manifest
