"""JSON and JSON-lines files: their text in UTF-8, parsed into documents, bad records set aside.

A file in UTF-16 or UTF-32 (by its byte order mark, or by the NUL bytes its first characters
make) is read from a UTF-8 copy (``csvtext.utf8_copy``), its rejects named and shown as the
file writes them. A JSON array that the reader refuses is split into its elements
(``jsonarray``); a ``.json`` file of JSON lines, or a JSON-lines file written as one array, is
read as what it holds. A line that is not JSON is rejected with the reason. Field names the
project file maps (``json: <table>: columns:``) land as their contract columns, checked once a
file's documents are read (``jsonfields``).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from c360.contracts.model import Table
from c360.pipeline.bronze.blocks import (
    BLOCK_ROWS,
    NOT_UTF8,
    UTF8_BOM,
    Block,
    SourceError,
    line_blocks,
    open_bytes,
    refuse_packed,
    refuse_utf16,
)
from c360.pipeline.bronze.csvtext import as_written, json_codec, not_text, utf8_copy
from c360.pipeline.bronze.documents import JSON_DECODER, SCAN, documents, unreadable
from c360.pipeline.bronze.jsonarray import Broken, split_array
from c360.pipeline.bronze.jsonfields import checked
from c360.pipeline.bronze.once import once

_UTF16 = ": save it as UTF-8"  # what to do with a JSON file in UTF-16 that does not say which
_HEAD_BYTES = 4096  # what a JSON file's first bytes are read to tell how it is written
# What reading a copy of a file says of its bytes that are not UTF-8 (and where they start).
_NOT_UTF8_AT = re.compile(rf" is {NOT_UTF8}: .* at byte \d+$")


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


Reader = Callable[[Path, Table, bytes, dict[str, str] | None], Iterator[Block]]


def _from_utf8(
    reader: Reader, path: Path, contract: Table, columns: dict[str, str] | None
) -> Iterator[Block]:
    """The blocks ``reader`` reads from a JSON file's text in UTF-8 (``json_utf8``) and its
    first bytes, named as the file's, with the bytes of a UTF-16 or UTF-32 file that are not
    its encoding as the file writes them."""
    with json_utf8(path) as (text, codec, head):
        if codec is None:
            yield from reader(path, contract, head, columns)
            return
        read, named, reason = str(text), str(path), not_text(codec)
        for block in reader(text, contract, head, columns):
            rejects = [(named if file == read else file, number, as_written(raw),
                        reason if why == NOT_UTF8 else why)
                       for file, number, raw, why in block.rejects]  # fmt: skip
            yield replace(block, source_file=named, rejects=rejects)


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
        docs = JSON_DECODER.decode(text)
    except json.JSONDecodeError as exc:
        first = text[: exc.pos].strip()  # the document before the extra data
        one_line = "\n" not in first and "\r" not in first
        if exc.msg == "Extra data" and first.startswith("{") and one_line:
            return None
        error = undecodable or f"{path} is not valid JSON: {exc}"
    except (RecursionError, ValueError) as exc:
        raise SourceError(f"{path} is not valid JSON: {unreadable(exc)}") from None
    else:
        if not isinstance(docs, list):
            raise SourceError(undecodable or f"{path} must hold a JSON array of objects")
        if undecodable is None:
            return docs
        error = undecodable
    split = split_array(text, SCAN) if recover else None
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


def read_json(
    path: Path, contract: Table, columns: dict[str, str] | None = None
) -> Iterator[Block]:
    """The documents of a JSON file: an array of them, or JSON lines (as Spark writes); fields
    named as ``columns`` maps them."""
    return checked(_from_utf8(_array_or_lines, path, contract, columns), path, contract, columns)


def _array_or_lines(
    path: Path, contract: Table, head: bytes, columns: dict[str, str] | None
) -> Iterator[Block]:
    docs = json_array(path)
    if docs is None:
        yield from _lines(path, contract, head, columns)
        return
    yield from _array_blocks(path, contract, docs, columns)


def _array_blocks(
    path: Path, contract: Table, docs: list[Any], columns: dict[str, str] | None
) -> Iterator[Block]:
    for start in range(0, max(len(docs), 1), BLOCK_ROWS):
        part = docs[start : start + BLOCK_ROWS]
        numbered = [(start + i + 1, None, f"{d.text}\0{d.reason}") if d.__class__ is Broken
                    else (start + i + 1, d, None) for i, d in enumerate(part)]  # fmt: skip
        yield documents(str(path), contract, numbered, columns)


def read_json_lines(
    path: Path, contract: Table, columns: dict[str, str] | None = None
) -> Iterator[Block]:
    """The documents of a JSON-lines file, one a line (or one array, as ``mongoexport``
    writes); fields named as ``columns`` maps them."""
    return checked(_from_utf8(_lines, path, contract, columns), path, contract, columns)


def _lines(
    path: Path, contract: Table, head: bytes, columns: dict[str, str] | None
) -> Iterator[Block]:
    if (docs := lines_as_array(path, head)) is not None:
        yield from _array_blocks(path, contract, docs, columns)
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
                    yield documents(str(path), contract, pending, columns)
                    pending = []
            first += len(block)
        yield documents(str(path), contract, pending, columns)


def _json_object(number: int, raw: bytes) -> tuple[int, Any, str | None]:
    """``_json_line``, faster for a line that is one JSON value and nothing around it: the
    decoder's scanner reads it directly (``decode`` would first look for spaces at both ends)."""
    try:
        line = raw.decode("utf-8")
        doc, end = SCAN(line, 0)
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
        return number, JSON_DECODER.decode(line.removeprefix("\ufeff")), line
    except json.JSONDecodeError as exc:
        where = exc.msg.removesuffix(" at")  # "Invalid control character at"
        return number, None, f"{line}\0not JSON: {where} at character {exc.colno}"
    except (RecursionError, ValueError) as exc:
        return number, None, f"{line}\0not JSON: {unreadable(exc)}"
