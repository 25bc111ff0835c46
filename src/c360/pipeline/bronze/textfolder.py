"""Text folders: a document per file (a note, an e-mail), between its marker lines.

A folder of notes holds many small files, so each is read without a Python file object, and
the folder is listed once while a source lands (``once``): its count and its reader see the
same files.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pyarrow as pa

from c360.contracts.model import Table
from c360.pipeline.bronze import blocks
from c360.pipeline.bronze.blocks import (
    BLOCK_ROWS,
    NOT_UTF8,
    ROW_NUMBER,
    UTF8_BOM,
    Block,
    Reject,
)
from c360.pipeline.bronze.once import once

NO_MARKERS = "no '--- BEGIN … ---' / '--- END … ---' markers"
_READ = 1 << 16  # what one read of a file asks for
# A "--- BEGIN X ---" line, then an "--- END X ---" line, each maybe ended by spaces or tabs
# (editors leave them), lines ended by \n, \r\n or a lone \r (a file written on Windows or
# an old Mac). The look-behind says "at the start of a line" as ^ would, after the words: a
# pattern starting with them is searched for much faster.
_MARKERS = re.compile(
    r"--- BEGIN (?<![^\r\n]--- BEGIN )(\w+) ---[ \t]*(?=[\r\n]|\Z)"
    r".*[\r\n]--- END \1 ---[ \t]*(?=[\r\n]|\Z)",
    re.DOTALL,
)


def text_files(folder: Path) -> list[str]:
    """The files of a text folder and of its sub-folders (notes kept by year, ``2024/…``), one
    document each, hidden ones aside, as in the other folders (``blocks.visible_files``)."""
    return once(("listing", os.fspath(folder)), partial(blocks.visible_files, folder))


def read_text_folder(path: Path, contract: Table) -> Iterator[Block]:
    """A folder's files, each named by its path inside the folder (``2024/n1.txt``): two
    sub-folders may each hold an ``n1.txt``, and ``name`` is the table's key."""
    files = text_files(path)
    inside = len(os.path.join(path, ""))
    for start in range(0, max(len(files), 1), BLOCK_ROWS):
        chunk = files[start : start + BLOCK_ROWS]
        names = [file[inside:].replace(os.sep, "/") for file in chunk]
        yield _text_block(chunk, names, [read_bytes(f) for f in chunk], start)


def read_bytes(file: str) -> bytes:
    """A file's bytes, read without a file object; a read that returns less than it asked
    for has reached the end of a regular file, so a small file takes one read."""
    fd = os.open(file, os.O_RDONLY)
    try:
        first = os.read(fd, _READ)
        if len(first) < _READ:
            return first
        chunks = [first]
        while chunk := os.read(fd, _READ):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:  # named as open() names it
        raise OSError(exc.errno, exc.strerror, file) from None
    finally:
        os.close(fd)


def _text_block(files: list[str], given: list[str], contents: list[bytes], start: int) -> Block:
    """The documents of ``files`` (numbered from ``start`` + 1) and the rejects: a file that
    is not UTF-8 text or has no markers."""
    texts: list[str] = []
    rejects: list[Reject] = []
    skipped: list[int] = []  # the positions of the rejects
    for i, raw in enumerate(contents):
        try:
            text = raw.removeprefix(UTF8_BOM).decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("utf-8", "backslashreplace")
            rejects.append((files[i], start + i + 1, text, NOT_UTF8))
            skipped.append(i)
            continue
        if _MARKERS.search(text):
            texts.append(text)
        else:
            rejects.append((files[i], start + i + 1, text, NO_MARKERS))
            skipped.append(i)
    numbers: range | list[int] = range(start + 1, start + len(files) + 1)
    if skipped:
        keep = sorted(set(range(len(files))).difference(skipped))
        files, given = [files[i] for i in keep], [given[i] for i in keep]
        numbers = [start + i + 1 for i in keep]
    data = pa.table(
        {
            "name": pa.array(given, pa.string()),
            "text": pa.array(texts, pa.string()),
            ROW_NUMBER: pa.array(numbers, pa.int64()),
        }
    )
    return Block(data, pa.array(files, pa.string()), rejects)
