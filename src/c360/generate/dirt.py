"""Defect injection with a manifest: every defect planted in a table is recorded, one per row."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

DEFECT_TYPES = (
    "exact_duplicate",
    "near_duplicate",
    "null",
    "invalid_date",
    "future_date",
    "non_positive_quantity",
    "negative_amount",
    "malformed_email",
    "malformed_phone",
    "country_spelling",
    "wrong_encoding",
    "orphan_key",
    "out_of_range",
    "malformed_record",
)

DEFECTS_SCHEMA = pa.schema(
    [
        ("table", pa.string()),
        ("row_key", pa.string()),
        ("row_number", pa.int64()),
        ("column", pa.string()),
        ("defect_type", pa.string()),
    ]
)

Transform = Callable[[np.random.Generator, pa.Array], pa.Array]


class Dirt:
    """Plants defects in one block of a table; each row gets at most one (duplicates aside).

    ``rate`` is the share of rows hit by each call (times the call's ``weight``).
    """

    def __init__(
        self,
        table: str,
        data: pa.Table,
        key: str | tuple[str, ...],
        rng: np.random.Generator,
        rate: float,
    ) -> None:
        self.table, self.key, self.rng, self.rate = table, key, rng, rate
        self.data = data
        self.dirty = np.zeros(data.num_rows, dtype=bool)
        self._records: list[tuple[np.ndarray, str, str]] = []
        self._copies: list[tuple[np.ndarray, pa.Table, str, str]] = []

    def pick(self, weight: float = 1.0, where: np.ndarray | None = None) -> np.ndarray:
        """Row positions (sorted) of still-clean rows chosen for a new defect."""
        ok = ~self.dirty if where is None else (~self.dirty & where)
        candidates = np.flatnonzero(ok)
        k = int(self.rng.binomial(len(candidates), min(1.0, self.rate * weight)))
        rows = np.sort(self.rng.choice(candidates, size=k, replace=False)) if k else candidates[:0]
        self.dirty[rows] = True
        return rows

    def apply(
        self,
        column: str,
        defect: str,
        transform: Transform,
        weight: float = 1.0,
        where: np.ndarray | None = None,
    ) -> None:
        """Replace ``column`` on picked rows by ``transform(rng, old_values)``."""
        assert defect in DEFECT_TYPES, defect
        rows = self.pick(weight, where)
        if len(rows) == 0:
            return
        old = self.data.column(column).combine_chunks()
        new = transform(self.rng, old.take(pa.array(rows)))
        self.data = self.data.set_column(
            self.data.schema.get_field_index(column), column, _replace(old, rows, new)
        )
        self._records.append((rows, column, defect))

    def null(self, column: str, weight: float = 1.0, where: np.ndarray | None = None) -> None:
        """Blank a value that should be there."""
        self.apply(column, "null", lambda _rng, old: pa.nulls(len(old), old.type), weight, where)

    def duplicate(
        self, weight: float = 1.0, column: str | None = None, transform: Transform | None = None
    ) -> None:
        """Append copies of picked rows: exact, or near (``column`` changed by ``transform``)."""
        # The original stays clean (and untouched by later defects); the copy carries the defect.
        rows = self.pick(weight)
        if len(rows) == 0:
            return
        copies = self.data.take(pa.array(rows))
        if column is None:
            self._copies.append((rows, copies, "*", "exact_duplicate"))
            return
        assert transform is not None
        index = copies.schema.get_field_index(column)
        new = transform(self.rng, copies.column(column).combine_chunks())
        old_type = copies.schema.field(column).type
        copies = copies.set_column(
            index,
            column,
            new.cast(old_type)
            if new.type != old_type and not pa.types.is_string(new.type)
            else new,
        )
        self._copies.append((rows, copies, column, "near_duplicate"))

    def finish(self, offset: int = 0) -> tuple[pa.Table, pa.Table]:
        """The dirty block (copies placed near their originals) and its defect manifest.

        ``offset`` is the number of rows already written to the same file by earlier blocks.
        """
        n = self.data.num_rows
        parts, order_keys = [self.data], [np.arange(n, dtype=float)]
        for rows, copies, _col, _defect in self._copies:
            parts.append(_unify(copies, self.data.schema))
            jitter = self.rng.integers(1, 40, size=len(rows))
            order_keys.append(np.minimum(rows + jitter, n - 1) + 0.5)
        data = pa.concat_tables([_unify(p, self.data.schema) for p in parts])
        order = np.argsort(np.concatenate(order_keys), kind="stable")
        position = np.empty_like(order)
        position[order] = np.arange(len(order))  # old row index -> final position
        data = data.take(pa.array(order))
        row_ids, columns, defects = [], [], []
        for rows, column, defect in self._records:
            row_ids.append(rows)
            columns += [column] * len(rows)
            defects += [defect] * len(rows)
        start = n
        for rows, _copies, column, defect in self._copies:
            row_ids.append(np.arange(start, start + len(rows)))
            start += len(rows)
            columns += [column] * len(rows)
            defects += [defect] * len(rows)
        final = position[np.concatenate(row_ids)] if row_ids else np.array([], dtype=np.int64)
        keys = _keys(data, self.key).take(pa.array(final))
        manifest = pa.table(
            {
                "table": pa.array([self.table] * len(final), pa.string()),
                "row_key": keys,
                "row_number": pa.array(final + offset + 1, pa.int64()),
                "column": pa.array(columns, pa.string()),
                "defect_type": pa.array(defects, pa.string()),
            },
            schema=DEFECTS_SCHEMA,
        )
        return data, manifest


def _keys(data: pa.Table, key: str | tuple[str, ...]) -> pa.Array:
    """The row key as text; a composite key joins its parts with ``|``."""
    names = (key,) if isinstance(key, str) else key
    parts = [_as_text(data.column(k).combine_chunks()) for k in names]
    return parts[0] if len(parts) == 1 else pc.binary_join_element_wise(*parts, "|")


def _replace(old: pa.Array, rows: np.ndarray, new: pa.Array) -> pa.Array:
    """``old`` with positions ``rows`` replaced by ``new``; a string replacement makes it text."""
    if new.type != old.type:
        old = _as_text(old) if pa.types.is_string(new.type) else old
        new = new.cast(old.type)
    mask = np.zeros(len(old), dtype=bool)
    mask[rows] = True
    return pc.replace_with_mask(old, pa.array(mask), new)


def _as_text(values: pa.Array) -> pa.Array:
    if pa.types.is_boolean(values.type):
        return pc.if_else(values, "true", "false")
    return pc.cast(values, pa.string())


def _unify(part: pa.Table, schema: pa.Schema) -> pa.Table:
    """Cast ``part`` to the column types of ``schema`` (text wins over a typed column)."""
    cols = []
    for name in schema.names:
        col = part.column(name).combine_chunks()
        want = schema.field(name).type
        if col.type != want:
            col = _as_text(col) if pa.types.is_string(want) else col.cast(want)
        cols.append(col)
    return pa.table(cols, names=schema.names)


def as_text_schema(data: pa.Table, columns: list[str]) -> pa.Table:
    """Turn ``columns`` into text up front, so every block of a dirty file has one schema."""
    for name in columns:
        i = data.schema.get_field_index(name)
        data = data.set_column(i, name, _as_text(data.column(i).combine_chunks()))
    return data
