"""A folder of daily extracts: files the last run landed that are gone stop the run, saying which,
and the run says when the dates in the files' names are not in their names' order (silver takes
the file named last)."""

from __future__ import annotations

import gzip
import json
import shutil
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360 import contracts
from c360.contracts.model import Column, Table
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.extracts import name_date
from c360.pipeline.bronze.land import land, land_all

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
PEOPLE = Table("people", "x", "", (Column("id", "string"), Column("age", "int", nullable=True)),
               path="sources/people.csv", file_format="csv")  # fmt: skip
NOTES = Table("notes", "x", "", (Column("name", "string"), Column("text", "string")),
              path="sources/notes", file_format="text")  # fmt: skip
NOTE = "--- BEGIN NOTE ---\nhi\n--- END NOTE ---\n"


def extracts(workspace: Path, files: dict[str, int]) -> Path:
    """A folder of CSV extracts of ``PEOPLE``, each file holding the given number of records."""
    folder = workspace / "sources" / "people"
    for name, rows in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        lines = ["id,age", *(f"{Path(name).stem}-{i},{i}" for i in range(rows))]
        (folder / name).write_text("\n".join(lines) + "\n")
    return folder


def landed_files(workspace: Path, table: str = "people") -> list[str]:
    files = lake.read_table(workspace, "bronze", table, ["_source_file"]).column(0).to_pylist()
    return sorted(set(files))


def gone(workspace: Path, contract: Table, folder: Path) -> str:
    """What stops landing ``folder`` again."""
    with pytest.raises(SourceError) as caught:
        land(workspace, contract, folder, "b2", WHEN)
    return str(caught.value)


def test_a_daily_file_the_last_run_landed_that_is_gone_stops_the_run_with_its_records(
    tmp_path: Path,
) -> None:
    """Its records would leave bronze, which archiving an old extract may mean: the run stops,
    saying how many files are gone, which, how many records would go with them, and how to
    go on; deleting the table lands the folder as it is."""
    folder = extracts(tmp_path, {"d-06-01.csv": 3, "d-06-02.csv": 2, "d-06-03.csv": 1})
    assert land(tmp_path, PEOPLE, folder, "b1", WHEN).warnings == []
    (folder / "d-06-01.csv").unlink()
    bronze = lake.table_dir(tmp_path, "bronze", "people")
    assert gone(tmp_path, PEOPLE, folder) == (
        f"{folder}: 1 file the last run landed is gone (d-06-01.csv): its 3 records would leave "
        f"bronze; put it back, or delete {bronze} to accept the folder as it is and start "
        "people over; bronze people is kept as it was"
    )
    assert len(landed_files(tmp_path)) == 3
    lake.drop(tmp_path, "bronze", "people")
    result = land(tmp_path, PEOPLE, folder, "b3", WHEN)
    assert (result.records, result.landed, result.warnings) == (3, 3, [])
    assert landed_files(tmp_path) == ["sources/people/d-06-02.csv", "sources/people/d-06-03.csv"]


def test_files_gone_are_counted_and_the_first_three_named(tmp_path: Path) -> None:
    folder = extracts(
        tmp_path, {"2024/a.csv": 1, "b.csv": 2, "c.csv": 1, "d.csv": 1, "e.csv": 4, "f.csv": 1}
    )
    land(tmp_path, PEOPLE, folder, "b1", WHEN)
    for file in ("2024/a.csv", "b.csv", "c.csv", "e.csv"):
        (folder / file).unlink()
    assert gone(tmp_path, PEOPLE, folder).startswith(
        f"{folder}: 4 files the last run landed are gone (2024/a.csv, b.csv, c.csv and 1 more): "
        "their 8 records would leave bronze; put them back, or delete "
    )


def test_one_record_gone_is_said_in_the_singular(tmp_path: Path) -> None:
    folder = extracts(tmp_path, {"a.csv": 1, "b.csv": 1})
    land(tmp_path, PEOPLE, folder, "b1", WHEN)
    (folder / "a.csv").unlink()
    assert gone(tmp_path, PEOPLE, folder).startswith(
        f"{folder}: 1 file the last run landed is gone (a.csv): its 1 record would leave bronze; "
    )


def test_an_extract_compressed_since_the_last_run_is_not_gone(tmp_path: Path) -> None:
    """``a.csv`` become ``a.csv.gz`` lands the same records: nothing left bronze."""
    folder = extracts(tmp_path, {"a.csv": 2, "b.csv": 1})
    land(tmp_path, PEOPLE, folder, "b1", WHEN)
    (folder / "a.csv.gz").write_bytes(gzip.compress((folder / "a.csv").read_bytes()))
    (folder / "a.csv").unlink()
    result = land(tmp_path, PEOPLE, folder, "b2", WHEN)
    assert (result.landed, result.warnings) == (3, [])


def test_an_extract_left_aside_since_the_last_run_is_gone_too(tmp_path: Path) -> None:
    """Compressed with bzip2, its records no longer land: the run stops."""
    folder = extracts(tmp_path, {"a.csv": 2, "b.csv": 1})
    land(tmp_path, PEOPLE, folder, "b1", WHEN)
    (folder / "a.csv").rename(folder / "a.csv.bz2")
    assert gone(tmp_path, PEOPLE, folder).startswith(
        f"{folder}: 1 file the last run landed is gone (a.csv): its 2 records would leave bronze"
    )


def test_parquet_and_text_folders_say_their_files_gone_too(tmp_path: Path) -> None:
    folder = tmp_path / "sources" / "notes"
    folder.mkdir(parents=True)
    for name in ("n1.txt", "n2.txt", "n3.txt"):
        (folder / name).write_text(NOTE)
    land(tmp_path, NOTES, folder, "b1", WHEN)
    (folder / "n2.txt").unlink()
    assert gone(tmp_path, NOTES, folder).startswith(
        f"{folder}: 1 file the last run landed is gone (n2.txt): its 1 record would leave bronze"
    )
    folder = tmp_path / "sources" / "people"
    (folder / "2024").mkdir(parents=True)
    pq.write_table(pa.table({"id": ["A", "B"], "age": [1, 2]}), folder / "2024/p.parquet")
    pq.write_table(pa.table({"id": ["C"], "age": [3]}), folder / "p.parquet")
    parquet = replace(PEOPLE, file_format="parquet_dir")
    land(tmp_path, parquet, folder, "b1", WHEN)
    shutil.rmtree(folder / "2024")
    assert gone(tmp_path, parquet, folder).startswith(
        f"{folder}: 1 file the last run landed is gone (2024/p.parquet): its 2 records "
        "would leave bronze"
    )


def test_a_first_run_or_a_table_landed_from_elsewhere_says_nothing_gone(tmp_path: Path) -> None:
    """Only files the last run landed from this folder are looked for."""
    single = tmp_path / PEOPLE.path
    single.parent.mkdir(parents=True)
    single.write_text("id,age\nA,1\n")
    land(tmp_path, PEOPLE, single, "b1", WHEN)  # the table came from a file, not the folder
    folder = extracts(tmp_path, {"a.csv": 1})
    assert land(tmp_path, PEOPLE, folder, "b2", WHEN).warnings == []


def test_a_previous_table_that_does_not_read_says_nothing_gone(tmp_path: Path) -> None:
    folder = extracts(tmp_path, {"a.csv": 1, "b.csv": 1})
    land(tmp_path, PEOPLE, folder, "b1", WHEN)
    (folder / "a.csv").unlink()
    for part in lake.table_dir(tmp_path, "bronze", "people").iterdir():
        part.write_bytes(b"not parquet")
    result = land(tmp_path, PEOPLE, folder, "b2", WHEN)
    assert (result.landed, result.warnings) == (1, [])


def test_a_run_stops_for_the_files_gone_from_a_folder_its_manifest_names(tmp_path: Path) -> None:
    """What ``c360 run`` stops with; the last run's table stays."""
    orders = contracts.get("orders")
    folder = tmp_path / "sources" / "shop" / "orders"
    folder.mkdir(parents=True)
    for day, rows in (("2024-06-01", 3), ("2024-06-02", 2), ("2024-06-03", 2)):
        lines = [",".join(orders.column_names)]
        lines += [",".join(f"{c}{day}{i}" for c in orders.column_names) for i in range(rows)]
        (folder / f"orders_{day}.csv").write_text("\n".join(lines) + "\n")
    manifest = {"files": [{"kind": "source", "table": "orders", "path": "sources/shop/orders"}]}
    (tmp_path / "sources" / "manifest.json").write_text(json.dumps(manifest))
    assert [r.warnings for r in land_all(tmp_path)] == [[]]
    (folder / "orders_2024-06-01.csv").unlink()
    with pytest.raises(SourceError) as caught:
        land_all(tmp_path)
    assert str(caught.value).startswith(
        f"{folder}: 1 file the last run landed is gone (orders_2024-06-01.csv): its 3 records "
        "would leave bronze; put it back, or delete "
    )
    assert lake.count_rows(lake.table_dir(tmp_path, "bronze", "orders")) == 7


@pytest.mark.parametrize(
    ("first", "second", "suggested"),
    [("Bestellungen_02.06.2024.csv", "Bestellungen_10.05.2024.csv", "Bestellungen_2024-05-10.csv"),
     ("02-06-2024.csv", "10-05-2024.csv", "2024-05-10.csv"),
     ("orders_02_06_2024.csv", "orders_10_05_2024.csv", "orders_2024-05-10.csv"),
     ("orders_2024-06-02.csv", "orders_20240510.csv", "orders_2024-05-10.csv"),
     ("Orders_2024-06-02.csv", "orders_2024-05-10.csv", "orders_2024-05-10.csv")],
)  # fmt: skip
def test_dates_in_names_out_of_name_order_are_said(
    tmp_path: Path, first: str, second: str, suggested: str
) -> None:
    """Silver keeps a key's record from the file named last: here the older extract. The run
    lands as before, in name order, and says which file is taken and how to name them."""
    folder = extracts(tmp_path, {second: 1, first: 1})
    result = land(tmp_path, PEOPLE, folder, "b1", WHEN)
    assert landed_files(tmp_path) == [f"sources/people/{first}", f"sources/people/{second}"]
    assert result.warnings == [
        f"{folder}: the dates in the file names are not in name order ({second} is named after "
        f"{first} but dated before it): a later extract is taken by its name, so a record in "
        f"both is kept from {second}; name the files alike but for the date, written year first "
        f"({suggested}), for name order to be date order"
    ]


@pytest.mark.parametrize(
    "names",
    [["orders_2024-05-10.csv", "orders_2024-06-02.csv", "orders_2025-01-01.csv"],
     ["20240510.csv", "20240602.csv"],
     ["01.05.2024.csv", "02.05.2024.csv", "30.05.2024.csv"],
     ["06-30-2024.csv", "07-01-2024.csv"],  # month first, as its 30 says
     ["orders_10.05.2024.csv", "orders.csv"],  # one name holds a date
     ["part-00000.csv", "part-00001.csv", "CUST_000001.csv"],
     ["x_99999999.csv", "x_20241399.csv", "x_120240602.csv", "x_2024-06-02.csv"],
     ["a_2024-06-02.csv", "b_2024-06-02.csv"]],
)  # fmt: skip
def test_names_in_date_order_or_without_two_dates_say_nothing(
    tmp_path: Path, names: list[str]
) -> None:
    folder = extracts(tmp_path, dict.fromkeys(names, 1))
    assert land(tmp_path, PEOPLE, folder, "b1", WHEN).warnings == []


def test_notes_named_by_date_say_nothing_of_their_order(tmp_path: Path) -> None:
    """A note's key is its name: no file's record is taken over another's."""
    folder = tmp_path / "sources" / "notes"
    folder.mkdir(parents=True)
    for name in ("02.06.2024.txt", "10.05.2024.txt"):
        (folder / name).write_text(NOTE)
    assert land(tmp_path, NOTES, folder, "b1", WHEN).warnings == []


@pytest.mark.parametrize(
    ("name", "found"),
    [("orders_2024-06-02.csv", date(2024, 6, 2)), ("20240602.csv.gz", date(2024, 6, 2)),
     ("Bestellungen_2.6.2024.csv", date(2024, 6, 2)), ("02-06-2024.csv", date(2024, 6, 2)),
     ("x_02_06_2024.csv", date(2024, 6, 2)), ("2024/02.06.2024.csv", date(2024, 6, 2)),
     ("from_2024-06-02_to_2024-06-09.csv", date(2024, 6, 2)), ("part-00000.parquet", None),
     ("x_20241399.csv", None), ("x_31.02.2024.csv", None), ("x_120240602.csv", None),
     ("v1.2.3.csv", None)],
)  # fmt: skip
def test_the_date_a_name_holds(name: str, found: date | None) -> None:
    assert name_date(name, day_first=True) == found


def test_a_name_read_month_first_when_asked() -> None:
    assert name_date("06-30-2024.csv", day_first=False) == date(2024, 6, 30)
    assert name_date("06-30-2024.csv", day_first=True) is None
    assert name_date("2024-06-30.csv", day_first=False) == date(2024, 6, 30)
