"""A CSV's text as UTF-8 in a temporary file: a ``.csv.gz`` decompressed, UTF-16 transcoded.

A CSV whose text starts with a UTF-16 byte order mark (a spreadsheet's "Unicode text"), or
whose encoding the project file names UTF-16, is written in UTF-8 into a temporary file (in
``TMPDIR``), which is read and counted as the same file in UTF-8 would be. Bytes that are not
UTF-16 (half of a surrogate pair, the odd last byte of a file cut short) become bytes that are
not UTF-8, so that their record is quarantined as any undecodable one; ``as_written`` shows
them as the file's own bytes again (``\\x00\\xd8``).
"""

from __future__ import annotations

import codecs
import io
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from c360.config import UTF16
from c360.pipeline.bronze.blocks import GZIP_ERRORS, UTF8_BOM, csv_bytes, gzip_error

NOT_UTF16 = "not UTF-16 text"  # the reason of a record holding bytes that are not UTF-16
_BOMS = (b"\xff\xfe", b"\xfe\xff")
_NOT_UTF16 = "c360.not-utf16"
_SURROGATE = 0xDC00  # a byte that is not UTF-16 becomes this lone surrogate plus its value
# how such a surrogate shows when its UTF-8 bytes are written as escapes: \xed\xb3\x98 is 0xd8
_SHOWN = re.compile(r"\\xed\\xb([0-3])\\x([89ab][0-9a-f])")


def utf16(head: bytes, encoding: str) -> str | None:
    """The UTF-16 codec of a CSV's text starting with ``head``, if it is UTF-16: by its byte
    order mark, whatever ``encoding`` (the project file's) says (a UTF-8 one makes it UTF-8),
    else as ``encoding`` names it (``utf-16`` without a mark: big-endian if it starts with a
    NUL, as ASCII text then does).

    >>> utf16(b"\\xff\\xfei\\x00", "cp1252"), utf16(b"id", "utf-8"), utf16(b"\\x00i", "UTF16")
    ('utf-16', None, 'utf-16-be')
    """
    if head.startswith(_BOMS):
        return "utf-16"
    name = codecs.lookup(encoding).name
    if head.startswith(UTF8_BOM) or name not in UTF16:
        return None
    if name == "utf-16":
        return "utf-16-be" if head.startswith(b"\x00") else "utf-16-le"
    return name


@contextmanager
def utf8_copy(path: Path, codec: str | None) -> Iterator[Path]:
    """A CSV's text in a temporary file, decompressed when its name says gzip and written in
    UTF-8 from ``codec`` when one is given; a gzip file that does not decompress whole raises
    ``SourceError`` naming it. The file is deleted afterwards."""
    with tempfile.TemporaryDirectory(prefix="c360-bronze-") as folder:
        text = Path(folder) / "text.csv"  # not .gz: Arrow would take it for gzip
        with csv_bytes(path) as source, text.open("wb") as out:
            try:
                if codec is None:
                    shutil.copyfileobj(source, out, 1 << 20)
                else:
                    _transcode(source, out, codec)
            except GZIP_ERRORS as exc:
                raise gzip_error(path, exc) from None
        yield text


def _transcode(source: io.BufferedIOBase, out: BinaryIO, codec: str) -> None:
    decoder = codecs.getincrementaldecoder(codec)(errors=_NOT_UTF16)
    while raw := source.read(1 << 20):
        out.write(decoder.decode(raw).encode("utf-8", "surrogatepass"))
    out.write(decoder.decode(b"", final=True).encode("utf-8", "surrogatepass"))


def _not_utf16(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(chr(_SURROGATE + b) for b in bad), error.end


codecs.register_error(_NOT_UTF16, _not_utf16)


def as_written(raw: str) -> str:
    """A reject's text read from the UTF-8 copy, its bytes that are not UTF-16 as the file
    writes them.

    >>> as_written("B,\\\\xed\\\\xb0\\\\x80\\\\xed\\\\xb3\\\\x98")
    'B,\\\\x00\\\\xd8'
    """
    if "\\xed" not in raw:
        return raw
    return _SHOWN.sub(lambda m: f"\\x{int(m[1]) << 6 | int(m[2], 16) & 0x3F:02x}", raw)
