"""Raw readers: every source format as blocks of text columns, malformed records set aside.

Bronze keeps values exactly as the source wrote them, so every column is read as text; typing
is silver's job. A record that cannot be read at all (wrong number of CSV fields, a line that is
not JSON, a note without its markers) becomes a reject with its raw text and a reason. Database
sources (``c360.sources.postgres``, ``c360.sources.mongo``) yield the same blocks.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from c360.config import PLAIN_CSV, CsvFile
from c360.contracts.model import Table

ROW_NUMBER = "_row_number"
BLOCK_ROWS = 100_000
CSV_BLOCK_BYTES = 1 << 24  # how much of a CSV Arrow parses at a time
SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}
NOT_UTF8 = "not UTF-8 text"  # the reason of a record whose bytes are not UTF-8
_MARKERS = re.compile(r"^--- BEGIN (\w+) ---$.*^--- END \1 ---$", re.MULTILINE | re.DOTALL)


class SourceError(Exception):
    """A source cannot be read at all (missing, unreadable, not the declared format)."""


Reject = tuple[str, int, str, str]  # source file, record number, raw text, reason


@dataclass
class Block:
    """Landed records as text (plus ``_row_number``, 1-based in the file) and the rejects."""

    data: pa.Table
    source_file: pa.Array | str
    rejects: list[Reject] = field(default_factory=list)
    present: set[str] | None = None  # fields seen in documents (None: every column of data)
    types: pa.Schema | None = None  # the source's own column types, when it has any (Parquet, SQL)


class Database(Protocol):
    """A database table or collection that bronze reads like a file."""

    @property
    def label(self) -> str:
        """What ``_source_file`` says, e.g. ``postgres:public.orders``; never a password."""
        ...

    def count(self) -> int:
        """Records in the source, counted by the database itself."""
        ...

    def read(self, contract: Table) -> Iterator[Block]:
        """The records as text blocks, numbered 1, 2, … in the source's documented order."""
        ...


def read(path: Path | Database, contract: Table, dialect: CsvFile = PLAIN_CSV) -> Iterator[Block]:
    """The records of one source file, folder or database, in source order (a CSV file
    written as ``dialect`` says)."""
    if isinstance(path, Path) and not path.exists():
        raise SourceError(f"source file missing: {path}")
    readers: dict[str, Callable[[Path, Table], Iterator[Block]]] = {
        "csv": partial(_csv, dialect=dialect),
        "table": partial(_by_suffix, dialect=dialect),
        "parquet": _parquet,
        "parquet_dir": _parquet,
        "json": _json_array,
        "jsonl": _json_lines,
        "mongo_jsonl": _json_lines,
        "text": _text_folder,
    }
    blocks = (
        readers[contract.file_format](path, contract)
        if isinstance(path, Path)
        else path.read(contract)
    )
    try:
        yield from blocks
    except (OSError, pa.ArrowInvalid, UnicodeDecodeError) as exc:
        name = path if isinstance(path, Path) else path.label
        raise SourceError(f"cannot read {name}: {exc}") from None


def _by_suffix(path: Path, contract: Table, dialect: CsvFile) -> Iterator[Block]:
    return _parquet(path, contract) if path.suffix == ".parquet" else _csv(path, contract, dialect)


def _csv(path: Path, contract: Table, dialect: CsvFile) -> Iterator[Block]:
    bad: list[Reject] = []

    def reject(row: pacsv.InvalidRow) -> str:
        reason = f"expected {row.expected_columns} fields, found {row.actual_columns}"
        # Arrow numbers the header and the records, not empty lines: number - 1 is the record's
        bad.append((str(path), (row.number or 0) - 1, row.text, reason))
        return "skip"

    reader = pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(
            use_threads=False, block_size=CSV_BLOCK_BYTES, encoding=dialect.encoding
        ),
        parse_options=pacsv.ParseOptions(
            delimiter=dialect.delimiter, invalid_row_handler=reject, newlines_in_values=True
        ),
        convert_options=pacsv.ConvertOptions(
            column_types={c: pa.string() for c in contract.column_names},
            strings_can_be_null=True,
            check_utf8=False,  # a record that is not UTF-8 is quarantined, not the whole file
        ),
    )
    names = reader.schema.names
    if separator := _other_separator(names, contract, dialect.delimiter):
        expected = SEPARATORS.get(dialect.delimiter, repr(dialect.delimiter))
        raise SourceError(
            f"{path}: the header is separated by {separator}, not {expected} (set the file's "
            f"delimiter under csv: {contract.name}: in c360.yaml)"
        )
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:  # Arrow would keep both, and landing could not tell which one the contract means
        raise SourceError(f"{path}: the header names {', '.join(twice)} more than once")
    numbering = _Numbering()
    batches = 0
    for batch in reader:
        batches += 1
        rejects, bad[:] = list(bad), []
        numbers = numbering.take(batch.num_rows, [r[1] for r in rejects])
        if (broken := _not_utf8(batch)).size:
            rejects += [(str(path), int(numbers[i]), _fields(batch, i, dialect), NOT_UTF8)
                        for i in broken]  # fmt: skip
            keep = np.ones(batch.num_rows, bool)
            keep[broken] = False
            batch, numbers = batch.filter(pa.array(keep)), numbers[keep]
        yield Block(
            as_text(pa.Table.from_batches([batch])).append_column(
                ROW_NUMBER, pa.array(numbers, pa.int64())
            ),
            str(path),
            rejects,
        )
    if bad or not batches:  # the last rejects; the header's columns even without records
        header = as_text(reader.schema.empty_table())
        yield Block(header.append_column(ROW_NUMBER, pa.array([], pa.int64())), str(path), bad)


def _other_separator(names: list[str], contract: Table, delimiter: str) -> str | None:
    """What a one-column header seems to be separated by instead of ``delimiter``, if anything.

    >>> from c360.contracts.model import Column
    >>> people = Table("p", "x", "", (Column("id", "string"), Column("age", "int")))
    >>> _other_separator(["id;age"], people, ","), _other_separator(["id,age"], people, ";")
    ('semicolons', 'commas')
    """
    if len(names) != 1:
        return None
    for separator, name in SEPARATORS.items():
        found = set(names[0].split(separator)) & set(contract.column_names)
        if separator != delimiter and len(found) >= 2:
            return name
    return None


def _not_utf8(batch: pa.RecordBatch) -> np.ndarray:
    """Positions of the rows with a text value that is not UTF-8 (Arrow checks each column in
    one pass; only a column that fails is looked at value by value)."""
    broken: set[int] = set()
    for column in batch.columns:
        if not pa.types.is_string(column.type):
            continue
        try:
            column.validate(full=True)
        except pa.ArrowInvalid:
            for i, value in enumerate(column.cast(pa.binary()).to_pylist()):
                try:
                    if value is not None:
                        value.decode("utf-8")
                except UnicodeDecodeError:
                    broken.add(i)
    return np.array(sorted(broken), dtype=np.int64)


def _fields(batch: pa.RecordBatch, row: int, dialect: CsvFile) -> str:
    """A record's fields joined by the delimiter, undecodable bytes replaced (its raw text,
    unquoted)."""
    values = [column.cast(pa.binary())[row].as_py() for column in batch.columns]
    return dialect.delimiter.join((v or b"").decode("utf-8", "replace") for v in values)


@dataclass
class _Numbering:
    """Record numbers for a CSV's rows, around the rejects' numbers as Arrow reports them.

    Arrow parses the next block before it hands over a batch, so some rejects reported before
    a batch come after its rows in the file.

    >>> numbering = _Numbering()
    >>> numbering.take(2, [2, 5]).tolist(), numbering.take(2, []).tolist()
    ([1, 3], [4, 6])
    """

    last: int = 0  # the number of the last row handed out
    ahead: set[int] = field(default_factory=set)  # rejects' numbers above it

    def take(self, count: int, rejected: list[int]) -> np.ndarray:
        """The numbers of the next ``count`` rows, given the rejects reported since last time."""
        self.ahead.update(rejected)
        numbers = _record_numbers(self.last, count, self.ahead)
        if count:
            self.last = int(numbers[-1])
            self.ahead = {n for n in self.ahead if n > self.last}
        return numbers


def _record_numbers(after: int, count: int, skipped: set[int]) -> np.ndarray:
    """The first ``count`` record numbers above ``after`` that are not ``skipped``.

    >>> _record_numbers(0, 3, {2}).tolist()
    [1, 3, 4]
    """
    candidates = np.arange(after + 1, after + count + len(skipped) + 1)
    keep = ~np.isin(candidates, list(skipped)) if skipped else np.ones(len(candidates), bool)
    return candidates[keep][:count]


def _parquet(path: Path, contract: Table) -> Iterator[Block]:
    files = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
    if not files:
        raise SourceError(f"no Parquet files in {path}")
    taken = 0
    for file in files:
        for batch in pq.ParquetFile(file).iter_batches(batch_size=BLOCK_ROWS):
            numbers = np.arange(taken + 1, taken + batch.num_rows + 1)
            taken += batch.num_rows
            data = as_text(pa.Table.from_batches([batch])).append_column(
                ROW_NUMBER, pa.array(numbers)
            )
            yield Block(data, str(path), types=batch.schema)


def _json_array(path: Path, contract: Table) -> Iterator[Block]:
    text = path.read_text(encoding="utf-8")
    try:
        docs = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"{path} is not valid JSON: {exc}") from None
    if not isinstance(docs, list):
        raise SourceError(f"{path} must hold a JSON array of objects")
    for start in range(0, max(len(docs), 1), BLOCK_ROWS):
        part = docs[start : start + BLOCK_ROWS]
        yield documents(str(path), contract, [(start + i + 1, d, None) for i, d in enumerate(part)])


def _json_lines(path: Path, contract: Table) -> Iterator[Block]:
    with path.open("rb") as lines:  # lines as the record count sees them: split at b"\n"
        pending: list[tuple[int, Any, str | None]] = []
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            pending.append(_json_line(number, raw))
            if len(pending) >= BLOCK_ROWS:
                yield documents(str(path), contract, pending)
                pending = []
        yield documents(str(path), contract, pending)


def _json_line(number: int, raw: bytes) -> tuple[int, Any, str]:
    """(number, document, text) of a line, or (number, None, "text\\0reason") to reject it."""
    try:
        line = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        return number, None, raw.decode("utf-8", "replace").rstrip("\r\n") + f"\0{NOT_UTF8}"
    try:
        return number, json.loads(line), line
    except json.JSONDecodeError as exc:
        return number, None, f"{line}\0not JSON: {exc.msg} at character {exc.colno}"


def documents(source: str, contract: Table, docs: Sequence[tuple[int, Any, str | None]]) -> Block:
    """Flatten one level of JSON documents (number, document, raw text) into text columns;
    non-objects are rejected."""
    rows: list[dict[str, str | None]] = []
    numbers: list[int] = []
    rejects: list[Reject] = []
    for number, doc, raw in docs:
        if doc is None and raw and "\0" in raw:
            text, reason = raw.split("\0", 1)
            rejects.append((source, number, text, reason))
        elif not isinstance(doc, dict):
            rejects.append((source, number, raw or json.dumps(doc), "record is not a JSON object"))
        else:
            rows.append({k: v if v.__class__ is str else _scalar_text(v) for k, v in doc.items()})
            numbers.append(number)
    present: set[str] = set().union(*rows)
    names = [*contract.column_names, *sorted(present - set(contract.column_names))]
    data = pa.Table.from_pylist(rows, schema=pa.schema([(n, pa.string()) for n in names]))
    return Block(
        data.append_column(ROW_NUMBER, pa.array(numbers, pa.int64())), source, rejects, present
    )


def _scalar_text(value: Any) -> str | None:
    """A JSON value as the text bronze keeps: MongoDB's {"$date": …} / {"$oid": …} unwrapped."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if value.__class__ is int:
        return str(value)
    if value.__class__ is float and math.isfinite(value):
        return repr(value)  # what json.dumps writes, without its overhead
    if isinstance(value, dict) and len(value) == 1:
        ((key, inner),) = value.items()
        if key in ("$date", "$oid", "$numberLong", "$numberDecimal", "$numberInt", "$numberDouble"):
            return inner if isinstance(inner, str) else json.dumps(inner)
    return json.dumps(value, ensure_ascii=False)


def _text_folder(path: Path, contract: Table) -> Iterator[Block]:
    with os.scandir(path) as entries:
        files = sorted(e.path for e in entries if e.is_file())
    for start in range(0, max(len(files), 1), BLOCK_ROWS):
        chunk = files[start : start + BLOCK_ROWS]
        yield _text_block(chunk, [_read_bytes(f) for f in chunk], start)


def _read_bytes(file: str) -> bytes:
    with open(file, "rb") as handle:
        return handle.read()


def _text_block(files: list[str], contents: list[bytes], start: int) -> Block:
    names, texts, sources, numbers = [], [], [], []
    rejects: list[Reject] = []
    for number, (file, raw) in enumerate(zip(files, contents, strict=True), start=start + 1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            rejects.append((file, number, raw.decode("utf-8", "replace"), NOT_UTF8))
            continue
        if not _MARKERS.search(text):
            reason = "no '--- BEGIN … ---' / '--- END … ---' markers"
            rejects.append((file, number, text, reason))
            continue
        names.append(os.path.basename(file))
        texts.append(text)
        sources.append(file)
        numbers.append(number)
    data = pa.table(
        {
            "name": pa.array(names, pa.string()),
            "text": pa.array(texts, pa.string()),
            ROW_NUMBER: pa.array(numbers, pa.int64()),
        }
    )
    return Block(data, pa.array(sources, pa.string()), rejects)


def as_text(data: pa.Table) -> pa.Table:
    """Every column as text, the way the source would print it (lists and objects as JSON)."""
    columns = []
    for col in data.columns:
        kind = col.type
        if pa.types.is_string(kind) or pa.types.is_large_string(kind):
            columns.append(col.cast(pa.string()))
        elif pa.types.is_boolean(kind):
            columns.append(pc.if_else(col, "true", "false"))
        elif isinstance(kind, pa.BaseExtensionType) and pa.types.is_string(kind.storage_type):
            columns.append(pc.cast(col, pa.string()))  # PostgreSQL numeric, json
        elif (
            pa.types.is_nested(kind)
            or pa.types.is_interval(kind)
            or isinstance(kind, pa.BaseExtensionType)
        ):  # no Arrow cast to text: arrays, uuid, interval
            columns.append(pa.array([_value_text(v) for v in col.to_pylist()], pa.string()))
        else:
            columns.append(pc.cast(col, pa.string()))
    return pa.table(columns, names=data.column_names)


def _value_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)
