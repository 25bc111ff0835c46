"""Reading the sources' records: their update times, however the source writes them."""

from __future__ import annotations

from datetime import datetime

import pyarrow as pa

from c360.identity.records import timestamps


def test_update_times_read_iso_offsets_and_dates_written_day_first() -> None:
    written = [
        "2024-07-28 10:00:00", "2024-07-28T12:00:00+02:00", "28/07/2024 9:05", "28.07.2024",
        "07/28/2024", "03/04/2024", "31/02/2024", "yesterday", None,
    ]  # fmt: skip
    assert timestamps(pa.array(written)).to_pylist() == [
        datetime(2024, 7, 28, 10), datetime(2024, 7, 28, 10), datetime(2024, 7, 28, 9, 5),
        datetime(2024, 7, 28), datetime(2024, 7, 28),  # 28 cannot be a month: month first
        datetime(2024, 4, 3), None, None, None,
    ]  # fmt: skip
