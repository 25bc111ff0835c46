"""Splitting a text file into lines a block at a time, as the JSON-lines reader and the record
count both split it."""

from __future__ import annotations

import io

import pytest

from c360.pipeline.bronze.blocks import UTF8_BOM, line_blocks, lines

# A byte order mark, Windows, Unix and old Mac line breaks, blank lines, no final line break.
TEXT = UTF8_BOM + b'{"a": 1}\r\n\r\n{"b": 2}\n\n{"c": 3}\r{"d": 4}\r\r\n  \n{"e": 5}'
LINES = [b'{"a": 1}', b"", b'{"b": 2}', b"", b'{"c": 3}', b'{"d": 4}', b"", b"  ", b'{"e": 5}']


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 13, 1 << 20])
def test_lines_split_a_block_at_a_time_as_one_by_one(size: int) -> None:
    """A block may end between \\r and \\n, inside the byte order mark, or inside a line."""
    blocks = list(line_blocks(io.BytesIO(TEXT), size))
    assert [line for block in blocks for line in block] == LINES
    assert list(lines(io.BytesIO(TEXT))) == LINES


def test_a_byte_order_mark_is_content_after_the_first_line() -> None:
    text = b"a\n" + UTF8_BOM + b"b\n"
    assert [line for block in line_blocks(io.BytesIO(text), 2) for line in block] == [
        b"a",
        UTF8_BOM + b"b",
    ]


def test_a_file_without_line_breaks_is_one_line() -> None:
    assert list(line_blocks(io.BytesIO(b"x" * 10), 3)) == [[b"x" * 10]]
    assert list(line_blocks(io.BytesIO(b""), 3)) == []
