"""A source table lands from a CSV, JSON, JSON-lines or Parquet file, told by the file's name
(``.csv``, ``.csv.gz``, ``.json``, ``.jsonl``, ``.ndjson``, ``.parquet``), whatever format its
contract names: an online shop's exports are CSV, whichever system they stand for."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360 import config
from c360.contracts.model import Column, Table
from c360.file_dialects import CsvFile
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.find import sources
from c360.pipeline.bronze.land import land, land_all

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
COLUMNS = (Column("id", "string"), Column("name", "string"), Column("budget", "float"))
ARRAY = Table("docs", "x", "", COLUMNS, path="sources/docs.json", file_format="json")
LINES = replace(ARRAY, path="sources/docs.jsonl", file_format="mongo_jsonl")
PARTS = replace(ARRAY, path="sources/docs.parquet", file_format="parquet_dir")
CSV = replace(ARRAY, path="sources/docs.csv", file_format="csv")
TABLE = replace(ARRAY, path="sources/docs", file_format="table")
EXPORT = 'id,name,budget\nC1,"Smith, Ann",1.5\nC2,"two\nlines",\n'
DOCS = [{"id": "C1", "name": "Smith, Ann", "budget": 1.5}, {"id": "C2", "name": "two\nlines"}]
LANDED = [("C1", "Smith, Ann", "1.5", 1), ("C2", "two\nlines", None, 2)]


def write(workspace: Path, name: str, data: bytes) -> Path:
    path = workspace / "sources" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def landed(workspace: Path) -> list[tuple[object, ...]]:
    rows = lake.read_table(workspace, "bronze", "docs").to_pylist()
    return [(r["id"], r["name"], r["budget"], r["_row_number"]) for r in rows]


def parquet(docs: list[dict[str, object]]) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(docs), sink)
    return sink.getvalue().to_pybytes()


@pytest.mark.parametrize("table", [ARRAY, LINES, PARTS], ids=lambda t: t.file_format)
@pytest.mark.parametrize(
    ("name", "data"),
    [("export.csv", EXPORT.encode()), ("export.csv.gz", gzip.compress(EXPORT.encode()))],
    ids=["csv", "csv.gz"],
)
def test_a_csv_file_lands_for_a_table_read_from_another_format(
    tmp_path: Path, table: Table, name: str, data: bytes
) -> None:
    """Its records counted as a CSV's (a quoted line break is one record's), its values text."""
    result = land(tmp_path, table, write(tmp_path, name, data), "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (2, 2, 0)
    assert landed(tmp_path) == LANDED
    [row] = lake.read_table(tmp_path, "bronze", "docs").to_pylist()[:1]
    assert row["_source_file"] == f"sources/{name}"


@pytest.mark.parametrize("table", [CSV, TABLE, LINES, PARTS], ids=lambda t: t.file_format)
def test_a_json_array_lands_for_a_table_read_from_another_format(
    tmp_path: Path, table: Table
) -> None:
    path = write(tmp_path, "export.json", json.dumps(DOCS).encode())
    result = land(tmp_path, table, path, "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (2, 2, 0)
    assert landed(tmp_path) == LANDED


@pytest.mark.parametrize("name", ["export.jsonl", "export.ndjson"])
@pytest.mark.parametrize("table", [CSV, TABLE, PARTS], ids=lambda t: t.file_format)
def test_json_lines_land_for_a_table_read_from_another_format(
    tmp_path: Path, table: Table, name: str
) -> None:
    text = "".join(json.dumps(doc) + "\n" for doc in DOCS) + "not json\n"
    result = land(tmp_path, table, write(tmp_path, name, text.encode()), "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (3, 2, 1)
    assert landed(tmp_path) == LANDED
    [bad] = lake.read_table(tmp_path, "quarantine", "bronze_docs").to_pylist()
    assert (bad["_row_number"], bad["raw"]) == (3, "not json")
    assert bad["reason"].startswith("not JSON: ")


@pytest.mark.parametrize("table", [CSV, ARRAY, LINES], ids=lambda t: t.file_format)
def test_a_parquet_file_lands_for_a_table_read_from_another_format(
    tmp_path: Path, table: Table
) -> None:
    result = land(tmp_path, table, write(tmp_path, "export.parquet", parquet(DOCS)), "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (2, 2, 0)
    assert landed(tmp_path) == LANDED


def test_a_malformed_record_of_a_csv_for_a_json_table_is_quarantined_as_a_csv_ones(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "export.csv", b"id,name,budget\nC1,Ann,1\nC2\n")
    result = land(tmp_path, LINES, path, "b1", WHEN)
    assert (result.records, result.landed, result.quarantined) == (2, 1, 1)
    [bad] = lake.read_table(tmp_path, "quarantine", "bronze_docs").to_pylist()
    assert (bad["_row_number"], bad["raw"]) == (2, "C2")
    assert bad["reason"] == "expected 3 fields, found 1"


def test_a_file_named_otherwise_is_read_as_its_tables_format(tmp_path: Path) -> None:
    """A name that says no format (``.txt``, none) leaves the contract's."""
    text = "".join(json.dumps(doc) + "\n" for doc in DOCS)
    result = land(tmp_path, LINES, write(tmp_path, "export.txt", text.encode()), "b1", WHEN)
    assert (result.landed, result.quarantined) == (2, 0)


def test_a_csv_files_dialect_applies_to_a_csv_for_a_json_table(tmp_path: Path) -> None:
    path = write(tmp_path, "export.csv", "Kunde;Name;Budget\nC1;Müller;2\n".encode("cp1252"))
    dialect = CsvFile(delimiter=";", encoding="cp1252", columns={"Kunde": "id", "Budget": "budget"})
    result = land(tmp_path, LINES, path, "b1", WHEN, dialect=dialect)
    assert (result.landed, result.added_columns, result.missing_columns) == (1, [], [])
    assert landed(tmp_path) == [("C1", "Müller", "2", 1)]


MANIFEST = {"files": [{"kind": "source", "table": "ecommerce_customers",
                       "path": "sources/shop/shopify_customers.csv"}]}  # fmt: skip


def test_the_csv_entry_of_a_json_table_maps_its_csv_file(tmp_path: Path) -> None:
    """``csv: ecommerce_customers: columns:`` is accepted and read for its CSV file; its
    ``json:`` entry is for a JSON file, and is not read for this one."""
    (tmp_path / "sources" / "shop").mkdir(parents=True)
    (tmp_path / "sources" / "manifest.json").write_text(json.dumps(MANIFEST))
    (tmp_path / "sources" / "shop" / "shopify_customers.csv").write_text(
        "Customer ID;Name;E-Mail\n42;Ann Smith;ann@example.com\n"
    )
    (tmp_path / "c360.yaml").write_text(
        "schema_drift: evolve\n"
        "csv:\n  ecommerce_customers:\n    delimiter: ';'\n"
        "    columns: {Customer ID: customer_id, E-Mail: email}\n"
        "json:\n  ecommerce_customers:\n    columns: {Mail: email}\n"
    )
    [result] = land_all(tmp_path, drift="evolve")
    assert (result.landed, result.quarantined, result.added_columns) == (1, 0, [])
    [row] = lake.read_table(tmp_path, "bronze", "ecommerce_customers").to_pylist()
    assert (row["customer_id"], row["name"], row["email"]) == ("42", "Ann Smith", "ann@example.com")
    assert result.warnings == [
        f"{tmp_path / MANIFEST['files'][0]['path']} is CSV: json: ecommerce_customers: in "
        "c360.yaml is not read for it (its columns map a JSON file's field names)"
    ]


def test_the_json_entry_of_a_csv_table_maps_its_json_file(tmp_path: Path) -> None:
    entry = {"kind": "source", "table": "identity_crm_contacts", "path": "sources/crm.jsonl"}
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "manifest.json").write_text(json.dumps({"files": [entry]}))
    (tmp_path / "sources" / "crm.jsonl").write_text('{"contact": "K1", "mail": "a@x.de"}\n')
    (tmp_path / "c360.yaml").write_text(
        "schema_drift: evolve\njson:\n  identity_crm_contacts:\n"
        "    columns: {contact: crm_contact_id, mail: email}\n"
    )
    [result] = land_all(tmp_path, drift="evolve")
    assert (result.landed, result.added_columns, result.warnings) == (1, [], [])
    [row] = lake.read_table(tmp_path, "bronze", "identity_crm_contacts").to_pylist()
    assert (row["crm_contact_id"], row["email"]) == ("K1", "a@x.de")


@pytest.mark.parametrize("section", ["csv", "json"])
def test_the_project_file_takes_either_entry_for_any_source_table_but_notes(
    tmp_path: Path, section: str
) -> None:
    (tmp_path / "c360.yaml").write_text(
        f"{section}:\n  ecommerce_products:\n    columns: {{SKU: product_id}}\n"
        f"  crm_customers:\n    columns: {{Mail: email}}\n"
    )
    project = config.load(tmp_path)
    entries = project.csv if section == "csv" else project.json_files
    assert sorted(entries) == ["crm_customers", "ecommerce_products"]
    (tmp_path / "c360.yaml").write_text(f"{section}:\n  text_customer_notes: {{}}\n")
    with pytest.raises(config.ConfigError, match="text_customer_notes"):
        config.load(tmp_path)


def test_a_csv_entry_a_json_file_does_not_read_is_warned_of(tmp_path: Path) -> None:
    """The mapping was written for a CSV export, but the JSON file is what lands."""
    path = write(tmp_path, "ecommerce/customers.json", b'[{"customer_id": "1", "name": "Ann"}]')
    (tmp_path / "c360.yaml").write_text(
        "schema_drift: evolve\ncsv:\n  ecommerce_customers:\n    columns: {Mail: email}\n"
    )
    [result] = land_all(tmp_path, drift="evolve")
    assert result.warnings == [
        f"{path} is JSON: csv: ecommerce_customers: in c360.yaml is not read for it (its "
        "columns describe a CSV)"
    ]


def test_a_tables_file_of_another_format_lands_from_its_usual_place(tmp_path: Path) -> None:
    """Without a manifest: ``sources/ecommerce/customers.csv`` for the JSON table."""
    path = write(tmp_path, "ecommerce/customers.csv", b"customer_id,name\n1,Ann\n")
    [(table, found)] = sources(tmp_path)
    assert (table.name, found) == ("ecommerce_customers", path)
    [result] = land_all(tmp_path, drift="evolve")
    assert (result.landed, result.source) == (1, "sources/ecommerce/customers.csv")


def test_the_tables_own_format_wins_over_another_at_its_usual_place(tmp_path: Path) -> None:
    own = write(tmp_path, "ecommerce/customers.json", b'[{"customer_id": "1", "name": "Ann"}]')
    other = write(tmp_path, "ecommerce/customers.csv", b"customer_id,name\n2,Bob\n")
    [result] = land_all(tmp_path, drift="evolve")
    assert result.source == "sources/ecommerce/customers.json"
    assert result.warnings == [
        f"{other} is not landed: ecommerce_customers is read from {own}, there too (a .json "
        "file wins over a .csv): delete or move the one not meant"
    ]


def test_a_parquet_folder_lands_for_a_table_read_from_csv(tmp_path: Path) -> None:
    """A Spark job's output: ``sources/ecommerce/inventory.parquet/part-0.parquet``."""
    rows = [{"product_id": "P1", "warehouse_id": "W1", "stock_quantity": 3, "last_updated": "x"}]
    write(tmp_path, "ecommerce/inventory.parquet/part-0.parquet", parquet(rows))
    [result] = land_all(tmp_path, drift="evolve")
    assert (result.records, result.landed) == (1, 1)
    assert result.source == "sources/ecommerce/inventory.parquet"


@pytest.mark.parametrize(
    ("name", "fix"),
    [("export.xlsx", "export it as CSV"), ("export.csv.bz2", "decompress it (bunzip2)"),
     ("export.zip", "extract it")],
)  # fmt: skip
@pytest.mark.parametrize("table", [ARRAY, LINES, PARTS, CSV], ids=lambda t: t.file_format)
def test_a_file_named_as_a_format_no_reader_reads_stops_before_it_is_read(
    tmp_path: Path, table: Table, name: str, fix: str
) -> None:
    """Read as JSON, a workbook's bytes would be said to be UTF-16; as Parquet, to lack its
    magic bytes: its name says what it is."""
    path = write(tmp_path, name, b"PK\x03\x04whatever")
    with pytest.raises(SourceError) as caught:
        land(tmp_path, table, path, "b1", WHEN)
    assert str(caught.value) == (
        f"{path} is not read: docs lands from a CSV, JSON, JSON-lines or Parquet file (.csv, "
        f".csv.gz, .json, .jsonl, .ndjson, .parquet): {fix}"
    )
