"""Bronze reconciliation: a source whose records do not add up publishes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest

from c360.contracts.model import Column, Table
from c360.file_dialects import CsvFile
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import ROW_NUMBER, Block
from c360.pipeline.bronze.land import ReconciliationError, land

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
PEOPLE = Table("people", "x", "", (Column("id", "string"), Column("age", "int")),
               path="sources/people.csv", file_format="csv")  # fmt: skip


class LosingReader:
    """A database table of three records whose reader hands over two and rejects none."""

    label = "postgres:public.people"

    def count(self) -> int:
        return 3

    def read(self, contract: Table, columns: dict[str, str] | None = None) -> Iterator[Block]:
        data = pa.table({"id": ["X", "Y"], "age": ["7", "8"],
                         ROW_NUMBER: pa.array([1, 2], pa.int64())})  # fmt: skip
        yield Block(data, self.label)


def test_a_source_that_does_not_reconcile_leaves_the_previous_bronze_table(
    tmp_path: Path,
) -> None:
    path = tmp_path / PEOPLE.path
    path.parent.mkdir(parents=True)
    path.write_text("id,age\nA,1\nB\nC,3\n", encoding="utf-8")
    land(tmp_path, PEOPLE, path, "b1", WHEN)
    with pytest.raises(ReconciliationError) as failed:
        land(tmp_path, PEOPLE, LosingReader(), "b2", WHEN)
    assert str(failed.value) == (
        "postgres:public.people: 3 records read but 2 landed and 0 quarantined; "
        "bronze people is left as it was"
    )
    rows = lake.read_table(tmp_path, "bronze", "people").to_pylist()
    assert [(r["id"], r["age"], r["_batch_id"]) for r in rows] == [
        ("A", "1", "b1"), ("C", "3", "b1")
    ]  # fmt: skip
    bad = lake.read_table(tmp_path, "quarantine", "bronze_people").to_pylist()
    assert [(b["raw"], b["_batch_id"]) for b in bad] == [("B", "b1")]
    for layer in ("bronze", "quarantine"):  # no staging folder left behind
        assert [p.name for p in (tmp_path / "lake" / layer).iterdir()] == [
            "people" if layer == "bronze" else "bronze_people"
        ]


@pytest.mark.parametrize(
    ("text", "dialect"),
    [(b'id,age\n"A","3\n5"\nB,5" 2\nC,7\n', CsvFile()),
     (b'id;age\n"A";"3\n5"\nB;5" 2\nC;7\n', CsvFile(delimiter=";")),
     (b'sep=;\nid;age\n"A";"3\n5"\nB;5" 2\nC;7\n', CsvFile())],
)  # fmt: skip
def test_a_csv_with_a_value_over_two_lines_and_a_stray_quote_reconciles(
    tmp_path: Path, text: bytes, dialect: CsvFile
) -> None:
    """A quote inside a value not in quotes (``5" 2``) is a character of it, not the start of
    a quoted value holding the line breaks after it."""
    path = tmp_path / PEOPLE.path
    path.parent.mkdir(parents=True)
    path.write_bytes(text)
    result = land(tmp_path, PEOPLE, path, "b1", WHEN, dialect=dialect)
    assert (result.landed, result.quarantined) == (3, text.startswith(b"sep="))
    rows = lake.read_table(tmp_path, "bronze", "people").to_pylist()
    assert [(r["id"], r["age"]) for r in rows] == [("A", "3\n5"), ("B", '5" 2'), ("C", "7")]
