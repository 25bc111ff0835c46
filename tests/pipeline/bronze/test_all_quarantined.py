"""A source whose every record is quarantined lands nothing: the run says so, never quietly."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from c360.contracts.model import Column, Table
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.land import land

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
DOCS = Table("docs", "x", "", (Column("id", "string"), Column("n", "int")),
             path="sources/docs.jsonl", file_format="mongo_jsonl")  # fmt: skip


def write(workspace: Path, name: str, text: str) -> Path:
    path = workspace / "sources" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_source_whose_every_record_is_quarantined_is_warned_of(tmp_path: Path) -> None:
    """A CSV export saved under a name that says no format, read as the JSON lines it is not."""
    path = write(tmp_path, "docs.txt", "id,n\nA,1\nB,2\n")
    result = land(tmp_path, DOCS, path, "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (3, 0, 3)
    assert result.warnings == [
        f"{path}: every one of its 3 records was quarantined (the first as not JSON: "
        "Expecting value at character 1), so bronze docs is empty, and so is what silver and "
        f"gold build from it: see {tmp_path / 'lake' / 'quarantine' / 'bronze_docs'}"
    ]


def test_a_source_with_a_record_landed_or_none_at_all_is_not_warned_of(tmp_path: Path) -> None:
    some = write(tmp_path / "a", "docs.jsonl", json.dumps({"id": "A", "n": 1}) + "\nnot json\n")
    assert land(tmp_path / "a", DOCS, some, "b1", WHEN).warnings == []
    none = write(tmp_path / "b", "docs.jsonl", "\n")
    assert land(tmp_path / "b", DOCS, none, "b1", WHEN).warnings == []


def test_records_all_quarantined_as_another_encoding_are_told_once(tmp_path: Path) -> None:
    """The hint to name the file's encoding says why: no second warning."""
    path = write(tmp_path, "people.csv", "id\nM\xfcller\n".encode("cp1252").decode("latin-1"))
    path.write_bytes("id\nM\xfcller\n".encode("cp1252"))
    people = Table("people", "x", "", (Column("id", "string"),), path="sources/people.csv",
                   file_format="csv")  # fmt: skip
    result = land(tmp_path, people, path, "b1", WHEN)
    assert (result.landed, result.quarantined) == (0, 1)
    [warning] = result.warnings
    assert warning.startswith(f"{path}: 1 record quarantined as not UTF-8 text: if the file")


EXCEL = Table("people", "x", "", (Column("id", "string"), Column("n", "int")),
              path="sources/people.csv", file_format="csv")  # fmt: skip


def test_a_header_alone_after_excels_sep_line_holds_no_records(tmp_path: Path) -> None:
    """The lines before the header (``sep=,``, a row without values) are no records."""
    path = write(tmp_path, "people.csv", "sep=,\r\nid,n\r\nA,1\r\nB,2\r\n")
    assert land(tmp_path, EXCEL, path, "b1", WHEN).warnings == []
    path.write_bytes(b"sep=,\r\n,\r\nid,n\r\n")
    with pytest.raises(SourceError, match=r"people\.csv holds no records, where the last run "):
        land(tmp_path, EXCEL, path, "b2", WHEN)  # it would empty the table: the run stops
    result = land(tmp_path / "b", EXCEL, write(tmp_path / "b", "people.csv",
                  "sep=,\r\n,\r\nid,n\r\n"), "b1", WHEN)  # fmt: skip
    assert (result.records, result.landed, result.quarantined, result.warnings) == (2, 0, 2, [])
    assert land(tmp_path / "first", EXCEL, write(tmp_path / "first", "people.csv",
                "sep=,\r\nid,n"), "b1", WHEN).warnings == []  # fmt: skip


def test_records_all_quarantined_after_excels_sep_line_are_counted_alone(tmp_path: Path) -> None:
    path = write(tmp_path, "people.csv", "sep=,\r\nid,n\r\nA,1,2\r\n")
    result = land(tmp_path, EXCEL, path, "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (2, 0, 2)
    [warning] = result.warnings
    assert warning.startswith(f"{path}: its one record was quarantined (as ")
    assert "sep=" not in warning
