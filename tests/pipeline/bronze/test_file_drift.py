"""Missing columns of a folder's files: each CSV header or Parquet schema checked on its own."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360.cli._console import console
from c360.cli.run import print_bronze
from c360.contracts.model import Column, Table
from c360.pipeline import lake
from c360.pipeline.bronze.drift import SchemaDriftError
from c360.pipeline.bronze.land import land
from c360.pipeline.runner import RunResult
from c360.serve import run_report

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
COLUMNS = (
    Column("id", "string"),
    Column("age", "int", nullable=True),
    Column("city", "string", nullable=True),
)
PEOPLE = Table("people", "x", "", COLUMNS, path="sources/people", file_format="csv")
PARTS = Table("people", "x", "", COLUMNS, path="sources/people", file_format="parquet_dir")
DOCS = Table("people", "x", "", COLUMNS, path="sources/people", file_format="jsonl")


def csv_folder(workspace: Path, files: dict[str, str]) -> Path:
    folder = workspace / "sources" / "people"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def parquet_folder(workspace: Path, files: dict[str, dict[str, list[object]]]) -> Path:
    folder = workspace / "sources" / "people"
    for name, columns in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.table(columns), folder / name)
    return folder


def landed_rows(workspace: Path) -> list[tuple[object, ...]]:
    rows = lake.read_table(workspace, "bronze", "people").to_pylist()
    return [(r["id"], r["age"], r["city"], r["_source_file"]) for r in rows]


def test_a_csv_of_a_folder_lacking_a_column_fails_naming_it(tmp_path: Path) -> None:
    folder = csv_folder(tmp_path, {"p0.csv": "id,age,city\nA,35,Lyon\n",
                                   "p1.csv": "id,age,city\nB,36,Nice\n",
                                   "p2.csv": "id,city\nC,Metz\n"})  # fmt: skip
    with pytest.raises(SchemaDriftError) as caught:
        land(tmp_path, PEOPLE, folder, "b1", WHEN)
    message = str(caught.value)
    assert message.startswith(f"{folder}: columns of people missing from p2.csv, which other ")
    assert "files of the source have: age (" in message
    assert "p0.csv" not in message and "p1.csv" not in message and "\n" not in message
    assert not lake.table_dir(tmp_path, "bronze", "people").exists()  # nothing published


def test_evolve_lands_a_csv_lacking_a_column_empty_and_reports_it(tmp_path: Path) -> None:
    folder = csv_folder(tmp_path, {"p0.csv": "id,age,city\nA,35,Lyon\n",
                                   "p2.csv": "id,city\nC,Metz\n"})  # fmt: skip
    result = land(tmp_path, PEOPLE, folder, "b1", WHEN, drift="evolve")
    assert result.missing_columns == ["age (p2.csv)"]
    assert (result.added_columns, result.landed, result.quarantined) == ([], 2, 0)
    assert landed_rows(tmp_path) == [("A", "35", "Lyon", "sources/people/p0.csv"),
                                     ("C", None, "Metz", "sources/people/p2.csv")]  # fmt: skip


def test_a_parquet_file_of_a_folder_lacking_a_column_is_drift(tmp_path: Path) -> None:
    folder = parquet_folder(tmp_path, {
        "part-0.parquet": {"id": ["A"], "age": [35], "city": ["Lyon"]},
        "part-1.parquet": {"id": ["B"], "age": [36]},
        "part-2.parquet": {"id": ["C"], "city": ["Metz"]},
    })  # fmt: skip
    with pytest.raises(SchemaDriftError, match=r"missing from part-1\.parquet, which .*: city \("):
        land(tmp_path, PARTS, folder, "b1", WHEN)
    result = land(tmp_path, PARTS, folder, "b1", WHEN, drift="evolve")
    assert result.missing_columns == ["age (part-2.parquet)", "city (part-1.parquet)"]
    assert [row[:3] for row in landed_rows(tmp_path)] == [
        ("A", "35", "Lyon"), ("B", "36", None), ("C", None, "Metz")
    ]  # fmt: skip


def test_a_column_many_files_lack_is_reported_once_with_their_number(tmp_path: Path) -> None:
    folder = csv_folder(tmp_path, {"p1.csv": "id,age,city\nA,35,Lyon\n",
                                   "p2.csv": "id,city\nB,Nice\n", "p3.csv": "id\nC\n"})  # fmt: skip
    (folder / "2024").mkdir()
    (folder / "2024" / "p0.csv").write_text("id,city\nZ,Pau\n")
    result = land(tmp_path, PEOPLE, folder, "b1", WHEN, drift="evolve")
    assert result.missing_columns == ["age (2024/p0.csv and 2 more files)", "city (p3.csv)"]
    first = r"from 2024/p0\.csv, which .*: age \(2 other files lack columns too; set"
    with pytest.raises(SchemaDriftError, match=first):
        land(tmp_path, PEOPLE, folder, "b1", WHEN)


def test_a_column_no_file_has_is_reported_as_missing_from_the_source(tmp_path: Path) -> None:
    folder = csv_folder(tmp_path, {"p0.csv": "id\nA\n", "p1.csv": "id,city\nB,Nice\n"})
    with pytest.raises(SchemaDriftError, match=r"missing from the source: age \(set"):
        land(tmp_path, PEOPLE, folder, "b1", WHEN)
    assert not lake.table_dir(tmp_path, "bronze", "people").exists()  # nothing published
    result = land(tmp_path, PEOPLE, folder, "b1", WHEN, drift="evolve")
    assert result.missing_columns == ["age", "city (p0.csv)"]


def test_a_folder_whose_files_have_every_column_is_no_drift(tmp_path: Path) -> None:
    """Columns in another order or spelling, a file without even a header (a day without data),
    a Parquet file without rows: each still has every column."""
    folder = csv_folder(tmp_path, {"p0.csv": "id,age,city\nA,35,Lyon\n", "p1.csv": "",
                                   "p2.csv": "City,ID, Age\nNice,B,36\n"})  # fmt: skip
    result = land(tmp_path, PEOPLE, folder, "b1", WHEN)
    assert (result.missing_columns, result.landed) == ([], 2)
    empty: dict[str, list[object]] = {"id": [], "age": [], "city": []}
    folder = parquet_folder(tmp_path / "pq", {
        "part-0.parquet": {"id": ["A"], "age": [35], "city": ["Lyon"]},
        "part-1.parquet": empty,
        "city=Nice/part-2.parquet": {"id": ["B"], "age": [36]},  # the folder gives the city
    })  # fmt: skip
    result = land(tmp_path / "pq", PARTS, folder, "b1", WHEN)
    assert (result.missing_columns, result.landed) == ([], 2)


def test_json_documents_of_a_folder_keep_the_combined_check(tmp_path: Path) -> None:
    """A key a document leaves out is normal: only a key no document has is drift."""
    docs = [{"id": "A", "age": 35}, {"id": "B", "city": "Nice"}]
    folder = csv_folder(tmp_path, {f"d{i}.jsonl": json.dumps(d) + "\n" for i, d in enumerate(docs)})
    assert land(tmp_path, DOCS, folder, "b1", WHEN).missing_columns == []


def test_a_file_lacking_a_column_shows_in_the_cli_and_the_run_report(tmp_path: Path) -> None:
    folder = csv_folder(tmp_path, {"p0.csv": "id,age,city\nA,35,Lyon\n",
                                   "p2.csv": "id,city\nC,Metz\n"})  # fmt: skip
    landed = land(tmp_path, PEOPLE, folder, "b1", WHEN, drift="evolve")
    data = run_report.report(RunResult(tmp_path, "duckdb", [landed]))
    assert data["bronze"][0]["missing_columns"] == ["age (p2.csv)"]
    assert "| people | 2 | 2 | 0 |  | -age (p2.csv) |" in run_report.markdown(data)
    with console.capture() as shown:
        print_bronze([landed], 0.1)
    assert "-age (p2.csv)" in shown.get()
