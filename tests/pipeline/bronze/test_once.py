"""What landing a source would read twice is read once, and only while it lands."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from c360.contracts.model import Column, Table
from c360.pipeline import lake
from c360.pipeline.bronze import jsonfile
from c360.pipeline.bronze.land import land
from c360.pipeline.bronze.once import once, one_landing

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
DOCS = Table("docs", "x", "", (Column("id", "string"),), path="sources/docs.json",
             file_format="json")  # fmt: skip


def test_a_thing_is_read_once_within_a_landing_and_anew_outside() -> None:
    reads: list[str] = []

    def read() -> int:
        reads.append("x")
        return len(reads)

    with one_landing():
        assert (once("a", read), once("a", read), once("b", read)) == (1, 1, 2)
    assert (once("a", read), once("a", read)) == (3, 4)
    with one_landing():
        assert once("a", read) == 5


def test_a_json_array_is_parsed_once_for_its_count_and_its_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / DOCS.path
    path.parent.mkdir(parents=True)
    path.write_text('[{"id": "a"}, {"id": "b"}, 3]')
    parsed: list[Path] = []
    decode = jsonfile._parse_array

    def parse(file: Path, recover: bool) -> object:
        parsed.append(file)
        return decode(file, recover)

    monkeypatch.setattr(jsonfile, "_parse_array", parse)
    result = land(tmp_path, DOCS, path, "b1", WHEN)
    assert (result.records, result.landed, result.quarantined, parsed) == (3, 2, 1, [path])
    assert lake.read_table(tmp_path, "bronze", "docs").column("id").to_pylist() == ["a", "b"]
    path.write_text('[{"id": "c"}]')  # the next landing reads the file as it is then
    assert land(tmp_path, DOCS, path, "b2", WHEN).landed == 1
    assert len(parsed) == 2
