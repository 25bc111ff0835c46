"""Bronze landing: raw text, lineage, quarantine with reasons, drift, reconciliation, atomicity."""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360 import contracts
from c360.contracts.model import Column, Table
from c360.file_dialects import CsvFile
from c360.generate import Plan, generate
from c360.pipeline import lake
from c360.pipeline.bronze import csvfile
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.drift import SchemaDriftError
from c360.pipeline.bronze.find import sources
from c360.pipeline.bronze.land import land, land_all

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
PEOPLE = Table("people", "x", "", (Column("id", "string"), Column("age", "int", nullable=True)),
               path="sources/people.csv", file_format="csv")  # fmt: skip
DOCS = Table("docs", "x", "", (Column("id", "string"), Column("when", "timestamp")),
             path="sources/docs.jsonl", file_format="mongo_jsonl")  # fmt: skip
NOTES = Table("notes", "x", "", (Column("name", "string"), Column("text", "string")),
              path="sources/notes", file_format="text")  # fmt: skip


def write(workspace: Path, table: Table, text: str) -> Path:
    path = workspace / table.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def bronze(workspace: Path, name: str) -> list[dict[str, object]]:
    return lake.read_table(workspace, "bronze", name).to_pylist()


def quarantine(workspace: Path, name: str) -> list[dict[str, object]]:
    return lake.read_table(workspace, "quarantine", f"bronze_{name}").to_pylist()


def test_csv_keeps_raw_text_and_quarantines_malformed_lines(tmp_path: Path) -> None:
    path = write(tmp_path, PEOPLE, 'id,age\nA,35\nB\n"C, jr",forty\nD,1,2\nE,\n')
    result = land(tmp_path, PEOPLE, path, "b1", WHEN)
    rows = bronze(tmp_path, "people")
    assert [(r["id"], r["age"], r["_row_number"]) for r in rows] == [
        ("A", "35", 1),
        ("C, jr", "forty", 3),
        ("E", None, 5),
    ]
    assert rows[0]["_source_file"] == "sources/people.csv"
    assert rows[0]["_batch_id"] == "b1" and rows[0]["_ingested_at"] == WHEN
    bad = quarantine(tmp_path, "people")
    assert [(b["_row_number"], b["raw"]) for b in bad] == [(2, "B"), (4, "D,1,2")]
    assert bad[0]["reason"] == "expected 2 fields, found 1"
    assert (result.records, result.landed, result.quarantined) == (5, 3, 2)


def test_csv_record_numbers_follow_the_file_across_blocks_and_empty_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csvfile, "CSV_BLOCK_BYTES", 24)  # Arrow parses a block ahead of the rows
    text = "id,age\nA,1\n\nB,2\nC,3\n\r\nD,4\nE,5\nF,6\nBAD\nG,7\n\n   \nH,8\nI,9\n"
    result = land(tmp_path, PEOPLE, write(tmp_path, PEOPLE, text), "b1", WHEN)
    good = [(r["_row_number"], r["id"]) for r in bronze(tmp_path, "people")]
    bad = [(b["_row_number"], b["raw"]) for b in quarantine(tmp_path, "people")]
    assert sorted(good + bad) == [
        (1, "A"), (2, "B"), (3, "C"), (4, "D"), (5, "E"), (6, "F"),
        (7, "BAD"), (8, "G"), (9, "   "), (10, "H"), (11, "I"),
    ]  # fmt: skip
    assert (result.records, result.landed, result.quarantined) == (11, 9, 2)


def test_a_csv_value_in_quotes_may_span_lines(tmp_path: Path) -> None:
    text = 'id,age\nA,1\n"B\nsecond line\n\nafter an empty one",2\nC,3\n'
    result = land(tmp_path, PEOPLE, write(tmp_path, PEOPLE, text), "b1", WHEN)
    rows = [(r["_row_number"], r["id"]) for r in bronze(tmp_path, "people")]
    assert rows == [(1, "A"), (2, "B\nsecond line\n\nafter an empty one"), (3, "C")]
    assert (result.records, result.landed, result.quarantined) == (3, 3, 0)


def test_a_csv_whose_lines_end_with_a_lone_carriage_return_lands_whole(tmp_path: Path) -> None:
    text = 'id,age\rA,1\r\rB\r"C\rD",3\r'  # an old Mac file: no \n at all
    result = land(tmp_path, PEOPLE, write(tmp_path, PEOPLE, text), "b1", WHEN)
    assert [(r["_row_number"], r["id"]) for r in bronze(tmp_path, "people")] == [
        (1, "A"),
        (3, "C\rD"),
    ]
    assert [b["raw"] for b in quarantine(tmp_path, "people")] == ["B"]
    assert (result.records, result.landed, result.quarantined) == (3, 2, 1)


def test_csv_records_that_are_not_utf8_are_quarantined_and_the_rest_land(tmp_path: Path) -> None:
    path = tmp_path / PEOPLE.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"id,age\nA,1\nB,\xe9t\xe9\nC\nD,4\n\xff,5\n")
    result = land(tmp_path, PEOPLE, path, "b1", WHEN)
    assert [(r["id"], r["_row_number"]) for r in bronze(tmp_path, "people")] == [("A", 1), ("D", 4)]
    bad = {b["_row_number"]: (b["raw"], b["reason"]) for b in quarantine(tmp_path, "people")}
    assert bad == {
        2: ("B,\\xe9t\\xe9", "not UTF-8 text"),
        3: ("C", "expected 2 fields, found 1"),
        5: ("\\xff,5", "not UTF-8 text"),
    }
    assert (result.records, result.landed, result.quarantined) == (5, 2, 3)


@pytest.mark.parametrize("block", [24, 1 << 24])
def test_a_malformed_csv_record_that_is_not_utf8_is_quarantined_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    """Arrow cannot hand such a record's text over: the file is read again, bytes escaped,
    after what was landed already (with 24-byte blocks, records 1-4 land before it fails)."""
    monkeypatch.setattr(csvfile, "CSV_BLOCK_BYTES", block)
    path = tmp_path / PEOPLE.path
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [b"A,1", b"B,\xe9", b"C", b"D,4", b"E,5", b"F,6", b"G,7,\xe9t\xe9", b"H,\xff", b"I,9"]
    path.write_bytes(b"id,age\n" + b"\n".join(lines) + b"\n\xc3\xa9,10\n")
    result = land(tmp_path, PEOPLE, path, "b1", WHEN)
    rows = [(r["_row_number"], r["id"]) for r in bronze(tmp_path, "people")]
    assert rows == [(1, "A"), (4, "D"), (5, "E"), (6, "F"), (9, "I"), (10, "é")]
    bad = {b["_row_number"]: (b["raw"], b["reason"]) for b in quarantine(tmp_path, "people")}
    assert bad == {
        2: ("B,\\xe9", "not UTF-8 text"),
        3: ("C", "expected 2 fields, found 1"),
        7: ("G,7,\\xe9t\\xe9", "expected 2 fields, found 3"),
        8: ("H,\\xff", "not UTF-8 text"),
    }
    assert (result.records, result.landed, result.quarantined) == (10, 6, 4)


def test_json_lines_unwrap_mongo_types_and_quarantine_broken_lines(tmp_path: Path) -> None:
    path = write(tmp_path, DOCS, '{"id": "a", "when": {"$date": "2024-01-01T00:00:00Z"}}\n'
                 '{"id": "b", "when": 5\n[1, 2]\n{"id": 7, "when": null}\n'
                 '{"id": {"$oid": "65a"}, "when": {"$date": {"$numberLong": "1673802631123"}}}\n'
                 '{"id": "c", "when": {"$date": -1000}}\n')  # fmt: skip
    result = land(tmp_path, DOCS, path, "b1", WHEN)
    rows = bronze(tmp_path, "docs")
    assert [(r["id"], r["when"], r["_row_number"]) for r in rows] == [
        ("a", "2024-01-01T00:00:00Z", 1),
        ("7", None, 4),
        ("65a", "2023-01-15T17:10:31.123Z", 5),  # canonical extended JSON: milliseconds
        ("c", "1969-12-31T23:59:59.000Z", 6),
    ]
    reasons = {b["_row_number"]: b["reason"] for b in quarantine(tmp_path, "docs")}
    assert set(reasons) == {2, 3}
    assert str(reasons[2]).startswith("not JSON") and reasons[3] == "record is not a JSON object"
    assert (result.landed, result.quarantined) == (4, 2)


def test_json_lines_quarantine_text_that_is_not_utf8_and_lines_only_unicode_spaces(
    tmp_path: Path,
) -> None:
    path = tmp_path / DOCS.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b'{"id": "a", "when": 1}\r\n{"id": "\xe9t\xe9"}\n\xc2\xa0\n\n{"id": "b", "when": x}\n'
    )
    result = land(tmp_path, DOCS, path, "b1", WHEN)
    assert [(r["id"], r["when"]) for r in bronze(tmp_path, "docs")] == [("a", "1")]
    bad = {b["_row_number"]: (b["raw"], b["reason"]) for b in quarantine(tmp_path, "docs")}
    assert bad == {
        2: ('{"id": "\\xe9t\\xe9"}', "not UTF-8 text"),
        3: ("\xa0", "not JSON: Expecting value at character 1"),
        5: ('{"id": "b", "when": x}', "not JSON: Expecting value at character 21"),
    }
    assert (result.records, result.landed, result.quarantined) == (4, 1, 3)


def test_json_numbers_land_as_json_writes_them(tmp_path: Path) -> None:
    lines = [f'{{"id": {a}, "when": {b}}}' for a, b in
             [("12", "0.1"), ("-3", "1e22"), ("10000000000000000000000", "2.5e-07"),
              ("1.0", "-0.0"), ("true", "NaN")]]  # fmt: skip
    path = write(tmp_path, DOCS, "\n".join(lines) + "\n")
    land(tmp_path, DOCS, path, "b1", WHEN)
    assert [(r["id"], r["when"]) for r in bronze(tmp_path, "docs")] == [
        ("12", "0.1"), ("-3", "1e+22"), ("10000000000000000000000", "2.5e-07"),
        ("1.0", "-0.0"), ("true", "NaN"),
    ]  # fmt: skip


def test_a_byte_order_mark_is_not_content(tmp_path: Path) -> None:
    """Windows tools start UTF-8 files with one: JSON, JSON lines and notes land without it."""
    bom = "\ufeff"
    array = replace(DOCS, file_format="json", path="sources/docs.json")
    land(tmp_path, array, write(tmp_path, array, bom + '[{"id": "a", "when": null}]'), "b1", WHEN)
    assert [r["id"] for r in bronze(tmp_path, "docs")] == ["a"]
    lines = bom + '{"id": "b", "when": 1}\n{"id": "c", "when": 2}\n'
    land(tmp_path, DOCS, write(tmp_path, DOCS, lines), "b1", WHEN)
    assert [r["id"] for r in bronze(tmp_path, "docs")] == ["b", "c"]
    (tmp_path / NOTES.path).mkdir(parents=True)
    note = bom + "--- BEGIN NOTE ---\nhi\n--- END NOTE ---\n"
    (tmp_path / NOTES.path / "n1.txt").write_text(note, encoding="utf-8")
    result = land(tmp_path, NOTES, tmp_path / NOTES.path, "b1", WHEN)
    assert (result.landed, result.quarantined) == (1, 0)
    assert str(bronze(tmp_path, "notes")[0]["text"]).startswith("--- BEGIN NOTE ---")


def test_text_folder_quarantines_files_without_markers_or_utf8(tmp_path: Path) -> None:
    folder = tmp_path / NOTES.path
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("ID: 1\n\n--- BEGIN NOTE ---\nhello\n--- END NOTE ---\n")
    (folder / "b.txt").write_text("just words\n")
    (folder / "c.txt").write_bytes(b"--- BEGIN NOTE ---\n\xff\n--- END NOTE ---\n")
    land(tmp_path, NOTES, folder, "b1", WHEN)
    assert [r["name"] for r in bronze(tmp_path, "notes")] == ["a.txt"]
    assert {b["_row_number"]: b["reason"] for b in quarantine(tmp_path, "notes")} == {
        2: "no '--- BEGIN … ---' / '--- END … ---' markers",
        3: "not UTF-8 text",
    }


@pytest.mark.parametrize(
    ("text", "lands"),
    [
        ("--- BEGIN NOTE ---\nhi\n--- END NOTE ---", True),
        ("ID: 1\n--- BEGIN A ---\n--- END A ---\n", True),
        ("x--- BEGIN NOTE ---\nhi\n--- END NOTE ---\n", False),  # not at a line's start
        ("--- BEGIN NOTE ---\nhi\n x--- END NOTE ---\n", False),
        ("--- BEGIN NOTE ---\nhi\n--- END MAIL ---\n", False),  # another name
        ("--- BEGIN NOTE ---\r\nhi\r\n--- END NOTE ---\r\n", True),  # written on Windows
        ("ID: 1\r--- BEGIN NOTE ---\rhi\r--- END NOTE ---\r", True),  # on an old Mac
        ("--- BEGIN NOTE ---\r\nhi\n--- END NOTE ---", True),  # lines of both
        ("x\r\n--- BEGIN NOTE ---\r\nhi\r\nx--- END NOTE ---\r\n", False),
        ("--- BEGIN NOTE ---\r\r\n--- END NOTE --- x\r\n", False),
        ("x--- BEGIN A ---\n--- BEGIN A ---\n--- END A ---", True),  # the second one
    ],
)
def test_note_markers_are_whole_lines_naming_one_kind(
    tmp_path: Path, text: str, lands: bool
) -> None:
    folder = tmp_path / NOTES.path
    folder.mkdir(parents=True)
    (folder / "a.txt").write_bytes(text.encode())
    result = land(tmp_path, NOTES, folder, "b1", WHEN)
    assert (result.landed, result.quarantined) == ((1, 0) if lands else (0, 1))


def test_schema_drift_fails_or_evolves(tmp_path: Path) -> None:
    path = write(tmp_path, PEOPLE, "id,age,shoe_size\nA,35,44\n")
    with pytest.raises(SchemaDriftError, match="shoe_size"):
        land(tmp_path, PEOPLE, path, "b1", WHEN)
    result = land(tmp_path, PEOPLE, path, "b1", WHEN, drift="evolve")
    assert result.added_columns == ["shoe_size"]
    assert json.loads(str(bronze(tmp_path, "people")[0]["_extra"])) == {"shoe_size": "44"}
    path = write(tmp_path, PEOPLE, "id\nA\n")
    with pytest.raises(SchemaDriftError, match="missing from the source: age") as caught:
        land(tmp_path, PEOPLE, path, "b1", WHEN)
    assert str(caught.value).endswith("(set schema_drift: evolve in c360.yaml to land the "
                                      "others, these empty)")  # fmt: skip
    assert land(tmp_path, PEOPLE, path, "b1", WHEN, drift="evolve").missing_columns == ["age"]


def test_a_missing_source_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"people\.csv is missing: put it back; bronze peop"):
        land(tmp_path, PEOPLE, tmp_path / PEOPLE.path, "b1", WHEN)


def test_a_failed_publish_leaves_the_previous_table(tmp_path: Path) -> None:
    schema = pa.schema([("x", pa.int64())])
    with lake.publish(tmp_path, "bronze", "t", schema) as out:
        out.write(pa.table({"x": [1, 2]}, schema=schema))
    with pytest.raises(RuntimeError), lake.publish(tmp_path, "bronze", "t", schema) as out:
        out.write(pa.table({"x": [3]}, schema=schema))
        raise RuntimeError("crash mid-write")
    assert lake.read_table(tmp_path, "bronze", "t").column("x").to_pylist() == [1, 2]
    assert [p.name for p in (tmp_path / "lake" / "bronze").iterdir()] == ["t"]


def test_sources_land_in_parallel_but_report_and_fail_in_order(tmp_path: Path) -> None:
    generate(tmp_path, Plan(seed=4, scale=0.01))
    order = [table.name for table, _ in sources(tmp_path)]
    assert [r.table for r in land_all(tmp_path)] == order
    drifted = [p for _, p in sources(tmp_path) if isinstance(p, Path) and p.suffix == ".csv"][-2:]
    for path in drifted:  # two sources fail; the error is the first one's, in source order
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text(lines[0] + ",extra\n" + "\n".join(line + ",x" for line in lines[1:]) + "\n")
    with pytest.raises(SchemaDriftError, match=drifted[0].name):
        land_all(tmp_path)


def test_a_generated_workspace_lands_whole(tmp_path: Path) -> None:
    generate(tmp_path, Plan(seed=4, scale=0.01))
    manifest = json.loads((tmp_path / "sources" / "manifest.json").read_text())
    expected = {f["table"]: f["rows"] for f in manifest["files"] if f["kind"] == "source"}
    landed = {r.table: r for r in land_all(tmp_path)}
    assert set(landed) == set(expected)
    for name, rows in expected.items():
        assert landed[name].landed + landed[name].quarantined == rows, name
        assert landed[name].added_columns == [] and landed[name].missing_columns == [], name
    customers = bronze(tmp_path, "crm_customers")
    assert [c["_row_number"] for c in customers] == list(range(1, len(customers) + 1))
    assert set(customers[0]) == {
        *contracts.get("crm_customers").column_names,
        "_extra",
        "_source_file",
        "_batch_id",
        "_ingested_at",
        "_row_number",
    }


def test_a_source_that_is_not_its_format_or_an_empty_folder_names_it(tmp_path: Path) -> None:
    garbage = tmp_path / "sources" / "people.parquet"
    garbage.parent.mkdir(parents=True)
    garbage.write_bytes(b"PAR1 not really")
    with pytest.raises(SourceError, match=r"cannot read .*people\.parquet: .*magic bytes"):
        land(tmp_path, PEOPLE, garbage, "b1", WHEN)
    folder = tmp_path / "sources" / "people"
    folder.mkdir()
    (folder / "readme.txt").write_text("id,age\nA,1\n")
    with pytest.raises(SourceError, match=r"no \.csv or \.csv\.gz files in the folder .*people, "):
        land(tmp_path, PEOPLE, folder, "b1", WHEN)
    (folder / "readme.txt").unlink()
    with pytest.raises(SourceError, match=r"no \.csv or \.csv\.gz files in the folder .*people$"):
        land(tmp_path, PEOPLE, folder, "b1", WHEN)


@pytest.mark.parametrize(
    ("table", "kinds"),
    [(PEOPLE, ".csv or .csv.gz"), (replace(PEOPLE, file_format="parquet_dir"), ".parquet")],
)
def test_a_folder_without_files_of_its_format_names_the_files_it_holds(
    tmp_path: Path, table: Table, kinds: str
) -> None:
    """Extracts compressed otherwise or saved as workbooks: how many files there are instead,
    and the first three by name, as for files left aside among others (hidden ones unsaid)."""
    folder = tmp_path / "sources" / "people"
    (folder / "2024").mkdir(parents=True)
    for name in ("d1.csv.bz2", "d2.csv.bz2", "book.xlsx", "2024/d3.tsv", "_SUCCESS", ".x.csv"):
        (folder / name).write_bytes(b"x")
    with pytest.raises(SourceError) as caught:
        land(tmp_path, table, folder, "b1", WHEN)
    assert str(caught.value) == (
        f"no {kinds} files in the folder {folder}, but 4 other files: 2024/d3.tsv, book.xlsx, "
        "d1.csv.bz2 and 1 more"
    )
    for name in ("d1.csv.bz2", "d2.csv.bz2", "2024/d3.tsv"):
        (folder / name).unlink()
    with pytest.raises(SourceError) as caught:
        land(tmp_path, table, folder, "b1", WHEN)
    one = f"no {kinds} files in the folder {folder}, but 1 other file: book.xlsx"
    assert str(caught.value) == one


def test_a_folder_of_csv_extracts_lands_as_one_table_file_by_file(tmp_path: Path) -> None:
    """Daily extracts in one folder: each file keeps its own lineage and line numbers; they
    land by name (dates in order), hidden files and other formats aside."""
    folder = tmp_path / "sources" / "people"
    (folder / "2024-12").mkdir(parents=True)
    (folder / "2024-12-02.csv").write_text('id,age\nC,3\n"D\nE",4\nbad\n')
    (folder / "2024-12-01.csv").write_text("id,age\nA,1\nB,2\n")
    (folder / "2024-12" / "03.CSV").write_text("age,id\n5,F\n")  # its own column order
    (folder / ".~lock.2024-12-01.csv").write_text("x")
    (folder / "notes.txt").write_text("not a source")
    result = land(tmp_path, PEOPLE, folder, "b1", WHEN)
    rows = [
        (r["_source_file"], r["_row_number"], r["id"], r["age"]) for r in bronze(tmp_path, "people")
    ]
    assert rows == [
        ("sources/people/2024-12-01.csv", 1, "A", "1"),
        ("sources/people/2024-12-01.csv", 2, "B", "2"),
        ("sources/people/2024-12-02.csv", 1, "C", "3"),
        ("sources/people/2024-12-02.csv", 2, "D\nE", "4"),
        ("sources/people/2024-12/03.CSV", 1, "F", "5"),
    ]
    bad = quarantine(tmp_path, "people")
    assert [(b["_source_file"], b["_row_number"], b["raw"]) for b in bad] == [
        ("sources/people/2024-12-02.csv", 3, "bad")
    ]
    assert (result.records, result.landed, result.quarantined) == (6, 5, 1)


def test_a_folder_of_json_lines_lands_every_file(tmp_path: Path) -> None:
    folder = tmp_path / "sources" / "docs"
    folder.mkdir(parents=True)
    (folder / "b.ndjson").write_text('{"id": "2", "when": "2024-01-02"}\n')
    (folder / "a.jsonl").write_text('{"id": "1"}\nnot json\n')
    result = land(tmp_path, DOCS, folder, "b1", WHEN)
    assert [(r["id"], r["_source_file"]) for r in bronze(tmp_path, "docs")] == [
        ("1", "sources/docs/a.jsonl"), ("2", "sources/docs/b.ndjson"),
    ]  # fmt: skip
    assert (result.records, result.landed, result.quarantined) == (3, 2, 1)


def test_a_manifest_naming_a_table_twice_says_to_use_a_folder(tmp_path: Path) -> None:
    """Two files of one table would each land over the other: a run would keep only one."""
    path = tmp_path / "sources" / "manifest.json"
    path.parent.mkdir()
    second = {**ORDERS, "path": "sources/orders-2.csv"}
    path.write_text(json.dumps({"files": [ORDERS, {"kind": "truth"}, second]}))
    with pytest.raises(SourceError) as error:
        sources(tmp_path)
    assert str(error.value) == (
        f"{path}: entries 1 and 3 both name 'orders'; put a table's files in one folder and "
        "name the folder"
    )


def test_a_broken_manifest_names_itself(tmp_path: Path) -> None:
    manifest = tmp_path / "sources" / "manifest.json"
    manifest.parent.mkdir()
    manifest.write_text('{"files": [{"kind": "source", "table": "orders", "pa')
    with pytest.raises(SourceError, match=r"manifest\.json is not valid JSON"):
        sources(tmp_path)
    manifest.unlink()
    manifest.mkdir()
    with pytest.raises(SourceError, match=r"cannot read .*manifest\.json: .*Is a directory"):
        sources(tmp_path)
    manifest.rmdir()
    os.mkfifo(manifest)  # reading it would wait for a writer for ever
    with pytest.raises(SourceError, match=r"manifest\.json is a pipe, a socket or a device"):
        sources(tmp_path)


ORDERS = {"kind": "source", "table": "orders", "path": "sources/orders.csv"}


@pytest.mark.parametrize(
    ("manifest", "wrong"),
    [
        ([ORDERS], ": an array, not an object with a 'files' list"),
        ({"generator": {}}, ": the object has no 'files'"),
        ({"files": ORDERS}, ": 'files' is an object, not a list"),
        ({"files": [ORDERS, "sources/x.csv"]}, ": entry 2 is a string, not an object"),
        (
            {"files": [{"table": "orders", "path": "sources/orders.csv"}]},
            ": entry 1 has no 'kind' ('source' for a source table's file or folder)",
        ),
        (  # any other kind would leave the table out of the run, unsaid
            {"files": [{**ORDERS, "kind": "Source"}]},
            ": entry 1's 'kind' is 'Source', not 'source' (a source table's file or folder) "
            "or 'truth' (the generator's ground truth)",
        ),
        ({"files": [ORDERS, {"kind": "source", "path": "x.csv"}]}, ": entry 2 has no 'table'"),
        ({"files": [{**ORDERS, "path": 7}]}, ": entry 1's 'path' is a number, not text"),
        ({"files": [{**ORDERS, "path": ""}]}, ": entry 1's 'path' is empty"),
        (
            {"files": [ORDERS, {**ORDERS, "table": "products", "path": " "}]},
            ": entry 2's 'path' is empty",
        ),
        (
            {"files": [{**ORDERS, "table": "nope"}]},
            ": entry 1 names 'nope', a table without a contract",
        ),
    ],
)
def test_a_malformed_manifest_says_which_entry_and_what_is_wrong(
    tmp_path: Path, manifest: object, wrong: str
) -> None:
    path = tmp_path / "sources" / "manifest.json"
    path.parent.mkdir()
    path.write_text(json.dumps(manifest))
    with pytest.raises(SourceError) as error:
        sources(tmp_path)
    assert str(error.value) == f"{path}{wrong}"


@pytest.mark.parametrize(("separator", "name"), [(";", "semicolons"), ("\t", "tabs")])
def test_a_csv_separated_by_something_else_says_so(
    tmp_path: Path, separator: str, name: str
) -> None:
    path = write(tmp_path, PEOPLE, f"id{separator}age\nA{separator}35\nB, jr{separator}40\n")
    with pytest.raises(SourceError, match=f"people.csv: the header is separated by {name}, not"):
        land(tmp_path, PEOPLE, path, "b1", WHEN)


@pytest.mark.parametrize(
    ("text", "configured", "name"),
    [('"id";"age"\n"A";35\n', ",", "semicolons"), ('"id"\t"age"\nA\t35\n', ",", "tabs"),
     ('"id","age"\n"A",35\n', ";", "commas"), ('"ID" ; "Age"\nA;35\n', ",", "semicolons")],
)  # fmt: skip
def test_a_csv_with_a_quoted_header_separated_by_something_else_says_so(
    tmp_path: Path, text: str, configured: str, name: str
) -> None:
    """Exporters quote every name of the header: the names are still recognised in it."""
    path = write(tmp_path, PEOPLE, text)
    with pytest.raises(SourceError, match=f"people.csv: the header is separated by {name}, not"):
        land(tmp_path, PEOPLE, path, "b1", WHEN, dialect=CsvFile(delimiter=configured))


def test_a_csv_written_with_semicolons_in_windows_1252_lands_as_its_project_file_says(
    tmp_path: Path,
) -> None:
    """A spreadsheet's export: ``;`` between fields, accents in cp1252, a bad line in it."""
    products = contracts.get("products")
    header = ";".join(products.column_names)
    rows = ["P1;Crème brûlée set;Home;Äpfel & Co;12.50;0.2;SKU1;true", "P2;Säge"]
    path = tmp_path / "sources" / "c360" / "products.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes("\n".join([header, *rows, ""]).encode("cp1252"))
    with pytest.raises(SourceError, match=r"separated by semicolons, not commas .*csv: products:"):
        land_all(tmp_path)
    (tmp_path / "c360.yaml").write_text("csv:\n  products: {delimiter: ';', encoding: cp1252}\n")
    [result] = land_all(tmp_path)
    assert (result.records, result.landed, result.quarantined) == (2, 1, 1)
    [row] = bronze(tmp_path, "products")
    assert (row["product_name"], row["brand"], row["price_eur"]) == (
        "Crème brûlée set", "Äpfel & Co", "12.50"
    )  # fmt: skip
    assert quarantine(tmp_path, "products")[0]["raw"] == "P2;Säge"


def test_a_csv_record_with_a_byte_its_encoding_lacks_is_quarantined(tmp_path: Path) -> None:
    """0x81 means nothing in cp1252: its record is set aside, the file lands."""
    path = tmp_path / PEOPLE.path
    path.parent.mkdir(parents=True)
    path.write_bytes("id;age\nRené;1\n".encode("cp1252") + b"B;\x81\nC;3\n")
    dialect = CsvFile(delimiter=";", encoding="cp1252")
    result = land(tmp_path, PEOPLE, path, "b1", WHEN, dialect=dialect)
    assert [(r["_row_number"], r["id"]) for r in bronze(tmp_path, "people")] == [
        (1, "René"),
        (3, "C"),
    ]
    [bad] = quarantine(tmp_path, "people")
    assert (bad["_row_number"], bad["raw"], bad["reason"]) == (2, "B;\\x81", "not cp1252 text")
    assert (result.records, result.landed, result.quarantined) == (3, 2, 1)


def test_a_csv_in_utf16_without_a_byte_order_mark_is_one_line_saying_so(tmp_path: Path) -> None:
    """With a mark, it lands (test_utf16.py); without, nothing but its NULs says it is UTF-16."""
    path = tmp_path / PEOPLE.path
    path.parent.mkdir(parents=True)
    path.write_bytes("id,age\r\nA,1\r\n".encode("utf-16-le"))
    with pytest.raises(SourceError, match=r"people.csv is written in UTF-16 .*save it as a UTF-8"):
        land(tmp_path, PEOPLE, path, "b1", WHEN)


def test_empty_unnamed_columns_of_trailing_delimiters_are_not_drift(tmp_path: Path) -> None:
    path = write(tmp_path, PEOPLE, "id,age,,\nA,1,,\nB,2,,\n")
    result = land(tmp_path, PEOPLE, path, "b1", WHEN)
    assert (result.landed, result.added_columns) == (2, [])
    assert [r["id"] for r in bronze(tmp_path, "people")] == ["A", "B"]
    write(tmp_path, PEOPLE, "id,age,\nA,1,\nB,2,oops\n")  # a value under no name is drift
    with pytest.raises(SchemaDriftError, match="not in the contract of people: unnamed column 3"):
        land(tmp_path, PEOPLE, path, "b1", WHEN)


def test_records_ending_with_a_delimiter_their_header_lacks_land_whole(tmp_path: Path) -> None:
    """Some exporters end every record with a delimiter, but not the header: an empty last
    field, not a record of too many fields."""
    path = write(tmp_path, PEOPLE, "\ufeffid,age\r\n\r\nA,1,\r\nB,,\r\nC,3,x\r\nD\r\n")
    result = land(tmp_path, PEOPLE, path, "b1", WHEN, drift="evolve")
    rows = [(r["_row_number"], r["id"], r["age"], r["_extra"]) for r in bronze(tmp_path, "people")]
    assert rows == [(1, "A", "1", None), (2, "B", None, None),
                    (3, "C", "3", '{"unnamed column 3": "x"}')]  # fmt: skip
    assert [(b["_row_number"], b["raw"]) for b in quarantine(tmp_path, "people")] == [(4, "D")]
    assert (result.records, result.landed, result.quarantined) == (4, 3, 1)
    assert result.added_columns == ["unnamed column 3"]  # a value under no name is still drift


def test_a_csv_header_names_contract_columns_whatever_their_case_and_spaces(
    tmp_path: Path,
) -> None:
    """… and every column lands as the file wrote it, an extra one too ("007", not 7)."""
    path = write(tmp_path, PEOPLE, "ID, Age ,zip\n007,1.50,01234\n")
    result = land(tmp_path, PEOPLE, path, "b1", WHEN, drift="evolve")
    assert (result.added_columns, result.missing_columns) == (["zip"], [])
    [row] = bronze(tmp_path, "people")
    assert (row["id"], row["age"], row["_extra"]) == ("007", "1.50", '{"zip": "01234"}')


def test_a_csv_header_naming_a_column_twice_is_a_source_error(tmp_path: Path) -> None:
    path = write(tmp_path, PEOPLE, "id,age,id\nA,35,B\n")
    with pytest.raises(SourceError, match=r"people\.csv: the header names id more than once"):
        land(tmp_path, PEOPLE, path, "b1", WHEN)


def test_a_csv_line_of_spaces_is_quarantined_and_reconciled(tmp_path: Path) -> None:
    path = write(tmp_path, PEOPLE, "id,age\nA,35\n   \n\nB,36\r\n\r\n")
    result = land(tmp_path, PEOPLE, path, "b1", WHEN)
    assert [(r["id"], r["_row_number"]) for r in bronze(tmp_path, "people")] == [("A", 1), ("B", 3)]
    assert [(b["_row_number"], b["raw"]) for b in quarantine(tmp_path, "people")] == [(2, "   ")]
    assert (result.records, result.landed, result.quarantined) == (3, 2, 1)


def test_a_csv_record_repeating_the_header_is_quarantined(tmp_path: Path) -> None:
    """Extracts joined end to end (``cat a.csv b.csv``) repeat the header, a BOM before it."""
    text = "id,age\nA,1\nid,age\nB,2\n\ufeffid,age\nid,3\nC,age\n"
    result = land(tmp_path, PEOPLE, write(tmp_path, PEOPLE, text), "b1", WHEN)
    assert [(r["_row_number"], r["id"]) for r in bronze(tmp_path, "people")] == [
        (1, "A"), (3, "B"), (5, "id"), (6, "C")
    ]  # fmt: skip
    assert [(b["_row_number"], b["raw"], b["reason"]) for b in quarantine(tmp_path, "people")] == [
        (2, "id,age", "record repeats the header"), (4, "\ufeffid,age", "record repeats the header")
    ]  # fmt: skip
    assert (result.records, result.landed, result.quarantined) == (6, 4, 2)


@pytest.mark.parametrize(
    ("table", "text"),
    [(PEOPLE, "id,age\n"), (PEOPLE, ""), (PEOPLE, "\n\n"), (DOCS, ""), (DOCS, "\n\n"),
     (DOCS, "{broken\n"),
     (replace(DOCS, file_format="json", path="sources/docs.json"), "[]"),
     (replace(DOCS, file_format="json", path="sources/docs.json"), ""),
     (replace(DOCS, file_format="json", path="sources/docs.json"), "\ufeff\r\n \n")],
)  # fmt: skip
def test_a_source_without_records_lands_empty_rather_than_missing_columns(
    tmp_path: Path, table: Table, text: str
) -> None:
    result = land(tmp_path, table, write(tmp_path, table, text), "b1", WHEN)
    assert (result.landed, result.missing_columns) == (0, [])
    assert result.quarantined == len(quarantine(tmp_path, table.name)) == text.count("{")


def test_a_header_missing_a_column_is_drift_even_when_every_line_is_malformed(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, PEOPLE, "id\nB,1\n")
    with pytest.raises(SchemaDriftError, match="missing from the source: age"):
        land(tmp_path, PEOPLE, path, "b1", WHEN)


def _deny(monkeypatch: pytest.MonkeyPatch, blocked: Path) -> None:
    """Make ``blocked`` a folder that cannot be searched, as it is for a user without the
    permission (chmod does not stop root, who runs the tests in containers)."""
    stat, scandir = Path.stat, os.scandir

    def no_stat(self: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if blocked in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        return stat(self, follow_symlinks=follow_symlinks)

    def no_listing(path: Any = ".") -> Any:
        if Path(path) == blocked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(Path, "stat", no_stat)
    monkeypatch.setattr(os, "scandir", no_listing)


def test_a_source_folder_that_cannot_be_searched_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(tmp_path, Plan(seed=4, scale=0.01))
    _deny(monkeypatch, tmp_path / "sources" / "c360")
    with pytest.raises(
        SourceError, match=r"cannot read .*sources/c360/\w+\.csv: Permission denied$"
    ):
        land_all(tmp_path)
    (tmp_path / "sources" / "manifest.json").unlink()  # sources found by their contract's path
    with pytest.raises(SourceError, match=r"cannot read .*sources/c360: Permission denied$"):
        sources(tmp_path)


@pytest.mark.parametrize("table", [PEOPLE, replace(PEOPLE, file_format="parquet_dir"),
                                   replace(PEOPLE, file_format="text")])  # fmt: skip
def test_a_sub_folder_that_cannot_be_listed_is_not_a_folder_without_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: Table
) -> None:
    folder = tmp_path / "sources" / "people"
    (folder / "2024").mkdir(parents=True)
    _deny(monkeypatch, folder / "2024")
    with pytest.raises(SourceError, match=r"cannot read .*people/2024: Permission denied$"):
        land(tmp_path, table, folder, "b1", WHEN)


def test_a_header_without_its_line_break_is_a_source_without_records(tmp_path: Path) -> None:
    """Some tools write a day without data as the header alone, no line break after it."""
    result = land(tmp_path, PEOPLE, write(tmp_path, PEOPLE, "\ufeffid,age"), "b1", WHEN)
    assert (result.records, result.landed, result.missing_columns) == (0, 0, [])
    write(tmp_path, PEOPLE, "id,years")
    with pytest.raises(SchemaDriftError, match="columns not in the contract of people: years"):
        land(tmp_path, PEOPLE, tmp_path / PEOPLE.path, "b1", WHEN)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x1f\x8b\x08\x00", r"is compressed with gzip, not CSV text: name it \.csv\.gz"),
        (b"PK\x03\x04\x14\x00", r"is a ZIP archive \(an Excel workbook\?\), not CSV text"),
        (b"PAR1\x15\x04", "is a Parquet file, not CSV text"),
        (b"BZh91AY&SY", r"is compressed with bzip2, not CSV text: decompress it \(bunzip2\)"),
        (b"\xfd7zXZ\x00", r"is compressed with xz, not CSV text: decompress it \(unxz\)"),
        (b"\x28\xb5\x2f\xfd", r"is compressed with zstd, not CSV text: decompress it \(unzstd\)"),
        (b"7z\xbc\xaf\x27\x1c", r"is a 7-Zip archive, not CSV text: extract it"),
    ],
)
def test_a_csv_that_is_another_kind_of_file_says_what_it_is(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / PEOPLE.path
    path.parent.mkdir(parents=True)
    path.write_bytes(data + bytes(range(256)) * 4)
    with pytest.raises(SourceError, match=rf"people\.csv {message}"):
        land(tmp_path, PEOPLE, path, "b1", WHEN)


@pytest.mark.parametrize("head", [b"\xf2Q\xfd\x00\x13\x88", b"id,\x01\x02age\x7f"])
def test_a_csv_whose_header_holds_control_bytes_is_binary_not_unknown_columns(
    tmp_path: Path, head: bytes
) -> None:
    """Random or binary bytes named .csv: one line saying so, not 300 escaped bytes as columns."""
    path = tmp_path / PEOPLE.path
    path.parent.mkdir(parents=True)
    path.write_bytes(head + bytes(range(32, 256)) * 4 + b"\nA,1\n")
    with pytest.raises(SourceError, match=r"people\.csv is not CSV text: its header holds control"):
        land(tmp_path, PEOPLE, path, "b1", WHEN)


def test_a_csv_record_longer_than_a_block_lands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Arrow cannot parse a record straddling two blocks: read again in bigger ones."""
    monkeypatch.setattr(csvfile, "CSV_BLOCK_BYTES", 64)
    monkeypatch.setattr(csvfile, "MAX_RECORD_BYTES", 64 * 8 * 8)
    long = "x" * 2000
    text = f'id,age\nA,1\nB,2,3\n"{long}",2\nC,3\n'
    result = land(tmp_path, PEOPLE, write(tmp_path, PEOPLE, text), "b1", WHEN)
    assert [(r["_row_number"], r["id"]) for r in bronze(tmp_path, "people")] == [
        (1, "A"), (3, long), (4, "C")
    ]  # fmt: skip
    assert [(b["_row_number"], b["raw"]) for b in quarantine(tmp_path, "people")] == [(2, "B,2,3")]
    assert (result.records, result.landed, result.quarantined) == (4, 3, 1)
    write(tmp_path, PEOPLE, f'id,age\nA,1\n"{long * 5}",2\n')
    with pytest.raises(SourceError, match=r"people\.csv: a record is longer than 4,096 bytes"):
        land(tmp_path, PEOPLE, tmp_path / PEOPLE.path, "b1", WHEN)


@pytest.mark.parametrize("cut", ['"thir', '"thi""r', '"thirty, or'])
def test_a_csv_cut_short_inside_its_last_quoted_value_quarantines_that_record(
    tmp_path: Path, cut: str
) -> None:
    """A copy that stopped mid-value: Arrow would land ``"thir`` as ``thir``."""
    result = land(tmp_path, PEOPLE, write(tmp_path, PEOPLE, f"id,age\nA,1\nB,{cut}"), "b1", WHEN)
    assert [r["id"] for r in bronze(tmp_path, "people")] == ["A"]
    [bad] = quarantine(tmp_path, "people")
    assert (bad["_row_number"], bad["raw"]) == (2, f"B,{cut}")  # as written, quotes and all
    assert bad["reason"] == "the file ends inside this record's quoted value: cut short?"
    assert (result.records, result.landed, result.quarantined) == (2, 1, 1)


@pytest.mark.parametrize("last", ['"30"', "30", '3"0', "", '"3"",0"'])
def test_a_csv_whose_last_line_has_no_line_break_lands_whole(tmp_path: Path, last: str) -> None:
    result = land(tmp_path, PEOPLE, write(tmp_path, PEOPLE, f"id,age\nA,1\nB,{last}"), "b1", WHEN)
    assert [r["id"] for r in bronze(tmp_path, "people")] == ["A", "B"]
    assert (result.records, result.landed, result.quarantined) == (2, 2, 0)


def test_a_text_folder_leaves_hidden_files_aside_as_other_folders_do(tmp_path: Path) -> None:
    """A Mac's .DS_Store or an editor's swap file is no document to quarantine every run."""
    folder = tmp_path / NOTES.path
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("--- BEGIN NOTE ---\nhello\n--- END NOTE ---\n")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / ".a.txt.swp").write_text("x")
    result = land(tmp_path, NOTES, folder, "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (1, 1, 0)
    assert [(r["name"], r["_row_number"]) for r in bronze(tmp_path, "notes")] == [("a.txt", 1)]


def test_a_text_folder_lands_the_files_of_its_sub_folders_named_by_their_path(
    tmp_path: Path,
) -> None:
    """Notes kept by year land too; ``name`` (the key) is the path inside the folder, so two
    years' ``n1.txt`` stay two notes; hidden sub-folders stay aside."""
    folder = tmp_path / NOTES.path
    note = "--- BEGIN NOTE ---\n{}\n--- END NOTE ---\n"
    files = {"n1.txt": "now", "2024/n1.txt": "old", "2024/q1/n2.txt": "older",
             ".git/n3.txt": "x", "2023/.n4.txt": "x", "_tmp/n5.txt": "x"}  # fmt: skip
    for name, body in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(note.format(body))
    result = land(tmp_path, NOTES, folder, "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (3, 3, 0)
    rows = [(r["name"], r["_source_file"], str(r["text"]).split("\n")[1], r["_row_number"])
            for r in bronze(tmp_path, "notes")]  # fmt: skip
    assert rows == [
        ("2024/n1.txt", "sources/notes/2024/n1.txt", "old", 1),
        ("2024/q1/n2.txt", "sources/notes/2024/q1/n2.txt", "older", 2),
        ("n1.txt", "sources/notes/n1.txt", "now", 3),
    ]


@pytest.mark.parametrize(("table", "name"), [(PEOPLE, b"caf\xe9.csv"), (NOTES, b"caf\xe9.txt")])
def test_a_file_name_that_is_not_utf8_is_one_line_naming_it(
    tmp_path: Path, table: Table, name: bytes
) -> None:
    """A ZIP from an old Windows names files in its code page; spaces and accents in UTF-8 are
    fine."""
    folder = tmp_path / "sources" / "people"
    folder.mkdir(parents=True)
    content = b"id,age\nA,1\n" if table is PEOPLE else b"--- BEGIN N ---\nx\n--- END N ---\n"
    (folder / f"Müller ñ 北京{name[-4:].decode()}").write_bytes(content)
    land(tmp_path, table, folder, "b1", WHEN)
    assert [r["_source_file"] for r in bronze(tmp_path, table.name)] == [
        f"sources/people/Müller ñ 北京{name[-4:].decode()}"
    ]
    try:
        with open(os.fsencode(folder) + b"/" + name, "wb") as file:
            file.write(content)
    except OSError:  # a file system that only takes UTF-8 names: nothing to test
        pytest.skip("file names must be UTF-8 here")
    with pytest.raises(SourceError, match=r"people/caf\\xe9\.\w+: the file name is not UTF-8"):
        land(tmp_path, table, folder, "b1", WHEN)


@pytest.mark.parametrize(
    "text",
    [
        '[{"id": "a", "when": "2024-01-01"}, {"id": "b"}, 7]\n',
        '\ufeff[\n  {"id": "a", "when": "2024-01-01"},\n  {"id": "b"},\n  7\n]',
    ],
)
def test_a_json_lines_source_written_as_one_array_lands_its_documents(
    tmp_path: Path, text: str
) -> None:
    """``mongoexport --jsonArray`` writes one array, on one line or pretty-printed; each of its
    documents is a record, numbered by its place in the array."""
    result = land(tmp_path, DOCS, write(tmp_path, DOCS, text), "b1", WHEN)
    rows = [(r["_row_number"], r["id"], r["when"]) for r in bronze(tmp_path, "docs")]
    assert rows == [(1, "a", "2024-01-01"), (2, "b", None)]
    bad = quarantine(tmp_path, "docs")
    assert [(b["_row_number"], b["raw"], b["reason"]) for b in bad] == [
        (3, "7", "record is not a JSON object")
    ]
    assert (result.records, result.landed, result.quarantined) == (3, 2, 1)


def test_json_lines_each_an_array_stay_records_that_are_not_objects(tmp_path: Path) -> None:
    text = '[{"id": "a"}]\n{"id": "b", "when": "2024-01-01"}\n'
    result = land(tmp_path, DOCS, write(tmp_path, DOCS, text), "b1", WHEN)
    assert [r["id"] for r in bronze(tmp_path, "docs")] == ["b"]
    assert [b["reason"] for b in quarantine(tmp_path, "docs")] == ["record is not a JSON object"]
    assert (result.records, result.landed, result.quarantined) == (2, 1, 1)


@pytest.mark.parametrize("table", [PEOPLE, NOTES])
def test_a_link_to_nothing_in_a_source_folder_is_one_line_naming_it(
    tmp_path: Path, table: Table
) -> None:
    """A file moved away from under its link is not a folder without that file."""
    folder = tmp_path / "sources" / "people"
    folder.mkdir(parents=True)
    (folder / "a.csv").write_text("id,age\nA,1\n")
    (folder / "b.csv").symlink_to(tmp_path / "gone.csv")
    (folder / "c.csv").symlink_to(folder / "a.csv")  # a link to a file lands as the file
    with pytest.raises(SourceError, match=r"cannot read .*people/b\.csv: No such file"):
        land(tmp_path, replace(table, path="sources/people"), folder, "b1", WHEN)


@pytest.mark.parametrize("drift", ["fail", "evolve"])
@pytest.mark.parametrize(
    ("table", "write_source"),
    [(PEOPLE, lambda path: path.write_text("id,age,_row_number\nA,1,7\n")),
     (DOCS, lambda path: path.write_text('{"id": "A"}\n{"id": "B", "_row_number": 7}\n')),
     (replace(PEOPLE, path="sources/people.parquet", file_format="parquet"),
      lambda path: pq.write_table(pa.table({"id": ["A"], "_row_number": [7]}), path))],
)  # fmt: skip
def test_a_source_column_named_as_bronze_numbers_records_is_one_line(
    tmp_path: Path, table: Table, write_source: Any, drift: str
) -> None:
    """An export of an earlier bronze table, say: its ``_row_number`` would clash with the
    record numbers of this one."""
    path = tmp_path / table.path
    path.parent.mkdir(parents=True)
    write_source(path)
    with pytest.raises(SourceError, match=rf"{path.name}: a column is named _row_number, .*rename"):
        land(tmp_path, table, path, "b1", WHEN, drift=drift)


@pytest.mark.parametrize(
    "table",
    [PEOPLE, DOCS, replace(PEOPLE, file_format="parquet"), replace(DOCS, file_format="json")],
)
def test_a_named_pipe_in_place_of_a_source_file_is_one_line_not_a_wait(
    tmp_path: Path, table: Table
) -> None:
    """Reading a pipe would wait for ever for a writer; it is refused before it is opened."""
    path = tmp_path / table.path
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    with pytest.raises(SourceError) as caught:
        land(tmp_path, table, path, "b1", WHEN)
    assert str(caught.value) == (
        f"{path} is not a regular file (a pipe, a socket or a device): put the source's file there"
    )
    assert not (tmp_path / "lake" / "bronze").exists()


def test_a_link_to_a_named_pipe_is_refused_naming_the_link(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    path = tmp_path / PEOPLE.path
    path.parent.mkdir(parents=True)
    path.symlink_to(tmp_path / "pipe")
    with pytest.raises(SourceError, match=rf"^{path} is not a regular file \(a pipe"):
        land(tmp_path, PEOPLE, path, "b1", WHEN)


def test_a_named_pipe_in_a_folder_of_notes_is_one_line_not_a_wait(tmp_path: Path) -> None:
    folder = tmp_path / NOTES.path
    (folder / "2024").mkdir(parents=True)
    (folder / "n1.txt").write_text("--- BEGIN NOTE ---\nhi\n--- END NOTE ---\n")
    os.mkfifo(folder / "2024" / "n2.txt")
    with pytest.raises(SourceError) as caught:
        land(tmp_path, NOTES, folder, "b1", WHEN)
    assert str(caught.value) == (
        f"{folder / '2024' / 'n2.txt'} is not a regular file (a pipe, a socket or a device): "
        "move it out of the folder"
    )


def test_files_of_a_folder_not_of_its_format_are_left_aside_and_said(tmp_path: Path) -> None:
    """An extract compressed otherwise than with gzip, a TSV, JSON lines or a workbook among a
    CSV table's files do not land, but their records would be lost without a word: the run
    says which files it left aside (the first three by name, and how many more). Hidden files
    stay unsaid."""
    folder = tmp_path / "sources" / "people"
    (folder / "2024").mkdir(parents=True)
    (folder / "_temporary").mkdir()
    (folder / "orders_2024-01-01.csv").write_text("id,age\nA,1\n")
    (folder / "orders_2024-01-02.csv.bz2").write_bytes(b"BZh91AY&SY not read")
    (folder / "2024" / "extra.tsv").write_text("id\tage\nB\t2\n")
    (folder / "more.jsonl").write_text('{"id": "C"}\n')
    (folder / "book.xlsx").write_bytes(b"PK\x03\x04")
    for hidden in (".DS_Store", "_SUCCESS", "_temporary/part-0.tsv"):
        (folder / hidden).write_text("x")
    result = land(tmp_path, PEOPLE, folder, "b1", WHEN)
    assert [r["id"] for r in bronze(tmp_path, "people")] == ["A"]
    assert (result.records, result.landed, result.quarantined) == (1, 1, 0)
    assert result.warnings == [
        f"{folder}: 4 files left aside as not .csv or .csv.gz (their records are not landed): "
        "2024/extra.tsv, book.xlsx, more.jsonl and 1 more"
    ]
    (folder / "book.xlsx").unlink()
    (folder / "more.jsonl").unlink()
    (folder / "orders_2024-01-02.csv.bz2").unlink()
    assert land(tmp_path, PEOPLE, folder, "b1", WHEN).warnings == [
        f"{folder}: 1 file left aside as not .csv or .csv.gz (its records are not landed): "
        "2024/extra.tsv"
    ]


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_gzip_compressed_csv_files_of_a_folder_land_in_name_order_with_the_others(
    tmp_path: Path, fmt: str
) -> None:
    """Each with its own source file and record numbers, as the files uncompressed would."""
    folder = tmp_path / "sources" / "people"
    folder.mkdir(parents=True)
    (folder / "d1.csv").write_text("id,age\nA,1\n")
    (folder / "d2.csv.gz").write_bytes(gzip.compress(b"id,age\nB,2\nB2\nC,3\n"))
    (folder / "d3.csv").write_text("id,age\nD,4\n")
    (folder / "D4.CSV.GZ").write_bytes(gzip.compress(b"\xef\xbb\xbfid,age\r\nE,5\r\n"))
    result = land(tmp_path, replace(PEOPLE, file_format=fmt), folder, "b1", WHEN)
    rows = [(r["_source_file"], r["_row_number"], r["id"]) for r in bronze(tmp_path, "people")]
    assert rows == [
        ("sources/people/D4.CSV.GZ", 1, "E"), ("sources/people/d1.csv", 1, "A"),
        ("sources/people/d2.csv.gz", 1, "B"), ("sources/people/d2.csv.gz", 3, "C"),
        ("sources/people/d3.csv", 1, "D"),
    ]  # fmt: skip
    rejects = quarantine(tmp_path, "people")
    assert [(q["_source_file"], q["_row_number"], q["raw"]) for q in rejects] == [
        ("sources/people/d2.csv.gz", 2, "B2")
    ]
    assert (result.records, result.landed, result.quarantined, result.warnings) == (6, 5, 1, [])


EXTRACT = gzip.compress(b"".join(b"%d,%d\n" % (i, i * i) for i in range(1000)), mtime=1)


@pytest.mark.parametrize(
    ("data", "why"),
    [(EXTRACT[: len(EXTRACT) // 2], "Compressed file ended before the end-of-stream marker"),
     (EXTRACT[:-8] + b"\0" * 8, "CRC check failed"),
     (EXTRACT[:12] + b"\xff" * 20 + EXTRACT[32:], "Error -3 while decompressing data: invalid"),
     (EXTRACT[:10] + b"\x07" + EXTRACT[11:], "Error -3 while decompressing data: invalid")],
)  # fmt: skip
def test_a_gzip_csv_cut_short_or_corrupt_is_one_line_naming_the_file(
    tmp_path: Path, data: bytes, why: str
) -> None:
    folder = tmp_path / "sources" / "people"
    folder.mkdir(parents=True)
    (folder / "d1.csv").write_text("id,age\nA,1\n")
    (folder / "d2.csv.gz").write_bytes(data)
    with pytest.raises(SourceError) as caught:
        land(tmp_path, PEOPLE, folder, "b1", WHEN)
    message = str(caught.value)
    assert message.startswith(f"cannot read {folder / 'd2.csv.gz'}: {why}")
    assert message.endswith("(a gzip file cut short or corrupt)") and "\n" not in message


@pytest.mark.parametrize(
    ("table", "kinds"),
    [(replace(PEOPLE, file_format="parquet_dir"), ".parquet"),
     (replace(PEOPLE, file_format="table"), ".csv or .csv.gz or .parquet"),
     (replace(DOCS, file_format="json"), ".json or .json.gz")],
)  # fmt: skip
def test_other_folders_say_the_files_they_left_aside_too(
    tmp_path: Path, table: Table, kinds: str
) -> None:
    folder = tmp_path / "sources" / "people"
    folder.mkdir(parents=True)
    pq.write_table(pa.table({"id": ["A"], "age": [1]}), folder / "part-0.parquet")
    (folder / "part-0.json").write_text('[{"id": "A", "when": "2024-01-02"}]')
    (folder / "readme.txt").write_text("x")
    (folder / "_SUCCESS").write_text("")
    warnings = land(tmp_path, table, folder, "b1", WHEN).warnings
    aside = sorted({"part-0.parquet", "part-0.json", "readme.txt"} - {
        "part-0.parquet" if "parquet" in kinds else "part-0.json"})  # fmt: skip
    assert warnings == [
        f"{folder}: 2 files left aside as not {kinds} (their records are not landed): "
        + ", ".join(aside)
    ]


@pytest.mark.parametrize("table", [PEOPLE, replace(PEOPLE, file_format="parquet_dir"), NOTES])
def test_a_folder_with_hidden_files_alone_besides_its_own_says_nothing(
    tmp_path: Path, table: Table
) -> None:
    """Spark's ``_SUCCESS`` and ``_temporary/``, a Mac's ``.DS_Store``: a writer's own files,
    left aside on purpose; a text folder's files are all notes."""
    folder = tmp_path / "sources" / "people"
    (folder / "_temporary").mkdir(parents=True)
    if table.file_format == "parquet_dir":
        pq.write_table(pa.table({"id": ["A"], "age": [1]}), folder / "part-0.parquet")
    elif table.file_format == "text":
        (folder / "n1.txt").write_text("--- BEGIN NOTE ---\nhi\n--- END NOTE ---\n")
    else:
        (folder / "day-1.csv").write_text("id,age\nA,1\n")
    for hidden in (".DS_Store", "_SUCCESS", "_temporary/part-0.tsv", ".~lock.day-1.csv#"):
        (folder / hidden).write_text("x")
    result = land(tmp_path, table, folder, "b1", WHEN)
    assert (result.landed, result.warnings) == (1, [])
