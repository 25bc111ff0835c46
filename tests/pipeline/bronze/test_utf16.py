"""A CSV written in UTF-16 (a spreadsheet's "Unicode text") or UTF-32 lands as the same file in
UTF-8."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

from c360 import contracts
from c360.contracts.model import Column, Table
from c360.file_dialects import CsvFile
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.land import land, land_all

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
PEOPLE = Table("people", "x", "", (Column("id", "string"), Column("age", "int")),
               path="sources/people.csv", file_format="csv")  # fmt: skip
INVENTORY = contracts.get("ecommerce_inventory")
TEXTS = {
    "malformed": 'id,age\r\nA,35\r\nB\r\n"C, jr",forty\r\nD,1,2\r\nÉloïse,\r\nA,35\r\n',
    "sep-line": 'sep=;\r\n\r\nid;age\r\n"two\r\nlines";1\r\n😀;2\r\nid;age\r\n',
    "tabs-cut-short": 'id\tage\nA\t1\n\nB\t"2',
    "header-only": "id,age",
    "empty": "",
}
# How the file is written: its codec (a byte order mark first for "utf-16"), the encoding
# c360.yaml names, and whether it is gzip-compressed.
WRITTEN = {
    "bom": ("utf-16", "utf-8", False),
    "bom-be": ("utf-16-be", "utf-8", False),  # the mark written by hand below
    "bom-gz": ("utf-16", "utf-8", True),
    "bom-named-cp1252": ("utf-16", "cp1252", False),
    "named-le": ("utf-16-le", "utf-16-le", False),
    "named-be": ("utf-16-be", "UTF-16BE", False),
    "named-utf16-le": ("utf-16-le", "utf-16", True),
    "bom32": ("utf-32", "utf-8", False),
    "bom32-be": ("utf-32-be", "utf-8", False),  # the mark written by hand below
    "bom32-gz": ("utf-32", "cp1252", True),
    "named32-le": ("utf-32-le", "utf-32-le", False),
    "named32-be": ("utf-32-be", "UTF-32BE", True),
    "named-utf32-be": ("utf-32-be", "utf_32", False),
    "named-utf32-le": ("utf-32-le", "utf-32", True),
}
MARKS = {"bom-be": b"\xfe\xff", "bom32-be": b"\x00\x00\xfe\xff"}


def landed(workspace: Path, data: bytes, dialect: CsvFile, gz: bool = False) -> tuple:
    """What landing ``data`` as the people CSV did: counts, warnings, rows and rejects."""
    path = workspace / (PEOPLE.path + ".gz" if gz else PEOPLE.path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data) if gz else data)
    result = land(workspace, PEOPLE, path, "b1", WHEN, dialect=dialect)
    rows = lake.read_table(workspace, "bronze", "people").to_pylist()
    bad = lake.read_table(workspace, "quarantine", "bronze_people").to_pylist()
    named = {r.pop("_source_file") for r in rows + bad}
    assert named <= {PEOPLE.path + ".gz" if gz else PEOPLE.path}
    warnings = [w.replace(str(path), "<file>") for w in result.warnings]
    return (result.records, result.landed, result.quarantined, warnings), rows, bad


def csv_file(delimiter: str, encoding: str) -> CsvFile:
    """A dialect naming any encoding (the project file's check aside)."""
    return CsvFile.model_construct(delimiter=delimiter, encoding=encoding)


@pytest.mark.parametrize("written", WRITTEN)
@pytest.mark.parametrize("text", TEXTS)
def test_a_utf16_or_utf32_csv_lands_as_the_same_file_in_utf8(
    tmp_path: Path, text: str, written: str
) -> None:
    codec, named, gz = WRITTEN[written]
    delimiter = "\t" if text.startswith("tabs") else ","
    data = MARKS.get(written, b"") + TEXTS[text].encode(codec)
    utf8 = TEXTS[text].encode()
    marked = data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"))
    utf8 = b"\xef\xbb\xbf" + utf8 if marked else utf8
    plain = landed(tmp_path / "utf8", utf8, CsvFile(delimiter=delimiter), gz)
    assert landed(tmp_path / "utf16", data, csv_file(delimiter, named), gz) == plain


def test_the_encoding_named_in_the_project_file_lands_a_utf16_export(tmp_path: Path) -> None:
    """A spreadsheet's "Unicode text": tab-separated, UTF-16 with a byte order mark."""
    header = "\t".join(INVENTORY.column_names)
    values = "\t".join(f"Größe {i}" for i in range(len(INVENTORY.column_names)))
    file = tmp_path / INVENTORY.path
    file.parent.mkdir(parents=True)
    file.write_bytes(f"{header}\r\n{values}\r\n".encode("utf-16"))
    (tmp_path / "c360.yaml").write_text('csv:\n  ecommerce_inventory: {delimiter: "\\t"}\n')
    [result] = land_all(tmp_path)
    assert (result.records, result.landed, result.quarantined) == (1, 1, 0)
    [row] = lake.read_table(tmp_path, "bronze", INVENTORY.name).to_pylist()
    assert row[INVENTORY.column_names[1]] == "Größe 1"
    assert row["_source_file"] == INVENTORY.path


@pytest.mark.parametrize("gz", [False, True])
def test_a_lone_surrogate_quarantines_its_record_showing_its_bytes(
    tmp_path: Path, gz: bool
) -> None:
    data = (
        "id,age\nA,1\n".encode("utf-16")
        + b"B\x00,\x00\x00\xd82\x00\n\x00"
        + "C,3\n".encode("utf-16-le")
    )
    counts, rows, bad = landed(tmp_path, data, CsvFile(), gz)
    assert counts == (3, 2, 1, [])
    assert [(r["id"], r["_row_number"]) for r in rows] == [("A", 1), ("C", 3)]
    assert [(b["_row_number"], b["raw"], b["reason"]) for b in bad] == [
        (2, "B,\\x00\\xd82", "not UTF-16 text")
    ]


def test_a_utf16_file_cut_short_inside_a_character_quarantines_its_last_record(
    tmp_path: Path,
) -> None:
    data = "id,age\nA,1\nB,2".encode("utf-16")[:-1]  # half of the last "2"
    counts, _, bad = landed(tmp_path, data, CsvFile(delimiter=","))
    assert counts == (2, 1, 1, [])
    assert [(b["_row_number"], b["raw"], b["reason"]) for b in bad] == [
        (2, "B,\\x32", "not UTF-16 text")
    ]


def test_a_malformed_record_with_a_lone_surrogate_is_quarantined_once(tmp_path: Path) -> None:
    data = "id,age\nA,1\n".encode("utf-16") + "B,\ud800,x\nC,3\n".encode(
        "utf-16-le", "surrogatepass"
    )
    counts, _, bad = landed(tmp_path, data, CsvFile())
    assert counts[:3] == (3, 2, 1)
    [reject] = bad
    assert (reject["_row_number"], reject["raw"]) == (2, "B,\\x00\\xd8,x")


@pytest.mark.parametrize("gz", [False, True])
def test_a_code_point_beyond_unicode_quarantines_its_utf32_record(tmp_path: Path, gz: bool) -> None:
    data = (
        "id,age\nA,1\n".encode("utf-32")
        + "B,".encode("utf-32-le")
        + b"\x00\x00\x11\x00"  # U+110000
        + "\nC,3\n".encode("utf-32-le")
    )
    counts, rows, bad = landed(tmp_path, data, CsvFile(), gz)
    assert counts == (3, 2, 1, [])
    assert [(r["id"], r["_row_number"]) for r in rows] == [("A", 1), ("C", 3)]
    assert [(b["_row_number"], b["raw"], b["reason"]) for b in bad] == [
        (2, "B,\\x00\\x00\\x11\\x00", "not UTF-32 text")
    ]


def test_a_utf32_file_cut_short_inside_a_character_quarantines_its_last_record(
    tmp_path: Path,
) -> None:
    data = "id,age\nA,1\nB,2".encode("utf-32-le")[:-2]  # half of the last "2"
    counts, _, bad = landed(tmp_path, data, csv_file(",", "utf-32-le"))
    assert counts == (2, 1, 1, [])
    assert [(b["_row_number"], b["raw"], b["reason"]) for b in bad] == [
        (2, "B,\\x32\\x00", "not UTF-32 text")
    ]


# UTF-16 text starting with U+0000: little-endian, its mark and that character are the bytes
# of UTF-32's little-endian mark.
NUL_FIRST = {
    "nul-header": "\x00id,age\r\nA,35\r\n",
    "nul-line": "\x00\r\nid,age\r\nA,35\r\n",
}


@pytest.mark.parametrize("written", ["bom", "bom-be", "bom-gz", "bom-named-cp1252"])
@pytest.mark.parametrize("text", NUL_FIRST)
def test_a_utf16_csv_starting_with_a_nul_is_read_as_the_same_file_in_utf8(
    tmp_path: Path, text: str, written: str
) -> None:
    codec, named, gz = WRITTEN[written]
    data = MARKS.get(written, b"") + NUL_FIRST[text].encode(codec)
    utf8 = b"\xef\xbb\xbf" + NUL_FIRST[text].encode()

    def outcome(workspace: Path, data: bytes, dialect: CsvFile) -> object:
        try:
            return landed(workspace, data, dialect, gz)
        except SourceError as exc:
            return str(exc).replace(str(workspace), "<ws>")

    wide = outcome(tmp_path / "wide", data, csv_file(",", named))
    assert wide == outcome(tmp_path / "utf8", utf8, CsvFile())
    assert "header holds control bytes" in str(wide)
