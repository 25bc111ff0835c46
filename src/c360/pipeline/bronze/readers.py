"""Raw readers: every source format as blocks of text columns, malformed records set aside.

Bronze keeps values exactly as the source wrote them, so every column is read as text; typing
is silver's job. A record that cannot be read at all (wrong number of CSV fields, a line that is
not JSON, a note without its markers) becomes a reject with its raw text and a reason. Database
sources (``c360.sources.postgres``, ``c360.sources.mongo``) yield the same blocks; CSV files
are read by ``csvfile``, Parquet files by ``parquetfile``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from c360.config import PLAIN_CSV, CsvFile
from c360.contracts.model import Table
from c360.pipeline.bronze.blocks import (
    BLOCK_ROWS,
    GZIP_ERRORS,
    NOT_UTF8,
    READ_ERRORS,
    ROW_NUMBER,
    UTF8_BOM,
    Block,
    Database,
    Reject,
    SourceError,
    contract_names,
    gzip_error,
    line_blocks,
    open_bytes,
    refuse_packed,
    refuse_row_number,
    refuse_utf16,
    source_files,
)
from c360.pipeline.bronze.csvfile import read_csv
from c360.pipeline.bronze.csvtext import as_written, json_codec, not_text, utf8_copy
from c360.pipeline.bronze.jsonarray import Broken, split_array
from c360.pipeline.bronze.once import once
from c360.pipeline.bronze.parquetfile import read_parquet
from c360.pipeline.bronze.textfolder import read_text_folder
from c360.workspace import special_file

_UTF16 = ": save it as UTF-8"  # what to do with a JSON file in UTF-16 that does not say which
_HEAD_BYTES = 4096  # what a JSON file's first bytes are read to tell how it is written
# What reading a copy of a file says of its bytes that are not UTF-8 (and where they start).
_NOT_UTF8_AT = re.compile(rf" is {NOT_UTF8}: .* at byte \d+$")
_EPOCH = dt.datetime(1970, 1, 1)


def read(path: Path | Database, contract: Table, dialect: CsvFile = PLAIN_CSV) -> Iterator[Block]:
    """The records of one source file, folder or database, in source order (a CSV file
    written as ``dialect`` says); a folder's files one after the other, by name."""
    if isinstance(path, Path) and not path.exists():
        raise SourceError(f"source file missing: {path}")
    if isinstance(path, Path):
        refuse_special(path)
    readers: dict[str, Callable[[Path, Table], Iterator[Block]]] = {
        "csv": partial(read_csv, dialect=dialect),
        "table": partial(
            _by_suffix, dialect=dialect, root=path if isinstance(path, Path) else None
        ),
        "parquet": read_parquet,
        "parquet_dir": read_parquet,
        "json": _json_array,
        "jsonl": _json_lines,
        "mongo_jsonl": _json_lines,
        "text": read_text_folder,
    }
    reader = readers[contract.file_format]
    blocks = (
        (
            block
            for file in source_files(path, contract)
            for block in _blocks(reader, file, contract)
        )
        if isinstance(path, Path)
        else path.read(contract)
    )
    name = path if isinstance(path, Path) else path.label
    try:
        yield from blocks
    except OSError as exc:  # a file of a folder that cannot be read
        if exc.filename is None or exc.strerror is None:  # Arrow's, its text naming the file
            raise SourceError(f"cannot read {name}: {exc}") from None
        raise SourceError(f"cannot read {exc.filename}: {exc.strerror}") from None
    except (*READ_ERRORS, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read {name}: {exc}") from None


def _blocks(
    reader: Callable[[Path, Table], Iterator[Block]], file: Path, contract: Table
) -> Iterator[Block]:
    """The blocks of one file; a gzip file that does not decompress whole stops the run
    naming it (not the folder it is in)."""
    try:
        yield from reader(file, contract)
    except GZIP_ERRORS as exc:
        raise gzip_error(file, exc) from None


def _head(path: Path) -> bytes:
    """The first bytes of a text source (of its text, for gzip)."""
    with open_bytes(path) as file:
        return file.read(_HEAD_BYTES)


def _json_codec(path: Path, head: bytes) -> str | None:
    """The codec of a JSON file starting with ``head`` when it is written in UTF-16 or UTF-32
    (``csvtext.json_codec``), none for UTF-8 text; stop on one that is not text: compressed
    otherwise than with gzip, or UTF-16 whose first characters do not say which."""
    refuse_packed(path, head, "JSON text")
    codec = json_codec(head)
    if codec is None:
        refuse_utf16(path, _UTF16, head)
    return codec


@contextmanager
def json_utf8(path: Path) -> Iterator[tuple[Path, str | None, bytes]]:
    """A JSON file's text in UTF-8, the codec the file is written in and the text's first
    bytes: the file itself (``None``), or a temporary copy of a file in UTF-16 or UTF-32
    (``csvtext.utf8_copy``), decompressed when it is gzip; the errors of reading the copy
    name the file. Only a file that is text passes (``_json_codec``)."""
    head = _head(path)
    codec = _json_codec(path, head)
    if codec is None:
        yield path, None, head
        return
    with utf8_copy(path, codec, open_bytes, "text.json") as text:
        try:
            yield text, codec, _head(text)
        except SourceError as exc:
            message = str(exc).replace(str(text), str(path))
            raise SourceError(_NOT_UTF8_AT.sub(f" is {not_text(codec)}", message)) from None


def _from_utf8(
    reader: Callable[[Path, Table, bytes], Iterator[Block]], path: Path, contract: Table
) -> Iterator[Block]:
    """The blocks ``reader`` reads from a JSON file's text in UTF-8 (``json_utf8``) and its
    first bytes, named as the file's, with the bytes of a UTF-16 or UTF-32 file that are not
    its encoding as the file writes them."""
    with json_utf8(path) as (text, codec, head):
        if codec is None:
            yield from reader(path, contract, head)
            return
        read, named, reason = str(text), str(path), not_text(codec)
        for block in reader(text, contract, head):
            rejects = [(named if file == read else file, number, as_written(raw),
                        reason if why == NOT_UTF8 else why)
                       for file, number, raw, why in block.rejects]  # fmt: skip
            yield replace(block, source_file=named, rejects=rejects)


def refuse_special(path: Path) -> None:
    """Raise ``SourceError`` when a source is neither a file nor a folder: a pipe, a socket
    or a device, which reading would wait on for ever (checked before it is opened)."""
    if special_file(path):
        raise SourceError(
            f"{path} is not a regular file (a pipe, a socket or a device): put the source's "
            "file there"
        )


def _by_suffix(path: Path, contract: Table, dialect: CsvFile, root: Path | None) -> Iterator[Block]:
    """A file of a table read from CSV or Parquet; ``root``: the folder of its source."""
    return (
        read_parquet(path, contract, root)
        if path.suffix == ".parquet"
        else read_csv(path, contract, dialect)
    )


class _Ambiguous(dict[str, Any]):
    """A JSON object giving a key two different values (Python keeps the last, other readers
    the first), with its text as written."""

    key: str
    text: str


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    doc = dict(pairs)
    if len(doc) == len(pairs):
        return doc
    clash = next((key for key, value in pairs if doc[key] != value), None)
    if clash is None:  # the same value twice: nothing is lost
        return doc
    ambiguous = _Ambiguous(doc)
    ambiguous.key = clash
    ambiguous.text = (
        "{" + ", ".join(f"{json.dumps(k)}: {_json_text(v, True)}" for k, v in pairs) + "}"
    )
    return ambiguous


class _Written:
    """A JSON number beyond a double's range (``1e999``), kept as the file writes it: Python
    reads it as infinity, which JSON writes ``Infinity``, another value (an integer beyond 64
    bits is kept whole too; silver says what it cannot read)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Written) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


def _number(text: str) -> float | _Written:
    """A JSON number with a fraction or an exponent: a double, or its text beyond a double's
    range (``Infinity`` written as such is a constant, not a number, and stays a double)."""
    value = float(text)
    return _Written(text) if math.isinf(value) else value


_JSON = json.JSONDecoder(object_pairs_hook=_object, parse_float=_number)
# One JSON value from a position: (value, where it ends); set by the decoder, not typed.
_SCAN: Callable[[str, int], tuple[Any, int]] = _JSON.scan_once  # type: ignore[attr-defined]


def _unreadable(exc: RecursionError | ValueError) -> str:
    """Why valid JSON is beyond Python's reader (the JSON syntax errors have their own)."""
    return "nested too deeply" if isinstance(exc, RecursionError) else "a number too long"


def json_array(path: Path, recover: bool = True) -> list[Any] | None:
    """The documents of a JSON array file (none in an empty file), or ``None`` when it holds
    JSON lines (an object per line: Spark and BigQuery write them as ``.json``). An array the
    JSON reader refuses is split into its elements when it can be (``recover``: a broken one
    becomes ``jsonarray.Broken``). ``path``: UTF-8 text (``json_utf8``). Parsed once while
    a source lands (``once``), for its count and its reader."""
    return once(("json array", os.fspath(path), recover), partial(_parse_array, path, recover))


def _parse_array(path: Path, recover: bool) -> list[Any] | None:
    with open_bytes(path) as file:
        data = file.read()
    undecodable = None
    try:
        text = data.decode("utf-8-sig")  # a byte order mark is not content
    except UnicodeDecodeError as exc:
        undecodable = f"{path} is not UTF-8 text: {exc.reason} at byte {exc.start}"
        if not recover:
            raise SourceError(undecodable) from None
        text = data.decode("utf-8-sig", "surrogateescape")  # the elements say which
    if not text.strip():  # an extract of a day without data
        return []
    try:
        docs = _JSON.decode(text)
    except json.JSONDecodeError as exc:
        first = text[: exc.pos].strip()  # the document before the extra data
        one_line = "\n" not in first and "\r" not in first
        if exc.msg == "Extra data" and first.startswith("{") and one_line:
            return None
        error = undecodable or f"{path} is not valid JSON: {exc}"
    except (RecursionError, ValueError) as exc:
        raise SourceError(f"{path} is not valid JSON: {_unreadable(exc)}") from None
    else:
        if not isinstance(docs, list):
            raise SourceError(undecodable or f"{path} must hold a JSON array of objects")
        if undecodable is None:
            return docs
        error = undecodable
    split = split_array(text, _SCAN) if recover else None
    if split is None:
        raise SourceError(error)
    return split


def lines_as_array(path: Path, head: bytes) -> list[Any] | None:
    """The documents of a JSON-lines file written as one JSON array instead (``mongoexport
    --jsonArray``, an API's response saved as is), or ``None`` for JSON lines. ``path``:
    UTF-8 text starting with ``head`` (``json_utf8``)."""
    if not head.removeprefix(UTF8_BOM).lstrip().startswith(b"["):
        return None
    try:
        return json_array(path, recover=False)
    except SourceError:  # not one array (an array a line, say): its lines say what is wrong
        return None


def _json_array(path: Path, contract: Table) -> Iterator[Block]:
    return _from_utf8(_array_or_lines, path, contract)


def _array_or_lines(path: Path, contract: Table, head: bytes) -> Iterator[Block]:
    docs = json_array(path)
    if docs is None:
        yield from _lines(path, contract, head)
        return
    yield from _array_blocks(path, contract, docs)


def _array_blocks(path: Path, contract: Table, docs: list[Any]) -> Iterator[Block]:
    for start in range(0, max(len(docs), 1), BLOCK_ROWS):
        part = docs[start : start + BLOCK_ROWS]
        numbered = [(start + i + 1, None, f"{d.text}\0{d.reason}") if d.__class__ is Broken
                    else (start + i + 1, d, None) for i, d in enumerate(part)]  # fmt: skip
        yield documents(str(path), contract, numbered)


def _json_lines(path: Path, contract: Table) -> Iterator[Block]:
    return _from_utf8(_lines, path, contract)


def _lines(path: Path, contract: Table, head: bytes) -> Iterator[Block]:
    if (docs := lines_as_array(path, head)) is not None:
        yield from _array_blocks(path, contract, docs)
        return
    with open_bytes(path) as file:  # lines as the record count sees them
        pending: list[tuple[int, Any, str | None]] = []
        first = 1  # the number of the first line of a block
        for block in line_blocks(file):
            for number, raw in enumerate(block, start=first):
                if raw[:1] != b"{" and not raw.strip():  # an object is not blank
                    continue
                pending.append(_json_object(number, raw))
                if len(pending) >= BLOCK_ROWS:
                    yield documents(str(path), contract, pending)
                    pending = []
            first += len(block)
        yield documents(str(path), contract, pending)


def _json_object(number: int, raw: bytes) -> tuple[int, Any, str | None]:
    """``_json_line``, faster for a line that is one JSON value and nothing around it: the
    decoder's scanner reads it directly (``decode`` would first look for spaces at both ends)."""
    try:
        line = raw.decode("utf-8")
        doc, end = _SCAN(line, 0)
    except (StopIteration, ValueError, RecursionError):  # the slow way says what is wrong
        return _json_line(number, raw)
    return (number, doc, line) if end == len(line) else _json_line(number, raw)


def _json_line(number: int, raw: bytes) -> tuple[int, Any, str]:
    """(number, document, text) of a line, or (number, None, "text\\0reason") to reject it."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return number, None, raw.decode("utf-8", "backslashreplace") + f"\0{NOT_UTF8}"
    try:  # a byte order mark starting a line: files joined end to end, as at the file's start
        return number, _JSON.decode(line.removeprefix("\ufeff")), line
    except json.JSONDecodeError as exc:
        where = exc.msg.removesuffix(" at")  # "Invalid control character at"
        return number, None, f"{line}\0not JSON: {where} at character {exc.colno}"
    except (RecursionError, ValueError) as exc:
        return number, None, f"{line}\0not JSON: {_unreadable(exc)}"


def documents(source: str, contract: Table, docs: Sequence[tuple[int, Any, str | None]]) -> Block:
    """Flatten one level of JSON documents (number, document, raw text) into text columns, keys
    spelt as a contract column but for case and spaces taken as that column; non-objects are
    rejected."""
    rows: list[dict[str, Any]] = []  # the documents that land, their values as parsed
    kept: list[int] = []  # the position in docs of each row
    rejects: list[Reject] = []
    for i, (number, doc, raw) in enumerate(docs):
        if doc.__class__ is dict:  # most are
            rows.append(doc)
            kept.append(i)
        elif doc is None and raw and "\0" in raw:
            text, reason = raw.rsplit("\0", 1)
            rejects.append((source, number, text, reason))
        elif not isinstance(doc, dict):
            reason = "record is not a JSON object"
            rejects.append((source, number, raw or _json_text(doc, True), reason))
        elif doc.__class__ is _Ambiguous:
            reason = f"key {doc.key!r} given twice with different values"
            rejects.append((source, number, raw or doc.text, reason))
        else:
            rows.append(doc)
            kept.append(i)
    present: set[str] = set().union(*rows)
    keys = [*present]
    renamed = {k: c for k, c in zip(keys, contract_names(keys, contract), strict=True) if k != c}
    if renamed:  # keys the contract spells otherwise: fold them, in the rows that have them
        texts = [{k: _scalar_text(v) for k, v in row.items()} for row in rows]
        rows, kept, clashes = _as_contract_keys(texts, kept, renamed)  # values compared as text
        for i, (given, other) in clashes:
            number, doc, raw = docs[i]
            reason = f"keys {given!r} and {other!r} name one column with different values"
            rejects.append((source, number, raw or _json_text(doc, True), reason))
        rejects.sort(key=lambda reject: reject[1])
        present = set().union(*rows)
    refuse_row_number(source, present)
    names = [*contract.column_names, *sorted(present - set(contract.column_names))]
    try:
        columns = [_text_column([row.get(name) for row in rows]) for name in names]
    except UnicodeEncodeError:  # "\ud83d" alone (half an emoji) is not Unicode text
        return documents(source, contract, [_without_lone_surrogate(d) for d in docs])
    numbers = pa.array([docs[i][0] for i in kept], pa.int64())
    data = pa.table([*columns, numbers], names=[*names, ROW_NUMBER])
    return Block(data, source, rejects, present)


def _text_column(values: list[Any]) -> pa.Array:
    """A column of JSON values as the text bronze keeps (``_scalar_text``), built a column at a
    time: text alone goes to Arrow as it is, and one kind of number or booleans among text are
    written by one method rather than by a function each."""
    try:
        return pa.array(values, pa.string())  # text and nulls only
    except pa.ArrowTypeError:
        pass
    kinds = set(map(type, values)) - {str, type(None)}
    kind = kinds.pop() if len(kinds) == 1 else None
    convert = _PLAIN_TEXT.get(kind, _scalar_text)
    if kind is float and not all(math.isfinite(v) for v in values if v.__class__ is float):
        convert = _scalar_text  # NaN and Infinity as JSON writes them
    texts = [v if v.__class__ is str or v is None else convert(v) for v in values]
    return pa.array(texts, pa.string())


# How _scalar_text writes numbers and booleans, one method each (floats when finite).
_PLAIN_TEXT: dict[type | None, Callable[[Any], str | None]] = {
    int: int.__repr__, float: float.__repr__, bool: {True: "true", False: "false"}.__getitem__,
}  # fmt: skip


def _as_contract_keys(
    rows: list[dict[str, str | None]], kept: list[int], renamed: dict[str, str]
) -> tuple[list[dict[str, str | None]], list[int], list[tuple[int, tuple[str, str]]]]:
    """The rows with their keys ``renamed``, and (position, the two keys) of each row where
    two keys name one column with different values (rejected: nothing says which one is meant;
    the same value twice loses nothing)."""
    folded_rows: list[dict[str, str | None]] = []
    folded_kept: list[int] = []
    clashes: list[tuple[int, tuple[str, str]]] = []
    for row, i in zip(rows, kept, strict=True):
        if renamed.keys().isdisjoint(row):
            folded_rows.append(row)
            folded_kept.append(i)
            continue
        folded: dict[str, str | None] = {}
        given: dict[str, str] = {}
        for key, value in row.items():
            name = renamed.get(key, key)
            if name in folded and folded[name] != value:
                clashes.append((i, (given[name], key)))
                break
            folded[name] = value
            given.setdefault(name, key)
        else:
            folded_rows.append(folded)
            folded_kept.append(i)
    return folded_rows, folded_kept, clashes


def _without_lone_surrogate(
    doc: tuple[int, Any, str | None],
) -> tuple[int, Any, str | None]:
    """``doc``, or the reason to reject it when its text holds half of a UTF-16 pair."""
    number, value, raw = doc
    text = _json_text(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        lone = f"\\u{ord(text[exc.start]):04x}"
        reason = f"text holds a lone UTF-16 surrogate ({lone})"
        return number, None, f"{raw or _json_text(value, True)}\0{reason}"
    return doc


def _scalar_text(value: Any) -> str | None:
    """A JSON value as the text bronze keeps: MongoDB's {"$date": …} / {"$oid": …} unwrapped."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:  # first: a column of them is common
        ((key, inner),) = value.items()
        if key == "$date" and not isinstance(inner, str):
            return _epoch_text(inner)
        if key in ("$date", "$oid", "$numberLong", "$numberDecimal", "$numberInt", "$numberDouble"):
            return inner if isinstance(inner, str) else _json_text(inner, True)
    elif isinstance(value, bool):
        return "true" if value else "false"
    elif value.__class__ is int:
        return str(value)
    elif value.__class__ is float and math.isfinite(value):
        return repr(value)  # what json.dumps writes, without its overhead
    elif value.__class__ is _Written:
        return value.text
    return _json_text(value)


def _json_text(value: Any, ensure_ascii: bool = False) -> str:
    """``value`` as JSON writes it, a number beyond a double's range as the file wrote it."""
    try:
        return json.dumps(value, ensure_ascii=ensure_ascii)
    except TypeError:  # a _Written number inside
        pass
    if value.__class__ is _Written:
        return str(value.text)
    if isinstance(value, dict):
        pairs = (f"{json.dumps(k, ensure_ascii=ensure_ascii)}: {_json_text(v, ensure_ascii)}"
                 for k, v in value.items())  # fmt: skip
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_json_text(v, ensure_ascii) for v in value) + "]"
    return json.dumps(value, ensure_ascii=ensure_ascii)  # what it cannot write, said as json does


def _epoch_text(value: Any) -> str:
    """A MongoDB date written as milliseconds since 1970 ({"$numberLong": "…"} in canonical
    extended JSON, a bare number in older exports) as ISO text in UTC; anything else as JSON."""
    millis: Any = value.get("$numberLong") if isinstance(value, dict) and len(value) == 1 else value
    try:
        when = _EPOCH + dt.timedelta(milliseconds=int(millis))
    except (TypeError, ValueError, OverflowError):
        return _json_text(value)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"
