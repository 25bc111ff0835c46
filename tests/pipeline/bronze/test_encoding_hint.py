"""A CSV whose text is not UTF-8: the warning naming the ``csv:`` setting for its encoding; a
JSON file's: the warning to convert it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from c360.contracts.model import Column, Table
from c360.file_dialects import CsvFile
from c360.pipeline import lake
from c360.pipeline.bronze.land import land

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
PEOPLE = Table("people", "x", "", (Column("id", "string"), Column("city", "string")),
               path="sources/people.csv", file_format="csv")  # fmt: skip
DOCS = Table("docs", "x", "", (Column("id", "string"), Column("city", "string")),
             path="sources/docs.jsonl", file_format="mongo_jsonl")  # fmt: skip
JSON_LINES = replace(DOCS, file_format="jsonl")
JSON_ARRAY = replace(DOCS, path="sources/docs.json", file_format="json")
WINDOWS = "id,city\nA,Paris\nB,Orléans\nC,Lyon\nD,Besançon\n".encode("cp1252")


def write(workspace: Path, table: Table, data: bytes) -> Path:
    path = workspace / table.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_a_windows_csv_read_as_utf8_warns_naming_the_encoding_setting(tmp_path: Path) -> None:
    path = write(tmp_path, PEOPLE, WINDOWS)
    result = land(tmp_path, PEOPLE, path, "b1", WHEN)
    assert (result.landed, result.quarantined) == (2, 2)
    assert result.warnings == [
        f"{path}: 2 records quarantined as not UTF-8 text: if the file is written in another "
        "encoding, name it under csv: in c360.yaml, e.g. csv: {people: {encoding: cp1252}} "
        "(Windows-1252)"
    ]


def test_the_count_is_written_with_thousands_grouped(tmp_path: Path) -> None:
    rows = "".join(f"{i},Orléans\n" for i in range(1234))
    path = write(tmp_path, PEOPLE, ("id,city\n" + rows).encode("cp1252"))
    (warning,) = land(tmp_path, PEOPLE, path, "b1", WHEN).warnings
    assert ": 1,234 records quarantined as not UTF-8 text" in warning


def test_a_malformed_record_not_utf8_counts_too(tmp_path: Path) -> None:
    path = write(tmp_path, PEOPLE, "id,city\nA,Paris\nB,Orléans,x\nC,Nîmes\n".encode("cp1252"))
    result = land(tmp_path, PEOPLE, path, "b1", WHEN)
    reasons = [
        r["reason"] for r in lake.read_table(tmp_path, "quarantine", "bronze_people").to_pylist()
    ]
    hinted = reasons.count("not UTF-8 text")
    assert hinted >= 1
    assert [w.split(": ")[1] for w in result.warnings] == [
        f"{hinted} record{'s' * (hinted > 1)} quarantined as not UTF-8 text"
    ]


def test_the_encoding_named_lands_every_record_without_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, PEOPLE, WINDOWS)
    result = land(tmp_path, PEOPLE, path, "b1", WHEN, dialect=CsvFile(encoding="cp1252"))
    assert (result.landed, result.quarantined, result.warnings) == (4, 0, [])


def test_a_wrong_encoding_named_gets_no_utf8_hint(tmp_path: Path) -> None:
    path = write(tmp_path, PEOPLE, "id,city\nA,Orléans\n".encode("cp1252"))
    result = land(tmp_path, PEOPLE, path, "b1", WHEN, dialect=CsvFile(encoding="ascii"))
    assert result.quarantined == 1  # its one record: that is warned of, with no encoding hint
    [warning] = result.warnings
    assert f"{path}: its one record was quarantined (as not ascii text)" in warning


def test_a_utf8_csv_gets_no_warning(tmp_path: Path) -> None:
    path = write(tmp_path, PEOPLE, "id,city\nA,Orléans\n".encode())
    assert land(tmp_path, PEOPLE, path, "b1", WHEN).warnings == []


def test_json_lines_not_utf8_get_no_csv_hint(tmp_path: Path) -> None:
    path = write(tmp_path, DOCS, '{"id": "A", "city": "Orléans"}\n'.encode("cp1252"))
    result = land(tmp_path, DOCS, path, "b1", WHEN, drift="evolve")
    assert result.quarantined == 1
    assert not any("csv:" in warning for warning in result.warnings)


LATIN1 = '{"id": "A", "city": "Paris"}\n{"id": "B", "city": "Orléans"}\n'.encode("latin-1")


@pytest.mark.parametrize("table", [DOCS, JSON_ARRAY, JSON_LINES])
def test_json_not_utf8_quarantines_its_records_and_warns_to_convert_the_file(
    tmp_path: Path, table: Table
) -> None:
    """JSON is UTF-8 text: the project file names no encoding for it, the file is converted."""
    data = b"[" + LATIN1.replace(b"}\n{", b"},{").rstrip() + b"]" if table is JSON_ARRAY else LATIN1
    path = write(tmp_path, table, data)
    result = land(tmp_path, table, path, "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (2, 1, 1)
    [bad] = lake.read_table(tmp_path, "quarantine", f"bronze_{table.name}").to_pylist()
    assert (bad["_source_file"], bad["_row_number"], bad["reason"]) == (
        table.path,
        2,
        "not UTF-8 text",
    )
    assert "Orl\\xe9ans" in bad["raw"]
    assert result.warnings == [
        f"{path}: 1 record quarantined as not UTF-8 text: JSON is read as UTF-8, UTF-16 or "
        "UTF-32 (c360.yaml names no encoding for it); if the file is written in another "
        "encoding, convert it to UTF-8, e.g. iconv -f cp1252 -t utf-8 (Windows-1252)"
    ]


def test_json_in_utf8_gets_no_warning(tmp_path: Path) -> None:
    path = write(tmp_path, DOCS, LATIN1.decode("latin-1").encode())
    assert land(tmp_path, DOCS, path, "b1", WHEN).warnings == []


def test_the_quarantine_shows_undecodable_bytes_as_escapes(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, PEOPLE, WINDOWS)
    land(tmp_path, PEOPLE, path, "b1", WHEN)
    rows = lake.read_table(tmp_path, "quarantine", "bronze_people").to_pylist()
    assert [(r["_row_number"], r["raw"], r["reason"]) for r in rows] == [
        (2, "B,Orl\\xe9ans", "not UTF-8 text"),
        (4, "D,Besan\\xe7on", "not UTF-8 text"),
    ]
