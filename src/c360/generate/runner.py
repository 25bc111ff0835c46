"""Run the generator: dimensions once, then every source block by block, then the manifest."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
from pymongo.errors import PyMongoError

from c360 import __version__, contracts
from c360.config import PROJECT_FILE, write_default
from c360.contracts.identity import IDENTITY_SOURCES
from c360.contracts.model import Table
from c360.engines.duckdb.warehouse import warehouse_path
from c360.generate import ecommerce, identity, marketing, seed000
from c360.generate.block import Block
from c360.generate.dirt import DEFECTS_SCHEMA, Dirt
from c360.generate.people import make_emails_unique, people
from c360.generate.plan import Plan
from c360.generate.sinks import CsvSink, JsonSink, ParquetSink, Sink, TextFolderSink, file_sha256
from c360.ml.segments import EXAMPLE_SEGMENTS
from c360.sources.mongo import bronze_files, load_bronze
from c360.workspace import LOCK_FILE, exclusive

Progress = Callable[[int, int], None]
# Other sources draw from seed 000; each module offers global_outputs and block_outputs.
DOMAINS = (ecommerce, marketing, identity)


class WorkspaceNotEmptyError(Exception):
    """The target workspace already holds files and --force was not given."""


class MongoLoadError(Exception):
    """C360_MONGODB_URI is set but the bronze collections could not be loaded."""


@dataclass
class Result:
    """What a run wrote: rows per table and the manifest's own digest."""

    workspace: Path
    rows: dict[str, int] = field(default_factory=dict)
    defects: int = 0
    manifest_sha256: str = ""
    mongo_documents: dict[str, int] = field(default_factory=dict)  # loaded into bronze_db


def generate(
    workspace: Path, plan: Plan, force: bool = False, progress: Progress | None = None
) -> Result:
    """Write ``sources/`` and ``truth/`` of ``workspace`` for ``plan``."""
    workspace = Path(workspace)
    check_workspace(workspace, force)
    with exclusive(workspace, "c360 generate"):  # not while a run reads the sources
        return _generate(workspace, plan, progress)


# What runs built from the sources: new sources are a new world, whose runs must not inherit
# the old one's identity links, segment history, warehouse or exports.
BUILT_FROM_SOURCES = ("lake", "exports", "reports")


def _generate(workspace: Path, plan: Plan, progress: Progress | None) -> Result:
    for sub in ("sources", "truth", *BUILT_FROM_SOURCES):
        shutil.rmtree(workspace / sub, ignore_errors=True)
    warehouse = warehouse_path(workspace)
    for path in (warehouse, warehouse.with_name(warehouse.name + ".wal")):
        path.unlink(missing_ok=True)
    sinks: dict[str, Sink] = {}
    defects = CsvSink(output_path(workspace, contracts.get("truth_defects"), plan))
    defect_count = 0

    def emit(outputs: Iterator[tuple[str, pa.Table | Dirt]]) -> None:
        nonlocal defect_count
        for name, data in outputs:
            sink = sinks.get(name) or sinks.setdefault(
                name, _sink(workspace, contracts.get(name), plan)
            )
            if isinstance(data, Dirt):
                data, found = data.finish(sink.rows)
                if found.num_rows:
                    defects.write(found)
                    defect_count += found.num_rows
            sink.write(data)

    dims = seed000.dimension_tables(plan)
    emit(seed000.global_outputs(plan, dims))
    for domain in DOMAINS:
        emit(domain.global_outputs(plan, dims))
    offsets: dict[str, int] = {}
    mailboxes: set[str] = set()
    blocks = plan.blocks()
    for i, (start, stop) in enumerate(blocks):
        block = Block(
            plan,
            start,
            make_emails_unique(people(plan, start, stop), mailboxes),
            dims,
            offsets,
            mailboxes,
        )
        base = seed000.build(block)
        emit(seed000.block_outputs(block, base))
        for domain in DOMAINS:
            emit(domain.block_outputs(block, base))
        del block, base  # one block in memory at a time
        if progress:
            progress(i + 1, len(blocks))
    if defects.rows == 0:
        defects.write(DEFECTS_SCHEMA.empty_table())
    for sink in sinks.values():
        sink.close()
    defects.close()
    result = Result(workspace, {name: s.rows for name, s in sinks.items()}, defect_count)
    result.manifest_sha256 = _write_manifest(workspace, plan, sinks, defects)
    write_default(
        workspace,
        workspace.resolve().name,
        identity={"sources": IDENTITY_SOURCES},
        segments=EXAMPLE_SEGMENTS,
    )
    if uri := os.environ.get("C360_MONGODB_URI"):
        try:
            result.mongo_documents = load_bronze(uri, bronze_files(workspace))
        except PyMongoError as exc:
            raise MongoLoadError(
                f"could not load the marketing bronze into MongoDB: {exc}"
            ) from exc
    return result


def check_workspace(workspace: Path, force: bool) -> None:
    """Raise unless ``workspace`` can be written: a folder, and empty unless ``force``."""
    workspace = Path(workspace)
    if workspace.exists() and not workspace.is_dir():
        raise WorkspaceNotEmptyError(f"{workspace} exists and is not a directory")
    occupied = workspace.exists() and any(
        p.name not in (PROJECT_FILE, LOCK_FILE) for p in workspace.iterdir()
    )
    if occupied and not force:
        raise WorkspaceNotEmptyError(
            f"workspace {workspace} is not empty; use --force to regenerate its sources"
        )


def output_path(workspace: Path, table: Table, plan: Plan) -> Path:
    """Where ``table``'s file (or folder) goes for this plan's format."""
    if table.file_format == "table":  # the one format the user picks: csv or parquet
        return workspace / f"{table.path}.{plan.file_format}"
    return workspace / table.path


def _sink(workspace: Path, table: Table, plan: Plan) -> Sink:
    path = output_path(workspace, table, plan)
    fmt = plan.file_format if table.file_format == "table" else table.file_format
    if fmt == "csv":
        return CsvSink(path)
    if fmt == "parquet":
        return ParquetSink(path)
    if fmt == "parquet_dir":
        return ParquetSink(path, part=True)
    if fmt == "text":
        return TextFolderSink(path)
    return JsonSink(path, lines=fmt != "json", mongo=fmt == "mongo_jsonl")


def _write_manifest(workspace: Path, plan: Plan, sinks: dict[str, Sink], defects: Sink) -> str:
    files = []
    for name, sink in sorted([*sinks.items(), ("truth_defects", defects)]):
        digest = sink.digest if isinstance(sink, TextFolderSink) else file_sha256(sink.path)
        files.append(
            {
                "path": sink.path.relative_to(workspace).as_posix(),
                "table": name,
                "kind": "truth" if contracts.get(name).path.startswith("truth/") else "source",
                "rows": sink.rows,
                "sha256": digest,
            }
        )
    manifest = {
        "generator": {
            "version": __version__,
            "seed": plan.seed,
            "scale": plan.scale,
            "format": plan.file_format,
            "dirt": plan.dirt,
        },
        "files": files,
    }
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    path = workspace / "sources" / "manifest.json"
    path.write_text(text, encoding="utf-8")
    return file_sha256(path)
