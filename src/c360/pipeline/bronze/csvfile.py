"""CSV files: every column as text, malformed records and undecodable bytes set aside.

Arrow parses the file in blocks; a record with the wrong number of fields goes to the invalid
row handler, a record whose bytes are not UTF-8 is found after parsing. Arrow cannot hand the
handler a malformed record whose text does not decode, so such a file is read a second time
with its undecodable bytes escaped, after the records the first pass handed over.
``csvhead`` finds where the header starts and sets aside the lines before it; ``csvtext``
writes the text of a ``.csv.gz`` or a UTF-16 or UTF-32 file in UTF-8 first.
"""

from __future__ import annotations

import codecs
import io
import math
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from c360.contracts.model import Table
from c360.file_dialects import CsvFile
from c360.pipeline.bronze.blocks import (
    NOT_UTF8,
    ROW_NUMBER,
    UTF8_BOM,
    Block,
    Reject,
    SourceError,
    as_text,
    contract_names,
    gzip_named,
    not_utf8,
    refuse_row_number,
    refuse_unmapped,
)
from c360.pipeline.bronze.csvfields import Fields, text_options
from c360.pipeline.bronze.csvhead import (
    Start,
    arrow_source,
    find_start,
    first_bytes,
    read_header,
    refuse_binary,
    refuse_headerless,
    refuse_other_formats,
)
from c360.pipeline.bronze.csvquotes import RecordTexts, records_with_text_after_quotes
from c360.pipeline.bronze.csvtext import as_written, not_text, utf8_copy, wide

CSV_BLOCK_BYTES = 1 << 24  # how much of a CSV Arrow parses at a time
MAX_RECORD_BYTES = 1 << 30  # the longest record read, in blocks this big (Arrow's are int32)
CUT_SHORT = "the file ends inside this record's quoted value: cut short?"
REPEATED_HEADER = "record repeats the header"
TEXT_AFTER_QUOTE = "text after a value's closing quote"
SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def read_csv(
    path: Path, contract: Table, dialect: CsvFile, folder: Path | None = None
) -> Iterator[Block]:
    """The records of a CSV file written as ``dialect`` says, in file order (a file starting
    with a UTF-8 byte order mark in UTF-8, whatever encoding it says, one starting with a
    UTF-16 or UTF-32 mark in that encoding; one starting with Excel's ``sep=;`` line with the
    delimiter it names); a file without even a header (an extract of a day without data) has
    none. A ``.csv.gz`` lands as its text would, a UTF-16 or UTF-32 file as its text in UTF-8
    would. A file whose first line reads as data stops the run (``refuse_headerless``, the
    other files of its source ``folder`` compared)."""
    head = first_bytes(path)
    codec = wide(head, dialect.encoding)
    if codec is None and not gzip_named(path):
        yield from _read(path, contract, dialect, head, folder)
        return
    yield from _read_copy(path, contract, dialect, codec, folder)


def _read_copy(
    path: Path, contract: Table, dialect: CsvFile, codec: str | None, folder: Path | None
) -> Iterator[Block]:
    """The records of a ``.csv.gz`` or a UTF-16 or UTF-32 CSV (``codec``): its text is
    written to a temporary file (in UTF-8), which is read as any CSV (the reader goes back to
    a record's bytes, which a gzip stream cannot); its blocks, rejects and errors name the
    file, and bytes that are not its encoding are shown as it writes them."""
    if codec is not None:
        dialect = dialect.model_copy(update={"encoding": "utf-8"})
    with utf8_copy(path, codec) as text:
        read, named = str(text), str(path)
        try:
            for block in _read(text, contract, dialect, first_bytes(text), folder):
                rejects = [_named_reject(r, read, named, codec) for r in block.rejects]
                yield replace(block, source_file=named, rejects=rejects)
        except SourceError as exc:
            raise SourceError(str(exc).replace(read, named)) from None


def _named_reject(reject: Reject, read: str, named: str, codec: str | None) -> Reject:
    """A reject of a file's temporary copy ``read``, naming the file (and, for a UTF-16 or
    UTF-32 one, with its bytes that are not its encoding as the file writes them)."""
    file, number, raw, reason = reject
    if codec is not None:
        raw, reason = as_written(raw), not_text(codec) if reason == NOT_UTF8 else reason
    return (named if file == read else file, number, raw, reason)


def _read(
    path: Path, contract: Table, dialect: CsvFile, head: bytes, folder: Path | None = None
) -> Iterator[Block]:
    if head.startswith(UTF8_BOM):  # Excel's "CSV UTF-8" among extracts in a Windows encoding
        dialect = dialect.model_copy(update={"encoding": "utf-8"})
    start = find_start(path, head, dialect)
    if start.delimiter:  # the file says how it is written, and Excel reads it so
        dialect = dialect.model_copy(update={"delimiter": start.delimiter})
    if start.offset is None:  # nothing but line breaks, or lines set aside
        empty = pa.table({name: pa.array([], pa.string()) for name in contract.column_names})
        rows = empty.append_column(ROW_NUMBER, pa.array([], pa.int64()))
        yield Block(rows, str(path), start.rejects[1:])  # the first stands for the header
        return
    refuse_other_formats(path, head)
    refuse_binary(path, head, start)
    _quiet_row_text_errors()
    strays = _text_after_quotes(path, head, dialect, start)
    first = start.offset or (len(UTF8_BOM) if head.startswith(UTF8_BOM) else 0)
    texts = RecordTexts(path, dialect.delimiter, first)  # a reject's text, only when there is one
    blocks = _passes(path, contract, dialect, start, strays, texts, folder)
    yield from blocks if start.whole is not None else _cut_short(blocks, dialect, texts)


def _text_after_quotes(path: Path, head: bytes, dialect: CsvFile, start: Start) -> dict[int, str]:
    """The text of each record holding text after a closing quote (``"Ann" x``), by number
    (the header's 0): Arrow would land the value as ``Ann x``, which the file does not say."""
    first = start.offset or (len(UTF8_BOM) if head.startswith(UTF8_BOM) else 0)
    found = records_with_text_after_quotes(path, dialect.delimiter, first)
    if not found:
        return {}
    with path.open("rb") as file:
        texts = {}
        for number, (begin, end) in found.items():
            file.seek(begin)
            texts[number] = file.read(end - begin).decode(dialect.encoding, "backslashreplace")
    return texts


def _passes(
    path: Path,
    contract: Table,
    dialect: CsvFile,
    start: Start,
    strays: dict[int, str],
    texts: RecordTexts,
    folder: Path | None,
) -> Iterator[Block]:
    """The blocks of a CSV, read again (after the records handed over) when a first pass cannot
    go on: in bigger blocks for a record longer than one, with undecodable bytes escaped for a
    malformed record Arrow could not hand to the handler (its text is not UTF-8), or bytes that
    are not the file's encoding."""
    handed = _Handed()
    escaped, block_bytes = False, CSV_BLOCK_BYTES
    while True:
        try:
            yield from _csv_pass(
                path, contract, dialect, handed, escaped, block_bytes, start, strays, texts, folder
            )
            return
        except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
            message = str(exc)
            if message.startswith("straddling object"):  # a record longer than a block
                if block_bytes >= MAX_RECORD_BYTES:
                    raise SourceError(
                        f"{path}: a record is longer than {MAX_RECORD_BYTES:,} bytes"
                    ) from None
                block_bytes *= 8
                continue
            if escaped or (
                isinstance(exc, pa.ArrowInvalid) and not message.startswith("CSV parse error")
            ):
                raise
            escaped = True


def _csv_pass(
    path: Path,
    contract: Table,
    dialect: CsvFile,
    handed: _Handed,
    escaped: bool,
    block_bytes: int,
    start: Start,
    strays: dict[int, str],
    texts: RecordTexts,
    folder: Path | None,
) -> Iterator[Block]:
    # every column text: none typed by Arrow's guess
    header, first = read_header(path, dialect, start.offset or 0, _ESCAPE if escaped else "replace")
    # records ending with a delimiter the header lacks: an empty last field, not a record of
    # too many fields (the unnamed column is then left aside as when the header ends so too)
    named = [*header, ""] if len(first) == len(header) + 1 and first[-1] == "" else None
    source = arrow_source(path, start)
    # a header ending with a delimiter (an empty unnamed last column): records may lack it,
    # whether or not the first record ends with one more
    unnamed_last = bool(header) and not header[-1].strip()
    fields = Fields(
        str(path), named is not None, dialect.delimiter, _last_line_break(path), unnamed_last
    )
    reader = pacsv.open_csv(
        _Escaped(source, dialect.encoding) if escaped else source,
        read_options=pacsv.ReadOptions(
            use_threads=False,
            block_size=block_bytes,
            encoding="utf8" if escaped else dialect.encoding,
            column_names=named,
            skip_rows=1 if named else 0,
        ),
        parse_options=pacsv.ParseOptions(
            delimiter=dialect.delimiter, invalid_row_handler=fields, newlines_in_values=True
        ),
        convert_options=text_options([*contract.column_names, *(named or header)]),
    )
    given = [_unescape(name) for name in reader.schema.names] if escaped else reader.schema.names
    names = contract_names(given, contract, dialect.columns)
    refuse_row_number(path, names)
    if separator := _other_separator(names, contract, dialect.delimiter):
        expected = SEPARATORS.get(dialect.delimiter, repr(dialect.delimiter))
        fix = f"set the file's delimiter under csv: {contract.name}: in c360.yaml"
        if start.delimiter:
            fix = f"as its line sep={start.delimiter} says: correct or delete that line"
        raise SourceError(f"{path}: the header is separated by {separator}, not {expected} ({fix})")
    if 0 in strays:  # its names are unsure
        raise SourceError(
            f"{path}: the header has text after a closing quote ({strays[0]}): put the whole "
            "name in quotes, its own quotes doubled"
        )
    refuse_headerless(path, (header, first), contract, dialect, folder)  # a record for a header?
    refuse_unmapped(path, given, contract, dialect.columns)  # once the names are sure
    twice = sorted({n for n in names if n.strip() and names.count(n) > 1})
    if twice:  # Arrow would keep both, and landing could not tell which one the contract means
        raise SourceError(f"{path}: the header names {', '.join(twice)} more than once")
    encoding = codecs.lookup(dialect.encoding).name
    undecodable = NOT_UTF8 if encoding == "utf-8" else f"not {encoding} text"
    batches, held = 0, handed.new_rejects(start.rejects, False)  # lines before the header
    for batch, numbers in _numbered(reader, fields):
        batches += 1
        rejects, fields.rejects = held + handed.new_rejects(fields.rejects, escaped), []
        last, handed.last = handed.last, max(handed.last, int(numbers[-1]) if numbers.size else 0)
        if (fresh := numbers > last).sum() < batch.num_rows:  # handed over by a pass before
            batch, numbers = batch.filter(pa.array(fresh)), numbers[fresh]
        for find, reason in (
            (_escaped_rows if escaped else _not_utf8, undecodable),
            (_repeated_header, REPEATED_HEADER),
        ):
            broken = find(batch)  # positions in the rows the check before left
            if broken.size:
                written = _as_written(texts, numbers[broken].tolist(), dialect)
                rejects += [(str(path), int(numbers[i]), written.get(int(numbers[i]))
                             or _fields(batch, i, dialect), reason) for i in broken]  # fmt: skip
                keep = np.ones(batch.num_rows, bool)
                keep[broken] = False
                batch, numbers = batch.filter(pa.array(keep)), numbers[keep]
        if strays and (hit := np.isin(numbers, list(strays))).any():
            rejects += [(str(path), n, strays[n], TEXT_AFTER_QUOTE) for n in numbers[hit].tolist()]
            batch, numbers = batch.filter(pa.array(~hit)), numbers[~hit]
        rejects, held = handed.hand(rejects, handed.last)
        data = pa.Table.from_batches([batch]).rename_columns(names)
        yield Block(
            _named(as_text(data)).append_column(ROW_NUMBER, pa.array(numbers, pa.int64())),
            str(path),
            rejects,
        )
    if held or fields.rejects or not batches:  # the last rejects; the header's columns always
        header = _named(as_text(reader.schema.empty_table().rename_columns(names)))
        rejects, _ = handed.hand(held + handed.new_rejects(fields.rejects, escaped), math.inf)
        yield Block(header.append_column(ROW_NUMBER, pa.array([], pa.int64())), str(path), rejects)


def _numbered(
    reader: pacsv.CSVStreamingReader, fields: Fields
) -> Iterator[tuple[pa.RecordBatch, np.ndarray]]:
    """The batches of a CSV and the record number of each row, the records of the other
    count (``Fields``) joined to them; those after the last batch in a batch of their own."""
    numbering = _Numbering()
    for batch in reader:
        numbers = numbering.take(batch.num_rows, fields.skipped)
        fields.skipped = []
        yield fields.joined(batch, numbers, numbering.last)
    if any(fields.others.values()):
        empty = pa.RecordBatch.from_pylist([], schema=reader.schema)
        yield fields.joined(empty, np.array([], np.int64), math.inf)


@dataclass
class _Handed:
    """What a CSV pass handed over already: records up to ``last``, and ``rejects``."""

    last: int = 0
    rejects: set[int] = field(default_factory=set)

    def new_rejects(self, rejects: list[Reject], escaped: bool) -> list[Reject]:
        """The rejects not handed over yet, their text unescaped."""
        fresh = [r for r in rejects if r[1] not in self.rejects]
        return [(r[0], r[1], _unescape(r[2]), r[3]) for r in fresh] if escaped else fresh

    def hand(self, rejects: list[Reject], upto: float) -> tuple[list[Reject], list[Reject]]:
        """Those of ``rejects`` numbered up to ``upto`` in file order, now counted as handed,
        and the others, which wait: Arrow reports a malformed record as it parses, before the
        rows above it are handed over (or, for a field too many, found, when they join)."""
        rejects = sorted(rejects, key=lambda reject: reject[1])
        ready = [reject for reject in rejects if reject[1] <= upto]
        self.rejects.update(reject[1] for reject in ready)
        return ready, rejects[len(ready) :]


def _named(data: pa.Table) -> pa.Table:
    """``data`` without the columns its header leaves unnamed and no record fills (trailing
    delimiters, as spreadsheets write them); one holding values is kept as ``unnamed column
    N`` (its position), which the drift check then reports.

    >>> _named(pa.table({"id": ["a"], "": [None], " ": ["x"]})).column_names
    ['id', 'unnamed column 3']
    """
    kept = [(i, name if name.strip() else f"unnamed column {i + 1}")
            for i, (name, column) in enumerate(zip(data.column_names, data.columns, strict=True))
            if name.strip() or column.null_count < len(column)]  # fmt: skip
    if [name for _, name in kept] == data.column_names:
        return data
    return data.select([i for i, _ in kept]).rename_columns([name for _, name in kept])


def _other_separator(names: list[str], contract: Table, delimiter: str) -> str | None:
    """What a one-column header seems to be separated by instead of ``delimiter``, if anything;
    its names perhaps quoted (a quoted name runs on to the line's end, quotes and all).

    >>> from c360.contracts.model import Column
    >>> people = Table("p", "x", "", (Column("id", "string"), Column("age", "int")))
    >>> _other_separator(["id;age"], people, ","), _other_separator(["id,age"], people, ";")
    ('semicolons', 'commas')
    >>> _other_separator(['ID ; "Age"'], people, ",")
    'semicolons'
    """
    if len(names) != 1:
        return None
    for separator, name in SEPARATORS.items():
        pieces = [piece.strip().strip('"') for piece in names[0].split(separator)]
        found = set(contract_names(pieces, contract)) & set(contract.column_names)
        if separator != delimiter and len(found) >= 2:
            return name
    return None


def _not_utf8(batch: pa.RecordBatch) -> np.ndarray:
    """Positions of the rows with a text value that is not UTF-8."""
    broken = [not_utf8(column) for column in batch.columns if pa.types.is_string(column.type)]
    return np.unique(np.concatenate(broken)) if broken else np.array([], dtype=np.int64)


def _repeated_header(batch: pa.RecordBatch) -> np.ndarray:
    """Positions of the records that repeat the header word for word (files joined end to
    end), the first name perhaps behind a byte order mark."""
    names = batch.schema.names
    if not batch.num_rows or not names:
        return np.array([], dtype=np.int64)
    first = batch.column(0)
    same = pc.or_(pc.equal(first, names[0]), pc.equal(first, "\ufeff" + names[0]))
    if not pc.any(same).as_py():
        return np.array([], dtype=np.int64)
    for column, name in zip(batch.columns[1:], names[1:], strict=True):
        same = pc.and_(same, pc.equal(column, name))
    return np.flatnonzero(same.fill_null(False).to_numpy(zero_copy_only=False))


def _last_line_break(path: Path) -> str:
    """The line break a file ends with (``\r\n``, ``\n``, ``\r``), or none."""
    with path.open("rb") as file:
        file.seek(max(file.seek(0, io.SEEK_END) - 2, 0))
        end = file.read()
    return next((b for b in ("\r\n", "\n", "\r") if end.endswith(b.encode())), "")


def _cut_short(blocks: Iterator[Block], dialect: CsvFile, texts: RecordTexts) -> Iterator[Block]:
    """The blocks of a CSV, its last record quarantined when the file ends inside that
    record's last value, in quotes: a copy cut short, whose value Arrow would land cut
    (``"comp`` as ``comp``) as if it were whole, or a quote never closed, which would hold the
    rest of the file, line breaks and all, as one value.

    Only the last block with records is held back, and the blocks after it (rejects alone);
    the others pass on at once.
    """
    held: Block | None = None
    after: list[Block] = []
    last_reject = 0
    for block in blocks:
        last_reject = max(last_reject, *(r[1] for r in block.rejects), 0)
        if held is not None and not block.data.num_rows:
            after.append(block)
            continue
        if held is not None:
            yield held
            yield from after
            after = []
        if not block.data.num_rows:
            yield block
            continue
        held = block
    if held is None:
        return
    data = held.data
    number = data.column(ROW_NUMBER)[-1].as_py()
    values = [data.column(i)[-1].as_py() for i in range(data.num_columns - 1)]  # not the number
    written = next((value for value in reversed(values) if value), None)  # its last value
    if number > last_reject and written:  # the file's last record, and Arrow landed it
        opened = '"' + written.replace('"', '""')  # its value as written, but the end quote
        path = texts.path
        if _ends_with(path, opened.encode(dialect.encoding, "replace")):
            raw = _as_written(texts, [number], dialect).get(number)
            cut = (str(path), number, raw or dialect.delimiter.join(v or "" for v in values),
                   CUT_SHORT)  # fmt: skip
            data = data.slice(0, data.num_rows - 1)
            held = Block(data, held.source_file, [*held.rejects, cut], held.present, held.types)
    yield held
    yield from after


def _ends_with(path: Path, tail: bytes) -> bool:
    with path.open("rb") as file:
        size = file.seek(0, io.SEEK_END)
        file.seek(max(size - len(tail), 0))
        return file.read() == tail


def _as_written(texts: RecordTexts, numbers: list[int], dialect: CsvFile) -> dict[int, str]:
    """The text of the records ``numbers`` as the file writes them, a byte that is not the
    file's encoding as ``\\xNN``."""
    found = texts.find(numbers)
    return {n: raw.decode(dialect.encoding, "backslashreplace") for n, raw in found.items()}


def _fields(batch: pa.RecordBatch, row: int, dialect: CsvFile) -> str:
    """A record's fields joined by the delimiter, undecodable bytes as ``\\xNN`` (its raw
    text, unquoted)."""
    values = [column.cast(pa.binary())[row].as_py() for column in batch.columns]
    joined = dialect.delimiter.join((v or b"").decode("utf-8", "backslashreplace") for v in values)
    return _unescape(joined)


# A byte that does not decode becomes a character of plane 16's private use area, which no
# source text holds: Arrow then reads every record, and the ones holding such a character are
# set aside as not UTF-8.
_ESCAPE, _ESCAPE_BASE = "c360.escape", 0x10FF00
_ESCAPED = re.compile("[\U0010ff00-\U0010ffff]")


def _escape_bytes(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(chr(_ESCAPE_BASE + b) for b in bad), error.end


codecs.register_error(_ESCAPE, _escape_bytes)


def _unescape(text: str) -> str:
    """Escaped bytes as ``\\xNN``, what a reject's text shows for bytes that do not decode.

    >>> print(_unescape("caf" + chr(0x10FFE9) + "!"))
    caf\\xe9!
    """
    return _ESCAPED.sub(lambda byte: f"\\x{ord(byte[0]) - _ESCAPE_BASE:02x}", text)


class _Escaped(io.RawIOBase):
    """A file's text as UTF-8, each byte that does not decode as ``encoding`` escaped."""

    def __init__(self, source: Path | BinaryIO, encoding: str) -> None:
        self._file = source.open("rb") if isinstance(source, Path) else source
        self._decoder = codecs.getincrementaldecoder(encoding)(errors=_ESCAPE)
        self._out = bytearray()

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        while size is None or size < 0 or len(self._out) < size:
            raw = self._file.read(1 << 22)
            self._out += self._decoder.decode(raw, final=not raw).encode("utf-8")
            if not raw:
                break
        end = len(self._out) if size is None or size < 0 else size
        out = bytes(self._out[:end])
        del self._out[:end]
        return out

    def close(self) -> None:
        self._file.close()
        super().close()


def _escaped_rows(batch: pa.RecordBatch) -> np.ndarray:
    """Positions of the rows with an escaped byte in a text value."""
    hit = np.zeros(batch.num_rows, bool)
    for column in batch.columns:
        if pa.types.is_string(column.type):
            found = pc.match_substring_regex(column, _ESCAPED.pattern)
            hit |= found.fill_null(False).to_numpy(zero_copy_only=False)
    return np.flatnonzero(hit)


def _quiet_row_text_errors() -> None:
    """Keep Python from printing the error Arrow meets when a malformed record is not UTF-8
    (``_csv`` reads the file again, escaped)."""
    hook = sys.unraisablehook
    if getattr(hook, "c360_quiet", False):
        return

    def quiet(unraisable: Any) -> None:
        if not (
            isinstance(unraisable.object, Fields)
            and issubclass(unraisable.exc_type, UnicodeDecodeError)
        ):
            hook(unraisable)

    quiet.c360_quiet = True  # type: ignore[attr-defined]
    sys.unraisablehook = quiet


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
