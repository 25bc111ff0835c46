"""Names that fit their dates: no "Black Friday" campaign in March, no "XMAS15" code in July.

A campaign theme or promo code is an *event* (its window must hold the day, and start at most
``LEAD_DAYS`` before it), a *season* (it starts in one of its months) or neither (any date).
"""

from __future__ import annotations

import numpy as np

from c360.generate import vocab
from c360.generate.plan import DAY

LEAD_DAYS = 45
# Theme -> (month, day) of the event; the campaign is named after the event's year.
EVENTS = {
    "Black Friday": (11, 28),
    "Cyber Monday": (12, 1),
    "Christmas": (12, 24),
    "Boxing Day": (12, 26),
    "New Year": (1, 1),
    "Valentine's Day": (2, 14),
    "Easter": (4, 5),
    "Earth Day": (4, 22),
    "Mother's Day": (5, 25),
    "Father's Day": (6, 15),
    "Halloween": (10, 31),
    "Singles' Day": (11, 11),
}
# Theme or promo code -> the months it may start (or be used) in.
SEASONS = {
    "Spring Sale": (3, 4, 5),
    "Summer Sale": (6, 7, 8),
    "Winter Sale": (1, 2),
    "Mid-Season Sale": (4, 5, 10, 11),
    "Back to School": (8, 9),
    "Holiday Gift Guide": (11, 12),
    "Spring Collection": (2, 3, 4),
    "Autumn Collection": (8, 9, 10),
    "Summer Clearance": (7, 8),
    "SPRING24": (3, 4, 5),
    "SUMMER20": (6, 7, 8),
    "BLACKFRIDAY": (11,),
    "CYBER30": (11, 12),
    "XMAS15": (11, 12),
    "NEWYEAR25": (12, 1),
    "BACK2SCHOOL": (8, 9),
    "SOLDES30": (1, 2, 6, 7),
    "RENTREE15": (8, 9),
    "REBAJAS20": (1, 2, 7, 8),
    "SOMMER15": (6, 7, 8),
    "EASTER15": (3, 4),
}


def _year_month_day(at: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    days = (np.asarray(at) // DAY).astype("datetime64[D]")
    year = days.astype("datetime64[Y]")
    month = days.astype("datetime64[M]")
    return (
        year.astype(int) + 1970,
        (month - year.astype("datetime64[M]")).astype(int) + 1,
        (days - month.astype("datetime64[D]")).astype(int) + 1,
    )


def _event_day(year: np.ndarray, month: int, day: int) -> np.ndarray:
    """Epoch seconds of ``month``/``day`` in each ``year``."""
    months = (np.asarray(year) - 1970) * 12 + month - 1
    return (months.astype("datetime64[M]").astype("datetime64[D]") + day - 1).astype(np.int64) * DAY


def campaign_themes(
    u: np.ndarray, start: np.ndarray, end: np.ndarray
) -> tuple[list[str], np.ndarray]:
    """A theme of ``vocab.CAMPAIGN_THEMES`` fitting each [start, end] window (epoch s), picked
    by ``u`` (uniform in [0, 1)), and the year to name it after.

    >>> from c360.generate.plan import epoch
    >>> u = np.linspace(0, 0.99, 100)
    >>> themes, years = campaign_themes(
    ...     u, np.full(100, epoch("2024-11-20")), np.full(100, epoch("2025-01-31"))
    ... )
    >>> "Black Friday" in themes, "Singles' Day" in themes, "Summer Sale" in themes
    (True, False, False)
    >>> sorted({(t, int(y)) for t, y in zip(themes, years) if t in ("Christmas", "New Year")})
    [('Christmas', 2024), ('New Year', 2025)]
    """
    start, end = np.asarray(start, np.int64), np.asarray(end, np.int64)
    year, month, _ = _year_month_day(start)
    n, names = len(start), vocab.CAMPAIGN_THEMES
    fits = np.ones((n, len(names)), dtype=bool)
    named_year = np.tile(year[:, None], (1, len(names)))
    for j, name in enumerate(names):
        if name in EVENTS:
            fits[:, j] = False
            for later in (0, 1):  # the event of the start's year, or of the next one
                day = _event_day(year + later, *EVENTS[name])
                here = (start <= day) & (day <= end) & (day - start <= LEAD_DAYS * DAY)
                fits[:, j] |= here
                named_year[here, j] = year[here] + later
        elif name in SEASONS:
            fits[:, j] = np.isin(month, SEASONS[name])
    pick = _pick(u, fits)
    return [names[j] for j in pick], named_year[np.arange(n), pick]


def promo_codes(u: np.ndarray, at: np.ndarray) -> np.ndarray:
    """A code of ``vocab.PROMO_CODES`` valid at each time (epoch s), picked by ``u``.

    >>> from c360.generate.plan import epoch
    >>> codes = promo_codes(np.linspace(0, 0.99, 50), np.full(50, epoch("2024-07-14")))
    >>> "XMAS15" in codes, "SUMMER20" in codes
    (False, True)
    """
    _, month, _ = _year_month_day(np.asarray(at, np.int64))
    codes = vocab.PROMO_CODES
    fits = np.stack([np.isin(month, SEASONS.get(c, range(1, 13))) for c in codes], axis=1)
    return np.array(codes, dtype=object)[_pick(u, fits)]


def _pick(u: np.ndarray, fits: np.ndarray) -> np.ndarray:
    """Per row, the column of the ``u``-th quantile among the row's True columns."""
    count = fits.sum(axis=1)
    rank = np.minimum((np.asarray(u) * count).astype(np.int64), count - 1)
    return np.argmax(np.cumsum(fits, axis=1) > rank[:, None], axis=1)
