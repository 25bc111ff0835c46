"""Reading a people or transactions file: each way a path can be wrong is named in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from c360.identity.files import UnreadableFileError, read_rows


def _error(path: Path) -> str:
    with pytest.raises(UnreadableFileError) as raised:
        read_rows(path)
    return str(raised.value)


def test_a_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    assert _error(tmp_path) == f"{tmp_path} is a folder, not a file: give a CSV or Parquet file"


def test_a_missing_file(tmp_path: Path) -> None:
    assert _error(tmp_path / "people.csv") == f"no such file: {tmp_path / 'people.csv'}"


def test_a_device_is_not_a_regular_file() -> None:
    assert (
        _error(Path("/dev/null")) == "/dev/null is not a regular file: give a CSV or Parquet file"
    )


@pytest.mark.parametrize("name", ["people.csv", "people.parquet"])
def test_an_empty_file(tmp_path: Path, name: str) -> None:
    empty = tmp_path / name
    empty.write_bytes(b"")
    assert _error(empty) == f"{empty} is empty (0 bytes): give a CSV or Parquet file"


def test_a_csv_of_blank_lines_names_no_column(tmp_path: Path) -> None:
    blank = tmp_path / "people.csv"
    blank.write_text("\n\n", encoding="utf-8")
    assert _error(blank) == f"{blank} is empty: its first line names no column"


def test_a_parquet_name_on_text_says_why_in_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "people.parquet"
    fake.write_text("id,name\n1,Ann\n", encoding="utf-8")
    message = _error(fake)
    assert message.startswith(f"cannot read {fake}: ") and "\n" not in message


def test_a_csv_is_read_as_text(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("id;name\n007;Ann\n", encoding="utf-8")
    table, notes = read_rows(people)
    assert table.to_pylist() == [{"id": "007", "name": "Ann"}] and notes == []
