"""A UTC offset written after a space, as Shopify, Ruby and git print times
("2024-01-05 10:15:00 +0100"): read as the same offset written with none."""

from __future__ import annotations

from datetime import datetime

import pyarrow as pa

from c360.engines import Engine
from c360.pipeline.silver import parse


def _read(engine: Engine, name: str, written: list[str], order: str) -> list[object]:
    t = engine.register(name, pa.table({"v": written}))
    when = parse.written_timestamp(parse.iso_date_text(t.v, order))
    return engine.to_arrow(t.select(when=when)).column("when").to_pylist()


def test_an_offset_after_white_space_moves_the_time_as_one_without(engine: Engine) -> None:
    """Any run of the white space silver reads between the time and the offset; fractions
    dropped and 24:00 the next day's midnight as before."""
    cases = {
        "2024-01-05 10:15:00+0100": datetime(2024, 1, 5, 9, 15),
        "2024-01-05 10:15:00 +0100": datetime(2024, 1, 5, 9, 15),
        "2024-01-05 10:15:00 +01:00": datetime(2024, 1, 5, 9, 15),
        "2024-01-05 10:15:00 -05:00": datetime(2024, 1, 5, 15, 15),
        "2024-01-05 10:15 +01": datetime(2024, 1, 5, 9, 15),
        "2024-01-05T10:15:00 -0530": datetime(2024, 1, 5, 15, 45),
        "2024-01-05 10:15:00\t\t+0100 ": datetime(2024, 1, 5, 9, 15),
        "2024-01-05 10:15:00\u2028+01:00": datetime(2024, 1, 5, 9, 15),
        " 2024-01-05  10:15:00   +01:00 ": datetime(2024, 1, 5, 9, 15),
        "2024-01-05 10:15:00.250 +0100": datetime(2024, 1, 5, 9, 15),
        "2024-01-05 10:15:00 +14:00": datetime(2024, 1, 4, 20, 15),
        "2024-07-28 24:00 +02:00": datetime(2024, 7, 28, 22, 0),
        "2024-07-28T24:00:00 -05:00": datetime(2024, 7, 29, 5, 0),
    }
    out = _read(engine, "offset_after_space", list(cases), "year_first")
    assert dict(zip(cases, out, strict=True)) == cases


def test_what_reads_as_nothing_without_the_space_reads_as_nothing_with_it(engine: Engine) -> None:
    """An offset out of range or mistyped, a space inside it, and an offset after a date with
    no time ("2024-01-05 -05:00", "2024-07-28-05": a day, then something that is no time)."""
    written = [
        "2024-01-05 10:15:00 +99", "2024-01-05 10:15:00 +05:60", "2024-01-05 10:15:00 +14:30",
        "2024-01-05 10:15:00 + 01:00", "2024-01-05 10:15:00 +1", "2024-01-05 10:15:00 +01:",
        "2024-01-05 10:15:00 CET", "2024-01-05 -05:00", "2024-01-05 +0100", "2024-07-28-05",
        "2024-07-28 -05", "2024-07-28 UTC", "2024-01-05 10:15:00 +01:00 UTC",
    ]  # fmt: skip
    assert _read(engine, "offset_after_space_none", written, "year_first") == [None] * 13


def test_a_date_written_day_or_month_first_takes_no_offset(engine: Engine) -> None:
    """A 12-hour clock, or any date written day or month first, followed by an offset reads as
    nothing, with a space or without ("3/5/2024 14:22+01" already did): invalid_date, never a
    time in an unknown zone. Without the offset it reads as before."""
    written = [
        "3/5/2024 12:00 PM +0100", "3/5/2024 12:00 PM+0100", "3/5/2024 2:22 PM -05:00",
        "3/5/2024 14:22 +01:00", "3/5/2024 14:22+01", "2024-03-05 12:00 PM +0100",
        "3/5/2024 12:00 PM",
    ]  # fmt: skip
    assert _read(engine, "twelve_hour_offset", written, "month_first") == [None] * 6 + [
        datetime(2024, 3, 5, 12, 0)
    ]
    t = engine.register("twelve_hour_offset_checked", pa.table({"v": written}))
    bad = parse.invalid(t.v, parse.written_timestamp(parse.iso_date_text(t.v, "month_first")))
    assert engine.to_arrow(t.select(bad=bad)).column("bad").to_pylist() == [True] * 6 + [False]
