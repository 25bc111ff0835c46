"""Dates as US reports and databases write them: a 12-hour clock, `UTC` or a two-digit offset."""

from __future__ import annotations

from datetime import datetime

import pyarrow as pa

from c360.engines import Engine
from c360.pipeline.silver import parse


def _read(engine: Engine, name: str, written: list[str], order: str) -> list[object]:
    t = engine.register(name, pa.table({"v": written}))
    when = parse.written_timestamp(parse.iso_date_text(t.v, order))
    return engine.to_arrow(t.select(when=when)).column("when").to_pylist()


def test_a_12_hour_clock_reads_in_either_date_order(engine: Engine) -> None:
    """As Excel's and Salesforce's US reports write times: 12 AM is 00, 12 PM is 12, an hour
    a 12-hour clock has not (0, 13) reads as nothing; a 24-hour time reads as before."""
    cases = {
        "3/5/2024 2:22 PM": datetime(2024, 3, 5, 14, 22),
        "3/5/2024 2:22:10 pm": datetime(2024, 3, 5, 14, 22, 10),
        "03/05/2024 09:05 AM": datetime(2024, 3, 5, 9, 5),
        "3/5/2024 12:00 AM": datetime(2024, 3, 5, 0, 0),
        "3/5/2024 12:30 PM": datetime(2024, 3, 5, 12, 30),
        "12/31/2024 11:59PM": datetime(2024, 12, 31, 23, 59),
        " 3/5/2024 2:22 p.m. ": datetime(2024, 3, 5, 14, 22),
        "3/5/2024 14:22": datetime(2024, 3, 5, 14, 22),
        "3/5/2024": datetime(2024, 3, 5),
        "3/5/2024 13:00 PM": None,
        "3/5/2024 0:30 AM": None,
        "3/5/2024 2:22 XM": None,
        "13/5/2024 2:22 PM": None,
    }
    out = _read(engine, "twelve_hour_month_first", list(cases), "month_first")
    assert dict(zip(cases, out, strict=True)) == cases
    day_first = _read(
        engine, "twelve_hour_day_first", ["5/3/2024 2:22 PM", "5/3/2024"], "day_first"
    )
    assert day_first == [datetime(2024, 3, 5, 14, 22), datetime(2024, 3, 5)]


def test_a_time_in_utc_or_with_a_two_digit_offset_reads_in_utc(engine: Engine) -> None:
    """`UTC` after an ISO time is no offset; "+01" is an hour's; a date alone is no time with
    an offset ("2024-07-28" ends with "-28"), and a zone by another name reads as nothing."""
    cases = {
        "2024-03-05 14:22:00 UTC": datetime(2024, 3, 5, 14, 22),
        "2024-03-05T14:22:00UTC": datetime(2024, 3, 5, 14, 22),
        "2024-03-05 14:22:00.250 UTC": datetime(2024, 3, 5, 14, 22),
        "2024-03-05 14:22:00+01": datetime(2024, 3, 5, 13, 22),
        "2024-03-05 14:22:00-05": datetime(2024, 3, 5, 19, 22),
        "2024-03-05 14:22+01": datetime(2024, 3, 5, 13, 22),
        "2024-03-05T14:22:00.5+01": datetime(2024, 3, 5, 13, 22),
        "2024-03-05 00:30:00+01": datetime(2024, 3, 4, 23, 30),
        "2024-03-05 14:22:00+05:30": datetime(2024, 3, 5, 8, 52),
        "2024-03-05 24:00:00 UTC": datetime(2024, 3, 6),
        " 2024-07-28 ": datetime(2024, 7, 28),
        "2024-07-28-05": None,
        "2024-03-05 14:22:00 CET": None,
        "2024-03-05 14:22:00+1": None,
        "2024-03-05 14:22:00+01:": None,
    }
    for order in ("year_first", "month_first"):
        out = _read(engine, f"zones_{order}", list(cases), order)
        assert dict(zip(cases, out, strict=True)) == cases, order


def test_an_offset_no_clock_has_reads_as_nothing(engine: Engine) -> None:
    """No clock is more than 14 hours from UTC and an hour has 60 minutes: "+99" or "+05:60"
    is no offset, and its time reads as nothing rather than days away."""
    cases = {
        "2024-07-28 10:00:00+14:00": datetime(2024, 7, 27, 20, 0),
        "2024-07-28 10:00:00-14": datetime(2024, 7, 29, 0, 0),
        "2024-07-28 10:00:00+1345": datetime(2024, 7, 27, 20, 15),
        "2024-07-28 10:00:00-00:59": datetime(2024, 7, 28, 10, 59),
        "2024-07-28 10:00:00+99": None,
        "2024-07-28 10:00:00+9900": None,
        "2024-07-28 10:00:00+15": None,
        "2024-07-28 10:00:00+14:30": None,
        "2024-07-28 10:00:00+05:60": None,
        "2024-07-28T10:00:00.5-99": None,
        "2024-07-28T24:00+15:00": None,
    }
    out = _read(engine, "offsets_out_of_range", list(cases), "year_first")
    assert dict(zip(cases, out, strict=True)) == cases
