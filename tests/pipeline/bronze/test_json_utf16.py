"""JSON and JSON lines written in UTF-16 or UTF-32 (Windows PowerShell's ``Out-File``) land as
the same files in UTF-8."""

from __future__ import annotations

import gzip
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from c360 import contracts
from c360.contracts.model import Column, Table
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.land import land, land_all

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
LINES = Table("docs", "x", "", (Column("id", "string"), Column("n", "int")),
              path="sources/docs.jsonl", file_format="jsonl")  # fmt: skip
ARRAY = replace(LINES, path="sources/docs.json", file_format="json")
MONGO = replace(LINES, file_format="mongo_jsonl")
CUSTOMERS = contracts.get("ecommerce_customers")
TEXTS = {
    "lines": (
        '\r\n{"id": "a", "n": 1}\r\n{"ID": "b", " N ": 2}\n\n{"id": "c", \n[1]\n'
        '{"id": "Éloïse 😀", "n": 1e999}\n{"id": "d", "n": 2, "n": 3}\n'
        '\ufeff{"id": "e"}\r{"id": "f", "n": {"$numberLong": "7"}}'
    ),
    "array-as-lines": '[{"id": "a", "n": 1},\n {"id": "b"}]\n',
    "array": (
        '[\r\n    {\r\n        "id":  "a",\r\n        "n":  1\r\n    },\r\n'
        '    {\r\n        "id":  "Größe 😀",\r\n        "n":  null\r\n    }\r\n]\r\n'
    ),
    "broken-array": '[\n{"id": "a", "n": 1},\n{"id": "b",, "n": 2},\n{"id": "c"}\n',
    "lines-as-json": '{"id": "a", "n": 1}\r\n{"id": "b", "n": 2}\r\n{"id": "c", \r\n',
    "empty": "",
}
TABLES = {"lines": LINES, "array-as-lines": MONGO, "array": ARRAY, "broken-array": ARRAY,
          "lines-as-json": ARRAY, "empty": LINES}  # fmt: skip
# How the file is written: its codec (a byte order mark first for "utf-16" and "utf-32"), a
# mark written by hand, and whether it is gzip-compressed.
WRITTEN = {
    "bom": ("utf-16", b"", False),
    "bom-be": ("utf-16-be", b"\xfe\xff", False),
    "bom-gz": ("utf-16", b"", True),
    "le": ("utf-16-le", b"", False),  # JSON's first characters say which
    "be-gz": ("utf-16-be", b"", True),
    "bom32": ("utf-32", b"", False),
    "bom32-be": ("utf-32-be", b"\x00\x00\xfe\xff", False),
    "bom32-gz": ("utf-32", b"", True),
    "32-le": ("utf-32-le", b"", False),
    "32-be": ("utf-32-be", b"", False),
}


def landed(workspace: Path, table: Table, data: bytes, gz: bool = False) -> tuple:
    """What landing ``data`` as the table's file did: counts, warnings, rows and rejects."""
    path = workspace / (table.path + ".gz" if gz else table.path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data) if gz else data)
    result = land(workspace, table, path, "b1", WHEN)
    rows = lake.read_table(workspace, "bronze", table.name).to_pylist()
    bad = lake.read_table(workspace, "quarantine", f"bronze_{table.name}").to_pylist()
    named = {r.pop("_source_file") for r in rows + bad}
    assert named <= {table.path + ".gz" if gz else table.path}
    warnings = [w.replace(str(path), "<file>") for w in result.warnings]
    return (result.records, result.landed, result.quarantined, warnings), rows, bad


@pytest.mark.parametrize("written", WRITTEN)
@pytest.mark.parametrize("text", TEXTS)
def test_a_utf16_or_utf32_json_file_lands_as_the_same_file_in_utf8(
    tmp_path: Path, text: str, written: str
) -> None:
    codec, mark, gz = WRITTEN[written]
    table = TABLES[text]
    data = mark + TEXTS[text].encode(codec)
    utf8 = TEXTS[text].encode()
    utf8 = b"\xef\xbb\xbf" + utf8 if mark or codec in ("utf-16", "utf-32") else utf8
    plain = landed(tmp_path / "utf8", table, utf8, gz)
    assert plain[0][:3] != (0, 0, 0) or text == "empty"
    assert landed(tmp_path / "wide", table, data, gz) == plain


def test_powershell_convertto_json_out_file_lands(tmp_path: Path) -> None:
    """Windows PowerShell 5: ``… | ConvertTo-Json | Out-File customers.json`` writes UTF-16LE
    with a byte order mark, lines ended by CRLF, two spaces after each colon."""
    names = CUSTOMERS.column_names
    people = [{name: f"{name} {i} ü" for name in names} for i in (1, 2)]
    objects = [
        ",\r\n".join(f'        "{k}":  "{v}"' for k, v in person.items()) for person in people
    ]
    text = "[\r\n" + ",\r\n".join(f"    {{\r\n{o}\r\n    }}" for o in objects) + "\r\n]\r\n"
    file = tmp_path / CUSTOMERS.path
    file.parent.mkdir(parents=True)
    file.write_bytes(text.encode("utf-16"))
    [result] = land_all(tmp_path)
    assert (result.records, result.landed, result.quarantined) == (2, 2, 0)
    rows = lake.read_table(tmp_path, "bronze", CUSTOMERS.name).to_pylist()
    assert [{name: row[name] for name in names} for row in rows] == people
    assert {row["_source_file"] for row in rows} == {CUSTOMERS.path}


@pytest.mark.parametrize("gz", [False, True])
def test_a_lone_surrogate_quarantines_its_json_line_showing_its_bytes(
    tmp_path: Path, gz: bool
) -> None:
    data = (
        '{"id": "a", "n": 1}\n'.encode("utf-16")
        + b'{\x00"\x00i\x00d\x00"\x00:\x00"\x00\x00\xd8"\x00}\x00\n\x00'
        + '{"id": "c", "n": 3}\n'.encode("utf-16-le")
    )
    counts, rows, bad = landed(tmp_path, LINES, data, gz)
    assert counts == (3, 2, 1, [])
    assert [(r["id"], r["_row_number"]) for r in rows] == [("a", 1), ("c", 3)]
    assert [(b["_row_number"], b["raw"], b["reason"]) for b in bad] == [
        (2, '{"id":"\\x00\\xd8"}', "not UTF-16 text")
    ]


def test_a_lone_surrogate_quarantines_its_array_element_showing_its_bytes(tmp_path: Path) -> None:
    data = (
        '[{"id": "a", "n": 1},\n{"id": "'.encode("utf-16")
        + b"\x3d\xd8"
        + '"},\n{"id": "c", "n": 3}]\n'.encode("utf-16-le")
    )
    counts, rows, bad = landed(tmp_path, ARRAY, data)
    assert counts == (3, 2, 1, [])
    assert [(r["id"], r["_row_number"]) for r in rows] == [("a", 1), ("c", 3)]
    assert [(b["_row_number"], b["raw"], b["reason"]) for b in bad] == [
        (2, '{"id": "\\x3d\\xd8"}', "not UTF-16 text")
    ]


@pytest.mark.parametrize("table", [LINES, ARRAY])
def test_a_utf16_json_file_cut_short_inside_a_character_quarantines_its_last_record(
    tmp_path: Path, table: Table
) -> None:
    text = (
        '{"id": "a", "n": 1}\n{"id": "b"}'
        if table is LINES
        else '[{"id": "a", "n": 1},\n{"id": "b"}'
    )
    counts, rows, bad = landed(tmp_path, table, text.encode("utf-16")[:-1])  # half of "}"
    assert counts == (2, 1, 1, [])
    assert [r["id"] for r in rows] == ["a"]
    assert [(b["_row_number"], b["raw"], b["reason"]) for b in bad] == [
        (2, '{"id": "b"\\x7d', "not UTF-16 text")
    ]


@pytest.mark.parametrize("table", [LINES, ARRAY])
def test_a_code_point_beyond_unicode_quarantines_its_utf32_record(
    tmp_path: Path, table: Table
) -> None:
    start, end = (
        ('{"id": "a", "n": 1}\n', "\n") if table is LINES else ('[{"id": "a", "n": 1},\n', "]")
    )
    data = (
        (start + '{"id": "').encode("utf-32")
        + b"\x00\x00\x11\x00"  # U+110000
        + ('"}' + end).encode("utf-32-le")
    )
    counts, rows, bad = landed(tmp_path, table, data)
    assert counts == (2, 1, 1, [])
    assert [r["id"] for r in rows] == ["a"]
    assert [(b["_row_number"], b["raw"], b["reason"]) for b in bad] == [
        (2, '{"id": "\\x00\\x00\\x11\\x00"}', "not UTF-32 text")
    ]


def test_a_folder_of_utf8_and_utf16_json_lines_names_each_file(tmp_path: Path) -> None:
    folder = tmp_path / "sources" / "docs"
    folder.mkdir(parents=True)
    (folder / "part-0.jsonl").write_bytes(b'{"id": "a", "n": 1}\n')
    (folder / "part-1.jsonl.gz").write_bytes(gzip.compress('{"id": "b"}\n'.encode("utf-16")))
    result = land(tmp_path, LINES, folder, "b1", WHEN)
    rows = lake.read_table(tmp_path, "bronze", "docs").to_pylist()
    assert [(r["_source_file"], r["_row_number"], r["id"]) for r in rows] == [
        ("sources/docs/part-0.jsonl", 1, "a"),
        ("sources/docs/part-1.jsonl.gz", 1, "b"),
    ]
    assert (result.records, result.landed, result.quarantined) == (2, 2, 0)


def test_a_utf16_json_file_that_is_no_array_of_records_is_one_line_naming_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / ARRAY.path
    path.parent.mkdir(parents=True)
    path.write_bytes('{"data": [{"id": "a"}]}'.encode("utf-16"))
    with pytest.raises(SourceError) as error:
        land(tmp_path, ARRAY, path, "b1", WHEN)
    assert str(error.value) == f"{path} must hold a JSON array of objects"


GOOD_LINES = '{"id": "a", "n": 1}\n{"id": "b", "n": 2}\n'


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("first", [b"\x00\n", b"\x00\x00\r\n"])
def test_a_utf8_json_lines_file_starting_with_a_line_of_nuls_quarantines_that_line(
    tmp_path: Path, first: bytes, gz: bool
) -> None:
    """A line of NUL bytes (a file padded by a crash, say) is not UTF-16 text."""
    counts, rows, bad = landed(tmp_path, LINES, first + GOOD_LINES.encode(), gz)
    assert counts == (3, 2, 1, [])
    assert [(r["id"], r["n"], r["_row_number"]) for r in rows] == [("a", "1", 2), ("b", "2", 3)]
    raw = first.rstrip(b"\r\n").decode()
    assert [(b["_row_number"], b["raw"], b["reason"]) for b in bad] == [
        (1, raw, "not JSON: Expecting value at character 1")
    ]


@pytest.mark.parametrize("blank", ["\n", "\r\n"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_json_lines_without_a_mark_starting_with_a_blank_line_land(
    tmp_path: Path, codec: str, blank: str
) -> None:
    counts, rows, _ = landed(tmp_path, LINES, (blank + GOOD_LINES).encode(codec))
    assert counts == (2, 2, 0, [])
    assert [(r["id"], r["_row_number"]) for r in rows] == [("a", 2), ("b", 3)]


# UTF-16 text starting with U+0000: little-endian, its mark and that character are the bytes
# of UTF-32's little-endian mark.
NUL_FIRST = {
    "line": ("\x00\n" + GOOD_LINES, LINES),
    "before-object": ("\x00" + GOOD_LINES, LINES),
    "array": ('\x00[{"id": "a", "n": 1}]', ARRAY),
    "lines-in-json": ("\x00\n" + GOOD_LINES, ARRAY),
}


@pytest.mark.parametrize("written", ["bom", "bom-be", "bom-gz"])
@pytest.mark.parametrize("text", NUL_FIRST)
def test_a_utf16_json_file_starting_with_a_nul_lands_as_the_same_file_in_utf8(
    tmp_path: Path, text: str, written: str
) -> None:
    codec, mark, gz = WRITTEN[written]
    content, table = NUL_FIRST[text]
    data = mark + content.encode(codec)
    utf8 = content.encode()

    def outcome(workspace: Path, data: bytes) -> object:
        try:
            return landed(workspace, table, data, gz)
        except SourceError as exc:
            return str(exc).replace(str(workspace), "<ws>")

    assert outcome(tmp_path / "wide", data) == outcome(tmp_path / "utf8", utf8)


@pytest.mark.parametrize("gz", [False, True])
def test_a_utf16_json_lines_file_whose_first_character_is_a_nul_quarantines_its_first_line(
    tmp_path: Path, gz: bool
) -> None:
    counts, rows, bad = landed(tmp_path, LINES, ("\x00\n" + GOOD_LINES).encode("utf-16"), gz)
    assert counts == (3, 2, 1, [])
    assert [(r["id"], r["_row_number"]) for r in rows] == [("a", 2), ("b", 3)]
    assert [(b["_row_number"], b["raw"], b["reason"]) for b in bad] == [
        (1, "\x00", "not JSON: Expecting value at character 1")
    ]


def test_a_utf32_json_lines_file_whose_first_character_is_a_nul_still_reads_as_utf32(
    tmp_path: Path,
) -> None:
    counts, rows, _ = landed(tmp_path, LINES, ("\x00\n" + GOOD_LINES).encode("utf-32"))
    assert counts == (3, 2, 1, [])
    assert [(r["id"], r["_row_number"]) for r in rows] == [("a", 2), ("b", 3)]
