"""People files as they come: a CSV of any common dialect or a Parquet file, read as text.

The reading and writing of the standalone entry point (:mod:`c360.identity.dedupe`): no schema
is known in advance, so every CSV column is text and only blanks count as missing.
"""

from __future__ import annotations

import codecs
import csv
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

DELIMITERS = ",;\t|"
ENCODINGS = ("utf-8", "cp1252")  # a file that is not UTF-8 is most often a Windows export
PARQUET = (".parquet", ".pq")
_QUOTE = ord('"')
_BLOCK = 1 << 24  # bytes looked at a time when following a CSV's quotes


class UnreadableFileError(Exception):
    """A file is missing or cannot be read as CSV or Parquet; the message says which and why."""


def read_rows(path: Path) -> tuple[pa.Table, list[str]]:
    """A CSV file (delimiter sniffed, every column text) or a Parquet file, and notes on it."""
    _check_file(path)
    try:
        if path.suffix.lower() in PARQUET:
            return pq.read_table(path), []
        for encoding in ENCODINGS:
            try:
                table = _read_csv(path, encoding)
            except UnicodeDecodeError:
                continue
            except pa.ArrowInvalid as exc:
                if "UTF8" not in str(exc):
                    raise
                continue
            note = f"{path} is not UTF-8: read as {encoding}"
            return table, [] if encoding == ENCODINGS[0] else [note]
    except (OSError, pa.ArrowException, csv.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else _first_line(exc)
        raise UnreadableFileError(f"cannot read {path}: {reason}") from None
    raise UnreadableFileError(f"cannot read {path}: neither UTF-8 nor Windows-1252 text")


def _check_file(path: Path) -> None:
    """A regular file with something in it, or an error saying what ``path`` is instead."""
    expected = "give a CSV or Parquet file"
    if path.is_dir():
        raise UnreadableFileError(f"{path} is a folder, not a file: {expected}")
    if not path.exists():
        raise UnreadableFileError(f"no such file: {path}")
    if not path.is_file():
        raise UnreadableFileError(f"{path} is not a regular file: {expected}")
    if path.stat().st_size == 0:
        raise UnreadableFileError(f"{path} is empty (0 bytes): {expected}")


def delimiter(header: str) -> str:
    """The most frequent of :data:`DELIMITERS` in a header line; a comma when none is there.

    >>> delimiter("id;name;e-mail, work"), delimiter("id\\tname"), delimiter("id")
    (';', '\\t', ',')
    """
    return max(DELIMITERS, key=header.count) if any(map(header.count, DELIMITERS)) else ","


def _read_csv(path: Path, encoding: str) -> pa.Table:
    with path.open(encoding="utf-8-sig" if encoding == "utf-8" else encoding, newline="") as f:
        header = f.readline()
        more = not header.strip() and any(line.strip() for line in f)
    if more:
        raise UnreadableFileError(
            f"{path}: its first line is blank, where the column names belong (remove it)"
        )
    if not header.strip():
        raise UnreadableFileError(f"{path} is empty: its first line names no column")
    sep = delimiter(header)
    names = next(csv.reader([header], delimiter=sep))
    table = pacsv.read_csv(
        path,
        read_options=pacsv.ReadOptions(encoding=encoding),
        parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={name: pa.string() for name in names},
            strings_can_be_null=True,
            null_values=[""],  # "NA" is Namibia and "null" a note: only blanks are missing
        ),
    )
    if _ends_inside_quotes(path, sep, encoding):  # the reader keeps what the file holds
        raise UnreadableFileError(f"{path} ends inside a quoted value (cut short?)")
    return table


def _ends_inside_quotes(path: Path, sep: str, encoding: str) -> bool:
    """Whether a CSV ends inside a quoted value, its quotes taken as the CSV reader takes them.

    Quotes come in runs. Where a value starts, a run opens a quoted value and leaves it open
    if its length is odd (``""`` is an empty value); in a quoted value, a pair is one quote of
    the value and an odd run closes it; anywhere else quotes are characters (``5" screen``).
    So an odd run flips the state where a value starts and closes any quoted value elsewhere.
    """
    chars = np.memmap(path, np.uint8, mode="r")
    starts = np.zeros(256, bool)  # the bytes after which a value starts
    starts[[ord(sep), ord("\n"), ord("\r")]] = True
    bom = encoding == "utf-8" and chars[:3].tobytes() == codecs.BOM_UTF8
    at = first = 3 if bom else 0  # the reader skips a UTF-8 byte order mark
    inside = False
    while at < len(chars):
        end = min(at + _BLOCK, len(chars))
        while end < len(chars) and chars[end - 1] == _QUOTE:  # a run of quotes in one block
            end += 1
        quotes = np.flatnonzero(chars[at:end] == _QUOTE) + at
        runs = np.flatnonzero(np.diff(quotes, prepend=-2) != 1)  # each run's first quote
        odd = np.diff(runs, append=len(quotes)) % 2 == 1
        opens = (quotes[runs] == first) | starts[chars[np.maximum(quotes[runs] - 1, 0)]]
        flips = odd & opens
        if (closes := np.flatnonzero(odd & ~opens)).size:
            inside, flips = False, flips[closes[-1] :]
        inside ^= bool(flips.sum() % 2)
        at = end
    return inside


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def write_rows(table: pa.Table, out: Path | BinaryIO) -> None:
    """``table`` as CSV, or as Parquet when ``out`` is a path ending in ``.parquet``."""
    if isinstance(out, Path) and out.suffix.lower() in PARQUET:
        pq.write_table(table, out)
        return
    pacsv.write_csv(table, str(out) if isinstance(out, Path) else out)
