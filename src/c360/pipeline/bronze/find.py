"""Which sources a workspace has, and the file layouts that stop a run before anything lands.

The databases named under ``sources:`` in ``c360.yaml`` come first, then the files
``sources/manifest.json`` lists or, without one, the first of each table's places that is
there. A file that would silently not land (spelt in another case, of another format) or a
source the last run landed that is gone now raises ``SourceError``: it says what to do.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from c360 import config, contracts
from c360.contracts.model import Table
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import Database, SourceError
from c360.pipeline.bronze.manifest import source_entries
from c360.pipeline.bronze.places import fix, places, unread, unread_message

MANIFEST = Path("sources") / "manifest.json"


def sources(workspace: Path) -> list[tuple[Table, Path | Database]]:
    """The workspace's source tables and where to read them: the databases named in
    ``c360.yaml``, then files (from ``sources/manifest.json``, else every contract whose file
    exists) for the other tables. Without a manifest, a source the last run landed (its bronze
    table is there) that has no file now raises ``SourceError``: nothing else says it is meant."""
    workspace = Path(workspace)
    databases = {
        name: _database(name, where) for name, where in config.load(workspace).sources.items()
    }
    found: list[tuple[Table, Path | Database]] = [
        (table, databases.pop(table.name, path)) for table, path in _files(workspace)
    ]
    found += [(contracts.get(name), database) for name, database in databases.items()]
    if not (workspace / MANIFEST).exists():
        _refuse_vanished(workspace, {table.name for table, _ in found})
    return found


def manifest_rows(workspace: Path) -> dict[str, int]:
    """The records each source file holds, as the manifest counts them (when it does)."""
    manifest = Path(workspace) / MANIFEST
    if not manifest.exists():
        return {}
    entries = source_entries(manifest)
    return {e["table"]: e["rows"] for e in entries if e.get("rows") is not None}


def _database(name: str, where: config.DatabaseSource) -> Database:
    from c360.sources.mongo import MongoCollection
    from c360.sources.postgres import PostgresTable

    if where.postgres:
        return PostgresTable.configured(name, where.postgres)
    assert where.mongodb  # the config allows exactly one of the two
    return MongoCollection.configured(name, where.mongodb)


def _files(workspace: Path) -> list[tuple[Table, Path]]:
    manifest = workspace / MANIFEST
    if manifest.exists():
        return [
            (contracts.get(f["table"]), workspace / f["path"]) for f in source_entries(manifest)
        ]
    found = []
    for table in contracts.SOURCE_TABLES:
        for path in (workspace / place for place in places(table)):
            try:
                path.stat()
            except (FileNotFoundError, NotADirectoryError):
                continue
            except OSError as exc:  # a folder that cannot be searched: its sources are unknown
                raise SourceError(f"cannot read {path.parent}: {exc.strerror}") from None
            found.append((table, path))
            break
        else:
            _refuse_other_case(workspace, table)
            _refuse_unread(workspace, table)
    return found


def _refuse_other_case(workspace: Path, table: Table) -> None:
    """Raise ``SourceError`` when a table's file is there but spelt in another case
    (``Orders.CSV``): it would not land, without a word, while the others do (one the last
    run landed is refused as missing, with the same hint)."""
    if lake.table_dir(workspace, "bronze", table.name).is_dir():
        return
    for place in (workspace / p for p in places(table)):
        if there := _case_twins(place):
            raise SourceError(
                f"{place.parent / there[0]} is not read: {table.name} is read from {place} "
                "(file names are case-sensitive): rename it"
            )


def _refuse_unread(workspace: Path, table: Table) -> None:
    """Raise ``SourceError`` when a file of another format is where a table without a source
    is looked for (``orders.xlsx``): it would not land, without a word. A table the last run
    landed is refused as missing, naming it."""
    if lake.table_dir(workspace, "bronze", table.name).is_dir():
        return
    if there := unread(workspace, table):
        raise SourceError(unread_message(workspace, table, there[0]))


def _refuse_vanished(workspace: Path, found: set[str]) -> None:
    """Raise ``SourceError`` naming the first source the last run landed (its bronze table is
    there) that is not ``found`` now, and how to drop it deliberately."""
    gone = [
        table
        for table in contracts.SOURCE_TABLES
        if table.name not in found and lake.table_dir(workspace, "bronze", table.name).is_dir()
    ]
    if not gone:
        return
    table, others = gone[0], len(gone) - 1
    bronze = lake.table_dir(workspace, "bronze", table.name)
    drop = f"delete {bronze} to drop the table and what is built from it"
    also = (
        f" ({others} other source{'s' * (others > 1)} the last run landed "
        f"{'are' if others > 1 else 'is'} missing too)"
        if others
        else ""
    )
    last = _landed_from(bronze)
    usual = workspace / (f"{table.path}.csv" if table.file_format == "table" else table.path)
    place = None if last is None else _place(table, last)
    if last is None or place is not None:  # the file the last run found, or the usual one
        file = workspace / place if place else usual
        raise SourceError(
            f"{file} is missing, but the last run landed {table.name} from it: put it back, "
            f"or {drop}{also}{_other_case(file) or _unread_hint(workspace, table)}"
        )
    if last.startswith(("mongodb:", "postgres:")):
        raise SourceError(
            f"no source for {table.name} at {usual}, but the last run landed it from {last}: "
            f"name it again under sources: in c360.yaml, put its file there, or {drop}{also}"
        )
    raise SourceError(
        f"{usual} is missing, but the last run landed {table.name} from {workspace / last} "
        f"(as {MANIFEST} named it): put the file there, or {drop}{also}"
    )


def _place(table: Table, landed: str) -> str | None:
    """Which of a table's places (``places``) holds a file it landed from, if any."""
    return next((p for p in places(table) if landed == p or landed.startswith(f"{p}/")), None)


def _landed_from(bronze: Path) -> str | None:
    """The source file (or database) of a bronze table's first row, if it reads and has one."""
    try:
        first = lake.open_dataset(bronze).head(1, columns=["_source_file"]).column(0)
    except (OSError, pa.ArrowException):
        return None
    return first[0].as_py() if len(first) else None


def _other_case(file: Path) -> str:
    """What a file spelt in another case is there instead, as a hint for the message."""
    there = _case_twins(file)
    return f" ({there[0]} is there: file names are case-sensitive)" if there else ""


def _unread_hint(workspace: Path, table: Table) -> str:
    """What file of another format is there instead, as a hint for the message."""
    there = unread(workspace, table)
    return f" ({there[0]} is there, which is not read: {fix(table, there[0])})" if there else ""


def _case_twins(file: Path) -> list[str]:
    """The names in a file's folder spelt as its own but for case, by name."""
    name = file.name.casefold()
    try:
        return sorted(p.name for p in file.parent.iterdir() if p.name.casefold() == name != p.name)
    except OSError:
        return []
