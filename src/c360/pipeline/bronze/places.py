"""Where a workspace without a manifest holds a table's source, and what else is there.

A table's source is the first of its places that is there (``places``): its contract's format
first, then a CSV, JSON, JSON-lines or Parquet file named as the table (``customers.csv`` for
``customers.json``), which lands as what its name says. The others there too do not land
(``passed_over``: a warning); nor does a file of another format named as the table
(``orders.xlsx``, ``orders.csv.bz2``: ``unread``), which stops the run when the table has no
source: the file is meant to land, or it is to be moved away.
"""

from __future__ import annotations

from pathlib import Path

from c360 import contracts
from c360.contracts.model import Table
from c360.pipeline.bronze.blocks import FOLDER_FILES

# What to do with a file of another format, by how its name ends.
_SPREADSHEET = "export it as CSV"
_FIXES = {
    ".xlsx": _SPREADSHEET, ".xlsm": _SPREADSHEET, ".xls": _SPREADSHEET, ".ods": _SPREADSHEET,
    ".numbers": _SPREADSHEET, ".bz2": "decompress it (bunzip2)", ".xz": "decompress it (unxz)",
    ".zst": "decompress it (unzstd)", ".zip": "extract it", ".7z": "extract it",
}  # fmt: skip
_TABS = (".tsv", ".tab")
# How the name of a table's file of another format than its contract's may end.
_ENDINGS = (".csv", ".csv.gz", ".json", ".json.gz", ".jsonl", ".jsonl.gz", ".ndjson",
            ".ndjson.gz", ".parquet")  # fmt: skip


def places(table: Table) -> list[str]:
    """Where a workspace without a manifest holds a table's source (relative to it), first
    found first: its own (``own_places``), then a file of another format named so
    (``customers.csv`` for ``customers.json``), which lands as its name says (``formats``)."""
    own = own_places(table)
    if table.file_format == "text":
        return own
    stem = table.path if table.file_format == "table" else table.path.rsplit(".", 1)[0]
    return own + [place for place in (stem + end for end in _ENDINGS) if place not in own]


def own_places(table: Table) -> list[str]:
    """Where a workspace without a manifest holds a table's source in its contract's format,
    first found first: a CSV or JSON file compressed with gzip (``orders.csv.gz``) after the
    file itself, as a folder lands either."""
    if table.file_format == "table":
        return [table.path, f"{table.path}.csv", f"{table.path}.csv.gz", f"{table.path}.parquet"]
    if f"{table.path}.gz".lower().endswith(FOLDER_FILES.get(table.file_format, ())):
        return [table.path, f"{table.path}.gz"]
    return [table.path]


def passed_over(workspace: Path, table: Table, source: Path) -> list[str]:
    """What the run report says of a table's places that are there but come after its
    ``source`` (``orders.csv.gz`` beside ``orders.csv``): they do not land."""
    found = [workspace / place for place in places(table)]
    if source not in found:
        return []
    return [
        f"{other} is not landed: {table.name} is read from {source}, there too "
        f"({_wins(source, other)}): delete or move the one not meant"
        for other in found[found.index(source) + 1 :]
        if other.exists()
    ]


def _wins(first: Path, other: Path) -> str:
    if first.is_dir():
        return "the folder wins"
    if other.name == f"{first.name}.gz":
        return "the plain file wins"
    return f"a {_suffix(first)} file wins over a {_suffix(other)}"


def _suffix(file: Path) -> str:
    return "".join(file.suffixes)


def unread(workspace: Path, table: Table) -> list[Path]:
    """The files beside a table's places named as it is but of another format (``orders.xlsx``,
    ``orders.csv.bz2``, ``orders.tsv``), by name; names spelt as a place but for case, and other
    tables' places, aside."""
    folder = (workspace / table.path).parent
    stem = Path(table.path).name.split(".")[0].casefold()
    taken = {
        (workspace / place).name.casefold()
        for other in contracts.SOURCE_TABLES
        for place in places(other)
        if (workspace / place).parent == folder
    }
    try:
        files = [f for f in folder.iterdir() if f.is_file()]
    except OSError:
        return []
    return sorted(
        file
        for file in files
        if file.name.casefold().startswith(f"{stem}.") and file.name.casefold() not in taken
    )


def unread_message(workspace: Path, table: Table, file: Path) -> str:
    """Why a file of another format does not land for ``table``, and what to do with it."""
    first, *others = own_places(table)
    if table.file_format == "table":  # its folder comes first, but a file is what is meant
        first, others = others[0], [*others[1:], first]
    shown = [f"a folder {Path(p).name}" if p == table.path else Path(p).name for p in others]
    also = f" (or {', '.join(shown)})" if shown else ""
    return (
        f"{file} is not read: {table.name} is read from {workspace / first}{also}: "
        f"{fix(table, file)} (or move it away, if it is not meant to land)"
    )


def other_format(file: Path) -> bool:
    """Whether a file's name says a format no reader reads: a workbook, an archive, a file
    compressed otherwise than with gzip (``_FIXES``)."""
    return file.name.lower().endswith(tuple(_FIXES))


def fix(table: Table, file: Path) -> str:
    """What to do with a file of another format for it to land as ``table``."""
    name = file.name.lower()
    if name.endswith(_TABS) and table.file_format in ("csv", "table"):
        return f'name it .csv and set delimiter: "\\t" under csv: {table.name}: in c360.yaml'
    found = next((f for suffix, f in _FIXES.items() if name.endswith(suffix)), None)
    return found or "rename or convert it"
