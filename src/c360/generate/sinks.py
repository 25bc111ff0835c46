"""Writers that take a table block by block: CSV, Parquet, JSON (lines) and text folders."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from concurrent.futures import Future, ThreadPoolExecutor
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq


class Sink(Protocol):
    path: Path
    rows: int

    def write(self, block: pa.Table) -> None: ...

    def close(self) -> None: ...


class CsvSink:
    """One CSV file with a header line; every block must share the first block's schema.

    Blocks are appended with ``write_csv`` to one open stream (a ``CSVWriter`` holds on to the
    last block it wrote, which kept a whole block of every table alive).
    """

    def __init__(self, path: Path) -> None:
        self.path, self.rows = path, 0
        self._out: pa.NativeFile | None = None
        self._schema: pa.Schema | None = None

    def write(self, block: pa.Table) -> None:
        header = self._out is None or self._schema is None
        if self._out is None or self._schema is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._schema = block.schema
            self._out = pa.OSFile(str(self.path), "wb")
        options = pacsv.WriteOptions(include_header=header)
        pacsv.write_csv(block.cast(self._schema), self._out, write_options=options)
        self.rows += block.num_rows

    def close(self) -> None:
        if self._out is not None:
            self._out.close()


class ParquetSink:
    """One Parquet file (``part=True``: a directory holding ``part-00000.parquet``)."""

    def __init__(self, path: Path, part: bool = False) -> None:
        self.path, self.rows = path, 0
        self._file = path / "part-00000.parquet" if part else path
        self._writer: pq.ParquetWriter | None = None

    def write(self, block: pa.Table) -> None:
        if self._writer is None:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            self._writer = pq.ParquetWriter(str(self._file), block.schema, compression="zstd")
        self._writer.write_table(block.cast(self._writer.schema))
        self.rows += block.num_rows

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()


class JsonSink:
    """JSON lines (one object per line) or one JSON array; ``mongo`` writes MongoDB extended JSON.

    Null values are left out of the object, as a document store would hold them. Values are
    encoded column by column and the objects assembled with Arrow string kernels: a per-record
    ``json.dumps`` was the slowest part of generation.
    """

    def __init__(self, path: Path, lines: bool = True, mongo: bool = False) -> None:
        self.path, self.rows, self.lines, self.mongo = path, 0, lines, mongo
        path.parent.mkdir(parents=True, exist_ok=True)
        self._out = path.open("w", encoding="utf-8", newline="\n")
        if not lines:
            self._out.write("[")

    def write(self, block: pa.Table) -> None:
        if block.num_rows == 0:
            return
        members = [
            pc.binary_join_element_wise(f"{encode_basestring(name)}: ", self._encode(column), "")
            for name, column in zip(block.column_names, block.columns, strict=True)
        ]
        body = pc.binary_join_element_wise(*members, ", ", null_handling="skip")
        objects = pc.binary_join_element_wise("{", body, "}", "")
        text = ("\n" if self.lines else ",\n").join(objects.to_pylist())
        if self.lines:
            self._out.write(text + "\n")
        else:
            self._out.write(("," if self.rows else "") + "\n" + text)
        self.rows += block.num_rows

    def _encode(self, column: pa.ChunkedArray) -> pa.Array:
        """Each value as JSON text (null stays null)."""
        values = column.combine_chunks()
        kind = values.type
        if pa.types.is_timestamp(kind):
            shape = '{{"$date": "{}Z"}}' if self.mongo else '"{}"'
            text = pc.strftime(values, format="%Y-%m-%dT%H:%M:%S")
            return pa.array(
                [None if t is None else shape.format(t) for t in text.to_pylist()], pa.string()
            )
        if pa.types.is_string(kind):
            return pa.array(
                [None if v is None else encode_basestring(v) for v in values.to_pylist()],
                pa.string(),
            )
        if pa.types.is_boolean(kind):
            return pc.if_else(values, "true", "false")
        if pa.types.is_integer(kind):
            return pc.cast(values, pa.string())
        if pa.types.is_floating(kind):  # repr is what json.dumps writes for a float
            return pa.array(
                [None if v is None else repr(v) for v in values.to_pylist()], pa.string()
            )
        encode = _mongo_value if self.mongo else _plain_value
        return pa.array(
            [
                None
                if v is None
                else json.dumps(encode(v), ensure_ascii=False, separators=(", ", ": "))
                for v in values.to_pylist()
            ],
            pa.string(),
        )

    def close(self) -> None:
        if not self.lines:
            self._out.write("\n]\n")
        self._out.close()


def _plain_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _mongo_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"$date": value.strftime("%Y-%m-%dT%H:%M:%SZ")}
    return _plain_value(value)


class TextFolderSink:
    """A folder of UTF-8 text files; ``rows`` counts files and ``digest`` covers names and bytes.

    Creating thousands of small files is system-call bound, so a background thread writes them
    while the generator computes the next tables on the other core.
    """

    def __init__(self, path: Path) -> None:
        self.path, self.rows = path, 0
        self._hash = hashlib.sha256()
        path.mkdir(parents=True, exist_ok=True)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="text-files")
        self._pending: list[Future[None]] = []

    def write_files(self, names: list[str], texts: list[str]) -> None:
        batch = []
        for name, text in zip(names, texts, strict=True):
            data = text.encode("utf-8")
            batch.append((os.path.join(self.path, name), data))
            self._hash.update(text_entry(name, data))
        # Back-pressure: at most two blocks of text wait in memory for the disk.
        while len(self._pending) >= 2:
            self._pending.pop(0).result()
        self._pending.append(self._pool.submit(_write_all, batch))
        self.rows += len(names)

    def write(self, block: pa.Table) -> None:
        self.write_files(block.column("name").to_pylist(), block.column("text").to_pylist())

    @property
    def digest(self) -> str:
        return self._hash.hexdigest()

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        for done in self._pending:
            done.result()  # re-raise a write error here, in the caller


def text_entry(name: str, data: bytes) -> bytes:
    """What a text folder's digest covers of one file, in the order the files are written."""
    return name.encode() + b"\0" + hashlib.sha256(data).digest()


def _write_all(batch: list[tuple[str, bytes]]) -> None:
    for path, data in batch:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)


def file_sha256(path: Path) -> str:
    """sha256 of a file, or of a directory's files (names and contents, sorted)."""
    h = hashlib.sha256()
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            h.update(
                str(child.relative_to(path)).encode() + b"\0" + bytes.fromhex(file_sha256(child))
            )
        return h.hexdigest()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
