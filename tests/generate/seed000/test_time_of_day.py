"""Seed 000's clock: orders at shop hours, campaign sends in batches, office-hours interactions
and returns registered in the returns desk's hours (uniform times would fail every test)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa

from c360.generate.plan import DAY
from tests.sourcefiles import read_typed

HOUR = 3600


def _seconds(table: pa.Table, column: str) -> np.ndarray:
    return table.column(column).cast(pa.timestamp("s")).cast(pa.int64()).to_numpy()


def _hours(at: np.ndarray) -> np.ndarray:
    return (at % DAY) // HOUR


def _weekdays(at: np.ndarray) -> np.ndarray:
    """0 = Monday (1970-01-01 was a Thursday)."""
    return (at // DAY + 3) % 7


def test_few_orders_at_night_most_in_the_evening(clean_workspace: Path) -> None:
    orders = read_typed(clean_workspace, "orders")
    hour = _hours(_seconds(orders, "order_at"))
    channel = orders.column("channel").to_numpy(zero_copy_only=False)
    assert (hour < 6).mean() < 0.06  # uniform times: 0.25
    assert ((hour >= 18) & (hour < 22)).mean() > 0.25  # uniform: 0.17
    shop, phone = hour[channel == "in_store"], hour[channel == "phone"]
    assert len(shop) > 100 and ((shop >= 9) & (shop < 20)).all()
    assert len(phone) > 100 and ((phone >= 8) & (phone < 20)).all()


def test_the_sends_of_a_campaign_leave_at_its_hour(clean_workspace: Path) -> None:
    sends = read_typed(clean_workspace, "marketing_sends")
    at = _seconds(sends, "send_at")
    campaign = sends.column("campaign_id").to_numpy(zero_copy_only=False)
    hours = {c: set(_hours(at[campaign == c]).tolist()) for c in set(campaign.tolist())}
    assert len(hours) >= 5 and all(len(h) == 1 for h in hours.values())
    assert len(set().union(*hours.values())) > 1  # campaigns keep different hours
    assert ((at % HOUR) // 60 < 30).all()  # a batch leaves within its first half hour


def test_interactions_happen_on_weekdays_in_office_hours(clean_workspace: Path) -> None:
    at = _seconds(read_typed(clean_workspace, "crm_interactions"), "occurred_at")
    assert len(at) > 1000
    assert (_weekdays(at) < 5).all()
    assert ((_hours(at) >= 8) & (_hours(at) < 19)).all()


def test_returns_are_registered_in_business_hours(clean_workspace: Path) -> None:
    at = _seconds(read_typed(clean_workspace, "returns"), "created_at")
    assert len(at) > 100
    assert (_weekdays(at) < 6).all()  # never on a Sunday
    assert ((_hours(at) >= 9) & (_hours(at) < 18)).all()
