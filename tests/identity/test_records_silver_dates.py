"""Identity reads a source's dates as silver reads them: one list of written values through
``records.timestamps`` (Python) and silver's parsers (on the engine), in every date order."""

from __future__ import annotations

from datetime import datetime

import pyarrow as pa
import pytest

from c360.engines import Engine
from c360.identity.records import timestamps
from c360.pipeline.silver import parse

# The forms docs/own-data.md names, and their neighbours that read as nothing.
WRITTEN = [
    "2024-07-28", " 2024-07-28 ", "2024-07-28 10:00", "2024-07-28 10:00:00", "2024-07-28T10:00:00",
    "2024-07-28T10:00:00Z", "2024-07-28Z", "2024-07-28T12:00:00+02:00", "2024-07-28 12:00:00+0200",
    "2024-03-05 14:22:00+01", "2024-03-05 14:22+01", "2024-03-05 14:22:00-05",
    "2024-03-05 14:22:00+14", "2024-03-05 14:22:00-12:45", "2024-07-28 10:00:00+99",
    "2024-07-28 10:00:00+9900", "2024-07-28 10:00:00+14:30", "2024-07-28 10:00:00+05:60",
    "2024-03-05T14:22:00.5+01", "2024-03-05 14:22:00.250 UTC", "2024-03-05 14:22:00 UTC",
    "2024-03-05T14:22:00UTC", "2024-03-05  14:22:00", "2024-03-01T10:00:00.123456789Z",
    "2024-07-28T24:00:00", "2024-07-28 24:00", "2024-03-05 24:00:00 UTC",
    "2024-07-28T24:00:00+02:00", "9999-12-31T24:00:00", "2024-02-30", "2024-07-28 10:60:00",
    "2024-07-28-05", "2024-03-05 14:22:00 CET", "2024-03-05 14:22:00+1", "2024-03-05 14:22:00+01:",
    "31/12/2024", "31.12.2024 14:05", "12/31/2024", "3/5/2024", "05/03/2024 9:05",
    "3/5/2024 2:22 PM", "3/5/2024 2:22:10 pm", " 3/5/2024 2:22 p.m. ", "03/05/2024 09:05 AM",
    "3/5/2024 12:00 AM", "3/5/2024 12:30 PM", "12/31/2024 11:59PM", "3/5/2024 14:22",
    "3/5/2024 13:00 PM", "3/5/2024 0:30 AM", "3/5/2024 2:22 XM", "13/05/2024", "5/13/2024",
    "13/5/2024 2:22 PM", "31/02/2024", "5/3/2024 24:00", "yesterday", "N/A", "",
    "2024-01-05 10:15:00 +0100", "2024-01-05 10:15:00 +01:00", "2024-01-05 10:15:00 -05:00",
    "2024-01-05 10:15 +01", "2024-01-05T10:15:00 -0530", "2024-01-05 10:15:00\t\t+0100 ",
    "2024-01-05 10:15:00\u2028+01:00", " 2024-01-05  10:15:00   +01:00 ",
    "2024-01-05 10:15:00.250 +0100", "2024-07-28 24:00 +02:00", "2024-07-28T24:00:00 -05:00",
    "2024-01-05 10:15:00 +99", "2024-01-05 10:15:00 +05:60", "2024-01-05 10:15:00 + 01:00",
    "2024-01-05 10:15:00 +1", "2024-01-05 -05:00", "2024-01-05 +0100", "2024-07-28 -05",
    "2024-07-28 UTC", "3/5/2024 12:00 PM +0100", "3/5/2024 14:22 +01:00", "5/3/2024 14:22+01",
    "2024-03-05 12:00 PM +0100",
]  # fmt: skip


def _silver(engine: Engine, order: str) -> list[object]:
    t = engine.register(f"identity_dates_{order}", pa.table({"v": WRITTEN}))
    when = parse.written_timestamp(parse.iso_date_text(t.v, order))
    return engine.to_arrow(t.select(when=when)).column("when").to_pylist()


@pytest.mark.parametrize("order", ["day_first", "month_first"])
def test_a_table_in_a_date_order_has_its_dates_read_as_silver_reads_them(
    engine: Engine, order: str
) -> None:
    identity = timestamps(pa.array(WRITTEN), order).to_pylist()
    assert dict(zip(WRITTEN, identity, strict=True)) == dict(
        zip(WRITTEN, _silver(engine, order), strict=True)
    )


def test_a_table_in_no_date_order_reads_what_silver_reads_and_dates_day_first(
    engine: Engine,
) -> None:
    """Silver reads ISO alone there; identity reads it alike, and a date written day first too
    (month first when it cannot be day first)."""
    identity = dict(zip(WRITTEN, timestamps(pa.array(WRITTEN)).to_pylist(), strict=True))
    silver = dict(zip(WRITTEN, _silver(engine, "year_first"), strict=True))
    assert {w: identity[w] for w, at in silver.items() if at is not None} == {
        w: at for w, at in silver.items() if at is not None
    }
    assert [identity[w] for w in ("31.12.2024 14:05", "12/31/2024", "3/5/2024 2:22 PM")] == [
        datetime(2024, 12, 31, 14, 5), datetime(2024, 12, 31), datetime(2024, 5, 3, 14, 22),
    ]  # fmt: skip
    assert [identity[w] for w in ("3/5/2024 13:00 PM", "31/02/2024", "yesterday")] == [None] * 3


def test_the_forms_silver_reads_in_order_read_in_identity() -> None:
    """Without an engine: the 12-hour clock, " UTC" and a two-digit offset, each of which
    identity read as nothing."""
    written = ["3/5/2024 2:22 PM", "2024-03-05 14:22:00 UTC", "2024-03-05 14:22:00+01",
               "3/5/2024 12:00 AM", "13/05/2024"]  # fmt: skip
    assert timestamps(pa.array(written), "month_first").to_pylist() == [
        datetime(2024, 3, 5, 14, 22), datetime(2024, 3, 5, 14, 22), datetime(2024, 3, 5, 13, 22),
        datetime(2024, 3, 5), None,
    ]  # fmt: skip


def test_an_offset_after_white_space_reads_in_identity() -> None:
    """Without an engine: as Shopify, Ruby and git print times; a date with no time and a
    12-hour clock take no offset."""
    written = ["2024-01-05 10:15:00 +0100", "2024-01-05 10:15:00 -05:00", "2024-01-05 10:15 +01",
               "2024-07-28 24:00 +02:00", "2024-01-05 -05:00", "2024-07-28-05",
               "3/5/2024 12:00 PM +0100"]  # fmt: skip
    assert timestamps(pa.array(written), "month_first").to_pylist() == [
        datetime(2024, 1, 5, 9, 15), datetime(2024, 1, 5, 15, 15), datetime(2024, 1, 5, 9, 15),
        datetime(2024, 7, 28, 22, 0), None, None, None,
    ]  # fmt: skip
