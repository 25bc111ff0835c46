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

from c360.contracts.model import Table
from c360.file_dialects import JSON_FORMATS
from c360.pipeline.bronze.blocks import SourceError
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
