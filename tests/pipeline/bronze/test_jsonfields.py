"""JSON and JSON-lines documents whose field names c360.yaml maps under ``json: <table>:
columns:``: mapped fields land as their contract columns, and a mapped name the file's
documents lack but spell nearly, or that names a field inside another, stops the landing."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from c360 import contracts
from c360.contracts.model import Column, Table
from c360.file_dialects import CsvFile
from c360.pipeline.bronze import jsonfile
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.documents import documents
from c360.pipeline.bronze.drift import SchemaDriftError
from c360.pipeline.bronze.jsonfile import read_json, read_json_lines
from c360.pipeline.bronze.land import land

COLUMNS = (Column("id", "string"), Column("email", "string"),
           Column("city", "string", nullable=True))  # fmt: skip
LINES = Table("people", "x", "", COLUMNS, path="sources/people.jsonl", file_format="jsonl")
ARRAY = replace(LINES, path="sources/people.json", file_format="json")
MAPPED = {"E-Mail": "email", "Ville": "city"}


def write(tmp_path: Path, name: str, docs: list[dict[str, Any]], array: bool = False) -> Path:
    path = tmp_path / name
    lines = [json.dumps(doc) for doc in docs]
    path.write_text(f"[{', '.join(lines)}]" if array else "\n".join(lines) + "\n")
    return path


def landed(path: Path, table: Table, columns: dict[str, str]) -> list[dict[str, Any]]:
    read = read_json if table.file_format == "json" else read_json_lines
    return [row for block in read(path, table, columns) for row in block.data.to_pylist()]


def rejects(path: Path, columns: dict[str, str]) -> list[tuple[int, str]]:
    blocks = read_json_lines(path, LINES, columns)
    return [(number, reason) for block in blocks for _, number, _, reason in block.rejects]


@pytest.mark.parametrize("table", [LINES, ARRAY])
def test_mapped_fields_land_as_their_contract_columns(tmp_path: Path, table: Table) -> None:
    docs = [{"id": "A", "E-Mail": "a@x.de", "Ville": "Lyon", "Tel": "06"},
            {"id": "B", "E-Mail": "b@x.de"}]  # fmt: skip
    path = write(tmp_path, Path(table.path).name, docs, array=table is ARRAY)
    assert [(r["id"], r["email"], r["city"], r["Tel"]) for r in landed(path, table, MAPPED)] == [
        ("A", "a@x.de", "Lyon", "06"),
        ("B", "b@x.de", None, None),
    ]


def test_without_a_mapping_the_fields_keep_their_names(tmp_path: Path) -> None:
    path = write(tmp_path, "p.jsonl", [{"id": "A", "E-Mail": "a@x.de"}])
    [row] = landed(path, LINES, {})
    assert (row["email"], row["E-Mail"]) == (None, "a@x.de")


def test_a_mapped_name_is_matched_in_any_case_and_with_spaces_around_it(tmp_path: Path) -> None:
    path = write(tmp_path, "p.jsonl", [{"id": "A", " e-mail ": "a@x.de", "VILLE": "Metz"}])
    [row] = landed(path, LINES, MAPPED)
    assert (row["email"], row["city"]) == ("a@x.de", "Metz")


def test_mongodb_ids_mapped_land_unwrapped(tmp_path: Path) -> None:
    path = write(tmp_path, "p.jsonl", [{"_id": {"$oid": "65a1"}, "mail": "a@x.de"}])
    [row] = landed(path, LINES, {"_id": "id", "mail": "email"})
    assert (row["id"], row["email"]) == ("65a1", "a@x.de")


def test_a_mapped_field_and_its_column_with_different_values_are_quarantined(
    tmp_path: Path,
) -> None:
    """Nothing says which of the two the column holds; the same value twice loses nothing."""
    docs = [{"id": "A", "E-Mail": "a@x.de", "email": "a@x.de"},
            {"id": "B", "E-Mail": "b@x.de", "email": "other@x.de"}]  # fmt: skip
    path = write(tmp_path, "p.jsonl", docs)
    assert [(r["id"], r["email"]) for r in landed(path, LINES, MAPPED)] == [("A", "a@x.de")]
    assert rejects(path, MAPPED) == [
        (2, "keys 'E-Mail' and 'email' name one column with different values")
    ]


@pytest.mark.parametrize("table", [LINES, ARRAY])
def test_a_mapped_name_the_documents_lack_but_spell_nearly_stops_naming_the_closest(
    tmp_path: Path, table: Table
) -> None:
    docs = [{"id": "A", "E-Mial": "a@x.de", "Ville": "Lyon"}]
    path = write(tmp_path, Path(table.path).name, docs, array=table is ARRAY)
    with pytest.raises(SourceError) as caught:
        landed(path, table, MAPPED)
    assert str(caught.value) == (
        f"{path}: the documents have no field 'E-Mail', which c360.yaml maps to email under "
        "json: people: columns: (the closest field in the file: 'E-Mial')"
    )


def test_a_gzip_file_lacking_a_mapped_name_is_named(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "A", "E-Mial": "a@x.de"}\n'))
    with pytest.raises(SourceError, match=r"^.*p\.jsonl\.gz: the documents have no field 'E-Mail'"):
        landed(path, LINES, MAPPED)


def test_a_utf16_file_lacking_a_mapped_name_is_named(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_bytes('[{"id": "A", "E-Mial": "a@x.de"}]'.encode("utf-16"))
    with pytest.raises(SourceError) as caught:
        landed(path, ARRAY, MAPPED)
    assert str(caught.value).startswith(f"{path}: the documents have no field 'E-Mail'")


def test_the_whole_files_fields_are_checked_not_each_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document may leave the mapped field out: another one of the file has it."""
    monkeypatch.setattr(jsonfile, "BLOCK_ROWS", 1)
    docs = [{"id": "A", "E-Mails": "x"}, {"id": "B", "E-Mail": "b@x.de"}]
    path = write(tmp_path, "p.jsonl", docs)
    assert [(r["id"], r["email"]) for r in landed(path, LINES, MAPPED)] == [
        ("A", None),
        ("B", "b@x.de"),
    ]


def test_a_mapped_name_like_no_field_is_a_column_the_file_lacks(tmp_path: Path) -> None:
    """An older extract without the field: drift, which the landing reports as such."""
    path = write(tmp_path, "p.jsonl", [{"id": "A", "Ville": "Lyon"}])
    blocks = list(read_json_lines(path, LINES, {"Courriel électronique": "email"}))
    assert set().union(*(block.present or set() for block in blocks)) == {"id", "Ville"}


def test_a_file_without_documents_is_no_mapping_error(tmp_path: Path) -> None:
    (tmp_path / "p.jsonl").write_text("")
    assert landed(tmp_path / "p.jsonl", LINES, MAPPED) == []


def test_a_dotted_name_of_a_field_inside_another_stops_saying_only_top_level_fields_map(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "p.jsonl", [{"id": "A", "email": "a@x.de", "address": {"city": "L"}}])
    with pytest.raises(SourceError) as caught:
        landed(path, LINES, {"address.city": "city"})
    assert str(caught.value) == (
        f"{path}: c360.yaml maps 'address.city' to city under json: people: columns:, a field "
        "inside 'address'; a mapping names a document's top-level fields, a nested object "
        "landing as JSON text in its field's column: flatten the documents first"
    )


def test_a_dotted_name_the_documents_write_as_such_is_a_field(tmp_path: Path) -> None:
    """A flattened export (``json_normalize``) names its fields with dots."""
    path = write(tmp_path, "p.jsonl", [{"id": "A", "address": "x", "address.city": "Lyon"}])
    [row] = landed(path, LINES, {"address.city": "city"})
    assert (row["city"], row["address"]) == ("Lyon", "x")


def test_documents_rename_the_fields_columns_maps() -> None:
    block = documents("s", LINES, [(1, {"id": "A", "Mail": "a@x"}, None)], {"mail": "email"})
    assert block.data.select(["id", "email"]).to_pylist() == [{"id": "A", "email": "a@x"}]
    assert block.present == {"id", "email"}


def test_a_field_mapped_to_another_column_is_no_spelling_of_a_missing_one(
    tmp_path: Path,
) -> None:
    """An older export without the SMS field: the e-mail one is mapped, not a typo."""
    path = write(tmp_path, "p.jsonl", [{"id": "A", "Email Opt-In": "true"}])
    columns = {"Email Opt-In": "email", "SMS Opt-In": "city"}
    assert [(r["id"], r["email"]) for r in landed(path, LINES, columns)] == [("A", "true")]


@pytest.mark.parametrize(
    ("doc", "mapped"),
    [({"id": "A", "email": "a@x.de"}, {"Emails": "city"}),
     ({"id": "A", "email": "a@x.de", "Mobile Phone": "06"}, {"Home Phone": "city"})],
)  # fmt: skip
def test_a_contract_column_or_a_field_a_word_away_is_no_spelling_of_a_mapped_name(
    tmp_path: Path, doc: dict[str, str], mapped: dict[str, str]
) -> None:
    path = write(tmp_path, "p.jsonl", [doc])
    assert [(r["email"], r["city"]) for r in landed(path, LINES, mapped)] == [("a@x.de", None)]


CUSTOMERS = contracts.get("ecommerce_customers")
ANN = {"id": "C1", "Full Name": "Ann Lee", "E-Mail": "ann@x.com", "Town": "Lyon", "country": "FR",
       "registration_date": "2024-01-02", "loyalty_tier": "gold"}  # fmt: skip
WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def customers(workspace: Path, docs: list[dict[str, Any]]) -> Path:
    (workspace / "sources").mkdir(exist_ok=True)
    return write(workspace / "sources", "customers.json", docs, array=True)


@pytest.mark.parametrize("drift", ["fail", "evolve"])
def test_a_misspelt_mapped_name_stops_before_the_drift_it_causes(
    tmp_path: Path, drift: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unmapped E-Mail is an extra field, but the typo in c360.yaml is what to fix; the
    field named in the last document of the file."""
    monkeypatch.setattr(jsonfile, "BLOCK_ROWS", 1)
    docs = [{**ANN, "E-Mail": None}, {**ANN, "id": "C2"}]
    path = customers(tmp_path, [{k: v for k, v in d.items() if v is not None} for d in docs])
    columns = {"id": "customer_id", "Full Name": "name", "E-Mial": "email", "Town": "city"}
    with pytest.raises(SourceError) as caught:
        land(tmp_path, CUSTOMERS, path, "b1", WHEN, drift=drift, dialect=CsvFile(columns=columns))
    assert str(caught.value) == (
        f"{path}: the documents have no field 'E-Mial', which c360.yaml maps to email under "
        "json: ecommerce_customers: columns: (the closest field in the file: 'E-Mail')"
    )


def test_a_dotted_mapped_name_stops_before_the_drift_of_its_object(tmp_path: Path) -> None:
    docs = [{**ANN, "address": {"town": "Lyon"}}]
    path = customers(tmp_path, [{k: v for k, v in d.items() if k != "Town"} for d in docs])
    columns = {"id": "customer_id", "Full Name": "name", "E-Mail": "email", "address.town": "city"}
    with pytest.raises(SourceError, match=r"a field inside 'address'; .*flatten the documents"):
        land(tmp_path, CUSTOMERS, path, "b1", WHEN, dialect=CsvFile(columns=columns))


def test_a_right_mapping_leaves_the_drift_of_another_field(tmp_path: Path) -> None:
    path = customers(tmp_path, [{**ANN, "Phone": "06"}])
    columns = {"id": "customer_id", "Full Name": "name", "E-Mail": "email", "Town": "city"}
    with pytest.raises(SchemaDriftError, match=r"columns not in the contract of .*: Phone"):
        land(tmp_path, CUSTOMERS, path, "b1", WHEN, dialect=CsvFile(columns=columns))
    result = land(
        tmp_path, CUSTOMERS, path, "b1", WHEN, drift="evolve", dialect=CsvFile(columns=columns)
    )
    assert (result.landed, result.added_columns, result.missing_columns) == (1, ["Phone"], [])


def test_a_mapped_name_a_later_document_writes_leaves_the_drift(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole file's fields are checked, not those read when the drift shows."""
    monkeypatch.setattr(jsonfile, "BLOCK_ROWS", 1)
    path = customers(tmp_path, [ANN, {**ANN, "id": "C2", "E-Mial": "x@x.com"}])
    columns = {"id": "customer_id", "Full Name": "name", "E-Mial": "email", "Town": "city"}
    with pytest.raises(SchemaDriftError, match=r"columns not in the contract of .*: E-Mail;"):
        land(tmp_path, CUSTOMERS, path, "b1", WHEN, dialect=CsvFile(columns=columns))
