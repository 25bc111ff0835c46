"""Records whose bytes are not UTF-8 (a line of a Windows export among UTF-8 ones): quarantined
with their text as written, each byte that does not decode kept as a ``\\xNN`` escape, never as
U+FFFD, so that the quarantine shows what the source held; UTF-8 text around them is unchanged."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360.contracts.model import Column, Table
from c360.file_dialects import CsvFile
from c360.pipeline import lake
from c360.pipeline.bronze import csvfile
from c360.pipeline.bronze.land import land

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
NOT_UTF8 = "not UTF-8 text"
PEOPLE = Table("people", "x", "", (Column("id", "string"), Column("name", "string")),
               path="sources/people.csv", file_format="csv")  # fmt: skip
LINES = Table("people", "x", "", (Column("id", "string"), Column("name", "string")),
              path="sources/people.jsonl", file_format="mongo_jsonl")  # fmt: skip
ARRAY = Table("people", "x", "", (Column("id", "string"), Column("name", "string")),
              path="sources/people.json", file_format="json")  # fmt: skip
TABLE = Table("people", "x", "", (Column("id", "string"), Column("name", "string")),
              path="sources/people.parquet", file_format="parquet")  # fmt: skip
NOTES = Table("notes", "x", "", (Column("name", "string"), Column("text", "string")),
              path="sources/notes", file_format="text")  # fmt: skip


def land_bytes(
    workspace: Path, table: Table, data: bytes, **options: Any
) -> tuple[list[dict[str, object]], list[tuple[object, ...]]]:
    """The landed rows and (number, raw, reason) of the quarantined ones."""
    path = workspace / table.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    result = land(workspace, table, path, "b1", WHEN, **options)
    rows = lake.read_table(workspace, "bronze", table.name).to_pylist()
    bad = lake.read_table(workspace, "quarantine", f"bronze_{table.name}").to_pylist()
    assert (result.landed, result.quarantined) == (len(rows), len(bad))
    return rows, [(r["_row_number"], r["raw"], r["reason"]) for r in bad]


def as_bytes(raw: str) -> bytes:
    """The bytes a quarantined text (without backslashes of its own) stands for."""
    return codecs.escape_decode(raw.encode("utf-8"))[0]


@pytest.mark.parametrize("block", [1 << 24, 16])
def test_a_csv_line_in_windows_1252_keeps_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    monkeypatch.setattr(csvfile, "CSV_BLOCK_BYTES", block)
    line = "2,Müller".encode("cp1252")
    rows, bad = land_bytes(tmp_path, PEOPLE, b"id,name\n1,J\xc3\xbcrgen\n" + line + b"\n3,Li\n")
    assert [(r["_row_number"], r["name"]) for r in rows] == [(1, "Jürgen"), (3, "Li")]
    assert bad == [(2, "2,M\\xfcller", NOT_UTF8)]
    assert as_bytes(str(bad[0][1])) == line


def test_a_malformed_csv_record_read_again_escaped_keeps_its_bytes(tmp_path: Path) -> None:
    """A record of a field too many that is not UTF-8: Arrow cannot hand its text over, so the
    file is read a second time with its bytes escaped; the quarantine unescapes them."""
    data = b'id,name\n"A",\xe9\n"B",x,"\xfc\xe9"\n"C\nc",caf\xc3\xa9 \xff\nD,d\n'
    rows, bad = land_bytes(tmp_path, PEOPLE, data)
    assert [(r["_row_number"], r["id"]) for r in rows] == [(4, "D")]
    assert bad == [
        (1, '"A",\\xe9', NOT_UTF8),
        (2, '"B",x,"\\xfc\\xe9"', "expected 2 fields, found 3"),
        (3, '"C\nc",café \\xff', NOT_UTF8),
    ]


def test_a_record_not_in_the_files_encoding_keeps_its_bytes(tmp_path: Path) -> None:
    """0x81 is no character of Windows-1252."""
    data = 'id;name\n"A";"Élodie"\n"B";"\x81"\n'.encode("latin-1")
    windows = CsvFile(delimiter=";", encoding="cp1252")
    rows, bad = land_bytes(tmp_path, PEOPLE, data, dialect=windows)
    assert [r["name"] for r in rows] == ["Élodie"]
    assert bad == [(2, '"B";"\\x81"', "not cp1252 text")]


def test_text_after_a_closing_quote_keeps_its_bytes(tmp_path: Path) -> None:
    rows, bad = land_bytes(tmp_path, PEOPLE, b'id,name\n1,"M\xfc" x\n2,Li\n')
    assert [r["name"] for r in rows] == ["Li"]
    assert bad == [(1, '1,"M\\xfc" x', NOT_UTF8)]


def test_a_header_name_not_utf8_keeps_its_bytes_and_its_values_as_text(tmp_path: Path) -> None:
    """Its values are text like every other column's: not typed by a guess ("007" as 7)."""
    rows, bad = land_bytes(tmp_path, PEOPLE, b"id,name,n\xe4me\n1,A,007\n2,B,1.50\n",
                           drift="evolve")  # fmt: skip
    assert [r["_extra"] for r in rows] == ['{"n\\\\xe4me": "007"}', '{"n\\\\xe4me": "1.50"}']
    assert bad == []


def test_a_json_line_in_windows_1252_keeps_its_bytes(tmp_path: Path) -> None:
    line = '{"id": "2", "name": "Müller"}'.encode("cp1252")
    data = b'{"id": "1", "name": "J\xc3\xbcrgen"}\n' + line + b'\n{"id": "3", "name": "Li"}\n'
    rows, bad = land_bytes(tmp_path, LINES, data)
    assert [(r["_row_number"], r["name"]) for r in rows] == [(1, "Jürgen"), (3, "Li")]
    assert bad == [(2, '{"id": "2", "name": "M\\xfcller"}', NOT_UTF8)]
    assert as_bytes(str(bad[0][1])) == line


def test_an_element_of_a_json_array_in_windows_1252_keeps_its_bytes(tmp_path: Path) -> None:
    data = b'[\n{"id": "1", "name": "J\xc3\xbcrgen"},\n{"id": "2", "name": "M\xfcller"}\n]\n'
    rows, bad = land_bytes(tmp_path, ARRAY, data)
    assert [r["name"] for r in rows] == ["Jürgen"]
    assert bad == [(2, '{"id": "2", "name": "M\\xfcller"}', NOT_UTF8)]


def test_a_note_in_windows_1252_keeps_its_bytes(tmp_path: Path) -> None:
    text = "--- BEGIN NOTE ---\nMüller\n--- END NOTE ---\n".encode("cp1252")
    folder = tmp_path / NOTES.path
    folder.mkdir(parents=True)
    (folder / "n1.txt").write_bytes(text)
    land(tmp_path, NOTES, folder, "b1", WHEN)
    quarantined = lake.read_table(tmp_path, "quarantine", "bronze_notes").to_pylist()
    assert [(r["raw"], r["reason"]) for r in quarantined] == [
        ("--- BEGIN NOTE ---\nM\\xfcller\n--- END NOTE ---\n", NOT_UTF8)
    ]


def test_parquet_text_not_utf8_keeps_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / TABLE.path
    path.parent.mkdir(parents=True)
    names = pa.array([b"M\xfcller", "Jürgen".encode()], pa.binary())
    pq.write_table(pa.table({"id": ["1", "2"], "name": names}), path)
    land(tmp_path, TABLE, path, "b1", WHEN)
    quarantined = lake.read_table(tmp_path, "quarantine", "bronze_people").to_pylist()
    assert [(r["_row_number"], r["raw"]) for r in quarantined] == [
        (1, '{"id": "1", "name": "M\\\\xfcller"}')  # JSON text of the value M\xfcller
    ]
