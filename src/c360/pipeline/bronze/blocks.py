"""What every bronze reader hands over: blocks of text columns with their rejects."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.model import Table
from c360.file_dialects import JSON_FORMATS

ROW_NUMBER = "_row_number"
BLOCK_ROWS = 100_000
LINE_BLOCK_BYTES = 1 << 23  # how much of a text file is split into lines at a time
NOT_UTF8 = "not UTF-8 text"  # the reason of a record whose bytes are not UTF-8
# What reading a file that is not what it claims raises: cut short, not Parquet, bad gzip.
READ_ERRORS = (OSError, EOFError, zlib.error, pa.ArrowInvalid)
# What decompressing a gzip file cut short or corrupt raises (a CRC or a length that differs).
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


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


# Formats read file by file, and the files of a folder that hold them (a folder of daily
# extracts, say; CSV and JSON compressed with gzip too). Parquet and text sources read their
# folders themselves.
FOLDER_FILES = {
    "csv": (".csv", ".csv.gz"), "table": (".csv", ".csv.gz", ".parquet"),
    "json": (".json", ".json.gz"),
    "jsonl": (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz"),
    "mongo_jsonl": (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz"),
}  # fmt: skip
_GZIP = b"\x1f\x8b"  # how a gzip file starts
UTF8_BOM = b"\xef\xbb\xbf"  # the UTF-8 byte order mark some Windows tools write first


def source_files(path: Path, contract: Table) -> list[Path]:
    """The files of a source: the file itself or, for a folder, its files of the source's
    format (hidden ones aside), by name, so that extracts named by date land in date order."""
    if not path.is_dir() or contract.file_format not in FOLDER_FILES:
        return [path]
    suffixes = FOLDER_FILES[contract.file_format]
    found = visible_files(path)
    files = [Path(f) for f in found if f.lower().endswith(suffixes)]
    if not files:
        raise _none_of(path, suffixes, found)
    return files


def folder_suffixes(contract: Table) -> tuple[str, ...]:
    """How the names of the files a folder of the contract's format lands end (none for a
    text folder, whose every file is a note)."""
    if contract.file_format in FOLDER_FILES:
        return FOLDER_FILES[contract.file_format]
    return (".parquet",) if contract.file_format in ("parquet", "parquet_dir") else ()


def left_aside(path: Path, contract: Table) -> list[str]:
    """The files of a source folder not of its format (``folder_suffixes``, matched as
    ``source_files`` and ``parquet_files`` match them), named inside it (``2024/a.csv.gz``),
    by name: they do not land. Hidden files are no part of the folder; a file has none."""
    suffixes = folder_suffixes(contract)
    if not suffixes or not path.is_dir():
        return []
    fold = str.lower if contract.file_format in FOLDER_FILES else str
    inside = len(os.path.join(path, ""))
    return [
        file[inside:].replace(os.sep, "/")
        for file in visible_files(path)
        if not fold(file).endswith(suffixes)
    ]


def open_bytes(path: Path) -> io.BufferedIOBase:
    """A text source's bytes, decompressed when the file is gzip (a warehouse's ``.json.gz``)."""
    with path.open("rb") as head:
        compressed = head.read(2) == _GZIP
    return gzip.open(path, "rb") if compressed else path.open("rb")


def gzip_named(path: Path) -> bool:
    """Whether a file's name says it is compressed with gzip (``orders.csv.gz``, in any case)."""
    return path.name[-3:].lower() == ".gz"


def csv_bytes(path: Path) -> io.BufferedIOBase:
    """A CSV's bytes: decompressed for a file named ``.gz`` that is gzip (``open_bytes``);
    other files as they are (a file named ``.csv`` holding gzip is refused by its first bytes)."""
    return open_bytes(path) if gzip_named(path) else path.open("rb")


def gzip_error(path: Path, error: Exception) -> SourceError:
    """What stops the run on a gzip file that does not decompress whole, naming it."""
    return SourceError(f"cannot read {path}: {error} (a gzip file cut short or corrupt)")


def lines(file: io.BufferedIOBase) -> Iterator[bytes]:
    """A text file's lines, each ended by ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old Mac files),
    as the JSON-lines reader and the record count both split them.

    >>> list(lines(io.BytesIO(b"a\\r\\nb\\rc\\r\\rd\\ne")))
    [b'a', b'b', b'c', b'', b'd', b'e']
    >>> list(lines(io.BytesIO(UTF8_BOM + b"\\n{}")))
    [b'', b'{}']
    """
    for block in line_blocks(file):
        yield from block


def line_blocks(file: io.BufferedIOBase, size: int = LINE_BLOCK_BYTES) -> Iterator[list[bytes]]:
    """The lines of ``lines``, a list of them for every ``size`` bytes or so: the file is
    split a piece at a time, at its last ``\\n``, rather than line by line.

    >>> list(line_blocks(io.BytesIO(UTF8_BOM + b"a\\r\\nb\\rc\\n\\nd\\r"), size=4))
    [[b'a'], [b'b', b'c', b''], [b'd']]
    >>> list(line_blocks(io.BytesIO(UTF8_BOM)))
    [[b'']]
    """
    pending: list[bytes] = []  # the pieces of a line not ended yet
    first = True
    while chunk := file.read(size):
        end = chunk.rfind(b"\n") + 1
        if not end:  # no line ends in it
            pending.append(chunk)
            continue
        part, pending = b"".join([*pending, chunk[:end]]), [chunk[end:]]
        if first:  # a byte order mark before the first line is not content
            part, first = part.removeprefix(UTF8_BOM), False
        # whole lines: split at b"\n", and each line at a lone b"\r" too
        yield part.splitlines() if b"\r" in part else part.split(b"\n")[:-1]
    if last := b"".join(pending):  # the last line, without a line break
        last = last.removeprefix(UTF8_BOM) if first else last
        yield last.splitlines() if b"\r" in last else [last]


# What a text source may be instead, by its first bytes: compressed otherwise than with gzip.
_BZIP2 = rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)"  # its mark, block size, a block or the end
_PACKED = [
    (re.compile(_BZIP2), "compressed with bzip2", "decompress it (bunzip2)"),
    (re.compile(rb"\xfd7zXZ\x00"), "compressed with xz", "decompress it (unxz)"),
    (re.compile(rb"\x28\xb5\x2f\xfd"), "compressed with zstd", "decompress it (unzstd)"),
    (re.compile(rb"7z\xbc\xaf\x27\x1c"), "a 7-Zip archive", "extract it"),
]


def refuse_packed(path: Path, head: bytes, text: str) -> None:
    """Stop on a source whose first bytes ``head`` say it is compressed otherwise than with
    gzip (which lands as its ``text`` would), not ``text``: ``CSV text``, ``JSON text``."""
    for mark, what, fix in _PACKED:
        if mark.match(head):
            raise SourceError(f"{path} is {what}, not {text}: {fix}")


def refuse_utf16(path: Path, advice: str, head: bytes | None = None) -> None:
    """Stop on a file written in UTF-16 (a byte order mark, or a first line of NULs between
    letters): its bytes are not UTF-8 text, and would be read as letters spaced out by NULs.
    ``head``: the file's first 4,096 bytes (of its text, for gzip), when read already."""
    if head is None:
        with open_bytes(path) as file:
            head = file.read(4096)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or looks_utf16(head):
        raise SourceError(f"{path} is written in UTF-16{advice}")


def looks_utf16(head: bytes) -> bool:
    """Whether text starting with ``head`` has a first line of NULs between letters, as
    UTF-16 (or UTF-32) writes ASCII. Lines of nothing but NULs (and carriage returns) say
    neither: UTF-16 writes a blank line so, and UTF-8 text may start with one (a NUL record).

    >>> looks_utf16("id,age\\n".encode("utf-16-le")), looks_utf16(b"id,age\\n"), looks_utf16(b"")
    (True, False, False)
    >>> looks_utf16("\\r\\n{}".encode("utf-16-be")), looks_utf16(b"\\x00\\r\\n{}")
    (True, False)
    """
    first = next((line for line in head.split(b"\n") if line.strip(b"\x00\r")), b"")
    return 4 * first.count(0) >= len(first) > 0


def contract_names(
    names: list[str], contract: Table, columns: dict[str, str] | None = None
) -> list[str]:
    """A source's column names (a CSV header, JSON keys, Parquet columns) as contract columns:
    those ``columns`` maps (the project file's ``csv: <table>: columns:``), then those spelt as
    a contract column but for case and surrounding spaces ("Email " → "email"); others as they
    are.

    >>> from c360.contracts.model import Column
    >>> people = Table("p", "x", "", (Column("id", "string"), Column("age", "int")))
    >>> contract_names(["ID", " Age ", "Notes"], people)
    ['id', 'age', 'Notes']
    >>> contract_names(["Member No", "Age"], people, {"member no": "id"})
    ['id', 'age']
    """
    spelling = {c.casefold(): c for c in contract.column_names}
    spelling |= {name.strip().casefold(): c for name, c in (columns or {}).items()}
    return [spelling.get(n.strip().casefold(), n) for n in names]


def refuse_unmapped(
    source: str | Path,
    names: list[str],
    contract: Table,
    columns: dict[str, str],
    holder: str = "header",
) -> None:
    """Stop on a name ``columns`` maps (``csv: <table>: columns:``) that the ``holder``'s
    names (a CSV's header, a database table's or query's columns) lack but spell nearly
    (``E-Mial`` for ``E-Mail``): a typo in the project file, which would leave its contract
    column empty and the source's own name in ``_extra``. A header without such a name lacks
    the column (an older extract, say): that is drift, reported as such; a header naming the
    contract column itself needs no mapping. Names the project file maps, and contract
    columns, are no typo of another."""
    written = {n.strip().casefold(): n for n in names if n.strip()}
    taken = mapped_or_contract(contract, columns)
    for name, column in columns.items():
        if {name.strip().casefold(), column.casefold()} & written.keys():
            continue
        close = spelt_nearly(name, [n for n in written if n not in taken])
        if close is not None:
            raise SourceError(
                f"{source}: the {holder} has no {name!r}, which c360.yaml maps to {column} "
                f"under {mapping_section(contract)}: {contract.name}: columns: (the closest "
                f"name in the {holder}: {written[close]!r})"
            )


def mapping_section(contract: Table) -> str:
    """The section of ``c360.yaml`` that maps a table's source names: ``json`` for a JSON
    table, ``csv`` for the others (a database source's names too)."""
    return "json" if contract.file_format in JSON_FORMATS else "csv"


def mapped_or_contract(contract: Table, columns: dict[str, str]) -> set[str]:
    """The names the project file maps and the contract's columns, in one case: a source's name
    among them holds its column, whatever a missing mapped name spells."""
    return {n.strip().casefold() for n in columns} | {c.casefold() for c in contract.column_names}


def spelt_nearly(name: str, candidates: Iterable[str]) -> str | None:
    """The one of ``candidates`` (names in one case) that ``name`` misspells, if any: word for
    word, each a few letters off (none in two letters, but one beside words spelt exactly:
    ``Customer Nr`` for ``Customer No``; one in up to 6, two in up to 10: ``E-Mial``,
    ``Adress``, ``Telephone`` for ``Téléphone``), or its letters a few off when split into
    other words (``Postcode``, ``Mail`` for ``E-Mail``); the fewest letters off first. A word
    of its own is another column: ``SMS Opt-In`` is not ``Email Opt-In``.

    >>> spelt_nearly("E-Mial", ["e-mail", "sms opt-in"]), spelt_nearly("SMS Opt-In", ["opt-in"])
    ('e-mail', None)
    >>> spelt_nearly("Customer No", ["customer nr", "customer id"]), spelt_nearly("No", ["nr"])
    ('customer nr', None)
    """
    said = name.strip().casefold()
    found = [
        (off, i) for i, c in enumerate(candidates) if (off := _letters_off(said, c)) is not None
    ]
    return None if not found else list(candidates)[min(found)[1]]


_WORD = re.compile(r"[^\W_]+")  # a name's words: letters and digits between the rest


def _letters_off(name: str, other: str) -> int | None:
    """How many letters ``name`` is off ``other`` (``_edits``), if it is a misspelling of it."""
    words, others = _WORD.findall(name), _WORD.findall(other)
    if len(words) != len(others):
        words, others = ["".join(words)], ["".join(others)]
    offs = [_edits(a, b) for a, b in zip(words, others, strict=True)]
    beside_exact = len(offs) > 1 and sum(map(bool, offs)) == 1  # the other words spelt exactly
    if all(
        off <= _allowed(max(len(a), len(b)), beside_exact)
        for off, a, b in zip(offs, words, others, strict=True)
    ):
        return sum(offs)
    return None


def _allowed(letters: int, beside_exact: bool) -> int:
    """Letters a word of ``letters`` may be off: none in two, but one beside words spelt
    exactly; one in up to 6, two in up to 10."""
    return 1 if letters == 2 and beside_exact else (letters + 1) // 4


def _edits(a: str, b: str) -> int:
    """Letters to insert, delete, replace, or swap with their neighbour to spell ``a`` as ``b``.

    >>> _edits("mial", "mail"), _edits("adress", "address"), _edits("sms", "email")
    (1, 1, 4)
    """
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            off = min(current[j - 1] + 1, row[j] + 1, row[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                off = min(off, before[j - 2] + 1)
            current.append(off)
        before, row = row, current
    return row[-1]


def refuse_row_number(source: str | Path, names: Iterable[str]) -> None:
    """Stop on a source column named as the column bronze numbers its records in (an export of
    an earlier bronze table, say): the two would clash."""
    if ROW_NUMBER in names:
        raise SourceError(
            f"{source}: a column is named {ROW_NUMBER}, as bronze names its record numbers: "
            "rename it in the source"
        )


def not_utf8(column: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Positions of the values of a text or binary column whose bytes are not UTF-8 (the
    column is checked in one pass; only one that fails is looked at value by value)."""
    kind = column.type
    if pa.types.is_fixed_size_binary(kind):  # codes and digests of one length
        column, kind = column.cast(pa.binary()), pa.binary()
    if pa.types.is_binary(kind) or pa.types.is_large_binary(kind):
        text = pa.string() if pa.types.is_binary(kind) else pa.large_string()
        column = column.view(text)
    try:
        column.validate(full=True)
        return np.array([], dtype=np.int64)
    except pa.ArrowInvalid:
        pass
    broken = []
    for i, value in enumerate(column.cast(pa.large_binary()).to_pylist()):
        try:
            if value is not None:
                value.decode("utf-8")
        except UnicodeDecodeError:
            broken.append(i)
    return np.array(broken, dtype=np.int64)


def parquet_files(path: Path) -> list[Path]:
    """The files of a Parquet source: the file itself or a folder's ``.parquet`` files (in
    Hive partition folders too, ``country=FR/``), hidden ones aside, by name."""
    if not path.is_dir():
        return [path]
    found = visible_files(path)
    files = [Path(f) for f in found if f.endswith(".parquet")]
    if not files:
        raise _none_of(path, (".parquet",), found)
    return files


def _none_of(folder: Path, suffixes: tuple[str, ...], found: list[str]) -> SourceError:
    """What stops the run on a folder without files of its format: the files it holds instead
    (``found``, all of another format), how many and the first three by name."""
    message = f"no {' or '.join(suffixes)} files in the folder {folder}"
    if not found:
        return SourceError(message)
    inside = len(os.path.join(folder, ""))
    names = [file[inside:].replace(os.sep, "/") for file in found]
    n = len(names)
    return SourceError(f"{message}, but {n:,} other file{'s' * (n > 1)}: {first_names(names)}")


def first_names(names: list[str]) -> str:
    """The first three of ``names`` and how many more.

    >>> first_names(["a", "b", "c", "d", "e"]), first_names(["a"])
    ('a, b, c and 2 more', 'a')
    """
    more = len(names) - 3
    return ", ".join(names[:3]) + (f" and {more:,} more" if more > 0 else "")


def visible_files(folder: Path) -> list[str]:
    """The files of a folder and of its sub-folders, by path, but hidden ones: a name starting
    with ``.`` (``.DS_Store``, a copy in progress, an editor's lock) or ``_`` (what a writer
    keeps for itself: Spark's ``_temporary/``, ``_SUCCESS``, ``_metadata``), there or in a
    folder on the way, as Spark and Arrow see it.

    A sub-folder that cannot be listed raises ``OSError`` (naming it) rather than passing for
    one without files, as ``rglob`` would, and a link to nothing is kept, for reading it to say
    so; a link to a folder is followed unless it leads back to a folder on the way (a loop,
    whose files are listed already); a pipe, a socket or a device raises ``SourceError`` (reading
    one would wait for ever); a name that is not UTF-8 (a ZIP from an old Windows) raises
    ``SourceError`` naming it, since no lineage column could hold it.
    """
    found: list[str] = []
    # each folder to list, with the real paths of the folders it is in (itself too)
    pending: list[tuple[str, tuple[str, ...]]] = [(os.fspath(folder), (os.path.realpath(folder),))]
    while pending:  # os.scandir, not os.walk: a folder of 20,000 notes lists in half the time
        path, within = pending.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.name.startswith((".", "_")):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, (*within, os.path.realpath(entry.path))))
                elif entry.is_symlink() and entry.is_dir():  # a link to a folder
                    if (real := os.path.realpath(entry.path)) not in within:  # else a loop
                        pending.append((entry.path, (*within, real)))
                elif entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path)):
                    found.append(entry.path)  # a link to nothing: reading it fails, naming it
                else:
                    raise SourceError(
                        f"{entry.path} is not a regular file (a pipe, a socket or a device): "
                        "move it out of the folder"
                    )
    for file in found:
        try:
            file.encode("utf-8")
        except UnicodeEncodeError:  # the name's bytes, kept by Python as lone surrogates
            shown = os.fsencode(file).decode("utf-8", "backslashreplace")
            raise SourceError(f"{shown}: the file name is not UTF-8 text; rename it") from None
    return sorted(found)


class Database(Protocol):
    """A database table or collection that bronze reads like a file."""

    @property
    def label(self) -> str:
        """What ``_source_file`` says, e.g. ``postgres:public.orders``; never a password."""
        ...

    def count(self) -> int:
        """Records in the source, counted by the database itself."""
        ...

    def read(self, contract: Table, columns: dict[str, str] | None = None) -> Iterator[Block]:
        """The records as text blocks, numbered 1, 2, … in the source's documented order, the
        names ``columns`` maps (``c360.yaml``'s ``csv:`` or ``json:`` entry) as their columns."""
        ...


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
            values = _pylist(col)
            columns.append(pa.array([_value_text(v) for v in values], pa.string()))
        else:
            columns.append(pc.cast(col, pa.string()))
    return pa.table(columns, names=data.column_names)


def _pylist(column: pa.ChunkedArray) -> list[Any]:
    """A column's values as Python, maps as objects (as JSON writes them); a value with a map
    giving a key twice, or keys that are not scalars, keeps its pairs (no value is lost)."""
    try:
        return column.to_pylist(maps_as_pydicts="strict")
    except (KeyError, TypeError):
        return [_py(value) for value in column]


def _py(value: pa.Scalar) -> Any:
    try:
        return value.as_py(maps_as_pydicts="strict")
    except (KeyError, TypeError):
        return value.as_py()


def _value_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)
