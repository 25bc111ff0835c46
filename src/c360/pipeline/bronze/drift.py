"""How a source's columns differ from its contract, and what the project file can say of it.

Under ``schema_drift: fail`` a column the contract does not know, one it has that the source
lacks, or a typed column holding another kind of value raises ``SchemaDriftError``, naming the
setting that lands the source anyway; under ``evolve`` they are listed in the run report.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from c360.contracts.model import Table
from c360.file_dialects import JSON_FORMATS
from c360.pipeline.bronze.blocks import Database
from c360.pipeline.bronze.count import is_csv

# The kind of value each logical type holds; a typed source column of another kind is retyped,
# but for a column of nulls (no type at all), a kind the contract's widens losslessly (whole
# numbers where it says float: a writer types a price column of round prices as int64) and text
# where the contract says a date or a list: dates travel as ISO text, the only way a typed file
# carries an impossible one (a defect silver quarantines), and lists as JSON text. In a Parquet
# file, text where the contract says a number or a boolean is a type change of its writer; a
# database table or query (``SQL_FITS``) may keep raw text in any column, as staging tables do,
# for silver to type. JSON declares no column types: a number written as a string is a value for
# silver to read or quarantine.
KINDS = {"string": "text", "int": "int", "float": "float", "bool": "bool",
         "timestamp": "timestamp", "date": "timestamp", "list<string>": "list"}  # fmt: skip
FITS = {kind: {"null", kind} for kind in KINDS.values()} | {
    "float": {"null", "float", "int"}, "timestamp": {"null", "timestamp", "text"},
    "list": {"null", "list", "text"},
}  # fmt: skip
SQL_FITS = {kind: kinds | {"text"} for kind, kinds in FITS.items()}


class SchemaDriftError(Exception):
    """A source's columns differ from its contract and the project says ``schema_drift: fail``."""


def extra_message(
    name: str,
    contract: Table,
    extra: list[str],
    seen: set[str],
    path: Path | Database,
    file: str | None = None,
    lacks: list[str] | None = None,
) -> str:
    """Why a source's extra columns stop the run, naming the ``file`` of a folder they are in,
    and what to write in the project file: a CSV whose header names the contract's columns
    otherwise maps them under ``csv:``, a JSON file whose documents do under ``json:``. The
    columns said missing are the file's own (``lacks``: those its header lacks), when given:
    other files of the folder may have them."""
    where = f"{_inside(file, path)} has columns" if file and file != name else "columns"
    message = f"{name}: {where} not in the contract of {contract.name}: {', '.join(extra)}"
    missing = [c for c in contract.column_names if c not in seen] if lacks is None else lacks
    names, section = "header names", "csv"
    if contract.file_format in JSON_FORMATS:
        names, section = "field names", "json"
    if missing and isinstance(path, Path) and (section == "json" or is_csv(path, contract)):
        return (
            f"{message}; missing: {', '.join(missing)} (map {names} to contract columns "
            f"under {section}: {contract.name}: columns: in c360.yaml, or set schema_drift: "
            "evolve to keep them in _extra)"
        )
    return f"{message} (set schema_drift: evolve in c360.yaml to keep them in _extra)"


def retyped(
    types: pa.Schema | None, contract: Table, fits: dict[str, set[str]] | None
) -> list[tuple[str, str, str]]:
    """(column, contract type, source type) of each typed column holding a kind of value that
    does not fit its contract's type (``fits``: ``FITS`` or ``SQL_FITS``; ``None``: any kind
    fits, the file's columns landing as text as a CSV's or JSON's: ``formats.text_held``)."""
    if fits is None:
        return []
    known = set(contract.column_names)
    return [
        (f.name, contract.column(f.name).dtype, _type_name(f))
        for f in types or []
        if f.name in known and _kind(f.type) not in fits[KINDS[contract.column(f.name).dtype]]
    ]


def retyped_message(name: str, contract: Table, column: str, wanted: str, found: str) -> str:
    """Why a typed column of another type than its contract's stops the run."""
    return (
        f"{name}: column {column} of {contract.name} is {found} in the source "
        f"but {wanted} in the contract (set schema_drift: evolve in c360.yaml "
        "to land it as text)"
    )


def missing(
    name: str,
    contract: Table,
    seen: set[str],
    described: bool,
    lacking: dict[str, list[str]],
    path: Path | Database,
    drift: str,
) -> list[str]:
    """The contract columns missing from the whole source (``age``), then those missing from
    some files of a folder that others have (``age (p2.csv)``); under ``fail``, raise
    ``SchemaDriftError`` instead."""
    # no document landed: nothing says which fields the source has
    absent = [c for c in contract.column_names if c not in seen] if described else []
    if absent and drift == "fail":
        raise SchemaDriftError(
            f"{name}: columns of {contract.name} missing from the source: "
            f"{', '.join(absent)} (set schema_drift: evolve in c360.yaml to land the others, "
            "these empty)"
        )
    gaps = _file_gaps(lacking, seen, path)
    if gaps and drift == "fail":
        raise SchemaDriftError(_gaps_message(name, contract, gaps))
    return absent + _gap_entries(contract, gaps)


def _kind(arrow: pa.DataType) -> str:
    if isinstance(arrow, pa.OpaqueType):  # types Arrow lacks, as PostgreSQL prints them
        return "float" if arrow.type_name == "numeric" else "text"
    if isinstance(arrow, pa.UuidType | pa.JsonType):
        return "text"
    if isinstance(arrow, pa.BaseExtensionType):
        arrow = arrow.storage_type
    if pa.types.is_dictionary(arrow):
        arrow = arrow.value_type
    checks = [("text", pa.types.is_string), ("text", pa.types.is_large_string),
              ("null", pa.types.is_null), ("text", pa.types.is_binary),
              ("text", pa.types.is_large_binary), ("text", pa.types.is_fixed_size_binary),
              ("int", pa.types.is_integer), ("float", pa.types.is_floating),
              ("float", pa.types.is_decimal),
              ("timestamp", pa.types.is_timestamp), ("timestamp", pa.types.is_date),
              ("bool", pa.types.is_boolean), ("list", pa.types.is_list),
              ("list", pa.types.is_large_list)]  # fmt: skip
    return next((kind for kind, check in checks if check(arrow)), str(arrow))


def _type_name(f: pa.Field) -> str:
    """A source column's type as its system names it: ``int8``, ``numeric``, ``double``."""
    native = (f.metadata or {}).get(b"POSTGRESQL:type")
    return native.decode() if native else str(f.type)


def _file_gaps(
    lacking: dict[str, list[str]], seen: set[str], path: Path | Database
) -> dict[str, list[str]]:
    """Each file of a folder (named inside it) whose header or schema lacks contract columns
    that other files have, and those columns; a column no file has is the source's drift."""
    gaps = {file: [c for c in columns if c in seen] for file, columns in lacking.items()}
    return {_inside(file, path): columns for file, columns in gaps.items() if columns}


def _inside(file: str, path: Path | Database) -> str:
    """A file as named inside its source folder (``2024/p2.csv``)."""
    try:
        return Path(file).relative_to(path).as_posix() if isinstance(path, Path) else file
    except ValueError:
        return file


def _gaps_message(name: str, contract: Table, gaps: dict[str, list[str]]) -> str:
    """Why files lacking columns the others have stop the run, naming the first of them."""
    (first, columns), others = next(iter(gaps.items())), len(gaps) - 1
    also = f"{others} other file{'s' * (others > 1)} lack{'s' * (others == 1)} columns too; "
    also = also if others else ""
    return (
        f"{name}: columns of {contract.name} missing from {first}, which other files of the "
        f"source have: {', '.join(columns)} ({also}set schema_drift: evolve in c360.yaml to "
        "land them empty there)"
    )


def _gap_entries(contract: Table, gaps: dict[str, list[str]]) -> list[str]:
    """What the run report lists for columns some files lack: ``age (p2.csv)``, ``age (p2.csv
    and 3 more files)``."""
    entries = []
    for column in contract.column_names:
        files = [file for file, columns in gaps.items() if column in columns]
        if files:
            more = len(files) - 1
            also = f" and {more} more file{'s' * (more > 1)}" if more else ""
            entries.append(f"{column} ({files[0]}{also})")
    return entries
