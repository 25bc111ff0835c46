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
from c360.pipeline.bronze.csvkinds import (
    NEVER_NAMES,
    Described,
    contract_values,
    is_known,
    kind_of,
    lined_up,
    year_names,
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


def refuse_headerless(
    path: Path,
    fields: tuple[list[str], list[str]],
    contract: Table,
    dialect: CsvFile,
    folder: Path | None = None,
) -> None:
    """Stop on a CSV whose first line (``fields``: it and the next record, as ``read_header``
    gives them) reads as data, not a header: landed, its first record would name the columns
    and be lost.

    A line is a header when no field looks like a value (an e-mail address, a date, a number,
    a boolean, or a value the contract allows or describes, ``is_known``; consecutive years side
    by side are a wide table's names, ``year_names``), or when half its fields or more name
    contract columns (``_named``: spelt or mapped, and no value). Any other line is data when
    a file of its ``folder`` has a header of as many fields, fewer than half of them spelt as
    the line's in the same place, over a record of the line's kinds (``lined_up``; or the
    line is of its own next record's), and the line holds a value where that header has a
    name over a value of its kind (a part of a split export). Failing that, it is a header
    when it names more columns than it holds e-mail addresses and booleans (which name no
    column: a wide table's names stand beside its days or numbers, never beside those), and
    data when a quarter of its fields or more are values and the next record, if any, has
    fields of the same kinds in the same places: a header's names stand over values of other
    kinds (``2024-06-01`` over a stock count). Values the contract knows count as values there
    too when one stands over another in the next record, or, without one, beside a value of a
    kind (a header pivoted by them, ``WH-PAR``, stands over counts or blanks, or alone)."""
    line, after = fields
    kinds = [kind_of(f) for f in line]
    described = contract_values(contract)
    known = [
        f.strip()
        for f, k in zip(line, kinds, strict=True)
        if k == "text" and is_known(f, described)
    ]
    valued = [i for i, k in enumerate(kinds) if k not in ("", "text")]
    if not valued and not known:
        return  # a header (the usual case: it names every column)
    periods = year_names(line, after)
    values = [line[i].strip() for i in valued if i not in periods]
    filled = [f for f in line if f.strip()]
    names = _named(line, after, contract, dialect, described[0])
    if not (values or known) or 2 * len(names) >= len(filled):
        return  # a header: of a wide table's years, or naming columns
    if folder is not None and (
        other := _other_header(path, line, after, periods, described, contract, dialect, folder)
    ):
        inside, header, value, name = other
        raise SourceError(
            f"{path} has no header row: its first line reads as data ({_shown(line)}): {value!r} "
            f"where the header of {inside} ({_shown(header)}) names {name!r}: write that header "
            "as its first line (a part of a split export?)"
        )
    if len(names) > sum(k in NEVER_NAMES for k in kinds):
        return  # names beside days or numbers: a wide table's header
    enough = 4 * len(values) >= len(filled)
    if (values and not after) or any(
        is_known(f, described) and is_known(b, described) for f, b in zip(line, after, strict=False)
    ):  # values it knows count too: beside a value of a kind alone, or over values it knows
        enough = enough or 4 * len(values + known) >= len(filled)
    if enough and (not after or lined_up(line, after)):
        raise SourceError(
            f"{path} has no header row: its first line reads as data ({_shown(line)}; "
            f"{(values or known)[0]!r} names no column): write a header naming its columns as "
            f"c360 docs data-model lists them, or mapped under csv: {contract.name}: columns: "
            "in c360.yaml"
        )


def _named(
    line: list[str], after: list[str], contract: Table, dialect: CsvFile, allowed: frozenset[str]
) -> list[int]:
    """Where ``line`` spells or maps a contract column by a name that is no value: not one the
    next record ``after`` repeats in its place (``email`` as a channel, twice), nor one the
    contract allows in a column (``allowed``, in one case: ``email``, a channel of
    crm_customers and its column too).

    >>> from c360.contracts.model import Column
    >>> kinds = (Column("id", "string"), Column("email", "string"),
    ...          Column("channel", "string", allowed=("email", "phone")))
    >>> people = Table("p", "x", "", kinds)
    >>> PLAIN = CsvFile()
    >>> _named(["Id", "email", "x"], [], people, PLAIN, {"email", "phone"})
    [0]
    >>> _named(["id"], ["id"], people, PLAIN, set())
    []
    """
    known = {n.casefold() for n in contract.column_names}
    below = [f.strip().casefold() for f in after] + [""] * len(line)
    written = [f.strip().casefold() for f in line]
    return [
        i
        for i, name in enumerate(_names(line, contract, dialect))
        if name in known and written[i] != below[i] and written[i] not in allowed
    ]


def _names(line: list[str], contract: Table, dialect: CsvFile) -> list[str]:
    """The names of a line, as contract columns where it spells or maps them, in one case."""
    return [n.strip().casefold() for n in contract_names(line, contract, dialect.columns)]


def _other_header(
    path: Path,
    line: list[str],
    after: list[str],
    periods: set[int],
    described: Described,
    contract: Table,
    dialect: CsvFile,
    folder: Path,
) -> tuple[str, list[str], str, str] | None:
    """A file of ``folder`` (named inside it) whose header, naming columns of the contract,
    has as many fields as ``line``, fewer than half of them named as in ``line`` in the same
    place, and whose first record, or the line's next one ``after``, has fields of the kinds of
    ``line``'s (``lined_up``: a free-form column, a phone or a postcode, may differ); with
    the first value of ``line`` (but for its ``periods``) standing where that header has a
    name over a value of its kind (or a value the contract allows or describes over another,
    ``is_known``), and that name."""
    known = {n.casefold() for n in contract.column_names}
    spelt = _names(line, contract, dialect)
    filled = sum(1 for f in line if f.strip())
    for file in source_files(folder, contract):
        if file == path or not file.name.lower().endswith((".csv", ".csv.gz")):
            continue
        header, record = _head_of(file, dialect)
        if len(header) != len(spelt) or not (lined_up(line, record) or lined_up(line, after)):
            continue  # no header, or records of other kinds: the line is a header of names
        names = _names(header, contract, dialect)
        if (
            not set(names) & known
            or 2 * sum(1 for a, b in zip(spelt, names, strict=True) if a and a == b) >= filled
        ):
            continue  # no header, or one naming the line's columns in their places
        for i, (written, name, below) in enumerate(zip(line, header, record, strict=True)):
            kind = kind_of(written)
            if i in periods or kind_of(name) != "text":
                continue
            if (kind not in ("", "text") and kind == kind_of(below)) or (
                kind == "text" and is_known(written, described) and is_known(below, described)
            ):
                return file.relative_to(folder).as_posix(), header, written.strip(), name.strip()
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
