"""Which format a source file is read as: the one its name says (``.csv``, ``.csv.gz``,
``.json``, ``.jsonl``, ``.ndjson``, ``.parquet``, gzip-compressed text too), whatever format its
table's contract names; a name that says none leaves the contract's.

An online shop hands over CSV exports for every system, a warehouse Parquet for tables a CRM
writes as CSV: each file lands as what it is, its values as text as any source's, and the
``csv:`` or ``json:`` entry of ``c360.yaml`` that describes it is the one of its format.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.model import Table
from c360.file_dialects import JSON_FORMATS
from c360.pipeline.bronze.blocks import Block, SourceError
from c360.pipeline.bronze.places import fix, other_format

# The format a file's name says, by how it ends (in any case).
_ENDINGS = {
    ".csv": "csv", ".csv.gz": "csv", ".json": "json", ".json.gz": "json", ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl", ".ndjson": "jsonl", ".ndjson.gz": "jsonl", ".parquet": "parquet",
}  # fmt: skip
# The formats each contract format's reader reads as they are (a JSON reader reads JSON lines
# and an array both; a ``table`` is CSV or Parquet by its file's name already).
_READ_AS_IS = {
    "csv": {"csv"}, "table": {"csv", "parquet"}, "json": {"json", "jsonl"},
    "jsonl": {"json", "jsonl"}, "mongo_jsonl": {"json", "jsonl"}, "parquet": {"parquet"},
    "parquet_dir": {"parquet"},
}  # fmt: skip
# The formats whose bronze tables hold values as the text the file wrote: CSV and JSON.
_TEXT_HELD = {"csv", "json", "jsonl", "mongo_jsonl"}
# A time's fraction of zeros, before its UTC offset if any (Arrow's "10:15:00.000000Z").
_ZERO_FRACTION = r"\.0+(Z|[+-][0-9]{4})?\z"


def named_format(path: Path) -> str | None:
    """The format a file's name says (``csv``, ``json``, ``jsonl``, ``parquet``), if any.

    >>> named_format(Path("Shopify_Customers.CSV.gz")), named_format(Path("export.txt"))
    ('csv', None)
    """
    name = path.name.lower()
    return next((fmt for end, fmt in _ENDINGS.items() if name.endswith(end)), None)


def as_read(contract: Table, path: object) -> Table:
    """``contract`` as a file ``path`` is read: its ``file_format`` the one the file's name
    says when its own reader does not read that format (a ``.csv`` for a JSON table, a Spark
    folder ``orders.parquet/`` for a CSV one); as it is for a database, a folder of notes or a
    name that says no format."""
    if not isinstance(path, Path) or contract.file_format == "text":
        return contract
    said = named_format(path)
    if said is None or said in _READ_AS_IS.get(contract.file_format, {said}):
        return contract
    return replace(contract, file_format=said)


def text_held(contract: Table, read_as: Table) -> bool:
    """Whether a file read as another format (``read_as``: ``as_read``) lands for a table whose
    bronze holds the text a CSV or JSON file writes: a Parquet export's typed columns land as
    text there, as a CSV export's would, its types no drift (extra and missing columns are)."""
    return read_as.file_format != contract.file_format and contract.file_format in _TEXT_HELD


def iso_times(block: Block) -> Block:
    """``block`` with its typed times as ISO text without a fraction of zeros (``2024-01-05
    10:15:00``, as a CSV export writes them; ``10:15:00.250000`` keeps its fraction)."""
    times = [f.name for f in block.types or [] if pa.types.is_timestamp(f.type)]
    data = block.data
    for name in (name for name in times if name in data.column_names):
        at = data.column_names.index(name)
        trimmed = pc.replace_substring_regex(data[name], _ZERO_FRACTION, r"\1")
        data = data.set_column(at, name, trimmed)
    return block if data is block.data else replace(block, data=data)


def refuse_unread(contract: Table, path: object) -> None:
    """Raise ``SourceError`` for a file whose name says a format no reader reads (a workbook,
    an archive: ``customers.xlsx``, ``orders.csv.bz2``), before it is read: read as its
    table's format, its bytes would be said to be what they are not (UTF-16, not Parquet)."""
    if isinstance(path, Path) and contract.file_format != "text" and other_format(path):
        raise SourceError(
            f"{path} is not read: {contract.name} lands from a CSV, JSON, JSON-lines or "
            f"Parquet file (.csv, .csv.gz, .json, .jsonl, .ndjson, .parquet): "
            f"{fix(contract, path)}"
        )


def is_json(contract: Table) -> bool:
    """Whether a table (as its file is read: ``as_read``) is read from JSON or JSON lines."""
    return contract.file_format in JSON_FORMATS
