"""People files as they come: a CSV of any common dialect, JSON lines or a Parquet file.

Their text is UTF-8 (each CSV line that is not read as Windows-1252), or UTF-16 or UTF-32 with
a byte order mark (a spreadsheet's "Unicode text", PowerShell's files), read as the same file in
UTF-8 would be; JSON in UTF-16 or UTF-32 without a mark too, its first characters (ASCII)
telling which by their NUL bytes, as bronze reads it.

The reading and writing of the standalone entry point (:mod:`c360.identity.dedupe`): no schema
is known in advance, so every CSV or JSON column is text (a JSON number as written) and only
blanks (JSON's null) count as missing.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import tempfile
from collections.abc import Collection, Sequence
from functools import partial
from itertools import chain, compress, repeat
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO, NoReturn, cast

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from c360.errors import first_line
from c360.pipeline.bronze import csvquotes
from c360.pipeline.bronze.blocks import SourceError, looks_utf16, refuse_utf16

DELIMITERS = ",;\t|"
_SEP_LINE = re.compile(r"sep=(.)", re.IGNORECASE)  # Excel's "sep=;" before the header
# A line that is not UTF-8 is most often a Windows export's: read as Windows-1252, the five bytes
# it leaves undefined as Latin-1 (as Windows and browsers read them).
_CP1252 = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(256))
_SHOWN = 3  # line numbers a note names
_EXPECTED = "give a CSV, JSON lines or Parquet file"
PARQUET = (".parquet", ".pq")
JSON = (".jsonl", ".ndjson", ".json")  # JSON lines, or one array of objects
UTF16 = " (a spreadsheet's 'Unicode text'): save it as a UTF-8 CSV"  # bronze's advice too
_UNMARKED = " without a byte order mark: save it as a UTF-8 CSV"  # which byte order, none says
# The byte order marks of UTF-16 and UTF-32 (UTF-32's little-endian one starts as UTF-16's).
_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
_HEAD = 4096  # bytes looked at for an encoding's NULs, as bronze looks
_BLOCK = csvquotes.BLOCK_BYTES  # bytes looked at a time when following a CSV's quotes
_CSV_BLOCK = 1 << 20  # bytes Arrow parses at a time (its default), more for a longer value
# JSON with every number kept as its text; an object as its key-value pairs, so that a key
# named twice can be told.
_DECODER = json.JSONDecoder(
    object_pairs_hook=tuple, parse_float=str, parse_int=str, parse_constant=str
)
_BLANK = " \t\r"  # JSON's white space but the line end
_BATCH = 10_000  # JSON lines decoded at a time
_WORDS = {True: "true", False: "false"}


class UnreadableFileError(Exception):
    """A file is missing or cannot be read as CSV or Parquet; the message says which and why."""


def is_number(kind: pa.DataType) -> bool:
    """True for a column of numbers (integers, floats, decimals) rather than text."""
    return pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_decimal(kind)


def read_rows(
    path: Path, uneven: list[int] | None = None, columns: Collection[str] | None = None
) -> tuple[pa.Table, list[str]]:
    """A CSV file (delimiter sniffed, every column text, each line read as UTF-8 or, when it is
    not, as Windows-1252; the whole file as UTF-16 or UTF-32 when a byte order mark says so), a
    JSON lines or a Parquet file, and notes on it.

    A CSV row of another number of values than its header is refused, or, given ``uneven``,
    left out and its number (from 1 after the header) added to that list. Given the
    ``columns`` used, a JSON column of another name holding a list or an object is left out
    (any such column refuses the file otherwise)."""
    _check_file(path)
    try:
        if path.suffix.lower() in PARQUET:
            return pq.read_table(path), []
        if path.suffix.lower() in JSON:
            return _read_json(path, columns), []
        with path.open("rb") as file:
            head = file.read(_HEAD)
        if (codec := _wide_codec(head)) is not None:
            return _read_wide_csv(path, codec, uneven), []
        refuse_utf16(path, _UNMARKED, head)  # as cp1252 it would be letters spaced by NULs
        try:
            return _read_csv(path, path, uneven), []
        except UnicodeDecodeError:
            pass
        except pa.ArrowInvalid as exc:
            if "UTF8" not in str(exc):
                raise
        if uneven is not None:
            uneven.clear()  # what the try as UTF-8 found
        text, note = _as_utf8(path, path.read_bytes().removeprefix(codecs.BOM_UTF8))
        return _read_csv(path, text, uneven), [note]
    except SourceError as exc:
        raise UnreadableFileError(str(exc)) from None
    except (OSError, pa.ArrowException, csv.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else first_line(exc)
        raise UnreadableFileError(f"cannot read {path}: {reason}") from None


def repeats_header(rows: pa.Table) -> pa.BooleanArray:
    """Which rows repeat the column names word for word, as a run's bronze finds them (exports
    joined end to end, each with its header; the first name perhaps behind a byte order mark):
    a blank name read as a missing value. A column of numbers never holds its name."""
    names = rows.column_names
    if not names or not all(pa.types.is_string(kind) for kind in rows.schema.types):
        return pa.array([False] * rows.num_rows, pa.bool_())
    same = pa.array([True] * rows.num_rows, pa.bool_())
    for at, (name, column) in enumerate(zip(names, rows.columns, strict=True)):
        if not name:
            here = pc.is_null(column)
        elif at == 0:
            here = pc.is_in(column, pa.array([name, "\ufeff" + name]))
        else:
            here = pc.equal(column, name)
        same = pc.and_kleene(same, here)
    return pc.fill_null(same, False).combine_chunks()


def _read_json(path: Path, columns: Collection[str] | None = None) -> pa.Table:
    """JSON lines (blank lines passed over), or one array of objects, as text columns in the
    order their keys first appear: numbers as written, ``true``/``false``, null missing. A list
    or an object as a value refuses the file, unless ``columns`` leaves its column out."""
    data = path.read_bytes()
    codec = _wide_codec(data[:_HEAD], json=True)
    try:
        text = data.decode("utf-8-sig") if codec is None else _wide_text(path, data, codec)
    except UnicodeDecodeError:
        raise UnreadableFileError(
            f"cannot read {path}: JSON in another encoding than UTF-8"
        ) from None
    del data
    read = partial(_JsonRows, path, columns=columns)
    if text.lstrip(_BLANK + "\n").startswith("["):
        try:
            found = _DECODER.decode(text)
        except ValueError as exc:
            raise UnreadableFileError(f"cannot read {path}: not JSON ({first_line(exc)})") from None
        del text
        found = found if isinstance(found, list) else [found]
        rows = read("object", range(1, len(found) + 1))
        for start in range(0, len(found), _BATCH):
            rows.add(found[start : start + _BATCH], start)
    else:
        lines = list(map(str.strip, text.split("\n"), repeat(_BLANK)))  # "\r\n" ends lines too
        del text
        numbers = list(compress(range(1, len(lines) + 1), lines))
        lines = list(filter(None, lines))
        rows = read("line", numbers)
        for start in range(0, len(lines), _BATCH):
            batch = slice(start, start + _BATCH)
            rows.add(_decode(path, lines[batch], numbers[batch]), start)
    return rows.table()


def _decode(path: Path, lines: list[str], numbers: list[int]) -> list[object]:
    """JSON lines decoded, many at once when each is sure to be one object: each begins with
    the only '{' of its line and no '[' is there, so no value nests and none spans lines."""
    joined = "[" + ",\n".join(lines) + "]"
    plain = joined.startswith("[{") and "[" not in joined[1:]
    if plain and joined.count("{") == joined.count("\n{") + 1 == len(lines):
        try:
            found = _DECODER.decode(joined)
        except ValueError:
            pass
        else:
            if len(found) == len(lines):
                return found
    decoded = []
    for number, line in zip(numbers, lines, strict=True):
        try:
            decoded.append(_DECODER.decode(line))
        except ValueError:
            raise UnreadableFileError(f"cannot read {path}: line {number} is not JSON") from None
    return decoded


class _JsonRows:
    """Decoded JSON objects (tuples of key-value pairs) gathered into text columns, a batch at
    a time, each batch's rows grouped by their keys so that a column is built at once."""

    def __init__(
        self, path: Path, place: str, numbers: Sequence[int], columns: Collection[str] | None
    ) -> None:
        self.path, self.place, self.numbers, self.columns = path, place, numbers, columns
        self.tables: list[pa.Table] = []
        self.left_out: set[str] = set()

    def add(self, found: list[object], start: int) -> None:
        """One batch of decoded values, the first of them the ``start``-th of the file."""
        if set(map(type, found)) - {tuple}:
            at = next(i for i, row in enumerate(found) if type(row) is not tuple)
            self._refuse(start + at, "is not a JSON object")
        rows = cast(list[tuple[tuple[str, object], ...]], found)
        keys = list(map(tuple, map(partial(map, itemgetter(0)), rows)))
        shapes = {shape: n for n, shape in enumerate(dict.fromkeys(keys))}
        for shape in shapes:
            if len(set(shape)) < len(shape):
                twice = next(k for i, k in enumerate(shape) if k in shape[:i])
                self._refuse(start + keys.index(shape), f"names {twice!r} twice")
        nested: list[tuple[int, int]] = []  # (place in the batch, place in the row)
        if len(shapes) == 1:  # the usual file: every row of the same keys
            self.tables.append(self._columns(rows, keys[0], range(len(rows)), nested))
        else:
            self.tables.append(self._grouped(rows, keys, shapes, nested))
        if nested:
            place, key = min(nested)
            name, value = rows[place][key]
            kind = "an object" if isinstance(value, tuple) else "a list"
            self._refuse(start + place, f": {name!r} holds {kind}, not a value")

    def _grouped(
        self,
        rows: list[tuple[tuple[str, object], ...]],
        keys: list[tuple[str, ...]],
        shapes: dict[tuple[str, ...], int],
        nested: list[tuple[int, int]],
    ) -> pa.Table:
        """Rows of several shapes (``keys``: each row's), each shape's as text columns at once."""
        ids = list(map(shapes.__getitem__, keys))
        order = np.argsort(np.array(ids), kind="stable").tolist()
        ends = np.cumsum(np.bincount(ids)).tolist()
        place = "_" * (1 + max(map(len, chain.from_iterable(shapes)), default=0))  # no key's
        parts = [
            self._columns(list(map(rows.__getitem__, at)), shape, at, nested).append_column(
                place, pa.array(at, pa.int64())
            )
            for shape, first, end in zip(shapes, [0, *ends], ends, strict=False)
            if (at := order[first:end])
        ]
        grouped = pa.concat_tables(parts, promote_options="default")
        return grouped.sort_by(place).drop_columns([place])

    def table(self) -> pa.Table:
        """The batches' rows as one table, without the columns left out."""
        if not self.tables:
            raise UnreadableFileError(f"cannot read {self.path}: it holds no JSON object")
        names = dict.fromkeys(n for t in self.tables for n in t.column_names)
        table = pa.concat_tables(self.tables, promote_options="default")
        return table.select([name for name in names if name not in self.left_out])

    def _columns(
        self,
        rows: list[tuple[tuple[str, object], ...]],
        shape: tuple[str, ...],
        at: Sequence[int],
        nested: list[tuple[int, int]],
    ) -> pa.Table:
        """Rows of one shape as text columns, ``at`` their places in the batch (ascending); the
        first list or object of each column used is added to ``nested``."""
        values = list(map(itemgetter(1), chain.from_iterable(rows)))
        arrays = []
        for key, name in enumerate(shape):
            column = values[key :: len(shape)]
            kinds = set(map(type, column))
            if kinds & {tuple, list}:
                if self.columns is None or name in self.columns:
                    first = next(i for i, v in enumerate(column) if isinstance(v, tuple | list))
                    nested.append((at[first], key))
                self.left_out.add(name)
                column = []
            elif bool in kinds:
                column = list(map(_WORDS.get, column, column))
            arrays.append(pa.array(column or [None] * len(rows), pa.string()))
        return pa.table(arrays, names=list(shape)) if shape else pa.table({"": at}).select([])

    def _refuse(self, index: int, reason: str) -> NoReturn:
        space = "" if reason.startswith(":") else " "
        raise UnreadableFileError(
            f"cannot read {self.path}: {self.place} {self.numbers[index]}{space}{reason}"
        )


def _wide_codec(head: bytes, json: bool = False) -> str | None:
    """The codec of text in UTF-16 or UTF-32 starting with ``head``, as bronze tells it: by its
    byte order mark or, for ``json``, by the NULs of its first characters; none otherwise."""
    if not head.startswith(_MARKS) and not (json and looks_utf16(head)):
        return None  # UTF-8 text, as good as always: no module more to load
    from c360.pipeline.bronze.csvtext import json_codec, wide

    return json_codec(head) if json else wide(head, "utf-8")


def _wide_text(path: Path, data: bytes, codec: str) -> str:
    """A file's bytes ``data`` as text in ``codec`` (UTF-16 or UTF-32), or an error naming the
    line of the first bytes that are none of it (half of a surrogate pair, the odd last byte of
    a file cut short, a code point beyond Unicode)."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode(codec)
        line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
        shown = "".join(f"\\x{byte:02x}" for byte in data[exc.start : exc.end])
        cut = exc.end == len(data) and exc.reason in ("truncated data", "unexpected end of data")
        name = "UTF-32" if "32" in codec else "UTF-16"
        raise UnreadableFileError(
            f"cannot read {path}: line {line} is not {name} text ({shown}){': cut short?' * cut}"
        ) from None


def _read_wide_csv(path: Path, codec: str, uneven: list[int] | None) -> pa.Table:
    """A CSV in UTF-16 or UTF-32 (``codec``), read and checked as its text in UTF-8, written in
    a temporary file (in ``TMPDIR``), would be."""
    text = _wide_text(path, path.read_bytes(), codec)
    with tempfile.TemporaryDirectory(prefix="c360-") as folder:
        copy = Path(folder) / "text.csv"  # a name that says no compression
        copy.write_bytes(text.encode("utf-8"))
        del text
        return _read_csv(path, copy, uneven)


def _as_utf8(path: Path, data: bytes) -> tuple[bytes, str]:
    """A text's bytes as UTF-8, each line that is not UTF-8 read as Windows-1252, and a note
    saying so; a NUL in such a line refuses the file as no text (an image, a zip file)."""
    if b"\0" not in data and not _has_utf8_letter(data):  # a Windows export: all read at once
        return _windows(data).encode("utf-8"), _note(path, [], utf8=False)
    return _by_line(path, data)


def _by_line(path: Path, data: bytes) -> tuple[bytes, str]:
    """:func:`_as_utf8`, line by line."""
    lines = data.splitlines(keepends=True)  # ended as the CSV reader ends them
    windows, utf8 = [], False
    for number, line in enumerate(lines, 1):
        if line.isascii():
            continue
        if _is_utf8(line):
            utf8 = True
        elif b"\0" in line:
            raise UnreadableFileError(
                f"{path} is not a text file (a NUL byte on line {number}): {_EXPECTED}"
            )
        else:
            lines[number - 1] = _windows(line).encode("utf-8")
            windows.append(number)
    return b"".join(lines), _note(path, windows, utf8)


def _has_utf8_letter(data: bytes) -> bool:
    """Whether some bytes of ``data`` are a UTF-8 character beyond ASCII (when none are, no
    line is UTF-8 but the ASCII ones)."""
    return not data.decode("utf-8", "ignore").isascii()


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _windows(data: bytes) -> str:
    return codecs.charmap_decode(data, "strict", _CP1252)[0]  # as the cp1252 codec decodes


def _note(path: Path, windows: list[int], utf8: bool) -> str:
    """What a note says of a file some lines of which were read as Windows-1252."""
    if not utf8:  # the other lines are ASCII: the whole file may be read so
        return f"{path} is not UTF-8: read as cp1252"
    count, shown = len(windows), ", ".join(map(str, windows[:_SHOWN]))
    lines = f"{count:,} line{'s' * (count > 1)} read as cp1252 (line{'s' * (count > 1)} {shown}"
    return f"{path} is not all UTF-8: {lines}{'…' * (count > _SHOWN)})"


def _check_file(path: Path) -> None:
    """A regular file with something in it, or an error saying what ``path`` is instead."""
    if path.is_dir():
        raise UnreadableFileError(f"{path} is a folder, not a file: {_EXPECTED}")
    try:
        path.stat()
    except FileNotFoundError:  # a link to nothing too
        raise UnreadableFileError(f"no such file: {path}") from None
    except OSError as exc:  # a loop of links, a folder on the way that cannot be searched
        raise UnreadableFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not path.is_file():
        raise UnreadableFileError(f"{path} is not a regular file: {_EXPECTED}")
    if path.stat().st_size == 0:
        raise UnreadableFileError(f"{path} is empty (0 bytes): {_EXPECTED}")


def delimiter(header: str) -> str:
    """The most frequent of :data:`DELIMITERS` in a header line; a comma when none is there.

    >>> delimiter("id;name;e-mail, work"), delimiter("id\\tname"), delimiter("id")
    (';', '\\t', ',')
    """
    return max(DELIMITERS, key=header.count) if any(map(header.count, DELIMITERS)) else ","


def _read_csv(path: Path, source: Path | bytes, uneven: list[int] | None) -> pa.Table:
    """The CSV at ``path``, read from ``source``: the file itself, its text as UTF-8 or a file
    of that text (for UTF-16 or UTF-32), whose quotes are then followed."""
    raw = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
    with io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as f:
        header = f.readline()
        excel = _SEP_LINE.fullmatch(header.rstrip("\r\n"))
        if excel:  # Excel's first line naming the delimiter; the header follows
            header = f.readline()
        more = not header.strip() and any(line.strip() for line in f)
    if more:
        raise UnreadableFileError(
            f"{path}: its first line is blank, where the column names belong (remove it)"
        )
    if not header.strip():
        raise UnreadableFileError(f"{path} is empty: its first line names no column")
    sep = excel.group(1) if excel else delimiter(header)
    names = next(csv.reader([header], delimiter=sep))
    size = len(source) if isinstance(source, bytes) else source.stat().st_size
    block = _CSV_BLOCK
    while True:
        try:
            table = pacsv.read_csv(
                pa.BufferReader(source) if isinstance(source, bytes) else source,
                read_options=pacsv.ReadOptions(
                    use_threads=uneven is None, skip_rows=1 if excel else 0, block_size=block
                ),
                parse_options=pacsv.ParseOptions(
                    delimiter=sep,
                    newlines_in_values=True,
                    invalid_row_handler=None
                    if uneven is None
                    else partial(_leave_out, uneven, 2 if excel else 1),
                ),
                convert_options=pacsv.ConvertOptions(
                    column_types={name: pa.string() for name in names},
                    strings_can_be_null=True,
                    null_values=[""],  # "NA" is Namibia and "null" a note: only blanks are missing
                ),
            )
            break
        except pa.ArrowInvalid as exc:
            # A value longer than a block (a note of megabytes): bigger blocks, as bronze reads
            # such a file; a block of the whole file holds any value.
            if not str(exc).startswith("straddling object") or block > size:
                raise
            block = min(block * 8, size + 1)
            if uneven is not None:
                uneven.clear()  # what the try found
    _check_quotes(path, sep, source if isinstance(source, Path) else path)
    return table


def _leave_out(numbers: list[int], header: int, row: pacsv.InvalidRow) -> str:
    """Skip a row of another width, noting its number after the header (the line number of
    the header when read serially, as it is then)."""
    numbers.append(row.number - header)
    return "skip"


def _check_quotes(path: Path, sep: str, text: Path) -> None:
    """Refuse a CSV that ends inside a quoted value (a copy cut short, whose last value the
    reader keeps cut) or with text after a closing quote (``"Ann" x``, which the reader joins
    to the value), its quotes taken as the CSV reader takes them (``csvquotes``) in ``text``:
    the file at ``path`` or its copy in UTF-8."""
    with text.open("rb") as file:
        bom = file.read(3) == codecs.BOM_UTF8
    first = 3 if bom else 0  # neither reading keeps a UTF-8 byte order mark
    inside, stray = csvquotes.follow_file(text, sep, first, _BLOCK)
    if stray is not None:
        raise UnreadableFileError(
            f"{path}, line {_line(text, stray, first)}: text after a closing quote in "
            f"{_line_text(text, stray, first)}: put the whole value in quotes, its own "
            "quotes doubled"
        )
    if inside:
        raise UnreadableFileError(f"{path} ends inside a quoted value (cut short?)")


def _line(path: Path, at: int, first: int) -> int:
    """The number of the line holding byte ``at`` of a file, lines ended as the reader ends
    them (``\\n``, ``\\r\\n`` or a lone ``\\r``)."""
    head = path.read_bytes()[first:at]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _line_text(path: Path, at: int, first: int, width: int = 40) -> str:
    """The text of the line holding byte ``at`` of a file, for a message: ``width`` bytes
    either side of it at most, read as UTF-8 or, when the line is not, as Windows-1252."""
    data = path.read_bytes()
    begin = max(data.rfind(b"\n", 0, at) + 1, data.rfind(b"\r", 0, at) + 1, first)
    end = min((i for i in (data.find(b"\n", at), data.find(b"\r", at)) if i >= 0), default=None)
    end = len(data) if end is None else end
    shown = data[max(begin, at - width) : min(end, at + width)]
    text = shown.decode("utf-8", "replace") if _is_utf8(data[begin:end]) else _windows(shown)
    cut = ("…" if at - width > begin else "", "…" if at + width < end else "")
    return cut[0] + text + cut[1]


def write_rows(table: pa.Table, out: Path | BinaryIO) -> None:
    """``table`` as CSV, or as Parquet when ``out`` is a path ending in ``.parquet``."""
    if isinstance(out, Path) and out.suffix.lower() in PARQUET:
        pq.write_table(table, out)
        return
    pacsv.write_csv(table, str(out) if isinstance(out, Path) else out)
