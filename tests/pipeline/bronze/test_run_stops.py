"""A source that would wipe or undo what the last run landed stops the run before its bronze
table is replaced, saying what is wrong and the ways out: a single file emptied, files of a
folder gone, a file of a folder delivered twice; and a file a manifest lists that is missing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from c360.contracts.model import Column, Table
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.drift import SchemaDriftError
from c360.pipeline.bronze.land import land, land_all
from c360.pipeline.bronze.readers import read

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
PEOPLE = Table("people", "x", "", (Column("id", "string"), Column("age", "int", nullable=True)),
               path="sources/people.csv", file_format="csv")  # fmt: skip


def people(workspace: Path, text: str) -> Path:
    path = workspace / PEOPLE.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def folder(workspace: Path, files: dict[str, str]) -> Path:
    where = workspace / "sources" / "people"
    where.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (where / name).write_text(text)
    return where


def ids(workspace: Path) -> list[str]:
    return lake.read_table(workspace, "bronze", "people", ["id"]).column(0).to_pylist()


@pytest.mark.parametrize(
    ("emptied", "said"),
    [("", "is empty (0 bytes)"), ("id,age\n", "holds no records"), ("\n\n", "holds no records")],
    ids=["no bytes", "header", "blank lines"],
)
def test_a_single_file_emptied_since_the_last_run_stops_it(
    tmp_path: Path, emptied: str, said: str
) -> None:
    path = people(tmp_path, "id,age\nA,1\nB,2\n")
    land(tmp_path, PEOPLE, path, "b1", WHEN)
    path.write_text(emptied)
    with pytest.raises(SourceError) as caught:
        land(tmp_path, PEOPLE, path, "b2", WHEN)
    bronze = tmp_path / "lake" / "bronze" / "people"
    assert str(caught.value) == (
        f"{path} {said}, where the last run landed 2 records: put its records back, or delete "
        f"{bronze} to accept it as it is and start people over; bronze people is kept as it was"
    )
    assert ids(tmp_path) == ["A", "B"]
    lake.drop(tmp_path, "bronze", "people")  # the way out: it lands empty, said as before
    assert land(tmp_path, PEOPLE, path, "b3", WHEN).landed == 0


def test_a_single_file_empty_on_a_first_run_lands_with_a_warning(tmp_path: Path) -> None:
    path = people(tmp_path, "")
    result = land(tmp_path, PEOPLE, path, "b1", WHEN)
    assert result.landed == 0
    assert result.warnings == [f"{path} is empty (0 bytes): no records landed"]


def test_an_empty_new_file_in_a_folder_changes_nothing(tmp_path: Path) -> None:
    where = folder(tmp_path, {"a.csv": "id,age\nA,1\n"})
    land(tmp_path, PEOPLE, where, "b1", WHEN)
    folder(tmp_path, {"b.csv": "", "c.csv": "id,age\n", "d.csv": "id,age\n"})
    result = land(tmp_path, PEOPLE, where, "b2", WHEN)
    assert (result.landed, result.warnings) == (1, [])


def test_files_of_a_folder_gone_since_the_last_run_stop_it(tmp_path: Path) -> None:
    files = {"a.csv": "id,age\nA,1\nB,2\n", "b.csv": "id,age\nC,3\n", "c.csv": "id,age\nD,4\n"}
    where = folder(tmp_path, files)
    assert land(tmp_path, PEOPLE, where, "b1", WHEN).landed == 4
    (where / "a.csv").unlink()
    (where / "b.csv").unlink()
    with pytest.raises(SourceError) as caught:
        land(tmp_path, PEOPLE, where, "b2", WHEN)
    bronze = tmp_path / "lake" / "bronze" / "people"
    assert str(caught.value) == (
        f"{where}: 2 files the last run landed are gone (a.csv, b.csv): their 3 records would "
        f"leave bronze; put them back, or delete {bronze} to accept the folder as it is and "
        "start people over; bronze people is kept as it was"
    )
    assert ids(tmp_path) == ["A", "B", "C", "D"]


def test_one_file_gone_is_said_in_the_singular(tmp_path: Path) -> None:
    where = folder(tmp_path, {"a.csv": "id,age\nA,1\n", "b.csv": "id,age\nB,2\n"})
    land(tmp_path, PEOPLE, where, "b1", WHEN)
    (where / "a.csv").unlink()
    with pytest.raises(SourceError, match=r"gone \(a\.csv\): its 1 record would leave bronze; "
                       "put it back, or delete "):  # fmt: skip
        land(tmp_path, PEOPLE, where, "b2", WHEN)


def test_a_file_delivered_twice_in_a_folder_stops_the_run(tmp_path: Path) -> None:
    """The copy named later would take over the updates of the files between them."""
    where = folder(tmp_path, {
        "d1.csv": "id,age\nA,1\n", "d2.csv": "id,age\nA,2\n", "d3.csv": "id,age\nA,3\n",
        "d4.csv": "id,age\nA,1\n", "d5.csv": "id,age\nA,9\n",  # d5: same size, other bytes
    })  # fmt: skip
    with pytest.raises(SourceError) as caught:
        land(tmp_path, PEOPLE, where, "b1", WHEN)
    assert str(caught.value) == (
        f"{where}: d4.csv holds the same bytes as d1.csv (delivered twice?): named later, it "
        "would take over the 2 files between them (d2.csv, d3.csv), undoing their updates; "
        "remove one of the two; bronze people is kept as it was"
    )
    assert not lake.table_dir(tmp_path, "bronze", "people").exists()


def test_two_files_side_by_side_of_the_same_bytes_stop_the_run(tmp_path: Path) -> None:
    where = folder(tmp_path, {"a.csv": "id,age\nA,1\n", "b.csv": "id,age\nA,1\n"})
    said = r"b\.csv holds the same bytes as a\.csv \(delivered twice\?\): its records would land "
    with pytest.raises(SourceError, match=said + "twice; remove one of the two; bronze people is"):
        land(tmp_path, PEOPLE, where, "b1", WHEN)


def test_files_of_the_same_size_but_other_bytes_land(tmp_path: Path) -> None:
    where = folder(tmp_path, {"a.csv": "id,age\nA,1\n", "b.csv": "id,age\nB,1\n"})
    assert land(tmp_path, PEOPLE, where, "b1", WHEN).landed == 2


def test_a_file_the_manifest_lists_that_is_missing_says_what_to_do(tmp_path: Path) -> None:
    manifest = tmp_path / "sources" / "manifest.json"
    manifest.parent.mkdir(parents=True)
    entry = {"kind": "source", "table": "ecommerce_inventory", "path": "sources/inv.csv"}
    manifest.write_text(json.dumps({"files": [entry]}))
    with pytest.raises(SourceError) as caught:
        land_all(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'sources/inv.csv'} is missing, but {manifest} lists it for "
        "ecommerce_inventory: put it back, or remove its entry from the manifest to drop the "
        "table and what is built from it; bronze ecommerce_inventory is kept as it was"
    )


def test_reading_a_missing_file_says_it_is_missing(tmp_path: Path) -> None:
    path = tmp_path / PEOPLE.path
    with pytest.raises(SourceError) as caught:
        list(read(path, PEOPLE))
    assert str(caught.value) == f"{path} is missing: put it back"


def test_a_folder_file_of_other_names_is_told_its_own_missing_columns_and_the_mapping(
    tmp_path: Path,
) -> None:
    where = folder(tmp_path, {"a.csv": "id,age\nA,1\n", "b.csv": "id,years\nB,2\n"})
    with pytest.raises(SchemaDriftError) as caught:
        land(tmp_path, PEOPLE, where, "b1", WHEN)
    assert str(caught.value) == (
        f"{where}: b.csv has columns not in the contract of people: years; missing: age (map "
        "header names to contract columns under csv: people: columns: in c360.yaml, or set "
        "schema_drift: evolve to keep them in _extra)"
    )
