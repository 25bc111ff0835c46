"""A transactions file compressed with gzip, read as the file it holds (``c360 clv fit``).

Told by its first bytes, whatever its name; the name without ``.gz`` tells the format, as
:func:`c360.identity.files.read_rows` reads it (a CSV when it names no other). The data are
decompressed as they are read, never to disk: a CSV streams through Arrow's reader, JSON lines
are decoded a batch of lines at a time; a Parquet file, which is read from its end, is
decompressed in memory. The text is UTF-8 (a CSV line in another encoding is not read as
Windows-1252 here: decompress the file for that).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zlib
from collections.abc import Collection, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from c360.errors import first_line
from c360.identity.files import (
    JSON,
    PARQUET,
    UnreadableFileError,
    _decode,
    _JsonRows,
    delimiter,
)

MAGIC = b"\x1f\x8b"  # the first two bytes of gzip data
_SEP_LINE = re.compile(r"sep=(.)", re.IGNORECASE)  # Excel's "sep=;" before the header
_CSV_BLOCK = 1 << 20  # bytes Arrow parses at a time (its default), more for a longer value
_LARGEST_BLOCK = 1 << 30
_BATCH = 10_000  # JSON lines decoded at a time
_BLANK = " \t\r"  # JSON's white space but the line end
# JSON with every number kept as its text and an object as its key-value pairs, as
# c360.identity.files decodes it.
_DECODER = json.JSONDecoder(
    object_pairs_hook=tuple, parse_float=str, parse_int=str, parse_constant=str
)
_NOT_UTF8 = "its text is not UTF-8 (decompress it: a CSV line that is not is then read as cp1252)"


def is_gzip(path: Path) -> bool:
    """Whether the file at ``path`` holds gzip data (a folder or an unreadable file does not)."""
    try:
        with path.open("rb") as file:
            return file.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def inner_suffix(path: Path) -> str:
    """The suffix of the file compressed: ``.jsonl`` for ``orders.jsonl.gz``; the name's own
    when it does not end in ``.gz``.

    >>> inner_suffix(Path("fct_orders.JSONL.gz")), inner_suffix(Path("sales.csv"))
    ('.jsonl', '.csv')
    """
    name = path.name
    return Path(name[:-3]).suffix.lower() if name.lower().endswith(".gz") else path.suffix.lower()


def read_gzip(
    path: Path, uneven: list[int], columns: Collection[str] | None = None
) -> tuple[pa.Table, list[str]]:
    """The table of the gzip-compressed CSV, JSON lines or Parquet file at ``path`` and notes on
    it, read as :func:`c360.identity.files.read_rows` reads the file uncompressed: CSV rows of
    another width left out, their numbers added to ``uneven``; given the ``columns`` used, a
    JSON column of lists or objects is left out."""
    suffix = inner_suffix(path)
    try:
        if suffix in PARQUET:
            with gzip.open(path, "rb") as file:
                return pq.read_table(pa.BufferReader(file.read())), []
        if suffix in JSON:
            return _json(path, columns), []
        return _csv(path, uneven), []
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise UnreadableFileError(
            f"cannot read {path}: its gzip data end too soon or are damaged (cut short?): "
            f"{first_line(exc)}"
        ) from None
    except UnicodeDecodeError:
        raise UnreadableFileError(f"cannot read {path}: {_NOT_UTF8}") from None
    except pa.ArrowInvalid as exc:
        if "UTF8" in str(exc):
            raise UnreadableFileError(f"cannot read {path}: {_NOT_UTF8}") from None
        raise UnreadableFileError(f"cannot read {path}: {_arrow_reason(exc)}") from None
    except (OSError, pa.ArrowException, csv.Error) as exc:
        raise UnreadableFileError(f"cannot read {path}: {_arrow_reason(exc)}") from None


def _arrow_reason(exc: Exception) -> str:
    """Why Arrow or the system could not read: a cut gzip stream said so."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else first_line(exc)
    if any(word in reason.lower() for word in ("gzip", "zlib", "truncated", "compressed")):
        return f"its gzip data end too soon or are damaged (cut short?): {reason}"
    return reason


def _csv(path: Path, uneven: list[int]) -> pa.Table:
    """The CSV: its delimiter told by its header (or Excel's ``sep=`` line before it), every
    column text, only blanks missing, rows of another width left out and numbered."""
    with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as text:
        header = text.readline()
        excel = _SEP_LINE.fullmatch(header.rstrip("\r\n"))
        if excel:
            header = text.readline()
    if not header.strip():
        raise UnreadableFileError(f"{path} is empty: its first line names no column")
    sep = excel.group(1) if excel else delimiter(header)
    names = next(csv.reader([header], delimiter=sep))
    first = 2 if excel else 1  # the line of the header

    def leave_out(row: pacsv.InvalidRow) -> str:
        uneven.append(row.number - first)
        return "skip"

    block = _CSV_BLOCK
    while True:
        uneven.clear()
        try:
            with pa.input_stream(str(path), compression="gzip") as stream:
                return pacsv.read_csv(
                    stream,
                    read_options=pacsv.ReadOptions(
                        use_threads=False, skip_rows=first - 1, block_size=block
                    ),
                    parse_options=pacsv.ParseOptions(
                        delimiter=sep, newlines_in_values=True, invalid_row_handler=leave_out
                    ),
                    convert_options=pacsv.ConvertOptions(
                        column_types={name: pa.string() for name in names},
                        strings_can_be_null=True,
                        null_values=[""],
                    ),
                )
        except pa.ArrowInvalid as exc:  # a value longer than a block: bigger blocks
            if not str(exc).startswith("straddling object") or block >= _LARGEST_BLOCK:
                raise
            block *= 8


def _json(path: Path, columns: Collection[str] | None) -> pa.Table:
    """JSON lines (blank lines passed over), or one array of objects, as text columns."""
    with gzip.open(path, "rb") as raw, io.TextIOWrapper(raw, "utf-8-sig", newline="\n") as text:
        lines = (line.rstrip("\n").strip(_BLANK) for line in text)
        numbered = ((n, line) for n, line in enumerate(lines, 1) if line)
        start = next(numbered, None)
        if start is not None and start[1].startswith("["):
            rest = "\n".join(line for _, line in numbered)
            return _array(path, start[1] + "\n" + rest, columns)
        numbers: list[int] = []
        rows = _JsonRows(path, "line", numbers, columns)
        batch = [start] if start is not None else []
        for part in _batches(batch, numbered):
            at = len(numbers)
            numbers.extend(n for n, _ in part)
            rows.add(_decode(path, [line for _, line in part], numbers[at:]), at)
        return rows.table()


def _batches(
    first: list[tuple[int, str]], rest: Iterator[tuple[int, str]]
) -> Iterator[list[tuple[int, str]]]:
    """``first`` and ``rest`` in lists of :data:`_BATCH` at most."""
    batch = first
    for item in rest:
        batch.append(item)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _array(path: Path, text: str, columns: Collection[str] | None) -> pa.Table:
    """One JSON array of objects."""
    try:
        found = _DECODER.decode(text)
    except ValueError as exc:
        raise UnreadableFileError(f"cannot read {path}: not JSON ({first_line(exc)})") from None
    found = found if isinstance(found, list) else [found]
    rows = _JsonRows(path, "object", range(1, len(found) + 1), columns)
    for at in range(0, len(found), _BATCH):
        rows.add(found[at : at + _BATCH], at)
    return rows.table()
