"""The recomputed 14-day last-touch attribution: its edges, and its agreement with the source."""

from __future__ import annotations

import datetime as dt
from typing import Any

import ibis
import pytest

from c360.contracts import gold_star as c
from c360.engines import Engine
from c360.pipeline.gold.attribution import campaign_attribution, order_attribution
from tests.pipeline.gold.test_star import built, gold, silver

D = dt.datetime
JAN_15 = D(2025, 1, 15)
# (customer, campaign, event type, time): one customer per case.
EVENTS = [
    ("C1", "CAMP_001", "click", D(2025, 1, 1)),  # exactly 14 days before O1: counts
    ("C2", "CAMP_001", "open", D(2025, 1, 1)),  # 14 days and 1 second before O2: too old
    ("C3", "CAMP_001", "open", D(2025, 1, 5)),
    ("C3", "CAMP_002", "click", D(2025, 1, 10)),  # the last touch before O3
    ("C3", "CAMP_001", "open", JAN_15),  # at the order's instant: not before it
    ("C3", "CAMP_001", "open", D(2025, 1, 20)),  # after the order
    ("C4", "CAMP_001", "bounce", D(2025, 1, 14)),  # neither an open nor a click
    ("C4", "CAMP_001", "unsubscribe", D(2025, 1, 14)),
    ("C5", "CAMP_001", "open", D(2025, 1, 10, 12)),  # a tie: the larger event id wins
    ("C5", "CAMP_002", "open", D(2025, 1, 10, 12)),
]
# (order, customer, time, amount, status, the source's campaign)
ORDERS = [
    ("O1", "C1", JAN_15, 100.0, "completed", "CAMP_001"),
    ("O2", "C2", D(2025, 1, 15, 0, 0, 1), 10.0, "completed", None),
    ("O3", "C3", JAN_15, 40.0, "canceled", "CAMP_001"),
    ("O4", "C4", JAN_15, 25.0, "completed", "CAMP_002"),
    ("O5", "C5", JAN_15, 60.0, "pending", "CAMP_002"),
    ("O6", "C6", JAN_15, 5.0, "completed", None),  # no touch at all
]


def attribution(engine: Engine) -> ibis.Table:
    sends = silver(engine, "stg_marketing_sends", [
        {"send_id": f"SEND_{i:08d}", "campaign_id": camp, "asset_id": "ASSET_00001",
         "customer_id": who, "send_at": D(2024, 12, 31)}
        for i, (who, camp, _, _) in enumerate(EVENTS)
    ])  # fmt: skip
    events = silver(engine, "stg_marketing_events", [
        {"event_id": f"EVT_{i:08d}", "send_id": f"SEND_{i:08d}", "customer_id": who,
         "event_type": kind, "event_at": when}
        for i, (who, _, kind, when) in enumerate(EVENTS)
    ])  # fmt: skip
    orders = gold(engine, c.FCT_ORDERS, [
        {"order_id": o, "customer_id": who, "order_at": when, "total_amount_eur": amount,
         "status": status, "attributed_campaign_id": source}
        for o, who, when, amount, status, source in ORDERS
    ])  # fmt: skip
    return order_attribution(orders, sends, events)


def test_last_open_or_click_within_14_days_before_the_order(engine: Engine) -> None:
    rows = built(engine, c.ORDER_ATTRIBUTION, attribution(engine))
    got = [
        (r["order_id"], r["campaign_id"], r["touch_event_id"], r["touch_type"], r["touch_at"])
        for r in rows
    ]
    assert got == [
        ("O1", "CAMP_001", "EVT_00000000", "click", D(2025, 1, 1)),
        ("O2", None, None, None, None),
        ("O3", "CAMP_002", "EVT_00000003", "click", D(2025, 1, 10)),
        ("O4", None, None, None, None),
        ("O5", "CAMP_002", "EVT_00000009", "open", D(2025, 1, 10, 12)),
        ("O6", None, None, None, None),
    ]
    assert [(r["source_campaign_id"], r["is_matching_source"]) for r in rows] == [
        ("CAMP_001", True),
        (None, True),  # neither attributes the order
        ("CAMP_001", False),
        ("CAMP_002", False),
        ("CAMP_002", True),
        (None, True),
    ]


def test_campaigns_get_orders_revenue_roi_and_disagreements(engine: Engine) -> None:
    campaigns = gold(engine, c.DIM_CAMPAIGN, [
        {"campaign_id": "CAMP_001", "campaign_name": "Spring", "budget_eur": 100},
        {"campaign_id": "CAMP_002", "campaign_name": "Summer", "budget_eur": 50},
        {"campaign_id": "CAMP_003", "campaign_name": "Idle", "budget_eur": 0},
    ])  # fmt: skip
    rows = built(
        engine, c.CAMPAIGN_ATTRIBUTION, campaign_attribution(campaigns, attribution(engine))
    )
    expected: list[dict[str, Any]] = [  # every status counts in revenue, as in the seed's ROI
        {"campaign_id": "CAMP_001", "campaign_name": "Spring", "budget_eur": 100,
         "count_attributed_orders": 1, "total_attributed_amount_eur": 100.0, "roi": 0.0,
         "count_source_attributed_orders": 2, "total_source_attributed_amount_eur": 140.0,
         "source_roi": pytest.approx(0.4), "count_orders_matching": 1,
         "count_orders_recomputed_only": 0, "count_orders_source_only": 1},
        {"campaign_id": "CAMP_002", "campaign_name": "Summer", "budget_eur": 50,
         "count_attributed_orders": 2, "total_attributed_amount_eur": 100.0, "roi": 1.0,
         "count_source_attributed_orders": 2, "total_source_attributed_amount_eur": 85.0,
         "source_roi": pytest.approx(0.7), "count_orders_matching": 1,
         "count_orders_recomputed_only": 1, "count_orders_source_only": 1},
        {"campaign_id": "CAMP_003", "campaign_name": "Idle", "budget_eur": 0,
         "count_attributed_orders": 0, "total_attributed_amount_eur": 0.0, "roi": None,
         "count_source_attributed_orders": 0, "total_source_attributed_amount_eur": 0.0,
         "source_roi": None, "count_orders_matching": 0,
         "count_orders_recomputed_only": 0, "count_orders_source_only": 0},
    ]  # fmt: skip
    assert rows == expected


def test_campaign_revenue_is_the_same_whatever_order_its_orders_are_added_in(
    engine: Engine,
) -> None:
    # 0.001 + 0.092 + 0.932 is 1.025, a tie: added as doubles it lands above it in CAMP_001's
    # order and below it in CAMP_002's. Both get the tie rounded up, by either attribution.
    campaigns = gold(engine, c.DIM_CAMPAIGN, [
        {"campaign_id": camp, "campaign_name": camp, "budget_eur": 1}
        for camp in ("CAMP_001", "CAMP_002")
    ])  # fmt: skip
    amounts = {"CAMP_001": (0.001, 0.092, 0.932), "CAMP_002": (0.932, 0.092, 0.001)}
    orders = gold(engine, c.ORDER_ATTRIBUTION, [
        {"order_id": f"{camp}_{i}", "total_amount_eur": amount, "campaign_id": camp,
         "source_campaign_id": camp, "is_matching_source": True}
        for camp, each in amounts.items() for i, amount in enumerate(each)
    ])  # fmt: skip
    rows = built(engine, c.CAMPAIGN_ATTRIBUTION, campaign_attribution(campaigns, orders))
    assert [r["total_attributed_amount_eur"] for r in rows] == [1.03, 1.03]
    assert [r["total_source_attributed_amount_eur"] for r in rows] == [1.03, 1.03]
