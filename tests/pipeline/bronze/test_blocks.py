"""Splitting a text file into lines a block at a time, as the JSON-lines reader and the record
count both split it."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from c360.pipeline.bronze.blocks import (
    UTF8_BOM,
    SourceError,
    left_aside,
    line_blocks,
    lines,
    visible_files,
)

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


def test_a_linked_folder_is_searched_and_a_link_back_up_is_not_followed(tmp_path: Path) -> None:
    """Notes kept by year, one year linked from an archive: its files are the source's too. A
    link leading back to the folder (a loop) would list its files again and again."""
    folder, archive = tmp_path / "notes", tmp_path / "archive"
    (folder / "2024").mkdir(parents=True)
    archive.mkdir()
    (folder / "2024" / "a.txt").write_text("a")
    (archive / "b.txt").write_text("b")
    (folder / "2023").symlink_to(archive)
    (folder / "2024" / "up").symlink_to(folder)
    (folder / "self").symlink_to(".")
    assert visible_files(folder) == [f"{folder}/2023/b.txt", f"{folder}/2024/a.txt"]


def test_a_pipe_among_files_is_one_line_not_a_wait(tmp_path: Path) -> None:
    """Reading a named pipe would wait for a writer that never comes; leaving it out would
    drop whatever it stands for without a word."""
    (tmp_path / "a.txt").write_text("a")
    os.mkfifo(tmp_path / "b.txt")
    with pytest.raises(SourceError) as error:
        visible_files(tmp_path)
    assert str(error.value) == (
        f"{tmp_path / 'b.txt'} is not a regular file (a pipe, a socket or a device): "
        "move it out of the folder"
    )


def test_a_folders_files_not_of_its_format_are_named_inside_it(tmp_path: Path) -> None:
    """As ``source_files`` and ``parquet_files`` choose them: ``.CSV`` is a CSV and so is a
    ``.csv.gz``, a Parquet folder's ``.PARQUET`` is not Parquet; hidden files and a file source
    have none."""
    from c360.contracts.model import Column, Table

    csv = Table("p", "x", "", (Column("id", "string"),), path="p", file_format="csv")
    parquet = Table("p", "x", "", (Column("id", "string"),), path="p", file_format="parquet")
    (tmp_path / "2024").mkdir()
    for name in ("a.csv", "B.CSV", "c.csv.gz", "2024/d.tsv", "e.PARQUET", "f.parquet", "_g"):
        (tmp_path / name).write_text("x")
    assert left_aside(tmp_path, csv) == ["2024/d.tsv", "e.PARQUET", "f.parquet"]
    others = ["2024/d.tsv", "B.CSV", "a.csv", "c.csv.gz", "e.PARQUET"]
    assert left_aside(tmp_path, parquet) == others
    assert left_aside(tmp_path / "a.csv", csv) == []
