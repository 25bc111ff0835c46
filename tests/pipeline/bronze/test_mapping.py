"""A header mapped under ``csv: <table>: columns:`` (a JSON source's fields under ``json:``) and
the required columns a source lacks: a mapped name the header lacks, or a required column no
header names, stops the landing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from c360 import contracts
from c360.contracts.model import Column, Table
from c360.file_dialects import CsvFile
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.drift import SchemaDriftError
from c360.pipeline.bronze.land import land, land_all

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
COLUMNS = (Column("id", "string"), Column("email", "string"),
           Column("city", "string", nullable=True))  # fmt: skip
PEOPLE = Table("people", "x", "", COLUMNS, path="sources/people.csv", file_format="csv")
FOLDER = Table("people", "x", "", COLUMNS, path="sources/people", file_format="csv")
DOCS = Table("people", "x", "", COLUMNS, path="sources/people.jsonl", file_format="jsonl")
MAPPED = CsvFile(columns={"E-Mial": "email"})


def write(workspace: Path, name: str, text: str) -> Path:
    path = workspace / "sources" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rows(workspace: Path) -> list[tuple[object, ...]]:
    data = lake.read_table(workspace, "bronze", "people").to_pylist()
    return [(r["id"], r["email"], r["city"], r["_extra"]) for r in data]


@pytest.mark.parametrize("drift", ["fail", "evolve"])
def test_a_mapped_name_the_header_lacks_stops_naming_the_closest(
    tmp_path: Path, drift: str
) -> None:
    path = write(tmp_path, "people.csv", "id,E-Mail,city\nA,a@x.de,Lyon\n")
    with pytest.raises(SourceError) as caught:
        land(tmp_path, PEOPLE, path, "b1", WHEN, drift=drift, dialect=MAPPED)
    assert str(caught.value) == (
        f"{path}: the header has no 'E-Mial', which c360.yaml maps to email under csv: people: "
        "columns: (the closest name in the header: 'E-Mail')"
    )
    assert not lake.table_dir(tmp_path, "bronze", "people").exists()  # nothing published


def test_a_mapped_name_like_no_header_name_is_a_column_the_file_lacks(tmp_path: Path) -> None:
    """No header name near the mapped one: the file lacks the column (an older extract), which
    is drift: stopping under fail, landing empty under evolve."""
    path = write(tmp_path, "people.csv", "id,Mail,city\nA,a@x.de,Lyon\n")
    dialect = CsvFile(columns={"Courriel électronique": "email"})
    with pytest.raises(SchemaDriftError, match="email"):
        land(tmp_path, PEOPLE, path, "b1", WHEN, dialect=dialect)
    result = land(tmp_path, PEOPLE, path, "b1", WHEN, drift="evolve", dialect=dialect)
    assert (result.missing_columns, result.added_columns) == (["email"], ["Mail"])


def test_a_mapped_name_is_matched_as_the_header_spells_it_in_any_case(tmp_path: Path) -> None:
    path = write(tmp_path, "people.csv", "id, e-mail ,city\nA,a@x.de,Lyon\n")
    land(tmp_path, PEOPLE, path, "b1", WHEN, dialect=CsvFile(columns={"E-Mail": "email"}))
    assert rows(tmp_path) == [("A", "a@x.de", "Lyon", None)]


def test_a_file_naming_the_mapped_column_itself_needs_no_mapping(tmp_path: Path) -> None:
    """Daily extracts: older files write E-Mail, newer ones the contract's email."""
    write(tmp_path, "people/p0.csv", "id,E-Mail,city\nA,a@x.de,Lyon\n")
    folder = write(tmp_path, "people/p1.csv", "id,Email,city\nB,b@x.de,Metz\n").parent
    dialect = CsvFile(columns={"E-Mail": "email"})
    land(tmp_path, FOLDER, folder, "b1", WHEN, dialect=dialect)
    assert rows(tmp_path) == [("A", "a@x.de", "Lyon", None), ("B", "b@x.de", "Metz", None)]


def test_a_mapped_name_one_file_of_a_folder_lacks_names_that_file(tmp_path: Path) -> None:
    write(tmp_path, "people/p0.csv", "id,E-Mail,city\nA,a@x.de,Lyon\n")
    folder = write(tmp_path, "people/p1.csv", "id,Mail,city\nB,b@x.de,Metz\n").parent
    dialect = CsvFile(columns={"E-Mail": "email"})
    with pytest.raises(SourceError, match=r"p1\.csv: the header has no 'E-Mail', .*'Mail'\)$"):
        land(tmp_path, FOLDER, folder, "b1", WHEN, dialect=dialect, drift="evolve")


def test_an_older_extract_without_the_mapped_column_is_a_gap_under_evolve(
    tmp_path: Path,
) -> None:
    write(tmp_path, "people/p0.csv", "id,email\nA,a@x.de\n")
    folder = write(tmp_path, "people/p1.csv", "id,email,Ville\nB,b@x.de,Metz\n").parent
    dialect = CsvFile(columns={"Ville": "city"})
    result = land(tmp_path, FOLDER, folder, "b1", WHEN, drift="evolve", dialect=dialect)
    assert (result.missing_columns, result.landed) == (["city (p0.csv)"], 2)


def test_a_file_without_a_header_is_no_mapping_error(tmp_path: Path) -> None:
    """An extract of a day without data names no column at all."""
    path = write(tmp_path, "people.csv", "")
    assert land(tmp_path, PEOPLE, path, "b1", WHEN, dialect=MAPPED).landed == 0


def test_the_project_files_mapping_is_checked_when_every_source_lands(tmp_path: Path) -> None:
    """The user's case: a typo in c360.yaml, under evolve, left email empty unsaid."""
    path = write(tmp_path, "c360/crm_customers.csv", "customer_id,E-Mail\nC1,a@x.de\n")
    (tmp_path / "c360.yaml").write_text(
        'schema_drift: evolve\ncsv:\n  crm_customers:\n    columns: {"E-Mial": email}\n'
    )
    with pytest.raises(SourceError) as caught:
        land_all(tmp_path, drift="evolve")
    assert str(caught.value) == (
        f"{path}: the header has no 'E-Mial', which c360.yaml maps to email under csv: "
        "crm_customers: columns: (the closest name in the header: 'E-Mail')"
    )


def test_evolve_lands_a_source_lacking_a_required_column_empty(tmp_path: Path) -> None:
    """Silver decides what a missing required value means (a customer without an e-mail is
    kept; an order without a status is quarantined): bronze lands the rows, drift reported."""
    path = write(tmp_path, "people.csv", "id,Mail,city\nA,a@x.de,Lyon\n")
    result = land(tmp_path, PEOPLE, path, "b1", WHEN, drift="evolve")
    assert (result.missing_columns, result.added_columns) == (["email"], ["Mail"])
    assert rows(tmp_path) == [("A", None, "Lyon", '{"Mail": "a@x.de"}')]


def test_evolve_lands_a_source_lacking_only_optional_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "people.csv", "id,email,Phone\nA,a@x.de,0612\n")
    result = land(tmp_path, PEOPLE, path, "b1", WHEN, drift="evolve")
    assert (result.missing_columns, result.added_columns) == (["city"], ["Phone"])
    assert rows(tmp_path) == [("A", "a@x.de", None, '{"Phone": "0612"}')]


def test_documents_may_leave_out_a_required_key(tmp_path: Path) -> None:
    """JSON documents each leave keys out: silver reads each record's missing value."""
    path = tmp_path / DOCS.path
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"id": "A", "city": "Lyon"}) + "\n")
    result = land(tmp_path, DOCS, path, "b1", WHEN, drift="evolve")
    assert (result.missing_columns, result.landed) == (["email"], 1)


def test_a_json_sources_fields_land_as_the_columns_json_maps_them_to(tmp_path: Path) -> None:
    path = tmp_path / DOCS.path
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"id": "A", "Mail": "a@x.de", "Ville": "Lyon"}) + "\n")
    dialect = CsvFile(columns={"Mail": "email", "Ville": "city"})
    result = land(tmp_path, DOCS, path, "b1", WHEN, dialect=dialect)
    assert (result.landed, result.added_columns, result.missing_columns) == (1, [], [])
    assert rows(tmp_path) == [("A", "a@x.de", "Lyon", None)]


def test_the_project_files_json_mapping_is_applied_when_every_source_lands(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "identity/web_accounts.jsonl", '{"uid": "U1", "Mail": "a@x.de"}\n')
    entry = "schema_drift: evolve\njson:\n  identity_web_accounts:\n    columns: {uid: user_id, "
    (tmp_path / "c360.yaml").write_text(entry + "Mial: email}\n")
    with pytest.raises(SourceError) as caught:
        land_all(tmp_path, drift="evolve")
    assert str(caught.value) == (
        f"{path}: the documents have no field 'Mial', which c360.yaml maps to email under json: "
        "identity_web_accounts: columns: (the closest field in the file: 'Mail')"
    )
    (tmp_path / "c360.yaml").write_text(entry + "Mail: email}\n")
    [result] = land_all(tmp_path, drift="evolve")
    assert result.added_columns == []
    [row] = lake.read_table(tmp_path, "bronze", "identity_web_accounts").to_pylist()
    assert (row["user_id"], row["email"]) == ("U1", "a@x.de")


def customers_file(workspace: Path, header: list[str]) -> Path:
    values = {"customer_id": "C1", "email": "a@x.de", "Email Opt-In": "true"}
    row = [values.get(name, "") for name in header]
    return write(workspace, "crm/customers.csv", ",".join(header) + "\n" + ",".join(row) + "\n")


def test_a_name_mapped_to_another_column_is_no_spelling_of_a_missing_one(tmp_path: Path) -> None:
    """An older extract without SMS Opt-In: Email Opt-In is consent_email's, not a typo."""
    customers = contracts.get("crm_customers")
    others = [c for c in customers.column_names if c not in ("consent_email", "consent_sms")]
    path = customers_file(tmp_path, [*others, "Email Opt-In"])
    dialect = CsvFile(columns={"Email Opt-In": "consent_email", "SMS Opt-In": "consent_sms"})
    with pytest.raises(SchemaDriftError, match="missing from the source: consent_sms"):
        land(tmp_path, customers, path, "b1", WHEN, dialect=dialect)
    result = land(tmp_path, customers, path, "b1", WHEN, drift="evolve", dialect=dialect)
    assert (result.missing_columns, result.added_columns, result.landed) == (["consent_sms"], [], 1)
    [row] = lake.read_table(tmp_path, "bronze", "crm_customers").to_pylist()
    assert (row["consent_email"], row["consent_sms"]) == ("true", None)


def test_a_contract_column_the_header_names_is_no_spelling_of_a_mapped_name(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "people.csv", "id,Email\nA,a@x.de\n")
    dialect = CsvFile(columns={"Emails": "city"})  # one letter from email, which is there
    result = land(tmp_path, PEOPLE, path, "b1", WHEN, drift="evolve", dialect=dialect)
    assert (result.missing_columns, result.added_columns) == (["city"], [])


@pytest.mark.parametrize(
    ("mapped", "header"),
    [("Home Phone", "Mobile Phone"), ("First Name", "Last Name"), ("Customer Id", "Customer No"),
     ("Zip", "Zip Code"), ("Ref", "Nr"), ("No", "Nr"), ("Customer No", "Client Nr")],
)  # fmt: skip
def test_a_name_differing_by_a_word_is_another_column(
    tmp_path: Path, mapped: str, header: str
) -> None:
    path = write(tmp_path, "people.csv", f"id,email,{header}\nA,a@x.de,x\n")
    result = land(
        tmp_path,
        PEOPLE,
        path,
        "b1",
        WHEN,
        drift="evolve",
        dialect=CsvFile(columns={mapped: "city"}),
    )
    assert (result.missing_columns, result.added_columns) == (["city"], [header])


@pytest.mark.parametrize(
    ("mapped", "header"),
    [("E-mail Address", "Email Adress"), ("Téléphone", "Telephone"), ("Post Code", "Postcode"),
     ("Ville", "Villes"), ("Mobile", "Mobil"), ("E-Mail", "Mail"), ("Customer No", "Customer Nr"),
     ("No Client", "Nr Client")],
)  # fmt: skip
def test_a_mapped_name_a_typo_away_stops(tmp_path: Path, mapped: str, header: str) -> None:
    path = write(tmp_path, "people.csv", f"id,email,{header}\nA,a@x.de,x\n")
    with pytest.raises(SourceError, match=f"the closest name in the header: '{header}'"):
        land(
            tmp_path,
            PEOPLE,
            path,
            "b1",
            WHEN,
            drift="evolve",
            dialect=CsvFile(columns={mapped: "city"}),
        )


def test_a_two_letter_word_a_letter_off_beside_exact_words_stops_a_wide_table(
    tmp_path: Path,
) -> None:
    """``Customer No`` mapped, ``Customer Nr`` written: a typo, as difflib found it."""
    customers = contracts.get("crm_customers")
    others = [c for c in customers.column_names if c != "customer_id"]
    path = write(tmp_path, "crm/customers.csv", ",".join(["Customer Nr", *others]) + "\n"
                 + ",".join(["C1", "", "a@x.de", *[""] * (len(others) - 2)]) + "\n")  # fmt: skip
    for drift in ("fail", "evolve"):
        with pytest.raises(SourceError) as caught:
            land(tmp_path, customers, path, "b1", WHEN, drift=drift,
                 dialect=CsvFile(columns={"Customer No": "customer_id"}))  # fmt: skip
        assert str(caught.value) == (
            f"{path}: the header has no 'Customer No', which c360.yaml maps to customer_id under "
            "csv: crm_customers: columns: (the closest name in the header: 'Customer Nr')"
        )
