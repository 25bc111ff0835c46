"""The head of a CSV file: what it is by its first bytes, where its header starts, what it names.

Records are numbered from the header on. Lines before it are quarantined as record 0 (the
record count counts them): Excel's ``sep=;``, whose delimiter the file is then read with, and
lines without values (spaces, delimiters: a spreadsheet's empty rows).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa

from c360.contracts.model import Table
from c360.file_dialects import CsvFile
from c360.pipeline.bronze.blocks import (
    GZIP_ERRORS,
    UTF8_BOM,
    Reject,
    SourceError,
    contract_names,
    csv_bytes,
    refuse_packed,
    refuse_utf16,
    source_files,
)
from c360.pipeline.bronze.csvtext import wide

# What a file named .csv may be instead, by its first bytes.
_NOT_CSV = {
    b"\x1f\x8b": "compressed with gzip, not CSV text: name it .csv.gz, or decompress it (gunzip)",
    b"PK\x03\x04": "a ZIP archive (an Excel workbook?), not CSV text: export it as CSV",
    b"\xd0\xcf\x11\xe0": "an Excel 97-2003 workbook, not CSV text: export it as CSV",
    b"PAR1": "a Parquet file, not CSV text",
}
_HEAD_BYTES = 4096


def refuse_other_formats(path: Path, head: bytes) -> None:
    """Refuse a file named .csv that is something else, by its first bytes ``head``."""
    if what := next((kind for magic, kind in _NOT_CSV.items() if head.startswith(magic)), None):
        raise SourceError(f"{path} is {what}")
    refuse_packed(path, head, "CSV text")
    refuse_utf16(path, " (a spreadsheet's 'Unicode text'): save it as a UTF-8 CSV")


# Bytes no header of CSV text holds (a tab, a carriage return and a line break aside).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def refuse_binary(path: Path, head: bytes, start: Start) -> None:
    """Refuse a file named .csv whose header (in ``head``, from ``start``) holds control bytes:
    binary data, not text; its header read as column names would be bytes escaped."""
    header = _LINE.match(head, start.offset or 0)
    if header is not None and _CONTROL.search(header[0]):
        raise SourceError(
            f"{path} is not CSV text: its header holds control bytes (binary data?), "
            "not column names"
        )


def first_bytes(path: Path) -> bytes:
    """The first bytes of a file (of its text, for a ``.csv.gz``)."""
    with csv_bytes(path) as file:
        return file.read(_HEAD_BYTES)


@dataclass
class Start:
    """Where a CSV's header starts (``offset``: none without one), after a byte order mark,
    empty lines, and lines set aside (``rejects``, each record 0: records are numbered from
    the header on, as in a file without them): lines without values (spaces, delimiters: a
    spreadsheet's empty rows) and Excel's ``sep=;``, naming the file's ``delimiter``; the
    file's text from the header with a line break after it, when it has none (``whole``: a
    header alone, which Arrow would not see without one)."""

    offset: int | None
    rejects: list[Reject] = field(default_factory=list)
    delimiter: str | None = None
    whole: bytes | None = None


_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\n|\r|\Z)")
_SEP = re.compile(rb"sep=([\t -!#-~])")  # Excel's line naming an ASCII delimiter, not a quote
SEP_LINE = "Excel's sep= line naming the delimiter, not a record"
BLANK_LINE = "a line without values before the header"


def find_start(path: Path, head: bytes, dialect: CsvFile) -> Start:
    """Where the header of the file starting with ``head`` starts."""
    start, delimiter, end = Start(None), dialect.delimiter, 0
    for line in _LINE.finditer(head):
        if not line[0].endswith((b"\n", b"\r")) and len(head) == _HEAD_BYTES:
            break  # a line the head cuts short: the header
        raw = line[0].rstrip(b"\r\n")
        text = raw.removeprefix(UTF8_BOM) if line.start() == 0 else raw
        if start.delimiter is None and (sep := _SEP.fullmatch(text)):
            start.delimiter = delimiter = sep[1].decode("ascii")
            reason = SEP_LINE
        elif text.strip(b" \t" + delimiter.encode(dialect.encoding, "replace")):
            break  # the header
        else:
            reason = BLANK_LINE
        if raw:  # an empty line is no record (Arrow skips it)
            shown = text.decode(dialect.encoding, "replace")
            start.rejects.append((str(path), 0, shown, reason))
        end = line.end()
    else:
        return start  # none but such lines
    start.offset = end if end > (len(UTF8_BOM) if head.startswith(UTF8_BOM) else 0) else 0
    start.whole = _one_line(path, head, start.offset)
    return start


def _one_line(path: Path, head: bytes, offset: int) -> bytes | None:
    """A file's text from ``offset`` with a line break after it, when it has none."""
    if b"\n" in head[offset:] or b"\r" in head[offset:]:
        return None
    chunks = []
    with csv_bytes(path) as file:
        file.seek(offset)
        while chunk := file.read(1 << 20):
            if b"\n" in chunk or b"\r" in chunk:
                return None
            chunks.append(chunk)
    return b"".join(chunks) + b"\n"


def arrow_source(path: Path, start: Start) -> Path | BinaryIO:
    """What Arrow reads: the file, or its text from the header."""
    if start.whole is not None:
        return io.BytesIO(start.whole)
    if not start.offset:
        return path
    file = pa.OSFile(str(path))
    file.seek(start.offset)
    return file


def read_header(
    path: Path, dialect: CsvFile, offset: int = 0, errors: str = "replace"
) -> tuple[list[str], list[str]]:
    """The names in the file's first record (from ``offset``), as Arrow will read them (bytes
    that do not decode as the error handler ``errors`` writes them), and the fields of the
    next non-empty record (none if it is not within the first 64 KiB).

    >>> import tempfile
    >>> file = Path(tempfile.mkdtemp()) / "p.csv"
    >>> _ = file.write_bytes(b'\\xef\\xbb\\xbfid;"a;b"\\r\\n\\r\\n1;2;\\r\\n')
    >>> read_header(file, CsvFile(delimiter=";"))
    (['id', 'a;b'], ['1', '2', ''])
    """
    with path.open("rb") as file:
        file.seek(offset)
        head = file.read(1 << 16).decode(dialect.encoding, errors).removeprefix("\ufeff")
    records = csv.reader(io.StringIO(head, newline=""), delimiter=dialect.delimiter)
    header = next(records, [])
    try:
        first = next((record for record in records if record), [])
    except csv.Error:  # a quoted value running past the 64 KiB
        first = []
    return header, first


# Kinds of value no header names a column by: an e-mail address, a date, a number, a boolean.
_KINDS = {
    "e-mail": re.compile(r"[^@\s]+@[^@\s]+\.\w+"),
    "date": re.compile(r"\d{4}-\d\d-\d\d(?:[ T][\d:.]+)?|\d\d?[./-]\d\d?[./-]\d{2,4}"),
    "integer": re.compile(r"[-+]?\d+"),
    "decimal": re.compile(r"[-+]?\d+[.,]\d+"),
    "boolean": re.compile(r"true|false", re.IGNORECASE),
}


def refuse_headerless(
    path: Path,
    fields: tuple[list[str], list[str]],
    contract: Table,
    dialect: CsvFile,
    folder: Path | None = None,
) -> None:
    """Stop on a CSV whose first line (``fields``: it and the next record, as ``read_header``
    gives them) reads as data, not a header: landed, its first record would name the columns
    and be lost. A line is a header when a field names a contract column or a mapped name (but
    one the next record repeats in its place: ``email``, a channel), or when no field looks
    like a value (an e-mail address, a date, a number, a boolean). Any other line is data when
    its fields are of the kinds of the first record of a file of its ``folder`` whose header
    has as many fields, none named in the same place (a part of a split export); or when a
    quarter of its fields or more are values and the next record, if any, has fields of the
    same kinds in the same places (``_lined_up``): a header's names stand over values of other
    kinds (``2024-06-01`` over a stock count)."""
    line, after = fields
    values = [f.strip() for f in line if _kind(f) not in ("", "text")]
    if not values or _names_a_column(line, after, contract, dialect):
        return  # a header (the usual case: it names every column)
    if folder is not None and (other := _other_header(path, line, contract, dialect, folder)):
        inside, header = other
        raise SourceError(
            f"{path} has no header row: its first line reads as data ({_shown(line)}), as many "
            f"fields as the header of {inside} ({_shown(header)}) but none of its names in its "
            "place: write that header as its first line (a part of a split export?)"
        )
    named = [f for f in line if f.strip()]
    if 4 * len(values) >= len(named) and (not after or _lined_up(line, after)):
        raise SourceError(
            f"{path} has no header row: its first line reads as data ({_shown(line)}; "
            f"{values[0]!r} names no column): write a header naming its columns as "
            f"c360 docs data-model lists them, or mapped under csv: {contract.name}: columns: "
            "in c360.yaml"
        )


def _kind(field: str) -> str:
    """What a field looks like: blank (``""``), a value of one of ``_KINDS``, or text.

    >>> [_kind(f) for f in ["", "a@x.com", "2024-06-01", "-5", "2,5", "TRUE", "P1", "Nr"]]
    ['', 'e-mail', 'date', 'integer', 'decimal', 'boolean', 'text', 'text']
    """
    field = field.strip()
    if not field:
        return ""
    return next((kind for kind, looks in _KINDS.items() if looks.fullmatch(field)), "text")


def _lined_up(line: list[str], record: list[str]) -> bool:
    """Whether ``record`` has as many fields as ``line``, of the same kinds in the same places
    (a blank field of either matching any).

    >>> _lined_up(["C3", "5", ""], ["C4", "", "2024-01-01"]), _lined_up(["2024-06-01"], ["5"])
    (True, False)
    """
    return len(line) == len(record) and all(
        a == b or not (a and b) for a, b in zip(map(_kind, line), map(_kind, record), strict=True)
    )


def _names_a_column(line: list[str], after: list[str], contract: Table, dialect: CsvFile) -> bool:
    """Whether a field of ``line`` spells or maps a contract column, but for one the next
    record ``after`` repeats in its place (a value: ``email`` as a channel, twice)."""
    known = {n.casefold() for n in contract.column_names}
    below = [f.strip().casefold() for f in after] + [""] * len(line)
    spelt = _names(line, contract, dialect)
    return any(
        n in known and f.strip().casefold() != b
        for n, f, b in zip(spelt, line, below, strict=False)
    )


def _names(line: list[str], contract: Table, dialect: CsvFile) -> list[str]:
    """The names of a line, as contract columns where it spells or maps them, in one case."""
    return [n.strip().casefold() for n in contract_names(line, contract, dialect.columns)]


def _other_header(
    path: Path, line: list[str], contract: Table, dialect: CsvFile, folder: Path
) -> tuple[str, list[str]] | None:
    """A file of ``folder`` (named inside it) whose header, naming columns of the contract,
    has as many fields as ``line`` but none named in the same place, nor most of them at all,
    and whose first record has fields of the kinds of ``line``'s (``_lined_up``)."""
    known = {n.casefold() for n in contract.column_names}
    spelt = _names(line, contract, dialect)
    for file in source_files(folder, contract):
        if file == path or not file.name.lower().endswith((".csv", ".csv.gz")):
            continue
        header, record = _head_of(file, dialect)
        if len(header) != len(spelt) or not _lined_up(line, record):
            continue  # no header, or records of other kinds: the line is a header of names
        names = _names(header, contract, dialect)
        if not set(names) & known or any(a == b for a, b in zip(spelt, names, strict=True) if a):
            continue  # no header, or one naming a column of the line in its place
        if 4 * len(set(spelt) & (set(names) | known) - {""}) <= len(spelt):
            return file.relative_to(folder).as_posix(), header
    return None


def _head_of(path: Path, dialect: CsvFile) -> tuple[list[str], list[str]]:
    """The fields of a CSV's first record after the lines ``find_start`` sets aside, and of
    the record after it (none when it has none or cannot be read)."""
    try:
        head = first_bytes(path)
    except (OSError, *GZIP_ERRORS):
        return [], []
    if codec := wide(head, dialect.encoding):
        head = head.decode(codec, "replace").removeprefix("\ufeff").encode()
        dialect = dialect.model_copy(update={"encoding": "utf-8"})
    elif head.startswith(UTF8_BOM):
        dialect = dialect.model_copy(update={"encoding": "utf-8"})
    start = find_start(path, head, dialect)
    if start.offset is None:
        return [], []
    text = head[start.offset :].decode(dialect.encoding, "replace").removeprefix("\ufeff")
    records = csv.reader(
        io.StringIO(text, newline=""), delimiter=start.delimiter or dialect.delimiter
    )
    try:
        return next(records, []), next((record for record in records if record), [])
    except csv.Error:  # a quoted value running past the 64 KiB
        return [], []


def _shown(fields: list[str]) -> str:
    """The first four of a record's fields, and an ellipsis for more.

    >>> _shown(["C3", "", "c@x.com", "2024-01-01", "active"]), _shown(["A", "35"])
    ('C3, , c@x.com, 2024-01-01, …', 'A, 35')
    """
    return ", ".join(fields[:4]) + (", …" if len(fields) > 4 else "")
