"""A source's text as UTF-8 in a temporary file: a ``.csv.gz`` decompressed, UTF-16 and UTF-32
transcoded.

A CSV whose text starts with a UTF-16 or UTF-32 byte order mark (a spreadsheet's "Unicode
text", PowerShell's ``Export-Csv``), or whose encoding the project file names UTF-16 or UTF-32,
is written in UTF-8 into a temporary file (in ``TMPDIR``), which is read and counted as the
same file in UTF-8 would be; so is a JSON or JSON-lines file starting with such a mark
(PowerShell's ``Out-File``), or whose first characters, which JSON writes in ASCII, say it is
UTF-16 or UTF-32 by their NUL bytes. Bytes that are not UTF-16 (half of a surrogate pair, the
odd last byte of a file cut short) or UTF-32 (a code point beyond Unicode) become bytes that
are not UTF-8, so that their record is quarantined as any undecodable one; ``as_written``
shows them as the file's own bytes again (``\\x00\\xd8``).
"""

from __future__ import annotations

import codecs
import io
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from c360.file_dialects import UTF16, UTF32
from c360.pipeline.bronze.blocks import GZIP_ERRORS, UTF8_BOM, csv_bytes, gzip_error, looks_utf16

NOT_UTF16 = "not UTF-16 text"  # the reason of a record holding bytes that are not UTF-16
NOT_UTF32 = "not UTF-32 text"
# The byte order marks, UTF-32's first: UTF-16's little-endian one starts it.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))  # fmt: skip
_MARKS = tuple(mark for mark, _ in _BOMS)
_NOT_UTF16 = "c360.not-utf16"  # the error handler of bytes that are not UTF-16 (or UTF-32)
_SURROGATE = 0xDC00  # a byte that is not UTF-16 becomes this lone surrogate plus its value
# how such a surrogate shows when its UTF-8 bytes are written as escapes: \xed\xb3\x98 is 0xd8
_SHOWN = re.compile(r"\\xed\\xb([0-3])\\x([89ab][0-9a-f])")


def wide(head: bytes, encoding: str) -> str | None:
    """The UTF-16 or UTF-32 codec of a CSV's text starting with ``head``, if it is either: by
    its byte order mark, whatever ``encoding`` (the project file's) says (a UTF-8 one makes it
    UTF-8), else as ``encoding`` names it (``utf-16`` or ``utf-32`` without a mark: big-endian
    if it starts with a NUL, as ASCII text then does).

    >>> wide(b"\\xff\\xfei\\x00", "cp1252"), wide(b"id", "utf-8"), wide(b"\\x00i", "UTF16")
    ('utf-16', None, 'utf-16-be')
    >>> wide(b"\\xff\\xfe\\x00\\x00i\\x00\\x00\\x00", "utf-8"), wide(b"i\\x00\\x00\\x00", "utf_32")
    ('utf-32', 'utf-32-le')
    """
    if head.startswith(_MARKS):
        return _marked(head)
    name = codecs.lookup(encoding).name
    if head.startswith(UTF8_BOM) or (name not in UTF16 and name not in UTF32):
        return None
    if name in ("utf-16", "utf-32"):
        return f"{name}-be" if head.startswith(b"\x00") else f"{name}-le"
    return name


def json_codec(head: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec of JSON text starting with ``head``, if it is either: by its
    byte order mark, else, when its first line is spaced out by NULs, by which of its first
    four bytes are NULs, JSON's first characters being ASCII (RFC 4627's rule, as Python's
    ``json.loads`` reads bytes); none for UTF-8 text, or when those bytes say neither.

    >>> json_codec(b"\\xff\\xfe[\\x00"), json_codec(b"[\\x00{\\x00")
    ('utf-16', 'utf-16-le')
    >>> json_codec(b"\\x00\\x00\\x00{"), json_codec(b"\\x00\\x00\\xfe\\xff\\x00\\x00\\x00{")
    ('utf-32-be', 'utf-32')
    >>> json_codec(b'{"id": 1}'), json_codec(b"&\\x03{\\x00")
    (None, None)
    """
    if head.startswith(_MARKS):
        return _marked(head)
    if len(head) < 4 or not looks_utf16(head):
        return None
    if not head[0]:
        return "utf-32-be" if head[:3] == b"\x00\x00\x00" and head[3] else "utf-16-be"
    if not head[1]:
        return "utf-32-le" if head[1:4] == b"\x00\x00\x00" else "utf-16-le"
    return None


def _marked(head: bytes) -> str:
    """The codec of text starting with a byte order mark. UTF-16's little-endian mark and a
    first character U+0000 are UTF-32's little-endian mark: what follows tells them apart,
    UTF-16 text read as UTF-32 being mostly code points beyond Unicode.

    >>> _marked("\\x00\\n{}".encode("utf-16")), _marked("\\x00\\n{}".encode("utf-32"))
    ('utf-16', 'utf-32')
    """
    codec = next(codec for mark, codec in _BOMS if head.startswith(mark))
    if codec == "utf-32" and head.startswith(b"\xff\xfe") and _beyond_unicode(head[4:]):
        return "utf-16"
    return codec


def _beyond_unicode(text: bytes) -> bool:
    """Whether most of the whole UTF-32 little-endian code units of ``text`` are no code
    points (a byte of UTF-32 text gone wrong is one of few)."""
    units = [int.from_bytes(text[i : i + 4], "little") for i in range(0, len(text) - 3, 4)]
    return 2 * sum(u > 0x10FFFF for u in units) > len(units)


def not_text(codec: str) -> str:
    """The reason of a record holding bytes that are not text in ``codec`` (UTF-16 or 32)."""
    return NOT_UTF32 if "32" in codec else NOT_UTF16


@contextmanager
def utf8_copy(
    path: Path,
    codec: str | None,
    source: Callable[[Path], io.BufferedIOBase] = csv_bytes,
    name: str = "text.csv",
) -> Iterator[Path]:
    """A source's text in a temporary file ``name``, decompressed as ``source`` opens it (a
    CSV when its name says gzip) and written in UTF-8 from ``codec`` when one is given; a gzip
    file that does not decompress whole raises ``SourceError`` naming it. The file is deleted
    afterwards."""
    with tempfile.TemporaryDirectory(prefix="c360-bronze-") as folder:
        text = Path(folder) / name  # not .gz: Arrow would take it for gzip
        with source(path) as source_bytes, text.open("wb") as out:
            try:
                if codec is None:
                    shutil.copyfileobj(source_bytes, out, 1 << 20)
                else:
                    _transcode(source_bytes, out, codec)
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
    """A reject's text read from the UTF-8 copy, its bytes that are not UTF-16 (or UTF-32) as
    the file writes them.

    >>> as_written("B,\\\\xed\\\\xb0\\\\x80\\\\xed\\\\xb3\\\\x98")
    'B,\\\\x00\\\\xd8'
    """
    if "\\xed" not in raw:
        return raw
    return _SHOWN.sub(lambda m: f"\\x{int(m[1]) << 6 | int(m[2], 16) & 0x3F:02x}", raw)
