"""Check a table against its contract, row by row: the rules a clean row satisfies."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.model import Column, Table

VIOLATIONS_SCHEMA = pa.schema(
    [("row_number", pa.int64()), ("column", pa.string()), ("rule", pa.string())]
)


def violations(contract: Table, data: pa.Table) -> pa.Table:
    """Every broken rule as (1-based row number, column, rule).

    Rules: missing or extra columns, type (a value that does not parse as the declared type),
    not_null, pattern, allowed, min, max, unique (the second and later copies of a value; for a
    composite primary key the column is reported as ``a,b``).
    Foreign keys need the other table: see ``orphans``.

    >>> from c360.contracts.model import Column, Table
    >>> t = Table("t", "x", "", (Column("id", "string", unique=True, pattern=r"A\\d"),))
    >>> violations(t, pa.table({"id": ["A1", "B2", "A1"]})).to_pylist()[0]
    {'row_number': 2, 'column': 'id', 'rule': 'pattern'}
    """
    rows, cols, rules = [], [], []

    def add(mask: np.ndarray, column: str, rule: str) -> None:
        hit = np.flatnonzero(mask)
        rows.append(hit + 1)
        cols.extend([column] * len(hit))
        rules.extend([rule] * len(hit))

    names = set(data.column_names)
    for col in contract.columns:
        if col.name not in names:
            add(np.ones(data.num_rows, bool), col.name, "missing_column")
            continue
        values, bad_type = _typed(col, data.column(col.name).combine_chunks())
        add(bad_type, col.name, "type")
        _check(col, values, bad_type, add)
    key = contract.primary_key
    if len(key) > 1 and set(key) <= names:
        parts = [pc.cast(data.column(k).combine_chunks(), pa.string()) for k in key]
        add(_repeated(pc.binary_join_element_wise(*parts, "|")), ",".join(key), "unique")
    for extra in sorted(names - set(contract.column_names)):
        add(np.ones(data.num_rows, bool), extra, "extra_column")
    return pa.table(
        {
            "row_number": pa.array(np.concatenate(rows) if rows else [], pa.int64()),
            "column": pa.array(cols, pa.string()),
            "rule": pa.array(rules, pa.string()),
        },
        schema=VIOLATIONS_SCHEMA,
    ).sort_by([("row_number", "ascending"), ("column", "ascending")])


def _typed(col: Column, values: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """Values cast to the contract type, and where the raw value could not be."""
    want = col.arrow_type
    if values.type == want:
        return values, np.zeros(len(values), bool)
    if pa.types.is_string(values.type) and not pa.types.is_string(want):
        out = []
        bad = np.zeros(len(values), bool)
        for i, v in enumerate(values.to_pylist()):
            try:
                out.append(None if v is None else pa.scalar(v).cast(want).as_py())
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError):
                out.append(None)
                bad[i] = True
        return pa.array(out, want), bad
    try:
        return values.cast(want), np.zeros(len(values), bool)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return pa.nulls(len(values), want), np.asarray(values.is_valid())


Add = Callable[[np.ndarray, str, str], None]


def _check(col: Column, values: pa.Array, bad_type: np.ndarray, add: Add) -> None:
    null = np.asarray(values.is_null()) & ~bad_type
    if not col.nullable:
        add(null, col.name, "not_null")
    valid = ~null & ~bad_type
    if col.pattern is not None:
        ok = pc.match_substring_regex(values, f"^(?:{col.pattern})$")
        add(valid & ~np.asarray(ok.fill_null(False)), col.name, "pattern")
    if col.allowed is not None:
        ok = pc.is_in(values, value_set=pa.array(col.allowed, values.type))
        add(valid & ~np.asarray(ok), col.name, "allowed")
    if col.min_value is not None:
        add(
            valid & ~np.asarray(pc.greater_equal(values, col.min_value).fill_null(True)),
            col.name,
            "min",
        )
    if col.max_value is not None:
        add(
            valid & ~np.asarray(pc.less_equal(values, col.max_value).fill_null(True)),
            col.name,
            "max",
        )
    if col.unique:
        add(valid & _repeated(values), col.name, "unique")


def _repeated(values: pa.Array) -> np.ndarray:
    """True for the second and later occurrences of a value."""
    codes = np.asarray(pc.dictionary_encode(values).indices.fill_null(-1))
    _, first = np.unique(codes, return_index=True)
    seen_before = np.ones(len(values), bool)
    seen_before[first] = False
    return seen_before & (codes >= 0)


def orphans(child: pa.Array, parent: pa.Array) -> np.ndarray:
    """Positions of non-null ``child`` keys absent from ``parent``."""
    return np.flatnonzero(
        np.asarray(child.is_valid()) & ~np.asarray(pc.is_in(child, value_set=parent))
    )
