"""Reading the sources' records: their update times, however the source writes them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pytest

from c360.config import Identity, IdentitySource
from c360.identity.normalise import normalise_records
from c360.identity.records import (
    PLACEHOLDER_SHARE,
    IdentityConfigError,
    bare_note,
    check_landed,
    date_order,
    gather,
    one_per_id,
    source_roles,
    timestamps,
    without_placeholders,
)
from c360.pipeline import lake


def test_update_times_read_iso_offsets_and_dates_written_day_first() -> None:
    written = [
        "2024-07-28 10:00:00", "2024-07-28T12:00:00+02:00", "28/07/2024 9:05", "28.07.2024",
        "07/28/2024", "03/04/2024", "31/02/2024", "yesterday", None,
    ]  # fmt: skip
    assert timestamps(pa.array(written)).to_pylist() == [
        datetime(2024, 7, 28, 10), datetime(2024, 7, 28, 10), datetime(2024, 7, 28, 9, 5),
        datetime(2024, 7, 28), datetime(2024, 7, 28),  # 28 cannot be a month: month first
        datetime(2024, 4, 3), None, None, None,
    ]  # fmt: skip


def test_update_times_keep_their_offset_whatever_their_fraction_of_a_second() -> None:
    # The fraction is dropped, as silver drops it (its contracts keep seconds).
    written = ["2024-03-01T10:00:00.123456+02:00", "2024-03-01T10:00:00.123456789Z",
               "2024-03-01 10:00:00.25"]  # fmt: skip
    assert timestamps(pa.array(written)).to_pylist() == [
        datetime(2024, 3, 1, 8), datetime(2024, 3, 1, 10), datetime(2024, 3, 1, 10),
    ]  # fmt: skip


def test_a_table_written_month_first_has_its_dates_read_month_first(tmp_path: Path) -> None:
    source = IdentitySource(
        table="identity_crm_contacts", id="contact_id",
        roles={"date_of_birth": "date_of_birth"}, updated_at="created_at",
    )  # fmt: skip
    table = pa.table({
        "contact_id": ["c1", "c2", "c3"],
        "date_of_birth": ["03/04/1980", "12/31/1975", "1990-05-06"],
        "created_at": ["03/04/2024 10:30", " 02.01.2024", "2024-05-06 07:00:00"],
    })  # fmt: skip
    (tmp_path / "c360.yaml").write_text(
        "csv:\n  identity_crm_contacts:\n    dates: month_first\n", encoding="utf-8"
    )
    order = date_order(tmp_path, "identity_crm_contacts")
    read = normalise_records(source_roles("crm", source, table, order))
    assert read.column("date_of_birth").to_pylist() == [
        date(1980, 3, 4), date(1975, 12, 31), date(1990, 5, 6),
    ]  # fmt: skip
    assert read.column("updated_at").to_pylist() == [
        datetime(2024, 3, 4, 10, 30), datetime(2024, 2, 1), datetime(2024, 5, 6, 7),
    ]  # fmt: skip
    # Without the setting, the same text is read day first (as before).
    assert date_order(tmp_path / "elsewhere", "identity_crm_contacts") == "year_first"
    plain = normalise_records(source_roles("crm", source, table))
    assert plain.column("date_of_birth").to_pylist()[:2] == [date(1980, 4, 3), date(1975, 12, 31)]


def test_an_identifier_shared_by_many_records_is_a_placeholder_not_evidence() -> None:
    """noemail@…, 0000000000 or info@company: written for many people, it names none of them,
    and would link them all (and make every pair of them a candidate)."""
    n = PLACEHOLDER_SHARE + 2
    table = normalise_records(
        pa.table({
            "first_name": ["Ann", "Bo", *[f"P{i}" for i in range(n)]],
            "last_name": ["Lee", "Ray", *["Doe"] * n],
            "email": ["ann@x.fr", "ann@x.fr", *["NoEmail@none.com"] * n],
            "phone": ["+33612345678", None, *["+33600000000"] * (n - 1), "+33612345678"],
            "country": ["FR"] * (n + 2),
        })
    )  # fmt: skip
    kept, ignored = without_placeholders(table)
    assert ignored == {"email_canonical": 1, "phone": 1}
    assert kept.column("email_canonical").to_pylist() == ["ann@x.fr", "ann@x.fr", *[None] * n]
    assert kept.column("email_local").to_pylist()[2:] == [None] * n
    assert kept.column("phone").to_pylist() == ["+33612345678", None, *[None] * (n - 1),
                                                "+33612345678"]  # fmt: skip
    assert kept.column("first_name").to_pylist() == table.column("first_name").to_pylist()


def test_a_repeated_id_keeps_the_row_silver_keeps() -> None:
    """The file named last wins (a newer extract); within a file, the row written first."""
    bronze = pa.table(
        {
            "id": ["1", "2", "1", " 2 ", "3", "1", None, "  "],
            "tier": ["old", "first", "copy", "second", "only", "newer", "x", "y"],
            "_source_file": ["d1.csv"] * 5 + ["d2.csv"] * 3,
            "_row_number": [1, 2, 3, 4, 5, 1, 2, 3],
        }
    )
    kept, left_out = one_per_id(bronze, "id")
    assert kept["tier"].to_pylist() == ["first", "only", "newer"]  # landing order
    assert left_out == 5  # three repeats (" 2 " is 2, as silver trims keys), two without an id


def test_without_lineage_a_repeated_id_keeps_its_first_row() -> None:
    kept, left_out = one_per_id(pa.table({"id": [7, 8, 7], "v": ["a", "b", "c"]}), "id")
    assert (kept["v"].to_pylist(), left_out) == (["a", "b"], 1)


def test_raw_text_of_a_document_source_is_read_as_silver_reads_it() -> None:
    """Seed 004's customers land as the text of their JSON values: a placeholder word is no
    value, an object or array where text belongs says nothing, mis-encoded UTF-8 is read back,
    and NA stays Namibia's code in a country."""
    source = IdentitySource(
        table="mongo_customers", id="customer_id",
        roles={"first_name": "first_name", "last_name": "last_name", "email": "email",
               "phone": "phone", "city": "city", "country": "country"},
    )  # fmt: skip
    bronze = pa.table({
        "customer_id": ["CUST00001", "CUST00002", " CUST00003 ", "CUST00004"],
        "first_name": ["N/A", "Ã\x89milie", "Raúl", " null "],
        "last_name": ["Ã\x81lvarez", "Fernandez", "#N/A", "Null"],
        "email": ["n/a", "emilie.fernandez@@live.fr", "raul@x.es", None],
        "phone": ["n/a", "+33771763504", "06 12", None],
        "city": ['{"name": "Paris"}', "BIARRITZ", "[]", "None"],
        "country": ["NA", "République française", "España", "N/A"],
    })  # fmt: skip
    read = normalise_records(source_roles("marketing", source, bronze))
    assert read.column("record_key").to_pylist() == [
        "marketing:CUST00001", "marketing:CUST00002", "marketing:CUST00003", "marketing:CUST00004",
    ]  # fmt: skip
    assert read.column("first_name").to_pylist() == [None, "emilie", "raul", None]
    assert read.column("last_name").to_pylist() == ["alvarez", "fernandez", None, "null"]
    assert read.column("email_canonical").to_pylist() == [
        None, "emilie.fernandez@live.fr", "raul@x.es", None,
    ]  # fmt: skip
    assert read.column("phone").to_pylist() == [None, "+33771763504", None, None]
    assert read.column("city").to_pylist() == [None, "biarritz", None, None]
    assert read.column("country").to_pylist() == ["NA", "FR", "ES", None]


def test_a_document_sources_repeated_id_keeps_its_first_document() -> None:
    """A copy of a customer further down the collection (its city shouted) is no record."""
    bronze = pa.table({
        "customer_id": ["CUST00001", "CUST00002", "CUST00001"],
        "city": ["Lyon", "Nice", "LYON"],
        "_source_file": ["sources/marketing/customers.jsonl"] * 3,
        "_row_number": [1, 2, 3],
    })  # fmt: skip
    kept, left_out = one_per_id(bronze, "customer_id")
    assert (kept["city"].to_pylist(), left_out) == (["Lyon", "Nice"], 1)


def test_an_id_written_as_a_missing_word_is_no_record() -> None:
    """Silver reads N/A or NULL as no key and quarantines the row; so no record has it."""
    bronze = pa.table({"customer_id": ["CUST00001", "N/A", " null", "NA"], "v": list("abcd")})
    kept, left_out = one_per_id(bronze, "customer_id")
    assert (kept["v"].to_pylist(), left_out) == (["a"], 3)


def test_a_column_bronze_kept_in_extra_can_be_matched_on(tmp_path: Path) -> None:
    # A CRM export's name columns, which the contract lacks, landed in _extra (schema_drift:
    # evolve): the identity section names them as the file's header does.
    data = pa.table({
        "customer_id": ["C1", "C2", "C3"],
        "email": ["elodie@example.fr", None, "jo@example.fr"],
        "_extra": ['{"Nom": "Dupré", "Prénom": "Élodie"}', '{"Nom": "Roy"}', None],
    })  # fmt: skip
    lake.publish_table(tmp_path, "bronze", "crm_customers", data)
    roles = {"email": "email", "first_name": "Prénom", "last_name": "Nom"}
    source = IdentitySource(table="crm_customers", id="customer_id", roles=roles)
    check_landed(tmp_path, "crm", source)
    records = gather(tmp_path, Identity(sources={"crm": source})).table.sort_by("record_key")
    assert records["first_name"].to_pylist() == ["elodie", None, None]  # normalised
    assert records["last_name"].to_pylist() == ["dupre", "roy", None]
    # A name neither a column nor in _extra is one line naming it.
    wrong = IdentitySource(table="crm_customers", id="customer_id", roles={"last_name": "Name"})
    with pytest.raises(IdentityConfigError, match="has no column Name"):
        check_landed(tmp_path, "crm", wrong)


def _contacts(tmp_path: Path, rows: dict[str, list[str | None]], **roles: str) -> IdentitySource:
    lake.publish_table(tmp_path, "bronze", "crm_customers", pa.table(rows))
    return IdentitySource(
        table="crm_customers", id="customer_id", updated_at="first_seen_at",
        roles=roles or {"first_name": "first_name", "email": "email", "country": "country"},
        attributes={"language": "locale"},
    )  # fmt: skip


def test_a_record_holding_nothing_but_its_id_is_no_person(tmp_path: Path) -> None:
    """A spreadsheet's total row (its label in the id column, a count where an e-mail goes) is
    left out and named; a date, a country or an attribute alone keeps a record."""
    source = _contacts(tmp_path, {
        "customer_id": ["C1", "Total: 5 contacts", "C2", "C3", "C4", "Summe"],
        "first_name": ["Anna", None, None, None, " N/A ", None],
        "email": ["anna@example.de", None, None, None, None, "10 Kunden"],
        "country": ["DE", None, None, "FR", None, None],
        "first_seen_at": ["2024-01-05", None, "2024-02-01", None, "", None],
        "locale": [None, None, None, None, "de_DE", " "],
    })  # fmt: skip
    records = gather(tmp_path, Identity(sources={"crm": source}))
    assert records.table["record_id"].to_pylist() == ["C1", "C2", "C3", "C4"]
    assert records.bare == {"crm": ["Total: 5 contacts", "Summe"]}
    assert records.unmatchable == 3  # C2, C3 and C4 stay, as singletons
    assert bare_note("crm", records.bare["crm"]) == (
        "crm: 2 records with nothing but their ids left out (first: 'Total: 5 contacts')"
    )
    assert bare_note("crm", ["Total"]) == (
        "crm: 1 record with nothing but its id left out (first: 'Total')"
    )


def test_a_bare_record_a_source_table_refers_to_is_kept(tmp_path: Path) -> None:
    """An order of a customer whose row holds nothing but its id (an erased customer) reaches
    the profile through that record's customer: it is kept, as before."""
    source = _contacts(tmp_path, {
        "customer_id": ["C1", "C9", "Total"],
        "first_name": ["Anna", None, None],
        "email": [None, None, None],
        "country": [None, None, None],
        "first_seen_at": [None, None, None],
        "locale": [None, None, None],
    })  # fmt: skip
    orders = pa.table({"order_id": ["O1", "O2"], "customer_id": [" C9", "C1"]})
    lake.publish_table(tmp_path, "bronze", "orders", orders)
    records = gather(tmp_path, Identity(sources={"crm": source}))
    assert records.table["record_id"].to_pylist() == ["C1", "C9"]
    assert records.bare == {"crm": ["Total"]}


def test_records_with_a_value_are_read_as_before(tmp_path: Path) -> None:
    source = _contacts(tmp_path, {
        "customer_id": ["C1", "C2"], "first_name": ["Anna", None], "email": [None, "b@x.fr"],
        "country": [None, None], "first_seen_at": [None, None], "locale": [None, None],
    })  # fmt: skip
    records = gather(tmp_path, Identity(sources={"crm": source}))
    assert (records.table.num_rows, records.bare) == (2, {"crm": []})
