"""Campaign themes and promo codes fit their dates."""

from __future__ import annotations

import numpy as np

from c360.generate.plan import DAY, epoch
from c360.generate.seasons import campaign_themes, promo_codes

# Literal expectations, written apart from the module's tables.
EVENT_DAY = {"Black Friday": "11-28", "Christmas": "12-24", "Valentine's Day": "02-14"}
MONTHS = {"Summer Sale": {6, 7, 8}, "Back to School": {8, 9}, "Winter Sale": {1, 2}}
# Months a campaign of a dated theme may start in, for checks on generated files.
START_MONTHS = {
    **MONTHS,
    "Black Friday": {10, 11},
    "Christmas": {11, 12},
    "Halloween": {9, 10},
    "Valentine's Day": {1, 2},
    "Easter": {2, 3, 4},
    "Spring Sale": {3, 4, 5},
}


def misdated(names: list[str | None], starts: list[str]) -> list[tuple[str, str]]:
    """(name, start) of the campaigns whose dated theme does not fit their start month."""
    return [
        (name, start)
        for name, start in zip(names, starts, strict=True)
        for theme, months in START_MONTHS.items()
        if name and name.startswith(theme + " ") and int(start[5:7]) not in months
    ]


def test_event_themes_hold_their_day_and_seasons_start_in_their_months() -> None:
    rng = np.random.default_rng(3)
    n = 4000
    start = epoch("2023-01-01") + rng.integers(0, 1000, n) * DAY
    end = start + rng.integers(21, 120, n) * DAY
    themes, years = campaign_themes(rng.random(n), start, end)
    seen = set(themes)
    assert set(EVENT_DAY) | set(MONTHS) <= seen  # every theme still occurs somewhere
    for theme, year, s, e in zip(themes, years.tolist(), start, end, strict=True):
        if theme in EVENT_DAY:
            day = epoch(f"{year}-{EVENT_DAY[theme]}")
            assert s <= day <= e and day - s <= 45 * DAY, (theme, year)
        elif theme in MONTHS:
            month = int(str(np.datetime64(int(s), "s"))[5:7])
            assert month in MONTHS[theme], (theme, month)


def test_new_year_is_named_after_the_year_it_opens() -> None:
    start, end = np.array([epoch("2024-12-01")] * 200), np.array([epoch("2025-01-20")] * 200)
    themes, years = campaign_themes(np.linspace(0, 0.999, 200), start, end)
    assert {int(y) for t, y in zip(themes, years, strict=True) if t == "New Year"} == {2025}
    assert "Summer Sale" not in themes and "Easter" not in themes


def test_promo_codes_fit_the_month_of_the_order() -> None:
    u = np.linspace(0, 0.999, 500)
    july = set(promo_codes(u, np.full(500, epoch("2024-07-10"))).tolist())
    december = set(promo_codes(u, np.full(500, epoch("2024-12-10"))).tolist())
    assert {"SUMMER20", "WELCOME10"} <= july and not {"XMAS15", "BLACKFRIDAY"} & july
    assert {"XMAS15", "WELCOME10"} <= december and not {"SUMMER20", "EASTER15"} & december
