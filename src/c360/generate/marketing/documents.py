"""Raw MongoDB documents from a dirty block: typed JSON values back in place, and an ``_id`` each.

Defects are planted on text (a wrong type is a string where a number belongs), then ``finish``
turns every canonical text back into its JSON type, so that only the defects stay strings.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.generate.plan import AS_OF
from c360.generate.source_dirt import RowDirt

LOAD_TIME = AS_OF + 1  # when the documents were inserted: the ObjectIds' timestamp
ISO_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
# The canonical text of each JSON type a column can hold, and its Arrow type.
CANONICAL = {
    "int": (r"-?\d+", pa.int64()),
    "float": (r"-?\d+(\.\d+)?", pa.float64()),
    "bool": (r"true|false", pa.bool_()),
    "date": (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", pa.timestamp("s")),
}


def restore(values: pa.Array, kind: str) -> pa.Array:
    """Canonical text back to its JSON type (a BSON date for ``date``); other text stays a string.

    The result is a dense union, so each value is written with its own JSON type.

    >>> restore(pa.array(["35", "thirty-five", None]), "int").to_pylist()
    [35, 'thirty-five', None]
    >>> restore(pa.array(["2024-02-29T10:00:00Z", "2024-02-30T10:00:00Z"]), "date").to_pylist()
    [datetime.datetime(2024, 2, 29, 10, 0), '2024-02-30T10:00:00Z']
    """
    pattern, arrow_type = CANONICAL[kind]
    ok = pc.match_substring_regex(values, f"^(?:{pattern})$").fill_null(False)
    if kind == "date":
        parsed = pc.strptime(values, format=ISO_FORMAT, unit="s", error_is_null=True)
        # Arrow rolls impossible days over (Feb 30 -> Mar 1): a real date writes back the same.
        ok = pc.and_(ok, pc.equal(pc.strftime(parsed, ISO_FORMAT), values).fill_null(False))
    elif kind == "bool":
        parsed = pc.equal(values, "true")
    else:
        parsed = pc.cast(pc.if_else(ok, values, pa.scalar(None, pa.string())), arrow_type)
    typed = np.asarray(ok)
    rank = np.where(typed, np.cumsum(typed) - 1, np.cumsum(~typed) - 1)
    return pa.UnionArray.from_dense(
        pa.array(typed.astype(np.int8)),
        pa.array(rank.astype(np.int32)),
        [values.filter(pc.invert(ok)), parsed.filter(ok).cast(arrow_type)],
        ["text", kind],
    )


def object_ids(seed: int, table: str, numbers: np.ndarray) -> pa.Array:
    """``{"$oid": ...}`` per line number: load time, a per-collection machine part, a counter.

    >>> object_ids(1, "t", np.array([1])).to_pylist()[0]["$oid"][:8]
    '6955b900'
    """
    machine = hashlib.blake2b(f"{seed}:{table}".encode(), digest_size=5).hexdigest()
    seconds = LOAD_TIME + numbers // 2**24
    counter = numbers % 2**24
    hexes = [
        f"{s:08x}{machine}{c:06x}" for s, c in zip(seconds.tolist(), counter.tolist(), strict=True)
    ]
    return pa.StructArray.from_arrays([pa.array(hexes, pa.string())], names=["$oid"])


class DocumentDirt(RowDirt):
    """Dirt of a collection; ``typed`` names the JSON type of each text column's clean values."""

    def __init__(
        self,
        table: str,
        data: pa.Table,
        key: str,
        rng: np.random.Generator,
        rate: float,
        seed: int,
        typed: dict[str, str],
    ) -> None:
        super().__init__(table, data, key, rng, rate)
        self.seed, self.typed = seed, typed

    def finish(self, offset: int = 0) -> tuple[pa.Table, pa.Table]:
        data, manifest = super().finish(offset)
        for name, kind in self.typed.items():
            values = restore(data.column(name).combine_chunks(), kind)
            data = data.set_column(data.schema.get_field_index(name), name, values)
        numbers = np.arange(offset + 1, offset + data.num_rows + 1, dtype=np.int64)
        oid = object_ids(self.seed, self.table, numbers)
        return data.set_column(data.schema.get_field_index("_id"), "_id", oid), manifest
