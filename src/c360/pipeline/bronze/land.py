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
drops it. So does, keeping its bronze table, a single file of no records where the last run
landed some, and a folder missing files the last run landed or holding a file twice.

Which sources there are is ``find``'s; how their columns may differ from the contracts is
``drift``'s; the columns bronze adds is ``lineage``'s; the run report's warnings ``messages``'
(and a folder's, of files gone since the last run, files delivered twice and dates out of name
order, ``extracts``').
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from c360 import config, contracts
from c360.contracts.model import Table
from c360.file_dialects import PLAIN_CSV, CsvFile
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import (
    READ_ERRORS,
    ROW_NUMBER,
    Database,
    Reject,
    SourceError,
    left_aside,
)
from c360.pipeline.bronze.count import count, is_csv
from c360.pipeline.bronze.drift import (
    FITS,
    SQL_FITS,
    SchemaDriftError,
    extra_message,
    missing,
    retyped,
    retyped_message,
)
from c360.pipeline.bronze.extracts import folder_warnings
from c360.pipeline.bronze.find import MANIFEST, manifest_rows, sources
from c360.pipeline.bronze.formats import as_read, is_json, iso_times, refuse_unread, text_held
from c360.pipeline.bronze.jsonfields import checked_before_drift
from c360.pipeline.bronze.lineage import (
    EXTRA,
    QUARANTINE_SCHEMA,
    bronze_schema,
    quarantined,
    relative,
    with_lineage,
)
from c360.pipeline.bronze.messages import (
    all_quarantined,
    aside_warning,
    empty_warning,
    encoding_hint,
    kept,
    refuse_emptied,
)
from c360.pipeline.bronze.once import one_landing
from c360.pipeline.bronze.places import passed_over
from c360.pipeline.bronze.readers import read, refuse_special

__all__ = [
    "EXTRA",
    "MANIFEST",
    "QUARANTINE_SCHEMA",
    "Landed",
    "ReconciliationError",
    "SchemaDriftError",
    "bronze_schema",
    "land",
    "land_all",
    "sources",
]


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


@one_landing()  # what its count and its reader both read is read once
def land(
    workspace: Path,
    contract: Table,
    path: Path | Database,
    batch_id: str,
    ingested_at: datetime,
    drift: str = "fail",
    dialect: CsvFile = PLAIN_CSV,
    expected: int | None = None,
) -> Landed:
    """Land one source (a CSV file written as ``dialect`` says, holding ``expected`` records
    as the manifest counts them, when it does); raise ``SourceError``, ``SchemaDriftError`` or
    ``ReconciliationError``."""
    started = time.perf_counter()
    workspace = Path(workspace)
    if isinstance(path, Path) and not _exists(path):
        raise SourceError(_missing_message(workspace, contract, path))
    if isinstance(path, Path):
        refuse_special(path)  # before counting opens it
        refuse_unread(contract, path)  # a workbook, an archive
    name = str(path) if isinstance(path, Path) else path.label  # what errors call the source
    source = relative(name, workspace) if isinstance(path, Path) else name
    table = contract  # where its places and folders are looked at
    contract = as_read(contract, path)  # a .csv for a JSON table is read as CSV
    try:
        result = Landed(contract.name, source, count(path, contract, dialect=dialect))
    except OSError as exc:  # unreadable, a folder for a file
        raise SourceError(f"cannot read {exc.filename or name}: {exc.strerror or exc}") from None
    except READ_ERRORS as exc:  # not Parquet at all, gzip cut short…
        raise SourceError(f"cannot read {name}: {exc}") from None
    if isinstance(path, Path):
        result.warnings += aside_warning(name, table, left_aside(path, table))
        result.warnings += folder_warnings(workspace, table, name, path, dialect)
        if not (workspace / MANIFEST).exists():  # the usual places: others there do not land
            result.warnings += passed_over(workspace, table, path)
    held = text_held(table, contract)  # a Parquet file's types for a CSV table: not drift
    fits = None if held else FITS if isinstance(path, Path) else SQL_FITS
    seen: set[str] = set()
    described = False  # whether the source showed its columns: a header, a schema, a document
    lacking: dict[str, list[str]] = {}  # file → contract columns its header or schema lacks
    retypes: dict[str, str] = {}  # column → "price: float→string"
    rejects: list[Reject] = []
    with lake.publish(workspace, "bronze", contract.name, bronze_schema(contract)) as out:
        blocks = read(path, contract, dialect)
        for block in blocks:
            file, columns = block.source_file, block.data.column_names
            # a header or a schema (not documents): each file's own columns, in its first block
            if block.present is None and isinstance(file, str) and file not in lacking:
                lacking[file] = [c for c in contract.column_names if c not in columns]
            seen.update(block.present if block.present is not None else columns)
            described = described or block.present is None or block.data.num_rows > 0
            extra = sorted(seen - set(contract.column_names) - {ROW_NUMBER})
            if extra and drift == "fail":
                named = file if isinstance(file, str) else None  # the file they are in
                checked_before_drift(blocks, named, contract, dialect.columns)
                lacks = lacking.get(named) if named else None  # its header's own gaps
                raise SchemaDriftError(
                    extra_message(name, contract, extra, seen, path, named, lacks)
                )
            for column, wanted, found in retyped(block.types, contract, fits):
                if drift == "fail":
                    raise SchemaDriftError(retyped_message(name, contract, column, wanted, found))
                retypes.setdefault(column, f"{column}: {wanted}→{found}")
            block = iso_times(block) if held else block
            out.write(with_lineage(block, contract, workspace, batch_id, ingested_at))
            rejects += [(relative(r[0], workspace), *r[1:]) for r in block.rejects]
        result.landed = out.rows
        result.added_columns = sorted(seen - set(contract.column_names) - {ROW_NUMBER})
        result.retyped_columns = [retypes[c] for c in contract.column_names if c in retypes]
        result.missing_columns = missing(name, contract, seen, described, lacking, path, drift)
        result.quarantined = len(rejects)
        _reconcile(result, contract, path, name, dialect)  # before either table is swapped in
        _as_counted(result, contract, name, expected, workspace / MANIFEST)
        hint = (
            encoding_hint(name, contract, rejects, dialect, is_csv(path, contract))
            if rejects and isinstance(path, Path)
            else []
        )
        result.warnings += hint
        # records proper: not the lines before a CSV's header (Excel's sep=;), each record 0
        records = [reject for reject in rejects if reject[1] != 0]
        if expected is None and result.records == len(rejects) - len(records):
            # no bytes, a header alone, an empty folder: said first (the last run's table is
            # the one there until this one is swapped in)
            no_bytes = isinstance(path, Path) and _no_bytes(path)
            if isinstance(path, Path) and path.is_file():  # a folder's files may all be new
                refuse_emptied(workspace, contract, name, no_bytes)
            result.warnings[:0] = empty_warning(workspace, contract, name, no_bytes)
        elif records and not result.landed and not hint:  # the hint says why they all were
            first = min(records, key=lambda reject: (reject[0], reject[1]))[3]  # by file, line
            result.warnings.append(all_quarantined(workspace, contract, name, len(records), first))
        _quarantine(workspace, contract.name, rejects, batch_id, ingested_at)
    result.seconds = time.perf_counter() - started
    return result


def _reconcile(
    result: Landed, contract: Table, path: Path | Database, name: str, dialect: CsvFile
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


def _missing_message(workspace: Path, contract: Table, path: Path) -> str:
    """Why a source file that is not there stops the run, and what to do: put it back, or
    drop its table as the manifest that lists it says (without one, ``find`` stops the run
    before, naming the file the last run landed)."""
    manifest = workspace / MANIFEST
    if not manifest.exists():
        return f"{path} is missing: put it back; {kept(contract)}"
    return (
        f"{path} is missing, but {manifest} lists it for {contract.name}: put it back, or "
        "remove its entry from the manifest to drop the table and what is built from it; "
        f"{kept(contract)}"
    )


def _no_bytes(path: Path) -> bool:
    """Whether a source is a file of no bytes at all (not even a header)."""
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False


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
    project = config.load(workspace)  # its csv: and json: entries: files written otherwise
    counted = manifest_rows(workspace)
    ingested_at = datetime.now(UTC).replace(microsecond=0)
    batch_id = ingested_at.strftime("batch-%Y%m%dT%H%M%SZ")
    landing = partial(land, workspace, batch_id=batch_id, ingested_at=ingested_at, drift=drift)
    with ThreadPoolExecutor(min(len(found), os.cpu_count() or 1)) as pool:
        futures = {
            i: pool.submit(
                landing, c, path, dialect=_dialect(project, c, path),
                expected=counted.get(c.name) if isinstance(path, Path) else None,
            )
            for i, (c, path) in sorted(enumerate(found), key=lambda f: -_size(f[1][1]))
        }  # fmt: skip
        results = []
        try:
            for i in range(len(found)):
                results.append(futures[i].result())
                results[-1].warnings += _unread_entry(project, *found[i])
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


def _dialect(project: config.Project, contract: Table, path: Path | Database) -> CsvFile:
    """How a source is written: its table's ``json:`` entry (its ``columns``) for a JSON or
    JSON-lines file or a collection, its ``csv:`` entry for the others (a CSV file, a
    database table's columns), by the format the file is read as (``formats.as_read``)."""
    if is_json(as_read(contract, path)):
        entry = project.json_files.get(contract.name)
        return PLAIN_CSV if entry is None else CsvFile(columns=entry.columns)
    return project.csv.get(contract.name, PLAIN_CSV)


def _unread_entry(project: config.Project, contract: Table, path: Path | Database) -> list[str]:
    """What the run report says of a table's ``csv:`` entry that its JSON file does not read
    (its delimiter, encoding or columns describe a CSV), or of its ``json:`` entry that its
    CSV or Parquet file does not: a mapping meant for another file than the one there."""
    if not isinstance(path, Path) or contract.file_format == "text":
        return []
    read_as = as_read(contract, path)
    json = is_json(read_as)
    csv_entry, json_entry = project.csv.get(contract.name), project.json_files.get(contract.name)
    said = [] if csv_entry is None else [
        k for k in ("delimiter", "encoding", "columns") if k in csv_entry.model_fields_set
    ]  # fmt: skip
    if json and said:
        describe = "describes" if said in (["delimiter"], ["encoding"]) else "describe"
        section, what, kind = "csv", f"its {', '.join(said)} {describe} a CSV", "JSON"
    elif not json and json_entry is not None and json_entry.columns:
        section, what = "json", "its columns map a JSON file's field names"
        kind = "CSV" if is_csv(path, read_as) else "Parquet"
    else:
        return []
    return [
        f"{path} is {kind}: {section}: {contract.name}: in c360.yaml is not read for it ({what})"
    ]


def _size(path: Path | Database) -> float:
    """How big a source is, to start the largest first (folders and databases count as large)."""
    try:
        return path.stat().st_size if isinstance(path, Path) and path.is_file() else math.inf
    except OSError:  # unreadable: landing it says so, in the sources' order
        return math.inf


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


def _quarantine(
    workspace: Path,
    table: str,
    rejects: list[Reject],
    batch_id: str,
    ingested_at: datetime,
) -> None:
    """Replace ``lake/quarantine/bronze_<table>`` with this run's rejects (maybe none)."""
    with lake.publish(workspace, "quarantine", f"bronze_{table}", QUARANTINE_SCHEMA) as out:
        out.write(quarantined(rejects, batch_id, ingested_at))
