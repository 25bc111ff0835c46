"""Time-of-day profiles: when in the day and week each kind of event happens.

Timestamps are the business's wall-clock times (no time zone), as its systems log them. A
``Profile`` weighs each hour of the week; a time drawn ``between`` two bounds on a profile's
clock weighs every second by its hour, so the bounds hold exactly and closed hours get nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from c360.generate.plan import DAY

WEEK = 7 * DAY
MONDAY = 4 * DAY  # 1970-01-05, the first Monday after the epoch
HOUR = 3600


@dataclass(frozen=True)
class Profile:
    """Weights of the 24 hours of a day, and of the days Monday to Sunday."""

    hours: tuple[float, ...]
    days: tuple[float, ...] = (1, 1, 1, 1, 1, 1, 1)

    def week(self) -> tuple[np.ndarray, np.ndarray]:
        """The 168 hourly weights from Monday 0h (summing to 1) and their running sum."""
        w = np.outer(self.days, self.hours).ravel()
        w = w / w.sum()
        c = np.concatenate([[0.0], np.cumsum(w)])
        c[np.flatnonzero(w)[-1] + 1 :] = 1.0  # so every time of the week has an hour with weight
        return w, c


def _hours(open_: dict[int, float]) -> tuple[float, ...]:
    return tuple(float(open_.get(h, 0.0)) for h in range(24))


# Web and app orders: a quiet night, a lunch bump and the evening peak around 20-21h.
WEB = Profile(
    (1.5, 0.8, 0.5, 0.3, 0.3, 0.5, 1.2, 2.5, 3.5, 4.5, 5.0, 5.5,
     6.5, 6.0, 5.0, 5.0, 5.5, 6.0, 7.0, 8.0, 9.5, 9.0, 6.0, 3.5),
)  # fmt: skip
# Shops open 9-20h, busiest at lunch and after work (an order's day comes from its rhythm).
STORE = Profile(
    _hours({9: 3, 10: 5, 11: 7, 12: 8, 13: 7, 14: 6, 15: 6, 16: 7, 17: 9, 18: 9, 19: 6})
)
# The order line answers 8-20h.
PHONE = Profile(
    _hours({8: 4, 9: 8, 10: 10, 11: 10, 12: 6, 13: 6, 14: 9, 15: 9, 16: 8, 17: 7, 18: 6, 19: 4})
)
# Calls, meetings and tickets are handled on weekdays, 8-19h, with a lunch dip.
OFFICE = Profile(
    _hours({8: 3, 9: 8, 10: 10, 11: 10, 12: 6, 13: 6, 14: 9, 15: 10, 16: 9, 17: 7, 18: 4}),
    (1, 1, 1, 1, 1, 0, 0),
)
# The returns desk registers returns 9-18h, Monday to Saturday.
RETURNS_DESK = Profile(
    _hours({9: 6, 10: 9, 11: 9, 12: 6, 13: 6, 14: 9, 15: 9, 16: 8, 17: 6}),
    (1, 1, 1, 1, 1, 0.6, 0),
)
# Campaign send hours (each campaign sends at one of them) and their weights.
SEND_HOURS = {6: 1, 7: 2, 8: 4, 9: 6, 10: 8, 11: 6, 12: 3, 14: 3, 16: 2, 17: 3, 18: 5, 19: 5, 20: 4}
BATCH_MINUTES = 30  # a batch leaves over its first half hour


def open_time(profile: Profile, at: np.ndarray) -> np.ndarray:
    """The profile's open time from the epoch's first Monday to ``at`` (epoch s), in weeks."""
    w, c = profile.week()
    week, rest = np.divmod(np.asarray(at, np.int64) - MONDAY, WEEK)
    hour, second = np.divmod(rest, HOUR)
    return week + c[hour] + w[hour] * second / HOUR


def wall_time(profile: Profile, opened: np.ndarray) -> np.ndarray:
    """The inverse of ``open_time``: the epoch second at which ``opened`` weeks of open time
    have passed (closed hours are skipped)."""
    w, c = profile.week()
    # A nudge far below a second, so that rounding never lands just before an opening hour.
    x = np.asarray(opened, np.float64) + 1e-9
    week = np.floor(x)
    rest = x - week  # in [0, 1): its hour (the last starting at or before it) has weight
    hour = np.searchsorted(c, rest, side="right") - 1
    share = np.clip((rest - c[hour]) / w[hour], 0.0, 1.0)
    second = np.minimum(np.rint(share * HOUR), HOUR - 1).astype(np.int64)
    return MONDAY + week.astype(np.int64) * WEEK + hour * HOUR + second


def between(
    profile: Profile, u: np.ndarray, low: np.ndarray | int, high: np.ndarray | int
) -> np.ndarray:
    """Times in [low, high] (epoch s) drawn by ``u`` (uniform in [0, 1)) with the profile's
    density; where the span holds no open hour, uniformly.

    >>> from c360.generate.plan import epoch
    >>> at = between(OFFICE, np.array([0.0, 0.5, 0.999]), np.array([epoch("2025-03-07T18:30")]),
    ...              np.array([epoch("2025-03-10T23:00")]))  # Friday evening to Monday night
    >>> [str(t) for t in at.astype("datetime64[s]")]
    ['2025-03-07T18:30:00', '2025-03-10T13:30:00', '2025-03-10T18:58:44']
    """
    first = np.asarray(low, np.int64)
    last = np.maximum(np.asarray(high, np.int64), first)
    start, stop = open_time(profile, first), open_time(profile, last)
    weighted = wall_time(profile, start + u * (stop - start))
    plain = first + (u * (last - first)).astype(np.int64)
    return np.clip(np.where(stop > start, weighted, plain), first, last)


def retime(
    profile: Profile, u: np.ndarray, at: np.ndarray, low: np.ndarray, high: np.ndarray
) -> np.ndarray:
    """``at`` moved to a time of its own day drawn from the profile, kept within [low, high].

    >>> from c360.generate.plan import epoch
    >>> day = epoch("2025-03-05")
    >>> at = retime(STORE, np.array([0.0, 0.999]), np.full(2, day + 3 * HOUR), day, day + DAY)
    >>> [str(t) for t in at.astype("datetime64[s]")]
    ['2025-03-05T09:00:00', '2025-03-05T19:59:16']
    """
    day = np.asarray(at, np.int64) // DAY * DAY
    return between(profile, u, np.maximum(day, low), np.minimum(day + DAY - 1, high))


def send_hours(rng: np.random.Generator, n: int) -> np.ndarray:
    """Each of ``n`` campaigns' send hour, drawn from ``SEND_HOURS``."""
    hours = np.array(list(SEND_HOURS))
    weights = np.array(list(SEND_HOURS.values()), dtype=float)
    return hours[rng.choice(len(hours), n, p=weights / weights.sum())]
