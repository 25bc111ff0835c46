"""The lake's key order: what every published table is sorted by, whoever sorted it."""

from __future__ import annotations

import errno
import os
import random
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from c360.contracts.model import Column, Table
from c360.pipeline.lake import (
    LakeWriteError,
    UnreadableTableError,
    count_rows,
    in_key_order,
    publish,
    publish_table,
    publish_tables,
    read_built,
    read_complete,
    read_table,
    sweep,
    table_dir,
)


def test_rows_are_sorted_by_each_key_column_in_turn() -> None:
    data = pa.table({"a": ["b", "a", "b", "a"], "b": [1, 2, 0, 1], "v": ["w", "x", "y", "z"]})
    assert in_key_order(data, ["a", "b"]).to_pydict() == {
        "a": ["a", "a", "b", "b"],
        "b": [1, 2, 0, 1],
        "v": ["z", "x", "y", "w"],
    }


def test_a_table_sorted_on_its_first_column_only_is_still_sorted() -> None:
    data = pa.table({"a": ["a", "a", "b"], "b": [2, 1, 0]})
    assert in_key_order(data, ["a", "b"]).column("b").to_pylist() == [1, 2, 0]


def test_a_sorted_table_is_kept_as_it_came() -> None:
    data = pa.table({"a": ["a", "a", "b"], "b": [1, 1, 0]})  # ties are in order too
    assert in_key_order(data, ["a", "b"]).equals(data)
    assert in_key_order(data, []) is data


def test_a_sorted_table_comes_in_one_block_whatever_blocks_it_came_in() -> None:
    data = pa.Table.from_batches(pa.table({"k": list(range(10))}).to_batches(max_chunksize=3))
    assert in_key_order(data, ["k"]).column("k").num_chunks == 1


def test_text_is_ordered_by_its_bytes_and_nulls_go_last() -> None:
    data = pa.table({"k": ["é", None, "a", "Z", "z"]})
    assert in_key_order(data, ["k"]).column("k").to_pylist() == ["Z", "a", "z", "é", None]


def test_the_order_is_the_full_sorts_on_random_tables() -> None:
    rng = random.Random(7)
    for _ in range(50):
        rows = rng.randint(0, 12)
        data = pa.table(
            {
                "a": [rng.choice("xyz") for _ in range(rows)],
                "b": [rng.randint(0, 3) for _ in range(rows)],
                "c": [rng.choice([None, "p", "q"]) for _ in range(rows)],
            }
        )
        if rng.random() < 0.5:
            data = data.sort_by([("a", "ascending"), ("b", "ascending")])
        keys = [("a", "ascending"), ("b", "ascending"), ("c", "ascending")]
        assert in_key_order(data, ["a", "b", "c"]) == data.sort_by(keys)


def test_partitions_keep_the_rows_in_the_order_they_came(tmp_path: Path) -> None:
    rows = 100_000
    data = pa.table({"id": range(rows), "month": [i % 3 for i in range(rows)]})
    chunked = pa.Table.from_batches(data.to_batches(max_chunksize=1_000))  # many batches
    publish_table(tmp_path, "gold", "t", chunked, ("month",))
    for month in range(3):
        part = pq.read_table(table_dir(tmp_path, "gold", "t") / f"month={month}")
        assert part.column("id").to_pylist() == list(range(month, rows, 3))


def test_a_partitioned_table_without_rows_is_published_with_its_columns(tmp_path: Path) -> None:
    publish_table(tmp_path, "gold", "t", pa.table({"id": [1, 2], "month": [1, 2]}), ("month",))
    empty = pa.table({"id": pa.array([], pa.int64()), "month": pa.array([], pa.int64())})
    publish_table(tmp_path, "gold", "t", empty, ("month",))  # replaces the two partitions
    found = pq.read_table(table_dir(tmp_path, "gold", "t"))
    assert found.num_rows == 0 and found.schema == empty.schema


def test_a_table_the_run_did_not_build_reads_empty_with_its_contract_schema(
    tmp_path: Path,
) -> None:
    orders = Table("orders", "x", "", (Column("id", "string"), Column("n", "int")), layer="gold")
    assert read_built(tmp_path, "gold", orders).schema == orders.arrow_schema()
    assert read_built(tmp_path, "gold", orders).num_rows == 0
    publish_table(tmp_path, "gold", "orders", pa.table({"id": ["a"], "n": [1]}))
    assert read_built(tmp_path, "gold", orders).to_pylist() == [{"id": "a", "n": 1}]


def test_tables_published_together_all_keep_their_last_version_when_one_fails(
    tmp_path: Path,
) -> None:
    publish_tables(tmp_path, "gold", {"a": pa.table({"v": [1]}), "b": pa.table({"v": [1]})})
    interval = pa.table({"v": pa.array([pa.MonthDayNano([1, 2, 3])], pa.month_day_nano_interval())})
    with pytest.raises(pa.ArrowNotImplementedError):  # Parquet has no such type
        publish_tables(tmp_path, "gold", {"a": pa.table({"v": [2]}), "b": interval})
    assert read_table(tmp_path, "gold", "a").column("v").to_pylist() == [1]
    assert sorted(p.name for p in (tmp_path / "lake" / "gold").iterdir()) == ["a", "b"]


def test_the_sweep_clears_what_a_killed_run_left_and_restores_a_table_it_had_set_aside(
    tmp_path: Path,
) -> None:
    """A run killed mid-publish leaves a staging folder, or the previous version set aside;
    killed between the two renames of a swap, it leaves that version and no table at all."""
    for name in ("kept", "lost"):
        publish_table(tmp_path, "gold", name, pa.table({"v": [1]}))
    gold = tmp_path / "lake" / "gold"
    (gold / ".staging-kept-41").mkdir()
    (gold / "kept").rename(gold / ".old-kept-41")
    publish_table(tmp_path, "gold", "kept", pa.table({"v": [2]}))
    (gold / "lost").rename(gold / ".old-lost-41")
    (gold / ".dropped-gone-41").mkdir()  # a table removed with its source
    sweep(tmp_path)
    assert sorted(p.name for p in gold.iterdir()) == ["kept", "lost"]
    assert read_table(tmp_path, "gold", "kept").column("v").to_pylist() == [2]
    assert read_table(tmp_path, "gold", "lost").column("v").to_pylist() == [1]


def _unreadable(call: object) -> str:
    with pytest.raises(UnreadableTableError) as caught:
        call()  # type: ignore[operator]
    assert isinstance(caught.value, OSError)  # every command turns it into one line
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_table_folder_with_no_parquet_file_is_an_error_naming_it(tmp_path: Path) -> None:
    publish_table(tmp_path, "gold", "dim_x", pa.table({"v": [1]}))
    for part in table_dir(tmp_path, "gold", "dim_x").iterdir():
        part.unlink()
    message = _unreadable(lambda: read_table(tmp_path, "gold", "dim_x"))
    assert str(table_dir(tmp_path, "gold", "dim_x")) in message
    assert "no Parquet file" in message and "rerun `c360 run`" in message
    _unreadable(lambda: count_rows(table_dir(tmp_path, "gold", "dim_x")))


def test_a_corrupt_part_is_an_error_naming_the_table(tmp_path: Path) -> None:
    publish_table(tmp_path, "silver", "stg_x", pa.table({"v": [1]}))
    (table_dir(tmp_path, "silver", "stg_x") / "part-00000.parquet").write_text("junk\n")
    message = _unreadable(lambda: read_table(tmp_path, "silver", "stg_x", ["v"]))
    assert str(table_dir(tmp_path, "silver", "stg_x")) in message
    assert "part-00000.parquet is not Parquet" in message
    _unreadable(lambda: count_rows(table_dir(tmp_path, "silver", "stg_x")))


def test_a_table_a_run_carries_over_says_what_deleting_it_loses(tmp_path: Path) -> None:
    for name in ("segment_membership", "identity_ledger"):
        table_dir(tmp_path, "gold", name).mkdir(parents=True)
    segments = _unreadable(lambda: read_table(tmp_path, "gold", "segment_membership"))
    assert "delete lake/gold/segment_membership" in segments and "lost" in segments
    ledger = _unreadable(lambda: read_table(tmp_path, "gold", "identity_ledger"))
    assert "delete the lake/gold/identity_* folders" in ledger and "issued anew" in ledger


def test_columns_asked_for_and_absent_are_an_error(tmp_path: Path) -> None:
    publish_table(tmp_path, "gold", "t", pa.table({"a": [1]}))
    message = _unreadable(lambda: read_table(tmp_path, "gold", "t", ["a", "record_key"]))
    assert "lacks record_key" in message


def test_carried_over_state_without_its_contract_columns_is_an_error(tmp_path: Path) -> None:
    orders = Table("orders", "x", "", (Column("id", "string"), Column("n", "int")), layer="gold")
    publish_table(tmp_path, "gold", "orders", pa.table({"id": ["a"]}))
    assert read_built(tmp_path, "gold", orders).column_names == ["id"]  # what a test publishes
    assert "lacks n" in _unreadable(lambda: read_complete(tmp_path, "gold", orders))
    table_dir(tmp_path, "gold", "orders").joinpath("part-00000.parquet").unlink()
    _unreadable(lambda: read_built(tmp_path, "gold", orders))


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parquet writes fail as they do on a full disk (Arrow's error, with its errno)."""

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(
            errno.ENOSPC, "Error writing bytes to file. Detail: [errno 28] No space left on device"
        )

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    monkeypatch.setattr(ds, "write_dataset", full)


def _not_written(call: object) -> str:
    with pytest.raises(LakeWriteError) as caught:
        call()  # type: ignore[operator]
    assert isinstance(caught.value, OSError)  # every command turns it into one line
    assert caught.value.errno is not None
    return str(caught.value)


def test_a_full_disk_while_publishing_names_the_table_and_keeps_the_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish_table(tmp_path, "gold", "orders", pa.table({"v": [1]}))
    _full_disk(monkeypatch)
    lake = tmp_path / "lake"
    kept = "; its previous version is kept"
    message = f"cannot write gold table orders in {lake}: No space left on device{kept}"
    assert _not_written(
        lambda: publish_table(tmp_path, "gold", "orders", pa.table({"v": [2]}))
    ) == (message)
    partitioned = pa.table({"v": [2], "year": [2024]})
    assert (
        _not_written(lambda: publish_table(tmp_path, "gold", "orders", partitioned, ("year",)))
        == message
    )
    assert (
        _not_written(lambda: publish_tables(tmp_path, "gold", {"orders": pa.table({"v": [2]})}))
        == message
    )

    def lands() -> None:
        with publish(tmp_path, "bronze", "people", pa.schema([("v", pa.int64())])) as out:
            out.write(pa.table({"v": [2]}))

    assert _not_written(lands) == (
        f"cannot write bronze table people in {lake}: No space left on device"
    )
    monkeypatch.undo()
    assert read_table(tmp_path, "gold", "orders").to_pylist() == [{"v": 1}]
    assert [p.name for p in (lake / "gold").iterdir()] == ["orders"]  # no staging left
    assert list((lake / "bronze").iterdir()) == []


def test_an_error_of_the_data_written_is_not_taken_for_the_lakes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source that fails to read inside ``publish`` is the source's error, as it was."""
    with (
        pytest.raises(FileNotFoundError),
        publish(tmp_path, "bronze", "people", pa.schema([("v", pa.int64())])),
    ):
        (tmp_path / "absent.csv").open()


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.EACCES, "Permission denied"), (errno.EROFS, "Read-only file system")],
)
def test_a_lake_that_cannot_be_written_names_the_table_and_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    """The staging folder cannot be made (a read-only lake), or the swap cannot rename."""
    publish_table(tmp_path, "silver", "stg_x", pa.table({"v": [1]}))
    mkdir, rename = Path.mkdir, Path.rename

    def no_mkdir(self: Path, *args: Any, **kwargs: Any) -> None:
        if self.name.startswith(".staging-"):
            raise OSError(code, os.strerror(code), str(self))
        mkdir(self, *args, **kwargs)

    def no_swap(self: Path, target: Any) -> Path:
        if self.name.startswith(".staging-"):
            raise OSError(code, os.strerror(code), str(self), None, str(target))
        return rename(self, target)

    expected = (
        f"cannot write silver table stg_x in {tmp_path / 'lake'}: {reason}; "
        "its previous version is kept"
    )
    for name, fault in (("mkdir", no_mkdir), ("rename", no_swap)):
        with monkeypatch.context() as patched:
            patched.setattr(Path, name, fault)
            assert (
                _not_written(
                    lambda: publish_table(tmp_path, "silver", "stg_x", pa.table({"v": [2]}))
                )
                == expected
            )
        assert read_table(tmp_path, "silver", "stg_x").to_pylist() == [{"v": 1}]
        assert [p.name for p in (tmp_path / "lake" / "silver").iterdir()] == ["stg_x"]
