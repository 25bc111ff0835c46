"""CSV and JSON-lines exports of the gold tables, for BI tools and APIs.

``exports/csv/<table>.csv`` has a header row, ISO-8601 timestamps and lists as JSON arrays;
``exports/json/<table>.json`` has one JSON object per line. Both are encoded column by column with
Arrow compute (no row loop) and each file is replaced atomically.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from c360.contracts.model import Table
from c360.serve import gold_tables

# Types whose Arrow text is already their JSON text.
_WRITTEN_AS_IS = (pa.types.is_integer, pa.types.is_boolean, pa.types.is_decimal, pa.types.is_null)
# JSON escapes of the characters a JSON string may not hold raw, backslash first.
_ESCAPES = {"\\": "\\\\", '"': '\\"'} | {chr(i): json.dumps(chr(i))[1:-1] for i in range(32)}


def export_all(workspace: Path, contracts: Iterable[Table] | None = None) -> dict[str, int]:
    """Write the CSV and JSON export of every gold table; returns rows per table."""
    rows = {}
    for gold in gold_tables(workspace, contracts):
        csv_path = Path(workspace) / "exports" / "csv" / f"{gold.name}.csv"
        json_path = Path(workspace) / "exports" / "json" / f"{gold.name}.json"
        rows[gold.name] = _export(gold.reader(), csv_path, json_path)
    return rows


def _export(reader: pa.RecordBatchReader, csv_path: Path, json_path: Path) -> int:
    temps = [p.with_name(f".{p.name}.{os.getpid()}.tmp") for p in (csv_path, json_path)]
    for path in temps:
        path.parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    try:
        csv_schema = for_csv(reader.schema.empty_table()).schema
        with pcsv.CSVWriter(str(temps[0]), csv_schema) as csv_out, open(temps[1], "wb") as js:
            for batch in reader:
                csv_out.write(for_csv(pa.Table.from_batches([batch])))
                js.write(json_lines(batch))
                rows += batch.num_rows
        os.replace(temps[0], csv_path)
        os.replace(temps[1], json_path)
    except BaseException:
        for path in temps:
            path.unlink(missing_ok=True)
        raise
    return rows


def for_csv(data: pa.Table) -> pa.Table:
    """``data`` with timestamps as ISO-8601 text and lists as JSON arrays (CSV has neither)."""
    columns = [_csv_values(col) for col in data.columns]
    return pa.table(columns, names=data.column_names)


def _csv_values(col: pa.ChunkedArray) -> pa.ChunkedArray:
    if not pa.types.is_list(col.type):
        return _iso(col)
    return pc.if_else(pc.is_null(col), pa.scalar(None, pa.string()), _json_values(col))


def json_lines(data: pa.RecordBatch | pa.Table) -> bytes:
    """One JSON object per row, each line ending in a newline."""
    if data.num_rows == 0:
        return b""
    table = pa.Table.from_batches([data]) if isinstance(data, pa.RecordBatch) else data
    members = [
        pc.binary_join_element_wise(json.dumps(name) + ":", _json_values(col), "")
        for name, col in zip(table.column_names, table.columns, strict=True)
    ]
    if not members:
        return b"{}\n" * table.num_rows
    body = pc.binary_join_element_wise(*members, ",")
    lines = pc.binary_join_element_wise("{", body, "}\n", "")
    return b"".join(_utf8(chunk) for chunk in pa.chunked_array(lines).chunks)


def _json_values(col: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    """Each value of ``col`` as JSON text; NULL (and NaN or infinity) as ``null``."""
    kind = col.type
    if isinstance(col, pa.ChunkedArray):
        return pa.chunked_array([_json_values(c) for c in col.chunks], pa.string())
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        first, last = col.offsets[0].as_py(), col.offsets[-1].as_py()
        items = _json_values(col.values.slice(first, last - first))
        offsets = pc.subtract(col.offsets, col.offsets[0])
        rebuilt = type(col).from_arrays(offsets, items, mask=col.is_null())
        text = pc.binary_join_element_wise("[", pc.binary_join(rebuilt, ","), "]", "")
    elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
        text = _quote(col)
    elif pa.types.is_timestamp(kind) or pa.types.is_date(kind):
        text = _quote(_iso(col))
    elif pa.types.is_floating(kind):
        text = pc.if_else(pc.is_finite(col), col.cast(pa.string()), pa.scalar(None, pa.string()))
    elif any(is_kind(kind) for is_kind in _WRITTEN_AS_IS):
        text = col.cast(pa.string())
    else:
        raise TypeError(f"cannot export a column of type {kind} as JSON")
    return pc.fill_null(text.cast(pa.string()), "null")


def _quote(col: pa.Array) -> pa.Array:
    text = col.cast(pa.string())
    if pc.any(pc.match_substring_regex(text, r'[\x00-\x1f"\\]')).as_py():
        for raw, escaped in _ESCAPES.items():
            text = pc.replace_substring(text, raw, escaped)
    return pc.binary_join_element_wise('"', text, '"', "")


def _iso(col: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    """Timestamps as ``2024-03-01T09:30:00`` (UTC with ``Z`` when zoned); dates as is."""
    kind = col.type
    if pa.types.is_date(kind):
        return col.cast(pa.string())
    if not pa.types.is_timestamp(kind):
        return col
    if kind.tz is None:
        return pc.strftime(col, format="%Y-%m-%dT%H:%M:%S")
    utc = col.cast(pa.timestamp(kind.unit, tz="UTC"))
    return pc.strftime(utc, format="%Y-%m-%dT%H:%M:%SZ")


def _utf8(lines: pa.Array) -> bytes:
    """The values of a string array without NULLs, back to back (joined by Arrow, not Python)."""
    whole = pa.ListArray.from_arrays(pa.array([0, len(lines)], pa.int32()), lines.cast(pa.binary()))
    joined: bytes = pc.binary_join(whole, b"")[0].as_py()
    return joined
