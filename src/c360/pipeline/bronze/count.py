"""Records in a source, counted apart from the reader, so that landing can be reconciled.

Files are counted by their own structure (lines, files, Parquet metadata, a JSON array's
length), databases by the database. A CSV is first counted by its non-empty lines, which is
fast; a value in quotes may hold line breaks, and old files end lines with a lone carriage
return, so when that count disagrees with what landed, ``csv_records`` counts again the way the
CSV reader splits records.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from c360.contracts.model import Table
from c360.file_dialects import PLAIN_CSV, CsvFile
from c360.pipeline.bronze.blocks import (
    GZIP_ERRORS,
    READ_ERRORS,
    Database,
    SourceError,
    csv_bytes,
    gzip_error,
    lines,
    open_bytes,
    parquet_files,
    source_files,
)
from c360.pipeline.bronze.csvhead import find_start, first_bytes
from c360.pipeline.bronze.csvquotes import NEWLINE, RETURN, toggles, value_starts, within
from c360.pipeline.bronze.csvtext import utf8_copy, wide
from c360.pipeline.bronze.jsonfile import json_array, json_utf8, lines_as_array
from c360.pipeline.bronze.textfolder import text_files

_BLOCK = 1 << 24
_PIECE = 1 << 22  # how much of a file ``filled_lines`` looks at a time


def count(
    path: Path | Database, contract: Table, quoted: bool = False, dialect: CsvFile = PLAIN_CSV
) -> int:
    """Records in a source (a CSV's lines other than its header and empty ones; with
    ``quoted``, its records as ``csv_records`` splits them, a CSV written as ``dialect``
    says); a folder's files added up."""
    if not isinstance(path, Path):
        return path.count()
    files = source_files(path, contract)
    if files != [path]:
        return sum(count(file, contract, quoted, dialect) for file in files)
    fmt = contract.file_format
    if fmt == "text":
        return len(text_files(path))
    if fmt in ("parquet", "parquet_dir") or path.suffix == ".parquet":
        return sum(_parquet_rows(file) for file in parquet_files(path))
    if fmt in ("json", "jsonl", "mongo_jsonl"):
        try:  # decompressed as it is counted, when it is gzip; in UTF-8, as it lands
            with json_utf8(path) as (text, _, head):
                return _json_count(text, fmt, head)
        except GZIP_ERRORS as exc:
            raise gzip_error(path, exc) from None
    try:  # a CSV; a .csv.gz's text, decompressed as it is counted
        if codec := wide(first_bytes(path), dialect.encoding):  # counted as it lands: in UTF-8
            with utf8_copy(path, codec) as text:
                return _csv_count(text, quoted, dialect.model_copy(update={"encoding": "utf-8"}))
        return _csv_count(path, quoted, dialect)
    except GZIP_ERRORS as exc:
        raise gzip_error(path, exc) from None


def _json_count(path: Path, fmt: str, head: bytes) -> int:
    """The documents of a JSON array, or the non-empty lines of JSON lines (UTF-8 text
    starting with ``head``)."""
    docs = json_array(path) if fmt == "json" else lines_as_array(path, head)
    if docs is not None:
        return len(docs)
    with open_bytes(path) as f:  # JSON lines, split as the reader splits them
        return sum(map(bool, map(bytes.strip, lines(f))))


def _csv_count(path: Path, quoted: bool, dialect: CsvFile) -> int:
    """A CSV's non-empty lines other than its header, or (``quoted``) its records."""
    if quoted:  # the delimiter of Excel's sep= line, if any
        start = find_start(path, first_bytes(path), dialect)
        return csv_records(path, delimiter=start.delimiter or dialect.delimiter)
    with csv_bytes(path) as f:  # the CSV reader skips empty lines only, not blank ones
        filled = filled_lines(f)
    return max(filled - 1, 0)  # a CSV's first line is its header


def filled_lines(file: io.BufferedIOBase, size: int = _PIECE) -> int:
    """The lines of a file (split at ``\\n``, as iterating it splits them) holding a byte other
    than ``\\r`` and ``\\n``, counted ``size`` bytes at a time rather than line by line."""
    filled, open_line = 0, False  # whether the line not ended yet holds such a byte
    while piece := file.read(size):
        data = piece.replace(b"\r", b"") if b"\r" in piece else piece
        breaks = data.count(b"\n")
        if not breaks:
            open_line = open_line or bool(data)
            continue
        empty = int(not open_line and data[0] == NEWLINE)  # the line ending first
        if b"\n\n" in data:  # the lines between two breaks
            ends = np.flatnonzero(np.frombuffer(data, np.uint8) == NEWLINE)
            empty += int(np.count_nonzero(np.diff(ends) == 1))
        filled += breaks - empty
        open_line = data[-1] != NEWLINE
    return filled + open_line


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


def csv_records(path: Path, block: int = _BLOCK, delimiter: str = ",") -> int:
    """Non-empty records of a CSV other than its header: a line break (``\\n``, ``\\r\\n`` or a
    lone ``\\r``) ends a record only outside quotes. A quote opens a quoted value only where a
    value starts, as the CSV reader takes it: in ``5" screen`` it is a character of the value.
    A ``.csv.gz`` is counted as its text."""
    starts = value_starts(delimiter)
    records = 0
    inside = filled = False  # whether a quoted value, a record with content, is open
    before = NEWLINE  # the byte before the block: the file starts with a value
    with csv_bytes(path) as f:
        while data := f.read(block):
            # whether a \r is a line break, a quote one in a value, depends on the next byte
            while data.endswith((b"\r", b'"')) and (byte := f.read(1)):
                data += byte
            chars = np.frombuffer(data, np.uint8)
            breaks = np.flatnonzero(chars == NEWLINE)
            returns = np.flatnonzero(chars[:-1] == RETURN)
            lone = returns[chars[returns + 1] != NEWLINE]
            if chars[-1] == RETURN:  # the file's last byte
                lone = np.append(lone, len(chars) - 1)
            if lone.size:
                breaks = np.union1d(breaks, lone)
            toggled, after = toggles(chars, inside, before, starts)
            ends, inside = breaks[~within(toggled, breaks, inside)], after
            before = int(chars[-1])
            if len(ends):
                starts_at = np.r_[0, ends[:-1] + 1]
                length = ends - starts_at  # a record's bytes before its line break
                last = chars[np.maximum(ends - 1, 0)]
                content = (length > 1) | ((length == 1) & (last != RETURN))
                content[0] |= filled
                records += int(content.sum())
                data = data[int(ends[-1]) + 1 :]
                filled = False
            filled = filled or bool(data.strip(b"\r\n"))
    return max(records + filled - 1, 0)  # the first record is the header
