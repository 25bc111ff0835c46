"""Records in a source, counted apart from the reader, so that landing can be reconciled.

Files are counted by their own structure (lines, files, Parquet metadata, a JSON array's
length), databases by the database. A CSV is first counted by its non-empty lines, which is
fast; a value in quotes may hold line breaks, and old files end lines with a lone carriage
return, so when that count disagrees with what landed, ``csv_records`` counts again the way the
CSV reader splits records.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from c360.contracts.model import Table
from c360.pipeline.bronze.blocks import (
    READ_ERRORS,
    Database,
    SourceError,
    lines,
    open_bytes,
    parquet_files,
    source_files,
    text_files,
)
from c360.pipeline.bronze.readers import json_array, lines_as_array

_QUOTE, _NEWLINE, _RETURN = ord('"'), ord("\n"), ord("\r")
_BLOCK = 1 << 24


def count(path: Path | Database, contract: Table, quoted: bool = False) -> int:
    """Records in a source (a CSV's lines other than its header and empty ones; with
    ``quoted``, its records as ``csv_records`` splits them); a folder's files added up."""
    if not isinstance(path, Path):
        return path.count()
    files = source_files(path, contract)
    if files != [path]:
        return sum(count(file, contract, quoted) for file in files)
    fmt = contract.file_format
    if fmt == "text":
        return len(text_files(path))
    if fmt in ("parquet", "parquet_dir") or path.suffix == ".parquet":
        return sum(_parquet_rows(file) for file in parquet_files(path))
    if fmt in ("json", "jsonl", "mongo_jsonl"):
        docs = json_array(path) if fmt == "json" else lines_as_array(path)
        if docs is not None:
            return len(docs)  # else JSON lines, counted as such below
    if quoted and is_csv(path, contract):
        return csv_records(path)
    if is_csv(path, contract):  # the CSV reader skips empty lines only, not blank ones
        with path.open("rb") as f:
            filled = sum(1 for line in f if line.rstrip(b"\r\n"))
        return max(filled - 1, 0)  # a CSV's first line is its header
    with open_bytes(path) as f:  # JSON lines, split as the reader splits them
        return sum(map(bool, map(bytes.strip, lines(f))))


def _parquet_rows(file: Path) -> int:
    try:
        return int(pq.ParquetFile(file).metadata.num_rows)
    except READ_ERRORS as exc:  # empty, cut short, not Parquet at all
        raise SourceError(f"cannot read {file}: {exc}") from None


def is_csv(path: Path, contract: Table) -> bool:
    """Whether the source file is a CSV."""
    return contract.file_format == "csv" or (
        contract.file_format == "table" and path.suffix != ".parquet"
    )


def csv_records(path: Path, block: int = _BLOCK) -> int:
    """Non-empty records of a CSV other than its header: a line break (``\\n``, ``\\r\\n`` or a
    lone ``\\r``) ends a record only outside quotes (a doubled quote inside a value counts twice,
    so the parity holds)."""
    records = quotes = 0
    filled = False  # whether the record still open at the end of the last block has content
    with path.open("rb") as f:
        while data := f.read(block):
            while data.endswith(b"\r") and (byte := f.read(1)):
                data += byte  # whether this \r is a line break depends on the next byte
            chars = np.frombuffer(data, np.uint8)
            breaks = np.flatnonzero(chars == _NEWLINE)
            returns = np.flatnonzero(chars[:-1] == _RETURN)
            lone = returns[chars[returns + 1] != _NEWLINE]
            if chars[-1] == _RETURN:  # the file's last byte
                lone = np.append(lone, len(chars) - 1)
            if lone.size:
                breaks = np.union1d(breaks, lone)
            quoted = np.flatnonzero(chars == _QUOTE)
            ends = breaks[(np.searchsorted(quoted, breaks) + quotes) % 2 == 0]
            quotes += len(quoted)
            if len(ends):
                starts = np.r_[0, ends[:-1] + 1]
                length = ends - starts  # a record's bytes before its line break
                last = chars[np.maximum(ends - 1, 0)]
                content = (length > 1) | ((length == 1) & (last != _RETURN))
                content[0] |= filled
                records += int(content.sum())
                data = data[int(ends[-1]) + 1 :]
                filled = False
            filled = filled or bool(data.strip(b"\r\n"))
    return max(records + filled - 1, 0)  # the first record is the header
