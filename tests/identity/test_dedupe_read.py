"""What deduplication reads of a file as it comes: JSON values that nest, phones stored as
numbers (a JSON or Parquet number, a spreadsheet's 6.12345678E8), a leading zero lost."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360.identity.dedupe import DedupeError, dedupe, read_records
from tests.identity.test_dedupe import DUPLICATES, PEOPLE, ROLES, groups

PHONES = {"tel": "phone", "country": "country"}


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    return path


def _phones(path: Path) -> tuple[list[str | None], list[str]]:
    """Each record's phone in E.164, and the notes on reading the file."""
    records, _, notes = read_records([path], ["id"], PHONES)
    return records["phone"].to_pylist(), notes


def test_a_json_column_not_matched_on_may_nest(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "people.jsonl",
        [
            {"id": "1", "name": "Ann Lee", "mail": "ann@example.com", "tags": ["vip", "fr"]},
            {"id": "2", "name": "Ann Lee", "mail": "ANN@example.com", "address": {"city": "Lyon"}},
            {"id": "3", "name": "Bo Chan", "mail": "bo@example.com", "tags": []},
        ],
    )
    result = dedupe([path], "id", {"name": "full_name", "mail": "email"})
    clusters = result.clusters["cluster_id"].to_pylist()
    assert clusters[0] == clusters[1] != clusters[2]
    assert result.notes == ()


def test_a_json_array_whose_unused_column_nests_is_read(tmp_path: Path) -> None:
    path = tmp_path / "people.json"
    path.write_text(
        json.dumps([{"id": 1, "mail": "a@example.com", "extra": {"a": [1, 2]}}, {"id": 2}]), "utf-8"
    )
    records, _, _ = read_records([path], ["id"], {"mail": "email"})
    assert records["record_id"].to_pylist() == ["1", "2"]
    assert records["email"].to_pylist() == ["a@example.com", None]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [{"id": "1", "mail": "a@example.com"}, {"id": "2", "mail": {"work": "b@example.com"}}],
            "line 2: 'mail' holds an object, not a value",
        ),
        (
            [{"id": "1", "mail": ["a@example.com", "b@example.com"]}],
            "line 1: 'mail' holds a list, not a value",
        ),
        ([{"id": ["1"], "mail": "a@example.com"}], "line 1: 'id' holds a list, not a value"),
    ],
)
def test_a_nested_value_in_a_column_used_is_one_line_naming_it(
    tmp_path: Path, rows: list[dict[str, object]], message: str
) -> None:
    path = _jsonl(tmp_path / "people.jsonl", [{**row, "tags": ["x"]} for row in rows])
    with pytest.raises(DedupeError) as caught:
        dedupe([path], "id", {"mail": "email"})
    assert str(caught.value) == f"cannot read {path}: {message}"


def test_a_parquet_column_not_matched_on_may_nest(tmp_path: Path) -> None:
    path = tmp_path / "people.parquet"
    pq.write_table(
        pa.table(
            {
                "id": ["1", "2"],
                "mail": ["ann@example.com", "ANN@example.com"],
                "tags": [["vip"], []],
                "address": [{"city": "Lyon"}, {"city": None}],
            }
        ),
        path,
    )
    records, _, notes = read_records([path], ["id"], {"mail": "email"})
    assert records["email"].to_pylist() == ["ann@example.com"] * 2
    assert notes == []


FRENCH = "+33612345678"


@pytest.mark.parametrize(
    "tel", ["612345678", "33612345678", "612345678.0", "6.12345678e8", '"06 12 34 56 78"']
)
def test_a_json_phone_stored_as_a_number_is_read_as_its_digits(tmp_path: Path, tel: str) -> None:
    path = tmp_path / "people.jsonl"
    path.write_text(f'{{"id": "1", "tel": {tel}, "country": "FR"}}\n', "utf-8")
    assert _phones(path) == ([FRENCH], [])


@pytest.mark.parametrize(
    "tel",
    ["612345678", "6.12345678E8", "6.12345678E+08", "6,12345678E+08", "612345678.0",
     "33612345678", "3.3612345678E+10", "6.123456780E8", "6.1234567800E+08"],
)  # fmt: skip
def test_a_spreadsheets_phone_number_in_a_csv_is_read_as_its_digits(
    tmp_path: Path, tel: str
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(f"id;tel;country\n1;{tel};FR\n2;06 12 34 56 78;France\n", "utf-8")
    assert _phones(path) == ([FRENCH, FRENCH], [])


@pytest.mark.parametrize(
    "column",
    [
        pa.array([612345678, 33612345678], pa.int64()),
        pa.array([612345678, 33612345678], pa.uint64()),
        pa.array([612345678.0, 33612345678.0], pa.float64()),
        pa.array([Decimal("612345678.00"), Decimal("33612345678.00")], pa.decimal128(14, 2)),
    ],
)
def test_a_parquet_phone_column_of_numbers_is_read_as_digits(
    tmp_path: Path, column: pa.Array
) -> None:
    path = tmp_path / "people.parquet"
    pq.write_table(pa.table({"id": ["1", "2"], "tel": column, "country": ["FR", "FR"]}), path)
    assert _phones(path) == ([FRENCH, FRENCH], [])


def test_a_phone_whose_digits_a_spreadsheet_rounded_is_not_read(tmp_path: Path) -> None:
    """6.12346E+08 may be 612345678 or 612346012: reading it as 612346000 could link two
    people who share neither number."""
    path = tmp_path / "people.csv"
    path.write_text("id;tel;country\n1;6.12346E+08;FR\n2;6.12346E+08;FR\n3;612345678;FR\n")
    phones, notes = _phones(path)
    assert phones == [None, None, FRENCH]
    assert notes == [
        f"{path}: 2 phones in column 'tel' are numbers rounded by a spreadsheet, their last "
        "digits lost (e.g. 6.12346E+08): not matched on; keep phones as text"
    ]


def test_a_parquet_phone_with_a_fraction_is_not_read(tmp_path: Path) -> None:
    """0 (a numeric column's "no phone"), NaN and a negative number are no phones either."""
    path = tmp_path / "people.parquet"
    tel = [612345678.5, 0.0, float("nan"), -612345678.0, None]
    pq.write_table(pa.table({"id": list("12345"), "tel": tel, "country": ["FR"] * 5}), path)
    phones, notes = _phones(path)
    assert phones == [None] * 5
    assert notes == [
        f"{path}: 1 phone in column 'tel' is a number with a fraction (e.g. 612345678.5): "
        "not matched on"
    ]


def test_a_lost_leading_zero_is_put_back_where_only_it_makes_a_number(tmp_path: Path) -> None:
    """In Italy the leading zero is part of the number, not a trunk prefix: 612345678 is no
    number there, 0612345678 is one in Rome. In France the two are one number."""
    path = tmp_path / "people.parquet"
    table = {"id": ["1", "2", "3"], "tel": [612345678, 712345678, 612345678]}
    pq.write_table(pa.table({**table, "country": ["IT", "CI", "FR"]}), path)
    phones, notes = _phones(path)
    assert phones == ["+390612345678", "+2250712345678", FRENCH]
    assert notes == [
        f"{path}: 2 phones in column 'tel' lost the leading zero that their country's numbers "
        "keep (e.g. 612345678 in IT): read as 0612345678"
    ]


def test_a_number_that_reads_two_ways_without_its_zero_is_read_as_the_mobile(
    tmp_path: Path,
) -> None:
    """331234567 is an Italian mobile, 0331234567 a landline: the mobile is read, as Italy's
    mobiles (3…) have no zero to lose. In Gabon 6031234 and 06031234 are both mobiles: neither
    is read."""
    path = tmp_path / "people.parquet"
    tel = [331234567, 3471234567, 6031234]
    pq.write_table(
        pa.table({"id": ["1", "2", "3"], "tel": tel, "country": ["IT", "IT", "GA"]}), path
    )
    phones, notes = _phones(path)
    assert phones == ["+39331234567", "+393471234567", None]
    assert notes == [
        f"{path}: 1 phone in column 'tel' is a number that reads two ways without a leading "
        "zero (e.g. 331234567 in IT: +39331234567 or +390331234567): read as the mobile, "
        "+39331234567; keep phones as text to keep a number's zero",
        f"{path}: 1 phone in column 'tel' is a number that reads two ways without a leading "
        "zero (e.g. 6031234 in GA: +2416031234 or +24106031234): not matched on; keep phones "
        "as text to keep a number's zero",
    ]


def test_italian_mobiles_stored_as_numbers_keep_their_digits(tmp_path: Path) -> None:
    """Mobiles of every common Italian prefix read as written, whether or not a zero before
    them would make a landline too."""
    path = tmp_path / "people.parquet"
    tel = [3241234567, 3311234567, 3453960229, 3501234567, 3921234567, 3471234567]
    table = {"id": [str(i) for i in range(6)], "tel": tel, "country": ["IT"] * 6}
    pq.write_table(pa.table(table), path)
    assert _phones(path)[0] == [f"+39{n}" for n in tel]


@pytest.mark.parametrize("kind", [pa.int64(), pa.uint64()])
def test_an_integer_phone_too_long_for_e164_is_no_phone(tmp_path: Path, kind: pa.DataType) -> None:
    """2**62 or 9999999999999999999 has more digits than E.164 allows (and casts to no float)."""
    path = tmp_path / "people.parquet"
    tel = pa.array([612345678, 2**62 if kind == pa.int64() else 9999999999999999999], kind)
    pq.write_table(pa.table({"id": ["1", "2"], "tel": tel, "country": ["FR", "FR"]}), path)
    assert _phones(path) == ([FRENCH, None], [])


def test_a_float32_phone_column_has_lost_its_last_digits(tmp_path: Path) -> None:
    """A float32 holds 7 digits: 3471234561 and 3471234567 are both stored as 3471234560."""
    path = tmp_path / "people.parquet"
    tel = pa.array([3471234561.0, 3471234567.0, 0.0], pa.float32())
    pq.write_table(pa.table({"id": ["1", "2", "3"], "tel": tel, "country": ["IT"] * 3}), path)
    phones, notes = _phones(path)
    assert phones == [None, None, None]
    assert notes == [
        f"{path}: 2 phones in column 'tel' are numbers rounded by a spreadsheet, their last "
        "digits lost (e.g. 3471234600): not matched on; keep phones as text"
    ]


def test_digits_written_as_text_keep_the_reading_they_have(tmp_path: Path) -> None:
    """Typed as text, 331234567 is the Italian mobile it reads as; 612345678, no number in
    Italy as written, gets its zero back."""
    path = tmp_path / "people.csv"
    path.write_text("id;tel;country\n1;331234567;IT\n2;612345678;IT\n3;0331234567;IT\n")
    phones, notes = _phones(path)
    assert phones == ["+39331234567", "+390612345678", "+390331234567"]
    assert notes == [
        f"{path}: 1 phone in column 'tel' lost the leading zero that its country's numbers "
        "keep (e.g. 612345678 in IT): read as 0612345678"
    ]


def test_a_number_without_a_country_is_not_given_one(tmp_path: Path) -> None:
    """33612345678 may be +33 6 12 34 56 78 whose '+' a spreadsheet dropped, or a national
    number of another country: without a country it is not read, as 0612345678 is not."""
    path = tmp_path / "people.parquet"
    pq.write_table(pa.table({"id": ["1", "2"], "tel": [33612345678, 612345678]}), path)
    records, _, _ = read_records([path], ["id"], {"tel": "phone"})
    assert records["phone"].to_pylist() == [None, None]


def test_phones_stored_as_numbers_cluster_as_the_written_ones(tmp_path: Path) -> None:
    """The people file with every phone a number, its '+' and leading zero lost as a numeric
    column loses them: "+44 20 7946 0018" is 442079460018, "020 7946 0018" 2079460018; a float,
    as pandas holds a column of numbers with gaps."""
    header, *lines = PEOPLE.splitlines()
    rows = [dict(zip(header.split(";"), line.split(";"), strict=True)) for line in lines]
    digits = ["".join(filter(str.isdigit, row["tel"])).lstrip("0") for row in rows]
    table = pa.table({k: [row[k] or None for row in rows] for k in header.split(";")})
    table = table.set_column(
        table.schema.get_field_index("tel"),
        "tel",
        pa.array([float(d) if d else None for d in digits]),
    )
    path = tmp_path / "people.parquet"
    pq.write_table(table, path)
    result = dedupe([path], "cust_no", ROLES)
    assert groups(result) == {frozenset(g) for g in DUPLICATES}
    records, _, _ = read_records([path], ["cust_no"], ROLES)
    written, _, _ = read_records([_people_csv(tmp_path)], ["cust_no"], ROLES)
    assert records["phone"].to_pylist() == written["phone"].to_pylist()


def _people_csv(folder: Path) -> Path:
    path = folder / "people.csv"
    path.write_text(PEOPLE, "utf-8")
    return path
