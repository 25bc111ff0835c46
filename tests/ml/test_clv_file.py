"""``fit_file`` on damaged input: a CSV row of another width than its header, an amount no
purchase reaches, typed Parquet amounts, and a folder of Parquet files as the lake writes."""

from __future__ import annotations

import datetime as dt
import gzip
import uuid
import warnings
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360.ml.clv_file import (
    ClvFileError,
    FileFit,
    Skipped,
    fit_file,
    parse_amounts,
    parse_dates,
)
from c360.pipeline.lake import publish_table

COLUMNS = ("client", "jour", "montant")


def _purchases() -> list[tuple[str, str, str]]:
    """30 customers buying on three days each, of different amounts: enough repeat buyers."""
    return [
        (f"C{i:02d}", f"2024-{month:02d}-{1 + i % 28:02d}", f"{10 + i + 7 * month}.50")
        for i in range(30)
        for month in (1, 4 + i % 5, 10)
    ]


def _csv(path: Path, lines: list[str]) -> Path:
    path.write_text(";".join(COLUMNS) + "\n" + "".join(line + "\n" for line in lines), "utf-8")
    return path


def _fit(path: Path) -> FileFit:
    return fit_file(path, *COLUMNS)


def test_a_row_of_another_width_is_skipped_and_later_rows_keep_their_numbers(
    tmp_path: Path,
) -> None:
    rows = [";".join(r) for r in _purchases()]
    clean = _fit(_csv(tmp_path / "clean.csv", rows))
    damaged = list(rows)
    damaged.insert(2, "C01;2024-02-02;5;extra")  # row 3
    damaged.insert(6, "C02;2024-02-02")  # row 7, a copy cut short
    damaged.insert(8, "C03;soon;5")  # row 9: counted as the file numbers it
    result = _fit(_csv(tmp_path / "damaged.csv", damaged))
    assert result.rows == len(rows) + 3
    assert result.skipped == [
        Skipped("wrong number of values (the header names 3)", 2, [3, 7]),
        Skipped("unreadable date", 1, [9]),
    ]
    assert result.fit.predictions.equals(clean.fit.predictions)


def test_a_file_whose_every_row_is_of_another_width_is_one_line(tmp_path: Path) -> None:
    path = _csv(tmp_path / "commas.csv", ["C01;2024-01-01;5;x", "C02;2024-01-02;6;y"])
    with pytest.raises(ClvFileError) as caught:
        _fit(path)
    assert str(caught.value) == (
        f"no row of {path} has the 3 values its header names (2 rows read; rows 1, 2)"
    )


def test_a_cut_quote_is_still_refused(tmp_path: Path) -> None:
    rows = [";".join(r) for r in _purchases()]
    path = _csv(tmp_path / "cut.csv", [*rows, "C01;2024-02-02;5;x", 'C02;2024-02-03;"12'])
    with pytest.raises(ClvFileError, match=r"cut\.csv ends inside a quoted value"):
        _fit(path)


@pytest.mark.parametrize("amount", ["1" + "0" * 300, "1e300", "1" + "0" * 400, "2.5E15"])
def test_an_amount_no_purchase_reaches_is_skipped_without_numeric_warnings(
    tmp_path: Path, amount: str
) -> None:
    rows = [";".join(r) for r in _purchases()]
    clean = _fit(_csv(tmp_path / "clean.csv", rows))
    damaged = [*rows[:4], f"C00;2024-03-03;{amount}", *rows[4:]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow in the fit would raise here
        result = _fit(_csv(tmp_path / "huge.csv", damaged))
    assert result.skipped == [Skipped("amount of 1e15 or more (a typo?)", 1, [5])]
    assert result.fit.predictions.equals(clean.fit.predictions)


def test_amounts_in_exponent_notation_are_read() -> None:
    values = parse_amounts(pa.array(["1.5e3", "2,5E-1", "1e300", "e5", "1e", "1.234,5e2"]))
    assert values.to_pylist() == [1500.0, 0.25, 1e300, None, None, None]


def _parquet_table() -> pa.Table:
    rows = _purchases()
    return pa.table(
        {
            "client": [r[0] for r in rows],
            "jour": pa.array([dt.date.fromisoformat(r[1]) for r in rows], pa.date32()),
            "montant": [float(r[2]) for r in rows],
            "year": [2024 if i < 45 else 2025 for i in range(len(rows))],  # 90 rows
        }
    )


def test_typed_parquet_amounts_are_read_as_numbers(tmp_path: Path) -> None:
    table = _parquet_table()
    amounts = table["montant"].to_pylist()
    amounts[1], amounts[2], amounts[3] = 1e-05, float("nan"), 1e300
    pq.write_table(table.set_column(2, "montant", pa.array(amounts)), tmp_path / "t.parquet")
    result = _fit(tmp_path / "t.parquet")
    assert result.skipped == [
        Skipped("unreadable amount", 1, [3]),
        Skipped("amount of 1e15 or more (a typo?)", 1, [4]),
    ]
    c00 = result.fit.predictions.to_pylist()[0]  # its third purchase, NaN, left out
    assert c00["customer"] == "C00" and c00["frequency"] == 1 and c00["monetary"] == 1e-05


def test_a_folder_of_parquet_files_as_the_lake_writes_is_read(tmp_path: Path) -> None:
    table = _parquet_table()
    pq.write_table(table, tmp_path / "one.parquet")
    publish_table(tmp_path, "gold", "orders", table, partition_by=("year",))
    folder = tmp_path / "lake" / "gold" / "orders"
    assert len(list(folder.rglob("*.parquet"))) == 2
    single, parts = _fit(tmp_path / "one.parquet"), _fit(folder)
    assert parts.rows == single.rows == table.num_rows
    assert parts.skipped == [] and parts.notes == []
    assert parts.fit.predictions.equals(single.fit.predictions)


def test_rows_skipped_in_a_folder_are_placed_in_their_files(tmp_path: Path) -> None:
    table = _parquet_table()
    amounts = table["montant"].to_pylist()
    amounts[0] = amounts[2] = -1.0  # year 2024
    amounts[45] = -2.0  # year 2025, its first row
    table = table.set_column(2, "montant", pa.array(amounts))
    publish_table(tmp_path, "gold", "orders", table, partition_by=("year",))
    result = _fit(tmp_path / "lake" / "gold" / "orders")
    assert result.skipped == [Skipped("negative amount (a refund, not a purchase)", 3, [1, 3, 46])]
    assert result.notes == [
        f"rows of {tmp_path / 'lake' / 'gold' / 'orders'} are counted through its 2 Parquet "
        "files in path order: rows 1, 3 in year=2024/part-0.parquet; row 46 in "
        "year=2025/part-0.parquet (its row 1)"
    ]


def test_a_folder_without_parquet_or_with_a_broken_part_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not data", "utf-8")
    with pytest.raises(ClvFileError) as caught:
        _fit(tmp_path)
    assert str(caught.value) == (
        f"no Parquet file in {tmp_path}: give a CSV, JSON lines or Parquet file (or one of them "
        "compressed with gzip), or a folder of Parquet files"
    )
    pq.write_table(_parquet_table(), tmp_path / "part-0.parquet")
    (tmp_path / "part-1.parquet").write_bytes(b"PAR1 cut short")
    with pytest.raises(ClvFileError) as caught:
        _fit(tmp_path)
    assert str(caught.value).startswith(f"cannot read {tmp_path / 'part-1.parquet'}: ")
    assert "\n" not in str(caught.value)


def test_the_as_of_date_is_the_last_purchase_not_a_skipped_row(tmp_path: Path) -> None:
    rows = [";".join(r) for r in _purchases()]
    clean = _fit(_csv(tmp_path / "clean.csv", rows))
    assert clean.as_of == dt.date(2024, 10, 28)
    later = [
        "C00;2024-12-31;-40.00",  # a refund: not a purchase
        ";2025-01-15;12.00",  # no customer
        "C01;2025-02-01;1e16",  # a typo of an amount
    ]
    result = _fit(_csv(tmp_path / "refunds.csv", [*rows, *later]))
    assert [s.count for s in result.skipped] == [1, 1, 1]
    assert result.as_of == dt.date(2024, 10, 28)
    assert result.fit.predictions.equals(clean.fit.predictions)


def test_a_column_named_twice_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text("client;client;jour;montant\nC01;C01;2024-01-01;5\n", "utf-8")
    with pytest.raises(ClvFileError) as caught:
        _fit(path)
    assert str(caught.value) == f"{path} has 2 columns named 'client': rename all but one"
    pq.write_table(
        pa.table([["C01"], ["2024-01-01"], ["5"], ["6"]], names=[*COLUMNS, "montant"]),
        tmp_path / "twice.parquet",
    )
    with pytest.raises(ClvFileError) as caught:  # refused as it is read
        _fit(tmp_path / "twice.parquet")
    assert "montant" in str(caught.value) and "\n" not in str(caught.value)


def test_year_zero_is_no_date() -> None:
    """No calendar has a year 0 (Python's dates start at year 1): such a date, as a row or as
    ``--as-of``, is unreadable rather than a date no caller can convert."""
    days = parse_dates(pa.array(["0000-01-01", "00000229", "31/12/0000", "0001-01-01"]))
    assert days.to_pylist() == [None, None, None, dt.date(1, 1, 1)]


@pytest.mark.parametrize(
    "written",
    [
        "2 Jan 1980",
        "02-Jan-1980",
        "Jan 2, 1980",
        "January 2 1980",
        "2 January 1980",
        "2 JAN 1980",
        "jan 02 1980",
        "Jan. 2, 1980",
        "02/Jan/1980",
        "2-jan-1980 10:00",
        "January 2, 1980, 10:00",
    ],
)
def test_english_month_names_and_abbreviations_are_read(written: str) -> None:
    assert parse_dates(pa.array([written])).to_pylist() == [dt.date(1980, 1, 2)]


def test_each_month_is_read_by_its_name_and_nothing_else_is() -> None:
    names = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
    written = [f"{day} {name} 1999" for day, name in enumerate(names, 15)]
    written += [f"{name[:3]} {day}, 1999" for day, name in enumerate(names, 1)]
    assert parse_dates(pa.array(written)).to_pylist() == [
        *(dt.date(1999, m, 14 + m) for m in range(1, 13)),
        *(dt.date(1999, m, m) for m in range(1, 13)),
    ]
    unread = [
        "30 Feb 1980",  # no such day
        "2 Jnuary 1980",
        "2 Janu 1980",
        "2 Jan 80",  # a year of two digits
        "Jan 1980",
        "Jan 21980",
        "2 Jan 0000",
        "2 Jan1980x",
        "Monday",
    ]
    assert parse_dates(pa.array(unread)).to_pylist() == [None] * len(unread)


def test_sept_is_september_as_us_files_abbreviate_it() -> None:
    written = ["Sept 2, 2020", "2 Sept. 2020", "02-SEPT-2020", "2 Septe 2020"]
    assert parse_dates(pa.array(written)).to_pylist() == [dt.date(2020, 9, 2)] * 3 + [None]


def test_dates_of_month_names_leave_day_or_month_first_to_the_numbered_ones() -> None:
    """Dec 13, 2024 has a second field above 12, yet the file writes its numbered dates day
    first; 12/31/2024 shows month first, whatever the dates of month names say."""
    day_first = parse_dates(pa.chunked_array([["05/03/2024"], ["Dec 13, 2024", None, ""]]))
    assert day_first.to_pylist() == [dt.date(2024, 3, 5), dt.date(2024, 12, 13), None, None]
    month_first = parse_dates(pa.array(["05/03/2024", "12/31/2024", "13 Dec 2024", "2024-01-02"]))
    assert month_first.to_pylist() == [
        dt.date(2024, 5, 3),
        dt.date(2024, 12, 31),
        dt.date(2024, 12, 13),
        dt.date(2024, 1, 2),
    ]


def test_bytes_that_are_not_text_are_read_not_a_traceback(tmp_path: Path) -> None:
    """Raw 16-byte customer ids (as a UUID column holds them) are ids all the same, written
    in hex; an amount or a date of bytes that are not UTF-8 text is unreadable."""
    rows = _purchases()
    raw = {r[0]: bytes([0xFF]) + r[0].encode("ascii").ljust(15, b"\0") for r in rows}
    amounts = [r[2].encode("ascii") for r in rows]
    amounts[4] = b"\xff12.50"  # row 5
    days = [r[1].encode("ascii") for r in rows]
    days[6] = b"2024-\xff1-01"  # row 7
    table = pa.table(
        {
            "client": pa.array([raw[r[0]] for r in rows], pa.binary(16)),
            "jour": pa.array(days, pa.binary()),
            "montant": pa.array(amounts, pa.large_binary()),
        }
    )
    pq.write_table(table, tmp_path / "bytes.parquet")
    result = _fit(tmp_path / "bytes.parquet")
    assert result.skipped == [
        Skipped("unreadable date", 1, [7]),
        Skipped("unreadable amount", 1, [5]),
    ]
    assert result.fit.predictions["customer"][0].as_py() == raw["C00"].hex()
    assert result.fit.predictions.num_rows == 30
    ids = {r[0]: uuid.UUID(int=int(r[0][1:])) for r in rows}
    uuids = table.set_column(0, "client", pa.array([ids[r[0]].bytes for r in rows], pa.uuid()))
    pq.write_table(uuids, tmp_path / "uuids.parquet")
    first = _fit(tmp_path / "uuids.parquet").fit.predictions["customer"][0].as_py()
    assert first == "00000000-0000-0000-0000-000000000000"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        (["12,50", "1.234", "1.234,50", "3,99"], [12.5, 1234.0, 1234.5, 3.99]),  # ',' decimals
        (["12.50", "1,234", "$2,500", "3.99"], [12.5, 1234.0, 2500.0, 3.99]),  # '.' decimals
        (["1,234", "2,500", "1.5"], [1234.0, 2500.0, 1.5]),  # cents have two digits
        (["0,125", "1,234"], [0.125, 1.234]),  # 0,125 is no thousand: ',' is the decimal point
        (["1.000", "2.500", "12"], [1000.0, 2500.0, 12.0]),  # no decimals shown: thousands
        (["1,000", "2.500", "-1.234"], [1000.0, 2500.0, -1234.0]),
        (["12.50", "1.234", "1,234"], [12.5, 1.234, 1234.0]),  # '.' decimals
        (["1,234.50", "1.234"], [1234.5, 1.234]),
        (["0.125", "1.000"], [0.125, 1.0]),
        (["12,5", "1,234", "1.234"], [12.5, 1.234, 1234.0]),  # ',' decimals
        # both decimal points: each value as it reads; one group of three reads two ways
        (
            ["12.50", "12,50", "1.234", "1,234", "1.234,50", "0,125"],
            [12.5, 12.5, None, None, 1234.5, 0.125],
        ),
    ],
)
def test_one_group_of_three_digits_is_read_as_the_file_writes_its_decimals(
    written: list[str], read: list[float]
) -> None:
    assert parse_amounts(pa.array(written)).to_pylist() == read


@pytest.mark.parametrize(
    ("mark", "one", "said"),
    [
        (",", "1.234", "1.234 on row 91 is 1234, not 1.234"),
        (",", "1,234", "1,234 on row 91 is 1.234, not 1234"),
        (".", "€1.234", "€1.234 on row 91 is 1.234, not 1234"),
        (".", "1,234", "1,234 on row 91 is 1234, not 1.234"),
    ],
)
def test_a_note_says_how_one_group_of_three_digits_was_read(
    tmp_path: Path, mark: str, one: str, said: str
) -> None:
    rows = [f"{c};{d};{a.replace('.', mark)}" for c, d, a in _purchases()]
    result = _fit(_csv(tmp_path / "sales.csv", [*rows, f"C01;2024-02-02;{one}"]))
    assert result.notes == [
        f"amounts of {tmp_path / 'sales.csv'}: '{mark}' read as the decimal point "
        f"({rows[0].split(';')[2]} on row 1), so {said}"
    ]


@pytest.mark.parametrize("one", ["1.234", "1,234"])
def test_no_note_when_no_amount_shows_its_decimal_point(tmp_path: Path, one: str) -> None:
    rows = [f"{c};{d};{a.split('.')[0]}" for c, d, a in _purchases()]
    result = _fit(_csv(tmp_path / "sales.csv", [*rows, f"C01;2024-02-02;{one}"]))
    assert result.notes == []


def test_a_file_writing_decimals_both_ways_reads_each_amount_as_written(tmp_path: Path) -> None:
    """Two exports put end to end, one writing 12.50 and the other 12,50: each amount that
    reads one way is read so; 1,234 (a thousand, or one and a bit) is skipped, never guessed."""
    rows = [f"{c};{d};{a}" for c, d, a in _purchases()]
    commas = [row.replace(".", ",") for row in rows[45:]]
    path = _csv(tmp_path / "sales.csv", [*rows[:45], *commas, "C01;2024-02-02;1,234"])
    result = fit_file(path, *COLUMNS)
    assert result.skipped == [
        Skipped("amount that reads two ways (1,234 where both '.' and ',' are decimal points)",
                1, [91])
    ]  # fmt: skip
    assert result.notes == [
        f"amounts of {path}: both '.' (17.50 on row 1) and ',' (32,50 on row 46) are written "
        "as the decimal point: each amount read as it is written; 1,234 on row 91 could be "
        "1234 or 1.234: skipped"
    ]
    clean = fit_file(_csv(tmp_path / "clean.csv", rows), *COLUMNS)
    assert result.fit.predictions.equals(clean.fit.predictions)


def test_a_json_lines_file_whose_other_column_nests_is_fitted(tmp_path: Path) -> None:
    sales = tmp_path / "sales.jsonl"
    sales.write_text(
        "".join(
            f'{{"client": "{c}", "jour": "{d}", "montant": {a}, "line_items": [{{"sku": "A"}}]}}\n'
            for c, d, a in _purchases()
        ),
        "utf-8",
    )
    assert _fit(sales).fit.predictions.num_rows == 30


def _slashed(day_month: str, early: bool = False) -> list[str]:
    """The purchases, each dated d/m/y or m/d/y (``day_month``: "dm" or "md"), the days moved
    to the first twelve of their month if ``early``."""
    rows = []
    for c, d, a in _purchases():
        year, month, day = d.split("-")
        day = f"{(int(day) - 1) % 12 + 1:02d}" if early else day
        shown = f"{day}/{month}/{year}" if day_month == "dm" else f"{month}/{day}/{year}"
        rows.append(f"{c};{shown};{a}")
    return rows


def test_a_note_says_when_no_date_tells_day_first_from_month_first(tmp_path: Path) -> None:
    path = _csv(tmp_path / "sales.csv", _slashed("dm", early=True))
    assert fit_file(path, *COLUMNS).notes == [
        f"dates of {path}: day first (d/m/y), as 01/04/2024 on row 2 reads 1 April 2024: "
        "no date of the file has a day above 12 to tell d/m/y from m/d/y"
    ]
    for told in ("dm", "md"):  # a day above 12 tells the order: no note
        assert fit_file(_csv(tmp_path / f"{told}.csv", _slashed(told)), *COLUMNS).notes == []


def test_a_date_of_month_00_or_with_a_time_reads_as_no_example(tmp_path: Path) -> None:
    """05/00/2024 is no date (skipped as unreadable); a time after the year is no part of it."""
    rows = _slashed("dm", early=True)
    rows[1] = rows[1].replace("01/04/2024", "01/04/2024 10:30")
    path = _csv(tmp_path / "sales.csv", ["C99;05/00/2024;10.50", *rows])
    result = fit_file(path, *COLUMNS)
    assert result.notes == [
        f"dates of {path}: day first (d/m/y), as 01/04/2024 10:30 on row 3 reads 1 April 2024: "
        "no date of the file has a day above 12 to tell d/m/y from m/d/y"
    ]
    assert [(s.reason, s.count) for s in result.skipped] == [("unreadable date", 1)]


def _gzip(path: Path) -> Path:
    """``path`` compressed beside it as ``<name>.gz``, as ``gzip`` and c360's exports write."""
    packed = path.with_name(path.name + ".gz")
    packed.write_bytes(gzip.compress(path.read_bytes()))
    return packed


def test_a_gzip_csv_fits_as_the_csv_it_holds(tmp_path: Path) -> None:
    rows = [";".join(r) for r in _purchases()]
    rows.insert(4, "C01;2024-02-02;5;extra")  # row 5: skipped and counted the same
    plain = _fit(_csv(tmp_path / "sales.csv", rows))
    packed = _fit(_gzip(tmp_path / "sales.csv"))
    assert packed.rows == plain.rows and packed.skipped == plain.skipped
    assert packed.fit.predictions.equals(plain.fit.predictions)


def test_a_gzip_json_lines_file_fits_as_the_file_it_holds(tmp_path: Path) -> None:
    """As c360's own exports: exports/json/<table>.jsonl.gz, typed values, other columns."""
    sales = tmp_path / "fct_orders.jsonl"
    sales.write_text(
        "".join(
            f'{{"client": "{c}", "jour": "{d}T10:46:34", "montant": {a}, "promo": null, '
            f'"ok": true, "line_items": [{{"sku": "A"}}]}}\n' + "\n" * (i % 7 == 0)
            for i, (c, d, a) in enumerate(_purchases())
        ),
        "utf-8",
    )
    plain = _fit(sales)
    packed = _fit(_gzip(sales))
    assert packed.rows == plain.rows == 90
    assert packed.fit.predictions.equals(plain.fit.predictions)


def test_a_gzip_file_not_named_so_is_read_by_what_it_holds(tmp_path: Path) -> None:
    path = _gzip(_csv(tmp_path / "sales.csv", [";".join(r) for r in _purchases()]))
    renamed = path.rename(tmp_path / "sales_export.csv")  # gzip data under a CSV's name
    assert _fit(renamed).fit.predictions.num_rows == 30


def test_a_gzip_file_cut_short_is_one_line(tmp_path: Path) -> None:
    path = _gzip(_csv(tmp_path / "sales.csv", [";".join(r) for r in _purchases()]))
    path.write_bytes(path.read_bytes()[:-30])
    with pytest.raises(ClvFileError) as caught:
        _fit(path)
    message = str(caught.value)
    assert message.startswith(f"cannot read {path}: ") and "cut short" in message
    assert "\n" not in message


def test_a_binary_file_is_refused_naming_every_format_read(tmp_path: Path) -> None:
    path = tmp_path / "sales.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\xff\xd8\x00\x00 binary\n")  # a zip file
    with pytest.raises(ClvFileError) as caught:
        _fit(path)
    assert str(caught.value).endswith(
        "give a CSV, JSON lines or Parquet file (or one of them compressed with gzip)"
    )
