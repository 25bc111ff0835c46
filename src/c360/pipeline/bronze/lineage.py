"""The columns bronze writes beside a source's own: ``_extra`` and lineage, and the quarantine's.

Every landed record keeps the file it came from (relative to the workspace), the run's batch
id and time, and its record number in the file; a record that cannot be read keeps the same
with its raw text and the reason.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.model import Table
from c360.pipeline.bronze.blocks import ROW_NUMBER, Block, Reject

EXTRA = "_extra"
QUARANTINE_SCHEMA = pa.schema([
    ("_source_file", pa.string()), ("_batch_id", pa.string()),
    ("_ingested_at", pa.timestamp("s", tz="UTC")), (ROW_NUMBER, pa.int64()),
    ("raw", pa.string()), ("reason", pa.string()),
])  # fmt: skip


def bronze_schema(contract: Table) -> pa.Schema:
    """The bronze table of a source: its contract's columns as text, ``_extra`` and lineage."""
    return pa.schema(
        [pa.field(c, pa.string()) for c in contract.column_names]
        + [
            pa.field(EXTRA, pa.string()),
            pa.field("_source_file", pa.string()),
            pa.field("_batch_id", pa.string()),
            pa.field("_ingested_at", pa.timestamp("s", "UTC")),
            pa.field(ROW_NUMBER, pa.int64()),
        ]
    )


def with_lineage(
    block: Block, contract: Table, workspace: Path, batch_id: str, ingested_at: datetime
) -> pa.Table:
    """A block as bronze holds it: the contract's columns, the others as ``_extra``, lineage."""
    data, n = block.data, block.data.num_rows
    known = contract.column_names
    extras = [c for c in data.column_names if c not in known and c != ROW_NUMBER]
    columns = {
        c: data.column(c) if c in data.column_names else pa.nulls(n, pa.string()) for c in known
    }
    columns[EXTRA] = _extra_json(data, extras)
    source = block.source_file
    columns["_source_file"] = (
        _relative_all(source, workspace)
        if isinstance(source, pa.Array)
        else pa.repeat(pa.scalar(relative(source, workspace), pa.string()), n)
    )
    columns["_batch_id"] = pa.repeat(pa.scalar(batch_id, pa.string()), n)
    columns["_ingested_at"] = pa.repeat(pa.scalar(ingested_at, pa.timestamp("s", "UTC")), n)
    columns[ROW_NUMBER] = data.column(ROW_NUMBER)
    return pa.table(columns)


def quarantined(rejects: list[Reject], batch_id: str, ingested_at: datetime) -> pa.Table:
    """The rejects of a run as ``lake/quarantine/bronze_<table>`` holds them."""
    return pa.table({
        "_source_file": [r[0] for r in rejects], "_batch_id": [batch_id] * len(rejects),
        "_ingested_at": pa.array([ingested_at] * len(rejects), pa.timestamp("s", "UTC")),
        ROW_NUMBER: pa.array([r[1] for r in rejects], pa.int64()),
        "raw": [r[2] for r in rejects], "reason": [r[3] for r in rejects],
    }, schema=QUARANTINE_SCHEMA)  # fmt: skip


def relative(path: str, workspace: Path) -> str:
    """A source file as lineage names it: inside the workspace, relative to it."""
    try:
        return Path(path).relative_to(workspace).as_posix()
    except ValueError:
        return path


def _extra_json(data: pa.Table, extras: list[str]) -> pa.Array:
    """Each record's fields the contract does not know, as a JSON object (null when none)."""
    n = data.num_rows
    if not extras:
        return pa.nulls(n, pa.string())
    values = [data.column(c).to_pylist() for c in extras]
    out = []
    for i in range(n):
        found = {c: v[i] for c, v in zip(extras, values, strict=True) if v[i] is not None}
        out.append(json.dumps(found, ensure_ascii=False, sort_keys=True) if found else None)
    return pa.array(out, pa.string())


def _relative_all(paths: pa.Array, workspace: Path) -> pa.Array:
    """Every path of a block relative to the workspace (one folder's files share a prefix)."""
    prefix = str(workspace).rstrip("/") + "/"
    inside = pc.starts_with(paths, prefix)
    if pc.all(inside).as_py():
        return pc.utf8_slice_codeunits(paths, len(prefix))
    return pa.array([relative(s, workspace) for s in paths.to_pylist()], pa.string())
