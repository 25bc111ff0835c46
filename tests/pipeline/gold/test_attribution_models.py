"""Multi-touch attribution on a hand-built touch path whose credit split is known, on every engine.

Orders are placed at midnight on 15 January 2025; a touch's age is the time from it to the order.
Time-decay weights are 2^(-age / 7 days): 1/4 at 14 days, 1/2 at 7 days, R = 2^(-1/2) at 3.5 days.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import ibis
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c360.contracts import gold_star as c
from c360.contracts.check import violations
from c360.contracts.gold_attribution import ATTRIBUTION_MODELS, CAMPAIGN_ATTRIBUTION_MODELS
from c360.engines import Engine
from c360.pipeline.gold.attribution import campaign_attribution, order_attribution
from c360.pipeline.gold.attribution_models import campaign_attribution_models, touch_credits
from c360.pipeline.gold.run import conform
from tests.pipeline.gold.test_star import built, gold, silver

D = dt.datetime
JAN_15 = D(2025, 1, 15)
R = 2**-0.5
# (customer, campaign, event type, time); the event id is EVT_ and the position in this list.
EVENTS = [
    ("C1", "CAMP_001", "open", D(2024, 12, 31, 23, 59, 59)),  # E0: 14 days + 1 s, too old
    ("C1", "CAMP_001", "open", D(2025, 1, 1)),  # E1: exactly 14 days, counts: first touch
    ("C1", "CAMP_002", "click", D(2025, 1, 8)),  # E2: 7 days
    ("C1", "CAMP_001", "click", D(2025, 1, 11, 12)),  # E3: 3.5 days
    ("C1", "CAMP_003", "open", D(2025, 1, 11, 12)),  # E4: same instant, larger id: last touch
    ("C1", "CAMP_002", "open", JAN_15),  # E5: at the order's instant, not before it
    ("C1", "CAMP_003", "click", D(2025, 1, 20)),  # E6: after the order
    ("C1", "CAMP_002", "bounce", D(2025, 1, 10)),  # E7: neither an open nor a click
    ("C3", "CAMP_002", "open", D(2025, 1, 10)),  # E8: 5 days, first of two
    ("C3", "CAMP_003", "click", D(2025, 1, 12)),  # E9: 3 days, last of two
    ("C4", "CAMP_001", "click", D(2025, 1, 14, 12)),  # E10: the only touch
]
# (order, customer, amount, status): every status earns revenue, as in campaign_attribution.
ORDERS = [
    ("O1", "C1", 200.0, "completed"),
    ("O2", "C2", 30.0, "completed"),  # no touch at all: no credit
    ("O3", "C3", 100.0, "pending"),
    ("O4", "C4", 10.0, "canceled"),
]
BUDGETS = {"CAMP_001": 100, "CAMP_002": 50, "CAMP_003": 0, "CAMP_004": 20}

# O1: four touches in order E1 (14 d), E2 (7 d), E3 (3.5 d), E4 (3.5 d, wins the tie).
S1 = 1 / 4 + 1 / 2 + R + R  # time-decay weights of O1, 2.1642
# O3: E8 (5 d) and E9 (3 d): weights 2^(-5/7) and 2^(-3/7).
W8, W9 = 2 ** (-5 / 7), 2 ** (-3 / 7)
# (order, event): credits (last, first, linear, time decay, position based)
CREDITS = {
    ("O1", "EVT_00000001"): (0, 1, 1 / 4, (1 / 4) / S1, 0.4),  # decay 0.1155
    ("O1", "EVT_00000002"): (0, 0, 1 / 4, (1 / 2) / S1, 0.1),  # 0.2310; the middle share 0.2/2
    ("O1", "EVT_00000003"): (0, 0, 1 / 4, R / S1, 0.1),  # 0.3267
    ("O1", "EVT_00000004"): (1, 0, 1 / 4, R / S1, 0.4),  # 0.3267
    ("O3", "EVT_00000008"): (0, 1, 1 / 2, W8 / (W8 + W9), 0.5),  # 0.4507; two touches: 50/50
    ("O3", "EVT_00000009"): (1, 0, 1 / 2, W9 / (W8 + W9), 0.5),  # 0.5493
    ("O4", "EVT_00000010"): (1, 1, 1, 1, 1),  # one touch takes everything
}


Event = tuple[str, str, str, dt.datetime]
Order = tuple[str, str, float, str]


def sources(
    engine: Engine, events: list[Event] = EVENTS, orders: list[Order] = ORDERS
) -> tuple[ibis.Table, ibis.Table, ibis.Table]:
    """fct_orders, stg_marketing_sends and stg_marketing_events: one send per event."""
    return (
        gold(engine, c.FCT_ORDERS, [
            {"order_id": o, "customer_id": who, "order_at": JAN_15, "total_amount_eur": amount,
             "status": status}
            for o, who, amount, status in orders
        ]),
        silver(engine, "stg_marketing_sends", [
            {"send_id": f"SEND_{i:08d}", "campaign_id": camp, "asset_id": "ASSET_00001",
             "customer_id": who, "send_at": D(2024, 12, 1)}
            for i, (who, camp, _, _) in enumerate(events)
        ]),
        silver(engine, "stg_marketing_events", [
            {"event_id": f"EVT_{i:08d}", "send_id": f"SEND_{i:08d}", "customer_id": who,
             "event_type": kind, "event_at": when}
            for i, (who, _, kind, when) in enumerate(events)
        ]),
    )  # fmt: skip


def campaigns(engine: Engine) -> ibis.Table:
    return gold(engine, c.DIM_CAMPAIGN, [
        {"campaign_id": k, "campaign_name": f"Campaign {k[-1]}", "budget_eur": budget}
        for k, budget in BUDGETS.items()
    ])  # fmt: skip


def credits(engine: Engine, *tables: ibis.Table) -> list[dict[str, Any]]:
    rows = engine.to_arrow(touch_credits(*tables)).to_pylist()
    return sorted(rows, key=lambda r: (r["order_id"], r["event_id"]))


def test_each_model_splits_each_order_as_computed_by_hand(engine: Engine) -> None:
    rows = credits(engine, *sources(engine))
    got = {(r["order_id"], r["event_id"]): tuple(r[m] for m in ATTRIBUTION_MODELS) for r in rows}
    assert list(got) == list(CREDITS)  # E0, E5, E6, E7 and the order O2 give no row
    for key, expected in CREDITS.items():
        assert got[key] == pytest.approx(expected, rel=1e-12), key


def test_credits_sum_to_one_per_touched_order(engine: Engine) -> None:
    rows = credits(engine, *sources(engine))
    for model in ATTRIBUTION_MODELS:
        total: dict[str, float] = {}
        for r in rows:
            total[r["order_id"]] = total.get(r["order_id"], 0.0) + r[model]
        assert total == {"O1": pytest.approx(1), "O3": pytest.approx(1), "O4": pytest.approx(1)}


def test_last_touch_is_order_attribution(engine: Engine) -> None:
    orders, sends, events = sources(engine)
    last = {
        r["order_id"]: r["event_id"]
        for r in credits(engine, orders, sends, events)
        if r["last_touch"]
    }
    seed = engine.to_arrow(order_attribution(orders, sends, events)).to_pylist()
    assert last == {r["order_id"]: r["touch_event_id"] for r in seed if r["touch_event_id"]}


# Per campaign, (credited orders, credit, revenue) under each model, from CREDITS above.
DECAY_1 = (1 / 4 + R) / S1  # CAMP_001's share of O1, 0.4422
DECAY_2 = ((1 / 2) / S1, W8 / (W8 + W9))  # CAMP_002's shares of O1 and O3
DECAY_3 = (R / S1, W9 / (W8 + W9))  # CAMP_003's
EARNED: dict[str, dict[str, tuple[int, float, float]]] = {
    "CAMP_001": {  # E1 and E3 of O1 (200 EUR), E10 of O4 (10 EUR)
        "last_touch": (1, 1, 10.0),
        "first_touch": (2, 2, 210.0),
        "linear": (2, 1 / 4 + 1 / 4 + 1, 200 / 2 + 10),
        "time_decay": (2, DECAY_1 + 1, round(200 * DECAY_1 + 10, 2)),  # 98.45
        "position_based": (2, 0.4 + 0.1 + 1, 200 * 0.5 + 10),
    },
    "CAMP_002": {  # E2 of O1, E8 of O3 (100 EUR)
        "last_touch": (0, 0, 0.0),
        "first_touch": (1, 1, 100.0),
        "linear": (2, 1 / 4 + 1 / 2, 50 + 50),
        "time_decay": (2, sum(DECAY_2), round(200 * DECAY_2[0] + 100 * DECAY_2[1], 2)),  # 91.27
        "position_based": (2, 0.1 + 0.5, 20 + 50),
    },
    "CAMP_003": {  # E4 of O1, E9 of O3
        "last_touch": (2, 2, 300.0),
        "first_touch": (0, 0, 0.0),
        "linear": (2, 1 / 4 + 1 / 2, 50 + 50),
        "time_decay": (2, sum(DECAY_3), round(200 * DECAY_3[0] + 100 * DECAY_3[1], 2)),  # 120.28
        "position_based": (2, 0.4 + 0.5, 80 + 50),
    },
    "CAMP_004": {m: (0, 0, 0.0) for m in ATTRIBUTION_MODELS},  # never touched anyone
}


def test_campaigns_get_each_model_s_orders_revenue_and_roi(engine: Engine) -> None:
    expr = campaign_attribution_models(campaigns(engine), *sources(engine))
    data = conform(engine.to_arrow(expr), CAMPAIGN_ATTRIBUTION_MODELS)
    assert violations(CAMPAIGN_ATTRIBUTION_MODELS, data).num_rows == 0
    expected = []
    for campaign, by_model in EARNED.items():
        budget = BUDGETS[campaign]
        for model in sorted(ATTRIBUTION_MODELS):  # the table is sorted by its key
            orders, credit, revenue = by_model[model]
            expected.append({
                "campaign_id": campaign, "attribution_model": model,
                "campaign_name": f"Campaign {campaign[-1]}", "budget_eur": budget,
                "count_credited_orders": orders, "total_order_credit": pytest.approx(credit),
                "total_attributed_amount_eur": revenue,
                "roi": (revenue - budget) / budget if budget else None,
            })  # fmt: skip
    assert data.to_pylist() == expected
    for model in ATTRIBUTION_MODELS:  # every touched order's revenue is shared out once
        rows = [r for r in data.to_pylist() if r["attribution_model"] == model]
        assert sum(r["total_order_credit"] for r in rows) == pytest.approx(3)
        assert sum(r["total_attributed_amount_eur"] for r in rows) == pytest.approx(310.0)


def test_last_touch_rows_repeat_campaign_attribution(engine: Engine) -> None:
    orders, sends, events = sources(engine)
    seed = built(
        engine,
        c.CAMPAIGN_ATTRIBUTION,
        campaign_attribution(campaigns(engine), order_attribution(orders, sends, events)),
    )
    models = built(
        engine,
        CAMPAIGN_ATTRIBUTION_MODELS,
        campaign_attribution_models(campaigns(engine), orders, sends, events),
    )
    last = [r for r in models if r["attribution_model"] == "last_touch"]
    columns = ("campaign_id", "total_attributed_amount_eur", "roi")
    assert [tuple(r[k] for k in columns) for r in last] == [
        tuple(r[k] for k in columns) for r in seed
    ]
    assert [r["count_credited_orders"] for r in last] == [
        r["count_attributed_orders"] for r in seed
    ]


def expected_credits(ages: list[float]) -> list[tuple[float, ...]]:
    """Each model's credits for touches ``ages`` days before the order, oldest first (a reference
    written apart from the Ibis code)."""
    n = len(ages)
    weights = [2 ** (-age / 7) for age in ages]
    middle = 0.2 / (n - 2) if n > 2 else 0.0
    ends = {1: 1.0, 2: 0.5}.get(n, 0.4)
    return [
        (
            float(i == n - 1),
            float(i == 0),
            1 / n,
            weights[i] / sum(weights),
            ends if i in (0, n - 1) else middle,
        )
        for i in range(n)
    ]


# A touch path: (campaign number, hours before the order); some fall outside the window, at or
# after the order's instant, or at the same instant as another touch.
paths = st.lists(
    st.lists(st.tuples(st.integers(1, 3), st.integers(-48, 400)), max_size=6),
    min_size=1,
    max_size=4,
)


@settings(max_examples=25, deadline=None)
@given(paths)
def test_every_path_is_credited_as_the_reference_says(
    engine: Engine, customers: list[list[tuple[int, int]]]
) -> None:
    events: list[Event] = []
    orders: list[Order] = []
    expected = {}
    for who, path in enumerate(customers):
        orders.append((f"O{who}", f"C{who}", 100.0, "completed"))
        in_window = []
        for campaign, hours in path:
            event_id = f"EVT_{len(events):08d}"
            at = JAN_15 - dt.timedelta(hours=hours)
            events.append((f"C{who}", f"CAMP_00{campaign}", "open", at))
            if 0 < hours <= 14 * 24:
                in_window.append((at, event_id, hours / 24))
        in_window.sort()
        shares = expected_credits([age for *_, age in in_window])
        for (_, event_id, _), share in zip(in_window, shares, strict=True):
            expected[(f"O{who}", event_id)] = share
    rows = credits(engine, *sources(engine, events, orders))
    got = {(r["order_id"], r["event_id"]): tuple(r[m] for m in ATTRIBUTION_MODELS) for r in rows}
    assert got.keys() == expected.keys()
    for key, share in expected.items():
        assert got[key] == pytest.approx(share, rel=1e-9), key
