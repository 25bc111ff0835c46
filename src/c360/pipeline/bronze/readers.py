"""Raw readers: every source format as blocks of text columns, malformed records set aside.

Bronze keeps values exactly as the source wrote them, so every column is read as text; typing
is silver's job. A record that cannot be read at all (wrong number of CSV fields, a line that is
not JSON, a note without its markers) becomes a reject with its raw text and a reason. Database
sources (``c360.sources.postgres``, ``c360.sources.mongo``) yield the same blocks; CSV files
are read by ``csvfile``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from c360.config import PLAIN_CSV, CsvFile
from c360.contracts.model import Table
from c360.pipeline.bronze.blocks import (
    BLOCK_ROWS,
    NOT_UTF8,
    ROW_NUMBER,
    Block,
    Database,
    Reject,
    SourceError,
    as_text,
    source_files,
)
from c360.pipeline.bronze.csvfile import read_csv

_BOM = b"\xef\xbb\xbf"  # the UTF-8 byte order mark some Windows tools write first
_EPOCH = dt.datetime(1970, 1, 1)
_MARKERS = re.compile(r"^--- BEGIN (\w+) ---$.*^--- END \1 ---$", re.MULTILINE | re.DOTALL)


def read(path: Path | Database, contract: Table, dialect: CsvFile = PLAIN_CSV) -> Iterator[Block]:
    """The records of one source file, folder or database, in source order (a CSV file
    written as ``dialect`` says); a folder's files one after the other, by name."""
    if isinstance(path, Path) and not path.exists():
        raise SourceError(f"source file missing: {path}")
    readers: dict[str, Callable[[Path, Table], Iterator[Block]]] = {
        "csv": partial(read_csv, dialect=dialect),
        "table": partial(_by_suffix, dialect=dialect),
        "parquet": _parquet,
        "parquet_dir": _parquet,
        "json": _json_array,
        "jsonl": _json_lines,
        "mongo_jsonl": _json_lines,
        "text": _text_folder,
    }
    reader = readers[contract.file_format]
    blocks = (
        (block for file in source_files(path, contract) for block in reader(file, contract))
        if isinstance(path, Path)
        else path.read(contract)
    )
    try:
        yield from blocks
    except (OSError, pa.ArrowInvalid, UnicodeDecodeError) as exc:
        name = path if isinstance(path, Path) else path.label
        raise SourceError(f"cannot read {name}: {exc}") from None


def _by_suffix(path: Path, contract: Table, dialect: CsvFile) -> Iterator[Block]:
    return (
        _parquet(path, contract) if path.suffix == ".parquet" else read_csv(path, contract, dialect)
    )


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
    text = path.read_text(encoding="utf-8-sig")  # a byte order mark is not content
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
            raw = raw.removeprefix(_BOM) if number == 1 else raw
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
        if key == "$date" and not isinstance(inner, str):
            return _epoch_text(inner)
        if key in ("$date", "$oid", "$numberLong", "$numberDecimal", "$numberInt", "$numberDouble"):
            return inner if isinstance(inner, str) else json.dumps(inner)
    return json.dumps(value, ensure_ascii=False)


def _epoch_text(value: Any) -> str:
    """A MongoDB date written as milliseconds since 1970 ({"$numberLong": "…"} in canonical
    extended JSON, a bare number in older exports) as ISO text in UTC; anything else as JSON."""
    millis: Any = value.get("$numberLong") if isinstance(value, dict) and len(value) == 1 else value
    try:
        when = _EPOCH + dt.timedelta(milliseconds=int(millis))
    except (TypeError, ValueError, OverflowError):
        return json.dumps(value, ensure_ascii=False)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


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
            text = raw.removeprefix(_BOM).decode("utf-8")
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
