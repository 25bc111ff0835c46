"""The lake on disk: one folder of Parquet parts per table, published atomically."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from c360.contracts.model import Table
from c360.errors import first_line

LAYERS = ("bronze", "silver", "gold", "quarantine")


def table_dir(workspace: Path, layer: str, table: str) -> Path:
    """``<workspace>/lake/<layer>/<table>``."""
    assert layer in LAYERS, layer
    return Path(workspace) / "lake" / layer / table


class TableWriter:
    """Appends Arrow blocks to one Parquet part; the schema is fixed by the first block."""

    def __init__(self, folder: Path, schema: pa.Schema) -> None:
        self.rows = 0
        self.schema = schema
        self.target = folder  # what a failed write names: the table, not its staging folder
        self._writer = pq.ParquetWriter(
            str(folder / "part-00000.parquet"), schema, compression="zstd"
        )

    def write(self, block: pa.Table) -> None:
        try:
            self._writer.write_table(block.select(self.schema.names).cast(self.schema))
        except OSError as exc:  # a full disk
            raise _not_written(self.target, exc) from None
        self.rows += block.num_rows

    def close(self) -> None:
        try:
            self._writer.close()
        except OSError as exc:
            raise _not_written(self.target, exc) from None


class LakeWriteError(OSError):
    """A table that cannot be written to the lake: a full disk, a read-only folder. The
    message, one line, names the table, the lake folder and why; its previous version stays.
    An ``OSError``: every command reports it as one line."""


@contextmanager
def _writing(final: Path) -> Iterator[None]:
    """An ``OSError`` of writing table ``final`` as a :class:`LakeWriteError` naming it."""
    try:
        yield
    except LakeWriteError:
        raise
    except OSError as exc:
        raise _not_written(final, exc) from None


def _not_written(final: Path, exc: OSError) -> LakeWriteError:
    reason = os.strerror(exc.errno) if exc.errno else first_line(exc)
    kept = "; its previous version is kept" if final.is_dir() else ""
    layer, lake = final.parent.name, final.parent.parent
    error = LakeWriteError(f"cannot write {layer} table {final.name} in {lake}: {reason}{kept}")
    error.errno = exc.errno
    return error


@contextmanager
def publish(workspace: Path, layer: str, table: str, schema: pa.Schema) -> Iterator[TableWriter]:
    """Write a table to a staging folder and swap it in only if the block exits cleanly.

    A failure (or a crash) mid-write leaves the previous version of the table readable; the
    lake's own failure to write (a full disk) raises :class:`LakeWriteError`.
    """
    final = table_dir(workspace, layer, table)
    staging = final.with_name(f".staging-{table}-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with _writing(final):
            staging.mkdir(parents=True)
            writer = TableWriter(staging, schema)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    writer.target = final
    try:
        yield writer
        writer.close()
    except BaseException:
        with suppress(Exception):  # the error that stopped the writing is the one to tell
            writer.close()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, final)


def _swap(staging: Path, final: Path) -> None:
    """Swap ``staging`` in as table ``final``; if it cannot be, the previous version stays."""
    old = final.with_name(f".old-{final.name}-{os.getpid()}")
    try:
        with _writing(final):
            if final.exists():
                final.rename(old)
            try:
                staging.rename(final)
            except BaseException:
                if old.exists() and not final.exists():
                    old.rename(final)
                raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


def drop(workspace: Path, layer: str, table: str) -> None:
    """Remove a published table, if any (its source is gone): set aside first, as a swap
    does, so that no reader sees part of it."""
    final = table_dir(workspace, layer, table)
    if final.exists():
        old = final.with_name(f".dropped-{final.name}-{os.getpid()}")
        final.rename(old)
        shutil.rmtree(old, ignore_errors=True)


def publish_table(
    workspace: Path, layer: str, table: str, data: pa.Table, partition_by: tuple[str, ...] = ()
) -> None:
    """Publish a whole table atomically; with ``partition_by``, as Hive partitions
    (``year=2024/month=3/part-0.parquet``). A table without rows has no partition: it is one
    file, which keeps its schema."""
    _swap(_staged(workspace, layer, table, data, partition_by), table_dir(workspace, layer, table))


def publish_tables(workspace: Path, layer: str, tables: Mapping[str, pa.Table]) -> None:
    """Publish tables that are read back together (a store): every one is written before any
    is swapped in, so a failure (or a crash) while writing leaves the previous version of all."""
    staged: list[Path] = []
    try:
        for table, data in tables.items():
            staged.append(_staged(workspace, layer, table, data))
    except BaseException:
        for staging in staged:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    for table, staging in zip(tables, staged, strict=True):
        _swap(staging, table_dir(workspace, layer, table))


def _staged(
    workspace: Path, layer: str, table: str, data: pa.Table, partition_by: tuple[str, ...] = ()
) -> Path:
    """``data`` written to the table's staging folder, ready to be swapped in."""
    final = table_dir(workspace, layer, table)
    staging = final.with_name(f".staging-{table}-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with _writing(final):
            _write(staging, final, data, partition_by)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _write(staging: Path, final: Path, data: pa.Table, partition_by: tuple[str, ...]) -> None:
    if not partition_by or data.num_rows == 0:
        staging.mkdir(parents=True)
        writer = TableWriter(staging, data.schema)
        writer.target = final
        try:
            writer.write(data)
        except BaseException:
            with suppress(Exception):
                writer.close()
            raise
        writer.close()
    else:
        ds.write_dataset(
            data,
            staging,
            format="parquet",
            partitioning=ds.partitioning(
                pa.schema([data.schema.field(c) for c in partition_by]), flavor="hive"
            ),
            existing_data_behavior="error",
            basename_template="part-{i}.parquet",
            preserve_order=True,  # rows in key order, the same bytes on every rerun
        )


def sweep(workspace: Path) -> None:
    """Clear what a killed writer left in the lake (only a writer holding the workspace lock
    calls this): staging folders and set-aside versions go, except a version set aside for a
    swap that never happened, which is the table again."""
    for layer in LAYERS:
        root = Path(workspace) / "lake" / layer
        for folder in sorted(root.glob(".*-*")):  # .staging-, .old-, .dropped-<table>-<pid>
            table = folder.name.removeprefix(".old-").rsplit("-", 1)[0]
            if folder.name.startswith(".old-") and not (root / table).exists():
                folder.rename(root / table)
            else:
                shutil.rmtree(folder, ignore_errors=True)


class UnreadableTableError(OSError):
    """A published table that cannot be read: its folder holds no Parquet file, a file that
    does not read, or lacks columns asked for. The message, one line, names the folder and
    says how to recover. An ``OSError``: every command reports it as one line."""


# Tables a run reads back and extends, so that a rerun cannot rebuild them from the sources:
# what deleting one to start afresh loses.
_CARRIED_OVER = {
    "segment_membership": (
        "delete lake/gold/segment_membership and rerun `c360 run` to start the segment history "
        "afresh (the periods recorded so far are lost)"
    ),
    **dict.fromkeys(
        ("identity_links", "identity_pairs", "identity_ledger", "identity_aliases",
         "identity_departed", "identity_former_ids"),
        "restore it from a backup, or delete the lake/gold/identity_* folders and rerun "
        "`c360 run` to resolve identities afresh (customer360_ids are issued anew and the "
        "identity ledger's history is lost)",
    ),
}  # fmt: skip


def _unreadable(folder: Path, problem: str) -> UnreadableTableError:
    layer = folder.parent.name
    remedy = _CARRIED_OVER.get(folder.name) if layer == "gold" else None
    remedy = remedy or "rerun `c360 run` to rebuild it"
    return UnreadableTableError(f"{folder}: {problem}; {remedy}")


def _spoilt(folder: Path, exc: Exception) -> UnreadableTableError:
    """The error for a table whose files do not read, naming the first file whose footer does
    not (a file cut short, or not Parquet) and Arrow's reason without the paths it repeats."""
    reason = first_line(exc)
    for part in sorted(folder.rglob("*.parquet")):
        try:
            pq.read_metadata(part)
        except (OSError, pa.ArrowException) as bad:
            reason = first_line(bad)
            return _unreadable(folder, f"{part.name} is not Parquet ({reason.split(': ')[-1]})")
    return _unreadable(folder, f"a Parquet file does not read ({reason})")


def open_dataset(folder: Path) -> ds.Dataset:
    """A published table's folder as an Arrow dataset (Hive partitions read), or
    :class:`UnreadableTableError` when it holds no Parquet file or one whose schema does not
    read. A publish always writes one file at least (with the schema, when there are no rows)."""
    try:
        dataset = ds.dataset(folder, format="parquet", partitioning="hive")
    except (OSError, pa.ArrowException) as exc:
        if not folder.is_dir():
            raise _unreadable(folder, "no such table") from None
        raise _spoilt(folder, exc) from None
    if not dataset.files:
        raise _unreadable(folder, "the table holds no Parquet file")
    return dataset


def count_rows(folder: Path) -> int:
    """Rows of a published table, from the Parquet footers (no data is read)."""
    dataset = open_dataset(folder)
    try:
        return dataset.count_rows()
    except (OSError, pa.ArrowException) as exc:
        raise _spoilt(folder, exc) from None


def read_table(
    workspace: Path, layer: str, table: str, columns: list[str] | None = None
) -> pa.Table:
    """A published table, whole or only ``columns`` (for tests and small tables).

    A publish always writes at least one Parquet file (with the schema, when there are no
    rows): a folder without one, a file that does not read, or a column asked for and absent
    raise :class:`UnreadableTableError`.
    """
    folder = table_dir(workspace, layer, table)
    names = open_dataset(folder).schema.names
    if missing := [c for c in columns or () if c not in names]:
        raise _unreadable(folder, f"the table lacks {', '.join(missing)}")
    try:
        return pq.read_table(folder, columns=columns)
    except (OSError, pa.ArrowException) as exc:
        raise _spoilt(folder, exc) from None


def read_built(workspace: Path, layer: str, contract: Table) -> pa.Table:
    """A published table, or an empty one of its contract's schema when the run built none
    (its sources are not in the workspace). A folder that is there but does not read raises
    :class:`UnreadableTableError`."""
    if not table_dir(workspace, layer, contract.name).exists():
        return contract.arrow_schema().empty_table()
    return read_table(workspace, layer, contract.name)


def read_complete(workspace: Path, layer: str, contract: Table) -> pa.Table:
    """``read_built``, and :class:`UnreadableTableError` when the table lacks a column of its
    contract: for the state a run carries over (an older layout, or a damaged table, would
    otherwise be read as if it held nothing)."""
    data = read_built(workspace, layer, contract)
    if missing := [c for c in contract.column_names if c not in data.column_names]:
        folder = table_dir(workspace, layer, contract.name)
        raise _unreadable(folder, f"the table lacks {', '.join(missing)}")
    return data


def in_key_order(data: pa.Table, key: Sequence[str]) -> pa.Table:
    """``data`` sorted by ``key`` (ascending, nulls last) in one block, so a rerun writes the
    same bytes: Parquet pages follow the blocks a table arrives in.

    Engines sort in parallel: a table that arrives sorted is checked (one pass) and kept.
    """
    if not key:
        return data
    if _is_sorted(data, key):
        return data.combine_chunks()
    return data.sort_by([(k, "ascending") for k in key])


# The rows of a block ``in_key_blocks`` hands the lake: the size of DuckDB's row groups, in
# which it hands a sorted result over.
BLOCK_ROWS = 122_880


def in_key_blocks(data: pa.Table, key: Sequence[str], rows: int = BLOCK_ROWS) -> pa.Table:
    """``in_key_order``, in blocks of ``rows`` rows (the last one shorter) rather than one: the
    same bytes on every rerun however the rows arrive, and no copy of a table that arrives
    sorted in such blocks, as an engine's sorted result does on DuckDB (the copy cost silver
    about a second of CPU time at scale 10: 0.4 GB for the 2M events alone)."""
    if key and not _is_sorted(data, key):
        data = data.sort_by([(k, "ascending") for k in key])
    if data.num_rows == 0:
        return data.combine_chunks()
    if _in_blocks(data, rows):
        return data
    return pa.Table.from_batches(data.combine_chunks().to_batches(max_chunksize=rows))


def _in_blocks(data: pa.Table, rows: int) -> bool:
    """Every column in blocks of ``rows`` rows but the last, which holds the rest."""
    for column in data.columns:
        sizes = [len(chunk) for chunk in column.chunks]
        if not sizes or any(n != rows for n in sizes[:-1]) or not 0 < sizes[-1] <= rows:
            return False
    return True


def _is_sorted(data: pa.Table, key: Sequence[str]) -> bool:
    """Every row's key ≤ the next row's, compared column by column (a null is never sorted)."""
    if data.num_rows < 2:
        return True
    ordered: pa.ChunkedArray | None = None  # row i ≤ row i+1 on the key columns seen so far
    for name in reversed(key):
        column = data.column(name)
        this, after = column.slice(0, data.num_rows - 1), column.slice(1)
        if ordered is None:
            ordered = pc.less_equal(this, after)
        else:
            ordered = pc.or_(pc.less(this, after), pc.and_(pc.equal(this, after), ordered))
    return pc.all(ordered, skip_nulls=False).as_py() is True
