"""A CSV whose first line is a record, not a header (a part of a split export, a chunked
extract): it stops the run naming the file, whatever ``schema_drift`` says, rather than its
first record landing as column names."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

from c360 import contracts
from c360.contracts.model import Column, Table
from c360.file_dialects import PLAIN_CSV, CsvFile
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.drift import SchemaDriftError
from c360.pipeline.bronze.land import land

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
COLUMNS = (
    Column("id", "string"),
    Column("age", "int", nullable=True),
    Column("city", "string", nullable=True),
)
PEOPLE = Table("people", "x", "", COLUMNS, path="sources/people", file_format="csv")
CUSTOMERS = contracts.get("crm_customers")
HEADER = ",".join(CUSTOMERS.column_names)


def folder(workspace: Path, files: dict[str, str | bytes], name: str = "people") -> Path:
    where = workspace / "sources" / name
    where.mkdir(parents=True, exist_ok=True)
    for file, text in files.items():
        data = text.encode() if isinstance(text, str) else text
        (where / file).write_bytes(data)
    return where


@pytest.mark.parametrize("drift", ["fail", "evolve"])
def test_a_header_less_part_of_a_split_export_stops_naming_it(tmp_path: Path, drift: str) -> None:
    """The user's case: contacts-2.csv, written by ``split -l``, starts with C3's record."""
    where = folder(tmp_path, {
        "contacts-1.csv": f"{HEADER}\nC1,,a@x.com,2024-01-01,active,en_US,lead,true,false,"
                          "email,USA\nC2,,b@x.com,2024-01-01,active,en_US,lead,true,false,email,USA\n",
        "contacts-2.csv": "C3,,c@x.com,2024-01-01,active,en_US,lead,true,false,email,USA\n"
                          "C4,,d@x.com,2024-01-02,active,en_US,lead,true,false,email,USA\n",
    }, "contacts")  # fmt: skip
    with pytest.raises(SourceError) as caught:
        land(tmp_path, CUSTOMERS, where, "b1", WHEN, drift=drift)
    message = str(caught.value)
    assert message.startswith(
        f"{where / 'contacts-2.csv'} has no header row: its first line reads as data (C3, , "
        "c@x.com, 2024-01-01, …)"
    )
    assert "contacts-1.csv" in message and "evolve" not in message and "\n" not in message
    assert not lake.table_dir(tmp_path, "bronze", "crm_customers").exists()


def test_a_header_less_file_named_first_is_found_too(tmp_path: Path) -> None:
    where = folder(
        tmp_path, {"p0.csv": "A,35,Lyon\nB,36,Nice\n", "p1.csv": "id,age,city\nC,1,Metz\n"}
    )
    with pytest.raises(SourceError, match=r"p0\.csv has no header row: .*\(A, 35, Lyon\)"):
        land(tmp_path, PEOPLE, where, "b1", WHEN, drift="evolve")


def test_a_compressed_header_less_part_is_named_as_written(tmp_path: Path) -> None:
    where = folder(tmp_path, {"p1.csv": "id,age,city\nA,35,Lyon\n",
                              "p2.csv.gz": gzip.compress(b"B,36,Nice\n")})  # fmt: skip
    with pytest.raises(SourceError) as caught:
        land(tmp_path, PEOPLE, where, "b1", WHEN)
    assert str(caught.value).startswith(f"{where / 'p2.csv.gz'} has no header row: ")


def test_a_mapped_header_in_the_other_files_tells_a_part_without_one(tmp_path: Path) -> None:
    where = folder(tmp_path, {"p1.csv": "N°;Âge;Ville\nA;35;Lyon\n", "p2.csv": "B;36;Nice\n"})
    dialect = CsvFile(delimiter=";", columns={"N°": "id", "Âge": "age", "Ville": "city"})
    with pytest.raises(SourceError, match=r"p2\.csv has no header row: "):
        land(tmp_path, PEOPLE, where, "b1", WHEN, dialect=dialect)


def test_a_header_naming_a_contract_column_is_a_header(tmp_path: Path) -> None:
    """A file whose header renames the others' columns but one: drift, under evolve landed."""
    where = folder(
        tmp_path, {"p1.csv": "id,age,city\nA,35,Lyon\n", "p2.csv": "id,years,town\nB,36,Nice\n"}
    )
    result = land(tmp_path, PEOPLE, where, "b1", WHEN, drift="evolve")
    assert (result.landed, result.added_columns) == (2, ["town", "years"])


def test_a_header_of_other_length_naming_no_column_is_drift_naming_its_file(
    tmp_path: Path,
) -> None:
    where = folder(
        tmp_path, {"p1.csv": "id,age,city\nA,35,Lyon\n", "p2.csv": "ident,town\nB,Nice\n"}
    )
    with pytest.raises(SchemaDriftError) as caught:
        land(tmp_path, PEOPLE, where, "b1", WHEN)
    assert str(caught.value).startswith(
        f"{where}: p2.csv has columns not in the contract of people: ident, town"
    )


def test_a_single_file_starting_with_a_record_of_values_stops(tmp_path: Path) -> None:
    """No other file's header to compare with: an e-mail, a date or a number is no name."""
    path = tmp_path / "sources" / "contacts.csv"
    path.parent.mkdir(parents=True)
    path.write_text("C3,,c@x.com,2024-01-01,active,en_US,lead,true,false,email,USA\n"
                    "C4,,d@x.com,2024-01-02,active,en_US,lead,true,false,email,USA\n")  # fmt: skip
    for drift in ("fail", "evolve"):
        with pytest.raises(SourceError, match=r"contacts\.csv has no header row: ") as caught:
            land(tmp_path, CUSTOMERS, path, "b1", WHEN, drift=drift)
        assert "evolve" not in str(caught.value)


def test_a_single_file_with_a_header_of_other_names_is_drift(tmp_path: Path) -> None:
    """Names, not values: a header to map under csv:, as before."""
    path = tmp_path / "sources" / "people.csv"
    path.parent.mkdir(parents=True)
    path.write_text("Ident,Years,Town\nA,35,Lyon\n")
    with pytest.raises(SchemaDriftError, match="map header names to contract columns"):
        land(tmp_path, PEOPLE, path, "b1", WHEN)


INVENTORY = contracts.get("ecommerce_inventory")
DAYS = ",".join(f"2024-06-0{d}" for d in range(1, 7))


def test_a_header_naming_days_is_a_header(tmp_path: Path) -> None:
    """A stock export with a column a day: its names are dates, its values numbers."""
    path = tmp_path / "sources" / "stock.csv"
    path.parent.mkdir(parents=True)
    path.write_text(f"product_id,warehouse_id,{DAYS}\nP1,W1,5,6,7,8,9,10\n")
    with pytest.raises(SchemaDriftError, match="columns not in the contract of ecommerce_inv"):
        land(tmp_path, INVENTORY, path, "b1", WHEN)
    result = land(tmp_path, INVENTORY, path, "b1", WHEN, drift="evolve")
    assert (result.landed, result.added_columns) == (1, DAYS.split(","))
    [row] = lake.read_table(tmp_path, "bronze", "ecommerce_inventory").to_pylist()
    assert (row["product_id"], row["stock_quantity"]) == ("P1", None)
    assert '"2024-06-06": "10"' in row["_extra"]


@pytest.mark.parametrize(
    ("header", "record"),
    [("Code,Site,2023,2024,2025,2026", "P1,W1,1.5,2.5,3.5,4.5"),  # years over amounts
     ("Code,Site,2024-06-01,2024-06-02,2024-06-03,2024-06-04", "P1,W1,5,6,7,8"),
     ("Code,Site,12,24,36,48", "P1,W1,a@x.com,b@x.com,c@x.com,d@x.com"),
     ("Code,Site,2024,WH-PAR,WH-BER,WH-MAD", "P1,W1,2024,6,7,8"),  # warehouses over counts
     ("Code,Site,WH-PAR,WH-BER,WH-MAD,WH-LON", "P1,W1,,,,"),  # over none
     ("Cohort,Size,1,2,3,6", "2024-01,120,0.85,0.7,0.6,0.52")],  # months over shares
)  # fmt: skip
def test_a_header_of_values_over_values_of_other_kinds_is_a_header(
    tmp_path: Path, header: str, record: str
) -> None:
    """Names no contract column, yet its number or date names stand over values of another
    kind: a header, landed under evolve with every column in _extra."""
    path = tmp_path / "sources" / "stock.csv"
    path.parent.mkdir(parents=True)
    path.write_text(f"{header}\n{record}\n")
    result = land(tmp_path, INVENTORY, path, "b1", WHEN, drift="evolve")
    assert (result.landed, len(result.added_columns)) == (1, 6)


def test_a_record_naming_a_contract_column_below_itself_is_still_data(tmp_path: Path) -> None:
    """``email`` as a channel under ``email`` again: a value, not the name of that column."""
    path = tmp_path / "sources" / "contacts.csv"
    path.parent.mkdir(parents=True)
    path.write_text("C3,,c@x.com,2024-01-01,active,en_US,lead,true,false,email,USA\n"
                    "C4,,d@x.com,2024-01-02,active,en_US,lead,false,false,email,USA\n")  # fmt: skip
    with pytest.raises(SourceError, match=r"contacts\.csv has no header row: "):
        land(tmp_path, CUSTOMERS, path, "b1", WHEN)


def test_a_folder_file_whose_header_names_every_column_otherwise_is_drift(tmp_path: Path) -> None:
    """Its names hold no e-mail, date, number or boolean: a header, to map under csv:."""
    where = folder(tmp_path, {
        "inv_2024-06-01.csv": "product_id,warehouse_id,stock_quantity,last_updated\n"
                              "P1,W1,5,2024-06-01\n",
        "inv_2024-06-02.csv": "Product ID,Warehouse ID,Stock Quantity,Last Updated\n"
                              "P2,W1,7,2024-06-02\n",
    }, "inv")  # fmt: skip
    with pytest.raises(SchemaDriftError) as caught:
        land(tmp_path, INVENTORY, where, "b1", WHEN)
    assert str(caught.value).startswith(
        f"{where}: inv_2024-06-02.csv has columns not in the contract of ecommerce_inventory: "
        "Last Updated, Product ID, Stock Quantity, Warehouse ID"
    )
    result = land(tmp_path, INVENTORY, where, "b1", WHEN, drift="evolve")
    assert (result.landed, len(result.added_columns)) == (2, 4)
    rows = lake.read_table(tmp_path, "bronze", "ecommerce_inventory").to_pylist()
    assert [(r["product_id"], r["stock_quantity"]) for r in rows] == [("P1", "5"), (None, None)]
    assert '"Product ID": "P2"' in rows[1]["_extra"]


def test_a_folder_file_whose_first_line_has_the_kinds_of_the_others_records_stops(
    tmp_path: Path,
) -> None:
    where = folder(tmp_path, {
        "inv_1.csv": "product_id,warehouse_id,stock_quantity,last_updated\nP1,W1,5,2024-06-01\n",
        "inv_2.csv": "P2,W1,7,2024-06-02\nP3,W2,,2024-06-02\n",
    }, "inv")  # fmt: skip
    with pytest.raises(SourceError, match=r"inv_2\.csv has no header row: .*\(P2, W1, 7, 2024"):
        land(tmp_path, INVENTORY, where, "b1", WHEN, drift="evolve")


# A record of crm_customers whose preferred_channel is ``email``, a contract column's name too.
EMAIL_CHANNEL = "C3,,c@x.com,2024-01-01,active,en_US,lead,true,false,email,USA\n"
PHONE_CHANNEL = "C4,,d@x.com,2024-01-02,active,en_US,lead,false,false,phone,USA\n"


@pytest.mark.parametrize(
    "text",
    [EMAIL_CHANNEL + PHONE_CHANNEL,  # the next record has another channel
     EMAIL_CHANNEL,  # a file of one record
     "C3,,c@x.com,2024-01-01,active,en_US,lead,,,email,USA\n" + PHONE_CHANNEL,  # no consent
     "C3,,,2024-01-01,active,en_US,lead,,,email,USA\n" + PHONE_CHANNEL],  # no e-mail either
)  # fmt: skip
def test_a_record_holding_a_value_the_contract_allows_named_as_a_column_is_data(
    tmp_path: Path, text: str
) -> None:
    """``email`` is a channel crm_customers allows as well as one of its columns: a value (and
    so are ``active``, ``en_US``, ``lead`` and ``USA``, beside the one date of the last)."""
    path = tmp_path / "sources" / "contacts.csv"
    path.parent.mkdir(parents=True)
    path.write_text(text)
    with pytest.raises(SourceError, match=r"contacts\.csv has no header row: .*\(C3, , "):
        land(tmp_path, CUSTOMERS, path, "b1", WHEN, drift="evolve")


@pytest.mark.parametrize(
    ("first", "shown", "value", "name"),
    [(EMAIL_CHANNEL, "c@x.com", "c@x.com", "email"),
     ("C3,,,2024-01-01,active,en_US,lead,,,email,USA\n", "", "2024-01-01", "first_seen_at")],
)  # fmt: skip
def test_a_split_part_starting_with_a_channel_named_as_a_column_stops(
    tmp_path: Path, first: str, shown: str, value: str, name: str
) -> None:
    """Its first record holds a value where the other part's header names a column over a
    value of that kind (in the second, its only one: no e-mail address, no consent)."""
    where = folder(tmp_path, {
        "contacts-1.csv": f"{HEADER}\nC1,,a@x.com,2024-01-01,active,en_US,lead,true,false,"
                          "chat,USA\n",
        "contacts-2.csv": first + PHONE_CHANNEL,
    }, "contacts")  # fmt: skip
    with pytest.raises(SourceError) as caught:
        land(tmp_path, CUSTOMERS, where, "b1", WHEN, drift="evolve")
    assert str(caught.value).startswith(
        f"{where / 'contacts-2.csv'} has no header row: its first line reads as data (C3, , "
        f"{shown}, 2024-01-01, …): {value!r} where the header of contacts-1.csv (customer_id, "
        f"account_id, email, first_seen_at, …) names {name!r}: write that header as its first "
        "line (a part of a split export?)"
    )


def test_a_record_holding_a_mapped_name_beside_an_e_mail_address_is_data(tmp_path: Path) -> None:
    """``E-Mail`` as a channel, mapped as the e-mail column's name: no header holds an e-mail
    address or true/false, so the one name it spells is a value."""
    path = tmp_path / "sources" / "contacts.csv"
    path.parent.mkdir(parents=True)
    path.write_text(EMAIL_CHANNEL.replace(",email,", ",E-Mail,")
                    + PHONE_CHANNEL.replace(",phone,", ",Telefon,"))  # fmt: skip
    dialect = CsvFile(columns={"E-Mail": "email", "Kanal": "preferred_channel"})
    with pytest.raises(SourceError, match=r"contacts\.csv has no header row: "):
        land(tmp_path, CUSTOMERS, path, "b1", WHEN, dialect=dialect, drift="evolve")


def test_a_split_part_starting_with_a_mapped_name_in_its_place_stops(tmp_path: Path) -> None:
    """``Ort`` is the city column's name in p1.csv, and a city of p2.csv's first record."""
    where = folder(
        tmp_path, {"p1.csv": "Nr;Alter;Ort\nA;35;Lyon\n", "p2.csv": "B;36;Ort\nC;37;Nice\n"}
    )
    dialect = CsvFile(delimiter=";", columns={"Nr": "id", "Alter": "age", "Ort": "city"})
    with pytest.raises(SourceError) as caught:
        land(tmp_path, PEOPLE, where, "b1", WHEN, dialect=dialect)
    assert str(caught.value).startswith(
        f"{where / 'p2.csv'} has no header row: its first line reads as data (B, 36, Ort): '36' "
        "where the header of p1.csv (Nr, Alter, Ort) names 'Alter'"
    )


WIDE = "Code,Site,2023,2024"


@pytest.mark.parametrize(
    ("text", "landed"),
    [(f"{WIDE}\nP1,W1,5,6\nP2,W1,7,8\n", 2),  # years over whole numbers
     (f"{WIDE}\n", 0),  # a header alone
     ("2023,2024,2025\n5,6,7\n", 1)],
)  # fmt: skip
def test_a_header_of_years_side_by_side_is_a_header_over_whole_numbers(
    tmp_path: Path, text: str, landed: int
) -> None:
    """A wide table with a column a year: consecutive years side by side name columns."""
    path = tmp_path / "sources" / "stock.csv"
    path.parent.mkdir(parents=True)
    path.write_text(text)
    with pytest.raises(SchemaDriftError, match="columns not in the contract of ecommerce_inv"):
        land(tmp_path, INVENTORY, path, "b1", WHEN)
    assert land(tmp_path, INVENTORY, path, "b1", WHEN, drift="evolve").landed == landed


def test_a_mapped_header_of_years_over_whole_numbers_lands_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "sources" / "stock.csv"
    path.parent.mkdir(parents=True)
    path.write_text(f"{WIDE},2025\nP1,W1,5,6,7\n")
    dialect = CsvFile(columns={"Code": "product_id", "Site": "warehouse_id"})
    result = land(tmp_path, INVENTORY, path, "b1", WHEN, dialect=dialect, drift="evolve")
    assert (result.landed, result.added_columns) == (1, ["2023", "2024", "2025"])
    [row] = lake.read_table(tmp_path, "bronze", "ecommerce_inventory").to_pylist()
    assert (row["product_id"], row["warehouse_id"]) == ("P1", "W1")


@pytest.mark.parametrize(
    ("first", "second"),
    [("P1,WH-PAR,1370,2024-06-01 00:00:00", "P2,WH-PAR,22.46,2024-06-02 00:00:00"),  # whole
     ("P1,WH-PAR,0,2024-06-01 00:00:00", "P2,,22.46,"),  # an amount of none
     ("P1,AB10 1AF,07534316673,a@x.com", "P2,46002,637 65 18 03,b@x.com")],  # free-form
)  # fmt: skip
def test_records_of_numbers_written_otherwise_are_data(
    tmp_path: Path, first: str, second: str
) -> None:
    """A whole amount over a decimal one, a postcode or a phone in digits over one in words:
    records of one kind still."""
    path = tmp_path / "sources" / "stock.csv"
    path.parent.mkdir(parents=True)
    path.write_text(f"{first}\n{second}\n")
    with pytest.raises(SourceError, match=r"stock\.csv has no header row: .*\(P1, "):
        land(tmp_path, INVENTORY, path, "b1", WHEN, drift="evolve")


def test_records_of_years_side_by_side_over_years_are_data(tmp_path: Path) -> None:
    """Years over years: a first and a last year, say, not column names."""
    path = tmp_path / "sources" / "stock.csv"
    path.parent.mkdir(parents=True)
    path.write_text("P1,W1,2023,2024\nP2,W1,2021,2025\n")
    with pytest.raises(SourceError, match=r"stock\.csv has no header row: .*\(P1, W1, 2023, 2024;"):
        land(tmp_path, INVENTORY, path, "b1", WHEN, drift="evolve")


@pytest.mark.parametrize(
    ("text", "dialect"),
    [(f"{HEADER}\n{EMAIL_CHANNEL}{PHONE_CHANNEL}", PLAIN_CSV),  # names email, a channel too
     ("Kanal,E-Mail,Nr\nemail,c@x.com,C3\n", CsvFile(columns={"Nr": "customer_id"})),
     ("customer_id,email,2024-01-01,2024-01-02\nC3,c@x.com,true,false\n", PLAIN_CSV)],
)  # fmt: skip
def test_a_header_naming_columns_beside_values_stays_a_header(
    tmp_path: Path, text: str, dialect: CsvFile
) -> None:
    path = tmp_path / "sources" / "contacts.csv"
    path.parent.mkdir(parents=True)
    path.write_text(text)
    result = land(tmp_path, CUSTOMERS, path, "b1", WHEN, dialect=dialect, drift="evolve")
    assert result.landed == text.count("\n") - 1


AUDIENCES = contracts.get("marketing_audiences")
AUDIENCE = 'AUD_0002,CAMP_001,SEG_005,"{""min_orders"": 2}"\nAUD_0003,CAMP_001,SEG_007,{}\n'


@pytest.mark.parametrize("split", [False, True])
def test_a_record_of_ids_the_contract_describes_is_data(tmp_path: Path, split: bool) -> None:
    """No e-mail address, date, number or boolean: its audience id matches the contract's
    pattern (``AUD_\\d{4,}``), a value over another."""
    files = {"a2.csv": AUDIENCE}
    if split:
        files["a1.csv"] = f"{','.join(AUDIENCES.column_names)}\nAUD_0001,CAMP_001,SEG_001,{{}}\n"
    where = folder(tmp_path, files, "audiences")
    source = where if split else where / "a2.csv"
    with pytest.raises(SourceError, match=r"a2\.csv has no header row: .*\(AUD_0002, CAMP_001"):
        land(tmp_path, AUDIENCES, source, "b1", WHEN, drift="evolve")
