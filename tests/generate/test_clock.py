"""Time-of-day profiles: draws keep their bounds, skip closed hours and follow the weights."""

from __future__ import annotations

import numpy as np

from c360.generate.clock import (
    HOUR,
    OFFICE,
    STORE,
    Profile,
    between,
    open_time,
    retime,
    send_hours,
    wall_time,
)
from c360.generate.plan import DAY, epoch

WEDNESDAY = epoch("2025-03-05")
FRIDAY = epoch("2025-03-07")
TWO = Profile(tuple(1.0 if h == 9 else 3.0 if h == 10 else 0.0 for h in range(24)))


def _hours(at: np.ndarray) -> np.ndarray:
    return (at % DAY) // HOUR


def _weekdays(at: np.ndarray) -> np.ndarray:
    """0 = Monday."""
    return (at // DAY + 3) % 7


def test_wall_time_inverts_open_time_and_skips_closed_hours() -> None:
    at = np.array([WEDNESDAY + 9 * HOUR, WEDNESDAY + 9 * HOUR + 1800, WEDNESDAY + 10 * HOUR])
    assert wall_time(TWO, open_time(TWO, at)).tolist() == at.tolist()
    # 11h to 9h the next day is closed: no open time passes, and it maps to the next opening
    night = open_time(TWO, np.array([WEDNESDAY + 11 * HOUR, WEDNESDAY + DAY + 9 * HOUR]))
    assert night[0] == night[1]
    assert wall_time(TWO, night[:1]).tolist() == [WEDNESDAY + DAY + 9 * HOUR]


def test_between_follows_the_hourly_weights() -> None:
    u = (np.arange(1000) + 0.5) / 1000
    at = between(TWO, u, np.full(1000, WEDNESDAY), np.full(1000, WEDNESDAY + 10 * DAY - 1))
    assert set(_hours(at).tolist()) == {9, 10}
    assert (_hours(at) == 10).mean() == 0.75  # weight 3 against 1
    assert ((at >= WEDNESDAY) & (at < WEDNESDAY + 10 * DAY)).all()
    assert np.bincount((at - WEDNESDAY) // DAY).tolist() == [100] * 10


def test_between_keeps_its_bounds_and_office_hours() -> None:
    low, high = FRIDAY + 18 * HOUR + 1800, FRIDAY + 3 * DAY + 23 * HOUR  # to Monday 23h
    u = (np.arange(500) + 0.5) / 500
    at = between(OFFICE, u, np.full(500, low), np.full(500, high))
    assert ((at >= low) & (at <= high)).all()
    assert set(_weekdays(at).tolist()) == {0, 4}  # Friday's last half hour, then Monday
    assert ((_hours(at) >= 8) & (_hours(at) < 19)).all()
    friday = at < FRIDAY + DAY
    assert 0.01 < friday.mean() < 0.04  # half an hour of weight 4 against Monday's 82


def test_a_span_without_open_hours_is_drawn_uniformly() -> None:
    saturday, sunday_night = FRIDAY + DAY, FRIDAY + 3 * DAY - 1
    at = between(OFFICE, np.array([0.0, 0.5]), np.full(2, saturday), np.full(2, sunday_night))
    assert at.tolist() == [saturday, saturday + DAY - 1]


def test_retime_keeps_the_day_and_its_bounds() -> None:
    at = np.array([WEDNESDAY + 2 * HOUR, WEDNESDAY + 23 * HOUR, WEDNESDAY + 12 * HOUR])
    low = np.array([WEDNESDAY, WEDNESDAY, WEDNESDAY + 15 * HOUR + 10])
    high = np.full(3, WEDNESDAY + 90 * DAY)
    out = retime(STORE, np.array([0.0, 0.999, 0.0]), at, low, high)
    assert (out // DAY == at // DAY).all()
    assert _hours(out).tolist() == [9, 19, 15]
    assert out[2] == low[2]  # the earliest open second at or after the lower bound


def test_send_hours_come_from_the_schedule() -> None:
    hours = send_hours(np.random.default_rng(0), 2000)
    assert set(hours.tolist()) <= {6, 7, 8, 9, 10, 11, 12, 14, 16, 17, 18, 19, 20}
    assert np.bincount(hours).argmax() == 10
