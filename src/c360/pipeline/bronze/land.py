"""Land every source of a workspace in ``lake/bronze``: raw text, lineage, nothing lost.

Each source table becomes one bronze table with the contract's columns as text, an ``_extra``
column (JSON of fields the contract does not know, when the project allows schema evolution)
and the lineage columns. A source is a file or folder, or a database table or collection named
under ``sources:`` in ``c360.yaml``. Records that cannot be read go to
``lake/quarantine/bronze_<table>`` with their raw text (a byte its encoding does not decode
written ``\\xNN``: ``M\\xfcller``) and a reason. Every table is reconciled before it is
published: records in the source = landed + quarantined (and = the file's ``rows`` in
``sources/manifest.json``, when it gives them), or the run stops and the previous bronze and
quarantine tables stay as they were. Without a manifest, a source the last run landed
whose file is gone stops the run before anything is written: only deleting its bronze table
drops it.
"""

from __future__ import annotations

import codecs
import json
import math
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from c360 import config, contracts
from c360.contracts.model import Table
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import (
    NOT_UTF8,
    READ_ERRORS,
    ROW_NUMBER,
    Block,
    Database,
    Reject,
    SourceError,
    first_names,
    folder_suffixes,
    left_aside,
)
from c360.pipeline.bronze.count import count, is_csv
from c360.pipeline.bronze.manifest import source_entries
from c360.pipeline.bronze.once import one_landing
from c360.pipeline.bronze.places import (
    fix,
    passed_over,
    places,
    unread,
    unread_message,
)
from c360.pipeline.bronze.readers import read, refuse_special

EXTRA = "_extra"
QUARANTINE_SCHEMA = pa.schema([
    ("_source_file", pa.string()), ("_batch_id", pa.string()),
    ("_ingested_at", pa.timestamp("s", tz="UTC")), (ROW_NUMBER, pa.int64()),
    ("raw", pa.string()), ("reason", pa.string()),
])  # fmt: skip

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
MANIFEST = Path("sources") / "manifest.json"


class SchemaDriftError(Exception):
    """A source's columns differ from its contract and the project says ``schema_drift: fail``."""


class ReconciliationError(Exception):
    """Records read from a source do not add up to records landed plus quarantined."""


@dataclass
class Landed:
    """What landing one source did."""

    table: str
    source: str
    records: int
    landed: int = 0
    quarantined: int = 0
    added_columns: list[str] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)
    retyped_columns: list[str] = field(default_factory=list)  # "price: float→string"
    warnings: list[str] = field(default_factory=list)  # "….csv is empty (0 bytes): …"
    seconds: float = 0.0


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


def _exists(path: Path) -> bool:
    """Whether a source is there; one in a folder that cannot be searched counts as there, so
    that reading it fails, naming it, rather than it being silently left out."""
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True
    return True


@one_landing()  # what its count and its reader both read is read once
def land(
    workspace: Path,
    contract: Table,
    path: Path | Database,
    batch_id: str,
    ingested_at: datetime,
    drift: str = "fail",
    dialect: config.CsvFile = config.PLAIN_CSV,
    expected: int | None = None,
) -> Landed:
    """Land one source (a CSV file written as ``dialect`` says, holding ``expected`` records
    as the manifest counts them, when it does); raise ``SourceError``, ``SchemaDriftError`` or
    ``ReconciliationError``."""
    started = time.perf_counter()
    workspace = Path(workspace)
    if isinstance(path, Path) and not _exists(path):
        raise SourceError(f"source file missing: {path}")
    if isinstance(path, Path):
        refuse_special(path)  # before counting opens it
    name = str(path) if isinstance(path, Path) else path.label  # what errors call the source
    source = _relative(name, workspace) if isinstance(path, Path) else name
    try:
        result = Landed(contract.name, source, count(path, contract, dialect=dialect))
    except OSError as exc:  # unreadable, a folder for a file
        raise SourceError(f"cannot read {exc.filename or name}: {exc.strerror or exc}") from None
    except READ_ERRORS as exc:  # not Parquet at all, gzip cut short…
        raise SourceError(f"cannot read {name}: {exc}") from None
    if expected is None and isinstance(path, Path) and _no_bytes(path):
        result.warnings.append(_empty_warning(workspace, contract, name))
    if isinstance(path, Path):
        result.warnings += _aside_warning(name, contract, left_aside(path, contract))
        if not (workspace / MANIFEST).exists():  # the usual places: others there do not land
            result.warnings += passed_over(workspace, contract, path)
    fits = FITS if isinstance(path, Path) else SQL_FITS
    seen: set[str] = set()
    described = False  # whether the source showed its columns: a header, a schema, a document
    lacking: dict[str, list[str]] = {}  # file → contract columns its header or schema lacks
    retyped: dict[str, str] = {}
    rejects: list[Reject] = []
    with lake.publish(workspace, "bronze", contract.name, bronze_schema(contract)) as out:
        for block in read(path, contract, dialect):
            file, columns = block.source_file, block.data.column_names
            # a header or a schema (not documents): each file's own columns, in its first block
            if block.present is None and isinstance(file, str) and file not in lacking:
                lacking[file] = [c for c in contract.column_names if c not in columns]
            seen.update(block.present if block.present is not None else columns)
            described = described or block.present is None or block.data.num_rows > 0
            extra = sorted(seen - set(contract.column_names) - {ROW_NUMBER})
            if extra and drift == "fail":
                raise SchemaDriftError(_extra_message(name, contract, extra, seen, path))
            for column, wanted, found in _retyped(block.types, contract, fits):
                if drift == "fail":
                    raise SchemaDriftError(
                        f"{name}: column {column} of {contract.name} is {found} in the source "
                        f"but {wanted} in the contract (set schema_drift: evolve in c360.yaml "
                        "to land it as text)"
                    )
                retyped.setdefault(column, f"{column}: {wanted}→{found}")
            out.write(_with_lineage(block, contract, workspace, batch_id, ingested_at))
            rejects += [(_relative(r[0], workspace), *r[1:]) for r in block.rejects]
        result.landed = out.rows
        result.added_columns = sorted(seen - set(contract.column_names) - {ROW_NUMBER})
        result.retyped_columns = [retyped[c] for c in contract.column_names if c in retyped]
        result.missing_columns = _missing(name, contract, seen, described, lacking, path, drift)
        result.quarantined = len(rejects)
        _reconcile(result, contract, path, name, dialect)  # before either table is swapped in
        _as_counted(result, contract, name, expected, workspace / MANIFEST)
        if rejects and isinstance(path, Path) and is_csv(path, contract):
            result.warnings += _encoding_hint(name, contract, rejects, dialect)
        _quarantine(workspace, contract.name, rejects, batch_id, ingested_at)
    result.seconds = time.perf_counter() - started
    return result


def _reconcile(
    result: Landed, contract: Table, path: Path | Database, name: str, dialect: config.CsvFile
) -> None:
    """Raise ``ReconciliationError`` unless the source's records are those landed plus those
    quarantined (a CSV counted again by its records when its lines disagree)."""
    balanced = result.landed + result.quarantined == result.records
    if not balanced and isinstance(path, Path) and is_csv(path, contract):
        result.records = count(path, contract, True, dialect)  # a value in quotes may span lines
    if result.landed + result.quarantined != result.records:
        raise ReconciliationError(
            f"{name}: {result.records} records read but {result.landed} landed and "
            f"{result.quarantined} quarantined; bronze {contract.name} is left as it was"
        )


def _as_counted(
    result: Landed, contract: Table, name: str, expected: int | None, manifest: Path
) -> None:
    """Raise ``ReconciliationError`` unless the source holds as many records (landed plus
    quarantined, reconciled) as the manifest says, when it says."""
    if expected is not None and result.records != expected:
        raise ReconciliationError(
            f"{name}: {result.records} records but {manifest} says {expected}: the file is cut "
            f"short or was replaced (restore it, or set its rows to {result.records} in the "
            f"manifest if the change is meant); bronze {contract.name} is left as it was"
        )


def _no_bytes(path: Path) -> bool:
    """Whether a source is a file of no bytes at all (not even a header)."""
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False


def _empty_warning(workspace: Path, contract: Table, name: str) -> str:
    """What the run report says of a source file of no bytes: some tools write a day without
    data so, but so does a copy that failed; the last run's count tells them apart."""
    warning = f"{name} is empty (0 bytes): no records landed"
    try:
        before = lake.count_rows(lake.table_dir(workspace, "bronze", contract.name))
    except OSError:  # no earlier table, or one that does not read
        return warning
    return f"{warning}, where the last run landed {before}" if before else warning


def _aside_warning(name: str, contract: Table, aside: list[str]) -> list[str]:
    """What the run report says of the files of a folder not of its format, whose records
    are lost unless they are converted: how many, and the first three by name."""
    if not aside:
        return []
    n = len(aside)
    return [
        f"{name}: {n:,} file{'s' * (n > 1)} left aside as not "
        f"{' or '.join(folder_suffixes(contract))} ({'their' if n > 1 else 'its'} records are "
        f"not landed): {first_names(aside)}"
    ]


def _encoding_hint(
    name: str, contract: Table, rejects: list[Reject], dialect: config.CsvFile
) -> list[str]:
    """What the run report says of a CSV read as UTF-8 whose records were quarantined as not
    UTF-8 text: a file written in another encoding (a Windows export), which the project file
    can name."""
    if codecs.lookup(dialect.encoding).name != "utf-8":  # the file's encoding is named already
        return []
    found = sum(reject[3] == NOT_UTF8 for reject in rejects)
    if not found:
        return []
    return [
        f"{name}: {found:,} record{'s' * (found > 1)} quarantined as {NOT_UTF8}: if the file "
        "is written in another encoding, name it under csv: in c360.yaml, e.g. "
        f"csv: {{{contract.name}: {{encoding: cp1252}}}} (Windows-1252)"
    ]


def _extra_message(
    name: str, contract: Table, extra: list[str], seen: set[str], path: Path | Database
) -> str:
    """Why a source's extra columns stop the run, and what to write in the project file: a
    CSV whose header names the contract's columns otherwise maps them under ``csv:``."""
    message = f"{name}: columns not in the contract of {contract.name}: {', '.join(extra)}"
    missing = [c for c in contract.column_names if c not in seen]
    if missing and isinstance(path, Path) and is_csv(path, contract):
        return (
            f"{message}; missing: {', '.join(missing)} (map header names to contract columns "
            f"under csv: {contract.name}: columns: in c360.yaml, or set schema_drift: evolve "
            "to keep them in _extra)"
        )
    return f"{message} (set schema_drift: evolve in c360.yaml to keep them in _extra)"


def _missing(
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
    missing = [c for c in contract.column_names if c not in seen] if described else []
    if missing and drift == "fail":
        raise SchemaDriftError(
            f"{name}: columns of {contract.name} missing from the source: "
            f"{', '.join(missing)} (set schema_drift: evolve in c360.yaml to land the others, "
            "these empty)"
        )
    gaps = _file_gaps(lacking, seen, path)
    if gaps and drift == "fail":
        raise SchemaDriftError(_gaps_message(name, contract, gaps))
    return missing + _gap_entries(contract, gaps)


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


def land_all(
    workspace: Path, drift: str = "fail", progress: Callable[[Landed], None] | None = None
) -> list[Landed]:
    """Land every source of the workspace under one batch id, a source per core at a time
    (largest files first); results and errors come in the sources' order. A file the manifest
    gives rows for must hold as many records. The bronze tables of sources the workspace no
    longer has (its manifest no longer lists; without one, whose bronze table was deleted) are
    removed, so no later layer reads an old batch."""
    found = sources(workspace)
    if not found:
        raise SourceError(f"no sources found in {Path(workspace) / 'sources'}")
    dialects = config.load(workspace).csv  # CSV files not written as c360 writes them
    counted = _manifest_rows(workspace)
    ingested_at = datetime.now(UTC).replace(microsecond=0)
    batch_id = ingested_at.strftime("batch-%Y%m%dT%H%M%SZ")
    landing = partial(land, workspace, batch_id=batch_id, ingested_at=ingested_at, drift=drift)
    with ThreadPoolExecutor(min(len(found), os.cpu_count() or 1)) as pool:
        futures = {
            i: pool.submit(
                landing, c, path, dialect=dialects.get(c.name, config.PLAIN_CSV),
                expected=counted.get(c.name) if isinstance(path, Path) else None,
            )
            for i, (c, path) in sorted(enumerate(found), key=lambda f: -_size(f[1][1]))
        }  # fmt: skip
        results = []
        try:
            for i in range(len(found)):
                results.append(futures[i].result())
                if progress:
                    progress(results[-1])
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
    landed = {r.table for r in results}
    for gone in (t.name for t in contracts.SOURCE_TABLES if t.name not in landed):
        lake.drop(workspace, "bronze", gone)
        lake.drop(workspace, "quarantine", f"bronze_{gone}")
    return results


def _manifest_rows(workspace: Path) -> dict[str, int]:
    """The records each source file holds, as the manifest counts them (when it does)."""
    manifest = Path(workspace) / MANIFEST
    if not manifest.exists():
        return {}
    entries = source_entries(manifest)
    return {e["table"]: e["rows"] for e in entries if e.get("rows") is not None}


def _size(path: Path | Database) -> float:
    """How big a source is, to start the largest first (folders and databases count as large)."""
    try:
        return path.stat().st_size if isinstance(path, Path) and path.is_file() else math.inf
    except OSError:  # unreadable: landing it says so, in the sources' order
        return math.inf


def _with_lineage(
    block: Block, contract: Table, workspace: Path, batch_id: str, ingested_at: datetime
) -> pa.Table:
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
        else pa.repeat(pa.scalar(_relative(source, workspace), pa.string()), n)
    )
    columns["_batch_id"] = pa.repeat(pa.scalar(batch_id, pa.string()), n)
    columns["_ingested_at"] = pa.repeat(pa.scalar(ingested_at, pa.timestamp("s", "UTC")), n)
    columns[ROW_NUMBER] = data.column(ROW_NUMBER)
    return pa.table(columns)


def _extra_json(data: pa.Table, extras: list[str]) -> pa.Array:
    n = data.num_rows
    if not extras:
        return pa.nulls(n, pa.string())
    values = [data.column(c).to_pylist() for c in extras]
    out = []
    for i in range(n):
        found = {c: v[i] for c, v in zip(extras, values, strict=True) if v[i] is not None}
        out.append(json.dumps(found, ensure_ascii=False, sort_keys=True) if found else None)
    return pa.array(out, pa.string())


def _quarantine(
    workspace: Path,
    table: str,
    rejects: list[Reject],
    batch_id: str,
    ingested_at: datetime,
) -> None:
    """Replace ``lake/quarantine/bronze_<table>`` with this run's rejects (maybe none)."""
    with lake.publish(workspace, "quarantine", f"bronze_{table}", QUARANTINE_SCHEMA) as out:
        out.write(pa.table({
            "_source_file": [r[0] for r in rejects], "_batch_id": [batch_id] * len(rejects),
            "_ingested_at": pa.array([ingested_at] * len(rejects), pa.timestamp("s", "UTC")),
            ROW_NUMBER: pa.array([r[1] for r in rejects], pa.int64()),
            "raw": [r[2] for r in rejects], "reason": [r[3] for r in rejects],
        }, schema=QUARANTINE_SCHEMA))  # fmt: skip


def _retyped(
    types: pa.Schema | None, contract: Table, fits: dict[str, set[str]]
) -> list[tuple[str, str, str]]:
    """(column, contract type, source type) of each typed column holding a kind of value that
    does not fit its contract's type (``fits``: ``FITS`` or ``SQL_FITS``)."""
    known = set(contract.column_names)
    return [
        (f.name, contract.column(f.name).dtype, _type_name(f))
        for f in types or []
        if f.name in known and _kind(f.type) not in fits[KINDS[contract.column(f.name).dtype]]
    ]


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


def _relative_all(paths: pa.Array, workspace: Path) -> pa.Array:
    """Every path of a block relative to the workspace (one folder's files share a prefix)."""
    prefix = str(workspace).rstrip("/") + "/"
    inside = pc.starts_with(paths, prefix)
    if pc.all(inside).as_py():
        return pc.utf8_slice_codeunits(paths, len(prefix))
    return pa.array([_relative(s, workspace) for s in paths.to_pylist()], pa.string())


def _relative(path: str, workspace: Path) -> str:
    try:
        return Path(path).relative_to(workspace).as_posix()
    except ValueError:
        return path
