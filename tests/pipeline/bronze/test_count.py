"""Counting a source's records apart from the reader: CSV line breaks inside quotes."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from c360.contracts.model import Column, Table
from c360.pipeline.bronze.count import count, csv_records, filled_lines

LINES = Table("docs", "x", "", (Column("id", "string"),), path="docs.jsonl", file_format="jsonl")

TEXT = b'id,note\n\n1,"two\n\nlines"\r\n\r\n2,"say ""hi"", then\nleave"\n   \n3,x'


@pytest.mark.parametrize("block", [1, 2, 3, 5, 8, 1 << 24])
def test_line_breaks_inside_quotes_do_not_end_a_record(tmp_path: Path, block: int) -> None:
    path = tmp_path / "notes.csv"
    path.write_bytes(TEXT)
    assert csv_records(path, block) == 4  # 1, 2, the line of spaces, 3


def test_empty_lines_and_a_missing_final_line_break_are_not_records(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_bytes(b"\nid\r\n\r\nA\n\nB\r\n\n")
    assert csv_records(path, 2) == csv_records(path) == 2
    path.write_bytes(b"id")
    assert csv_records(path) == 0
    for nothing in (b"", b"\r\n\n"):  # not even a header
        path.write_bytes(nothing)
        assert csv_records(path) == 0


@pytest.mark.parametrize("block", [1, 2, 3, 1 << 24])
def test_a_lone_carriage_return_ends_a_record_as_in_old_mac_files(
    tmp_path: Path, block: int
) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(b'id,note\r1,"a\rb"\r\r2,x\r\n3,y\r')
    assert csv_records(path, block) == 3  # the \r inside quotes is part of 1's note


def test_json_lines_ended_by_a_lone_carriage_return_are_counted_line_by_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'{"id": "a"}\r{"id": "b"}\r\r \r\n{"id": "c"}')
    assert count(path, LINES) == 3


# A quote inside an unquoted value is a character like any other (as CSV readers take it): it
# opens no quoted value, so the line break after it ends the record.
STRAY_QUOTES = [
    (b'id,note\n1,"two\nlines"\n2,5" screen\n3,x\n', ",", 3),
    (b'id;note\n1;"two\nlines"\n2;5" screen;\n3;x\n', ";", 3),
    (b'id,note\n1,"a""b\nc"\n2,x "y" z\n3,"Elec"tronics\n4,"p\nq"\n', ",", 4),
    (b'id,note\n1,"a",x"\n2,y\n', ",", 2),  # after its closing quote a value runs on
    (b'id,note\n1,"a\n2,b\n', ",", 1),  # a quote never closed holds the rest
]


@pytest.mark.parametrize(("text", "delimiter", "records"), STRAY_QUOTES)
@pytest.mark.parametrize("block", [1, 2, 3, 7, 1 << 24])
def test_a_quote_inside_an_unquoted_value_opens_no_quoted_value(
    tmp_path: Path, text: bytes, delimiter: str, records: int, block: int
) -> None:
    path = tmp_path / "notes.csv"
    path.write_bytes(text)
    assert csv_records(path, block, delimiter) == records


PEOPLE = Table("people", "x", "", (Column("id", "string"),), path="p.csv", file_format="csv")


@pytest.mark.parametrize(
    ("text", "lines", "records"),
    [(TEXT, 6, 4), (b"sep=;\r\nid;n\r1;\"a\rb\"\r\r2;x", 1, 3),
     (b"id\n" + b"A\n" * 5000, 5000, 5000)],
)  # fmt: skip
def test_a_gzip_compressed_csv_is_counted_as_its_text(
    tmp_path: Path, text: bytes, lines: int, records: int
) -> None:
    """By its lines, and again by its records: the reader's count is no proof of itself."""
    path = tmp_path / "p.csv.gz"
    path.write_bytes(gzip.compress(text))
    assert count(path, PEOPLE) == lines
    assert count(path, PEOPLE, quoted=True) == records
    assert csv_records(path, 3, ";" if text.startswith(b"sep=;") else ",") == records


# Lines as iterating the file splits them (at \n), each holding a byte other than \r and \n
# or not: empty lines, lines of carriage returns alone, a last line without a line break.
FILLED = [
    (b"", 0), (b"\n", 0), (b"a", 1), (b"a\n", 1), (b"\n\na\n\n\nb", 2), (b"\r\r\n\r", 0),
    (b"\ra\r\n\r\n\n\rb\r", 2), (b"id\n1\n\n\n2\r\n3", 4), (b"x\n\n" * 7 + b"\r", 7),
]  # fmt: skip


@pytest.mark.parametrize(("text", "filled"), FILLED)
@pytest.mark.parametrize("size", [1, 2, 3, 5, 1 << 22])
def test_filled_lines_are_counted_whatever_the_pieces_read(
    text: bytes, filled: int, size: int
) -> None:
    assert sum(1 for line in io.BytesIO(text) if line.rstrip(b"\r\n")) == filled
    assert filled_lines(io.BytesIO(text), size) == filled
