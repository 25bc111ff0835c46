"""Run the generator: dimensions once, then every source block by block, then the manifest."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
from c360.generate.regenerate import WorkspaceNotEmptyError, clear, complete, table_path
from c360.generate.sinks import CsvSink, JsonSink, ParquetSink, Sink, TextFolderSink, file_sha256
from c360.ml.segments import EXAMPLE_SEGMENTS
from c360.pipeline.last_run import RUN_FILE
from c360.sources.mongo import bronze_files, load_bronze
from c360.workspace import LOCK_FILE, exclusive

# Other sources draw from seed 000; each module offers global_outputs and block_outputs. The
# folder under sources/ names each in what the generator tells of its progress.
DOMAINS = (("sources/ecommerce", ecommerce), ("sources/marketing", marketing),
           ("sources/identity", identity))  # fmt: skip
SEED000 = "sources/c360"


@dataclass(frozen=True)
class Part:
    """A part of a run, told to the progress hook as soon as it is written: one source's
    dimensions (drawn once) or its share of one block of customers."""

    source: str  # its folder: sources/c360, sources/ecommerce, sources/marketing, sources/identity
    customers: tuple[int, int] | None  # the block's [start, stop); None for the dimensions
    rows: dict[str, int]  # rows written per table (truth tables too)
    files: dict[str, int]  # files written per text folder
    defects: int  # planted in those rows (truth/defects.csv)
    seconds: float
    blocks_done: int  # blocks every source has written in full, this part's included


Progress = Callable[[Part], None]


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
    clear(workspace, plan.file_format)  # the generator's files only; first refuses if need be
    for sub in BUILT_FROM_SOURCES:
        shutil.rmtree(workspace / sub, ignore_errors=True)
    warehouse = warehouse_path(workspace)
    for path in (warehouse, warehouse.with_name(warehouse.name + ".wal"), workspace / RUN_FILE):
        path.unlink(missing_ok=True)
    out = _Writer(workspace, plan, progress)
    with out.part(SEED000):
        dims = seed000.dimension_tables(plan)
        out.emit(seed000.global_outputs(plan, dims))
    for name, domain in DOMAINS:
        with out.part(name):
            out.emit(domain.global_outputs(plan, dims))
    offsets: dict[str, int] = {}
    mailboxes: set[str] = set()
    for i, (start, stop) in enumerate(plan.blocks()):
        with out.part(SEED000, (start, stop), i):
            block = Block(
                plan,
                start,
                make_emails_unique(people(plan, start, stop), mailboxes),
                dims,
                offsets,
                mailboxes,
            )
            base = seed000.build(block)
            out.emit(seed000.block_outputs(block, base))
        for name, domain in DOMAINS:
            done = i + 1 if name == DOMAINS[-1][0] else i  # the last source ends the block
            with out.part(name, (start, stop), done):
                out.emit(domain.block_outputs(block, base))
        del block, base  # one block in memory at a time
    sinks, defects = out.sinks, out.defects
    if defects.rows == 0:
        defects.write(DEFECTS_SCHEMA.empty_table())
    for sink in sinks.values():
        sink.close()
    defects.close()
    result = Result(workspace, {name: s.rows for name, s in sinks.items()}, out.planted)
    result.manifest_sha256 = _write_manifest(workspace, plan, sinks, defects)
    complete(workspace)
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


class _Writer:
    """A run's sinks, and the progress hook told of each part written through them."""

    def __init__(self, workspace: Path, plan: Plan, progress: Progress | None) -> None:
        self.workspace, self.plan, self.progress = workspace, plan, progress
        self.sinks: dict[str, Sink] = {}
        self.defects = CsvSink(output_path(workspace, contracts.get("truth_defects"), plan))
        self.planted = 0  # rows of truth/defects.csv
        self.written: Counter[str] = Counter()  # by the part being written

    def emit(self, outputs: Iterator[tuple[str, pa.Table | Dirt]]) -> None:
        for name, data in outputs:
            sink = self.sinks.get(name) or self.sinks.setdefault(
                name, _sink(self.workspace, contracts.get(name), self.plan)
            )
            if isinstance(data, Dirt):
                data, found = data.finish(sink.rows)
                if found.num_rows:
                    self.defects.write(found)
                    self.planted += found.num_rows
            before = sink.rows
            sink.write(data)
            self.written[name] += sink.rows - before

    @contextmanager
    def part(
        self, source: str, customers: tuple[int, int] | None = None, blocks_done: int = 0
    ) -> Iterator[None]:
        """Tell the hook what was emitted inside the ``with``, once it is written."""
        self.written, planted, started = Counter(), self.planted, time.perf_counter()
        yield
        if self.progress:
            written, seconds = self.written.items(), time.perf_counter() - started
            files = {n: r for n, r in written if isinstance(self.sinks[n], TextFolderSink)}
            rows = {n: r for n, r in written if n not in files}
            planted = self.planted - planted
            self.progress(Part(source, customers, rows, files, planted, seconds, blocks_done))


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
    return workspace / table_path(table, plan.file_format)


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
